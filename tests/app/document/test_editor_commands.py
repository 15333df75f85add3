"""Undo/redo of every editor command restores exactly the same arrays."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QUndoStack

from nndesk.app.document.editor_commands import (
    AddLayerCommand,
    RemoveLayerCommand,
    ResizeLayerCommand,
    SetActivationCommand,
    SetBiasCommand,
    SetWeightCommand,
)
from nndesk.app.document.network_document import NetworkDocument
from nndesk.engine.core.network import Network


@pytest.fixture
def doc(qtbot) -> NetworkDocument:
    return NetworkDocument(Network.create([4, 5, 6, 3], seed=3), "toy", None, seed=4)


def state(doc: NetworkDocument) -> tuple[list[str], list[np.ndarray]]:
    acts = [doc.activation_name(L) for L in range(doc.n_layers)]
    return acts, [p.copy() for p in doc.network.parameters()]


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
], ids=["add-mid", "add-last", "remove-first", "remove-last", "shrink", "grow", "activation", "weight", "bias"])
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
