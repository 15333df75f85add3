"""Under the pad: Add to my digits asks with the ink and the exact input, once per drawing; counts as given."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton

from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.draw.dock import DrawDock
from nndesk.engine.core.network import Network
from tests.app.people import LEFT, on_paper, pick, stroke


@pytest.fixture
def dock(qtbot):
    document = NetworkDocument(Network.create([784, 16, 10], seed=0), "digits", (28, 28))
    dock = DrawDock(document)
    qtbot.addWidget(dock)
    dock.resize(460, 720)
    dock.show()
    qtbot.waitExposed(dock)
    return dock


def test_add_needs_a_drawing_and_a_digit_and_sends_both_pictures(qtbot, dock):
    from PySide6.QtTest import QTest

    button = dock.findChild(QPushButton, "addToMyDigitsButton")
    asked = []
    dock.addToMyDigitsRequested.connect(lambda ink, x, label: asked.append((ink, x, label)))
    assert not button.isEnabled()  # nothing drawn
    pick(dock.findChild(QComboBox, "targetDigit"), "4")
    assert not button.isEnabled()  # a digit but no drawing
    stroke(dock.pad, on_paper(dock.pad, [(0.3, 0.2), (0.3, 0.55), (0.7, 0.55)]))
    stroke(dock.pad, on_paper(dock.pad, [(0.62, 0.2), (0.62, 0.85)]))
    assert button.isEnabled()
    QTest.mouseClick(button, LEFT)
    assert len(asked) == 1
    ink, x, label = asked[0]
    assert label == 4 and x.shape == (28, 28) and x.dtype == np.float32
    np.testing.assert_array_equal(x, dock.image())  # what the network was fed, exactly
    assert ink.shape == (280, 280) and ink.dtype == np.uint8
    np.testing.assert_array_equal(ink, 255 - dock.pad.gray())  # the drawing, ink bright
    assert not button.isEnabled()  # one drawing, one entry: a double click adds nothing twice
    QTest.mouseClick(button, LEFT)
    assert len(asked) == 1
    stroke(dock.pad, on_paper(dock.pad, [(0.2, 0.9), (0.4, 0.9)]))  # drawing on makes a new drawing
    assert button.isEnabled()
    dock.pad.clear()
    assert not button.isEnabled()


def test_counts_are_shown_as_given_with_the_total(dock, language):
    label = dock.findChild(QLabel, "myDigitsCount")
    dock.set_my_digits_counts(np.array([3, 2, 0, 0, 0, 0, 0, 1, 0, 0]))
    tip = label.toolTip()
    assert "6" in tip and "0: 3" in tip and "1: 2" in tip and "7: 1" in tip
    assert "<b>3</b>" in label.text() and "<b>1</b>" in label.text()
    assert label.text().count("color:") == 2 * 7  # the seven digits with none, dimmed: the digit and its 0
    assert dock.my_digits.counts().tolist() == [3, 2, 0, 0, 0, 0, 0, 1, 0, 0]
    words = {"en": ("My digits:", "Add to my digits"), "ru": ("Мои цифры:", "Добавить в мои цифры")}[language]
    assert words[0] in label.text() and dock.findChild(QPushButton, "addToMyDigitsButton").text() == words[1]
