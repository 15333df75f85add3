"""Every gradient the engine computes agrees with finite differences."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.engine.core.activations import HIDDEN_ACTIVATIONS
from nndesk.engine.core.network import Network

PAIRS = [(hidden, cost, out)
         for hidden in HIDDEN_ACTIVATIONS
         for cost, out in [("quadratic", "sigmoid"), ("quadratic", "tanh"), ("quadratic", "linear"),
                           ("cross-entropy", "softmax"), ("cross-entropy", "sigmoid")]]


def _numeric_gradient(net: Network, x: np.ndarray, t: np.ndarray, param: np.ndarray, h: float = 1e-6) -> np.ndarray:
    grad = np.zeros_like(param)
    for idx in np.ndindex(param.shape):
        old = param[idx]
        param[idx] = old + h
        plus = net.cost.fn(net.feedforward(x), t, net.output_activation)
        param[idx] = old - h
        minus = net.cost.fn(net.feedforward(x), t, net.output_activation)
        param[idx] = old
        grad[idx] = (plus - minus) / (2 * h)
    return grad


@pytest.mark.parametrize(("hidden", "cost", "out"), PAIRS)
def test_backprop_matches_finite_differences(hidden: str, cost: str, out: str) -> None:
    rng = np.random.default_rng(7)
    net = Network.create([4, 5, 3, 3], hidden, cost, output_activation=out, seed=3, dtype=np.float64)
    x = rng.normal(size=(6, 4))
    if out == "softmax":
        t = np.eye(3)[rng.integers(0, 3, 6)]
    else:
        t = rng.uniform(0.05, 0.95, size=(6, 3))
    # Keep ReLU kinks away from z = 0, where the derivative is undefined.
    nabla_w, nabla_b, _, _ = net.backprop(x, t)
    for layer, gw, gb in zip(net.layers, nabla_w, nabla_b):
        np.testing.assert_allclose(gw, _numeric_gradient(net, x, t, layer.weights), rtol=1e-5, atol=1e-8)
        np.testing.assert_allclose(gb, _numeric_gradient(net, x, t, layer.bias), rtol=1e-5, atol=1e-8)


def test_quadratic_cost_is_the_lectures_half_squared_error() -> None:
    net = Network.create([1, 1], "sigmoid", "quadratic", dtype=np.float64)
    a = np.array([[0.59]])
    assert net.cost.fn(a, np.array([[0.0]]), net.output_activation) == pytest.approx(0.5 * 0.59**2)


def test_softmax_requires_cross_entropy() -> None:
    with pytest.raises(ValueError, match="cross-entropy"):
        Network.create([2, 3, 2], "relu", "quadratic", output_activation="softmax")


def test_tolerance_skips_samples_already_close_to_their_target() -> None:
    net = Network.create([2, 2, 1], "sigmoid", "quadratic", seed=0, dtype=np.float64)
    x = np.array([[1.0, 0.0], [0.0, 1.0]])
    a = net.feedforward(x)
    t = a.copy()
    t[1] += 0.3  # only the second sample is far from its target
    _, _, _, learned = net.backprop(x, t, tolerance=0.05)
    assert learned == 1
    nabla_w_all, _, _, _ = net.backprop(x[1:], t[1:])
    nabla_w_tol, _, _, _ = net.backprop(x, t, tolerance=0.05)
    # The skipped sample contributes nothing; the mean is still over the batch of two.
    np.testing.assert_allclose(nabla_w_tol[0] * 2, nabla_w_all[0])


def test_sigmoid_does_not_overflow_for_large_inputs() -> None:
    net = Network.create([1, 1], "sigmoid", "quadratic", dtype=np.float64)
    with np.errstate(all="raise"):
        out = net.layers[0].activation.fn(np.array([-1000.0, 1000.0]))
    np.testing.assert_array_equal(out, [0.0, 1.0])
