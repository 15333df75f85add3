"""What one output pixel of a feature layer reads: a convolution's window, a max pooling's block.

Pixel (y, x) of a convolution's map reads the k×k window of every input map
under it; a "same" convolution pads with zeros, so a window at the edge reads
zeros outside the image, exactly what the engine multiplies.  Pixel (y, x) of
a max pooling keeps the largest value of its p×p block, the first in reading
order on a tie (as ``MaxPool2D.backward`` sends the gradient).  The Inspector
and the step-through (``conv_walk``) both read pixels through these.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from nndesk.engine.fast.im2col import padding


class Window(NamedTuple):
    """What output pixel (y, x) of a convolution reads: the window (C, k, k) and where it starts."""

    values: np.ndarray  # (C, k, k) a⁽ᴸ⁻¹⁾ under the kernel, zeros where it hangs over a padded edge
    top: int  # row of the window's first row in a⁽ᴸ⁻¹⁾ (negative: padding above)
    left: int


def window(a_prev: np.ndarray, k: int, same: bool, y: int, x: int) -> Window:
    """The k×k window of every map of ``a_prev`` (C, H, W) under output pixel (y, x)."""
    c, h, w = a_prev.shape
    pad, _ = padding(k, same)
    top, left = y - pad, x - pad
    out = np.zeros((c, k, k), np.float64)
    r0, r1, c0, c1 = max(top, 0), min(top + k, h), max(left, 0), min(left + k, w)
    if r1 > r0 and c1 > c0:
        out[:, r0 - top:r1 - top, c0 - left:c1 - left] = a_prev[:, r0:r1, c0:c1]
    return Window(out, top, left)


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
