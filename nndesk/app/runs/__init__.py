"""Runs: every training run recorded, and 2–4 of them overlaid to compare."""
