"""What crosses from the training thread to the GUI: frozen reports whose arrays later training never touches."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from nndesk.app.training.controller import TrainerController, TrainerState
from nndesk.engine.core.control import TrainingControl
from nndesk.engine.core.reports import BatchReport, EpochReport
from nndesk.engine.core.training import EpochStats, Trainer


@pytest.fixture
def trainer(qtbot):
    controller = TrainerController()
    yield controller
    controller.shutdown()


def test_a_report_is_frozen_and_its_weights_are_read_only(qtbot, trainer, network, source, recipe):
    trainer.update(epochs=1)
    with qtbot.waitSignal(trainer.epochFinished, timeout=10_000) as blocker:
        trainer.start(network, source, recipe())
    report = blocker.args[0]
    assert isinstance(report, EpochReport) and isinstance(report.stats, EpochStats)
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.weights = ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.stats.epoch = 7
    w, b = report.weights[0]
    with pytest.raises(ValueError, match="read-only"):
        w[0, 0] = 1.0  # one listener can't change what the others see
    with pytest.raises(ValueError, match="read-only"):
        b[0] = 1.0
    qtbot.waitUntil(lambda: trainer.state is TrainerState.IDLE, timeout=5_000)


def test_later_epochs_never_change_an_earlier_reports_weights_or_gradients(qtbot, trainer, network, source, recipe):
    """The first report, read only after four more epochs trained, still holds epoch 1's numbers exactly."""
    trainer.update(epochs=5, batch_size=16)
    reports: list[EpochReport] = []
    trainer.epochFinished.connect(reports.append)
    with qtbot.waitSignal(trainer.finished, timeout=10_000):
        trainer.start(network, source, recipe())
    assert [r.stats.epoch for r in reports] == [1, 2, 3, 4, 5]
    # The same first epoch, headless: same data, seed and settings, so the same arithmetic.
    alone = Trainer(network.copy(), source.train, source.test, TrainingControl(trainer.control.hyper), "sgd")
    alone.control.update(epochs=1)
    next(alone.epochs())
    first = reports[0]
    for (w, b), layer in zip(first.weights, alone.network.layers):
        np.testing.assert_array_equal(w, layer.weights)
        np.testing.assert_array_equal(b, layer.bias)
    for l in range(len(alone.network.layers)):  # multiplied out only now, from the factors of epoch 1
        np.testing.assert_array_equal(first.gradients.weights[l], alone.last_gradients.weights[l])
        np.testing.assert_array_equal(first.gradients.biases[l], alone.last_gradients.biases[l])
    assert not np.array_equal(reports[-1].weights[0][0], first.weights[0][0])  # training did go on


def test_a_second_run_continues_the_numbers_of_epochs_and_batches(qtbot, trainer, network, source, recipe):
    trainer.update(epochs=2, batch_size=1)  # many batches: progress reports arrive in every epoch
    batches: list[BatchReport] = []
    trainer.batchFinished.connect(batches.append)
    for _ in range(2):
        with qtbot.waitSignal(trainer.finished, timeout=20_000):
            trainer.start(network, source, recipe())
    second = [b for b in batches if b.epoch > 2]
    assert second and {b.epoch for b in second} <= {3, 4}  # the cost plot's x goes on, never back to 0
    assert [h.epoch for h in trainer.history] == [1, 2, 3, 4]
    assert all(isinstance(h, EpochStats) for h in trainer.history)  # what a model file saves, unchanged


def test_a_step_is_its_own_state_and_ends_paused(qtbot, trainer, network, source, recipe):
    states: list[TrainerState] = []
    trainer.stateChanged.connect(states.append)
    trainer.update(epochs=50)
    with qtbot.waitSignal(trainer.epochFinished, timeout=10_000):
        trainer.start(network, source, recipe(), step=True)
    qtbot.waitUntil(lambda: trainer.state is TrainerState.PAUSED, timeout=5_000)
    assert states == [TrainerState.STEPPING, TrainerState.PAUSED]
    trainer.stop()
    assert trainer.state is TrainerState.STOPPING
    qtbot.waitUntil(lambda: trainer.state is TrainerState.IDLE, timeout=5_000)
    assert states[-2:] == [TrainerState.STOPPING, TrainerState.IDLE] and len(trainer.history) == 1
