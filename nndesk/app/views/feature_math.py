"""The numbers behind one output pixel of a feature layer, as the inspector shows them, and their colours.

A convolution's pixel (y, x) of map f reads the k×k window of every input
map under it (``window``): z = Σ a·w + b over that window, a = σ(z).  A
"same" convolution pads with zeros, so a window at the edge reads some zeros
outside the image; ``window`` returns them as zeros, exactly what the engine
multiplies.  A max pooling's pixel is the largest value of its p×p block
(``pool_block``): the first in reading order wins a tie, as in the engine.
The sums are taken in float64 from the sample's own numbers, so they show
what the formula says rather than repeating the engine's product.
``signed_rgb`` colours many values at once as the canvas colours one.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from PySide6.QtGui import QColor

from nndesk.app.style.colors import CanvasColors


class Window(NamedTuple):
    """What output pixel (y, x) of a convolution reads: the window (C, k, k) and where it starts."""

    values: np.ndarray  # (C, k, k) a⁽ᴸ⁻¹⁾ under the kernel, zeros where it hangs over a padded edge
    top: int  # row of the window's first row in a⁽ᴸ⁻¹⁾ (negative: padding above)
    left: int


def window(a_prev: np.ndarray, k: int, same: bool, y: int, x: int) -> Window:
    """The k×k window of every map of ``a_prev`` (C, H, W) under output pixel (y, x)."""
    c, h, w = a_prev.shape
    pad = (k - 1) // 2 if same else 0
    top, left = y - pad, x - pad
    out = np.zeros((c, k, k), np.float64)
    r0, r1, c0, c1 = max(top, 0), min(top + k, h), max(left, 0), min(left + k, w)
    if r1 > r0 and c1 > c0:
        out[:, r0 - top:r1 - top, c0 - left:c1 - left] = a_prev[:, r0:r1, c0:c1]
    return Window(out, top, left)


def weighted_sums(window_values: np.ndarray, kernels: np.ndarray) -> np.ndarray:
    """Σ a·w over the window for each input map c: (C,), in float64 (their total plus b is z)."""
    return np.einsum("cij,cij->c", window_values, np.asarray(kernels, np.float64))


class PoolWinner(NamedTuple):
    block: np.ndarray  # (p, p) the block of map f that output pixel (y, x) keeps the largest of
    row: int  # the winner within the block
    col: int

    @property
    def value(self) -> float:
        return float(self.block[self.row, self.col])


def pool_block(a_prev: np.ndarray, size: int, f: int, y: int, x: int) -> PoolWinner:
    """Block (y, x) of map f of ``a_prev`` (C, H, W) and its first largest value (reading order)."""
    block = np.asarray(a_prev[f, y * size:(y + 1) * size, x * size:(x + 1) * size], np.float64)
    row, col = divmod(int(np.argmax(block)), size)
    return PoolWinner(block, row, col)


def rgb(color: QColor) -> np.ndarray:
    return np.array([color.red(), color.green(), color.blue()], np.float64)


def signed_rgb(values: np.ndarray, scale: float, colors: CanvasColors) -> np.ndarray:
    """RGB uint8 (…, 3): the canvas's blue for positive, orange for negative, fading to the background
    at 0, full colour at |v| ≥ ``scale``."""
    v = np.nan_to_num(np.asarray(values, np.float64))
    s = np.clip(np.abs(v) / scale, 0, 1)[..., None] if scale > 0 else np.zeros((*v.shape, 1))
    base = rgb(colors.background)
    target = np.where(v[..., None] >= 0, rgb(colors.positive), rgb(colors.negative))
    return np.rint(base + (target - base) * s).astype(np.uint8)


def scale_of(values: np.ndarray) -> float:
    """The largest |value|: the full-colour end of a picture's scale (1 when all are 0)."""
    m = float(np.max(np.abs(np.nan_to_num(values)))) if np.size(values) else 0.0
    return m if m > 0 else 1.0
