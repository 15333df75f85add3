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
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from nndesk.engine.core.network import Network
from nndesk.engine.explain import formula as f
from nndesk.engine.explain.formula import Formula, Num
from nndesk.engine.explain.slide import slide_text, slide_trace
from nndesk.engine.explain.trace import Trace, trace

FULL_LIMIT = 60  # networks with at most this many weights are stepped weight by weight
LAYER_LIMIT = 10  # wider layers are summarised in one step (outside the focus path)
_SYMBOL = {"sigmoid": "σ", "tanh": "tanh", "relu": "ReLU", "leaky-relu": "LReLU", "linear": "id",
           "softmax": "softmax"}

Focus = tuple[int, int, int | None]  # (weight layer l, neuron k of layer l+1, source j or None for the bias)


@dataclass(frozen=True)
class Step:
    # forward, z, softmax, layer, cost, dC_da, sigma_prime, delta, output_delta, deltas,
    # grad_w, new_w, grad_b, new_b, update
    kind: str
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
        if self.kind in ("grad_w", "new_w"):
            return ("edge", self.layer, self.index)
        if self.kind == "update":
            return ("network", -1, None)
        if self.index is None:
            return ("layer", self.layer, None)
        return ("neuron", self.layer, self.index)


class _View:
    """One arithmetic's numbers: values from ``tr``, hover values from the exact trace."""

    def __init__(self, tr: Trace, exact: Trace, slide: bool) -> None:
        self.tr, self.ex, self.slide = tr, exact, slide

    def n(self, field: str, *path: int) -> Num:
        """The number ``field[path…]``, e.g. ``n("activations", 1, 0)`` is a₀⁽¹⁾."""
        v, e = _at(self.tr, field, path), _at(self.ex, field, path)
        return Num(slide_text(v) if self.slide else f.exact_text(float(e)), float(e))


def _at(tr: Trace, field: str, path: tuple[int, ...]):
    v = getattr(tr, field)
    for i in path:
        v = v[i]
    return v


class _Builder:
    def __init__(self, net: Network, x: np.ndarray, t: np.ndarray, eta: float, slide: bool) -> None:
        self.net = net
        ex = trace(net, x, t, eta)
        sl = slide_trace(net, x, t, eta) if slide else None
        self.ex, self.sl = ex, sl
        self.views = (_View(ex, ex, False),) + ((_View(sl, ex, True),) if slide else ())
        self.L = len(net.layers)
        self.ce = net.cost.name != "quadratic"
        self.steps: list[Step] = []

    def act(self, n: int) -> str:
        return self.net.layers[n - 1].activation.name

    def add(self, kind: str, layer: int, index, symbolic: Formula, build, field: str | None = None,
            *path: int) -> None:
        """``build(view)`` gives the substituted formula; the result is ``field[path…]``."""
        forms = [tuple(build(v)) for v in self.views] + [()]
        exact = None if field is None else float(_at(self.ex, field, path))
        slide = None if field is None or self.sl is None else _at(self.sl, field, path)
        self.steps.append(Step(kind, layer, index, tuple(symbolic), forms[0], forms[1], exact, slide))

    # ---- forward ---------------------------------------------------------------
    def forward(self, n: int, k: int) -> None:
        l, sym, n_in = n - 1, _SYMBOL[self.act(n)], self.net.sizes[n - 1]
        big = n_in > f.MAX_TERMS
        terms = ([(f"Σ_{{j}} {f.w_(l, k, 'j')}·{f.a_(l, 'j')}",)] if big else
                 [(f.w_(l, k, j), "·", f.a_(l, j)) for j in range(n_in)])
        wsum = f.total(terms, (f.b_(n, k),))

        def subst(v: _View):
            return f.total([f.product(v.n("weights", l, k, j), v.n("activations", l, j)) for j in range(n_in)],
                           f.factor(v.n("biases", l, k)))
        if self.act(n) == "softmax":
            self.add("z", n, k, (f.z_(n, k), " = ", *wsum),
                     lambda v: (f.z_(n, k), " = ", *subst(v), " = ", v.n("zs", l, k)), "zs", l, k)
            return
        self.add("forward", n, k, (f.a_(n, k), f" = {sym}(", *wsum, ")"),
                 lambda v: (f.a_(n, k), f" = {sym}(", *subst(v), f") = {sym}(", v.n("zs", l, k), ") ≈ ",
                            v.n("activations", n, k)), "activations", n, k)

    def softmax(self, n: int, k: int) -> None:
        size = self.net.sizes[n]
        self.add("softmax", n, k, (f.a_(n, k), f" = e^{{{f.z_(n, k)}}} / Σ_{{j}} e^{{{f.z_(n, 'j')}}}",),
                 lambda v: (f.a_(n, k), " = e^{", v.n("zs", n - 1, k), "} / (",
                            *f.total([("e^{", v.n("zs", n - 1, j), "}") for j in range(size)]), ") ≈ ",
                            v.n("activations", n, k)), "activations", n, k)

    def layer_summary(self, n: int) -> None:
        sym = _SYMBOL[self.act(n)]
        self.add("layer", n, None, (f"a^{{({n})}} = {sym}(W^{{({n - 1})}}·a^{{({n - 1})}} + b^{{({n})}})",),
                 lambda v: (f"a^{{({n})}} = ", *f.vector([v.n("activations", n, k)
                                                          for k in range(self.net.sizes[n])])))

    def cost(self) -> None:
        L, size = self.L, self.net.sizes[-1]
        if self.ce:
            a = f.a_(L, "k")
            sym = f"C = −Σ_{{k}} t_{{k}}·ln {a}"
            if self.act(L) != "softmax":
                sym += f" − Σ_{{k}} (1 − t_{{k}})·ln(1 − {a})"
            self.add("cost", L, None, (sym,), lambda v: ("C = ", v.n("cost")), "cost")
            return
        one = size == 1  # the lecture's C = ½(t − a)²; several outputs add up

        def sq(t: f.Part, a: f.Part) -> tuple[f.Part, ...]:
            return ("(", t, " − ", *f.factor(a), ")²")
        self.add("cost", L, None, ("C = ½", "" if one else "(",
                                   *f.total([sq(f.t_(k), f.a_(L, k)) for k in range(size)]), "" if one else ")"),
                 lambda v: ("C = ½", "" if one else "(",
                            *f.total([sq(v.n("t", k), v.n("activations", L, k)) for k in range(size)]),
                            "" if one else ")", " = ", v.n("cost")), "cost")

    # ---- backward ----------------------------------------------------------------
    def prime_symbol(self, n: int, k: int) -> str:
        return f"{_SYMBOL[self.act(n)]}′({f.z_(n, k)})"

    def dC_da(self, n: int, k: int) -> None:
        l, a = n - 1, f.a_(n, k)
        if n == self.L:  # the lecture's C′(a) = −(a_target − a_output)
            self.add("dC_da", n, k, (f.dC(a), " = −(", f.t_(k), " − ", a, ")"),
                     lambda v: (f.dC(a), " = −(", v.n("t", k), " − ", *f.factor(v.n("activations", n, k)), ") = ",
                                v.n("dC_da", l, k)), "dC_da", l, k)
            return
        size = self.net.sizes[n + 1]  # Σ over the neurons i that a_k feeds: δ_i⁽ⁿ⁺¹⁾·w_ik⁽ⁿ⁾
        sym = ([(f"Σ_{{i}} {f.d_(n + 1, 'i')}·w_{{i{k}}}^{{({n})}}",)] if size > f.MAX_TERMS
               else [(f.d_(n + 1, i), "·", f.w_(n, i, k)) for i in range(size)])
        self.add("dC_da", n, k, (f.dC(a), " = ", *f.total(sym)),
                 lambda v: (f.dC(a), " = ", *f.total([f.product(v.n("deltas", n, i), v.n("weights", n, i, k))
                                                      for i in range(size)]), " = ", v.n("dC_da", l, k)),
                 "dC_da", l, k)

    def sigma_prime(self, n: int, k: int) -> None:
        l, name, ps = n - 1, self.act(n), self.prime_symbol(n, k)
        a = f.a_(n, k)
        if name == "sigmoid":  # σ′(z) = σ(z)(1 − σ(z)) = a(1 − a)
            sym: Formula = (ps, f" = {a}·(1 − {a})")

            def build(v: _View):
                A = v.n("activations", n, k)
                return (ps, " = ", *f.factor(A), "·(1 − ", *f.factor(A), ") = ", v.n("sigma_prime", l, k))
        elif name == "tanh":
            sym = (ps, f" = 1 − ({a})²")

            def build(v: _View):
                return (ps, " = 1 − ", *f.factor(v.n("activations", n, k)), "² = ", v.n("sigma_prime", l, k))
        else:  # ReLU, leaky ReLU, identity: a step or a constant
            sym = (ps,)

            def build(v: _View):
                return (ps.split("(")[0], "(", v.n("zs", l, k), ") = ", v.n("sigma_prime", l, k))
        self.add("sigma_prime", n, k, sym, build, "sigma_prime", l, k)

    def grad_w(self, l: int, k: int, j: int | None) -> None:
        """∂C/∂w_kj = ∂C/∂a_k · σ′(z_k) · a_j (the bias: j is None and a_j is 1)."""
        n, ce = l + 1, self.ce and l + 1 == self.L
        w = f.w_(l, k, j) if j is not None else f.b_(n, k)
        a_j = f.a_(l, j) if j is not None else "1"
        chain = (f.d_(n, k),) if ce else (f.dC(f.a_(n, k)), "·", self.prime_symbol(n, k))

        def build(v: _View):
            x = v.n("activations", l, j) if j is not None else "1"
            g = (v.n("deltas", l, k),) if ce else (v.n("dC_da", l, k), v.n("sigma_prime", l, k))
            res = v.n("nabla_w", l, k, j) if j is not None else v.n("nabla_b", l, k)
            return (f.dC(w), " = ", *f.product(*g, x), " = ", res)
        if j is None:
            self.add("grad_b", n, k, (f.dC(w), " = ", *chain, "·1"), build, "nabla_b", l, k)
        else:
            self.add("grad_w", l, (k, j), (f.dC(w), " = ", *chain, "·", a_j), build, "nabla_w", l, k, j)

    def new_w(self, l: int, k: int, j: int | None) -> None:
        """w_new = w − η·∂C/∂w (the lecture's formula 4)."""
        n = l + 1
        w = f.w_(l, k, j) if j is not None else f.b_(n, k)
        old = ("weights", "nabla_w", "new_weights") if j is not None else ("biases", "nabla_b", "new_biases")
        path = (l, k, j) if j is not None else (l, k)

        new = w[:-1] + " new}"  # the lecture's w₀₀⁽¹⁾ⁿᵉʷ

        def build(v: _View):
            return (f"{new} = ", v.n(old[0], *path), " − ",
                    *f.product(v.n("eta"), v.n(old[1], *path)), " = ", v.n(old[2], *path))
        sym = (f"{new} = {w} − η·", f.dC(w))
        if j is None:
            self.add("new_b", n, k, sym, build, "new_biases", l, k)
        else:
            self.add("new_w", l, (k, j), sym, build, "new_weights", l, k, j)

    def delta(self, n: int, k: int) -> None:
        l = n - 1
        if self.ce and n == self.L:  # σ′ cancels against the cross-entropy: δ = a − t
            self.add("output_delta", n, k, (f.d_(n, k), " = ", f.dC(f.z_(n, k)), f" = {f.a_(n, k)} − {f.t_(k)}"),
                     lambda v: (f.d_(n, k), " = ", v.n("activations", n, k), " − ", *f.factor(v.n("t", k)), " = ",
                                v.n("deltas", l, k)), "deltas", l, k)
            return
        self.add("delta", n, k, (f.d_(n, k), " = ", f.dC(f.z_(n, k)), " = ", f.dC(f.a_(n, k)), "·",
                                 self.prime_symbol(n, k)),
                 lambda v: (f.d_(n, k), " = ", *f.product(v.n("dC_da", l, k), v.n("sigma_prime", l, k)), " = ",
                            v.n("deltas", l, k)), "deltas", l, k)

    def deltas_summary(self, n: int) -> None:
        sym = (f"δ^{{({n})}} = ((W^{{({n})}})^{{T}}·δ^{{({n + 1})}}) ⊙ {_SYMBOL[self.act(n)]}′(z^{{({n})}})"
               if n < self.L else f"δ^{{({n})}} = ∂C/∂z^{{({n})}}")
        self.add("deltas", n, None, (sym,), lambda v: (f"δ^{{({n})}} = ", *f.vector(
            [v.n("deltas", n - 1, k) for k in range(self.net.sizes[n])])))

    def neuron_backward(self, n: int, k: int, weights, bias: bool, delta: bool) -> None:
        """One neuron: ∂C/∂a and σ′ (or δ = a − t), each weight's gradient and new value, then δ."""
        ce_out = self.ce and n == self.L
        if ce_out:
            self.delta(n, k)
        else:
            self.dC_da(n, k)
            self.sigma_prime(n, k)
        for j in weights:
            self.grad_w(n - 1, k, j)
            self.new_w(n - 1, k, j)
        if bias:
            self.grad_w(n - 1, k, None)
            self.new_w(n - 1, k, None)
        if delta and not ce_out:
            self.delta(n, k)

    def update(self) -> None:
        sym = ("W ← W − η·∂C/∂W,  b ← b − η·∂C/∂b",)
        self.add("update", -1, None, sym, lambda v: sym)


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
    b = _Builder(network, x, t, eta, slide)
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
