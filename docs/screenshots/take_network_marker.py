"""Screenshots of the cost plot's "new network" mark, in English and Russian.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_network_marker.py

XOR trains 30 epochs; the student adds a neuron to the first hidden layer with its "+" on the
canvas and trains 30 more.  ``network-marker-<lang>.png`` is the cost dock, with the dotted line
between epochs 30 and 31; ``network-marker-tip-<lang>.png`` is the marker's tooltip as shown on hover.
"""

from __future__ import annotations

import sys
from pathlib import Path

from shots import HERE, each_language, open_window  # (beside this script)

EPOCHS = 30


def take(lang: str, out_dir: Path) -> None:
    app, window = open_window(lang)
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QComboBox, QSpinBox, QToolButton, QToolTip

    from tests.app.people import LEFT, NONE, pick, type_number

    picker = window.findChild(QComboBox, "datasetPicker")
    pick(picker, picker.itemText(picker.findData("xor")))
    type_number(window.findChild(QSpinBox, "epochsBox"), EPOCHS)

    def wait(condition) -> None:
        while not condition():
            app.processEvents()
            QTest.qWait(20)

    def train() -> None:
        done = len(window.trainer.history) + EPOCHS
        QTest.mouseClick(window.findChild(QToolButton, "trainButton"), LEFT)
        wait(lambda: len(window.trainer.history) >= done and not window.trainer.is_active)

    train()
    canvas = window.canvas
    sizes = window.document.sizes
    QTest.mouseClick(canvas.viewport(), LEFT, NONE, canvas.mapFromScene(canvas.columns[1].plus_button.scenePos()))
    wait(lambda: window.document.sizes != sizes)  # the button acts once the click is over
    train()
    window.loss_dock.show()
    window.loss_dock.raise_()
    window.resizeDocks([window.loss_dock], [330], Qt.Orientation.Vertical)
    QTest.qWait(700)  # the plot's throttled redraw and the paint
    app.processEvents()
    window.loss_dock.grab().save(str(out_dir / f"network-marker-{lang}.png"))
    [line] = window.loss_plot.network_markers
    plot = window.loss_plot
    at = plot.mapFromScene(line.label.sceneBoundingRect().center())
    QToolTip.showText(plot.mapToGlobal(at), line.toolTip(), plot)
    QTest.qWait(300)
    tip = next(w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel") and w.isVisible())
    tip.grab().save(str(out_dir / f"network-marker-tip-{lang}.png"))
    window.document.set_modified(False)
    window.close()


def main() -> int:
    return each_language(__file__, lambda lang: [f"network-marker-{lang}.png", f"network-marker-tip-{lang}.png"])


if __name__ == "__main__":
    if len(sys.argv) == 2:
        take(sys.argv[1], HERE)
    else:
        sys.exit(main())
