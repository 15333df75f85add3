"""trace(): every intermediate of one sample, equal to Network.backprop's gradients."""

import itertools

import numpy as np
import pytest

from nndesk.engine.core.activations import HIDDEN_ACTIVATIONS
from nndesk.engine.core.network import Network
from nndesk.engine.explain.trace import trace

OUTPUTS = {"quadratic": ["sigmoid", "tanh", "relu", "leaky-relu", "linear"], "cross-entropy": ["sigmoid", "softmax"]}
PAIRS = [(h, c, o) for c, outs in OUTPUTS.items() for h, o in itertools.product(HIDDEN_ACTIVATIONS, outs)]


def _sample(net: Network, seed: int):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=net.sizes[0])
    t = rng.dirichlet(np.ones(net.sizes[-1])) if net.output_activation.name == "softmax" else rng.uniform(
        size=net.sizes[-1])
    return x, t


@pytest.mark.parametrize(("hidden", "cost", "out"), PAIRS)
def test_trace_gradients_equal_backprop_for_every_activation_and_cost(hidden, cost, out):
    net = Network.create([4, 5, 3, 2], hidden, cost, out, seed=3, dtype=np.float64)
    x, t = _sample(net, 1)
    tr = trace(net, x, t, 0.1)
    nabla_w, nabla_b, c, _ = net.backprop(x[None], t[None])
    assert tr.cost == c
    for l in range(len(net.layers)):
        np.testing.assert_allclose(tr.nabla_w[l], nabla_w[l], rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(tr.nabla_b[l], nabla_b[l], rtol=1e-12, atol=1e-15)
        # the chain rule pieces multiply up to δ and the gradients
        np.testing.assert_allclose(tr.nabla_w[l], np.outer(tr.deltas[l], tr.activations[l]), rtol=1e-12)
        if l < len(net.layers) - 1 or cost == "quadratic":
            np.testing.assert_allclose(tr.deltas[l], tr.dC_da[l] * tr.sigma_prime[l], rtol=1e-12, atol=1e-15)


def test_trace_of_a_float32_network_is_float64_and_matches_its_float64_copy():
    net = Network.create([3, 4, 2], "tanh", seed=0)
    x, t = np.array([0.5, -1.0, 2.0]), np.array([0.0, 1.0])
    tr = trace(net, x, t, 0.5)
    assert tr.nabla_w[0].dtype == np.float64
    nw, _, _, _ = net.astype(np.float64).backprop(x[None], t[None])
    np.testing.assert_array_equal(tr.nabla_w[0], nw[0])


def test_updated_weights_are_w_minus_eta_gradient_and_frozen_ones_stay():
    net = Network.create([3, 2, 1], seed=2, dtype=np.float64)
    net.layers[0].frozen = np.array([[True, False, False], [False, False, False]])
    net.layers[1].frozen_bias = np.array([True])
    tr = trace(net, np.ones(3), np.zeros(1), 0.1)
    expected = net.layers[0].weights - 0.1 * tr.nabla_w[0]
    expected[0, 0] = net.layers[0].weights[0, 0]
    np.testing.assert_array_equal(tr.new_weights[0], expected)
    assert tr.new_biases[1][0] == net.layers[1].bias[0]
    np.testing.assert_array_equal(tr.weights[0], net.layers[0].weights)  # the old values, copied


def test_trace_does_not_change_the_network():
    net = Network.create([3, 2, 1], seed=2, dtype=np.float64)
    before = [p.copy() for p in net.parameters()]
    trace(net, np.ones(3), np.zeros(1), 0.1)
    for p, q in zip(before, net.parameters()):
        np.testing.assert_array_equal(p, q)
