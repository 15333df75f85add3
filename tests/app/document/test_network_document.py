"""NetworkDocument: editing one hidden layer keeps every other weight and bias."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.app.document.network_document import NetworkDocument
from nndesk.engine.core.network import Network


@pytest.fixture
def doc(qtbot) -> NetworkDocument:
    net = Network.create([4, 5, 6, 3], hidden_activation="sigmoid", seed=1)
    return NetworkDocument(net, "toy", None, seed=2)


def test_resize_keeps_other_layers_and_the_overlap(doc: NetworkDocument, qtbot) -> None:
    before = doc.weights_snapshot()
    with qtbot.waitSignal(doc.architectureChanged):
        doc.set_layer_size(1, 7)
    after = doc.weights_snapshot()
    assert doc.sizes == [4, 7, 6, 3]
    np.testing.assert_array_equal(after[0][0][:5], before[0][0])  # old rows kept
    np.testing.assert_array_equal(after[1][0][:, :5], before[1][0])  # old columns kept
    np.testing.assert_array_equal(after[2][0], before[2][0])  # untouched layer
    assert np.all(after[0][1][5:] == 0) and np.any(after[0][0][5:] != 0)  # fresh small weights, zero bias


def test_shrink_keeps_the_overlapping_block(doc: NetworkDocument) -> None:
    before = doc.weights_snapshot()
    doc.set_layer_size(2, 2)
    after = doc.weights_snapshot()
    np.testing.assert_array_equal(after[0][0], before[0][0])
    np.testing.assert_array_equal(after[1][0], before[1][0][:2])
    np.testing.assert_array_equal(after[2][0], before[2][0][:, :2])


def test_insert_and_remove_keep_far_layers_and_next_biases(doc: NetworkDocument, qtbot) -> None:
    doc.set_bias(2, 1, 0.75)
    before = doc.weights_snapshot()
    with qtbot.waitSignal(doc.architectureChanged):
        doc.insert_layer(3, 4, "relu")
    assert doc.sizes == [4, 5, 6, 4, 3] and doc.activation_name(3) == "relu"
    after = doc.weights_snapshot()
    for l in (0, 1):
        np.testing.assert_array_equal(after[l][0], before[l][0])
    np.testing.assert_array_equal(after[3][1], before[2][1])  # the output neurons keep their b
    with qtbot.waitSignal(doc.architectureChanged):
        doc.remove_layer(1)
    assert doc.sizes == [4, 6, 4, 3]
    np.testing.assert_array_equal(doc.network.layers[2].weights, after[3][0])


def test_input_and_output_are_fixed(doc: NetworkDocument) -> None:
    for bad in (lambda: doc.remove_layer(0), lambda: doc.set_layer_size(3, 9),
                lambda: doc.insert_layer(0, 3, "relu"), lambda: doc.set_activation(1, "softmax")):
        with pytest.raises(ValueError):
            bad()
    assert doc.sizes == [4, 5, 6, 3]


def test_apply_weights_copies_and_refuses_stale_shapes(doc: NetworkDocument, qtbot) -> None:
    snap = [(w + 1, b - 1) for w, b in doc.weights_snapshot()]
    with qtbot.waitSignal(doc.weightsChanged):
        assert doc.apply_weights(snap)
    np.testing.assert_array_equal(doc.network.layers[1].weights, snap[1][0])
    snap[1][0][0, 0] = 99  # a copy, not the worker's array
    assert doc.network.layers[1].weights[0, 0] != 99
    assert not doc.apply_weights(snap[:2])


def test_modified_flag_follows_edits(doc: NetworkDocument, qtbot) -> None:
    with qtbot.waitSignal(doc.modifiedChanged) as sig:
        doc.set_weight(0, 1, 2, 0.5)
    assert sig.args == [True] and doc.weight(0, 1, 2) == 0.5
    doc.set_network(Network.create([2, 3, 1], seed=0), "lecture", None)
    assert not doc.is_modified() and doc.dataset_name == "lecture"


def test_frozen_weights_keep_their_mask_when_the_layer_is_resized(doc: NetworkDocument, qtbot) -> None:
    with qtbot.waitSignal(doc.weightsChanged):
        doc.set_frozen([(0, 4, 3)], [True])
    assert doc.is_frozen((0, 4, 3)) and not doc.is_frozen((0, 4, None))
    doc.set_layer_size(1, 6)
    frozen = doc.network.layers[0].frozen
    assert frozen.shape == (6, 4) and frozen[4, 3] and frozen.sum() == 1


def test_each_edit_hands_out_the_same_change_for_the_trained_copy(doc: NetworkDocument, qtbot) -> None:
    trained = doc.network.copy()  # what a running training holds
    posted = []
    doc.valuesEdited.connect(posted.append)
    doc.set_weight(1, 2, 3, 0.625)
    doc.set_bias(2, 0, -1.5)
    doc.set_frozen([(0, 1, 1), (0, 2, None)], [True, True])
    doc.set_frozen([(1, 0, 0)], [True], [0.0])  # prune
    new = [(w * 0.5, b + 1) for w, b in doc.weights_snapshot()]
    doc.set_values(new)
    assert len(posted) == 5
    for edit in posted:
        edit(trained)
    for mine, theirs in zip(doc.network.layers, trained.layers):
        np.testing.assert_array_equal(mine.params, theirs.params)
        for a, b in ((mine.frozen, theirs.frozen), (mine.frozen_bias, theirs.frozen_bias)):
            assert (a is None) == (b is None)
            if a is not None:
                np.testing.assert_array_equal(a, b)
    assert trained.layers[0].frozen[1, 1] and trained.layers[0].frozen_bias[2] and trained.layers[1].frozen[0, 0]


def test_freezing_keeps_the_value_shown_and_the_trained_copy_gets_that_value(doc: NetworkDocument) -> None:
    shown = doc.weight(0, 3, 2)
    trained = doc.network.copy()
    trained.layers[0].weights[3, 2] += 1.0  # training moved on since the last snapshot
    doc.valuesEdited.connect(lambda edit: edit(trained))
    doc.set_frozen([(0, 3, 2)], [True])
    assert doc.weight(0, 3, 2) == shown and float(trained.layers[0].weights[3, 2]) == shown
    assert trained.layers[0].frozen[3, 2]


def test_training_weights_and_replayed_edits_are_not_handed_to_training_again(doc: NetworkDocument, qtbot) -> None:
    posted = []
    doc.valuesEdited.connect(posted.append)
    with qtbot.waitSignal(doc.weightsChanged):
        assert doc.apply_weights([(w + 1, b) for w, b in doc.weights_snapshot()])
    doc.set_weight(0, 0, 0, 2.5)
    assert len(posted) == 1
    doc.apply_weights([(w * 0, b) for w, b in doc.weights_snapshot()])  # a run's last weights, over the edit
    with qtbot.waitSignal(doc.weightsChanged):
        doc.replay(posted[0])  # the run stopped before taking it
    assert doc.weight(0, 0, 0) == 2.5 and len(posted) == 1


def test_set_values_refuses_other_shapes(doc: NetworkDocument) -> None:
    before = doc.weights_snapshot()
    with pytest.raises(ValueError):
        doc.set_values(before[:2])
    with pytest.raises(ValueError):
        doc.set_values([(w.T, b) for w, b in before])
    for (w, _), layer in zip(before, doc.network.layers):
        np.testing.assert_array_equal(layer.weights, w)


def test_replacing_the_network_says_so_before_the_views_rebuild(doc: NetworkDocument) -> None:
    heard = []
    doc.networkReplaced.connect(lambda: heard.append("replaced"))
    doc.architectureChanged.connect(lambda: heard.append("architecture"))
    doc.set_layer_size(1, 3)  # an edit of this network: nothing is replaced
    doc.set_network(Network.create([2, 3, 1], seed=0), modified=True)
    assert heard == ["architecture", "replaced", "architecture"] and doc.is_modified()
