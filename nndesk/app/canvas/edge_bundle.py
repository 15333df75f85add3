"""The edges of one weight matrix W⁽ˡ⁾ between two columns of the canvas: one graphics item.

Blue for w > 0, orange for w < 0, thicker for larger |w|; a big matrix shows
a faint ribbon and its strongest edges, with a caption saying so (see
``edge_picture``).  The item shows a ``BundlePicture``: the edges it draws
and, normally, an image of them made in a worker thread at the view's zoom,
which its paint merely copies.  Until an image for this zoom exists (just
built, just zoomed) it strokes the edges itself and asks for one
(``zoomChanged``).  Clicks are found by geometry (``edge_at``) rather than by
hundreds of child items the scene would have to re-index on every refresh.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QLineF, QLocale, QPointF, QRectF, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsObject

from nndesk.app.canvas.edge_picture import N_STRONGEST, Body, BundlePicture, Edge, Edges, draw, make_shape
from nndesk.app.canvas.items import group_anchor, text_item
from nndesk.app.canvas.label_fit import LabelGroup
from nndesk.app.canvas.layer_column import INSERT_Y, LayerColumn
from nndesk.app.style.colors import CanvasColors


class EdgeBundle(QGraphicsObject):
    """All edges of W⁽ˡ⁾ (from column ``src`` = a⁽ˡ⁾ into ``dst`` = a⁽ˡ⁺¹⁾), in scene coordinates."""

    zoomChanged = Signal(float, float)  # painted at (scale, device pixel ratio) without an image for it

    def __init__(self, l: int, src: LayerColumn, dst: LayerColumn, colors: CanvasColors, bottom: float) -> None:
        super().__init__()
        self.l, self.src, self.dst, self.colors = l, src, dst, colors
        self.setZValue(-1)  # under the columns: edges seem to leave a neuron's rim
        self.bundle_shape = make_shape(l, _body(src), _body(dst), _positions(src), _positions(dst))
        self.picture = BundlePicture(Edges())
        self.from_image = False  # whether the last paint only copied the image
        self.labels: list[LabelGroup] = []  # the caption, kept readable by ``label_fit``
        if not self.bundle_shape.full:
            self._add_caption(bottom)

    def boundingRect(self) -> QRectF:
        return self.bundle_shape.rect

    @property
    def full(self) -> bool:
        return self.bundle_shape.full

    @property
    def edges(self) -> tuple[Edge, ...]:
        """The drawn edges, weakest first."""
        return self.picture.edges.edges

    @property
    def n_drawn(self) -> int:
        return len(self.edges)

    def show_picture(self, picture: BundlePicture) -> None:
        self.picture = picture
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        """Copy the image made for this zoom; without one, stroke the edges and ask for it."""
        transform = painter.worldTransform()
        scale, dpr = transform.m11(), painter.device().devicePixelRatioF()
        pic = self.picture
        self.from_image = pic.image is not None and abs(pic.scale - scale) <= 1e-9 * scale and pic.dpr == dpr
        if self.from_image:
            corner = transform.map(self.bundle_shape.rect.topLeft())
            painter.save()
            painter.resetTransform()
            painter.drawImage(QPointF(round(corner.x()), round(corner.y())), pic.image)
            painter.restore()
            return
        draw(painter, self.bundle_shape, pic.edges, self.colors)
        self.zoomChanged.emit(scale, dpr)

    def edge_line(self, k: int, j: int) -> QLineF:
        """Scene line of w_kj, centre to centre, whether or not it is drawn (highlights use it)."""
        return QLineF(QPointF(*self.bundle_shape.src_pos[j]), QPointF(*self.bundle_shape.dst_pos[k]))

    def edge_at(self, pos: QPointF, tolerance: float) -> tuple[int, int] | None:
        """(k, j) of the drawn edge nearest to ``pos`` if it is within ``tolerance`` of its stroke."""
        drawn = self.picture.edges
        if not drawn.edges:
            return None
        a, d = drawn.segments[:, 0], drawn.segments[:, 1] - drawn.segments[:, 0]
        p = np.array([pos.x(), pos.y()])
        t = np.clip(np.einsum("ij,ij->i", p - a, d) / np.maximum(np.einsum("ij,ij->i", d, d), 1e-12), 0, 1)
        dist = np.hypot(*(a + d * t[:, None] - p).T)
        near = np.flatnonzero(dist - drawn.half_widths <= tolerance)
        if near.size == 0:
            return None
        best = max(near.tolist(), key=lambda i: (-dist[i], i))  # the nearest; on a tie the one drawn on top
        return drawn.edges[best].k, drawn.edges[best].j

    def _add_caption(self, y: float) -> None:
        """Under the gap's "+ layer" button."""
        text = QCoreApplication.translate("EdgeBundle", "{shown} strongest\nof {total} weights").format(
            shown=min(N_STRONGEST, self.src.n * self.dst.n), total=QLocale().toString(self.src.n * self.dst.n))
        mid = (self.src.x() + self.src.width / 2 + self.dst.x() - self.dst.width / 2) / 2
        anchor = group_anchor(self, QPointF(mid, y))
        caption = text_item(anchor, text, 13, self.colors.muted, 0, INSERT_Y + 16)
        gap = self.dst.x() - self.dst.width / 2 - (self.src.x() + self.src.width / 2)
        self.labels = [LabelGroup(anchor, room=gap - 8)]
        self.labels[0].shorten(caption, f"{min(N_STRONGEST, self.src.n * self.dst.n)} / "
                                        f"{QLocale().toString(self.src.n * self.dst.n)}")


def _body(col: LayerColumn) -> Body:
    return Body(col.kind, col.x(), col.y(), col.width, col.height)


def _positions(col: LayerColumn) -> np.ndarray:
    """Scene positions of every neuron of ``col``, (n, 2)."""
    return np.array([(p.x(), p.y()) for p in map(col.neuron_pos, range(col.n))], dtype=np.float64)
