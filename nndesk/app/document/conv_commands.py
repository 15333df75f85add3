"""Convolution edits as undo commands: the whole network before and after, swapped by ``set_structure``.

A conv edit can touch several layers at once (the next convolution's
channels, the first dense layer), so the command keeps both networks whole
rather than the matrices it changed.  The new network is made on the first
``redo`` from the document's network *then*, not when the command was built:
if a training was running, the window's guard stops it before ``push`` calls
``redo``, and the weights it learned until then are what the edit keeps (as
the guard's question promises).  Its fresh kernels are drawn once then, so
undo → redo gives back exactly the same arrays.  The document gets copies,
so training the shown network never changes what undo restores.

Build commands with the functions below; each checks first with
``conv_edit`` and raises its ``Refusal`` before anything is pushed, because a
refused edit must not land on the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication

from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.document.undo import DocumentCommand, EditKind
from nndesk.engine.core import conv_edit
from nndesk.engine.core.convnet import ConvNet
from nndesk.engine.core.network import Network

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls

Net = Network | ConvNet
Edit = Callable[[Net, np.random.Generator], Net]  # the old network (not changed) → the new one


class ConvEditCommand(DocumentCommand):
    """One structure edit of the feature layers; undo puts back the network as it was, arrays and all."""

    kind = EditKind.ARCHITECTURE

    def __init__(self, document: NetworkDocument, text: str, edit: Edit, seed: int | None = None) -> None:
        super().__init__(text, document)
        self.edit, self.seed = edit, seed
        self.old: Net | None = None
        self.new: Net | None = None

    def redo(self) -> None:
        if self.new is None:  # the first time: from the network as it is now (a stopped run's last weights)
            self.old = self.document.network.copy()
            self.new = self.edit(self.old, np.random.default_rng(self.seed))
        self.document.set_structure(self.new.copy())

    def undo(self) -> None:
        self.document.set_structure(self.old.copy())


def _checked(document: NetworkDocument, text: str, edit: Edit, seed: int | None) -> ConvEditCommand:
    """The command, once ``edit`` is known to work on the document's network (else its ``Refusal``)."""
    edit(document.network, np.random.default_rng(seed))
    return ConvEditCommand(document, text, edit, seed)


def add_conv(document: NetworkDocument, position: int, k: int = 5, filters: int = 8,
             seed: int | None = None) -> ConvEditCommand:
    shape = document.input_shape
    return _checked(document, translate("ConvCommands", "Add convolution"),
                    lambda net, rng: conv_edit.with_conv(net, position, k, filters, rng, input_shape=shape), seed)


def add_pool(document: NetworkDocument, position: int, size: int = 2, seed: int | None = None) -> ConvEditCommand:
    shape = document.input_shape
    return _checked(document, translate("ConvCommands", "Add pooling"),
                    lambda net, rng: conv_edit.with_pool(net, position, size, rng, input_shape=shape), seed)


def remove_feature(document: NetworkDocument, position: int, seed: int | None = None) -> ConvEditCommand:
    return _checked(document, translate("ConvCommands", "Remove layer"),
                    lambda net, rng: conv_edit.without_feature(net, position, rng), seed)


def set_filters(document: NetworkDocument, position: int, filters: int, seed: int | None = None) -> ConvEditCommand:
    return _checked(document, translate("ConvCommands", "Change filter count"),
                    lambda net, rng: conv_edit.with_filters(net, position, filters, rng), seed)


def set_kernel_size(document: NetworkDocument, position: int, k: int, seed: int | None = None) -> ConvEditCommand:
    return _checked(document, translate("ConvCommands", "Change kernel size"),
                    lambda net, rng: conv_edit.with_kernel_size(net, position, k, rng), seed)
