"""Space in a number field is not a character: it goes to the window's Space shortcut and erases nothing.

Tabbing into a spin box selects its value, and a Space typed there replaced
the selection with " " — which is no number, so the field went blank.  A
number never contains a space, so ``SpaceIsNotText`` (an event filter on
each number field and its line edit) lets the field decline Space: the
window's shortcut (start / pause training) gets it, as it does everywhere
else, and if no shortcut takes it the key is dropped.  Text fields keep their
spaces.  Not an application-wide filter: that runs Python for every event of
the GUI thread, and each call takes the GIL from the training thread (digits
trained 1.7× slower in the window, ``benchmarks/bench_gui_responsiveness.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QWidget


def in_number_field(obj: QObject) -> bool:
    """Whether ``obj`` is a spin box or a part of one (its line edit)."""
    widget = obj if isinstance(obj, QWidget) else None
    while widget is not None:
        if isinstance(widget, QAbstractSpinBox):
            return True
        if widget.isWindow():
            return False
        widget = widget.parentWidget()
    return False


class SpaceIsNotText(QObject):
    @classmethod
    def install(cls, root: QWidget) -> SpaceIsNotText:
        """Filter every number field under ``root`` (call again for fields made later)."""
        keeper = cls(root)
        for box in root.findChildren(QAbstractSpinBox):
            keeper.watch(box)
        return keeper

    def watch(self, box: QAbstractSpinBox) -> None:
        box.installEventFilter(self)
        box.lineEdit().installEventFilter(self)  # the focus is there: ShortcutOverride and keys go to it

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if event.key() != Qt.Key.Key_Space or event.modifiers() != Qt.KeyboardModifier.NoModifier:
            return False
        if not in_number_field(watched):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.ignore()  # the field does not want Space: shortcuts may have it
        return True  # and the field never sees it
