"""A feature layer drawn as a stack of maps: what it says, where its pixels are, how it lights."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QGraphicsScene

from nndesk.app.canvas.feature_stack import VISIBLE, FeatureStack, full_scale
from nndesk.app.style.colors import CanvasColors


@pytest.fixture
def colors(qapp) -> CanvasColors:
    return CanvasColors.from_palette(QPalette())


def make_stack(colors, shape=(32, 24, 24), kind="conv", k=5, pad=0) -> tuple[FeatureStack, QGraphicsScene]:
    scene = QGraphicsScene()
    stack = FeatureStack(1, shape, kind, k, pad, colors, 200.0)
    scene.addItem(stack)
    stack.setPos(300, 10)
    return stack, scene


def texts(item) -> list[str]:
    found = []
    for child in item.childItems():
        if hasattr(child, "text") and callable(child.text):
            found.append(child.text())
        found += texts(child)
    return found


def test_a_convolution_says_its_kernel_filters_and_output_size(colors) -> None:
    stack, _ = make_stack(colors)
    words = texts(stack)
    assert "a⁽¹⁾" in words and "conv 5×5 · 32 filters" in words and "24×24 ×32" in words and "32" in words
    assert stack.m == VISIBLE and stack.more_button.text == "+26 more"  # 6 drawn, the student told of 26 more
    assert stack.kernel_button.text == "kernel 5×5 ▾"
    assert all(b is not None for b in (stack.minus_button, stack.plus_button, stack.remove_button))


def test_a_pooling_has_no_filters_to_change(colors) -> None:
    stack, _ = make_stack(colors, (4, 12, 12), "pool", 2)
    assert "max pool 2×2 · 4 maps" in texts(stack) and "12×12 ×4" in texts(stack)
    assert stack.minus_button is None and stack.kernel_button is None and stack.more_button is None
    assert stack.remove_button is not None and stack.m == 4
    assert stack.receptive(3, 5) == (6, 10, 2)  # pixel (3, 5) is the max of the 2×2 block at (6, 10)


def test_map_pixels_under_the_pointer(colors) -> None:
    stack, scene = make_stack(colors)
    front = stack.mapRectToScene(stack.map_rect(0))
    px = front.width() / 24
    assert stack.map_at(front.topLeft() + _d(px * 7.5, px * 5.5)) == (0, 5, 7)
    assert stack.pixel_rect(0, 5, 7).center() == front.topLeft() + _d(px * 7.5, px * 5.5)
    third = stack.mapRectToScene(stack.map_rect(2))  # only its top and right edge show behind the front maps
    assert stack.map_at(third.topRight() + _d(-px / 2, px / 2)) == (2, 0, 23)
    assert stack.map_at(front.bottomRight() + _d(3, -3)) is None  # beside the front map, under the back ones
    stack.show_next()
    assert stack.first == 6 and stack.map_at(front.center()) == (6, 12, 12)
    assert stack.more_button.text == "maps 6–11 ▸"  # which maps show, once they are not the first ones
    stack.bring_to_front(29)
    assert stack.more_button.text == "maps 29–31, 0–2 ▸" and stack.map_at(front.center())[0] == 29
    for _ in range(6):
        stack.show_next()  # 3, 9, 15, 21, 27, 1: round again
    assert stack.first == 1 and stack.more_button.text == "maps 1–6 ▸"
    stack.bring_to_front(0)
    assert stack.more_button.text == "+26 more"


def test_same_convolution_window_hangs_over_the_edge_and_is_cut(colors) -> None:
    stack, _ = make_stack(colors, (8, 28, 28), "conv", 5, 2)
    assert stack.receptive(0, 0) == (-2, -2, 5)
    corner = stack.window_rect(0, -2, -2, 5)
    assert corner.topLeft() == stack.pixel_rect(0, 0, 0).topLeft()
    assert corner.bottomRight() == stack.pixel_rect(0, 2, 2).bottomRight()


def test_activations_colour_each_pixel_and_none_is_neutral(colors) -> None:
    stack, _ = make_stack(colors, (8, 6, 6))
    a = np.zeros((8, 6, 6), np.float32)
    a[5] = 1.0  # the 99th percentile of |a|: drawn at full colour, and so is all above it
    a[0, 1, 2], a[0, 4, 4], a[3, 0, 0] = 2.0, -2.0, 0.5
    stack.set_activations(a.ravel())
    front = stack._images[0]
    assert QColor(front.pixel(2, 1)).name() == colors.positive.name()
    assert QColor(front.pixel(4, 4)).name() == colors.negative.name()
    assert QColor(front.pixel(0, 0)).name() == colors.neuron.name()  # a = 0
    half, halfway = QColor(stack._images[3].pixel(0, 0)), colors.signed(1.0, 0.5)
    assert max(abs(half.red() - halfway.red()), abs(half.green() - halfway.green()),
               abs(half.blue() - halfway.blue())) <= 1  # a = 0.5: halfway to blue
    assert stack.value(3, 0, 0) == 0.5
    stack.bring_to_front(3)
    assert QColor(stack._images[0].pixel(0, 0)).name() == half.name()  # map 3 now in front, lit as before
    stack.set_activations(None)
    assert {QColor(stack._images[0].pixel(x, y)).name() for x in range(6) for y in range(6)} == {colors.neuron.name()}


def test_full_colour_scale_ignores_a_few_outliers() -> None:
    a = np.linspace(0, 1, 1000)
    a[-3:] = 50.0
    assert full_scale(a) == pytest.approx(a[990])
    assert full_scale(np.r_[np.zeros(500), 3.0]) == 3.0  # nearly all zero (ReLU): the largest
    assert full_scale(np.zeros(10)) == 1.0


def _d(x: float, y: float) -> QPointF:
    return QPointF(x, y)
