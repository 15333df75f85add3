"""Every edit of the network as a small ``QUndoCommand`` (the Orange canvas pattern).

A command stores what both directions need and calls ``NetworkDocument``
methods only; views follow the document's signals, so commands never touch
the scene.  Matrices created at random on the first ``redo`` are recorded
then, so undo → redo gives back exactly the same arrays.  Each class says
what ``EditKind`` it is: structure edits stop a running training, value
edits reach it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from nndesk.app.document.network_document import NetworkDocument, Touching
from nndesk.app.document.undo import DocumentCommand, EditKind
from nndesk.app.document.value_edits import Snapshot
from nndesk.engine.core.layers import Dense

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls


class AddLayerCommand(DocumentCommand):
    """Insert a hidden layer as a⁽ᴸ⁾; undo puts back the matrix it split."""

    kind = EditKind.ARCHITECTURE

    def __init__(self, document: NetworkDocument, L: int, n_neurons: int, activation: str) -> None:
        super().__init__(translate("EditorCommands", "Add hidden layer"), document)
        self.L, self.n, self.activation = L, n_neurons, activation
        self._split: Dense | None = None
        self._params: Touching | None = None

    def redo(self) -> None:
        self._split = self.document.dense(self.L - 1)
        self.document.insert_layer(self.L, self.n, self.activation, self._params)
        self._params = self.document.touching(self.L)

    def undo(self) -> None:
        self.document.remove_layer(self.L, merged=self._split)


class RemoveLayerCommand(DocumentCommand):
    """Remove hidden layer L; undo restores its matrices and the one that replaced them goes."""

    kind = EditKind.ARCHITECTURE

    def __init__(self, document: NetworkDocument, L: int) -> None:
        super().__init__(translate("EditorCommands", "Remove hidden layer"), document)
        self.L = L
        self._removed: Touching | None = None
        self._merged: Dense | None = None

    def redo(self) -> None:
        self._removed = self.document.remove_layer(self.L, merged=self._merged)
        self._merged = self.document.dense(self.L - 1)

    def undo(self) -> None:
        into = self._removed[0]
        self.document.insert_layer(self.L, into.n_out, into.activation.name, self._removed)


class ResizeLayerCommand(DocumentCommand):
    """Change the neuron count of hidden layer L (the two touching matrices are kept whole for undo)."""

    kind = EditKind.ARCHITECTURE

    def __init__(self, document: NetworkDocument, L: int, n_neurons: int) -> None:
        super().__init__(translate("EditorCommands", "Change neuron count"), document)
        self.L, self.n = L, n_neurons
        self._old = document.touching(L)
        self._new: Touching | None = None

    def redo(self) -> None:
        self.document.set_layer_size(self.L, self.n, self._new)
        self._new = self.document.touching(self.L)

    def undo(self) -> None:
        self.document.set_layer_size(self.L, self._old[0].n_out, self._old)


class SetActivationCommand(DocumentCommand):
    """σ of layer L (the weights stay)."""

    kind = EditKind.ARCHITECTURE

    def __init__(self, document: NetworkDocument, L: int, name: str) -> None:
        super().__init__(translate("EditorCommands", "Change activation function"), document)
        self.L, self.new = L, name
        self.old = document.activation_name(L)

    def redo(self) -> None:
        self.document.set_activation(self.L, self.new)

    def undo(self) -> None:
        self.document.set_activation(self.L, self.old)


class SetWeightCommand(DocumentCommand):
    """w_kj of W⁽ˡ⁾; successive edits of one weight merge into one undo step (a dragged spin box)."""

    ID = 1001

    def __init__(self, document: NetworkDocument, l: int, k: int, j: int, value: float) -> None:
        super().__init__(translate("EditorCommands", "Change weight"), document)
        self.key, self.new = (l, k, j), float(value)
        self.old = document.weight(l, k, j)

    def id(self) -> int:
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetWeightCommand) or other.key != self.key:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.document.set_weight(*self.key, self.new)

    def undo(self) -> None:
        self.document.set_weight(*self.key, self.old)


class SetBiasCommand(DocumentCommand):
    """b_k of neuron k in a⁽ˡ⁺¹⁾; merges like ``SetWeightCommand``."""

    ID = 1002

    def __init__(self, document: NetworkDocument, l: int, k: int, value: float) -> None:
        super().__init__(translate("EditorCommands", "Change bias"), document)
        self.key, self.new = (l, k), float(value)
        self.old = document.bias(l, k)

    def id(self) -> int:
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetBiasCommand) or other.key != self.key:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.document.set_bias(*self.key, self.new)

    def undo(self) -> None:
        self.document.set_bias(*self.key, self.old)


class BackpropUpdateCommand(DocumentCommand):
    """The backprop panel's last step, w ← w − η·∇C for every weight and bias at once, undone exactly."""

    def __init__(self, document: NetworkDocument, before: Snapshot, after: Snapshot) -> None:
        super().__init__(translate("EditorCommands", "Backpropagation update"), document)
        self.before, self.after = before, after

    def redo(self) -> None:
        self.document.set_values(self.after)

    def undo(self) -> None:
        self.document.set_values(self.before)
