"""What a model file's contents must be before nndesk uses any of it.

``model_io`` opens the container (zip members, .npy headers, sizes) and hands over plain arrays
and the parsed JSON; this module decides whether they make a usable model, and builds it: the
layer sizes chain and the weights are finite float32/64; the optimizer state holds exactly the
arrays that optimizer keeps for this network, each of its parameter's shape and a float type; the
history is finite and in order; the recipe is in range and describes this network.  Nothing is
returned until all of it holds, so the window can switch to a model in one go or not at all.
Each failure is one ``Invalid`` line saying what is wrong (``model_io`` puts the file's name first).

Integer or boolean optimizer state is refused, not converted: nndesk only ever writes floats
there, so such arrays come from something other than a training run, and converting them would
start training from made-up momentum.  Float16/32/64 state is converted to the weights' type
(what the optimizers' in-place updates need).
"""

from __future__ import annotations

import math
from dataclasses import fields
from typing import Any

import numpy as np

from nndesk.engine.core.activations import ACTIVATIONS, activation
from nndesk.engine.core.costs import COSTS, cost as make_cost
from nndesk.engine.core.layers import Dense
from nndesk.engine.core.network import Network
from nndesk.engine.core.optimizers import OPTIMIZERS, optimizer as make_optimizer
from nndesk.engine.core.training import EpochStats
from nndesk.engine.data.preprocess import PREPROCESSING
from nndesk.engine.runs.recipe import MAX_HIDDEN_LAYERS, MAX_NEURONS, TrainingRecipe

MAX_HISTORY = 1_000_000  # epochs in one file's history (runs add up; the JSON cap bounds it anyway)
MAX_LR_CHANGES = 10_000  # η changes marked in one epoch
MAX_NETWORK_TEXT = 2_000  # characters describing the network that trained an epoch (a deep CNN: a few hundred)
WEIGHT_TYPES = ("float32", "float64")
_NONE = type(None)
_KINDS: dict[str, tuple[type, ...]] = {  # metadata keys besides those ``network`` reads, and their JSON types
    "nndesk_version": (str,), "dtype": (str,), "history": (list,), "extra": (dict,), "recipe": (dict, _NONE),
    "seed": (int, _NONE), "dataset": (str, _NONE), "image_shape": (list, _NONE), "preprocessing": (str, _NONE),
    "optimizer": (dict, _NONE), "taught_with": (dict, _NONE)}
_OPTIONAL = {"lr_changes", "network"}  # epoch fields older files lack
_STATS = {f.name for f in fields(EpochStats)} - _OPTIONAL


class Invalid(ValueError):
    """One thing wrong with a model's contents, as a phrase: "has … ", "uses … "."""


def check_metadata(meta: dict[str, Any]) -> None:
    """Each known key present has its JSON type (a bool is not a number); unknown keys are ignored."""
    for key, kinds in _KINDS.items():
        if key in meta and (not isinstance(meta[key], kinds) or isinstance(meta[key], bool)):
            raise Invalid(f"has metadata {key} of the wrong kind ({_short(meta[key])})")


def network(meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> Network:
    """The network the metadata describes, from its arrays; every array must be used."""
    sizes, acts, cost_name = meta.get("sizes"), meta.get("activations"), meta.get("cost")
    if (not isinstance(sizes, list) or len(sizes) < 2 or not all(_is_int(n) and n >= 1 for n in sizes)
            or len(sizes) - 2 > MAX_HIDDEN_LAYERS or any(n > MAX_NEURONS for n in sizes[1:-1])
            or not isinstance(acts, list) or len(acts) != len(sizes) - 1):
        raise Invalid(f"has invalid layer sizes {_short(sizes)} or activations {_short(acts)}")
    for name in acts:
        if not isinstance(name, str) or name not in ACTIVATIONS:
            raise Invalid(f"uses an unknown activation {_short(name)}")
    if not isinstance(cost_name, str) or cost_name not in COSTS:
        raise Invalid(f"uses an unknown cost {_short(cost_name)}")
    unused, layers = set(arrays), []
    for l, (n_in, n_out, name) in enumerate(zip(sizes, sizes[1:], acts)):
        w, b = _array(arrays, f"W{l}", (n_out, n_in)), _array(arrays, f"b{l}", (n_out,))
        if w.dtype != b.dtype or (layers and w.dtype != layers[0].weights.dtype):
            raise Invalid(f"mixes number types across its weights ({w.dtype}, {b.dtype})")
        frozen = _array(arrays, f"frozen{l}", (n_out, n_in), required=False)
        frozen_bias = _array(arrays, f"frozen_bias{l}", (n_out,), required=False)
        unused -= {f"W{l}", f"b{l}", f"frozen{l}", f"frozen_bias{l}"}
        layers.append(Dense(w, b, activation(name), frozen, frozen_bias))
    if unused:
        raise Invalid(f"has arrays its layers don't use: {', '.join(sorted(unused)[:5])}")
    try:
        net = Network(layers, make_cost(cost_name))
    except ValueError as e:
        raise Invalid(f"describes an impossible network: {e}") from None
    if meta.get("dtype", net.dtype.name) != net.dtype.name:
        raise Invalid(f"says its dtype is {_short(meta['dtype'])} but its weights are {net.dtype.name}")
    _check_image(meta, net.sizes[0])
    return net


def _array(arrays: dict[str, np.ndarray], key: str, shape: tuple[int, ...], required: bool = True) -> Any:
    """A weight array (finite float32/64) or, for ``frozen…`` keys, a bool mask, of ``shape``."""
    a = arrays.get(key)
    if a is None:
        if required:
            raise Invalid(f"is missing the array {key}")
        return None
    mask = key.startswith("frozen")
    if a.shape != shape or (a.dtype != np.bool_ if mask else a.dtype.name not in WEIGHT_TYPES):
        want = "bool" if mask else " or ".join(WEIGHT_TYPES)
        raise Invalid(f"has {key} of shape {a.shape} ({a.dtype}); the layer sizes need {shape} {want}")
    if not mask and not np.all(np.isfinite(a)):
        raise Invalid(f"has NaN or infinite values in {key}")
    return a


def _check_image(meta: dict[str, Any], n_inputs: int) -> None:
    shape, prep = meta.get("image_shape"), meta.get("preprocessing")
    if shape is not None and not (len(shape) == 2 and all(_is_int(n) and n >= 1 for n in shape)
                                  and shape[0] * shape[1] == n_inputs):
        raise Invalid(f"has an image_shape {_short(shape)} that doesn't fit its {n_inputs} inputs")
    if prep not in (None, PREPROCESSING) or (prep and shape != [28, 28]):
        raise Invalid(f"asks for an unknown preprocessing {_short(prep)}")


def parsed_recipe(meta: dict[str, Any]) -> TrainingRecipe | None:
    """The file's recipe with every field in range (None if it has none); its layers are checked by the caller."""
    if meta.get("recipe") is None:
        return None
    try:
        return TrainingRecipe.from_dict(meta["recipe"])
    except (ValueError, TypeError) as e:
        raise Invalid(f"has an invalid training recipe: {e}") from None


def recipe(meta: dict[str, Any], net: Network) -> TrainingRecipe | None:
    """The recipe, every field in range, and describing ``net``'s hidden layers."""
    if (out := parsed_recipe(meta)) is None:
        return None
    if list(out.hidden) != net.sizes[1:-1]:
        raise Invalid(f"has a training recipe whose hidden layers {list(out.hidden)} differ from its "
                      f"network's {net.sizes[1:-1]}")
    return out


def optimizer_state(meta: dict[str, Any], net: Network, state: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Exactly the arrays the described optimizer keeps for ``net``, as the weights' float type.

    Three layouts are right: one array per layer's [W | b]ᵀ; W and b apart (files from before they
    were one array; ``optimizers._joined`` puts them together); none yet (saved before any step).
    """
    desc = meta.get("optimizer")
    if desc is None:
        if state:
            raise Invalid(f"has optimizer state but no optimizer in its metadata ({', '.join(sorted(state)[:3])})")
        return {}
    name = desc.get("name")
    if not isinstance(name, str) or name not in OPTIMIZERS:
        raise Invalid(f"uses an unknown optimizer {_short(name)}")
    if desc.get("arrays") != sorted(state):
        raise Invalid("has optimizer state that doesn't match its description")
    opt = make_optimizer(name)
    joined = [p.shape for p in net.parameters()]
    apart = [s for layer in net.layers if isinstance(layer, Dense) for s in (layer.weights.shape, layer.bias.shape)]
    layouts = [opt.state_shapes(shapes) for shapes in (joined, apart, [])]
    layout = next((lay for lay in layouts if set(lay) == set(state)), None)
    if layout is None:
        extra, missing = set(state) - set(layouts[0]), set(layouts[0]) - set(state)
        raise Invalid(f"has optimizer state that is not what {name} keeps for this network "
                      f"(unexpected: {_names(extra)}; missing: {_names(missing)})")
    return {k: _state_array(k, a, layout[k], net.dtype) for k, a in state.items()}


def _state_array(key: str, a: np.ndarray, shape: tuple[int, ...], dtype: np.dtype) -> np.ndarray:
    if shape == ():  # Adam's step count t
        if a.shape != () or a.dtype.kind not in "iu" or int(a) < 0:
            raise Invalid(f"has an optimizer step count {key} that is not a whole number ≥ 0 "
                          f"({a.dtype}, shape {a.shape})")
        return a.astype(np.int64)
    if a.dtype.kind != "f" or a.dtype.itemsize > 8:
        raise Invalid(f"has optimizer state {key} of type {a.dtype.name}; nndesk keeps it as float numbers only")
    if a.shape != shape:
        raise Invalid(f"has optimizer state {key} of shape {a.shape}; its parameter needs {shape}")
    with np.errstate(over="ignore"):  # a float64 beyond float32's range becomes inf, refused next
        a = a.astype(dtype, copy=False)
    if not np.all(np.isfinite(a)):
        raise Invalid(f"has NaN or infinite values (for {dtype.name} weights) in the optimizer's {key}")
    return a


def history(raw: Any) -> tuple[EpochStats, ...]:
    """The epochs so far: known fields only, finite where a real epoch is, epochs increasing."""
    if raw is None:
        return ()
    if len(raw) > MAX_HISTORY:
        raise Invalid(f"has a training history of {len(raw):,} epochs, more than {MAX_HISTORY:,}")
    out: list[EpochStats] = []
    for i, d in enumerate(raw, 1):
        if not isinstance(d, dict) or set(d) - _OPTIONAL != _STATS:
            raise Invalid(f"has an invalid training history: entry {i} is not one epoch's numbers ({_short(d)})")
        for key in sorted(_STATS):
            if not _stat_ok(key, d[key]):
                raise Invalid(f"has an invalid training history: {key} of entry {i} is {_short(d[key])}")
        if out and d["epoch"] <= out[-1].epoch:
            raise Invalid(f"has a training history whose epochs are not increasing ({d['epoch']} after "
                          f"{out[-1].epoch})")
        out.append(EpochStats(**{k: d[k] for k in _STATS}, lr_changes=_lr_changes(d.get("lr_changes", []), i),
                              network=_network_text(d.get("network", ""), i)))
    return tuple(out)


def _stat_ok(key: str, v: Any) -> bool:
    if key == "epoch":
        return _is_int(v) and v >= 1
    if not isinstance(v, (int, float)) or isinstance(v, bool):
        return False
    if key in ("val_cost", "val_accuracy") and math.isnan(v):
        return True  # no validation set
    if key == "samples_per_second":
        return v >= 0  # +inf when an epoch took no measurable time
    return (math.isfinite(v) and v >= 0 and (key != "val_accuracy" or v <= 1)
            and (key != "learning_rate" or v > 0))


def _network_text(raw: Any, i: int) -> str:
    """The text of the network that trained an epoch: short, one printable line (it is shown on the plot)."""
    if not isinstance(raw, str) or len(raw) > MAX_NETWORK_TEXT or not raw.isprintable():
        raise Invalid(f"has an invalid network description in entry {i} of its training history ({_short(raw)})")
    return raw


def _lr_changes(raw: Any, i: int) -> tuple[tuple[float, float], ...]:
    """(fractional epoch, new η) pairs: both finite, the epoch ≥ 0 and η > 0."""
    if not isinstance(raw, list) or len(raw) > MAX_LR_CHANGES:
        raise Invalid(f"has an invalid learning-rate change list in entry {i} of its training history")
    for c in raw:
        if not (isinstance(c, list) and len(c) == 2 and all(_stat_ok("seconds", x) for x in c) and c[1] > 0):
            raise Invalid(f"has a learning-rate change {_short(c)} in entry {i} of its training history "
                          "that is not (epoch, η)")
    return tuple((float(e), float(lr)) for e, lr in raw)


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _names(keys: set[str]) -> str:
    return ", ".join(sorted(keys)[:4]) + (" …" if len(keys) > 4 else "") if keys else "none"


def _short(v: Any) -> str:
    """A value for a one-line message: repr, cut to 60 characters."""
    text = repr(v)
    return text if len(text) <= 60 else text[:57] + "…"
