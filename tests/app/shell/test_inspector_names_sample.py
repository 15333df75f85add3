"""The Inspector shows the numbers of the sample the canvas lights and names it: the drawn digit, or the stepped one."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton, QToolTip

from tests.app.people import LEFT, NONE, pick, stroke


def _draw_a_seven(window) -> None:
    pad = window.draw_widget.pad
    c = pad.rect().center()
    x, y = c.x(), c.y()
    stroke(pad, [(x - 60, y - 70), (x + 60, y - 70), (x + 10, y + 20), (x - 10, y + 80)])


def _click_neuron(window, L: int, i: int) -> None:
    """Click neuron i of layer L on the canvas, as a person does."""
    canvas = window.canvas
    canvas.fit()
    at = canvas.mapFromScene(canvas.columns[L].neuron_pos(i))
    QTest.mouseClick(canvas.viewport(), LEFT, NONE, at)


def _in_front(dock) -> bool:
    """On screen, not a tab behind another (isVisible stays True for a hidden tab's dock)."""
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def _inspector_a(window) -> float:
    """a of the clicked neuron, every digit (what hovering the number shows)."""
    a_line = next(v for v in window.inspector.lines if v.isVisible() and v.text().lstrip().startswith("a"))
    return float(a_line.tooltip_for("n:0").replace(",", ".").replace("−", "-"))


def test_inspector_reads_the_canvas_sample_and_names_it(window, qtbot, language) -> None:
    drew = {"en": "the digit you drew", "ru": "ваш рисунок"}[language]
    sample_word = {"en": "Sample:", "ru": "Пример:"}[language]
    window.draw_dock.raise_()
    _draw_a_seven(window)
    out = len(window.document.sizes) - 1
    guess = int(np.argmax(window.draw_widget.panel.probabilities()))

    _click_neuron(window, out, guess)
    assert _in_front(window.inspector_dock) and not _in_front(window.draw_dock)  # the Inspector came to the front
    assert window.inspector.selection == ("neuron", out, guess)
    heading = window.inspector.titleLabel.text()
    assert sample_word in heading and drew in heading
    lit = window.canvas._activations  # what the canvas lights for that neuron
    assert lit is not None
    assert _inspector_a(window) == pytest.approx(float(lit[out][guess]), rel=1e-6)
    assert _inspector_a(window) == pytest.approx(window.draw_widget.panel.probabilities()[guess], rel=1e-6)

    # Step through that very drawing: the panel's sample becomes the canvas's, and the heading says so.
    window.draw_dock.raise_()
    pick(window.draw_widget.findChild(QComboBox, "targetDigit"), "7")
    QTest.mouseClick(window.draw_widget.findChild(QPushButton, "stepThroughDrawing"), LEFT)
    QTest.keyClick(window.backprop, Qt.Key.Key_Right)
    _click_neuron(window, out, 7)
    heading = window.inspector.titleLabel.text()
    assert _in_front(window.inspector_dock) and sample_word in heading and "7" in heading
    lit = window.canvas._activations
    assert _inspector_a(window) == pytest.approx(float(lit[out][7]), rel=1e-6)
    np.testing.assert_allclose(lit[0], window.draw_widget.image().reshape(-1), atol=1e-7)  # still the drawing


def test_a_cleared_pad_leaves_no_unnamed_numbers(window, qtbot) -> None:
    _draw_a_seven(window)
    _click_neuron(window, 2, 3)
    assert "the digit you drew" in window.inspector.titleLabel.text()
    viewport = window.canvas.viewport()  # hover the neuron: the canvas's tooltip names the same sample
    at = window.canvas.mapFromScene(window.canvas.columns[2].neuron_pos(3))
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, at, viewport.mapToGlobal(at)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert "activation a" in QToolTip.text() and "(sample: the digit you drew)" in QToolTip.text()
    window.draw_dock.raise_()
    QTest.mouseClick(window.draw_widget.findChild(QPushButton, "clearDrawing"), LEFT)
    assert window.canvas._activations is None and window.document.sample is None
    assert "No sample yet" in window.inspector.titleLabel.text()
    assert not any(v.isVisible() and v.text().lstrip().startswith("a") for v in window.inspector.lines)
