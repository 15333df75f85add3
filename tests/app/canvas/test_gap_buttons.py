"""A gap's button: centred (or at the left end) between two layers, its action run after the click returns."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGraphicsScene

from nndesk.app.canvas.gap_buttons import add_gap_button
from nndesk.app.canvas.layer_column import LayerColumn
from nndesk.app.style.colors import CanvasColors


def test_gap_button_placement_room_and_deferred_action(qtbot, qapp) -> None:
    colors = CanvasColors.from_palette(QPalette())
    scene = QGraphicsScene()
    a = LayerColumn(0, 3, "input", "", None, colors, 100.0)
    b = LayerColumn(1, 3, "output", "sigmoid", None, colors, 100.0)
    a.setPos(0, 0)
    b.setPos(200, 0)
    ran = []
    centred, group = add_gap_button(scene, a, b, 100.0, 50.0, "+ conv", "tip", "+", colors, lambda: ran.append(1))
    gap_left, gap_right = a.width / 2, 200 - b.width / 2
    assert centred.scenePos().x() == (gap_left + gap_right) / 2 and centred.scenePos().y() == 150
    assert group.room == gap_right - gap_left - 8 and group.shorter[1] == ("+ conv", "+")
    left, group = add_gap_button(scene, a, b, 100.0, 80.0, "+ pool", "tip", None, colors, lambda: None, True)
    assert left.sceneBoundingRect().left() == gap_left + 4 and group.shorter[1] == ("+ pool",)
    centred.clicked.emit()
    assert ran == []  # not inside the click: the action rebuilds the scene the button is in
    qtbot.waitUntil(lambda: ran == [1])
