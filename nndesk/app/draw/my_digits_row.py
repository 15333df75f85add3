"""Under the pad: "Add to my digits" and how many of each digit the student has drawn so far.

The row knows nothing of where the drawings go: the dock turns a click into
``addToMyDigitsRequested`` and the shell stores it and hands the counts back
(``set_counts``).  The counts are a small table, each digit over its count,
because ten "d:n" pairs in a line are hard to scan; a digit with none is
dimmed, so the student sees at a glance which digits still need drawing.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class MyDigitsRow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button = QPushButton(self, objectName="addToMyDigitsButton")
        self.count_label = QLabel(self, objectName="myDigitsCount")
        self._counts = np.zeros(10, np.int64)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.count_label, 1)
        self.retranslate()

    def counts(self) -> np.ndarray:
        return self._counts.copy()

    def set_counts(self, counts: np.ndarray) -> None:
        """How many drawings of each digit 0..9 the personal set holds."""
        self._counts = np.asarray(counts, np.int64).reshape(10).copy()
        self._show_counts()

    def _show_counts(self) -> None:
        dim = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text).name()
        pad = "padding: 0 1px"
        digits = "".join(f"<td align='center' style='{pad}{'' if n else f'; color: {dim}'}'>{d}</td>"
                         for d, n in enumerate(self._counts))
        counts = "".join(f"<td align='center' style='{pad}'><b>{n}</b></td>" if n else
                         f"<td align='center' style='{pad}; color: {dim}'>0</td>" for n in self._counts)
        mine = self.tr("My digits:")
        head = f"<td style='padding-right: 4px'>{mine}</td>"
        self.count_label.setText(f"<table cellspacing='1' cellpadding='1'><tr><td></td>{digits}</tr>"
                                 f"<tr>{head}{counts}</tr></table>")
        plain = ", ".join(f"{d}: {n}" for d, n in enumerate(self._counts))
        self.count_label.setToolTip(self.tr("My digits drawn so far, %1 in all — %2")
                                    .replace("%1", str(int(self._counts.sum()))).replace("%2", plain))
        self.count_label.setAccessibleName(self.count_label.toolTip())

    def retranslate(self) -> None:
        self.button.setText(self.tr("Add to my digits"))
        self.button.setToolTip(self.tr("Keep this drawing with the digit chosen in “It is a”, in your own set "
                                       "of digits (to train on, and to see in My digits)"))
        self._show_counts()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._show_counts()
