"""When training diverges: say why in plain words and offer a smaller learning rate in one click.

A cost that turns infinite or NaN almost always means η is too large: each
step w ← w − η·∇C overshoots the valley and the weights blow up.  A network
can also *saturate* without any number becoming infinite: the steps throw
the neurons' outputs onto their limits (σ = 0 or 1), where σ′ = 0 and
nothing learns, and the cost stays far above where it started.  The engine's
explanation says which (``SATURATED``); the banner explains either in plain
words.  It is inline (not a dialog), so the loss plot stays visible, and its
button applies η/10 and asks to train again.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from nndesk.engine.core.saturation import SATURATED


def smaller_rate(eta: float) -> float:
    """η/10 rounded to 3 significant digits (0.5 → 0.05, 0.333 → 0.0333)."""
    return float(f"{eta / 10:.3g}")


class DivergenceBanner(QFrame):
    learningRateChosen = Signal(float)  # connect to TrainerController.update(learning_rate=…)
    retryRequested = Signal()  # then train again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("divergenceBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.messageLabel = QLabel(objectName="messageLabel", wordWrap=True)
        self.applyButton = QPushButton(objectName="applySmallerButton")
        self.closeButton = QPushButton(objectName="closeBannerButton")
        row = QHBoxLayout(self)
        row.addWidget(self.messageLabel, 1)
        row.addWidget(self.applyButton)
        row.addWidget(self.closeButton)
        self.applyButton.clicked.connect(self._apply)
        self.closeButton.clicked.connect(self.hide)
        self.eta, self.saturated = 0.0, False
        self.hide()

    def show_divergence(self, explanation: str, eta: float) -> None:
        """Slot for ``TrainerController.diverged(explanation, η)``."""
        self.eta, self.saturated = eta, SATURATED in explanation
        self.setToolTip(explanation)
        self._retranslate()
        self.show()

    def _retranslate(self) -> None:
        if self.saturated:
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
        self.messageLabel.setText(text.replace("%1", f"{self.eta:g}"))
        self.applyButton.setText(self.tr("Use η = %1 and train again").replace("%1", f"{smaller_rate(self.eta):g}"))
        self.closeButton.setText(self.tr("Close"))

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _apply(self) -> None:
        self.learningRateChosen.emit(smaller_rate(self.eta))
        self.retryRequested.emit()
        self.hide()
