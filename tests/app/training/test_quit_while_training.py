"""The app can quit without a close event (a logout; quit() while the window asks): training ends first.

Destroying a running QThread aborts the process (SIGABRT, "QThread: Destroyed while thread … is still
running"), so a student's session ending mid-run would look like a crash.  A real process, because the abort
is the process's end.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

_QUIT_MID_RUN = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from nndesk.app.shell.main_window import MainWindow
app = QApplication(sys.argv)
window = MainWindow()
window.show()

def close_with_unsaved_training(_snapshot):  # the window now holds trained weights: closing asks
    window.trainer.weightsUpdated.disconnect(close_with_unsaved_training)
    QTimer.singleShot(0, window.close)  # asks, as there are trained epochs to lose
    QTimer.singleShot(200, app.quit)  # while the question is up

window.trainer.weightsUpdated.connect(close_with_unsaved_training)
window.train()
app.exec()
"""


@pytest.mark.timeout(120)
def test_quitting_the_app_mid_run_ends_training_and_exits_cleanly(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NNDESK_SETTINGS": str(tmp_path / "settings.ini")}
    done = subprocess.run([sys.executable, "-c", _QUIT_MID_RUN], capture_output=True, text=True, env=env, timeout=100)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "QThread: Destroyed" not in done.stderr
