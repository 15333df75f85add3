"""Tabs of tabbed docks that are never cut: whole titles, scroll arrows when they don't fit, tooltips.

``QMainWindow`` makes a tab bar for each group of tabbed docks and elides
titles that don't fit ("Функция стоимости оши…" at 1024×768).  ``WholeTabs``
watches a window for new tab bars and sets each to show every title whole,
with scroll arrows when the bar is too narrow (as a browser does), and the
title as each tab's tooltip.  It listens for what changes tab bars — a new
child of the window, a dock moved or floated, the language — and not for
every layout request: the window gets several a second while training runs,
and a Python filter there took the GIL from the training thread often enough
to slow digits training in the window 1.6× (``bench_gui_responsiveness.py``).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QTabBar, QWidget


def make_whole(bar: QTabBar) -> None:
    bar.setElideMode(Qt.TextElideMode.ElideNone)
    bar.setUsesScrollButtons(True)
    for i in range(bar.count()):
        bar.setTabToolTip(i, bar.tabText(i))


class WholeTabs(QObject):
    """Keep every tab bar under ``window`` whole (tab bars come and go as docks are tabbed)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self._pending = False
        window.installEventFilter(self)
        for dock in window.findChildren(QDockWidget):
            dock.dockLocationChanged.connect(self._soon)
            dock.topLevelChanged.connect(self._soon)
            dock.visibilityChanged.connect(self._soon)
        self.apply()

    def apply(self) -> None:
        self._pending = False
        if not shiboken6.isValid(self.window):
            return  # closed before the deferred call came
        for bar in self.window.findChildren(QTabBar):
            if bar.window() is self.window:
                make_whole(bar)

    def _soon(self, *_) -> None:
        if not self._pending:
            self._pending = True  # once per burst of changes
            QTimer.singleShot(0, self, self.apply)  # (dropped if this goes first)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ChildAdded, QEvent.Type.LanguageChange) and "_pending" in vars(self):
            self._soon()
        return False
