"""Toy 2-D sets: seeded, balanced, in about [-1, 1]², and noise that blurs without moving the shape."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.engine.data.toy import TOY, circles, gaussians, lecture, spiral, xor

NAMES = sorted(TOY)


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_gives_the_same_points_and_another_seed_does_not(name):
    make = TOY[name]
    a, b, c = make(seed=3), make(seed=3), make(seed=4)
    assert np.array_equal(a.x, b.x) and np.array_equal(a.y, b.y)
    assert not np.allclose(a.x, c.x)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("n", [2, 7, 500])
def test_shapes_dtypes_and_one_hot_targets(name, n):
    data = TOY[name](n=n)
    assert data.name == name and len(data) == n and data.x.shape == (n, 2) and data.x.dtype == np.float32
    assert data.y.dtype == np.int64 and data.n_classes == 2 and data.n_outputs == 2
    assert np.array_equal(data.target_matrix(), np.eye(2, dtype=np.float32)[data.y])


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("n", [500, 501])
def test_classes_are_balanced_and_shuffled(name, n):
    y = TOY[name](n=n).y
    assert np.bincount(y).tolist() == [n - n // 2, n // 2]
    assert 0.2 < np.mean(y[: n // 2]) < 0.8  # not all of one class first


@pytest.mark.parametrize("name", NAMES)
def test_points_lie_in_about_the_unit_square(name):
    x = TOY[name](n=2000, noise=0.1).x
    assert np.all(np.abs(x) < 1.6) and np.mean(np.abs(x) <= 1.0) > 0.97


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("noise", [0.05, 0.3])
def test_noise_is_gaussian_jitter_of_that_spread_around_the_clean_shape(name, noise):
    clean, noisy = TOY[name](n=4000, noise=0.0, seed=1), TOY[name](n=4000, noise=noise, seed=1)
    assert np.array_equal(clean.y, noisy.y)
    jitter = noisy.x - clean.x
    assert abs(jitter.std() / noise - 1) < 0.05 and abs(jitter.mean()) < 0.1 * noise


def test_without_noise_each_shape_follows_its_rule():
    x, y = xor(n=400, noise=0).x, xor(n=400, noise=0).y
    assert np.array_equal(y, (x[:, 0] * x[:, 1] < 0).astype(int))
    x, y = circles(n=400, noise=0).x, circles(n=400, noise=0).y
    r = np.hypot(x[:, 0], x[:, 1])
    assert r[y == 0].max() <= 0.45 + 1e-6 and r[y == 1].min() >= 0.6 - 1e-6
    g = gaussians(n=400, noise=0)
    assert np.mean((g.x.sum(axis=1) > 0) == (g.y == 1)) > 0.95  # nearly separable by x₁ + x₂ = 0
    s = spiral(n=400, noise=0)
    assert np.hypot(*s.x.T).max() <= 0.9 + 1e-6


def test_more_noise_mixes_the_classes_more():
    def overlap(noise):  # share of points nearer the other class's centre, for the separable blobs
        g = gaussians(n=2000, noise=noise)
        return np.mean((g.x.sum(axis=1) > 0) != (g.y == 1))
    assert overlap(0.0) < overlap(0.3) < overlap(0.8)


@pytest.mark.parametrize(("kwargs", "problem"), [({"n": 1}, "at least 2"), ({"noise": -0.1}, "noise"),
                                                 ({"noise": float("nan")}, "noise")])
def test_bad_arguments_are_refused(kwargs, problem):
    with pytest.raises(ValueError, match=problem):
        xor(**kwargs)


def test_lecture_is_the_single_sample_with_target_zero():
    data = lecture()
    assert data.name == "lecture" and len(data) == 1 and data.n_classes == 1 and data.n_outputs == 1
    assert data.x.dtype == np.float32 and data.x.tolist() == [[1.0, 1.0, 0.0]] and data.y.tolist() == [0]
    assert data.target_matrix().tolist() == [[0.0]] and data.inputs().tolist() == [[1.0, 1.0, 0.0]]
