"""The whole window with a convolutional network: built on the canvas, trained, a 7 drawn, a map pixel clicked.

    xvfb-run -a -s "-screen 0 1280x800x24" python docs/screenshots/take_cnn_window.py

What a student sees after "+ conv" and "+ pool" on the digits network and a
few epochs: the maps lit for the drawn 7, the Inspector on the clicked pixel
of a filter, the step-through following it (``cnn-window-<lang>.png``,
``cnn-window-steps-<lang>.png``).
"""

from __future__ import annotations

import sys

from shots import HERE, draw_seven, each_language, open_window


def take(lang: str) -> None:
    app, window = open_window(lang)
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest

    canvas, doc = window.canvas, window.document
    for key in (("conv", 0), ("pool", 1)):
        QTest.qWait(300)  # the canvas refits its labels after a rebuild: click where the button ends up
        before = doc.network.architecture if doc.is_conv else ""
        button = canvas.feature_buttons[key]
        QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         canvas.mapFromScene(button.scenePos()))
        for _ in range(100):  # the edit runs from the event loop
            if doc.is_conv and doc.network.architecture != before:
                break
            QTest.qWait(50)
    window.trainer.update(epochs=3, learning_rate=0.05)
    ended = QEventLoop()
    window.trainer.finished.connect(ended.quit)
    window.train()
    ended.exec()  # until the run's last weights are in (QTest.qWait would keep the GIL: the trainer would crawl)
    window.draw_dock.show()
    window.draw_dock.raise_()
    draw_seven(window.draw_widget.pad)
    app.processEvents()
    stack = canvas.columns[1]
    _, h, w = doc.shapes[1]
    point = canvas.mapFromScene(stack.pixel_rect(0, h // 3, w // 2).center())
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    QTest.qWait(300)
    window.grab().save(str(HERE / f"cnn-window-{lang}.png"))
    window.backprop_dock.show()
    window.backprop_dock.raise_()
    for _ in range(3):
        QTest.mouseClick(window.backprop.conv.page.controls.stepForwardButton, Qt.MouseButton.LeftButton)
    QTest.qWait(300)
    window.grab().save(str(HERE / f"cnn-window-steps-{lang}.png"))
    doc.set_modified(False)
    window.close()


if __name__ == "__main__":
    if len(sys.argv) > 1:
        take(sys.argv[1])
    else:
        sys.exit(each_language(__file__, lambda lang: [f"cnn-window-{lang}.png", f"cnn-window-steps-{lang}.png"]))
