"""Undoable freeze and prune: weights that training must leave alone, or remove.

``Dense.frozen`` / ``frozen_bias`` are bool masks the training loop reads
(frozen weights get zero gradient).  Freezing sets mask entries and keeps the
value shown; pruning sets the values to 0 *and* freezes them, so the
connection stays cut.  Both store the old masks and values, so undo restores
exactly.  They write through ``NetworkDocument.set_frozen`` like every other
edit, and the document passes the same change on to a running training.
A ``Param`` is (l, k, j) for w_kj of W⁽ˡ⁾, or (l, k, None) for the bias b_k.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.document.undo import DocumentCommand
from nndesk.app.document.value_edits import Param, value
from nndesk.engine.core.network import Network

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls


def neuron_params(network: Network, L: int, i: int, outgoing: bool = False) -> list[Param]:
    """The bias and incoming weights of neuron i of layer L (and its outgoing ones if asked)."""
    into = network.layers[L - 1]
    params: list[Param] = [(L - 1, i, j) for j in range(into.n_in)] + [(L - 1, i, None)]
    if outgoing and L < len(network.layers):
        params += [(L, k, i) for k in range(network.layers[L].n_out)]
    return params


class FreezeCommand(DocumentCommand):
    """Freeze (or unfreeze) weights and biases: training stops (or resumes) changing them."""

    def __init__(self, document: NetworkDocument, params: Sequence[Param], frozen: bool) -> None:
        text = translate("FreezeCommands", "Freeze") if frozen else translate("FreezeCommands", "Unfreeze")
        super().__init__(text, document)
        self.params, self.frozen = list(params), frozen
        self.old = [document.is_frozen(p) for p in self.params]

    def redo(self) -> None:
        self.document.set_frozen(self.params, [self.frozen] * len(self.params))

    def undo(self) -> None:
        self.document.set_frozen(self.params, self.old)


class PruneCommand(DocumentCommand):
    """Set weights and biases to 0 and freeze them: the connections are cut for good."""

    def __init__(self, document: NetworkDocument, params: Sequence[Param]) -> None:
        super().__init__(translate("FreezeCommands", "Prune"), document)
        self.params = list(params)
        self.old_frozen = [document.is_frozen(p) for p in self.params]
        self.old_values = [value(document.network, p) for p in self.params]

    def redo(self) -> None:
        self.document.set_frozen(self.params, [True] * len(self.params), [0.0] * len(self.params))

    def undo(self) -> None:
        self.document.set_frozen(self.params, self.old_frozen, self.old_values)
