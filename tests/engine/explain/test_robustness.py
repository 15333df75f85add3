"""Robustness curves and coverage: the shapes a student should see, on a network trained on the bundled digits."""

import numpy as np
import pytest

from nndesk.engine.core.network import Network
from nndesk.engine.explain.robustness import KINDS, accuracy, coverage, curve, curves, noisy, rotated, shifted, stroked
from nndesk.engine.runs.recipe import TrainingRecipe


@pytest.fixture(scope="module")
def trained():
    """digits-small trained for a few epochs (~2 s) and its 500 held-out digits."""
    recipe = TrainingRecipe.from_preset("digits-small", epochs=6)
    source = recipe.load_data()
    net = recipe.build_network(784, 10)
    trainer = recipe.make_trainer(net, source)
    for _ in trainer.epochs():
        pass
    _, held_out = recipe.split(source)
    return net, held_out.inputs().reshape(-1, 28, 28), held_out.y


def test_every_curve_at_no_distortion_is_the_plain_accuracy(trained):
    net, images, labels = trained
    assert len(labels) == 500
    _, plain = net.evaluate(images.reshape(500, -1), np.eye(10)[labels], labels)
    assert plain > 0.85
    for c in curves(net, images, labels):
        zero = int(np.flatnonzero(c.levels == 0)[0])
        assert c.accuracy[zero] == pytest.approx(plain, abs=1e-12), c.kind
        if c.accuracy_y is not None:
            assert c.accuracy_y[zero] == pytest.approx(plain, abs=1e-12)


def test_accuracy_falls_with_each_distortion(trained):
    net, images, labels = trained
    by_kind = {c.kind: c for c in curves(net, images, labels)}
    assert set(by_kind) == set(KINDS)
    noise = by_kind["noise"].accuracy
    assert noise[-1] < noise[0] - 0.1 and np.all(np.diff(noise) <= 0.02)  # more noise, never much better
    for kind in ("rotation", "shift", "stroke"):
        acc = by_kind[kind].accuracy
        middle = len(acc) // 2
        assert acc[0] < acc[middle] - 0.05 and acc[-1] < acc[middle] - 0.05, kind
    assert by_kind["shift"].accuracy_y[0] < by_kind["shift"].accuracy_y[4] - 0.05


def test_distortions_do_what_they_say():
    img = np.zeros((1, 28, 28), np.float32)
    img[0, 10:18, 13:15] = 1.0  # a vertical bar
    right = shifted(img, np.array([3.0]))[0, 0]
    np.testing.assert_allclose(right[:, 16:18], img[0, :, 13:15])
    down = shifted(img, np.array([2.0]), vertical=True)[0, 0]
    np.testing.assert_allclose(down[12:20], img[0, 10:18])
    turned = rotated(img, np.array([90.0]))[0, 0]
    rows, cols = np.nonzero(turned > 0.5)
    assert np.ptp(cols) > np.ptp(rows)  # the bar lies down
    thin, same, thick = stroked(img, np.array([-1.0, 0.0, 1.0]))[:, 0].sum(axis=(1, 2))
    assert thin < same < thick
    assert same == img.sum()
    loud = noisy(img, np.array([0.0, 0.5]))
    assert np.array_equal(loud[0], img) and loud.min() >= 0 and loud.max() <= 1 and not np.array_equal(loud[1], img)


def test_accuracy_per_level():
    net = Network.create([4, 2], "sigmoid", "quadratic", seed=0)
    net.layers[0].weights = np.array([[1, 0, 0, 0], [0, 1, 0, 0]], np.float32)
    images = np.array([[[1, 0], [0, 0]], [[0, 1], [0, 0]]], np.float32)  # label 0, label 1
    stack = np.stack([images, images[::-1]])  # right, then both wrong
    np.testing.assert_array_equal(accuracy(net, stack, np.array([0, 1])), [1.0, 0.0])


def test_unknown_distortion_is_refused():
    with pytest.raises(ValueError, match="unknown distortion"):
        curve(Network.create([4, 2]), np.zeros((1, 2, 2)), np.zeros(1, int), "blur")


def test_coverage_counts_answers_and_their_accuracy():
    outputs = np.array([[0.9, 0.1], [0.6, 0.4], [0.45, 0.55], [0.2, 0.8]])
    labels = np.array([0, 1, 1, 1])  # the 0.6 one is wrong
    cov = coverage(outputs, labels, np.array([0.0, 0.5, 0.7, 0.85, 0.95]))
    np.testing.assert_allclose(cov.answered, [1.0, 1.0, 0.5, 0.25, 0.0])
    np.testing.assert_allclose(cov.accuracy[:4], [0.75, 0.75, 1.0, 1.0])
    assert np.isnan(cov.accuracy[4])
    assert cov.at(0.69) == (0.5, 1.0)


def test_coverage_on_a_real_network_trades_answers_for_accuracy(trained):
    net, images, labels = trained
    cov = coverage(net.feedforward(images.reshape(500, -1)), labels)
    assert cov.answered[0] == 1.0 and np.all(np.diff(cov.answered) <= 0)
    _, plain = net.evaluate(images.reshape(500, -1), np.eye(10)[labels], labels)
    assert cov.accuracy[0] == pytest.approx(plain)
    assert cov.at(0.9)[1] > plain  # the sure answers are the better ones
