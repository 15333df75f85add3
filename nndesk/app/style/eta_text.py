"""How η is written on screen: one formatter for the slider, the cost plot's markers and the banner.

The slider keeps η to three significant digits (what the label shows is
what trains), and every other place that names η must write the same
number the same way, or "η = 0,0117" on a marker beside "η = 0,012" on
the slider reads as two different rates.  ``:g`` prints a slider value's
digits exactly and a typed-in rate (999999) in full; ``Number`` writes
it the way the UI's language writes numbers ("0,012" in Russian).
"""

from __future__ import annotations

from nndesk.language import Number


def eta_value(eta: float) -> str:
    """The number alone: "0.012", "0,012" in Russian."""
    return f"{Number(float(eta)):g}"


def eta_text(eta: float) -> str:
    """"η = 0.012" (the same in every language: η is the lecture's symbol)."""
    return f"η = {eta_value(eta)}"
