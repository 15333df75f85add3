"""A batch's patch matrix, made a few samples at a time, right before each product that needs it.

A convolution is one product, z = patches·[W | b]ᵀ, and its weight gradient
another, patchesᵀ·δ (``fast/im2col``).  Whole, digits-cnn's second layer's
patch matrix is 13 MB a batch of 64: written once by im2col, then read back
from memory and repacked by BLAS for the forward product and again for the
gradient, and nothing of it is still in the cache by then.  So the matrix is
never made whole: ``Patches`` keeps the images and copies the rows of a few
samples at a time (a chunk of about ``CHUNK_BYTES``, which fits in a core's
L2 cache) into a small buffer right before BLAS reads them.  The copies are
cheap; the gradient makes them again rather than keeping 13 MB per layer.
A one-channel layer's matrix (k·k + 1 numbers a row, no bigger than its z)
is made once, whole, and kept: making it twice would cost more than reading it.

On an epoch of digits-cnn (10,000 digits, batch 64, one thread) this made
training 9 % faster (2,226 samples/s against 2,037, medians of 18 epochs run
in turns with the whole-matrix version) and its peak memory 133 MB instead
of 167; BLAS's copying of its operands fell from 19 % of the samples in a
py-spy profile to 10 %.

Rows are in ``im2col``'s order for the whole batch: with ``pool`` = p the
pooling-offset-major order (oy, ox, B, OH/p, OW/p), in which a chunk's rows
are p·p runs, not one slice (``rows_of``).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from nndesk.engine.fast.im2col import im2col, out_size

CHUNK_BYTES = 1 << 20  # a chunk's patch rows: about a core's L2 cache


class Patches:
    """[windows | 1] of channels-last images (B, H, W, C), for a k×k convolution, made chunk by chunk."""

    def __init__(self, images: np.ndarray, k: int, same: bool = False, pool: int = 1) -> None:
        self.images, self.k, self.same, self.pool = images, k, same, pool
        b, h, w, c = images.shape
        self.per_sample = out_size(h, k, same) * out_size(w, k, same)  # rows of one image
        self.width = k * k * c + 1
        self.rows = b * self.per_sample
        # samples a chunk; one channel: the whole batch, made once and kept (see above)
        self.chunk = b if c == 1 else max(1, CHUNK_BYTES // (self.per_sample * self.width * images.itemsize))
        self._whole: np.ndarray | None = None

    @property
    def shape(self) -> tuple[int, int]:
        return self.rows, self.width

    def chunks(self) -> Iterator[tuple[slice, np.ndarray]]:
        """(samples, their patch rows) for consecutive groups of samples; the rows' array is reused."""
        if self.chunk >= len(self.images):
            if self._whole is None:
                self._whole = self.array()
            yield slice(0, len(self.images)), self._whole
            return
        buffer = np.empty(self.chunk * self.per_sample * self.width, self.images.dtype)
        for start in range(0, len(self.images), self.chunk):
            samples = slice(start, start + self.chunk)
            yield samples, im2col(self.images[samples], self.k, self.same, pool=self.pool, buffer=buffer)

    def rows_of(self, m: np.ndarray, samples: slice) -> np.ndarray:
        """The rows of ``m`` (one row per patch row, in the batch's order) that belong to ``samples``,
        in the order of that chunk's patch rows."""
        if self.pool == 1:
            return m[samples.start * self.per_sample:samples.stop * self.per_sample]
        blocks = m.reshape(self.pool * self.pool, len(self.images), -1, m.shape[-1])
        return blocks[:, samples].reshape(-1, m.shape[-1])  # a copy: p·p runs

    def times(self, params: np.ndarray) -> np.ndarray:
        """patches·params, (rows, n): the forward product, a chunk at a time."""
        z = np.empty((self.rows, params.shape[1]), np.result_type(self.images, params))
        blocks = z.reshape(self.pool * self.pool, len(self.images), -1, z.shape[1])  # (p·p, B, rows, n)
        for samples, rows in self.chunks():
            if self.pool == 1:  # the chunk's rows of z are one slice: the product writes there
                np.matmul(rows, params, out=self.rows_of(z, samples))
            else:  # p·p runs: the product, then one copy into them
                blocks[:, samples] = (rows @ params).reshape(blocks[:, samples].shape)
        return z

    def array(self) -> np.ndarray:
        """The whole matrix (for checks and small inputs)."""
        return im2col(self.images, self.k, self.same, pool=self.pool)
