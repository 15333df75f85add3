"""Editing the network from the keyboard: +, − and Delete at the selected layer, the Menu key for its menu."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMenu

from nndesk.app.canvas.feature_stack import FeatureStack
from nndesk.app.canvas.hits import CanvasHit
from nndesk.engine.core.network import Network
from tests.app.canvas.test_conv_scene import LEFT, NONE, click, digits_cnn, make_canvas
from tests.app.people import pick

K = Qt.Key


def press(canvas, key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
    QTest.keyClick(canvas, key, modifiers)


def test_plus_minus_and_delete_edit_the_selected_hidden_layer(qtbot) -> None:
    canvas, doc, stack = make_canvas(qtbot, Network.create([2, 4, 3, 1], seed=0))
    click(canvas, canvas.columns[1].neuron_pos(3))
    assert canvas.highlight.target == CanvasHit.neuron(1, 3)
    with qtbot.waitSignal(doc.architectureChanged):
        press(canvas, K.Key_Plus, Qt.KeyboardModifier.ShiftModifier)  # "+" is Shift+"=" on most keyboards
    assert doc.sizes == [2, 5, 3, 1] and canvas.highlight.target == CanvasHit.neuron(1, 3)
    press(canvas, K.Key_Minus)
    press(canvas, K.Key_Minus)
    assert doc.sizes == [2, 3, 3, 1]
    assert canvas.highlight.target == CanvasHit.neuron(1, 2)  # neuron 3 is gone: the last one now
    with qtbot.waitSignal(canvas.neuronClicked):  # the inspector follows the selection
        press(canvas, K.Key_Delete)
    assert doc.sizes == [2, 3, 1] and canvas.highlight.target == CanvasHit.neuron(1, 0)
    while stack.canUndo():
        stack.undo()
    assert doc.sizes == [2, 4, 3, 1]


def test_the_input_the_output_and_a_weight_are_not_edited_by_keys(qtbot) -> None:
    canvas, doc, stack = make_canvas(qtbot, Network.create([2, 4, 1], seed=0))
    for hit in (canvas.columns[0].neuron_pos(1), canvas.columns[2].neuron_pos(0),
                canvas.bundles[0].edge_line(2, 1).center()):
        click(canvas, hit)
        for key in (K.Key_Equal, K.Key_Minus, K.Key_Delete):
            press(canvas, key)
    assert doc.sizes == [2, 4, 1] and stack.count() == 0


def test_keys_on_a_map_pixel_edit_filters_and_remove_a_pooling(qtbot) -> None:
    canvas, doc, stack = make_canvas(qtbot, digits_cnn())
    stack_1 = canvas.columns[1]
    click(canvas, stack_1.pixel_rect(0, 5, 7).center())
    assert canvas.highlight.target == CanvasHit.feature(1, 0, 5, 7)
    with qtbot.waitSignal(doc.architectureChanged):
        press(canvas, K.Key_Equal)
    assert doc.network.features[0].filters == 33 and canvas.highlight.target == CanvasHit.feature(1, 0, 5, 7)
    press(canvas, K.Key_Right)  # to the pooling after it
    assert canvas.highlight.target.layer == 2 and canvas.columns[2].kind == "pool"
    with qtbot.waitSignal(doc.architectureChanged):
        press(canvas, K.Key_Delete)
    assert [f.spec for f in doc.network.features] == ["conv5x5x33", "conv5x5x64", "pool2"]
    assert isinstance(canvas.columns[2], FeatureStack) and canvas.highlight.target.layer == 2
    stack.undo()
    stack.undo()
    assert doc.network.architecture == digits_cnn().architecture


def test_the_menu_key_opens_the_selected_layers_menu_at_the_selection(qtbot) -> None:
    canvas, doc, _ = make_canvas(qtbot, digits_cnn())
    stack_3 = canvas.columns[3]
    click(canvas, stack_3.pixel_rect(0, 2, 2).center())
    seen: list[tuple[list[str], bool]] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, choose)
            return
        selection = canvas.mapFromScene(canvas.highlight.bounds().center())
        seen.append(([a.text() for a in menu.actions()],
                     (menu.pos() - canvas.viewport().mapToGlobal(selection)).manhattanLength() < 4))
        action = next(a for a in menu.actions() if a.text() == "Insert pooling after")
        QTest.mouseClick(menu, LEFT, NONE, menu.actionGeometry(action).center())

    QTimer.singleShot(0, choose)
    with qtbot.waitSignal(doc.architectureChanged):
        press(canvas, K.Key_Menu)
    [(entries, at_selection)] = seen
    assert "Filters…" in entries and "Remove this convolution" in entries and at_selection
    assert [f.spec for f in doc.network.features] == ["conv5x5x32", "pool2", "conv5x5x64", "pool2", "pool2"]


def test_in_the_window_the_keys_reach_the_canvas_and_undo_takes_them_back(qtbot, window) -> None:
    pick(window.findChild(QComboBox, "datasetPicker"), "XOR")
    canvas, doc = window.canvas, window.document
    sizes = doc.sizes
    click(canvas, canvas.columns[1].neuron_pos(5))
    # The step-through starts over along the click, and leaves the click's mark (it once cleared it, so the
    # ring vanished and the arrow keys began again at the first input).
    assert canvas.highlight.target == CanvasHit.neuron(1, 5)
    with qtbot.waitSignal(doc.architectureChanged):
        press(canvas, K.Key_Plus, Qt.KeyboardModifier.ShiftModifier)
    assert doc.sizes == [sizes[0], sizes[1] + 1, *sizes[2:]]
    assert window.inspector.selection == ("neuron", 1, 5) and canvas.highlight.target == CanvasHit.neuron(1, 5)
    press(canvas, K.Key_Down)
    assert canvas.highlight.target == CanvasHit.neuron(1, 6) and window.inspector.selection == ("neuron", 1, 6)
    QTest.keyClick(canvas, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.sizes == sizes
