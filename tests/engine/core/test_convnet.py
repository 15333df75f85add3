"""ConvNet: backprop through convolutions, poolings and the dense head against finite differences; it trains."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.engine.core.control import Hyperparameters, TrainingControl
from nndesk.engine.core.conv import Conv2D
from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec
from nndesk.engine.core.dataset import Dataset
from nndesk.engine.core.training import Trainer
from nndesk.engine.fast.gradient import OuterGradient


def _net(act: str = "tanh", cost: str = "cross-entropy", seed: int = 0) -> ConvNet:
    """9×7 images of 2 channels: a padded 3×3 convolution, a 2×2 pool (odd edge dropped), a valid 2×2 one."""
    return ConvNet.create((2, 9, 7), [ConvSpec(3, 3, same=True), PoolSpec(2), ConvSpec(2, 4)], [5], 3,
                          act, cost, seed=seed, dtype=np.float64)


def _batch(net: ConvNet, n: int = 3, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n, net.sizes[0])), np.eye(net.sizes[-1])[rng.integers(0, net.sizes[-1], n)]


def _cost(net: ConvNet, x: np.ndarray, t: np.ndarray) -> float:
    return float(net.cost.fn(net.feedforward(x), t, net.output_activation))


def test_shapes_for_views() -> None:
    net = ConvNet.create((1, 28, 28), [ConvSpec(5, 32), PoolSpec(2), ConvSpec(5, 64), PoolSpec(2)], [128], 10)
    assert net.shapes == [(1, 28, 28), (32, 24, 24), (32, 12, 12), (64, 8, 8), (64, 4, 4), (1024,), (128,), (10,)]
    assert net.sizes[0] == 784 and net.sizes[-1] == 10
    assert [type(layer).__name__ for layer in net.layers] == ["Conv2D", "MaxPool2D", "Conv2D", "MaxPool2D",
                                                                "Flatten", "Dense", "Dense"]
    maps = net.feature_maps(np.random.default_rng(0).random(784))
    assert [m.shape for m in maps] == net.shapes[1:]
    np.testing.assert_allclose(maps[-1], net.feedforward(np.random.default_rng(0).random((1, 784)))[0], rtol=1e-5)


@pytest.mark.parametrize("act,cost", [("tanh", "cross-entropy"), ("sigmoid", "quadratic"), ("relu", "cross-entropy")])
def test_every_gradient_matches_finite_differences(act: str, cost: str) -> None:
    net = _net(act, cost)
    x, t = _batch(net)
    nabla_w, nabla_b, c, _ = net.backprop(x, t)
    assert np.isclose(c, _cost(net, x, t))
    weight_layers = [layer for layer in net.layers if hasattr(layer, "params")]
    h = 1e-6
    for layer, gw, gb in zip(weight_layers, nabla_w, nabla_b):
        for array, grad in ((layer.weights, gw), (layer.bias, gb)):
            assert grad.shape == array.shape
            for idx in np.ndindex(array.shape):
                old = array[idx]
                array[idx] = old + h
                up = _cost(net, x, t)
                array[idx] = old - h
                down = _cost(net, x, t)
                array[idx] = old
                assert np.isclose(grad[idx], (up - down) / (2 * h), rtol=1e-4, atol=1e-8), (layer, idx)


def test_input_gradient_matches_finite_differences() -> None:
    net = _net()
    x, t = _batch(net, n=2)
    got = net.input_gradient(x, t)
    assert got.shape == x.shape
    h, num = 1e-6, np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        xp, xm = x.copy(), x.copy()
        xp[idx] += h
        xm[idx] -= h
        num[idx] = (_cost(net, xp, t) - _cost(net, xm, t)) / (2 * h)
    np.testing.assert_allclose(got, num, rtol=1e-4, atol=1e-9)


def test_factored_form_gives_the_same_gradients() -> None:
    net = _net()
    x, t = _batch(net)
    nabla_w, nabla_b, c, _ = net.backprop(x, t)
    grads, none, c2, _ = net.backprop(np.hstack([x, np.ones((len(x), 1))]), t, factored=True)
    assert none is None and c == c2 and all(isinstance(g, OuterGradient) for g in grads)
    weight_layers = [layer for layer in net.layers if hasattr(layer, "params")]
    for layer, p, g, gw, gb in zip(weight_layers, net.parameters(), grads, nabla_w, nabla_b):
        assert g.shape == p.shape
        full = g.dense()
        np.testing.assert_allclose(full[-1], gb, atol=1e-12)
        w = (full[:-1].reshape(layer.k, layer.k, layer.in_shape[0], -1).transpose(3, 2, 0, 1)
             if isinstance(layer, Conv2D) else full[:-1].T)
        np.testing.assert_allclose(w, gw, atol=1e-12)


def test_copy_and_astype_are_independent() -> None:
    net = _net()
    other = net.copy()
    other.parameters()[0][...] = 0
    assert net.parameters()[0].any()
    assert net.astype(np.float32).dtype == np.float32


def _bars(n: int, seed: int) -> Dataset:
    """8×8 noisy images of one bar: vertical (class 0) or horizontal (class 1), anywhere."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    img = rng.random((n, 8, 8)) * 0.3
    pos = rng.integers(0, 8, n)
    for cls in (0, 1):
        sel = np.flatnonzero(y == cls)
        if cls == 0:
            img[sel, :, pos[sel]] = 1.0
        else:
            img[sel, pos[sel], :] = 1.0
    return Dataset("bars", img.reshape(n, 64).astype(np.float32), y.astype(np.int64), 2, image_shape=(8, 8))


def test_a_tiny_cnn_learns_bars_in_a_few_epochs() -> None:
    train, val = _bars(600, 0), _bars(200, 1)
    net = ConvNet.create((1, 8, 8), [ConvSpec(3, 8), PoolSpec(2)], [16], 2, "relu", seed=0)
    before = net.evaluate(val.inputs(), val.target_matrix(), val.y)[1]
    hyper = Hyperparameters(learning_rate=0.05, momentum=0.9, batch_size=16, epochs=15)
    trainer = Trainer(net, train, val, control=TrainingControl(hyper), optimizer="momentum", seed=0)
    stats = list(trainer.epochs())
    assert len(stats) == 15 and stats[-1].val_accuracy >= 0.97 > before + 0.2
    assert stats[-1].train_cost < stats[0].train_cost


def test_the_last_batch_s_gradient_factors_survive_the_next_epoch() -> None:
    """The inspector multiplies the last batch's gradient out later: nothing the next batches write
    (patch rows are made again from the kept images) changes it."""
    train = _bars(96, 2)
    net = ConvNet.create((1, 8, 8), [ConvSpec(3, 4), PoolSpec(2)], [8], 2, "relu", seed=0)
    hyper = Hyperparameters(learning_rate=0.05, momentum=0.9, batch_size=32, epochs=2)
    trainer = Trainer(net, train, control=TrainingControl(hyper), optimizer="momentum", seed=0)
    epochs = trainer.epochs()
    next(epochs)
    factors = trainer.last_gradients._grads[0]
    kept = factors.dense()
    next(epochs)
    np.testing.assert_array_equal(factors.dense(), kept)
    assert trainer.last_gradients._grads[0] is not factors
