"""The few pieces of arithmetic that depend on the number type, so every formula is written once.

The lecture's formulas (``activations``, ``costs``, ``backprop``) run on float32/float64 arrays when
training and on object arrays of ``Decimal`` when the step-through redoes the slides' hand
calculation (``explain/slide.py``).  numpy serves both for + − · /, ``@``, ``maximum`` and ``exp``
(on object arrays ``np.exp`` calls ``Decimal.exp``).  What it cannot do for ``Decimal`` — tanh, ln,
constants and 0/1 masks in the array's own type — is here, so no formula needs a second copy.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def number(like: np.ndarray, value: int | str) -> Any:
    """``value`` in the number type of ``like``: np.float32("0.01"), or Decimal("0.01") on the slides."""
    if like.dtype == object:
        return type(like.flat[0])(value)
    return like.dtype.type(value)


def full(shape: int | tuple[int, ...], value: int | str, like: np.ndarray) -> np.ndarray:
    """An array of ``value`` in the number type of ``like``."""
    return np.full(shape, number(like, value), like.dtype)


def indicator(mask: np.ndarray, like: np.ndarray) -> np.ndarray:
    """1 where ``mask`` holds, else 0, in the number type of ``like`` (a cast for floats: 15× a ``where``)."""
    if like.dtype == object:
        return mask * number(like, 1)
    return mask.astype(like.dtype)


def tanh(x: np.ndarray) -> np.ndarray:
    """tanh, element-wise; ``Decimal`` has no tanh method, so it gets (1 − e^(−2|v|)) / (1 + e^(−2|v|))."""
    return np.tanh(x) if x.dtype != object else np.frompyfunc(_tanh, 1, 1)(x)


def ln(x: np.ndarray) -> np.ndarray:
    """The natural logarithm, element-wise (numpy asks an object for ``.log()``; ``Decimal`` calls it ``ln``)."""
    return np.log(x) if x.dtype != object else np.frompyfunc(lambda v: v.ln(), 1, 1)(x)


def _tanh(v: Any) -> Any:
    e = (-2 * abs(v)).exp()  # ≤ 1, so it never overflows
    r = (1 - e) / (1 + e)
    return r if v >= 0 else -r
