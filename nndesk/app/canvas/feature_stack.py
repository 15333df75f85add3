"""One feature layer a⁽ᴸ⁾ of a convolutional network: C maps of H×W, drawn as a stack of pictures.

A dense layer is a column of neurons; a convolution's output is a pile of
images, one per filter, so the canvas draws it as one: the first few maps
(up to ``VISIBLE``) as squares seen slightly from the side, the front one
whole, and "+26 more" under them (a click shows the next ones) — a student
must see that there are 32 maps, not 6.  Each drawn map is the layer's
activations for the current sample, coloured as the canvas colours neurons
(blue a > 0, orange a < 0, stronger for larger |a|; full strength from the
layer's 99th-percentile |a| on), and neutral without a sample.  Lighting only repaints up to
``VISIBLE`` small images; nothing in the scene is rebuilt, so the draw pad
can relight it on every mouse move.
Header and footer are laid out as a ``LayerColumn``'s are, so they line up.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsObject

from nndesk.app.canvas.items import CanvasButton, group_anchor, text_item
from nndesk.app.canvas.label_fit import LabelGroup
from nndesk.app.canvas.layer_column import ACTIVATION_Y, HEADER, INSERT_Y, LABEL_PX, STEPPER_Y
from nndesk.app.style.colors import CanvasColors, sup

VISIBLE = 6  # maps drawn at most
OFFSET = 10.0  # scene units each map further back sits up and to the right
PIXEL = 5.0  # scene units per map pixel (the input image has 6), so the maps shrink as the layers do
MIN_SIDE, MAX_SIDE = 56.0, 168.0
MORE_H = 28.0  # the row under the stack for "+26 more"
QUANTILE = 0.99  # of the layer's |a|: full colour (``full_scale``)
SCALE_SAMPLE = 2048
LEVELS = 255  # colour steps each side of zero (``signed_lut``)

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls


def map_side(h: int, w: int) -> float:
    return min(max(PIXEL * max(h, w), MIN_SIDE), MAX_SIDE)


def stack_size(shape: tuple[int, int, int]) -> tuple[float, float]:
    """(width, height) of the stack's body, the "+ more" row included."""
    c, h, w = shape
    m = min(c, VISIBLE)
    s = map_side(h, w) + (m - 1) * OFFSET
    return s, s + (MORE_H if c > m else 0.0)


def full_scale(values: np.ndarray) -> float:
    """The |a| drawn at full colour: the layer's 99th percentile, so that a few outlying pixels don't leave
    every other map pale (above it the colour is full; the tooltip tells the exact a).  Estimated from at
    most ``SCALE_SAMPLE`` evenly spaced values: a colour scale needs no more, and the draw pad asks on every
    mouse move (18,432 values took 0.6 ms to partition, 4 stacks a move)."""
    flat = values.ravel()
    magnitudes = np.abs(flat[::max(1, -(-flat.size // SCALE_SAMPLE))])
    if magnitudes.size == 0:
        return 1.0
    k = min(int(magnitudes.size * QUANTILE), magnitudes.size - 1)
    top = float(np.partition(magnitudes, k)[k])
    top = top if top > 0 else float(magnitudes.max())  # mostly zeros (ReLU): the largest then
    return top if top > 0 else 1.0


def signed_lut(colors: CanvasColors) -> np.ndarray:
    """(2·LEVELS + 1,) 0xffRRGGBB: strongest negative … neutral (the middle) … strongest positive."""
    r, g, b = np.round(colors.signed_rgb(np.linspace(-1, 1, 2 * LEVELS + 1), 1.0)).astype(np.uint32).T
    return 0xFF000000 | (r << 16) | (g << 8) | b


def signed_pixels(values: np.ndarray, scale: float, lut: np.ndarray) -> np.ndarray:
    """Values (…) as 32-bit RGB pixels (QImage.Format_RGB32, the painter's own: no conversion when drawn):
    blue > 0, orange < 0, full colour from |v| = ``scale`` on.  A table lookup: the draw pad relights every
    stack on each mouse move."""
    index = np.clip(np.rint(values * (LEVELS / scale)), -LEVELS, LEVELS).astype(np.intp) + LEVELS
    return np.ascontiguousarray(lut[index])


class FeatureStack(QGraphicsObject):
    """Feature layer L (``kind`` "conv" or "pool", made by a k×k window) and its map ↔ scene geometry."""

    def __init__(self, L: int, shape: tuple[int, int, int], kind: str, k: int, pad: int, colors: CanvasColors,
                 half_height: float) -> None:
        super().__init__()
        self.setZValue(1)
        self.L, self.kind, self.k, self.pad, self.colors = L, kind, int(k), int(pad), colors
        self.chw = tuple(int(n) for n in shape)  # (C, H, W); not "shape": that is QGraphicsItem.shape()
        self.n = int(np.prod(self.chw))
        self.stride = 1 if kind == "conv" else self.k
        self.width, self.height = stack_size(self.chw)
        self.m = min(self.chw[0], VISIBLE)
        self.side = map_side(*self.chw[1:])
        self.first = 0  # the front map; the ones behind it are first + 1, first + 2, …
        self.values: np.ndarray | None = None  # a⁽ᴸ⁾ as (C, H, W), or None: neutral
        self._scale = 1.0
        self._lut = signed_lut(colors)
        self._images: list[QImage] = []
        self.labels: list[LabelGroup] = []  # header, footer, "+ more", ×: kept readable by ``label_fit``
        self.minus_button = self.plus_button = self.kernel_button = self.remove_button = self.pool_button = None
        self.more_button: CanvasButton | None = None
        self._sized: list[LabelGroup] = []  # steppers and kernel or pooling-size button, within ``set_room``
        self._build_labels(half_height)
        self._render()

    # ---- geometry -------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return QRectF(-self.width / 2, -self.height / 2, self.width, self.height)

    def map_rect(self, i: int) -> QRectF:
        """Local rectangle of the i-th drawn map (0: the front one, bottom left)."""
        top = -self.height / 2 + (self.m - 1) * OFFSET
        return QRectF(-self.width / 2 + i * OFFSET, top - i * OFFSET, self.side, self.side)

    def slot(self, f: int) -> int:
        """Where map f is drawn (0 the front), or -1 if it is not among the drawn ones."""
        i = (f - self.first) % self.chw[0]
        return i if i < self.m else -1

    def map_at(self, scene_pos: QPointF) -> tuple[int, int, int] | None:
        """(f, y, x) of the map pixel under ``scene_pos``: the front-most map there."""
        p = self.mapFromScene(scene_pos)
        _, h, w = self.chw
        for i in range(self.m):
            r = self.map_rect(i)
            if r.contains(p):
                y = min(int((p.y() - r.top()) / r.height() * h), h - 1)
                x = min(int((p.x() - r.left()) / r.width() * w), w - 1)
                return (self.first + i) % self.chw[0], y, x
        return None

    def window_rect(self, f: int, y0: int, x0: int, size: int) -> QRectF:
        """Scene rectangle of the size×size pixels from (y0, x0) of map f (the front map if f is not drawn),
        cut to the map (a "same" convolution's window hangs over the edge)."""
        _, h, w = self.chw
        r = self.map_rect(max(self.slot(f), 0))
        px, py = r.width() / w, r.height() / h
        y1, x1 = min(y0 + size, h), min(x0 + size, w)
        y0, x0 = max(y0, 0), max(x0, 0)
        local = QRectF(r.left() + x0 * px, r.top() + y0 * py, (x1 - x0) * px, (y1 - y0) * py)
        return self.mapRectToScene(local)

    def pixel_rect(self, f: int, y: int, x: int) -> QRectF:
        return self.window_rect(f, y, x, 1)

    def receptive(self, y: int, x: int) -> tuple[int, int, int]:
        """(y0, x0, size): the window of a⁽ᴸ⁻¹⁾ that pixel (y, x) of a⁽ᴸ⁾ is made from."""
        return y * self.stride - self.pad, x * self.stride - self.pad, self.k

    def bring_to_front(self, f: int) -> None:
        """Draw map f in front (the others follow it in order)."""
        if f != self.first:
            self._show_from(f)

    def show_next(self) -> None:
        """The "+ more" button: the next ``VISIBLE`` maps (back to the first after the last)."""
        self._show_from(self.first + self.m)

    def _show_from(self, f: int) -> None:
        self.first = f % self.chw[0]
        self._render()
        if self.more_button is not None:  # say which maps these are once they are not the first ones
            text = self._more_text()
            self._more_group.shorter = (self.more_button, (text,))
            self.more_button.set_text(text)

    def _more_text(self) -> str:
        """"+26 more" while maps 0–5 show, else which ones do: "maps 6–11 ▸", "maps 30–31, 0–3 ▸"."""
        c = self.chw[0]
        if self.first == 0:
            return translate("FeatureStack", "+{n} more").format(n=c - self.m)
        last = self.first + self.m - 1
        shown = f"{self.first}–{last}" if last < c else f"{self.first}–{c - 1}, 0–{last - c}"
        return translate("FeatureStack", "maps {shown} ▸").format(shown=shown)

    def set_room(self, width: float) -> None:
        """The scene width up to the neighbouring layers that the header and the footer rows may use."""
        for group in [*self.labels[:2], *self._sized]:
            group.room = width

    # ---- activations ------------------------------------------------------------
    def set_activations(self, a: np.ndarray | None) -> None:
        """Light the drawn maps by a⁽ᴸ⁾ (flattened in (C, H, W) order; None: neutral)."""
        if a is None:
            self.values = None
        else:
            self.values = np.asarray(a, dtype=np.float32).reshape(self.chw)
            self._scale = full_scale(self.values)
        self._render()

    def value(self, f: int, y: int, x: int) -> float | None:
        return None if self.values is None else float(self.values[f, y, x])

    def _render(self) -> None:
        """One QImage per drawn map, in the canvas's activation colours."""
        c, h, w = self.chw
        if self.values is None:
            maps = np.zeros((self.m, h, w), np.float32)
        else:
            maps = self.values[[(self.first + i) % c for i in range(self.m)]]
        data = signed_pixels(maps, self._scale, self._lut)
        self._images = [QImage(data[i].data, w, h, 4 * w, QImage.Format.Format_RGB32).copy() for i in range(self.m)]
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)  # crisp pixels
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # upright squares: none needed, and much faster
        pen = QPen(self.colors.muted, 1.2)
        for i in reversed(range(self.m)):  # back to front
            r = self.map_rect(i)
            painter.drawImage(r, self._images[i])
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(r)

    # ---- labels and buttons ---------------------------------------------------------
    def _build_labels(self, half: float) -> None:
        c, (n_maps, h, w) = self.colors, self.chw
        header = group_anchor(self, QPointF(0, -half))
        title = text_item(header, f"a{sup(self.L)}", 24, c.text, 0, -HEADER, bold=True)
        if self.kind == "conv":
            what = translate("FeatureStack", "conv {k}×{k}").format(k=self.k)
            count = translate("FeatureStack", "{n} filters").format(n=n_maps)
        else:
            what = translate("FeatureStack", "max pool {k}×{k}").format(k=self.k)
            count = translate("FeatureStack", "{n} maps").format(n=n_maps)
        sub = text_item(header, f"{what} · {count}", LABEL_PX, c.muted, 0, -HEADER + 32)
        footer = group_anchor(self, QPointF(0, half))
        self.labels += [LabelGroup(header), LabelGroup(footer)]
        short = [translate("FeatureStack", "pool {k}×{k}").format(k=self.k), translate("FeatureStack", "pool")] \
            if self.kind == "pool" else [f"{self.k}×{self.k}"]
        self.labels[0].shorten(sub, what, *short)
        size = text_item(footer, f"{h}×{w} ×{n_maps}", LABEL_PX, c.text, 0, ACTIVATION_Y - LABEL_PX * 0.65)
        self.labels[1].shorten(size, f"{h}×{w}")  # the maps' count is in the header too
        remove = group_anchor(self, header.pos())  # its own group: a tight view hides × before the title
        self.labels.append(LabelGroup(remove))
        tip = translate("FeatureStack", "Remove this convolution") if self.kind == "conv" else \
            translate("FeatureStack", "Remove this pooling")
        self.remove_button = self._button(remove, "×", tip, title.mapRectToParent(title.boundingRect()).right() + 14,
                                          title.mapRectToParent(title.boundingRect()).center().y())
        if n_maps > self.m:
            more = group_anchor(self, QPointF(0, -self.height / 2 + self.width + MORE_H / 2))
            self._more_group = LabelGroup(more, room=self.width + 40)
            self.labels.append(self._more_group)
            self.more_button = CanvasButton(self._more_text(), translate("FeatureStack", "Show the next maps"), c,
                                            radius=11, flat=True, font_px=13)
            self.more_button.setParentItem(more)
            self.more_button.clicked.connect(self.show_next)
        if self.kind == "conv":
            self._build_steppers(half, n_maps)
        else:
            self._build_pool_button(half)

    def _build_steppers(self, half: float, n_maps: int) -> None:
        """−, the filters' number, + and the kernel size: groups of their own under the footer's output size,
        so that a tight view hides them before "24×24 ×32"."""
        c = self.colors
        footer, kernel = group_anchor(self, QPointF(0, half)), group_anchor(self, QPointF(0, half))
        self._sized = [LabelGroup(footer), LabelGroup(kernel)]
        self.labels += self._sized
        fewer = translate("FeatureStack", "One filter fewer (Shift: half as many). Keyboard: select a pixel of "
                                          "one of its maps, then −")
        more = translate("FeatureStack", "One filter more (Shift: twice as many). Keyboard: select a pixel of "
                                         "one of its maps, then +")
        self.minus_button = self._button(footer, "−", fewer, -30, STEPPER_Y)
        self.plus_button = self._button(footer, "+", more, 30, STEPPER_Y)
        text_item(footer, str(n_maps), LABEL_PX, c.text, 0, STEPPER_Y - LABEL_PX * 0.65)
        self.kernel_button = CanvasButton(translate("FeatureStack", "kernel {k}×{k} ▾").format(k=self.k),
                                          translate("FeatureStack", "Choose the kernel size: the window each filter "
                                                                    "looks at"), c, 12, flat=True)
        self.kernel_button.setParentItem(kernel)
        self.kernel_button.setPos(0, INSERT_Y)
        self._sized[1].shorten(self.kernel_button, f"{self.k}×{self.k} ▾")

    def _build_pool_button(self, half: float) -> None:
        """"pool 2×2 ▾" where a convolution has its steppers: a group of its own, as the kernel button."""
        group = group_anchor(self, QPointF(0, half))
        self._sized = [LabelGroup(group)]
        self.labels += self._sized
        self.pool_button = CanvasButton(translate("FeatureStack", "block {k}×{k} ▾").format(k=self.k),
                                        translate("FeatureStack", "Choose the pooling size: each map keeps the "
                                                                  "largest number of every block"),
                                        self.colors, 12, flat=True)
        self.pool_button.setParentItem(group)
        self.pool_button.setPos(0, STEPPER_Y)
        self._sized[0].shorten(self.pool_button, f"{self.k}×{self.k} ▾")

    def _button(self, parent, text: str, tip: str, x: float, y: float) -> CanvasButton:
        button = CanvasButton(text, tip, self.colors, radius=10)
        button.setParentItem(parent)
        button.setPos(x, y)
        return button
