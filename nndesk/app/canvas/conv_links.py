"""What joins two feature layers on the canvas, where a dense network has its edge bundles.

A convolution does not join every pixel to every pixel, so its "edges" are a
cone: one k×k window of the layer before, the one pixel of a map it makes.
A pooling is the same picture for its 2×2 → 1.  Between the last maps and
the dense part an arrow says "flatten": the maps are read out, row by row,
into one long vector.  The cone's geometry (``cone_path``) is shared with the
highlight, which draws it for the pixel a student clicked.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from nndesk.app.canvas.feature_stack import FeatureStack
from nndesk.app.canvas.items import group_anchor, text_item
from nndesk.app.canvas.label_fit import LabelGroup
from nndesk.app.canvas.layer_column import LayerColumn
from nndesk.app.style.colors import CanvasColors

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls


def _hull(points: list[QPointF]) -> list[QPointF]:
    """Convex hull (monotone chain) of a few points, counter-clockwise."""
    pts = sorted({(p.x(), p.y()) for p in points})
    if len(pts) < 3:
        return [QPointF(*p) for p in pts]

    def half(seq):
        out: list[tuple[float, float]] = []
        for p in seq:
            while len(out) >= 2 and ((out[-1][0] - out[-2][0]) * (p[1] - out[-2][1])
                                      - (out[-1][1] - out[-2][1]) * (p[0] - out[-2][0])) <= 0:
                out.pop()
            out.append(p)
        return out

    lower, upper = half(pts), half(reversed(pts))
    return [QPointF(*p) for p in lower[:-1] + upper[:-1]]


def corners(r: QRectF) -> list[QPointF]:
    return [r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft()]


def cone_outline(src: QRectF, dst: QRectF) -> QPolygonF:
    """The silhouette joining window ``src`` to pixel ``dst`` (scene rectangles)."""
    return QPolygonF(_hull(corners(src) + corners(dst)))


def cone_path(src: QRectF, dst: QRectF) -> QPainterPath:
    """Both squares and the four lines joining their corners."""
    path = QPainterPath()
    path.addRect(src)
    path.addRect(dst)
    for a, b in zip(corners(src), corners(dst)):
        path.moveTo(a)
        path.lineTo(b)
    return path


class ConvLink(QGraphicsPathItem):
    """A window of a⁽ᴸ⁻¹⁾ → one pixel of a⁽ᴸ⁾: a translucent cone over the gap between them."""

    def __init__(self, src: QRectF, dst: QRectF, colors: CanvasColors) -> None:
        super().__init__(cone_path(src, dst))
        self.src, self.dst = QRectF(src), QRectF(dst)
        color = QColor(colors.text)
        color.setAlpha(150)
        self.setPen(QPen(color, 1.0))
        self.setZValue(2)  # over the maps: the window sits on the front map
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        fill = QColor(colors.muted)
        fill.setAlpha(40)
        self._fill = QGraphicsPathItem(self)
        outline = QPainterPath()
        outline.addPolygon(cone_outline(src, dst))
        self._fill.setPath(outline)
        self._fill.setBrush(fill)
        self._fill.setPen(Qt.PenStyle.NoPen)
        self._fill.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def shape(self) -> QPainterPath:
        return QPainterPath()  # clicks go through to the map pixels under it


def flatten_arrow(x0: float, x1: float, caption: str, colors: CanvasColors) -> tuple[QGraphicsItem, LabelGroup]:
    """An arrow from x0 to x1 at y = 0 with "flatten" and ``caption`` (e.g. "4×4×64 → 1024") over it."""
    path = QPainterPath(QPointF(x0, 0))
    path.lineTo(x1, 0)
    path.moveTo(x1 - 10, -6)
    path.lineTo(x1, 0)
    path.lineTo(x1 - 10, 6)
    arrow = QGraphicsPathItem(path)
    pen = QPen(colors.muted, 2.0)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    arrow.setPen(pen)
    anchor = group_anchor(arrow, QPointF((x0 + x1) / 2, -6))
    text_item(anchor, translate("ConvLinks", "flatten"), 14, colors.text, 0, -38)
    text_item(anchor, caption, 13, colors.muted, 0, -20)
    return arrow, LabelGroup(anchor, room=x1 - x0 + 16)


def window_on(item: QGraphicsItem, f: int, y0: int, x0: int, size: int) -> QRectF | None:
    """Scene rectangle of the size×size window from (y0, x0) on map f of ``item`` — a ``FeatureStack``, or the
    input image ``LayerColumn`` (one map) — cut to the picture; None if ``item`` is not drawn as pictures."""
    if isinstance(item, FeatureStack):
        return item.window_rect(f, y0, x0, size)
    if not isinstance(item, LayerColumn) or item.kind != "image":
        return None
    h, w = item.image_shape
    y1, x1 = min(y0 + size, h) - 1, min(x0 + size, w) - 1
    y0, x0 = max(y0, 0), max(x0, 0)
    return item.neuron_rect(y0 * w + x0).united(item.neuron_rect(y1 * w + x1))
