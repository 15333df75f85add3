"""A row of controls that wraps onto more lines when the panel is narrow, like words in a paragraph.

Qt has no such layout built in; this is its documented FlowLayout example
(``layouts/flowlayout``), reduced to what the panels need.  A button row in
a ``QHBoxLayout`` makes the whole panel as wide as all its buttons together
(684 px for the backprop steps' two rows), which no side dock can be; here
the minimum width is the widest single control and the height follows the
width (``heightForWidth``).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(QMargins(0, 0, 0, 0))
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """All on one line: the width the row would like."""
        hint = QSize(0, 0)
        for item in self._visible():
            size = item.sizeHint()
            hint = QSize(hint.width() + size.width() + self._gap(item, Qt.Orientation.Horizontal),
                         max(hint.height(), size.height()))
        return hint.grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """One control per line: as narrow as the widest control."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        return size.grownBy(self.contentsMargins())

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not (i.widget() is not None and i.widget().isHidden())]

    def _gap(self, item: QLayoutItem, orientation: Qt.Orientation) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        widget = item.widget()
        if widget is None:
            return 6
        style = widget.style()
        control = QSizePolicy.ControlType.PushButton
        return style.layoutSpacing(control, control, orientation, None, widget) if style else 6

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place the items left to right, wrapping, each centred on its line; returns the height used."""
        area = rect.marginsRemoved(self.contentsMargins())
        lines: list[list[tuple[QLayoutItem, int, QSize]]] = [[]]
        x = area.x()
        for item in self._visible():
            size = item.sizeHint().boundedTo(QSize(area.width(), item.sizeHint().height()))
            if lines[-1] and x + size.width() > area.right() + 1:
                lines.append([])
                x = area.x()
            lines[-1].append((item, x, size))
            x += size.width() + self._gap(item, Qt.Orientation.Horizontal)
        y = area.y()
        for i, line in enumerate(lines):
            height = max((size.height() for _, _, size in line), default=0)
            if move:
                for item, x, size in line:
                    item.setGeometry(QRect(QPoint(x, y + (height - size.height()) // 2), size))
            y += height + (self._gap(line[0][0], Qt.Orientation.Vertical) if i < len(lines) - 1 else 0)
        return y - rect.y() + self.contentsMargins().bottom()
