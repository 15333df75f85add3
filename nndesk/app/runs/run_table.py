"""The list of runs: number, data, layers, η, epochs, final cost and accuracy, what differed; tick to compare.

A run's row is ticked in its first column (a click on the box, or Space on
the row).  At most ``MAX_TICKED`` curves stay readable on one plot, so with
four ticked the other boxes are disabled and say why in their tooltip: the
student unticks one to choose another; nothing already chosen moves.  The
"what" cell can be edited (double-click, F2): the student's own name for a
run.  Delete (or the right-click menu) forgets the selected runs.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from nndesk.app.runs.texts import DatasetName, value_text, what_text
from nndesk.app.style.eta_text import eta_value
from nndesk.engine.runs.run_log import RunRecord
from nndesk.language import Number

MAX_TICKED = 4
WHAT_WIDTH = 220  # px: a longer "what" is elided (its tooltip has it all), so cost and accuracy stay in view
ID = Qt.ItemDataRole.UserRole
# What a student compares first comes first; the data set and layers, the same in most sessions, come last.
TICK, WHAT, ETA, EPOCHS, COST, ACCURACY, LAYERS, DATA = range(8)
Style = tuple[QColor, Qt.PenStyle]


def line_icon(color: QColor, style: Qt.PenStyle, width: int = 28, height: int = 12) -> QIcon:
    """A short stroke of the run's pen: the row and the curve are seen to belong together."""
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(color, 2.5, style))
    painter.drawLine(1, height // 2, width - 1, height // 2)
    painter.end()
    return QIcon(pixmap)


class RunTable(QTableWidget):
    tickedChanged = Signal(list)  # the ticked runs' ids, in the order they were ticked
    labelEdited = Signal(int, str)  # a run's id, the student's name for it ("" gives the automatic one back)
    forgetRequested = Signal(list)  # ids of the selected runs (Delete)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 8, parent)
        self.setObjectName("runTable")
        self.ticked: list[int] = []
        self._styles: dict[int, Style] = {}
        self._filling = False
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        self.setIconSize(QSize(28, 12))  # the pen sample as drawn, not scaled into a 16 px square
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # fitted to the rows as they change
        header.setStretchLastSection(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.itemChanged.connect(self._on_item_changed)
        # right-click: name the run, forget runs (Delete: only while the list itself has the focus, not its editor)
        self.name_action = QAction(self, triggered=self._name_current)
        self.forget_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.Delete),
                                     shortcutContext=Qt.ShortcutContext.WidgetShortcut, triggered=self._forget_selected)
        self.addActions([self.name_action, self.forget_action])
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.retranslate()

    # ---- rows ------------------------------------------------------------------------------------
    def set_runs(self, records: list[RunRecord], dataset_name: DatasetName = str) -> None:
        """Show these runs (oldest first); ticks of runs still listed stay."""
        at_end = self.verticalScrollBar().value() == self.verticalScrollBar().maximum()
        self._filling = True
        self.setRowCount(len(records))
        for row, record in enumerate(records):
            self._fill(row, record, records[row - 1] if row else None, dataset_name)
        self._filling = False
        kept = [i for i in self.ticked if any(r.id == i for r in records)]
        if kept != self.ticked:
            self.ticked = kept
            self.tickedChanged.emit(list(kept))
        self._refresh_ticks()
        self.fit_columns()
        if at_end:
            self.scrollToBottom()  # a new run shows up where the student looks

    def fit_columns(self) -> None:
        """Each column as wide as its texts, "what" at most ``WHAT_WIDTH``; the data set's takes the rest."""
        for column in range(DATA):
            self.resizeColumnToContents(column)
        self.setColumnWidth(WHAT, min(self.columnWidth(WHAT), WHAT_WIDTH))

    def update_run(self, record: RunRecord, previous: RunRecord | None, dataset_name: DatasetName = str) -> None:
        """One run's row again (a new epoch came in, or it ended)."""
        row = self._row_of(record.id)
        if row is not None:
            self._filling = True
            self._fill(row, record, previous, dataset_name)
            self._filling = False
            self._refresh_ticks(range(row, row + 1))
            for column in range(DATA):  # widen for this row only: refitting every row 4× a second costs
                width = self.sizeHintForIndex(self.model().index(row, column)).width()
                if width > self.columnWidth(column) and (column != WHAT or width <= WHAT_WIDTH):
                    self.setColumnWidth(column, width)

    def _fill(self, row: int, r: RunRecord, previous: RunRecord | None, dataset_name: DatasetName) -> None:
        s, final = r.settings, r.final
        marks = r.eta_marks()
        eta = eta_value(s["learning_rate"]) + (f" → {eta_value(marks[-1][1])}" if marks else "")
        cost, accuracy = final.get("train_cost"), final.get("val_accuracy")
        texts = [str(r.id), what_text(r, previous, dataset_name), eta, str(len(r.history)),
                 "–" if cost is None else f"{Number(cost):.4f}",
                 "–" if accuracy is None else f"{Number(100 * accuracy):.1f} %", value_text("layers", s["layers"]),
                 value_text("dataset", s["dataset"], dataset_name)]
        for column, text in enumerate(texts):
            item = self.item(row, column)
            if item is None:
                item = QTableWidgetItem()
                self.setItem(row, column, item)
            item.setText(text)
            item.setData(ID, r.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | (Qt.ItemFlag.ItemIsEditable if column == WHAT else Qt.ItemFlag.NoItemFlags))
        self.item(row, WHAT).setToolTip(texts[WHAT])
        self.item(row, DATA).setToolTip(texts[DATA])

    def _row_of(self, run_id: int) -> int | None:
        return next((row for row in range(self.rowCount()) if self.item(row, TICK).data(ID) == run_id), None)

    # ---- ticks -------------------------------------------------------------------------------------
    def set_styles(self, styles: dict[int, Style]) -> None:
        """The pen each ticked run is drawn with, shown beside its number."""
        if styles != self._styles:  # (the same pens again while a ticked run trains: nothing to do)
            self._styles = dict(styles)
            self._refresh_ticks()
            self.fit_columns()  # room for the pen samples

    def tick(self, run_id: int, on: bool = True) -> None:
        row = self._row_of(run_id)
        if row is not None:
            self.item(row, TICK).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _refresh_ticks(self, rows: range | None = None) -> None:
        """Boxes show the ticks; with four ticked the others are disabled and say why."""
        self._filling = True
        full = len(self.ticked) >= MAX_TICKED
        for row in range(self.rowCount()) if rows is None else rows:
            item = self.item(row, TICK)
            on = item.data(ID) in self.ticked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            flags = Qt.ItemFlag.ItemIsSelectable
            if on or not full:
                flags |= Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags)
            item.setToolTip(self.tr("Up to %1 runs at once: untick one to choose another").replace(
                "%1", str(MAX_TICKED)) if full and not on else self.tr("Tick to draw this run's curves"))
            style = self._styles.get(item.data(ID)) if on else None
            item.setIcon(line_icon(*style) if style else QIcon())
        self._filling = False

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        run_id = item.data(ID)
        if item.column() == WHAT:
            self.labelEdited.emit(run_id, item.text().strip())
            return
        if item.column() != TICK:
            return
        on = item.checkState() == Qt.CheckState.Checked
        if on and run_id not in self.ticked and len(self.ticked) < MAX_TICKED:
            self.ticked.append(run_id)
        elif not on and run_id in self.ticked:
            self.ticked.remove(run_id)
        self._refresh_ticks()  # (a fifth tick by any other way is put back)
        self.tickedChanged.emit(list(self.ticked))

    # ---- keys, language ------------------------------------------------------------------------------
    def _forget_selected(self) -> None:
        ids = sorted({self.item(i.row(), TICK).data(ID) for i in self.selectedIndexes()})
        if ids:
            self.forgetRequested.emit(ids)

    def _name_current(self) -> None:
        if self.currentRow() >= 0:
            self.editItem(self.item(self.currentRow(), WHAT))

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Run"), self.tr("What"), "η", self.tr("Epochs"), self.tr("Cost"),
                                        self.tr("Accuracy"), self.tr("Layers"), self.tr("Data")])
        tips = {COST: self.tr("Training cost C in the run's last epoch"),
                ACCURACY: self.tr("Validation accuracy after the run's last epoch"),
                ETA: self.tr("η the run started with (→ the last η it was changed to)"),
                WHAT: self.tr("What differs from the run before, and how it ended. Double-click to name it; "
                                "right-click to forget runs")}
        for column, tip in tips.items():
            self.horizontalHeaderItem(column).setToolTip(tip)
        self.name_action.setText(self.tr("Name this run…"))
        self.forget_action.setText(self.tr("Forget the selected runs"))
        self._refresh_ticks()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "ticked"):
            self.retranslate()
        super().changeEvent(event)
