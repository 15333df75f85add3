"""The canvas's colours (also the decision boundary's and the gallery's), and the lecture's superscripts.

Colours follow Okabe–Ito hues (readable by colour-blind students) in a light
and a dark variant: blue for positive, orange for negative, as TensorFlow
Playground does.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from nndesk.app.style.theme import hues, is_dark, mix, secondary_text

_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def sup(n: int) -> str:
    """The lecture's layer index as a superscript: 1 → ⁽¹⁾."""
    return f"⁽{str(n).translate(_SUP)}⁾"


@dataclass(frozen=True)
class CanvasColors:
    background: QColor
    text: QColor
    muted: QColor  # secondary labels, outlines
    neuron: QColor  # a neuron's fill before any activation is known
    positive: QColor  # w > 0, a > 0
    negative: QColor  # w < 0, a < 0
    highlight: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> CanvasColors:
        hue = hues(is_dark(palette))
        base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
        return cls(
            background=base, text=text, muted=secondary_text(palette),
            neuron=mix(base, text, 0.1),  # a neuron stands out from the background before it is lit
            positive=hue["blue"], negative=hue["orange"], highlight=hue["purple"])

    def signed(self, value: float, strength: float) -> QColor:
        """``positive``/``negative`` by sign, blended into the neuron fill by ``strength`` 0..1."""
        base = self.positive if value >= 0 else self.negative
        s = min(max(strength, 0.0), 1.0)
        n = self.neuron
        return QColor(round(n.red() + (base.red() - n.red()) * s), round(n.green() + (base.green() - n.green()) * s),
                      round(n.blue() + (base.blue() - n.blue()) * s))
