"""The formulas the filter inspector writes for one output pixel: z = Σ a·w + b, a = σ(z), a = max(block).

Formulas are the engine's data (``engine.explain.formula``): text with
sub/superscript markup and ``Num``s, typeset by ``FormulaView``, so every
number shows about four digits and all of them on hover, as in the dense
inspector.  The sum Σ a·w is taken here, in float64, from the window's
values and the current weights; z and a are the sample's own numbers, so
the line shows both that the formula holds and what the canvas lights.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from nndesk.app.views.feature_math import weighted_sums
from nndesk.engine.core.conv import Conv2D
from nndesk.engine.core.pool import MaxPool2D
from nndesk.engine.explain import formula as fo
from nndesk.engine.explain.receptive import PoolWinner, Window

translate = QCoreApplication.translate

SIGMA = {"sigmoid": "σ", "relu": "ReLU", "leaky-relu": "leaky ReLU", "tanh": "tanh"}  # how the lecture writes them


def num(x: float) -> fo.Num:
    x = float(x) + 0.0  # −0.0 (0 times a negative weight) shows as 0
    return fo.Num(fo.exact_text(x), x)


def signed_term(x: float) -> tuple[fo.Part, ...]:
    """" + 0.1" or " − 0.1": a term added to a sum, its sign as the operator."""
    return (" − ", num(-x)) if x < 0 else (" + ", num(x))


def pixel(symbol: str, L: int, f: int, y: int, x: int) -> str:
    """z or a of pixel (y, x) of map f in layer L: z_{f,y,x}⁽ᴸ⁾."""
    return f"{symbol}_{{{f},{y},{x}}}^{{({L})}}"


def conv_lines(layer: Conv2D, selection: tuple[int, int, int, int], window: Window, z: float, a: float,
               channel: int, cell: tuple[int, int]) -> list[tuple]:
    """z = Σ a·w + b (with the sum's value), the chosen weight's term of it, for several input maps the
    chosen map's share, a = σ(z)."""
    L, f, y, x = selection
    sums = weighted_sums(window.values, layer.kernels[f])
    b = float(layer.bias[f])
    z_sym, a_sym = pixel("z", L, f, y, x), pixel("a", L, f, y, x)
    lines = [(z_sym, f" = Σ a^{{({L - 1})}}·w + b = ", num(float(sums.sum())), *signed_term(b), " = ", num(z))]
    i, j = cell
    a_in, w = float(window.values[channel, i, j]), float(layer.kernels[f, channel, i, j])
    term = f"a_{{{channel},{window.top + i},{window.left + j}}}^{{({L - 1})}}·w_{{{f},{channel},{i},{j}}}^{{({L - 1})}}"
    lines.append((term, " = ", num(a_in), " · ", num(w), " = ", num(a_in * w)))
    if len(sums) > 1:
        share = translate("FilterInspector", " on input map %1 alone = ").replace("%1", str(channel))
        lines.append((f"Σ a^{{({L - 1})}}·w", share, num(float(sums[channel]))))
    name = layer.activation.name
    if name in SIGMA:
        lines.append((a_sym, f" = {SIGMA[name]}(", z_sym, ") = ", SIGMA[name] + "(", num(z), ") = ", num(a)))
    else:  # linear: a = z
        lines.append((a_sym, " = ", z_sym, " = ", num(a)))
    return lines


def pool_lines(layer: MaxPool2D, selection: tuple[int, int, int, int], won: PoolWinner, a: float,
               winner: str) -> list[tuple]:
    """a = the largest of the block, and which pixel of it that was."""
    L, f, y, x = selection
    p = layer.size
    block = translate("FilterInspector", "max of its %1×%1 block").replace("%1", str(p))
    return [(pixel("a", L, f, y, x), f" = {block} = ", num(a)), (winner, " = ", num(won.value))]
