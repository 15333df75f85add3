"""The worker thread and its GUI-side controller: reports, live settings, pause/step/stop, errors."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.app.training.controller import TrainerController, TrainerState

IDLE, PAUSED = TrainerState.IDLE, TrainerState.PAUSED


@pytest.fixture
def trainer(qtbot):
    controller = TrainerController()
    yield controller
    controller.shutdown()


def test_each_epoch_reports_stats_and_a_copy_of_the_weights(qtbot, trainer, network, source, recipe):
    trainer.update(epochs=3, batch_size=16)
    reports = []
    trainer.epochFinished.connect(reports.append)
    with qtbot.waitSignal(trainer.finished, timeout=10_000):
        trainer.start(network, source, recipe())
    assert [r.stats.epoch for r in reports] == [1, 2, 3] and {r.epochs for r in reports} == {3}
    w, b = reports[-1].weights[0]
    assert w.shape == (8, 2) and b.shape == (8,)
    assert not np.shares_memory(w, reports[-2].weights[0][0])
    assert not np.shares_memory(w, network.layers[0].weights)  # the GUI's network is never trained in place
    assert reports[-1].stats.val_accuracy > 0.9
    assert [g.shape for g in reports[-1].gradients.weights] == [(8, 2), (2, 8)]
    assert reports[-1].gradients.weights[0] is not reports[-2].gradients.weights[0]
    assert trainer.history == [r.stats for r in reports]
    assert trainer.state is IDLE


def test_learning_rate_change_applies_to_the_running_epoch(qtbot, trainer, network, source, recipe):
    trainer.update(epochs=50, batch_size=4, learning_rate=0.1)
    with qtbot.waitSignal(trainer.epochFinished, timeout=10_000):
        trainer.start(network, source, recipe())
    trainer.update(learning_rate=0.02)
    with qtbot.waitSignal(trainer.epochFinished, timeout=10_000,
                          check_params_cb=lambda r: r.stats.learning_rate == 0.02) as blocker:
        pass
    assert blocker.args[0].stats.lr_changes[-1][1] == pytest.approx(0.02)  # where the marker goes
    rates = [h.learning_rate for h in trainer.history]  # more epochs may have finished meanwhile
    first = rates.index(0.02)
    assert first >= 1 and set(rates[:first]) == {0.1} and set(rates[first:]) == {0.02}
    with qtbot.waitSignal(trainer.finished, timeout=10_000):
        trainer.stop()


def test_pause_then_step_runs_exactly_one_epoch(qtbot, trainer, network, source, recipe):
    trainer.update(epochs=100, batch_size=8)
    with qtbot.waitSignal(trainer.epochFinished, timeout=10_000):
        trainer.start(network, source, recipe())
    trainer.pause()
    assert trainer.state == PAUSED
    qtbot.wait(100)  # let the loop reach its checkpoint and any in-flight epoch land
    done = len(trainer.history)
    with qtbot.waitSignal(trainer.epochFinished, timeout=10_000) as blocker:
        trainer.step()
    assert blocker.args[0].stats.epoch == done + 1
    qtbot.waitUntil(lambda: trainer.state == PAUSED, timeout=5_000)
    qtbot.wait(100)
    assert len(trainer.history) == done + 1
    with qtbot.waitSignal(trainer.finished, timeout=5_000):  # stop wakes the paused loop
        trainer.stop()


def test_next_run_continues_the_epoch_count(qtbot, trainer, network, source, recipe):
    trainer.update(epochs=2)
    for _ in range(2):
        with qtbot.waitSignal(trainer.finished, timeout=10_000):
            trainer.start(network, source, recipe(optimizer="momentum"))
    assert [h.epoch for h in trainer.history] == [1, 2, 3, 4]
    trainer.reset()
    assert trainer.history == [] and trainer.optimizer is None


def test_a_bug_in_the_loop_is_reported_and_the_thread_survives(qtbot, trainer, network, source, recipe):
    with qtbot.waitSignal(trainer.failed, timeout=5_000) as blocker:
        trainer.start(network, source, recipe(fail=True))
    assert "ZeroDivisionError" in blocker.args[0]
    qtbot.waitUntil(lambda: trainer.state == IDLE, timeout=5_000)
    trainer.update(epochs=1)
    with qtbot.waitSignal(trainer.epochFinished, timeout=10_000):
        trainer.start(network, source, recipe())


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_divergence_stops_training_with_the_engines_explanation(qtbot, trainer, source, recipe):
    from nndesk.engine.core.network import Network

    net = Network.create([2, 8, 2], "linear", "quadratic", output_activation="linear", seed=0)
    trainer.update(learning_rate=1e5, epochs=5)
    with qtbot.waitSignal(trainer.diverged, timeout=10_000) as blocker:
        trainer.start(net, source, recipe())
    message, eta = blocker.args
    assert "smaller learning rate" in message and eta == pytest.approx(1e5)
    qtbot.waitUntil(lambda: trainer.state == IDLE, timeout=5_000)


def test_batch_progress_is_throttled_to_30_signals_per_second(qtbot, trainer, network, source, recipe):
    trainer.update(epochs=4, batch_size=1)  # 1,600 batches an epoch
    batches = []
    trainer.batchFinished.connect(batches.append)
    with qtbot.waitSignal(trainer.finished, timeout=30_000):
        trainer.start(network, source, recipe())
    seconds = sum(h.seconds for h in trainer.history)
    assert len(batches) <= 30 * seconds + 2
    assert batches and batches[-1].n_batches == 1600 and 1 <= batches[-1].batch <= 1600
