"""One feature map (or input map) as a small picture with a rectangle on the part the inspector talks about.

The inspector shows where its numbers come from: the output pixel on its
feature map, the window the kernel reads on the input map, the block a
pooling keeps the largest of.  Values are coloured as everywhere on the
canvas (blue > 0, orange < 0, the background at 0), scaled without smoothing
so each value stays a crisp square.  A click reports the pixel under it.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from nndesk.app.style.colors import CanvasColors
from nndesk.app.views.feature_math import scale_of, signed_rgb

SIDE = 120  # preferred screen pixels of the picture's longer side


class MapPicture(QWidget):
    pixelClicked = Signal(int, int)  # (y, x) in the map

    def __init__(self, parent: QWidget | None = None, **properties) -> None:
        super().__init__(parent, **properties)  # objectName=…
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._values = np.zeros((0, 0))
        self._image = QImage()
        self.mark: tuple[int, int, int, int] | None = None  # (top, left, height, width) in map pixels

    def set_map(self, values: np.ndarray, mark: tuple[int, int, int, int] | None = None) -> None:
        """The (H, W) map and the rectangle to outline (it may hang over the edge: padding)."""
        self._values = np.asarray(values, np.float64)
        self.mark = mark
        data = np.ascontiguousarray(signed_rgb(self._values, scale_of(self._values),
                                               CanvasColors.from_palette(self.palette())))
        h, w = self._values.shape
        self._image = QImage(data.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
        self.updateGeometry()
        self.update()

    def map_values(self) -> np.ndarray:
        return self._values.copy()

    def sizeHint(self) -> QSize:
        return QSize(SIDE, SIDE)

    def _zoom(self) -> float:
        h, w = self._values.shape
        return min(self.width() / max(w, 1), self.height() / max(h, 1))

    def _target(self) -> QRectF:
        h, w = self._values.shape
        z = self._zoom()
        return QRectF((self.width() - w * z) / 2, (self.height() - h * z) / 2, w * z, h * z)

    def pixel_rect(self, top: float, left: float, height: float = 1, width: float = 1) -> QRectF:
        """Where map pixels [top, top + height) × [left, left + width) are on the widget."""
        t, z = self._target(), self._zoom()
        return QRectF(t.left() + left * z, t.top() + top * z, width * z, height * z)

    def paintEvent(self, event) -> None:
        if self._image.isNull():
            return
        painter = QPainter(self)
        colors = CanvasColors.from_palette(self.palette())
        target = self._target()
        painter.drawImage(target, self._image)  # no smoothing: crisp squares
        painter.setPen(QPen(colors.muted, 1))
        painter.drawRect(target)
        if self.mark is not None:
            painter.setPen(QPen(colors.highlight, 2))
            painter.drawRect(self.pixel_rect(*self.mark))

    def mousePressEvent(self, event) -> None:
        t, z = self._target(), self._zoom()
        p = event.position()
        if event.button() == Qt.MouseButton.LeftButton and t.contains(p) and z > 0:
            h, w = self._values.shape
            self.pixelClicked.emit(min(int((p.y() - t.top()) / z), h - 1), min(int((p.x() - t.left()) / z), w - 1))
