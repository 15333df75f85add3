"""Formulas as data: text with sub/superscript markup, and numbers that know their full value.

The engine cannot typeset (no Qt) and must not pick a decimal separator, so a
formula is a tuple of parts: strings in a tiny markup (``_{…}`` subscript,
``^{…}`` superscript, as in TeX) and ``Num``s.  A ``Num`` carries the text a
slide or the exact view shows ("0.57", C locale) and the float64 value to
show on hover.  ``nndesk.app.style.formula_view`` turns this into rich text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

MAX_TERMS = 4  # longer sums show their first terms, "…", and the last one


@dataclass(frozen=True)
class Num:
    text: str  # as shown: "0.57" (slide) or "0.5744" (exact), C locale
    exact: float  # the full float64 value of the same quantity, for hover

    @property
    def negative(self) -> bool:
        return self.text.startswith("-")


Part = str | Num
Formula = tuple[Part, ...]


def exact_text(x: float) -> str:
    """About 4 significant digits: 0.5744, 0.3, 1.23e-05."""
    return f"{x:.4g}"


def plain(formula: Formula) -> str:
    """The formula as plain text with its markup left in (for logs and tests)."""
    return "".join(p.text if isinstance(p, Num) else p for p in formula)


# ---- the lecture's symbols ------------------------------------------------------
def _idx(*ks: int) -> str:
    return ("," if any(k >= 10 for k in ks) else "").join(str(k) for k in ks)


def a_(n: int, k: int | str) -> str:
    """a_k⁽ⁿ⁾: activation of neuron k in layer n."""
    return f"a_{{{k}}}^{{({n})}}"


def z_(n: int, k: int | str) -> str:
    return f"z_{{{k}}}^{{({n})}}"


def w_(l: int, k: int, j: int | str) -> str:
    """w_kj⁽ˡ⁾: into neuron k of layer l+1 from neuron j of layer l."""
    kj = _idx(k, j) if isinstance(j, int) else f"{k}{j}"
    return f"w_{{{kj}}}^{{({l})}}"


def b_(n: int, k: int) -> str:
    return f"b_{{{k}}}^{{({n})}}"


def d_(n: int, k: int | str) -> str:
    """δ_k⁽ⁿ⁾ = ∂C/∂z_k⁽ⁿ⁾."""
    return f"δ_{{{k}}}^{{({n})}}"


def t_(k: int) -> str:
    return f"t_{{{k}}}"


def dC(symbol: str) -> str:
    """∂C/∂symbol."""
    return f"∂C/∂{symbol}"


def factor(x: Part) -> tuple[Part, ...]:
    """A factor in a product: negative numbers get parentheses, 0.2·(−0.5)."""
    if isinstance(x, Num) and x.negative:
        return ("(", x, ")")
    return (x,)


def product(*xs: Part) -> tuple[Part, ...]:
    out: list[Part] = []
    for i, x in enumerate(xs):
        if i:
            out.append("·")
        out.extend(factor(x))
    return tuple(out)


def total(terms: Sequence[tuple[Part, ...]], tail: tuple[Part, ...] = ()) -> tuple[Part, ...]:
    """t₀ + t₁ + … + tₙ (+ tail); more than MAX_TERMS terms keep the first ones, "…" and the last."""
    return total_of(len(terms), terms.__getitem__, tail)


def total_of(n: int, term: Callable[[int], tuple[Part, ...]], tail: tuple[Part, ...] = ()) -> tuple[Part, ...]:
    """``total`` of term(0) … term(n − 1), making only the terms it shows (4 of a 784-input neuron's sum)."""
    shown = [term(j) for j in range(n)] if n <= MAX_TERMS else (
        [term(j) for j in range(MAX_TERMS - 1)] + [("…",), term(n - 1)])
    if tail:
        shown.append(tail)
    out: list[Part] = []
    for i, term in enumerate(shown):
        if i:
            out.append(" + ")
        out.extend(term)
    return tuple(out)


def vector(nums: Sequence[Num], limit: int = 4) -> tuple[Part, ...]:
    """[0.57, 0.5, …] with at most ``limit`` entries."""
    return vector_of(len(nums), nums.__getitem__, limit)


def vector_of(size: int, item: Callable[[int], Num], limit: int = 4) -> tuple[Part, ...]:
    """``vector`` of item(0) … item(size − 1), making only the entries it shows (4 of an 800-neuron layer)."""
    out: list[Part] = ["["]
    for i in range(min(size, limit)):
        out.extend(("; " if i else "", item(i)))
    if size > limit:
        out.append("; …")
    out.append("]")
    return tuple(out)
