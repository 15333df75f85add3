"""The Runs view: the list of every run beside the ticked runs' overlaid cost and accuracy, with a legend.

It reads the session's runs from the ``RunRecorder`` and follows it: a new run
appears at once, a running one's row and curves follow its epochs a few times
a second (a toy set's epochs fly faster than a table should repaint), and
only while the view is shown: behind another tab it catches up when shown.  The
first run ticked is the one the others are compared with: the legend names
what each changed from it ("η 0.1 → 1").
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from nndesk.app.runs.legend import RunsLegend
from nndesk.app.runs.overlay import RunsOverlay
from nndesk.app.runs.recorder import RunRecorder
from nndesk.app.runs.run_table import RunTable
from nndesk.app.runs.texts import DatasetName, legend_texts, outcome_text
from nndesk.engine.runs.run_log import RunRecord

REFRESH_MS = 250  # a running run's row and curves, at most four times a second


class RunsPanel(QWidget):
    def __init__(self, recorder: RunRecorder, dataset_name: DatasetName = str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runsPanel")
        self.recorder, self.dataset_name = recorder, dataset_name
        self.table, self.legend, self.overlay = RunTable(), RunsLegend(), RunsOverlay()
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.legend)
        column.addWidget(self.overlay, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self._sized = False  # the split is set once the panel has its first real width
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self._pending: set[int] = set()
        self._stale = False  # runs trained on while the view was hidden
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_MS, timeout=self._flush)
        recorder.listChanged.connect(self.refresh)
        recorder.runUpdated.connect(self._on_run_updated)
        self.table.tickedChanged.connect(lambda _: self.show_ticked())
        self.table.labelEdited.connect(self._set_label)
        self.table.forgetRequested.connect(recorder.forget)
        self.refresh()

    def records(self) -> list[RunRecord]:
        return self.recorder.log.records

    def ticked(self) -> list[RunRecord]:
        """The ticked runs in the order they were ticked (the first is the one compared with)."""
        return [r for i in self.table.ticked if (r := self.recorder.log.get(i)) is not None]

    def refresh(self) -> None:
        """The whole list again (a run added or forgotten, a session opened, the language changed)."""
        self._pending.clear()
        self.table.set_runs(self.records(), self.dataset_name)
        self.show_ticked()

    def show_ticked(self) -> None:
        shown = self.ticked()
        self.overlay.show_runs(shown)
        styles = self.overlay.styles()
        self.table.set_styles({r.id: style for r, style in zip(shown, styles)})
        texts = legend_texts(shown, self.dataset_name)
        self.legend.show_entries([(c, s, t) for (c, s), t in zip(styles, texts)], len(self.records()))

    def _on_run_updated(self, run_id: int) -> None:
        self._pending.add(run_id)
        if not self._timer.isActive():
            self._timer.start()

    def _flush(self) -> None:
        if not self.isVisible():  # behind the Cost tab: nothing drawn until it shows (training keeps its pace)
            self._stale = True
            return
        records = self.records()
        for i, record in enumerate(records):
            if record.id in self._pending:
                self.table.update_run(record, records[i - 1] if i else None, self.dataset_name)
        if self._pending & set(self.table.ticked):
            self.show_ticked()
        self._pending.clear()

    def _set_label(self, run_id: int, label: str) -> None:
        record = self.recorder.log.get(run_id)
        ended = f" · {outcome_text(record.outcome)}" if record is not None else ""
        label = label[:-len(ended)] if ended != " · " and label.endswith(ended) else label  # as the cell said it
        if record is not None and label != record.label:
            record.label = label[:300]
            self._on_run_updated(run_id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The first time it has a width: the list gets what its columns need (up to half), the plots the rest."""
        super().resizeEvent(event)
        width = self.splitter.width()
        if not self._sized and width > 400:
            self._sized = True
            wanted = self.table.horizontalHeader().length() + self.table.frameWidth() * 2 + 4
            left = min(max(wanted, 360), int(width * 0.5))
            self.splitter.setSizes([left, width - left])

    def changeEvent(self, event: QEvent) -> None:
        if hasattr(self, "overlay") and event.type() in (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange):
            QTimer.singleShot(0, self, self.refresh)  # after the children took the new language or palette
        super().changeEvent(event)
