"""The undo history belongs to the network it edits: replacing the network (another data set, a model
file, Reset, another cost) leaves nothing to undo, and Ctrl+Z then changes nothing in the new one."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QMessageBox, QToolButton

from tests.app.people import LEFT, NONE, answer_next_dialog, pick

CTRL = Qt.KeyboardModifier.ControlModifier


def click_scene(window, scene_pos: QPointF) -> None:
    canvas = window.canvas
    QTest.mouseClick(canvas.viewport(), LEFT, NONE, canvas.mapFromScene(scene_pos))


def undo_key(window) -> None:
    """Ctrl+Z, as the student presses it with the focus on the canvas."""
    window.activateWindow()
    window.canvas.setFocus()
    QTest.keyClick(window.canvas, Qt.Key.Key_Z, CTRL)


def parameters(window) -> list[np.ndarray]:
    return [p.copy() for p in window.document.network.parameters()]


def assert_unchanged(before: list[np.ndarray], window) -> None:
    after = window.document.network.parameters()
    assert len(before) == len(after)
    for a, b in zip(before, after):
        np.testing.assert_array_equal(a, b)


def edit_xor(qtbot, window) -> None:
    """On XOR: "+ layer" on the canvas, then a weight typed into the inspector."""
    pick(window.findChild(QComboBox, "datasetPicker"), "XOR")
    assert window.document.sizes == [2, 8, 8, 2]
    click_scene(window, window.canvas.insert_buttons[2].scenePos())
    qtbot.waitUntil(lambda: window.document.sizes == [2, 8, 8, 8, 2])
    window.inspector_dock.show()
    window.inspector_dock.raise_()
    with qtbot.waitSignal(window.canvas.edgeClicked) as clicked:
        click_scene(window, window.canvas.bundles[0].edge_line(0, 0).center())
    spin = window.inspector.valueSpin
    spin.lineEdit().selectAll()
    QTest.keyClicks(spin.lineEdit(), "7")
    QTest.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    assert window.document.weight(*clicked.args) == 7.0
    assert window.undo_stack.count() == 2 and window.undo_action.isEnabled()


def test_after_switching_the_data_set_undo_is_off_and_ctrl_z_changes_nothing(qtbot, window):
    edit_xor(qtbot, window)
    answer_next_dialog(QMessageBox.StandardButton.Discard)
    pick(window.findChild(QComboBox, "datasetPicker"), "MNIST digits (5,000 bundled)")
    assert window.document.sizes == [784, 800, 10]
    assert not window.undo_action.isEnabled()
    before = parameters(window)
    undo_key(window)  # before: "layer 3 is not a hidden layer" out of undo(), or XOR's w₀₀ in the digits net
    undo_key(window)
    assert_unchanged(before, window)
    assert window.document.sizes == [784, 800, 10]


def test_after_opening_a_model_ctrl_z_changes_nothing(qtbot, window, tmp_path):
    pick(window.findChild(QComboBox, "datasetPicker"), "XOR")
    path = tmp_path / "xor.npz"
    assert window.save_model(path)
    click_scene(window, window.canvas.insert_buttons[1].scenePos())
    qtbot.waitUntil(window.undo_action.isEnabled)
    answer_next_dialog(QMessageBox.StandardButton.Discard)
    assert window.load_model(str(path))  # as the file dialog gives it
    assert window.document.sizes == [2, 8, 8, 2] and not window.undo_action.isEnabled()
    before = parameters(window)
    undo_key(window)
    assert_unchanged(before, window)


def test_after_reset_ctrl_z_changes_nothing(qtbot, window):
    edit_xor(qtbot, window)
    answer_next_dialog(QMessageBox.StandardButton.Discard)  # Reset asks: the edits are not saved
    QTest.mouseClick(window.findChild(QToolButton, "resetButton"), LEFT)
    assert window.document.sizes == [2, 8, 8, 8, 2]  # the architecture stays, the weights are new
    assert not window.undo_action.isEnabled()
    before = parameters(window)
    undo_key(window)
    assert_unchanged(before, window)
    assert window.document.sizes == [2, 8, 8, 8, 2]


def test_after_changing_the_cost_ctrl_z_changes_nothing(qtbot, window):
    edit_xor(qtbot, window)
    pick(window.findChild(QComboBox, "costPicker"), "quadratic ½(t − a)²")
    assert window.document.network.cost.name == "quadratic"
    assert not window.undo_action.isEnabled()
    before = parameters(window)
    undo_key(window)  # before: the old output σ came back under the new cost, or undo() raised
    assert_unchanged(before, window)


def test_undoing_a_layer_under_a_paused_run_leaves_no_stale_edit_behind(qtbot, window):
    pick(window.findChild(QComboBox, "datasetPicker"), "XOR")
    click_scene(window, window.canvas.insert_buttons[2].scenePos())
    qtbot.waitUntil(lambda: window.document.sizes == [2, 8, 8, 8, 2])
    window.trainer.update(epochs=100_000)
    with qtbot.waitSignal(window.trainer.epochFinished, timeout=30_000):
        QTest.mouseClick(window.findChild(QToolButton, "trainButton"), LEFT)
    QTest.mouseClick(window.findChild(QToolButton, "pauseButton"), LEFT)
    window.inspector_dock.show()
    window.inspector_dock.raise_()
    window.inspector.show_edge(2, 1, 3)  # W⁽²⁾ is 8×8 now, and 2×8 once the layer is gone
    spin = window.inspector.valueSpin
    spin.lineEdit().selectAll()
    QTest.keyClicks(spin.lineEdit(), "7")
    QTest.keyClick(spin.lineEdit(), Qt.Key.Key_Return)  # posted to the paused run, not taken yet
    undo_key(window)  # the weight back (posted too)
    undo_key(window)  # the layer goes: the run stops without taking either edit
    assert window.document.sizes == [2, 8, 8, 2]
    after_undo = parameters(window)
    qtbot.waitUntil(lambda: not window.trainer.is_active, timeout=10_000)
    assert_unchanged(after_undo, window)  # nothing meant for the 5-layer network lands in this one
