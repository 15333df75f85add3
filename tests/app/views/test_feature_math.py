"""The numbers the filter inspector computes agree with the engine: windows (with padding) and pooling winners."""

import numpy as np
import pytest

from nndesk.app.views.feature_math import weighted_sums
from nndesk.engine.core.activations import activation
from nndesk.engine.core.conv import Conv2D
from nndesk.engine.core.pool import MaxPool2D
from nndesk.engine.explain.receptive import pool_block, window


@pytest.mark.parametrize("same", [False, True])
def test_every_pixels_window_sum_is_the_engines_z(same):
    rng = np.random.default_rng(0)
    a = rng.normal(size=(3, 7, 6))
    conv = Conv2D(rng.normal(size=(2, 3, 3, 3)), rng.normal(size=2), activation("relu"), (3, 7, 6), same)
    z = conv.linear(a.transpose(1, 2, 0)[None])[1].reshape(*conv.out_shape[1:], 2).transpose(2, 0, 1)
    for f, y, x in np.ndindex(*conv.out_shape):
        win = window(a, 3, same, y, x)
        assert weighted_sums(win.values, conv.kernels[f]).sum() + conv.bias[f] == pytest.approx(z[f, y, x])


def test_a_pooling_tie_is_won_by_the_pixel_the_engine_sends_the_gradient_to():
    a = np.array([[[1.0, 3.0, 0.0, 0.0], [3.0, 2.0, 0.0, 0.0]]])  # block 0: 3 twice; block 1: all 0
    pool = MaxPool2D((1, 2, 4), 2)
    out, cache = pool.forward(a.transpose(1, 2, 0)[None])
    _, dx = pool.backward(np.ones_like(out), cache)
    for x in range(2):
        won = pool_block(a, 2, 0, 0, x)
        assert dx[0, won.row, 2 * x + won.col, 0] == 1.0 and won.value == out[0, 0, x, 0]
    assert (pool_block(a, 2, 0, 0, 0).row, pool_block(a, 2, 0, 0, 0).col) == (0, 1)
