"""Digit augmentation: shapes, determinism, identity at strength 0, geometry, speed."""

from __future__ import annotations

import time

import numpy as np
import pytest

from nndesk.engine.core.control import Hyperparameters, TrainingControl
from nndesk.engine.core.network import Network
from nndesk.engine.core.training import Trainer
from nndesk.engine.data.augment import Distortion, make_augmenter, warp
from nndesk.engine.data.datasets import load


@pytest.fixture(scope="module")
def digits() -> np.ndarray:
    """1,000 of the bundled digits as float32 (n, 28, 28) in 0..1."""
    train = load("mnist-bundled").train
    return train.inputs(np.arange(0, 5000, 5)).reshape(-1, 28, 28)


def _centre_of_mass(images: np.ndarray) -> np.ndarray:
    """(n, 2) centre of mass (row, column) of each image."""
    rows, cols = np.indices(images.shape[1:])
    mass = images.sum(axis=(1, 2))
    return np.stack([(images * rows).sum(axis=(1, 2)) / mass, (images * cols).sum(axis=(1, 2)) / mass], axis=1)


def test_output_keeps_shape_dtype_and_pixel_range(digits: np.ndarray) -> None:
    out = make_augmenter()(digits, np.random.default_rng(0))
    assert out.shape == digits.shape and out.dtype == np.float32
    assert out.min() >= 0 and out.max() <= 1
    assert not np.allclose(out, digits)


def test_same_seed_gives_identical_images_and_another_seed_does_not(digits: np.ndarray) -> None:
    aug = make_augmenter()
    a = aug(digits[:300], np.random.default_rng(7))
    b = aug(digits[:300], np.random.default_rng(7))
    c = aug(digits[:300], np.random.default_rng(8))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


def test_strength_zero_is_the_identity(digits: np.ndarray) -> None:
    np.testing.assert_array_equal(make_augmenter(0.0)(digits, np.random.default_rng(0)), digits)


def test_negative_strength_is_refused() -> None:
    with pytest.raises(ValueError, match="strength"):
        make_augmenter(-1)


def test_centre_of_mass_stays_near_the_middle_on_average(digits: np.ndarray) -> None:
    before = _centre_of_mass(digits).mean(axis=0)
    after = _centre_of_mass(make_augmenter()(digits, np.random.default_rng(1))).mean(axis=0)
    assert np.all(np.abs(before - 14) < 0.6)  # MNIST centres the mass at about (14, 14)
    assert np.all(np.abs(after - before) < 0.3)


def test_a_shift_moves_the_digit_right_and_down(digits: np.ndarray) -> None:
    n = len(digits[:50])
    zero, one = np.zeros(n), np.ones(n)
    moved = warp(digits[:50], zero, one, one, zero, tx=np.full(n, 3.0), ty=np.full(n, -2.0))
    shift = _centre_of_mass(moved) - _centre_of_mass(digits[:50])
    # (row, column): 2 pixels up, 3 pixels right; a little less where ink leaves the frame
    np.testing.assert_allclose(np.median(shift, axis=0), [-2.0, 3.0], atol=0.1)


def test_a_positive_angle_turns_counter_clockwise() -> None:
    image = np.zeros((1, 28, 28), np.float32)
    image[0, 13:15, 20:24] = 1  # a dash right of the centre
    turned = warp(image, np.array([np.pi / 2]), np.ones(1), np.ones(1), np.zeros(1), np.zeros(1), np.zeros(1))
    row, col = _centre_of_mass(turned)[0]
    assert row < 10 and abs(col - 13.5) < 0.5  # now above the centre


def test_distortions_scale_with_strength() -> None:
    d = Distortion().scaled(0.5)
    assert d.rotation == Distortion().rotation / 2 and d.elastic_grid == Distortion().elastic_grid


def test_five_thousand_digits_take_well_under_a_second(digits: np.ndarray) -> None:
    images = np.concatenate([digits] * 5)
    aug, rng = make_augmenter(), np.random.default_rng(0)
    best = min(_seconds(lambda: aug(images, rng)) for _ in range(3))
    assert best < 0.5  # about 0.05 s on the 2-core development machine


def _seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def test_augmented_training_is_deterministic_for_a_seed() -> None:
    # The trainer distorts the next epoch in a background thread; timing must not matter.
    data = load("mnist-bundled").train.subset(np.arange(0, 5000, 10))
    runs = []
    for _ in range(2):
        net = Network.create([784, 16, 10], "relu", "cross-entropy", seed=3)
        control = TrainingControl(Hyperparameters(learning_rate=0.05, batch_size=32, epochs=3))
        list(Trainer(net, data, control=control, optimizer="momentum", seed=3, augment=make_augmenter()).epochs())
        runs.append(net.parameters())
    for a, b in zip(*runs):
        np.testing.assert_array_equal(a, b)
