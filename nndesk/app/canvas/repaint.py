"""Spreading the edge bundles' redraws over several paints, so no one paint blocks the window for long.

New weights make every bundle redraw its cached picture.  Done in one paint
that costs the sum — 20–45 ms for 784-800-10 on the development machine —
and the window cannot answer meanwhile (the draw pad stutters, timers fire
late).  ``RepaintQueue`` invalidates bundles in order until about ``BUDGET``
lines' worth and leaves the rest for a paint ``SPACING_MS`` later, so a paint
redraws at most one big bundle.  A toy network's bundles fit in one paint.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer

from nndesk.app.canvas.edge_bundle import EdgeBundle

BUDGET = 200  # lines stroked per paint (~5 ms)
SPACING_MS = 15  # between two paints: room for input events and timers


class RepaintQueue(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting: list[EdgeBundle] = []
        self._timer = QTimer(self, singleShot=True, interval=SPACING_MS)
        self._timer.timeout.connect(self._next)

    def request(self, bundles: Iterable[EdgeBundle]) -> None:
        """Redraw these bundles soon; one already waiting keeps its place."""
        self._waiting += [b for b in bundles if all(b is not w for w in self._waiting)]
        if not self._timer.isActive():
            self._next()

    def clear(self) -> None:
        """Forget the waiting bundles (the scene is about to delete them)."""
        self._waiting.clear()
        self._timer.stop()

    def pending(self) -> int:
        return len(self._waiting)

    def _next(self) -> None:
        lines = 0
        while self._waiting and (lines == 0 or lines + self._waiting[0].n_drawn <= BUDGET):
            bundle = self._waiting.pop(0)
            bundle.update()
            lines += bundle.n_drawn
        if self._waiting:
            self._timer.start()
