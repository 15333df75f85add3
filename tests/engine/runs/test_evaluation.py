"""The evaluation ``nndesk eval`` prints and the window shows, against hand-made cases."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.engine.core.activations import activation
from nndesk.engine.core.costs import cost
from nndesk.engine.core.dataset import Dataset
from nndesk.engine.core.layers import Dense
from nndesk.engine.core.network import Network
from nndesk.engine.data.datasets import load
from nndesk.engine.runs.evaluation import confusion_csv, evaluate, held_out, mistakes_csv, shares
from nndesk.engine.runs.recipe import TrainingRecipe


def _identity_net(n: int, output: str = "softmax", cost_name: str = "cross-entropy") -> Network:
    """Output k = act(10·x_k): the answer is the input's largest component."""
    w = (10 * np.eye(n)).astype(np.float64)
    return Network([Dense(w, np.zeros(n), activation(output))], cost(cost_name))


def _data(x: list[list[float]], y: list[int], k: int = 3) -> Dataset:
    return Dataset("hand", np.array(x, np.float64), np.array(y, np.int64), k)


def test_confusion_rows_are_true_classes_and_mistakes_are_listed_most_confident_first():
    # answers: 0,0,1,2,2,1 for truths 0,1,1,2,0,2
    data = _data([[1, 0, 0], [.9, .1, 0], [0, 1, 0], [0, 0, 1], [0, .2, .8], [0, .6, .5]], [0, 1, 1, 2, 0, 2])
    result = evaluate(_identity_net(3), data)
    assert result.confusion.tolist() == [[1, 0, 1], [1, 1, 0], [0, 1, 1]]
    assert result.accuracy == pytest.approx(3 / 6)
    # precision per answered column, recall per true row
    np.testing.assert_allclose(result.precision, [1 / 2, 1 / 2, 1 / 2])
    np.testing.assert_allclose(result.recall, [1 / 2, 1 / 2, 1 / 2])
    wrong = result.mistakes()
    assert sorted(wrong.tolist()) == [1, 4, 5]
    assert np.all(np.diff(result.confidence[wrong]) <= 0)  # the surest mistakes first
    assert result.mistakes(true=0, predicted=2).tolist() == [4]
    assert result.mistakes(true=0, predicted=1).size == 0


def test_precision_and_recall_are_nan_where_undefined():
    data = _data([[1, 0, 0], [1, 0, 0]], [0, 1])
    result = evaluate(_identity_net(3), data)
    assert result.confusion.tolist() == [[1, 0, 0], [1, 0, 0], [0, 0, 0]]
    assert result.precision[0] == 0.5 and np.isnan(result.precision[1]) and np.isnan(result.precision[2])
    assert result.recall[0] == 1 and result.recall[1] == 0 and np.isnan(result.recall[2])


def test_top_three_and_confidence_are_the_softmax_probabilities():
    data = _data([[0.1, 0.3, 0.2]], [2])
    result = evaluate(_identity_net(3), data)
    z = 10 * np.array([0.1, 0.3, 0.2])
    p = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
    assert [c for c, _ in result.top(0)] == [1, 2, 0]
    np.testing.assert_allclose([q for _, q in result.top(0)], p[[1, 2, 0]])
    assert result.confidence[0] == pytest.approx(p[1])


def test_sigmoid_outputs_become_shares_of_their_sum():
    np.testing.assert_allclose(shares(np.array([[0.2, 0.6, 0.2]]), softmax=False), [[0.2, 0.6, 0.2]])
    np.testing.assert_allclose(shares(np.array([[1.0, 3.0]]), softmax=False), [[0.25, 0.75]])
    assert shares(np.zeros((1, 2)), softmax=False).tolist() == [[0, 0]]  # no division by zero
    result = evaluate(_identity_net(3, "sigmoid", "quadratic"), _data([[0, 1, 0]], [1]))
    assert result.probabilities.sum() == pytest.approx(1)


def test_cost_and_accuracy_equal_network_evaluate_exactly_across_chunks():
    rng = np.random.default_rng(0)
    net = Network.create([6, 5, 4], cost="cross-entropy", seed=1)
    data = Dataset("random", rng.random((103, 6)).astype(np.float32), rng.integers(0, 4, 103), 4)
    for chunk in (4096, 10):
        result = evaluate(net, data, chunk=chunk)
        assert (result.cost, result.accuracy) == net.evaluate(data.inputs(), data.target_matrix(), data.y,
                                                               chunk=chunk)
    assert result.confusion.sum() == 103
    assert np.trace(result.confusion) == round(result.accuracy * 103)
    assert result.mistakes().size == 103 - np.trace(result.confusion)


def test_held_out_is_the_recipes_validation_part_of_the_bundled_digits():
    recipe = TrainingRecipe.for_dataset("mnist-bundled", "digits-small")
    source = recipe.load_data()
    data, on = held_out(source, recipe, "mnist-bundled")
    assert on == "validation" and len(data) == 500
    np.testing.assert_array_equal(data.y, recipe.split(source)[1].y)
    assert held_out(source, None, "mnist-bundled")[1] == "all"  # a model file without its recipe
    assert held_out(load("xor"), None, "xor")[1] in ("all", "test")


def test_csv_lists_the_matrix_with_recall_and_precision_and_every_mistake():
    data = _data([[1, 0, 0], [.9, .1, 0], [0, 1, 0], [0, 0, 1], [0, .2, .8], [0, .6, .5]], [0, 1, 1, 2, 0, 2])
    result = evaluate(_identity_net(3), data)
    rows = [line.split(",") for line in confusion_csv(result).splitlines()]
    assert rows[0] == ["true \\ answered", "0", "1", "2", "recall"]
    assert [r[1:4] for r in rows[1:4]] == [["1", "0", "1"], ["1", "1", "0"], ["0", "1", "1"]]
    assert rows[1][4] == "0.500000" and rows[4][:4] == ["precision", "0.500000", "0.500000", "0.500000"]
    mistakes = [line.split(",") for line in mistakes_csv(result).splitlines()]
    assert len(mistakes) == 1 + 3
    assert {(r[0], r[1], r[2]) for r in mistakes[1:]} == {("1", "1", "0"), ("4", "0", "2"), ("5", "2", "1")}
    assert all(r[4] == r[2] for r in mistakes[1:])  # the likeliest answer is the answer given
