"""What joins feature layers: the cone from a window to a pixel, the flatten arrow, windows on pictures."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGraphicsScene

from nndesk.app.canvas.conv_links import ConvLink, cone_outline, cone_path, flatten_arrow, window_on
from nndesk.app.canvas.feature_stack import FeatureStack
from nndesk.app.canvas.layer_column import LayerColumn
from nndesk.app.style.colors import CanvasColors


@pytest.fixture
def colors(qapp) -> CanvasColors:
    return CanvasColors.from_palette(QPalette())


def test_cone_joins_the_window_to_the_pixel() -> None:
    window, pixel = QRectF(0, 0, 30, 30), QRectF(100, 10, 5, 5)
    outline = cone_outline(window, pixel)
    for p in (QPointF(15, 15), QPointF(60, 15), QPointF(102, 12)):
        assert outline.containsPoint(p, Qt.FillRule.OddEvenFill)
    assert not outline.containsPoint(QPointF(60, 40), Qt.FillRule.OddEvenFill)
    path = cone_path(window, pixel)
    assert path.boundingRect() == window.united(pixel)


def test_the_link_lets_clicks_through(colors) -> None:
    link = ConvLink(QRectF(0, 0, 30, 30), QRectF(100, 10, 5, 5), colors)
    assert link.shape().isEmpty()


def test_flatten_arrow_says_what_happens(colors) -> None:
    arrow, group = flatten_arrow(0, 120, "4×4×64 → 1024", colors)
    words = [item.text() for item in group.anchor.childItems()]
    assert words == ["flatten", "4×4×64 → 1024"] and group.room == 136
    assert arrow.path().boundingRect().right() == 120


def test_windows_on_the_input_picture_and_on_a_stack(colors) -> None:
    scene = QGraphicsScene()
    picture = LayerColumn(0, 784, "input", "", (28, 28), colors, 200.0)
    stack = FeatureStack(1, (8, 24, 24), "conv", 5, 0, colors, 200.0)
    for item in (picture, stack):
        scene.addItem(item)
    window = window_on(picture, 0, 3, 4, 5)
    assert window.topLeft() == picture.neuron_rect(3 * 28 + 4).topLeft()
    assert window.bottomRight() == picture.neuron_rect(7 * 28 + 8).bottomRight()
    cut = window_on(picture, 0, 26, 26, 5)  # hangs over the edge: cut to the picture
    assert cut.bottomRight() == picture.neuron_rect(27 * 28 + 27).bottomRight()
    assert window_on(stack, 2, 0, 0, 2) == stack.window_rect(2, 0, 0, 2)
    band = LayerColumn(1, 100, "hidden", "relu", None, colors, 200.0)
    assert window_on(band, 0, 0, 0, 2) is None  # not a picture
