"""The undo history of one network: what kind each edit is, and a stack that forgets a replaced network.

Every command remembers indices and arrays of the network it was made on.
When the document gets another network (a data set, a model file, Reset,
another cost), those commands would write into a network they never saw, so
``DocumentUndoStack`` clears itself on the document's ``networkReplaced``,
whichever code replaced it, and Undo is disabled until the next edit.

``EditKind`` says what a command does to a running training, so the window's
guard decides by the kind a command declares, not by its class name.
"""

from __future__ import annotations

from enum import Enum
from typing import ClassVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from nndesk.app.document.network_document import NetworkDocument


class EditKind(Enum):
    VALUES = "values"  # weights, biases, freeze masks: a running training takes them before its next batch
    ARCHITECTURE = "architecture"  # layers, sizes, activations: a running training has to stop first
    DATA = "data"  # the points of a 2-D set (point_commands): a run keeps the points it started with


class DocumentCommand(QUndoCommand):
    """An undoable edit of a ``NetworkDocument``: ``redo``/``undo`` call document methods only."""

    kind: ClassVar[EditKind] = EditKind.VALUES

    def __init__(self, text: str, document: NetworkDocument) -> None:
        super().__init__(text)
        self.document = document


class DocumentUndoStack(QUndoStack):
    """The undo history of ``document``'s current network; cleared when the network is replaced."""

    def __init__(self, document: NetworkDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        document.networkReplaced.connect(self.clear)
