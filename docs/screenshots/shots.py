"""What the per-language screenshot scripts share: one process per language, and the window as it opens.

The language is chosen at start-up (as with ``nndesk --lang ru``), so each
language's pictures come from a process of their own, with fresh settings.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANGUAGES = ("en", "ru")
SEVEN = [(0.28, 0.24), (0.72, 0.24), (0.62, 0.45), (0.53, 0.65), (0.47, 0.80)]  # on the pad's paper, 0–1

sys.path.insert(0, str(HERE.parent.parent))  # the repository: the tests' mouse helpers draw here too
from tests.app.people import on_paper, stroke  # noqa: E402


def draw_seven(pad) -> None:
    """A "7" in three strokes' worth of mouse moves, as the tests draw: press, move, release."""
    stroke(pad, on_paper(pad, SEVEN))


def each_language(script: str, names: Callable[[str], list[str]]) -> int:
    """Run ``script LANG`` for each language with fresh settings; print the files it made (``names(lang)``)."""
    fresh = Path(tempfile.mkdtemp())  # settings and the per-user data (autosave, my digits) of a first start
    env = dict(os.environ, NNDESK_SETTINGS=str(fresh / "settings.ini"), XDG_DATA_HOME=str(fresh / "data"))
    for lang in LANGUAGES:
        subprocess.run([sys.executable, script, lang], env=env, check=True)
        for name in names(lang):
            print((HERE / name).relative_to(HERE.parent.parent))
    return 0


def open_window(lang: str, theme: str = "light"):
    """The app and its main window at 1280×800, shown and exposed: (app, window)."""
    from nndesk.app.shell.main import make_app, parse_args

    app = make_app(parse_args(["--lang", lang, "--theme", theme]))
    from PySide6.QtTest import QTest

    from nndesk.app.shell.main_window import MainWindow

    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    return app, window
