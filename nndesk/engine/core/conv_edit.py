"""Structure edits of a convolutional network: a new network that keeps every weight that still fits.

Each function returns a NEW network (the old one is untouched, so an undo
command can keep both) or raises ``Refusal`` (a ``ValueError``) with one line
saying why; with ``check_only`` it only raises, or returns None having built
nothing (a window checks before it pushes, without drawing millions of
fresh weights twice).  ``position`` indexes ``net.features`` (0 = right after the
input); the canvas shows that layer as a⁽ᴸ⁾ with L = position + 1.

What is kept, what starts fresh — what a student expects after editing:

* other convolutions keep their kernels and biases; a convolution whose input
  gained or lost channels (the previous convolution's filter count changed, or
  a layer in between came or went) keeps the kernel slices of the channels
  that are still there, and the new channels' slices start fresh;
* changing the filter count keeps the overlapping filters (the first ones),
  new filters start fresh — the dense editor's rule for neurons;
* changing the kernel size starts that layer's kernels fresh: a 5×5 pattern is
  not a 3×3 one (cutting or padding it would give a pattern nobody trained);
* the first dense layer reads the flattened maps, each weight one pixel of one
  map.  When the last maps keep their shape its weights stay; when only their
  number of channels changes, the columns of the channels still there stay;
  otherwise (another size, or the raw image instead of maps) it gets fresh
  weights for the new input size.  Its neurons then compute new things, so
  the trained weights of the dense layers after it would only map features
  that are gone onto the classes: they start fresh too, and every dense
  layer keeps its biases.  (Kept, they made the ready-trained digits network
  turned into a CNN collapse in its first epoch for 6 seeds of 16 at the
  window's η = 0.1, momentum 0.9; fresh, for none, as a new CNN:
  benchmarks/bench_conv_edit.py.)  When the first dense
  layer is kept, whole or per channel, every dense layer after it stays.

Fresh numbers are drawn as ``ConvNet.create`` draws them (He for the ReLU
family, Glorot/Xavier otherwise, by fan-in k·k·C; biases 0) in the network's
dtype.  A new convolution's σ is that of the network's other convolutions,
so one network does not mix them; with none, the dense hidden layers' σ (the
student's choice for this network); with neither, ReLU, the usual one for
convolutions.  A dense ``Network`` whose inputs are an image (``input_shape``
(C, H, W) or (H, W)) becomes a ``ConvNet`` on ``with_conv``/``with_pool``;
removing the last convolution or pooling turns it back into a dense one.
"""

from __future__ import annotations

import numpy as np

from nndesk.engine.core import conv_refusal as limits
from nndesk.engine.core.activations import Activation, activation
from nndesk.engine.core.conv import Conv2D
from nndesk.engine.core.conv_plan import Conv, Pool, Shape, check_shapes
from nndesk.engine.core.conv_refusal import Refusal
from nndesk.engine.core.convnet import ConvNet
from nndesk.engine.core.initializers import default_initializer, init_scale, init_weights
from nndesk.engine.core.layers import Dense
from nndesk.engine.core.network import Network
from nndesk.engine.core.pool import MaxPool2D

Net = Network | ConvNet


def with_conv(net: Net, position: int, k: int = 5, filters: int = 8, rng: np.random.Generator | None = None,
              input_shape: tuple[int, ...] | None = None, check_only: bool = False) -> ConvNet:
    """A new k×k convolution of ``filters`` fresh kernels (valid padding) at ``position``."""
    plan, shape = _plan(net, input_shape)
    _check_insert(plan, position)
    _check_kernel(k)
    _check_filters(filters)
    plan.insert(position, Conv(k, filters, False, _new_activation(net)))
    return _build(net, shape, plan, rng, check_only)  # type: ignore[return-value]


def with_pool(net: Net, position: int, size: int = 2, rng: np.random.Generator | None = None,
              input_shape: tuple[int, ...] | None = None, check_only: bool = False) -> ConvNet:
    """A new size×size max pooling at ``position`` (halves the maps for size 2)."""
    plan, shape = _plan(net, input_shape)
    _check_insert(plan, position)
    _check_pool(size)
    plan.insert(position, Pool(size))
    return _build(net, shape, plan, rng, check_only)  # type: ignore[return-value]


def without_feature(net: Net, position: int, rng: np.random.Generator | None = None, check_only: bool = False
                    ) -> Net:
    """The network without feature layer ``position``; without its last one, a dense ``Network``."""
    plan, shape = _plan(net, None)
    _check_existing(plan, position)
    del plan[position]
    return _build(net, shape, plan, rng, check_only)


def with_filters(net: Net, position: int, filters: int, rng: np.random.Generator | None = None,
                 check_only: bool = False) -> ConvNet:
    """Convolution ``position`` with ``filters`` filters: the first min(old, new) kept, the rest fresh."""
    plan, shape = _plan(net, None)
    conv = _existing_conv(plan, position)
    if not 1 <= filters <= conv.filters:  # fewer than a model file's many filters is always fine
        _check_filters(filters)
    plan[position] = conv._replace(filters=filters)
    return _build(net, shape, plan, rng, check_only)  # type: ignore[return-value]


def with_kernel_size(net: Net, position: int, k: int, rng: np.random.Generator | None = None,
                     check_only: bool = False) -> ConvNet:
    """Convolution ``position`` with k×k kernels, all fresh (a trained 5×5 pattern means nothing as 3×3).

    The same k gives back an unchanged copy: there is nothing to change, so nothing is thrown away.
    """
    plan, shape = _plan(net, None)
    conv = _existing_conv(plan, position)
    _check_kernel(k)
    if k != conv.k:
        plan[position] = conv._replace(k=k, source=None)
    return _build(net, shape, plan, rng, check_only)  # type: ignore[return-value]


def with_pool_size(net: Net, position: int, size: int, rng: np.random.Generator | None = None,
                   check_only: bool = False) -> ConvNet:
    """Pooling ``position`` over size×size blocks: the maps after it change size, every kernel stays."""
    plan, shape = _plan(net, None)
    _check_existing(plan, position)
    if not isinstance(plan[position], Pool):
        raise Refusal("not_pool", L=position + 1)
    _check_pool(size)
    plan[position] = Pool(size)
    return _build(net, shape, plan, rng, check_only)  # type: ignore[return-value]


# ---- the plan: what the features will be -----------------------------------------------------------
def _plan(net: Net, input_shape: tuple[int, ...] | None) -> tuple[list[Conv | Pool], Shape]:
    """The network's feature layers as things to build, and the input's (C, H, W)."""
    if isinstance(net, ConvNet):
        plan = [Conv(f.k, f.filters, f.same, f.activation, f) if isinstance(f, Conv2D) else Pool(f.size)
                for f in net.features]
        return plan, net.input_shape
    n = net.sizes[0]
    shape = tuple(int(s) for s in input_shape) if input_shape is not None else ()
    if len(shape) == 2:
        shape = (1, *shape)
    if len(shape) != 3 or min(shape) < 1 or int(np.prod(shape)) != n:
        raise Refusal("not_image", n=n)
    return [], shape  # type: ignore[return-value]


def _check_insert(plan: list, position: int) -> None:
    if not 0 <= position <= len(plan):
        raise Refusal("bad_position", L=position + 1, max=len(plan) + 1)


def _check_existing(plan: list, position: int) -> None:
    if not 0 <= position < len(plan):
        raise Refusal("no_layer", L=position + 1)


def _existing_conv(plan: list, position: int) -> Conv:
    _check_existing(plan, position)
    if not isinstance(plan[position], Conv):
        raise Refusal("not_conv", L=position + 1)
    return plan[position]


def _check_kernel(k: int) -> None:
    if not 1 <= k <= limits.MAX_KERNEL:
        raise Refusal("kernel_size", k=k, max=limits.MAX_KERNEL)


def _check_pool(size: int) -> None:
    if not 2 <= size <= limits.MAX_POOL:
        raise Refusal("pool_size", p=size, max=limits.MAX_POOL)


def _check_filters(filters: int) -> None:
    if not 1 <= filters <= limits.MAX_FILTERS:
        raise Refusal("filters", filters=filters, max=limits.MAX_FILTERS)


def _new_activation(net: Net) -> Activation:
    """The σ of the network's convolutions, else of its dense hidden layers, else ReLU."""
    if isinstance(net, ConvNet):
        convs = [f for f in net.features if isinstance(f, Conv2D)]
        if convs:
            return convs[0].activation
        dense = net.head.layers
    else:
        dense = net.layers
    return dense[0].activation if len(dense) > 1 else activation("relu")


# ---- building ---------------------------------------------------------------------------------------
def _build(net: Net, shape: Shape, plan: list[Conv | Pool], rng: np.random.Generator | None,
           check_only: bool) -> Net:
    """The planned features (every bound checked first), the flatten, then the dense layers."""
    rng = rng if rng is not None else np.random.default_rng()
    first = net.head.layers[0] if isinstance(net, ConvNet) else net.layers[0]
    check_shapes(shape, plan, _plan(net, shape)[0] if isinstance(net, ConvNet) else [], first)
    if check_only:
        return None  # type: ignore[return-value]
    dtype, features = net.dtype, []
    for step in plan:
        if isinstance(step, Pool):
            layer = MaxPool2D(shape, step.size)
        else:
            kernels, bias = _kernels(step, shape[0], rng, dtype)
            layer = Conv2D(kernels, bias, step.activation, shape, step.same)
        features.append(layer)
        shape = layer.out_shape
    dense = [d.copy() for d in (net.head.layers if isinstance(net, ConvNet) else net.layers)]
    old_maps = tuple(net.features[-1].out_shape) if isinstance(net, ConvNet) else None
    new_maps = tuple(shape) if features else None
    if old_maps is None or new_maps is None or old_maps[1:] != new_maps[1:]:  # new meanings all the way up
        dense = [_fresh(d, n_in, rng) for d, n_in in zip(dense, [int(np.prod(shape)), *(d.n_out for d in dense)])]
    elif old_maps != new_maps:  # the same H×W: the channels still there keep their columns
        dense[0] = _per_channel(dense[0], old_maps, new_maps, rng)
    return ConvNet(features, dense, net.cost) if features else Network(dense, net.cost)


def _kernels(step: Conv, channels: int, rng: np.random.Generator, dtype: np.dtype
             ) -> tuple[np.ndarray, np.ndarray]:
    """(F, C, k, k) kernels and (F,) biases: fresh, with ``source``'s overlapping filters and channels."""
    k, f = step.k, step.filters
    fan_in = k * k * channels
    kernels = init_weights(default_initializer(step.activation.name), f, fan_in, rng, dtype).reshape(f, channels, k, k)
    bias = np.zeros(f, dtype)
    src = step.source
    if src is not None and src.k == k:
        nf, nc = min(f, src.filters), min(channels, src.in_shape[0])
        kernels[:nf, :nc] = src.kernels[:nf, :nc]
        bias[:nf] = src.bias[:nf]
    return kernels, bias


def _fresh(layer: Dense, n_in: int, rng: np.random.Generator) -> Dense:
    """``layer`` with fresh weights for ``n_in`` inputs; its biases (and which of them are frozen) kept."""
    weights = init_weights(default_initializer(layer.activation.name), layer.n_out, n_in, rng, layer.weights.dtype)
    return Dense(weights, layer.bias.copy(), layer.activation, None,
                 None if layer.frozen_bias is None else layer.frozen_bias.copy())


def _per_channel(first: Dense, old_maps: tuple[int, ...], new_maps: tuple[int, ...],
                 rng: np.random.Generator) -> Dense:
    """The first dense layer when only the last maps' channel count changed: the flatten lists channel
    after channel, so the columns of channels 0…min(C)−1 read the same maps as before and stay; only the
    new channels' columns are drawn (one filter more: 1/F of the matrix, not all of it)."""
    n_in = int(np.prod(new_maps))
    keep = min(old_maps[0], new_maps[0]) * old_maps[1] * old_maps[2]
    weights = np.empty((first.n_out, n_in), first.weights.dtype)
    weights[:, :keep] = first.weights[:, :keep]
    weights[:, keep:] = rng.standard_normal((first.n_out, n_in - keep)) * init_scale(
        default_initializer(first.activation.name), first.n_out, n_in)
    frozen = None
    if first.frozen is not None:
        frozen = np.zeros(weights.shape, bool)
        frozen[:, :keep] = first.frozen[:, :keep]
    return Dense(weights, first.bias.copy(), first.activation, frozen,
                 None if first.frozen_bias is None else first.frozen_bias.copy())
