"""Editing one number of a convolution: a kernel weight w[f, c, i, j] or a filter's bias b[f].

Like ``SetWeightCommand`` for dense layers: each edit is a value edit, a
function ``edit(network)`` that closes over plain numbers only, so the
document runs it on its network and hands the same function to a running
training (``valuesEdited``), which makes the same change to its copy before
its next batch.  ``l`` is the index into ``network.layers`` of the
``Conv2D`` (the canvas's feature layer L = l + 1).  Successive edits of one
number merge into one undo step, as a dragged spin box makes many.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.document.undo import DocumentCommand, EditKind
from nndesk.app.document.value_edits import Edit

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls

KernelIndex = tuple[int, int, int, int, int]  # (l, f, c, i, j)


def set_kernel_weight(l: int, f: int, c: int, i: int, j: int, value: float) -> Edit:
    """w ← value at row i, column j of filter f's kernel over input map c of layer l."""
    index, v = (int(f), int(c), int(i), int(j)), float(value)

    def edit(network) -> None:
        network.layers[l].kernels[index] = v  # a view into the layer's [W | b]ᵀ
    return edit


def set_filter_bias(l: int, f: int, value: float) -> Edit:
    """b ← value for filter f of layer l."""
    v = float(value)

    def edit(network) -> None:
        network.layers[l].bias[f] = v
    return edit


class SetKernelWeightCommand(DocumentCommand):
    """w[f, c, i, j] of convolution ``network.layers[l]``; merges successive edits of the same weight."""

    ID = 1003
    kind = EditKind.VALUES

    def __init__(self, document: NetworkDocument, l: int, f: int, c: int, i: int, j: int, value: float) -> None:
        super().__init__(translate("KernelCommands", "Change kernel weight"), document)
        self.key: KernelIndex = (l, f, c, i, j)
        self.new = float(value)
        self.old = float(document.network.layers[l].kernels[f, c, i, j])

    def id(self) -> int:
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetKernelWeightCommand) or other.key != self.key:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.document.edit_values(set_kernel_weight(*self.key, self.new))

    def undo(self) -> None:
        self.document.edit_values(set_kernel_weight(*self.key, self.old))


class SetFilterBiasCommand(DocumentCommand):
    """b[f] of convolution ``network.layers[l]``; merges like ``SetKernelWeightCommand``."""

    ID = 1004
    kind = EditKind.VALUES

    def __init__(self, document: NetworkDocument, l: int, f: int, value: float) -> None:
        super().__init__(translate("KernelCommands", "Change filter bias"), document)
        self.key = (l, f)
        self.new = float(value)
        self.old = float(document.network.layers[l].bias[f])

    def id(self) -> int:
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetFilterBiasCommand) or other.key != self.key:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.document.edit_values(set_filter_bias(*self.key, self.new))

    def undo(self) -> None:
        self.document.edit_values(set_filter_bias(*self.key, self.old))
