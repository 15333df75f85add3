"""The GUI-thread face of training (``window.trainer``): start, pause, step, stop, reset.

It owns one ``TrainingWorker`` in one QThread for the whole session (started
once, never terminated; ``shutdown`` asks the loop to stop and waits, for a
while).  Live settings go into the lock-protected ``TrainingControl``, which
the loop reads between mini-batches, and the run's ``Pace`` (epochs per second),
which it reads between epochs; reports come back as frozen
``EpochReport``/``BatchReport`` values the worker made in its own thread.

Each run trains a copy of the GUI's network.  Epoch numbers continue across
runs (train 5, stop, train 5 more → epochs 6–10), so the loss plot and the
history (the runs' ``EpochStats``) stay one story.  The weights for the views
are coalesced (see ``weights_interval_ms``) however fast a toy set's epochs fly.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot

from nndesk.app.training.pace import Pace
from nndesk.app.training.worker import RunEnded, RunJob, TrainingWorker
from nndesk.engine.core.control import Hyperparameters, TrainingControl
from nndesk.engine.core.network import Network
from nndesk.engine.core.optimizers import Optimizer, optimizer as make_optimizer
from nndesk.engine.core.reports import BatchReport, EpochReport, WeightsSnapshot
from nndesk.engine.core.training import EpochStats

BIG_NETWORK = 50_000  # parameters: above this, new weights cost the views a redraw worth spacing out
WEIGHTS_MS_SMALL, WEIGHTS_MS_BIG = 33, 1000  # a big network's views follow its weights once a second
STOP_WAIT_MS = 5_000  # ``stop_and_wait``: the loop stops at its next mini-batch, normally in milliseconds
SHUTDOWN_WAIT_MS = 5_000  # closing the window never hangs longer than this on a stuck worker
_ABANDONED: list[QThread] = []  # threads still running after shutdown's wait (destroying one would abort)


class TrainerState(str, Enum):
    """Where a run is; compares equal to its value ("idle", …) for old callers and settings."""

    IDLE = "idle"  # no run: Train and Step are available
    RUNNING = "running"
    STEPPING = "stepping"  # running exactly one epoch, then PAUSED
    PAUSED = "paused"  # the loop waits at its next mini-batch
    STOPPING = "stopping"  # asked to end; the worker's last weights are still to come


def freeze_long_lived_objects() -> None:
    """Once, as training first starts: take what the app has built so far out of the garbage collector's sight.

    A full collection walks every tracked object while holding the GIL — ~30 ms here, and it runs
    in whichever thread happens to allocate, often the training thread, so the window freezes
    meanwhile.  The modules, widgets and data set alive now live as long as the app; frozen
    (``gc.freeze``: O(1)), they are never walked again, and later collections stay short.
    """
    global _frozen
    if not _frozen:
        gc.freeze()
        _frozen = True


_frozen = False


def weights_interval_ms(network: Network) -> int:
    """How often to send new weights to the views: a toy network animates at ~30 fps, a digits one at 1.

    New weights for a 784-800-10 cost the GUI thread a copy into the document and its listeners'
    refresh; once a second keeps training in the window within a few % of headless
    (``benchmarks/bench_gui_responsiveness.py``).
    """
    n = sum(p.size for p in network.parameters())
    return WEIGHTS_MS_BIG if n > BIG_NETWORK else WEIGHTS_MS_SMALL


class TrainerController(QObject):
    epochFinished = Signal(object)  # EpochReport, numbered in the whole history
    batchFinished = Signal(object)  # BatchReport, ≤ 30 per second
    weightsUpdated = Signal(object)  # WeightsSnapshot, the latest, coalesced (see weights_interval_ms)
    stateChanged = Signal(object)  # TrainerState
    failed = Signal(str)  # traceback text
    diverged = Signal(str, float)  # explanation, learning rate that diverged
    finished = Signal()
    historyCleared = Signal()
    settingsChanged = Signal(object)  # Hyperparameters after update()
    _runRequested = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.control = TrainingControl()
        self.pace = Pace()  # the active run's; a fresh one per run, so a Stop never cancels the next
        self.history: list[EpochStats] = []
        self.optimizer: Optimizer | None = None
        self._state, self._offset = TrainerState.IDLE, 0
        self._pending_weights: WeightsSnapshot | None = None
        self._network: Network | None = None  # the copy being trained (its thread owns it)
        self._job: RunJob | None = None  # the run asked for last
        self._eta_edited = False  # the student moved η since the last report
        self._weights_timer = QTimer(self, singleShot=True, interval=WEIGHTS_MS_SMALL, timeout=self._flush_weights)
        self._thread: QThread | None = QThread()
        self._thread.setObjectName("trainingThread")
        self._worker = TrainingWorker()
        self._worker.moveToThread(self._thread)
        self._thread.finished.connect(self._worker.deleteLater)
        queued = Qt.ConnectionType.QueuedConnection  # explicit: each side runs in its own thread
        self._runRequested.connect(self._worker.run, queued)
        self._worker.posted.connect(self._drain, queued)
        self._thread.start()
        app = QCoreApplication.instance()
        if app is not None:  # the app can quit with no close event (logout, quit() ending a dialog): end the run first
            app.aboutToQuit.connect(self.shutdown)

    # ---- state ---------------------------------------------------------------
    @property
    def state(self) -> TrainerState:
        return self._state

    @property
    def is_active(self) -> bool:
        """True from ``start`` until the worker's last message has been handled."""
        return self._state is not TrainerState.IDLE

    def _set_state(self, state: TrainerState) -> None:
        if state is not self._state:
            self._state = state
            self.stateChanged.emit(state)

    # ---- commands ------------------------------------------------------------
    def update(self, **changes: float | int) -> Hyperparameters:
        """Change live settings; a running loop applies them at its next mini-batch.

        ``epochs_per_second`` (0: as fast as possible) is the pace, applied at the next epoch.
        """
        if "epochs_per_second" in changes:
            self.pace.set(float(changes.pop("epochs_per_second")))
            if not changes:
                return self.control.hyper
        hyper = self.control.update(**changes)
        self._eta_edited |= "learning_rate" in changes
        self.settingsChanged.emit(hyper)
        return hyper

    def start(self, network: Network, source: Any, recipe: Any, step: bool = False) -> None:
        """Train a copy of ``network`` on ``source`` as ``recipe`` says (one epoch if ``step``).

        Raises ``ValueError`` (shapes don't match, bad settings) before anything starts.  The
        trainer itself (data converted, validation split) is built in the worker's thread.
        """
        if self.is_active:
            raise RuntimeError("training is already running")
        train = source.train
        if train is None or (train.n_inputs, train.n_outputs) != (network.sizes[0], network.sizes[-1]):
            raise ValueError(f"the data set has {getattr(train, 'n_inputs', 0)} inputs and "
                             f"{getattr(train, 'n_outputs', 0)} outputs; the network is {network}")
        freeze_long_lived_objects()
        control = self.control = TrainingControl(self.control.hyper)  # a fresh stop flag for this run
        pace = self.pace = Pace(self.pace.epochs_per_second)
        self._weights_timer.setInterval(weights_interval_ms(network))
        self._eta_edited = False  # η as the run starts is the baseline, not a change
        if self.optimizer is None or self.optimizer.name != recipe.optimizer:  # else keep its momentum
            self.optimizer = make_optimizer(recipe.optimizer, control.hyper.momentum, control.hyper.l2)
        net, optimizer, on_batch = network.copy(), self.optimizer, self._worker.on_batch
        self._network = net
        self._offset = len(self.history)
        if step:
            control.step_epoch()
        self._set_state(TrainerState.STEPPING if step else TrainerState.RUNNING)
        self._job = RunJob(lambda: recipe.make_trainer(net, source, control=control, on_batch=on_batch,
                                                       optimizer=optimizer), control, pace)
        self._runRequested.emit(self._job)

    def post_edit(self, edit: Callable[[Network], None]) -> None:
        """Run ``edit(network)`` on the network being trained, in its thread, before its next batch."""
        if self.is_active and self._network is not None:
            net = self._network
            self.control.post_edit(lambda: edit(net))

    def pause(self) -> None:
        if self._state in (TrainerState.RUNNING, TrainerState.STEPPING):
            self.control.pause()
            self._set_state(TrainerState.PAUSED)

    def resume(self) -> None:
        if self._state is TrainerState.PAUSED:
            self.control.resume()
            self._set_state(TrainerState.RUNNING)

    def step(self) -> None:
        """While paused: run exactly one more epoch, then pause again."""
        if self._state is TrainerState.PAUSED:
            self.control.step_epoch()
            self._set_state(TrainerState.STEPPING)

    def stop(self) -> None:
        """Ask the loop to end after its current mini-batch (wakes it if paused); returns at once."""
        if self.is_active:
            self.control.stop()
            self.pace.cancel()  # a paced wait ends now, not at the next epoch's time
            self._set_state(TrainerState.STOPPING)

    def stop_and_wait(self, timeout_ms: int = STOP_WAIT_MS) -> bool:
        """Stop, and return once the run's last weights and reports are handled; False on timeout.

        No nested event loop: the loop ends at its next mini-batch (a few ms), this thread waits
        for exactly that, then handles the worker's remaining messages itself.  Nothing else of
        the GUI runs meanwhile, so nothing can re-enter the caller.
        """
        if not self.is_active:
            return True
        self.stop()
        if self._job is None or not self._job.ended.wait(timeout_ms / 1000):
            return False
        self._drain()
        return not self.is_active

    def reset(self) -> None:
        """Forget the history and the optimizer's memory (the window re-initialises weights)."""
        if self.is_active:
            raise RuntimeError("stop training before resetting")
        self.history.clear()
        self.optimizer = None
        self.historyCleared.emit()

    def restore(self, history: Sequence[EpochStats], optimizer: Optimizer | None) -> None:
        """Continue a saved model: its epochs so far and its optimizer's memory (momentum, Adam moments)."""
        self.history = list(history)
        self.optimizer = optimizer

    def shutdown(self, timeout_ms: int = SHUTDOWN_WAIT_MS) -> bool:
        """Stop the loop and end the thread before the window goes away; False if it outlived the wait."""
        if self._thread is None:  # already shut down
            return True
        self.control.stop()
        self.pace.cancel()
        self._thread.quit()
        ended = self._thread.wait(timeout_ms)
        if not ended:  # a batch that takes ages: let it end on its own; its QThread must outlive it
            _ABANDONED.append(self._thread)
        self._thread = None
        self._weights_timer.stop()
        self._network = None
        self._set_state(TrainerState.IDLE)
        return ended

    # ---- messages from the worker ------------------------------------------------
    @Slot()
    def _drain(self) -> None:
        """Handle every message the worker posted, in order (``posted`` or ``stop_and_wait``)."""
        for message in self._worker.take():
            if isinstance(message, EpochReport):
                self._on_epoch(message)
            elif isinstance(message, BatchReport):
                self.batchFinished.emit(message.continued(self._offset))
            else:
                self._on_ended(message)

    def _on_epoch(self, report: EpochReport) -> None:
        stats, marker = report.stats, None
        previous = self.history[-1].learning_rate if self.history else None
        if self._eta_edited and not stats.lr_changes and previous not in (None, stats.learning_rate):
            # The student moved η between two runs (each run has a fresh engine Trainer): mark it here.
            marker = ((float(stats.epoch - 1), self.control.hyper.learning_rate),)  # as set, not × schedule
        if stats.lr_changes or marker:
            self._eta_edited = False
        report = report.continued(self._offset, marker)
        self.history.append(report.stats)
        self._pending_weights = report.weights
        if not self._weights_timer.isActive():
            self._weights_timer.start()
        if self._state is TrainerState.STEPPING and self.control.paused:  # the single step just ended
            self._set_state(TrainerState.PAUSED)
        self.epochFinished.emit(report)

    @Slot()
    def _flush_weights(self) -> None:
        if self._pending_weights is not None:
            snapshot, self._pending_weights = self._pending_weights, None
            self.weightsUpdated.emit(snapshot)

    def _on_ended(self, ended: RunEnded) -> None:
        self._weights_timer.stop()
        if ended.weights is not None:
            self._pending_weights = ended.weights
        self._flush_weights()
        self._network = None
        self._set_state(TrainerState.IDLE)
        if ended.diverged is not None:
            self.diverged.emit(*ended.diverged)
        if ended.error is not None:
            self.failed.emit(ended.error)
        self.finished.emit()
