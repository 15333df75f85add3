"""Undoable freeze and prune: weights that training must leave alone, or remove.

``Dense.frozen`` / ``frozen_bias`` are bool masks the training loop reads
(frozen weights get zero gradient).  Freezing sets mask entries; pruning sets
the values to 0 *and* freezes them, so the connection stays cut.  Both store
the old masks and values, so undo restores exactly.

``NetworkDocument`` has no mask setter yet, so these commands write the
masks of ``document.network`` and announce it with ``weightsChanged``; a
running training gets the same masks through ``post_edit`` (its own copy).
A ``Param`` is (l, k, j) for w_kj of W⁽ˡ⁾, or (l, k, None) for the bias b_k.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from nndesk.engine.core.network import Network

Param = tuple[int, int, int | None]
PostEdit = Callable[[Callable[[Network], None]], None]


translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls


def neuron_params(network: Network, L: int, i: int, outgoing: bool = False) -> list[Param]:
    """The bias and incoming weights of neuron i of layer L (and its outgoing ones if asked)."""
    into = network.layers[L - 1]
    params: list[Param] = [(L - 1, i, j) for j in range(into.n_in)] + [(L - 1, i, None)]
    if outgoing and L < len(network.layers):
        params += [(L, k, i) for k in range(network.layers[L].n_out)]
    return params


def is_frozen(network: Network, p: Param) -> bool:
    layer = network.layers[p[0]]
    mask = layer.frozen if p[2] is not None else layer.frozen_bias
    return bool(mask is not None and mask[(p[1], p[2]) if p[2] is not None else p[1]])


def _state(network: Network, params: Sequence[Param]) -> list[tuple[float, bool]]:
    out = []
    for l, k, j in params:
        layer = network.layers[l]
        value = layer.weights[k, j] if j is not None else layer.bias[k]
        out.append((float(value), is_frozen(network, (l, k, j))))
    return out


def _write(network: Network, params: Sequence[Param], state: Sequence[tuple[float | None, bool]]) -> None:
    for (l, k, j), (value, frozen) in zip(params, state):
        layer = network.layers[l]
        if j is not None:
            if layer.frozen is None:
                layer.frozen = np.zeros(layer.weights.shape, dtype=bool)
            layer.frozen[k, j] = frozen
            if value is not None:
                layer.weights[k, j] = value
        else:
            if layer.frozen_bias is None:
                layer.frozen_bias = np.zeros(layer.bias.shape, dtype=bool)
            layer.frozen_bias[k] = frozen
            if value is not None:
                layer.bias[k] = value


class _MaskCommand(QUndoCommand):
    def __init__(self, text: str, document, params: Sequence[Param], new: list[tuple[float | None, bool]],
                 post_edit: PostEdit | None) -> None:
        super().__init__(text)
        self.document, self.params, self.new, self.post_edit = document, list(params), new, post_edit
        self.old = _state(document.network, self.params)

    def _apply(self, state: list[tuple[float | None, bool]]) -> None:
        _write(self.document.network, self.params, state)
        if self.post_edit is not None:  # the trained copy gets the same masks (values come via weightsChanged)
            params = self.params
            self.post_edit(lambda net: _write(net, params, state))
        self.document.weightsChanged.emit()
        self.document.set_modified(True)

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


class FreezeCommand(_MaskCommand):
    """Freeze (or unfreeze) weights and biases: training stops (or resumes) changing them."""

    def __init__(self, document, params: Sequence[Param], frozen: bool, post_edit: PostEdit | None = None) -> None:
        text = translate("FreezeCommands", "Freeze") if frozen else translate("FreezeCommands", "Unfreeze")
        super().__init__(text, document, params, [(None, frozen)] * len(params), post_edit)


class PruneCommand(_MaskCommand):
    """Set weights and biases to 0 and freeze them: the connections are cut for good."""

    def __init__(self, document, params: Sequence[Param], post_edit: PostEdit | None = None) -> None:
        super().__init__(translate("FreezeCommands", "Prune"), document, params, [(0.0, True)] * len(params), post_edit)
