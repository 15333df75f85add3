"""The bundled digits open ready-trained: the badge says so, the cost plot shows how it was trained,
Reset (without asking: the shipped weights are nobody's unsaved work) and Train make it the student's own,
and a file that can't serve gives random weights and a note instead of a crash."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QToolButton

from nndesk.app.shell.main_window import MainWindow, recipe_for
from nndesk.engine.runs import pretrained
from tests.app.people import LEFT, pick


def weights(window) -> list[np.ndarray]:
    return [p.copy() for p in window.document.network.parameters()]


def shipped() -> list[np.ndarray]:
    return [p.copy() for p in pretrained.ready_trained(recipe_for("mnist-bundled")).network.parameters()]


def click(window, name: str) -> list[str]:
    """Click a training button; returns the questions it asked (each answered Cancel), so a test fails
    instead of hanging when one comes."""
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            asked.append(box.text())
            box.button(QMessageBox.StandardButton.Cancel).click()
    QTimer.singleShot(0, answer)
    QTest.mouseClick(window.findChild(QToolButton, name), LEFT)
    QApplication.processEvents()
    return asked


def test_a_fresh_start_is_ready_trained_with_its_history(window) -> None:
    badge = window.ready_badge
    assert badge.isVisible() and badge.is_ready_trained()
    assert "Ready-trained" in badge.label.text() and "98" in badge.label.text()
    assert all(np.array_equal(a, b) for a, b in zip(weights(window), shipped()))
    assert len(window.trainer.history) == 400 and len(window.loss_plot.epochs.column(0)) == 400
    assert not window.document.is_modified() and not window.isWindowModified()


def test_reset_gives_random_weights_without_asking(window) -> None:
    before = weights(window)
    assert click(window, "resetButton") == []  # ready-trained weights are not unsaved work
    assert not any(np.array_equal(a, b) for a, b in zip(weights(window), before))
    assert not window.ready_badge.isVisible() and window.trainer.history == []
    assert not window.document.is_modified()


def test_picking_the_digits_again_brings_the_ready_trained_network_back(window) -> None:
    picker = window.findChild(QComboBox, "datasetPicker")
    pick(picker, "XOR")
    assert window.recipe.dataset == "xor" and not window.ready_badge.isVisible()
    pick(picker, "MNIST digits (5,000 bundled)")
    assert window.recipe.dataset == "mnist-bundled" and window.ready_badge.is_ready_trained()
    assert all(np.array_equal(a, b) for a, b in zip(weights(window), shipped()))


def test_training_makes_it_the_students_own(window, qtbot) -> None:
    click(window, "stepButton")
    qtbot.waitUntil(lambda: not window.ready_badge.isVisible(), timeout=5000)
    window.stop_and_wait()


def test_a_damaged_file_starts_from_random_weights_and_says_why(qtbot, tmp_path, monkeypatch) -> None:
    damaged = tmp_path / "digits-pretrained.npz"
    damaged.write_bytes(b"PK\x03\x04 not really a zip")
    monkeypatch.setattr(pretrained, "shipped_path", lambda: damaged)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    badge = window.ready_badge
    assert badge.isVisible() and not badge.is_ready_trained()
    assert "Random weights" in badge.label.text() and "digits-pretrained.npz" in badge.label.text()
    assert window.trainer.history == [] and window.document.sizes == [784, 800, 10]
    window.close()
