"""The cost curves: training and validation cost per epoch, accuracy, per-batch cost, η changes.

Built like pyqtgraph's ``scrollingPlots``/``PlotSpeedTest`` examples: every
curve is created once, data goes into numpy buffers that double when full,
and a QTimer redraws with ``setData`` on slices soon after an epoch but at
most twice a second, however fast epochs arrive: each redraw costs the GUI
thread 10–15 ms with its paints (pyqtgraph re-ranges and re-ticks the axes
in Python), one late frame each (``bench_gui_responsiveness``).  The view
follows the data in steps (``plot_range``), so most redraws leave the axes as
they were; once the student pans or zooms, it stays where they put it until
"Show everything".  Peak downsampling and
clip-to-view keep long runs cheap.  Validation accuracy has its own view box on the right axis, so
the log-y toggle bends only the cost.  A dashed vertical line, labelled with
the new η, marks each place where the learning rate changed; a dotted one, "new network", each place
where an edit (a neuron, a layer, an activation) changed the network between two epochs, since the
epochs go on counting across it.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from pyqtgraph.exporters import CSVExporter, ImageExporter
from PySide6.QtCore import QElapsedTimer, QEvent, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from nndesk.app.style.eta_text import eta_text
from nndesk.app.style.theme import plot_colors
from nndesk.app.views.plot_range import Box, stepped_box
from nndesk.app.views.row_buffer import RowBuffer
from nndesk.app.widgets.locale_axis import locale_axes
from nndesk.engine.core.reports import BatchReport
from nndesk.engine.core.training import EpochStats

REDRAW_MS = 33  # after an epoch, drawn this soon…
MIN_GAP_MS = 500  # …but at most twice a second: each redraw holds the GUI thread for a frame
BATCH_REDRAW_MS = 500  # the faint per-batch trace alone


class _AllCurvesCSV(CSVExporter):
    """pyqtgraph's CSV exporter, plus the accuracy curve that lives in the second view box."""

    def __init__(self, plot_item: pg.PlotItem, extra: list[pg.PlotDataItem]) -> None:
        super().__init__(plot_item)
        self.params["columnMode"] = "(x,y) per plot"
        self._extra = extra

    def export(self, fileName: str | None = None) -> None:  # noqa: N803 - pyqtgraph's name
        for item in self._extra:
            self._exportPlotDataItem(item)
        super().export(fileName)


class LossPlot(pg.PlotWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems=locale_axes())
        self.setObjectName("lossPlot")
        self.setMinimumHeight(160)
        plot = self.getPlotItem()
        plot.setDownsampling(auto=True, mode="peak")
        plot.setClipToView(True)
        # No grid: pyqtgraph draws it with the axes, and repainting those each frame costs training time.
        self.legend = plot.addLegend(offset=(-10, 10))
        self.epochs, self.batches = RowBuffer(4), RowBuffer(2)  # epoch, train, val, acc% | x, cost
        self._last_batch = (0, 0)  # (epoch, batch) of the last batch report
        self.batch_curve = plot.plot(name="batch")
        self.train_curve = plot.plot(name="train", symbol="o", symbolSize=4)
        self.val_curve = plot.plot(name="val", connect="finite")
        self.accuracy_view = pg.ViewBox(enableMouse=False, enableMenu=False)
        self.accuracy_view.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks reach the cost's view box
        plot.showAxis("right")
        plot.scene().addItem(self.accuracy_view)
        plot.getAxis("right").linkToView(self.accuracy_view)
        self.accuracy_view.setXLink(plot)
        self.accuracy_view.setYRange(0, 100, padding=0.02)
        self.accuracy_curve = pg.PlotDataItem(name="acc", connect="finite")
        self.accuracy_curve.setDownsampling(auto=True, method="peak")
        self.accuracy_curve.setClipToView(True)
        self.accuracy_view.addItem(self.accuracy_curve)
        plot.vb.sigResized.connect(lambda: self.accuracy_view.setGeometry(plot.vb.sceneBoundingRect()))
        self.lr_markers: list[pg.InfiniteLine] = []
        self.network_markers: list[pg.InfiniteLine] = []
        self._network = ""  # the network that trained the last epoch drawn ("" before one, or in old files)
        self._follow, self._box = True, None  # the view follows the data (in steps) until the student moves it
        plot.vb.disableAutoRange()
        plot.vb.sigRangeChangedManually.connect(self._stop_following)
        self._redraw = QTimer(self, singleShot=True, interval=REDRAW_MS, timeout=self.redraw)
        self._since_redraw = QElapsedTimer()
        self._add_menu_actions()
        self.apply_colors()
        self.retranslate()

    # ---- data in ---------------------------------------------------------------
    def add_epoch(self, stats: EpochStats) -> None:
        """One epoch (of a report, or of a loaded history): a point on each curve, a marker per η change,
        and one where the network that trained it is not the one before."""
        if stats.network and self._network and stats.network != self._network:
            self._add_network_marker(stats.epoch - 1, self._network, stats.network)
        self._network = stats.network or self._network
        self.epochs.append([stats.epoch, stats.train_cost, stats.val_cost, 100 * stats.val_accuracy])
        for x, eta in stats.lr_changes:
            self._add_marker(float(x), float(eta))
        self._schedule()

    def add_batch(self, progress: BatchReport) -> None:
        """A throttled per-batch report: drawn as the faint trace under the epoch curves.

        Its epoch is already the history's (run 2 goes on after run 1).  A run stopped
        mid-epoch leaves a tail past its last finished epoch, and the next run trains
        that epoch number again: a report that is not later than the last one starts a
        new segment, which replaces that tail after a gap (NaN), never a line back.
        """
        x = progress.epoch - 1 + progress.batch / max(progress.n_batches, 1)
        b, at = self.batches, (progress.epoch, progress.batch)
        if b.n and at <= self._last_batch:  # (x itself may repeat inside a run: batch size changed mid-epoch)
            kept = np.flatnonzero(b.column(0) <= progress.epoch - 1)  # up to where this run's epoch begins
            b.n = int(kept[-1]) + 1 if kept.size else 0
            b.data[b.n:] = np.nan
            b.append([np.nan, np.nan])  # the gap between the two runs' segments
        b.append([x, progress.cost])
        self._last_batch = at
        self._schedule(BATCH_REDRAW_MS)

    def clear_history(self) -> None:
        """A new network or data set: no curves, no markers, and the axes start over."""
        self.epochs, self.batches = RowBuffer(4), RowBuffer(2)
        for line in (*self.lr_markers, *self.network_markers):
            self.getPlotItem().removeItem(line)
        self.lr_markers.clear()
        self.network_markers.clear()
        self._network = ""
        self._follow, self._box = True, None
        self.getPlotItem().vb.setRange(xRange=(0, 1), yRange=(0, 1), padding=0.02)
        self.redraw()

    def _schedule(self, delay_ms: int = REDRAW_MS) -> None:
        if self._since_redraw.isValid():
            delay_ms = max(delay_ms, MIN_GAP_MS - self._since_redraw.elapsed())
        if not self._redraw.isActive():
            self._redraw.start(delay_ms)
        elif self._redraw.remainingTime() > delay_ms:  # an epoch arrived: draw it sooner
            self._redraw.start(delay_ms)

    def redraw(self) -> None:
        self._since_redraw.start()
        x = self.epochs.column(0)
        self.train_curve.setData(x, self.epochs.column(1))
        self.val_curve.setData(x, self.epochs.column(2))
        self.accuracy_curve.setData(x, self.epochs.column(3))
        self.batch_curve.setData(self.batches.column(0), self.batches.column(1), connect="finite")
        if self._follow:
            xs = np.concatenate([x, self.batches.column(0)])
            costs = np.concatenate([self.epochs.column(1), self.epochs.column(2), self.batches.column(1)])
            self._show(stepped_box(xs, costs, self.log_action.isChecked()))

    def show_everything(self) -> None:
        """Follow the data again (after the student panned or zoomed)."""
        self._follow, self._box = True, None
        self.redraw()

    def _show(self, box: Box | None) -> None:
        if box is not None and box != self._box:  # a step was crossed: only now do the axes change
            self._box = box
            self.getPlotItem().vb.setRange(xRange=box[0], yRange=box[1], padding=0.02)

    def _stop_following(self, *_: object) -> None:
        self._follow = False

    def _add_marker(self, x: float, eta: float) -> None:
        label = eta_text(eta)  # written as the slider writes it
        line = pg.InfiniteLine(pos=x, angle=90, movable=False, label=label,
                               labelOpts={"position": 0.5, "anchors": [(0, 0), (0, 0)]})
        line.eta = eta
        self.getPlotItem().addItem(line, ignoreBounds=True)
        self.lr_markers.append(line)
        self._color_marker(line)

    def _add_network_marker(self, x: float, before: str, after: str) -> None:
        line = pg.InfiniteLine(pos=x, angle=90, movable=False, label=" ",
                               labelOpts={"position": 0.92, "anchors": [(0, 0), (0, 0)]})
        line.networks = (before, after)
        self.getPlotItem().addItem(line, ignoreBounds=True)
        self.network_markers.append(line)
        self._name_network_marker(line)
        self._color_marker(line, Qt.PenStyle.DotLine)

    def _name_network_marker(self, line: pg.InfiniteLine) -> None:
        """Its label says that the network changed; its tooltip, from what to what."""
        line.label.setFormat(self.tr("new network"))
        tip = self.tr("The network was edited here: the epochs after this line trained another network.\n"
                      "before: %1\nafter: %2").replace("%1", line.networks[0]).replace("%2", line.networks[1])
        line.setToolTip(tip)
        line.label.setToolTip(tip)

    # ---- look --------------------------------------------------------------------
    def apply_colors(self) -> None:
        """Colour everything from the palette in force (light or dark)."""
        c = plot_colors(self.palette())
        self.setBackground(c.background)
        plot = self.getPlotItem()
        for name in ("left", "bottom", "right"):
            axis = plot.getAxis(name)
            axis.setPen(c.accuracy if name == "right" else c.foreground)
            axis.setTextPen(c.accuracy if name == "right" else c.foreground)
        self.legend.setLabelTextColor(c.foreground)
        self.train_curve.setPen(pg.mkPen(c.train, width=2))
        self.train_curve.setSymbolBrush(c.train)
        self.train_curve.setSymbolPen(c.train)
        self.val_curve.setPen(pg.mkPen(c.validation, width=2))
        self.accuracy_curve.setPen(pg.mkPen(c.accuracy, width=1.5, style=Qt.PenStyle.DashLine))
        self.batch_curve.setPen(pg.mkPen(c.batch, width=1))
        for line in self.lr_markers:
            self._color_marker(line)
        for line in self.network_markers:
            self._color_marker(line, Qt.PenStyle.DotLine)

    def _color_marker(self, line: pg.InfiniteLine, style: Qt.PenStyle = Qt.PenStyle.DashLine) -> None:
        color = plot_colors(self.palette()).marker
        line.setPen(pg.mkPen(color, width=1.5 if style == Qt.PenStyle.DotLine else 1, style=style))
        line.label.setColor(color)

    def set_log_y(self, on: bool) -> None:
        self.getPlotItem().setLogMode(y=on)
        self.getPlotItem().getAxis("right").setLogMode(False)  # accuracy stays linear, 0–100 %
        self.log_action.setChecked(on)
        self._box = None
        self.redraw()

    # ---- menu, language -------------------------------------------------------------
    def _add_menu_actions(self) -> None:
        """A short right-click menu of our own, in the UI's language, instead of pyqtgraph's expert one."""
        self.menu = QMenu(self)
        self.view_all_action = QAction(self, triggered=self.show_everything)
        self.log_action = QAction(self, checkable=True, toggled=self.set_log_y)
        self.png_action = QAction(self, triggered=lambda: self._export("png"))
        self.csv_action = QAction(self, triggered=lambda: self._export("csv"))
        self.menu.addActions([self.view_all_action, self.log_action])
        self.menu.addSeparator()
        self.menu.addActions([self.png_action, self.csv_action])
        self.getPlotItem().vb.raiseContextMenu = lambda ev: self.menu.popup(ev.screenPos().toPoint())

    def export(self, path: str) -> None:
        """Write the plot as PNG or its curves as CSV, chosen by the file's extension."""
        if path.lower().endswith(".csv"):
            _AllCurvesCSV(self.getPlotItem(), [self.accuracy_curve]).export(path)
        else:
            ImageExporter(self.getPlotItem()).export(path)

    def _export(self, kind: str) -> None:
        what = self.tr("PNG image (*.png)") if kind == "png" else self.tr("CSV table (*.csv)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the cost plot"), f"cost.{kind}", what)
        if path:
            self.export(path)

    def retranslate(self) -> None:
        plot = self.getPlotItem()
        plot.setLabel("bottom", self.tr("epoch"))
        plot.setLabel("left", self.tr("cost C"))
        plot.setLabel("right", self.tr("validation accuracy, %"))
        self.legend.clear()
        for curve, name in ((self.train_curve, self.tr("training cost")),
                            (self.val_curve, self.tr("validation cost")),
                            (self.accuracy_curve, self.tr("validation accuracy")),
                            (self.batch_curve, self.tr("mini-batch cost"))):
            curve.opts["name"] = name
            self.legend.addItem(curve, name)
        self.view_all_action.setText(self.tr("Show everything"))
        self.log_action.setText(self.tr("Logarithmic cost axis"))
        self.png_action.setText(self.tr("Export as PNG…"))
        self.csv_action.setText(self.tr("Export as CSV…"))
        for line in self.lr_markers:  # "0,012" once the language is Russian
            line.label.setFormat(eta_text(line.eta))
        for line in self.network_markers:
            self._name_network_marker(line)

    def close(self) -> bool:
        """pyqtgraph tears the scene down here: no redraw may run after it."""
        self._redraw.stop()
        self._redraw.timeout.disconnect()
        return super().close()

    def changeEvent(self, event: QEvent) -> None:
        if not hasattr(self, "log_action") or self.getPlotItem() is None:  # still in __init__, or closed
            pass
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.apply_colors()
        super().changeEvent(event)
