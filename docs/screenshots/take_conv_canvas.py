"""Screenshots of a convolutional network on the canvas, lit by a drawn digit, in English and Russian.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_conv_canvas.py

A ``digits-cnn`` (conv 5×5×32 → pool 2×2 → conv 5×5×64 → pool 2×2 → 128 → 10) is trained for three
epochs on the bundled digits first (``nndesk train``, ~10 s, once for both languages), so its kernels and
maps show strokes rather than noise.  Each language then runs in its own process: the main window
(1280×800) opens the model, a "7" is drawn on the pad with the mouse, and a pixel of a map of a⁽¹⁾ is
clicked, which marks it and the 5×5 window of the digit it is made from.  Saved next to this file:

* ``conv-canvas-<lang>.png``: the whole window;
* ``conv-canvas-detail-<lang>.png``: the canvas alone, 1400×620, as on a projector.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from shots import HERE, draw_seven, each_language, open_window  # (beside this script)

MODEL = "NNDESK_SHOT_CNN"  # the environment variable naming the trained model for the language processes


def train() -> Path:
    out = Path(tempfile.mkdtemp()) / "digits-cnn.npz"
    subprocess.run([sys.executable, "-m", "nndesk", "train", "--dataset", "mnist-bundled", "--preset", "digits-cnn",
                    "--epochs", "3", "--seed", "0", "--out", str(out)], check=True, stdout=subprocess.DEVNULL)
    return out


def take(lang: str) -> None:
    app, window = open_window(lang)
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    assert window.load_model(os.environ[MODEL])
    draw_seven(window.draw_widget.pad)
    app.processEvents()
    canvas = window.canvas
    stack = canvas.columns[1]
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     canvas.mapFromScene(stack.pixel_rect(0, 9, 14).center()))  # on the 7's stroke
    QTest.qWait(700)  # the bundles are drawn in a worker thread; the cost plot redraws at most twice a second
    app.processEvents()
    window.grab().save(str(HERE / f"conv-canvas-{lang}.png"))
    dock = canvas.parentWidget()
    canvas.setParent(None)  # the canvas alone, bigger
    canvas.resize(1400, 620)
    canvas.show()
    QTest.qWaitForWindowExposed(canvas)
    canvas.fit()
    QTest.qWait(300)
    app.processEvents()
    canvas.grab().save(str(HERE / f"conv-canvas-detail-{lang}.png"))
    canvas.setParent(dock)
    window.document.set_modified(False)
    window.close()


def main() -> int:
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":  # a 1280×800 screen, as the tests have
        os.environ["QT_QPA_PLATFORM"] += f":configfile={HERE.parent.parent / 'tests/app/offscreen-screen.json'}"
    os.environ[MODEL] = str(train())
    return each_language(__file__, lambda lang: [f"conv-canvas-{lang}.png", f"conv-canvas-detail-{lang}.png"])


if __name__ == "__main__":
    if len(sys.argv) == 2:
        os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp()  # no autosave of another session to restore
        take(sys.argv[1])
    else:
        sys.exit(main())
