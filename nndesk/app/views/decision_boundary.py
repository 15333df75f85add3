"""What a 2-input network answers everywhere in the plane, under the data points (like TensorFlow Playground).

Every point of a 100×100 grid over the data is fed forward at once (10,000
rows through a small network: well under a millisecond), and the output is
shown as an image: orange for class 0, blue for class 1, pale where the
network hesitates.  The data points sit on top in the same colours, so a
student sees the boundary bend around them epoch after epoch.  When the data
set may be edited (``set_editable``), a class chooser sits above the plot and
clicks become point edits (``point_picking``): left adds, right removes.

The plot is square (one unit is as long across as up) and its axes are the
data's range plus a small margin, wherever the panel is and whatever its
shape: in a wide, flat strip the locked aspect would otherwise stretch XOR's
−1…1 into −9…9.  While training, new weights redraw it at most ~15 times a
second, and only while it is on screen (``ShownThrottle``).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.style.colors import CanvasColors
from nndesk.app.views.class_chooser import ClassChooser
from nndesk.app.views.point_picking import PointPicker
from nndesk.app.widgets.locale_axis import LocaleAxisItem
from nndesk.app.widgets.shown_throttle import ShownThrottle
from nndesk.engine.core.dataset import Dataset

GRID = 100
MARGIN = 0.08  # of the data's span, on each side: the outermost points stay whole
REDRAW_MS = 66
CLASS_COLORS = ("#d55e00", "#0072b2", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442", "#000000")


class DecisionBoundaryView(QWidget):
    addRequested = Signal(float, float, int)  # x₁, x₂ and the chosen class: a left click on the plane
    removeRequested = Signal(int)  # the index of the point a right click was on

    def __init__(self, document: NetworkDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionBoundary")
        self.document = document
        self.x = np.zeros((0, 2), np.float32)
        self.y = np.zeros(0, np.int64)
        self.extent = QRectF(-1.5, -1.5, 3, 3)
        self.values: np.ndarray | None = None  # (GRID, GRID) p(class 1), or (GRID, GRID, 3) RGB for more classes
        axes = {side: LocaleAxisItem(side) for side in ("left", "bottom")}  # "-0,5" in Russian, as elsewhere
        self.plot = pg.PlotWidget(self, axisItems=axes)
        self.plot.setAspectLocked(True)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.getViewBox().disableAutoRange()  # the range is the data's, set in ``set_data``
        self.plot.setMouseEnabled(False, False)  # a fixed picture of the plane, not a map to pan
        self.image = pg.ImageItem()
        self.points = pg.ScatterPlotItem(size=7)
        self.plot.addItem(self.image)
        self.plot.addItem(self.points)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        self.chooser = ClassChooser(CLASS_COLORS, self)
        self.chooser.hide()
        self.picker = PointPicker(self.plot, lambda: self.x)
        self.picker.addRequested.connect(lambda x1, x2: self.addRequested.emit(x1, x2, self.chooser.current()))
        self.picker.removeRequested.connect(self.removeRequested)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # keys 0–9 choose the class to add
        self.setMinimumSize(160, 160)
        self.plot.getViewBox().sigResized.connect(self._place)  # the axes' room is known once laid out
        self._apply_palette()
        self._throttle = ShownThrottle(self, self.refresh, REDRAW_MS)
        document.weightsChanged.connect(self._throttle.request)
        document.architectureChanged.connect(self.refresh)
        self._fit_range()
        self.refresh()

    def set_data(self, x: np.ndarray, y: np.ndarray, margin: float = MARGIN, extent: QRectF | None = None) -> None:
        """The 2-D points (n, 2) and their classes (n,); grid and axes span them plus ``margin`` of their span,
        or ``extent`` if given (an edited set keeps its plane: the axes don't jump at every click)."""
        self.x, self.y = np.asarray(x, np.float32), np.asarray(y).astype(np.int64)
        if extent is not None:
            self.extent = QRectF(extent)
        elif len(self.x):
            lo, hi = self.x.min(axis=0), self.x.max(axis=0)
            pad = margin * np.maximum(hi - lo, 1e-6)
            lo, hi = lo - pad, hi + pad
            self.extent = QRectF(float(lo[0]), float(lo[1]), float(hi[0] - lo[0]), float(hi[1] - lo[1]))
        self._draw_points()
        self._fit_range()
        self.refresh()

    def set_editable(self, n_classes: int | None) -> None:
        """Clicks add points of one of ``n_classes`` classes and remove them; None: a picture only."""
        if n_classes is not None:
            self.chooser.set_classes(n_classes)
        self.chooser.setVisible(n_classes is not None)
        self.picker.set_enabled(n_classes is not None)
        self._place()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.picker.enabled and Qt.Key.Key_0 <= event.key() <= Qt.Key.Key_9:
            self.chooser.choose(event.key() - Qt.Key.Key_0)
            return
        super().keyPressEvent(event)

    def _fit_range(self) -> None:
        e = self.extent
        self.plot.setRange(xRange=(e.left(), e.right()), yRange=(e.top(), e.bottom()), padding=0)

    def sizeHint(self) -> QSize:
        return QSize(420, 420)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        """The plot as large as fits with a square data area, centred; the message (if any) below it.

        The axes take room beside and under the data area, so the plot is that much wider and taller
        than the square (measured from the last layout: it converges once the axes are laid out).
        """
        w, h = self.width(), self.height()
        top = 0 if self.chooser.isHidden() else self.chooser.sizeHint().height()
        self.chooser.setGeometry(QRect(0, 0, w, top))
        below = 0 if self.message.isHidden() else self.message.heightForWidth(w)
        box = self.plot.getViewBox().geometry()
        dw = max(self.plot.width() - round(box.width()), 0) if box.width() > 0 else 0
        dh = max(self.plot.height() - round(box.height()), 0) if box.height() > 0 else 0
        side = max(min(w - dw, h - top - below - dh), 0)
        place = QRect((w - side - dw) // 2, top, side + dw, side + dh)
        if place != self.plot.geometry():
            self.plot.setGeometry(place)
        self.message.setGeometry(QRect(0, h - below, w, below))
        self._fit_range()

    def set_dataset(self, dataset: Dataset) -> None:
        """``set_data`` with a data set's inputs and labels (a 2-input toy set)."""
        self.set_data(dataset.inputs(), dataset.y)

    def grid(self) -> np.ndarray:
        """The (GRID·GRID, 2) inputs fed forward: row ix·GRID + iy is (x[ix], y[iy])."""
        e = self.extent
        xs = np.linspace(e.left(), e.right(), GRID, dtype=np.float32)
        ys = np.linspace(e.top(), e.bottom(), GRID, dtype=np.float32)
        return np.stack(np.meshgrid(xs, ys, indexing="ij"), axis=-1).reshape(-1, 2)

    def refresh(self) -> None:
        """One forward pass of the whole grid; the image follows."""
        net = self.document.network
        if net.sizes[0] != 2:
            self._say(self.tr("The decision boundary needs a network with 2 inputs; this one has {n}.")
                      .format(n=net.sizes[0]))
            self.image.clear()
            self.values = None
            return
        self._say("")
        a = net.feedforward(self.grid())
        if a.shape[1] <= 2:
            p = a[:, 0] if a.shape[1] == 1 else a[:, 1] / np.maximum(a.sum(axis=1), 1e-12)
            self.values = p.reshape(GRID, GRID)
            self.image.setImage(self.values, levels=(0.0, 1.0), lut=self._lut, autoLevels=False)
        else:
            colors = np.array([QColor(c).getRgb()[:3] for c in CLASS_COLORS], np.float32)
            best, sure = a.argmax(axis=1), a.max(axis=1, keepdims=True)
            rgb = self._bg + (colors[best % len(colors)] - self._bg) * (0.25 + 0.5 * sure)
            self.values = rgb.reshape(GRID, GRID, 3)
            self.image.setImage(self.values.astype(np.uint8), levels=(0, 255), autoLevels=False)
        self.image.setRect(self.extent)

    def _say(self, text: str) -> None:
        """A message under the plot, or none; the plot makes room for it."""
        if text != self.message.text() or self.message.isHidden() == bool(text):
            self.message.setText(text)
            self.message.setHidden(not text)
            self._place()

    def _draw_points(self) -> None:
        brushes = [pg.mkBrush(CLASS_COLORS[c % len(CLASS_COLORS)]) for c in self.y.tolist()]
        self.points.setData(pos=self.x, brush=brushes, pen=pg.mkPen(self._outline, width=1))

    def _apply_palette(self) -> None:
        """Lookup table class 0 → background → class 1, and plot colours, from the palette."""
        colors = CanvasColors.from_palette(self.palette())
        bg = colors.background
        self._bg = np.array(bg.getRgb()[:3], np.float32)
        pal = self.palette()  # the points' outline: the lighter of Base and Text, so they stand out in dark too
        self._outline = max(pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text),
                            key=QColor.lightness)
        ends = [np.array(QColor(c).getRgb()[:3], np.float32) for c in CLASS_COLORS[:2]]
        t = np.linspace(-1, 1, 256)[:, None]
        strength = 0.5 * np.abs(t)  # pale near p = ½, never fully saturated: points stay visible
        lut = np.where(t < 0, self._bg + (ends[0] - self._bg) * strength, self._bg + (ends[1] - self._bg) * strength)
        self._lut = lut.astype(np.uint8)
        self.plot.setBackground(bg)
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).setTextPen(colors.text)
            self.plot.getAxis(axis).setPen(colors.muted)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
            self._draw_points()
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.LanguageChange):
            self.refresh()
