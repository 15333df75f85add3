"""Screenshots of "draw a digit, then step backpropagation through it", in English and Russian.

    xvfb-run -a -s "-screen 0 1280x800x24" python docs/screenshots/take_draw_backprop.py

Each language runs in its own process (``nndesk --lang …``, light theme).
The main window (1280×800, a fresh 784-800-10 network) gets a "7" drawn on
the pad with the mouse, the digit 7 picked as the target, "Step through
backpropagation" clicked and six steps taken; saved as
``draw-backprop-<lang>.png`` next to this file.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

HERE = Path(__file__).resolve().parent
LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def take(lang: str, out_dir: Path) -> None:
    from nndesk.app.main import make_app, parse_args

    app = make_app(parse_args(["--lang", lang, "--theme", "light"]))
    from nndesk.app.main_window import MainWindow

    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    pad, c = window.draw_widget.pad, window.draw_widget.pad.rect().center()
    points = [QPoint(c.x() - 30, c.y() - 60), QPoint(c.x() + 30, c.y() - 60), QPoint(c.x() - 20, c.y() + 70)]
    QTest.mousePress(pad, LEFT, NONE, points[0])
    for p in points[1:]:
        QTest.mouseMove(pad, p)
    QTest.mouseRelease(pad, LEFT, NONE, points[-1])
    window.draw_widget.target.setCurrentIndex(7)
    window.draw_widget.target.activated.emit(7)
    window.draw_widget.step_button.click()
    for _ in range(6):
        window.backprop.step_forward()
    app.processEvents()
    window.grab().save(str(out_dir / f"draw-backprop-{lang}.png"))
    window.document.set_modified(False)
    window.close()


def main() -> int:
    env = dict(os.environ, NNDESK_SETTINGS=str(Path(tempfile.mkdtemp()) / "settings.ini"))
    for lang in ("en", "ru"):
        subprocess.run([sys.executable, __file__, lang], env=env, check=True)
        print((HERE / f"draw-backprop-{lang}.png").relative_to(HERE.parent.parent))
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 2:
        take(sys.argv[1], HERE)
    else:
        sys.exit(main())
