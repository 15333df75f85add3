"""Conv edit commands: push, undo, redo give back exactly the same arrays; a refused edit never lands."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.app.document import conv_commands as cc
from nndesk.app.document.conv_refusals import TEXTS, refusal_text
from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.document.undo import DocumentUndoStack, EditKind
from nndesk.engine.core import conv_refusal
from nndesk.engine.core.conv_refusal import Refusal
from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec
from nndesk.engine.core.network import Network


def _doc(net) -> NetworkDocument:
    return NetworkDocument(net, "digits", (28, 28), seed=4)


@pytest.fixture
def doc(qtbot) -> NetworkDocument:
    return _doc(ConvNet.create((1, 28, 28), [ConvSpec(3, 4), PoolSpec(2), ConvSpec(3, 6)], [16], 10, seed=1))


def state(net) -> tuple[str, type, list[np.ndarray], list[str]]:
    """The architecture, the class, every [W | b]ᵀ (copies) and every σ."""
    acts = [layer.activation.name for layer in net.layers if hasattr(layer, "activation")]
    return net.architecture if isinstance(net, ConvNet) else str(net.sizes), type(net), \
        [p.copy() for p in net.parameters()], acts


def assert_same(a, b) -> None:
    assert a[0] == b[0] and a[1] is b[1] and a[3] == b[3] and len(a[2]) == len(b[2])
    for x, y in zip(a[2], b[2]):
        assert x.dtype == y.dtype
        np.testing.assert_array_equal(x, y)


EDITS = {
    "add-conv": lambda d: cc.add_conv(d, 2, 3, 5),
    "add-conv-first": lambda d: cc.add_conv(d, 0, 5, 2),
    "add-pool": lambda d: cc.add_pool(d, 3),
    "remove-pool": lambda d: cc.remove_feature(d, 1),
    "remove-first-conv": lambda d: cc.remove_feature(d, 0),
    "more-filters": lambda d: cc.set_filters(d, 0, 9),
    "fewer-filters": lambda d: cc.set_filters(d, 2, 2),
    "kernel-size": lambda d: cc.set_kernel_size(d, 2, 5),
}


@pytest.mark.parametrize("make", EDITS.values(), ids=EDITS.keys())
def test_push_undo_redo_give_back_exactly_the_same_arrays(doc: NetworkDocument, make) -> None:
    stack = DocumentUndoStack(doc)
    before = state(doc.network)
    command = make(doc)
    assert command.kind is EditKind.ARCHITECTURE
    stack.push(command)
    after = state(doc.network)
    assert after[0] != before[0] or any(x.shape != y.shape for x, y in zip(after[2], before[2]))
    assert doc.is_modified()
    for _ in range(2):
        stack.undo()
        assert_same(state(doc.network), before)
        stack.redo()
        assert_same(state(doc.network), after)
    assert stack.count() == 1  # set_structure keeps the history (set_network would clear it)


def test_training_the_shown_network_does_not_change_what_undo_restores(doc: NetworkDocument) -> None:
    stack = DocumentUndoStack(doc)
    before = state(doc.network)
    stack.push(cc.set_filters(doc, 0, 7))
    after = state(doc.network)
    doc.apply_weights([(w + 1, b - 1) for w, b in doc.weights_snapshot()])  # a run's weights come in
    stack.undo()
    assert_same(state(doc.network), before)
    doc.apply_weights([(w * 2, b) for w, b in doc.weights_snapshot()])
    stack.redo()
    assert_same(state(doc.network), after)


def test_the_edit_is_made_on_the_network_as_it_is_when_pushed(doc: NetworkDocument) -> None:
    """The guard may stop a training between building and pushing: its last weights are what is kept."""
    stack = DocumentUndoStack(doc)
    command = cc.set_filters(doc, 2, 8)
    doc.apply_weights([(np.full_like(w, 0.5), b) for w, b in doc.weights_snapshot()])
    stack.push(command)
    np.testing.assert_array_equal(doc.network.features[0].kernels, 0.5)
    np.testing.assert_array_equal(doc.network.features[2].kernels[:6], 0.5)


def test_a_dense_network_becomes_convolutional_and_back(qtbot) -> None:
    doc = _doc(Network.create([784, 20, 10], "sigmoid", "cross-entropy", seed=0))
    stack = DocumentUndoStack(doc)
    before = state(doc.network)
    stack.push(cc.add_conv(doc, 0, 5, 4))
    assert doc.is_conv and doc.n_features == 1 and doc.shapes[1] == (4, 24, 24)
    assert doc.network.features[0].activation.name == "sigmoid"
    stack.push(cc.remove_feature(doc, 0))
    assert not doc.is_conv and doc.sizes == [784, 20, 10]
    stack.undo()
    stack.undo()
    assert_same(state(doc.network), before)


@pytest.mark.parametrize("make, reason", [
    (lambda d: cc.set_filters(d, 0, 0), "filters"),
    (lambda d: cc.set_filters(d, 1, 3), "not_conv"),
    (lambda d: cc.set_kernel_size(d, 2, 12), "kernel_size"),
    (lambda d: cc.add_pool(d, 0, 1), "pool_size"),
    (lambda d: cc.remove_feature(d, 7), "no_layer"),
], ids=["filters", "pool", "kernel", "pool-size", "no-layer"])
def test_a_refused_edit_changes_nothing_and_never_lands(doc: NetworkDocument, make, reason: str) -> None:
    stack = DocumentUndoStack(doc)
    net, before = doc.network, state(doc.network)
    with pytest.raises(Refusal) as e:
        make(doc)
    assert e.value.reason == reason and refusal_text(e.value) == str(e.value)  # English UI: the engine's line
    assert doc.network is net and stack.count() == 0 and not doc.is_modified()
    assert_same(state(doc.network), before)


def test_a_dense_network_without_an_image_is_refused(qtbot) -> None:
    doc = NetworkDocument(Network.create([2, 4, 2], seed=0), "xor", None)
    with pytest.raises(Refusal, match="not an image"):
        cc.add_conv(doc, 0)


def test_the_windows_texts_are_the_engines() -> None:
    """Each refusal's text for the catalogue is the engine's wording, field for field."""
    assert TEXTS == conv_refusal.TEXTS


def test_edits_in_a_row_store_each_network_once_and_still_undo_exactly(doc: NetworkDocument) -> None:
    stack = DocumentUndoStack(doc)
    states = [state(doc.network)]
    first = cc.set_filters(doc, 0, 7)
    stack.push(first)
    states.append(state(doc.network))
    second = cc.set_kernel_size(doc, 2, 5)
    stack.push(second)
    states.append(state(doc.network))
    assert second.old is first.new  # nothing trained in between: the same stored network
    for i in (1, 0):
        stack.undo()
        assert_same(state(doc.network), states[i])
    for i in (1, 2):
        stack.redo()
        assert_same(state(doc.network), states[i])
    doc.apply_weights([(w + 1, b) for w, b in doc.weights_snapshot()])  # trained: another network now
    third = cc.set_filters(doc, 0, 3)
    stack.push(third)
    assert third.old is not second.new
    stack.undo()
    np.testing.assert_array_equal(doc.network.features[0].kernels, second.new.features[0].kernels + 1)


def test_dense_layers_an_edit_keeps_are_the_old_ones(qtbot) -> None:
    """A 'same' convolution keeps the maps' shape: a new kernel size leaves every dense layer as it was."""
    doc = _doc(ConvNet.create((1, 28, 28), [ConvSpec(3, 4, same=True), PoolSpec(2)], [16], 10, seed=1))
    stack = DocumentUndoStack(doc)
    command = cc.set_kernel_size(doc, 0, 5)
    stack.push(command)
    assert all(n is o for n, o in zip(command.new.head.layers, command.old.head.layers))
    assert command.new.features[0].k == 5
    doc.apply_weights([(w * 0, b) for w, b in doc.weights_snapshot()])  # training the shown copy …
    stack.undo()
    stack.redo()
    np.testing.assert_array_equal(doc.network.head.layers[0].weights, command.old.head.layers[0].weights)
    assert np.any(doc.network.head.layers[0].weights != 0)  # … never reached the stored layers


def test_filter_counts_of_one_layer_in_a_row_merge_into_one_undo_step(doc: NetworkDocument) -> None:
    stack = DocumentUndoStack(doc)
    before = state(doc.network)
    for n in (5, 6, 7):
        stack.push(cc.set_filters(doc, 0, n))
    after = state(doc.network)
    assert stack.count() == 1 and doc.shapes[1][0] == 7
    stack.undo()
    assert_same(state(doc.network), before)
    stack.redo()
    assert_same(state(doc.network), after)
    stack.push(cc.set_filters(doc, 2, 3))  # another layer: its own step
    stack.push(cc.set_kernel_size(doc, 2, 5))  # another kind of edit: its own step
    stack.push(cc.set_filters(doc, 2, 4))
    assert stack.count() == 4
