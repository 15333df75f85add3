"""Every misclassified digit as a 28×28 tile, with "true → answered, confidence" under it.

The tiles are what the network was fed (white ink on black, as the draw
dock's preview shows it), the surest mistakes first: a 4 read as a 9 with
99 % is the interesting one.  Hovering a tile shows the three likeliest
answers; clicking it asks for that digit as the current sample
(``mistakeClicked`` with the sample's index in the evaluated data).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QWidget

from nndesk.app.widgets.tile_grid import TileGrid
from nndesk.engine.runs.evaluation import Evaluation


class MisclassifiedGallery(TileGrid):
    mistakeClicked = Signal(int)  # the sample's index in the evaluated data

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("misclassifiedGallery")
        self._result: Evaluation | None = None
        self.shown = np.zeros(0, np.int64)  # the sample index of each tile, in order
        self.tooltip = self._tooltip
        self.label = self._label
        self.tileClicked.connect(lambda k: self.mistakeClicked.emit(int(self.shown[k])))

    def set_mistakes(self, result: Evaluation | None, shown: np.ndarray, pixels: np.ndarray | None) -> None:
        """Show the samples ``shown`` (indices into ``result``) with their ``pixels`` (n, h, w) in 0..1."""
        self._result, self.shown = result, np.asarray(shown, np.int64)
        if pixels is None or not len(self.shown):
            self.set_tiles(np.zeros((0, 28, 28, 3), np.uint8))
            return
        gray = np.clip(np.rint(np.asarray(pixels, np.float32) * 255), 0, 255).astype(np.uint8)
        self.set_tiles(np.repeat(gray[..., None], 3, axis=-1))

    def index_of(self, sample: int) -> int | None:
        """The tile showing sample ``sample``, if it is shown."""
        hits = np.flatnonzero(self.shown == sample)
        return int(hits[0]) if len(hits) else None

    def _percent(self, p: float) -> str:
        return self.tr("%1%").replace("%1", QLocale().toString(round(100 * p)))

    def _label(self, k: int) -> str:
        if self._result is None or k >= len(self.shown):
            return ""
        i = int(self.shown[k])
        r = self._result
        return f"{r.labels[i]} → {r.predicted[i]}  {self._percent(r.confidence[i])}"

    def _tooltip(self, k: int) -> str:
        if self._result is None or k >= len(self.shown):
            return ""
        i = int(self.shown[k])
        top = ", ".join(f"{c}: {self._percent(p)}" for c, p in self._result.top(i))
        return (self.tr("A %1 the network read as %2. Its three likeliest answers: %3. Click to follow it "
                        "through the network.")
                .replace("%1", str(self._result.labels[i])).replace("%2", str(self._result.predicted[i]))
                .replace("%3", top))
