"""The fused update C ← β·C + α·Aᵀ·B, and the optimizers that use it, agree with plain numpy."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.engine.core.network import Network
from nndesk.engine.core.optimizers import optimizer
from nndesk.engine.fast import gemm
from nndesk.engine.fast.gradient import OuterGradient, dense


def _operands(m: int, n: int, k: int, dtype: type, seed: int = 0) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(seed)
    return tuple(rng.standard_normal(s).astype(dtype) for s in ((k, m), (k, n), (m, n)))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("shape", [(128, 784, 64), (10, 128, 64), (200, 100, 1), (130, 130, 7)])
@pytest.mark.parametrize("beta", [1.0, 0.9, 0.0])
def test_accumulate_product_matches_numpy(dtype: type, shape: tuple[int, int, int], beta: float) -> None:
    a, b, c = _operands(*shape, dtype)
    expected = beta * c.astype(np.float64) - 0.03 * (a.T.astype(np.float64) @ b)
    gemm.accumulate_product(c, a, b, -0.03, beta)
    tol = 1e-4 if dtype == np.float32 else 1e-12
    np.testing.assert_allclose(c, expected, rtol=tol, atol=tol)


def test_big_contiguous_products_go_to_blas(monkeypatch: pytest.MonkeyPatch) -> None:
    """numpy's wheels ship OpenBLAS: the direct call must be found and used, or the speed-up is gone."""
    if not any(lib.get("internal_api") == "openblas" for lib in gemm.threadpool_info()):
        pytest.skip("numpy is not linked to OpenBLAS here")
    assert gemm.available(np.float32) and gemm.available(np.float64)
    calls = []
    real = gemm._call
    monkeypatch.setattr(gemm, "_call", lambda *args: (calls.append(args[1].shape), real(*args)))
    a, b, c = _operands(128, 784, 64, np.float32)
    gemm.accumulate_product(c, a, b, 1.0)
    small = _operands(10, 128, 64, np.float32)
    gemm.accumulate_product(small[2], small[0], small[1], 1.0)  # below MIN_ELEMENTS: numpy
    assert calls == [(128, 784)]


def test_unusual_operands_take_the_numpy_route() -> None:
    a, b, c = _operands(200, 300, 16, np.float32)
    a_strided = np.asfortranarray(a)  # not C-contiguous
    b_readonly = b.copy()
    b_readonly.flags.writeable = False
    for left, right in ((a_strided, b), (a, b_readonly), (a.astype(np.float64), b)):
        out = c.copy()
        gemm.accumulate_product(out, left, right, 0.5, 2.0)
        np.testing.assert_allclose(out, 2.0 * c + 0.5 * (a.T @ b), rtol=1e-4, atol=1e-4)
    with pytest.raises(ValueError, match="shapes"):
        gemm.accumulate_product(c, b, a, 1.0)


def _with_ones(x: np.ndarray) -> np.ndarray:
    return np.concatenate([x, np.ones((len(x), 1), x.dtype)], axis=1)


def _tanh_sample() -> tuple[Network, np.ndarray, np.ndarray]:
    """A 30-20-5 tanh network and a batch of 16 samples with one-hot targets."""
    net = Network.create([30, 20, 5], "tanh", "cross-entropy", seed=1)
    rng = np.random.default_rng(2)
    x = rng.random((16, 30)).astype(np.float32)
    return net, x, np.eye(5, dtype=np.float32)[rng.integers(0, 5, 16)]


def test_factored_backprop_is_the_same_gradient() -> None:
    """[a | 1]ᵀ·δ over [W | b]ᵀ holds ∂C/∂Wᵀ in its first rows and ∂C/∂b in its last."""
    net, x, t = _tanh_sample()
    nw, nb, c, _ = net.backprop(x, t)
    fw, fb, fc, _ = net.backprop(_with_ones(x), t, factored=True)
    assert all(isinstance(g, OuterGradient) for g in fw) and fb is None
    assert fc == pytest.approx(c, rel=1e-6)
    for g, b, f, layer in zip(nw, nb, fw, net.layers):
        assert f.shape == layer.params.shape
        np.testing.assert_allclose(dense(f)[:-1].T, g, rtol=1e-5, atol=1e-7)
        np.testing.assert_allclose(dense(f)[-1], b, rtol=1e-5, atol=1e-7)
    with pytest.raises(ValueError, match=r"\[x \| 1\]"):
        net.backprop(x, t, factored=True)


@pytest.mark.parametrize("name", ["sgd", "momentum", "adam"])
@pytest.mark.parametrize("l2", [0.0, 0.01])
def test_optimizers_fold_the_product_into_the_update(name: str, l2: float) -> None:
    """Three steps with factored gradients land where three steps with dense ones do, biases spared by L2."""
    sizes = [784, 64, 10]  # 785×64 parameters: big enough for the BLAS route
    nets = [Network.create(sizes, "relu", "cross-entropy", init="he", seed=3) for _ in range(2)]
    for net in nets:
        for layer in net.layers:
            layer.bias = np.full(layer.n_out, 0.5, np.float32)
    opts = [optimizer(name, momentum=0.9, l2=l2) for _ in range(2)]
    rng = np.random.default_rng(4)
    for _ in range(3):
        x = rng.random((32, 784)).astype(np.float32)
        t = np.eye(10, dtype=np.float32)[rng.integers(0, 10, 32)]
        nw, nb, _, _ = nets[0].backprop(x, t)  # the lecture's form: W and b apart, multiplied out
        grads = [np.concatenate([w.T, b[None]], axis=0) for w, b in zip(nw, nb)]
        opts[0].step(nets[0].parameters(), grads, 0.05)
        fw, _, _, _ = nets[1].backprop(_with_ones(x), t, factored=True)
        opts[1].step(nets[1].parameters(), fw, 0.05)
    # float32 products summed in another order; Adam's m/√v turns tiny gradients into ±η steps, so
    # its rounding shows up to ~1e-4
    tol = 2e-4 if name == "adam" else 1e-5
    for p, q in zip(*(net.parameters() for net in nets)):
        np.testing.assert_allclose(q, p, rtol=1e-4, atol=tol)


@pytest.mark.parametrize("name", ["sgd", "momentum", "adam"])
def test_l2_shrinks_the_weights_and_spares_the_bias(name: str) -> None:
    """With ∂C/∂[W | b] = 0, one step is pure weight decay: W ← (1 − ηλ)·W, b unchanged."""
    rng = np.random.default_rng(5)
    p = rng.standard_normal((101, 200)).astype(np.float32)  # [W | b]ᵀ, big enough for the BLAS route
    before = p.copy()
    zero = OuterGradient(np.ones((8, 101), np.float32), np.zeros((8, 200), np.float32))
    optimizer(name, momentum=0.9, l2=0.1).step([p], [zero], 0.5)
    np.testing.assert_array_equal(p[-1], before[-1])
    if name != "adam":
        np.testing.assert_allclose(p[:-1], 0.95 * before[:-1], rtol=1e-6)
    else:  # Adam rescales the step to about η, but every weight still moves toward 0
        assert np.all(np.sign(before[:-1] - p[:-1]) == np.sign(before[:-1]))


def test_batch_gradients_are_multiplied_out_only_when_read() -> None:
    from nndesk.engine.fast.gradient import BatchGradients

    net, x, t = _tanh_sample()
    nw, nb, _, _ = net.backprop(x, t)
    factored, _, _, _ = net.backprop(_with_ones(x), t, factored=True)
    grads = BatchGradients(factored)
    assert grads._dense == [None, None]  # nothing computed yet
    np.testing.assert_allclose(grads.weights[1], nw[1], rtol=1e-5, atol=1e-7)
    assert grads._dense[0] is None and grads._dense[1] is not None  # only the layer that was read
    weights, biases = grads
    assert len(weights) == len(biases) == 2
    for g, b, w_lazy, b_lazy in zip(nw, nb, weights, biases):
        np.testing.assert_allclose(w_lazy, g, rtol=1e-5, atol=1e-7)
        np.testing.assert_allclose(b_lazy, b, rtol=1e-5, atol=1e-7)
    with pytest.raises(IndexError):
        weights[2]
