"""Ten bars, one per digit, and the network's answer in large type.

The bars show the output activations a⁽ᴸ⁾ as they are (with softmax they sum
to one).  Below the "not sure" threshold (50 % unless the Robustness dock's
slider moves it) the answer says "not sure": a student should see that a
network can hesitate, and that the bars explain why.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from nndesk.app.style.theme import is_dark

SURE = 0.5  # the default "not sure" threshold


class _Bars(QWidget):
    """The ten bars; painted, because ten progress bars cost more and say less."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.p = np.zeros(10, np.float32)
        self.setMinimumSize(200, 110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(260, 140)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        accent = QColor("#56b4e9" if is_dark(pal) else "#0072b2")
        muted = QColor(pal.color(QPalette.ColorRole.Mid))
        text = pal.color(QPalette.ColorRole.Text)
        small = QFont(self.font())
        small.setPixelSize(11)
        painter.setFont(small)
        label_h, value_h = 18.0, 14.0
        slot = self.width() / 10
        full = self.height() - label_h - value_h
        best = int(np.argmax(self.p)) if self.p.any() else -1
        for i, p in enumerate(self.p.tolist()):
            h = full * min(max(p, 0.0), 1.0)
            bar = QRectF(i * slot + slot * 0.18, value_h + full - h, slot * 0.64, h)
            painter.fillRect(bar, accent if i == best else muted)
            painter.setPen(text)
            painter.drawText(QRectF(i * slot, self.height() - label_h, slot, label_h), Qt.AlignmentFlag.AlignCenter,
                             str(i))
            if p >= 0.05:
                painter.drawText(QRectF(i * slot, bar.top() - value_h, slot, value_h),
                                 Qt.AlignmentFlag.AlignCenter, f"{round(100 * p)}")


class PredictionPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("predictionPanel")
        self.answer = QLabel("–", self)
        font = QFont(self.font())
        font.setPixelSize(56)
        font.setBold(True)
        self.answer.setFont(font)
        self.answer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.answer.setMinimumWidth(60)
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        self.bars = _Bars(self)
        top = QHBoxLayout()
        top.addWidget(self.answer)
        top.addWidget(self.verdict, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.bars, 1)
        self._shown = False
        self._sure = SURE
        self.retranslate()

    def threshold(self) -> float:
        return self._sure

    def set_threshold(self, threshold: float) -> None:
        """Say "not sure" when the best digit's value is below ``threshold`` (0..1)."""
        self._sure = float(threshold)
        self.retranslate()

    def probabilities(self) -> list[float]:
        """The ten values the bars show (all zero when nothing is shown)."""
        return [float(p) for p in self.bars.p]

    def set_probabilities(self, p: np.ndarray) -> None:
        """Show the output activations for digits 0–9."""
        p = np.asarray(p, np.float32).reshape(-1)
        if p.size != 10:
            raise ValueError(f"expected 10 outputs (digits 0–9), got {p.size}")
        self.bars.p = p.copy()
        self._shown = True
        self.retranslate()
        self.bars.update()

    def clear(self) -> None:
        self.bars.p = np.zeros(10, np.float32)
        self._shown = False
        self.retranslate()
        self.bars.update()

    def is_sure(self) -> bool:
        return self._shown and float(self.bars.p.max()) >= self._sure

    def retranslate(self) -> None:
        if not self._shown:
            self.answer.setText("–")
            self.verdict.setText(self.tr("Draw a digit"))
            return
        best = int(np.argmax(self.bars.p))
        confidence = round(100 * float(self.bars.p[best]))
        self.answer.setText(str(best) if self.is_sure() else f"{best}?")
        self.verdict.setText(self.tr("{p} % sure").format(p=confidence) if self.is_sure()
                             else self.tr("not sure ({p} %)").format(p=confidence))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
