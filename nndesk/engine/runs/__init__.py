"""Runs: named presets, the recipe that rebuilds a run, and the model files that keep one."""
