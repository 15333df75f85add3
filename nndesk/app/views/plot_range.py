"""The cost plot's view range, moving in steps: the axes are re-ticked only when a step is crossed.

pyqtgraph's auto-range follows the data exactly, so every new epoch moves
both axes, and re-laying their ticks and labels costs ~20 ms of GUI thread
per redraw in Python.  A range rounded out to "nice" values (1, 2, 5 × 10ᵏ
epochs; 1, 1.5, 2, 3, 5, 7 × 10ᵏ for the cost, from 0, or whole decades on a
log axis) contains the data just as well and stays put for most epochs.
"""

from __future__ import annotations

import math

import numpy as np

X_STEPS = (1.0, 2.0, 5.0)
Y_STEPS = (1.0, 1.5, 2.0, 3.0, 5.0, 7.0)

Box = tuple[tuple[float, float], tuple[float, float]]  # ((x0, x1), (y0, y1)) in view coordinates


def nice_ceil(v: float, steps: tuple[float, ...]) -> float:
    """The smallest step × 10ᵏ at or above ``v`` (> 0)."""
    base = 10.0 ** math.floor(math.log10(v))
    return next(m * base for m in (*steps, 10.0) if m * base >= v * (1 - 1e-9))


def stepped_box(xs: np.ndarray, costs: np.ndarray, log_y: bool) -> Box | None:
    """A view range holding every (epoch, cost) point, in steps; None before there is anything to show.

    ``log_y``: the view's y is log₁₀ of the cost (pyqtgraph's log mode), so the range is whole decades.
    """
    xs, costs = xs[np.isfinite(xs)], costs[np.isfinite(costs)]
    if log_y:
        costs = costs[costs > 0]
    if xs.size == 0 or costs.size == 0:
        return None
    x = (0.0, nice_ceil(max(float(xs.max()), 1.0), X_STEPS))
    if log_y:
        return x, (math.floor(math.log10(costs.min())), math.ceil(math.log10(costs.max()) + 1e-9))
    top = float(costs.max())
    return x, (0.0, nice_ceil(top, Y_STEPS) if top > 0 else 1.0)
