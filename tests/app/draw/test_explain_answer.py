"""Explain one answer on the pad: when the pen lifts, the maps name the winner and the runner-up; the steps
show how the ink became the input, and "No centring" changes what the network sees."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QToolButton

from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.draw.dock import DrawDock
from nndesk.app.draw.explain_panel import ROOMY_SCREEN
from nndesk.engine.data.preprocess import shrunk
from nndesk.engine.runs.pretrained import ready_trained
from nndesk.engine.runs.recipe import TrainingRecipe
from tests.app.people import LEFT, NONE, pick, stroke


@pytest.fixture(scope="module")
def digits_network():
    return ready_trained(TrainingRecipe.for_dataset("mnist-bundled")).network


@pytest.fixture
def dock(qtbot, digits_network) -> DrawDock:
    dock = DrawDock(NetworkDocument(digits_network.copy(), "mnist-bundled", (28, 28)))
    qtbot.addWidget(dock)
    dock.resize(640, 720)
    dock.show()
    qtbot.waitExposed(dock)
    return dock


def _open(dock: DrawDock) -> None:
    """Open "Why this answer?" with a click if it is closed (it starts open only on a screen ≥ 1000 px tall)."""
    toggle = dock.findChild(QToolButton, "explainToggle")
    roomy = QGuiApplication.primaryScreen().availableGeometry().height() >= ROOMY_SCREEN
    assert toggle.isChecked() == roomy == dock.explain.body.isVisible()
    if not roomy:
        QTest.mouseClick(toggle, LEFT)
    assert toggle.isChecked() and dock.explain.body.isVisible()


def _seven(pad) -> list[tuple[int, int]]:
    """A 7 in the pad's upper left: off-centre and small, as students often draw."""
    r = pad.rect()
    x0, y0, s = r.x() + r.width() // 10, r.y() + r.height() // 10, min(r.width(), r.height()) // 3
    return [(x0, y0), (x0 + s, y0), (x0 + s // 2, y0 + s), (x0 + s // 3, y0 + int(1.3 * s))]


def test_lifting_the_pen_explains_the_answer_with_the_two_digits(dock: DrawDock, qtbot) -> None:
    _open(dock)
    view = dock.explain.attribution
    heading = dock.findChild(QLabel, "attributionHeading")
    points = _seven(dock.pad)
    QTest.mousePress(dock.pad, LEFT, NONE, QPoint(*points[0]))
    for p in points[1:]:
        QTest.mouseMove(dock.pad, QPoint(*p))
    assert dock.panel.probabilities() != [0.0] * 10  # the bars follow the pen…
    assert view.digits() == () and "lift the pen" in heading.text()  # …the explanation waits for the lift
    QTest.mouseRelease(dock.pad, LEFT, NONE, QPoint(*points[-1]))

    p = np.array(dock.panel.probabilities())
    first, second = np.argsort(-p)[:2]
    assert view.digits() == (first, second)
    assert heading.text() == f"Why {first} and not {second}?"
    assert view.captions[0].text() == f"towards {first} ({round(100 * p[first])} %)"
    towards = view.values(0)
    drawn = dock.image().reshape(-1)
    assert np.all(towards[drawn == 0] == 0) and np.abs(towards).max() > 0  # gradient × input: only the ink
    picture = view.maps[0].grab().toImage()
    colours = {picture.pixel(x, y) for x in range(0, 112, 2) for y in range(0, 112, 2)}
    assert len(colours) > 20  # painted in shades of blue and orange, not one flat colour

    pick(dock.findChild(QComboBox, "attributionMode"), "∂aₖ/∂x: what any pixel would do")
    sensitivity = view.values(0)
    assert np.count_nonzero(sensitivity[drawn == 0]) > 100  # blank pixels matter to aₖ too

    QTest.keyClick(dock.pad, Qt.Key.Key_Escape)  # Esc clears the pad, and the explanation with it
    assert view.digits() == () and not dock.explain.steps.tiles[3].grab().isNull()


def test_steps_and_no_centring_change_what_the_network_sees(dock: DrawDock, qtbot) -> None:
    stroke(dock.pad, _seven(dock.pad))
    _open(dock)  # opened after drawing: it explains the drawing already there
    steps = dock.explain.steps
    assert steps.caption_texts() == ["1. your ink; the box around it", "2. cropped to the box", "3. scaled to 20 px",
                                     "4. centred by mass, 28×28"]
    centred = dock.preview.image()
    np.testing.assert_array_equal(centred, dock.pad.image28())
    answer_centred = dock.panel.probabilities()

    switch = dock.findChild(QCheckBox, "noCentring")
    QTest.mouseClick(switch, LEFT, NONE, QPoint(8, switch.height() // 2))
    assert switch.isChecked()
    uncentred = dock.preview.image()
    np.testing.assert_array_equal(uncentred, shrunk(dock.pad.gray()))  # the whole pad, merely shrunk
    rows, cols = np.nonzero(uncentred > 0.3)
    assert rows.mean() < 10 and cols.mean() < 10  # the 7 stays small in the corner
    assert steps.caption_texts()[3] == "4. not centred: the pad shrunk"
    assert dock.panel.probabilities() != answer_centred  # the network reads another input
    np.testing.assert_array_equal(dock.image(), uncentred)  # and the step-through would get that one
    assert dock.explain.attribution.digits()[0] == int(np.argmax(dock.panel.probabilities()))

    QTest.mouseClick(switch, LEFT, NONE, QPoint(8, switch.height() // 2))
    np.testing.assert_array_equal(dock.preview.image(), centred)
    assert dock.panel.probabilities() == answer_centred


def test_closing_the_section_goes_back_to_the_centred_input(dock: DrawDock) -> None:
    _open(dock)
    stroke(dock.pad, _seven(dock.pad))
    switch = dock.findChild(QCheckBox, "noCentring")
    QTest.mouseClick(switch, LEFT, NONE, QPoint(8, switch.height() // 2))
    assert not np.array_equal(dock.preview.image(), dock.pad.image28())
    QTest.mouseClick(dock.findChild(QToolButton, "explainToggle"), LEFT)
    assert not dock.explain.body.isVisible() and not switch.isChecked()
    np.testing.assert_array_equal(dock.preview.image(), dock.pad.image28())
