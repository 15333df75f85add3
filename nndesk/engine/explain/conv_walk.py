"""One output pixel of one convolution filter, forward and backward, with every number (float64).

A dense step-through follows one weight.  A kernel's weights are shared by
every pixel of its feature map, so a convolution is followed one output pixel
at a time: that pixel is a small dense neuron over the k×k×C window under it,

    z = Σ a·w + b,   a = σ(z)   (then, if a pooling follows, the block's maximum wins)

and backward its δ = ∂C/∂a·σ′(z), where ∂C/∂a reaches it through the pooling
only if it won its block.  Its share of the kernel's gradient is δ·window; the
kernel's gradient for the sample is the sum of every pixel's share, and
δ·w is what the pixel sends back to the layer below.

``conv_pixel_walk`` computes all of it on a float64 copy of the network with
the engine's own layers (``Conv2D``, ``MaxPool2D``, ``Flatten``, the dense
head): nothing here is a second implementation of backpropagation, only its
numbers for one pixel, laid out to be shown.  Indices follow ``ConvNet``:
``L`` is the layer of values a⁽ᴸ⁾ (``net.layers[L − 1]`` makes it), maps are
(C, H, W).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from nndesk.engine.core.backprop import backprop
from nndesk.engine.core.conv import Conv2D
from nndesk.engine.core.convnet import ConvNet
from nndesk.engine.core.pool import MaxPool2D
from nndesk.engine.explain.gradcheck import GradCheck
from nndesk.engine.explain.receptive import pool_block, window
from nndesk.engine.fast.im2col import padding

Pixel = tuple[int, int, int, int]  # (L, f, y, x): pixel (y, x) of map f of a⁽ᴸ⁾


@dataclass(frozen=True, eq=False)
class PoolChoice:
    """The max pooling right after the convolution, seen from one of its input pixels."""

    size: int  # p: p×p blocks, stride p
    origin: tuple[int, int]  # the block's top-left pixel in a⁽ᴸ⁾
    block: np.ndarray  # (p, p): the values of a⁽ᴸ⁾ competing
    winner: tuple[int, int]  # the block's maximum in a⁽ᴸ⁾ (the first in reading order if tied)
    won: bool  # whether the walked pixel is the winner
    value: float  # the pooled value: a⁽ᴸ⁺¹⁾ at ``out``
    out: tuple[int, int]  # the block's pixel in a⁽ᴸ⁺¹⁾
    grad_out: float  # ∂C/∂a⁽ᴸ⁺¹⁾ there: what the winner receives, the others 0


@dataclass(frozen=True, eq=False)
class ConvPixelWalk:
    L: int  # a⁽ᴸ⁾ is the convolution's output; net.layers[L − 1] is the Conv2D
    f: int  # the filter (feature map)
    y: int
    x: int
    activation: str  # σ's name: "relu", "sigmoid" …
    cost: float  # C of this sample
    # ---- forward ----
    same: bool  # zero padding ("same") or none ("valid")
    origin: tuple[int, int]  # the window's top-left in a⁽ᴸ⁻¹⁾ (negative: it starts in the padding)
    patch: np.ndarray  # (C, k, k): a⁽ᴸ⁻¹⁾ under the window, zeros where it is padding
    padding: np.ndarray  # (k, k) bool: which window positions lie in the zero padding
    kernel: np.ndarray  # (C, k, k): filter f's weights
    bias: float
    products: np.ndarray  # (C, k, k): a·w
    z: float  # Σ a·w + b
    a: float  # σ(z)
    after: str  # what a⁽ᴸ⁾ feeds: "pool", "dropped" (a pooling's odd edge leaves it out), "conv", "flatten"
    pool: PoolChoice | None  # the pooling block, when ``after == "pool"``
    # ---- backward ----
    dC_da: float  # ∂C/∂a of this pixel, from the rest of the network
    sigma_prime: float  # σ′(z)
    delta: float  # δ = ∂C/∂z = ∂C/∂a · σ′(z)
    grad_w_pixel: np.ndarray  # (C, k, k): this pixel's share of ∂C/∂w, δ·patch
    delta_map: np.ndarray  # (OH, OW): δ of every pixel of map f
    grad_w: np.ndarray  # (C, k, k): ∂C/∂w of the kernel for this sample (the sum over all pixels)
    grad_b: float  # ∂C/∂b: the sum of every pixel's δ
    back: np.ndarray  # (C, k, k): δ·w, what this pixel adds to ∂C/∂a⁽ᴸ⁻¹⁾ under its window
    eta: float
    new_w: np.ndarray  # (C, k, k): w − η·∂C/∂w
    new_b: float

    @property
    def k(self) -> int:
        return int(self.kernel.shape[-1])

    @property
    def channels(self) -> int:
        return int(self.kernel.shape[0])

    @property
    def grad_b_pixel(self) -> float:
        """This pixel's share of ∂C/∂b: δ (the bias's input is always 1)."""
        return self.delta

    @property
    def channel_sums(self) -> np.ndarray:
        """(C,): Σ a·w over each input channel's k×k window; z is their sum plus b."""
        return self.products.sum(axis=(1, 2))


def conv_layers(net: ConvNet) -> list[int]:
    """The values' indices L whose maps a convolution makes (``net.layers[L − 1]`` is a Conv2D)."""
    return [i + 1 for i, layer in enumerate(net.features) if isinstance(layer, Conv2D)]


def _maps(net: ConvNet, x: np.ndarray) -> list[np.ndarray]:
    """a⁽⁰⁾ … a⁽ⁿ⁾ of the feature layers, each (C, H, W)."""
    return [np.asarray(x, np.float64).reshape(net.input_shape), *net.feature_maps(x)[:len(net.features)]]


def follow_to_conv(net: ConvNet, x: np.ndarray, L: int, f: int, y: int, col: int) -> Pixel:
    """The convolution pixel behind pixel (y, col) of map f of a⁽ᴸ⁾: itself for a convolution's map, the
    winner of its block for a pooling's (through several poolings if they follow each other)."""
    if not 1 <= L <= len(net.features):
        raise ValueError(f"a⁽{L}⁾ is not a feature map")
    maps = None
    while isinstance(net.layers[L - 1], MaxPool2D):
        if L == 1:
            raise ValueError("this pooling reads the input image: no convolution before it")
        maps = maps if maps is not None else _maps(net.astype(np.float64), x)
        p = net.layers[L - 1].size
        won = pool_block(maps[L - 1], p, f, y, col)
        L, y, col = L - 1, y * p + won.row, col * p + won.col
    return L, f, y, col


def default_pixel(net: ConvNet, x: np.ndarray) -> Pixel:
    """The most active pixel of filter 0 of the first convolution: never a blank corner."""
    L = conv_layers(net)[0]
    m = _maps(net.astype(np.float64), x)[L][0]
    y, col = np.unravel_index(int(np.argmax(m)), m.shape)
    return L, 0, int(y), int(col)


def conv_pixel_walk(net: ConvNet, x: np.ndarray, t: np.ndarray, L: int, f: int, y: int, x_: int,
                    eta: float) -> ConvPixelWalk:
    """Every number of pixel (y, x_) of map f of a⁽ᴸ⁾ for one sample (x, t): see ``ConvPixelWalk``."""
    net = net.astype(np.float64)
    if not 1 <= L <= len(net.features) or not isinstance(net.layers[L - 1], Conv2D):
        raise ValueError(f"a⁽{L}⁾ is not made by a convolution")
    conv: Conv2D = net.layers[L - 1]
    F, OH, OW = conv.out_shape
    if not (0 <= f < F and 0 <= y < OH and 0 <= x_ < OW):
        raise ValueError(f"pixel ({y}, {x_}) of map {f} is outside a⁽{L}⁾ ({F}×{OH}×{OW})")
    acts, caches, grads, cost = _passes(net, x, t, L)
    k = conv.k
    # ---- forward: the window, the products, z and a ----
    before, after_ = padding(k, conv.same)
    prev = acts[L - 1][0].transpose(2, 0, 1)  # a⁽ᴸ⁻¹⁾ as (C, H, W)
    padded = np.pad(prev, ((0, 0), (before, after_), (before, after_)))
    win = window(prev, k, conv.same, y, x_)
    patch = win.values
    rows, cols = np.arange(k) + win.top, np.arange(k) + win.left
    outside = ((rows < 0) | (rows >= prev.shape[1]))[:, None] | ((cols < 0) | (cols >= prev.shape[2]))[None, :]
    kernel, bias = conv.kernels[f].copy(), float(conv.bias[f])
    products = patch * kernel
    z = float(products.sum() + bias)
    a_arr = conv.activation.fn(np.array([z]))
    a = float(a_arr[0])
    sigma_prime = float(conv.activation.prime(np.array([z]), a_arr)[0])
    # ---- what follows: a pooling, another convolution or the dense part ----
    nxt = net.layers[L] if L < len(net.features) else None
    after, pool = ("conv" if isinstance(nxt, Conv2D) else "flatten"), None
    if isinstance(nxt, MaxPool2D):
        pool = _pool_choice(nxt, acts[L][0].transpose(2, 0, 1)[f], grads[L + 1][0, ..., f], y, x_)
        after = "pool" if pool is not None else "dropped"
    # ---- backward: δ of this pixel and of the whole map ----
    dC_da = float(grads[L][0, y, x_, f])
    cache = caches[L - 1]
    delta_map = (grads[L][0, ..., f].reshape(-1) * conv.activation.prime(cache.z[:, f], cache.a[:, f])).reshape(OH, OW)
    delta = dC_da * sigma_prime
    windows = sliding_window_view(padded, (k, k), axis=(1, 2))  # (C, OH, OW, k, k)
    grad_w = np.einsum("yx,cyxij->cij", delta_map, windows)
    grad_b = float(delta_map.sum())
    return ConvPixelWalk(
        L, f, y, x_, conv.activation.name, cost, conv.same, (win.top, win.left), patch, outside, kernel, bias,
        products, z, a, after, pool, dC_da, sigma_prime, delta, delta * patch, delta_map, grad_w, grad_b,
        delta * kernel, float(eta), kernel - eta * grad_w, bias - eta * grad_b)


def kernel_gradcheck(net: ConvNet, x: np.ndarray, t: np.ndarray, walk: ConvPixelWalk, c: int | None, i: int = 0,
                     j: int = 0, h: float = 1e-5) -> GradCheck:
    """The walk's ∂C/∂w of its kernel's weight (c, i, j) — ∂C/∂b when ``c`` is None — next to the estimate from
    nudging that weight (``gradcheck``'s 4-point difference, on a float64 copy: ``net`` is never touched).

    A kernel weight moves every pixel of its map, so some pixel's z lies within 2h of ReLU's kink (or two
    pixels of a pooling block within 2h of a tie) far more often than for one dense weight: h = 10⁻⁵ rather
    than 10⁻³ keeps them out, and is still far above float64's round-off for this formula (~10⁻¹⁰ absolute)."""
    net = net.astype(np.float64)
    conv = net.layers[walk.L - 1]
    param, idx = (conv.bias, (walk.f,)) if c is None else (conv.kernels, (walk.f, c, i, j))
    xb, tb, w0 = np.asarray(x, np.float64).reshape(1, -1), np.asarray(t, np.float64).reshape(1, -1), float(param[idx])

    def cost_at(w: float) -> float:
        param[idx] = w
        return net.cost.fn(net.feedforward(xb), tb, net.output_activation)

    cs = [cost_at(w0 + m * h) for m in (2, 1, -1, -2)]
    g = walk.grad_b if c is None else walk.grad_w[c, i, j]
    return GradCheck(float(g), float((-cs[0] + 8 * cs[1] - 8 * cs[2] + cs[3]) / (12 * h)), h)


def _pool_choice(pool: MaxPool2D, amap: np.ndarray, grad_out: np.ndarray, y: int, col: int) -> PoolChoice | None:
    """The block (y, col) competes in, or None when the pooling's odd last row or column drops it."""
    p = pool.size
    oy, ox = y // p, col // p
    if oy >= grad_out.shape[0] or ox >= grad_out.shape[1]:
        return None
    won = pool_block(amap[None], p, 0, oy, ox)  # the first maximum, as MaxPool2D.backward
    winner = (oy * p + won.row, ox * p + won.col)
    return PoolChoice(p, (oy * p, ox * p), won.block, winner, winner == (y, col), won.value, (oy, ox),
                      float(grad_out[oy, ox]))


def _passes(net: ConvNet, x: np.ndarray, t: np.ndarray, L: int) -> tuple[list, list, dict, float]:
    """The forward pass layer by layer (channels-last a⁽ⁿ⁾ and caches), the cost, and ∂C/∂a⁽ⁿ⁾ for
    n ≥ L (channels-last), by the engine's own layers' ``backward``."""
    c, h, w = net.input_shape
    a = np.asarray(x, np.float64).reshape(1, c, h, w).transpose(0, 2, 3, 1)
    acts, caches = [a], []
    for layer in net.features:
        a, cache = layer.forward(a)
        acts.append(a)
        caches.append(cache)
    t = np.asarray(t, np.float64).reshape(1, -1)
    dense = backprop(net.head.layers, net.cost, net.flatten.forward(a), t, wrt_input=True)  # the reference
    delta, cost = dense.dC_dx, dense.cost  # ∂C/∂(flattened maps) = δ⁽¹⁾·W⁽⁰⁾ of the dense part
    n = len(net.features)
    grads = {n: net.flatten.backward(delta)}
    for i in range(n - 1, L - 1, -1):  # feature layer i makes a⁽ⁱ⁺¹⁾ from a⁽ⁱ⁾
        grads[i] = net.features[i].backward(grads[i + 1], caches[i])[1]
    return acts, caches, grads, float(cost)
