"""Lecture example while digits train: the canvas shows the network the panel steps, or nothing is lit."""

from __future__ import annotations

import numpy as np
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QToolButton

from tests.app.people import LEFT, NONE, answer_next_dialog


def _train_digits(window, qtbot) -> None:
    assert window.recipe.dataset == "mnist-bundled" and window.document.sizes == [784, 800, 10]
    QTest.mouseClick(window.findChild(QToolButton, "trainButton"), LEFT)
    qtbot.waitUntil(lambda: window.trainer.state == "running", timeout=10_000)
    window.backprop_dock.show()
    window.backprop_dock.raise_()


def _step_and_see_what_is_lit(window, qtbot, steps: int = 3) -> list[tuple]:
    lit: list[tuple] = []
    window.backprop.highlightRequested.connect(lambda *args: lit.append(args))
    for _ in range(steps):
        QTest.mouseClick(window.backprop.stepForwardButton, LEFT)
    return lit


def _fits(sizes: list[int], kind: str, layer: int, where: object) -> bool:
    if kind == "neuron":
        return 0 <= layer < len(sizes) and 0 <= where < sizes[layer]
    if kind == "edge":
        k, j = where
        return 0 <= layer < len(sizes) - 1 and k < sizes[layer + 1] and (j is None or j < sizes[layer])
    return kind == "none" or (kind == "layer" and 0 <= layer < len(sizes))


def _lit_belongs_to_the_canvas(window, lit: list[tuple]) -> None:
    """Every neuron lit exists on the canvas, and the activations it shows are the panel's sample's."""
    sizes = window.document.sizes
    assert lit and all(_fits(sizes, *args) for args in lit)
    assert window.canvas.highlight.target.fits(sizes)
    shown = window.canvas._activations
    assert shown is not None and [a.size for a in shown] == sizes
    for canvas_a, panel_a in zip(shown, window.backprop.walk.exact.activations):
        np.testing.assert_allclose(canvas_a, panel_a)


def test_cancel_keeps_training_and_the_panel_steps_the_canvas_network(window, qtbot) -> None:
    _train_digits(window, qtbot)
    shown = window.document.network
    answer_next_dialog(QMessageBox.StandardButton.Cancel)  # "Training is running … Save first?" — Cancel
    QTest.mouseClick(window.backprop.lectureButton, LEFT)

    assert window.trainer.is_active and window.recipe.dataset == "mnist-bundled"
    assert window.document.network is shown and window.backprop.network is shown  # nothing switched
    assert window.backprop.steps_document
    lit = _step_and_see_what_is_lit(window, qtbot)
    _lit_belongs_to_the_canvas(window, lit)
    window.stop_and_wait()


def test_discard_stops_training_and_the_canvas_shows_the_lecture_network_the_panel_steps(window, qtbot) -> None:
    _train_digits(window, qtbot)
    answer_next_dialog(QMessageBox.StandardButton.Discard)
    QTest.mouseClick(window.backprop.lectureButton, LEFT)

    assert not window.trainer.is_active and window.recipe.dataset == "lecture"
    assert window.document.sizes == [3, 2, 1]
    assert window.backprop.network is window.document.network  # the very object the canvas draws
    assert [c.n for c in window.canvas.columns] == [3, 2, 1]
    lit = _step_and_see_what_is_lit(window, qtbot)
    assert lit[-1][0] == "neuron"
    _lit_belongs_to_the_canvas(window, lit)
    assert "0.57" in window.backprop.stepsView.toPlainText()  # the slides' numbers
    canvas = window.canvas  # click the lit neuron: the Inspector reads the lecture's sample and names it
    QTest.mouseClick(canvas.viewport(), LEFT, NONE, canvas.mapFromScene(canvas.columns[2].neuron_pos(0)))
    assert window.inspector.selection == ("neuron", 2, 0)
    assert "a⁽⁰⁾ = [1; 1; 0]" in window.inspector.titleLabel.text()
    assert any("0.5926" in line.text() for line in window.inspector.lines if line.isVisible())  # a₀⁽²⁾ of the slides


def test_a_panel_stepping_a_network_the_canvas_does_not_show_lights_nothing(qtbot) -> None:
    from nndesk.app.backprop.panel import BackpropPanel
    from nndesk.app.document.network_document import NetworkDocument
    from nndesk.engine.core.network import Network
    from nndesk.engine.explain.lecture import LECTURE_INPUT, LECTURE_TARGET, lecture_network

    doc = NetworkDocument(Network.create([4, 5, 2], seed=0))
    panel = BackpropPanel(doc)
    qtbot.addWidget(panel)
    panel.show()
    lit: list[tuple] = []
    panel.highlightRequested.connect(lambda *args: lit.append(args))
    panel.set_sample(lecture_network(), LECTURE_INPUT, LECTURE_TARGET, 0.1)  # not the document's network
    for _ in range(3):
        QTest.mouseClick(panel.stepForwardButton, LEFT)
    assert not panel.steps_document and lit and {kind for kind, *_ in lit} == {"none"}
