"""The draw pad: strokes with a real mouse change the image; right-click and Esc clear it."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.draw.dock import DrawDock
from nndesk.app.draw.draw_pad import DrawPad
from nndesk.engine.core.network import Network
from tests.app.people import LEFT, NONE, stroke


@pytest.fixture
def pad(qtbot) -> DrawPad:
    pad = DrawPad()
    qtbot.addWidget(pad)
    pad.resize(280, 280)
    pad.show()
    qtbot.waitExposed(pad)
    return pad


def test_stroke_draws_and_emits_on_every_move(pad: DrawPad, qtbot) -> None:
    images = []
    pad.imageChanged.connect(images.append)
    assert not pad.image28().any()
    stroke(pad, [(140, 40), (140, 100), (140, 160), (140, 240)])
    assert len(images) == 4  # press + three moves: the bars can follow the pen
    img = pad.image28()
    assert img.shape == (28, 28) and img.dtype == np.float32
    assert 0 <= img.min() and img.max() <= 1 and img.max() > 0.9
    rows, cols = np.nonzero(img > 0.2)
    assert rows.max() - rows.min() >= 15 and cols.max() - cols.min() <= 8  # a vertical "1", centred
    assert abs(np.average(np.arange(28), weights=img.sum(1)) - 14) < 1


def test_right_click_clears(pad: DrawPad, qtbot) -> None:
    stroke(pad, [(50, 50), (200, 200)])
    with qtbot.waitSignal(pad.imageChanged) as sig:
        QTest.mouseClick(pad, Qt.MouseButton.RightButton, NONE, QPoint(100, 100))
    assert pad.is_blank() and not pad.image28().any() and not sig.args[0].any()


def test_escape_clears(pad: DrawPad, qtbot) -> None:
    stroke(pad, [(50, 200), (200, 50)])
    pad.setFocus()
    with qtbot.waitSignal(pad.imageChanged):
        QTest.keyClick(pad, Qt.Key.Key_Escape)
    assert not pad.image28().any()


def test_wider_brush_inks_more(pad: DrawPad) -> None:
    pad.set_brush_width(10)
    stroke(pad, [(140, 40), (140, 240)])
    thin = int((pad.gray() < 128).sum())
    pad.clear()
    pad.set_brush_width(40)
    stroke(pad, [(140, 40), (140, 240)])
    assert (pad.gray() < 128).sum() > 2 * thin


def test_pen_pressure_sets_the_width(pad: DrawPad) -> None:
    pen = QPointingDevice("pen", 1, QInputDevice.DeviceType.Stylus, QPointingDevice.PointerType.Pen,
                          QInputDevice.Capability.Position | QInputDevice.Capability.Pressure, 1, 3)

    def line(x: float, pressure: float) -> int:
        before = int((pad.gray() < 128).sum())
        for kind, y in ((QEvent.Type.TabletPress, 60), (QEvent.Type.TabletMove, 220), (QEvent.Type.TabletRelease, 220)):
            event = QTabletEvent(kind, pen, QPointF(x, y), QPointF(x, y), pressure, 0, 0, 0, 0, 0, NONE, LEFT, LEFT)
            QApplication.sendEvent(pad, event)
            assert event.isAccepted()  # no mouse events synthesised on top
        return int((pad.gray() < 128).sum()) - before

    assert line(200, 1.0) > 2 * line(60, 0.1) > 0


def test_dock_predicts_while_drawing_and_clears(qtbot) -> None:
    doc = NetworkDocument(Network.create([784, 32, 10], cost="cross-entropy", seed=0), "digits", (28, 28))
    dock = DrawDock(doc)
    qtbot.addWidget(dock)
    dock.resize(640, 360)
    dock.show()
    qtbot.waitExposed(dock)
    centre = dock.pad.rect().center()
    stroke(dock.pad, [(centre.x(), centre.y() - 60), (centre.x(), centre.y() + 60)])
    expected = doc.network.feedforward(dock.pad.image28().reshape(1, -1))[0]
    np.testing.assert_allclose(dock.panel.probabilities(), expected, rtol=1e-6)
    np.testing.assert_array_equal(dock.preview.image(), dock.pad.image28())
    QTest.mouseClick(dock.findChild(QPushButton, "clearDrawing"), LEFT)
    assert dock.pad.is_blank() and not any(dock.panel.probabilities())


def test_dock_refuses_a_network_that_cannot_read_digits(qtbot) -> None:
    doc = NetworkDocument(Network.create([2, 4, 2], seed=0), "xor", None)
    dock = DrawDock(doc)
    qtbot.addWidget(dock)
    dock.show()
    stroke(dock.pad, [(60, 60), (100, 100)])
    assert dock.message.isVisible() and "2-4-2" in dock.message.text()
