"""The student's own digits: each drawing's ink, the 28×28 the network was fed, and its label.

A drawing is kept twice on purpose: the 280×280 ink is what the student drew
(shown in the My digits view, re-centred if preprocessing ever changes), the
28×28 is exactly what the network saw when the digit was added, so training
on "my digits" trains on the same numbers the pad showed.  The set is small
(tens to hundreds of drawings), so it is a list of frozen entries; the arrays
``ink``, ``x`` and ``y`` are each stacked when first read after a change.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from nndesk.engine.core.dataset import Dataset

INK_SHAPE = (280, 280)
X_SHAPE = (28, 28)
N_CLASSES = 10


@dataclass(frozen=True, eq=False)
class MyDigit:
    """One drawing: ``ink`` (280, 280) uint8 as drawn on the pad (255 = ink, 0 = paper, like MNIST's pixels),
    ``x`` (28, 28) float32 in 0..1 exactly as fed to the network, ``label`` 0..9."""

    ink: np.ndarray
    x: np.ndarray
    label: int

    def __post_init__(self) -> None:
        if problem := entry_problem(self.ink, self.x, self.label):
            raise ValueError(problem)


def entry_problem(ink: np.ndarray, x: np.ndarray, label: object) -> str | None:
    """Why (ink, x, label) is no drawing of the set, in a few words; None if it is one."""
    if not isinstance(ink, np.ndarray) or ink.shape != INK_SHAPE or ink.dtype != np.uint8:
        return f"the ink must be a 280×280 uint8 image, got {getattr(ink, 'shape', type(ink).__name__)}"
    if not isinstance(x, np.ndarray) or x.shape != X_SHAPE or x.dtype.kind != "f":
        return f"the input must be 28×28 floats, got {getattr(x, 'shape', type(x).__name__)}"
    if not np.isfinite(x).all():
        return "the input has a NaN or infinite pixel"
    if x.min() < 0 or x.max() > 1:
        return f"the input's pixels span {x.min():g}..{x.max():g}, not 0..1"
    if isinstance(label, bool) or not isinstance(label, (int, np.integer)) or not 0 <= label < N_CLASSES:
        return f"the label {label!r} is not a digit 0..9"
    return None


def make_digit(ink: np.ndarray, x: np.ndarray, label: int) -> MyDigit:
    """A read-only MyDigit from any arrays of the right shapes (copied, so later edits of them cannot reach it)."""
    ink = np.array(ink, dtype=np.uint8) if np.asarray(ink).dtype.kind in "ub" else np.asarray(ink)
    x = np.array(x, dtype=np.float32) if np.asarray(x).dtype.kind == "f" else np.asarray(x)
    digit = MyDigit(ink, x, int(label) if isinstance(label, (int, np.integer)) else label)
    digit.ink.flags.writeable = False
    digit.x.flags.writeable = False
    return digit


class MyDigits:
    """The personal set: an ordered list of MyDigit; index i is the same drawing in ``ink``, ``x`` and ``y``."""

    def __init__(self, digits: list[MyDigit] | None = None) -> None:
        self._digits: list[MyDigit] = list(digits or [])
        self._stacked: dict[str, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self._digits)

    def __getitem__(self, i: int) -> MyDigit:
        return self._digits[i]

    def __iter__(self) -> Iterator[MyDigit]:
        return iter(self._digits)

    def _stack(self, key: str) -> np.ndarray:
        """``ink``, ``x`` or ``y`` of every drawing as one read-only array, made once per change of the set
        (each on its own: the labels are read far more often than the 40 MB of ink of 500 drawings)."""
        if key not in self._stacked:
            if key == "y":
                a = np.array([d.label for d in self._digits], dtype=np.int64)
            else:
                shape, dtype = (INK_SHAPE, np.uint8) if key == "ink" else (X_SHAPE, np.float32)
                a = np.stack([getattr(d, key) for d in self._digits]) if self._digits else np.zeros((0, *shape), dtype)
            a.flags.writeable = False
            self._stacked[key] = a
        return self._stacked[key]

    @property
    def ink(self) -> np.ndarray:
        """(n, 280, 280) uint8, read-only."""
        return self._stack("ink")

    @property
    def x(self) -> np.ndarray:
        """(n, 28, 28) float32 in 0..1, read-only."""
        return self._stack("x")

    @property
    def y(self) -> np.ndarray:
        """(n,) int64 labels, read-only."""
        return self._stack("y")

    def counts(self) -> np.ndarray:
        """How many drawings of each digit 0..9."""
        return np.bincount(self.y, minlength=N_CLASSES).astype(np.int64)

    def add(self, ink: np.ndarray, x: np.ndarray, label: int) -> int:
        """Append a drawing (ValueError if it is not one); returns its index."""
        self._digits.append(make_digit(ink, x, label))
        self._stacked = {}
        return len(self._digits) - 1

    def relabel(self, i: int, label: int) -> None:
        """Give drawing ``i`` another label (ValueError unless 0..9)."""
        old = self._digits[i]
        self._digits[i] = MyDigit(old.ink, old.x, int(label) if isinstance(label, (int, np.integer)) else label)
        self._stacked = {}

    def remove(self, i: int) -> MyDigit:
        """Take drawing ``i`` out and return it (for undo: ``insert(i, it)``)."""
        digit = self._digits.pop(i)
        self._stacked = {}
        return digit

    def insert(self, i: int, digit: MyDigit) -> None:
        """Put ``digit`` back at index ``i`` (what undoing a removal does)."""
        if not isinstance(digit, MyDigit):
            raise TypeError(f"expected a MyDigit, got {type(digit).__name__}")
        self._digits.insert(i, digit)
        self._stacked = {}

    def clear(self) -> MyDigits:
        """Empty the set; returns the old contents as a set of their own (for undo)."""
        old = MyDigits(self._digits)
        self._digits = []
        self._stacked = {}
        return old

    def copy(self) -> MyDigits:
        """An independent set with the same drawings (entries are read-only, so they are shared)."""
        return MyDigits(self._digits)

    def dataset(self, name: str = "my digits") -> Dataset:
        """The set as digits to train or test on: uint8 pixels round(x·255), (n, 784)."""
        pixels = np.rint(self.x.reshape(len(self), X_SHAPE[0] * X_SHAPE[1]) * np.float32(255)).astype(np.uint8)
        return Dataset(name, pixels, self.y.copy(), N_CLASSES, X_SHAPE)
