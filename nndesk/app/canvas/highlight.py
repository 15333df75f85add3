"""The canvas's one marked neuron or edge, for the inspector and the backprop step-through.

It is a few extra scene items on top of the network: a ring around a neuron
(a square around a pixel or band row), or a thick line plus rings at both
ends for an edge — drawn even when the edge is not among the strongest few a
big bundle shows — or, for a pixel of a feature map, a square around it and
the cone from the window of the layer before that it is made from (its map
brought to the front of its stack).  It is remembered as a ``CanvasHit``, so a rebuild can put it back.
Each mark is drawn in screen pixels (cosmetic pens), the colour over a halo of
the background, so it stands out from the coloured edges at any zoom, light or dark.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsScene

from nndesk.app.canvas.conv_links import cone_path, window_on
from nndesk.app.canvas.edge_bundle import EdgeBundle
from nndesk.app.canvas.feature_stack import FeatureStack
from nndesk.app.canvas.hits import NOTHING, CanvasHit, HitKind
from nndesk.app.canvas.layer_column import LayerColumn

RING_PX, HALO_PX = 3.0, 7.0  # screen pixels: the mark's width and the background halo around it


class CanvasHighlight:
    def __init__(self) -> None:
        self.target: CanvasHit = NOTHING
        self._items: list[QGraphicsItem] = []
        self.kernels = None

    def forget_items(self) -> None:
        """The scene was cleared (and deleted our items); keep only the target."""
        self._items = []
        self.kernels = None  # the first convolution's ``KernelImages``, if the new scene has them

    def show(self, target: CanvasHit, scene: QGraphicsScene, columns: list[LayerColumn],
             bundles: list[EdgeBundle], color: QColor, halo: QColor) -> None:
        for item in self._items:
            scene.removeItem(item)
        self._items, self.target = [], target
        if not target.fits([c.n for c in columns]):
            return
        if target.kind is HitKind.NEURON:
            self._items.append(_ring(scene, columns[target.layer], target.index, 4, color, halo))
        elif target.kind is HitKind.FEATURE:
            self._feature(target, scene, columns, color, halo)
        elif target.kind is HitKind.EDGE and (bundle := next((b for b in bundles if b.l == target.layer), None)):
            l, k, j = target.layer, target.index, target.source
            path = QPainterPath()
            line: QLineF = bundle.edge_line(k, j)
            path.moveTo(line.p1())
            path.lineTo(line.p2())
            mark = _Mark(path, color, halo)
            mark.setZValue(0.5)  # over the other edges, under the neurons it joins
            scene.addItem(mark)
            self._items += [mark, _ring(scene, columns[l], j, 3, color, halo),
                            _ring(scene, columns[l + 1], k, 3, color, halo)]

    def _feature(self, target: CanvasHit, scene: QGraphicsScene, columns: list, color: QColor,
                 halo: QColor) -> None:
        """Pixel (y, x) of map f of a⁽ᴸ⁾, and the window of a⁽ᴸ⁻¹⁾ it is made from (for a pooling: of map f)."""
        L, f, y, x = target.layer, target.index, target.source, target.x
        stack = columns[L]
        if not isinstance(stack, FeatureStack) or f >= stack.chw[0] or y >= stack.chw[1] or x >= stack.chw[2]:
            return
        stack.bring_to_front(f)
        prev = columns[L - 1]
        if isinstance(prev, FeatureStack) and stack.kind == "pool":
            prev.bring_to_front(f)
        pixel = stack.pixel_rect(f, y, x)
        window = window_on(prev, f if stack.kind == "pool" else getattr(prev, "first", 0), *stack.receptive(y, x))
        path = cone_path(window, pixel) if window is not None else QPainterPath()
        if window is None:
            path.addRect(pixel)
        if self.kernels is not None and self.kernels.L == L and f < self.kernels.filters:  # the filter making it
            path.addRect(self.kernels.mapRectToScene(self.kernels.cell_rect(f)).adjusted(-1, -1, 1, 1))
        mark = _Mark(path, color, halo)
        mark.setZValue(10)
        scene.addItem(mark)
        self._items.append(mark)

    def count(self) -> int:
        return len(self._items)

    def bounds(self) -> QRectF:
        """The scene rectangle the marks cover (to scroll them into view)."""
        rect = QRectF()
        for item in self._items:
            rect = rect.united(item.sceneBoundingRect())
        return rect


class _Mark(QGraphicsPathItem):
    """A path drawn RING_PX wide in ``color`` over a HALO_PX halo, in screen pixels."""

    def __init__(self, path: QPainterPath, color: QColor, halo: QColor) -> None:
        super().__init__(path)
        self.color, self.halo = color, halo

    def boundingRect(self) -> QRectF:
        return self.path().boundingRect().adjusted(-20, -20, 20, 20)  # room for the halo down to ~0.2× zoom

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for color, width in ((self.halo, HALO_PX), (self.color, RING_PX)):
            pen = QPen(color, width)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.drawPath(self.path())


def _ring(scene: QGraphicsScene, col: LayerColumn, i: int, margin: float, color: QColor,
          halo: QColor) -> QGraphicsItem:
    rect = col.neuron_rect(i).adjusted(-margin, -margin, margin, margin)
    path = QPainterPath()
    if col.kind == "circles":
        path.addEllipse(rect)
    else:
        path.addRect(rect)
    item = _Mark(path, color, halo)
    item.setZValue(10)
    scene.addItem(item)
    return item
