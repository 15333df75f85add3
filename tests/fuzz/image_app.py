"""The image reader as the window runs it: inside a QGuiApplication, so SVG text, filters and fonts are drawn.

Imported by the fuzz worker (``run_cases("image_app:read_in_window", …)``); the
application is made offscreen once, at import, with Qt's start-up chatter
(no XDG_RUNTIME_DIR…) kept out of the first case's output.
"""

from __future__ import annotations

import os

import numpy as np
from PySide6.QtCore import qInstallMessageHandler
from PySide6.QtGui import QGuiApplication

from nndesk.imageio import read_digit_image

_previous = qInstallMessageHandler(lambda *args: None)
_app = QGuiApplication.instance() or QGuiApplication(["nndesk-fuzz", "-platform", "offscreen"])
qInstallMessageHandler(_previous)


def read_in_window(path: str | os.PathLike) -> np.ndarray:
    return read_digit_image(path)
