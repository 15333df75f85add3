"""Look inside one filter of a convolution and one pixel of its feature map: its weights, z and a.

Click a pixel of a feature map on the canvas (``show_feature(L, f, y, x)``):
for a convolution, the heading names the layer and the filter, the k×k kernel
shows its weights as numbers in the canvas's colours (blue w > 0, orange
w < 0), and a click on a weight lets the spin box edit it — an undo command
(``kernel_commands``) the document also posts to a running training.  With
several input maps a chooser (and a row of small pictures, one per map) says
which map's weights are shown.  Then the chosen pixel for the document's
sample: the window a⁽ᴸ⁻¹⁾ under the kernel, z = Σ a·w + b and a = σ(z), and
where the pixel and its window are on the maps.  For a max pooling there are
no weights: it shows the block and which pixel of it won.

Training changes the weights many times a second, so the panel redraws at
most every ``REDRAW_MS`` and not while hidden (``ShownThrottle``); the
student's own edits (and their undo) show at once.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QVBoxLayout, QWidget

from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.style.colors import sup
from nndesk.app.style.formula_view import FormulaView
from nndesk.app.views.feature_lines import conv_lines, num, pool_lines
from nndesk.app.views.kernel_editor import KernelEditor, label
from nndesk.app.views.kernel_grid import KernelGrid
from nndesk.app.views.map_picture import MapPicture
from nndesk.app.widgets.shown_throttle import ShownThrottle
from nndesk.engine.core.conv import Conv2D
from nndesk.engine.core.convnet import ConvNet
from nndesk.engine.core.pool import MaxPool2D
from nndesk.engine.explain import receptive

REDRAW_MS = 250


class FilterInspector(QScrollArea):
    pixelChosen = Signal(int, int, int, int)  # (L, f, y, x): the student clicked another pixel of the map

    def __init__(self, document: NetworkDocument, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterInspector")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.document = document
        self.selection: tuple[int, int, int, int] | None = None  # (L, f, y, x)
        body = QWidget()
        self.setWidget(body)
        self.titleLabel, self.infoLabel = label("titleLabel", rich=True), label("infoLabel")
        self.kernel = KernelEditor(document, undo_stack)
        self.pixelLabel, self.windowLabel = label("pixelLabel"), label("windowLabel")
        self.windowGrid = KernelGrid(objectName="windowGrid")
        self.windowGrid.selectable = False
        self.lines = [FormulaView() for _ in range(4)]
        self.inputPicture, self.outputPicture = MapPicture(objectName="inputPicture"), MapPicture(
            objectName="outputPicture")
        self.inputCaption, self.outputCaption = label("inputCaption"), label("outputCaption")
        box = QVBoxLayout(body)
        pictures = QGridLayout()
        for col, (picture, caption) in enumerate(((self.inputPicture, self.inputCaption),
                                                  (self.outputPicture, self.outputCaption))):
            pictures.addWidget(picture, 0, col)
            pictures.addWidget(caption, 1, col, Qt.AlignmentFlag.AlignTop)
        for w in (self.titleLabel, self.infoLabel, self.kernel, self.pixelLabel, self.windowLabel, self.windowGrid,
                  *self.lines):
            box.addWidget(w)
        box.addLayout(pictures)
        box.addStretch(1)
        self._throttle = ShownThrottle(self, self.refresh, REDRAW_MS)
        self.kernel.choiceChanged.connect(self.refresh)
        self.outputPicture.pixelClicked.connect(self._choose_pixel)
        document.weightsChanged.connect(self._throttle.request)
        document.sampleChanged.connect(self._throttle.request)
        document.valuesEdited.connect(lambda _edit: self.refresh())  # the student's edit or its undo: at once
        document.architectureChanged.connect(self._architecture_changed)
        self.refresh()

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)

    # ---- what to show --------------------------------------------------------------
    def show_feature(self, L: int, f: int, y: int, x: int) -> None:
        """Pixel (y, x) of map f of a⁽ᴸ⁾ (a feature layer); the same filter keeps its chosen weight and map."""
        self.selection = (L, f, y, x)
        self.refresh()

    def _layer(self) -> Conv2D | MaxPool2D | None:
        """The layer that makes the selected maps (None for the input image or a stale selection)."""
        net, sel = self.document.network, self.selection
        if sel is None or not isinstance(net, ConvNet) or not 0 <= sel[0] <= len(net.features):
            return None
        return net.features[sel[0] - 1] if sel[0] > 0 else None

    def _fits(self) -> bool:
        net, sel = self.document.network, self.selection
        if sel is None or not isinstance(net, ConvNet) or not 0 <= sel[0] <= len(net.features):
            return False
        return all(0 <= v < n for v, n in zip(sel[1:], net.shapes[sel[0]]))

    def _architecture_changed(self) -> None:
        if not self._fits():
            self.selection = None
        self.refresh()

    def _maps(self, L: int, zs: bool = False) -> np.ndarray | None:
        """The sample's a⁽ᴸ⁾ (or the z of layer L) as (C, H, W) maps; None without a sample."""
        sample, shapes = self.document.sample, self.document.network.shapes
        if sample is None or len(sample.activations) != len(shapes):
            return None
        return np.reshape((sample.zs[L - 1] if zs else sample.activations[L]), shapes[L])

    # ---- refresh ---------------------------------------------------------------------
    def refresh(self) -> None:
        layer, fits = self._layer(), self._fits()
        conv, pool = fits and isinstance(layer, Conv2D), fits and isinstance(layer, MaxPool2D)
        self.kernel.setVisible(conv)
        has_sample = fits and self._maps(0) is not None
        for w in (self.windowLabel, self.windowGrid, self.inputPicture, self.inputCaption):
            w.setVisible(has_sample and (conv or pool))
        for w in (self.pixelLabel, self.outputPicture, self.outputCaption):
            w.setVisible(fits)
        if not fits:
            self.titleLabel.setText(self.tr("Click a pixel of a feature map on the network to look inside."))
            self.infoLabel.hide()
            for line in self.lines:
                line.hide()
            return
        L, f, y, x = self.selection
        self.titleLabel.setText(f"<b>{self._what(layer)}</b><br/>{self._said()}")
        where = self.tr("Output pixel: row %1, column %2 of map %3") if L else self.tr(
            "Pixel: row %1, column %2 of map %3")
        self.pixelLabel.setText(where.replace("%1", str(y)).replace("%2", str(x)).replace("%3", str(f)))
        info = self._info(layer)
        self.infoLabel.setText(info)
        self.infoLabel.setVisible(bool(info))
        if conv:
            self.kernel.show_filter(L, f)
        formulas = self._show_numbers(layer) if has_sample else []
        for view, formula in zip(self.lines, formulas + [()] * (len(self.lines) - len(formulas))):
            view.set_formula(formula)
            view.setVisible(bool(formula))
        out = self._maps(L)
        shape = self.document.network.shapes[L]
        self.outputPicture.set_map(out[f] if out is not None else np.zeros(shape[1:]), (y, x, 1, 1))
        self.outputCaption.setText(self.tr("a%1, map %2: this pixel (click another)").replace(
            "%1", sup(L)).replace("%2", str(f)))

    def _what(self, layer: Conv2D | MaxPool2D | None) -> str:
        L, f = self.selection[:2]
        if isinstance(layer, Conv2D):
            return self.tr("Filter %1 of conv %2×%2 (layer %3)").replace("%1", str(f)).replace(
                "%2", str(layer.k)).replace("%3", str(L))
        if isinstance(layer, MaxPool2D):
            return self.tr("Map %1 of max pooling %2×%2 (layer %3)").replace("%1", str(f)).replace(
                "%2", str(layer.size)).replace("%3", str(L))
        return self.tr("Input map %1 (layer 0)").replace("%1", str(f))

    def _said(self) -> str:
        sample = self.document.sample
        if sample is None:
            return self.tr("No sample yet: draw a digit to see this pixel's z and a.")
        return self.tr("Sample: %1").replace("%1", f"<b>{html.escape(sample.name())}</b>")

    def _info(self, layer: Conv2D | MaxPool2D | None) -> str:
        if isinstance(layer, MaxPool2D):
            return self.tr("A pooling has no weights: each output pixel is the largest value of its %1×%1 "
                           "block of the map before it.").replace("%1", str(layer.size))
        return ""

    def _show_numbers(self, layer: Conv2D | MaxPool2D | None) -> list[tuple]:
        """The window and the formulas for the sample; the input picture with the window marked."""
        L, f, y, x = self.selection
        if layer is None:  # the input image: its value, nothing computed
            return [(f"a_{{{f},{y},{x}}}^{{(0)}}", " = ", num(self._maps(0)[f, y, x]))]
        a_prev = self._maps(L - 1)
        if isinstance(layer, Conv2D):
            c = self.kernel.channel
            win = receptive.window(a_prev, layer.k, layer.same, y, x)
            self.windowGrid.set_values(win.values[c])
            self.windowGrid.selected, self.windowGrid.marked = self.kernel.cell, None
            padded = win.top < 0 or win.left < 0 or win.top + layer.k > a_prev.shape[1] \
                or win.left + layer.k > a_prev.shape[2]
            text = self.tr("What it reads: a%1 under the kernel, input map %2").replace(
                "%1", sup(L - 1)).replace("%2", str(c))
            self.windowLabel.setText(text + (self.tr(" (0 outside the image: padding)") if padded else ""))
            self._input_picture(a_prev[c], (win.top, win.left, layer.k, layer.k), L - 1, c,
                                self.tr("the window the kernel reads"))
            return conv_lines(layer, self.selection, win, self._maps(L, zs=True)[f, y, x], self._maps(L)[f, y, x],
                              c, self.kernel.cell)
        p = layer.size
        won = receptive.pool_block(a_prev, p, f, y, x)
        self.windowGrid.set_values(won.block)
        self.windowGrid.selected, self.windowGrid.marked = None, (won.row, won.col)
        self.windowLabel.setText(self.tr("Its block of a%1, map %2 (the winner is outlined):").replace(
            "%1", sup(L - 1)).replace("%2", str(f)))
        self._input_picture(a_prev[f], (y * p, x * p, p, p), L - 1, f, self.tr("the block"))
        return pool_lines(layer, self.selection, won, self._maps(L)[f, y, x], self.tr(
            "The winner: row %1, column %2 of map %3 in a%4").replace("%1", str(y * p + won.row)).replace(
            "%2", str(x * p + won.col)).replace("%3", str(f)).replace("%4", sup(L - 1)))

    def _input_picture(self, values: np.ndarray, mark: tuple[int, int, int, int], L: int, c: int,
                       what: str) -> None:
        self.inputPicture.set_map(values, mark)
        self.inputCaption.setText(self.tr("a%1, map %2: %3").replace("%1", sup(L)).replace(
            "%2", str(c)).replace("%3", what))

    # ---- choices ----------------------------------------------------------------------
    def _choose_pixel(self, y: int, x: int) -> None:
        if self.selection is not None:
            L, f = self.selection[:2]
            self.show_feature(L, f, y, x)
            self.pixelChosen.emit(L, f, y, x)
