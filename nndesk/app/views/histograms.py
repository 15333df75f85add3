"""Per-layer histograms of the weights and of the gradient sizes, following training.

Weights that spread out or collapse, and gradients that shrink layer by
layer (vanishing gradients with sigmoid) are easiest to see as
distributions.  The top row shows each layer's weights w; the bottom row,
when the training loop reports gradients, log₁₀|∂C/∂w| (orders of magnitude,
since gradients span many).  Input is a snapshot (copies from the training
worker), never live arrays; the plots are rebuilt only when the number of
layers (or rows) changes, otherwise ``setData``.

Binning 784×800 weights costs a few milliseconds of the GUI thread, and a
digits epoch ends several times a second, so the view keeps only the latest
epoch and redraws at most once a second — and not at all while hidden (a
background tab): it catches up when shown (``ShownThrottle``).  Values stay
float32, without copies.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nndesk.app.style.colors import sup
from nndesk.app.style.theme import plot_colors
from nndesk.app.widgets.locale_axis import locale_axes
from nndesk.app.widgets.shown_throttle import ShownThrottle
from nndesk.engine.core.reports import EpochReport

BINS = 40
_COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"]


def histogram(values: np.ndarray, bins: int = BINS) -> tuple[np.ndarray, np.ndarray]:
    """(edges, counts) over the finite values; a flat array gives one narrow bin."""
    v = np.asarray(values).ravel()
    if v.dtype.kind != "f":
        v = v.astype(np.float64)
    lo, hi = (float(v.min()), float(v.max())) if v.size else (np.nan, np.nan)
    if not (np.isfinite(lo) and np.isfinite(hi)):  # NaN or ±inf somewhere (a diverged run): leave them out
        v = v[np.isfinite(v)]
        if v.size == 0:
            return np.array([0.0, 1.0]), np.array([0.0])
        lo, hi = float(v.min()), float(v.max())
    if hi - lo < 1e-12:
        lo, hi = lo - 0.5, hi + 0.5
    counts, edges = np.histogram(v, bins=bins, range=(lo, hi))
    return edges, counts.astype(np.float64)


def log_gradient_sizes(g: np.ndarray) -> np.ndarray:
    """log₁₀|∂C/∂w| of the non-zero gradients (exact zeros, e.g. blank pixels, are left out)."""
    a = np.abs(np.asarray(g).ravel())
    return np.log10(a[a > 0])


class HistogramsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("histogramsView")
        self.infoLabel = QLabel(objectName="infoLabel", wordWrap=True)
        self.plots = pg.GraphicsLayoutWidget()
        box = QVBoxLayout(self)
        box.addWidget(self.infoLabel)
        box.addWidget(self.plots, 1)
        self.weight_curves: list[pg.PlotDataItem] = []
        self.grad_curves: list[pg.PlotDataItem] = []  # only when the training loop reports gradients
        self._grad_plots: list[pg.PlotItem] = []
        self._weight_plots: list[pg.PlotItem] = []
        self.epoch = 0
        self._latest: EpochReport | None = None  # the newest epoch report
        self._throttle = ShownThrottle(self, self._draw_latest)
        self.apply_colors()
        self.retranslate()

    def retranslate(self) -> None:
        if self.grad_curves:
            self.infoLabel.setText(self.tr("Top: the weights w of each layer. Bottom: the size of their gradients, "
                                           "log₁₀|∂C/∂w| (−3 means 0.001). Updated after every epoch, at most "
                                           "once a second."))
        else:
            self.infoLabel.setText(self.tr("How the weights w of each layer are spread: how many weights have each "
                                           "value. Updated after every epoch, at most once a second."))
        for l, plot in enumerate(self._weight_plots):
            plot.setTitle(self.tr("W⁽%1⁾: weights").replace("⁽%1⁾", sup(l)), color=self._text_color())
        for l, plot in enumerate(self._grad_plots):
            plot.setTitle(self.tr("W⁽%1⁾: log₁₀|gradient|").replace("⁽%1⁾", sup(l)), color=self._text_color())

    def apply_colors(self) -> None:
        """Plots are not styled by Qt: take the background and text colours from the palette."""
        c = plot_colors(self.palette())
        self.plots.setBackground(c.background)
        for plot in self._weight_plots + self._grad_plots:
            plot.getAxis("bottom").setPen(c.foreground)
            plot.getAxis("bottom").setTextPen(c.foreground)

    def _text_color(self) -> str:
        return plot_colors(self.palette()).foreground.name()

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        elif event.type() == event.Type.PaletteChange:
            self.apply_colors()
            self.retranslate()  # the titles' colour
        super().changeEvent(event)

    def _build(self, n_layers: int, gradients: bool) -> None:
        self.plots.clear()
        self.weight_curves, self.grad_curves, self._weight_plots, self._grad_plots = [], [], [], []
        rows = ((0, self.weight_curves, self._weight_plots), (1, self.grad_curves, self._grad_plots))
        for l in range(n_layers):
            color = _COLORS[l % len(_COLORS)]
            for row, curves, plots in rows[:2 if gradients else 1]:
                plot = self.plots.addPlot(row=row, col=l, axisItems=locale_axes())  # "0,5" in Russian
                plot.setMouseEnabled(False, False)
                plot.hideAxis("left")
                plot.setMenuEnabled(False)
                curve = plot.plot(stepMode="center", fillLevel=0, brush=pg.mkBrush(color + "88"),
                                  pen=pg.mkPen(color))
                curve.setData([0.0, 1.0], [0.0])
                curves.append(curve)
                plots.append(plot)
        self.apply_colors()
        self.retranslate()

    def update_snapshot(self, weights: list[np.ndarray], grads: list[np.ndarray] | None = None,
                        epoch: int | None = None) -> None:
        """New per-layer weight matrices (and gradients, e.g. the epoch's last batch) to show."""
        if len(weights) != len(self.weight_curves) or (grads is not None) != bool(self.grad_curves):
            self._build(len(weights), grads is not None)
        for curve, w in zip(self.weight_curves, weights):
            curve.setData(*histogram(w))
        for curve, g in zip(self.grad_curves, grads or []):
            curve.setData(*histogram(log_gradient_sizes(g)))
        self.epoch = epoch if epoch is not None else self.epoch + 1

    def on_epoch(self, report: EpochReport) -> None:
        """Slot for ``TrainerController.epochFinished``: the report's weights and, when the training
        loop provides them, its last batch's gradients ∂C/∂W.

        Drawn now if shown and the last redraw is a second old, else when that second is over
        or the view is shown; only the newest report is kept.
        """
        self._latest = report
        self._throttle.request()

    def pending(self) -> bool:
        """An epoch has arrived that is not drawn yet."""
        return self._throttle.pending()

    def _draw_latest(self) -> None:
        report = self._latest
        if report is not None and report.weights:
            grads = report.gradients.weights if report.gradients is not None else None
            self.update_snapshot([w for w, _ in report.weights], grads, report.stats.epoch)
