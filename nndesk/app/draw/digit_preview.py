"""The 28×28 picture the network is actually fed, enlarged with square pixels.

Seeing the centred, shrunk, white-on-black version of one's own drawing
explains most surprising predictions (a digit drawn too thin, or a 1 that
became a blob) — so it sits right beside the draw pad.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget


class DigitPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("digitPreview")
        self._image = QImage(28, 28, QImage.Format.Format_Grayscale8)
        self._image.fill(0)
        self._pixels = np.zeros((28, 28), np.float32)
        self.setFixedSize(112, 112)  # 4 screen pixels per image pixel: small, yet every pixel visible

    def image(self) -> np.ndarray:
        """The pixels shown, float32 (28, 28) in 0..1."""
        return self._pixels.copy()

    def set_image(self, pixels: np.ndarray) -> None:
        pixels = np.asarray(pixels, np.float32).reshape(28, 28)
        if np.array_equal(pixels, self._pixels):
            return  # the same picture (new weights re-predict it while training): no repaint
        self._pixels = pixels
        gray = np.ascontiguousarray(np.clip(self._pixels * 255, 0, 255).astype(np.uint8))
        self._image = QImage(gray.data, 28, 28, 28, QImage.Format.Format_Grayscale8).copy()
        self.update()

    def paintEvent(self, event) -> None:
        side = min(self.width(), self.height())
        side -= side % 28 if side >= 28 else 0  # whole screen pixels per image pixel: crisp squares
        target = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        painter = QPainter(self)
        painter.drawImage(target, self._image)  # no smoothing: nearest neighbour
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.drawRect(target.adjusted(0, 0, -1, -1))
