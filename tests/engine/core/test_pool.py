"""MaxPool2D and Flatten: values, the derivative of max (finite differences), ties, odd sizes."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.engine.core.pool import Flatten, MaxPool2D


def test_each_block_keeps_its_maximum_and_odd_edges_are_dropped() -> None:
    x = np.arange(2 * 5 * 7 * 3, dtype=np.float64).reshape(2, 5, 7, 3) % 11
    pool = MaxPool2D((3, 5, 7), 2)
    out, _ = pool.forward(x)
    assert pool.out_shape == (3, 2, 3) and out.shape == (2, 2, 3, 3)
    expected = x[:, :4, :6].reshape(2, 2, 2, 3, 2, 3).max(axis=(2, 4))
    np.testing.assert_array_equal(out, expected)


@pytest.mark.parametrize("size,shape", [(2, (2, 7, 5, 3)), (3, (1, 7, 9, 2)), (2, (3, 4, 4, 1))])
def test_gradient_matches_finite_differences(size: int, shape: tuple[int, ...]) -> None:
    rng = np.random.default_rng(size)
    x = rng.permutation(np.prod(shape)).reshape(shape).astype(np.float64) / 7  # distinct: max is differentiable
    pool = MaxPool2D((shape[3], shape[1], shape[2]), size)
    out, cache = pool.forward(x)
    r = rng.standard_normal(out.shape)
    _, dx = pool.backward(r, cache)
    h, num = 1e-4, np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        xp, xm = x.copy(), x.copy()
        xp[idx] += h
        xm[idx] -= h
        num[idx] = (np.sum(pool.forward(xp)[0] * r) - np.sum(pool.forward(xm)[0] * r)) / (2 * h)
    np.testing.assert_allclose(dx, num, atol=1e-8)


def test_a_tie_sends_the_gradient_to_one_winner_only() -> None:
    x = np.ones((1, 2, 2, 1))
    pool = MaxPool2D((1, 2, 2))
    out, cache = pool.forward(x)
    _, dx = pool.backward(np.full(out.shape, 5.0), cache)
    assert dx.sum() == 5.0 and dx[0, 0, 0, 0] == 5.0


def test_refuses_a_block_bigger_than_the_map() -> None:
    with pytest.raises(ValueError):
        MaxPool2D((4, 1, 3), 2)


def test_flatten_uses_channel_row_column_order_and_inverts() -> None:
    x = np.random.default_rng(0).standard_normal((2, 3, 4, 5))  # (B, H, W, C)
    flat = Flatten((5, 3, 4))
    v = flat.forward(x, ones=True)
    assert v.shape == (2, 61) and np.all(v[:, -1] == 1)
    np.testing.assert_array_equal(v[:, :-1], x.transpose(0, 3, 1, 2).reshape(2, -1))  # PyTorch's nn.Flatten order
    np.testing.assert_array_equal(flat.backward(v[:, :-1]), x)
