"""im2col copies every window into a row (plus the bias's 1); col2im is its exact adjoint."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.engine.fast.im2col import col2im, im2col, window_gradients


@pytest.mark.parametrize("c", [1, 3])
@pytest.mark.parametrize("same", [False, True])
def test_rows_are_the_windows_in_offset_then_channel_order(c: int, same: bool) -> None:
    x = np.random.default_rng(0).standard_normal((2, 6, 5, c)).astype(np.float32)
    k = 3
    cols = im2col(x, k, same)
    xp = np.pad(x, ((0, 0), (1, 1), (1, 1), (0, 0))) if same else x
    oh, ow = xp.shape[1] - k + 1, xp.shape[2] - k + 1
    assert cols.shape == (2 * oh * ow, k * k * c + 1) and cols.dtype == np.float32
    assert np.all(cols[:, -1] == 1)
    row = 0
    for b in range(2):
        for i in range(oh):
            for j in range(ow):
                np.testing.assert_array_equal(cols[row, :-1], xp[b, i:i + k, j:j + k, :].reshape(-1))
                row += 1


@pytest.mark.parametrize("same,k", [(False, 3), (True, 3), (True, 4), (False, 1)])
def test_col2im_is_the_adjoint(same: bool, k: int) -> None:
    """⟨im2col(x), y⟩ = ⟨x, col2im(y)⟩: the backward pass sends each window's gradient to its pixels."""
    rng = np.random.default_rng(1)
    x = rng.standard_normal((2, 7, 5, 2))
    cols = im2col(x, k, same, ones=False)
    y = rng.standard_normal(cols.shape)
    back = col2im(y, x.shape, k, same)
    assert back.shape == x.shape
    assert np.isclose(np.sum(cols * y), np.sum(x * back))


@pytest.mark.parametrize("same,k", [(False, 3), (True, 4), (True, 5)])
def test_window_gradients_are_col2im_of_delta_times_w(same: bool, k: int) -> None:
    rng = np.random.default_rng(2)
    x = rng.standard_normal((2, 7, 6, 3))
    n = len(im2col(x, k, same))
    delta, w = rng.standard_normal((n, 4)), rng.standard_normal((k * k * 3, 4))
    np.testing.assert_allclose(window_gradients(delta, w, x.shape, k, same), col2im(delta @ w.T, x.shape, k, same),
                               atol=1e-12)


@pytest.mark.parametrize(("c", "pool"), [(3, 1), (3, 2), (1, 2), (1, 1)])
def test_rows_written_into_a_used_buffer_are_the_fresh_matrix(c: int, pool: int) -> None:
    """Patches reuses one buffer for its chunks: whatever it held, the rows and the ones are rewritten."""
    x = np.random.default_rng(0).random((2, 6, 6, c), dtype=np.float32)
    fresh = im2col(x, 3, pool=pool)
    buffer = np.full(fresh.size + 7, np.nan, np.float32)  # bigger than needed, and full of garbage
    rows = im2col(x, 3, pool=pool, buffer=buffer)
    np.testing.assert_array_equal(rows, fresh)
    assert np.shares_memory(rows, buffer)


@pytest.mark.parametrize("c", [1, 3])
@pytest.mark.parametrize("same", [False, True])
def test_pooled_rows_are_the_rows_grouped_by_position_in_the_block(c: int, same: bool) -> None:
    """pool=p: row (oy, ox, b, py, px) is the window of output pixel (p·py + oy, p·px + ox) of sample b."""
    x = np.random.default_rng(1).random((2, 8, 10, c))
    k, p = 3, 2
    plain = im2col(x, k, same)
    oh, ow = (8, 10) if same else (6, 8)
    grouped = im2col(x, k, same, pool=p)
    assert grouped.shape == plain.shape and np.all(grouped[:, -1] == 1)
    order = np.arange(2 * oh * ow).reshape(2, oh // p, p, ow // p, p).transpose(2, 4, 0, 1, 3).reshape(-1)
    np.testing.assert_array_equal(grouped, plain[order])
    with pytest.raises(ValueError, match="whole 3×3 blocks"):
        im2col(x, k, same, pool=3)
