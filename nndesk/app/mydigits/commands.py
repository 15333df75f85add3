"""Undoable changes of the personal set: add, relabel, delete, and replace the whole set (clear, import).

The commands share the window's undo stack with the network's edits, so
Ctrl+Z undoes the last thing the student did, whichever it was.  A command
finds its drawings by identity (each stored 28×28 array is its own object,
kept through relabels), not by index: if the set was replaced meanwhile (a
session opened), an old command finds nothing and does nothing, instead of
deleting some other drawing.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from nndesk.app.mydigits.model import MyDigitsModel
from nndesk.engine.data.my_digits import MyDigit, MyDigits


def _index(digits: MyDigits, digit: MyDigit) -> int | None:
    """Where the drawing of ``digit`` (by its 28×28 array, whatever its label now) is in the set."""
    return next((i for i, d in enumerate(digits) if d.x is digit.x), None)


class MyDigitsCommand(QUndoCommand):
    """A change of the personal set; ``kind`` None: not an edit of the network, training need not stop."""

    kind = None

    def __init__(self, text: str, model: MyDigitsModel) -> None:
        super().__init__(text)
        self.model = model
        self._lineage = model.lineage

    def stale(self) -> bool:
        """True (and the command leaves the stack) if the set it was made on has been replaced."""
        if self.model.lineage is not self._lineage:
            self.setObsolete(True)
            return True
        return False


class AddDigit(MyDigitsCommand):
    def __init__(self, model: MyDigitsModel, text: str, ink, x, label: int) -> None:
        super().__init__(text, model)
        self._new = (ink, x, label)
        self._digit: MyDigit | None = None
        self._at = 0

    def redo(self) -> None:
        if self.stale():
            return
        digits = self.model.digits
        if self._digit is None:
            self._at = digits.add(*self._new)
            self._digit, self._new = digits[self._at], None
        else:
            digits.insert(min(self._at, len(digits)), self._digit)
        self.model.edited()

    def undo(self) -> None:
        i = None if self.stale() else _index(self.model.digits, self._digit)
        if i is None:
            self.setObsolete(True)
            return
        self._at = i
        self.model.digits.remove(i)
        self.model.edited()


class RemoveDigits(MyDigitsCommand):
    def __init__(self, model: MyDigitsModel, text: str, indices: list[int]) -> None:
        super().__init__(text, model)
        self._digits = [model.digits[i] for i in sorted(set(indices))]
        self._at: list[int] = []

    def redo(self) -> None:
        if self.stale():
            return
        digits = self.model.digits
        found = sorted((i, d) for d in self._digits if (i := _index(digits, d)) is not None)
        if not found:
            self.setObsolete(True)
            return
        self._at = [i for i, _ in found]
        self._digits = [d for _, d in found]
        for i in reversed(self._at):
            digits.remove(i)
        self.model.edited()

    def undo(self) -> None:
        if self.stale():
            return
        for i, digit in zip(self._at, self._digits, strict=True):
            self.model.digits.insert(min(i, len(self.model.digits)), digit)
        self.model.edited()


class RelabelDigit(MyDigitsCommand):
    def __init__(self, model: MyDigitsModel, text: str, index: int, label: int) -> None:
        super().__init__(text, model)
        self._digit = model.digits[index]
        self._labels = (self._digit.label, label)

    def _set(self, label: int) -> None:
        i = None if self.stale() else _index(self.model.digits, self._digit)
        if i is None:
            self.setObsolete(True)
            return
        self.model.digits.relabel(i, label)
        self.model.edited()

    def redo(self) -> None:
        self._set(self._labels[1])

    def undo(self) -> None:
        self._set(self._labels[0])


class ReplaceDigits(MyDigitsCommand):
    """The whole set at once: Clear (an empty set) and Import (the set plus the imported drawings)."""

    def __init__(self, model: MyDigitsModel, text: str, digits: MyDigits) -> None:
        super().__init__(text, model)
        self._old, self._new = model.digits.copy(), digits.copy()

    def redo(self) -> None:
        if not self.stale():
            self.model.replace(self._new.copy(), same_history=True)

    def undo(self) -> None:
        if not self.stale():
            self.model.replace(self._old.copy(), same_history=True)
