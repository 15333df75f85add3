"""Slide arithmetic: the lecture's hand calculation, with its rounding, in ``decimal``.

On the slides each number is computed from the numbers already shown and
then *cut* (truncated toward zero) to a fixed number of decimals:

    2 decimals: activations a, the cost C, σ′ and δ = ∂C/∂z
    3 decimals: z, ∂C/∂a, ∂C/∂w, ∂C/∂b, weights, biases, inputs and targets

So a = σ(0.3) = 0.5744 → 0.57, then z⁽²⁾ = 0.2·0.57 + 0.52·0.5 = 0.374, and
∂C/∂w₀₀⁽¹⁾ = 0.59·0.24·0.57 = 0.0807 → 0.08 (the three factors of the chain
rule are multiplied first, then cut, as on the slide).  ``Decimal`` keeps
0.2 − 0.1·0.08 exactly 0.192, where binary floats give 0.19199….

``slide_trace`` returns the same fields as ``trace.Trace`` (object arrays of
``Decimal``), so the step-through can show either arithmetic from one code path.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal, localcontext

import numpy as np

from nndesk.engine.core.network import Network
from nndesk.engine.explain.trace import Trace

A_PLACES = 2  # a, C, σ′, δ
Z_PLACES = 3  # z, ∂C/∂a, ∂C/∂w, ∂C/∂b, w, b, inputs
_EPS = Decimal("1e-12")  # as in costs.py: keeps ln(0) finite
_ONE, _ZERO = Decimal(1), Decimal(0)


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


def _cut_all(arr: np.ndarray, places: int) -> np.ndarray:
    return np.vectorize(lambda v: cut(v, places), otypes=[object])(arr)


def _dec_all(arr: np.ndarray, places: int) -> np.ndarray:
    return np.array([cut(to_decimal(v), places) for v in np.ravel(arr)], dtype=object).reshape(np.shape(arr))


def _fn(name: str, z: np.ndarray) -> np.ndarray:
    """σ(z) in Decimal for the built-in activations."""
    if name == "softmax":
        e = np.array([(v - max(z)).exp() for v in z], dtype=object)
        return e / sum(e)

    def one(v: Decimal) -> Decimal:
        if name == "sigmoid":
            return _ONE / (_ONE + (-v).exp())
        if name == "tanh":
            e = (-2 * abs(v)).exp()
            return (_ONE - e) / (_ONE + e) * (1 if v >= 0 else -1)
        if name == "relu":
            return max(v, _ZERO)
        if name == "leaky-relu":
            return v if v > 0 else Decimal("0.01") * v
        if name == "linear":
            return v
        raise ValueError(f"slide arithmetic does not know the activation {name!r}")
    return np.array([one(v) for v in z], dtype=object)


def _prime(name: str, z: np.ndarray, a: np.ndarray) -> np.ndarray:
    """σ′ from the shown z and a: the lecture's σ′ = a(1 − a) for the sigmoid."""
    table = {
        "sigmoid": lambda zv, av: av * (_ONE - av),
        "tanh": lambda zv, av: _ONE - av * av,
        "relu": lambda zv, av: _ONE if zv > 0 else _ZERO,
        "leaky-relu": lambda zv, av: _ONE if zv > 0 else Decimal("0.01"),
        "linear": lambda zv, av: _ONE,
    }
    if name not in table:  # softmax: no element-wise σ′ (cross-entropy cancels it)
        return np.array([Decimal("NaN")] * len(z), dtype=object)
    return np.array([table[name](zv, av) for zv, av in zip(z, a)], dtype=object)


def slide_trace(network: Network, x: np.ndarray, t: np.ndarray, eta: float) -> Trace:
    """The lecture's hand calculation for one sample, every number cut as on the slides."""
    with localcontext() as ctx:
        ctx.prec = 60
        layers = network.layers
        W = [_dec_all(layer.weights, Z_PLACES) for layer in layers]
        B = [_dec_all(layer.bias, Z_PLACES) for layer in layers]
        a = _dec_all(np.ravel(x), Z_PLACES)
        tt = _dec_all(np.ravel(t), Z_PLACES)
        eta_d = to_decimal(eta)
        zs, acts = [], [a]
        for w, b, layer in zip(W, B, layers):
            z = _cut_all(w.dot(a) + b, Z_PLACES)  # z = Σ w·a + b
            a = _cut_all(_fn(layer.activation.name, z), A_PLACES)  # a = σ(z)
            zs.append(z)
            acts.append(a)
        out, cost_name = layers[-1].activation.name, network.cost.name
        if cost_name == "quadratic":
            cost = cut(sum((tt - a) ** 2) / 2, A_PLACES)  # C = ½Σ(t − a)²
        elif out == "softmax":
            cost = cut(-sum(tt * np.array([(v + _EPS).ln() for v in a], dtype=object)), A_PLACES)
        else:
            cost = cut(-sum(tt * np.array([(v + _EPS).ln() for v in a], dtype=object)
                            + (_ONE - tt) * np.array([(_ONE - v + _EPS).ln() for v in a], dtype=object)), A_PLACES)
        n = len(layers)
        dC_da, sp, deltas, gw, gb = ([None] * n for _ in range(5))
        for l in range(n - 1, -1, -1):
            sp[l] = _cut_all(_prime(layers[l].activation.name, zs[l], acts[l + 1]), A_PLACES)
            if l == n - 1 and cost_name != "quadratic":
                dC_da[l] = np.array([Decimal("NaN")] * len(tt), dtype=object)  # σ′ cancels: δ = a − t
                g = acts[-1] - tt
            else:
                if l == n - 1:
                    dC_da[l] = _cut_all(-(tt - acts[-1]), Z_PLACES)  # ∂C/∂a = −(t − a)
                else:
                    dC_da[l] = _cut_all(deltas[l + 1].dot(W[l + 1]), Z_PLACES)  # Σ_k δ_k w_kj
                g = dC_da[l] * sp[l]  # ∂C/∂a · σ′, not yet cut
            deltas[l] = _cut_all(g, A_PLACES)  # δ = ∂C/∂z
            gw[l] = _cut_all(np.outer(g, acts[l]), Z_PLACES)  # ∂C/∂w = ∂C/∂a · σ′ · a_j
            gb[l] = _cut_all(g, Z_PLACES)  # ∂C/∂b = ∂C/∂a · σ′ · 1
        new_w = [_cut_all(w - eta_d * g, Z_PLACES) for w, g in zip(W, gw)]
        new_b = [_cut_all(b - eta_d * g, Z_PLACES) for b, g in zip(B, gb)]
        for l, layer in enumerate(layers):
            if layer.frozen is not None:
                new_w[l] = np.where(layer.frozen, W[l], new_w[l])
            if layer.frozen_bias is not None:
                new_b[l] = np.where(layer.frozen_bias, B[l], new_b[l])
    return Trace(x=acts[0], t=tt, eta=eta_d, weights=W, biases=B, zs=zs, activations=acts, cost=cost,
                 dC_da=dC_da, sigma_prime=sp, deltas=deltas, nabla_w=gw, nabla_b=gb,
                 new_weights=new_w, new_biases=new_b)
