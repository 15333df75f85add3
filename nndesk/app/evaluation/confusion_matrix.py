"""The confusion matrix as a heat map with counts: rows are the true class, columns the answer.

Each cell's colour is its share of its row (how often a true 4 is answered 9),
so a handful of mistakes is visible next to a diagonal of hundreds: blue on
the diagonal (right), orange off it (wrong), the canvas's colours.  Clicking
a cell selects it (``cellClicked``) and the panel shows only those mistakes;
clicking it again clears the selection.  The right column is each class's
recall (of the true 4s, the share answered 4), the bottom row each answer's
precision (of the answers 4, the share that are 4), as MATLAB's plotconfusion
lays them out.  The arrow keys move over the cells and Enter clicks one.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from nndesk.app.style.theme import hues, is_dark, mix

HEADER = 22  # pixels for the class numbers along the top and the left
TITLE = 16  # pixels for "answered" above and "true" to the left
ORIGIN = TITLE + HEADER  # where the first cell starts, across and down
GAP = 5  # between the matrix and its recall column / precision row
LEGEND = 18  # the line under it all saying what the margins are


class ConfusionMatrix(QWidget):
    cellClicked = Signal(int, int)  # (true, answered), or (−1, −1) when a click clears the selection

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confusionMatrix")
        self._counts = np.zeros((0, 0), np.int64)
        self._precision = self._recall = np.zeros(0)
        self.selected: tuple[int, int] | None = None
        self.current = (0, 0)  # the keyboard's cell: arrows move it, Enter clicks it
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def confusion(self) -> list[list[int]]:
        """The counts shown: row i, column j = samples of class i answered j."""
        return self._counts.tolist()

    def set_counts(self, counts: np.ndarray, precision: np.ndarray | None = None,
                   recall: np.ndarray | None = None) -> None:
        """The counts, and each answer's precision (bottom row) and each class's recall (right column)."""
        counts = np.asarray(counts, np.int64)
        if counts.shape != self._counts.shape:
            self.selected = None  # another set of classes: the old cell means nothing
        self._counts = counts
        k = len(counts)
        self._precision = np.full(k, np.nan) if precision is None else np.asarray(precision, float)
        self._recall = np.full(k, np.nan) if recall is None else np.asarray(recall, float)
        self.update()

    def precision_texts(self) -> list[str]:
        """The bottom row as shown: each answer's precision in whole percent ("—" if never answered)."""
        return [_whole_percent(p) for p in self._precision]

    def recall_texts(self) -> list[str]:
        """The right column as shown: each class's recall in whole percent ("—" if it has no samples)."""
        return [_whole_percent(r) for r in self._recall]

    def select(self, cell: tuple[int, int] | None) -> None:
        self.selected = cell
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(ORIGIN + GAP + 11 * 28, ORIGIN + GAP + LEGEND + 11 * 28)

    # ---- geometry ---------------------------------------------------------------------
    def _cell(self) -> tuple[float, float]:
        """A cell's width and height: as tall as fits, up to 1.6 times as wide (a short dock keeps "100" legible)."""
        n = len(self._counts) + 1  # the margin's row and column count as one more
        h = max(1.0, (self.height() - ORIGIN - GAP - LEGEND - 2) / n)
        w = max(1.0, min((self.width() - ORIGIN - GAP - 2) / n, 1.6 * h))
        return w, min(h, w)

    def cell_rect(self, i: int, j: int) -> QRect:
        """Where cell (true i, answered j) is, in widget pixels; i or j = k is the precision row / recall column."""
        (w, h), k = self._cell(), len(self._counts)
        x = ORIGIN + j * w + (GAP if j >= k else 0)
        y = ORIGIN + i * h + (GAP if i >= k else 0)
        return QRectF(x, y, w, h).toAlignedRect().adjusted(0, 0, -1, -1)

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        """The matrix cell (true, answered) under ``pos``; k for the precision row or the recall column."""
        k = len(self._counts)
        for i in range(k + 1):
            for j in range(k + 1):
                if (i < k or j < k) and self.cell_rect(i, j).contains(pos):
                    return i, j
        return None

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
        w, h = self._cell()
        font.setPixelSize(max(7, min(14, int(h * 0.55), int(w * 0.3))))
        painter.setFont(font)
        for i in range(k):
            for j in range(k):
                colour = hue["blue"] if i == j else hue["orange"]
                strength = share[i, j] if i == j else min(1.0, 0.35 + 4 * share[i, j]) * (self._counts[i, j] > 0)
                shown = str(self._counts[i, j]) if self._counts[i, j] or i == j else ""
                self._paint_cell(painter, self.cell_rect(i, j), mix(base, colour, float(strength)), shown, text, base)
        margin = mix(base, text, 0.14)  # the margins are summaries, not counts: neutral
        for n, (p, r) in enumerate(zip(self.precision_texts(), self.recall_texts())):
            self._paint_cell(painter, self.cell_rect(k, n), margin, p, text, base)
            self._paint_cell(painter, self.cell_rect(n, k), margin, r, text, base)
        self._paint_titles(painter, k, text)
        if self.hasFocus() and max(self.current) < k:
            painter.setPen(QPen(text, 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.cell_rect(*self.current).adjusted(-1, -1, 0, 0))  # where Enter would click
        if self.selected is not None and max(self.selected) < k:
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.cell_rect(*self.selected).adjusted(1, 1, -1, -1))

    @staticmethod
    def _paint_cell(painter: QPainter, rect: QRect, fill: QColor, shown: str, text: QColor, base: QColor) -> None:
        painter.fillRect(rect, fill)
        painter.setPen(_readable_on(fill, text, base))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, shown)

    def _paint_titles(self, painter: QPainter, k: int, text: QColor) -> None:
        """Class numbers along the top and the left, the axes' names, and what the margins are."""
        painter.setPen(text)
        painter.setFont(self.font())
        for n in range(k):
            top, left = self.cell_rect(0, n), self.cell_rect(n, 0)
            painter.drawText(QRect(top.left(), TITLE, top.width(), HEADER), Qt.AlignmentFlag.AlignCenter, str(n))
            painter.drawText(QRect(TITLE, left.top(), HEADER, left.height()), Qt.AlignmentFlag.AlignCenter, str(n))
        grid = self.cell_rect(k - 1, k - 1)
        painter.drawText(QRect(ORIGIN, 0, grid.right() - ORIGIN, TITLE), Qt.AlignmentFlag.AlignCenter,
                         self.tr("answered"))
        painter.save()  # "true" reads upwards along the rows
        painter.translate(0, grid.bottom())
        painter.rotate(-90)
        painter.drawText(QRect(0, 0, grid.bottom() - ORIGIN, TITLE), Qt.AlignmentFlag.AlignCenter, self.tr("true"))
        painter.restore()
        legend = QRect(TITLE, self.cell_rect(k, 0).bottom() + 3, self.width() - TITLE, LEGEND)
        small = QFont(self.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        painter.setFont(small)
        said = self.tr("Right: recall, %. Bottom: precision, %.")
        painter.drawText(legend, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         painter.fontMetrics().elidedText(said, Qt.TextElideMode.ElideRight, legend.width()))

    def mousePressEvent(self, event) -> None:
        cell = self.cell_at(event.position().toPoint())
        k = len(self._counts)
        if cell is None or max(cell) >= k or event.button() != Qt.MouseButton.LeftButton:
            return
        self.current = cell
        self._click(cell)

    def _click(self, cell: tuple[int, int]) -> None:
        self.selected = None if cell == self.selected else cell
        self.update()
        self.cellClicked.emit(*(self.selected or (-1, -1)))

    def keyPressEvent(self, event) -> None:
        k, key = len(self._counts), event.key()
        steps = {Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1), Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0)}
        if k and key in steps:
            di, dj = steps[key]
            self.current = (min(max(self.current[0] + di, 0), k - 1), min(max(self.current[1] + dj, 0), k - 1))
            self.update()
        elif k and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Space stays the window's Train/Pause
            self._click(self.current)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.update()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            said = self._tooltip(self.cell_at(event.pos()))
            if said:
                QToolTip.showText(event.globalPos(), said, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def _tooltip(self, cell: tuple[int, int] | None) -> str:
        k = len(self._counts)
        if cell is None:
            return ""
        i, j = cell
        if i == k:
            return self.tr("Precision of %1: of the digits answered %1, the share that are %1.").replace("%1", str(j))
        if j == k:
            return self.tr("Recall of %1: of the digits that are %1, the share answered %1.").replace("%1", str(i))
        return self.tr("True %1, answered %2: %3").replace("%1", str(i)).replace("%2", str(j)).replace(
            "%3", str(self._counts[i, j]))


def _whole_percent(p: float) -> str:
    return "—" if np.isnan(p) else str(round(100 * float(p)))


def _readable_on(fill: QColor, text: QColor, base: QColor) -> QColor:
    """Whichever of the palette's text and base colours stands out more on ``fill``."""
    def lum(c: QColor) -> float:
        return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF()
    return text if abs(lum(fill) - lum(text)) >= abs(lum(fill) - lum(base)) else base
