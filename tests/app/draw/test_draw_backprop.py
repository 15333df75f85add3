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
    assert x.any() and combo.currentIndex() == -1 and combo.currentText() == ""  # never the network's guess
    assert not button.isEnabled() and dock.pick_hint.isVisible()  # "← pick which digit you meant…"
    predicted = int(np.argmax(dock.panel.probabilities()))
    target = (predicted + 3) % 10
    pick(combo, str(target))
    assert button.isEnabled() and not dock.pick_hint.isVisible()
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


def test_the_target_is_unset_until_picked_and_the_pick_stays_for_the_next_drawings(window) -> None:
    """After a collapse the network calls every digit a 1: the target must not become 1 by itself."""
    dock = window.draw_widget
    combo = dock.findChild(QComboBox, "targetDigit")
    button = dock.findChild(QPushButton, "stepThroughDrawing")
    collapsed = window.document.network.copy()
    collapsed.layers[-1].bias[:] = -50.0
    collapsed.layers[-1].bias[1] = 50.0
    window.document.set_network(collapsed)
    _draw_a_one(window)
    assert int(np.argmax(dock.panel.probabilities())) == 1 and combo.currentIndex() == -1 and not button.isEnabled()
    pick(combo, "9")
    QTest.mouseClick(dock.findChild(QPushButton, "clearDrawing"), LEFT)
    assert not button.isEnabled() and not dock.pick_hint.isVisible()  # nothing to step through, nothing to ask
    _draw_a_one(window)
    assert combo.currentIndex() == 9 and button.isEnabled()  # the last pick, kept
    with_target = []
    dock.stepThroughRequested.connect(lambda x, digit: with_target.append(digit))
    QTest.mouseClick(button, LEFT)
    assert with_target == [9]
    np.testing.assert_array_equal(window.backprop.walk.exact.t, np.eye(10)[9])
