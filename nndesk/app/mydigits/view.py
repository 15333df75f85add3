"""The My digits view: every drawing the student kept, by digit, to relabel, delete, import and export.

Each change is a command on the window's undo stack (``commands``), so a
deletion or a Clear is one Ctrl+Z from coming back; the model saves after
each.  Files are read and written by the engine (``engine.data.my_digits``);
what goes wrong is one line, handed to the window to show (``problem``).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from nndesk.app.mydigits.commands import RelabelDigit, RemoveDigits, ReplaceDigits
from nndesk.app.mydigits.grid import MyDigitsGrid
from nndesk.app.mydigits.model import MyDigitsModel
from nndesk.engine.data.my_digits import MyDigits, MyDigitsError, export_idx, export_npz, import_digits

IMAGES, LABELS = "-images-idx3-ubyte", "-labels-idx1-ubyte"


def idx_paths(chosen: str) -> tuple[Path, Path]:
    """The images and labels files MNIST-style tools look for, from whatever name the student typed."""
    path = Path(chosen)
    gz = ".gz" if path.name.endswith(".gz") else ""
    stem = path.name.removesuffix(".gz")
    for tail in (IMAGES, LABELS, ".idx3-ubyte", ".idx1-ubyte"):
        stem = stem.removesuffix(tail)
    return path.with_name(f"{stem}{IMAGES}{gz}"), path.with_name(f"{stem}{LABELS}{gz}")


class MyDigitsView(QWidget):
    problem = Signal(str, str, str)  # title, what happened (translated), the engine's line

    def __init__(self, model: MyDigitsModel, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myDigitsView")
        self.model, self.undo_stack = model, undo_stack
        self.summary = QLabel(self, objectName="myDigitsSummary", wordWrap=True)
        self.hint = QLabel(self, objectName="myDigitsHint", wordWrap=True)
        self.import_button = QPushButton(self, objectName="importMyDigits", clicked=self.import_dialog)
        self.export_button = QPushButton(self, objectName="exportMyDigits", clicked=self.export_dialog)
        self.delete_button = QPushButton(self, objectName="deleteMyDigit", clicked=self.delete_selected)
        self.clear_button = QPushButton(self, objectName="clearMyDigits", clicked=self.clear)
        self.grid = MyDigitsGrid(self)
        self.grid.relabelRequested.connect(self.relabel)
        self.grid.deleteRequested.connect(self.delete)
        self.grid.selectionChanged.connect(self._enable)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        for button in (self.import_button, self.export_button, self.delete_button, self.clear_button):
            bar.addWidget(button)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addLayout(bar)
        column.addWidget(self.hint)
        column.addWidget(self.grid, 1)
        model.changed.connect(self.refresh)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        self.grid.set_digits(self.model.digits)
        self._enable()
        self._show_summary()

    def _enable(self) -> None:
        n = len(self.model.digits)
        self.export_button.setEnabled(n > 0)
        self.clear_button.setEnabled(n > 0)
        self.delete_button.setEnabled(self.grid.selected_index() is not None)

    # ---- changes (each one undoable) ---------------------------------------------------
    def relabel(self, index: int, label: int) -> None:
        if self.model.digits[index].label != label:
            self.undo_stack.push(RelabelDigit(self.model, self.tr("File a drawing as a %1").replace(
                "%1", str(label)), index, label))

    def delete(self, index: int) -> None:
        self.undo_stack.push(RemoveDigits(self.model, self.tr("Delete a drawing of a %1").replace(
            "%1", str(self.model.digits[index].label)), [index]))

    def delete_selected(self) -> None:
        index = self.grid.selected_index()
        if index is not None:
            self.delete(index)

    def clear(self) -> None:
        if len(self.model.digits):
            self.undo_stack.push(ReplaceDigits(self.model, self.tr("Clear my digits"), MyDigits()))

    # ---- files ------------------------------------------------------------------------------
    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import digits: an .npz (x, y) or an MNIST images file with its labels beside it"), "",
            self.tr("Digits (*.npz *-ubyte *-ubyte.gz);;All files (*)"))
        if path:
            self.import_from(path)

    def import_from(self, path: str | os.PathLike) -> None:
        try:
            new = import_digits(path)
        except MyDigitsError as e:
            self.problem.emit(self.tr("Import failed"), self.tr("These digits could not be imported."), str(e))
            return
        text = self.tr("Import %1 drawings").replace("%1", str(len(new)))
        self.undo_stack.push(ReplaceDigits(self.model, text, MyDigits([*self.model.digits, *new])))

    def export_dialog(self) -> None:
        npz, idx = self.tr("NumPy archive: x, y (*.npz)"), self.tr("MNIST IDX files (*-ubyte *-ubyte.gz)")
        path, kind = QFileDialog.getSaveFileName(self, self.tr("Export my digits"), "my-digits.npz",
                                                 f"{npz};;{idx}")
        if path:
            self.export_to(path, idx=kind == idx and not path.endswith(".npz"))

    def export_to(self, path: str | os.PathLike, idx: bool = False) -> None:
        """Write the set as an .npz (x uint8 (n, 28, 28), y) or as MNIST images and labels files."""
        try:
            if idx:
                export_idx(*idx_paths(os.fspath(path)), self.model.digits)
            else:
                export_npz(path, self.model.digits)
        except (MyDigitsError, OSError) as e:
            self.problem.emit(self.tr("Export failed"), self.tr("My digits could not be exported."), str(e))

    # ---- words ----------------------------------------------------------------------------
    def _show_summary(self) -> None:
        digits = self.model.digits
        if not len(digits):
            self.summary.setText(self.tr("No drawings yet."))
            self.hint.setText(self.tr("Draw a digit on the pad, choose which digit it is in “It is a”, and "
                                      "press Add to my digits. Your drawings are kept here, also after a "
                                      "restart, to train on (nndesk train --dataset my-digits)."))
            return
        counts = "  ".join(f"{d}: {n}" for d, n in enumerate(digits.counts()))
        self.summary.setText(self.tr("%1 drawings — %2").replace("%1", str(len(digits))).replace("%2", counts))
        self.hint.setText(self.tr("Click a drawing, then press a digit key to file it under another digit, or "
                                  "Delete to remove it (right-click for a menu). Ctrl+Z undoes."))

    def retranslate(self) -> None:
        self.import_button.setText(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Add digits from an .npz (x, y) or MNIST IDX files"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save my digits as an .npz (x, y) or as MNIST IDX files"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Remove the selected drawing (Delete key; Ctrl+Z brings it back)"))
        self.clear_button.setText(self.tr("Clear all"))
        self.clear_button.setToolTip(self.tr("Remove every drawing (Ctrl+Z brings them back)"))
        self._show_summary()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
