"""The shell: starts the app, builds the main window and wires the feature packages together (only it may)."""
