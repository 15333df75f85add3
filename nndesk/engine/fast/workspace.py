"""Big scratch arrays reused from batch to batch, unless someone still holds them.

A convolution's patch matrix is megabytes (13 MB for digits-cnn's second
layer at batch 64).  Allocated afresh every batch, it comes from a new
mapping — glibc maps blocks above ``heap.MMAP_THRESHOLD`` — and the kernel
zero-fills its pages on first touch: thousands of page faults a batch, a
quarter of the layer's time.  A ``Workspace`` hands out the array it gave
before when nothing else refers to it any more (CPython's reference count:
the list that keeps it, the loop's name and ``getrefcount``'s argument), and
a new one otherwise.  So the factors of an ``OuterGradient`` that someone
kept (``Trainer.last_gradients``, read later by the inspector) are never
overwritten: while they are held, the next batch gets a fresh array.

An array handed out again still holds what was written into it: ``im2col``
marks (``mark``) that a patch matrix's column of ones is there, and skips
rewriting it — one float a row touches every cache line of the matrix, as
costly as writing it all.

Use it from one thread (the training loop's); ``feedforward`` doesn't.
"""

from __future__ import annotations

import sys

import numpy as np

_UNHELD = 3  # references to a free array during the check: the list, the loop variable, getrefcount's argument


class Workspace:
    def __init__(self, keep: int = 2) -> None:
        self._arrays: list[np.ndarray] = []
        self._keep = keep
        self._marks: dict[int, str] = {}  # id of a kept array → what its holder said it still contains

    def mark(self, a: np.ndarray, what: str) -> None:
        """Remember that ``a`` (an array this workspace handed out) holds ``what`` until handed out anew."""
        self._marks[id(a)] = what

    def marked(self, a: np.ndarray, what: str) -> bool:
        return self._marks.get(id(a)) == what

    def empty(self, shape: tuple[int, ...], dtype: np.dtype | type) -> np.ndarray:
        """An uninitialised array of ``shape``: one handed out before that nobody holds, else a new one."""
        dtype = np.dtype(dtype)
        for a in self._arrays:
            if a.shape == shape and a.dtype == dtype and sys.getrefcount(a) <= _UNHELD:
                return a
        a = np.empty(shape, dtype)
        self._arrays = [*self._arrays[-(self._keep - 1):], a] if self._keep > 1 else [a]
        self._marks = {i: m for i, m in self._marks.items() if any(id(b) == i for b in self._arrays)}
        return a
