"""A convolutional network on the canvas: stacks of maps, clicks on their pixels, lighting, the conv edits."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from nndesk.app.canvas.feature_stack import FeatureStack
from nndesk.app.canvas.layer_column import LayerColumn
from nndesk.app.canvas.network_canvas import NetworkCanvas
from nndesk.app.canvas.tooltips import tooltip
from nndesk.app.document.kernel_commands import SetKernelWeightCommand
from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.document.sample import Sample
from nndesk.app.document.undo import DocumentUndoStack
from nndesk.engine.core.conv import Conv2D
from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec
from nndesk.engine.core.network import Network

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def digits_cnn() -> ConvNet:
    return ConvNet.create((1, 28, 28), [ConvSpec(5, 32), PoolSpec(2), ConvSpec(5, 64), PoolSpec(2)], [128], 10,
                          "relu", "cross-entropy", seed=0)


def make_canvas(qtbot, network) -> tuple[NetworkCanvas, NetworkDocument, DocumentUndoStack]:
    doc = NetworkDocument(network, "digits", (28, 28), seed=1)
    stack = DocumentUndoStack(doc)
    canvas = NetworkCanvas(doc, stack)
    qtbot.addWidget(canvas)
    canvas.resize(1400, 700)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.fit()
    return canvas, doc, stack


def click(canvas: NetworkCanvas, scene_pos) -> None:
    QTest.mouseClick(canvas.viewport(), LEFT, NONE, canvas.mapFromScene(scene_pos))


def digit() -> np.ndarray:
    x = np.zeros((28, 28), np.float32)
    x[5:23, 12:15], x[5:8, 8:20] = 1.0, 1.0  # a "T"
    return x.ravel()


@pytest.fixture
def cnn(qtbot):
    return make_canvas(qtbot, digits_cnn())


def test_each_feature_layer_is_a_stack_with_its_counts(cnn) -> None:
    canvas, doc, _ = cnn
    kinds = [type(c).__name__ for c in canvas.columns]
    assert kinds == ["LayerColumn", *["FeatureStack"] * 4, "LayerColumn", "LayerColumn", "LayerColumn"]
    stacks = canvas.columns[1:5]
    assert [s.chw for s in stacks] == [(32, 24, 24), (32, 12, 12), (64, 8, 8), (64, 4, 4)]
    assert [(s.kind, s.k) for s in stacks] == [("conv", 5), ("pool", 2), ("conv", 5), ("pool", 2)]
    assert [s.more_button.text for s in stacks] == ["+26 more", "+26 more", "+58 more", "+58 more"]
    assert [b.l for b in canvas.bundles] == [5, 6]  # edges only between the flattened vector and the dense layers
    assert canvas.columns[0].kind == "image" and canvas.columns[5].role == "flatten"
    assert canvas.kernels.filters == 32 and canvas.kernels.k == 5
    assert set(canvas.feature_buttons) == {(kind, p) for kind in ("conv", "pool") for p in range(5)}
    assert set(canvas.insert_buttons) == {6, 7}  # "+ layer" only in the dense part
    assert len(canvas.scene().items()) < 600


def test_clicking_a_map_pixel_emits_layer_map_and_pixel(qtbot, cnn) -> None:
    canvas, *_ = cnn
    stack = canvas.columns[1]
    with qtbot.waitSignal(canvas.featureClicked) as sig:
        click(canvas, stack.pixel_rect(0, 17, 9).center())
    assert sig.args == [1, 0, 17, 9]
    assert canvas.highlight.count() == 1 and canvas.highlight.bounds().contains(stack.pixel_rect(0, 17, 9))
    back = stack.mapRectToScene(stack.map_rect(4))  # map 4 shows only its top edge behind maps 0–3
    with qtbot.waitSignal(canvas.featureClicked) as sig:
        click(canvas, back.topLeft() + (back.topRight() - back.topLeft()) * 0.5 + QPoint(0, 3))
    L, f, y, x = sig.args
    assert (L, f, y) == (1, 4, 0) and abs(x - 12) <= 1
    assert stack.first == 4  # the picked map came to the front, its pixel marked there
    pool = canvas.columns[4]
    with qtbot.waitSignal(canvas.featureClicked) as sig:
        click(canvas, pool.pixel_rect(0, 3, 1).center())
    assert sig.args == [4, 0, 3, 1]


def test_plus_more_shows_the_next_maps(qtbot, cnn) -> None:
    canvas, *_ = cnn
    stack = canvas.columns[3]
    click(canvas, stack.more_button.scenePos())
    assert stack.first == 6
    with qtbot.waitSignal(canvas.featureClicked) as sig:
        click(canvas, stack.pixel_rect(6, 2, 2).center())
    assert sig.args == [3, 6, 2, 2]


def test_activations_light_the_right_pixels_without_a_rebuild(cnn) -> None:
    canvas, doc, _ = cnn
    sample = Sample.forward(doc.network, digit(), lambda: "drawn")
    items = set(map(id, canvas.scene().items()))
    canvas.set_activations(list(sample.activations))
    assert set(map(id, canvas.scene().items())) == items
    conv = canvas.columns[1]
    maps = sample.maps(1)
    assert np.array_equal(conv.values, maps)
    f, y, x = np.unravel_index(int(np.argmax(maps[:conv.m])), maps[:conv.m].shape)
    colors = canvas._colors
    assert QColor(conv._images[f].pixel(int(x), int(y))).name() == colors.positive.name()  # the strongest: blue
    dark = np.argwhere(maps[0] == 0)[0]
    assert QColor(conv._images[0].pixel(int(dark[1]), int(dark[0]))).name() == colors.neuron.name()  # relu's 0
    canvas.set_activations(None)
    assert conv.values is None and canvas.columns[0].kind == "image"


def test_highlight_feature_marks_the_pixel_and_its_window(cnn) -> None:
    canvas, doc, _ = cnn
    canvas.highlight_feature(3, 40, 2, 5)
    stack, before = canvas.columns[3], canvas.columns[2]
    assert stack.first == 40  # map 40 brought to the front
    marks = canvas.highlight.bounds()
    assert marks.contains(stack.pixel_rect(40, 2, 5).center())
    assert marks.contains(before.window_rect(before.first, 2, 5, 5).center())  # the 5×5 window it reads
    canvas.highlight_feature(2, 7, 11, 11)  # a pooling: its 2×2 block, on the same map of the layer before
    assert canvas.columns[1].first == 7 and canvas.highlight.bounds().contains(
        canvas.columns[1].window_rect(7, 22, 22, 2).center())
    canvas.highlight_feature(1, 99, 0, 0)  # no such map: nothing marked
    assert canvas.highlight.count() == 0


def test_tooltip_of_a_map_pixel(cnn) -> None:
    canvas, doc, _ = cnn
    sample = Sample.forward(doc.network, digit(), lambda: "drawn")
    canvas.set_activations(list(sample.activations))
    stack = canvas.columns[1]
    hit = canvas.hit(canvas.mapFromScene(stack.pixel_rect(0, 5, 7).center()))
    text = tooltip(hit, doc.network, list(sample.activations), "drawn")
    a, b = sample.maps(1)[0, 5, 7], doc.network.layers[0].bias[0]
    assert text.startswith("map 0 of 32 in a⁽¹⁾, pixel (5, 7)")
    assert f"a = {a:.3f}" in text and f"b = {b:.3f}" in text and "(sample: drawn)" in text
    flat = canvas.columns[5]  # the flattened maps: neurons without a bias of their own
    text = tooltip(canvas.hit(canvas.mapFromScene(flat.neuron_pos(500))), doc.network, list(sample.activations))
    assert text.startswith("neuron ") and "a⁽⁵⁾" in text and "bias" not in text and "activation a =" in text


def test_kernels_are_drawn_and_follow_new_weights(qtbot, cnn) -> None:
    canvas, doc, stack = cnn
    stack.push(SetKernelWeightCommand(doc, 0, 3, 0, 2, 4, -10.0))  # by far the largest |w|: full orange
    qtbot.waitUntil(lambda: QColor(canvas.kernels._images[3].pixel(4, 2)).name() == canvas._colors.negative.name())
    stack.undo()
    qtbot.waitUntil(lambda: QColor(canvas.kernels._images[3].pixel(4, 2)).name() != canvas._colors.negative.name())


def test_plus_conv_on_a_dense_digits_network_makes_a_cnn_and_undo_gives_it_back(qtbot) -> None:
    canvas, doc, stack = make_canvas(qtbot, Network.create([784, 32, 10], seed=0, cost="cross-entropy"))
    assert ("pool", 0) not in canvas.feature_buttons  # a dense network is offered a convolution first
    with qtbot.waitSignal(doc.architectureChanged):
        click(canvas, canvas.feature_buttons[("conv", 0)].scenePos())
    assert doc.is_conv and isinstance(canvas.columns[1], FeatureStack) and canvas.columns[1].kind == "conv"
    assert stack.count() == 1 and doc.sizes[-2:] == [32, 10]
    with qtbot.waitSignal(doc.architectureChanged):
        stack.undo()
    assert not doc.is_conv and doc.sizes == [784, 32, 10]
    assert all(isinstance(c, LayerColumn) for c in canvas.columns) and [b.l for b in canvas.bundles] == [0, 1]


def test_stack_buttons_edit_filters_kernel_and_remove(qtbot, cnn) -> None:
    canvas, doc, stack = cnn
    with qtbot.waitSignal(doc.architectureChanged):
        click(canvas, canvas.columns[3].plus_button.scenePos())
    assert doc.network.features[2].filters == 65 and canvas.columns[3].chw == (65, 8, 8)
    click(canvas, canvas.columns[1].kernel_button.scenePos())
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    action = next(a for a in menu.actions() if a.text() == "3×3")
    with qtbot.waitSignal(doc.architectureChanged):
        QTest.mouseClick(menu, LEFT, NONE, menu.actionGeometry(action).center())
    assert doc.network.features[0].k == 3 and canvas.columns[1].chw == (32, 26, 26)
    with qtbot.waitSignal(doc.architectureChanged):
        click(canvas, canvas.columns[4].remove_button.scenePos())  # the last pooling
    assert [type(f).__name__ for f in doc.network.features] == ["Conv2D", "MaxPool2D", "Conv2D"]
    with qtbot.waitSignal(doc.architectureChanged):
        click(canvas, canvas.feature_buttons[("pool", 3)].scenePos())  # and put one back after the last conv
    assert doc.shapes[4] == (65, 4, 4) and stack.count() == 4
    for _ in range(4):
        stack.undo()
    assert doc.network.architecture == digits_cnn().architecture and isinstance(doc.network.features[0], Conv2D)


def test_clicking_a_kernel_shows_its_map(qtbot, cnn) -> None:
    canvas, *_ = cnn
    kernels = canvas.kernels
    with qtbot.waitSignal(canvas.featureClicked) as sig:
        click(canvas, kernels.mapToScene(kernels.cell_rect(13).center()))
    assert sig.args == [1, 13, 12, 12] and canvas.columns[1].first == 13
    assert canvas.highlight.bounds().contains(kernels.mapRectToScene(kernels.cell_rect(13)))  # marked too


def test_arrow_keys_move_between_rows_maps_and_layers(qtbot, cnn) -> None:
    canvas, *_ = cnn
    click(canvas, canvas.columns[1].pixel_rect(0, 10, 4).center())
    moves = [(Qt.Key.Key_Down, [1, 0, 11, 4]), (Qt.Key.Key_PageDown, [1, 1, 11, 4]), (Qt.Key.Key_Up, [1, 1, 10, 4])]
    for key, where in moves:
        with qtbot.waitSignal(canvas.featureClicked) as sig:
            QTest.keyClick(canvas, key)
        assert sig.args == where
    assert canvas.columns[1].first == 1
    with qtbot.waitSignal(canvas.featureClicked) as sig:
        QTest.keyClick(canvas, Qt.Key.Key_Right)  # the same place in the next layer: the pooled map
    assert sig.args[:2] == [2, 1] and abs(sig.args[2] - 5) <= 1
    with qtbot.waitSignal(canvas.neuronClicked) as sig:
        QTest.keyClick(canvas, Qt.Key.Key_Left)
        QTest.keyClick(canvas, Qt.Key.Key_Left)  # back through a⁽¹⁾ to the input picture: a neuron (a pixel)
    assert sig.args[0] == 0


def test_a_feature_chosen_elsewhere_is_marked_too(cnn) -> None:
    canvas, *_ = cnn
    canvas.featureClicked.emit(3, 9, 1, 2)  # as the weight gallery passes its choice on
    assert canvas.columns[3].first == 9 and canvas.highlight.bounds().contains(
        canvas.columns[3].pixel_rect(9, 1, 2).center())


def test_plus_conv_keeps_its_words_beside_a_hidden_layers_steppers(qtbot) -> None:
    canvas, *_ = make_canvas(qtbot, Network.create([784, 800, 10], seed=0, cost="cross-entropy"))
    canvas.resize(690, 408)  # the canvas in the 1280×800 window
    canvas.fit()
    button = canvas.feature_buttons[("conv", 0)]
    assert button.text == "+ conv" and button.parentItem().isVisible()
    assert not button.sceneBoundingRect().intersects(canvas.columns[1].minus_button.sceneBoundingRect())


def right_click_and_choose(canvas: NetworkCanvas, scene_pos, text: str) -> None:
    """A right-click at ``scene_pos`` (the context menu event it makes) and a click on the entry ``text``."""
    def choose() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, choose)
            return
        action = next(a for a in menu.actions() if a.text() == text)
        QTest.mouseClick(menu, LEFT, NONE, menu.actionGeometry(action).center())
    QTimer.singleShot(0, choose)
    at = canvas.mapFromScene(scene_pos)
    QApplication.sendEvent(canvas.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at,
                                                                canvas.viewport().mapToGlobal(at)))


def test_right_click_menus_of_a_stack_and_of_a_dense_networks_picture(qtbot, cnn) -> None:
    canvas, doc, stack = cnn
    with qtbot.waitSignal(doc.architectureChanged):
        right_click_and_choose(canvas, canvas.columns[2].sceneBoundingRect().center(), "Insert convolution after")
    assert [f.spec for f in doc.network.features][:4] == ["conv5x5x32", "pool2", "conv5x5x32", "conv5x5x64"]
    assert isinstance(canvas.columns[3], FeatureStack) and canvas.columns[3].kind == "conv"
    dense, doc2, _ = make_canvas(qtbot, Network.create([784, 16, 10], seed=0, cost="cross-entropy"))
    with qtbot.waitSignal(doc2.architectureChanged):
        right_click_and_choose(dense, dense.columns[0].sceneBoundingRect().center(), "Insert convolution after")
    assert doc2.is_conv


def test_the_dense_part_of_a_cnn_is_edited_as_any_dense_network(qtbot, cnn) -> None:
    canvas, doc, stack = cnn
    with qtbot.waitSignal(doc.architectureChanged):
        click(canvas, canvas.columns[6].plus_button.scenePos())
    assert doc.sizes[-3:] == [1024, 129, 10]
    with qtbot.waitSignal(doc.architectureChanged):
        click(canvas, canvas.insert_buttons[6].scenePos())  # a hidden layer between the vector and the 129
    assert doc.n_layers == 9 and doc.is_hidden(6) and doc.is_conv and isinstance(canvas.columns[4], FeatureStack)
    assert [b.l for b in canvas.bundles] == [5, 6, 7]
    stack.undo()
    stack.undo()
    assert doc.sizes == digits_cnn().sizes
