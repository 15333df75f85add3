"""The status bar during training: epoch n of N, a progress bar, samples per second, time left; and
when a run ends, one line that says how it went ("Done: epochs 1–200, accuracy 100 %, cost 0,0012").

It only listens: the controller's ``EpochReport`` and throttled ``BatchReport``
values carry the numbers, its ``stateChanged`` says whether they are still
moving.  Epochs are counted over the whole history, as the cost plot counts
them, and a run's target is added to what came before (a second 200-epoch run:
"Epoch 400 of 400").  Once a run has ended its numbers stay until the next run
or a reset: the next run's budget is not this run's result.  The time left is
the mean wall-clock seconds per epoch (a paced run waits between epochs) times
the epochs still to run, minus the part of this epoch already done; it shows
only while the run is running, never paused or stopped.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QLocale
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from nndesk.app.training.controller import TrainerState
from nndesk.engine.core.reports import BatchReport, EpochReport
from nndesk.engine.core.training import EpochStats
from nndesk.language import Number

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
        self.summary_label = QLabel(objectName="runSummary")  # how the last run ended
        self.addWidget(self.summary_label, 1)
        self.epoch_label = QLabel(objectName="epochLabel")
        self.progress = QProgressBar(objectName="epochProgress", maximumWidth=220, textVisible=False)
        self.speed_label = QLabel(objectName="speedLabel")
        self.time_left_label = QLabel(objectName="timeLeftLabel")
        for widget in (self.epoch_label, self.progress, self.speed_label, self.time_left_label):
            self.addPermanentWidget(widget)
        self._epoch, self._epochs, self._speed = 0, 0, 0.0
        self._seconds: list[float] = []  # each finished epoch's compute time, this run
        self._gaps: list[float] = []  # wall-clock time from one epoch's end to the next's (a paced run waits)
        self._fraction = 0.0  # of the running epoch
        self._shown_at = 0.0  # when on_batch last refreshed the labels
        self._state = TrainerState.IDLE
        self._first = 0  # epochs done before this run
        self._last: EpochStats | None = None  # this run's newest epoch
        self._ended: bool | None = None  # the last run reached its target (True) or was stopped (False)
        self._epoch_at: float | None = None  # when the last epoch ended (None: at the start, after a pause)
        self.reset()

    def reset(self) -> None:
        self._epoch, self._epochs, self._speed, self._fraction = 0, 0, 0.0, 0.0
        self._seconds.clear()
        self._gaps.clear()
        self._last, self._ended = None, None
        self._refresh()

    def set_budget(self, done: int, total: int) -> None:
        """Show ``done`` of ``total`` epochs: the run about to start, or the first Train's while idle.

        While idle with epochs behind it (a run that ended, a trained model) the network's own count
        stays ("Epoch 400 of 400"), never the next run's target ("400 of 800" reads as half done).
        """
        if self._state is TrainerState.IDLE and self._ended is not None:
            return  # the run's own numbers and its summary stay until the next run or a reset
        if self._state is TrainerState.IDLE and done:
            total = done
        self._epoch, self._epochs, self._fraction, self._first = done, total, 0.0, done
        self._seconds.clear()
        self._gaps.clear()
        self._refresh()

    def set_state(self, state: TrainerState) -> None:
        """The controller's state: a run starts, pauses, goes on or ends (and is summed up)."""
        state, before = TrainerState(state), self._state
        self._state = state
        if before is TrainerState.IDLE and state is not TrainerState.IDLE:  # a new run
            self._first, self._last, self._ended = self._epoch, None, None
            self._seconds.clear()
            self._gaps.clear()
        self._epoch_at = None  # a pause is not training time; the first epoch also holds the run's start-up
        if state is TrainerState.IDLE and before is not TrainerState.IDLE:
            self._ended = self._epoch >= self._epochs
            self._fraction = 0.0
        self._refresh()

    def on_epoch(self, report: EpochReport) -> None:
        stats, now = report.stats, time.monotonic()
        self._epoch, self._epochs, self._last = stats.epoch, report.epochs, stats
        self._speed, self._fraction = stats.samples_per_second, 0.0
        self._seconds.append(stats.seconds)
        if self._epoch_at is not None:
            self._gaps.append(now - self._epoch_at)  # summed, so reports that arrive in a burst even out
        self._epoch_at = now
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
        moving = self._state in (TrainerState.RUNNING, TrainerState.STEPPING)
        self.speed_label.setVisible(moving)
        left = self._time_left()
        self.time_left_label.setText("" if left is None else self.tr("%1 left").replace("%1", format_duration(left)))
        self.time_left_label.setVisible(left is not None)
        summary = self._summary()
        self.summary_label.setText(summary)
        self.summary_label.setVisible(bool(summary))  # an empty item would still draw its frame

    def _summary(self) -> str:
        """"Done: epochs 201–400, accuracy 100 %, cost 0,0012" once a run has ended; else ""."""
        stats = self._last
        if self._ended is None or stats is None:
            return ""
        head = self.tr("Done") if self._ended else self.tr("Stopped")
        first = self._first + 1
        epochs = (self.tr("epoch %1").replace("%1", str(stats.epoch)) if first >= stats.epoch else
                  self.tr("epochs %1–%2").replace("%1", str(first)).replace("%2", str(stats.epoch)))
        parts = [epochs]
        if stats.val_accuracy == stats.val_accuracy:  # not NaN: there is a validation set
            parts.append(self.tr("accuracy %1 %").replace("%1", f"{Number(100 * stats.val_accuracy):.3g}"))
        parts.append(self.tr("cost %1").replace("%1", f"{Number(stats.train_cost):.2g}"))
        return f"{head}: {', '.join(parts)}"

    def _time_left(self) -> float | None:
        if self._state is not TrainerState.RUNNING or not self._seconds or self._epoch >= self._epochs:
            return None
        seconds = self._gaps or self._seconds
        per_epoch = sum(seconds) / len(seconds)
        return per_epoch * (self._epochs - self._epoch - self._fraction)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "time_left_label"):
            self._refresh()
        super().changeEvent(event)
