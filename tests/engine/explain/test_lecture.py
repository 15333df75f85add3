"""The lecture's worked example network: the slides' exact numbers."""

import numpy as np
import pytest

from nndesk.engine.explain.lecture import LECTURE_ETA, LECTURE_INPUT, LECTURE_TARGET, lecture_network


def test_lecture_network_is_the_slides_3_2_1_sigmoid_network():
    net = lecture_network()
    assert net.sizes == [3, 2, 1]
    assert net.dtype == np.float64
    assert [layer.activation.name for layer in net.layers] == ["sigmoid", "sigmoid"]
    assert net.cost.name == "quadratic"
    np.testing.assert_array_equal(net.layers[0].weights, [[0.2, 0.1, 0.12], [0.1, -0.1, 0.2]])
    np.testing.assert_array_equal(net.layers[1].weights, [[0.2, 0.52]])
    assert all(not layer.bias.any() for layer in net.layers)
    assert LECTURE_ETA == 0.1
    np.testing.assert_array_equal(LECTURE_INPUT, [1, 1, 0])
    np.testing.assert_array_equal(LECTURE_TARGET, [0])


def test_forward_pass_gives_the_slides_exact_values():
    zs, acts = lecture_network().forward(LECTURE_INPUT[None])
    assert zs[0][0, 0] == pytest.approx(0.3, abs=1e-15)  # 0.2·1 + 0.1·1 + 0.12·0
    assert acts[1][0, 0] == pytest.approx(0.5744, abs=5e-5)  # σ(0.3)
    assert acts[1][0, 1] == 0.5  # σ(0)
    assert zs[1][0, 0] == pytest.approx(0.2 * acts[1][0, 0] + 0.26, abs=1e-15)
    assert zs[1][0, 0] == pytest.approx(0.3749, abs=5e-5)
    assert acts[2][0, 0] == pytest.approx(0.5926, abs=5e-5)


def test_each_call_returns_a_fresh_network():
    a, b = lecture_network(), lecture_network()
    a.layers[0].weights[0, 0] = 9.0
    assert b.layers[0].weights[0, 0] == 0.2
