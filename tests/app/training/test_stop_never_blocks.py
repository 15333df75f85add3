"""Stopping and shutting down never hold the GUI thread hostage: no nested event loop, bounded waits."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer

from nndesk.app.training.controller import TrainerController, TrainerState
from nndesk.engine.core.network import Network


@pytest.fixture
def trainer(qtbot):
    controller = TrainerController()
    yield controller
    controller.shutdown()


@pytest.fixture
def wide() -> Network:
    """Big enough that a mini-batch takes a while, so a stop really lands mid-epoch."""
    return Network.create([2, 256, 256, 2], "sigmoid", "cross-entropy", seed=0)


def test_stop_and_wait_hands_over_the_last_weights_without_an_event_loop(qtbot, trainer, wide, source, recipe):
    trainer.update(epochs=1000, batch_size=8)
    reports, weights = [], []
    trainer.epochFinished.connect(reports.append)
    trainer.weightsUpdated.connect(weights.append)
    with qtbot.waitSignal(trainer.epochFinished, timeout=20_000):
        trainer.start(wide, source, recipe())
    ran = []
    QTimer.singleShot(0, lambda: ran.append("event loop"))  # fires only if something spins the event loop
    start = time.perf_counter()
    assert trainer.stop_and_wait()
    seconds = time.perf_counter() - start
    assert ran == []  # nothing of the GUI ran meanwhile: no nested event loop, nothing could re-enter
    assert trainer.state is TrainerState.IDLE and weights  # the run's last weights were handed over
    assert len(trainer.history) == len(reports)  # every epoch the worker reported, none left in flight
    assert seconds < 3  # about one mini-batch; generous for a shared machine
    qtbot.waitUntil(lambda: ran == ["event loop"])
    assert trainer.stop_and_wait()  # nothing runs: returns at once


def test_stop_and_wait_while_paused_wakes_the_loop(qtbot, trainer, network, source, recipe):
    trainer.update(epochs=1000)
    with qtbot.waitSignal(trainer.epochFinished, timeout=10_000):
        trainer.start(network, source, recipe())
    trainer.pause()
    assert trainer.stop_and_wait() and trainer.state is TrainerState.IDLE


def test_shutdown_gives_up_on_a_stuck_worker_after_its_timeout(qtbot, wide, source, recipe):
    trainer = TrainerController()
    thread = trainer._thread
    trainer.update(epochs=1000)
    with qtbot.waitSignal(trainer.epochFinished, timeout=20_000):
        trainer.start(wide, source, recipe())
    inside, release = threading.Event(), threading.Event()

    def stuck(_net: Network) -> None:  # the loop runs posted edits between batches, in its own thread
        inside.set()
        release.wait(30)

    trainer.post_edit(stuck)
    assert inside.wait(20)
    start = time.perf_counter()
    assert trainer.shutdown(timeout_ms=300) is False
    assert time.perf_counter() - start < 2  # the window closes instead of hanging on the worker
    assert thread.isRunning() and trainer.state is TrainerState.IDLE
    release.set()  # the batch ends, sees the stop, and the thread ends on its own
    qtbot.waitUntil(lambda: not thread.isRunning(), timeout=10_000)
    assert trainer.shutdown() is True  # a second call is harmless
