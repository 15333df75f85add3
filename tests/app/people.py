"""Acting like a person on the real widgets: strokes with the mouse, choices with the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def stroke(widget, points: list[tuple[int, int]]) -> None:
    """Press, move through ``points``, release: a person drawing one line."""
    QTest.mousePress(widget, LEFT, NONE, QPoint(*points[0]))
    for p in points[1:]:
        QTest.mouseMove(widget, QPoint(*p))
    QTest.mouseRelease(widget, LEFT, NONE, QPoint(*points[-1]))


def on_paper(pad, points: list[tuple[float, float]]) -> list[tuple[int, int]]:
    """Points given as fractions (0–1) of the pad's paper, the centred square a student draws in, in pixels."""
    side = min(pad.width(), pad.height())
    left, top = (pad.width() - side) / 2, (pad.height() - side) / 2
    return [(round(left + x * side), round(top + y * side)) for x, y in points]


def pick(combo: QComboBox, text: str) -> None:
    """Choose the entry called ``text`` with the arrow keys, as a person on the keyboard does.

    (Offscreen Qt does not deliver clicks inside a combo box's popup list.)
    """
    row = next(i for i in range(combo.count()) if combo.itemText(i) == text)
    combo.setFocus()
    key = Qt.Key.Key_Down if row > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != row:
        QTest.keyClick(combo, key)


def answer_next_dialog(button: QMessageBox.StandardButton) -> None:
    """Click ``button`` in the next modal question, as the student would."""
    def press() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(button).click()
        else:
            QTimer.singleShot(20, press)
    QTimer.singleShot(0, press)


def type_number(box, value: int) -> None:
    """Select the spin box's number and type another, then Return: as a person edits a field."""
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(box, str(value))
    QTest.keyClick(box, Qt.Key.Key_Return)


def tick(view, row: int, column: int = 0) -> None:
    """Click the check box of an item view's cell, where the style draws it, as a person ticks a row."""
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    index = view.model().index(row, column)
    view.scrollTo(index)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view)
    QTest.mouseClick(view.viewport(), LEFT, NONE, box.center())
