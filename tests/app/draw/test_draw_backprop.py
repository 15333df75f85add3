"""Draw a digit, say which digit it is, and step backpropagation through exactly that drawing."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QPushButton

from tests.app.people import LEFT, pick, stroke


def _draw_a_one(window) -> np.ndarray:
    pad = window.draw_widget.pad
    centre = pad.rect().center()
    stroke(pad, [(centre.x(), centre.y() - 70), (centre.x() + 4, centre.y()), (centre.x() + 8, centre.y() + 70)])
    return window.draw_widget.image().reshape(-1)


def test_step_through_the_drawn_digit_and_learn_it(window, qtbot) -> None:
    dock = window.draw_widget
    button = dock.findChild(QPushButton, "stepThroughDrawing")
    combo = dock.findChild(QComboBox, "targetDigit")
    assert not button.isEnabled()  # nothing drawn yet
    x = _draw_a_one(window)
    assert x.any() and button.isEnabled()
    predicted = int(np.argmax(dock.panel.probabilities()))
    assert combo.currentIndex() == predicted  # the target follows the prediction until the student picks one
    target = (predicted + 3) % 10
    pick(combo, str(target))
    _draw_a_one(window)  # another stroke: the student's choice stays
    assert combo.currentIndex() == target
    x = dock.image().reshape(-1)
    before = window.document.network.feedforward(x[None])[0, target]

    QTest.mouseClick(button, LEFT)

    panel = window.backprop
    assert window.backprop_dock.isVisible() and panel.walk is not None
    np.testing.assert_array_equal(panel.walk.exact.x, x)  # a⁽⁰⁾ is the drawing, pixel for pixel
    np.testing.assert_array_equal(panel.walk.exact.t, np.eye(10)[target])
    header = panel.sampleLabel.text()
    assert "you drew" in header and f"taught as a {target}" in header
    assert panel.current_index == -1 and len(panel.steps) > 10

    with qtbot.waitSignal(window.document.weightsChanged, timeout=5000):
        QTest.keyClick(panel, Qt.Key.Key_End)  # to the update step: w ← w − η·∂C/∂w goes into the network
    after = window.document.network.feedforward(x[None])[0, target]
    assert after > before  # one step of gradient descent made the chosen digit more likely
    assert np.isclose(dock.panel.probabilities()[target], after, rtol=1e-5)  # the bars moved with it

    QTest.keyClick(panel, Qt.Key.Key_Left)  # one step back: the old weights return
    np.testing.assert_allclose(window.document.network.feedforward(x[None])[0, target], before, rtol=1e-6)


def test_a_new_drawing_follows_the_prediction_again(window) -> None:
    dock = window.draw_widget
    combo = dock.findChild(QComboBox, "targetDigit")
    _draw_a_one(window)
    pick(combo, str((combo.currentIndex() + 5) % 10))
    QTest.mouseClick(dock.findChild(QPushButton, "clearDrawing"), LEFT)
    assert not dock.findChild(QPushButton, "stepThroughDrawing").isEnabled()
    _draw_a_one(window)
    assert combo.currentIndex() == int(np.argmax(dock.panel.probabilities()))
