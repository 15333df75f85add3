"""Autosave: while training runs, the session is saved every 30 s and at every pause and stop, so a
crash (a power cut, ``kill -9``) loses at most half a minute of a long run.

The file is ``<per-user data folder>/nndesk/autosave.nndesk``.  A clean exit removes it; one that
outlives its writer (the process is gone) is a crash's, and the next start moves it aside to
``recovered.nndesk`` (so the new run's autosaves can't overwrite it) and offers to restore it.

Saving a digits network (784-800-10 with its momentum, 5 MB) takes 50–70 ms, fsync included (200 ms
with 100 drawings of my own; ``benchmarks/bench_session.py``): too long for the GUI thread, which must
answer within a frame.  So the GUI thread only takes a snapshot (``Session.snapshot``: copies,
~7 ms; ``test_autosave`` holds it under 15 ms) and
one background thread serialises it; a snapshot superseded before its turn is dropped.  The
worker's weights reach the document at least once a second, so a snapshot taken while training
runs is at most that old; the optimizer's momentum is copied as it is at that moment.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from nndesk import paths
from nndesk.app.training.controller import TrainerController, TrainerState
from nndesk.engine.data import stale_temps
from nndesk.engine.runs.session_io import Session, SessionError, peek_session, save_session

INTERVAL_MS = 30_000
AUTOSAVE, RECOVERED = "autosave.nndesk", "recovered.nndesk"


def autosave_path() -> Path:
    return paths.data_dir() / AUTOSAVE


def recovered_path() -> Path:
    return paths.data_dir() / RECOVERED


def crash_left() -> Path | None:
    """The session a crashed nndesk left, moved aside to ``recovered.nndesk``; None if there is none.

    An autosave whose writer still runs (another nndesk window, or this process) is left alone.
    """
    auto, recovered = autosave_path(), recovered_path()
    if auto.is_file():
        try:
            writer = peek_session(auto).pid
        except SessionError:
            writer = 0  # unreadable: no one is writing it; offer it, and opening says what is wrong
        if writer == os.getpid() or (writer and stale_temps.alive(writer)):
            return recovered if recovered.is_file() else None
        with contextlib.suppress(OSError):
            os.replace(auto, recovered)
    return recovered if recovered.is_file() else None


class Autosave(QObject):
    """Saves ``snapshot()`` to ``path`` while ``trainer`` runs; ``finish()`` on a clean exit removes it."""

    saved = Signal(str)  # the path, once a save is on disk (emitted from the saving thread, queued)
    failed = Signal(str)  # one line: why the save did not happen

    def __init__(self, trainer: TrainerController, snapshot: Callable[[], Session], path: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path or autosave_path()
        self._snapshot = snapshot
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._latest = 0  # the newest snapshot's number: older ones still queued are skipped
        self._lock = threading.Lock()
        self._last: Future | None = None
        self._ended = False
        self.last_save_ms = 0.0  # how long the GUI thread spent on the last one (the snapshot)
        self.timer = QTimer(self, interval=INTERVAL_MS, timeout=self.save_now)
        self._saved_this_run = False
        trainer.stateChanged.connect(self._on_state)
        trainer.epochFinished.connect(self._on_epoch)
        trainer.finished.connect(self._on_finished)

    def _on_state(self, state: TrainerState) -> None:
        state = TrainerState(state)
        if state in (TrainerState.RUNNING, TrainerState.STEPPING) and not self.timer.isActive():
            self.timer.start()
            self._saved_this_run = False
        elif state is TrainerState.PAUSED:
            self.save_now()

    def _on_finished(self) -> None:
        """The run ended (stopped, finished, diverged): its last weights and any late edits are in."""
        self.timer.stop()
        self.save_now()

    def _on_epoch(self, *_: object) -> None:
        """The first epoch of a run is saved at once: a crash in the first 30 s then loses little too."""
        if not self._saved_this_run:
            self.save_now()

    def save_now(self) -> None:
        """Snapshot in this (the GUI) thread, write in the background; never blocks on a save in flight."""
        if self._ended:
            return
        start = time.perf_counter()
        self._saved_this_run = True
        try:
            session = self._snapshot().snapshot()
        except (ValueError, RuntimeError) as e:  # e.g. a network no recipe describes: nothing to save
            self.failed.emit(str(e))
            return
        with self._lock:
            self._latest += 1
            number = self._latest
        self._last = self._pool.submit(self._write, session, number)
        self.last_save_ms = (time.perf_counter() - start) * 1000

    def _write(self, session: Session, number: int) -> None:
        """In the saving thread: only the newest snapshot is written."""
        with self._lock:
            if number != self._latest or self._ended:
                return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            save_session(self.path, session)
        except (OSError, ValueError) as e:
            self.failed.emit(f"{self.path}: {e}")
            return
        self.saved.emit(str(self.path))

    def wait(self) -> None:
        """Until the save in flight (if any) is on disk."""
        last = self._last
        if last is not None:
            last.result()

    def finish(self) -> None:
        """A clean exit: no more saves, the one in flight ends, and the autosave is removed."""
        self.timer.stop()
        with self._lock:
            self._ended = True
        self._pool.shutdown(wait=True)
        with contextlib.suppress(OSError):
            os.unlink(self.path)
