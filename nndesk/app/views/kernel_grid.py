"""A small square grid of numbers, each cell coloured by its sign: one kernel, or the window it reads.

The inspector shows a k×k kernel as the canvas shows weights — blue for
w > 0, orange for w < 0, stronger for larger |w| (``CanvasColors``) — with
each number written in its cell, so a student reads the kernel as a picture
and as numbers at once.  A click (or the arrow keys) selects a cell, whose
number the inspector's spin box then edits; ``marked`` outlines a cell
without selecting it (the winner of a max pooling).  Hover a cell for every
digit of its number.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from nndesk.app.style.colors import CanvasColors
from nndesk.app.style.formula_view import full_value, number_text
from nndesk.app.views.feature_math import scale_of, signed_rgb

CELL = 44  # preferred screen pixels per cell
MIN_CELL = 22


def short(x: float) -> str:
    """A cell's number: two decimals for most weights, fewer digits when large (localised)."""
    text = f"{x:.2f}" if abs(x) < 10 else f"{x:.3g}"
    return number_text(text)


class KernelGrid(QWidget):
    cellClicked = Signal(int, int)  # (row i, column j)

    def __init__(self, parent: QWidget | None = None, **properties) -> None:
        super().__init__(parent, **properties)  # objectName=…
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._values = np.zeros((0, 0))
        self._scale = 1.0
        self.selected: tuple[int, int] | None = None
        self.marked: tuple[int, int] | None = None
        self.selectable = True

    # ---- data ----------------------------------------------------------------------
    def set_values(self, values: np.ndarray, scale: float | None = None) -> None:
        """The (rows, cols) numbers; full colour at ±``scale`` (default: their own largest |value|)."""
        old = self._values.shape
        self._values = np.asarray(values, np.float64)
        self._scale = scale if scale else scale_of(self._values)
        if self._values.shape != old:
            self.updateGeometry()
        self.update()

    def values(self) -> np.ndarray:
        return self._values.copy()

    def text_at(self, i: int, j: int) -> str:
        """The number cell (i, j) shows."""
        return short(float(self._values[i, j]))

    def color_at(self, i: int, j: int) -> QColor:
        r, g, b = signed_rgb(self._values[i, j], self._scale, CanvasColors.from_palette(self.palette())).tolist()
        return QColor(r, g, b)

    # ---- geometry ------------------------------------------------------------------
    def _cell(self) -> float:
        rows, cols = self._values.shape
        if not rows:
            return CELL
        return max(MIN_CELL, min(CELL, (self.width() - 1) / cols))

    def sizeHint(self) -> QSize:
        rows, cols = self._values.shape
        return QSize(cols * CELL + 1, rows * CELL + 1)

    def minimumSizeHint(self) -> QSize:
        rows, cols = self._values.shape
        return QSize(cols * MIN_CELL + 1, rows * MIN_CELL + 1)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rows, cols = self._values.shape
        return int(rows * max(MIN_CELL, min(CELL, (width - 1) / max(cols, 1)))) + 1

    def cell_rect(self, i: int, j: int) -> QRectF:
        s = self._cell()
        left = (self.width() - self._values.shape[1] * s) / 2
        return QRectF(left + j * s, i * s, s, s)

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        rows, cols = self._values.shape
        for i in range(rows):
            for j in range(cols):
                if self.cell_rect(i, j).contains(x, y):
                    return i, j
        return None

    # ---- painting and events -------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        rows, cols = self._values.shape
        colors = CanvasColors.from_palette(self.palette())
        s = self._cell()
        font = QFont(self.font())
        font.setPixelSize(max(8, round(s * 0.3)))
        painter.setFont(font)
        for i in range(rows):
            for j in range(cols):
                rect = self.cell_rect(i, j)
                painter.fillRect(rect, self.color_at(i, j))
                painter.setPen(QPen(colors.muted, 1))
                painter.drawRect(rect)
                strong = abs(self._values[i, j]) > 0.6 * self._scale
                painter.setPen(QColor("white") if strong else colors.text)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.text_at(i, j))
        for cell, color in ((self.marked, colors.text), (self.selected, colors.highlight)):
            if cell is not None and cell[0] < rows and cell[1] < cols:
                painter.setPen(QPen(color, 3))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(self.cell_rect(*cell).adjusted(1.5, 1.5, -1.5, -1.5))

    def select(self, i: int, j: int) -> None:
        rows, cols = self._values.shape
        if self.selectable and 0 <= i < rows and 0 <= j < cols:
            self.selected = (i, j)
            self.update()
            self.cellClicked.emit(i, j)

    def mousePressEvent(self, event) -> None:
        cell = self.cell_at(event.position().x(), event.position().y())
        if cell is not None and event.button() == Qt.MouseButton.LeftButton:
            self.select(*cell)

    def keyPressEvent(self, event) -> None:
        moves = {Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1), Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0)}
        if event.key() in moves and self.selected is not None:
            di, dj = moves[event.key()]
            self.select(self.selected[0] + di, self.selected[1] + dj)
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            cell = self.cell_at(event.pos().x(), event.pos().y())
            if cell is not None:
                QToolTip.showText(event.globalPos(), full_value(float(self._values[cell])), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
