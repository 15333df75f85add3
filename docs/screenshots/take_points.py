"""Screenshots of a 2-D set clicked together by hand (issue 11), in English and Russian.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_points.py

Each language runs in its own process (``--lang``, light theme).  On XOR the
student clears the plane, clicks a cluster of orange points (class 0) in the
middle and a ring of blue ones (class 1) around it, as a person does with the
mouse, and trains 150 epochs: the boundary curves round the cluster.  Saved
next to this file: ``points-<lang>.png`` (the window) and
``points-view-<lang>.png`` (the decision-boundary panel with its class chooser).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import numpy as np
from shots import HERE, each_language, open_window  # (beside this script)

NAMES = ("points", "points-view")
ROOT = HERE.parent.parent


def take(lang: str, out_dir: Path) -> None:
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":  # a 1280×800 screen, as the tests have
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={ROOT / 'tests/app/offscreen-screen.json'}"
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp()  # no autosaved session from another run to offer
    app, window = open_window(lang)
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest

    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    window.use_dataset("xor")
    view = window.boundary_view
    view.show()
    window.boundary_dock.raise_()
    while view.plot.getViewBox().sceneBoundingRect().width() < 100:
        QTest.qWait(20)

    def click(x: float, y: float) -> None:
        box = view.plot.getViewBox()
        QTest.mouseClick(view.plot.viewport(), left, none, view.plot.mapFromScene(box.mapViewToScene(QPointF(x, y))))

    QTest.mouseClick(view.chooser.clear_button, left)
    rng = np.random.default_rng(7)
    QTest.mouseClick(view.chooser.buttons[0], left)
    for x, y in rng.normal(0, 0.18, (14, 2)):
        click(x, y)
    QTest.mouseClick(view.chooser.buttons[1], left)
    for angle in np.linspace(0, 2 * np.pi, 22, endpoint=False):
        r = 0.75 + rng.normal(0, 0.05)
        click(r * np.cos(angle), r * np.sin(angle))
    window.trainer.update(epochs=150, epochs_per_second=0)
    window.train()
    while window.trainer.is_active:
        QTest.qWait(50)
    QTest.qWait(200)  # the last weights drawn
    app.processEvents()
    window.grab().save(str(out_dir / f"{NAMES[0]}-{lang}.png"))
    window.boundary_dock.grab().save(str(out_dir / f"{NAMES[1]}-{lang}.png"))
    window._points_unsaved = False  # a picture, not work to keep: close without asking
    window.document.set_modified(False)
    window.close()


def main() -> int:
    return each_language(__file__, lambda lang: [f"{name}-{lang}.png" for name in NAMES])


if __name__ == "__main__":
    if len(sys.argv) == 2:
        take(sys.argv[1], HERE)
    else:
        sys.exit(main())
