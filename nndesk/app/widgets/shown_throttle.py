"""Redraw a costly view at most once per interval, and only while the student can see it.

Training changes the weights many times a second.  A view whose redraw costs
milliseconds (histograms of 627,200 weights, 800 weight pictures) would eat
the GUI thread if it followed every change, and a background tab would do
that work for nobody.  ``ShownThrottle`` runs the redraw at once when it has
not run for ``interval_ms`` (leading edge, so a single edit shows at once),
otherwise once when the interval is over (trailing edge, with the newest
data); while the widget is hidden it only remembers that a redraw is due and
runs it when the widget is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class ShownThrottle(QObject):
    def __init__(self, widget: QWidget, redraw: Callable[[], None], interval_ms: int = 1000) -> None:
        super().__init__(widget)
        self._widget, self._redraw, self._interval = widget, redraw, interval_ms
        self._due = False
        self._since = QElapsedTimer()
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._run_if_due)
        widget.installEventFilter(self)

    def request(self) -> None:
        """Something changed: redraw now, at the end of the interval, or when shown."""
        self._due = True
        self._run_if_due()

    def pending(self) -> bool:
        """A redraw is due and has not run yet."""
        return self._due

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # getattr: None while a garbage collection tears this object down
        if watched is getattr(self, "_widget", None) and event.type() == QEvent.Type.Show:
            QTimer.singleShot(0, self, self._run_if_due)  # once the widget is really on screen
        return False

    def _run_if_due(self) -> None:
        if not self._due or not self._widget.isVisible():
            return
        wait = self._interval - self._since.elapsed() if self._since.isValid() else 0
        if wait > 0:
            if not self._timer.isActive():
                self._timer.start(wait)
            return
        self._due = False
        self._since.start()
        self._redraw()
