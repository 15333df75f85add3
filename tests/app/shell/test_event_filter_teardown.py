"""An event filter whose Python half a garbage collection has already cleared stays quiet.

A collection clears the attributes of every object in a dead cycle before the C++ objects go, and a widget
being destroyed still sends events (Hide, ChildRemoved, …) through the filters installed on it. A filter
that reads ``self.page`` then raises inside Qt's event loop: the test it happens in fails, whichever it is.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget


def _filters(window: QWidget) -> list[QObject]:
    """The window's QObjects whose class (one of ours) overrides eventFilter."""
    return [obj for obj in window.findChildren(QObject)
            if type(obj).__module__.startswith("nndesk.") and "eventFilter" in vars(type(obj))]


def test_every_filter_survives_its_attributes_being_cleared(qtbot, window) -> None:
    filters = _filters(window)
    assert {type(f).__name__ for f in filters} >= {"ConvSteps", "WindowKeys"}, filters
    widgets = [window, *window.findChildren(QWidget)]
    events = (QEvent(QEvent.Type.LanguageChange), QEvent(QEvent.Type.Show), QEvent(QEvent.Type.Resize),
              QEvent(QEvent.Type.ChildAdded),
              QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier))
    for f in filters:
        attributes = dict(vars(f))
        vars(f).clear()  # what the collector's tp_clear does to an object in a dead cycle
        try:
            for widget in widgets:
                for event in events:
                    f.eventFilter(widget, event)  # raising here is what the event loop would have reported
        finally:
            vars(f).update(attributes)  # alive again, so the window closes as usual
