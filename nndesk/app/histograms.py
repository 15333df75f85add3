"""Per-layer histograms of the weights and of the gradient sizes, refreshed once per epoch.

Weights that spread out or collapse, and gradients that shrink layer by
layer (vanishing gradients with sigmoid) are easiest to see as
distributions.  The top row shows each layer's weights w; the bottom row
log₁₀|∂C/∂w| (orders of magnitude, since gradients span many).  Input is a
snapshot (copies from the training worker), never live arrays; the plots are
rebuilt only when the number of layers changes, otherwise ``setData``.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

BINS = 40
_COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"]


def histogram(values: np.ndarray, bins: int = BINS) -> tuple[np.ndarray, np.ndarray]:
    """(edges, counts) over the finite values; a flat array gives one narrow bin."""
    v = np.asarray(values, dtype=np.float64).ravel()
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
    a = np.abs(np.asarray(g, dtype=np.float64).ravel())
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
        self.grad_curves: list[pg.PlotDataItem] = []
        self._grad_plots: list[pg.PlotItem] = []
        self._weight_plots: list[pg.PlotItem] = []
        self.epoch = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.infoLabel.setText(self.tr("Top: the weights w of each layer. Bottom: the size of their gradients, "
                                       "log₁₀|∂C/∂w| (−3 means 0.001). Updated after every epoch."))
        for l, (pw, pg_) in enumerate(zip(self._weight_plots, self._grad_plots)):
            pw.setTitle(self.tr("W⁽%1⁾: weights").replace("%1", str(l)))
            pg_.setTitle(self.tr("W⁽%1⁾: log₁₀|gradient|").replace("%1", str(l)))

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _build(self, n_layers: int) -> None:
        self.plots.clear()
        self.weight_curves, self.grad_curves, self._weight_plots, self._grad_plots = [], [], [], []
        for l in range(n_layers):
            color = _COLORS[l % len(_COLORS)]
            for row, curves, plots in ((0, self.weight_curves, self._weight_plots),
                                       (1, self.grad_curves, self._grad_plots)):
                plot = self.plots.addPlot(row=row, col=l)
                plot.setMouseEnabled(False, False)
                plot.hideAxis("left")
                curve = plot.plot(stepMode="center", fillLevel=0, brush=pg.mkBrush(color + "88"),
                                  pen=pg.mkPen(color))
                curve.setData([0.0, 1.0], [0.0])
                curves.append(curve)
                plots.append(plot)
        self.retranslate()

    def update_snapshot(self, weights: list[np.ndarray], grads: list[np.ndarray] | None = None,
                        epoch: int | None = None) -> None:
        """New per-layer weight matrices (and gradients, e.g. the epoch's last batch) to show."""
        if len(weights) != len(self.weight_curves):
            self._build(len(weights))
        for curve, w in zip(self.weight_curves, weights):
            curve.setData(*histogram(w))
        if grads is not None:
            for curve, g in zip(self.grad_curves, grads):
                curve.setData(*histogram(log_gradient_sizes(g)))
        self.epoch = epoch if epoch is not None else self.epoch + 1

    def on_epoch(self, report: dict) -> None:
        """Slot for ``TrainerController.epochFinished``: uses ``report["weights"]`` [(W, b), …] and,
        when the training loop provides it, ``report["gradients"]`` [∂C/∂W, …]."""
        pairs = report.get("weights")
        if pairs:
            self.update_snapshot([w for w, _ in pairs], report.get("gradients"), report.get("epoch"))
