"""The canvas's one marked neuron or edge, for the inspector and the backprop step-through.

It is a few extra scene items on top of the network: a ring around a neuron
(a square around a pixel or band row), or a thick line plus rings at both
ends for an edge — drawn even when the edge is not among the strongest few a
big bundle shows.  It is remembered by indices, so a rebuild can put it back.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from nndesk.app.canvas.edge_bundle import EdgeBundle
from nndesk.app.canvas.layer_column import LayerColumn

Target = tuple  # ("neuron", L, i) or ("edge", l, k, j)


class CanvasHighlight:
    def __init__(self) -> None:
        self.target: Target | None = None
        self._items: list[QGraphicsItem] = []

    def forget_items(self) -> None:
        """The scene was cleared (and deleted our items); keep only the target."""
        self._items = []

    def show(self, target: Target | None, scene: QGraphicsScene, columns: list[LayerColumn],
             bundles: list[EdgeBundle], color: QColor) -> None:
        for item in self._items:
            scene.removeItem(item)
        self._items, self.target = [], target
        if target is None or not _valid(target, [c.n for c in columns]):
            return
        if target[0] == "neuron":
            self._items.append(_ring(scene, columns[target[1]], target[2], 4, color))
        else:
            _, l, k, j = target
            line = scene.addLine(bundles[l].edge_line(k, j), QPen(color, 4))
            line.setZValue(0.5)  # over the other edges, under the neurons it joins
            self._items += [line, _ring(scene, columns[l], j, 3, color), _ring(scene, columns[l + 1], k, 3, color)]

    def count(self) -> int:
        return len(self._items)


def _ring(scene: QGraphicsScene, col: LayerColumn, i: int, margin: float, color: QColor) -> QGraphicsItem:
    pen = QPen(color, 3)
    rect = col.neuron_rect(i).adjusted(-margin, -margin, margin, margin)
    item = scene.addEllipse(rect, pen) if col.kind == "circles" else scene.addRect(rect, pen)
    item.setZValue(10)
    return item


def _valid(target: Target, sizes: list[int]) -> bool:
    if target[0] == "neuron":
        return 0 <= target[1] < len(sizes) and 0 <= target[2] < sizes[target[1]]
    _, l, k, j = target
    return 0 <= l < len(sizes) - 1 and 0 <= k < sizes[l + 1] and 0 <= j < sizes[l]
