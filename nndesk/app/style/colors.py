"""The canvas's colours (also the decision boundary's and the gallery's), and the lecture's superscripts.

Colours follow Okabe–Ito hues (readable by colour-blind students) in a light
and a dark variant: blue for positive, orange for negative, as TensorFlow
Playground does.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
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

    def signed_rgb(self, values: np.ndarray, scale: float, neutral: QColor | None = None) -> np.ndarray:
        """``signed`` for many values at once: RGB floats (…, 3), full colour at |v| ≥ ``scale``, blended
        into ``neutral`` (the neuron fill unless given) towards 0.  Feature maps and kernels are coloured so."""
        v = np.nan_to_num(np.asarray(values, np.float64))
        s = np.clip(np.abs(v) / scale, 0, 1)[..., None] if scale > 0 else np.zeros((*v.shape, 1))
        base = _rgb(self.neuron if neutral is None else neutral)
        return base + (np.where(v[..., None] >= 0, _rgb(self.positive), _rgb(self.negative)) - base) * s


def _rgb(color: QColor) -> np.ndarray:
    return np.array([color.red(), color.green(), color.blue()], np.float64)
