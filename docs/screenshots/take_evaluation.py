"""Screenshots of the evaluation view (issue 12), in English and Russian.

    xvfb-run -a -s "-screen 0 1280x800x24" python docs/screenshots/take_evaluation.py

Each language runs in its own process (``--lang``, light theme), with the
ready-trained digits network of a fresh start.  Saved next to this file:

1. ``evaluation-<lang>.png``: the "Where it is wrong" view over the 500
   held-out digits, the cell of the most frequent mistake clicked, so the
   gallery shows only those digits;
2. ``evaluation-mistake-<lang>.png``: the window after the first of them is
   clicked: the draw pad shows it as the network is fed it, named;
3. ``evaluation-backprop-<lang>.png``: the Backpropagation tab, which now
   steps through that digit with its true class as the target.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from shots import HERE, each_language, open_window  # (beside this script)

NAMES = ("evaluation", "evaluation-mistake", "evaluation-backprop")


def take(lang: str, out_dir: Path) -> None:
    app, window = open_window(lang)
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    panel = window.evaluation
    window.evaluation_dock.raise_()
    while panel.result() is None or panel.pending():
        app.processEvents()
        QTest.qWait(20)
    m = np.array(panel.matrix.confusion())
    i, j = np.unravel_index(np.argmax(m - np.diag(np.diag(m))), m.shape)
    QTest.mouseClick(panel.matrix, left, none, panel.matrix.cell_rect(i, j).center())
    app.processEvents()
    panel.grab().save(str(out_dir / f"{NAMES[0]}-{lang}.png"))
    QTest.mouseClick(panel.gallery.viewport(), left, none, panel.gallery.tile_rect(0).center())
    app.processEvents()
    window.grab().save(str(out_dir / f"{NAMES[1]}-{lang}.png"))
    window.backprop_dock.raise_()
    app.processEvents()
    window.grab().save(str(out_dir / f"{NAMES[2]}-{lang}.png"))
    window.document.set_modified(False)
    window.close()


def main() -> int:
    return each_language(__file__, lambda lang: [f"{name}-{lang}.png" for name in NAMES])


if __name__ == "__main__":
    if len(sys.argv) == 2:
        take(sys.argv[1], HERE)
    else:
        sys.exit(main())
