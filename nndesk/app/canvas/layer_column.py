"""One column of the canvas: layer a⁽ᴸ⁾ as circles, as a band, or as the input image.

Up to 32 neurons are circles a student can count and click.  A wider layer
is a band: one thin row per neuron, coloured by its activation.  784 inputs
that are a 28×28 picture are drawn as that picture — the digit being fed —
so "784 input neurons" stops being abstract.  Headers and footers line up
across columns because every column gets the same ``half_height``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsObject, QGraphicsPixmapItem, QGraphicsRectItem

from nndesk.app.canvas.items import CanvasButton, NeuronItem, group_anchor, text_item
from nndesk.app.canvas.label_fit import LabelGroup
from nndesk.app.style.colors import CanvasColors, sup

MAX_CIRCLES = 32
BAND_HEIGHT, BAND_WIDTH = 280.0, 30.0
IMAGE_SIZE = 168.0  # 6 scene units per pixel of a 28×28 input
CIRCLE_SPAN, CIRCLE_STEP = 360.0, 42.0  # circles: at most this tall, at most this far apart
# Labels and buttons sit in a header above and a footer below the tallest body (scene units):
HEADER = 60.0  # the header's height
ACTIVATION_Y, STEPPER_Y = 22.0, 52.0  # footer rows
INSERT_Y = 84.0  # the gaps' "+ layer" row: under the steppers, so grown labels never meet them
FOOTER = 136.0  # the footer's height, including the edge captions under the "+ layer" buttons
LABEL_PX = 14  # scene units; ``label_fit`` keeps the labels ≥ 8 pt on screen however small the window


translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls


def column_kind(n: int, image_shape: tuple[int, ...] | None) -> str:
    if image_shape is not None and len(image_shape) == 2 and image_shape[0] * image_shape[1] == n:
        return "image"
    return "band" if n > MAX_CIRCLES else "circles"


def body_size(n: int, image_shape: tuple[int, ...] | None) -> tuple[float, float]:
    """(width, height) of the column's body, without labels."""
    kind = column_kind(n, image_shape)
    if kind == "image":
        return IMAGE_SIZE, IMAGE_SIZE
    if kind == "band":
        return BAND_WIDTH, BAND_HEIGHT
    step = min(CIRCLE_STEP, CIRCLE_SPAN / n)
    return 2 * _radius(step), n * step


def _radius(step: float) -> float:
    return min(16.0, step * 0.36)


class LayerColumn(QGraphicsObject):
    """Layer L's items (children) and the geometry that maps neuron ↔ scene position."""

    def __init__(self, L: int, n: int, role: str, activation_name: str, image_shape: tuple[int, ...] | None,
                 colors: CanvasColors, half_height: float) -> None:
        super().__init__()
        self.setZValue(1)  # above the edges and an edge highlight, so neurons stay readable
        self.L, self.n, self.role, self.colors = L, n, role, colors
        self.kind = column_kind(n, image_shape)
        self.width, self.height = body_size(n, image_shape)
        self.step = self.height / n
        self.neurons: list[NeuronItem] = []
        self.labels: list[LabelGroup] = []  # header, footer, neuron numbers: kept readable by ``label_fit``
        self._build_body(image_shape)
        self._build_labels(activation_name, image_shape, half_height)

    def boundingRect(self) -> QRectF:
        return QRectF()  # children draw; the column itself is only a frame of reference

    def paint(self, painter, option, widget=None) -> None:
        pass

    @property
    def image_shape(self) -> tuple[int, int]:
        """(rows, columns) of an "image" column's picture."""
        return self._shape

    def set_room(self, width: float) -> None:
        """The scene width up to the neighbouring columns that the header and the footer may use."""
        for group in self.labels[:2]:
            group.room = width

    # ---- geometry -----------------------------------------------------------
    def neuron_pos(self, i: int) -> QPointF:
        """Scene position of neuron i: where its edges start and end."""
        if self.kind == "image":
            rows, cols = self._shape
            px = IMAGE_SIZE / cols
            return self.mapToScene(-IMAGE_SIZE / 2 + (i % cols + 0.5) * px, -IMAGE_SIZE / 2 + (i // cols + 0.5) * px)
        return self.mapToScene(0, -self.height / 2 + (i + 0.5) * self.step)

    def neuron_rect(self, i: int) -> QRectF:
        """Scene rectangle of neuron i (its circle, pixel or band row), for highlights."""
        c = self.neuron_pos(i)
        if self.kind == "image":
            h = IMAGE_SIZE / self._shape[1] / 2
            return QRectF(c.x() - h, c.y() - h, 2 * h, 2 * h)
        half_w = self.width / 2
        h = half_w if self.kind == "circles" else max(self.step / 2, 2.0)
        return QRectF(c.x() - half_w, c.y() - h, 2 * half_w, 2 * h)

    def neuron_at(self, scene_pos: QPointF) -> int | None:
        p = self.mapFromScene(scene_pos)
        x, y = p.x() + self.width / 2, p.y() + self.height / 2
        if not (0 <= x < self.width and 0 <= y < self.height):
            return None
        if self.kind == "image":
            rows, cols = self._shape
            return int(y / self.height * rows) * cols + int(x / self.width * cols)
        i = int(y / self.step)
        if self.kind == "circles" and abs(y - (i + 0.5) * self.step) > self.width / 2 + 1:
            return None  # between two circles
        return min(i, self.n - 1)

    # ---- activations ----------------------------------------------------------
    def set_activations(self, a: np.ndarray | None) -> None:
        """Light the neurons by a⁽ᴸ⁾ (None: back to neutral)."""
        if a is not None:
            a = np.asarray(a, dtype=np.float32).reshape(-1)
        if self.kind == "image":
            img = np.zeros(self._shape, np.float32) if a is None else a.reshape(self._shape)
            gray = np.ascontiguousarray(np.clip(img * 255, 0, 255).astype(np.uint8))
            rows, cols = self._shape
            image = QImage(gray.data, cols, rows, cols, QImage.Format.Format_Grayscale8)
            self._pixmap.setPixmap(QPixmap.fromImage(image))
            return
        scale = 1.0 if a is None else max(1.0, float(np.max(np.abs(a))))
        if self.kind == "circles":
            for item, v in zip(self.neurons, [None] * self.n if a is None else a.tolist()):
                item.set_value(v, scale)
            return
        self._strip.setPixmap(QPixmap.fromImage(self._strip_image(a, scale)))

    def _strip_image(self, a: np.ndarray | None, scale: float) -> QImage:
        rows = self.colors.signed_rgb(np.zeros(self.n) if a is None else a, scale)  # 0: the neuron fill
        data = np.ascontiguousarray(rows.astype(np.uint8).reshape(self.n, 1, 3))
        return QImage(data.data, 1, self.n, 3, QImage.Format.Format_RGB888).copy()

    # ---- building -------------------------------------------------------------
    def _build_body(self, image_shape: tuple[int, ...] | None) -> None:
        frame_pen = QPen(self.colors.muted, 1.2)
        if self.kind == "circles":
            r = self.width / 2
            for i in range(self.n):
                item = NeuronItem(self.L, i, QPointF(0, -self.height / 2 + (i + 0.5) * self.step), r, self.colors)
                item.setParentItem(self)
                self.neurons.append(item)
            return
        pixmap = QGraphicsPixmapItem(self)
        pixmap.setPos(-self.width / 2, -self.height / 2)
        pixmap.setZValue(1)
        if self.kind == "image":
            self._shape = (int(image_shape[0]), int(image_shape[1]))
            pixmap.setScale(IMAGE_SIZE / self._shape[1])
            pixmap.setTransformationMode(Qt.TransformationMode.FastTransformation)  # crisp pixels
            self._pixmap = pixmap
        else:
            pixmap.setTransform(pixmap.transform().scale(self.width, self.step))
            pixmap.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
            self._strip = pixmap
        frame = QGraphicsRectItem(-self.width / 2, -self.height / 2, self.width, self.height, self)
        frame.setPen(frame_pen)
        frame.setZValue(1.5)
        self.set_activations(None)

    def _build_labels(self, activation_name: str, image_shape: tuple[int, ...] | None, half: float) -> None:
        """Header above and footer below the tallest body, aligned across columns."""
        c = self.colors
        header = group_anchor(self, QPointF(0, -half))
        self._title = text_item(header, f"a{sup(self.L)}", 24, c.text, 0, -HEADER, bold=True)
        role = {"input": translate("LayerColumn", "input"),
                "hidden": translate("LayerColumn", "hidden layer"),
                "flatten": translate("LayerColumn", "flattened maps"),
                "output": translate("LayerColumn", "output")}[self.role]
        count = f"{self.n}" if self.kind != "image" else f"{self.n} = {image_shape[0]}×{image_shape[1]}"
        sub = text_item(header, f"{role} · {count}", LABEL_PX, c.muted, 0, -HEADER + 32)
        footer = group_anchor(self, QPointF(0, half))
        self.labels += [LabelGroup(header), LabelGroup(footer)]
        self.labels[0].shorten(sub, count, str(self.n))
        if self.kind == "circles" and self.role != "hidden":
            side = -1 if self.role == "input" else 1
            for i in range(self.n):
                y = -self.height / 2 + (i + 0.5) * self.step
                anchor = group_anchor(self, QPointF(side * self.width / 2, y))
                text_item(anchor, str(i), LABEL_PX, c.muted, side * 6, -LABEL_PX * 0.65,
                          "right" if side < 0 else "left")
                self.labels.append(LabelGroup(anchor, room_high=self.step))
        if self.role == "output":
            text_item(footer, activation_name, LABEL_PX, c.text, 0, ACTIVATION_Y - LABEL_PX * 0.65)
        if self.role == "hidden":
            self._build_controls(activation_name, header, footer)

    def _build_controls(self, activation_name: str, header, footer) -> None:
        c = self.colors
        self.activation_button = CanvasButton(
            f"{activation_name} ▾", translate("LayerColumn", "Choose the activation function σ"), c, 12, flat=True)
        fewer = translate("LayerColumn", "One neuron fewer (Shift: half as many). Keyboard: select a neuron of "
                                         "the layer, then −")
        more = translate("LayerColumn", "One neuron more (Shift: twice as many). Keyboard: select a neuron of "
                                        "the layer, then +")
        self.minus_button = CanvasButton("−", fewer, c, radius=10)
        self.plus_button = CanvasButton("+", more, c, radius=10)
        self.remove_button = CanvasButton("×", translate("LayerColumn", "Remove this hidden layer"), c, radius=10)
        title = self._title.mapRectToParent(self._title.boundingRect())
        remove = group_anchor(self, header.pos())  # its own group: a tight view hides × before the title
        self.labels.append(LabelGroup(remove))
        for button, parent, x, y in ((self.activation_button, footer, 0, ACTIVATION_Y),
                                     (self.minus_button, footer, -30, STEPPER_Y),
                                     (self.plus_button, footer, 30, STEPPER_Y),
                                     (self.remove_button, remove, title.right() + 14, title.center().y())):
            button.setParentItem(parent)
            button.setPos(x, y)
        text_item(footer, str(self.n), LABEL_PX, c.text, 0, STEPPER_Y - LABEL_PX * 0.65)
