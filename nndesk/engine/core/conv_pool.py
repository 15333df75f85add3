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


class ConvPoolCache(NamedTuple):
    patches: np.ndarray  # the convolution's patch matrix
    z: np.ndarray  # (B, OH, OW, F) before pooling
    pooled: np.ndarray  # max z of each block
    out: np.ndarray  # σ(max z)
    in_shape: tuple[int, int, int, int]  # (B, H, W, C) of the convolution's input


def forward(conv: Conv2D, pool: MaxPool2D, a: np.ndarray, reuse: bool = False) -> tuple[np.ndarray, ConvPoolCache]:
    """σ(max z) of each pooling block, (B, OH/p, OW/p, F), from channels-last images ``a``."""
    patches, z = conv.linear(a, reuse)
    _, oh, ow = conv.out_shape
    z = z.reshape(len(a), oh, ow, conv.filters)
    pooled, _ = pool.forward(z)
    out = conv.activation.fn(pooled)
    return out, ConvPoolCache(patches, z, pooled, out, a.shape)


def backward(conv: Conv2D, pool: MaxPool2D, grad: np.ndarray, cache: ConvPoolCache, need_input: bool = True
             ) -> tuple[OuterGradient, np.ndarray | None]:
    """From ∂C/∂out: the convolution's ∂C/∂[W | b]ᵀ (factored) and ∂C/∂input (B, H, W, C) if asked."""
    delta = grad.reshape(cache.out.shape) * conv.activation.prime(cache.pooled, cache.out)
    _, delta = pool.backward(delta, (cache.z, cache.pooled))
    return conv.backward_delta(delta.reshape(-1, conv.filters), cache.patches, cache.in_shape, need_input)
