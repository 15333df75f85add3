"""Screenshots of the first minute and a lesson, at the sizes classrooms have: 1024×768, 1440×900, ×2, dark.

    python docs/screenshots/take_classroom.py          # needs xvfb-run (Debian: xvfb); writes classroom-*.png

Each picture is its own process on a real X server (``xvfb-run`` with the
screen the picture is about), started as a student starts nndesk: fresh
settings, ``--lang`` and ``--theme`` on the command line, and the window's own
first size (which must fit the screen).  The scenes:

* ``first``: the window as it opens — the ready-trained digits network, the
  "start here" paths — then a "7" drawn on the pad, read at once.
* ``lesson``: the lecture's 3-2-1 example stepped a few steps in the
  backpropagation panel, the canvas showing the network the panel steps.
* ``xor``: XOR training at a watchable pace, its decision boundary beside it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from shots import draw_seven  # (beside this script)

HERE = Path(__file__).resolve().parent
#         name                 screen       env                      language, theme, scene
SHOTS = [("1024x768-en",       "1024x768",  {},                      "en", "light", "first"),
         ("1024x768-ru",       "1024x768",  {},                      "ru", "light", "first"),
         ("1440x900-lesson-en", "1440x900", {},                      "en", "light", "lesson"),
         ("1440x900-lesson-ru", "1440x900", {},                      "ru", "light", "lesson"),
         ("scale2-ru",          "2880x1800", {"QT_SCALE_FACTOR": "2"}, "ru", "light", "first"),
         ("scale2-en",          "2880x1800", {"QT_SCALE_FACTOR": "2"}, "en", "light", "xor"),
         ("dark-xor-en",        "1440x900", {},                      "en", "dark", "xor"),
         ("dark-xor-ru",        "1440x900", {},                      "ru", "dark", "xor"),
         ("dark-lesson-ru",     "1440x900", {},                      "ru", "dark", "lesson")]


def take(lang: str, theme: str, scene: str, out: Path) -> None:
    from PySide6.QtCore import QTimer

    from nndesk.app.shell.main import make_app, parse_args

    app = make_app(parse_args(["--lang", lang, "--theme", theme]))
    from nndesk.app.shell.main_window import MainWindow

    window = MainWindow()
    window.show()

    def save(delay_ms: int = 1200) -> None:
        def now() -> None:
            window.grab().save(str(out))
            window.document.set_modified(False)
            window.trainer.shutdown()
            window.close()
            app.exit(0)
        QTimer.singleShot(delay_ms, now)


    def first() -> None:
        draw_seven(window.draw_widget.pad)
        save()

    def lesson() -> None:
        window.use_dataset("lecture")
        dock = window.backprop_dock
        dock.show(), dock.raise_()
        for _ in range(6):
            window.backprop.step_forward()
        save()

    def xor() -> None:
        window.use_dataset("xor")
        count = {"epochs": 0}

        def on_epoch(report) -> None:
            count["epochs"] += 1
            if count["epochs"] == 60:
                window.trainer.pause()
                save(800)
        window.trainer.epochFinished.connect(on_epoch)
        window.train()

    QTimer.singleShot(800, {"first": first, "lesson": lesson, "xor": xor}[scene])
    app.exec()


def main() -> int:
    for name, screen, extra, lang, theme, scene in SHOTS:
        out = HERE / f"classroom-{name}.png"
        env = dict(os.environ, NNDESK_SETTINGS=str(Path(tempfile.mkdtemp()) / "settings.ini"), **extra)
        env.pop("QT_QPA_PLATFORM", None)  # the real X11 platform of the virtual screen
        subprocess.run(["xvfb-run", "-a", "-s", f"-screen 0 {screen}x24", sys.executable, __file__,
                        lang, theme, scene, str(out)], env=env, check=True, timeout=300)
        print(out.relative_to(HERE.parent.parent))
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 5:
        take(sys.argv[1], sys.argv[2], sys.argv[3], Path(sys.argv[4]))
    else:
        sys.exit(main())
