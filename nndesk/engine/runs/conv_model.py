"""Convolutional networks in model files: what ``model_io`` writes for a ``ConvNet`` and checks on reading.

The file keeps the dense layout and adds to it.  Arrays ``W0, b0, W1, b1, …``
number every weight layer in order — first the convolutions, their kernels
(F, C, k, k) as PyTorch and ONNX store them, then the dense layers
(n_out, n_in).  The metadata's ``sizes``/``activations`` describe the dense
part as for any network (``sizes[0]`` = the flattened feature maps), and
``features`` says what comes before it:

    "features": {"input_shape": [1, 28, 28], "layers": ["conv5x5x32", "pool2", …],
                 "activations": ["relu", "relu"]}        (one per convolution)

Such files are format version 2 (``FORMAT_VERSION``): an nndesk that knows
only dense networks refuses them as "from a newer nndesk" instead of
misreading them; dense networks are still written as version 1.

Reading trusts nothing: the layer tokens are parsed with their bounds and
every feature map's shape is computed from them (``layer_spec.shapes``)
before any array is looked at, so a hostile file's 10⁹-weight kernel,
negative size or shapes that don't chain end in one ``Invalid`` line.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from nndesk.engine.core.activations import ACTIVATIONS, activation
from nndesk.engine.core.conv import Conv2D
from nndesk.engine.core.convnet import ConvNet, weight_layers
from nndesk.engine.core.pool import MaxPool2D
from nndesk.engine.runs import layer_spec, model_check
from nndesk.engine.runs.model_check import Invalid
from nndesk.engine.runs.recipe import TrainingRecipe

FORMAT_VERSION = 2
MAX_CHANNELS = 64  # of the input image


def is_conv(meta: dict[str, Any]) -> bool:
    """Whether a file's metadata describes a convolutional network."""
    return meta.get("features") is not None


def metadata(network: ConvNet) -> dict[str, Any]:
    """The metadata keys a ``ConvNet`` adds to (or changes in) a dense model's."""
    convs = [layer for layer in network.features if isinstance(layer, Conv2D)]
    return {"format_version": FORMAT_VERSION, "sizes": network.head.sizes,
            "activations": [layer.activation.name for layer in weight_layers(network)],
            "features": {"input_shape": list(network.input_shape), "layers": [f.spec for f in network.features],
                         "activations": [layer.activation.name for layer in convs]}}


def network(meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> ConvNet:
    """The ``ConvNet`` a version-2 file describes; every shape is derived and checked before it is used."""
    desc = meta.get("features")
    if meta.get("format_version", 1) < FORMAT_VERSION or not isinstance(desc, dict):
        raise Invalid("describes convolutions in a format older than they are (version < 2)")
    in_shape, tokens, conv_acts = desc.get("input_shape"), desc.get("layers"), desc.get("activations")
    if (not isinstance(in_shape, list) or len(in_shape) != 3 or not all(_is_int(n) and n >= 1 for n in in_shape)
            or in_shape[0] > MAX_CHANNELS or in_shape[1] * in_shape[2] > layer_spec.MAX_FEATURE_VALUES):
        raise Invalid(f"has an invalid input shape {model_check._short(in_shape)} for its convolutions")
    if (not isinstance(tokens, list) or not tokens or len(tokens) > layer_spec.MAX_FEATURE_LAYERS
            or not all(isinstance(t, str) and len(t) <= 32 for t in tokens)):
        raise Invalid(f"has an invalid list of convolution layers {model_check._short(tokens)}")
    try:
        specs = [layer_spec.parse_feature(t) for t in tokens]
        shapes = layer_spec.shapes(tokens, tuple(in_shape))
    except ValueError as e:
        raise Invalid(f"has convolution layers that can't be built: {e}") from None
    n_conv = sum(1 for s in specs if isinstance(s, layer_spec.ConvSpec))
    acts, sizes = meta.get("activations"), meta.get("sizes")
    if not isinstance(conv_acts, list) or len(conv_acts) != n_conv or not isinstance(acts, list) \
            or acts[:n_conv] != conv_acts:
        raise Invalid(f"has convolution activations {model_check._short(conv_acts)} that don't match its layers")
    for name in conv_acts:
        if not isinstance(name, str) or name not in ACTIVATIONS or not activation(name).elementwise:
            raise Invalid(f"uses an unknown activation {model_check._short(name)} in a convolution")
    flat = int(np.prod(shapes[-1]))
    if not isinstance(sizes, list) or not sizes or sizes[0] != flat:
        raise Invalid(f"has dense layer sizes {model_check._short(sizes)} that don't start with its "
                      f"{flat:,} feature-map numbers")
    features, shape, conv_arrays = [], tuple(in_shape), set()
    for spec, out in zip(specs, shapes):
        if isinstance(spec, layer_spec.ConvSpec):
            i = len(conv_arrays) // 2
            w = model_check._array(arrays, f"W{i}", (spec.filters, shape[0], spec.k, spec.k))
            b = model_check._array(arrays, f"b{i}", (spec.filters,))
            conv_arrays |= {f"W{i}", f"b{i}"}
            features.append(Conv2D(w, b, activation(conv_acts[i]), shape, spec.same))
        else:
            features.append(MaxPool2D(shape, spec.size))
        shape = out
    dense_arrays = {_shifted(k, n_conv): a for k, a in arrays.items() if k not in conv_arrays}
    dense_meta = {k: meta[k] for k in ("cost", "dtype") if k in meta} | {"sizes": sizes,
                                                                          "activations": acts[n_conv:]}
    head = model_check.network(dense_meta, dense_arrays)  # the dense part, checked as any dense network
    if any(w.dtype != head.dtype for w in (f.params for f in features if isinstance(f, Conv2D))):
        raise Invalid("mixes number types across its weights")
    net = ConvNet(features, head.layers, head.cost)
    shape_2d = meta.get("image_shape")
    if shape_2d is not None and (in_shape[0] != 1 or list(shape_2d) != in_shape[1:]):
        raise Invalid(f"has an image_shape {model_check._short(shape_2d)} that isn't its input {in_shape}")
    return net


def _shifted(key: str, n_conv: int) -> str:
    """W<l>/b<l>/frozen<l> of the dense part renumbered from 0 (the convolutions' numbers come first)."""
    stem = key.rstrip("0123456789")
    digits = key[len(stem):]
    if not digits:
        return key
    number = int(digits)
    return f"{stem}{number - n_conv}" if number >= n_conv else f"{key} (of a convolution)"  # left unused: refused


def recipe(meta: dict[str, Any], net: ConvNet) -> TrainingRecipe | None:
    """The recipe, in range and describing ``net``: the same feature layers and dense hidden layers."""
    if (out := model_check.parsed_recipe(meta)) is None:
        return None
    if list(out.features) != [f.spec for f in net.features] or list(out.hidden) != net.head.sizes[1:-1]:
        raise Invalid(f"has a training recipe whose layers {[*out.features, *out.hidden]} differ from its "
                      f"network's {[*(f.spec for f in net.features), *net.head.sizes[1:-1]]}")
    return out


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)
