"""Each activation's σ and σ′ against values worked out by hand, in float32, float64 and the slides' Decimal."""

from __future__ import annotations

import math
from decimal import Decimal, localcontext

import numpy as np
import pytest

from nndesk.engine.core.activations import (
    ACTIVATIONS,
    LeakyReLU,
    Linear,
    ReLU,
    Sigmoid,
    Softmax,
    Tanh,
    activation,
)

LN2, LN3 = math.log(2), math.log(3)
FLOATS = [np.float32, np.float64]


def _check(act, z, a, prime, dtype, rtol) -> None:
    z = np.array(z, dtype=dtype)
    got = act.fn(z)
    assert got.dtype == dtype
    np.testing.assert_allclose(got, a, rtol=rtol, atol=rtol)
    np.testing.assert_allclose(act.prime(z, got), prime, rtol=rtol, atol=rtol)
    if act.elementwise:  # the training loop's in-place form gives the same numbers
        out = np.empty_like(z)
        np.testing.assert_array_equal(act.into(z, out), got)


@pytest.mark.parametrize("dtype", FLOATS)
def test_sigmoid_and_its_derivative_a_times_one_minus_a(dtype) -> None:
    # σ(0) = 1/(1+1) = 0.5;  σ(ln 3) = 1/(1 + 1/3) = 0.75;  σ(−ln 3) = 1/(1 + 3) = 0.25
    # σ′ = a(1 − a): 0.5·0.5 = 0.25;  0.75·0.25 = 0.1875 (both sides)
    # the lecture's σ(0.3) = 1/(1 + e^−0.3) = 1/(1 + 0.740818220681718) = 0.574442516811659 → "0.57"
    _check(Sigmoid(), [0.0, LN3, -LN3, 0.3], [0.5, 0.75, 0.25, 0.574442516811659],
           [0.25, 0.1875, 0.1875, 0.574442516811659 * 0.425557483188341], dtype, 1e-6 if dtype is np.float32 else 1e-14)


def test_sigmoid_saturates_without_overflow() -> None:
    with np.errstate(all="raise"):
        np.testing.assert_array_equal(Sigmoid().fn(np.array([-1000.0, 1000.0])), [0.0, 1.0])


@pytest.mark.parametrize("dtype", FLOATS)
def test_tanh_and_its_derivative_one_minus_a_squared(dtype) -> None:
    # tanh(ln 2) = (2 − ½)/(2 + ½) = 1.5/2.5 = 0.6;  tanh is odd: tanh(−ln 2) = −0.6;  tanh(0) = 0
    # tanh′ = 1 − a²: 1 − 0.36 = 0.64;  at 0: 1
    _check(Tanh(), [LN2, -LN2, 0.0], [0.6, -0.6, 0.0], [0.64, 0.64, 1.0], dtype,
           1e-6 if dtype is np.float32 else 1e-14)


@pytest.mark.parametrize("dtype", FLOATS)
def test_relu_and_leaky_relu(dtype) -> None:
    # ReLU: max(z, 0) → [0, 0, 3];  slope 1 above 0, else 0 (the kink counts as "else")
    _check(ReLU(), [-2.0, 0.0, 3.0], [0.0, 0.0, 3.0], [0.0, 0.0, 1.0], dtype, 0)
    # leaky: z for z > 0, 0.01·z below → 0.01·(−2) = −0.02;  slope 1 above 0, else 0.01
    _check(LeakyReLU(), [-2.0, 0.0, 3.0], [-0.02, 0.0, 3.0], [0.01, 0.01, 1.0], dtype, 1e-7)
    assert LeakyReLU().prime(np.array([3.0], dtype), None)[0] == 1  # exactly 1, not 0.01 + 0.99


@pytest.mark.parametrize("dtype", FLOATS)
def test_linear_is_the_identity_with_slope_one(dtype) -> None:
    _check(Linear(), [-1.5, 0.0, 2.25], [-1.5, 0.0, 2.25], [1.0, 1.0, 1.0], dtype, 0)


@pytest.mark.parametrize("dtype", FLOATS)
def test_softmax_of_each_row_and_its_shift_invariance(dtype) -> None:
    # row 1: e^z = [1, 2, 5] (z = 0, ln 2, ln 5), Σ = 8 → [1/8, 2/8, 5/8] = [0.125, 0.25, 0.625]
    # row 2: z = [1, 1, 1] → three equal shares of 1/3
    z = np.array([[0.0, LN2, math.log(5)], [1.0, 1.0, 1.0]], dtype=dtype)
    a = Softmax().fn(z)
    tol = 1e-6 if dtype is np.float32 else 1e-15
    np.testing.assert_allclose(a, [[0.125, 0.25, 0.625], [1 / 3, 1 / 3, 1 / 3]], rtol=tol)
    # adding 1000 to a row multiplies e^z and Σ by the same e^1000: nothing changes (and nothing overflows);
    # only z + 1000 itself is rounded (to 2⁻⁴² in float64, 2⁻¹⁴ in float32)
    with np.errstate(all="raise"):
        np.testing.assert_allclose(Softmax().fn(z + 1000), a, rtol=1e-3 if dtype is np.float32 else 1e-12)
    with pytest.raises(TypeError, match="cross-entropy"):
        Softmax().prime(z, a)


def test_the_same_objects_compute_in_decimal_for_the_slides() -> None:
    """The slides' arithmetic calls these very formulas over Decimal numbers: no second σ anywhere."""
    with localcontext() as ctx:
        ctx.prec = 40
        z = np.array([Decimal(3).ln(), Decimal(0), Decimal("-2")], dtype=object)
        a = Sigmoid().fn(z)
        assert all(isinstance(v, Decimal) for v in a)
        assert abs(a[0] - Decimal("0.75")) < Decimal("1e-38") and a[1] == Decimal("0.5")
        assert Sigmoid().prime(z, np.array([Decimal("0.75")], dtype=object))[0] == Decimal("0.1875")
        t = Tanh().fn(np.array([Decimal(2).ln(), -Decimal(2).ln()], dtype=object))  # ±0.6, as above
        assert abs(t[0] - Decimal("0.6")) < Decimal("1e-38") and abs(t[1] + Decimal("0.6")) < Decimal("1e-38")
        assert list(ReLU().fn(z[1:])) == [0, 0] and list(ReLU().prime(z[1:], None)) == [0, 0]
        assert list(LeakyReLU().fn(z[2:])) == [Decimal("-0.02")]  # exactly: α is read as the decimal 0.01
        assert list(LeakyReLU().prime(z[2:], None)) == [Decimal("0.01")]
        assert list(Linear().prime(z, None)) == [1, 1, 1]
        s = Softmax().fn(np.array([[Decimal(0), Decimal(2).ln(), Decimal(5).ln()]], dtype=object))
        assert all(abs(v - w) < Decimal("1e-38") for v, w in zip(s[0], (Decimal("0.125"), Decimal("0.25"),
                                                                         Decimal("0.625"))))


def test_activations_by_name() -> None:
    assert set(ACTIVATIONS) == {"sigmoid", "tanh", "relu", "leaky-relu", "linear", "softmax"}
    assert isinstance(activation("Leaky_ReLU"), LeakyReLU)
    with pytest.raises(ValueError, match="unknown activation"):
        activation("swish")
