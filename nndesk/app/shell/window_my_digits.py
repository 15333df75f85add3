"""The window's part in My digits: the personal set read at start, the pad's Add wired to it, its dock.

``MainWindow`` mixes this in before ``WindowDocks``: building the docks
builds the My digits view too (tabbed with the cost plot under the canvas,
where a row of tiles has the width), and it joins the View menu and the
dock titles.  The draw dock and the view never meet: the draw dock asks to
add a drawing, this mixin makes it an undoable command on the window's undo
stack and hands the counts back.  Other parts of the window (Teach,
sessions) read ``my_digits``, replace it with ``set_my_digits`` and listen
to ``my_digits_events.changed``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QMessageBox

from nndesk.app.mydigits.commands import AddDigit
from nndesk.app.mydigits.model import MyDigitsModel, Opened
from nndesk.app.mydigits.view import MyDigitsView
from nndesk.engine.data.my_digits import MyDigits, default_path

SHOWN_LINES = 12  # damaged entries listed under "Show Details…"; the rest counted


class WindowMyDigits:
    my_digits_events: MyDigitsModel
    my_digits_dock: QDockWidget
    _my_digits_save_failed = False

    @property
    def my_digits(self) -> MyDigits:
        """The student's set as it is now (read it; change it through ``set_my_digits`` or the commands)."""
        return self.my_digits_events.digits

    def set_my_digits(self, digits: MyDigits) -> None:
        """Put ``digits`` in place of the set (a session opened): saved, counted, shown."""
        self.my_digits_events.replace(digits.copy())

    def _build_docks(self) -> None:
        super()._build_docks()
        self.my_digits_events, opened = MyDigitsModel.open(default_path(), self)
        self.my_digits_view = MyDigitsView(self.my_digits_events, self.undo_stack)
        self.my_digits_dock = self._dock("myDigitsDock", self.my_digits_view, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(self.loss_dock, self.my_digits_dock)
        self.loss_dock.raise_()
        self.draw_widget.addToMyDigitsRequested.connect(self._add_to_my_digits)
        self.my_digits_events.changed.connect(self._count_my_digits)
        self.my_digits_events.saveFailed.connect(self._my_digits_not_saved)
        self.my_digits_view.problem.connect(
            lambda title, text, details: self.show_message(title, text, QMessageBox.Icon.Warning, details))
        self._count_my_digits()
        if not opened.ok:
            QTimer.singleShot(0, lambda: self._tell_how_my_digits_opened(opened))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Reached only when the window really closes: the last change is written before nndesk exits."""
        self.my_digits_events.flush()
        super().closeEvent(event)

    def all_docks(self) -> list[QDockWidget]:
        return [*super().all_docks(), self.my_digits_dock]

    def _retranslate_docks(self) -> None:
        super()._retranslate_docks()
        self.my_digits_dock.setWindowTitle(self.tr("My digits"))

    def _add_to_my_digits(self, ink: np.ndarray, x: np.ndarray, label: int) -> None:
        text = self.tr("Add a drawing of a %1 to my digits").replace("%1", str(label))
        self.undo_stack.push(AddDigit(self.my_digits_events, text, ink, x, label))

    def _count_my_digits(self) -> None:
        on_pad = self.draw_widget.image()
        kept = on_pad.any() and any(np.array_equal(d.x, on_pad) for d in self.my_digits)
        self.draw_widget.set_my_digits_counts(self.my_digits.counts(), kept=bool(kept))

    def _my_digits_not_saved(self, reason: str) -> None:
        if not self._my_digits_save_failed:  # once a session: a read-only folder fails at every change
            self._my_digits_save_failed = True
            self.show_message(self.tr("My digits not saved"),
                              self.tr("Your digits could not be saved; they are kept until you close nndesk."),
                              QMessageBox.Icon.Warning, reason)

    def _tell_how_my_digits_opened(self, opened: Opened) -> None:
        if opened.unreadable is not None:
            if opened.moved_to is not None:
                text = self.tr("Your saved digits could not be read. The file was moved aside, not deleted, to "
                               "%1. My digits starts empty.").replace("%1", str(opened.moved_to))
            else:
                text = self.tr("Your saved digits could not be read, nor moved aside (%1). My digits starts "
                               "empty, and new drawings are not saved this session.").replace("%1",
                                                                                              opened.not_moved or "")
            self.show_message(self.tr("My digits"), text, QMessageBox.Icon.Warning, opened.unreadable)
            return
        lines = opened.dropped[:SHOWN_LINES]
        if len(opened.dropped) > SHOWN_LINES:
            lines.append(f"… {len(opened.dropped) - SHOWN_LINES} more")
        text = self.tr("%1 of your saved drawings were damaged and left out; the other %2 are kept.")
        self.show_message(self.tr("My digits"), text.replace("%1", str(len(opened.dropped))).replace(
            "%2", str(len(self.my_digits))), QMessageBox.Icon.Warning, "\n".join(lines))
