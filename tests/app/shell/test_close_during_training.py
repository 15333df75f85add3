"""Closing the window mid-training stops the worker, waits for its thread, and exits cleanly — every time.

Four fresh interpreters each open a window, start the digits preset, close
the window mid-training (some mid-epoch, some paused), five times in a row,
and must then exit 0 with nothing on stderr but Qt's platform notes: a crash
at exit ("QThread: Destroyed while thread is still running") only shows in
the exit code.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

PROCESSES, WINDOWS_EACH = 4, 5  # 20 closes; each process must also exit cleanly at the end

CLOSE_WHILE_TRAINING = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from nndesk.app.shell.main_window import MainWindow

    app = QApplication([])
    for run in range(int(sys.argv[1]), int(sys.argv[1]) + int(sys.argv[2])):
        paused, delay_ms = run % 4 == 3, run * 37 % 300
        window = MainWindow()
        window.show()
        state = {"closed": False}

        def close() -> None:
            if paused:
                window.trainer.pause()
            window.document.set_modified(False)  # the unsaved-work question has its own test
            thread = window.trainer._thread
            state["closed"] = window.close()
            assert not thread.isRunning(), "the worker thread outlived the window"
            app.quit()

        def on_batch(_progress) -> None:
            window.trainer.batchFinished.disconnect(on_batch)
            QTimer.singleShot(delay_ms, close)

        window.trainer.batchFinished.connect(on_batch)
        window.train()
        app.exec()
        assert state["closed"] and window.trainer.state == "idle", run
        window.deleteLater()
        print("clean", run, flush=True)
""")


def _noise(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip() and "This plugin does not support" not in line]


@pytest.mark.slow
def test_closing_during_training_exits_cleanly_20_times(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NNDESK_SETTINGS=str(tmp_path / "settings.ini"))
    closes = 0
    for pair in range(0, PROCESSES, 2):  # two at a time: the machine has two cores
        procs = [subprocess.Popen([sys.executable, "-c", CLOSE_WHILE_TRAINING, str(p * WINDOWS_EACH),
                                   str(WINDOWS_EACH)], env=env, text=True, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE) for p in (pair, pair + 1)]
        for proc in procs:
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, f"exit {proc.returncode}\n{out}\n{err[-3000:]}"
            assert not _noise(err), err[-3000:]
            closes += out.count("clean")
    assert closes == PROCESSES * WINDOWS_EACH
