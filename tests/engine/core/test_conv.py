"""Conv2D: forward against a plain loop, and finite differences for kernels, biases and inputs (float64)."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.engine.core.activations import activation
from nndesk.engine.core.conv import Conv2D
from nndesk.engine.fast.gradient import dense


def _layer(c: int, h: int, w: int, k: int, f: int, same: bool, act: str = "tanh", seed: int = 0) -> Conv2D:
    rng = np.random.default_rng(seed)
    return Conv2D(rng.standard_normal((f, c, k, k)), rng.standard_normal(f), activation(act), (c, h, w), same)


def _naive(layer: Conv2D, x: np.ndarray) -> np.ndarray:
    """z by the definition: Σ over the window, one output pixel at a time (channels-last in and out)."""
    k, (f, oh, ow) = layer.k, layer.out_shape
    lo = (k - 1) // 2 if layer.same else 0
    xp = np.pad(x, ((0, 0), (lo, k - 1 - lo), (lo, k - 1 - lo), (0, 0))) if layer.same else x
    z = np.zeros((len(x), oh, ow, f))
    for b in range(len(x)):
        for i in range(oh):
            for j in range(ow):
                window = xp[b, i:i + k, j:j + k, :].transpose(2, 0, 1)  # (C, k, k)
                z[b, i, j] = np.tensordot(layer.kernels, window, axes=3) + layer.bias
    return z


@pytest.mark.parametrize("same", [False, True])
@pytest.mark.parametrize("k", [1, 3, 4])
def test_forward_is_the_sum_over_each_window(same: bool, k: int) -> None:
    layer = _layer(3, 7, 6, k, 4, same, act="linear")
    x = np.random.default_rng(1).standard_normal((2, 7, 6, 3))
    out, _ = layer.forward(x)
    assert out.shape == (2, *layer.out_shape[1:], 4)
    np.testing.assert_allclose(out, _naive(layer, x), atol=1e-12)


def test_shapes_and_kernels_view() -> None:
    valid, same = _layer(2, 9, 7, 5, 3, False), _layer(2, 9, 7, 5, 3, True)
    assert valid.out_shape == (3, 5, 3) and same.out_shape == (3, 9, 7)
    assert valid.kernels.shape == (3, 2, 5, 5) and np.shares_memory(valid.kernels, valid.params)
    valid.kernels = np.zeros((3, 2, 5, 5))
    assert not valid.params[:-1].any() and valid.params[-1].any()  # the biases are untouched
    assert valid.spec == "conv5x5x3" and same.spec == "conv5x5x3same"


@pytest.mark.parametrize("bad", [dict(in_shape=(3, 7, 7)), dict(in_shape=(2, 3, 9))])
def test_refuses_shapes_that_do_not_fit(bad: dict) -> None:
    with pytest.raises(ValueError):
        Conv2D(np.zeros((3, 2, 5, 5)), np.zeros(3), activation("relu"), **bad)


def _loss(layer: Conv2D, x: np.ndarray, r: np.ndarray) -> float:
    return float(np.sum(layer.forward(x)[0] * r))


@pytest.mark.parametrize("same,act,k", [(False, "tanh", 3), (True, "tanh", 3), (True, "sigmoid", 4),
                                        (False, "relu", 2), (True, "leaky-relu", 5)])
def test_gradients_match_finite_differences(same: bool, act: str, k: int) -> None:
    """Odd sizes (7×5), several channels, padding: ∂L/∂kernels, ∂L/∂b and ∂L/∂x for L = Σ r ⊙ out."""
    layer = _layer(3, 7, 5, k, 4, same, act)
    rng = np.random.default_rng(2)
    x = rng.standard_normal((2, 7, 5, 3))
    out, cache = layer.forward(x)
    r = rng.standard_normal(out.shape)
    g, dx = layer.backward(r, cache)
    full = dense(g)
    got_k = full[:-1].reshape(k, k, 3, 4).transpose(3, 2, 0, 1)
    h = 1e-6
    num_k = np.zeros_like(layer.kernels)
    for idx in np.ndindex(num_k.shape):
        old = layer.kernels[idx]
        layer.kernels[idx] = old + h
        up = _loss(layer, x, r)
        layer.kernels[idx] = old - h
        num_k[idx] = (up - _loss(layer, x, r)) / (2 * h)
        layer.kernels[idx] = old
    num_b = np.zeros(4)
    for f in range(4):
        old = layer.bias[f]
        layer.bias[f] = old + h
        up = _loss(layer, x, r)
        layer.bias[f] = old - h
        num_b[f] = (up - _loss(layer, x, r)) / (2 * h)
        layer.bias[f] = old
    num_x = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        xp, xm = x.copy(), x.copy()
        xp[idx] += h
        xm[idx] -= h
        num_x[idx] = (_loss(layer, xp, r) - _loss(layer, xm, r)) / (2 * h)
    np.testing.assert_allclose(got_k, num_k, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(full[-1], num_b, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(dx, num_x, rtol=1e-5, atol=1e-6)


def test_first_layer_skips_the_input_gradient() -> None:
    layer = _layer(1, 6, 6, 3, 2, False)
    out, cache = layer.forward(np.ones((1, 6, 6, 1)))
    g, dx = layer.backward(np.ones(out.shape), cache, need_input=False)
    assert dx is None and dense(g).shape == (10, 2)


def test_patch_gradient_folds_into_an_update_like_the_outer_product(monkeypatch: pytest.MonkeyPatch) -> None:
    from nndesk.engine.core.conv import PatchGradient
    from nndesk.engine.fast import patches as patch_module

    rng = np.random.default_rng(5)
    # more weights per filter than filters (flipped), and fewer; 3 samples a chunk, so 7 make 3 chunks
    monkeypatch.setattr(patch_module, "CHUNK_BYTES", 3 * 16 * 19 * 8)
    for channels, filters, pool in ((2, 3, 1), (2, 3, 2), (1, 40, 2)):
        images = rng.standard_normal((7, 6, 6, channels))
        patches = patch_module.Patches(images, 3, pool=pool)
        a = patches.array()
        delta = rng.standard_normal((len(a), filters))
        g, target = PatchGradient(patches, delta), rng.standard_normal((a.shape[1], filters))
        np.testing.assert_allclose(g.dense(), a.T @ delta)
        expected = 0.9 * target - 0.1 * (a.T @ delta)
        g.accumulate_into(target, -0.1, 0.9)
        np.testing.assert_allclose(target, expected)
