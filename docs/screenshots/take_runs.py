"""Screenshots of the Runs view (issue 13): three XOR runs overlaid, in English and Russian.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_runs.py

Each language runs in its own process (``--lang``, light theme).  Three runs
are trained through the window as a student would (Train, Reset between runs
for fresh weights, the learning-rate slider and the momentum box):

1. η = 0.0501 (the toy preset's 0.05, nudged on the slider: its notches are 0.0501, 0.00501…);
2. η ÷ 10 (PageDown on the slider): η 0.0501 → 0.00501;
3. η back to 0.0501, momentum off, and η × 10 (PageUp) after epoch 20, while it trains: an η mark.

All three are ticked; ``runs-<lang>.png`` is the Runs dock (list, legend, cost
and accuracy), saved next to this file.
"""

from __future__ import annotations

import sys
from pathlib import Path

from shots import HERE, each_language, open_window  # (beside this script)

EPOCHS = 60


def take(lang: str, out_dir: Path) -> None:
    app, window = open_window(lang)
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QMessageBox, QSlider, QSpinBox, QToolButton

    from tests.app.people import LEFT, answer_next_dialog, pick, tick, type_number

    window.resize(1440, 900)
    picker = window.findChild(QComboBox, "datasetPicker")
    pick(picker, picker.itemText(picker.findData("xor")))
    type_number(window.findChild(QSpinBox, "epochsBox"), EPOCHS)
    slider = window.findChild(QSlider, "learningRateSlider")

    def wait(condition) -> None:
        while not condition():
            app.processEvents()
            QTest.qWait(20)

    def nudge(key: Qt.Key) -> None:
        """PageUp/PageDown on the slider, and wait until the trainer has that η (the slider throttles)."""
        before = window.trainer.control.hyper.learning_rate
        slider.setFocus()
        QTest.keyClick(slider, key)
        wait(lambda: window.trainer.control.hyper.learning_rate != before)

    def train(change_at: int | None = None) -> None:
        QTest.mouseClick(window.findChild(QToolButton, "trainButton"), LEFT)
        wait(lambda: window.trainer.is_active)
        if change_at is not None:
            wait(lambda: len(window.trainer.history) >= change_at)
            nudge(Qt.Key.Key_PageUp)
        wait(lambda: not window.trainer.is_active)

    def reset() -> None:
        answer_next_dialog(QMessageBox.StandardButton.Discard)
        QTest.mouseClick(window.findChild(QToolButton, "resetButton"), LEFT)
        wait(lambda: not window.trainer.history)

    nudge(Qt.Key.Key_PageDown)
    nudge(Qt.Key.Key_PageUp)
    train()
    reset()
    nudge(Qt.Key.Key_PageDown)
    train()
    reset()
    nudge(Qt.Key.Key_PageUp)
    momentum = window.findChild(QDoubleSpinBox, "momentumBox")
    momentum.setFocus()
    QTest.keyClick(momentum, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(momentum, "0")
    QTest.keyClick(momentum, Qt.Key.Key_Return)
    train(change_at=20)

    window.runs_dock.show()
    window.runs_dock.raise_()
    window.resizeDocks([window.runs_dock], [430], Qt.Orientation.Vertical)
    app.processEvents()
    table = window.runs_panel.table
    for row in range(3):
        tick(table, row)
    QTest.qWait(400)  # the list's last refresh and the plots' paint
    app.processEvents()
    window.runs_dock.grab().save(str(out_dir / f"runs-{lang}.png"))
    window.document.set_modified(False)
    window.close()


def main() -> int:
    return each_language(__file__, lambda lang: [f"runs-{lang}.png"])


if __name__ == "__main__":
    if len(sys.argv) == 2:
        take(sys.argv[1], HERE)
    else:
        sys.exit(main())
