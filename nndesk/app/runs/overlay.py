"""Two to four runs' curves on one axis: cost on the left plot, validation accuracy on the right, η marks.

Each run keeps one colour and one line style in both plots (Okabe–Ito hues,
lighter on a dark palette, and solid / dashed / dotted / dash-dotted lines, so
runs stay apart for a colour-blind student and on a grey projector).  Where η
was changed during a run, a vertical line of the run's colour and style
carries the new η, written as the slider writes it, as in the cost plot;
runs' labels sit at different heights so two marks at one epoch stay legible.
The x axis counts each run's own epochs, so runs overlay from their start.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QWidget

from nndesk.app.style.eta_text import eta_text
from nndesk.app.style.theme import hues, is_dark, plot_colors
from nndesk.app.widgets.locale_axis import locale_axes
from nndesk.engine.runs.run_log import RunRecord

PEN_STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine)
HUES = ("blue", "orange", "green", "purple")


def run_styles(n: int, dark: bool) -> list[tuple[QColor, Qt.PenStyle]]:
    """The pens of the first ``n`` shown runs: a hue and a line style each."""
    hue = hues(dark)
    return [(hue[HUES[i % 4]], PEN_STYLES[i % 4]) for i in range(n)]


def _series(record: RunRecord, key: str, scale: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """(epochs, values) of one curve; a missing value (no validation set) is NaN: a gap, not a zero."""
    x = np.array([e["epoch"] for e in record.history], dtype=float)
    y = np.array([np.nan if e[key] is None else scale * e[key] for e in record.history], dtype=float)
    return x, y


def _axes() -> dict:
    return {side: axis for side, axis in locale_axes().items() if side in ("left", "bottom")}


class RunsOverlay(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runsOverlay")
        # (only the axes shown: PlotItem shows every axis it is given, and plots other keywords as data)
        self.cost_plot = pg.PlotWidget(axisItems=_axes())
        self.accuracy_plot = pg.PlotWidget(axisItems=_axes())
        self.cost_plot.setObjectName("runsCostPlot")
        self.accuracy_plot.setObjectName("runsAccuracyPlot")
        self.accuracy_plot.setXLink(self.cost_plot)
        for plot in (self.cost_plot, self.accuracy_plot):
            plot.setMinimumSize(160, 120)
            plot.getPlotItem().setMenuEnabled(False)
            plot.getPlotItem().hideButtons()
        self.accuracy_plot.setYRange(0, 100, padding=0.02)
        self.accuracy_plot.getPlotItem().vb.setLimits(yMin=-5, yMax=105)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.cost_plot)
        layout.addWidget(self.accuracy_plot)
        self.records: list[RunRecord] = []
        self._drawn: list[tuple[int, list]] = []  # (id, η marks) of the runs drawn, to know when to redraw
        self.curves: list[tuple[pg.PlotDataItem, pg.PlotDataItem]] = []  # (cost, accuracy) per shown run
        self.markers: list[pg.InfiniteLine] = []  # on the cost plot, labelled; each has .run_id, .eta
        self._lines: list[pg.InfiniteLine] = []  # the same places on the accuracy plot
        self.apply_colors()
        self.retranslate()

    def show_runs(self, records: list[RunRecord]) -> None:
        """Draw these runs (their order gives their colours), replacing what was shown.

        The same runs again (a running one has new epochs) only get their curves' new data: making
        plot items is what costs, four times a second while a ticked run trains.
        """
        drawn = [(r.id, r.eta_marks()) for r in records]
        if drawn == self._drawn and len(self.curves) == len(records):
            for record, (cost, accuracy) in zip(records, self.curves):
                cost.setData(*_series(record, "train_cost"), connect="finite")
                accuracy.setData(*_series(record, "val_accuracy", 100.0), connect="finite")
            return
        self._drawn = drawn
        self.records = list(records)
        for plot, items in ((self.cost_plot, [c for c, _ in self.curves] + self.markers),
                            (self.accuracy_plot, [a for _, a in self.curves] + self._lines)):
            for item in items:
                plot.removeItem(item)
        self.curves, self.markers, self._lines = [], [], []
        for i, (record, (color, style)) in enumerate(zip(self.records, self.styles())):
            pen = pg.mkPen(color, width=2.5, style=style)
            self.curves.append((self.cost_plot.plot(*_series(record, "train_cost"), pen=pen, connect="finite"),
                                self.accuracy_plot.plot(*_series(record, "val_accuracy", 100.0), pen=pen,
                                                        connect="finite")))
            for at, eta in record.eta_marks():
                self._add_marker(i, record.id, at, eta, color, style)
        for plot in (self.cost_plot, self.accuracy_plot):
            plot.getPlotItem().vb.enableAutoRange(x=True, y=plot is self.cost_plot)
        self.accuracy_plot.setYRange(0, 100, padding=0.02)

    def styles(self) -> list[tuple[QColor, Qt.PenStyle]]:
        return run_styles(len(self.records), is_dark(self.palette()))

    def _add_marker(self, i: int, run_id: int, at: float, eta: float, color: QColor, style: Qt.PenStyle) -> None:
        pen = pg.mkPen(color, width=1.5, style=style)
        behind = QColor(plot_colors(self.palette()).background)
        behind.setAlpha(220)  # the label reads over a curve that passes behind it
        line = pg.InfiniteLine(pos=at, angle=90, movable=False, pen=pen, label=eta_text(eta),
                               labelOpts={"position": 0.92 - 0.16 * (i % 4), "color": color, "fill": behind,
                                          "anchors": [(0, 0.5), (0, 0.5)]})
        line.run_id, line.eta = run_id, eta
        self.cost_plot.addItem(line, ignoreBounds=True)
        self.markers.append(line)
        twin = pg.InfiniteLine(pos=at, angle=90, movable=False, pen=pen)
        self.accuracy_plot.addItem(twin, ignoreBounds=True)
        self._lines.append(twin)

    def apply_colors(self) -> None:
        c = plot_colors(self.palette())
        for plot in (self.cost_plot, self.accuracy_plot):
            plot.setBackground(c.background)
            for name in ("left", "bottom"):
                plot.getPlotItem().getAxis(name).setPen(c.foreground)
                plot.getPlotItem().getAxis(name).setTextPen(c.foreground)
        if self.records:
            self._drawn = []
            self.show_runs(self.records)  # the hues of this palette

    def retranslate(self) -> None:
        for plot, y in ((self.cost_plot, self.tr("training cost C")),
                        (self.accuracy_plot, self.tr("validation accuracy, %"))):
            plot.getPlotItem().setLabel("bottom", self.tr("epoch of the run"))
            plot.getPlotItem().setLabel("left", y)
        for line in self.markers:  # "0,5" once the language is Russian
            line.label.setFormat(eta_text(line.eta))

    def changeEvent(self, event: QEvent) -> None:
        if hasattr(self, "markers"):
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
            elif event.type() == QEvent.Type.PaletteChange:
                self.apply_colors()
        super().changeEvent(event)
