"""The canvas's one marked neuron or edge, for the inspector and the backprop step-through.

It is a few extra scene items on top of the network: a ring around a neuron
(a square around a pixel or band row), or a thick line plus rings at both
ends for an edge — drawn even when the edge is not among the strongest few a
big bundle shows.  It is remembered as a ``CanvasHit``, so a rebuild can put it back.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from nndesk.app.canvas.edge_bundle import EdgeBundle
from nndesk.app.canvas.hits import NOTHING, CanvasHit, HitKind
from nndesk.app.canvas.layer_column import LayerColumn


class CanvasHighlight:
    def __init__(self) -> None:
        self.target: CanvasHit = NOTHING
        self._items: list[QGraphicsItem] = []

    def forget_items(self) -> None:
        """The scene was cleared (and deleted our items); keep only the target."""
        self._items = []

    def show(self, target: CanvasHit, scene: QGraphicsScene, columns: list[LayerColumn],
             bundles: list[EdgeBundle], color: QColor) -> None:
        for item in self._items:
            scene.removeItem(item)
        self._items, self.target = [], target
        if not target.fits([c.n for c in columns]):
            return
        if target.kind is HitKind.NEURON:
            self._items.append(_ring(scene, columns[target.layer], target.index, 4, color))
        elif target.kind is HitKind.EDGE:
            l, k, j = target.layer, target.index, target.source
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
