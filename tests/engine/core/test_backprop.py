"""Every gradient the engine computes agrees with finite differences, and training's fast path with the lecture's."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.engine.core.activations import HIDDEN_ACTIVATIONS
from nndesk.engine.core.network import Network
from nndesk.engine.core.optimizers import SGD, optimizer
from nndesk.engine.explain.trace import trace

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


def _with_ones(x: np.ndarray) -> np.ndarray:
    return np.concatenate([x, np.ones((len(x), 1), x.dtype)], axis=1)


def _joined(nabla_w: list[np.ndarray], nabla_b: list[np.ndarray]) -> list[np.ndarray]:
    """∂C/∂W and ∂C/∂b as one ∂C/∂[W | b]ᵀ per layer, the shape the optimizers move."""
    return [np.concatenate([w.T, b[None]], axis=0) for w, b in zip(nabla_w, nabla_b)]


def _batch(rng: np.random.Generator, out: str, n: int = 6, sizes: tuple[int, int] = (4, 3), dtype=np.float64):
    x = rng.normal(size=(n, sizes[0])).astype(dtype)
    t = np.eye(sizes[1])[rng.integers(0, sizes[1], n)] if out == "softmax" else rng.uniform(0.05, 0.95, (n, sizes[1]))
    return x, t.astype(dtype)


@pytest.mark.parametrize("name", ["sgd", "momentum", "adam"])
@pytest.mark.parametrize(("hidden", "cost", "out"), PAIRS)
def test_the_factored_training_path_lands_on_the_lectures_weights(hidden: str, cost: str, out: str, name: str) -> None:
    """Two steps from the readable reference and two from training's factored form give the same network."""
    nets = [Network.create([4, 5, 3, 3], hidden, cost, output_activation=out, seed=3, dtype=np.float64)
            for _ in range(2)]
    opts = [optimizer(name, momentum=0.9, l2=0.01) for _ in range(2)]
    rng = np.random.default_rng(11)
    for _ in range(2):
        x, t = _batch(rng, out)
        nw, nb, c, _ = nets[0].backprop(x, t)
        opts[0].step(nets[0].parameters(), _joined(nw, nb), 0.1)
        fw, _, fc, _ = nets[1].backprop(_with_ones(x), t, factored=True)
        opts[1].step(nets[1].parameters(), fw, 0.1)
        assert fc == pytest.approx(c, rel=1e-13)
    for p, q in zip(nets[0].parameters(), nets[1].parameters()):
        np.testing.assert_allclose(q, p, rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("name", ["sgd", "momentum", "adam"])
def test_the_factored_path_agrees_in_float32_through_blas(name: str) -> None:
    """The lecture's sigmoid + quadratic at training's size and precision (785×64 takes the BLAS route)."""
    nets = [Network.create([784, 64, 10], "sigmoid", "quadratic", seed=4) for _ in range(2)]
    opts = [optimizer(name, momentum=0.9) for _ in range(2)]
    x, t = _batch(np.random.default_rng(5), "sigmoid", 32, (784, 10), np.float32)
    nw, nb, _, _ = nets[0].backprop(x, t)
    opts[0].step(nets[0].parameters(), _joined(nw, nb), 0.05)
    opts[1].step(nets[1].parameters(), nets[1].backprop(_with_ones(x), t, factored=True)[0], 0.05)
    # float32 sums in another order; Adam's first step is about η·g/|g|, so where g is as small as its
    # rounding (~10⁻⁸) the two differ by up to a few thousandths of η
    for p, q in zip(nets[0].parameters(), nets[1].parameters()):
        np.testing.assert_allclose(q, p, rtol=1e-4, atol=2e-4 if name == "adam" else 1e-6)


def test_tolerance_skips_the_same_samples_in_both_forms() -> None:
    net = Network.create([2, 3, 2], "tanh", "quadratic", seed=1, dtype=np.float64)
    x = np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]])
    t = net.feedforward(x)
    t[0] += 0.3  # only the first sample is far from its target
    nw, nb, c, learned = net.backprop(x, t, tolerance=0.05)
    fw, _, fc, f_learned = net.backprop(_with_ones(x), t, tolerance=0.05, factored=True)
    assert learned == f_learned == 1 and fc == pytest.approx(c, rel=1e-13)
    for g, f in zip(_joined(nw, nb), fw):
        np.testing.assert_allclose(f.dense(), g, rtol=1e-12, atol=1e-15)


def test_the_traced_update_is_one_sgd_step_of_training() -> None:
    """The step-through's w − η·∂C/∂w is exactly what training does to the same sample."""
    net = Network.create([3, 4, 2], "sigmoid", "quadratic", seed=2, dtype=np.float64)
    x, t = np.array([0.5, -1.0, 2.0]), np.array([1.0, 0.0])
    tr = trace(net, x, t, 0.5)
    SGD().step(net.parameters(), net.backprop(_with_ones(x[None]), t[None], factored=True)[0], 0.5)
    for layer, w, b in zip(net.layers, tr.new_weights, tr.new_biases):
        np.testing.assert_allclose(layer.weights, w, rtol=1e-14, atol=1e-16)
        np.testing.assert_allclose(layer.bias, b, rtol=1e-14, atol=1e-16)
