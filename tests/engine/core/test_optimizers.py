"""SGD, momentum and Adam: one and two steps against values worked out by hand.

Each parameter is a layer's [W | b]ᵀ (``Dense.params``): here one weight w = 1
above one bias b = 0.5 (the last row), with η = 0.1.  The first gradient is
∂C/∂w = 0.2, ∂C/∂b = −0.4; the second (where it differs) −0.1 and 0.2.
"""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.engine.core.optimizers import SGD, Adam, Momentum, optimizer
from nndesk.engine.fast.gradient import OuterGradient

ETA = 0.1


def _params() -> list[np.ndarray]:
    return [np.array([[1.0], [0.5]])]  # w over b


def _grad(gw: float, gb: float) -> list[np.ndarray]:
    return [np.array([[gw], [gb]])]


def test_sgd_one_and_two_steps() -> None:
    p, sgd = _params(), SGD()
    sgd.step(p, _grad(0.2, -0.4), ETA)
    # w ← w − η·∂C/∂w: 1 − 0.1·0.2 = 0.98;  b: 0.5 − 0.1·(−0.4) = 0.54
    np.testing.assert_allclose(p[0], [[0.98], [0.54]], atol=1e-15)
    sgd.step(p, _grad(-0.1, 0.2), ETA)
    # 0.98 − 0.1·(−0.1) = 0.99;  0.54 − 0.1·0.2 = 0.52
    np.testing.assert_allclose(p[0], [[0.99], [0.52]], atol=1e-15)


def test_sgd_with_l2_decays_the_weight_and_spares_the_bias() -> None:
    p = _params()
    SGD(l2=0.1).step(p, _grad(0.2, -0.4), ETA)
    # ∂C/∂w + λ·w = 0.2 + 0.1·1 = 0.3 → 1 − 0.1·0.3 = 0.97;  b as without L2: 0.54
    np.testing.assert_allclose(p[0], [[0.97], [0.54]], atol=1e-15)


def test_sgd_takes_the_gradient_as_its_two_factors() -> None:
    # [a | 1]ᵀ·δ with a = 2, δ = 0.1: ∂C/∂w = 2·0.1 = 0.2, ∂C/∂b = 1·0.1 = 0.1 → w 1 − 0.02 = 0.98, b 0.5 − 0.01 = 0.49
    p = _params()
    SGD().step(p, [OuterGradient(np.array([[2.0, 1.0]]), np.array([[0.1]]))], ETA)
    np.testing.assert_allclose(p[0], [[0.98], [0.49]], atol=1e-15)


def test_momentum_one_and_two_steps() -> None:
    p, opt = _params(), Momentum(momentum=0.9)
    opt.step(p, _grad(0.2, -0.4), ETA)
    # v ← μ·v − η·∇C = 0.9·0 − 0.1·[0.2, −0.4] = [−0.02, 0.04];  w ← w + v = [0.98, 0.54]
    np.testing.assert_allclose(opt.velocity[0], [[-0.02], [0.04]], atol=1e-15)
    np.testing.assert_allclose(p[0], [[0.98], [0.54]], atol=1e-15)
    opt.step(p, _grad(0.2, -0.4), ETA)
    # same gradient: v = 0.9·[−0.02, 0.04] − [0.02, −0.04] = [−0.018 − 0.02, 0.036 + 0.04] = [−0.038, 0.076]
    # w = [0.98 − 0.038, 0.54 + 0.076] = [0.942, 0.616]: the ball rolls faster than SGD's 0.96, 0.58
    np.testing.assert_allclose(opt.velocity[0], [[-0.038], [0.076]], atol=1e-15)
    np.testing.assert_allclose(p[0], [[0.942], [0.616]], atol=1e-15)


def test_adam_one_and_two_steps() -> None:
    p, opt = _params(), Adam(momentum=0.9, beta2=0.999, eps=1e-8)
    opt.step(p, _grad(0.2, -0.4), ETA)
    # m = 0.1·g = [0.02, −0.04];  v = 0.001·g² = [0.00004, 0.00016]
    # m̂ = m/(1 − 0.9) = g,  v̂ = v/(1 − 0.999) = g²:  the step η·m̂/√v̂ = 0.1·g/|g| = ±0.1 → w 0.9, b 0.6
    # ε = 10⁻⁸ is added to √v (not √v̂), so the step is η·g/(|g| + ε/√0.001) = 0.1·0.2/(0.2 + 3.1623e−7):
    # w = 1 − 0.0999998419 = 0.900000158113633;  b = 0.5 + 0.1·0.4/(0.4 + 3.1623e−7) = 0.599999920943121
    np.testing.assert_allclose(opt.m[0], [[0.02], [-0.04]], atol=1e-15)
    np.testing.assert_allclose(opt.v[0], [[0.00004], [0.00016]], rtol=1e-12)
    np.testing.assert_allclose(p[0], [[0.900000158113633], [0.599999920943121]], atol=1e-14)
    opt.step(p, _grad(-0.1, 0.2), ETA)
    # m = 0.9·[0.02, −0.04] + 0.1·[−0.1, 0.2] = [0.018 − 0.01, −0.036 + 0.02] = [0.008, −0.016]
    # v = 0.999·[0.00004, 0.00016] + 0.001·[0.01, 0.04] = [0.00004996, 0.00019984]
    # m̂ = m/(1 − 0.81) = [0.0421053, −0.0842105];  v̂ = v/(1 − 0.998001) = [0.0249925, 0.0999700]
    # step = η·m̂/√v̂ = 0.1·0.0421053/0.1580902 = 0.0266337 (and −0.0266337 for b), less ε's 4·10⁻⁸:
    # w = 0.900000158 − 0.026633666 = 0.873366491828360;  b = 0.599999921 + 0.026633685 = 0.626633606068764
    np.testing.assert_allclose(opt.m[0], [[0.008], [-0.016]], atol=1e-15)
    np.testing.assert_allclose(opt.v[0], [[0.00004996], [0.00019984]], rtol=1e-12)
    np.testing.assert_allclose(p[0], [[0.873366491828360], [0.626633606068764]], atol=1e-14)
    assert opt.t == 2


@pytest.mark.parametrize("name", ["sgd", "momentum", "adam"])
def test_state_round_trip_continues_exactly(name: str) -> None:
    """A model saved mid-training resumes where it stopped: the second step from loaded state equals the original."""
    p1, p2 = _params(), _params()
    a, b = optimizer(name), optimizer(name)
    a.step(p1, _grad(0.2, -0.4), ETA)
    b.load_state({k: v.copy() for k, v in a.state().items()})
    p2[0][...] = p1[0]
    a.step(p1, _grad(-0.1, 0.2), ETA)
    b.step(p2, _grad(-0.1, 0.2), ETA)
    np.testing.assert_array_equal(p1[0], p2[0])


def test_optimizers_by_name() -> None:
    assert isinstance(optimizer("SGD"), SGD) and optimizer("momentum", momentum=0.5).momentum == 0.5
    with pytest.raises(ValueError, match="unknown optimizer"):
        optimizer("rmsprop")
