"""Screenshots of the main window after a few epochs, in English and Russian, light and dark.

    xvfb-run -a -s "-screen 0 1280x800x24" python docs/screenshots/take.py

Each picture comes from its own process (language and theme are chosen at
start-up, as a user would with ``nndesk --lang ru --theme dark``): the digits
preset (ready-trained) trains three more epochs, the learning rate is turned down once (so the
plot shows a marker), training pauses, a "7" is drawn on the pad, and the
window is saved at 1280×800 as ``main-<lang>-<theme>.png`` next to this file.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from shots import draw_seven  # (beside this script)

HERE = Path(__file__).resolve().parent


def take(lang: str, theme: str, out: Path) -> None:
    from PySide6.QtCore import QTimer

    from nndesk.app.shell.main import make_app, parse_args

    app = make_app(parse_args(["--lang", lang, "--theme", theme]))
    from nndesk.app.shell.main_window import MainWindow

    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    trainer = window.trainer


    first = len(trainer.history)  # the digits open ready-trained: their 400 epochs come first

    def on_epoch(report) -> None:  # an EpochReport
        if report.stats.epoch == first + 2:
            trainer.update(learning_rate=trainer.control.hyper.learning_rate / 2)
        if report.stats.epoch == first + 3:
            trainer.pause()
            draw_seven(window.draw_widget.pad)
            QTimer.singleShot(1500, save)

    def save() -> None:
        window.grab().save(str(out))
        window.document.set_modified(False)
        window.close()
        app.exit(0)

    trainer.epochFinished.connect(on_epoch)
    QTimer.singleShot(300, window.train)
    app.exec()


def main() -> int:
    env = dict(os.environ, NNDESK_SETTINGS=str(Path(tempfile.mkdtemp()) / "settings.ini"))
    for lang in ("en", "ru"):
        for theme in ("light", "dark"):
            out = HERE / f"main-{lang}-{theme}.png"
            subprocess.run([sys.executable, __file__, lang, theme, str(out)], env=env, check=True)
            print(out.relative_to(HERE.parent.parent))
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4:
        take(sys.argv[1], sys.argv[2], Path(sys.argv[3]))
    else:
        sys.exit(main())
