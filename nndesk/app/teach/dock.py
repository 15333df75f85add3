"""The Teach dock: the panel in a dock of its own (``teachDock``), titled in the UI's language."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDockWidget, QWidget

from nndesk.app.teach.panel import TeachPanel


class TeachDock(QDockWidget):
    def __init__(self, panel: TeachPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teachDock")  # saveState() finds docks by name
        self.setWidget(panel)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Teach"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
