"""Explain one answer under the draw pad: the preprocessing steps and the attribution maps, when the pen lifts.

The pad emits its image on every move, which the bars follow; the steps and
the maps would flicker at that rate and cost more, so this panel watches the
pad for the pen being lifted (mouse or tablet) and explains the finished
stroke.  A new network (training, an edit) re-explains the drawing on screen;
a cleared pad clears them.  ``fed`` is what the dock feeds the network: the
centred digit, or with "No centring" the whole pad shrunk.

The section opens and closes under its own button ("Why this answer?"): open,
it needs about 640×200 px more, which a window on a screen under 1000 px
tall can't spare without squeezing the canvas, so it starts open only on a
screen that tall (and the student's choice then holds).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.draw.attribution_view import AttributionView
from nndesk.app.draw.draw_pad import DrawPad
from nndesk.app.draw.preprocess_steps import PreprocessSteps

_LIFTS = (QEvent.Type.MouseButtonRelease, QEvent.Type.TabletRelease)
ROOMY_SCREEN = 1000  # px of available height from which the section starts open


class ExplainPanel(QWidget):
    centringToggled = Signal(bool)

    def __init__(self, document: NetworkDocument, pad: DrawPad, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("explainPanel")
        self.document, self.pad = document, pad
        self.toggle = QToolButton(self, objectName="explainToggle", checkable=True, autoRaise=True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.body = QWidget(self)
        self.steps = PreprocessSteps(self.body)
        self.attribution = AttributionView(self.body)
        row = QHBoxLayout(self.body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.steps, 3)
        row.addWidget(self.attribution, 2)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.body)  # the toggle is the dock's to place: beside "It is a", a row saved
        screen = QGuiApplication.primaryScreen()
        roomy = screen is not None and screen.availableGeometry().height() >= ROOMY_SCREEN
        self.toggle.toggled.connect(self._open)
        self.toggle.setChecked(roomy)
        self._open(roomy)
        self.steps.centringToggled.connect(self._on_centring)
        pad.installEventFilter(self)
        pad.imageChanged.connect(self._on_image)
        document.weightsChanged.connect(self._explain_answer)
        document.architectureChanged.connect(self._explain_answer)

    def is_open(self) -> bool:
        return self.toggle.isChecked()

    def _open(self, open_: bool) -> None:
        if not open_ and self.steps.no_centring.isChecked():
            self.steps.no_centring.setChecked(False)  # a hidden switch must not change what the network sees
        self.body.setVisible(open_)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.retranslate()
        if open_:
            self.explain()

    def retranslate(self) -> None:
        self.toggle.setText(self.tr("Why this answer?"))
        self.toggle.setToolTip(self.tr("How the drawing becomes the input, and which pixels pushed the "
                                       "network towards its answer: show or hide"))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def fed(self, image28: np.ndarray) -> np.ndarray:
        """The input the network reads for the pad's ``image28``."""
        return self.steps.fed(image28, self.pad.gray())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # getattr: None while a garbage collection tears this object down
        if watched is getattr(self, "pad", None) and event.type() in _LIFTS and self.is_open():
            self.explain()
        return False

    def explain(self) -> None:
        """Show the steps and the maps of the pad's drawing as it is now."""
        if self.pad.is_blank():
            self.steps.clear()
            self.attribution.clear()
            return
        self.steps.show_drawing(self.pad.gray())
        self._explain_answer()

    def _explain_answer(self) -> None:
        if not self.is_open():
            return
        net = self.document.network
        image = self.fed(self.pad.image28())
        if self.pad.is_blank() or net.sizes[0] != image.size or net.sizes[-1] != 10:
            self.attribution.clear()
        else:
            self.attribution.explain(net, image)

    def _on_image(self, image: np.ndarray) -> None:
        if not np.any(image):  # cleared: nothing to explain
            self.steps.clear()
            self.attribution.clear()

    def _on_centring(self, centred: bool) -> None:
        self._explain_answer()
        self.centringToggled.emit(centred)
