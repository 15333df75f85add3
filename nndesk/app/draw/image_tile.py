"""A small picture with square pixels and, optionally, a box drawn over it: one step of an explanation.

The preprocessing steps and the attribution maps are all little images whose
pixels matter one by one, so they are drawn enlarged without smoothing,
centred in the tile with their aspect kept.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class ImageTile(QWidget):
    def __init__(self, side: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._side = side
        self._image: QImage | None = None
        self._box: QRectF | None = None  # in image pixels
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(side, side)

    def sizeHint(self) -> QSize:
        return QSize(self._side, self._side)

    def set_gray(self, pixels: np.ndarray | None, box: tuple[int, int, int, int] | None = None) -> None:
        """Ink amounts 0..1 (any 2-D shape), drawn bright on dark as the network sees them; None: empty."""
        if pixels is None:
            self._image = None
        else:
            gray = np.ascontiguousarray(np.clip(np.asarray(pixels) * 255, 0, 255).astype(np.uint8))
            h, w = gray.shape
            self._image = QImage(gray.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
        self._box = None if box is None else QRectF(box[2], box[0], box[3] - box[2], box[1] - box[0])
        self.update()

    def set_rgb(self, rgb: np.ndarray) -> None:
        """An (h, w, 3) uint8 picture."""
        rgb = np.ascontiguousarray(rgb, dtype=np.uint8)
        h, w, _ = rgb.shape
        self._image, self._box = QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy(), None
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        pal = self.palette()
        frame = QRectF(0, 0, self.width(), self.height())
        painter.fillRect(frame, QColor(0, 0, 0))
        if self._image is not None and not self._image.isNull():
            w, h = self._image.width(), self._image.height()
            f = min(self.width() / w, self.height() / h)
            target = QRectF((self.width() - w * f) / 2, (self.height() - h * f) / 2, w * f, h * f)
            painter.drawImage(target, self._image)  # no smoothing: each pixel a square
            if self._box is not None:
                b = self._box
                painter.setPen(QPen(QColor("#e69f00"), 2))
                painter.drawRect(QRectF(target.x() + b.x() * f, target.y() + b.y() * f, b.width() * f,
                                        b.height() * f))
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
        painter.drawRect(frame.adjusted(0, 0, -1, -1))
