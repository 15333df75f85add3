"""The status bar during training: epoch n of N, a progress bar, samples per second, time left.

It only listens: the controller's ``EpochReport`` and throttled ``BatchReport``
values carry everything it shows.  The time left is the mean seconds per epoch so
far times the epochs still to run, minus the part of this epoch already done.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QLocale
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from nndesk.engine.core.reports import BatchReport, EpochReport

LABELS_EVERY_S = 0.25


def format_duration(seconds: float) -> str:
    """"1:05:07", "4:09" or "0:03": short, and the same in every language."""
    seconds = max(0, round(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class TrainingStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.epoch_label = QLabel(objectName="epochLabel")
        self.progress = QProgressBar(objectName="epochProgress", maximumWidth=220, textVisible=False)
        self.speed_label = QLabel(objectName="speedLabel")
        self.time_left_label = QLabel(objectName="timeLeftLabel")
        for widget in (self.epoch_label, self.progress, self.speed_label, self.time_left_label):
            self.addPermanentWidget(widget)
        self._epoch, self._epochs, self._speed = 0, 0, 0.0
        self._seconds: list[float] = []  # per finished epoch, this run
        self._fraction = 0.0  # of the running epoch
        self._shown_at = 0.0  # when on_batch last refreshed the labels
        self.reset()

    def reset(self) -> None:
        self._epoch, self._epochs, self._speed, self._fraction = 0, 0, 0.0, 0.0
        self._seconds.clear()
        self._refresh()

    def set_budget(self, done: int, total: int) -> None:
        """Before a run starts: show ``done`` of ``total`` epochs."""
        self._epoch, self._epochs, self._fraction = done, total, 0.0
        self._seconds.clear()
        self._refresh()

    def on_epoch(self, report: EpochReport) -> None:
        stats = report.stats
        self._epoch, self._epochs = stats.epoch, report.epochs
        self._speed, self._fraction = stats.samples_per_second, 0.0
        self._seconds.append(stats.seconds)
        self._refresh()

    def on_batch(self, progress: BatchReport) -> None:
        """Batch reports come up to 30 a second; the labels change at most 4 times a second (each re-lays the bar)."""
        self._fraction = progress.batch / max(progress.n_batches, 1)
        self._speed = progress.samples_per_second or self._speed
        now = time.monotonic()
        if now - self._shown_at >= LABELS_EVERY_S:
            self._shown_at = now
            self._refresh()

    def _refresh(self) -> None:
        total = max(self._epochs, 1)
        running = min(self._epoch + 1, total) if self._fraction > 0 else self._epoch
        self.epoch_label.setText(self.tr("Epoch %1 of %2").replace("%1", str(running))
                                 .replace("%2", str(self._epochs)))
        self.progress.setRange(0, 1000)
        self.progress.setValue(round(1000 * min((self._epoch + self._fraction) / total, 1.0)))
        speed = QLocale().toString(float(self._speed), "f", 0)
        self.speed_label.setText(self.tr("%1 samples/s").replace("%1", speed) if self._speed else "")
        left = self._time_left()
        self.time_left_label.setText("" if left is None else self.tr("%1 left").replace("%1", format_duration(left)))

    def _time_left(self) -> float | None:
        if not self._seconds or self._epoch >= self._epochs:
            return None
        per_epoch = sum(self._seconds) / len(self._seconds)
        return per_epoch * (self._epochs - self._epoch - self._fraction)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "time_left_label"):
            self._refresh()
        super().changeEvent(event)
