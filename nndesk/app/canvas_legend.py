"""The canvas's key: what the two edge colours, the line width and a neuron's fill mean.

A student meets the canvas without a teacher at hand, so the encoding is
spelled out in the scene itself, in one row above the network.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsObject

from nndesk.app.canvas_items import CanvasColors

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls


class CanvasLegend(QGraphicsObject):
    LINE = 26.0  # length of a sample line
    SPACE = 18.0  # between entries

    def __init__(self, colors: CanvasColors) -> None:
        super().__init__()
        self.colors = colors
        self.font = QFont()
        self.font.setPixelSize(12)
        self.entries = [("line+", translate("CanvasLegend", "weight w > 0")),
                        ("line-", translate("CanvasLegend", "weight w < 0")),
                        ("width", translate("CanvasLegend", "thicker: larger |w|")),
                        ("fill", translate("CanvasLegend", "fill: activation a"))]
        metrics = QFontMetricsF(self.font)
        self._widths = [self.LINE + 6 + metrics.horizontalAdvance(text) for _, text in self.entries]
        self._height = metrics.height() + 4

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, sum(self._widths) + self.SPACE * (len(self._widths) - 1), self._height)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font)
        c, x, mid = self.colors, 0.0, self._height / 2
        for (kind, text), width in zip(self.entries, self._widths):
            if kind == "fill":
                painter.setPen(QPen(c.muted, 1.2))
                painter.setBrush(c.signed(1.0, 0.7))
                painter.drawEllipse(QPointF(x + self.LINE / 2, mid), 7, 7)
            elif kind == "width":
                for i, w in enumerate((1.0, 2.5, 4.0)):
                    pen = QPen(c.muted, w)
                    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                    painter.setPen(pen)
                    painter.drawLine(QPointF(x + 4 + i * 9, mid + 6), QPointF(x + 8 + i * 9, mid - 6))
            else:
                painter.setPen(QPen(c.positive if kind == "line+" else c.negative, 3))
                painter.drawLine(QPointF(x, mid), QPointF(x + self.LINE, mid))
            painter.setPen(c.text)
            painter.drawText(QRectF(x + self.LINE + 6, 0, width, self._height),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
            x += width + self.SPACE
