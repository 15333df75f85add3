"""Training in the window: the worker thread, its GUI-thread controller, the Training dock and status."""
