"""The Robustness dock: how the accuracy on held-out digits falls as they are distorted, and when to say "not sure".

Four small plots (noise, rotation, shift, stroke width) show the accuracy of
the network on the same held-out digits distorted more and more; the fifth,
coverage–accuracy, shows what a "not sure" threshold buys: above it the
network answers, below it it admits doubt, and the fewer it answers the more
of those it gets right.  The threshold's slider (or the dashed line, dragged)
is the one the draw pad's answer uses (``thresholdChanged``; the shell wires
it).  The curves cost about a second, so they are computed on demand, in a
worker thread (``job.py``), for the network as it was when the button was
pressed; the panel says when the network has changed since.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QLocale, QSize, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.robustness.job import Robustness, RobustnessJob
from nndesk.app.style.theme import plot_colors
from nndesk.app.widgets.locale_axis import locale_axes
from nndesk.engine.core.dataset import Dataset
from nndesk.engine.explain.robustness import KINDS

DEFAULT_THRESHOLD = 0.5  # the draw pad's "not sure" below 50 %, as before the slider
TITLE_SIZE = "9pt"  # four plots share a dock's width: titles small enough to fit above each


def _axes() -> dict:
    """Left and bottom axes that write numbers in the UI's language (no right axis: one scale, %)."""
    return {side: axis for side, axis in locale_axes().items() if side in ("left", "bottom")}


class RobustnessPanel(QWidget):
    thresholdChanged = Signal(float)  # 0..1: the best output below it is "not sure"

    def __init__(self, document: NetworkDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("robustnessPanel")
        self.document = document
        self._images: np.ndarray | None = None
        self._labels: np.ndarray | None = None
        self._result: Robustness | None = None
        self._stale = False
        self.job = RobustnessJob(self)
        self.job.finished.connect(self._show)
        self.job.failed.connect(self._failed)
        self.compute_button = QPushButton(self, objectName="computeRobustness")
        self.compute_button.clicked.connect(self.compute)
        self.status = QLabel(self, objectName="robustnessStatus", wordWrap=True)
        self.curves_view = pg.GraphicsLayoutWidget(self)
        self.plots = {kind: self.curves_view.addPlot(row=i // 2, col=i % 2, axisItems=_axes())
                      for i, kind in enumerate(KINDS)}
        self.coverage_view = pg.PlotWidget(self, axisItems=_axes())
        self.slider = QSlider(Qt.Orientation.Horizontal, self, objectName="notSureThreshold")
        self.slider.setRange(0, 100)
        self.slider.setPageStep(5)
        self.slider.setValue(round(100 * DEFAULT_THRESHOLD))
        self.slider.valueChanged.connect(self._on_slider)
        self.slider_label, self.summary = QLabel(self), QLabel(self, objectName="coverageSummary", wordWrap=True)
        self._build_curves()
        self._lay_out()
        for signal in (document.weightsChanged, document.architectureChanged):
            signal.connect(self._network_changed)
        self.retranslate()

    # ---- building ---------------------------------------------------------------------------------
    def _build_curves(self) -> None:
        self.items = {kind: plot.plot(symbol="o", symbolSize=5, symbolPen=None) for kind, plot in self.plots.items()}
        self.shift_y = self.plots["shift"].plot(symbol="t", symbolSize=5, symbolPen=None)
        for plot in self.plots.values():
            plot.setYRange(0, 100, padding=0.02)
            # three labels, so a short dock doesn't stack six on top of each other
            plot.getAxis("left").setTicks([[(v, str(v)) for v in (0, 50, 100)], [(v, "") for v in (25, 75)]])
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
        cov = self.coverage_view.getPlotItem()
        cov.setXRange(0, 100, padding=0.02)
        cov.setYRange(0, 100, padding=0.02)
        cov.setMouseEnabled(x=False, y=False)
        cov.hideButtons()
        self.coverage_legend = cov.addLegend(offset=(10, -10))  # bottom left: clear of the curves
        self.answered_item, self.right_item = cov.plot(), cov.plot()
        self.line = pg.InfiniteLine(angle=90, movable=True)
        self.line.setBounds((0, 100))
        self.line.setValue(self.slider.value())
        self.line.sigPositionChanged.connect(lambda line: self.slider.setValue(round(line.value())))
        cov.addItem(self.line)
        self._apply_colors()

    def _apply_colors(self) -> None:
        """Colour everything from the palette in force (light or dark), as the cost plot does."""
        c = plot_colors(self.palette())
        pen = lambda colour, **kw: pg.mkPen(colour, width=2, **kw)  # noqa: E731
        self.curves_view.setBackground(c.background)
        self.coverage_view.setBackground(c.background)
        for plot in (*self.plots.values(), self.coverage_view.getPlotItem()):
            for side in ("left", "bottom"):
                plot.getAxis(side).setPen(c.foreground)
                plot.getAxis(side).setTextPen(c.foreground)
            plot.titleLabel.setAttr("color", c.foreground)
        for item in self.items.values():
            item.setPen(pen(c.train))
            item.setSymbolBrush(c.train)
        self.shift_y.setPen(pen(c.validation, style=Qt.PenStyle.DashLine))
        self.shift_y.setSymbolBrush(c.validation)
        self.answered_item.setPen(pen(c.train))
        self.right_item.setPen(pen(c.accuracy))
        self.line.setPen(pg.mkPen(c.marker, width=2, style=Qt.PenStyle.DashLine))
        self.coverage_legend.setLabelTextColor(c.foreground)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.compute_button)
        top.addWidget(self.status, 1)
        side = QVBoxLayout()
        side.addWidget(self.coverage_view, 1)
        threshold = QHBoxLayout()
        threshold.addWidget(self.slider_label)
        threshold.addWidget(self.slider, 1)
        side.addLayout(threshold)
        side.addWidget(self.summary)
        grid = QGridLayout(self)
        grid.addLayout(top, 0, 0, 1, 2)
        grid.addWidget(self.curves_view, 1, 0)
        grid.addLayout(side, 1, 1)
        grid.setColumnStretch(0, 2)  # four plots beside one
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 1)

    def sizeHint(self) -> QSize:
        """Modest: tabbed with the cost plot, the dock must not widen the window past a small screen."""
        return QSize(480, 260)

    # ---- the public surface ------------------------------------------------------------------------
    def set_data(self, data: Dataset | None) -> None:
        """The held-out digits to measure on (None, or data that are not 28×28 images: nothing to measure)."""
        digits = data is not None and data.image_shape == (28, 28) and len(data) > 0
        self._images = data.inputs().reshape(-1, 28, 28) if digits else None
        self._labels = np.asarray(data.y) if digits else None
        self._result = None
        self._clear_plots()
        self.retranslate()

    def threshold(self) -> float:
        return self.slider.value() / 100

    def result(self) -> Robustness | None:
        return self._result

    def compute(self) -> None:
        """Start the curves for the document's network as it is now (in a worker thread)."""
        if not self._can_compute() or not self.job.start(self.document.network, self._images, self._labels):
            return
        self.compute_button.setEnabled(False)
        self.status.setText(self.tr("Distorting {n} held-out digits and reading them…").format(n=len(self._labels)))

    # ---- updates ------------------------------------------------------------------------------------
    def _can_compute(self) -> bool:
        sizes = self.document.network.sizes
        return self._images is not None and sizes[0] == 784 and sizes[-1] == 10

    def _show(self, result: Robustness) -> None:
        self._result, self._stale = result, False
        for c in result.curves:
            self.items[c.kind].setData(c.levels, 100 * c.accuracy)
            if c.accuracy_y is not None:
                self.shift_y.setData(c.levels, 100 * c.accuracy_y)
        cov = result.coverage
        self.answered_item.setData(100 * cov.thresholds, 100 * cov.answered)
        self.right_item.setData(100 * cov.thresholds, 100 * cov.accuracy, connect="finite")
        low = float(np.nanmin(np.concatenate([cov.answered, cov.accuracy])))  # the part where something happens
        self.coverage_view.getPlotItem().setYRange(max(0.0, 100 * low - 2), 100, padding=0.02)
        self.retranslate()

    def _failed(self, message: str) -> None:
        self.status.setText(self.tr("The curves could not be computed: {message}").format(message=message))
        self.compute_button.setEnabled(self._can_compute())

    def _clear_plots(self) -> None:
        for item in (*self.items.values(), self.shift_y, self.answered_item, self.right_item):
            item.setData([], [])

    def _network_changed(self) -> None:
        if self._result is not None and not self._stale:
            self._stale = True
            self.retranslate()

    def _on_slider(self, value: int) -> None:
        if round(self.line.value()) != value:
            self.line.setValue(value)
        self._write_summary()
        self.thresholdChanged.emit(value / 100)

    def _percent(self, fraction: float, decimals: int = 1) -> str:
        return QLocale().toString(100 * fraction, "f", decimals)

    def _write_summary(self) -> None:
        self.slider_label.setText(self.tr("“Not sure” below {p} %").format(p=self.slider.value()))
        if self._result is None:
            self.summary.setText(self.tr("The draw pad answers “not sure” when its best digit is below this."))
            return
        answered, right = self._result.coverage.at(self.threshold())
        n = self._result.n
        if answered == 0:
            self.summary.setText(self.tr("At this threshold the network is not sure of any of the {n} digits.")
                                 .format(n=n))
            return
        self.summary.setText(self.tr("It answers {answered} % of the {n} digits and is right on {right} % of "
                                     "those; “not sure” on {doubt}.").format(
            answered=self._percent(answered), n=n, right=self._percent(right),
            doubt=n - round(answered * n)))

    def retranslate(self) -> None:
        self.compute_button.setText(self.tr("Compute robustness"))
        self.compute_button.setToolTip(self.tr("Distort the held-out digits more and more and measure the accuracy "
                                               "(about a second)"))
        self.compute_button.setEnabled(self._can_compute() and not self.job.busy)
        titles = {"noise": self.tr("Noise σ per pixel"), "rotation": self.tr("Rotation, °"),
                  "shift": self.tr("Shift, px: → solid, ↓ dashed"), "stroke": self.tr("Stroke: − thinner, + thicker")}
        for kind, plot in self.plots.items():
            plot.setTitle(titles[kind], size=TITLE_SIZE)
            if kind in ("noise", "shift"):  # the left column says what the four share
                plot.setLabel("left", self.tr("accuracy, %"))
        cov = self.coverage_view.getPlotItem()
        cov.setTitle(self.tr("Answered and right, by threshold"), size=TITLE_SIZE)
        cov.setLabel("bottom", self.tr("threshold, %"))
        cov.setLabel("left", "%")
        self.coverage_legend.clear()
        self.coverage_legend.addItem(self.answered_item, self.tr("digits answered"))
        self.coverage_legend.addItem(self.right_item, self.tr("right among answered"))
        self._write_status()
        self._write_summary()

    def _write_status(self) -> None:
        if self.job.busy:
            return
        if self._images is None:
            self.status.setText(self.tr("Robustness needs held-out digit images (28×28)."))
        elif not self._can_compute():
            self.status.setText(self.tr("Robustness needs a network with 784 inputs and 10 outputs."))
        elif self._result is None:
            self.status.setText(self.tr("{n} held-out digits: press the button to see how far the accuracy "
                                        "carries.").format(n=len(self._labels)))
        else:
            text = self.tr("Accuracy on the {n} held-out digits: {acc} %.").format(
                n=self._result.n, acc=self._percent(self._result.accuracy))
            if self._stale:
                text += " " + self.tr("The network has changed since: compute again to update.")
            self.status.setText(text)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._apply_colors()
