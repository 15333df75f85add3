"""The window by keyboard: shortcuts for Step, Stop and Reset, keys to reach the canvas and the docks,
visible focus everywhere, and Space that never erases a number field.

``MainWindow`` makes one ``WindowKeys`` when it builds its menus.  The
shortcuts sit on the actions the Training menu already shows, so the menu
lists them.  Step is F10 and Stop Shift+F5, as in a debugger (step, stop);
Reset is Ctrl+R.  The View menu gets "Go to …" entries (Ctrl+1…4) that raise
a dock and put the keyboard focus in it — the Inspector takes the focus
itself, so Tab reaches it as well.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QWidget

from nndesk.app.widgets.focus_ring import FocusRing
from nndesk.app.widgets.number_keys import SpaceIsNotText
from nndesk.app.widgets.tab_bars import WholeTabs

STEP, STOP, RESET = QKeySequence(Qt.Key.Key_F10), QKeySequence("Shift+F5"), QKeySequence("Ctrl+R")


class WindowKeys(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        dock = window.training_dock
        for action, key in ((dock.step_action, STEP), (dock.stop_action, STOP), (dock.reset_action, RESET)):
            action.setShortcut(key)
            window.addAction(action)  # works while the Training dock is hidden too
        window.inspector.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab and Ctrl+2 reach it
        self.goto: list[tuple[QAction, QDockWidget | None, QWidget]] = []
        for n, (target, where) in enumerate(((None, window.canvas), (window.inspector_dock, window.inspector),
                                             (window.draw_dock, window.draw_widget.pad),
                                             (window.backprop_dock, window.backprop)), start=1):
            action = QAction(window, shortcut=QKeySequence(f"Ctrl+{n}"))
            action.triggered.connect(lambda _=False, d=target, w=where: self.go_to(d, w))
            self.goto.append((action, target, where))
        window.view_menu.addSeparator()
        window.view_menu.addActions([a for a, _, _ in self.goto])
        FocusRing.install()
        self.space_keeper = SpaceIsNotText.install(window)
        self.tabs = WholeTabs(window)
        window.installEventFilter(self)
        self.retranslate()

    @staticmethod
    def go_to(dock: QDockWidget | None, widget: QWidget) -> None:
        """Show and raise ``dock`` and give ``widget`` (or the first thing in it that takes keys) the focus."""
        if dock is not None:
            dock.show()
            dock.raise_()
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def retranslate(self) -> None:
        texts = (self.tr("Go to the &network"), self.tr("Go to the &Inspector"), self.tr("Go to the &draw pad"),
                 self.tr("Go to &backpropagation"))
        for (action, _, _), text in zip(self.goto, texts):
            action.setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # getattr: None while a garbage collection tears this object down
        if watched is getattr(self, "window", None) and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False
