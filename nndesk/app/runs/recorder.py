"""Records every run the trainer makes, from its typed reports, into the session's ``RunLog``.

The shell connects the trainer's signals here (this package may not know the
training package): ``begin`` when a run starts with the settings it starts
with, ``add_epoch`` for each ``EpochReport``'s stats, ``note`` when it is
stopped, diverges or fails, ``end`` once its last message came in.  A run
stopped before its first epoch ended taught nothing to compare and is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QObject, Signal

from nndesk.engine.runs.run_log import RunLog, RunRecord


class RunRecorder(QObject):
    listChanged = Signal()  # a run was added or forgotten, or the log was replaced
    runUpdated = Signal(int)  # the run with this id has a new epoch or has ended

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log = RunLog()
        self.current: RunRecord | None = None
        self._outcome: str | None = None  # "stopped", "diverged" or "failed" once the trainer said so

    def begin(self, settings: dict[str, Any]) -> RunRecord:
        """A run starts: recorded with the next number (a run still open is ended first)."""
        if self.current is not None:
            self.end()
        self.current, self._outcome = self.log.start(settings), None
        self.listChanged.emit()
        return self.current

    def add_epoch(self, stats: Any) -> None:
        if self.current is not None:
            self.current.add_epoch(stats)
            self.runUpdated.emit(self.current.id)

    def note(self, outcome: str) -> None:
        """The trainer is stopping, or said the run diverged or failed (the worse word wins)."""
        if self.current is not None and (self._outcome is None or outcome != "stopped"):
            self._outcome = outcome

    def end(self) -> None:
        """The run's last message is in: finished if it ran its epochs, else how it was ended."""
        run, self.current = self.current, None
        if run is None:
            return
        done = len(run.history) >= int(run.settings.get("epochs", 0))
        run.end(self._outcome or ("finished" if done else "stopped"))
        if run.outcome == "stopped" and not run.history:
            self.log.remove(run.id)
            self.listChanged.emit()
            return
        self.runUpdated.emit(run.id)

    def forget(self, ids: Iterable[int]) -> None:
        """Drop finished runs from the log (the run training now stays)."""
        gone = [i for i in ids if self.log.get(i) is not None and self.log.get(i) is not self.current]
        for i in gone:
            self.log.remove(i)
        if gone:
            self.listChanged.emit()

    def set_runs(self, records: Iterable[RunRecord]) -> None:
        """Replace the log (a session opened); a run training now goes on being recorded, renumbered after them."""
        log = RunLog(r for r in records if r is not self.current)
        for r in log.records:
            if r.outcome == "running":  # saved while it trained: it ended there
                r.outcome = "stopped"
        if self.current is not None:
            self.current.id = log.next_id()
            log.add(self.current)
        self.log = log
        self.listChanged.emit()
