"""The sums behind one output pixel of a convolution, as the inspector shows them, and their colours.

A convolution's pixel (y, x) of map f reads the k×k window of every input
map under it (``engine.explain.receptive.window``): z = Σ a·w + b over that
window, a = σ(z).  The sums are taken in float64 from the sample's own
numbers, so they show what the formula says rather than repeating the
engine's product.  ``signed_rgb`` colours many values at once as the canvas
colours one.
"""

from __future__ import annotations

import numpy as np

from nndesk.app.style.colors import CanvasColors


def weighted_sums(window_values: np.ndarray, kernels: np.ndarray) -> np.ndarray:
    """Σ a·w over the window for each input map c: (C,), in float64 (their total plus b is z)."""
    return np.einsum("cij,cij->c", window_values, np.asarray(kernels, np.float64))


def signed_rgb(values: np.ndarray, scale: float, colors: CanvasColors) -> np.ndarray:
    """RGB uint8 (…, 3): the canvas's blue for positive, orange for negative, fading to the background
    at 0, full colour at |v| ≥ ``scale``."""
    return np.rint(colors.signed_rgb(values, scale, neutral=colors.background)).astype(np.uint8)


def scale_of(values: np.ndarray) -> float:
    """The largest |value|: the full-colour end of a picture's scale (1 when all are 0)."""
    m = float(np.max(np.abs(np.nan_to_num(values)))) if np.size(values) else 0.0
    return m if m > 0 else 1.0
