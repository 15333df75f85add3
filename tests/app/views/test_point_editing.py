"""Clicks on the decision boundary ask for point edits: left adds one of the chosen class, right removes one."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.views.decision_boundary import CLASS_COLORS, DecisionBoundaryView
from nndesk.app.views.point_picking import RADIUS_PX, nearest_within
from nndesk.engine.core.network import Network

RIGHT, NONE = Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier


@pytest.fixture
def view(qtbot) -> DecisionBoundaryView:
    doc = NetworkDocument(Network.create([2, 8, 3], "tanh", "cross-entropy", seed=0), "points", None)
    view = DecisionBoundaryView(doc)
    qtbot.addWidget(view)
    view.resize(420, 460)
    view.show()
    qtbot.waitExposed(view)
    view.set_data(np.array([[-1, -1], [1, 1], [0.5, -0.5]], np.float32), np.array([0, 1, 2]))
    view.set_editable(3)
    box = view.plot.getViewBox()
    qtbot.waitUntil(lambda: box.sceneBoundingRect().width() > 100)
    return view


def pixel(view: DecisionBoundaryView, x: float, y: float) -> QPoint:
    """Where the plane's point (x, y) is on the plot's viewport, in pixels."""
    scene = view.plot.getViewBox().mapViewToScene(QPointF(x, y))
    return view.plot.mapFromScene(scene)


def click(view, x: float, y: float, button=Qt.MouseButton.LeftButton, dx: int = 0) -> None:
    QTest.mouseClick(view.plot.viewport(), button, NONE, pixel(view, x, y) + QPoint(dx, 0))


def test_a_left_click_asks_for_a_point_of_the_chosen_class_where_it_was_clicked(view, qtbot) -> None:
    assert view.chooser.isVisible() and view.plot.geometry().top() >= view.chooser.height()  # above, not on it
    QTest.mouseClick(view.chooser.buttons[2], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.addRequested) as added:
        click(view, 0.25, 0.75)
    x1, x2, k = added.args
    assert k == 2 and abs(x1 - 0.25) < 0.02 and abs(x2 - 0.75) < 0.02  # within a pixel or two


def test_the_class_is_chosen_from_the_keyboard_too(view, qtbot) -> None:
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.chooser.buttons[0].setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # Tab reaches each class, Space chooses it
    assert QApplication.focusWidget() is view.chooser.buttons[1]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert view.chooser.current() == 1 and [b.isChecked() for b in view.chooser.buttons] == [False, True, False]
    click(view, 0.9, 0.9)  # the plot has the focus after a click: the digit keys choose there
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    assert view.chooser.current() == 2 and view.chooser.buttons[2].isChecked()
    with qtbot.waitSignal(view.addRequested) as added:
        click(view, 0, 0)
    assert added.args[2] == 2


def test_a_right_click_on_a_point_asks_to_remove_that_one_and_beside_none_nothing(view, qtbot) -> None:
    with qtbot.waitSignal(view.removeRequested) as removed:
        click(view, 0.5, -0.5, RIGHT, dx=RADIUS_PX - 3)  # a few pixels off its centre still hits it
    assert removed.args == [2]
    with qtbot.assertNotEmitted(view.removeRequested), qtbot.assertNotEmitted(view.addRequested):
        click(view, 0, 0.6, RIGHT)  # empty plane


def test_a_view_that_is_not_editable_ignores_clicks_and_hides_the_chooser(view, qtbot) -> None:
    view.set_editable(None)
    assert not view.chooser.isVisible()
    with qtbot.assertNotEmitted(view.addRequested), qtbot.assertNotEmitted(view.removeRequested):
        click(view, 0.1, 0.1)
        click(view, -1, -1, RIGHT)


def test_the_chooser_has_a_button_in_each_class_colour(view) -> None:
    view.set_editable(2)
    assert len(view.chooser.buttons) == 2 and view.chooser.current() in (0, 1)
    for k, button in enumerate(view.chooser.buttons):
        image = button.icon().pixmap(14, 14).toImage()
        assert image.pixelColor(7, 7).name() == CLASS_COLORS[k]
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_nearest_within_measures_in_pixels() -> None:
    points = np.array([[0.0, 0.0], [10.0, 0.0]])
    assert nearest_within(points, (9.0, 0.0), (1.0, 1.0), radius_px=2) == 1
    assert nearest_within(points, (5.0, 0.0), (1.0, 1.0), radius_px=2) is None
    assert nearest_within(points, (5.0, 0.0), (1.0, 1.0), radius_px=6) in (0, 1)
    assert nearest_within(points, (0.0, 0.3), (1.0, 0.01), radius_px=8) is None  # 30 px up a stretched axis
    assert nearest_within(np.zeros((0, 2)), (0, 0), (1, 1)) is None
