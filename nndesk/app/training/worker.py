"""The QObject that runs ``Trainer.epochs()`` inside a long-lived QThread.

Like superqt's ``thread_worker``, it turns the engine's generator into
signals: one ``epochFinished`` per yielded ``EpochStats``, then exactly one
``finished``.  It never reads Qt state for settings: the GUI changes the
trainer's lock-protected ``TrainingControl``, because a queued signal to this
busy object would only arrive after the loop has returned.

Every signal carries copies (``weights_snapshot``), never the live arrays the
loop keeps updating.  Batch progress is throttled here, at the source, to at
most ``BATCH_SIGNALS_PER_SECOND``, so a fast toy set cannot flood the GUI.
"""

from __future__ import annotations

import os
import sys
import threading
import time
import traceback

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal, Slot

from nndesk.engine.core.control import TrainingControl
from nndesk.engine.core.network import Network
from nndesk.engine.core.training import Trainer, TrainingDiverged

BATCH_SIGNALS_PER_SECOND = 30
TRAINING_NICENESS = 10  # Linux nice value of the training thread (0 = normal, 19 = lowest)

WeightsSnapshot = list[tuple[np.ndarray, np.ndarray]]  # [(W⁽ˡ⁾, b⁽ˡ⁾), …] copies


def yield_to_gui() -> None:
    """Let the GUI thread win the CPU when both want it (training threads it starts inherit this).

    On a 2-core machine training and its digit distorter fill both cores, and
    the GUI thread would wait its turn for every paint.  Linux keeps a nice
    value per thread, so raising this thread's lowers only training's
    priority; elsewhere ``QThread.setPriority`` does the same job.
    """
    if hasattr(os, "setpriority") and sys.platform.startswith("linux"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), TRAINING_NICENESS)
        except OSError:
            pass
    else:
        QThread.currentThread().setPriority(QThread.Priority.LowPriority)


def weights_snapshot(network: Network) -> WeightsSnapshot:
    """Copies of every layer's weights and bias, safe to hand to another thread."""
    # order="K": the copy keeps the engine's memory layout (W is a view of [W | b]ᵀ), so it is a
    # plain memcpy here and writing it back into the document's network is one too
    return [(layer.weights.copy(order="K"), layer.bias.copy()) for layer in network.layers]


class TrainingWorker(QObject):
    """Runs one trainer at a time; lives in the controller's QThread."""

    epochFinished = Signal(dict)  # EpochStats.as_dict() + "epochs" + "weights" + "gradients"/"bias_gradients"
    batchFinished = Signal(dict)  # epoch, batch, n_batches, cost, samples_per_second
    diverged = Signal(str, float)  # the engine's explanation, the learning rate that diverged
    failed = Signal(str)  # traceback text of an unexpected exception
    finished = Signal(object)  # final weights snapshot (None if the loop never ran a batch)

    def __init__(self) -> None:
        super().__init__()
        self._last_batch_signal = 0.0
        self._epoch_start = 0.0
        self._control: TrainingControl | None = None

    def on_batch(self, epoch: int, batch: int, n_batches: int, cost: float) -> None:
        """The trainer's ``on_batch`` callback (worker thread): emit at most 30 per second."""
        now = time.perf_counter()
        if batch == 1:
            self._epoch_start = now
        if now - self._last_batch_signal < 1.0 / BATCH_SIGNALS_PER_SECOND:
            return
        self._last_batch_signal = now
        elapsed = now - self._epoch_start
        batch_size = self._control.hyper.batch_size if self._control else 1
        rate = batch * batch_size / elapsed if elapsed > 0 else 0.0
        self.batchFinished.emit({"epoch": epoch, "batch": batch, "n_batches": n_batches,
                                 "cost": float(cost), "samples_per_second": rate})

    @Slot(object)
    def run(self, trainer: Trainer) -> None:
        """Train until the budget is spent or a stop is asked; never lets an exception escape."""
        yield_to_gui()
        snapshot = None
        self._control = trainer.control
        try:
            for stats in trainer.epochs():
                report = stats.as_dict()
                report["epochs"] = trainer.control.hyper.epochs
                report["weights"] = snapshot = weights_snapshot(trainer.network)
                if trainer.last_gradients is not None:  # multiplied out when the GUI reads them, not here
                    report["gradients"], report["bias_gradients"] = trainer.last_gradients
                self.epochFinished.emit(report)
            snapshot = weights_snapshot(trainer.network)
        except TrainingDiverged as exc:  # the engine already restored the epoch's weights
            snapshot = weights_snapshot(trainer.network)
            self.diverged.emit(str(exc), exc.learning_rate)
        except Exception:  # noqa: BLE001 - any bug must reach the window, not kill the thread
            self.failed.emit(traceback.format_exc())
        finally:
            self.finished.emit(snapshot)
