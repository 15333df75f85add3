"""InspectorPanel: typed and dragged edits go through the undo stack; freeze and prune; sample values."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest

from nndesk.app.backprop.panel import BackpropPanel
from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.views.inspector_panel import InspectorPanel
from nndesk.engine.explain.lecture import lecture_network


@pytest.fixture
def setup(qtbot):
    doc = NetworkDocument(lecture_network())
    stack = QUndoStack()
    panel = InspectorPanel(doc, stack)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return doc, stack, panel


def _type(qtbot, spin, text):
    spin.lineEdit().selectAll()
    QTest.keyClicks(spin.lineEdit(), text)
    QTest.keyClick(spin.lineEdit(), Qt.Key.Key_Return)


def test_typing_a_weight_then_undo_and_redo_move_the_engine_weight(qtbot, setup):
    doc, stack, panel = setup
    panel.show_edge(1, 0, 1)  # w₀₁⁽¹⁾ = 0.52
    assert panel.valueSpin.value() == pytest.approx(0.52)
    with qtbot.waitSignal(doc.weightsChanged):
        _type(qtbot, panel.valueSpin, "0.75")
    assert doc.network.layers[1].weights[0, 1] == pytest.approx(0.75)
    assert stack.count() == 1
    stack.undo()
    assert doc.network.layers[1].weights[0, 1] == 0.52
    assert panel.valueSpin.value() == pytest.approx(0.52)  # the panel follows the document
    stack.redo()
    assert doc.network.layers[1].weights[0, 1] == pytest.approx(0.75)
    assert panel.valueSpin.value() == pytest.approx(0.75)


def test_a_neurons_bias_is_edited_through_the_undo_stack(qtbot, setup):
    doc, stack, panel = setup
    panel.show_neuron(1, 1)
    _type(qtbot, panel.valueSpin, "-0.25")
    assert doc.network.layers[0].bias[1] == pytest.approx(-0.25)
    stack.undo()
    assert doc.network.layers[0].bias[1] == 0.0


def test_dragging_the_slider_is_one_undo_step(qtbot, setup):
    doc, stack, panel = setup
    panel.show_edge(0, 0, 0)
    slider = panel.valueSlider
    slider.setFocus()
    for _ in range(5):
        QTest.keyClick(slider, Qt.Key.Key_PageUp)  # what a drag does: a run of value changes
    assert doc.network.layers[0].weights[0, 0] > 0.2
    assert stack.count() == 1
    stack.undo()
    assert doc.network.layers[0].weights[0, 0] == 0.2


def test_freeze_and_prune_are_undoable(qtbot, setup):
    doc, stack, panel = setup
    panel.show_edge(0, 1, 2)
    qtbot.mouseClick(panel.freezeCheck, Qt.MouseButton.LeftButton)
    assert doc.network.layers[0].frozen[1, 2]
    stack.undo()
    assert not doc.network.layers[0].frozen[1, 2]
    panel.show_neuron(1, 0)
    qtbot.mouseClick(panel.pruneButton, Qt.MouseButton.LeftButton)
    net = doc.network
    assert not net.layers[0].weights[0].any() and net.layers[1].weights[0, 0] == 0
    assert net.layers[0].frozen[0].all() and net.layers[0].frozen_bias[0] and net.layers[1].frozen[0, 0]
    assert panel.freezeCheck.isChecked()
    stack.undo()
    np.testing.assert_array_equal(net.layers[0].weights[0], [0.2, 0.1, 0.12])
    assert net.layers[1].weights[0, 0] == 0.2 and not net.layers[1].frozen[0, 0]


def test_shows_the_samples_numbers_and_delta_after_a_backward_step(qtbot, setup):
    doc, stack, panel = setup
    bp = BackpropPanel(doc)
    qtbot.addWidget(bp)
    panel.follow_backprop(bp)
    bp.set_sample(doc.network, [1, 1, 0], [0], 0.1)
    panel.show_neuron(2, 0)
    texts = lambda: [line.text() for line in panel.lines if line.isVisible()]  # noqa: E731
    assert not texts() and "No sample yet" in panel.titleLabel.text()  # chosen, not yet shown on the canvas
    bp.step_forward()  # the first step lights the canvas: the sample is the document's, named
    assert "Sample: <b>a⁽⁰⁾ = [1; 1; 0]</b>" in panel.titleLabel.text()  # a small sample is named by its inputs
    assert any("0.3749" in t for t in texts()) and any("0.5926" in t for t in texts())
    assert not any("δ" in t for t in texts())
    bp.to_end()
    bp.step_back()  # before the update: the sample's δ is shown
    assert any("δ" in t and "0.1431" in t for t in texts())
    panel.show_edge(1, 0, 0)
    assert any("0.08219" in t for t in texts())
    panel.set_batch_gradients([np.full((2, 3), 0.5), np.full((1, 2), 0.25)], [np.zeros(2), np.zeros(1)])
    assert any("last batch" in t and "0.25" in t for t in texts())
    assert panel.lines[0].tooltip_for("n:0").startswith("0.082187685")  # every digit on hover
