"""Draw a digit, see what the network sees, and watch its answer change with every stroke.

The dock owns no network: it reads ``document.network`` at each prediction,
so an edit or a training epoch shows up on the next stroke — and right away,
because the dock re-predicts on ``weightsChanged`` and ``architectureChanged``.
A forward pass of 784-256-10 takes well under a millisecond, so it runs on
every mouse move (see ``benchmarks/bench_draw_latency.py``).

The drawing is the document's sample (``document.set_sample``): the canvas
lights it and the inspector reads it, both naming it "the digit you drew".

"Step through backpropagation" hands the drawing and the digit it should be
to the backprop panel: the moment a wrong answer becomes a lesson in how the
weights would move.  That digit (the target t) is the student's to say: never
the network's guess, which after a collapse would teach the wrong label.
Until they pick one the button waits and says so; their pick stays for the
next drawings.  The same pick labels the drawing "Add to my digits" keeps:
the dock only asks (``addToMyDigitsRequested``); the shell stores it.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.document.sample import Sample
from nndesk.app.draw.digit_preview import DigitPreview
from nndesk.app.draw.draw_pad import DrawPad
from nndesk.app.draw.explain_panel import ExplainPanel
from nndesk.app.draw.my_digits_row import MyDigitsRow
from nndesk.app.draw.prediction_panel import PredictionPanel


class DrawDock(QWidget):
    stepThroughRequested = Signal(object, int)  # a⁽⁰⁾ (784 pixels 0..1, float64), the digit it should be
    # ink (280, 280) uint8 (255 = ink), x (28, 28) float32 exactly as fed to the network, the digit it is
    addToMyDigitsRequested = Signal(object, object, int)

    def __init__(self, document: NetworkDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawDock")
        self.document = document
        self.canvas = None  # a NetworkCanvas that lights the document's sample, if connected
        self._image = np.zeros((28, 28), np.float32)
        self._drawn = False  # a digit is on the pad and the network can read it
        self._name: Callable[[], str] | None = None  # a digit from the data shown on the pad: its name
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
        self.target.setPlaceholderText("?")
        self.target.setCurrentIndex(-1)  # nobody has said which digit it is yet
        self.target.currentIndexChanged.connect(self._enable_step)
        self.step_button = QPushButton(self, objectName="stepThroughDrawing")
        self.step_button.clicked.connect(self._request_step_through)
        self.my_digits = MyDigitsRow(self)
        self.my_digits.button.clicked.connect(self._request_add)
        self._added = False  # this drawing is in my digits already: one click, one drawing
        self.target_label = QLabel(self)
        self.target_label.setBuddy(self.target)
        self.brush_label, self.preview_label, self.message = QLabel(self), QLabel(self), QLabel(self)
        self.preview_label.setWordWrap(True)  # it may name a digit from the data
        self.message.setWordWrap(True)
        self.message.hide()
        self.pick_hint = QLabel(self, objectName="pickTargetHint", wordWrap=True)
        policy = self.pick_hint.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # showing it must not move the pad under the pen
        self.pick_hint.setSizePolicy(policy)
        self.explain = ExplainPanel(document, self.pad, self)  # the steps to the input; why this answer
        self._lay_out()
        self.retranslate()
        self.pad.imageChanged.connect(self._from_pad)
        self.explain.centringToggled.connect(lambda _: self._from_pad(self.pad.image28()))
        document.weightsChanged.connect(self.repredict)
        document.architectureChanged.connect(self.repredict)
        self.repredict()

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)  # the dock's frame is margin enough: a 1280×800 window has no
        grid.setVerticalSpacing(4)  # pixels to spare for the pad, its bars, the brush and "It is a" together
        grid.addWidget(self.pad, 0, 0, 3, 3)
        grid.addWidget(self.brush_label, 3, 0)
        grid.addWidget(self.brush, 3, 1)
        grid.addWidget(self.clear_button, 3, 2)
        grid.addWidget(self.preview_label, 0, 3)
        grid.addWidget(self.preview, 1, 3, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.panel, 2, 3)
        corner = QHBoxLayout()  # under the bars: the rare 'needs a 784-…-10 network', or the explain toggle
        corner.addWidget(self.message, 1)
        corner.addWidget(self.explain.toggle, 0, Qt.AlignmentFlag.AlignRight)
        grid.addLayout(corner, 3, 3)
        teach = QHBoxLayout()  # its own row, so the long button never squeezes the brush slider
        teach.addWidget(self.target_label)
        teach.addWidget(self.target)
        teach.addWidget(self.step_button)
        teach.addStretch(1)
        grid.addLayout(teach, 4, 0, 1, 4)
        grid.addWidget(self.pick_hint, 5, 0, 1, 4)  # (its room kept while hidden: the pad must not move)
        grid.addWidget(self.my_digits, 5, 0, 1, 4)  # in the hint's place: until a digit is picked it can't add
        grid.addWidget(self.explain, 6, 0, 1, 4)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        grid.setRowStretch(2, 1)

    def connect_canvas(self, canvas) -> None:
        """``canvas`` lights every layer by the document's sample: this drawing, or the step-through's (None:
        no canvas lit, as in benchmarks that measure the pad alone)."""
        if self.canvas is None and canvas is not None:
            self.document.sampleChanged.connect(self._light_canvas)  # once, however often a canvas is connected
        self.canvas = canvas
        self.repredict()
        self._light_canvas()

    def _light_canvas(self) -> None:
        if self.canvas is not None:
            sample = self.document.sample
            self.canvas.set_activations(None if sample is None else list(sample.activations))

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
        self._drawn = bool(fits and image.any())
        self._enable_step()
        if not fits:
            self.retranslate()  # the message names the current sizes
            self.panel.clear()
            return
        if not self._drawn:
            self.panel.clear()
            if self.document.sample is not None and self.document.sample.drawn:
                self.document.set_sample(None)  # the pad was cleared; a step-through's sample stays
            return
        sample = Sample.forward(net, image, self._name or self._sample_name, drawn=True)
        self.document.set_sample(sample)
        self.panel.set_probabilities(sample.activations[-1])

    def show_sample(self, image: np.ndarray, digit: int, name: Callable[[], str]) -> None:
        """A digit from the data (a mistake picked in the evaluation view) on the pad, fed to the network
        exactly, named ``name()`` here and wherever the sample is named, its true class as "It is a"."""
        self._name = name
        self._added = False
        self.pad.show_digit(image)
        self.target.setCurrentIndex(digit)
        self.retranslate()
        self.predict(np.asarray(image, np.float32).reshape(28, 28))
        net = self.document.network
        self.explain.steps.clear()  # MNIST's own preprocessing made this digit, not the pad's
        if self.explain.is_open() and net.sizes[0] == image.size and net.sizes[-1] == 10:
            self.explain.attribution.explain(net, image)  # why this answer, on the very pixels evaluated

    def _from_pad(self, image: np.ndarray) -> None:
        """The student drew (or cleared): their drawing, no longer a digit from the data."""
        if self._name is not None:
            self._name = None
            self.retranslate()
        self._added = False
        self.predict(self.explain.fed(image))

    def _sample_name(self) -> str:
        return self.tr("the digit you drew")

    def _enable_step(self) -> None:
        """Stepping through needs a drawing and the digit it is; without a pick, say so."""
        picked = self.target.currentIndex() >= 0
        self.step_button.setEnabled(self._drawn and picked)
        self.pick_hint.setVisible(self._drawn and not picked)
        self.my_digits.setVisible(not (self._drawn and not picked))
        self.my_digits.button.setEnabled(bool(self._image.any()) and picked and not self._added)

    def _request_add(self) -> None:
        if self.target.currentIndex() >= 0 and self._image.any() and not self._added:
            self._added = True
            self._enable_step()
            ink = 255 - self.pad.gray()
            self.addToMyDigitsRequested.emit(ink, self._image.astype(np.float32), self.target.currentIndex())

    def set_my_digits_counts(self, counts: np.ndarray, kept: bool | None = None) -> None:
        """How many drawings of each digit the student's set holds (the shell tells; the dock only shows), and
        whether the drawing on the pad is one of them (an Add undone makes it addable again)."""
        self.my_digits.set_counts(counts)
        if kept is not None:
            self._added = kept
            self._enable_step()

    def _request_step_through(self) -> None:
        if self.target.currentIndex() >= 0:
            self.stepThroughRequested.emit(self._image.reshape(-1).astype(np.float64), self.target.currentIndex())

    def repredict(self) -> None:
        self.predict(self._image)

    def retranslate(self) -> None:
        self.brush_label.setText(self.tr("Brush"))
        self.brush.setToolTip(self.tr("Width of the brush"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Clear the drawing (right-click or Esc on the pad)"))
        self.preview_label.setText(self.tr("What the network sees (28×28):") if self._name is None else
                                   self.tr("What the network sees: %1").replace("%1", self._name()))
        self.target_label.setText(self.tr("It is a"))
        self.target.setToolTip(self.tr("The digit you meant: the target t for backpropagation"))
        self.pick_hint.setText(self.tr("Pick in “It is a” the digit you meant."))
        self.step_button.setText(self.tr("Step through backpropagation"))
        self.my_digits.retranslate()
        self.step_button.setToolTip(self.tr("Follow this drawing through the network and back, number by number, "
                                            "with the chosen digit as the target"))
        sizes = "-".join(map(str, self.document.network.sizes))
        self.message.setText(self.tr("Drawing needs a network with 784 inputs (28×28) and 10 outputs; "
                                     "this one is {sizes}.").format(sizes=sizes))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
