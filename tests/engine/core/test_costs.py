"""The costs C, ∇ₐC and δᴸ against values worked out by hand (the lecture's C = ½(t − a)² first)."""

from __future__ import annotations

import math
from decimal import Decimal

import numpy as np
import pytest

from nndesk.engine.core.activations import Linear, Sigmoid, Softmax, Tanh
from nndesk.engine.core.costs import CrossEntropy, Quadratic, cost


def test_quadratic_is_the_lectures_half_squared_error() -> None:
    # the slide: a = 0.59, t = 0 → C = ½(0 − 0.59)² = ½·0.3481 = 0.17405 ("0.17")
    a, t = np.array([[0.59]]), np.array([[0.0]])
    assert Quadratic().fn(a, t, Sigmoid()) == pytest.approx(0.17405, abs=1e-15)
    # ∂C/∂a = −(t − a) = −(0 − 0.59) = 0.59
    np.testing.assert_allclose(Quadratic().grad_a(a, t, Sigmoid()), [[0.59]], rtol=1e-15)
    # δ = ∂C/∂a · σ′(z) = 0.59 · a(1 − a) = 0.59 · 0.59 · 0.41 = 0.142721 (the slide's "0.14")
    z = np.log(a / (1 - a))  # σ(z) = 0.59
    np.testing.assert_allclose(Quadratic().delta(z, a, t, Sigmoid()), [[0.142721]], rtol=1e-14)


def test_quadratic_sums_the_outputs_and_averages_the_samples() -> None:
    # sample 1: ½((0 − 0.2)² + (1 − 0.8)²) = ½(0.04 + 0.04) = 0.04
    # sample 2: ½((1 − 0.5)² + (0 − 0.5)²) = ½(0.25 + 0.25) = 0.25;  mean (0.04 + 0.25)/2 = 0.145
    a, t = np.array([[0.2, 0.8], [0.5, 0.5]]), np.array([[0.0, 1.0], [1.0, 0.0]])
    assert Quadratic().fn(a, t, Linear()) == pytest.approx(0.145, abs=1e-15)
    assert Quadratic().total(a, t, Linear()) == pytest.approx(0.29, abs=1e-15)
    # a linear output has σ′ = 1, so δ = a − t: [[0.2, −0.2], [−0.5, 0.5]]
    np.testing.assert_allclose(Quadratic().delta(a, a, t, Linear()), [[0.2, -0.2], [-0.5, 0.5]], atol=1e-15)
    # tanh: σ′ = 1 − a², so for sample 1: 0.2·(1 − 0.04) = 0.192 and −0.2·(1 − 0.64) = −0.072
    np.testing.assert_allclose(Quadratic().delta(a, a, t, Tanh())[0], [0.192, -0.072], atol=1e-15)


def test_cross_entropy_with_softmax() -> None:
    # sample 1: t = [0, 1], a = [0.25, 0.75] → C = −ln 0.75 = 0.287682072451781
    # sample 2: t = [1, 0], a = [0.5, 0.5]   → C = −ln 0.5  = 0.693147180559945;  mean = 0.490414626505863
    a, t = np.array([[0.25, 0.75], [0.5, 0.5]]), np.array([[0.0, 1.0], [1.0, 0.0]])
    assert CrossEntropy().fn(a, t, Softmax()) == pytest.approx(0.490414626505863, abs=1e-11)  # ln(a + 10⁻¹²)
    # σ′ cancels: δ = a − t = [[0.25, −0.25], [−0.5, 0.5]]
    np.testing.assert_array_equal(CrossEntropy().delta(a, a, t, Softmax()), [[0.25, -0.25], [-0.5, 0.5]])
    # ∂C/∂a = −t/a: [[0, −1/0.75], [−1/0.5, 0]] = [[0, −1.333…], [−2, 0]]
    np.testing.assert_allclose(CrossEntropy().grad_a(a, t, Softmax()), [[0, -4 / 3], [-2, 0]], rtol=1e-15)


def test_cross_entropy_with_a_sigmoid_output_cancels_sigma_prime() -> None:
    # t = 1, a = 0.8: C = −ln 0.8 = 0.223143551314210;  t = 0, a = 0.8: C = −ln(1 − 0.8) = −ln 0.2 = 1.609437912434100
    a = np.array([[0.8], [0.8]])
    t = np.array([[1.0], [0.0]])
    assert CrossEntropy().total(a, t, Sigmoid()) == pytest.approx(0.223143551314210 + 1.609437912434100, abs=1e-10)
    # ∂C/∂a = (a − t)/(a(1 − a)) = −0.2/0.16 = −1.25 and 0.8/0.16 = 5;  times σ′ = a(1 − a) = 0.16 gives
    # −0.2 and 0.8 = a − t: the σ′ of the lecture's chain rule cancels, which is δ
    g = CrossEntropy().grad_a(a, t, Sigmoid())
    np.testing.assert_allclose(g, [[-1.25], [5.0]], rtol=1e-14)
    np.testing.assert_allclose(g * Sigmoid().prime(None, a), CrossEntropy().delta(None, a, t, Sigmoid()), rtol=1e-14)
    np.testing.assert_allclose(CrossEntropy().delta(None, a, t, Sigmoid()), [[-0.2], [0.8]], rtol=1e-14)


def test_cross_entropy_refuses_outputs_that_do_not_cancel_sigma_prime() -> None:
    with pytest.raises(ValueError, match="softmax or sigmoid"):
        CrossEntropy().delta(np.zeros((1, 1)), np.zeros((1, 1)), np.zeros((1, 1)), Tanh())
    assert CrossEntropy.cancels_sigma_prime and not Quadratic.cancels_sigma_prime


def test_costs_compute_in_decimal_for_the_slides() -> None:
    a = np.array([[Decimal("0.59")]], dtype=object)
    t = np.array([[Decimal(0)]], dtype=object)
    assert Quadratic().total(a, t, Sigmoid()) == Decimal("0.17405")  # exactly ½·0.3481
    assert Quadratic().grad_a(a, t, Sigmoid())[0, 0] == Decimal("0.59")
    ce = CrossEntropy().total(np.array([[Decimal("0.25"), Decimal("0.75")]], dtype=object),
                              np.array([[Decimal(0), Decimal(1)]], dtype=object), Softmax())
    assert isinstance(ce, Decimal) and abs(float(ce) - -math.log(0.75)) < 1e-11


def test_costs_by_name() -> None:
    assert isinstance(cost("cross_entropy"), CrossEntropy) and isinstance(cost("Quadratic"), Quadratic)
    with pytest.raises(ValueError, match="unknown cost"):
        cost("hinge")
