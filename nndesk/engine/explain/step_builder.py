"""The step-through's formulas: each step's symbols, its numbers substituted, and its result.

``StepBuilder`` appends steps to a walkthrough (``stepthrough.walkthrough``
decides which).  Every number comes from a trace — the exact float64 one,
and the slides' Decimal one when asked — so the formulas here only typeset
what ``core/backprop.py`` computed; the hover value of a slide number is
always the exact one.
"""

from __future__ import annotations

import numpy as np

from nndesk.engine.core.network import Network
from nndesk.engine.explain import formula as f
from nndesk.engine.explain.formula import Formula, Num
from nndesk.engine.explain.slide import slide_text, slide_trace
from nndesk.engine.explain.step import Step, StepKind as K
from nndesk.engine.explain.trace import Trace, trace

_SYMBOL = {"sigmoid": "σ", "tanh": "tanh", "relu": "ReLU", "leaky-relu": "LReLU", "linear": "id",
           "softmax": "softmax"}


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


class StepBuilder:
    """Appends the steps of one sample's walkthrough, each in exact and (optionally) slide arithmetic."""

    def __init__(self, net: Network, x: np.ndarray, t: np.ndarray, eta: float, slide: bool) -> None:
        self.net = net
        ex = trace(net, x, t, eta)
        sl = slide_trace(net, x, t, eta) if slide else None
        self.ex, self.sl = ex, sl
        self.views = (_View(ex, ex, False),) + ((_View(sl, ex, True),) if slide else ())
        self.L = len(net.layers)
        self.ce = net.cost.cancels_sigma_prime  # the output δ is a − t: no ∂C/∂a, σ′ steps there
        self.steps: list[Step] = []

    def act(self, n: int) -> str:
        return self.net.layers[n - 1].activation.name

    def add(self, kind: K, layer: int, index, symbolic: Formula, build, field: str | None = None,
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
            return f.total_of(n_in, lambda j: f.product(v.n("weights", l, k, j), v.n("activations", l, j)),
                              f.factor(v.n("biases", l, k)))
        if self.act(n) == "softmax":
            self.add(K.Z, n, k, (f.z_(n, k), " = ", *wsum),
                     lambda v: (f.z_(n, k), " = ", *subst(v), " = ", v.n("zs", l, k)), "zs", l, k)
            return
        self.add(K.FORWARD, n, k, (f.a_(n, k), f" = {sym}(", *wsum, ")"),
                 lambda v: (f.a_(n, k), f" = {sym}(", *subst(v), f") = {sym}(", v.n("zs", l, k), ") ≈ ",
                            v.n("activations", n, k)), "activations", n, k)

    def softmax(self, n: int, k: int) -> None:
        size = self.net.sizes[n]
        self.add(K.SOFTMAX, n, k, (f.a_(n, k), f" = e^{{{f.z_(n, k)}}} / Σ_{{j}} e^{{{f.z_(n, 'j')}}}",),
                 lambda v: (f.a_(n, k), " = e^{", v.n("zs", n - 1, k), "} / (",
                            *f.total([("e^{", v.n("zs", n - 1, j), "}") for j in range(size)]), ") ≈ ",
                            v.n("activations", n, k)), "activations", n, k)

    def layer_summary(self, n: int) -> None:
        sym = _SYMBOL[self.act(n)]
        self.add(K.LAYER, n, None, (f"a^{{({n})}} = {sym}(W^{{({n - 1})}}·a^{{({n - 1})}} + b^{{({n})}})",),
                 lambda v: (f"a^{{({n})}} = ", *f.vector_of(self.net.sizes[n], lambda k: v.n("activations", n, k))))

    def cost(self) -> None:
        L, size = self.L, self.net.sizes[-1]
        if self.ce:
            a = f.a_(L, "k")
            sym = f"C = −Σ_{{k}} t_{{k}}·ln {a}"
            if self.act(L) != "softmax":
                sym += f" − Σ_{{k}} (1 − t_{{k}})·ln(1 − {a})"
            self.add(K.COST, L, None, (sym,), lambda v: ("C = ", v.n("cost")), "cost")
            return
        one = size == 1  # the lecture's C = ½(t − a)²; several outputs add up

        def sq(t: f.Part, a: f.Part) -> tuple[f.Part, ...]:
            return ("(", t, " − ", *f.factor(a), ")²")
        self.add(K.COST, L, None, ("C = ½", "" if one else "(",
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
            self.add(K.DC_DA, n, k, (f.dC(a), " = −(", f.t_(k), " − ", a, ")"),
                     lambda v: (f.dC(a), " = −(", v.n("t", k), " − ", *f.factor(v.n("activations", n, k)), ") = ",
                                v.n("dC_da", l, k)), "dC_da", l, k)
            return
        size = self.net.sizes[n + 1]  # Σ over the neurons i that a_k feeds: δ_i⁽ⁿ⁺¹⁾·w_ik⁽ⁿ⁾
        sym = ([(f"Σ_{{i}} {f.d_(n + 1, 'i')}·w_{{i{k}}}^{{({n})}}",)] if size > f.MAX_TERMS
               else [(f.d_(n + 1, i), "·", f.w_(n, i, k)) for i in range(size)])
        self.add(K.DC_DA, n, k, (f.dC(a), " = ", *f.total(sym)),
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
        self.add(K.SIGMA_PRIME, n, k, sym, build, "sigma_prime", l, k)

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
            self.add(K.GRAD_B, n, k, (f.dC(w), " = ", *chain, "·1"), build, "nabla_b", l, k)
        else:
            self.add(K.GRAD_W, l, (k, j), (f.dC(w), " = ", *chain, "·", a_j), build, "nabla_w", l, k, j)

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
            self.add(K.NEW_B, n, k, sym, build, "new_biases", l, k)
        else:
            self.add(K.NEW_W, l, (k, j), sym, build, "new_weights", l, k, j)

    def delta(self, n: int, k: int) -> None:
        l = n - 1
        if self.ce and n == self.L:  # σ′ cancels against the cross-entropy: δ = a − t
            self.add(K.OUTPUT_DELTA, n, k, (f.d_(n, k), " = ", f.dC(f.z_(n, k)), f" = {f.a_(n, k)} − {f.t_(k)}"),
                     lambda v: (f.d_(n, k), " = ", v.n("activations", n, k), " − ", *f.factor(v.n("t", k)), " = ",
                                v.n("deltas", l, k)), "deltas", l, k)
            return
        self.add(K.DELTA, n, k, (f.d_(n, k), " = ", f.dC(f.z_(n, k)), " = ", f.dC(f.a_(n, k)), "·",
                                 self.prime_symbol(n, k)),
                 lambda v: (f.d_(n, k), " = ", *f.product(v.n("dC_da", l, k), v.n("sigma_prime", l, k)), " = ",
                            v.n("deltas", l, k)), "deltas", l, k)

    def deltas_summary(self, n: int) -> None:
        sym = (f"δ^{{({n})}} = ((W^{{({n})}})^{{T}}·δ^{{({n + 1})}}) ⊙ {_SYMBOL[self.act(n)]}′(z^{{({n})}})"
               if n < self.L else f"δ^{{({n})}} = ∂C/∂z^{{({n})}}")
        self.add(K.DELTAS, n, None, (sym,), lambda v: (f"δ^{{({n})}} = ", *f.vector(
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
        self.add(K.UPDATE, -1, None, sym, lambda v: sym)
