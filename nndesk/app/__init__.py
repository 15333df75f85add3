"""The app: Qt widgets over the engine, one subpackage per part (see docs/ARCHITECTURE.md)."""
