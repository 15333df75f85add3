"""Explain one answer under the draw pad: the preprocessing steps and the attribution maps, when the pen lifts.

The pad emits its image on every move, which the bars follow; the steps and
the maps would flicker at that rate and cost more, so this panel watches the
pad for the pen being lifted (mouse or tablet) and explains the finished
stroke.  A new network (training, an edit) re-explains the drawing on screen;
a cleared pad clears them.  ``fed`` is what the dock feeds the network: the
centred digit, or with "No centring" the whole pad shrunk.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.draw.attribution_view import AttributionView
from nndesk.app.draw.draw_pad import DrawPad
from nndesk.app.draw.preprocess_steps import PreprocessSteps

_LIFTS = (QEvent.Type.MouseButtonRelease, QEvent.Type.TabletRelease)


class ExplainPanel(QWidget):
    centringToggled = Signal(bool)

    def __init__(self, document: NetworkDocument, pad: DrawPad, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("explainPanel")
        self.document, self.pad = document, pad
        self.steps = PreprocessSteps(self)
        self.attribution = AttributionView(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.steps, 3)
        row.addWidget(self.attribution, 2)
        self.steps.centringToggled.connect(self._on_centring)
        pad.installEventFilter(self)
        pad.imageChanged.connect(self._on_image)
        document.weightsChanged.connect(self._explain_answer)
        document.architectureChanged.connect(self._explain_answer)

    def fed(self, image28: np.ndarray) -> np.ndarray:
        """The input the network reads for the pad's ``image28``."""
        return self.steps.fed(image28, self.pad.gray())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.pad and event.type() in _LIFTS:
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
