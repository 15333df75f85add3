"""Which edges of W⁽ˡ⁾ the canvas draws, and their picture: plain values, safe to make in any thread.

A big matrix — 784×800 has 627,200 weights — is drawn as a faint ribbon
("everything is connected to everything") with only its strongest few edges
on top; a small one (≤ 512 weights) edge by edge.  Picking those edges
(``pick``) and stroking them (``render``: wide, translucent, anti-aliased
lines, the canvas's one expensive drawing) take tens of milliseconds for a
784-800-10, so the canvas does both in a worker thread (``BundleRenderer``)
and its paint only copies the finished ``QImage``.  Nothing here touches a
graphics item: a bundle's geometry is captured once as a ``BundleShape``
and every result is a frozen value.

Each edge is drawn only where it can be seen, from the rim of one body to the
rim of the next; the rest lies under an opaque neuron, band or picture.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPolygonF

from nndesk.app.canvas.items import edge_pen
from nndesk.app.style.colors import CanvasColors

MAX_FULL = 512  # draw every edge up to this many weights
N_STRONGEST = 160  # otherwise only this many, the largest |w|
TUCK = 2.0  # scene units an edge reaches under a body, so its flat end never shows (≥ the widest pen / 2)
MAX_IMAGE_PIXELS = 4_000_000  # zoomed in further than this, the bundle is stroked directly instead
RIBBON_ALPHA = 28


@dataclass(frozen=True)
class Body:
    """A column's body in scene coordinates: circles, a band or an image (see ``LayerColumn``)."""

    kind: str
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, eq=False)
class BundleShape:
    """Where W⁽ˡ⁾'s edges run: neuron positions (n, 2) of both columns, their bodies, the ribbon."""

    l: int
    src: Body
    dst: Body
    src_pos: np.ndarray
    dst_pos: np.ndarray
    full: bool  # every edge drawn, no ribbon
    rect: QRectF  # scene rectangle holding everything drawn

    def ribbon(self) -> QPolygonF | None:
        """From the source body's right edge to the target body's left edge (big matrices only)."""
        if self.full:
            return None
        a, b = self.src.x + self.src.width / 2, self.dst.x - self.dst.width / 2
        return QPolygonF([QPointF(a, self.src.y - self.src.height / 2), QPointF(b, self.dst.y - self.dst.height / 2),
                          QPointF(b, self.dst.y + self.dst.height / 2), QPointF(a, self.src.y + self.src.height / 2)])


@dataclass(frozen=True)
class Edge:
    """One drawn edge: w_kj of W⁽ˡ⁾, the part of it that can be seen, and its pen."""

    k: int
    j: int
    line: QLineF
    pen: QPen


@dataclass(frozen=True, eq=False)
class Edges:
    """The edges drawn for one set of weights, weakest first (the strongest end up on top)."""

    edges: tuple[Edge, ...] = ()
    segments: np.ndarray = field(default_factory=lambda: np.zeros((0, 2, 2)))  # visible parts, for hit tests
    half_widths: np.ndarray = field(default_factory=lambda: np.zeros(0))


@dataclass(frozen=True, eq=False)
class BundlePicture:
    """``edges`` stroked into ``image`` for one zoom: ``scale`` device pixels per scene unit."""

    edges: Edges
    image: QImage | None = None
    scale: float = 0.0
    dpr: float = 1.0


def make_shape(l: int, src: Body, dst: Body, src_pos: np.ndarray, dst_pos: np.ndarray) -> BundleShape:
    full = len(src_pos) * len(dst_pos) <= MAX_FULL
    points = np.vstack([src_pos, dst_pos])
    (left, top), (right, bottom) = points.min(axis=0), points.max(axis=0)
    rect = QRectF(left, top, right - left, bottom - top).adjusted(-4, -4, 4, 4)
    shape = BundleShape(l, src, dst, src_pos, dst_pos, full, rect)
    ribbon = shape.ribbon()
    if ribbon is not None:
        shape = BundleShape(l, src, dst, src_pos, dst_pos, full, rect.united(ribbon.boundingRect()))
    return shape


def pick(shape: BundleShape, weights: np.ndarray, frozen: np.ndarray | None, colors: CanvasColors) -> Edges:
    """The edges to draw for W⁽ˡ⁾ = ``weights`` (a big matrix: its strongest); frozen ones dashed."""
    w = np.asarray(weights)
    scale = float(np.max(np.abs(w))) if w.size else 0.0
    if shape.full:
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
    start, end = _visible(shape, shape.src_pos[js], shape.dst_pos[ks])
    pens = [edge_pen(v, scale, colors, faint=not shape.full, frozen=f) for v, f in zip(values, locked)]
    edges = tuple(Edge(k, j, QLineF(*a, *b), pen) for k, j, a, b, pen
                  in zip(ks.tolist(), js.tolist(), start.tolist(), end.tolist(), pens))
    return Edges(edges, np.stack([start, end], axis=1), np.array([pen.widthF() / 2 for pen in pens]))


def draw(painter: QPainter, shape: BundleShape, edges: Edges, colors: CanvasColors) -> None:
    """The ribbon and every edge, in scene coordinates, on whatever ``painter`` paints."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ribbon = shape.ribbon()
    if ribbon is not None:
        fill = QColor(colors.muted)
        fill.setAlpha(RIBBON_ALPHA)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawPolygon(ribbon)
    for e in edges.edges:
        painter.setPen(e.pen)
        painter.drawLine(e.line)


def render(shape: BundleShape, edges: Edges, colors: CanvasColors, scale: float, dpr: float) -> BundlePicture:
    """``edges`` stroked into an image of ``shape.rect`` at ``scale`` (QPainter on a QImage: any thread)."""
    size = shape.rect.size() * scale * dpr
    width, height = int(np.ceil(size.width())) + 1, int(np.ceil(size.height())) + 1
    if width * height > MAX_IMAGE_PIXELS or scale <= 0:
        return BundlePicture(edges)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.scale(scale * dpr, scale * dpr)
    painter.translate(-shape.rect.topLeft())
    draw(painter, shape, edges, colors)
    painter.end()
    image.setDevicePixelRatio(dpr)
    return BundlePicture(edges, image, scale, dpr)


def _visible(shape: BundleShape, p: np.ndarray, q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The part of each edge p → q (arrays of points) outside the two bodies it joins."""
    d = q - p
    t0 = _hidden(shape.src, p, d)
    t1 = 1 - _hidden(shape.dst, q, -d)
    t0 = np.minimum(t0, t1)  # never turned around, however close the columns
    return p + d * t0[:, None], p + d * t1[:, None]


def _hidden(body: Body, end: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Fraction of each edge that lies under ``body``, from its ``end`` in it along direction ``d``.

    A circle hides a radius of the edge; a band or picture hides it up to where it leaves the rectangle.
    """
    length = np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-9)
    if body.kind == "circles":
        inside = np.full(len(d), body.width / 2)
    else:
        side = np.array([body.x, body.y]) + np.sign(d) * np.array([body.width / 2, body.height / 2])
        t = np.divide(side - end, d, out=np.full(d.shape, np.inf), where=d != 0)  # per axis, in edge lengths
        inside = t.min(axis=1) * length
    return np.maximum(inside - TUCK, 0.0) / length
