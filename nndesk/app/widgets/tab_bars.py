"""Tabs of tabbed docks that are never cut: whole titles, scroll arrows when they don't fit, tooltips.

``QMainWindow`` makes a tab bar for each group of tabbed docks and elides
titles that don't fit ("Функция стоимости оши…" at 1024×768).  ``WholeTabs``
watches a window for new tab bars and sets each to show every title whole,
with scroll arrows when the bar is too narrow (as a browser does), and the
title as each tab's tooltip.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QTabBar, QWidget


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
        self.apply()

    def apply(self) -> None:
        self._pending = False
        if not shiboken6.isValid(self.window):
            return  # closed before the deferred call came
        for bar in self.window.findChildren(QTabBar):
            if bar.window() is self.window:
                make_whole(bar)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ChildAdded, QEvent.Type.LayoutRequest, QEvent.Type.LanguageChange) \
                and not self._pending:
            self._pending = True  # once per burst of layout events
            QTimer.singleShot(0, self.apply)
        return False
