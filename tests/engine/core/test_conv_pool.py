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
def test_fused_equals_one_layer_after_the_other(act: str, same: bool) -> None:
    rng = np.random.default_rng(3)
    conv = Conv2D(rng.standard_normal((4, 2, 3, 3)), rng.standard_normal(4), activation(act), (2, 9, 8), same)
    pool = MaxPool2D(conv.out_shape, 2)
    x = rng.standard_normal((3, 9, 8, 2))
    a, conv_cache = conv.forward(x)
    expected, pool_cache = pool.forward(a)
    out, cache = conv_pool.forward(conv, pool, x)
    np.testing.assert_allclose(out, expected, rtol=1e-12)
    grad = rng.standard_normal(out.shape)
    g_ref, dx_ref = conv.backward(pool.backward(grad, pool_cache)[1], conv_cache)
    g, dx = conv_pool.backward(conv, pool, grad, cache)
    np.testing.assert_allclose(g.dense(), g_ref.dense(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(dx, dx_ref, rtol=1e-10, atol=1e-12)
