"""The overlay's legend, as widgets under the plots: each shown run's pen and what it did differently.

Written out of the plots so it never hides a curve, wraps in a narrow dock,
and reads in the palette's own text colour, light or dark.  With fewer than
two runs ticked it says how to compare instead.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from nndesk.app.runs.run_table import MAX_TICKED, line_icon
from nndesk.app.widgets.flow_layout import FlowLayout


class RunsLegend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runsLegend")
        self.flow = FlowLayout(self, spacing=12)
        self.entries: list[QLabel] = []  # the texts, one per shown run
        self.hint = QLabel(wordWrap=True, objectName="runsHint")
        self.flow.addWidget(self.hint)

    def show_entries(self, entries: list[tuple[QColor, Qt.PenStyle, str]], runs_listed: int) -> None:
        """One entry per shown run; the hint says what to do while fewer than two are shown."""
        shown = ([(c.name(), style, text) for c, style, text in entries], runs_listed > 0)
        if shown == getattr(self, "_shown", None):
            return  # the same legend (a ticked run trained on): nothing to rebuild
        self._shown = shown
        while self.flow.count() > 1:
            item = self.flow.takeAt(1)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.entries = []
        for color, style, text in entries:
            entry = QWidget()
            row = QHBoxLayout(entry)
            row.setContentsMargins(0, 0, 0, 0)
            sample = QLabel()
            sample.setPixmap(line_icon(color, style, 32, 12).pixmap(QSize(32, 12)))
            label = QLabel(text)
            row.addWidget(sample)
            row.addWidget(label)
            self.flow.addWidget(entry)
            self.entries.append(label)
        if runs_listed == 0:
            hint = self.tr("Every training run is listed here. Train, change η, train again; then tick both runs "
                           "to compare their curves.")
        elif len(entries) < 2:
            hint = self.tr("Tick 2 to %1 runs in the list to overlay their curves.").replace("%1", str(MAX_TICKED))
        else:
            hint = ""
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.updateGeometry()
