"""Teaching my digits: folds held out in turn, the fine-tune's settings, the mix, and a real fine-tune
that learns a handwriting MNIST does not have (mirrored digits) while MNIST stays read."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nndesk.engine.core.dataset import Dataset
from nndesk.engine.core.network import Network
from nndesk.engine.data.datasets import DataSource
from nndesk.engine.runs import teach
from nndesk.engine.runs.pretrained import ready_trained
from nndesk.engine.runs.recipe import TrainingRecipe

DIGITS = TrainingRecipe.for_dataset("mnist-bundled")


def labels(per_class: list[int]) -> np.ndarray:
    """Labels in a drawing order: the classes interleaved, ``per_class[c]`` digits of class c."""
    order = [c for k in range(max(per_class)) for c in range(10) if k < per_class[c]]
    return np.array(order, dtype=np.int64)


def test_every_digit_is_held_out_once_in_folds_turns_stratified_by_label() -> None:
    y = labels([20] * 10)
    turns = np.array([teach.held_out(y, turn) for turn in range(teach.FOLDS)])
    assert np.array_equal(turns.sum(axis=0), np.ones(len(y)))  # each exactly once
    for held in turns:
        assert np.array_equal(np.bincount(y[held], minlength=10), [4] * 10)  # a fifth of every label


def test_turns_repeat_and_are_deterministic() -> None:
    y = labels([7, 3, 9, 5, 12, 2, 6, 8, 4, 10])
    assert np.array_equal(teach.held_out(y, 2), teach.held_out(y.copy(), 2 + teach.FOLDS))
    assert not np.array_equal(teach.held_out(y, 0), teach.held_out(y, 1))


def test_few_digits_still_give_every_turn_something_to_measure() -> None:
    y = labels([2] * 10)
    for turn in range(teach.FOLDS):
        held = teach.held_out(y, turn)
        assert 2 <= held.sum() <= 6 and all(np.sum(y[~held] == c) >= 1 for c in range(10))


def test_a_labels_only_digit_is_always_taught() -> None:
    y = labels([1, 5, 5, 5, 5, 5, 5, 5, 5, 5])
    assert not any(teach.held_out(y, turn)[y == 0].any() for turn in range(teach.FOLDS))


def test_adding_digits_keeps_each_earlier_digits_fold() -> None:
    y = labels([6] * 10)
    more = np.concatenate([y, labels([3] * 10)])
    for turn in range(teach.FOLDS):
        assert np.array_equal(teach.held_out(more, turn)[:len(y)], teach.held_out(y, turn))


def test_my_digits_are_repeated_to_about_their_share() -> None:
    assert teach.repeat_for(0, 4500) == 0
    r = teach.repeat_for(160, 4500)
    share = 160 * r / (160 * r + 4500)
    assert abs(share - teach.MINE_SHARE) < 0.03
    assert teach.repeat_for(1, 60_000) == teach.MAX_REPEAT and teach.repeat_for(10_000, 4500) == 1


def test_the_teach_recipe_fine_tunes_with_the_same_network_and_augmentation() -> None:
    tuned = teach.teach_recipe(DIGITS, 160)
    assert tuned.hyper.epochs == teach.EPOCHS < DIGITS.hyper.epochs
    assert tuned.hyper.learning_rate < DIGITS.hyper.learning_rate
    assert tuned.schedule == teach.SCHEDULE
    assert (tuned.hidden, tuned.activation, tuned.cost, tuned.optimizer, tuned.augment, tuned.seed) == (
        DIGITS.hidden, DIGITS.activation, DIGITS.cost, DIGITS.optimizer, True, DIGITS.seed)
    slow = DIGITS.with_changes(learning_rate=0.001)
    assert teach.teach_recipe(slow, 10).hyper.learning_rate == 0.001  # never faster than the student's η
    with pytest.raises(ValueError):
        teach.teach_recipe(DIGITS, -1)


def mine_from(data: Dataset, per_class: int, seed: int = 3) -> Dataset:
    """``per_class`` digits of each label from ``data``, mirrored left to right: a handwriting MNIST lacks."""
    rng = np.random.default_rng(seed)
    pick = np.concatenate([rng.choice(np.flatnonzero(data.y == c), per_class, replace=False) for c in range(10)])
    x = data.x[pick].reshape(-1, 28, 28)[:, :, ::-1].reshape(-1, 784)
    return Dataset("my digits", np.ascontiguousarray(x), data.y[pick], 10, (28, 28))


def test_the_mix_is_mnist_training_digits_plus_the_taught_ones_repeated_tested_on_mnist() -> None:
    base = DIGITS.load_data()
    fit, val = DIGITS.split(base)
    mine = mine_from(fit, 20)
    held = teach.held_out(mine.y, 1)
    source = teach.teaching_source(base, mine, held)
    n_taught = int(np.sum(~held))
    repeat = teach.repeat_for(n_taught, len(fit))
    assert repeat > 1 and len(source.train) == len(fit) + repeat * n_taught
    assert np.array_equal(source.test.x, val.x)  # the digits the ready-trained network never saw
    tail = source.train.x[len(fit):].reshape(repeat, n_taught, 784)
    assert all(np.array_equal(copy, mine.x[~held]) for copy in tail)  # no held-out drawing is taught
    with pytest.raises(ValueError, match="one flag per digit"):
        teach.teaching_source(base, mine, held[:-1])


def test_a_base_with_its_own_test_part_keeps_it() -> None:
    base = DIGITS.load_data()
    train, test = base.train.split(0.2, seed=5)
    source = teach.teaching_source(DataSource("files", train, test, ""), mine_from(train, 5), np.zeros(50, bool))
    assert source.test is test and len(source.train) > len(train)


def test_accuracy_counts_the_argmax_answers_and_is_nan_without_data() -> None:
    net = Network.create([2, 3], "linear", "cross-entropy", seed=0)
    net.layers[0].weights[...] = np.eye(3, 2) * 10  # output k = 10·x_k (k < 2), output 2 = 0
    net.layers[0].bias[...] = 0
    x = np.array([[1, 0], [0, 1], [-1, -1], [1, 0]], np.float32)
    data = Dataset("d", x, np.array([0, 1, 2, 1]), 3)
    assert teach.accuracy(net, data) == 0.75
    assert teach.accuracy(net, data, chunk=3) == 0.75
    assert math.isnan(teach.accuracy(net, data.subset(np.array([], dtype=np.int64))))


def test_teaching_learns_a_new_handwriting_and_keeps_mnist() -> None:
    net = ready_trained(DIGITS).network
    base = DIGITS.load_data()
    fit, _ = DIGITS.split(base)
    mine = mine_from(fit, 20)
    held = teach.held_out(mine.y, 0)
    scores, epochs = teach.teach(net, DIGITS, base, mine, held)
    assert len(epochs) == teach.EPOCHS
    assert scores.mine_before < 0.6 and scores.mine_after >= scores.mine_before + 0.25, scores
    assert scores.validation_before >= 0.98 and scores.validation_after >= scores.validation_before - 0.025, scores
    assert teach.accuracy(net, mine.subset(np.flatnonzero(held))) == scores.mine_after
