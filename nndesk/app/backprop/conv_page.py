"""The widgets of the convolution step-through, and the switch between it and the dense one.

``BackpropPanel`` was built for dense networks: its sample line, buttons and
step list stay as they are; this module adds a page under them for a
``ConvNet``, shown instead of them (the same kind of buttons —
``BackpropControls`` — a line naming the pixel followed, an input-channel
chooser for windows over several channels, and a ``ConvStepsView``).
``ConvSteps`` (``conv_steps``) holds the logic.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from nndesk.app.backprop import conv_texts
from nndesk.app.backprop.controls import BackpropControls
from nndesk.app.backprop.conv_render import render_conv_steps
from nndesk.app.backprop.steps_view import StepsView
from nndesk.app.style.eta_text import eta_value
from nndesk.app.style.formula_view import formula_html
from nndesk.engine.core.convnet import ConvNet
from nndesk.engine.explain import formula as fm
from nndesk.engine.explain.conv_walk import ConvPixelWalk

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls


class ConvStepsView(StepsView):
    """``StepsView`` (zoom, newest step in view, every digit on hover) showing a ``ConvPixelWalk``."""

    def show_steps(self, walk: ConvPixelWalk, index: int, channel: int) -> None:  # type: ignore[override]
        self._shown = (walk, index, channel)  # what a zoom re-typesets
        html, self._nums = render_conv_steps(self, walk, index, channel)
        self._slide = False
        self.setHtml(html)
        self.scroll_to_end()


class ConvPage(QWidget):
    """Sample line, pixel line, buttons, channel chooser, the steps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="convStepsPage")
        self.sampleLabel = QLabel(objectName="convSampleLabel", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.pixelLabel = QLabel(objectName="convPixelLabel", wordWrap=True)
        self.controls = BackpropControls(self)
        self.controls.arithmeticToggle.hide()  # float64 only: the slides have no convolutions
        self.channelLabel = QLabel(objectName="convChannelLabel")
        self.channelBox = QComboBox(objectName="convChannelBox")
        self.stepsView = ConvStepsView(self)
        self.verdictLabel = QLabel(objectName="convGradCheckLabel", wordWrap=True,
                                   textFormat=Qt.TextFormat.RichText)
        row = QHBoxLayout()
        row.addWidget(self.channelLabel)
        row.addWidget(self.channelBox)
        row.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        for widget in (self.sampleLabel, self.pixelLabel, self.controls):
            box.addWidget(widget)
        box.addLayout(row)
        box.addWidget(self.stepsView, 1)
        box.addWidget(self.verdictLabel)
        self.retranslate()

    def retranslate(self) -> None:
        self.channelLabel.setText(conv_texts.text("channel"))

    def show_channels(self, channels: int, current: int) -> None:
        """The chooser lists input channels 0…C − 1; hidden for a window over one channel."""
        if self.channelBox.count() != channels:
            self.channelBox.blockSignals(True)
            self.channelBox.clear()
            self.channelBox.addItems([str(c) for c in range(channels)])
            self.channelBox.blockSignals(False)
        self.channelBox.setCurrentIndex(min(current, channels - 1))
        for widget in (self.channelLabel, self.channelBox):
            widget.setVisible(channels > 1)


def install(panel: QWidget, page: ConvPage) -> Callable[[bool], None]:
    """Add ``page`` under the panel's own widgets; the function returned shows it (True) or them (False).

    Hiding rather than moving them into a stack keeps the dense panel exactly as it was laid out."""
    box = panel.layout()
    dense = [box.itemAt(i).widget() for i in range(box.count()) if box.itemAt(i).widget() is not None]
    box.addWidget(page, 1)
    page.hide()

    def show_conv(on: bool) -> None:
        for widget in dense:
            widget.setVisible(not on)
        page.setVisible(on)
    return show_conv


def sample_html(network: ConvNet, t: np.ndarray, eta: float, source: str | None) -> str:
    """"Sample: the digit you drew: t = [0; 0; 1; …], η = 0.1 — network 1×28×28-conv5x5x8-pool2-32-10, …"."""
    loc = QLocale()
    targets = [fm.Num(fm.exact_text(v), float(v)) for v in t]
    parts = ("t = ", *fm.vector(targets, limit=max(4, len(targets)) if len(targets) <= 10 else 4),
             ",  η = ", fm.Num(eta_value(eta), eta))
    formula, _ = formula_html(parts, loc, link=None)
    name = source or translate("BackpropPanel", "the sample stepped through in Backpropagation")
    if network.cost.name == "quadratic":
        cost = translate("BackpropPanel", "quadratic cost")
    else:
        cost = translate("BackpropPanel", "cross-entropy cost")
    text = translate("BackpropPanel", "<b>Sample:</b> %1 — network %2, %3")
    return text.replace("%1", f"{html.escape(name)}: {formula}").replace("%2", network.architecture).replace("%3", cost)
