"""Step through one sample's forward pass, cost, backpropagation and update, as on the slides.

The engine's ``walkthrough`` lists the steps; this panel reveals them one at a time (buttons or ←/→), each with
a sentence saying what it does, the symbolic formula and the formula with the numbers substituted.  The
arithmetic toggle switches between the slides' cut decimals (0.57, 0.374 …) and exact float64 (hover any number
for every digit).  Each step asks the canvas to highlight what it concerns (``highlightRequested``); the last
step writes the new weights into the network as an undoable edit (``UpdateStep``), and stepping back undoes it.
"Check with finite differences" compares the selected weight's gradient with ``gradcheck``.

This file is the step-through's logic; the buttons are ``BackpropControls``, the steps a ``StepsView`` (HTML:
``render``); it writes only through undo commands.  A ConvNet's steps (one pixel of one filter): ``ConvSteps``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import QWidget

from nndesk.app.backprop.checked_weight import checked_parameter
from nndesk.app.backprop.controls import BackpropControls, lay_out_panel
from nndesk.app.backprop.conv_steps import ConvSteps
from nndesk.app.backprop.render import gradcheck_html, sample_html
from nndesk.app.backprop.shared_sample import SharedSample
from nndesk.app.backprop.step_cursor import step_to
from nndesk.app.backprop.steps_view import StepsView
from nndesk.app.backprop.update_step import UpdateStep
from nndesk.app.document.network_document import NetworkDocument
from nndesk.engine.core.network import Network
from nndesk.engine.explain.gradcheck import gradcheck
from nndesk.engine.explain.lecture import LECTURE_ETA, LECTURE_INPUT, LECTURE_TARGET, lecture_network
from nndesk.engine.explain.stepthrough import Focus, Step, Walkthrough, walkthrough


class BackpropPanel(QWidget):
    highlightRequested = Signal(str, int, object)  # ("neuron", L, i) / ("edge", l, (k, j)) / ("layer", L, None)…
    stepChanged = Signal(int)  # index of the newest step shown, −1 before the first
    walkthroughChanged = Signal(object)  # the engine's Walkthrough (its .exact Trace has every z, a, δ)
    lectureExampleLoaded = Signal(object)  # the lecture's Network: asked for, for the document / canvas to show

    def __init__(self, document: NetworkDocument | None = None, undo_stack: QUndoStack | None = None,
                 parent: QWidget | None = None) -> None:
        """``undo_stack`` is the document's shared one (the update is then undone with Ctrl+Z)."""
        super().__init__(parent)
        self.setObjectName("backpropPanel")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._document = document
        self._update = UpdateStep(document, undo_stack, self)
        self._shared = SharedSample(document)
        self._network: Network | None = None
        self._x, self._t, self._eta = None, None, 0.1
        self._source: Callable[[], str] | None = None  # where the sample came from, in the current language
        self._focus: Focus | None = None
        self._walk: Walkthrough | None = None
        self._index = -1
        self._applying = self._stale = False  # stale: the weights changed since the steps were built (rebuilt later)
        self._refresh_timer = QTimer(self, singleShot=True, interval=150, timeout=self._refresh_if_stale)
        self._build_ui()
        self.conv = ConvSteps(self, document, undo_stack)
        if document is not None:
            document.weightsChanged.connect(self._values_changed)
            document.architectureChanged.connect(self._architecture_changed)
        self.controls.show_position(self._index, len(self.steps))

    # ---- widgets -------------------------------------------------------------
    def _build_ui(self) -> None:
        self.sampleLabel, self.controls, self.stepsView, self.gradCheckLabel = lay_out_panel(self, StepsView(self))
        for name in BackpropControls.NAMES:  # the panel's own names for them, as before
            setattr(self, name, getattr(self.controls, name))
        c = self.controls
        for signal, slot in ((c.stepForwardButton.clicked, self.step_forward),
                             (c.stepBackButton.clicked, self.step_back), (c.toEndButton.clicked, self.to_end),
                             (c.restartButton.clicked, self.restart), (c.arithmeticToggle.toggled, self._rebuild_here),
                             (c.gradCheckButton.clicked, self.check_gradient),
                             (c.lectureButton.clicked, self.load_lecture_example)):
            signal.connect(slot)
        self.retranslate()

    def retranslate(self) -> None:
        """The buttons translate themselves (``BackpropControls``); the steps are typeset again."""
        self.gradCheckLabel.clear()
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- what to step through ---------------------------------------------
    def load_lecture_example(self) -> None:
        """The lecture's 3-2-1 network and sample, in slide arithmetic.  With a document the panel only
        asks (``lectureExampleLoaded``): the window shows that network and steps it, or nothing changes;
        the panel never steps a network the canvas does not show.  On its own it steps its own copy."""
        net = lecture_network()
        if self._document is None:
            self.set_sample(net, LECTURE_INPUT, LECTURE_TARGET, LECTURE_ETA, slide=True)
        self.lectureExampleLoaded.emit(net)

    def set_sample(self, network: Network | None, x: np.ndarray, t: np.ndarray, eta: float,
                   slide: bool = False, focus: Focus | None = None, source: Callable[[], str] | None = None) -> None:
        """Start stepping (x, t) through ``network`` (the document's when None) with learning rate η.
        ``source()`` says where the sample came from ("the digit you drew…"), shown instead of a⁽⁰⁾."""
        if self.conv.set_sample(network, x, t, eta, source):
            return
        self._network = network if network is not None else self._document.network
        self._x, self._t, self._eta = np.asarray(x, dtype=np.float64), np.asarray(t, dtype=np.float64), eta
        self._source = source
        self._focus = focus
        with QSignalBlocker(self.arithmeticToggle):
            self.arithmeticToggle.setChecked(slide)
        self._rebuild(index=-1)

    def set_learning_rate(self, eta: float) -> None:
        """The live η (the slider's), also on the update step (taken back and made again with the new η)."""
        self.conv.set_learning_rate(eta)
        if eta != self._eta:
            self._eta = eta
            if self.isVisible():
                self._rebuild_here()
            else:
                self._values_changed()

    def select_edge(self, l: int, k: int, j: int) -> None:
        """Follow w_kj⁽ˡ⁾ (a canvas click): big networks re-plan their path, all use it for the check."""
        self._refocus((l, k, j))

    def select_feature(self, L: int, f: int, y: int, x: int) -> None:
        self.conv.select_feature(L, f, y, x)  # pixel (y, x) of map f of a⁽ᴸ⁾ (a canvas click)

    def select_neuron(self, L: int, i: int) -> None:
        if L > 0:
            self._refocus((L - 1, i, None))

    def _refocus(self, focus: Focus) -> None:
        """A canvas click: the pass starts over along it, and the canvas keeps the click's mark (the student
        looks at it; the arrow keys go on from it) until a step lights something else."""
        self._focus = focus
        if self._walk is not None and not self._walk.full and not self._update.applied:
            self._rebuild(index=-1, keep_mark=True)

    def _rebuild(self, index: int, keep_mark: bool = False) -> None:
        self._update.forget()  # a new pass: an update already made stays, undoable with Ctrl+Z
        self._stale = False
        self.gradCheckLabel.clear()
        if self._network is None or self._x is None:
            self._walk = None
        else:
            self._walk = walkthrough(self._network, self._x, self._t, self._eta, self._focus,
                                     slide=self.slide_arithmetic)  # Decimal only when shown
            self._before = self._network.astype(np.float64)
        self._index = min(index, len(self.steps) - 2)
        self.walkthroughChanged.emit(self._walk)
        self._render()
        self._emit_step(keep_mark)

    def _rebuild_here(self) -> None:
        """The same step again with another η or arithmetic (slide arithmetic is computed on demand)."""
        if self._walk is None or self._stale:  # weights came in since (training): never undo over them
            self._refresh_if_stale()
            return
        index = self._index
        self._apply_update(False)
        self._rebuild(index)
        self._go(index)  # back at the update step: applied again, with the new η or arithmetic

    def _values_changed(self) -> None:
        """New weights (an edit, training): rebuild once they settle (784-800-10 costs ~80 ms a walk)."""
        if not self._applying and self._network is not None:
            self._stale = True
            self._refresh_timer.start()

    def _refresh_if_stale(self) -> None:
        if self._stale and self.isVisible():  # hidden panels catch up when shown
            self._rebuild(self._index)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._refresh_if_stale()

    def _architecture_changed(self) -> None:
        if self.conv.architecture_changed():  # a ConvNet: its own page takes over
            return
        net = self._document.network
        if self._x is not None and (net.sizes[0] != len(self._x) or net.sizes[-1] != len(self._t)):
            self._network, self._x = None, None
        else:
            self._network = net
        self._focus = None
        self._rebuild(index=-1)

    # ---- stepping ----------------------------------------------------------
    @property
    def steps(self) -> list[Step]:
        return self._walk.steps if self._walk is not None else []

    @property
    def walk(self) -> Walkthrough | None:
        return self._walk

    @property
    def network(self) -> Network | None:  # the one stepped through: the document's, unless given another
        return self._network

    @property
    def current_index(self) -> int:
        return self._index

    @property
    def slide_arithmetic(self) -> bool:
        return self.arithmeticToggle.isChecked()

    def step_forward(self) -> None:
        self._go(self._index + 1)

    def step_back(self) -> None:
        self._go(self._index - 1)

    def to_end(self) -> None:
        self._go(len(self.steps) - 1)

    def restart(self) -> None:
        """A new pass over the same sample, with the network as it is now (updated or not)."""
        self._rebuild(index=-1)

    def _go(self, index: int) -> None:
        step_to(self, index, len(self.steps))

    def _emit_step(self, keep_mark: bool = False) -> None:
        self.controls.show_position(self._index, len(self.steps))
        self.stepChanged.emit(self._index)
        if 0 <= self._index < len(self.steps):
            self._light(*self.steps[self._index].target)
        else:
            self._light("none", -1, None, keep_mark)

    @property
    def steps_document(self) -> bool:
        """Whether the network stepped through is the one the document (and so the canvas) shows."""
        return self._shared.shows(self._network)

    def _light(self, kind: str, layer: int, where: object, keep_mark: bool = False) -> None:
        """Ask the canvas to light what a step concerns (only if it shows this network), with our sample;
        nothing to light clears the canvas's mark, unless it is the student's own click (``keep_mark``)."""
        if not self.steps_document:
            kind, layer, where = "none", -1, None
        self._shared.update(self._walk, self._network, self._source, lit=kind != "none")
        if not (keep_mark and kind == "none"):
            self.highlightRequested.emit(kind, layer, where)

    def _apply_update(self, apply: bool) -> None:
        """Push w − η·∇C (in the arithmetic shown) as an undoable edit, or undo it (stepping back)."""
        self._applying = True  # our own edit: no rebuild
        try:
            if apply:
                self._update.apply(self._network, self._walk.slide if self.slide_arithmetic else self._walk.exact)
            else:
                self._update.withdraw()
        finally:
            self._applying = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.step_forward()
        elif event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.step_back()
        elif event.key() == Qt.Key.Key_End:
            self.to_end()
        else:
            super().keyPressEvent(event)

    # ---- showing -------------------------------------------------------------
    def _render(self) -> None:
        if self._walk is None:
            self.sampleLabel.setText(self.tr("No sample: load the lecture example or pick a sample to step "
                                             "through."))
            self.stepsView.clear()
            return
        self.sampleLabel.setText(sample_html(self, self._walk, self._network, self._source() if self._source else None))
        self.stepsView.show_steps(self._walk, self._index, self.slide_arithmetic, self._network)

    # ---- finite differences --------------------------------------------------
    def selected_parameter(self) -> tuple[int, int, int | None]:
        """(l, k, j) of the weight the current step concerns (j None: a bias), else the focus."""
        return checked_parameter(self._walk, self._index)

    def check_gradient(self) -> None:
        if self._walk is None:
            return
        l, k, j = self.selected_parameter()
        self.gradCheckLabel.setText(gradcheck_html(gradcheck(self._before, self._x, self._t, l, k, j), l, k, j))
        self._light(*(("edge", l, (k, j)) if j is not None else ("neuron", l + 1, k)))

