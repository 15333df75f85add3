"""The walkthrough's last step as an edit: w ← w − η·∇C goes into the network as one undoable command.

Reaching the update pushes a ``BackpropUpdateCommand`` onto the undo stack,
so Ctrl+Z takes it back exactly and Ctrl+Shift+Z puts it in again, like any
other edit; stepping back off the update undoes it while it is still the
newest edit (after another edit it stays in the history, for Ctrl+Z).

The network stepped through is usually the document's.  One no document
holds (the lecture's example opened beside another data set, a test's own
network) gets a document and an undo stack of its own, so this write too
goes through ``NetworkDocument``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

from nndesk.app.document.editor_commands import BackpropUpdateCommand
from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.document.undo import DocumentUndoStack
from nndesk.app.document.value_edits import Snapshot
from nndesk.engine.core.network import Network
from nndesk.engine.explain.trace import Trace


def snapshot(weights: list, biases: list) -> Snapshot:
    """A trace's weights and biases (float64, or the slides' Decimals) as float64 arrays."""
    return [(np.asarray(w, dtype=np.float64), np.asarray(b, dtype=np.float64)) for w, b in zip(weights, biases)]


class UpdateStep(QObject):
    def __init__(self, document: NetworkDocument | None, undo_stack: QUndoStack | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        if undo_stack is None and document is not None:
            undo_stack = DocumentUndoStack(document, self)
        self.undo_stack = undo_stack
        self._own: tuple[NetworkDocument, QUndoStack] | None = None  # for a network no document holds
        self._pushed: tuple[BackpropUpdateCommand, QUndoStack] | None = None

    def _target(self, network: Network) -> tuple[NetworkDocument, QUndoStack]:
        if self.document is not None and self.document.network is network:
            return self.document, self.undo_stack
        if self._own is None or self._own[0].network is not network:
            if self._own is not None:
                self._own[0].deleteLater()  # its stack and commands go with it
            own = NetworkDocument(network, parent=self)  # Qt owns both: no Python cycle to collect
            self._own = own, DocumentUndoStack(own, own)
        return self._own

    def apply(self, network: Network, trace: Trace) -> None:
        """Write ``trace``'s updated weights (exact, or in the slides' arithmetic) into ``network``."""
        document, stack = self._target(network)
        after = snapshot(trace.new_weights, trace.new_biases)
        command = BackpropUpdateCommand(document, document.weights_snapshot(), after)
        self._pushed = command, stack
        stack.push(command)

    @property
    def applied(self) -> bool:
        """True while this pass's update is in the network and the newest edit on its stack."""
        if self._pushed is None:
            return False
        command, stack = self._pushed
        return stack.index() > 0 and stack.command(stack.index() - 1) is command

    def withdraw(self) -> None:
        """Stepping back off the update: undo it if it is still the newest edit."""
        if self.applied:
            self._pushed[1].undo()
        self._pushed = None

    def forget(self) -> None:
        """A new pass starts: the update made so far stays in the network and in the undo history."""
        self._pushed = None
