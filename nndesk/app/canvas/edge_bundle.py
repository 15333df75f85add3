"""The edges of one weight matrix W⁽ˡ⁾ between two columns of the canvas.

A small matrix (≤ 512 weights) is drawn edge by edge.  A big one — 784×800
has 627,200 weights — is drawn as a faint ribbon ("everything is connected
to everything") with only its strongest few edges on top, and a caption
saying so: the canvas stays light and still shows where the large weights are.

Wide, translucent, anti-aliased lines are the canvas's one expensive drawing,
so a bundle is a single item whose picture lives in Qt's device-coordinate
cache: it is redrawn when the weights or the zoom change, never because a
neuron lit up (``RepaintQueue`` spreads those redraws over several paints).
Each edge is drawn only where it can be seen, from the rim of one body to the
rim of the next; the rest lies under an opaque neuron, band or picture.
Clicks are found by geometry (``edge_at``) rather than by hundreds of child
items the scene would have to re-index on every refresh.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QLineF, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsObject

from nndesk.app.canvas.items import edge_pen, group_anchor, text_item
from nndesk.app.canvas.layer_column import STEPPER_Y, LayerColumn
from nndesk.app.style.colors import CanvasColors

MAX_FULL = 512  # draw every edge up to this many weights
N_STRONGEST = 160  # otherwise only this many, the largest |w|
TUCK = 2.0  # scene units an edge reaches under a body, so its flat end never shows (≥ the widest pen / 2)


@dataclass(frozen=True)
class Edge:
    """One drawn edge: w_kj of W⁽ˡ⁾, the part of it that can be seen, and its pen."""

    k: int
    j: int
    line: QLineF
    pen: QPen


class EdgeBundle(QGraphicsObject):
    """All edges of W⁽ˡ⁾ (from column ``src`` = a⁽ˡ⁾ into ``dst`` = a⁽ˡ⁺¹⁾), in scene coordinates."""

    def __init__(self, l: int, src: LayerColumn, dst: LayerColumn, colors: CanvasColors, bottom: float) -> None:
        super().__init__()
        self.l, self.src, self.dst, self.colors = l, src, dst, colors
        self.setZValue(-1)  # under the columns: edges seem to leave a neuron's rim
        self.full = src.n * dst.n <= MAX_FULL
        self.edges: list[Edge] = []  # weakest first, so the strongest are drawn on top
        self._src_pos, self._dst_pos = _positions(src), _positions(dst)
        self._segments = np.zeros((0, 2, 2))  # the drawn edges' visible parts, for edge_at
        self._half_widths = np.zeros(0)
        self.ribbon: QPolygonF | None = None if self.full else self._ribbon()  # "all connected", under the rest
        if not self.full:
            self._add_caption(bottom)
        points = np.vstack([self._src_pos, self._dst_pos])
        (left, top), (right, bottom_) = points.min(axis=0), points.max(axis=0)
        self._rect = QRectF(left, top, right - left, bottom_ - top).adjusted(-4, -4, 4, 4)
        if self.ribbon is not None:
            self._rect = self._rect.united(self.ribbon.boundingRect())
        self.setCacheMode(QGraphicsObject.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter, option, widget=None) -> None:
        """All edges at once, into the item's cache (see the module docstring)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.ribbon is not None:
            fill = QColor(self.colors.muted)
            fill.setAlpha(28)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawPolygon(self.ribbon)
        for e in self.edges:
            painter.setPen(e.pen)
            painter.drawLine(e.line)

    def edge_line(self, k: int, j: int) -> QLineF:
        """Scene line of w_kj, centre to centre, whether or not it is drawn (highlights use it)."""
        return QLineF(QPointF(*self._src_pos[j]), QPointF(*self._dst_pos[k]))

    def edge_at(self, pos: QPointF, tolerance: float) -> tuple[int, int] | None:
        """(k, j) of the drawn edge nearest to ``pos`` if it is within ``tolerance`` of its stroke."""
        if not self.edges:
            return None
        a, d = self._segments[:, 0], self._segments[:, 1] - self._segments[:, 0]
        p = np.array([pos.x(), pos.y()])
        t = np.clip(np.einsum("ij,ij->i", p - a, d) / np.maximum(np.einsum("ij,ij->i", d, d), 1e-12), 0, 1)
        dist = np.hypot(*(a + d * t[:, None] - p).T)
        near = np.flatnonzero(dist - self._half_widths <= tolerance)
        if near.size == 0:
            return None
        best = max(near.tolist(), key=lambda i: (-dist[i], i))  # the nearest; on a tie the one drawn on top
        return self.edges[best].k, self.edges[best].j

    @property
    def n_drawn(self) -> int:
        """How many lines a redraw strokes: what it costs."""
        return len(self.edges)

    def refresh(self, weights: np.ndarray, frozen: np.ndarray | None = None) -> None:
        """Take new weights W⁽ˡ⁾ (a big matrix re-picks its strongest edges); ``update()`` shows them.

        ``frozen`` (the layer's mask) draws frozen and pruned weights dashed.
        """
        w = np.asarray(weights)
        scale = float(np.max(np.abs(w))) if w.size else 0.0
        if self.full:
            ks, js = np.divmod(np.arange(w.size), w.shape[1])
        else:
            # flattened in memory order (no copy: the engine's W is a transposed view, column-major)
            order = "F" if w.flags.f_contiguous and not w.flags.c_contiguous else "C"
            flat = np.abs(w).ravel(order=order)
            n = min(N_STRONGEST, flat.size)
            idx = np.argpartition(flat, flat.size - n)[flat.size - n:]
            ks, js = np.unravel_index(idx[np.argsort(flat[idx], kind="stable")], w.shape, order=order)  # weakest first
        values = w[ks, js].tolist()
        locked = frozen[ks, js].tolist() if frozen is not None else [False] * len(values)
        start, end = self._visible(self._src_pos[js], self._dst_pos[ks])
        pens = [edge_pen(v, scale, self.colors, faint=not self.full, frozen=f) for v, f in zip(values, locked)]
        self.edges = [Edge(k, j, QLineF(*a, *b), pen) for k, j, a, b, pen
                      in zip(ks.tolist(), js.tolist(), start.tolist(), end.tolist(), pens)]
        self._segments = np.stack([start, end], axis=1)
        self._half_widths = np.array([pen.widthF() / 2 for pen in pens])

    def _visible(self, p: np.ndarray, q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The part of each edge p → q (arrays of points) outside the two bodies it joins."""
        d = q - p
        t0 = _hidden(self.src, p, d)
        t1 = 1 - _hidden(self.dst, q, -d)
        t0 = np.minimum(t0, t1)  # never turned around, however close the columns
        return p + d * t0[:, None], p + d * t1[:, None]

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
            shown=min(N_STRONGEST, self.src.n * self.dst.n), total=QLocale().toString(self.src.n * self.dst.n))
        mid = (self.src.x() + self.src.width / 2 + self.dst.x() - self.dst.width / 2) / 2
        text_item(group_anchor(self, QPointF(mid, y)), text, 13, self.colors.muted, 0, STEPPER_Y + 18)


def _positions(col: LayerColumn) -> np.ndarray:
    """Scene positions of every neuron of ``col``, (n, 2)."""
    return np.array([(p.x(), p.y()) for p in map(col.neuron_pos, range(col.n))], dtype=np.float64)


def _hidden(col: LayerColumn, end: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Fraction of each edge that lies under ``col``'s body, from its ``end`` in it along direction ``d``.

    A circle hides a radius of the edge; a band or picture hides it up to where it leaves the rectangle.
    """
    length = np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-9)
    if col.kind == "circles":
        inside = np.full(len(d), col.width / 2)
    else:
        side = np.array([col.x(), col.y()]) + np.sign(d) * np.array([col.width / 2, col.height / 2])
        t = np.divide(side - end, d, out=np.full(d.shape, np.inf), where=d != 0)  # per axis, in edge lengths
        inside = t.min(axis=1) * length
    return np.maximum(inside - TUCK, 0.0) / length
