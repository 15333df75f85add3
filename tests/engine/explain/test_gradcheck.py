"""Finite differences agree with backpropagation."""

import numpy as np
import pytest

from nndesk.engine.core.activations import activation
from nndesk.engine.core.network import Network
from nndesk.engine.explain.gradcheck import gradcheck, numerical_gradient
from nndesk.engine.explain.lecture import LECTURE_INPUT, LECTURE_TARGET, lecture_network


def test_lecture_weight_gradient_matches_finite_differences():
    check = gradcheck(lecture_network(), LECTURE_INPUT, LECTURE_TARGET, 1, 0, 0)
    assert check.backprop == pytest.approx(0.08219, abs=1e-5)
    assert check.relative_error < 1e-9


@pytest.mark.parametrize("cost", ["quadratic", "cross-entropy"])
def test_backprop_matches_finite_differences_for_every_weight_and_bias(cost):
    net = Network.create([4, 5, 3, 2], "tanh", cost, seed=7, dtype=np.float64)
    net.layers[1].activation = activation("sigmoid")  # mixed hidden activations
    rng = np.random.default_rng(0)
    x, t = rng.normal(size=4), np.array([0.0, 1.0])
    for l, layer in enumerate(net.layers):
        for k in range(layer.n_out):
            for j in [*range(layer.n_in), None]:
                check = gradcheck(net, x, t, l, k, j)
                assert check.relative_error < 1e-6 or abs(check.backprop) < 1e-12, (l, k, j, check)


def test_numerical_gradient_leaves_the_network_unchanged():
    net = lecture_network()
    numerical_gradient(net, LECTURE_INPUT, LECTURE_TARGET, 0, 1, 2)
    assert net.layers[0].weights[1, 2] == 0.2
