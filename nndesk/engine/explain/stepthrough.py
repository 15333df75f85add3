"""The lecture's backpropagation, one step at a time, in exact and in slide arithmetic.

Order (the slides'): forward one neuron at a time, the cost C, then backward
neuron by neuron from the output: ∂C/∂a, σ′(z), then for each incoming
weight its gradient ∂C/∂w immediately followed by its new value
w − η·∂C/∂w (0.08 then 0.192), the bias likewise, then δ = ∂C/∂z, which the
layer below needs (0.14, then 0.14·0.2 = 0.028 …).  The last step applies
the update to the network.

A small network (≤ ``FULL_LIMIT`` weights) is walked weight by weight.  A
bigger one follows only the ``focus`` weight (or bias) and the path needed
to compute it; layers wider than ``LAYER_LIMIT`` collapse into one summary
step, so a 784-100-10 network takes a few dozen steps, not 100,000.

Each step knows what it concerns (``target``, for highlighting), its
symbolic formula, and the formula with numbers substituted plus the result,
both in float64 (``exact``) and in the slides' cut decimals (``slide``).
What a step is lives in ``step.py`` (``Step``, ``StepKind``), how its formula
is written in ``step_builder.py``; this module decides which steps to take.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nndesk.engine.core.network import Network
from nndesk.engine.explain.step import Focus, Phase, Step, StepKind
from nndesk.engine.explain.step_builder import StepBuilder
from nndesk.engine.explain.trace import Trace

__all__ = ["FULL_LIMIT", "LAYER_LIMIT", "Focus", "Phase", "Step", "StepKind", "Walkthrough", "default_focus",
           "walkthrough"]

FULL_LIMIT = 60  # networks with at most this many weights are stepped weight by weight
LAYER_LIMIT = 10  # wider layers are summarised in one step (outside the focus path)


@dataclass(frozen=True, eq=False)
class Walkthrough:
    steps: list[Step]
    exact: Trace  # float64
    slide: Trace | None  # Decimal, the slides' arithmetic (None when not asked for)
    focus: Focus
    full: bool  # every weight stepped (small network) or only the focus path


def default_focus(tr: Trace) -> Focus:
    """The first layer's weight with the largest gradient: never a blank pixel or a dead neuron."""
    k, j = np.unravel_index(int(np.argmax(np.abs(tr.nabla_w[0]))), tr.nabla_w[0].shape)
    return (0, int(k), int(j))


def walkthrough(network: Network, x: np.ndarray, t: np.ndarray, eta: float, focus: Focus | None = None,
                slide: bool = True) -> Walkthrough:
    """All steps of one sample's forward pass, cost, backward pass and update.

    ``slide=False`` skips the slide arithmetic: ``Decimal`` costs ~0.2 s for a
    784-100-10 network, float64 a millisecond.
    """
    b = StepBuilder(network, x, t, eta, slide)
    sizes, L = network.sizes, b.L
    full = sum(layer.weights.size for layer in network.layers) <= FULL_LIMIT
    fl, fk, fj = focus if focus is not None else default_focus(b.ex)
    for n in range(1, L + 1):
        if full or sizes[n] <= LAYER_LIMIT:
            detailed = list(range(sizes[n]))
        else:  # only the neurons on the focus path: k itself and the a_j it multiplies
            detailed = [fk] if n == fl + 1 else ([fj] if n == fl and fj is not None else [])
        for k in detailed:
            b.forward(n, k)
        if b.act(n) == "softmax":
            for k in detailed:
                b.softmax(n, k)
        if len(detailed) < sizes[n]:
            b.layer_summary(n)
    b.cost()
    if full:
        for n in range(L, 0, -1):
            for k in range(sizes[n]):
                b.neuron_backward(n, k, range(sizes[n - 1]), bias=True, delta=n > 1)
    else:  # every δ of the layers above the focus, then the focus weight itself
        for n in range(L, fl + 1, -1):
            if sizes[n] <= LAYER_LIMIT:
                for k in range(sizes[n]):
                    b.neuron_backward(n, k, (), bias=False, delta=True)
            else:
                b.deltas_summary(n)
        b.neuron_backward(fl + 1, fk, [fj] if fj is not None else [], bias=fj is None, delta=False)
    b.update()
    return Walkthrough(b.steps, b.ex, b.sl, (fl, fk, fj), full)
