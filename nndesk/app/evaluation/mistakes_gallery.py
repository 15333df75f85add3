"""Every misclassified digit as a 28×28 tile, with "true → answered, confidence" under it.

The tiles are what the network was fed (white ink on black, as the draw
dock's preview shows it), the surest mistakes first: a 4 read as a 9 with
99 % is the interesting one.  Hovering a tile shows the three likeliest
answers; clicking it (or Enter on the tile the arrow keys reached) asks for
that digit as the current sample (``mistakeClicked`` with the sample's index
in the evaluated data).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLocale, Qt, Signal
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
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def keyPressEvent(self, event) -> None:
        """Arrows move the selection over the tiles (up and down by a row), Enter opens the selected one."""
        n, key = self.count(), event.key()
        columns = max(self._columns, 1)
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -columns, Qt.Key.Key_Down: columns}
        if n and key in steps:
            # the first press selects the first tile; then each moves, stopping at the ends
            self.selected = 0 if self.selected is None else min(max(self.selected + steps[key], 0), n - 1)
            self._scroll_to(self.selected)
            self.viewport().update()
        elif n and self.selected is not None and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.tileClicked.emit(self.selected)
        else:
            super().keyPressEvent(event)

    def _scroll_to(self, k: int) -> None:
        rect, bar = self.tile_rect(k), self.verticalScrollBar()
        if rect.top() < 0:
            bar.setValue(bar.value() + rect.top() - 6)
        elif rect.bottom() > self.viewport().height():
            bar.setValue(bar.value() + rect.bottom() - self.viewport().height() + 24)

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
