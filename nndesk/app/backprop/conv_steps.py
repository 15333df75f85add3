"""The backprop step-through for a convolutional network: one output pixel of one filter.

A dense step-through follows one weight; a kernel's weights are shared by
every pixel of its map, so here the student follows one pixel (the most
active one of filter 0 of the first convolution, or the one clicked on the
canvas: ``select_feature``): its k×k window times the kernel into z, σ(z), the
pooling's choice, ∂C/∂a back through the pooling (to the winner only), δ, its
share of the kernel's gradient, what it sends back through the kernel, and the
kernel's whole gradient and new weights.  The numbers are ``conv_pixel_walk``'s
(float64, from the engine's own layers).  As in the dense steps, reaching the
last step writes w − η·∇C into every weight as one undoable edit, and stepping
back off it undoes it.

``BackpropPanel`` hands over to this while its network is a ``ConvNet``
(``set_sample``, ``architecture_changed`` return True); the panel's dense state
is emptied meanwhile, so nothing dense runs on a ConvNet.  The sample is the
one the window gives the panel; it is shared with the document once a step is
shown, as the dense panel does, so the canvas lights it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from nndesk.app.backprop import conv_page, conv_texts
from nndesk.app.backprop.conv_render import gradcheck_html, step_kinds
from nndesk.app.backprop.shared_sample import SharedSample
from nndesk.app.backprop.step_cursor import step_to
from nndesk.app.backprop.update_step import UpdateStep
from nndesk.app.document.network_document import NetworkDocument
from nndesk.engine.core.backprop import update
from nndesk.engine.core.convnet import ConvNet, weight_layers
from nndesk.engine.explain import conv_walk as cw


class _NewValues(NamedTuple):
    """What ``UpdateStep.apply`` reads of a trace: every weight layer's new weights and biases."""

    new_weights: list[np.ndarray]
    new_biases: list[np.ndarray]


class ConvSteps(QObject):
    def __init__(self, panel: QWidget, document: NetworkDocument | None, undo_stack: QUndoStack | None) -> None:
        super().__init__(panel)
        self._panel, self._document = panel, document
        self._update = UpdateStep(document, undo_stack, self)
        self._network: ConvNet | None = None
        self._x = self._t = None
        self._eta = 0.1
        self._source: Callable[[], str] | None = None
        self._pixel: cw.Pixel | None = None  # chosen on the canvas; None: the default one
        self._walk: cw.ConvPixelWalk | None = None
        self._index, self._channel = -1, 0
        self._active = self._applying = self._stale = False
        self._shared = SharedSample(document)
        self._timer = QTimer(self, singleShot=True, interval=150, timeout=self._refresh_if_stale)
        self.page = conv_page.ConvPage()
        self._show_page = conv_page.install(panel, self.page)
        c = self.page.controls
        for signal, slot in ((c.stepForwardButton.clicked, self.step_forward),
                             (c.stepBackButton.clicked, self.step_back), (c.toEndButton.clicked, self.to_end),
                             (c.restartButton.clicked, self.restart), (c.gradCheckButton.clicked, self.check_gradient),
                             (c.lectureButton.clicked, panel.load_lecture_example),
                             (self.page.channelBox.currentIndexChanged, self._choose_channel)):
            signal.connect(slot)
        self.page.installEventFilter(self)
        panel.installEventFilter(self)  # ←/→ (keys no child, such as a combo box, took); shown: catch up
        if document is not None:
            document.weightsChanged.connect(self._values_changed)

    # ---- what the panel hands over ----------------------------------------------
    @property
    def active(self) -> bool:
        """True while the panel shows this page (its network is a ConvNet)."""
        return self._active

    @property
    def walk(self) -> cw.ConvPixelWalk | None:
        return self._walk

    @property
    def kinds(self) -> list[str]:
        return step_kinds(self._walk) if self._walk is not None else []

    @property
    def current_index(self) -> int:
        return self._index

    def set_sample(self, network, x: np.ndarray, t: np.ndarray, eta: float,
                   source: Callable[[], str] | None = None) -> bool:
        """Step (x, t) through ``network`` (the document's when None) if it is a ConvNet; else False."""
        net = network if network is not None else (self._document.network if self._document is not None else None)
        if not isinstance(net, ConvNet):
            self._activate(False)
            return False
        if net is not self._network:
            self._pixel = None
        self._network, self._eta, self._source = net, eta, source
        self._x, self._t = np.asarray(x, np.float64).ravel(), np.asarray(t, np.float64).ravel()
        self._activate(True)
        self._rebuild(-1)
        return True

    def architecture_changed(self) -> bool:
        """The document's network changed shape: take it over if it is a ConvNet (keeping a sample that
        still fits, the dense panel's too), else give the sample back to the dense panel and return False."""
        net, panel = self._document.network, self._panel
        if isinstance(net, ConvNet):
            if not self._fits(net, self._x, self._t):
                self._x, self._t, self._source = (panel._x, panel._t, panel._source) if self._fits(
                    net, panel._x, panel._t) else (None, None, None)
                self._eta = panel._eta
            self._network, self._pixel = net, None
            self._activate(True)
            self._rebuild(-1)
            return True
        if self._active and self._fits(net, self._x, self._t):  # back to dense: the sample goes along
            panel._x, panel._t, panel._source, panel._eta = self._x, self._t, self._source, self._eta
        self._activate(False)
        return False

    def set_learning_rate(self, eta: float) -> None:
        """The live η, also on the update step (taken back and made again with it)."""
        if eta != self._eta:
            self._eta = eta
            if self._active and self._panel.isVisible():
                self._rebuild_here()
            elif self._active:
                self._stale = True

    def select_feature(self, L: int, f: int, y: int, x: int) -> None:
        """Follow pixel (y, x) of map f of a⁽ᴸ⁾ (a canvas click); a pooling's pixel is followed to the
        convolution pixel that won it.  Pixels no convolution makes (the input, a pooled image) are ignored."""
        if not self._active or self._network is None or self._x is None:
            return
        try:
            self._pixel = cw.follow_to_conv(self._network, self._x, L, f, y, x)
        except ValueError:
            return
        self._rebuild(-1)

    # ---- stepping ------------------------------------------------------------------
    def step_forward(self) -> None:
        self._go(self._index + 1)

    def step_back(self) -> None:
        self._go(self._index - 1)

    def to_end(self) -> None:
        self._go(len(self.kinds) - 1)

    def restart(self) -> None:
        """A new pass over the same sample and pixel, with the network as it is now."""
        self._rebuild(-1)

    def check_gradient(self) -> None:
        """Finite differences for the shown channel's kernel weight with the largest gradient, and the bias."""
        if self._walk is None:
            return
        walk, c = self._walk, self._channel
        i, j = np.unravel_index(int(np.argmax(np.abs(walk.grad_w[c]))), walk.grad_w[c].shape)
        checks = [(cw.kernel_gradcheck(self._before, self._x, self._t, walk, *at), at) for at in ((c, i, j), (None,))]
        self.page.verdictLabel.setText("<br/>".join(gradcheck_html(walk, check, *at) for check, at in checks))

    def _go(self, index: int) -> None:
        step_to(self, index, len(self.kinds))

    def _rebuild(self, index: int) -> None:
        self._update.forget()  # a new pass: an update already made stays, undoable with Ctrl+Z
        self._stale, self._walk = False, None
        self.page.verdictLabel.clear()
        net, x, t = self._network, self._x, self._t
        if net is not None and self._fits(net, x, t):
            pixel, self._before = self._pixel or cw.default_pixel(net, x), net.astype(np.float64)  # as walked
            try:
                self._walk = cw.conv_pixel_walk(net, x, t, *pixel, self._eta)
            except ValueError:  # a pixel of a network since changed
                self._pixel = None
                self._walk = cw.conv_pixel_walk(net, x, t, *cw.default_pixel(net, x), self._eta)
            self._channel = min(self._channel, self._walk.channels - 1)
            self.page.show_channels(self._walk.channels, self._channel)
        self._index = max(-1, min(index, len(self.kinds) - 2))  # never back onto the update step
        self._render()
        self._emit_step()

    def _rebuild_here(self) -> None:
        index = self._index
        self._apply_update(False)
        self._rebuild(index)
        self._go(index)

    def _values_changed(self) -> None:
        """New weights (training, an edit): rebuild once they settle."""
        if self._active and not self._applying and self._walk is not None:
            self._stale = True
            self._timer.start()

    def _refresh_if_stale(self) -> None:
        if self._stale and self._panel.isVisible():
            self._rebuild(self._index)

    def _apply_update(self, apply: bool) -> None:
        """w − η·∇C into every weight of the network as one undoable edit, or that edit undone."""
        self._applying = True
        try:
            if apply:
                self._update.apply(self._network, self._new_values())
            else:
                self._update.withdraw()
        finally:
            self._applying = False

    def _new_values(self) -> _NewValues:
        net = self._network.astype(np.float64)
        nabla_w, nabla_b, _, _ = net.backprop(self._x[None], self._t[None])  # a batch of one: this sample's
        return _NewValues(*update(weight_layers(net), nabla_w, nabla_b, self._eta))

    # ---- showing ---------------------------------------------------------------------
    def _render(self) -> None:
        page, walk = self.page, self._walk
        page.controls.show_position(self._index, len(self.kinds))
        if walk is None:
            page.sampleLabel.setText(conv_texts.text("no_sample"))
            page.pixelLabel.clear()
            page.stepsView.clear()
            return
        page.sampleLabel.setText(conv_page.sample_html(self._network, self._t, self._eta,
                                                       self._source() if self._source else None))
        page.pixelLabel.setText(conv_texts.text("pixel", walk))
        page.stepsView.show_steps(walk, self._index, self._channel)

    def _emit_step(self) -> None:
        panel, walk = self._panel, self._walk
        panel.stepChanged.emit(self._index)
        shown = self._document is None or self._network is self._document.network
        if walk is None or not shown:
            panel.highlightRequested.emit("none", -1, None)
            return
        if self._index >= 0:
            self._shared.update_forward(self._walk, self._network, self._x, self._source)
        kind = self.kinds[self._index] if self._index >= 0 else ""
        if kind == "pool" and walk.pool is not None:  # the pooled pixel it becomes
            panel.highlightRequested.emit("feature", walk.L + 1, (walk.f, *walk.pool.out))
        else:
            panel.highlightRequested.emit("feature", walk.L, (walk.f, walk.y, walk.x))

    def _choose_channel(self, channel: int) -> None:
        if channel >= 0 and channel != self._channel:
            self._channel = channel
            self._render()

    def _activate(self, on: bool) -> None:
        if on and not self._active:  # the dense panel lets go of its sample: nothing dense runs on a ConvNet
            panel = self._panel
            panel._network = panel._x = panel._t = None
            panel._rebuild(-1)
        if not on and self._active:
            self._update.forget()
            self._walk, self._index = None, -1
        self._active = on
        self._show_page(on)

    @staticmethod
    def _fits(net, x, t) -> bool:
        return x is not None and t is not None and x.size == net.sizes[0] and t.size == net.sizes[-1]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # getattr: None while a garbage collection tears this object down
        page, panel = getattr(self, "page", None), getattr(self, "_panel", None)
        if page is None or panel is None:
            return False
        if watched is page and event.type() == QEvent.Type.LanguageChange:
            page.retranslate()
            self._render()
        elif watched is panel and event.type() == QEvent.Type.Show:
            self._refresh_if_stale()  # weights or η changed while hidden
        elif watched is panel and self._active and event.type() == QEvent.Type.KeyPress:
            step = _KEYS.get(event.key())
            if step is not None:
                getattr(self, step)()
                return True
        return super().eventFilter(watched, event)


_KEYS = {Qt.Key.Key_Right: "step_forward", Qt.Key.Key_Down: "step_forward", Qt.Key.Key_Left: "step_back",
         Qt.Key.Key_Up: "step_back", Qt.Key.Key_End: "to_end"}
