"""The sample the window shows numbers for: the one the canvas lights and the inspector reads.

Two views show a sample's z and a — the canvas (every neuron's fill) and the
inspector (one neuron's numbers) — and two places choose it: the draw pad
(the digit being drawn) and the backprop step-through (the sample being
stepped).  Whoever chooses puts it in the document (``set_sample``); both
views follow ``sampleChanged``, so they can never show two different samples,
and each says which one it is (``name``, asked when shown, so a language
switch renames it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nndesk.engine.core.conv import Conv2D
from nndesk.engine.core.convnet import ConvNet
from nndesk.engine.core.network import Network
from nndesk.engine.explain.trace import Trace


@dataclass(frozen=True, eq=False)
class Sample:
    """One input's forward pass through the document's network, and its name in the UI's language.

    ``zs[l]`` is z⁽ˡ⁺¹⁾ and ``activations[L]`` is a⁽ᴸ⁾, a⁽⁰⁾ first (the engine's ``forward``).  A sample
    being stepped through also carries its ``trace`` (δ, ∂C/∂w …).  ``drawn``: it comes from the draw pad.
    """

    zs: tuple[np.ndarray, ...]
    activations: tuple[np.ndarray, ...]
    name: Callable[[], str]
    trace: Trace | None = None
    drawn: bool = False
    shapes: tuple[tuple[int, ...], ...] | None = None  # a ConvNet's (C, H, W) per layer, for ``maps``
    x: np.ndarray | None = None  # the input row, as fed

    @classmethod
    def forward(cls, network: Network | ConvNet, x: np.ndarray, name: Callable[[], str], drawn: bool = False
                ) -> Sample:
        """Feed ``x`` (one sample) forward through ``network``: the values the canvas lights."""
        row = np.asarray(x).reshape(1, -1)
        if isinstance(network, ConvNet):
            zs, activations = conv_forward(network, row[0])
            return cls(zs, activations, name, drawn=drawn, shapes=tuple(network.shapes), x=row[0])
        zs, activations = network.forward(row)
        return cls(tuple(z[0] for z in zs), tuple(a[0] for a in activations), name, drawn=drawn, x=row[0])

    def maps(self, L: int) -> np.ndarray:
        """a⁽ᴸ⁾ in its own shape: (C, H, W) feature maps of a ConvNet's layer, else the vector."""
        a = self.activations[L]
        return a.reshape(self.shapes[L]) if self.shapes is not None else a

    @classmethod
    def of_trace(cls, trace: Trace, name: Callable[[], str]) -> Sample:
        """The sample a step-through computed, every number of it (float64)."""
        return cls(tuple(trace.zs), tuple(trace.activations), name, trace=trace)

    @property
    def sizes(self) -> list[int]:
        return [np.size(a) for a in self.activations]


def conv_forward(net: ConvNet, x: np.ndarray) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]]:
    """z of every layer and a⁽ᴸ⁾ of the input and every layer, each flattened in (C, H, W) order.

    A convolution's z are its maps before σ; a pooling's and the flatten's "z" are their outputs
    (they have no weights), so ``zs[l]`` and ``activations[l + 1]`` line up as for a dense network.
    """
    a = np.asarray(x, net.dtype).reshape(1, *net.input_shape).transpose(0, 2, 3, 1)  # channels-last
    zs, acts = [], [np.asarray(x).ravel()]
    for layer in net.features:  # one pass: a convolution's z, then σ(z); a pooling's output is its "z"
        if isinstance(layer, Conv2D):
            _, z = layer.linear(a)  # (OH·OW, F): the pre-activation maps
            z = z.reshape(1, *layer.out_shape[1:], layer.filters)
            a = layer.activation.fn(z)
        else:
            a, _ = layer.forward(a)
            z = a
        zs.append(z[0].transpose(2, 0, 1).ravel())
        acts.append(a[0].transpose(2, 0, 1).ravel())
    flat = net.flatten.forward(a)
    dense_zs, dense_acts = net.head.forward(flat)
    return (*zs, flat[0], *(z[0] for z in dense_zs)), (*acts, *(v[0] for v in dense_acts))
