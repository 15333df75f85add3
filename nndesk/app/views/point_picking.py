"""Clicks on the decision-boundary plot as point edits: left adds at the spot, right removes the nearest.

A filter on the plot's viewport turns a mouse press inside the data area into
plane coordinates (the network's inputs x₁, x₂) and says so; it edits nothing
itself: the window decides (it may refuse while training runs) and pushes an
undoable command.  "Nearest" is measured in pixels on screen, not in data
units, so a point is as easy to hit along a stretched axis as along the other.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal

RADIUS_PX = 8  # a right click this close to a point's centre removes it


def nearest_within(points: np.ndarray, at: tuple[float, float], pixel: tuple[float, float],
                   radius_px: float = RADIUS_PX) -> int | None:
    """Index of the point of ``points`` (n, 2) nearest to ``at``, if within ``radius_px`` pixels.

    ``pixel`` is the data size of one pixel along x and y (``ViewBox.viewPixelSize``).
    """
    if not len(points):
        return None
    d2 = ((points[:, 0] - at[0]) / pixel[0]) ** 2 + ((points[:, 1] - at[1]) / pixel[1]) ** 2
    i = int(np.argmin(d2))
    return i if d2[i] <= radius_px**2 else None


class PointPicker(QObject):
    """Mouse presses on ``plot`` while enabled → ``addRequested(x₁, x₂)`` or ``removeRequested(index)``."""

    addRequested = Signal(float, float)
    removeRequested = Signal(int)

    def __init__(self, plot: pg.PlotWidget, points: Callable[[], np.ndarray]) -> None:
        super().__init__(plot)
        self._plot, self._points, self.enabled = plot, points, False
        plot.viewport().installEventFilter(self)

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        cursor = Qt.CursorShape.CrossCursor if enabled else Qt.CursorShape.ArrowCursor
        self._plot.viewport().setCursor(cursor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        plot = getattr(self, "_plot", None)  # None while a garbage collection tears this object down
        if plot is None or not self.enabled or event.type() != QEvent.Type.MouseButtonPress:
            return False
        if watched is not plot.viewport():
            return False
        box = plot.getViewBox()
        scene = plot.mapToScene(event.position().toPoint())
        if not box.sceneBoundingRect().contains(QPointF(scene)):
            return False  # on the axes
        at = box.mapSceneToView(QPointF(scene))
        if event.button() == Qt.MouseButton.LeftButton:
            self.addRequested.emit(at.x(), at.y())
            return True
        if event.button() == Qt.MouseButton.RightButton:
            index = nearest_within(self._points(), (at.x(), at.y()), box.viewPixelSize())
            if index is not None:
                self.removeRequested.emit(index)
            return True
        return False
