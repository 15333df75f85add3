"""Value edits as functions of a network, so one edit changes the document's network and the trained copy alike.

``NetworkDocument`` runs an edit on its own network and then hands the same
function to the training thread (``valuesEdited`` → ``TrainerController.post_edit``),
which runs it on its copy between two batches.  An edit closes over plain
numbers or its own arrays, never over either network, so it is safe to run
in another thread.  Shapes are never changed here: that is a structure edit,
and a running training stops for those.

A ``Param`` is (l, k, j) for w_kj of W⁽ˡ⁾, or (l, k, None) for the bias b_k
of neuron k in a⁽ˡ⁺¹⁾.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from nndesk.engine.core.convnet import weight_layers
from nndesk.engine.core.network import Network

Param = tuple[int, int, int | None]
Edit = Callable[[Network], None]
Snapshot = list[tuple[np.ndarray, np.ndarray]]  # [(W⁽ˡ⁾, b⁽ˡ⁾), …]


def value(network: Network, p: Param) -> float:
    l, k, j = p
    layer = network.layers[l]
    return float(layer.bias[k] if j is None else layer.weights[k, j])


def is_frozen(network: Network, p: Param) -> bool:
    l, k, j = p
    layer = network.layers[l]
    mask = layer.frozen_bias if j is None else layer.frozen
    return bool(mask is not None and mask[k if j is None else (k, j)])


def fits(network: Network, snapshot: Snapshot) -> bool:
    """True if ``snapshot`` has exactly the network's shapes (a stale one from before a structure edit has not)."""
    layers = weight_layers(network)
    return len(snapshot) == len(layers) and all(
        w.shape == layer.weights.shape and b.shape == layer.bias.shape for (w, b), layer in zip(snapshot, layers))


def set_values(params: Sequence[Param], values: Sequence[float]) -> Edit:
    """w_kj ← value (or b_k ← value) for each parameter."""
    changes = [(tuple(p), float(v)) for p, v in zip(params, values)]

    def edit(network: Network) -> None:
        for (l, k, j), v in changes:
            layer = network.layers[l]
            if j is None:
                layer.bias[k] = v
            else:
                layer.weights[k, j] = v
    return edit


def set_frozen(params: Sequence[Param], frozen: Sequence[bool], values: Sequence[float]) -> Edit:
    """Each parameter gets its freeze flag and its value: the value the student saw when freezing,
    or 0 when pruning, so the trained copy keeps exactly what the document shows."""
    values_edit = set_values(params, values)
    flags = [(tuple(p), bool(f)) for p, f in zip(params, frozen)]

    def edit(network: Network) -> None:
        for (l, k, j), f in flags:
            layer = network.layers[l]
            if j is None:
                if layer.frozen_bias is None:
                    layer.frozen_bias = np.zeros(layer.bias.shape, dtype=bool)
                layer.frozen_bias[k] = f
            else:
                if layer.frozen is None:
                    layer.frozen = np.zeros(layer.weights.shape, dtype=bool)
                layer.frozen[k, j] = f
        values_edit(network)
    return edit


def copy_values(snapshot: Snapshot) -> Edit:
    """Every weight and bias from ``snapshot`` (which the edit keeps: the caller gives it up)."""
    def edit(network: Network) -> None:
        for (w, b), layer in zip(snapshot, weight_layers(network)):
            layer.weights[...] = w
            layer.bias[...] = b
    return edit
