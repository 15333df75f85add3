"""The canvas in a classroom: readable at 1024×768, the selection marked and moved with the arrow keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from nndesk.app.canvas.hits import CanvasHit, HitKind
from nndesk.app.canvas.label_fit import min_px, screen_px
from nndesk.app.style import theme
from tests.app.canvas.test_network_canvas import click, make_canvas

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def shown_texts(canvas) -> list[tuple[str, float]]:
    """Every label a student can see on the canvas, with its height in screen pixels."""
    s = canvas.transform().m11()
    return [(item.text(), screen_px(item, item.font().pixelSize(), s)) for item in canvas.scene().items()
            if isinstance(item, QGraphicsSimpleTextItem) and item.isVisible() and all(
                p.isVisible() for p in _parents(item))]


def _parents(item):
    while (item := item.parentItem()) is not None:
        yield item


def test_at_1024x768_no_canvas_label_is_under_8_points(qtbot, window) -> None:
    window.resize(1024, 768)  # (or as small as the docks' minimum sizes allow)
    qtbot.waitUntil(lambda: window.width() < 1280 and window.canvas.viewport().width() > 100)
    canvas = window.canvas
    canvas.fit()
    smallest = min_px(canvas.viewport())
    texts = shown_texts(canvas)
    assert smallest >= 10.6  # 8 pt at 96 dpi
    assert texts, "the canvas shows no label at all"
    assert min(px for _, px in texts) >= smallest - 0.05, sorted(texts, key=lambda t: t[1])[:3]
    titles = [t for t, _ in texts if t.startswith("a⁽")]
    if not canvas._compact:  # (with the start panel open the canvas is too small for any header)
        assert len(titles) == len(window.document.sizes)  # every layer still says which it is


def test_labels_grow_hide_and_come_back_as_the_canvas_shrinks_and_grows(qtbot) -> None:
    canvas, *_ = make_canvas(qtbot, [784, 800, 10], (28, 28))
    full = dict(shown_texts(canvas))
    assert "hidden layer · 800" in full and min(full.values()) >= min_px(canvas.viewport())
    canvas.resize(420, 360)
    qtbot.waitUntil(lambda: canvas.viewport().width() <= 420)
    canvas.fit()
    small = dict(shown_texts(canvas))
    assert min(small.values()) >= min_px(canvas.viewport()) - 0.05
    assert "hidden layer · 800" not in small and "800" in small  # shortened, not shrunk
    rects = [item.sceneBoundingRect() for g in canvas.labels if g.anchor.isVisible() for item in g.anchor.childItems()]
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:]), "labels overlap"
    canvas.resize(1000, 600)
    qtbot.waitUntil(lambda: canvas.viewport().width() > 900)
    canvas.fit()
    assert "hidden layer · 800" in dict(shown_texts(canvas))


def ring_pixels(canvas, L: int, i: int, color: QColor) -> int:
    """How many pixels around neuron (L, i) have the highlight colour."""
    image = canvas.viewport().grab().toImage()
    rect = canvas.mapFromScene(canvas.columns[L].neuron_rect(i).adjusted(-8, -8, 8, 8)).boundingRect()
    near = 0
    for x in range(max(rect.left(), 0), min(rect.right(), image.width())):
        for y in range(max(rect.top(), 0), min(rect.bottom(), image.height())):
            c = image.pixelColor(x, y)
            near += abs(c.red() - color.red()) + abs(c.green() - color.green()) + abs(c.blue() - color.blue()) < 60
    return near


@pytest.mark.parametrize("dark", [False, True])
def test_clicking_a_neuron_marks_it_clearly(qtbot, dark) -> None:
    canvas, *_ = make_canvas(qtbot, [784, 32, 10], (28, 28))
    if dark:
        palette = QPalette()
        for role, color in theme._DARK.items():
            palette.setColor(role, QColor(color))
        canvas.setPalette(palette)  # the canvas rebuilds in the dark colours
    color = canvas._colors.highlight
    assert ring_pixels(canvas, 2, 4, color) == 0
    with qtbot.waitSignal(canvas.neuronClicked) as sig:
        click(canvas, canvas.columns[2].neuron_pos(4))
    assert sig.args == [2, 4] and canvas.highlight.target == CanvasHit.neuron(2, 4)
    assert ring_pixels(canvas, 2, 4, color) >= 20
    assert canvas.window().focusWidget() is canvas  # so the arrow keys go on from the click


def test_arrow_keys_move_the_selection_between_and_within_layers(qtbot) -> None:
    canvas, *_ = make_canvas(qtbot, [3, 8, 2])
    canvas.setFocus()
    seen = []
    canvas.neuronClicked.connect(lambda L, i: seen.append((L, i)))
    QTest.keyClick(canvas, Qt.Key.Key_Right)  # nothing selected: the first input
    QTest.keyClick(canvas, Qt.Key.Key_Down)
    QTest.keyClick(canvas, Qt.Key.Key_Right)  # input 1 of 3 → the middle of 8
    QTest.keyClick(canvas, Qt.Key.Key_End)
    QTest.keyClick(canvas, Qt.Key.Key_Right)
    QTest.keyClick(canvas, Qt.Key.Key_Up)
    QTest.keyClick(canvas, Qt.Key.Key_Up)  # stays at the top
    QTest.keyClick(canvas, Qt.Key.Key_Right)  # stays in the last layer
    assert seen == [(0, 0), (0, 1), (1, 4), (1, 7), (2, 1), (2, 0), (2, 0), (2, 0)]
    assert canvas.highlight.target == CanvasHit.neuron(2, 0)


def test_from_a_clicked_weight_left_goes_to_where_it_comes_from(qtbot) -> None:
    canvas, *_ = make_canvas(qtbot, [2, 3, 2])
    pos = canvas.bundles[1].edge_line(1, 2).center()
    with qtbot.waitSignal(canvas.edgeClicked):
        QTest.mouseClick(canvas.viewport(), LEFT, NONE, canvas.mapFromScene(pos))
    assert canvas.highlight.target.kind is HitKind.EDGE
    with qtbot.waitSignal(canvas.neuronClicked) as sig:
        QTest.keyClick(canvas, Qt.Key.Key_Left)
    assert sig.args == [1, canvas.highlight.target.index] == [1, 2]


def test_arrow_keys_with_ctrl_are_left_to_the_view(qtbot) -> None:
    canvas, *_ = make_canvas(qtbot, [2, 3, 2])
    canvas.setFocus()
    with qtbot.assertNotEmitted(canvas.neuronClicked):
        QTest.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert not canvas.highlight.target
