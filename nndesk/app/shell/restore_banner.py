"""After a crash: "restore the session autosaved at 14:05?" — inline, above the canvas, never a dialog.

A dialog at start-up would stand between the student and the window, and the question is not
urgent: the recovered session waits in its file until Restore or Discard is clicked (a clean exit
in between keeps it, and the next start asks again).  Styled like the divergence banner.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from nndesk.engine.runs.session_io import SessionInfo


class RestoreBanner(QFrame):
    restoreRequested = Signal()
    discardRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.messageLabel = QLabel(objectName="restoreMessage", wordWrap=True)
        self.restoreButton = QPushButton(objectName="restoreSessionButton")
        self.discardButton = QPushButton(objectName="discardSessionButton")
        column = QVBoxLayout(self)
        column.addWidget(self.messageLabel)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.restoreButton)
        row.addWidget(self.discardButton)
        column.addLayout(row)
        self.restoreButton.clicked.connect(self.restoreRequested)
        self.discardButton.clicked.connect(self.discardRequested)
        self.info: SessionInfo | None = None
        self.dataset = ""
        self.hide()

    def offer(self, info: SessionInfo | None, dataset: str = "") -> None:
        """Show the question about the session ``info`` describes (None: a file too damaged to describe);
        ``dataset`` is its data set as the picker names it."""
        self.info, self.dataset = info, dataset or (Path(info.dataset).name if info else "")
        self._retranslate()
        self.show()

    def _retranslate(self) -> None:
        info = self.info
        if info is None:
            self.messageLabel.setText(self.tr(
                "nndesk did not close properly last time. It left an autosaved session, but the file looks "
                "damaged; Restore says what is wrong with it."))
        else:
            text = self.tr("nndesk did not close properly last time. Restore the session it saved automatically "
                           "at %1: the network trained %3 epochs on %2, with its settings and layout?")
            self.messageLabel.setText(text.replace("%1", _when(info.saved)).replace("%2", self.dataset or "?")
                                      .replace("%3", str(info.epochs)))
        self.restoreButton.setText(self.tr("Restore"))
        self.discardButton.setText(self.tr("Discard"))
        self.restoreButton.setToolTip(self.tr("Open the autosaved session, as File ▸ Open session… would"))
        self.discardButton.setToolTip(self.tr("Delete the autosaved session and go on with this window as it is"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _when(saved: str) -> str:
    """The save's time in the UI's locale (a date too unless it was today); the raw text if unreadable."""
    try:
        when = datetime.fromisoformat(saved)
    except ValueError:
        return saved or "?"
    locale = QLocale()
    fmt = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if when.date() != datetime.now().date():
        fmt = locale.dateFormat(QLocale.FormatType.ShortFormat) + " " + fmt
    return locale.toString(when, fmt)
