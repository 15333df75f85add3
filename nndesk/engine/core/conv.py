"""A convolutional layer: F kernels of k×k×C weights slid over the image, each with a bias and σ.

Each output pixel of filter f is a small dense neuron, z = Σ w·a + b over the
k×k×C window under it, and every position shares the same weights.  So the
layer *is* a ``Dense`` layer applied to every window: ``params`` stores
[W | b]ᵀ of shape (k·k·C + 1, F) exactly as ``Dense.params`` does, the
windows are copied into rows with a 1 for the bias (``fast/im2col``), and

    forward   z = patches·[W | b]ᵀ          BLAS products, each over a few samples' rows
    gradient  ∂C/∂[W | b]ᵀ = patchesᵀ·δ     an ``OuterGradient``: the optimizers fold it into their update
    input     ∂C/∂a = col2im(δ·W)           each window's share summed back onto its pixels

The patch matrix is a ``fast/patches.Patches``: its rows are made about 1 MB
at a time, right before the product reads them from the cache (a one-channel
layer's, small, whole in one product).

Shapes the outside sees are PyTorch's (and ONNX's): ``kernels`` is (F, C, k, k),
``in_shape``/``out_shape`` are (C, H, W).  Inside, images are channels-last
(B, H, W, C), which makes the product's result the next layer's input as is.
Stride 1; ``same`` pads with zeros so the output keeps the input's size, else
("valid") the output is (H − k + 1) × (W − k + 1).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from nndesk.engine.core.activations import Activation
from nndesk.engine.fast.gemm import accumulate_product
from nndesk.engine.fast.gradient import OuterGradient
from nndesk.engine.fast.im2col import out_size, window_gradients
from nndesk.engine.fast.patches import Patches


class PatchGradient(OuterGradient):
    """∂C/∂[W | b]ᵀ = patchesᵀ·δ, summed chunk by chunk over a ``Patches`` (``a``) that makes its rows
    again: the whole patch matrix is never stored (``fast/patches``).

    Each chunk's product is taken as (δᵀ·patches)ᵀ when there are fewer filters than weights per
    filter: BLAS reduces over the rows faster with the smaller factor on the left (64×n·n×801 rather
    than 801×n·n×64 for digits-cnn's second convolution; its first, 26 weights a filter and 32
    filters, stays patchesᵀ·δ).
    """

    __slots__ = ()

    @property
    def shape(self) -> tuple[int, int]:
        return self.a.width, self.delta.shape[1]

    def dense(self) -> np.ndarray:
        out = np.zeros(self.shape, self.delta.dtype)
        self.accumulate_into(out, 1.0)
        return out

    def accumulate_into(self, target: np.ndarray, alpha: float, beta: float = 1.0) -> None:
        if beta != 1.0:
            target *= beta
        if self.delta.shape[1] >= self.a.width:
            for samples, rows in self.a.chunks():
                accumulate_product(target, rows, self.a.rows_of(self.delta, samples), alpha)
            return
        total = None  # Σ δᵀ·patches over the chunks, (F, k·k·C + 1)
        for samples, rows in self.a.chunks():
            product = self.a.rows_of(self.delta, samples).T @ rows
            total = product if total is None else np.add(total, product, out=total)
        total *= alpha
        target += total.T


class ConvCache(NamedTuple):
    """What ``backward`` needs from ``forward``: the patch matrix, z and a (both (B·OH·OW, F))."""

    patches: Patches
    z: np.ndarray
    a: np.ndarray
    in_shape: tuple[int, int, int, int]  # (B, H, W, C) of the input


class Conv2D:
    frozen = None  # no freezing of kernels (the inspector's freeze is for dense layers)
    frozen_bias = None

    def __init__(self, kernels: np.ndarray, bias: np.ndarray, activation: Activation,
                 in_shape: tuple[int, int, int], same: bool = False) -> None:
        kernels, bias = np.asarray(kernels), np.asarray(bias)
        if kernels.ndim != 4 or kernels.shape[2] != kernels.shape[3] or bias.shape != kernels.shape[:1]:
            raise ValueError(f"kernels {kernels.shape} and bias {bias.shape} don't make a k×k convolution")
        c, h, w = (int(n) for n in in_shape)
        f, kc, k, _ = kernels.shape
        if kc != c:
            raise ValueError(f"kernels of {kc} channels can't read an input of {c} channels")
        if min(out_size(h, k, same), out_size(w, k, same)) < 1:
            raise ValueError(f"a {k}×{k} kernel doesn't fit in a {h}×{w} image without padding")
        if not activation.elementwise:
            raise ValueError("softmax is only allowed on the output layer")
        self.activation, self.same, self.in_shape, self._k = activation, bool(same), (c, h, w), k
        self.params = np.empty((k * k * c + 1, f), kernels.dtype)  # [W | b]ᵀ, as Dense
        self.params[:-1] = kernels.transpose(2, 3, 1, 0).reshape(k * k * c, f)  # row (i·k + j)·C + c
        self.params[-1] = bias

    # ---- shape -------------------------------------------------------------
    @property
    def k(self) -> int:
        return self._k

    @property
    def filters(self) -> int:
        return self.params.shape[1]

    @property
    def out_shape(self) -> tuple[int, int, int]:
        """(F, OH, OW): the feature maps this layer makes from one input."""
        _, h, w = self.in_shape
        return self.filters, out_size(h, self.k, self.same), out_size(w, self.k, self.same)

    @property
    def n_in(self) -> int:
        return int(np.prod(self.in_shape))

    @property
    def n_out(self) -> int:
        return int(np.prod(self.out_shape))

    # ---- weights -----------------------------------------------------------
    @property
    def kernels(self) -> np.ndarray:
        """(F, C, k, k): kernel f's weight at channel c, row i, column j — a view into ``params``."""
        c, k = self.in_shape[0], self.k
        return self.params[:-1].reshape(k, k, c, self.filters).transpose(3, 2, 0, 1)

    @kernels.setter
    def kernels(self, value: np.ndarray) -> None:
        self.kernels[...] = value

    @property
    def weights(self) -> np.ndarray:
        """The kernels, by the name every weight layer answers to."""
        return self.kernels

    @property
    def bias(self) -> np.ndarray:
        """(F,): one bias per filter, a view into ``params``."""
        return self.params[-1]

    @bias.setter
    def bias(self, value: np.ndarray) -> None:
        self.params[-1] = value

    # ---- passes --------------------------------------------------------------
    def linear(self, a: np.ndarray, pool: int = 1) -> tuple[Patches, np.ndarray]:
        """(patch matrix, z) for channels-last images ``a`` (B, H, W, C); z is (B·OH·OW, F), its rows in
        ``im2col``'s order (``pool`` > 1: grouped by position in the pooling block that follows)."""
        patches = Patches(a, self.k, self.same, pool)
        return patches, patches.times(self.params)  # [window | 1]·[W | b]ᵀ for every window of every sample

    def forward(self, a: np.ndarray) -> tuple[np.ndarray, ConvCache]:
        """σ(z) for channels-last images ``a`` (B, H, W, C): (B, OH, OW, F), and what backward needs."""
        patches, z = self.linear(a)
        out = self.activation.fn(z)
        _, oh, ow = self.out_shape
        return out.reshape(len(a), oh, ow, self.filters), ConvCache(patches, z, out, a.shape)

    def backward(self, grad: np.ndarray, cache: ConvCache, need_input: bool = True
                 ) -> tuple[OuterGradient, np.ndarray | None]:
        """From ∂C/∂a (B, OH, OW, F): ∂C/∂[W | b]ᵀ (factored) and ∂C/∂input (B, H, W, C) if asked.

        δ = ∂C/∂a ⊙ σ′(z) at every output pixel, then the dense layer's two products.
        """
        delta = grad.reshape(cache.z.shape) * self.activation.prime(cache.z, cache.a)
        return self.backward_delta(delta, cache.patches, cache.in_shape, need_input)

    def backward_delta(self, delta: np.ndarray, patches: Patches, in_shape: tuple[int, int, int, int],
                       need_input: bool = True) -> tuple[OuterGradient, np.ndarray | None]:
        """From δ = ∂C/∂z (B·OH·OW, F): ∂C/∂[W | b]ᵀ = patchesᵀ·δ (factored) and ∂C/∂input if asked."""
        g = PatchGradient(patches, delta)
        if not need_input:
            return g, None
        return g, window_gradients(delta, self.params[:-1], in_shape, self.k, self.same)  # col2im(δ·Wᵀ)

    def copy(self) -> Conv2D:
        return Conv2D(self.kernels.copy(), self.bias.copy(), self.activation, self.in_shape, self.same)

    def astype(self, dtype: np.dtype | type) -> Conv2D:
        return Conv2D(self.kernels.astype(dtype), self.bias.astype(dtype), self.activation, self.in_shape, self.same)

    @property
    def spec(self) -> str:
        """The layer as the command line writes it: ``conv5x5x32`` (``…same`` when padded)."""
        return f"conv{self.k}x{self.k}x{self.filters}" + ("same" if self.same else "")

    def __repr__(self) -> str:
        c, h, w = self.in_shape
        f, oh, ow = self.out_shape
        return f"Conv2D({c}×{h}×{w}→{f}×{oh}×{ow}, {self.k}×{self.k}, {self.activation.name})"
