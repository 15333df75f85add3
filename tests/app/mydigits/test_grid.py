"""The tiles by digit: a column each where ten fit, else a row each; click or arrows select, digit keys relabel,
Delete removes."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from nndesk.app.mydigits.grid import BLANK, MyDigitsGrid
from tests.app.mydigits.conftest import drawings
from tests.app.people import LEFT


@pytest.fixture
def grid(qtbot):
    grid = MyDigitsGrid()
    qtbot.addWidget(grid)
    grid.show()
    qtbot.waitExposed(grid)
    grid.set_digits(drawings([3, 1, 3, 0, 7, 3, 3, 3]))
    fit(grid, 4)
    return grid


def fit(grid, columns: int) -> None:
    """Make the grid just wide enough for ``columns`` tiles a row (62 px each, 6 px margins) and tall enough
    for all rows without a scroll bar."""
    frame = 2 * grid.frameWidth()
    grid.resize(columns * 62 + 12 + frame, 1100)
    QApplication.processEvents()


def test_each_digit_starts_a_row_and_tiles_show_what_the_network_saw(grid):
    assert grid._laid_for == 4
    labels = [grid.label(k) for k in range(grid.count())]
    assert labels == ["0", "", "", "", "1", "", "", "", "3", "3", "3", "3", "3", "", "", "", "7", "", "", ""]
    assert grid.slots[8:13].tolist() == [0, 2, 5, 6, 7] and (grid.slots == BLANK).sum() == 12
    image = grid.image()
    assert image.pixelColor(0, 0).red() == 4  # the 0 is drawing 4: its pixels are 4/255
    fit(grid, 2)  # narrower: rows of two, re-padded
    assert grid._laid_for == 2 and [grid.label(k) for k in range(4)] == ["0", "", "1", ""]


def test_where_ten_columns_fit_each_digit_has_its_column(grid):
    fit(grid, 11)
    assert grid._laid_for == 11 and grid.count() == 5 * 11  # five 3s: five rows
    first_row = [grid.label(k) for k in range(11)]
    assert first_row == ["0", "1", "", "3", "", "", "", "7", "", "", ""]  # no 2 yet: its column stays empty
    assert [grid.label(k) for k in range(3, 55, 11)] == ["3"] * 5 and grid.label(11) == ""
    assert grid.slots[3::11].tolist() == [0, 2, 5, 6, 7]  # the 3s, down their column in the set's order


def test_keys_select_relabel_and_delete(qtbot, grid):
    asked = []
    grid.relabelRequested.connect(lambda i, d: asked.append(("relabel", i, d)))
    grid.deleteRequested.connect(lambda i: asked.append(("delete", i)))
    grid.setFocus()
    QTest.keyClick(grid, Qt.Key.Key_5)  # nothing selected: nothing to relabel
    assert asked == []
    QTest.keyClick(grid, Qt.Key.Key_Right)  # the first drawing: the 0
    QTest.keyClick(grid, Qt.Key.Key_Right)  # the 1, skipping the blank places
    assert grid.selected_index() == 1
    QTest.keyClick(grid, Qt.Key.Key_4)
    QTest.keyClick(grid, Qt.Key.Key_Backspace)
    assert asked == [("relabel", 1, 4), ("delete", 1)]
    QTest.mouseClick(grid.viewport(), LEFT, pos=grid.tile_rect(1).center())  # a blank place: no selection
    assert grid.selected_index() is None


def test_the_selection_follows_its_drawing_when_the_set_changes(grid):
    grid.select_index(4)  # the 7
    digits = grid.digits.copy()
    digits.relabel(4, 0)
    grid.set_digits(digits)
    assert grid.selected_index() == 4 and grid.label(grid.selected) == "0"
    digits = digits.copy()
    digits.remove(4)
    grid.set_digits(digits)
    assert grid.selected_index() is None


def test_the_context_menu_files_a_drawing_as_another_digit(qtbot, grid):
    asked = []
    grid.relabelRequested.connect(lambda i, d: asked.append((i, d)))

    def choose() -> None:
        menu = grid.findChild(QMenu, "myDigitsMenu")
        if menu is None or not menu.isVisible():
            QTimer.singleShot(20, choose)
            return
        file_as = menu.actions()[0].menu()
        assert not file_as.actions()[3].isEnabled()  # it is a 3 already
        file_as.actions()[8].trigger()
        menu.close()
    tile = grid.tile_rect(9).center()
    QTimer.singleShot(0, choose)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, tile, grid.viewport().mapToGlobal(tile))
    QApplication.sendEvent(grid.viewport(), event)  # what a right click sends
    assert asked == [(2, 8)] and grid.selected_index() == 2
    assert np.asarray(grid.slots)[9] == 2
