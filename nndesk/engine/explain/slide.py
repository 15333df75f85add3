"""Slide arithmetic: the lecture's hand calculation, with its rounding, in ``decimal``.

On the slides each number is computed from the numbers already shown and
then *cut* (truncated toward zero) to a fixed number of decimals:

    2 decimals: activations a, the cost C, σ′ and δ = ∂C/∂z
    3 decimals: z, ∂C/∂a, ∂C/∂w, ∂C/∂b, weights, biases, inputs and targets

So a = σ(0.3) = 0.5744 → 0.57, then z⁽²⁾ = 0.2·0.57 + 0.52·0.5 = 0.374, and
∂C/∂w₀₀⁽¹⁾ = 0.59·0.24·0.57 = 0.0807 → 0.08 (the three factors of the chain
rule are multiplied first, then cut, as on the slide).  ``Decimal`` keeps
0.2 − 0.1·0.08 exactly 0.192, where binary floats give 0.19199….

The formulas are not repeated here: ``slide_trace`` runs the lecture's
reference (``core/backprop.py``) and the network's own activation and cost
objects over ``Decimal`` numbers, cutting each number as it is written down.
It returns a ``trace.Trace`` (object arrays of ``Decimal``), so the
step-through can show either arithmetic from one code path.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal, DivisionByZero, InvalidOperation, localcontext
from typing import Any

import numpy as np

from nndesk.engine.core.backprop import Quantity
from nndesk.engine.core.layers import Dense
from nndesk.engine.core.network import Network
from nndesk.engine.explain.trace import Trace, sample_trace

A_PLACES = 2  # a, C, σ′, δ
Z_PLACES = 3  # z, ∂C/∂a, ∂C/∂w, ∂C/∂b, w, b, inputs
PLACES: dict[Quantity, int] = {"a": A_PLACES, "cost": A_PLACES, "sigma_prime": A_PLACES, "delta": A_PLACES,
                               "z": Z_PLACES, "dC_da": Z_PLACES, "gradient": Z_PLACES, "weight": Z_PLACES}


def to_decimal(x: float | np.floating) -> Decimal:
    """The decimal a person reads for ``x``: 0.12 is 0.12, not 0.1199999999999999956."""
    return Decimal(np.format_float_positional(x, unique=True, trim="-"))


def cut(x: Decimal, places: int) -> Decimal:
    """Truncate toward zero after ``places`` decimals: 0.5744 → 0.57, −0.0141 → −0.014."""
    return x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)


def slide_text(x: Decimal) -> str:
    """As written on a slide: trailing zeros dropped, never an exponent (0.080 → "0.08")."""
    if x.is_zero():
        return "0"
    return format(x.normalize(), "f")


def _cut_all(arr: Any, places: int) -> Any:
    if not isinstance(arr, np.ndarray):
        return cut(arr, places)
    return np.frompyfunc(lambda v: cut(v, places), 1, 1)(arr)


def shown(quantity: Quantity, value: Any) -> Any:
    """Each number as the slide writes it down, before the next formula reads it."""
    return _cut_all(value, PLACES[quantity])


def _dec_all(arr: np.ndarray, places: int) -> np.ndarray:
    return np.array([cut(to_decimal(v), places) for v in np.ravel(arr)], dtype=object).reshape(np.shape(arr))


def slide_trace(network: Network, x: np.ndarray, t: np.ndarray, eta: float) -> Trace:
    """The lecture's hand calculation for one sample, every number cut as on the slides."""
    with localcontext() as ctx:
        ctx.prec = 60
        # cross-entropy's ∂C/∂a = −t/a at an output cut to 0 is ∞ or NaN, as in float (δ never needs it)
        ctx.traps[DivisionByZero] = ctx.traps[InvalidOperation] = False
        layers = [Dense(_dec_all(layer.weights, Z_PLACES), _dec_all(layer.bias, Z_PLACES), layer.activation,
                        layer.frozen, layer.frozen_bias) for layer in network.layers]
        xs = _dec_all(np.ravel(x), Z_PLACES).reshape(1, -1)
        ts = _dec_all(np.ravel(t), Z_PLACES).reshape(1, -1)
        return sample_trace(layers, network.cost, xs, ts, to_decimal(eta), Decimal, shown)
