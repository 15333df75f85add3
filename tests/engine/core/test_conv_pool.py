"""σ(max z) equals max σ(z) for every hidden activation, and its backward pass equals the layers' one by one."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.engine.core import conv_pool
from nndesk.engine.core.activations import HIDDEN_ACTIVATIONS, activation
from nndesk.engine.core.conv import Conv2D
from nndesk.engine.core.pool import MaxPool2D


@pytest.mark.parametrize("act", HIDDEN_ACTIVATIONS)
@pytest.mark.parametrize("same", [False, True])
@pytest.mark.parametrize(("size", "channels", "p"),
                         [((9, 8), 2, 2), ((10, 8), 2, 2), ((10, 8), 1, 2), ((11, 11), 3, 3)])
def test_fused_equals_one_layer_after_the_other(act: str, same: bool, size, channels: int, p: int) -> None:
    """Odd edges (one layer after the other) and whole blocks (rows grouped by position in the block), with
    ties: a blank corner gives every position of its blocks the same z, and the first one must win."""
    rng = np.random.default_rng(3)
    conv = Conv2D(rng.standard_normal((4, channels, 3, 3)), rng.standard_normal(4), activation(act),
                  (channels, *size), same)
    pool = MaxPool2D(conv.out_shape, p)
    x = rng.standard_normal((3, *size, channels))
    x[:, :5, :5] = 0
    a, conv_cache = conv.forward(x)
    expected, pool_cache = pool.forward(a)
    out, cache = conv_pool.forward(conv, pool, x)
    assert cache.grouped == (conv.out_shape[1] % p == 0 and conv.out_shape[2] % p == 0)
    np.testing.assert_allclose(out, expected, rtol=1e-12)
    grad = rng.standard_normal(out.shape)
    g_ref, dx_ref = conv.backward(pool.backward(grad, pool_cache)[1], conv_cache)
    g, dx = conv_pool.backward(conv, pool, grad, cache)
    np.testing.assert_allclose(g.dense(), g_ref.dense(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(dx, dx_ref, rtol=1e-10, atol=1e-12)
