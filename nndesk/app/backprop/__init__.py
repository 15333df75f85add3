"""Backpropagation step by step, as on the lecture's slides."""
