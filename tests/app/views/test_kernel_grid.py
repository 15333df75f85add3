"""KernelGrid: numbers in cells coloured by sign, a click or the arrow keys select a cell."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from nndesk.app.style.colors import CanvasColors
from nndesk.app.views.kernel_grid import KernelGrid


@pytest.fixture
def grid(qtbot):
    g = KernelGrid()
    qtbot.addWidget(g)
    g.set_values(np.array([[0.5, -1.0, 0.0], [2.0, -0.25, 12.5], [1e-3, -3.0, 0.75]]))
    g.resize(200, 200)
    g.show()
    qtbot.waitExposed(g)
    return g


def test_cells_show_their_numbers_and_the_canvas_colours_by_sign(grid):
    assert grid.text_at(0, 1) == "−1.00" and grid.text_at(1, 2) == "12.5"
    colors = CanvasColors.from_palette(grid.palette())
    assert grid.color_at(1, 2) == colors.positive  # the largest |w| is full colour
    assert grid.color_at(2, 1).name() != colors.background.name()
    negative = grid.color_at(2, 1)
    assert negative.red() > negative.blue()  # orange
    assert grid.color_at(0, 2) == colors.background  # 0 is the background


def test_a_click_and_the_arrow_keys_select_cells(grid, qtbot):
    with qtbot.waitSignal(grid.cellClicked) as clicked:
        QTest.mouseClick(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         grid.cell_rect(2, 0).center().toPoint())
    assert clicked.args == [2, 0] and grid.selected == (2, 0)
    QTest.keyClick(grid, Qt.Key.Key_Right)
    QTest.keyClick(grid, Qt.Key.Key_Down)  # off the grid: stays
    assert grid.selected == (2, 1)
    grid.selectable = False
    QTest.mouseClick(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     grid.cell_rect(0, 0).center().toPoint())
    assert grid.selected == (2, 1)
