"""The step-through's sample as the document's: what the canvas lights and the inspector reads.

The panel shares its sample once it lights the canvas (the first step shown):
from then on the canvas and the inspector show this sample's numbers and name
it.  Until then — a sample merely chosen, the step counter at zero — they keep
showing what they showed (the drawing, the mean digit).  A sample already
shared gets its new numbers when the steps are rebuilt (new weights, new η).
A network the document does not hold is never shared: its numbers belong to
no neuron on the canvas.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication

from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.document.sample import Sample
from nndesk.app.style.formula_view import number_text
from nndesk.engine.core.convnet import ConvNet
from nndesk.engine.core.network import Network
from nndesk.engine.explain.formula import exact_text
from nndesk.engine.explain.stepthrough import Walkthrough

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls


class SharedSample:
    def __init__(self, document: NetworkDocument | None) -> None:
        self._document = document
        self._shared: Sample | None = None
        self._key: object = None  # what ``update_forward`` last shared

    def shows(self, network: Network | None) -> bool:
        """Whether ``network`` is the one the document (and so the canvas) shows."""
        return self._document is None or network is self._document.network

    def update(self, walk: Walkthrough | None, network: Network | None, source: Callable[[], str] | None,
               lit: bool) -> None:
        """Share ``walk``'s sample if the canvas is ``lit`` with it, or if it was shared and is still shown."""
        doc = self._document
        if doc is None or walk is None or not self.shows(network):
            return
        current = doc.sample
        if current is not None and current.trace is walk.exact:
            return  # already there
        if lit or (current is not None and current is self._shared):
            self._shared = Sample.of_trace(walk.exact, source or (lambda x=walk.exact.x: _by_inputs(x)))
            doc.set_sample(self._shared)


    def update_forward(self, key: object, network: ConvNet, x: np.ndarray, source: Callable[[], str] | None
                       ) -> None:
        """Share x fed forward through ``network`` (a ConvNet's step-through: no trace), once per ``key``
        (its walk): the canvas lights it and the inspector reads it from then on."""
        doc = self._document
        if doc is None or not self.shows(network) or (self._key is key and doc.sample is self._shared):
            return
        self._key = key
        self._shared = Sample.forward(network, x, source or (lambda: _by_inputs(x)))
        doc.set_sample(self._shared)


def _by_inputs(x) -> str:
    """A sample without a name: its inputs when there are a few ("a⁽⁰⁾ = [1; 1; 0]", the lecture's)."""
    if len(x) <= 4:
        return "a⁽⁰⁾ = [" + "; ".join(number_text(exact_text(float(v))) for v in x) + "]"
    return translate("BackpropPanel", "the sample stepped through in Backpropagation")
