"""Slide arithmetic: the reference's own formulas over Decimal, each number cut as the slide writes it."""

from __future__ import annotations

import itertools
from decimal import Decimal

import numpy as np
import pytest

from nndesk.engine.core.activations import HIDDEN_ACTIVATIONS, Activation
from nndesk.engine.core.costs import Quadratic
from nndesk.engine.core.layers import Dense
from nndesk.engine.core.network import Network
from nndesk.engine.explain.slide import A_PLACES, Z_PLACES, slide_trace

OUTPUTS = {"quadratic": ["sigmoid", "tanh", "relu", "leaky-relu", "linear"], "cross-entropy": ["sigmoid", "softmax"]}
PAIRS = [(h, c, o) for c, outs in OUTPUTS.items() for h, o in itertools.product(HIDDEN_ACTIVATIONS, outs)]


def _f(v) -> np.ndarray:
    return np.asarray(v, dtype=float)


def _places(arrays, places: int) -> bool:
    """Every number is a Decimal with at most ``places`` decimals (NaN allowed: softmax has no σ′)."""
    values = [v for a in arrays for v in np.ravel(a)]
    return all(isinstance(v, Decimal) and (v.is_nan() or v.as_tuple().exponent >= -places) for v in values)


@pytest.mark.parametrize(("hidden", "cost", "out"), PAIRS)
def test_each_slide_number_is_its_formula_of_the_numbers_shown_before_it(hidden, cost, out) -> None:
    """Recomputed in float from the slide's own (cut) inputs, every number agrees to within its last decimal."""
    net = Network.create([3, 4, 2], hidden, cost, out, seed=1, dtype=np.float64)
    tr = slide_trace(net, np.array([1.0, 0.25, -0.5]), np.array([1.0, 0.0]), 0.1)
    assert _places(tr.zs + tr.dC_da[:-1] + tr.nabla_w + tr.nabla_b + tr.new_weights, Z_PLACES)
    assert _places(tr.activations[1:] + tr.sigma_prime + tr.deltas + [tr.cost], A_PLACES)
    a_step, z_step = 10.0 ** -A_PLACES, 10.0 ** -Z_PLACES
    for l, layer in enumerate(net.layers):
        act = layer.activation
        z = _f(tr.weights[l]) @ _f(tr.activations[l]) + _f(tr.biases[l])
        np.testing.assert_allclose(_f(tr.zs[l]), z, atol=z_step)  # z = Σ w·a + b, cut
        a = act.fn(_f(tr.zs[l])[None])[0]
        np.testing.assert_allclose(_f(tr.activations[l + 1]), a, atol=a_step)  # a = σ(z), cut
        if act.elementwise:
            sp = act.prime(_f(tr.zs[l]), _f(tr.activations[l + 1]))
            np.testing.assert_allclose(_f(tr.sigma_prime[l]), sp, atol=a_step)  # σ′, cut
        if l < len(net.layers) - 1 or not net.cost.cancels_sigma_prime:
            g = _f(tr.dC_da[l]) * _f(tr.sigma_prime[l])  # ∂C/∂a · σ′
        else:
            g = _f(tr.activations[-1]) - _f(tr.t)  # cross-entropy: δ = a − t
        np.testing.assert_allclose(_f(tr.deltas[l]), g, atol=a_step)
        np.testing.assert_allclose(_f(tr.nabla_w[l]), np.outer(g, _f(tr.activations[l])), atol=z_step)
        np.testing.assert_allclose(_f(tr.new_weights[l]), _f(tr.weights[l]) - 0.1 * _f(tr.nabla_w[l]), atol=z_step)
        if l > 0:  # ∂C/∂a of the layer below: Σ_k δ_k·w_kj from the δ as shown
            np.testing.assert_allclose(_f(tr.dC_da[l - 1]), _f(tr.deltas[l]) @ _f(tr.weights[l]), atol=z_step)


class _Cube(Activation):
    """An activation the slides have never heard of: a = z³, σ′ = 3z²."""

    name = "cube"

    def fn(self, z: np.ndarray) -> np.ndarray:
        return z * z * z

    def prime(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        return 3 * z * z


def test_the_slides_use_the_networks_own_activation_objects() -> None:
    """No σ by name in slide.py: a new activation is stepped through on the slides with no new slide code."""
    net = Network([Dense(np.array([[0.5, 0.25]]), np.array([0.1]), _Cube())], Quadratic())
    tr = slide_trace(net, np.array([1.0, 2.0]), np.array([0.0]), 0.1)
    # z = 0.5·1 + 0.25·2 + 0.1 = 1.1;  a = 1.1³ = 1.331 → cut to 1.33;  σ′ = 3·1.1² = 3.63
    # ∂C/∂a = −(0 − 1.33) = 1.33;  δ = 1.33·3.63 = 4.8279 → 4.82;  ∂C/∂w₀ = 4.8279·1 = 4.827
    assert tr.zs[0][0] == Decimal("1.1") and tr.activations[1][0] == Decimal("1.33")
    assert tr.sigma_prime[0][0] == Decimal("3.63") and tr.deltas[0][0] == Decimal("4.82")
    assert list(tr.nabla_w[0][0]) == [Decimal("4.827"), Decimal("9.655")]  # 4.8279·2 = 9.6558 → 9.655
    assert tr.new_weights[0][0, 0] == Decimal("0.017")  # 0.5 − 0.1·4.827 = 0.0173 → 0.017
