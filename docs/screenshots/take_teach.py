"""Screenshots of Teach's before → after (issue 11), in English and Russian.

    QT_QPA_PLATFORM=offscreen:configfile=tests/app/offscreen-screen.json python docs/screenshots/take_teach.py

Each language runs in its own process (``--lang``, light theme, a throw-away
data folder for my digits), with the ready-trained digits network of a fresh
start.  Thirty digits in an unusual hand (the one ``tests/app/shell/test_teach.py``
draws: a 1 with a flag and a base, a closed 4 with a foot, a boxy 6) are drawn
on the pad with the mouse, labelled and kept; then Teach runs its full fine-tune
and ``teach-<lang>.png`` shows the window with the Teach tab in front: my
held-out digits and the validation digits, before → after, and the Teach
epochs on the cost plot.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import numpy as np
from shots import HERE, each_language, open_window  # (beside this script; puts the repository on the path)

from tests.app.people import pick  # noqa: E402
from tests.app.shell.test_teach import HAND, KEPT, _draw  # noqa: E402  (the test's own hand)


def take(lang: str, out_dir: Path) -> None:
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp()  # my digits of this picture only
    app, window = open_window(lang)
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest

    dock, rng = window.draw_widget, np.random.default_rng(7)
    add = dock.findChild(type(dock.step_button), "addToMyDigitsButton")
    for digit in HAND:
        for _ in range(KEPT):
            _draw(dock.pad, digit, rng)
            if dock.target.currentText() != str(digit):
                pick(dock.target, str(digit))
            QTest.mouseClick(add, Qt.MouseButton.LeftButton)
    window.teach_dock.raise_()
    app.processEvents()
    ended = QEventLoop()  # (QTest.qWait keeps the GIL while it sleeps: the training thread would crawl)
    window.trainer.finished.connect(ended.quit)
    QTest.mouseClick(window.teach_panel.button, Qt.MouseButton.LeftButton)
    ended.exec()
    QTimer.singleShot(300, ended.quit)  # the plot's last redraw
    ended.exec()
    window.grab().save(str(out_dir / f"teach-{lang}.png"))
    window.document.set_modified(False)
    window.close()


def main() -> int:
    return each_language(__file__, lambda lang: [f"teach-{lang}.png"])


if __name__ == "__main__":
    if len(sys.argv) == 2:
        take(sys.argv[1], HERE)
    else:
        sys.exit(main())
