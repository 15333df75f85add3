"""One filter's weights and bias, shown as the canvas colours them and edited through the undo stack.

The k×k kernel is a grid of numbers (``KernelGrid``: blue w > 0, orange
w < 0); a click selects a weight for the spin box, the bias has its own.
Each typed value is an undo command (``SetKernelWeightCommand``,
``SetFilterBiasCommand``) that the document also posts to a running
training.  A filter of a later convolution has one k×k kernel per input map:
a chooser says which map's weights the grid shows, and a row of small
pictures shows them all at once on one colour scale (click one to choose it).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from nndesk.app.document.kernel_commands import SetFilterBiasCommand, SetKernelWeightCommand
from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.style.colors import CanvasColors
from nndesk.app.style.formula_view import formula_html
from nndesk.app.views import feature_math as fm
from nndesk.app.views.kernel_grid import KernelGrid
from nndesk.app.widgets.tile_grid import GAP_X, GAP_Y, MARGIN, TileGrid
from nndesk.engine.core.conv import Conv2D


def label(name: str, rich: bool = False) -> QLabel:
    """A wrapping label the tests and the style sheet find by name."""
    out = QLabel(objectName=name, wordWrap=True)
    out.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    return out


def _spin(name: str) -> QDoubleSpinBox:
    return QDoubleSpinBox(objectName=name, decimals=6, minimum=-1e3, maximum=1e3, singleStep=0.01,
                          keyboardTracking=False)


def _typing(spin: QDoubleSpinBox) -> bool:
    """The student is typing into ``spin`` and has not pressed Return yet."""
    return spin.hasFocus() and spin.cleanText() != spin.textFromValue(spin.value())


class KernelEditor(QWidget):
    choiceChanged = Signal()  # another input map or another weight was chosen

    def __init__(self, document: NetworkDocument, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.undo_stack = document, undo_stack
        self.filter: tuple[int, int] | None = None  # (L, f) of the filter shown
        self.channel, self.cell = 0, (0, 0)  # the input map whose weights are shown; the selected weight
        self.channelLabel, self.channelCombo = label("channelLabel"), QComboBox(objectName="channelCombo")
        self.tilesLabel, self.channelTiles = label("tilesLabel"), TileGrid()
        self.channelTiles.setObjectName("channelTiles")
        self.kernelLabel, self.kernelGrid = label("kernelLabel"), KernelGrid(objectName="kernelGrid")
        self.weightName, self.weightSpin = label("weightName", rich=True), _spin("weightSpin")
        self.biasName, self.biasSpin = label("biasName", rich=True), _spin("biasSpin")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.channelRow = QWidget()  # hidden whole for one input map (an empty layout would keep its spacing)
        channel_row = QHBoxLayout(self.channelRow)
        channel_row.setContentsMargins(0, 0, 0, 0)
        channel_row.addWidget(self.channelLabel)
        channel_row.addWidget(self.channelCombo, 1)
        edit_rows = QGridLayout()
        for row, (name, spin) in enumerate(((self.weightName, self.weightSpin), (self.biasName, self.biasSpin))):
            edit_rows.addWidget(name, row, 0)
            edit_rows.addWidget(spin, row, 1)
        edit_rows.setColumnStretch(2, 1)
        for w in (self.channelRow, self.tilesLabel, self.channelTiles, self.kernelLabel, self.kernelGrid):
            box.addWidget(w)
        box.addLayout(edit_rows)
        self.channelCombo.currentIndexChanged.connect(self._choose_channel)
        self.channelTiles.tileClicked.connect(self.channelCombo.setCurrentIndex)
        self.kernelGrid.cellClicked.connect(self._choose_cell)
        self.weightSpin.valueChanged.connect(self._commit_weight)
        self.biasSpin.valueChanged.connect(self._commit_bias)

    def _layer(self) -> Conv2D | None:
        if self.filter is None:
            return None
        layers = self.document.network.layers
        L = self.filter[0]
        layer = layers[L - 1] if 0 < L <= len(layers) else None
        return layer if isinstance(layer, Conv2D) and self.filter[1] < layer.filters else None

    def show_filter(self, L: int, f: int) -> None:
        """Filter f of the convolution making a⁽ᴸ⁾; another filter starts at its centre weight, map 0."""
        layer = self.document.network.layers[L - 1]
        if self.filter != (L, f):
            self.channel, self.cell = 0, (layer.k // 2, layer.k // 2)
        self.filter = (L, f)
        self.refresh()

    def refresh(self) -> None:
        layer = self._layer()
        if layer is None:
            return
        L, f = self.filter
        channels, k = layer.in_shape[0], layer.k
        self.channel = min(self.channel, channels - 1)
        self.cell = (min(self.cell[0], k - 1), min(self.cell[1], k - 1))
        kernels = np.asarray(layer.kernels[f], np.float64)  # (C, k, k)
        for w in (self.channelRow, self.tilesLabel, self.channelTiles):
            w.setVisible(channels > 1)
        with QSignalBlocker(self.channelCombo):
            if self.channelCombo.count() != channels:
                self.channelCombo.clear()
                self.channelCombo.addItems([""] * channels)
            for c in range(channels):
                self.channelCombo.setItemText(c, self.tr("input map %1").replace("%1", str(c)))
            self.channelCombo.setCurrentIndex(self.channel)
        self.channelLabel.setText(self.tr("Weights on:"))
        self.tilesLabel.setText(self.tr("The filter's weights on every input map (click one):"))
        scale = fm.scale_of(kernels)  # one scale for the whole filter: the maps' weights compare
        if channels > 1:
            self.channelTiles.zoom = max(4, 30 // k)
            self.channelTiles.set_tiles(fm.signed_rgb(kernels, scale, CanvasColors.from_palette(self.palette())))
            self.channelTiles.selected = self.channel
            self.channelTiles.setFixedHeight(self._tiles_height(channels, k))
        self.kernelGrid.set_values(kernels[self.channel], scale)
        self.kernelGrid.selected = self.cell
        self.kernelLabel.setText(self.tr("Kernel: %1×%1 weights on input map %2 (click one to edit it)").replace(
            "%1", str(k)).replace("%2", str(self.channel)))
        i, j = self.cell
        self.weightName.setText(formula_html((f"w_{{{f},{self.channel},{i},{j}}}^{{({L - 1})}}", " ="), link=None)[0])
        self.biasName.setText(formula_html((f"b_{{{f}}}^{{({L})}}", " ="), link=None)[0])
        for spin, v in ((self.weightSpin, kernels[self.channel, i, j]), (self.biasSpin, layer.bias[f])):
            if not _typing(spin):  # training's new weights must not overwrite a number being typed
                with QSignalBlocker(spin):
                    spin.setValue(float(v))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        layer = self._layer()
        if layer is not None and layer.in_shape[0] > 1:
            self.channelTiles.setFixedHeight(self._tiles_height(layer.in_shape[0], layer.k))

    def _tiles_height(self, channels: int, k: int) -> int:
        """Room for up to two rows of the per-map pictures (more scroll)."""
        zoom, width = self.channelTiles.zoom, self.width() - 4  # the grid is as wide as this editor
        columns = max(1, (width - 2 * MARGIN + GAP_X * zoom) // ((k + GAP_X) * zoom))
        return min(2, -(-channels // columns)) * (k + GAP_Y) * zoom + 2 * MARGIN + 2

    # ---- choices and edits -----------------------------------------------------------
    def _choose_channel(self, c: int) -> None:
        if c >= 0:
            self.channel = c
            self.refresh()
            self.choiceChanged.emit()

    def _choose_cell(self, i: int, j: int) -> None:
        self.cell = (i, j)
        self.refresh()
        self.choiceChanged.emit()

    def _commit_weight(self, value: float) -> None:
        layer = self._layer()
        if layer is None:
            return
        L, f = self.filter
        i, j = self.cell
        if value != float(layer.kernels[f, self.channel, i, j]):
            self.undo_stack.push(SetKernelWeightCommand(self.document, L - 1, f, self.channel, i, j, value))

    def _commit_bias(self, value: float) -> None:
        layer = self._layer()
        if layer is not None and value != float(layer.bias[self.filter[1]]):
            self.undo_stack.push(SetFilterBiasCommand(self.document, self.filter[0] - 1, self.filter[1], value))
