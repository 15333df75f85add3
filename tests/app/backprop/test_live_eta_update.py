"""A new η on the update step: the update is made again with it — but never undone over weights training sent."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nndesk.app.backprop.panel import BackpropPanel
from nndesk.app.document.network_document import NetworkDocument
from nndesk.engine.explain.lecture import LECTURE_INPUT, LECTURE_TARGET, lecture_network
from nndesk.engine.explain.trace import trace


@pytest.fixture
def stepped(qtbot):
    doc = NetworkDocument(lecture_network())
    panel = BackpropPanel(doc)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_sample(None, LECTURE_INPUT, LECTURE_TARGET, 0.1)
    qtbot.keyClick(panel, Qt.Key.Key_End)  # the update step: w ← w − η·∂C/∂w is in the network
    return doc, panel


def test_a_new_eta_on_the_update_step_makes_the_update_again_with_it(stepped) -> None:
    doc, panel = stepped
    before = lecture_network()
    panel.set_learning_rate(0.5)
    expected = trace(before, LECTURE_INPUT, LECTURE_TARGET, 0.5).new_weights
    assert panel.current_index == len(panel.steps) - 1 and panel.walk.exact.eta == 0.5
    for layer, w in zip(doc.network.layers, expected):
        np.testing.assert_allclose(layer.weights, w)


def test_weights_from_training_are_never_undone_by_a_new_eta(stepped, qtbot) -> None:
    doc, panel = stepped
    trained = [(w + 0.25, b - 0.25) for w, b in doc.weights_snapshot()]
    doc.apply_weights(trained)  # a training snapshot arrives while the student sits on the update step
    panel.set_learning_rate(0.5)
    for layer, (w, b) in zip(doc.network.layers, trained):
        np.testing.assert_array_equal(layer.weights, w)
        np.testing.assert_array_equal(layer.bias, b)
    assert panel.walk.exact.eta == 0.5  # the steps use the new η, on the network as it is now
