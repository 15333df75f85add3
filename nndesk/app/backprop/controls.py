"""The buttons of the backprop step-through: stepping, the step counter, arithmetic, check, lecture example.

Kept apart from ``BackpropPanel``'s logic, which connects to the buttons and
calls ``show_position``.  The two rows wrap (``FlowLayout``), so the panel
fits a dock about 450 px wide in English and Russian alike.  The strings keep
the panel's translation context ("BackpropPanel"), like ``backprop_render``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QVBoxLayout, QWidget

from nndesk.app.widgets.flow_layout import FlowLayout

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls


class BackpropControls(QWidget):
    NAMES = ("stepBackButton", "stepForwardButton", "toEndButton", "restartButton", "counterLabel",
             "arithmeticToggle", "gradCheckButton", "lectureButton")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stepBackButton = QPushButton(objectName="stepBackButton")
        self.stepForwardButton = QPushButton(objectName="stepForwardButton")
        self.toEndButton = QPushButton(objectName="toEndButton")
        self.restartButton = QPushButton(objectName="restartButton")
        self.counterLabel = QLabel(objectName="counterLabel")
        self.arithmeticToggle = QCheckBox(objectName="arithmeticToggle")
        self.gradCheckButton = QPushButton(objectName="gradCheckButton")
        self.lectureButton = QPushButton(objectName="lectureButton")
        nav, opts = FlowLayout(), FlowLayout()
        for w in (self.stepBackButton, self.stepForwardButton, self.toEndButton, self.restartButton,
                  self.counterLabel):
            nav.addWidget(w)
        for w in (self.arithmeticToggle, self.gradCheckButton, self.lectureButton):
            opts.addWidget(w)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(nav)
        box.addLayout(opts)
        self._position = (-1, 0)
        self.retranslate()

    def retranslate(self) -> None:
        self.stepBackButton.setText(translate("BackpropPanel", "◀ Back"))
        self.stepForwardButton.setText(translate("BackpropPanel", "Next step ▶"))
        self.toEndButton.setText(translate("BackpropPanel", "To the end of this sample"))
        self.restartButton.setText(translate("BackpropPanel", "Start over"))
        self.arithmeticToggle.setText(translate(
            "BackpropPanel", "Slide arithmetic (cut to 2–3 decimals, as in the lecture)"))
        self.arithmeticToggle.setToolTip(translate(
            "BackpropPanel", "Off: exact float64 numbers; hover a number to see every digit."))
        self.gradCheckButton.setText(translate("BackpropPanel", "Check with finite differences"))
        self.gradCheckButton.setToolTip(translate(
            "BackpropPanel", "Nudge the selected weight up and down and compare the change of the cost with the "
                             "gradient from backpropagation."))
        self.lectureButton.setText(translate("BackpropPanel", "Lecture example"))
        self.show_position(*self._position)

    def show_position(self, index: int, n: int) -> None:
        """Step ``index`` (−1: none yet) of ``n`` is the newest shown: enable what makes sense, count."""
        self._position = (index, n)
        self.stepBackButton.setEnabled(index >= 0)
        self.stepForwardButton.setEnabled(index < n - 1)
        self.toEndButton.setEnabled(index < n - 1)
        self.restartButton.setEnabled(n > 0)
        self.gradCheckButton.setEnabled(n > 0)
        self.counterLabel.setText(translate("BackpropPanel", "Step %1 of %2").replace("%1", str(index + 1))
                                  .replace("%2", str(n)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def lay_out_panel(panel: QWidget, steps: QWidget) -> tuple[QLabel, BackpropControls, QWidget, QLabel]:
    """The panel top to bottom: which sample, these buttons, the ``steps``, the gradient check's verdict."""
    sample = QLabel(objectName="sampleLabel", wordWrap=True)
    controls = BackpropControls(panel)
    verdict = QLabel(objectName="gradCheckLabel", wordWrap=True, textFormat=Qt.TextFormat.RichText)
    box = QVBoxLayout(panel)
    box.addWidget(sample)
    box.addWidget(controls)
    box.addWidget(steps, 1)
    box.addWidget(verdict)
    return sample, controls, steps, verdict
