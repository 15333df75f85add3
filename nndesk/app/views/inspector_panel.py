"""Look inside one neuron or one weight: its numbers for the current sample, and edit it.

Click a neuron on the canvas: its bias b, z and a for the document's sample
— the one the canvas lights, named in the heading ("the digit you drew") —
and δ once the step-through's backward pass has reached it.  Click an edge:
the weight w, ∂C/∂w for this sample and for the last training batch.
The value can be typed (spin box) or dragged (slider; successive edits of
one weight merge into one undo step, see ``SetWeightCommand.mergeWith``);
Freeze keeps training from changing it, prune sets it to 0 and freezes it.
Every edit is a ``QUndoCommand`` on the shared undo stack, so Ctrl+Z works
the same as on the canvas; the document passes it on to a running training.
The panel only reads the document and listens to it.  Hover any number for
every digit.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from nndesk.app.document.editor_commands import SetBiasCommand, SetWeightCommand
from nndesk.app.document.freeze_commands import FreezeCommand, PruneCommand, neuron_params
from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.document.value_edits import value
from nndesk.app.style.formula_view import FormulaView, formula_html
from nndesk.app.views.filter_inspector import FilterInspector
from nndesk.engine.explain import formula as f
from nndesk.engine.explain.trace import Trace

_SLIDER_STEPS = 1000  # the slider spans ±span in 2000 steps


def _num(x: float) -> f.Num:
    return f.Num(f.exact_text(float(x)), float(x))


class InspectorPanel(QWidget):
    def __init__(self, document: NetworkDocument, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectorPanel")
        self.document, self.undo_stack = document, undo_stack
        self.selection: tuple | None = None  # ("neuron", L, i) or ("edge", l, k, j)
        self._trace: Trace | None = None  # the step-through's sample (δ and ∂C/∂w come from it)
        self._backward = False
        self._batch: tuple[list[np.ndarray], list[np.ndarray]] | None = None
        self._span = 1.0
        self.titleLabel = QLabel(objectName="titleLabel", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.valueName = QLabel(objectName="valueName", textFormat=Qt.TextFormat.RichText)
        self.valueSpin = QDoubleSpinBox(objectName="valueSpin", decimals=6, minimum=-1e3, maximum=1e3,
                                        singleStep=0.01, keyboardTracking=False)
        self.valueSlider = QSlider(Qt.Orientation.Horizontal, objectName="valueSlider",
                                   minimum=-_SLIDER_STEPS, maximum=_SLIDER_STEPS)
        self.lines = [FormulaView() for _ in range(4)]  # z, a, δ / ∂C/∂w sample, batch
        self.freezeCheck = QCheckBox(objectName="freezeCheck")
        self.pruneButton = QPushButton(objectName="pruneButton")
        row = QHBoxLayout()
        row.addWidget(self.valueName)
        row.addWidget(self.valueSpin, 1)
        dense, self.filterInspector = QWidget(), FilterInspector(document, undo_stack)  # a CNN's feature maps
        self.pages = QStackedWidget(objectName="inspectorPages")
        self.pages.addWidget(dense)
        self.pages.addWidget(self.filterInspector)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        box = QVBoxLayout(dense)
        box.addWidget(self.titleLabel)
        box.addLayout(row)
        box.addWidget(self.valueSlider)
        for line in self.lines:
            box.addWidget(line)
        box.addWidget(self.freezeCheck)
        box.addWidget(self.pruneButton)
        box.addStretch(1)
        self.valueSpin.valueChanged.connect(self._commit)
        self.valueSlider.valueChanged.connect(lambda s: self._commit(s / _SLIDER_STEPS * self._span))
        self.freezeCheck.toggled.connect(self._freeze)
        self.pruneButton.clicked.connect(self._prune)
        document.weightsChanged.connect(self.refresh)
        document.sampleChanged.connect(self.refresh)
        document.architectureChanged.connect(self._architecture_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.freezeCheck.setText(self.tr("Frozen: training does not change it"))
        self.pruneButton.setText(self.tr("Prune: set to 0 and freeze"))
        self.refresh()

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- what to show --------------------------------------------------------
    def show_neuron(self, L: int, i: int) -> None:
        """Slot for ``NetworkCanvas.neuronClicked``."""
        self.selection = ("neuron", L, i)
        self.pages.setCurrentIndex(0)
        self._span = 0.0
        self.refresh()

    def show_edge(self, l: int, k: int, j: int) -> None:
        """Slot for ``NetworkCanvas.edgeClicked``."""
        self.selection = ("edge", l, k, j)
        self.pages.setCurrentIndex(0)
        self._span = 0.0
        self.refresh()

    def show_feature(self, L: int, f: int, y: int, x: int) -> None:
        """Slot for ``NetworkCanvas.featureClicked``: a filter's weights, a pixel's z and a (``FilterInspector``)."""
        self.pages.setCurrentWidget(self.filterInspector)
        self.filterInspector.show_feature(L, f, y, x)

    def set_trace(self, trace: Trace | None, backward_done: bool = False) -> None:
        """The sample being stepped through; its δ and ∂C/∂w appear once the backward pass is shown,
        while it is the document's sample."""
        self._trace, self._backward = trace, backward_done
        self.refresh()

    def set_batch_gradients(self, nabla_w: list[np.ndarray] | None, nabla_b: list[np.ndarray] | None) -> None:
        """∂C/∂W and ∂C/∂b of the last training batch (a snapshot, not live arrays)."""
        self._batch = None if nabla_w is None else (nabla_w, nabla_b)
        self.refresh()

    def follow_backprop(self, panel) -> None:
        """Show the numbers of ``BackpropPanel``'s sample, δ once its steps reach the backward pass."""
        def update(_=None) -> None:
            walk = panel.walk
            back = walk is not None and any(s.kind not in ("forward", "z", "softmax", "layer", "cost")
                                            for s in walk.steps[:panel.current_index + 1])
            self.set_trace(walk.exact if walk is not None else None, back)
        panel.walkthroughChanged.connect(update)
        panel.stepChanged.connect(update)

    def _architecture_changed(self) -> None:
        if self.filterInspector.selection is None:  # (it has checked its pixel still exists)
            self.pages.setCurrentIndex(0)
        self.selection = None
        self._trace = self._batch = None
        self.refresh()

    # ---- the parameter shown -------------------------------------------------
    def _param(self) -> tuple[int, int, int | None] | None:
        """(l, k, j) of the edited weight, or (l, k, None) for a neuron's bias; None for inputs."""
        if self.selection is None:
            return None
        if self.selection[0] == "edge":
            return self.selection[1:]
        L, i = self.selection[1:]
        return (L - 1, i, None) if L > 0 else None

    def _value(self) -> float:
        return value(self.document.network, self._param())

    def refresh(self) -> None:
        p = self._param()
        editable = p is not None
        for w in (self.valueSpin, self.valueSlider, self.freezeCheck, self.pruneButton, self.valueName):
            w.setVisible(editable)
        self.titleLabel.setText(self._title())
        lines = self._lines()
        for view, formula in zip(self.lines, lines + [()] * (len(self.lines) - len(lines))):
            view.set_formula(formula)
            view.setVisible(bool(formula))
        if not editable:
            return
        value = self._value()
        if self._span == 0.0 or abs(value) > self._span:
            self._span = max(1.0, float(np.ceil(2 * abs(value))))
        name = f.w_(*p) if p[2] is not None else f.b_(p[0] + 1, p[1])
        self.valueName.setText(formula_html((name, " ="), link=None)[0])
        for w, v in ((self.valueSpin, value), (self.valueSlider, round(value / self._span * _SLIDER_STEPS))):
            with QSignalBlocker(w):
                w.setValue(v)
        with QSignalBlocker(self.freezeCheck):
            self.freezeCheck.setChecked(all(self.document.is_frozen(q) for q in self._targets()))

    def _title(self) -> str:
        if self.selection is None:
            return self.tr("Click a neuron or a connection on the network to look inside.")
        sample = self.document.sample
        if sample is None:
            said = self.tr("No sample yet: draw a digit, or step through backpropagation, to see its numbers.")
        else:
            said = self.tr("Sample: %1").replace("%1", f"<b>{html.escape(sample.name())}</b>")
        return f"{self._what()}<br/>{said}"

    def _what(self) -> str:
        if self.selection[0] == "edge":
            l, k, j = self.selection[1:]
            text = self.tr("Weight %1: from neuron %2 of layer %3 to neuron %4 of layer %5")
            sym = formula_html((f.w_(l, k, j),), link=None)[0]
            return text.replace("%1", sym).replace("%2", str(j)).replace("%3", str(l)).replace(
                "%4", str(k)).replace("%5", str(l + 1))
        L, i = self.selection[1:]
        if L == 0:
            return self.tr("Input %1").replace("%1", formula_html((f.a_(0, i),), link=None)[0])
        sym = formula_html((f.a_(L, i),), link=None)[0]
        return self.tr("Neuron %1 of layer %2 (%3)").replace("%1", str(i)).replace("%2", str(L)).replace("%3", sym)

    def _lines(self) -> list[tuple]:
        sample, sel, out = self.document.sample, self.selection, []
        tr = self._trace if sample is not None and sample.trace is self._trace else None  # δ: stepped samples
        if sel is None:
            return out
        if sel[0] == "neuron":
            L, i = sel[1:]
            if sample is not None and len(sample.activations) > L and len(sample.activations[L]) > i:
                if L > 0:
                    out.append((f.z_(L, i), " = ", _num(sample.zs[L - 1][i])))
                out.append((f.a_(L, i), " = ", _num(sample.activations[L][i])))
                if L > 0 and self._backward and tr is not None:
                    out.append((f.d_(L, i), " = ", f.dC(f.z_(L, i)), " = ", _num(tr.deltas[L - 1][i])))
            if self._batch is not None and L > 0:
                out.append((f.dC(f.b_(L, i)), self.tr(" (last batch) = "), _num(self._batch[1][L - 1][i])))
            return out
        l, k, j = sel[1:]
        fits = tr is not None and l < len(tr.nabla_w) and (k, j) < tr.nabla_w[l].shape
        if fits and self._backward and j < tr.nabla_w[l].shape[1]:
            out.append((f.dC(f.w_(l, k, j)), self.tr(" (this sample) = "), _num(tr.nabla_w[l][k, j])))
        if self._batch is not None:
            out.append((f.dC(f.w_(l, k, j)), self.tr(" (last batch) = "), _num(self._batch[0][l][k, j])))
        return out

    # ---- edits -----------------------------------------------------------------
    def _commit(self, value: float) -> None:
        p = self._param()
        if p is None or value == self._value():
            return
        l, k, j = p
        cmd = (SetWeightCommand(self.document, l, k, j, value) if j is not None
               else SetBiasCommand(self.document, l, k, value))
        self.undo_stack.push(cmd)

    def _targets(self) -> list[tuple[int, int, int | None]]:
        """What freeze acts on: the weight, or a neuron's incoming weights and bias."""
        if self.selection is None or self._param() is None:
            return []
        if self.selection[0] == "edge":
            return [self._param()]
        return neuron_params(self.document.network, *self.selection[1:])

    def _freeze(self, frozen: bool) -> None:
        if self._targets():
            self.undo_stack.push(FreezeCommand(self.document, self._targets(), frozen))

    def _prune(self) -> None:
        """Cut the connection; for a neuron, everything into and out of it."""
        if self.selection is None or self._param() is None:
            return
        params = ([self._param()] if self.selection[0] == "edge"
                  else neuron_params(self.document.network, *self.selection[1:], outgoing=True))
        self.undo_stack.push(PruneCommand(self.document, params))
