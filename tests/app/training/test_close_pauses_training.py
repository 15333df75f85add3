"""Closing the window while training asks to save with the run paused; Cancel lets it go on.

The question is about the weights as they are: a run that kept training behind
it would change them (and the epoch count) while the student reads it.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QToolButton

from tests.app.people import LEFT, pick

OBSERVE_MS = 1500  # XOR runs 20 epochs a second: ~30 epochs would go by in this time if the run went on


def test_the_run_is_paused_while_the_close_question_is_up_and_cancel_resumes_it(qtbot, window):
    t = window.trainer
    pick(window.findChild(QComboBox, "datasetPicker"), "XOR")
    t.update(epochs=10_000)
    epochs: list[object] = []
    t.epochFinished.connect(epochs.append)
    QTest.mouseClick(window.findChild(QToolButton, "trainButton"), LEFT)
    qtbot.waitUntil(lambda: len(epochs) >= 3 and window.isWindowModified(), timeout=30_000)

    seen: dict[str, object] = {}

    def while_asking() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, while_asking)
            return
        seen["state"], seen["text"] = t.state, box.text()
        # the batch in flight may still report its epoch: count from a moment after the question came up
        QTimer.singleShot(200, lambda: seen.setdefault("epochs_before", len(epochs)))
        QTimer.singleShot(200 + OBSERVE_MS, lambda: (seen.setdefault("epochs_after", len(epochs)),
                                                       box.button(QMessageBox.StandardButton.Cancel).click()))

    QTimer.singleShot(0, while_asking)
    window.quit_action.trigger()  # File ▸ Quit (its standard shortcut is empty on this platform): asks, modally

    assert seen["text"] == "The network has changes that are not saved. Save them?"
    assert seen["state"] == "paused"
    assert seen["epochs_after"] == seen["epochs_before"]  # nothing trained while the question was up
    assert window.isVisible() and t.state == "running"  # Cancel: the window stays, the run goes on
    n = len(epochs)
    qtbot.waitUntil(lambda: len(epochs) > n + 2, timeout=10_000)
    t.stop_and_wait()
