"""Layers written as text — ``conv5x5x32,pool2,conv5x5x64,pool2,128`` — and the networks they make.

One token per layer, in order: ``conv<k>x<k>x<filters>`` is a k×k convolution
with that many filters (``…same`` pads it so the image keeps its size, else
"valid"), ``pool<p>`` a p×p max pooling, and a plain number a dense hidden
layer.  Convolutions and poolings come first; the flatten between them and the
dense layers is implied.  The command line's ``--layers``, recipes and model
files all use these tokens, normalised (``conv5x5x32``), so a recipe stays
readable JSON.  Every bound is checked before anything is allocated: a typo
or a hostile file gets one line naming the token, never a 10⁹-weight kernel.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec

MAX_KERNEL = 15  # k of a k×k kernel
MAX_FILTERS = 1024  # per convolution
MAX_POOL = 8
MAX_FEATURE_LAYERS = 16  # convolutions and poolings together
MAX_FEATURE_VALUES = 4_000_000  # numbers one sample's feature maps may hold after any layer (16 MB a sample)
_CONV = re.compile(r"conv(\d{1,6})x(\d{1,6})x(\d{1,7})(same)?")
_POOL = re.compile(r"pool(\d{1,6})")


class LayerSpec(NamedTuple):
    features: tuple[str, ...]  # normalised conv/pool tokens
    hidden: tuple[int, ...]  # dense hidden layer sizes


def parse_feature(token: str) -> ConvSpec | PoolSpec:
    """One conv/pool token as a spec; ValueError with one line naming the token."""
    text = token.strip().lower()
    if m := _CONV.fullmatch(text):
        k, k2, filters = int(m[1]), int(m[2]), int(m[3])
        if k != k2:
            raise ValueError(f"{token!r}: kernels are square, k×k (e.g. conv5x5x32)")
        if not (1 <= k <= MAX_KERNEL and 1 <= filters <= MAX_FILTERS):
            raise ValueError(f"{token!r}: kernels go from 1×1 to {MAX_KERNEL}×{MAX_KERNEL} and a convolution has "
                             f"1 to {MAX_FILTERS} filters")
        return ConvSpec(k, filters, m[4] is not None)
    if m := _POOL.fullmatch(text):
        size = int(m[1])
        if not 2 <= size <= MAX_POOL:
            raise ValueError(f"{token!r}: pooling blocks go from 2×2 to {MAX_POOL}×{MAX_POOL}")
        return PoolSpec(size)
    raise ValueError(f"{token!r} is not a layer: write conv<k>x<k>x<filters> (e.g. conv5x5x32, conv3x3x16same), "
                     f"pool<size> (e.g. pool2) or a number of neurons")


def token(spec: ConvSpec | PoolSpec) -> str:
    """The normalised text of a spec."""
    if isinstance(spec, ConvSpec):
        return f"conv{spec.k}x{spec.k}x{spec.filters}" + ("same" if spec.same else "")
    return f"pool{spec.size}"


def parse_layers(text: str, max_neurons: int, max_hidden: int) -> LayerSpec:
    """``--layers`` text: features first, then dense sizes; '' or 'none' for no hidden layer at all."""
    if text.strip().lower() in ("", "none"):
        return LayerSpec((), ())
    features: list[str] = []
    hidden: list[int] = []
    for part in text.split(","):
        part = part.strip()
        if part.isdigit() or (part[:1] in "+-" and part[1:].isdigit()):
            n = int(part)
            if not 1 <= n <= max_neurons:
                raise ValueError(f"{part!r}: a dense layer has 1 to {max_neurons:,} neurons")
            hidden.append(n)
        else:
            spec = parse_feature(part)
            if hidden:
                raise ValueError(f"{part!r} comes after a dense layer: convolutions and poolings go first")
            features.append(token(spec))
    check_counts(features, hidden, max_hidden)
    return LayerSpec(tuple(features), tuple(hidden))


def check_counts(features: Sequence[str], hidden: Sequence[int], max_hidden: int) -> None:
    if len(features) > MAX_FEATURE_LAYERS:
        raise ValueError(f"at most {MAX_FEATURE_LAYERS} convolutions and poolings, got {len(features)}")
    if len(hidden) > max_hidden:
        raise ValueError(f"at most {max_hidden} dense hidden layers, got {len(hidden)}")


def input_shape(n_inputs: int, image_shape: tuple[int, int] | None = None) -> tuple[int, int, int]:
    """(C, H, W) of the inputs: the data's image shape, or a square one-channel image if ``n_inputs`` is k²."""
    if image_shape is not None and image_shape[0] * image_shape[1] == n_inputs:
        return 1, int(image_shape[0]), int(image_shape[1])
    side = int(round(n_inputs ** 0.5))
    if side * side != n_inputs:
        raise ValueError(f"convolutions need images; these data have {n_inputs} inputs and no image shape")
    return 1, side, side


def shapes(features: Sequence[str], in_shape: tuple[int, int, int]) -> list[tuple[int, int, int]]:
    """Each feature layer's output (C, H, W), checked to fit: ValueError names the first that doesn't."""
    out, (c, h, w) = [], in_shape
    for text in features:
        spec = parse_feature(text)
        if isinstance(spec, ConvSpec):
            if not spec.same and (spec.k > h or spec.k > w):
                raise ValueError(f"{text}: a {spec.k}×{spec.k} kernel doesn't fit in the {h}×{w} maps it gets")
            c, h, w = spec.filters, (h if spec.same else h - spec.k + 1), (w if spec.same else w - spec.k + 1)
        else:
            if spec.size > h or spec.size > w:
                raise ValueError(f"{text}: {spec.size}×{spec.size} pooling doesn't fit in the {h}×{w} maps it gets")
            h, w = h // spec.size, w // spec.size
        if c * h * w > MAX_FEATURE_VALUES:
            raise ValueError(f"{text}: {c}×{h}×{w} feature maps hold {c * h * w:,} numbers per image, more than "
                             f"{MAX_FEATURE_VALUES:,}")
        out.append((c, h, w))
    return out


def build(features: Sequence[str], hidden: Sequence[int], n_inputs: int, n_outputs: int,
          image_shape: tuple[int, int] | None, activation: str, cost: str, init: str | None,
          seed: int | None) -> ConvNet:
    """A fresh ``ConvNet`` for these tokens (shapes checked first)."""
    in_shape = input_shape(n_inputs, image_shape)
    shapes(features, in_shape)
    return ConvNet.create(in_shape, [parse_feature(t) for t in features], hidden, n_outputs, activation, cost,
                          init=init, seed=seed)


def footprint(features: Sequence[str], hidden: Sequence[int], n_inputs: int, n_outputs: int,
              image_shape: tuple[int, int] | None, batch: int) -> tuple[int, int]:
    """(weights, float32 numbers alive during one batch's backprop) of such a network, before building it.

    Per convolution: its patch matrix (OH·OW·(k²C + 1) a sample), z, a and ∂C/∂window; per pooling
    its output and gradient; the dense part like a dense network's z, a, δ.
    """
    in_shape = input_shape(n_inputs, image_shape)
    params, per_sample, shape = 0, n_inputs, in_shape
    for text, out in zip(features, shapes(features, in_shape)):
        spec = parse_feature(text)
        if isinstance(spec, ConvSpec):
            window = spec.k * spec.k * shape[0]
            params += (window + 1) * spec.filters
            per_sample += out[1] * out[2] * (2 * window + 1) + 3 * int(np.prod(out))
        else:
            per_sample += 3 * int(np.prod(out))
        shape = out
    sizes = [int(np.prod(shape)), *hidden, n_outputs]
    params += sum((i + 1) * o for i, o in zip(sizes, sizes[1:]))
    per_sample += 3 * sum(sizes)
    return params, per_sample * batch


def split(layers: LayerSpec | tuple[int, ...] | None) -> tuple[tuple[int, ...] | None, tuple[str, ...] | None]:
    """(hidden, features) for a recipe from ``--layers``: None for both when it wasn't given; dense sizes
    alone mean no convolutions (``--layers`` names the whole architecture)."""
    if layers is None:
        return None, None
    if isinstance(layers, LayerSpec):
        return layers.hidden, layers.features
    return tuple(layers), ()
