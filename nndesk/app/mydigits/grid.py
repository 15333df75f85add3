"""The student's drawings as 28×28 tiles, grouped by digit: a column per digit where ten fit, else a row.

Where the view is wide enough, digit d's drawings stand in column d (a
table: the 0s, the 1s, … side by side); in a narrower view each digit's
tiles start a new row.  Either way a drawing filed under the wrong digit
stands out among its neighbours.  The tiles are what the network was fed,
at two screen pixels per pixel, so a set of a hundred fits in view.
A tile is selected by a click or the arrow keys; a digit key relabels it,
Delete removes it, and the context menu offers both — the grid only asks
(``relabelRequested``, ``deleteRequested``), the view makes the undoable
change.  The selection follows the drawing, not the place, when the set
changes.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QMenu, QWidget

from nndesk.app.widgets.tile_grid import GAP_X, MARGIN, TileGrid
from nndesk.engine.data.my_digits import MyDigits

BLANK = -1


class MyDigitsGrid(TileGrid):
    zoom = 2
    relabelRequested = Signal(int, int)  # index in the set, new label
    deleteRequested = Signal(int)  # index in the set
    selectionChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myDigitsGrid")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)  # a viewport point, as Qt forwards it
        self.customContextMenuRequested.connect(self._menu)
        self.digits = MyDigits()
        self.slots = np.zeros(0, np.int64)  # the set's index shown in each place, BLANK where a row is padded
        self.label = self._label
        self.tooltip = self._tooltip
        self._laid_for = -1  # the column count the slots were padded for
        self.tileClicked.connect(self._clicked)
        self.tileClicked.connect(lambda _: self.selectionChanged.emit())

    # ---- contents --------------------------------------------------------------------
    def set_digits(self, digits: MyDigits) -> None:
        """Show ``digits``; the selected drawing stays selected if it is still there."""
        keep = self.selected_index()
        keep_x = self.digits[keep].x if keep is not None and keep < len(self.digits) else None
        self.digits = digits
        self._laid_for = -1
        self.selected = None
        self._layout(force=True)
        if keep_x is not None:
            now = next((i for i, d in enumerate(digits) if d.x is keep_x), None)
            self.select_index(now)

    def selected_index(self) -> int | None:
        """The index in the set of the selected drawing, or None."""
        if self.selected is None or self.selected >= len(self.slots) or self.slots[self.selected] == BLANK:
            return None
        return int(self.slots[self.selected])

    def select_index(self, index: int | None) -> None:
        places = np.flatnonzero(self.slots == index) if index is not None else []
        self.selected = int(places[0]) if len(places) else None
        self.viewport().update()
        self.selectionChanged.emit()

    def _layout(self, force: bool = False) -> None:
        """Pad each digit's tiles to whole rows for the width now, then let the grid pack them."""
        cw = (28 + GAP_X) * self.zoom
        columns = max(1, (self.viewport().width() - 2 * MARGIN + GAP_X * self.zoom) // cw)
        if columns != self._laid_for:
            selected = self.selected_index()
            self._laid_for = columns
            self.slots = _slots(self.digits.y, columns)
            self._tiles = _tiles(self.digits.x, self.slots, self.palette().color(QPalette.ColorRole.Base))
            self.select_index(selected)
            force = True
        super()._layout(force)

    def _label(self, k: int) -> str:
        return "" if self.slots[k] == BLANK else str(self.digits.y[self.slots[k]])

    def _tooltip(self, k: int) -> str:
        if self.slots[k] == BLANK:
            return ""
        i = int(self.slots[k])
        return self.tr("Drawing %1, filed as a %2. Press a digit key to file it as another digit, Delete to "
                       "remove it.").replace("%1", str(i + 1)).replace("%2", str(self.digits.y[i]))

    # ---- the student's hands -----------------------------------------------------------
    def _clicked(self, k: int) -> None:
        if self.slots[k] == BLANK:
            self.selected = None
            self.viewport().update()

    def keyPressEvent(self, event) -> None:
        """Arrows step through the drawings; 0–9 relabels the selected one; Delete or Backspace removes it."""
        key, index = event.key(), self.selected_index()
        order = [k for k in range(len(self.slots)) if self.slots[k] != BLANK]
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and index is not None and not event.modifiers() & ~(
                Qt.KeyboardModifier.KeypadModifier):
            self.relabelRequested.emit(index, key - Qt.Key.Key_0)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and index is not None:
            self.deleteRequested.emit(index)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and order:
            at = order.index(self.selected) if self.selected in order else -1
            step = 1 if key == Qt.Key.Key_Right else -1
            self.selected = order[0] if at < 0 else order[min(max(at + step, 0), len(order) - 1)]
            self.viewport().update()
            self.selectionChanged.emit()
        else:
            super().keyPressEvent(event)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._laid_for = -1  # the padding is painted in the palette's base colour
        super().changeEvent(event)

    def _menu(self, pos: QPoint) -> None:
        """Right-click on a drawing: file it as another digit, or delete it."""
        k = self.tile_at(pos)
        if k is None or self.slots[k] == BLANK:
            return
        self.selected = k
        self.viewport().update()
        self.selectionChanged.emit()
        index = int(self.slots[k])
        menu = QMenu(self, objectName="myDigitsMenu")
        relabel = menu.addMenu(self.tr("File as"))
        for d in range(10):
            action = relabel.addAction(str(d))
            action.setEnabled(bool(d != self.digits.y[index]))
            action.triggered.connect(lambda _=False, d=d: self.relabelRequested.emit(index, d))
        menu.addAction(self.tr("Delete"), lambda: self.deleteRequested.emit(index))
        menu.exec(self.viewport().mapToGlobal(pos))
        menu.deleteLater()


def _slots(labels: np.ndarray, columns: int) -> np.ndarray:
    """Where each drawing goes: column d for digit d if ten columns fit, else each digit's run padded with
    BLANK to whole rows; in the set's order (stable) within a digit."""
    runs = [np.flatnonzero(labels == d).tolist() for d in range(10)]
    if columns >= 10:
        rows = max((len(run) for run in runs), default=0)
        table = np.full((rows, columns), BLANK, np.int64)
        for d, run in enumerate(runs):
            table[:len(run), d] = run
        return table.reshape(-1)
    slots: list[int] = []
    for run in runs:
        slots += run + [BLANK] * (-len(run) % columns)
    return np.array(slots, np.int64)


def _tiles(x: np.ndarray, slots: np.ndarray, background) -> np.ndarray:
    """RGB tiles: the 28×28 as the network saw it (white ink on black); blank places in the background."""
    n = len(x)
    pictures = np.empty((n + 1, 28, 28, 3), np.uint8)
    pictures[:n] = np.rint(np.asarray(x) * np.float32(255)).astype(np.uint8)[..., None]
    pictures[n] = (background.red(), background.green(), background.blue())
    return pictures[np.where(slots == BLANK, n, slots)]  # one gather; index n is the blank
