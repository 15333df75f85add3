"""Presets build the networks they describe; schedules are sane; digits-small learns fast."""

from __future__ import annotations

import time

import pytest

from nndesk.engine.core.control import TrainingControl
from nndesk.engine.core.training import Trainer
from nndesk.engine.data.datasets import load
from nndesk.engine.fast.blas import blas_threads
from nndesk.engine.runs.presets import PRESETS, SCHEDULES, make_schedule, preset

_SHAPES = {"digits": (784, 10), "digits-small": (784, 10), "lecture": (3, 1), "toy": (2, 2), "table": (4, 3),
           "digits-cnn": (784, 10)}


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_preset_builds_its_network(name: str) -> None:
    p = preset(name)
    n_in, n_out = _SHAPES[name]
    net = p.network(n_in, n_out, seed=0)
    dense = net.head if p.features else net  # a CNN's dense layers follow its convolutions
    assert net.sizes[0] == n_in and dense.sizes[1:] == [*p.hidden, n_out]
    assert all(layer.activation.name == p.activation for layer in net.layers[:-1] if hasattr(layer, "activation"))
    assert net.cost.name == p.cost
    assert p.hyper.validated() is p.hyper
    make_schedule(p.schedule)  # a known name (or None)
    assert p.description


def test_same_seed_gives_the_same_weights() -> None:
    a, b = (preset("toy").network(2, 2, seed=4) for _ in range(2))
    assert all((x == y).all() for x, y in zip(a.parameters(), b.parameters()))


def test_lecture_preset_is_the_slides_network() -> None:
    p = preset("lecture")
    assert (p.hidden, p.activation, p.cost, p.optimizer) == ((2,), "sigmoid", "quadratic", "sgd")
    assert (p.hyper.learning_rate, p.hyper.batch_size) == (0.1, 1)


def test_digits_preset_is_softmax_cross_entropy_with_augmentation() -> None:
    p = preset("digits")
    assert p.cost == "cross-entropy" and p.augment and p.schedule is not None
    assert p.network(784, 10).output_activation.name == "softmax"


def test_unknown_preset_lists_the_known_ones() -> None:
    with pytest.raises(ValueError, match="digits-small"):
        preset("nope")


@pytest.mark.parametrize("name", sorted(n for n in SCHEDULES if n != "constant"))
def test_schedules_start_at_one_fall_and_stay_positive(name: str) -> None:
    schedule = make_schedule(name)
    factors = [schedule(e, 20) for e in range(20)]
    assert factors[0] == 1.0
    assert all(a >= b for a, b in zip(factors, factors[1:]))
    assert 0 < factors[-1] <= 0.1


def test_constant_schedule_and_none_leave_eta_alone() -> None:
    assert make_schedule(None) is None and make_schedule("constant") is None


def test_unknown_schedule_lists_the_known_ones() -> None:
    with pytest.raises(ValueError, match="cosine"):
        make_schedule("exponential")


def test_digits_small_beats_80_percent_in_two_epochs_quickly() -> None:
    p = preset("digits-small")
    train, val = load("mnist-bundled").train.split(0.2, seed=0)
    control = TrainingControl(p.hyper)
    control.update(epochs=2)
    start = time.perf_counter()
    with blas_threads(1):
        trainer = Trainer(p.network(train.n_inputs, train.n_outputs, seed=0), train, val, control,
                          p.optimizer, seed=0, schedule=make_schedule(p.schedule))
        stats = list(trainer.epochs())
    assert len(stats) == 2
    assert stats[-1].val_accuracy > 0.80
    assert time.perf_counter() - start < 20


def test_digits_cnn_is_the_lecture_s_convolutional_network() -> None:
    net = preset("digits-cnn").network(784, 10, seed=0)
    assert net.architecture == "1×28×28-conv5x5x32-pool2-conv5x5x64-pool2-128-10"
    assert net.output_activation.name == "softmax" and preset("digits-cnn").augment
