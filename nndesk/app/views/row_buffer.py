"""Rows of numbers appended one at a time, read as numpy columns: the cost plot's curves as they grow.

pyqtgraph's ``scrollingPlots`` example keeps its data in a preallocated array that doubles when it fills,
so appending an epoch costs O(1) amortised and a redraw hands ``setData`` a slice, never a new list.
"""

from __future__ import annotations

import numpy as np


class RowBuffer:
    """Rows appended to a preallocated array that doubles when it fills."""

    def __init__(self, columns: int) -> None:
        self.data, self.n = np.full((256, columns), np.nan), 0

    def append(self, row: list[float]) -> None:
        if self.n == len(self.data):
            self.data = np.concatenate([self.data, np.full_like(self.data, np.nan)])
        self.data[self.n] = row
        self.n += 1

    def column(self, i: int) -> np.ndarray:
        return self.data[: self.n, i]
