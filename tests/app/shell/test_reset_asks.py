"""Reset replaces the weights: with unsaved training it asks first (Save / Discard / Cancel, as closing does)
and it never pretends the result is saved."""

from __future__ import annotations

import numpy as np
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QMessageBox, QToolButton

from nndesk.engine.runs.model_io import load_model
from tests.app.people import LEFT, answer_next_dialog, pick

Button = QMessageBox.StandardButton


def parameters(window) -> list[np.ndarray]:
    return [p.copy() for p in window.document.network.parameters()]


def same(a: list[np.ndarray], b: list[np.ndarray]) -> bool:
    return len(a) == len(b) and all(np.array_equal(x, y) for x, y in zip(a, b))


def train_xor(qtbot, window, epochs: int = 20) -> None:
    window.trainer.update(epochs=epochs)
    with qtbot.waitSignal(window.trainer.finished, timeout=30_000):
        QTest.mouseClick(window.findChild(QToolButton, "trainButton"), LEFT)


def reset(window) -> None:
    QTest.mouseClick(window.findChild(QToolButton, "resetButton"), LEFT)


def test_reset_after_training_asks_and_cancel_keeps_everything(qtbot, window):
    pick(window.findChild(QComboBox, "datasetPicker"), "XOR")
    train_xor(qtbot, window)
    trained, history = parameters(window), len(window.trainer.history)
    assert window.isWindowModified() and history == 20

    answer_next_dialog(Button.Cancel)
    reset(window)
    assert same(parameters(window), trained) and len(window.trainer.history) == history
    assert window.isWindowModified()

    answer_next_dialog(Button.Discard)
    reset(window)
    assert not same(parameters(window), trained) and window.trainer.history == []
    assert window.isWindowModified()  # before: Reset cleared the flag, and closing lost the work unasked


def test_reset_can_save_the_trained_network_first(qtbot, window, tmp_path):
    pick(window.findChild(QComboBox, "datasetPicker"), "XOR")
    path = tmp_path / "xor.npz"
    assert window.save_model(str(path))
    train_xor(qtbot, window)
    trained = parameters(window)
    answer_next_dialog(Button.Save)  # saved to the open file, then reset
    reset(window)
    saved = load_model(str(path)).network
    assert same([p.copy() for p in saved.parameters()], trained)
    assert not same(parameters(window), trained)
    assert window.isWindowModified()  # the window no longer shows what the file holds


def test_reset_of_an_untouched_network_does_not_ask(qtbot, window):
    pick(window.findChild(QComboBox, "datasetPicker"), "XOR")
    before = parameters(window)
    assert not window.isWindowModified()
    reset(window)  # a question here would never be answered: the test would time out
    assert not same(parameters(window), before) and not window.isWindowModified()
