"""Patches: the forward product and the rows of a chunk, made a few samples at a time, equal the whole
patch matrix's."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.engine.fast import patches as patch_module
from nndesk.engine.fast.im2col import im2col
from nndesk.engine.fast.patches import Patches


@pytest.mark.parametrize(("channels", "same", "pool", "samples_per_chunk"),
                         [(1, False, 1, 2), (3, False, 1, 3), (1, False, 2, 2), (3, True, 2, 4), (2, False, 2, 100)])
def test_chunks_make_the_whole_matrix_and_its_product(monkeypatch: pytest.MonkeyPatch, channels: int, same: bool,
                                                      pool: int, samples_per_chunk: int) -> None:
    rng = np.random.default_rng(channels + pool)
    images = rng.standard_normal((9, 8, 8, channels)).astype(np.float32)
    k = 3 if same else 5  # valid 5×5 on 8×8: 4×4 outputs; same 3×3: 8×8
    per_sample = 16 if not same else 64
    monkeypatch.setattr(patch_module, "CHUNK_BYTES", samples_per_chunk * per_sample * (k * k * channels + 1) * 4)
    patches = Patches(images, k, same, pool)
    whole = im2col(images, k, same, pool=pool)
    # one channel: the whole batch at once (k·k + 1 numbers a row), made once and kept for the gradient
    assert patches.shape == whole.shape and patches.chunk == (len(images) if channels == 1 else samples_per_chunk)
    params = rng.standard_normal((whole.shape[1], 6)).astype(np.float32)
    np.testing.assert_allclose(patches.times(params), whole @ params, rtol=1e-5, atol=1e-5)
    # every chunk's rows are the whole matrix's rows of those samples, in rows_of's order
    seen = 0
    for samples, rows in patches.chunks():
        np.testing.assert_array_equal(rows, patches.rows_of(whole, samples))
        seen += len(rows)
    assert seen == len(whole)
    if channels == 1:
        assert next(patches.chunks())[1] is next(patches.chunks())[1]


def test_a_chunk_is_one_sample_at_least() -> None:
    big = Patches(np.zeros((2, 64, 64, 8), np.float32), 5)  # one sample's rows: 3600 × 201 floats, 2.9 MB
    assert big.chunk == 1 and len(list(big.chunks())) == 2
