"""The backprop steps shown so far, as rich text that keeps the newest step in view.

``backprop_render`` writes the HTML; this view shows it, scrolls to the end
whenever it is laid out again (the newest step is the one being explained),
and shows a number's every digit when the mouse is over it (each number is a
link ``n:<id>``).  Arrow keys belong to the panel, which steps with them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QUrl
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from nndesk.app.backprop.render import render_steps
from nndesk.app.style.formula_view import full_value
from nndesk.engine.core.network import Network
from nndesk.engine.explain import formula as f
from nndesk.engine.explain.stepthrough import Step, Walkthrough

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls


class StepsView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="stepsView", openLinks=False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # ←/→ step, they don't scroll
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)  # a formula too wide to wrap
        self.document().setDefaultStyleSheet("a { text-decoration: none; }")
        self._nums: list[f.Num] = []
        self._steps: list[Step] = []
        self._slide = False
        self.highlighted.connect(self._hovered)
        self.verticalScrollBar().rangeChanged.connect(self.scroll_to_end)  # resized or re-laid out

    def show_steps(self, walk: Walkthrough, index: int, slide: bool, network: Network) -> None:
        """Steps 0…``index`` of ``walk``, numbers in slide arithmetic or exact."""
        html, self._nums = render_steps(self, walk, index, slide, network)
        self._steps, self._slide = walk.steps, slide
        self.setHtml(html)
        self.scroll_to_end()

    def clear(self) -> None:
        self._nums, self._steps = [], []
        super().clear()

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
