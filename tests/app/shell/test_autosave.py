"""The autosave in the real window: written off the GUI thread and cheap for it, removed on a clean exit,
said when it fails, and restored after a real kill -9 of an nndesk that was training."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QPushButton, QSpinBox

from nndesk.engine.runs.session_io import load_session
from tests.app.people import LEFT, answer_next_dialog, type_number
from tests.app.shell.session_window import click, train_xor


@pytest.fixture
def trained(qtbot, window):
    return train_xor(qtbot, window)


def test_autosave_is_written_off_the_gui_thread_and_holds_the_window(qtbot, trained, monkeypatch):
    window = trained
    from nndesk.app.shell import autosave

    writers: list[str] = []
    real = autosave.save_session

    def recording(path, session):
        writers.append(threading.current_thread().name)
        return real(path, session)
    monkeypatch.setattr(autosave, "save_session", recording)
    type_number(window.findChild(QSpinBox, "epochsBox"), 3)
    with qtbot.waitSignal(window.autosave.saved, timeout=30_000):  # at the end of the run
        with qtbot.waitSignal(window.trainer.finished, timeout=30_000):
            click(window, "trainButton")
    window.autosave.wait()
    assert writers and threading.main_thread().name not in writers
    held = load_session(window.autosave.path)
    assert [s.epoch for s in held.history] == [1, 2, 3, 4, 5]
    assert all(np.array_equal(a, b) for a, b in zip(held.network.parameters(), window.document.network.parameters()))
    assert len(held.my_digits) == 4 and len(held.runs) == 2


def test_a_clean_exit_removes_the_autosave_whatever_the_answer(qtbot, trained):
    window = trained
    window.autosave.wait()
    path = window.autosave.path
    assert path.is_file() and window.isWindowModified()
    answer_next_dialog(QMessageBox.StandardButton.Discard)
    window.close()
    assert not path.exists()


def test_the_digits_network_autosave_costs_the_gui_thread_little(qtbot, window):
    """784-800-10 with momentum (5 MB): the GUI thread only copies it (the file is written elsewhere)."""
    from nndesk.engine.core.optimizers import optimizer
    momentum = optimizer("momentum")
    momentum.load_state({f"velocity_{i}": np.ones_like(p) for i, p in enumerate(window.document.network.parameters())})
    window.trainer.restore([], momentum)
    timings = []
    for _ in range(5):
        window.autosave.save_now()
        timings.append(window.autosave.last_save_ms)
        window.autosave.wait()
    assert window.document.sizes == [784, 800, 10]
    assert sorted(timings)[2] < 15, timings  # the median: one slow copy on a busy machine is no stall


def _run_child(env: dict[str, str]) -> subprocess.Popen:
    child = Path(__file__).with_name("autosave_child.py")
    return subprocess.Popen([sys.executable, str(child), "300"], env=env, stdout=subprocess.PIPE, text=True)


def test_restore_after_a_real_kill_9(qtbot, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NNDESK_SETTINGS=str(tmp_path / "child.ini"))
    proc = _run_child(env)
    watchdog = threading.Timer(120, proc.kill)  # a child that never autosaves must not hang the suite
    watchdog.start()
    try:
        saves = 0
        for line in proc.stdout:  # each line is one autosave on disk
            saves += line.startswith("AUTOSAVED")
            if saves == 3:
                break
        assert saves == 3, "the training app ended before its third autosave"
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
    autosaved = Path(env["XDG_DATA_HOME"]) / "nndesk" / "autosave.nndesk"
    held = load_session(autosaved)  # what the killed process had on disk
    assert len(held.history) >= 1 and held.recipe.dataset == "xor"

    from nndesk.app.shell.main_window import MainWindow
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    banner = window.restore_banner
    assert banner.isVisible() and str(len(held.history)) in banner.messageLabel.text()
    assert not autosaved.exists()  # moved aside: this window's own autosaves can't overwrite it
    QTest.mouseClick(banner.findChild(QPushButton, "restoreSessionButton"), LEFT)
    assert not banner.isVisible()
    assert window.recipe == held.recipe and window.trainer.control.hyper == held.recipe.hyper
    assert all(np.array_equal(a, b) for a, b in zip(window.document.network.parameters(),
                                                    held.network.parameters(), strict=True))
    np.testing.assert_equal([s.as_dict() for s in window.trainer.history], [s.as_dict() for s in held.history])
    assert all(np.array_equal(window.trainer.optimizer.state()[k], v) for k, v in held.optimizer.state().items())
    assert not (autosaved.parent / "recovered.nndesk").exists()
    window.close()


def test_a_live_writers_autosave_is_not_offered_and_discard_deletes_a_crashs(qtbot, window):
    from nndesk.app.shell.main_window import MainWindow

    window.autosave.save_now()  # this process is alive: its autosave is no crash's
    window.autosave.wait()
    second = MainWindow()
    qtbot.addWidget(second)
    assert not second.restore_banner.isVisible() and second.recovered is None
    second.close()

    recovered = window.autosave.path.with_name("recovered.nndesk")
    recovered.write_bytes(b"not a session")  # what a crash left, damaged
    third = MainWindow()
    qtbot.addWidget(third)
    third.show()
    assert third.restore_banner.isVisible() and "damaged" in third.restore_banner.messageLabel.text()
    QTest.mouseClick(third.restore_banner.findChild(QPushButton, "discardSessionButton"), LEFT)
    assert not recovered.exists() and not third.restore_banner.isVisible()
    third.close()


def test_an_autosave_that_cannot_be_written_says_so_in_the_status_bar(qtbot, window):
    """The folder can't be made (a file has its name): the saving thread's failure reaches the GUI thread."""
    folder = Path(os.environ["XDG_DATA_HOME"]) / "nndesk"
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("a file where the folder should be")
    with qtbot.waitSignal(window.autosave.failed, timeout=10_000):
        window.autosave.save_now()
    qtbot.waitUntil(lambda: "Autosave failed" in window.statusBar().currentMessage())
    assert str(folder) in window.statusBar().currentMessage()
