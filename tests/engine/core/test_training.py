"""The epoch iterator: live settings, pause/step/stop from another thread, divergence."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from nndesk.engine.core.control import Hyperparameters, TrainingControl
from nndesk.engine.core.dataset import Dataset
from nndesk.engine.core.network import Network
from nndesk.engine.core.optimizers import OPTIMIZERS
from nndesk.engine.core.training import Trainer, TrainingDiverged


def _blobs(n: int = 200, seed: int = 0) -> Dataset:
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    x = (rng.normal(size=(n, 2)) * 0.5 + np.where(y[:, None] == 1, 1.0, -1.0)).astype(np.float32)
    return Dataset("blobs", x, y, 2)


def _trainer(control: TrainingControl, optimizer: str = "sgd", seed: int = 0, **kw) -> Trainer:
    net = Network.create([2, 4, 2], "tanh", "cross-entropy", seed=seed)
    data = _blobs()
    return Trainer(net, data, data, control, optimizer, seed=seed, **kw)


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_every_optimizer_lowers_the_cost(name: str) -> None:
    control = TrainingControl(Hyperparameters(learning_rate=0.05, batch_size=16, epochs=15))
    stats = list(_trainer(control, name).epochs())
    assert len(stats) == 15
    assert stats[-1].val_cost < stats[0].val_cost
    assert stats[-1].val_accuracy > 0.9


def test_same_seed_gives_bit_identical_weights() -> None:
    runs = []
    for _ in range(2):
        t = _trainer(TrainingControl(Hyperparameters(epochs=3, batch_size=8)), "adam", seed=5)
        list(t.epochs())
        runs.append([p.copy() for p in t.network.parameters()])
    for a, b in zip(*runs):
        np.testing.assert_array_equal(a, b)


def test_learning_rate_change_applies_at_next_batch_and_is_reported() -> None:
    control = TrainingControl(Hyperparameters(learning_rate=0.1, batch_size=50, epochs=2))
    calls = []

    def on_batch(epoch: int, batch: int, n_batches: int, cost: float) -> None:
        calls.append((epoch, batch))
        if (epoch, batch) == (1, 2):
            control.update(learning_rate=0.02)

    stats = list(_trainer(control, on_batch=on_batch).epochs())
    assert stats[0].lr_changes == ((0.5, 0.02),)  # after 2 of 4 batches
    assert stats[0].learning_rate == pytest.approx(0.02)
    assert stats[1].lr_changes == ()
    assert len(calls) == 8


def test_pause_blocks_between_batches_and_stop_wakes_a_paused_loop() -> None:
    control = TrainingControl(Hyperparameters(epochs=1000, batch_size=10))
    trainer = _trainer(control)
    first_epoch = threading.Event()
    done = threading.Event()

    def run() -> None:
        for stats in trainer.epochs():
            if stats.epoch == 1:
                control.pause()
                first_epoch.set()
        done.set()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert first_epoch.wait(10)
    assert not done.wait(0.2)  # paused: the loop is waiting, not running
    epochs_while_paused = trainer.epoch
    assert epochs_while_paused == 1
    control.stop()
    assert done.wait(10)
    assert trainer.epoch == 1


def test_step_runs_exactly_one_epoch_then_pauses_again() -> None:
    control = TrainingControl(Hyperparameters(epochs=100, batch_size=20))
    trainer = _trainer(control)
    control.step_epoch()
    it = trainer.epochs()
    assert next(it).epoch == 1
    assert control.paused
    control.step_epoch()
    assert next(it).epoch == 2
    control.stop()
    assert list(it) == []


def test_batch_size_and_epoch_budget_are_read_live() -> None:
    control = TrainingControl(Hyperparameters(epochs=2, batch_size=100))
    trainer = _trainer(control)
    it = trainer.epochs()
    next(it)
    control.update(epochs=4, batch_size=200)
    assert [s.epoch for s in it] == [2, 3, 4]


def test_divergence_restores_the_weights_of_the_epoch_start() -> None:
    control = TrainingControl(Hyperparameters(learning_rate=1e5, batch_size=10, epochs=50))
    net = Network.create([2, 16, 1], "linear", "quadratic", output_activation="linear", seed=0)
    data = _blobs()
    data = Dataset("blobs", data.x * 1000, data.y, 2, targets=data.y[:, None].astype(np.float32) * 1e3)
    trainer = Trainer(net, data, None, control, "sgd")
    before = [p.copy() for p in net.parameters()]
    with pytest.raises(TrainingDiverged) as info:
        list(trainer.epochs())
    assert info.value.epoch == 1
    assert "smaller learning rate" in str(info.value)
    for p, b in zip(net.parameters(), before):
        np.testing.assert_array_equal(p, b)


def test_queued_edits_run_before_the_next_batch() -> None:
    control = TrainingControl(Hyperparameters(epochs=1, batch_size=500))
    trainer = _trainer(control)
    seen = []
    control.post_edit(lambda: seen.append(trainer.epoch))
    list(trainer.epochs())
    assert seen == [0]


def test_invalid_settings_are_rejected() -> None:
    control = TrainingControl()
    with pytest.raises(ValueError):
        control.update(learning_rate=-1)
    with pytest.raises(ValueError):
        control.update(batch_size=0)
    with pytest.raises(ValueError):
        control.update(speed=3)


@pytest.mark.parametrize("name", ["momentum", "adam"])
def test_frozen_weights_and_biases_never_move_even_with_momentum_and_l2(name: str) -> None:
    control = TrainingControl(Hyperparameters(learning_rate=0.05, batch_size=16, epochs=3, l2=0.01))
    trainer = _trainer(control, name)
    layer = trainer.network.layers[0]
    layer.frozen = np.zeros_like(layer.weights, dtype=bool)
    layer.frozen[1, :] = True
    layer.frozen_bias = np.array([False, True, False, False])
    frozen_row, frozen_b = layer.weights[1].copy(), layer.bias[1]
    free_row = layer.weights[0].copy()
    list(trainer.epochs())
    np.testing.assert_array_equal(layer.weights[1], frozen_row)
    assert layer.bias[1] == frozen_b
    assert not np.array_equal(layer.weights[0], free_row)


def test_a_rate_change_between_epochs_is_reported_but_a_schedule_is_not() -> None:
    control = TrainingControl(Hyperparameters(learning_rate=0.1, batch_size=50, epochs=3))
    trainer = _trainer(control, schedule=lambda epoch, total: 1.0 / (1 + epoch))
    it = trainer.epochs()
    first = next(it)
    assert first.lr_changes == ()
    control.update(learning_rate=0.05)
    second = next(it)
    assert second.lr_changes == ((1.0, 0.05),)  # the η the student set (the slider's), not η × schedule
    assert next(it).lr_changes == ()


def test_last_batch_gradients_are_kept_as_copies() -> None:
    control = TrainingControl(Hyperparameters(batch_size=64, epochs=1))
    trainer = _trainer(control)
    list(trainer.epochs())
    nabla_w, nabla_b = trainer.last_gradients
    assert [g.shape for g in nabla_w] == [layer.weights.shape for layer in trainer.network.layers]
    assert [g.shape for g in nabla_b] == [layer.bias.shape for layer in trainer.network.layers]
    assert all(np.all(np.isfinite(g)) for g in nabla_w) and any(np.any(g != 0) for g in nabla_w)


def test_divergence_raises_no_numpy_warnings() -> None:
    import warnings

    control = TrainingControl(Hyperparameters(learning_rate=1e5, batch_size=10, epochs=5))
    net = Network.create([2, 16, 1], "linear", "quadratic", output_activation="linear", seed=0)
    data = _blobs()
    data = Dataset("blobs", data.x * 1000, data.y, 2, targets=data.y[:, None].astype(np.float32) * 1e3)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(TrainingDiverged):
            list(Trainer(net, data, data, control, "sgd").epochs())


# ---- saturation: a diverged run whose cost stays finite -------------------------------------------

@pytest.fixture
def one_blas_thread():
    """As the CLI and the app train: on a busy 2-core machine a second BLAS thread makes these 5× slower."""
    from nndesk.engine.fast.blas import blas_threads

    with blas_threads(1):
        yield


def _digits_small(**changes):
    from nndesk.engine.runs.recipe import TrainingRecipe

    recipe = TrainingRecipe.for_dataset("mnist-bundled", "digits-small", **changes)
    source = recipe.load_data()
    train, _ = recipe.split(source)
    net = recipe.build_network(train.n_inputs, train.n_outputs)
    return net, recipe.make_trainer(net, source)


@pytest.mark.parametrize("optimizer", ["momentum", "adam"])
@pytest.mark.usefixtures("one_blas_thread")
def test_a_softmax_saturated_by_a_huge_rate_stops_in_the_first_epoch_with_its_weights_back(optimizer) -> None:
    net, trainer = _digits_small(learning_rate=999999, optimizer=optimizer)
    before = [p.copy() for p in net.parameters()]
    with pytest.raises(TrainingDiverged) as info:
        list(trainer.epochs())
    error = info.value
    assert error.epoch == 1 and error.learning_rate == 999999 and trainer.history == []
    assert error.saturation is not None and error.saturation.cost > 5 * error.saturation.start_cost
    message = str(error)
    assert "the network saturated" in message and "cost rose from 2.3" in message and "infinite or NaN" not in message
    assert "smaller learning rate such as 99999.9" in message
    for p, b in zip(net.parameters(), before):
        np.testing.assert_array_equal(p, b)


@pytest.mark.parametrize("dataset", ["xor", "mnist-bundled"])
@pytest.mark.usefixtures("one_blas_thread")
def test_sigmoid_outputs_pinned_at_0_or_1_under_the_quadratic_cost_count_as_saturated(dataset) -> None:
    from nndesk.engine.runs.recipe import TrainingRecipe

    # The quadratic cost of pinned outputs is small (½ a wrong output: the digits' 0.5 is barely above the
    # 0.45 of always guessing the mean), so it is the pinning that tells: σ′ = 0 and nothing learns any more.
    recipe = TrainingRecipe.for_dataset(dataset, "digits-small" if dataset != "xor" else None, activation="sigmoid",
                                        cost="quadratic", optimizer="sgd", learning_rate=999999, epochs=5)
    source = recipe.load_data()
    net = recipe.build_network(source.train.n_inputs, source.train.n_outputs)
    with pytest.raises(TrainingDiverged, match=r"100% of its outputs are pinned at their limits.*no better than"):
        list(recipe.make_trainer(net, source).epochs())


@pytest.mark.parametrize(("dataset", "preset", "changes"), [
    ("mnist-bundled", "digits-small", {}),
    ("mnist-bundled", "digits", {"epochs": 2}),
    ("xor", "toy", {}), ("circles", "toy", {}), ("spiral", "toy", {}), ("gaussians", "toy", {}),
    ("lecture", "lecture", {}),
    # slow starts: a sigmoid network under the quadratic cost sits on the guess's cost for hundreds of epochs
    ("xor", "toy", {"activation": "sigmoid", "cost": "quadratic", "optimizer": "sgd", "learning_rate": 0.05,
                    "epochs": 300}),
    ("mnist-bundled", "digits-small", {"activation": "sigmoid", "cost": "quadratic", "optimizer": "sgd",
                                       "learning_rate": 0.01, "epochs": 3}),
])
@pytest.mark.usefixtures("one_blas_thread")
def test_presets_and_slow_starts_at_a_normal_rate_are_never_called_diverged(dataset, preset, changes) -> None:
    from nndesk.engine.runs.recipe import TrainingRecipe

    recipe = TrainingRecipe.for_dataset(dataset, preset, **changes)
    source = recipe.load_data()
    train, _ = recipe.split(source)
    trainer = recipe.make_trainer(recipe.build_network(train.n_inputs, train.n_outputs), source)
    assert len(list(trainer.epochs())) == recipe.hyper.epochs


@pytest.mark.usefixtures("one_blas_thread")
def test_a_softmax_that_saturates_mid_run_is_put_back_to_the_start_of_that_epoch() -> None:
    net, trainer = _digits_small(epochs=10)
    it = trainer.epochs()
    good = [next(it) for _ in range(2)]
    assert good[-1].val_accuracy > 0.8
    weights = [p.copy() for p in net.parameters()]
    trainer.control.update(learning_rate=999999)  # the student types a far larger η
    with pytest.raises(TrainingDiverged, match="epoch 3: the network saturated"):
        next(it)
    for p, w in zip(net.parameters(), weights):
        np.testing.assert_array_equal(p, w)
    assert len(trainer.history) == 2


def test_each_epoch_records_the_network_that_trained_it() -> None:
    from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec, network_text

    [stats] = Trainer(Network.create([2, 4, 2], "tanh", "cross-entropy", seed=0), _blobs(),
                      control=TrainingControl(Hyperparameters(epochs=1))).epochs()
    assert stats.network == "2-4-2 tanh,softmax" and stats.as_dict()["network"] == stats.network
    cnn = ConvNet.create((1, 6, 6), [ConvSpec(3, 2), PoolSpec(2)], [5], 3, seed=0)
    assert network_text(cnn) == "1×6×6-conv3x3x2-pool2-5-3 relu,relu,softmax"
