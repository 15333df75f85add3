"""Attribution: ∂aₖ/∂x and gradient × input from backprop agree with finite differences of the output."""

import numpy as np
import pytest

from nndesk.engine.core.network import Network
from nndesk.engine.explain.attribution import attribute, winner_and_runner_up


def _differences(net: Network, x: np.ndarray, k: int, h: float = 1e-4) -> np.ndarray:
    """∂aₖ/∂xᵢ for every pixel i, by central differences of the output itself (float64)."""
    net = net.astype(np.float64)
    steps = np.eye(len(x)) * h
    up, down = net.feedforward(x + steps)[:, k], net.feedforward(x - steps)[:, k]
    return (up - down) / (2 * h)


@pytest.mark.parametrize("hidden, cost", [("sigmoid", "quadratic"), ("tanh", "cross-entropy"),
                                          ("sigmoid", "cross-entropy")])
def test_gradient_and_gradient_times_input_match_finite_differences(hidden, cost):
    net = Network.create([6, 5, 4, 3], hidden, cost, seed=3)  # softmax output with cross-entropy
    x = np.random.default_rng(1).uniform(0, 1, 6)
    result = attribute(net, x, [2, 0])
    assert result.digits == (2, 0)
    for row, k in enumerate((2, 0)):
        fd = _differences(net, x, k)
        assert np.abs(fd).max() > 1e-3  # a real signal, not zeros agreeing with zeros
        np.testing.assert_allclose(result.gradient[row], fd, rtol=1e-6, atol=1e-9)
        np.testing.assert_allclose(result.times_input[row], x * fd, rtol=1e-6, atol=1e-9)


def test_relu_network_away_from_its_kinks():
    net = Network.create([8, 7, 4], "relu", "cross-entropy", seed=5)
    x = np.random.default_rng(2).uniform(0.2, 1, 8)
    zs, _ = net.astype(np.float64).forward(x[None])
    assert np.abs(zs[0]).min() > 1e-3  # no hidden neuron sits on its kink: the differences are meaningful
    result = attribute(net, x, [3])
    np.testing.assert_allclose(result.gradient[0], _differences(net, x, 3), rtol=1e-5, atol=1e-9)


def test_blank_pixels_contribute_nothing_but_can_still_matter():
    net = Network.create([5, 4, 3], "sigmoid", "cross-entropy", seed=0)
    x = np.array([0.0, 0.8, 0.0, 0.3, 1.0])
    result = attribute(net, x, [1])
    assert np.all(result.times_input[0][x == 0] == 0)
    assert np.all(result.gradient[0][x == 0] != 0)


def test_attribution_leaves_the_network_alone_and_reports_its_outputs():
    net = Network.create([4, 3, 2], "sigmoid", "quadratic", seed=0)  # sigmoid outputs: σ′ at the output
    before = [layer.params.copy() for layer in net.layers]
    x = np.array([0.1, 0.5, 0.9, 0.0])
    result = attribute(net, x, [0, 1])
    np.testing.assert_allclose(result.outputs, net.feedforward(x[None])[0], rtol=1e-6)
    np.testing.assert_allclose(result.gradient[0], _differences(net, x, 0), rtol=1e-6, atol=1e-10)
    assert all(np.array_equal(b, layer.params) for b, layer in zip(before, net.layers))


def test_winner_and_runner_up():
    assert winner_and_runner_up(np.array([0.1, 0.5, 0.05, 0.3, 0.05])) == (1, 3)


@pytest.mark.parametrize("output_cost", ["cross-entropy", "quadratic"])
def test_a_convolutional_network_attributes_through_its_kernels_and_poolings(output_cost):
    from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec
    net = ConvNet.create((1, 12, 12), [ConvSpec(3, 3), PoolSpec(2), ConvSpec(3, 2, True)], [6], 4, "sigmoid",
                         output_cost, seed=1).astype(np.float64)
    x = np.random.default_rng(2).random(144)
    before = [p.copy() for p in net.parameters()]
    got = attribute(net, x, [1, 3])
    eps = 1e-6
    for row, k in enumerate([1, 3]):
        for i in (0, 37, 77, 143):
            up, down = x.copy(), x.copy()
            up[i] += eps
            down[i] -= eps
            numeric = (net.feedforward(up[None])[0, k] - net.feedforward(down[None])[0, k]) / (2 * eps)
            assert got.gradient[row, i] == pytest.approx(numeric, rel=1e-5, abs=1e-9)
    np.testing.assert_allclose(got.times_input, got.gradient * x)
    np.testing.assert_allclose(got.outputs, net.feedforward(x[None])[0])
    assert net.cost.name == output_cost and all(np.array_equal(a, b) for a, b in zip(before, net.parameters()))
