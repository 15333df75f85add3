"""The live personal set in the window: one owner, saved after every change, one signal for the views.

Every change — an added drawing, a relabel, a deletion, its undo — goes
through ``edited()``, which saves the set atomically, so what the student
sees is what the next start reads back.  The save runs in a thread of its
own: compressing a hundred 280×280 drawings takes a tenth of a second, five
hundred most of a second, too long for a click.  The thread writes the
newest set and then any newer one, in order; ``flush()`` (called when the
window closes) waits for it.  A save that fails (a full disk, a read-only
home) keeps the set in memory and says so (``saveFailed``); the next
successful save writes everything again.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from nndesk.engine.data.my_digits import MyDigits, MyDigitsError, load_my_digits, save_my_digits, set_aside


@dataclass(frozen=True)
class Opened:
    """What reading the saved set found: entries dropped, or the whole file unreadable and where it went."""

    dropped: list[str] = field(default_factory=list)  # one line per entry left out
    unreadable: str | None = None  # why the file could not be read at all
    moved_to: Path | None = None  # where the unreadable file now is
    not_moved: str | None = None  # why it could not be moved (then nothing is saved this session)

    @property
    def ok(self) -> bool:
        return not self.dropped and self.unreadable is None


class MyDigitsModel(QObject):
    changed = Signal()  # the set's contents changed (and were saved, or saveFailed says why not)
    saveFailed = Signal(str)  # the path and the reason, one line

    def __init__(self, path: Path | None, digits: MyDigits | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path  # None: kept in memory only (benchmarks, screenshots)
        self.digits = digits if digits is not None else MyDigits()
        self.lineage = object()  # new when another set takes this one's place: older undo commands then stop
        self._lock = threading.Lock()
        self._pending: tuple[Path, MyDigits] | None = None  # the newest set not yet being written
        self._saver: threading.Thread | None = None

    @classmethod
    def open(cls, path: Path, parent: QObject | None = None) -> tuple[MyDigitsModel, Opened]:
        """The set saved at ``path`` and what went wrong reading it.

        Bad entries are dropped (one line each); a file that cannot be read
        at all is renamed aside and the set starts empty.  If even the rename
        fails, the set is kept in memory only, so the damaged file is never
        overwritten.
        """
        try:
            digits, dropped = load_my_digits(path)
        except MyDigitsError as e:
            try:
                moved = set_aside(path)
            except OSError as err:
                return cls(None, None, parent), Opened([], str(e), None, f"{path}: {err.strerror or err}")
            return cls(path, None, parent), Opened([], str(e), moved)
        return cls(path, digits, parent), Opened(dropped)

    def edited(self) -> None:
        """The set changed in place: save it (in the background), tell the views now."""
        if self.path is not None:
            with self._lock:
                self._pending = (self.path, self.digits.copy())  # entries are read-only: a cheap snapshot
                if self._saver is None:
                    self._saver = threading.Thread(target=self._save_newest, name="myDigitsSaver", daemon=True)
                    self._saver.start()
        self.changed.emit()

    def _save_newest(self) -> None:
        while True:
            with self._lock:
                job, self._pending = self._pending, None
                if job is None:
                    self._saver = None
                    return
            path, digits = job
            try:
                save_my_digits(path, digits)
            except OSError as e:  # (a queued signal: the window hears it in the GUI thread)
                self.saveFailed.emit(f"{path}: {e.strerror or e}")

    def flush(self) -> None:
        """Wait until every change so far is on disk."""
        while True:
            with self._lock:
                saver = self._saver
            if saver is None:
                return
            saver.join()

    def replace(self, digits: MyDigits, same_history: bool = False) -> None:
        """Another set in place of this one (a session opened): saved and shown.

        ``same_history``: the set's own undo history goes on (Clear, Import and
        their undo); otherwise the commands made on the old set become inert.
        """
        self.digits = digits
        if not same_history:
            self.lineage = object()
        self.edited()
