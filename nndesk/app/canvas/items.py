"""Small graphics items of the network canvas: a neuron, an edge's pen, a button, labels.

Items know their place in the network (``layer``/``index``) so the canvas
can turn a click into indices; they never edit anything.
Colours follow Okabe–Ito hues (readable by colour-blind students) in a light
and a dark variant: blue for positive, orange for negative, as TensorFlow
Playground does.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsPathItem,
    QGraphicsSimpleTextItem,
)

from nndesk.app.canvas.label_fit import min_px
from nndesk.app.style.colors import CanvasColors
from nndesk.language import Number


def group_anchor(parent: QGraphicsItem | None, pos: QPointF) -> QGraphicsItem:
    """An empty item at ``pos`` to lay a group of labels and buttons out around (e.g. below a column)."""
    item = QGraphicsPathItem(parent)  # an empty path: draws nothing, catches no clicks
    item.setPen(Qt.PenStyle.NoPen)
    item.setPos(pos)
    return item


def text_item(parent: QGraphicsItem, text: str, px: int, color: QColor, x: float, y: float,
              align: str = "centre", bold: bool = False) -> QGraphicsSimpleTextItem:
    """A label whose top is at ``y``, centred on ``x`` (or starting at it / ending at it: "left"/"right")."""
    item = QGraphicsSimpleTextItem(text, parent)
    font = QFont()
    font.setPixelSize(px)
    font.setBold(bold)
    item.setFont(font)
    item.setBrush(color)
    w = item.boundingRect().width()
    item.setPos(x - {"centre": w / 2, "left": 0.0, "right": w}[align], y)
    return item


class NeuronItem(QGraphicsEllipseItem):
    """One neuron a_index of layer a⁽ˡᵃʸᵉʳ⁾, drawn as a circle centred on its position."""

    def __init__(self, layer: int, index: int, centre: QPointF, radius: float, colors: CanvasColors) -> None:
        super().__init__(-radius, -radius, 2 * radius, 2 * radius)
        self.layer, self.index, self.colors = layer, index, colors
        self.setPos(centre)
        self.setPen(QPen(colors.muted, 1.5))
        self.setBrush(colors.neuron)
        self.setZValue(2)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.value: float | None = None
        self.strength = 0.0

    def set_value(self, value: float | None, scale: float = 1.0) -> None:
        """Fill by the activation a (blue > 0, orange < 0), strength |a| / scale."""
        self.value = value
        self.strength = 0.0 if value is None else min(abs(value) / scale, 1.0)
        self.setBrush(self.colors.neuron if value is None else self.colors.signed(value, self.strength))

    def paint(self, painter: QPainter, option, widget=None) -> None:
        super().paint(painter, option, widget)
        px = round(self.rect().width() / 2 * 0.62)
        if self.value is None or px * painter.worldTransform().m11() < min_px(widget):
            return  # under 8 pt on screen: the tooltip and the Inspector say it instead
        font = QFont()
        font.setPixelSize(px)
        painter.setFont(font)
        painter.setPen(QColor("white") if self.strength > 0.55 else self.colors.text)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.value_text())

    def value_text(self) -> str:
        """a as the circle shows it, in the UI language's decimals ("0,50" in Russian)."""
        return f"{Number(self.value):.2f}"


def edge_pen(value: float, scale: float, colors: CanvasColors, faint: bool = False, frozen: bool = False) -> QPen:
    """How w_kj is drawn: colour by sign, width and opacity by |w| / scale (the matrix's largest |w|).

    Flat caps: the ends sit under a neuron or a column body anyway, and round
    caps make anti-aliased lines a third slower to draw.  Frozen weights are dashed.
    """
    s = min(abs(value) / scale, 1.0) if scale > 0 else 0.0
    color = QColor(colors.positive if value >= 0 else colors.negative)
    color.setAlpha(round((40 if faint else 70) + (215 - (40 if faint else 70)) * s))
    pen = QPen(color, 0.5 + 3.5 * s)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if frozen:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


class CanvasButton(QGraphicsObject):
    """A small round (or text) button drawn in the scene: ＋, −, × and the activation chooser."""

    clicked = Signal()

    def __init__(self, text: str, tooltip: str, colors: CanvasColors, radius: float = 11,
                 flat: bool = False, font_px: int = 15) -> None:
        super().__init__()
        self.text, self.colors, self.radius, self.flat = text, colors, radius, flat
        self.font = QFont()
        self.font.setPixelSize(font_px)  # scene units, like every label of the canvas
        self.modifiers = Qt.KeyboardModifier.NoModifier  # of the last click (Shift-click = bigger step)
        self._hover = False
        self.setToolTip(tooltip)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(4)

    def set_text(self, text: str) -> None:
        """Say ``text`` instead (a flat button's width follows it)."""
        self.prepareGeometryChange()
        self.text = text
        self.update()

    def boundingRect(self) -> QRectF:
        if self.flat:
            w = QFontMetricsF(self.font).horizontalAdvance(self.text) + 12
            return QRectF(-w / 2, -self.radius, w, 2 * self.radius)
        return QRectF(-self.radius, -self.radius, 2 * self.radius, 2 * self.radius)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.boundingRect().adjusted(1, 1, -1, -1)
        accent = self.colors.positive
        if self._hover or not self.flat:
            fill = QColor(accent)
            fill.setAlpha(60 if self._hover else 0)
            painter.setBrush(fill)
            painter.setPen(QPen(accent if self._hover else self.colors.muted, 1.2))
            if self.flat:
                painter.drawRoundedRect(rect, 6, 6)
            else:
                painter.drawEllipse(rect)
        painter.setFont(self.font)
        painter.setPen(accent if self._hover else self.colors.text)
        painter.drawText(self.boundingRect(), Qt.AlignmentFlag.AlignCenter, self.text)

    def hoverEnterEvent(self, event) -> None:
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:
        self._hover = False
        self.update()

    def mousePressEvent(self, event) -> None:
        event.accept()  # so the release comes to us

    def mouseReleaseEvent(self, event) -> None:
        if self.boundingRect().contains(event.pos()) and event.button() == Qt.MouseButton.LeftButton:
            self.modifiers = event.modifiers()
            self.clicked.emit()
