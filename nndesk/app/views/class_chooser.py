"""Which class a click on the plane adds: one round button per class, in the colour the plot gives it.

Beside the decision boundary, so the colour chosen is the colour that appears
where the student clicks.  The buttons are checkable tool buttons kept
exclusive here, in no QButtonGroup (a group is one Tab stop, its buttons
reached by arrows): Tab reaches each, Space chooses, and the keys 0…9 choose
while the plot has the focus (``choose``).  "Clear" empties the plane, for a
set drawn from nothing (undoable, as every point edit).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

ICON = 14


def swatch(color: str) -> QIcon:
    """A filled circle of ``color`` with a thin dark ring (readable on light and dark panels)."""
    pixmap = QPixmap(ICON, ICON)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(0, 0, 0, 140))
    painter.setBrush(QColor(color))
    painter.drawEllipse(1, 1, ICON - 2, ICON - 2)
    painter.end()
    return QIcon(pixmap)


class ClassChooser(QWidget):
    classChosen = Signal(int)
    clearRequested = Signal()

    def __init__(self, colors: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("classChooser")
        self.colors = colors
        self.hint = QLabel(self)
        self.buttons: list[QToolButton] = []
        self.clear_button = QToolButton(self, objectName="clearPoints")
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.clear_button.clicked.connect(self.clearRequested)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(4, 2, 4, 2)
        self._row.addWidget(self.hint)
        self._row.addStretch(1)
        self._row.addWidget(self.clear_button)
        self.set_classes(2)
        self.retranslate()

    def set_classes(self, n: int) -> None:
        """One button per class 0..n−1; the chosen class stays if it still exists."""
        if n == len(self.buttons):
            return
        chosen = min(self.current(), n - 1)
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        for k in range(n):
            button = QToolButton(self, objectName=f"pointClass{k}", checkable=True, text=str(k))
            button.setIcon(swatch(self.colors[k % len(self.colors)]))
            button.setIconSize(QSize(ICON, ICON))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it, Space chooses
            button.clicked.connect(lambda _=False, k=k: self.choose(k))
            self._row.insertWidget(1 + k, button)
            QWidget.setTabOrder(self.buttons[-1] if self.buttons else self.hint, button)
            self.buttons.append(button)
        QWidget.setTabOrder(self.buttons[-1], self.clear_button)
        self._chosen = max(chosen, 0)
        self.buttons[self._chosen].setChecked(True)
        self.retranslate()

    def current(self) -> int:
        """The class a left click adds."""
        return getattr(self, "_chosen", 0)

    def choose(self, k: int) -> None:
        """Class ``k`` is added from now on (its button alone checked); out of range: nothing changes."""
        if not 0 <= k < len(self.buttons):
            return
        self._chosen = k
        for i, button in enumerate(self.buttons):
            button.setChecked(i == k)
        self.classChosen.emit(k)

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Click adds class:"))
        for k, button in enumerate(self.buttons):
            button.setToolTip(self.tr("Class {k}: a left click on the plane adds a point of this class, a right "
                                      "click removes the nearest point. Keys 0–9 choose a class.").format(k=k))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Remove every point, to draw a data set of your own (Undo brings "
                                             "them back)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
