"""The confusion matrix as a heat map with counts: rows are the true class, columns the answer.

Each cell's colour is its share of its row (how often a true 4 is answered 9),
so a handful of mistakes is visible next to a diagonal of hundreds: blue on
the diagonal (right), orange off it (wrong), the canvas's colours.  Clicking
a cell selects it (``cellClicked``) and the panel shows only those mistakes;
clicking it again clears the selection.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from nndesk.app.style.theme import hues, is_dark, mix

HEADER = 22  # pixels for the class numbers along the top and the left
TITLE = 16  # pixels for "answered" above and "true" to the left


class ConfusionMatrix(QWidget):
    cellClicked = Signal(int, int)  # (true, answered), or (−1, −1) when a click clears the selection

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confusionMatrix")
        self._counts = np.zeros((0, 0), np.int64)
        self.selected: tuple[int, int] | None = None
        self.setMouseTracking(True)
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def confusion(self) -> list[list[int]]:
        """The counts shown: row i, column j = samples of class i answered j."""
        return self._counts.tolist()

    def set_counts(self, counts: np.ndarray) -> None:
        counts = np.asarray(counts, np.int64)
        if counts.shape != self._counts.shape:
            self.selected = None  # another set of classes: the old cell means nothing
        self._counts = counts
        self.update()

    def select(self, cell: tuple[int, int] | None) -> None:
        self.selected = cell
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(HEADER + TITLE + 10 * 30, HEADER + TITLE + 10 * 30)

    # ---- geometry ---------------------------------------------------------------------
    def _side(self) -> float:
        k = max(len(self._counts), 1)
        return max(1.0, min(self.width() - HEADER - TITLE - 2, self.height() - HEADER - TITLE - 2) / k)

    def cell_rect(self, i: int, j: int) -> QRect:
        """Where cell (true i, answered j) is, in widget pixels."""
        s = self._side()
        left, top = TITLE + HEADER, TITLE + HEADER
        return QRectF(left + j * s, top + i * s, s, s).toAlignedRect().adjusted(0, 0, -1, -1)

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        s, k = self._side(), len(self._counts)
        j, i = int((pos.x() - TITLE - HEADER) // s), int((pos.y() - TITLE - HEADER) // s)
        return (i, j) if 0 <= i < k and 0 <= j < k and pos.x() >= TITLE + HEADER and pos.y() >= TITLE + HEADER \
            else None

    # ---- painting and events -----------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        pal = self.palette()
        base, text = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Window))
        k = len(self._counts)
        if not k:
            return
        hue = hues(is_dark(pal))
        rows = self._counts.sum(axis=1, keepdims=True)
        share = np.divide(self._counts, rows, out=np.zeros(self._counts.shape), where=rows > 0)
        font = QFont(self.font())
        s = self._side()
        font.setPixelSize(max(7, min(14, int(s * 0.38))))
        painter.setFont(font)
        for i in range(k):
            for j in range(k):
                rect = self.cell_rect(i, j)
                colour = hue["blue"] if i == j else hue["orange"]
                strength = share[i, j] if i == j else min(1.0, 0.35 + 4 * share[i, j]) * (self._counts[i, j] > 0)
                fill = mix(base, colour, float(strength))
                painter.fillRect(rect, fill)
                painter.setPen(_readable_on(fill, text, base))
                if self._counts[i, j] or i == j:
                    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(self._counts[i, j]))
        painter.setPen(text)
        for n in range(k):  # class numbers: answered along the top, true down the left
            top = self.cell_rect(0, n)
            painter.drawText(QRect(top.left(), TITLE, top.width(), HEADER), Qt.AlignmentFlag.AlignCenter, str(n))
            left = self.cell_rect(n, 0)
            painter.drawText(QRect(TITLE, left.top(), HEADER, left.height()), Qt.AlignmentFlag.AlignCenter, str(n))
        grid = self.cell_rect(k - 1, k - 1)
        painter.drawText(QRect(TITLE + HEADER, 0, grid.right() - TITLE - HEADER, TITLE), Qt.AlignmentFlag.AlignCenter,
                         self.tr("answered"))
        painter.save()  # "true" reads upwards along the rows
        painter.translate(0, grid.bottom())
        painter.rotate(-90)
        painter.drawText(QRect(0, 0, grid.bottom() - TITLE - HEADER, TITLE), Qt.AlignmentFlag.AlignCenter,
                         self.tr("true"))
        painter.restore()
        if self.selected is not None and max(self.selected) < k:
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.cell_rect(*self.selected).adjusted(1, 1, -1, -1))

    def mousePressEvent(self, event) -> None:
        cell = self.cell_at(event.position().toPoint())
        if cell is None or event.button() != Qt.MouseButton.LeftButton:
            return
        self.selected = None if cell == self.selected else cell
        self.update()
        self.cellClicked.emit(*(self.selected or (-1, -1)))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            cell = self.cell_at(event.pos())
            if cell is None:
                QToolTip.hideText()
            else:
                i, j = cell
                QToolTip.showText(event.globalPos(), self.tr("True %1, answered %2: %3")
                                  .replace("%1", str(i)).replace("%2", str(j))
                                  .replace("%3", str(self._counts[i, j])), self)
            return True
        return super().event(event)


def _readable_on(fill: QColor, text: QColor, base: QColor) -> QColor:
    """Whichever of the palette's text and base colours stands out more on ``fill``."""
    def lum(c: QColor) -> float:
        return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF()
    return text if abs(lum(fill) - lum(text)) >= abs(lum(fill) - lum(base)) else base
