"""What each first-hidden-layer neuron looks for: its 784 incoming weights as a 28×28 picture.

Row k of W⁽⁰⁾ holds w_kj for every pixel j, so reshaping it to the image
shows which pixels excite neuron k (red, w > 0) and which inhibit it (blue,
w < 0).  Each tile uses its own symmetric scale ±max|w|, so a neuron with
small weights is still readable; white is 0.  The gallery is a list view in
icon mode: cheap for hundreds of neurons, and a click selects the neuron.
Redraws are throttled (training sends new weights up to 30 times a second).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QLabel, QListView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

TILE = 84  # pixels per tile side (3× a 28-pixel digit)


def weight_image(w: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """RGB uint8 (h, w, 3): blue for negative, white for 0, red for positive weights."""
    scale = float(np.max(np.abs(w))) or 1.0
    v = np.clip(np.asarray(w, dtype=np.float64).reshape(shape) / scale, -1, 1)
    pos, neg = np.clip(v, 0, 1), np.clip(-v, 0, 1)
    r = 255 * (1 - neg * 0.8)
    g = 255 * (1 - 0.8 * np.maximum(pos, neg))
    b = 255 * (1 - pos * 0.8)
    return np.ascontiguousarray(np.stack([r, g, b], axis=-1).astype(np.uint8))


def _pixmap(rgb: np.ndarray) -> QPixmap:
    h, w, _ = rgb.shape
    image = QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
    return QPixmap.fromImage(image.scaled(TILE, TILE, Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.FastTransformation))


class WeightGallery(QWidget):
    neuronSelected = Signal(int, int)  # (L = 1, k): like NetworkCanvas.neuronClicked

    def __init__(self, document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weightGallery")
        self.document = document
        self.infoLabel = QLabel(objectName="infoLabel", wordWrap=True)
        self.tiles = QListWidget(objectName="weightTiles")
        self.tiles.setViewMode(QListView.ViewMode.IconMode)
        self.tiles.setIconSize(QSize(TILE, TILE))
        self.tiles.setResizeMode(QListView.ResizeMode.Adjust)
        self.tiles.setMovement(QListView.Movement.Static)
        self.tiles.setUniformItemSizes(True)
        self.tiles.setSpacing(4)
        box = QVBoxLayout(self)
        box.addWidget(self.infoLabel)
        box.addWidget(self.tiles, 1)
        self._timer = QTimer(self, singleShot=True, interval=100)  # ≤ 10 redraws a second
        self._timer.timeout.connect(self.refresh)
        self.tiles.itemClicked.connect(lambda item: self.neuronSelected.emit(1, item.data(Qt.ItemDataRole.UserRole)))
        document.weightsChanged.connect(self._timer.start)
        document.architectureChanged.connect(self.refresh)
        self.refresh()

    def image_shape(self) -> tuple[int, int] | None:
        """(28, 28) when the inputs are an image (the document says so, or 784 inputs)."""
        shape = self.document.input_shape
        n_in = self.document.network.sizes[0]
        if shape is not None and len(shape) == 2 and shape[0] * shape[1] == n_in:
            return tuple(shape)
        side = int(round(np.sqrt(n_in)))
        return (side, side) if side * side == n_in and side >= 8 else None

    def refresh(self) -> None:
        shape = self.image_shape()
        w = self.document.network.layers[0].weights
        if shape is None:
            self.tiles.clear()
            self.infoLabel.setText(self.tr("The inputs are not an image, so there are no weight pictures."))
            return
        self.infoLabel.setText(self.tr("Each picture is one neuron of the first hidden layer: its weights from "
                                       "every pixel. Red: the pixel excites the neuron; blue: it inhibits it."))
        if self.tiles.count() != len(w):
            self.tiles.clear()
            for k in range(len(w)):
                item = QListWidgetItem(str(k))
                item.setData(Qt.ItemDataRole.UserRole, k)
                self.tiles.addItem(item)
        for k in range(len(w)):
            item = self.tiles.item(k)
            item.setIcon(QIcon(_pixmap(weight_image(w[k], shape))))
            item.setToolTip(self.tr("Neuron %1: weights from −%2 (blue) to +%2 (red)").replace("%1", str(k))
                            .replace("%2", f"{float(np.max(np.abs(w[k]))):.3g}"))

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
