"""A student's nndesk that is about to crash: the real window trains XOR until killed.

Run by ``test_autosave.py`` as ``python autosave_child.py [interval_ms]`` (offscreen, its own
data folder): it builds the MainWindow, picks XOR, clicks Train, and prints ``AUTOSAVED <path>`` each
time the autosave is on disk (every ``interval_ms`` instead of 30 s, so a test need not wait).
The test then kills it with SIGKILL: nothing of the app runs after that.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # the repository, for tests.app.people

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QComboBox, QToolButton  # noqa: E402

from tests.app.people import LEFT, pick  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv)
    from nndesk.app.shell.main_window import MainWindow

    window = MainWindow()
    window.show()
    QTest.qWaitForWindowExposed(window)
    pick(window.findChild(QComboBox, "datasetPicker"), "XOR")
    window.trainer.update(epochs=100_000)
    if len(sys.argv) > 1:
        window.autosave.timer.setInterval(int(sys.argv[1]))
    window.autosave.saved.connect(lambda path: print("AUTOSAVED", path, flush=True))
    QTest.mouseClick(window.findChild(QToolButton, "trainButton"), LEFT)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
