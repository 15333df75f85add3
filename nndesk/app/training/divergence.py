"""When training diverges: say why in plain words and offer a smaller learning rate in one click.

A cost that turns infinite or NaN almost always means η is too large: each
step w ← w − η·∇C overshoots the valley and the weights blow up.  A network
can also *saturate* without any number becoming infinite: the steps throw
the neurons' outputs onto their limits (σ = 0 or 1), where σ′ = 0 and
nothing learns, and the cost stays far above where it started.  Or it can
*collapse to chance*: every ReLU dies, and the network gives one answer for
every input.  The engine's explanation says which (``SATURATED``,
``COLLAPSED``) and whether the weights it put back are collapsed too
(``FRESH_WEIGHTS``: no η can revive them, so the button also resets them).
The banner is inline (not a dialog), so the loss plot stays visible, and its
button applies η/10 and trains again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from nndesk.app.style.eta_text import eta_value
from nndesk.engine.core.saturation import COLLAPSED, FRESH_WEIGHTS, SATURATED


def smaller_rate(eta: float) -> float:
    """η/10 rounded to 3 significant digits (0.5 → 0.05, 0.333 → 0.0333)."""
    return float(f"{eta / 10:.3g}")


class DivergenceBanner(QFrame):
    resetRequested = Signal()  # fresh random weights first (connect to the window's Reset), when they are dead
    learningRateChosen = Signal(float)  # connect to TrainerController.update(learning_rate=…)
    retryRequested = Signal()  # then train again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("divergenceBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.messageLabel = QLabel(objectName="messageLabel", wordWrap=True)
        self.applyButton = QPushButton(objectName="applySmallerButton")
        self.closeButton = QPushButton(objectName="closeBannerButton")
        column = QVBoxLayout(self)  # the text gets the banner's whole width (the central area can be narrow)
        column.addWidget(self.messageLabel)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.applyButton)
        row.addWidget(self.closeButton)
        column.addLayout(row)
        self.applyButton.clicked.connect(self._apply)
        self.closeButton.clicked.connect(self.hide)
        self.eta, self.saturated, self.collapsed, self.fresh = 0.0, False, False, False
        self.hide()

    def show_divergence(self, explanation: str, eta: float) -> None:
        """Slot for ``TrainerController.diverged(explanation, η)``."""
        self.eta, self.saturated = eta, SATURATED in explanation
        self.collapsed, self.fresh = COLLAPSED in explanation, FRESH_WEIGHTS in explanation
        self.setToolTip(explanation)
        self._retranslate()
        self.show()

    def _retranslate(self) -> None:
        if self.collapsed and self.fresh:
            text = self.tr(
                "Training collapsed to chance level: at learning rate η = %1 the network gives the same answer "
                "whatever the input, like guessing. Its neurons no longer respond to the input (a step "
                "w ← w − η·∇C too large pushed them there), and no learning rate can revive them. Start again "
                "from fresh random weights with a smaller learning rate.")
        elif self.collapsed:
            text = self.tr(
                "Training collapsed to chance level: with learning rate η = %1 the steps w ← w − η·∇C pushed the "
                "neurons to where they no longer respond to the input, and the network gave the same answer for "
                "every input, like guessing. The weights were put back to the start of the epoch. Try a smaller "
                "learning rate.")
        elif self.saturated:
            text = self.tr(
                "Training diverged: the network saturated. With learning rate η = %1 the steps w ← w − η·∇C "
                "threw the neurons' outputs onto their limits, where σ′ = 0 and nothing learns any more; the "
                "cost stays far above where it started, though no number became infinite. The weights were put "
                "back to the start of the epoch. Try a smaller learning rate.")
        else:
            text = self.tr(
                "Training diverged: the cost became infinite. With learning rate η = %1 each step w ← w − η·∇C "
                "jumps too far, past the minimum, and the weights blow up. The weights were put back to the start "
                "of the epoch. Try a smaller learning rate.")
        self.messageLabel.setText(text.replace("%1", eta_value(self.eta)))
        smaller = eta_value(smaller_rate(self.eta))
        self.applyButton.setText((self.tr("Reset, use η = %1 and train again") if self.fresh
                                  else self.tr("Use η = %1 and train again")).replace("%1", smaller))
        self.closeButton.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _apply(self) -> None:
        self.hide()
        if self.fresh:
            self.resetRequested.emit()
        self.learningRateChosen.emit(smaller_rate(self.eta))
        self.retryRequested.emit()
