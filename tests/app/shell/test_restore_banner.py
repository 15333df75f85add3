"""The restore banner says when the crash's session was saved, on which data, how far it had trained."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.engine.runs import session_parts as parts


def test_the_banner_says_when_what_and_how_far_in_each_language(qtbot, language, tmp_path):
    """A crash's autosave (its writer gone) is offered in the student's language, with the time it was
    saved, the data set as the picker names it and the epochs trained."""
    from nndesk.app.shell.main_window import MainWindow
    from nndesk.engine.runs.session_io import Session, save_session

    session = parts.full_session()
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    path = Path(os.environ["XDG_DATA_HOME"]) / "nndesk" / "autosave.nndesk"
    path.parent.mkdir(parents=True)
    save_session(path, Session(session.network, session.recipe, session.history, session.optimizer,
                               saved=f"{date.today().isoformat()}T09:05:00", pid=gone.pid))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    text = window.restore_banner.messageLabel.text()
    words = {"en": ("did not close properly", "XOR", "2 epochs"), "ru": ("нештатно", "XOR", "эпох: 2")}[language]
    assert all(w in text for w in words), text
    assert "9:05" in text and date.today().strftime("%y") not in text  # saved today: the time, no date
    buttons = [window.restore_banner.restoreButton.text(), window.restore_banner.discardButton.text()]
    assert buttons == {"en": ["Restore", "Discard"], "ru": ["Восстановить", "Удалить"]}[language]
    window.document.set_modified(False)  # the fresh window's network: nothing to ask about replacing
    QTest.mouseClick(window.restore_banner.restoreButton, Qt.MouseButton.LeftButton)
    assert len(window.trainer.history) == 2 and not window.restore_banner.isVisible() and not path.exists()
    assert window.windowTitle().startswith(("untitled[*]", "без имени[*]"))  # the autosave is not their file
    window.close()
