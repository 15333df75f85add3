"""Draw a digit, see what the network sees, and watch its answer change with every stroke.

The dock owns no network: it reads ``document.network`` at each prediction,
so an edit or a training epoch shows up on the next stroke — and right away,
because the dock re-predicts on ``weightsChanged`` and ``architectureChanged``.
A forward pass of 784-256-10 takes well under a millisecond, so it runs on
every mouse move (see ``benchmarks/bench_draw_latency.py``).

"Step through backpropagation" hands the drawing and the digit it should be
(the prediction until the student picks another) to the backprop panel:
the moment a wrong answer becomes a lesson in how the weights would move.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.draw.digit_preview import DigitPreview
from nndesk.app.draw.draw_pad import DrawPad
from nndesk.app.draw.prediction_panel import PredictionPanel


class DrawDock(QWidget):
    stepThroughRequested = Signal(object, int)  # a⁽⁰⁾ (784 pixels 0..1, float64), the digit it should be

    def __init__(self, document: NetworkDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawDock")
        self.document = document
        self.canvas = None  # a NetworkCanvas to light up, if connected
        self._image = np.zeros((28, 28), np.float32)
        self.pad = DrawPad(self)
        self.preview = DigitPreview(self)
        self.panel = PredictionPanel(self)
        self.brush = QSlider(Qt.Orientation.Horizontal, self)
        self.brush.setObjectName("brushWidth")
        self.brush.setRange(8, 40)
        self.brush.setValue(round(self.pad.brush_width()))
        self.brush.valueChanged.connect(self.pad.set_brush_width)
        self.clear_button = QPushButton(self, objectName="clearDrawing")
        self.clear_button.clicked.connect(self.pad.clear)
        self.target = QComboBox(self, objectName="targetDigit")
        self.target.addItems([str(d) for d in range(10)])
        self.target.activated.connect(self._target_picked)
        self._target_picked_by_student = False
        self.step_button = QPushButton(self, objectName="stepThroughDrawing")
        self.step_button.clicked.connect(self._request_step_through)
        self.target_label = QLabel(self)
        self.target_label.setBuddy(self.target)
        self.brush_label, self.preview_label, self.message = QLabel(self), QLabel(self), QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        self._lay_out()
        self.retranslate()
        self.pad.imageChanged.connect(self.predict)
        document.weightsChanged.connect(self.repredict)
        document.architectureChanged.connect(self.repredict)
        self.repredict()

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        grid.addWidget(self.pad, 0, 0, 3, 3)
        grid.addWidget(self.brush_label, 3, 0)
        grid.addWidget(self.brush, 3, 1)
        grid.addWidget(self.clear_button, 3, 2)
        grid.addWidget(self.preview_label, 0, 3)
        grid.addWidget(self.preview, 1, 3, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.panel, 2, 3)
        grid.addWidget(self.message, 3, 3)
        teach = QHBoxLayout()  # its own row, so the long button never squeezes the brush slider
        teach.addWidget(self.target_label)
        teach.addWidget(self.target)
        teach.addWidget(self.step_button)
        teach.addStretch(1)
        grid.addLayout(teach, 4, 0, 1, 4)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        grid.setRowStretch(2, 1)

    def connect_canvas(self, canvas) -> None:
        """Also show the fed image and every layer's activations on ``canvas`` (None: stop)."""
        self.canvas = canvas
        self.repredict()

    def image(self) -> np.ndarray:
        return self._image.copy()

    def predict(self, image: np.ndarray) -> None:
        """Feed the 28×28 ``image`` forward; update the preview, the bars and the canvas."""
        self._image = image
        self.preview.set_image(image)
        net = self.document.network
        fits = net.sizes[0] == image.size and net.sizes[-1] == 10
        self.message.setVisible(not fits)
        self.panel.setEnabled(fits)
        blank = not image.any()
        self.step_button.setEnabled(fits and not blank)
        if blank:
            self._target_picked_by_student = False  # a new drawing: follow the prediction again
        if not fits:
            self.retranslate()  # the message names the current sizes
            self.panel.clear()
            return
        x = image.reshape(1, -1)
        if self.canvas is not None:
            _, activations = net.forward(x)
            self.canvas.set_activations(None if blank else [a[0] for a in activations])
            out = activations[-1]
        else:
            out = net.feedforward(x)
        if blank:
            self.panel.clear()
        else:
            self.panel.set_probabilities(out[0])
            if not self._target_picked_by_student:
                self.target.setCurrentIndex(int(np.argmax(out[0])))

    def _target_picked(self) -> None:
        self._target_picked_by_student = True

    def _request_step_through(self) -> None:
        self.stepThroughRequested.emit(self._image.reshape(-1).astype(np.float64), self.target.currentIndex())

    def repredict(self) -> None:
        self.predict(self._image)

    def retranslate(self) -> None:
        self.brush_label.setText(self.tr("Brush"))
        self.brush.setToolTip(self.tr("Width of the brush"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Clear the drawing (right-click or Esc on the pad)"))
        self.preview_label.setText(self.tr("What the network sees (28×28):"))
        self.target_label.setText(self.tr("It is a"))
        self.target.setToolTip(self.tr("The digit you meant: the target t for backpropagation"))
        self.step_button.setText(self.tr("Step through backpropagation"))
        self.step_button.setToolTip(self.tr("Follow this drawing through the network and back, number by number, "
                                            "with the chosen digit as the target"))
        sizes = "-".join(map(str, self.document.network.sizes))
        self.message.setText(self.tr("Drawing needs a network with 784 inputs (28×28) and 10 outputs; "
                                     "this one is {sizes}.").format(sizes=sizes))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
