"""im2col and col2im: a convolution as one matrix product, and its way back.

A k×k convolution slides one small dense layer over every position of the
image.  Copying each position's k×k×C window into one row ("im2col") turns
the whole layer, for the whole batch, into one product with the kernels —
one BLAS call, the same shape of work as ``Dense`` — and the rows get the
bias's constant 1 as a last column, exactly like ``[a | 1]`` in a dense layer:

    patches  (B·OH·OW, k·k·C + 1)   row = one output position of one sample
    params   (k·k·C + 1, F)         [W | b]ᵀ, row (i·k + j)·C + c = kernel offset (i, j), channel c

Images are channels-last, (B, H, W, C): a window's k·k·C numbers then come
in runs of C contiguous floats, and the product's result (B·OH·OW, F) *is*
the next layer's (B, OH, OW, F) without a transpose.  The copy is one
strided view of every window (``_windows``, no copy) written once into the
patch matrix; there is no Python loop over samples, pixels or offsets.
Training never holds a whole batch's matrix: ``fast/patches`` makes it a
few samples at a time.

``col2im`` is the adjoint: each patch row's gradient goes back to the k×k
pixels it was copied from, summed where windows overlap — k·k strided
additions over the whole batch (a loop over kernel offsets, not pixels).
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import as_strided


def padding(k: int, same: bool) -> tuple[int, int]:
    """Zeros added before and after each spatial axis: none ("valid") or enough to keep the size ("same")."""
    if not same:
        return 0, 0
    before = (k - 1) // 2
    return before, k - 1 - before


def out_size(n: int, k: int, same: bool) -> int:
    """Output positions along an axis of ``n`` pixels."""
    return n if same else n - k + 1


def padded(x: np.ndarray, pad: tuple[int, int]) -> np.ndarray:
    """(B, H, W, C) with ``pad`` zeros around H and W (``x`` itself when there is none)."""
    lo, hi = pad
    if lo == hi == 0:
        return x
    b, h, w, c = x.shape
    out = np.zeros((b, h + lo + hi, w + lo + hi, c), x.dtype)
    out[:, lo:lo + h, lo:lo + w] = x
    return out


def im2col(x: np.ndarray, k: int, same: bool = False, ones: bool = True, pool: int = 1,
           buffer: np.ndarray | None = None) -> np.ndarray:
    """Patch matrix (B·OH·OW, k·k·C [+ 1]) of channels-last images ``x`` (B, H, W, C), written into the
    start of the flat array ``buffer`` if given (``fast/patches`` reuses one for its chunks).

    ``pool`` = p > 1 (OH and OW multiples of p): the same rows in pooling-offset-major order, (oy, ox, B,
    OH/p, OW/p) — so z = patches·[W | b]ᵀ comes out as p·p contiguous blocks, one per position in a p×p
    pooling block, and a max pooling over them is p·p − 1 contiguous maxima instead of strided ones.
    With one channel the matrix is column-major (its transpose written row by row: k·k long
    contiguous runs instead of rows of k floats); BLAS and numpy take it as it is.
    """
    xp = padded(x, padding(k, same))
    b, hp, wp, c = xp.shape
    oh, ow = hp - k + 1, wp - k + 1
    if oh % pool or ow % pool:
        raise ValueError(f"pooling-ordered rows need whole {pool}×{pool} blocks, not {oh}×{ow} outputs")
    rows, n = b * oh * ow, k * k * c
    width = n + (1 if ones else 0)
    windows = _windows(xp, k, pool)  # (p, p, B, OH/p, OW/p, k, k·C): one copy writes every row
    if c == 1:
        transposed = _empty((width, rows), x.dtype, buffer)
        np.copyto(transposed[:n].reshape(k, k, *windows.shape[:5]), windows.transpose(5, 6, 0, 1, 2, 3, 4))
        if ones:
            transposed[-1] = 1
        return transposed.T
    out = _empty((rows, width), x.dtype, buffer)
    np.copyto(out[:, :n].reshape(windows.shape), windows)
    if ones:
        out[:, -1] = 1
    return out


def _windows(xp: np.ndarray, k: int, p: int) -> np.ndarray:
    """Every k×k window of ``xp`` (B, H, W, C) as a read-only view (p, p, B, OH/p, OW/p, k, k·C): window
    (oy, ox, b, py, px) is the one of output pixel (p·py + oy, p·px + ox).

    A window row's k·C numbers are contiguous in channels-last images, so they are one axis.
    """
    b, hp, wp, c = xp.shape
    xp = np.ascontiguousarray(xp)
    sc = xp.itemsize  # strides from the layout (numpy may report any stride for an axis of length 1)
    sw, sh, sb = c * sc, wp * c * sc, hp * wp * c * sc
    shape = (p, p, b, (hp - k + 1) // p, (wp - k + 1) // p, k, k * c)
    return as_strided(xp, shape, (sh, sw, sb, p * sh, p * sw, sh, sc), writeable=False)


def _empty(shape: tuple[int, int], dtype: np.dtype, buffer: np.ndarray | None) -> np.ndarray:
    return np.empty(shape, dtype) if buffer is None else buffer[:shape[0] * shape[1]].reshape(shape)


def col2im(cols: np.ndarray, shape: tuple[int, int, int, int], k: int, same: bool = False) -> np.ndarray:
    """The adjoint of ``im2col`` (without its ones column): patch gradients summed back onto (B, H, W, C)."""
    b, h, w, c = shape
    grads = cols.reshape(b, *_out_hw(shape, k, same), k, k, c)
    return _overlap_add(lambda i, j: grads[:, :, :, i, j].transpose(1, 2, 0, 3), shape, k, same, cols.dtype)


def window_gradients(delta: np.ndarray, weights: np.ndarray, shape: tuple[int, int, int, int], k: int,
                     same: bool = False, batch_inner: bool = False) -> np.ndarray:
    """∂C/∂input (B, H, W, C) of a convolution from δ (B·OH·OW, F) and W = [W | b]ᵀ without b (k·k·C, F).

    col2im(δ·Wᵀ) without the (B·OH·OW, k·k·C) matrix: for each kernel offset, δ·W_offset (N, C) is
    one product whose result is added onto the input's pixels while it is still in the cache
    (k·k products and additions: a loop over kernel offsets, never over samples or pixels).

    ``batch_inner``: δ's rows are in (OH, OW, B) order.  The sums then run over (H, W, B, C) — a
    whole image row of the batch, B·C·OW floats, is one contiguous run instead of OW·C — and the
    result is that array seen as (B, H, W, C) (a view: whoever multiplies it reads it as it is).
    """
    per_offset = weights.reshape(k * k, -1, weights.shape[1]).transpose(0, 2, 1)  # (k·k, F, C)
    b, _, _, c = shape
    oh, ow = _out_hw(shape, k, same)
    block = np.empty((len(delta), c), delta.dtype)
    blocks = block.reshape(oh, ow, b, c) if batch_inner else block.reshape(b, oh, ow, c).transpose(1, 2, 0, 3)

    def product(i: int, j: int) -> np.ndarray:
        np.matmul(delta, per_offset[i * k + j], out=block)
        return blocks

    return _overlap_add(product, shape, k, same, delta.dtype, batch_inner)


def _out_hw(shape: tuple[int, int, int, int], k: int, same: bool) -> tuple[int, int]:
    _, h, w, _ = shape
    return out_size(h, k, same), out_size(w, k, same)


def _overlap_add(part, shape: tuple[int, int, int, int], k: int, same: bool, dtype: np.dtype,
                 batch_inner: bool = False) -> np.ndarray:
    """Σ over kernel offsets (i, j) of ``part(i, j)`` (OH, OW, B, C) added at rows i…, columns j… of the
    padded input, then the padding cut off: (B, H, W, C), a view of an (H, W, B, C) array if
    ``batch_inner``."""
    b, h, w, c = shape
    lo, hi = padding(k, same)
    oh, ow = _out_hw(shape, k, same)
    out = np.zeros((h + lo + hi, w + lo + hi, b, c) if batch_inner else (b, h + lo + hi, w + lo + hi, c), dtype)
    rows = out if batch_inner else out.transpose(1, 2, 0, 3)  # (H, W, B, C) either way
    for i in range(k):  # k·k strided additions over the whole batch: a loop over kernel offsets only
        for j in range(k):
            rows[i:i + oh, j:j + ow] += part(i, j)
    out = rows.transpose(2, 0, 1, 3)  # (B, H, W, C)
    return out[:, lo:lo + h, lo:lo + w] if lo or hi else out
