"""Hundreds of small equal pictures in a scrolling grid, kept as one image.

A widget or list item per picture costs layout and painting per tile, which
adds up to a tenth of a second for 800 of them.  ``TileGrid`` takes all tiles
as one numpy array, packs them into one mosaic image at one pixel per value
(a few milliseconds), and paints only the visible rows of it, scaled up
without smoothing so each value stays a crisp square.  It wraps to the
viewport's width, labels each tile (its number, or what ``label`` says),
marks the selected one, reports clicks (``tileClicked``) and asks
``tooltip`` what to say about a tile.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

ZOOM = 3  # screen pixels per value: a 28×28 tile is 84 px, as the lecture's slides show them
GAP_X, GAP_Y = 3, 6  # values of space right of and under a tile (its number goes under it)
MARGIN = 6  # screen pixels around the grid


class TileGrid(QAbstractScrollArea):
    tileClicked = Signal(int)
    zoom = ZOOM  # a subclass may show its tiles smaller (a whole set of 28×28 digits at a glance)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tooltip: Callable[[int], str] = lambda k: ""
        self.label: Callable[[int], str] = str  # the line under tile k
        self.selected: int | None = None
        self._tiles = np.zeros((0, 1, 1, 3), np.uint8)
        self._image = QImage()
        self._columns = 0
        self.verticalScrollBar().setSingleStep(self._cell()[1] // 4 or 8)

    # ---- data and geometry ------------------------------------------------------
    def set_tiles(self, tiles: np.ndarray) -> None:
        """(n, h, w, 3) uint8 RGB pictures, shown in order."""
        self._tiles = np.ascontiguousarray(tiles, dtype=np.uint8)
        if self.selected is not None and self.selected >= len(self._tiles):
            self.selected = None
        self._layout(force=True)

    def count(self) -> int:
        return len(self._tiles)

    def image(self) -> QImage:
        """The mosaic at one pixel per value (what is painted, before zooming)."""
        return self._image

    def tile_rect(self, k: int) -> QRect:
        """Where tile k is on the viewport (scrolled), in screen pixels."""
        cw, ch = self._cell()
        row, col = divmod(k, max(self._columns, 1))
        h, w = self._tiles.shape[1:3]
        top = MARGIN + row * ch - self.verticalScrollBar().value()
        return QRect(MARGIN + col * cw, top, w * self.zoom, h * self.zoom)

    def tile_at(self, pos: QPoint) -> int | None:
        """The tile under a viewport point (its picture, not the space around it)."""
        cw, ch = self._cell()
        x, y = pos.x() - MARGIN, pos.y() - MARGIN + self.verticalScrollBar().value()
        if x < 0 or y < 0 or not self._columns:
            return None
        col, row = x // cw, y // ch
        k = row * self._columns + col
        if col >= self._columns or k >= len(self._tiles) or not self.tile_rect(k).contains(pos):
            return None
        return k

    def _cell(self) -> tuple[int, int]:
        h, w = self._tiles.shape[1:3]
        return (w + GAP_X) * self.zoom, (h + GAP_Y) * self.zoom

    def _layout(self, force: bool = False) -> None:
        """Pack the tiles into a mosaic as wide as the viewport; rebuilt when that width holds more or fewer."""
        cw, ch = self._cell()
        columns = max(1, (self.viewport().width() - 2 * MARGIN + GAP_X * self.zoom) // cw)
        if force or columns != self._columns:
            self._columns = columns
            self._image = _mosaic(self._tiles, columns, self.palette().color(QPalette.ColorRole.Base))
        rows = -(-len(self._tiles) // columns)
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, 2 * MARGIN + rows * ch - self.viewport().height()))
        bar.setPageStep(self.viewport().height())
        self.viewport().update()

    # ---- painting and events -----------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), self.palette().color(QPalette.ColorRole.Base))
        if self._image.isNull() or not len(self._tiles):
            return
        top = self.verticalScrollBar().value()
        # Only the rows in view: source rows at one pixel per value, target rows zoom times taller.
        first = max(0, (top - MARGIN) // self.zoom)
        last = min(self._image.height(), (top - MARGIN + self.viewport().height()) // self.zoom + 1)
        if last > first:
            source = QRectF(0, first, self._image.width(), last - first)
            z = self.zoom
            target = QRectF(MARGIN, MARGIN + first * z - top, self._image.width() * z, (last - first) * z)
            painter.drawImage(target, self._image, source)  # no SmoothPixmapTransform: crisp squares
        self._paint_numbers(painter)

    def _paint_numbers(self, painter: QPainter) -> None:
        text, accent = self.palette().color(QPalette.ColorRole.Text), self.palette().color(QPalette.ColorRole.Highlight)
        cw, ch = self._cell()
        first_row = max(0, (self.verticalScrollBar().value() - MARGIN) // ch)
        last_row = first_row + self.viewport().height() // ch + 2
        for k in range(first_row * self._columns, min(len(self._tiles), last_row * self._columns)):
            rect = self.tile_rect(k)
            label = QRect(rect.left(), rect.bottom() + 1, rect.width(), GAP_Y * self.zoom - 2)
            painter.setPen(accent if k == self.selected else text)
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, self.label(k))
        if self.selected is not None and self.selected < len(self._tiles):
            painter.setPen(QPen(QColor(accent), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.tile_rect(self.selected).adjusted(-2, -2, 1, 1))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._layout()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    def mousePressEvent(self, event) -> None:
        k = self.tile_at(event.position().toPoint())
        if k is not None and event.button() == Qt.MouseButton.LeftButton:
            self.selected = k
            self.viewport().update()
            self.tileClicked.emit(k)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            k = self.tile_at(event.pos())
            if k is not None:
                QToolTip.showText(event.globalPos(), self.tooltip(k), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._layout(force=True)  # the space between tiles is the palette's base colour


def _mosaic(tiles: np.ndarray, columns: int, background: QColor) -> QImage:
    """One RGB image: ``tiles`` row by row, ``columns`` wide, GAP_X/GAP_Y values of background between."""
    n, h, w, _ = tiles.shape
    rows = -(-n // columns) if n else 0
    cells = np.empty((rows * columns, h + GAP_Y, w + GAP_X, 3), np.uint8)
    cells[...] = (background.red(), background.green(), background.blue())
    cells[:n, :h, :w] = tiles
    grid = cells.reshape(rows, columns, h + GAP_Y, w + GAP_X, 3).transpose(0, 2, 1, 3, 4)
    data = np.ascontiguousarray(grid.reshape(rows * (h + GAP_Y), columns * (w + GAP_X), 3))
    height, width = data.shape[:2]
    return QImage(data.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()
