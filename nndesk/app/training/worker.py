"""The QObject that runs ``Trainer.epochs()`` inside a long-lived QThread.

Like superqt's ``thread_worker``, it turns the engine's generator into
messages: one ``EpochReport`` per yielded ``EpochStats``, throttled
``BatchReport``s, then exactly one ``RunEnded``.  Everything costly happens
here, in the training thread: building the trainer (converting the data set),
copying the weights for each report.  The GUI thread only reads values.

Messages go into an outbox, not into queued signals: ``posted`` only tells
the controller there is mail.  So the GUI can also empty the outbox itself,
right after the run ended, without spinning a nested event loop to wait for
queued signals (``TrainerController.stop_and_wait``).  The worker never reads
Qt state for settings: the GUI changes the trainer's lock-protected
``TrainingControl``, because a queued signal to this busy object would only
arrive after the loop has returned.  The same goes for the run's ``Pace``: after
each epoch but the last the worker waits until the pace allows the next one
(a wait that Stop wakes at once).
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal, Slot

from nndesk.app.training.pace import Pace
from nndesk.app.widgets.background import yield_to_gui
from nndesk.engine.core.control import TrainingControl
from nndesk.engine.core.reports import BatchReport, EpochReport, WeightsSnapshot, weights_snapshot
from nndesk.engine.core.training import Trainer, TrainingDiverged

BATCH_SIGNALS_PER_SECOND = 30


@dataclass(frozen=True, eq=False)
class RunJob:
    """What the GUI hands the worker: how to build the trainer (in the worker's thread) and its control."""

    make_trainer: Callable[[], Trainer]
    control: TrainingControl
    pace: Pace = field(default_factory=Pace)  # epochs per second; cancelled by Stop
    ended: threading.Event = field(default_factory=threading.Event)  # set once this run's last message is out


@dataclass(frozen=True)
class RunEnded:
    """The last message of a run: its final weights and why it ended, if not by budget or Stop."""

    weights: WeightsSnapshot | None  # None after an error: the last epoch's report holds the weights that stand
    diverged: tuple[str, float] | None = None  # the engine's explanation, the learning rate that diverged
    error: str | None = None  # traceback text of an unexpected exception


Message = EpochReport | BatchReport | RunEnded


class TrainingWorker(QObject):
    """Runs one trainer at a time; lives in the controller's QThread."""

    posted = Signal()  # the outbox was empty and now holds a message: call ``take``

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._outbox: list[Message] = []
        self._last_batch_report = 0.0
        self._epoch_start = 0.0
        self._control: TrainingControl | None = None

    def take(self) -> list[Message]:
        """Every message posted so far, oldest first (any thread; the GUI calls it)."""
        with self._lock:
            messages, self._outbox = self._outbox, []
        return messages

    def _post(self, message: Message) -> None:
        with self._lock:
            self._outbox.append(message)
            wake = len(self._outbox) == 1
        if wake:
            self.posted.emit()

    def on_batch(self, epoch: int, batch: int, n_batches: int, cost: float) -> None:
        """The trainer's ``on_batch`` callback (worker thread): a report at most 30 times a second."""
        now = time.perf_counter()
        if batch == 1:
            self._epoch_start = now
        if now - self._last_batch_report < 1.0 / BATCH_SIGNALS_PER_SECOND:
            return
        self._last_batch_report = now
        elapsed = now - self._epoch_start
        batch_size = self._control.hyper.batch_size if self._control else 1
        rate = batch * batch_size / elapsed if elapsed > 0 else 0.0
        self._post(BatchReport(epoch, batch, n_batches, float(cost), rate))

    @Slot(object)
    def run(self, job: RunJob) -> None:
        """Build the trainer and train until the budget is spent or a stop is asked; never raises."""
        yield_to_gui()  # the training threads (this one and the digit distorter it starts) give way to paints
        trainer, ended = None, None
        self._control = job.control
        try:
            trainer = job.make_trainer()
            started = time.perf_counter()
            for stats in trainer.epochs():
                self._post(EpochReport(stats, job.control.hyper.epochs, weights_snapshot(trainer.network),
                                       trainer.last_gradients))
                if trainer.epoch < job.control.hyper.epochs:  # no wait after the last: "Done" shows at once
                    started = job.pace.wait_since(started)
            ended = RunEnded(weights_snapshot(trainer.network))
        except TrainingDiverged as exc:  # the engine already restored the epoch's weights
            ended = RunEnded(weights_snapshot(trainer.network), diverged=(str(exc), exc.learning_rate))
        except Exception:  # noqa: BLE001 - any bug must reach the window, not kill the thread
            ended = RunEnded(None, error=traceback.format_exc())  # the last epoch's weights stand
        finally:
            self._post(ended if ended is not None else RunEnded(None, error="training was interrupted"))
            job.ended.set()
