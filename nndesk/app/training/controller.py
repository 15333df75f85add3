"""The GUI-thread face of training (``window.trainer``): start, pause, step, stop, reset.

It owns one ``TrainingWorker`` in one QThread for the whole session (started
once, never terminated; ``shutdown`` asks the loop to stop and waits).  Live
settings go into the lock-protected ``TrainingControl``, which the loop reads
between mini-batches; reports come back as queued signals carrying copies.

Each run trains a copy of the GUI's network.  Epoch numbers continue across
runs (train 5, stop, train 5 more → epochs 6–10), so the loss plot and the
history stay one story.  The weights for the canvas are coalesced to ~30 per
second however fast a toy set's epochs fly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from nndesk.app.training.worker import TrainingWorker
from nndesk.engine.core.control import Hyperparameters, TrainingControl
from nndesk.engine.core.network import Network
from nndesk.engine.core.optimizers import Optimizer

IDLE, RUNNING, PAUSED, STOPPING = "idle", "running", "paused", "stopping"
BIG_NETWORK = 50_000  # parameters: above this, new weights cost the GUI thread ~15–25 ms (canvas, panels)
WEIGHTS_MS_SMALL, WEIGHTS_MS_BIG = 33, 1000  # a big network's canvas redraws at most once a second


def weights_interval_ms(network: Network) -> int:
    """How often to send new weights to the views: a toy network animates at ~30 fps, a digits one at 1.

    New weights for a 784-800-10 cost the GUI thread ~5 ms in the document and its listeners plus two
    paints of ~8 ms (one big edge bundle each, see ``RepaintQueue``); once a second keeps the GUI's
    10 ms ticks within ~20 ms and training within 10 % of headless (``bench_gui_responsiveness``).
    """
    n = sum(p.size for p in network.parameters())
    return WEIGHTS_MS_BIG if n > BIG_NETWORK else WEIGHTS_MS_SMALL


_SNAPSHOTS = ("weights", "gradients", "bias_gradients")  # big arrays the history must not keep


class TrainerController(QObject):
    epochFinished = Signal(dict)  # epoch, train_cost, val_cost, val_accuracy, learning_rate, weights, …
    batchFinished = Signal(dict)  # ≤ 30 per second
    weightsUpdated = Signal(object)  # latest weights snapshot, coalesced (see weights_interval_ms)
    stateChanged = Signal(str)  # idle / running / paused / stopping
    failed = Signal(str)
    diverged = Signal(str, float)  # explanation, learning rate that diverged
    finished = Signal()
    historyCleared = Signal()
    settingsChanged = Signal(object)  # Hyperparameters after update()
    _runRequested = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.control = TrainingControl()
        self.history: list[dict[str, Any]] = []
        self.optimizer: Optimizer | None = None
        self._state, self._offset, self._pending_weights = IDLE, 0, None
        self._trainer = None
        self._eta_edited = False  # the student moved η since the last report
        self._weights_timer = QTimer(self, singleShot=True, interval=33, timeout=self._flush_weights)
        self._thread = QThread()
        self._thread.setObjectName("trainingThread")
        self._worker = TrainingWorker()
        self._worker.moveToThread(self._thread)
        self._thread.finished.connect(self._worker.deleteLater)
        queued = Qt.ConnectionType.QueuedConnection  # explicit: every report crosses from the worker's thread
        self._runRequested.connect(self._worker.run, queued)
        self._worker.epochFinished.connect(self._on_epoch, queued)
        self._worker.batchFinished.connect(self.batchFinished, queued)
        self._worker.diverged.connect(self.diverged, queued)
        self._worker.failed.connect(self.failed, queued)
        self._worker.finished.connect(self._on_finished, queued)
        self._thread.start()

    # ---- state ---------------------------------------------------------------
    @property
    def state(self) -> str:
        return self._state

    @property
    def is_active(self) -> bool:
        """True from ``start`` until the worker has really finished."""
        return self._state != IDLE

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.stateChanged.emit(state)

    # ---- commands ------------------------------------------------------------
    def update(self, **changes: float | int) -> Hyperparameters:
        """Change live settings; a running loop applies them at its next mini-batch."""
        hyper = self.control.update(**changes)
        self._eta_edited |= "learning_rate" in changes
        self.settingsChanged.emit(hyper)
        return hyper

    def start(self, network: Network, source: Any, recipe: Any, step: bool = False) -> None:
        """Train a copy of ``network`` on ``source`` as ``recipe`` says (one epoch if ``step``).

        Raises ``ValueError`` (shapes don't match, bad settings) before anything starts.
        """
        if self.is_active:
            raise RuntimeError("training is already running")
        self.control = TrainingControl(self.control.hyper)  # a fresh stop flag for this run
        self._weights_timer.setInterval(weights_interval_ms(network))
        self._eta_edited = False  # η as the run starts is the baseline, not a change
        keep = self.optimizer if self.optimizer is not None and self.optimizer.name == recipe.optimizer else None
        self._trainer = recipe.make_trainer(network.copy(), source, control=self.control,
                                            on_batch=self._worker.on_batch, optimizer=keep)  # keep momentum
        self.optimizer = self._trainer.optimizer
        self._offset = len(self.history)
        if step:
            self.control.step_epoch()
        self._set_state(RUNNING)
        self._runRequested.emit(self._trainer)

    def post_edit(self, edit: Callable[[Network], None]) -> None:
        """Run ``edit(network)`` on the network being trained, in its thread, before its next batch."""
        if self.is_active and self._trainer is not None:
            net = self._trainer.network
            self.control.post_edit(lambda: edit(net))

    def pause(self) -> None:
        if self._state == RUNNING:
            self.control.pause()
            self._set_state(PAUSED)

    def resume(self) -> None:
        if self._state == PAUSED:
            self.control.resume()
            self._set_state(RUNNING)

    def step(self) -> None:
        """While paused: run exactly one more epoch, then pause again."""
        if self._state == PAUSED:
            self.control.step_epoch()
            self._set_state(RUNNING)

    def stop(self) -> None:
        """Ask the loop to end after its current mini-batch (wakes it if paused)."""
        if self.is_active:
            self.control.stop()
            self._set_state(STOPPING)

    def reset(self) -> None:
        """Forget the history and the optimizer's memory (the window re-initialises weights)."""
        if self.is_active:
            raise RuntimeError("stop training before resetting")
        self.history.clear()
        self.optimizer = None
        self.historyCleared.emit()

    def restore(self, history: list, optimizer: Optimizer | None) -> None:
        """Continue a saved model: its epochs so far and its optimizer's memory (momentum, Adam moments)."""
        self.history = [h.as_dict() if hasattr(h, "as_dict") else dict(h) for h in history]
        for report in self.history:
            report.setdefault("epochs", len(self.history))
        self.optimizer = optimizer

    def shutdown(self) -> None:
        """Stop the loop and wait for the thread: call before the window goes away."""
        self.control.stop()
        self._thread.quit()
        self._thread.wait()
        self._weights_timer.stop()
        self._trainer = None
        self._set_state(IDLE)

    # ---- reports from the worker ----------------------------------------------
    @Slot(dict)
    def _on_epoch(self, report: dict) -> None:
        report["epoch"] += self._offset
        report["epochs"] += self._offset
        report["lr_changes"] = [[e + self._offset, lr] for e, lr in report["lr_changes"]]
        previous = self.history[-1]["learning_rate"] if self.history else None
        if self._eta_edited and not report["lr_changes"] and previous not in (None, report["learning_rate"]):
            # The student moved η between two runs (each run has a fresh engine Trainer): mark it here.
            report["lr_changes"] = [[float(report["epoch"] - 1), report["learning_rate"]]]
        if report["lr_changes"]:
            self._eta_edited = False
        self.history.append({k: v for k, v in report.items() if k not in _SNAPSHOTS})
        self._pending_weights = report["weights"]
        if not self._weights_timer.isActive():
            self._weights_timer.start()
        if self._state == RUNNING and self.control.paused:  # a single step just ended
            self._set_state(PAUSED)
        self.epochFinished.emit(report)

    @Slot()
    def _flush_weights(self) -> None:
        if self._pending_weights is not None:
            snapshot, self._pending_weights = self._pending_weights, None
            self.weightsUpdated.emit(snapshot)

    @Slot(object)
    def _on_finished(self, snapshot: object) -> None:
        self._weights_timer.stop()
        self._pending_weights = snapshot if snapshot is not None else self._pending_weights
        self._flush_weights()
        self._trainer = None
        self._set_state(IDLE)
        self.finished.emit()
