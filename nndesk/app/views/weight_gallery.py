"""What each first-hidden-layer neuron looks for: its 784 incoming weights as a 28×28 picture.

Row k of W⁽⁰⁾ holds w_kj for every pixel j, so reshaping it to the image
shows which pixels excite neuron k (blue, w > 0) and which inhibit it
(orange, w < 0): the canvas's colours for the signs of weights.  Each tile
uses its own symmetric scale ±max|w|, so a neuron with small weights is
still readable; white is 0.  All tiles are computed at once
with numpy and shown as one image (``TileGrid``); a click selects the neuron.
A convolutional network's first layer looks through k×k windows instead: each
tile is then one filter's kernel (its first input channel), the same colours.
Training changes the weights many times a second, so the gallery redraws at
most once a second, and not while it is hidden (``ShownThrottle``).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nndesk.app.widgets.shown_throttle import ShownThrottle
from nndesk.app.widgets.tile_grid import TileGrid

POSITIVE = np.array([0x00, 0x72, 0xB2]) / 255  # the canvas's w > 0 blue (Okabe–Ito, see theme.hues)
NEGATIVE = np.array([0xD5, 0x5E, 0x00]) / 255  # the canvas's w < 0 orange


def _palette() -> np.ndarray:
    """RGB of 255 steps from −1 (orange) through 0 (white, step 127) to +1 (blue)."""
    v = np.linspace(-1, 1, 255)[:, None]
    ends = np.where(v > 0, POSITIVE, NEGATIVE)
    return np.rint((1 - np.abs(v) * (1 - ends)) * 255).astype(np.uint8)


PALETTE = _palette()


def weight_tiles(w: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """RGB uint8 (n, h, w, 3), one tile per row of ``w``: orange for negative, white for 0, blue for positive."""
    w = np.nan_to_num(np.asarray(w, dtype=np.float32).reshape(len(w), -1))
    scale = np.max(np.abs(w), axis=1, keepdims=True)
    step = 127 / np.where(scale > 0, scale, 1)  # each neuron on its own scale: ±max|w| → 0…254
    index = np.clip(np.rint(w * step + 127), 0, 254).astype(np.uint8)
    return PALETTE[index].reshape(len(w), *shape, 3)


def weight_image(w: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """One neuron's tile, (h, w, 3)."""
    return weight_tiles(np.asarray(w).reshape(1, -1), shape)[0]


class WeightGallery(QWidget):
    neuronSelected = Signal(int, int)  # (L = 1, k): like NetworkCanvas.neuronClicked
    featureSelected = Signal(int, int, int, int)  # (L = 1, f, y, x): filter f's middle pixel (a ConvNet)

    def __init__(self, document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weightGallery")
        self.document = document
        self.infoLabel = QLabel(objectName="infoLabel", wordWrap=True)
        self.tiles = TileGrid()
        self.tiles.setObjectName("weightTiles")
        self.tiles.tooltip = self._tooltip
        box = QVBoxLayout(self)
        box.addWidget(self.infoLabel)
        box.addWidget(self.tiles, 1)
        self._scales = np.zeros(0)  # max|w| of each neuron's row, for the tooltips
        self._throttle = ShownThrottle(self, self.refresh)
        self.tiles.tileClicked.connect(self._select)
        document.weightsChanged.connect(self._throttle.request)
        document.architectureChanged.connect(self._throttle.request)
        self.refresh()

    def image_shape(self) -> tuple[int, int] | None:
        """(28, 28) when the inputs are an image (the document says so, or 784 inputs)."""
        shape = self.document.input_shape
        n_in = self.document.network.sizes[0]
        if shape is not None and len(shape) == 2 and shape[0] * shape[1] == n_in:
            return tuple(shape)
        side = int(round(np.sqrt(n_in)))
        return (side, side) if side * side == n_in and side >= 8 else None

    def pending(self) -> bool:
        """The weights changed and the pictures have not caught up yet (hidden, or within the second)."""
        return self._throttle.pending()

    def _select(self, k: int) -> None:
        if self.document.is_conv:
            _, h, w = self.document.shapes[1]
            self.featureSelected.emit(1, k, h // 2, w // 2)
        else:
            self.neuronSelected.emit(1, k)

    def refresh(self) -> None:
        first = self.document.network.layers[0]
        if self.document.is_conv:
            if not hasattr(first, "kernels"):  # a pooling first: nothing learned there
                self.tiles.set_tiles(np.zeros((0, 1, 1, 3), np.uint8))
                self.infoLabel.setText(self.tr("The first layer is a pooling: it has no weights to show."))
                return
            kernels = first.kernels[:, 0]  # (F, k, k): what each filter looks for in the first input channel
            self.infoLabel.setText(self.tr("Each picture is one filter of the first convolution: its %1×%1 weights, "
                                           "slid over the image. Blue: the pixel excites the filter; orange: it "
                                           "inhibits it.").replace("%1", str(first.k)))
            self._scales = np.max(np.abs(kernels.reshape(len(kernels), -1)), axis=1)
            self.tiles.set_tiles(weight_tiles(kernels, (first.k, first.k)))
            return
        shape = self.image_shape()
        w = first.weights
        if shape is None:
            self.tiles.set_tiles(np.zeros((0, 1, 1, 3), np.uint8))
            self.infoLabel.setText(self.tr("The inputs are not an image, so there are no weight pictures."))
            return
        self.infoLabel.setText(self.tr("Each picture is one neuron of the first hidden layer: its weights from "
                                       "every pixel. Blue: the pixel excites the neuron; orange: it inhibits it."))
        self._scales = np.max(np.abs(w), axis=1)
        self.tiles.set_tiles(weight_tiles(w, shape))

    def _tooltip(self, k: int) -> str:
        scale = f"{float(self._scales[k]):.3g}" if k < len(self._scales) else "?"
        text = self.tr("Filter %1: weights from −%2 (orange) to +%2 (blue)") if self.document.is_conv else \
            self.tr("Neuron %1: weights from −%2 (orange) to +%2 (blue)")
        return text.replace("%1", str(k)).replace("%2", scale)

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
