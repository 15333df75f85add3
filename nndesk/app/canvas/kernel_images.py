"""The first convolution's kernels as small pictures: what each filter looks for in the digit.

A dense layer's weights are edges; a convolution's are F little k×k stencils
slid over the image.  Drawn in the canvas's weight colours (blue w > 0,
orange w < 0, stronger for larger |w|, the layer's largest |w| full
strength), trained kernels show strokes and edges a student can recognise.
Only the first convolution's kernels look at the image itself, so only they
are drawn.  Refreshing costs F×k×k pixels, cheap enough to follow training
at the canvas's weight rate (``NetworkCanvas.refresh_weights``, throttled).
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsObject

from nndesk.app.canvas.feature_stack import signed_lut, signed_pixels
from nndesk.app.canvas.items import group_anchor, text_item
from nndesk.app.canvas.label_fit import LabelGroup
from nndesk.app.style.colors import CanvasColors, sup

WIDTH = 168.0  # as wide as the input image it sits under
SPACE = 3.0  # between two kernels
MAX_CELL = 18.0
CAPTION = 22.0  # room for the caption above the grid

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls


def grid_columns(filters: int) -> int:
    return min(filters, 8 if filters <= 32 else 16)


def grid_height(filters: int) -> float:
    """Scene height of the caption and the grid of ``filters`` kernels."""
    cols = grid_columns(filters)
    rows = math.ceil(filters / cols)
    return CAPTION + rows * _cell(cols) + (rows - 1) * SPACE


def _cell(cols: int) -> float:
    return min(MAX_CELL, (WIDTH - (cols - 1) * SPACE) / cols)


class KernelImages(QGraphicsObject):
    """The kernels (F, C, k, k) of the convolution making a⁽ᴸ⁾, top-centred on the item's position."""

    kernelClicked = Signal(int)  # f: the student clicked filter f's picture (its map comes to the front)

    def __init__(self, L: int, kernels: np.ndarray, colors: CanvasColors) -> None:
        super().__init__()
        self.L, self.colors = L, colors
        self.filters, _, self.k, _ = kernels.shape
        self.cols = grid_columns(self.filters)
        self.cell = _cell(self.cols)
        self.rows = math.ceil(self.filters / self.cols)
        self._images: list[QImage] = []
        self._lut = signed_lut(colors)
        anchor = group_anchor(self, QPointF(0, 0))
        text_item(anchor, translate("KernelImages", "filters of a{L} ({k}×{k})").format(L=sup(L), k=self.k), 13,
                  colors.muted, 0, 0)
        self.labels = [LabelGroup(anchor, room=WIDTH + 40)]
        self.setToolTip(translate("KernelImages", "Each small picture is one filter's k×k weights: blue w > 0, "
                                                  "orange w < 0. It slides over the image; where the image looks "
                                                  "like it, its map lights up. Click one to see its map."))
        self.set_kernels(kernels)

    def boundingRect(self) -> QRectF:
        w = self.cols * self.cell + (self.cols - 1) * SPACE
        return QRectF(-w / 2, CAPTION, w, self.rows * self.cell + (self.rows - 1) * SPACE)

    def cell_rect(self, f: int) -> QRectF:
        """Local rectangle of kernel f."""
        left = self.boundingRect().left()
        r, c = divmod(f, self.cols)
        return QRectF(left + c * (self.cell + SPACE), CAPTION + r * (self.cell + SPACE), self.cell, self.cell)

    def kernel_at(self, scene_pos: QPointF) -> int | None:
        p = self.mapFromScene(scene_pos)
        return next((f for f in range(self.filters) if self.cell_rect(f).contains(p)), None)

    def set_kernels(self, kernels: np.ndarray) -> None:
        """New weights: (F, C, k, k); with several input channels each picture is their mean."""
        w = np.asarray(kernels, np.float32).mean(axis=1)
        top = float(np.max(np.abs(w))) if w.size else 0.0
        data = signed_pixels(w, top if top > 0 else 1.0, self._lut)
        k = self.k
        self._images = [QImage(data[f].data, k, k, 4 * k, QImage.Format.Format_RGB32).copy()
                        for f in range(self.filters)]
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)  # crisp weights
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(self.colors.muted, 0.8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for f, image in enumerate(self._images):
            r = self.cell_rect(f)
            painter.drawImage(r, image)
            painter.drawRect(r)

    def mousePressEvent(self, event) -> None:
        f = self.kernel_at(event.scenePos())
        if f is None or event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        event.accept()
        self.kernelClicked.emit(f)
