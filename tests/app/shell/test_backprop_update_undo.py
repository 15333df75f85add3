"""The backprop panel's update step is an edit like any other: Ctrl+Z takes it back exactly, Ctrl+Shift+Z
puts it in again, and it reaches a running training through the document."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def parameters(window) -> list[np.ndarray]:
    return [p.copy() for p in window.document.network.parameters()]


def assert_same(a: list[np.ndarray], b: list[np.ndarray]) -> None:
    assert len(a) == len(b)
    for x, y in zip(a, b):
        np.testing.assert_array_equal(x, y)


def test_the_backprop_update_is_undone_and_redone_exactly(qtbot, window):
    panel = window.backprop
    window.backprop_dock.show()
    window.backprop_dock.raise_()
    window.activateWindow()
    panel.setFocus()
    before = parameters(window)
    with qtbot.waitSignal(window.document.weightsChanged):
        QTest.keyClick(panel, Qt.Key.Key_End)  # to the update step: w ← w − η·∂C/∂w goes into the network
    updated = parameters(window)
    assert any(not np.array_equal(a, b) for a, b in zip(before, updated))
    assert window.undo_action.isEnabled() and "Backpropagation update" in window.undo_action.text()

    QTest.keyClick(panel, Qt.Key.Key_Z, CTRL)
    assert_same(parameters(window), before)
    assert window.redo_action.isEnabled()
    QTest.keyClick(panel, Qt.Key.Key_Z, CTRL | SHIFT)
    assert_same(parameters(window), updated)
    QTest.keyClick(panel, Qt.Key.Key_Z, CTRL)
    assert_same(parameters(window), before)


def test_stepping_back_off_the_update_undoes_it_and_leaves_nothing_to_undo(qtbot, window):
    panel = window.backprop
    window.backprop_dock.show()
    window.backprop_dock.raise_()
    panel.setFocus()
    before = parameters(window)
    QTest.keyClick(panel, Qt.Key.Key_End)
    QTest.keyClick(panel, Qt.Key.Key_Left)  # one step back: the old weights return
    assert_same(parameters(window), before)
    assert not window.undo_action.isEnabled()  # the undone update waits as Redo
    assert window.redo_action.isEnabled()


def test_the_update_made_while_training_is_paused_is_trained_from(qtbot, window):
    window.trainer.update(epochs=50, learning_rate=1e-4)
    with qtbot.waitSignal(window.trainer.epochFinished, timeout=30_000):
        window.train()
    window.trainer.pause()
    qtbot.waitUntil(lambda: window.trainer.state == "paused")
    qtbot.wait(100)  # the last snapshot of the run so far is in the document
    panel = window.backprop
    window.backprop_dock.show()
    window.backprop_dock.raise_()
    panel.restart()  # a pass from the weights trained so far
    panel.setFocus()
    QTest.keyClick(panel, Qt.Key.Key_End)
    updated = window.document.weights_snapshot()
    with qtbot.waitSignal(window.trainer.finished, timeout=30_000):
        window.trainer.stop()  # wakes the paused loop: it takes the edit before it would train again
    for (w, b), layer in zip(updated, window.document.network.layers):
        np.testing.assert_array_equal(layer.weights, w)
        np.testing.assert_array_equal(layer.bias, b)
