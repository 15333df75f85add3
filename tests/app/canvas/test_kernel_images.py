"""The first convolution's kernels as pictures: one cell per filter, coloured by its weights."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QGraphicsScene

from nndesk.app.canvas.kernel_images import KernelImages, grid_columns, grid_height
from nndesk.app.style.colors import CanvasColors


@pytest.fixture
def colors(qapp) -> CanvasColors:
    return CanvasColors.from_palette(QPalette())


def test_grid_of_cells_one_per_filter(colors) -> None:
    kernels = KernelImages(1, np.zeros((32, 1, 5, 5), np.float32), colors)
    assert (kernels.cols, kernels.rows, kernels.filters, kernels.k) == (8, 4, 32, 5)
    assert grid_columns(64) == 16 and grid_columns(6) == 6
    assert kernels.boundingRect().bottom() == pytest.approx(grid_height(32))
    cells = [kernels.cell_rect(f) for f in range(32)]
    assert not any(a.intersects(b) for i, a in enumerate(cells) for b in cells[i + 1:])
    assert cells[9].top() > cells[0].bottom() and cells[9].left() == cells[1].left()  # row 2, column 2


def test_weights_coloured_by_sign_and_size_and_clicks_name_the_filter(qtbot, colors) -> None:
    w = np.zeros((4, 1, 3, 3), np.float32)
    w[2, 0, 0, 1], w[2, 0, 2, 2], w[1, 0, 1, 1] = 0.8, -0.8, 0.4
    kernels = KernelImages(1, w, colors)
    image = kernels._images[2]
    assert QColor(image.pixel(1, 0)).name() == colors.positive.name()  # (row 0, column 1): w = 0.8, the largest
    assert QColor(image.pixel(2, 2)).name() == colors.negative.name()
    assert QColor(image.pixel(0, 0)).name() == colors.neuron.name()
    half, halfway = QColor(kernels._images[1].pixel(1, 1)), colors.signed(1.0, 0.5)
    assert abs(half.blue() - halfway.blue()) <= 1 and abs(half.red() - halfway.red()) <= 1
    kernels.set_kernels(-w)  # new weights (training): the colours follow
    assert QColor(kernels._images[2].pixel(1, 0)).name() == colors.negative.name()
    scene = QGraphicsScene()
    scene.addItem(kernels)
    kernels.setPos(40, 70)
    assert kernels.kernel_at(kernels.mapToScene(kernels.cell_rect(3).center())) == 3
    assert kernels.kernel_at(kernels.mapToScene(kernels.cell_rect(1).topRight() + QPointF(1.5, 2))) is None  # between
