"""The learning rate η (шаг обучения) on a log slider from 1e-4 to 10, with its value shown.

η spans five decades, so the slider moves its exponent: 100 steps a decade,
PageUp/PageDown multiply or divide by 10.  Scrubbing emits through a
leading-edge throttle (superqt's ``qthrottled`` policy): the first move
applies at once, later ones at most every ``THROTTLE_MS`` and the final
position always lands, so a drag never floods the training loop.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

from nndesk.app.style.eta_text import eta_text

MIN_RATE, MAX_RATE = 1e-4, 10.0
STEPS_PER_DECADE = 100
THROTTLE_MS = 100


def rate_to_position(eta: float) -> int:
    eta = min(max(eta, MIN_RATE), MAX_RATE)
    return round((math.log10(eta) - math.log10(MIN_RATE)) * STEPS_PER_DECADE)


def position_to_rate(position: int) -> float:
    eta = 10 ** (math.log10(MIN_RATE) + position / STEPS_PER_DECADE)
    return float(f"{eta:.3g}")  # three significant digits: what the label shows is what trains


class LearningRateSlider(QWidget):
    learningRateChanged = Signal(float)  # throttled while dragging; the last value always arrives

    def __init__(self, eta: float = 0.1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("learningRateControl")
        self.slider = QSlider(Qt.Orientation.Horizontal, objectName="learningRateSlider")
        self.slider.setRange(0, rate_to_position(MAX_RATE))
        self.slider.setSingleStep(5)
        self.slider.setPageStep(STEPS_PER_DECADE)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(STEPS_PER_DECADE)
        self.label = QLabel(objectName="learningRateValue")
        self.label.setMinimumWidth(self.fontMetrics().horizontalAdvance("η = 0,0000") + 4)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        self._eta = eta
        self._pending: float | None = None
        self._throttle = QTimer(self, singleShot=True, interval=THROTTLE_MS, timeout=self._flush)
        self.slider.valueChanged.connect(self._on_position)
        self.setValue(eta)
        self.retranslate()

    def value(self) -> float:
        return self._eta

    def setValue(self, eta: float) -> None:
        """Show ``eta`` without emitting (the model changed, not the user)."""
        self._eta = float(eta)
        self.slider.blockSignals(True)
        self.slider.setValue(rate_to_position(eta))
        self.slider.blockSignals(False)
        self._show()

    def _on_position(self, position: int) -> None:
        self._eta = position_to_rate(position)
        self._show()
        if self._throttle.isActive():  # inside the window: remember, send on the trailing edge
            self._pending = self._eta
            return
        self.learningRateChanged.emit(self._eta)  # leading edge: apply at once
        self._throttle.start()

    def _flush(self) -> None:
        if self._pending is not None:
            eta, self._pending = self._pending, None
            self.learningRateChanged.emit(eta)
            self._throttle.start()

    def _show(self) -> None:
        self.label.setText(eta_text(self._eta))  # as the cost plot's markers and the banner write it

    def retranslate(self) -> None:
        tip = self.tr("Learning rate η: how far each step w ← w − η·∇C moves the weights "
                      "(log scale, 0.0001 … 10; PageUp/PageDown multiply or divide by 10)")
        self.slider.setToolTip(tip)
        self.slider.setAccessibleName(self.tr("Learning rate"))
        self.label.setToolTip(tip)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._show()
        super().changeEvent(event)
