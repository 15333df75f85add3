"""The first window is never bigger than the screen: 1280×800 where there is room, less (and centred)
on a 1024×768 projector, and its whole frame on the screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QMargins, QRect, QSize

from nndesk.app.shell.screen_fit import PREFERRED, first_geometry

FRAME = QMargins(4, 30, 4, 4)


def outer(inner: QRect, frame: QMargins = FRAME) -> QRect:
    return inner.marginsAdded(frame)


def test_a_large_screen_gets_the_preferred_size_centred() -> None:
    screen = QRect(0, 0, 1920, 1080)
    inner = first_geometry(screen, frame=FRAME)
    assert inner.size() == PREFERRED and screen.contains(outer(inner))
    assert abs(outer(inner).center().x() - screen.center().x()) <= 1


@pytest.mark.parametrize("screen", [QRect(0, 0, 1024, 768), QRect(1920, 0, 1024, 728), QRect(0, 0, 800, 600)])
def test_a_small_screen_gets_a_window_that_fits(screen: QRect) -> None:
    inner = first_geometry(screen, frame=FRAME)
    assert screen.contains(outer(inner)) and inner.width() < PREFERRED.width()
    assert inner.size() == QSize(screen.width() - 8, min(800, screen.height() - 34))


CHILD = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from nndesk.app.shell import main

    app = QApplication([sys.argv[0]])

    def report():
        window = next(w for w in app.topLevelWidgets() if w.objectName() == "mainWindow")
        print(json.dumps({"available": app.primaryScreen().availableGeometry().getRect(),
                          "frame": window.frameGeometry().getRect()}))
        window.document.set_modified(False)
        window.close()

    QTimer.singleShot(1000, report)  # after the first show and its refit
    sys.exit(main.main([]))
""")


@pytest.mark.parametrize("width, height", [(1024, 768), (1440, 900)])
def test_nndesk_opens_inside_the_screen(tmp_path, width: int, height: int) -> None:
    """The real start (``nndesk`` with no arguments) on an offscreen screen of that size."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "projector", "x": 0, "y": 0, "width": width,
                                               "height": height, "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "NNDESK_SETTINGS": str(tmp_path / "settings.ini")}
    done = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    available, frame = QRect(*seen["available"]), QRect(*seen["frame"])
    assert available == QRect(0, 0, width, height)
    assert available.contains(frame), (frame, available)
    assert frame.width() >= min(width, 1280) - 20  # it still uses the room there is
