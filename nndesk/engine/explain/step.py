"""One step of the step-through: what it computes (``StepKind``), its formula and its result.

A kind is a ``str`` as well as an enum member, so ``step.kind == "grad_w"`` and a
dict keyed by the old strings keep working while new code writes ``StepKind.GRAD_W``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from nndesk.engine.explain import formula as f
from nndesk.engine.explain.formula import Formula
from nndesk.engine.explain.slide import slide_text

Focus = tuple[int, int, int | None]  # (weight layer l, neuron k of layer l+1, source j or None for the bias)


class Phase(str, Enum):
    """The part of the algorithm a step belongs to (the headings of the step list)."""

    __str__ = str.__str__
    __format__ = str.__format__

    FORWARD = "forward"
    COST = "cost"
    BACKWARD = "backward"
    UPDATE = "update"


class StepKind(str, Enum):
    """What a step computes; the comment names the formula."""

    __str__ = str.__str__
    __format__ = str.__format__

    FORWARD = "forward"  # a = σ(Σ w·a + b), one neuron
    Z = "z"  # z = Σ w·a + b (a softmax layer: σ comes after every z)
    SOFTMAX = "softmax"  # a_k = e^{z_k} / Σ e^{z_j}
    LAYER = "layer"  # the rest of a wide layer, as a vector
    COST = "cost"  # C = ½(t − a)² (or cross-entropy)
    DC_DA = "dC_da"  # ∂C/∂a: −(t − a) at the output, Σ δ·w in a hidden layer
    SIGMA_PRIME = "sigma_prime"  # σ′(z)
    DELTA = "delta"  # δ = ∂C/∂a · σ′(z)
    OUTPUT_DELTA = "output_delta"  # δ = a − t (cross-entropy: σ′ cancels)
    DELTAS = "deltas"  # every δ of a wide layer, as a vector
    GRAD_W = "grad_w"  # ∂C/∂w = ∂C/∂a · σ′ · a_j
    NEW_W = "new_w"  # w − η·∂C/∂w
    GRAD_B = "grad_b"  # ∂C/∂b = ∂C/∂a · σ′ · 1
    NEW_B = "new_b"  # b − η·∂C/∂b
    UPDATE = "update"  # every new value goes into the network

    @property
    def phase(self) -> Phase:
        if self in (StepKind.FORWARD, StepKind.Z, StepKind.SOFTMAX, StepKind.LAYER):
            return Phase.FORWARD
        if self is StepKind.COST:
            return Phase.COST
        return Phase.UPDATE if self is StepKind.UPDATE else Phase.BACKWARD


@dataclass(frozen=True)
class Step:
    kind: StepKind
    layer: int  # weight layer l for grad_w/new_w, else neuron layer n (0 = input)
    index: int | tuple[int, int] | None  # neuron k, edge (k, j), or None for a whole layer
    symbolic: Formula
    exact_formula: Formula  # numbers substituted, ending in the result
    slide_formula: Formula
    exact: float | None  # the result in float64 (None for summaries)
    slide: Decimal | None  # the result in slide arithmetic

    def formula(self, slide: bool) -> Formula:
        """The substituted formula; exact when slide arithmetic was not computed."""
        return self.slide_formula if slide and self.slide_formula else self.exact_formula

    def shown(self, slide: bool) -> str:
        """The result as shown: "0.57" in slide arithmetic, "0.5744" exact."""
        if self.exact is None:
            return ""
        return slide_text(self.slide) if slide and self.slide is not None else f.exact_text(self.exact)

    @property
    def target(self) -> tuple[str, int, object]:
        """(kind, layer, index_or_edge) for the canvas: neuron, edge, layer or network."""
        if self.kind in (StepKind.GRAD_W, StepKind.NEW_W):
            return ("edge", self.layer, self.index)
        if self.kind is StepKind.UPDATE:
            return ("network", -1, None)
        if self.index is None:
            return ("layer", self.layer, None)
        return ("neuron", self.layer, self.index)
