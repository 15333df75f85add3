"""A visible focus frame on the widgets whose style draws none: views, plots, drawing surfaces.

Buttons, fields, combo boxes, sliders and tabs show keyboard focus
themselves; a ``QGraphicsView`` (a canvas, a pyqtgraph plot), a text
browser or a custom painted widget shows nothing, so a student who presses
Tab cannot tell where the keys will go.  ``FocusRing`` follows the
application's focus and lays a thin frame in the palette's Highlight over
such a widget: a transparent child that takes no clicks and no focus.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QTabBar,
    QWidget,
)

DRAWS_ITS_OWN = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QTabBar, QAbstractSlider)
WIDTH = 2  # pixels


def needs_ring(widget: QWidget | None) -> bool:
    """Whether ``widget`` takes keyboard focus yet draws no focus of its own."""
    return widget is not None and not isinstance(widget, DRAWS_ITS_OWN) and widget.isWindow() is False


class _Ring(QWidget):
    def __init__(self) -> None:
        super().__init__(objectName="focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        color = self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
        w, h = self.width(), self.height()
        for x, y, rw, rh in ((0, 0, w, WIDTH), (0, h - WIDTH, w, WIDTH), (0, 0, WIDTH, h), (w - WIDTH, 0, WIDTH, h)):
            painter.fillRect(x, y, rw, rh, color)


class FocusRing(QObject):
    """Install once (``FocusRing.install()``); it frames whichever ringless widget has the focus."""

    _instance: FocusRing | None = None

    @classmethod
    def install(cls) -> FocusRing:
        app = QApplication.instance()
        if cls._instance is None or not shiboken6.isValid(cls._instance):
            cls._instance = FocusRing(app)
            app.focusChanged.connect(cls._instance._follow)
        return cls._instance

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._ring: _Ring | None = None
        self._target: QWidget | None = None

    def target(self) -> QWidget | None:
        """The widget framed now (None: the focus is on one that frames itself, or nowhere)."""
        return self._target if self._target is not None and shiboken6.isValid(self._target) else None

    def _follow(self, old: QWidget | None, new: QWidget | None) -> None:
        if self.target() is not None:
            self._target.removeEventFilter(self)
        self._target = new if needs_ring(new) else None
        ring = self._ring if self._ring is not None and shiboken6.isValid(self._ring) else None
        if self._target is None:
            if ring is not None:
                ring.hide()
            return
        if ring is None:
            ring = self._ring = _Ring()
        ring.setParent(self._target)  # a child: it moves, hides and is grabbed with the widget
        ring.setGeometry(self._target.rect())
        ring.raise_()
        ring.show()
        self._target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # getattr: None while a garbage collection tears this object down
        if watched is getattr(self, "_target", None) and event.type() == QEvent.Type.Resize \
                and self._ring is not None:
            self._ring.setGeometry(self._target.rect())
            self._ring.raise_()
        return False
