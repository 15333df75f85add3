"""The edges of one weight matrix W⁽ˡ⁾ between two columns of the canvas.

A small matrix (≤ 512 weights) is drawn edge by edge.  A big one — 784×800
has 627,200 weights — is drawn as a faint ribbon ("everything is connected
to everything") with only its strongest few edges on top, and a caption
saying so: a scene stays at a few hundred items and still shows where the
large weights are.  ``refresh`` only moves and recolours the existing lines,
so it is cheap enough to run after every training epoch.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QLineF, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPolygonF
from PySide6.QtWidgets import QGraphicsObject

from nndesk.app.canvas_items import CanvasColors, EdgeItem, group_anchor, text_item
from nndesk.app.layer_item import STEPPER_Y, LayerColumn

MAX_FULL = 512  # draw every edge up to this many weights
N_STRONGEST = 160  # otherwise only this many, the largest |w|


class EdgeBundle(QGraphicsObject):
    """All edges of W⁽ˡ⁾ (from column ``src`` = a⁽ˡ⁾ into ``dst`` = a⁽ˡ⁺¹⁾), in scene coordinates."""

    def __init__(self, l: int, src: LayerColumn, dst: LayerColumn, colors: CanvasColors, bottom: float) -> None:
        super().__init__()
        self.l, self.src, self.dst, self.colors = l, src, dst, colors
        self.setZValue(-1)  # under the columns: edges seem to leave a neuron's rim
        self.full = src.n * dst.n <= MAX_FULL
        self.ribbon: QPolygonF | None = None  # "all connected", drawn under the strongest few
        self._src_pos = [src.neuron_pos(j) for j in range(src.n)]
        self._dst_pos = [dst.neuron_pos(k) for k in range(dst.n)]
        if self.full:
            self.edges = [EdgeItem(l, k, j) for k in range(dst.n) for j in range(src.n)]
            for e in self.edges:
                e.setLine(QLineF(self._src_pos[e.j], self._dst_pos[e.k]))
        else:
            self.edges = [EdgeItem(l, 0, 0) for _ in range(min(N_STRONGEST, src.n * dst.n))]
            self.ribbon = self._ribbon()
            self._add_caption(bottom)
        for e in self.edges:
            e.setParentItem(self)
            e.setFlag(EdgeItem.GraphicsItemFlag.ItemHasNoContents)  # drawn by the bundle; still clickable
        xs, ys = [p.x() for p in self._src_pos + self._dst_pos], [p.y() for p in self._src_pos + self._dst_pos]
        self._rect = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)).adjusted(-4, -4, 4, 4)
        if self.ribbon is not None:
            self._rect = self._rect.united(self.ribbon.boundingRect())
        self.setCacheMode(QGraphicsObject.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter, option, widget=None) -> None:
        """All edges at once, into the item's cache: hundreds of wide translucent
        anti-aliased lines cost tens of milliseconds, far too much to redraw every
        time a neuron lights up while the student draws."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.ribbon is not None:
            fill = QColor(self.colors.muted)
            fill.setAlpha(28)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawPolygon(self.ribbon)
        for e in self.edges:
            painter.setPen(e.pen())
            painter.drawLine(e.line())

    def edge_line(self, k: int, j: int) -> QLineF:
        """Scene line of w_kj, whether or not it is drawn (highlights use it)."""
        return QLineF(self._src_pos[j], self._dst_pos[k])

    def refresh(self, weights: np.ndarray, frozen: np.ndarray | None = None) -> None:
        """Recolour (and for a big matrix re-pick) the drawn edges from W⁽ˡ⁾ = ``weights``.

        ``frozen`` (the layer's mask) draws frozen and pruned weights dashed.
        """
        w = np.asarray(weights)
        scale = float(np.max(np.abs(w))) if w.size else 0.0
        self.update()  # repaint the cache once
        if self.full:
            for e in self.edges:
                e.set_weight(float(w[e.k, e.j]), scale, self.colors,
                             frozen=frozen is not None and bool(frozen[e.k, e.j]))
            return
        flat = np.abs(w).ravel()
        n = len(self.edges)
        idx = np.argpartition(flat, flat.size - n)[flat.size - n:]
        idx = idx[np.argsort(flat[idx])]  # weakest first, so the strongest are drawn on top
        ks, js = np.divmod(idx, w.shape[1])
        for e, k, j in zip(self.edges, ks.tolist(), js.tolist()):
            e.k, e.j = k, j
            e.setLine(QLineF(self._src_pos[j], self._dst_pos[k]))
            e.set_weight(float(w[k, j]), scale, self.colors, faint=True,
                         frozen=frozen is not None and bool(frozen[k, j]))

    def _ribbon(self) -> QPolygonF:
        """From the source body's right edge to the target body's left edge."""
        def extent(col: LayerColumn, side: float) -> tuple[QPointF, QPointF]:
            x = col.x() + side * col.width / 2
            return QPointF(x, col.y() - col.height / 2), QPointF(x, col.y() + col.height / 2)

        (a_top, a_bottom), (b_top, b_bottom) = extent(self.src, 1), extent(self.dst, -1)
        return QPolygonF([a_top, b_top, b_bottom, a_bottom])

    def _add_caption(self, y: float) -> None:
        """Under the gap's "+ layer" button."""
        text = QCoreApplication.translate("EdgeBundle", "{shown} strongest\nof {total} weights").format(
            shown=len(self.edges), total=QLocale().toString(self.src.n * self.dst.n))
        mid = (self.src.x() + self.src.width / 2 + self.dst.x() - self.dst.width / 2) / 2
        text_item(group_anchor(self, QPointF(mid, y)), text, 13, self.colors.muted, 0, STEPPER_Y + 18)
