"""What the canvas's layer buttons and context menu do: push undo commands.

Kept apart from the view so the same actions serve the ＋/−/× buttons, the
context menu and (later) keyboard shortcuts.  Every edit is a command on
the shared ``QUndoStack``; nothing here touches the scene.
"""

from __future__ import annotations

import math
from functools import partial

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCursor, QUndoStack
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from nndesk.app.document.editor_commands import (
    AddLayerCommand,
    RemoveLayerCommand,
    ResizeLayerCommand,
    SetActivationCommand,
)
from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.style.colors import sup
from nndesk.engine.core.activations import HIDDEN_ACTIVATIONS

MAX_NEURONS = 4096


class LayerEditor(QObject):
    def __init__(self, document: NetworkDocument, undo_stack: QUndoStack, parent: QWidget) -> None:
        super().__init__(parent)
        self.document, self.undo_stack, self.widget = document, undo_stack, parent

    def connect_column(self, col) -> None:
        """A hidden column's −, +, × and σ ▾ buttons (a ``LayerColumn``) do these edits.

        Deferred: an edit rebuilds the scene, which must not delete the button inside its own click.
        """
        L = col.L
        later = lambda f: lambda: QTimer.singleShot(0, f)  # noqa: E731
        col.plus_button.clicked.connect(later(lambda: self.step_size(L, +1, col.plus_button.modifiers)))
        col.minus_button.clicked.connect(later(lambda: self.step_size(L, -1, col.minus_button.modifiers)))
        col.remove_button.clicked.connect(later(partial(self.remove_layer, L)))
        col.activation_button.clicked.connect(later(lambda: _popup(self.activation_menu(L))))

    def insert_layer(self, L: int) -> None:
        """A new hidden layer as a⁽ᴸ⁾, sized between its neighbours, with a neighbour's σ."""
        sizes = self.document.sizes
        n = max(3, min(32, round(math.sqrt(sizes[L - 1] * sizes[L]))))
        neighbours = [L - 1, L] if L < len(sizes) - 1 else [L - 1]
        hidden = [self.document.activation_name(i) for i in neighbours if self.document.is_hidden(i)]
        self.undo_stack.push(AddLayerCommand(self.document, L, n, hidden[0] if hidden else "sigmoid"))

    def remove_layer(self, L: int) -> None:
        self.undo_stack.push(RemoveLayerCommand(self.document, L))

    def set_size(self, L: int, n: int) -> None:
        n = max(1, min(MAX_NEURONS, n))
        if n != self.document.sizes[L]:
            self.undo_stack.push(ResizeLayerCommand(self.document, L, n))

    def step_size(self, L: int, sign: int, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """±1 neuron; with Shift, twice or half as many."""
        n = self.document.sizes[L]
        if modifiers & Qt.KeyboardModifier.ShiftModifier:
            self.set_size(L, n * 2 if sign > 0 else n // 2)
        else:
            self.set_size(L, n + sign)

    def ask_size(self, L: int) -> None:
        n, ok = QInputDialog.getInt(self.widget, self.tr("Neurons"),
                                    self.tr("Neurons in hidden layer a{0}:").format(sup(L)),
                                    self.document.sizes[L], 1, MAX_NEURONS)
        if ok:
            self.set_size(L, n)

    def set_activation(self, L: int, name: str) -> None:
        if name != self.document.activation_name(L):
            self.undo_stack.push(SetActivationCommand(self.document, L, name))

    def activation_menu(self, L: int, parent: QWidget | None = None) -> QMenu:
        menu = QMenu(self.tr("Activation function"), parent or self.widget)
        current = self.document.activation_name(L)
        for name in HIDDEN_ACTIVATIONS:
            action = QAction(name, menu, checkable=True, checked=name == current)
            action.triggered.connect(lambda _=False, n=name: self.set_activation(L, n))
            menu.addAction(action)
        return menu

    def context_menu(self, L: int) -> QMenu:
        """Everything one can do to layer L (input and output only gain neighbours)."""
        menu = QMenu(self.widget)
        doc = self.document
        if doc.is_hidden(L):
            menu.addAction(self.tr("Neurons…"), lambda: self.ask_size(L))
            menu.addMenu(self.activation_menu(L, menu))
            menu.addSeparator()
        if L > 0:
            menu.addAction(self.tr("Insert hidden layer before"), lambda: self.insert_layer(L))
        if L < doc.n_layers - 1:
            menu.addAction(self.tr("Insert hidden layer after"), lambda: self.insert_layer(L + 1))
        if doc.is_hidden(L):
            menu.addSeparator()
            menu.addAction(self.tr("Remove this hidden layer"), lambda: self.remove_layer(L))
        return menu


def _popup(menu: QMenu) -> None:
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    menu.popup(QCursor.pos())
