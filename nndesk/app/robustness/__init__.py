"""The Robustness dock: accuracy under distortions, and the "not sure" threshold with its coverage–accuracy curve."""
