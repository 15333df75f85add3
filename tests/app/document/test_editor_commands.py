"""Undo/redo of every editor command restores exactly the same arrays; the history is the network's own."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QUndoStack

from nndesk.app.document.editor_commands import (
    AddLayerCommand,
    BackpropUpdateCommand,
    RemoveLayerCommand,
    ResizeLayerCommand,
    SetActivationCommand,
    SetBiasCommand,
    SetWeightCommand,
)
from nndesk.app.document.freeze_commands import FreezeCommand, PruneCommand
from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.document.undo import DocumentUndoStack, EditKind
from nndesk.engine.core.network import Network


@pytest.fixture
def doc(qtbot) -> NetworkDocument:
    return NetworkDocument(Network.create([4, 5, 6, 3], seed=3), "toy", None, seed=4)


def state(doc: NetworkDocument) -> tuple[list[str], list[np.ndarray]]:
    """Activations, then every [W | b] and every freeze mask (an absent mask reads as all False)."""
    acts = [doc.activation_name(L) for L in range(doc.n_layers)]
    masks = [np.zeros(layer.weights.shape, bool) if layer.frozen is None else layer.frozen.copy()
             for layer in doc.network.layers]
    masks += [np.zeros(layer.bias.shape, bool) if layer.frozen_bias is None else layer.frozen_bias.copy()
              for layer in doc.network.layers]
    return acts, [p.copy() for p in doc.network.parameters()] + masks


def assert_same(a, b) -> None:
    assert a[0] == b[0] and len(a[1]) == len(b[1])
    for x, y in zip(a[1], b[1]):
        np.testing.assert_array_equal(x, y)


@pytest.mark.parametrize("make", [
    lambda d: AddLayerCommand(d, 2, 3, "tanh"),
    lambda d: AddLayerCommand(d, 3, 8, "relu"),
    lambda d: RemoveLayerCommand(d, 1),
    lambda d: RemoveLayerCommand(d, 2),
    lambda d: ResizeLayerCommand(d, 1, 2),
    lambda d: ResizeLayerCommand(d, 2, 9),
    lambda d: SetActivationCommand(d, 2, "leaky-relu"),
    lambda d: SetWeightCommand(d, 1, 4, 2, -3.25),
    lambda d: SetBiasCommand(d, 2, 0, 1.5),
    lambda d: FreezeCommand(d, [(0, 1, 2), (2, 0, None)], True),
    lambda d: PruneCommand(d, [(1, 3, 4), (1, 3, None)]),
    lambda d: BackpropUpdateCommand(d, d.weights_snapshot(), [(w - 0.125, b + 0.5) for w, b in d.weights_snapshot()]),
], ids=["add-mid", "add-last", "remove-first", "remove-last", "shrink", "grow", "activation", "weight", "bias",
        "freeze", "prune", "backprop-update"])
def test_undo_redo_restores_exact_arrays(doc: NetworkDocument, make) -> None:
    stack = QUndoStack()
    original = state(doc)
    stack.push(make(doc))
    edited = state(doc)
    assert edited[0] != original[0] or any(
        x.shape != y.shape or not np.array_equal(x, y) for x, y in zip(edited[1], original[1]))
    for _ in range(2):
        stack.undo()
        assert_same(state(doc), original)
        stack.redo()
        assert_same(state(doc), edited)


def test_undo_remove_layer_restores_neighbour_matrices(doc: NetworkDocument) -> None:
    stack = QUndoStack()
    into, out = doc.touching(2)
    stack.push(RemoveLayerCommand(doc, 2))
    assert doc.sizes == [4, 5, 3]
    stack.undo()
    np.testing.assert_array_equal(doc.network.layers[1].weights, into.weights)
    np.testing.assert_array_equal(doc.network.layers[2].weights, out.weights)


def test_weight_edits_of_one_weight_merge(doc: NetworkDocument) -> None:
    stack = QUndoStack()
    old = doc.weight(0, 1, 1)
    for v in (0.1, 0.2, 0.3):
        stack.push(SetWeightCommand(doc, 0, 1, 1, v))
    assert stack.count() == 1 and doc.weight(0, 1, 1) == pytest.approx(0.3)
    stack.undo()
    assert doc.weight(0, 1, 1) == old


def test_each_command_says_whether_it_changes_the_architecture(doc: NetworkDocument) -> None:
    architecture = [AddLayerCommand(doc, 1, 2, "relu"), RemoveLayerCommand(doc, 1), ResizeLayerCommand(doc, 1, 2),
                    SetActivationCommand(doc, 1, "tanh")]
    values = [SetWeightCommand(doc, 0, 0, 0, 1.0), SetBiasCommand(doc, 0, 0, 1.0),
              FreezeCommand(doc, [(0, 0, 0)], True), PruneCommand(doc, [(0, 0, 0)]), BackpropUpdateCommand(doc, [], [])]
    assert all(c.kind is EditKind.ARCHITECTURE for c in architecture)
    assert all(c.kind is EditKind.VALUES for c in values)


def test_the_history_goes_with_the_network_it_edits(doc: NetworkDocument) -> None:
    stack = DocumentUndoStack(doc)
    stack.push(AddLayerCommand(doc, 3, 2, "relu"))
    stack.push(SetWeightCommand(doc, 0, 0, 0, 9.0))
    assert stack.canUndo()
    doc.set_network(Network.create([4, 5, 3], seed=8))
    assert stack.count() == 0 and not stack.canUndo() and not stack.canRedo()
    before = [p.copy() for p in doc.network.parameters()]
    stack.undo()  # nothing to undo: the new network stays exactly as it is
    for a, b in zip(before, doc.network.parameters()):
        np.testing.assert_array_equal(a, b)
