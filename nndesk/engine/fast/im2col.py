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
the next layer's (B, OH, OW, F) without a transpose.  The copy is
``sliding_window_view`` (no copy, a strided view) written once into the
patch matrix; there is no Python loop over samples or pixels.

``col2im`` is the adjoint: each patch row's gradient goes back to the k×k
pixels it was copied from, summed where windows overlap — k·k strided
additions over the whole batch (a loop over kernel offsets, not pixels).
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from nndesk.engine.fast.workspace import Workspace


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


def im2col(x: np.ndarray, k: int, same: bool = False, ones: bool = True,
           workspace: Workspace | None = None, pool: int = 1) -> np.ndarray:
    """Patch matrix (B·OH·OW, k·k·C [+ 1]) of channels-last images ``x`` (B, H, W, C), in ``workspace``'s
    array if given.

    ``pool`` = p > 1 (OH and OW multiples of p): the same rows in pooling-offset-major order, (oy, ox, B,
    OH/p, OW/p) — so z = patches·[W | b]ᵀ comes out as p·p contiguous blocks, one per position in a p×p
    pooling block, and a max pooling over them is p·p − 1 contiguous maxima instead of strided ones.
    """
    xp = padded(x, padding(k, same))
    b, _, _, c = x.shape
    oh, ow = xp.shape[1] - k + 1, xp.shape[2] - k + 1
    if pool > 1:
        return _pooled_rows(xp, k, pool, ones, workspace)
    n, width = k * k * c, k * k * c + (1 if ones else 0)
    shape = (b * oh * ow, width)
    out = workspace.empty(shape, x.dtype) if workspace is not None else np.empty(shape, x.dtype)
    if ones and not (workspace is not None and workspace.marked(out, "ones")):
        out[:, -1] = 1  # (an array the workspace hands out again has them already: nothing writes over them)
        if workspace is not None:
            workspace.mark(out, "ones")
    # (B, OH, OW, C, ki, kj) → (B, OH, OW, ki, kj, C): runs of C contiguous floats per offset
    windows = sliding_window_view(xp, (k, k), axis=(1, 2)).transpose(0, 1, 2, 4, 5, 3)
    target = out[:, :n].reshape(b, oh, ow, k, k, c)  # a view into ``out`` (rows split, columns split)
    if c == 1:  # one channel: k·k plane copies beat a loop of 5-float rows
        for i in range(k):
            for j in range(k):
                target[:, :, :, i, j, 0] = xp[:, i:i + oh, j:j + ow, 0]
    else:
        np.copyto(target, windows)
    return out


def _pooled_rows(xp: np.ndarray, k: int, p: int, ones: bool, workspace: Workspace | None) -> np.ndarray:
    """``im2col``'s rows of padded images ``xp`` in (oy, ox, B, OH/p, OW/p) order (see ``im2col``)."""
    b, hp, wp, c = xp.shape
    oh, ow = hp - k + 1, wp - k + 1
    if oh % p or ow % p:
        raise ValueError(f"pooling-ordered rows need whole {p}×{p} blocks, not {oh}×{ow} outputs")
    ph, pw, n = oh // p, ow // p, k * k * c
    rows, width = b * oh * ow, n + (1 if ones else 0)
    if c == 1:  # one channel: k·k·p·p plane copies, each one contiguous row of the matrix's transpose
        buf = workspace.empty((width, rows), xp.dtype) if workspace is not None else np.empty((width, rows), xp.dtype)
        if ones:
            buf[-1] = 1
        planes = buf[:n].reshape(k, k, p, p, b, ph, pw)
        for i in range(k):
            for j in range(k):
                for oy in range(p):
                    for ox in range(p):
                        planes[i, j, oy, ox] = xp[:, oy + i:oy + i + p * ph:p, ox + j:ox + j + p * pw:p, 0]
        return buf.T  # (rows, k·k + 1), column-major: BLAS takes it as it is
    out = workspace.empty((rows, width), xp.dtype) if workspace is not None else np.empty((rows, width), xp.dtype)
    if ones and not (workspace is not None and workspace.marked(out, "ones")):
        out[:, -1] = 1
        if workspace is not None:
            workspace.mark(out, "ones")
    windows = sliding_window_view(xp, (k, k), axis=(1, 2)).transpose(0, 1, 2, 4, 5, 3)
    target = out[:, :n].reshape(p, p, b, ph, pw, k, k, c)
    for oy in range(p):
        for ox in range(p):
            np.copyto(target[oy, ox], windows[:, oy:p * ph:p, ox:p * pw:p])
    return out


def col2im(cols: np.ndarray, shape: tuple[int, int, int, int], k: int, same: bool = False) -> np.ndarray:
    """The adjoint of ``im2col`` (without its ones column): patch gradients summed back onto (B, H, W, C)."""
    b, h, w, c = shape
    grads = cols.reshape(b, *_out_hw(shape, k, same), k, k, c)
    return _overlap_add(lambda i, j: grads[:, :, :, i, j], shape, k, same, cols.dtype)


def window_gradients(delta: np.ndarray, weights: np.ndarray, shape: tuple[int, int, int, int], k: int,
                     same: bool = False) -> np.ndarray:
    """∂C/∂input (B, H, W, C) of a convolution from δ (B·OH·OW, F) and W = [W | b]ᵀ without b (k·k·C, F).

    col2im(δ·Wᵀ) without the (B·OH·OW, k·k·C) matrix: for each kernel offset, δ·W_offset (N, C) is
    one product whose result is added onto the input's pixels while it is still in the cache
    (k·k products and additions: a loop over kernel offsets, never over samples or pixels).
    """
    per_offset = weights.reshape(k * k, -1, weights.shape[1]).transpose(0, 2, 1)  # (k·k, F, C)
    b, _, _, c = shape
    oh, ow = _out_hw(shape, k, same)
    block = np.empty((len(delta), c), delta.dtype)

    def product(i: int, j: int) -> np.ndarray:
        np.matmul(delta, per_offset[i * k + j], out=block)
        return block.reshape(b, oh, ow, c)

    return _overlap_add(product, shape, k, same, delta.dtype)


def _out_hw(shape: tuple[int, int, int, int], k: int, same: bool) -> tuple[int, int]:
    _, h, w, _ = shape
    return out_size(h, k, same), out_size(w, k, same)


def _overlap_add(part, shape: tuple[int, int, int, int], k: int, same: bool, dtype: np.dtype) -> np.ndarray:
    """Σ over kernel offsets (i, j) of ``part(i, j)`` (B, OH, OW, C) added at rows i…, columns j… of the
    padded input, then the padding cut off."""
    b, h, w, c = shape
    lo, hi = padding(k, same)
    oh, ow = _out_hw(shape, k, same)
    out = np.zeros((b, h + lo + hi, w + lo + hi, c), dtype)
    for i in range(k):  # k·k strided additions over the whole batch: a loop over kernel offsets only
        for j in range(k):
            out[:, i:i + oh, j:j + ow] += part(i, j)
    return out[:, lo:lo + h, lo:lo + w] if lo or hi else out
