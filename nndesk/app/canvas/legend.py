"""The canvas's key: what the two edge colours, the line width and a neuron's fill mean.

A student meets the canvas without a teacher at hand, so the encoding is
spelled out on it.  The key is painted over the view's top-left corner in
screen pixels (``NetworkCanvas.drawForeground``), so it stays readable however
far the network is zoomed out, and takes no room in the scene.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from nndesk.app.style.colors import CanvasColors

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls


class CanvasLegend:
    LINE = 22.0  # length of a sample line
    SPACE = 14.0  # between entries
    PAD = 4.0

    def __init__(self, colors: CanvasColors) -> None:
        self.colors = colors
        self.font = QFont()
        self.font.setPixelSize(12)
        self.entries = [("line+", translate("CanvasLegend", "weight w > 0")),
                        ("line-", translate("CanvasLegend", "weight w < 0")),
                        ("width", translate("CanvasLegend", "thicker: larger |w|")),
                        ("fill", translate("CanvasLegend", "fill: activation a"))]
        metrics = QFontMetricsF(self.font)
        self._widths = [self.LINE + 5 + metrics.horizontalAdvance(text) for _, text in self.entries]
        self._row = metrics.height() + 2 * self.PAD

    def _rows(self, width: float) -> list[list[int]]:
        """Entries per row: as many as fit in ``width`` pixels (at least one)."""
        rows: list[list[int]] = [[]]
        used = 2 * self.PAD
        for i, w in enumerate(self._widths):
            if rows[-1] and used + self.SPACE + w > width:
                rows.append([])
                used = 2 * self.PAD
            used += (self.SPACE if rows[-1] else 0) + w
            rows[-1].append(i)
        return rows

    def height_for(self, width: float) -> float:
        return self._row * len(self._rows(width))

    def paint(self, painter: QPainter, origin: QPointF, width: float) -> None:
        """Draw the key with its top-left corner at ``origin`` (device pixels), wrapped to ``width``."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font)
        c = self.colors
        rows = self._rows(width)
        backdrop = QColor(c.background)
        backdrop.setAlpha(220)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(backdrop)
        used = max(sum(self._widths[i] for i in row) + self.SPACE * (len(row) - 1) for row in rows)
        painter.drawRoundedRect(QRectF(origin.x(), origin.y(), used + 2 * self.PAD, self._row * len(rows)), 4, 4)
        for r, row in enumerate(rows):
            x, top = origin.x() + self.PAD, origin.y() + r * self._row
            for i in row:
                self._entry(painter, i, x, top)
                x += self._widths[i] + self.SPACE

    def _entry(self, painter: QPainter, i: int, x: float, top: float) -> None:
        (kind, text), c, mid = self.entries[i], self.colors, top + self._row / 2
        if kind == "fill":
            painter.setPen(QPen(c.muted, 1.2))
            painter.setBrush(c.signed(1.0, 0.7))
            painter.drawEllipse(QPointF(x + self.LINE / 2, mid), 6, 6)
        elif kind == "width":
            for j, w in enumerate((1.0, 2.5, 4.0)):
                pen = QPen(c.muted, w)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                painter.setPen(pen)
                painter.drawLine(QPointF(x + 3 + j * 7, mid + 5), QPointF(x + 7 + j * 7, mid - 5))
        else:
            painter.setPen(QPen(c.positive if kind == "line+" else c.negative, 3))
            painter.drawLine(QPointF(x, mid), QPointF(x + self.LINE, mid))
        painter.setPen(c.text)
        painter.drawText(QRectF(x + self.LINE + 5, top, self._widths[i], self._row),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
