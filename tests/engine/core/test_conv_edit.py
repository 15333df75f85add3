"""Conv structure edits: shapes chain, kept weights are equal, fresh ones have the init's scale, refusals say why."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.engine.core import conv_edit as ce
from nndesk.engine.core.conv import Conv2D
from nndesk.engine.core.conv_refusal import TEXTS, Refusal
from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec
from nndesk.engine.core.network import Network
from nndesk.engine.core.pool import MaxPool2D


def _net(act: str = "relu") -> ConvNet:
    """conv5x5x8 → pool2 → 32 → 10 on 1×28×28 (the contract's example)."""
    return ConvNet.create((1, 28, 28), [ConvSpec(5, 8), PoolSpec(2)], [32], 10, act, seed=0)


def _two_convs() -> ConvNet:
    return ConvNet.create((1, 28, 28), [ConvSpec(3, 4), PoolSpec(2), ConvSpec(3, 6)], [16], 10, seed=1)


def _rng() -> np.random.Generator:
    return np.random.default_rng(7)


def _chains(net) -> None:
    """Every layer's input is the previous one's output, and a batch goes through."""
    x = np.random.default_rng(0).random((2, net.sizes[0]))
    assert net.feedforward(x).shape == (2, net.sizes[-1])
    if isinstance(net, ConvNet):
        for prev, nxt in zip(net.layers, net.layers[1:]):
            assert prev.n_out == nxt.n_in
        assert [m.shape for m in net.feature_maps(x[0])] == net.shapes[1:]


def _same(a, b) -> None:
    assert a.dtype == b.dtype
    np.testing.assert_array_equal(a, b)


def test_with_conv_inserts_fresh_kernels_and_keeps_the_rest() -> None:
    net = _net()
    new = ce.with_conv(net, 2, k=3, filters=5, rng=_rng())  # after the pool: 8×12×12 → 5×10×10
    _chains(new)
    assert [f.spec for f in new.features] == ["conv5x5x8", "pool2", "conv3x3x5"]
    assert new.shapes[3] == (5, 10, 10) and new.dtype == np.float32 and new.cost.name == net.cost.name
    _same(new.features[0].kernels, net.features[0].kernels)
    _same(new.features[0].bias, net.features[0].bias)
    conv = new.features[2]
    assert conv.activation.name == "relu" and not conv.same
    np.testing.assert_array_equal(conv.bias, 0)
    # the flattened maps changed size: the dense layers get fresh weights (they read new features), biases stay
    first, old_first = new.head.layers[0], net.head.layers[0]
    assert first.weights.shape == (32, 500)
    _same(first.bias, old_first.bias)
    out, old_out = new.head.layers[1], net.head.layers[1]
    assert out.weights.shape == old_out.weights.shape and not np.any(out.weights == old_out.weights)
    _same(out.bias, old_out.bias)
    assert out.activation.name == "softmax"
    # the original is untouched
    assert [f.spec for f in net.features] == ["conv5x5x8", "pool2"]


def test_fresh_kernels_have_he_scale_for_relu_and_xavier_for_tanh() -> None:
    he, xavier = (lambda fan_in, fan_out: 2 / fan_in), (lambda fan_in, fan_out: 2 / (fan_in + fan_out))
    for act, var in (("relu", he), ("tanh", xavier)):
        net = _net(act)
        new = ce.with_conv(net, 2, k=3, filters=64, rng=_rng())
        conv = new.features[2]
        assert conv.activation.name == act  # the network's convolutions' σ
        fan_in = 3 * 3 * 8
        assert np.std(conv.kernels) == pytest.approx(np.sqrt(var(fan_in, 64)), rel=0.1)
        first = new.head.layers[0]
        fan_in = first.n_in
        assert np.std(first.weights) == pytest.approx(np.sqrt(var(fan_in, 32)), rel=0.05)
        assert np.std(new.head.layers[1].weights) == pytest.approx(np.sqrt(var(32, 10)), rel=0.3)  # 320 numbers


def test_filters_keep_the_overlap_and_resize_the_next_convolutions_channels() -> None:
    net = _two_convs()
    more = ce.with_filters(net, 0, 7, rng=_rng())
    _chains(more)
    a, b = net.features[0], more.features[0]
    assert b.kernels.shape == (7, 1, 3, 3)
    _same(b.kernels[:4], a.kernels)
    _same(b.bias[:4], a.bias)
    np.testing.assert_array_equal(b.bias[4:], 0)
    nxt_old, nxt = net.features[2], more.features[2]
    assert nxt.kernels.shape == (6, 7, 3, 3)
    _same(nxt.kernels[:, :4], nxt_old.kernels)
    _same(nxt.bias, nxt_old.bias)
    assert not np.any(nxt.kernels[:, 4:] == 0)  # the new channels' slices are drawn, not zeros
    # the next convolution's output did not change shape: every dense weight stays
    for x, y in zip(more.head.parameters(), net.head.parameters()):
        _same(x, y)
    fewer = ce.with_filters(net, 0, 2, rng=_rng())
    _same(fewer.features[0].kernels, a.kernels[:2])
    _same(fewer.features[2].kernels, nxt_old.kernels[:, :2])


def test_filters_of_the_last_convolution_keep_the_first_dense_columns_of_kept_channels() -> None:
    net = _two_convs()  # last maps 6×11×11: the first dense layer reads 726 numbers
    new = ce.with_filters(net, 2, 3, rng=_rng())
    first, old = new.head.layers[0], net.head.layers[0]
    assert first.weights.shape == (16, 3 * 121)
    _same(first.weights, old.weights[:, :3 * 121])
    _same(new.head.layers[1].params, net.head.layers[1].params)  # its neurons mostly mean what they meant
    grown = ce.with_filters(net, 2, 8, rng=_rng())
    _same(grown.head.layers[0].weights[:, :726], old.weights)
    new_columns = grown.head.layers[0].weights[:, 726:]  # He for the 968 inputs the layer has now
    assert new_columns.dtype == np.float32 and np.std(new_columns) == pytest.approx(np.sqrt(2 / 968), rel=0.1)


def test_kernel_size_gives_that_layer_fresh_kernels_only() -> None:
    net = _two_convs()
    new = ce.with_kernel_size(net, 2, 5, rng=_rng())
    _chains(new)
    old_k, new_k = net.features[2], new.features[2]
    assert new_k.kernels.shape == (6, 4, 5, 5) and new.shapes[3] == (6, 9, 9)
    np.testing.assert_array_equal(new_k.bias, 0)
    assert np.std(new_k.kernels) == pytest.approx(np.sqrt(2 / 100), rel=0.15)
    _same(new.features[0].kernels, net.features[0].kernels)
    assert new.head.layers[0].n_in == 6 * 81
    # the same k changes nothing and throws nothing away
    same = ce.with_kernel_size(net, 2, 3, rng=_rng())
    _same(same.features[2].kernels, old_k.kernels)
    for x, y in zip(same.parameters(), net.parameters()):
        _same(x, y)


def test_dense_network_becomes_a_convnet_and_back() -> None:
    dense = Network.create([784, 32, 10], "sigmoid", "cross-entropy", seed=2)
    conv = ce.with_conv(dense, 0, 5, 8, rng=_rng(), input_shape=(28, 28))
    assert isinstance(conv, ConvNet) and conv.input_shape == (1, 28, 28)
    _chains(conv)
    assert conv.features[0].activation.name == "sigmoid"  # the student's hidden σ
    assert conv.head.sizes == [8 * 24 * 24, 32, 10]
    for new, old in zip(conv.head.layers, dense.layers):
        _same(new.bias, old.bias)
    back = ce.without_feature(conv, 0, rng=_rng())
    assert type(back) is Network and back.sizes == [784, 32, 10]
    assert back.layers[0].weights.shape == (32, 784)
    assert not np.array_equal(back.layers[0].weights, dense.layers[0].weights)  # fresh for the raw image
    for new, old in zip(back.layers, dense.layers):
        _same(new.bias, old.bias)
    pooled = ce.with_pool(Network.create([784, 10], seed=0), 0, input_shape=(1, 28, 28), rng=_rng())
    assert pooled.shapes[1] == (1, 14, 14) and pooled.head.sizes == [196, 10]


def test_no_hidden_layer_means_relu() -> None:
    conv = ce.with_conv(Network.create([784, 10], "tanh", "cross-entropy"), 0, 3, 2, input_shape=(28, 28))
    assert conv.features[0].activation.name == "relu"


def test_round_trips_keep_every_weight_that_was_there() -> None:
    net = _two_convs()
    back = ce.without_feature(ce.with_pool(net, 3, rng=_rng()), 3, rng=_rng())
    assert back.architecture == net.architecture
    for x, y in zip(back.features[0].params, net.features[0].params):
        _same(x, y)
    _same(back.features[2].params, net.features[2].params)
    # the last maps went 6×11×11 → 6×5×5 → 6×11×11: the dense weights are fresh, the biases kept
    for new, old in zip(back.head.layers, net.head.layers):
        _same(new.bias, old.bias)
    there = ce.with_filters(ce.with_filters(net, 0, 9, rng=_rng()), 0, 4, rng=_rng())
    for x, y in zip(there.parameters(), net.parameters()):
        _same(x, y)


def test_removing_a_middle_layer_and_removing_a_convolution() -> None:
    net = _two_convs()
    no_pool = ce.without_feature(net, 1, rng=_rng())
    _chains(no_pool)
    assert [type(f) for f in no_pool.features] == [Conv2D, Conv2D] and no_pool.shapes[2] == (6, 24, 24)
    no_first = ce.without_feature(net, 0, rng=_rng())  # the second convolution now reads the 1-channel image
    _chains(no_first)
    assert [type(f) for f in no_first.features] == [MaxPool2D, Conv2D]
    _same(no_first.features[1].kernels, net.features[2].kernels[:, :1])


@pytest.mark.parametrize("edit, reason", [
    (lambda n: ce.with_conv(n, 2, k=10), "kernel_size"),
    (lambda n: ce.with_conv(n, 2, k=0), "kernel_size"),
    (lambda n: ce.with_conv(n, 2, filters=0), "filters"),
    (lambda n: ce.with_filters(n, 0, 257), "filters"),
    (lambda n: ce.with_conv(ce.with_conv(n, 2, 9), 3, 5), "kernel_too_big"),  # 12 → 4: a 5×5 kernel is too big
    (lambda n: ce.with_pool(ce.with_pool(ce.with_pool(n, 0), 0), 0), "kernel_too_big"),  # the old 5×5 gets 3×3
    (lambda n: ce.with_pool(ce.with_pool(ce.with_pool(ce.with_pool(n, 2), 3), 4), 5), "pool_too_big"),  # 12→6→3→1
    (lambda n: ce.with_pool(n, 2, size=1), "pool_size"),
    (lambda n: ce.with_filters(n, 1, 4), "not_conv"),
    (lambda n: ce.with_pool_size(n, 0, 3), "not_pool"),
    (lambda n: ce.with_pool_size(n, 1, 9), "pool_size"),
    (lambda n: ce.with_pool_size(n, 1, 1), "pool_size"),
    (lambda n: ce.with_pool_size(n, 2, 2), "no_layer"),
    (lambda n: ce.with_pool_size(ce.with_conv(n, 2, 9), 1, 3), "kernel_too_big"),  # 24 → 8: a 9×9 kernel is too big
    (lambda n: ce.with_kernel_size(n, 5, 3), "no_layer"),
    (lambda n: ce.without_feature(n, -1), "no_layer"),
    (lambda n: ce.with_conv(n, 3), "bad_position"),
    (lambda n: ce.with_filters(ce.with_kernel_size(n, 0, 1), 0, 256), "too_many_values"),  # 256×28×28
    (lambda n: ce.with_conv(ce.with_filters(n, 0, 256), 1, 9, 1), "too_much_copying"),  # 16·16·(81·256+1)
    (lambda n: ce.with_conv(Network.create([784, 10]), 0), "not_image"),
    (lambda n: ce.with_conv(Network.create([6, 10]), 0, input_shape=(2, 2)), "not_image"),
], ids=["k10", "k0", "filters0", "filters257", "kernel-after-shrink", "kernel-then-old", "pool-1x1",
        "pool-size", "pool-has-no-filters", "conv-has-no-block", "block-9", "block-1", "no-pool-there",
        "block-then-kernel", "no-layer", "negative", "position", "too-many-values",
        "too-much-copying", "no-image", "wrong-image-shape"])
def test_refusals_are_one_line_and_change_nothing(edit, reason: str) -> None:
    net = _net()
    before = [p.copy() for p in net.parameters()]
    with pytest.raises(Refusal) as e:
        edit(net)
    assert e.value.reason == reason and isinstance(e.value, ValueError)
    text = str(e.value)
    assert "\n" not in text and text == TEXTS[reason].format(**e.value.values)
    assert net.architecture == "1×28×28-conv5x5x8-pool2-32-10"
    for x, y in zip(net.parameters(), before):
        _same(x, y)


def test_pool_size_changes_the_maps_after_it_and_keeps_every_kernel() -> None:
    net = _two_convs()  # 4×26×26 → pool2 13×13 → 6×11×11
    new = ce.with_pool_size(net, 1, 3, rng=_rng())  # 26 → 8×8 → conv3 6×6
    _chains(new)
    assert [f.spec for f in new.features] == ["conv3x3x4", "pool3", "conv3x3x6"] and new.shapes[3] == (6, 6, 6)
    for a, b in ((new.features[0], net.features[0]), (new.features[2], net.features[2])):
        _same(a.kernels, b.kernels)
        _same(a.bias, b.bias)
    assert new.head.layers[0].weights.shape == (16, 6 * 6 * 6)  # the flattened maps are new: fresh weights
    back = ce.with_pool_size(new, 1, 2, rng=_rng())
    assert back.architecture == net.architecture and ce.with_pool_size(net, 1, 2).architecture == net.architecture


def test_too_many_layers() -> None:
    net = ConvNet.create((1, 64, 64), [ConvSpec(1, 1)] * 16, [], 2, seed=0)
    with pytest.raises(Refusal, match="at most 16"):
        ce.with_pool(net, 0)


def test_big_numbers_read_with_thin_spaces() -> None:
    with pytest.raises(Refusal) as e:
        ce.with_filters(ce.with_kernel_size(_net(), 0, 1), 0, 256)
    assert e.value.values["n"] == "200\u2009704"


def test_a_later_layer_that_no_longer_fits_is_named() -> None:
    with pytest.raises(Refusal) as e:
        ce.with_pool(ce.with_pool(ce.with_pool(_net(), 0), 0), 0)  # 28 → 14 → 7 → 3: then the old 5×5 kernels
    assert str(e.value) == "Layer 4's 5×5 kernels would be bigger than the 3×3 maps they slide over."


def test_a_network_past_the_limits_can_still_shrink() -> None:
    """A command-line model may have more (300 filters, 235 200 numbers a map): pooling and fewer filters
    stay possible, growing does not."""
    big = ConvNet.create((1, 28, 28), [ConvSpec(3, 300, same=True)], [], 2, seed=0)
    assert ce.with_pool(big, 1, rng=_rng()).head.sizes[0] == 300 * 14 * 14
    assert ce.with_filters(big, 0, 299, rng=_rng()).features[0].filters == 299
    with pytest.raises(Refusal, match="1 to 256 filters; 301"):
        ce.with_filters(big, 0, 301)
    with pytest.raises(Refusal, match="more than 4\u2009000\u2009000"):  # 9×9 windows over 300 maps: 16 million
        ce.with_conv(big, 1, 9, 4)


def test_the_first_dense_layer_may_not_grow_past_ten_million_weights() -> None:
    dense = Network.create([784, 800, 10], "relu", "cross-entropy", seed=0)  # the window's digits network
    conv = ce.with_conv(dense, 0, 5, 8, _rng(), input_shape=(28, 28))  # 4 608 maps' numbers × 800 neurons
    with pytest.raises(Refusal) as e:
        ce.with_filters(conv, 0, 32)
    assert e.value.reason == "dense_too_big"
    assert str(e.value) == ("The first dense layer would have 14\u2009745\u2009600 weights (18\u2009432 numbers "
                            "from the maps × 800 neurons), more than 10\u2009000\u2009000: pool first, or use fewer "
                            "filters.")
    assert ce.with_filters(ce.with_pool(conv, 1, rng=_rng()), 0, 32, _rng()).head.sizes[0] == 32 * 12 * 12


def test_check_only_refuses_the_same_and_builds_nothing() -> None:
    net = _two_convs()
    assert ce.with_filters(net, 0, 9, check_only=True) is None
    assert ce.with_conv(Network.create([784, 10]), 0, input_shape=(28, 28), check_only=True) is None
    with pytest.raises(Refusal, match="1 to 256 filters"):
        ce.with_filters(net, 0, 300, check_only=True)
    with pytest.raises(Refusal, match="is a pooling"):
        ce.with_kernel_size(net, 1, 3, check_only=True)
