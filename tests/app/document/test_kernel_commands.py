"""Kernel weight and filter bias edits: undoable, merged while typed, and the same change for a trained copy."""

import pytest
from PySide6.QtGui import QUndoStack

from nndesk.app.document.kernel_commands import SetFilterBiasCommand, SetKernelWeightCommand
from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.document.undo import EditKind
from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec


def _net(seed: int = 0) -> ConvNet:
    return ConvNet.create((2, 12, 12), [ConvSpec(3, 4), PoolSpec(2), ConvSpec(3, 5)], [8], 3, seed=seed)


def test_a_kernel_weight_edit_reaches_the_trained_copy_and_undoes_exactly():
    doc, stack = NetworkDocument(_net()), QUndoStack()
    trained = _net(seed=1)  # the copy a running training holds: other weights, same shapes
    doc.valuesEdited.connect(lambda edit: edit(trained))
    old = float(doc.network.layers[2].kernels[3, 1, 0, 2])
    stack.push(SetKernelWeightCommand(doc, 2, 3, 1, 0, 2, 0.25))
    assert stack.command(0).kind is EditKind.VALUES  # a running training takes it before its next batch
    assert doc.network.layers[2].kernels[3, 1, 0, 2] == pytest.approx(0.25)
    assert trained.layers[2].kernels[3, 1, 0, 2] == pytest.approx(0.25)
    assert doc.network.layers[2].params[(0 * 3 + 2) * 4 + 1, 3] == pytest.approx(0.25)  # [W | b]ᵀ is what trains
    stack.undo()
    assert doc.network.layers[2].kernels[3, 1, 0, 2] == pytest.approx(old)
    assert trained.layers[2].kernels[3, 1, 0, 2] == pytest.approx(old)
    assert doc.is_modified()


def test_successive_edits_of_one_weight_are_one_undo_step_and_others_are_not():
    doc, stack = NetworkDocument(_net()), QUndoStack()
    old = float(doc.network.layers[0].kernels[0, 0, 1, 1])
    for v in (0.1, 0.2, 0.3):
        stack.push(SetKernelWeightCommand(doc, 0, 0, 0, 1, 1, v))
    stack.push(SetKernelWeightCommand(doc, 0, 0, 0, 1, 2, -0.5))
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert doc.network.layers[0].kernels[0, 0, 1, 1] == pytest.approx(old)


def test_a_filter_bias_edit_is_undoable():
    doc, stack = NetworkDocument(_net()), QUndoStack()
    stack.push(SetFilterBiasCommand(doc, 0, 2, 0.7))
    stack.push(SetFilterBiasCommand(doc, 0, 2, 0.8))
    assert stack.count() == 1 and doc.network.layers[0].bias[2] == pytest.approx(0.8)
    stack.undo()
    assert doc.network.layers[0].bias[2] == 0.0
