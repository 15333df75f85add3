"""A student's whole path with a convolutional network, in the real window, by mouse and keyboard.

On the digits' dense network: "+ conv" after the input image, "+ pool" after it,
one filter more, Ctrl+Z / Ctrl+Shift+Z; train two epochs with the Train button;
draw a digit on the pad and see the answer and the maps light up; click a map
pixel and find the Inspector and the step-through on that pixel; the
evaluation view reads the CNN as ``nndesk eval`` would.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QSlider, QSpinBox

from nndesk.app.canvas.feature_stack import FeatureStack
from nndesk.engine.core.conv import Conv2D
from nndesk.engine.core.convnet import ConvNet
from nndesk.engine.core.pool import MaxPool2D
from tests.app.people import LEFT, NONE, on_paper, stroke, type_number
from tests.app.shell.session_window import click

SEVEN = [(0.28, 0.24), (0.72, 0.24), (0.62, 0.45), (0.53, 0.65), (0.47, 0.80)]


def _press(window, qtbot, scene_item) -> None:
    """A click on a canvas item where the student sees it; the edit lands in the document."""
    canvas = window.canvas
    with qtbot.waitSignal(window.document.architectureChanged, timeout=10_000):
        QTest.mouseClick(canvas.viewport(), LEFT, NONE, canvas.mapFromScene(scene_item.scenePos()))


def _keys(window, qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    with qtbot.waitSignal(window.document.architectureChanged, timeout=10_000):
        QTest.keyClick(window, key, modifiers)


def test_build_a_cnn_on_the_canvas_train_it_and_draw(qtbot, window):
    doc, canvas = window.document, window.canvas
    dense_sizes = list(doc.sizes)
    assert not doc.is_conv and ("conv", 0) in canvas.feature_buttons

    _press(window, qtbot, canvas.feature_buttons[("conv", 0)])  # "+ conv" after the input image
    assert doc.is_conv and isinstance(doc.network.features[0], Conv2D)
    first = doc.network.features[0]
    assert doc.shapes[1] == (first.filters, 29 - first.k, 29 - first.k)
    assert isinstance(canvas.columns[1], FeatureStack) and canvas.kernels is not None

    _press(window, qtbot, canvas.feature_buttons[("pool", 1)])  # "+ pool" after the convolution
    assert isinstance(doc.network.features[1], MaxPool2D) and doc.shapes[2][1] == doc.shapes[1][1] // 2
    _press(window, qtbot, canvas.columns[1].plus_button)  # one filter more
    filters = first.filters + 1
    assert doc.network.features[0].filters == filters and doc.shapes[2][0] == filters

    _keys(window, qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z: the filter goes
    assert doc.network.features[0].filters == filters - 1
    _keys(window, qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert doc.network.features[0].filters == filters and doc.sizes[-2:] == dense_sizes[-2:]
    architecture = doc.network.architecture

    before = len(window.trainer.history)  # (the ready-trained network's epochs stay in the story, as for dense edits)
    slider = window.findChild(QSlider, "learningRateSlider")  # η 0.1 → 0.05, as digits-cnn trains: six notches
    slider.setFocus()                                            # of 1/20 decade to the left, by keyboard
    for _ in range(6):
        QTest.keyClick(slider, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: abs(window.trainer.control.hyper.learning_rate - 0.05) < 0.001)
    type_number(window.findChild(QSpinBox, "epochsBox"), 2)
    with qtbot.waitSignal(window.trainer.finished, timeout=240_000):
        click(window, "trainButton")
    history = window.trainer.history
    assert len(history) == before + 2 and doc.network.architecture == architecture
    assert history[-1].val_accuracy > 0.7  # two epochs of a small CNN on 4,500 digits

    window.draw_dock.show()
    window.draw_dock.raise_()
    pad = window.draw_widget.pad
    stroke(pad, on_paper(pad, SEVEN))
    qtbot.waitUntil(lambda: doc.sample is not None and doc.sample.drawn)
    sample, net = doc.sample, doc.network
    assert isinstance(net, ConvNet)
    expected = net.feedforward(sample.x[None])[0]
    np.testing.assert_allclose(sample.activations[-1], expected, rtol=1e-5, atol=1e-6)
    maps = sample.maps(1)
    assert maps.shape == doc.shapes[1] and np.ptp(maps) > 0
    stack = canvas.columns[1]
    np.testing.assert_allclose(stack.values, maps, rtol=1e-6)  # the maps light up for the drawn digit

    f, y, x = 0, doc.shapes[1][1] // 2, doc.shapes[1][2] // 2
    target = stack.pixel_rect(f, y, x).center()  # the front map's middle pixel, in the scene
    with qtbot.waitSignal(canvas.featureClicked, timeout=5_000) as clicked:
        QTest.mouseClick(canvas.viewport(), LEFT, NONE, canvas.mapFromScene(target))
    L, f, y, x = clicked.args
    assert L == 1
    qtbot.waitUntil(lambda: window.inspector_dock.isVisible())
    inspector = window.inspector.filterInspector
    assert inspector.isVisible()
    conv = doc.network.features[0]
    prev = sample.maps(0)
    k = conv.k
    z = float(np.sum(prev[:, y:y + k, x:x + k] * conv.kernels[f]) + conv.bias[f])  # the receptive-field sum
    assert float(sample.zs[0].reshape(doc.shapes[1])[f, y, x]) == pytest.approx(z, abs=1e-4)
    steps = window.backprop.conv
    assert steps.active and (steps.walk.L, steps.walk.f) == (L, f)


def test_the_other_views_read_a_cnn_as_they_read_a_dense_network(qtbot, window):
    """Evaluation (as ``nndesk eval``), robustness, "Why this answer?" and the gallery on a CNN in the window."""
    from PySide6.QtWidgets import QPushButton, QToolButton

    from nndesk.app.robustness.panel import RobustnessPanel
    from nndesk.engine.core.convnet import ConvSpec, PoolSpec
    from nndesk.engine.explain.attribution import attribute

    net = ConvNet.create((1, 28, 28), [ConvSpec(3, 4), PoolSpec(2)], [16], 10, "relu", "cross-entropy", seed=3)
    window.document.set_structure(net)

    window.evaluation_dock.show()
    window.evaluation_dock.raise_()
    panel = window.evaluation
    qtbot.waitUntil(lambda: panel.result() is not None and not panel.pending(), timeout=30_000)
    held_out = window.recipe.split(window.source)[1]
    cost, accuracy = net.evaluate(held_out.inputs(), held_out.target_matrix(), held_out.y)
    assert panel.result().accuracy == pytest.approx(accuracy) and np.array(panel.matrix.confusion()).sum() == 500

    window.robustness_dock.show()
    window.robustness_dock.raise_()
    robustness = window.findChild(RobustnessPanel, "robustnessPanel")
    with qtbot.waitSignal(robustness.job.finished, timeout=60_000):
        QTest.mouseClick(robustness.findChild(QPushButton, "computeRobustness"), LEFT)
    assert robustness.result().accuracy == pytest.approx(accuracy)

    window.draw_dock.show()
    window.draw_dock.raise_()
    dock = window.draw_widget
    toggle = dock.findChild(QToolButton, "explainToggle")
    if not toggle.isChecked():
        QTest.mouseClick(toggle, LEFT)
    stroke(dock.pad, on_paper(dock.pad, SEVEN))
    view = dock.explain.attribution
    qtbot.waitUntil(lambda: view.digits() != ())
    first = view.digits()[0]
    expected = attribute(net, window.document.sample.x, [first]).times_input[0]
    np.testing.assert_allclose(view.values(0), expected, rtol=1e-4, atol=1e-7)  # ∂aₖ/∂x·x through the kernels


def test_teach_fine_tunes_a_cnn_on_my_digits(qtbot, window):
    """Teach is an ordinary run of the window's trainer: a CNN learns from my digits as a dense network does."""
    from nndesk.engine.core.convnet import ConvSpec, PoolSpec
    from nndesk.engine.data.my_digits import MyDigits
    from nndesk.engine.runs import teach

    net = ConvNet.create((1, 28, 28), [ConvSpec(3, 4), PoolSpec(2)], [16], 10, "relu", "cross-entropy", seed=3)
    window.document.set_structure(net)
    train, mine = window.source.train, MyDigits()
    for digit in (2, 3, 5):
        for i in np.flatnonzero(train.y == digit)[:4]:
            mine.add(np.zeros((280, 280), np.uint8), train.x[i].reshape(28, 28).astype(np.float32) / 255, digit)
    window.set_my_digits(mine)
    panel = window.teach_panel
    window.teach_dock.show()
    window.teach_dock.raise_()
    qtbot.waitUntil(panel.button.isVisible)
    assert panel.button.isEnabled(), panel.button.toolTip()
    before = [p.copy() for p in window.document.network.parameters()]
    with qtbot.waitSignal(window.trainer.finished, timeout=120_000):
        QTest.mouseClick(panel.button, LEFT)
    assert panel.scores() is not None and isinstance(window.document.network, ConvNet)
    assert not np.array_equal(before[0], window.document.network.parameters()[0])  # the kernels learned too
    held = int(teach.held_out(window.my_digits.y, 0).sum())
    assert window.taught_with == {"my_digits": 12 - held, "held_out": held, "held_out_turn": 0}
