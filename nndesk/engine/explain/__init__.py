"""Explaining the mathematics.

One sample's trace, the step-by-step walkthrough, slide arithmetic, formulas, gradient checks.
"""
