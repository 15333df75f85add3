"""nndesk: a desktop lab for learning how neural networks work."""

__version__ = "0.1.0"
