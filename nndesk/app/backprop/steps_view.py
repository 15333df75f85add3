"""The backprop steps shown so far, as rich text that keeps the newest step in view.

``backprop_render`` writes the HTML; this view shows it, scrolls to the end
whenever it is laid out again (the newest step is the one being explained),
and shows a number's every digit when the mouse is over it (each number is a
link ``n:<id>``).  Arrow keys belong to the panel, which steps with them.
It asks for room for a few steps, and its text can be enlarged for the back
row: Ctrl+= / Ctrl+− / Ctrl+0 anywhere in the panel, Ctrl+wheel, or its
context menu (the formulas are re-typeset at the new size).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QSize, Qt, QUrl
from PySide6.QtGui import QAction, QCursor, QKeySequence
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from nndesk.app.backprop.render import render_steps
from nndesk.app.style.formula_view import full_value
from nndesk.engine.core.network import Network
from nndesk.engine.explain import formula as f
from nndesk.engine.explain.stepthrough import Step, Walkthrough

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls
ZOOM_RANGE = (-3, 12)  # points smaller / larger than the panel's font
MIN_LINES = 5  # the least room it asks for, in lines of text (the current step); it would like twice that


class StepsView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="stepsView", openLinks=False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # ←/→ step, they don't scroll
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)  # a formula too wide to wrap
        self.document().setDefaultStyleSheet("a { text-decoration: none; }")
        self._nums: list[f.Num] = []
        self._steps: list[Step] = []
        self._slide = False
        self._shown: tuple | None = None  # show_steps' arguments, to re-typeset after a zoom
        self.zoom_steps = 0
        self.base_size = self.font().pointSizeF()
        self.zoom_actions = self._make_zoom_actions(parent or self)
        self._retranslate_zoom()
        self.highlighted.connect(self._hovered)
        self.verticalScrollBar().rangeChanged.connect(self.scroll_to_end)  # resized or re-laid out

    def show_steps(self, walk: Walkthrough, index: int, slide: bool, network: Network) -> None:
        """Steps 0…``index`` of ``walk``, numbers in slide arithmetic or exact."""
        self._shown = (walk, index, slide, network)
        html, self._nums = render_steps(self, walk, index, slide, network)
        self._steps, self._slide = walk.steps, slide
        self.setHtml(html)
        self.scroll_to_end()

    def clear(self) -> None:
        self._nums, self._steps, self._shown = [], [], None
        super().clear()

    def zoom(self, steps: int) -> None:
        """``steps`` points larger (negative: smaller; 0 with ``reset``: back to normal), within ZOOM_RANGE."""
        self.zoom_steps = min(max(self.zoom_steps + steps, ZOOM_RANGE[0]), ZOOM_RANGE[1])
        font = self.font()
        font.setPointSizeF(self.base_size + self.zoom_steps)
        self.setFont(font)
        self.updateGeometry()
        if self._shown is not None:
            self.show_steps(*self._shown)

    def reset_zoom(self) -> None:
        self.zoom(-self.zoom_steps)

    def _make_zoom_actions(self, owner: QWidget) -> list[QAction]:
        """Larger / smaller / normal text, with their keys working anywhere in ``owner`` (the panel)."""
        actions = []
        for keys, slot in (((QKeySequence.StandardKey.ZoomIn, "Ctrl+="), lambda: self.zoom(1)),
                           ((QKeySequence.StandardKey.ZoomOut,), lambda: self.zoom(-1)),
                           (("Ctrl+0",), self.reset_zoom)):
            action = QAction(owner, triggered=slot)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            owner.addAction(action)
            actions.append(action)
        return actions

    def _retranslate_zoom(self) -> None:
        for action, text in zip(self.zoom_actions, (
                translate("StepsView", "Larger text"), translate("StepsView", "Smaller text"),
                translate("StepsView", "Normal text size"))):
            action.setText(text)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.LanguageChange and hasattr(self, "zoom_actions"):
            self._retranslate_zoom()

    def contextMenuEvent(self, event) -> None:
        menu = self.createStandardContextMenu(event.pos())
        menu.addSeparator()
        menu.addActions(self.zoom_actions)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.fontMetrics().lineSpacing() * MIN_LINES)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.fontMetrics().lineSpacing() * 2 * MIN_LINES)

    def scroll_to_end(self) -> None:
        """The current step is the last one shown: keep it in view."""
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def tooltip_for(self, href: str) -> str:
        """What hovering the number ``href`` ("n:12") shows: its full float64 value."""
        full = full_value(self._nums[int(href.split(":")[1])].exact)
        return translate("BackpropPanel", "Exact value: %1").replace("%1", full) if self._slide else full

    def result_href(self, index: int) -> str:
        """The link of step ``index``'s result number (its last number), for hovering."""
        before = sum(sum(isinstance(p, f.Num) for p in s.formula(self._slide)) for s in self._steps[:index + 1])
        return f"n:{before - 1}"

    def _hovered(self, url: QUrl) -> None:
        href = url.toString()
        if href.startswith("n:"):
            QToolTip.showText(QCursor.pos() + QPoint(8, 8), self.tooltip_for(href), self)
        else:
            QToolTip.hideText()
