"""conv_pixel_walk: one convolution pixel's numbers agree with the engine's backprop and with finite differences."""

import numpy as np
import pytest

from nndesk.engine.core.conv import Conv2D
from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec
from nndesk.engine.explain.conv_walk import (
    conv_layers,
    conv_pixel_walk,
    default_pixel,
    follow_to_conv,
    kernel_gradcheck,
)

EPS = 1e-6


def _net(features, shape=(1, 8, 8), act="sigmoid", cost="quadratic", seed=0):
    net = ConvNet.create(shape, features, [5], 3, act, cost, seed=seed, dtype=np.float64)
    rng = np.random.default_rng(seed + 1)
    for layer in net.features:
        if isinstance(layer, Conv2D):
            layer.bias = rng.normal(0, 0.3, layer.filters)  # nonzero biases: b is part of every formula
    return net


def _sample(net, seed=3):
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 1, net.sizes[0])
    t = np.zeros(net.sizes[-1])
    t[1] = 1.0
    return x, t


def _cost_from(net, L, a_L, t):
    """C computed from a⁽ᴸ⁾ (C, H, W) on: the layers after L, the flatten and the dense part."""
    a = a_L.transpose(1, 2, 0)[None]
    for layer in net.features[L:]:
        a, _ = layer.forward(a)
    out = net.head.feedforward(net.flatten.forward(a))
    return net.cost.fn(out, t[None], net.head.output_activation)


def _cost(net, x, t):
    return net.cost.fn(net.feedforward(x[None]), t[None], net.head.output_activation)


NETS = {
    "valid+pool, sigmoid": dict(features=[ConvSpec(3, 2), PoolSpec(2)]),
    "same+pool, relu, cross-entropy": dict(features=[ConvSpec(3, 2, True), PoolSpec(2)], act="relu",
                                           cost="cross-entropy"),
    "two convs, C=2 in, relu": dict(features=[ConvSpec(3, 2), ConvSpec(3, 3, True), PoolSpec(2)],
                                    shape=(2, 9, 9), act="relu"),
    "conv, pool, conv (no pool after)": dict(features=[ConvSpec(3, 3, True), PoolSpec(2), ConvSpec(3, 2)],
                                             shape=(1, 10, 10)),
}


@pytest.fixture(params=list(NETS))
def case(request):
    net = _net(**NETS[request.param])
    return net, *_sample(net)


def _pixels(net, L):
    _, oh, ow = net.shapes[L]
    return [(y, x) for y in range(oh) for x in range(ow)]


def test_forward_numbers_are_the_engines(case):
    net, x, t = case
    maps = net.feature_maps(x)
    for L in conv_layers(net):
        conv = net.layers[L - 1]
        prev = x.reshape(net.input_shape) if L == 1 else maps[L - 2]
        _, z = conv.linear(prev.transpose(1, 2, 0)[None])
        for y, col in _pixels(net, L)[::3]:
            w = conv_pixel_walk(net, x, t, L, 1, y, col, 0.5)
            assert w.z == pytest.approx(z[y * net.shapes[L][2] + col, 1], abs=1e-12)
            assert w.a == pytest.approx(maps[L - 1][1, y, col], abs=1e-12)
            assert w.z == pytest.approx(w.products.sum() + w.bias, abs=1e-12)
            np.testing.assert_allclose(w.products, w.patch * w.kernel)
            np.testing.assert_array_equal(w.kernel, conv.kernels[1])
            assert w.cost == pytest.approx(_cost(net, x, t), rel=1e-12)


def test_kernel_gradient_is_the_engines_and_the_sum_of_every_pixels_share(case):
    net, x, t = case
    nabla_w, nabla_b, _, _ = net.backprop(x[None], t[None])  # the mean over a batch of one: this sample's
    weight_layers = [i for i, layer in enumerate(net.layers) if hasattr(layer, "params")]
    for L in conv_layers(net):
        g = weight_layers.index(L - 1)
        for f in range(net.shapes[L][0]):
            walks = [conv_pixel_walk(net, x, t, L, f, y, col, 0.1) for y, col in _pixels(net, L)]
            np.testing.assert_allclose(walks[0].grad_w, nabla_w[g][f], rtol=1e-10, atol=1e-14)
            assert walks[0].grad_b == pytest.approx(nabla_b[g][f], rel=1e-10, abs=1e-14)
            np.testing.assert_allclose(sum(w.grad_w_pixel for w in walks), nabla_w[g][f], rtol=1e-10, atol=1e-14)
            assert sum(w.delta for w in walks) == pytest.approx(nabla_b[g][f], rel=1e-10, abs=1e-14)
            for w in walks:
                assert w.delta_map[w.y, w.x] == pytest.approx(w.delta, abs=1e-15)
                assert w.delta == pytest.approx(w.dC_da * w.sigma_prime, abs=1e-15)
                np.testing.assert_allclose(w.new_w, net.layers[L - 1].kernels[f] - 0.1 * nabla_w[g][f], atol=1e-14)
                assert w.new_b == pytest.approx(net.layers[L - 1].bias[f] - 0.1 * nabla_b[g][f], abs=1e-14)


def test_kernel_gradient_matches_finite_differences(case):
    net, x, t = case
    for L in conv_layers(net):
        conv = net.layers[L - 1]
        w = conv_pixel_walk(net, x, t, L, 0, 0, 0, 0.1)
        for c, i, j in [(0, 0, 0), (conv.in_shape[0] - 1, 1, 2), (0, 2, 1)]:
            old = conv.kernels[0, c, i, j]
            conv.kernels[0, c, i, j] = old + EPS
            up = _cost(net, x, t)
            conv.kernels[0, c, i, j] = old - EPS
            down = _cost(net, x, t)
            conv.kernels[0, c, i, j] = old
            assert w.grad_w[c, i, j] == pytest.approx((up - down) / (2 * EPS), rel=1e-5, abs=1e-9)


def test_dC_da_of_each_pixel_matches_finite_differences_of_its_activation(case):
    net, x, t = case
    maps = net.feature_maps(x)
    for L in conv_layers(net):
        for y, col in _pixels(net, L)[::2]:
            w = conv_pixel_walk(net, x, t, L, 0, y, col, 0.1)
            up, down = maps[L - 1].copy(), maps[L - 1].copy()
            up[0, y, col] += EPS
            down[0, y, col] -= EPS
            numeric = (_cost_from(net, L, up, t) - _cost_from(net, L, down, t)) / (2 * EPS)
            assert w.dC_da == pytest.approx(numeric, rel=1e-5, abs=1e-9), (L, y, col)


def test_what_the_pixel_sends_back_sums_to_the_input_gradient(case):
    net, x, t = case
    L = conv_layers(net)[0]
    if L != 1:
        pytest.skip("the first layer is not a convolution")
    conv = net.layers[0]
    pad = (conv.k - 1) // 2 if conv.same else 0
    C, H, W = net.input_shape
    total = np.zeros((C, H + conv.k, W + conv.k))
    for f in range(conv.filters):
        for y, col in _pixels(net, L):
            w = conv_pixel_walk(net, x, t, L, f, y, col, 0.1)
            np.testing.assert_allclose(w.back, w.delta * w.kernel)
            total[:, y:y + conv.k, col:col + conv.k] += w.back  # padded coordinates
    np.testing.assert_allclose(total[:, pad:pad + H, pad:pad + W].reshape(-1), net.input_gradient(x[None], t[None])[0],
                               rtol=1e-9, atol=1e-13)


def test_a_pool_winner_gets_the_pooled_gradient_and_the_others_nothing():
    net = _net([ConvSpec(3, 2), PoolSpec(2)], act="relu")
    x, t = _sample(net)
    seen = set()
    for y, col in _pixels(net, 1):
        w = conv_pixel_walk(net, x, t, 1, 1, y, col, 0.1)
        assert w.after == "pool"
        p = w.pool
        assert p.size == 2 and p.origin == (y // 2 * 2, col // 2 * 2) and p.out == (y // 2, col // 2)
        assert p.value == pytest.approx(net.feature_maps(x)[1][1, y // 2, col // 2])
        assert p.value == p.block.max() and w.a <= p.value
        assert p.won == (p.winner == (y, col))
        if p.won:
            assert w.a == p.value and w.dC_da == p.grad_out
        else:
            assert w.dC_da == 0 and w.delta == 0 and not w.grad_w_pixel.any()
        seen.add(p.won)
    assert seen == {True, False}


def test_same_padding_is_zeros_and_flagged_at_the_corner():
    net = _net([ConvSpec(3, 2, True), PoolSpec(2)])
    x, t = _sample(net)
    corner = conv_pixel_walk(net, x, t, 1, 0, 0, 0, 0.1)
    assert corner.same and corner.origin == (-1, -1)
    assert corner.padding[0].all() and corner.padding[:, 0].all() and not corner.padding[1:, 1:].any()
    assert not corner.patch[:, corner.padding].any()
    np.testing.assert_array_equal(corner.patch[0, 1:, 1:], x.reshape(8, 8)[:2, :2])
    inner = conv_pixel_walk(net, x, t, 1, 0, 3, 4, 0.1)
    assert inner.origin == (2, 3) and not inner.padding.any()
    np.testing.assert_array_equal(inner.patch[0], x.reshape(8, 8)[2:5, 3:6])
    valid = conv_pixel_walk(_net([ConvSpec(3, 2), PoolSpec(2)]), x, t, 1, 0, 0, 0, 0.1)
    assert not valid.same and valid.origin == (0, 0) and not valid.padding.any()


def test_an_odd_edge_the_pooling_drops_gets_no_gradient():
    net = _net([ConvSpec(3, 2), PoolSpec(2)], shape=(1, 7, 7))  # 5×5 maps, pooled to 2×2: row and column 4 dropped
    x, t = _sample(net)
    w = conv_pixel_walk(net, x, t, 1, 0, 4, 1, 0.1)
    assert w.after == "dropped" and w.pool is None and w.dC_da == 0 and w.delta == 0
    assert conv_pixel_walk(net, x, t, 1, 0, 3, 1, 0.1).after == "pool"


def test_what_follows_is_named():
    net = _net(**NETS["conv, pool, conv (no pool after)"])
    x, t = _sample(net)
    assert conv_pixel_walk(net, x, t, 1, 0, 0, 0, 0.1).after == "pool"
    assert conv_pixel_walk(net, x, t, 3, 0, 0, 0, 0.1).after == "flatten"
    net2 = _net(**NETS["two convs, C=2 in, relu"])
    x2, t2 = _sample(net2)
    first = conv_pixel_walk(net2, x2, t2, 1, 0, 0, 0, 0.1)
    assert first.after == "conv" and first.channels == 2 and first.channel_sums.shape == (2,)
    assert conv_pixel_walk(net2, x2, t2, 2, 0, 0, 0, 0.1).channels == 2


def test_a_pooled_pixel_is_followed_to_the_convolution_pixel_that_won_it():
    net = _net([ConvSpec(3, 2), PoolSpec(2), PoolSpec(1)], shape=(1, 10, 10))
    x, t = _sample(net)
    maps = net.feature_maps(x)
    for L in (2, 3):
        L0, f, y, col = follow_to_conv(net, x, L, 1, 1, 2)
        assert (L0, f) == (1, 1) and y // 2 == 1 and col // 2 == 2
        assert maps[0][1, y, col] == maps[1][1, 1, 2]
        assert conv_pixel_walk(net, x, t, L0, f, y, col, 0.1).pool.won
    assert follow_to_conv(net, x, 1, 0, 5, 6) == (1, 0, 5, 6)
    with pytest.raises(ValueError):
        follow_to_conv(net, x, 4, 0, 0, 0)  # the flattened vector
    with pytest.raises(ValueError):
        follow_to_conv(_net([PoolSpec(2), ConvSpec(3, 2)]), x, 1, 0, 0, 0)  # pools the image itself
    with pytest.raises(ValueError):
        conv_pixel_walk(net, x, t, 2, 0, 0, 0, 0.1)  # a pooling's map
    with pytest.raises(ValueError):
        conv_pixel_walk(net, x, t, 1, 0, 8, 0, 0.1)  # outside the 8×8 map


def test_the_default_pixel_is_filter_0s_most_active():
    net = _net([PoolSpec(1), ConvSpec(3, 2), PoolSpec(2)], act="relu")
    x, _ = _sample(net)
    L, f, y, col = default_pixel(net, x)
    m = net.feature_maps(x)[1][0]
    assert (L, f) == (2, 0) and m[y, col] == m.max()


def test_a_float32_network_is_walked_in_float64_and_left_unchanged():
    net = ConvNet.create((1, 8, 8), [ConvSpec(3, 2), PoolSpec(2)], [5], 3, "relu", seed=0)
    x, t = _sample(net)
    before = net.layers[0].kernels.copy()
    w = conv_pixel_walk(net, x, t, 1, 0, 2, 2, 0.1)
    assert w.patch.dtype == w.grad_w.dtype == w.new_w.dtype == np.float64
    np.testing.assert_array_equal(net.layers[0].kernels, before)


def test_kernel_gradcheck_agrees_and_leaves_the_network_alone(case):
    net, x, t = case
    for L in conv_layers(net):
        walks = [conv_pixel_walk(net, x, t, L, f, 0, 0, 0.1) for f in range(net.shapes[L][0])]
        w = max(walks, key=lambda walk: np.abs(walk.grad_w).max())  # a filter that learns (ReLU: some may not)
        before = net.layers[L - 1].kernels.copy()
        c, i, j = np.unravel_index(int(np.argmax(np.abs(w.grad_w))), w.grad_w.shape)
        check = kernel_gradcheck(net, x, t, w, int(c), int(i), int(j))
        assert check.backprop == w.grad_w[c, i, j] != 0 and check.relative_error < 1e-6, check
        bias = kernel_gradcheck(net, x, t, w, None)
        assert bias.backprop == w.grad_b and bias.relative_error < 1e-6, bias
        np.testing.assert_array_equal(net.layers[L - 1].kernels, before)
