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

    @classmethod
    def forward(cls, network: Network, x: np.ndarray, name: Callable[[], str], drawn: bool = False) -> Sample:
        """Feed ``x`` (one sample) forward through ``network``: the values the canvas lights."""
        zs, activations = network.forward(np.asarray(x).reshape(1, -1))
        return cls(tuple(z[0] for z in zs), tuple(a[0] for a in activations), name, drawn=drawn)

    @classmethod
    def of_trace(cls, trace: Trace, name: Callable[[], str]) -> Sample:
        """The sample a step-through computed, every number of it (float64)."""
        return cls(tuple(trace.zs), tuple(trace.activations), name, trace=trace)

    @property
    def sizes(self) -> list[int]:
        return [np.size(a) for a in self.activations]
