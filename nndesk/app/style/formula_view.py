"""Typesetting the engine's formulas: sub/superscripts as rich text, numbers in the UI's locale.

``engine.formula`` describes a formula as text with ``_{…}``/``^{…}`` markup
plus ``Num``s; here that becomes HTML that ``QLabel`` and ``QTextBrowser``
render: a_{0}^{(1)} → a₀⁽¹⁾, "0.57" → "0,57" in Russian (``QLocale``), a
minus sign instead of a hyphen, 1.2e-05 → 1,2·10⁻⁵.  Each number is a link
without underline whose target names its full value, so hovering shows it
(``NumberTips``); the panel and ``FormulaView`` both use that.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QLocale, QPoint
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QLabel, QToolTip, QWidget

from nndesk.engine.explain.formula import Formula, Num

_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use placeholders for numbers inside the markup


def number_text(text: str, locale: QLocale | None = None) -> str:
    """A C-locale number as the user reads it: "−0,57", "1,2·10⁻⁵" (plain text)."""
    return _number(text, locale or QLocale(), sup=lambda e: "·10" + e.translate(_SUPERSCRIPT))


def number_html(text: str, locale: QLocale | None = None) -> str:
    return _number(text, locale or QLocale(), sup=lambda e: f"·10<sup>{e}</sup>")


_SUPERSCRIPT = str.maketrans("−0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _number(text: str, locale: QLocale, sup) -> str:
    mantissa, _, exponent = text.lower().partition("e")
    out = mantissa.replace(".", locale.decimalPoint()).replace("-", "−")
    if exponent:
        out += sup(str(int(exponent)).replace("-", "−"))
    return out


def full_value(x: float, locale: QLocale | None = None) -> str:
    """Every digit float64 holds (repr), localised: 0,574442516811659."""
    return number_text(repr(float(x)), locale)


def markup_html(markup: str) -> str:
    """Escape text and turn ``_{…}`` / ``^{…}`` (nestable) into <sub>/<sup>."""
    out, i = [], 0
    while i < len(markup):
        c = markup[i]
        if c in "_^" and markup.startswith("{", i + 1):
            depth, j = 1, i + 2
            while j < len(markup) and depth:
                depth += {"{": 1, "}": -1}.get(markup[j], 0)
                j += 1
            tag = "sub" if c == "_" else "sup"
            out.append(f"<{tag}>{markup_html(markup[i + 2:j - 1])}</{tag}>")
            i = j
        else:
            out.append(c if c in (_OPEN, _CLOSE) else html.escape(c))
            i += 1
    return "".join(out)


def formula_html(formula: Formula, locale: QLocale | None = None, link: str | None = "n",
                 first_id: int = 0) -> tuple[str, list[Num]]:
    """HTML for ``formula`` and its numbers in order; number i links to ``{link}:{first_id + i}``."""
    locale = locale or QLocale()
    nums: list[Num] = []
    markup = []
    for part in formula:
        if isinstance(part, Num):
            markup.append(f"{_OPEN}{len(nums)}{_CLOSE}")
            nums.append(part)
        else:
            markup.append(part)
    text = markup_html("".join(markup))
    for i, num in enumerate(nums):
        shown = number_html(num.text, locale)
        if link:
            shown = f'<a href="{link}:{first_id + i}" style="text-decoration:none">{shown}</a>'
        text = text.replace(f"{_OPEN}{i}{_CLOSE}", shown, 1)
    return text, nums


class FormulaView(QLabel):
    """One formula, readable; hovering a number shows its full float64 value."""

    def __init__(self, formula: Formula = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(self.textFormat().RichText)
        self.setWordWrap(True)
        self._formula: Formula = ()
        self._nums: list[Num] = []
        self.linkHovered.connect(self._hovered)
        self.set_formula(formula)

    def set_formula(self, formula: Formula) -> None:
        self._formula = tuple(formula)
        text, self._nums = formula_html(self._formula)
        self.setText(text)

    def numbers(self) -> list[Num]:
        return list(self._nums)

    def tooltip_for(self, href: str) -> str:
        """What hovering the number ``href`` ("n:2") shows."""
        return full_value(self._nums[int(href.split(":")[1])].exact)

    def _hovered(self, href: str) -> None:
        if href:
            QToolTip.showText(QCursor.pos() + QPoint(8, 8), self.tooltip_for(href), self)
        else:
            QToolTip.hideText()

    def refresh(self) -> None:
        """Re-typeset in the current default locale (after a language switch)."""
        self.set_formula(self._formula)
