"""What hovering the canvas says: a neuron's bias and activation, a weight's value and where it goes,
a feature map's pixel and its activation.

The texts keep the ``NetworkCanvas`` context of the translation catalogue, where they were first written.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from nndesk.app.canvas.hits import CanvasHit, HitKind
from nndesk.app.style.colors import sup
from nndesk.engine.core.network import Network
from nndesk.language import Number

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls


def tooltip(hit: CanvasHit, net: Network, activations: list[np.ndarray] | None, sample: str | None = None) -> str:
    """The tooltip of ``hit`` ("" for anything but a neuron, an edge or a feature's pixel); ``sample`` names whose
    activations.  ``net`` may be a ``ConvNet`` (whose flattened layer has no bias)."""
    if hit.kind not in (HitKind.NEURON, HitKind.EDGE, HitKind.FEATURE):
        return ""
    if hit.kind in (HitKind.NEURON, HitKind.FEATURE):
        L, i = hit.layer, hit.index
        if hit.kind is HitKind.FEATURE:
            c, h, w = net.shapes[L]
            text = translate("NetworkCanvas", "map {f} of {n} in a{L}, pixel ({y}, {x})").format(
                f=i, n=c, L=sup(L), y=hit.source, x=hit.x)
            i = (i * h + hit.source) * w + hit.x  # its index in a⁽ᴸ⁾ flattened in (C, H, W) order
        else:
            text = translate("NetworkCanvas", "neuron {i} of a{L}").format(i=i, L=sup(L))
        if L > 0 and hasattr(net.layers[L - 1], "bias"):  # a convolution's map: its filter's bias
            b = net.layers[L - 1].bias[hit.index]
            text += "\n" + translate("NetworkCanvas", "bias b = {b:.3f}").format(b=Number(b))
        if activations is not None:
            a = Number(np.ravel(activations[L])[i])
            text += "\n" + translate("NetworkCanvas", "activation a = {a:.3f}").format(a=a)
            if sample:
                text += "\n" + translate("NetworkCanvas", "(sample: {name})").format(name=sample)
        return text
    l, k, j = hit.layer, hit.index, hit.source
    text = translate("NetworkCanvas", "weight w{kj} of W{l} = {w:.3f}\nfrom neuron {j} of a{l} to neuron {k} of a{l1}")
    return text.format(kj=f"[{k},{j}]", l=sup(l), l1=sup(l + 1), w=Number(net.layers[l].weights[k, j]), k=k, j=j)
