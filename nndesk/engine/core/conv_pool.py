"""A convolution and the max pooling after it, computed as σ(max z) rather than max σ(z).

Every hidden activation is nondecreasing (σ, tanh, ReLU, leaky ReLU, linear),
so the largest σ(z) of a block is σ of the largest z: the two orders give the
same numbers.  Pooling z first applies σ — and in the backward pass σ′ — to a
quarter as many numbers (2×2 blocks), which is where a convolution's
element-wise work goes.  Backpropagation is the same chain in that order:

    δ at the pooled pixel = ∂C/∂out ⊙ σ′(max z)
    δ at each z           = that δ for the block's winner (the first, in a tie), 0 elsewhere
    then Conv2D's products: ∂C/∂[W | b]ᵀ = patchesᵀ·δ, ∂C/∂input = col2im(δ·W)

``ConvNet`` uses it for training and ``feedforward``; ``feature_maps`` (what a
view shows) still runs each layer on its own, σ(z) at full size.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from nndesk.engine.core.conv import Conv2D
from nndesk.engine.core.pool import MaxPool2D
from nndesk.engine.fast.gradient import OuterGradient
from nndesk.engine.fast.im2col import window_gradients
from nndesk.engine.fast.patches import Patches


class ConvPoolCache(NamedTuple):
    patches: Patches  # the convolution's patch matrix
    z: np.ndarray  # (B, OH, OW, F) before pooling, or (p·p, B, OH/p, OW/p, F) when ``grouped``
    pooled: np.ndarray  # max z of each block
    out: np.ndarray  # σ(max z)
    in_shape: tuple[int, int, int, int]  # (B, H, W, C) of the convolution's input
    grouped: bool = False  # rows of ``patches`` and ``z`` by position in the pooling block (whole blocks)


def forward(conv: Conv2D, pool: MaxPool2D, a: np.ndarray) -> tuple[np.ndarray, ConvPoolCache]:
    """σ(max z) of each pooling block, (B, OH/p, OW/p, F), from channels-last images ``a``.

    When the maps split into whole p×p blocks, the patch rows come grouped by position in the block
    (``im2col(pool=p)``): z is then p·p contiguous maps and the maxima and their gradient are
    contiguous passes — a third of the pooling's time in ``digits-cnn``'s epoch — instead of strided ones.
    """
    _, oh, ow = conv.out_shape
    p = pool.size
    if oh % p or ow % p:  # an odd edge that the pooling drops: one layer after the other
        patches, z = conv.linear(a)
        z = z.reshape(len(a), oh, ow, conv.filters)
        pooled, _ = pool.forward(z)
        out = conv.activation.fn(pooled)
        return out, ConvPoolCache(patches, z, pooled, out, a.shape)
    patches, z = conv.linear(a, pool=p)
    z = z.reshape(p * p, len(a), oh // p, ow // p, conv.filters)
    pooled = z[0].copy()
    for block in z[1:]:
        np.maximum(pooled, block, out=pooled)
    out = conv.activation.fn(pooled)
    return out, ConvPoolCache(patches, z, pooled, out, a.shape, grouped=True)


def backward(conv: Conv2D, pool: MaxPool2D, grad: np.ndarray, cache: ConvPoolCache, need_input: bool = True
             ) -> tuple[OuterGradient, np.ndarray | None]:
    """From ∂C/∂out: the convolution's ∂C/∂[W | b]ᵀ (factored) and ∂C/∂input (B, H, W, C) if asked."""
    delta = grad.reshape(cache.out.shape) * conv.activation.prime(cache.pooled, cache.out)
    if not cache.grouped:
        _, delta = pool.backward(delta, (cache.z, cache.pooled))
        return conv.backward_delta(delta.reshape(-1, conv.filters), cache.patches, cache.in_shape, need_input)
    # Each block's δ to the first position holding its maximum (as MaxPool2D.backward), block by block
    dz, won = np.empty(cache.z.shape, delta.dtype), np.empty(delta.shape, bool)
    for o, z in enumerate(cache.z):
        np.equal(z, cache.pooled, out=won)
        np.multiply(delta, won, out=dz[o])
        if o < len(cache.z) - 1:
            np.subtract(delta, dz[o], out=delta)  # what is still to hand out (δ is this function's own array)
    g, _ = conv.backward_delta(dz.reshape(-1, conv.filters), cache.patches, cache.in_shape, need_input=False)
    if not need_input:
        return g, None
    p, b, (_, oh, ow) = pool.size, cache.in_shape[0], conv.out_shape
    rows = dz.reshape(p, p, b, oh // p, ow // p, -1).transpose(3, 0, 4, 1, 2, 5).reshape(b * oh * ow, -1)
    return g, window_gradients(rows, conv.params[:-1], cache.in_shape, conv.k, conv.same, batch_inner=True)
