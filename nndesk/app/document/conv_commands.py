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

import weakref
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.document.undo import DocumentCommand, EditKind
from nndesk.engine.core import conv_edit
from nndesk.engine.core.conv import Conv2D
from nndesk.engine.core.convnet import ConvNet
from nndesk.engine.core.layers import Dense
from nndesk.engine.core.network import Network

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls

Net = Network | ConvNet
Edit = Callable[..., Net]  # (old network (not changed), rng, check_only=False) → the new one (None: checked)


class ConvEditCommand(DocumentCommand):
    """One structure edit of the feature layers; undo puts back the network as it was, arrays and all.

    The stored networks are never changed (the document only ever gets copies), so they may share
    arrays: a run of edits without training in between stores each network once, not twice (the
    previous edit's result is this one's start), and dense layers an edit kept are the old ones.
    Edits with the same ``merge_key`` (one layer's filter count) made one right after the other,
    nothing trained or edited between them, merge into one undo step, as a dragged weight's spin
    box does: after ten "+ filter" clicks on the digits network made a CNN (8×24×24 maps into 800
    neurons) the history holds three networks, not twelve: 51 MB, not 266 (bench_conv_edit.py).
    """

    kind = EditKind.ARCHITECTURE
    ID = 1101
    _recent: list[weakref.ref] = []  # the last command's stored networks: the next one may start from one

    def __init__(self, document: NetworkDocument, text: str, edit: Edit, seed: int | None = None,
                 merge_key: tuple | None = None) -> None:
        super().__init__(text, document)
        self.edit, self.seed, self.merge_key = edit, seed, merge_key
        self.old: Net | None = None
        self.new: Net | None = None

    def id(self) -> int:
        return self.ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Take ``other``'s result if it is the same kind of edit and started from this one's result."""
        if not isinstance(other, ConvEditCommand) or other.merge_key != self.merge_key or other.old is not self.new:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        if self.new is None:  # the first time: from the network as it is now (a stopped run's last weights)
            now = self.document.network
            self.old = next((net for net in (ref() for ref in self._recent) if net is not None and _equal(net, now)),
                            None) or now.copy()
            self.new = _share(self.edit(self.old, np.random.default_rng(self.seed)), self.old)
            ConvEditCommand._recent = [weakref.ref(self.old), weakref.ref(self.new)]
        self.document.set_structure(self.new.copy())

    def undo(self) -> None:
        self.document.set_structure(self.old.copy())


def _dense(net: Net) -> list[Dense]:
    return net.head.layers if isinstance(net, ConvNet) else net.layers


def _same_dense(a: Dense, b: Dense) -> bool:
    return a.activation.name == b.activation.name and np.array_equal(a.params, b.params) and all(
        (x is None and y is None) or (x is not None and y is not None and np.array_equal(x, y))
        for x, y in ((a.frozen, b.frozen), (a.frozen_bias, b.frozen_bias)))


def _equal(a: Net, b: Net) -> bool:
    """The same network: layers, σ, cost, every number and freeze mask."""
    def convs(net: Net) -> list[Conv2D]:
        return [f for f in net.features if isinstance(f, Conv2D)] if isinstance(net, ConvNet) else []

    def sigmas(net: Net) -> list[str]:
        return [layer.activation.name for layer in net.layers if hasattr(layer, "activation")]

    if type(a) is not type(b) or a.cost.name != b.cost.name or sigmas(a) != sigmas(b) or a.sizes != b.sizes:
        return False
    if isinstance(a, ConvNet) and a.architecture != b.architecture:
        return False
    return all(np.array_equal(x.params, y.params) for x, y in zip(convs(a), convs(b))) and all(
        x.params.shape == y.params.shape and _same_dense(x, y) for x, y in zip(_dense(a), _dense(b)))


def _share(new: Net, old: Net) -> Net:
    """``new`` with each dense layer the edit kept replaced by ``old``'s very layer (one array, not two)."""
    layers = _dense(new)
    if len(layers) == len(_dense(old)):
        for i, (n, o) in enumerate(zip(layers, _dense(old))):
            if n.params.shape == o.params.shape and _same_dense(n, o):
                layers[i] = o
    return new


def _checked(document: NetworkDocument, text: str, edit: Edit, seed: int | None,
             merge_key: tuple | None = None) -> ConvEditCommand:
    """The command, once ``edit`` is known to work on the document's network (else its ``Refusal``)."""
    edit(document.network, np.random.default_rng(seed), check_only=True)
    return ConvEditCommand(document, text, edit, seed, merge_key)


def add_conv(document: NetworkDocument, position: int, k: int = 5, filters: int = 8,
             seed: int | None = None) -> ConvEditCommand:
    shape = document.input_shape
    return _checked(document, translate("ConvCommands", "Add convolution"),
                    lambda net, rng, **check: conv_edit.with_conv(net, position, k, filters, rng, shape, **check), seed)


def add_pool(document: NetworkDocument, position: int, size: int = 2, seed: int | None = None) -> ConvEditCommand:
    shape = document.input_shape
    return _checked(document, translate("ConvCommands", "Add pooling"),
                    lambda net, rng, **check: conv_edit.with_pool(net, position, size, rng, shape, **check), seed)


def remove_feature(document: NetworkDocument, position: int, seed: int | None = None) -> ConvEditCommand:
    return _checked(document, translate("ConvCommands", "Remove layer"),
                    lambda net, rng, **check: conv_edit.without_feature(net, position, rng, **check), seed)


def set_filters(document: NetworkDocument, position: int, filters: int, seed: int | None = None) -> ConvEditCommand:
    return _checked(document, translate("ConvCommands", "Change filter count"),
                    lambda net, rng, **check: conv_edit.with_filters(net, position, filters, rng, **check), seed,
                    ("filters", position))


def set_kernel_size(document: NetworkDocument, position: int, k: int, seed: int | None = None) -> ConvEditCommand:
    return _checked(document, translate("ConvCommands", "Change kernel size"),
                    lambda net, rng, **check: conv_edit.with_kernel_size(net, position, k, rng, **check), seed)


def set_pool_size(document: NetworkDocument, position: int, size: int, seed: int | None = None) -> ConvEditCommand:
    return _checked(document, translate("ConvCommands", "Change pooling size"),
                    lambda net, rng, **check: conv_edit.with_pool_size(net, position, size, rng, **check), seed)
