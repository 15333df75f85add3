"""A convolution pixel's steps as rich text: sentences, formulas with the numbers, and k×k grids.

The counterpart of ``render`` for ``ConvPixelWalk``: steps 0…index, the
current one tinted, phase headings as in the dense steps, every number a link
``n:<id>`` whose hover shows its full float64 value (the view keeps the list
this returns).  A grid is an HTML table with one cell per kernel position, each
saying what that position computes with its numbers (a·w = product, δ·a,
δ·w, w − η·∂C/∂w); zero-padding cells are grey, a pooling's winner coloured.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from nndesk.app.backprop import conv_texts, step_texts
from nndesk.app.backprop.render import check_sentence
from nndesk.app.style.formula_view import formula_html
from nndesk.app.style.theme import mix, secondary_text
from nndesk.engine.explain import formula as fm
from nndesk.engine.explain.conv_walk import ConvPixelWalk
from nndesk.engine.explain.formula import Num, Part
from nndesk.engine.explain.gradcheck import GradCheck

SYMBOL = {"sigmoid": "σ", "tanh": "tanh", "relu": "ReLU", "leaky-relu": "LReLU", "linear": "id"}


def step_kinds(walk: ConvPixelWalk) -> list[str]:
    """The steps of ``walk`` in order (the pooling's only when one follows the convolution)."""
    pool = ["pool"] if walk.after in ("pool", "dropped") else []
    return ["field", "activation", *pool, "dC_da", "delta", "grad", "back", "kernel"]


def _num(v: float) -> Num:
    v = float(v) + 0.0  # −0.0 (0 times a negative weight) is shown as 0
    return Num(fm.exact_text(v), v)


class _Writer:
    """Collects the HTML and, in link order, every number in it."""

    def __init__(self, widget: QWidget) -> None:
        pal = widget.palette()
        self.loc, self.nums = QLocale(), []
        self.big = f"font-size:{widget.font().pointSizeF() + 3:.0f}pt"
        self.muted = secondary_text(pal).name()
        base, text = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)
        self.current = mix(pal.color(QPalette.ColorRole.Highlight), base, 0.8).name()
        self.winner = mix(pal.color(QPalette.ColorRole.Highlight), base, 0.55).name()
        self.pad = mix(text, base, 0.85).name()
        self.border = mix(text, base, 0.6).name()

    def f(self, parts: tuple[Part, ...]) -> str:
        html, nums = formula_html(parts, self.loc, first_id=len(self.nums))
        self.nums.extend(nums)
        return html

    def line(self, parts: tuple[Part, ...], muted: bool = False) -> str:
        color = f"color:{self.muted}; " if muted else ""
        return f'<br/><span style="{color}{self.big}">{self.f(parts)}</span>'

    def grid(self, cells: list[list[tuple[str, str]]]) -> str:
        """A table of (html, background colour or "") cells, each kept on its lines (no wrapping inside)."""
        def td(html: str, bg: str) -> str:
            colour = f' bgcolor="{bg}"' if bg else ""
            return f'<td align="center"{colour}><span style="white-space:nowrap">{html}</span></td>'
        rows = "".join("<tr>" + "".join(td(*cell) for cell in row) + "</tr>" for row in cells)
        return (f'<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse; '
                f'border-color:{self.border}; margin-top:4px">{rows}</table>')


def render_conv_steps(widget: QWidget, walk: ConvPixelWalk, index: int, channel: int) -> tuple[str, list[Num]]:
    """HTML of steps 0…``index`` of ``walk`` (the grids show input channel ``channel``) and its numbers."""
    w = _Writer(widget)
    link = widget.palette().color(QPalette.ColorRole.Link).name()
    out = [f"<style>a {{ color: {link}; text-decoration: none; }}</style>"]
    if index < 0:
        out.append(f"<p>{conv_texts.text('start')}</p>")
    phase = ""
    for i, kind in enumerate(step_kinds(walk)[:index + 1]):
        title = step_texts.phase_title({"field": "forward", "activation": "forward", "pool": "forward",
                                        "kernel": "update"}.get(kind, "dC_da"))
        if title != phase:
            out.append(f"<h3>{title}</h3>")
            phase = title
        label = QCoreApplication.translate("BackpropPanel", "Step %1.").replace("%1", str(i + 1))
        body = f"<b>{label}</b> " + _STEPS[kind](w, walk, channel)
        bg = f' bgcolor="{w.current}"' if i == index else ""
        out.append(f'<a name="step{i}"></a><table width="100%" cellpadding="4"{bg}><tr><td>{body}</td></tr></table>')
    return "".join(out), w.nums


# ---- the steps -------------------------------------------------------------------
def _sym(walk: ConvPixelWalk) -> dict[str, str]:
    L, f, y, x = walk.L, walk.f, walk.y, walk.x
    s = {"z": f"z_{{{f},{y},{x}}}^{{({L})}}", "a": f"a_{{{f},{y},{x}}}^{{({L})}}",
         "d": f"δ_{{{f},{y},{x}}}^{{({L})}}", "w": f"w_{{{f}}}^{{({L - 1})}}", "b": f"b_{{{f}}}^{{({L})}}",
         "prev": f"a^{{({L - 1})}}", "act": SYMBOL.get(walk.activation, walk.activation)}
    if walk.pool is not None:
        s["pooled"] = f"a_{{{f},{walk.pool.out[0]},{walk.pool.out[1]}}}^{{({L + 1})}}"
    return s


def _kernel_grid(w: _Writer, walk: ConvPixelWalk, c: int, top, bottom) -> str:
    """k×k cells ``top(i, j)`` = ``bottom(i, j)`` (formula parts; a list of them: one line each), padding grey."""
    def cell(i: int, j: int) -> str:
        lines = top(i, j)
        lines = lines if isinstance(lines, list) else [lines]
        return "<br/>".join(w.f(line) for line in lines) + "<br/>= " + w.f((_num(bottom(i, j)),))
    return w.grid([[(cell(i, j), w.pad if walk.padding[i, j] else "") for j in range(walk.k)] for i in range(walk.k)])


def _field(w: _Writer, walk: ConvPixelWalk, c: int) -> str:
    s = _sym(walk)
    sentence = conv_texts.text("field", walk, c)
    if walk.channels > 1:
        sentence += " " + conv_texts.text("channels", walk, c)
    if walk.padding.any():
        sentence += " " + conv_texts.text("padding", walk, c)
    grid = _kernel_grid(w, walk, c, lambda i, j: fm.product(_num(walk.patch[c, i, j]), _num(walk.kernel[c, i, j])),
                        lambda i, j: walk.products[c, i, j])
    sums = walk.channel_sums
    chan = f" (c = {c})" if walk.channels > 1 else ""
    terms = fm.total_of(walk.channels, lambda ch: (_num(sums[ch]),), fm.factor(_num(walk.bias)))
    return (sentence + w.line((f"{s['z']} = Σ {s['prev']}·{s['w']} + {s['b']}",), muted=True) + grid
            + w.line((f"Σ a·w{chan} = ", _num(sums[c]))) + w.line((f"{s['z']} = ", *terms, " = ", _num(walk.z))))


def _activation(w: _Writer, walk: ConvPixelWalk, c: int) -> str:
    s = _sym(walk)
    return (conv_texts.text("activation", walk, c) + w.line((f"{s['a']} = {s['act']}({s['z']})",), muted=True)
            + w.line((f"{s['a']} = {s['act']}(", _num(walk.z), ") = ", _num(walk.a))))


def _pool(w: _Writer, walk: ConvPixelWalk, c: int) -> str:
    if walk.pool is None:
        return conv_texts.text("dropped", walk, c)
    p, s = walk.pool, _sym(walk)
    cells = []
    for i in range(p.size):
        row = []
        for j in range(p.size):
            at = (p.origin[0] + i, p.origin[1] + j)
            html = w.f((_num(p.block[i, j]),))
            row.append((f"<b>{html}</b>" if at == (walk.y, walk.x) else html, w.winner if at == p.winner else ""))
        cells.append(row)
    values = tuple(part for i, v in enumerate(p.block.ravel()) for part in ((", " if i else ""), _num(v)))
    return (conv_texts.text("pool", walk, c) + " " + conv_texts.text("won" if p.won else "lost", walk, c)
            + w.line((f"{s['pooled']} = max(…)",), muted=True) + w.grid(cells)
            + w.line((f"{s['pooled']} = max(", *values, ") = ", _num(p.value))))


def _dC_da(w: _Writer, walk: ConvPixelWalk, c: int) -> str:
    s, da = _sym(walk), fm.dC(_sym(walk)["a"])
    if walk.after == "pool":
        p = walk.pool
        cells = [[(w.f((_num(p.grad_out if (p.origin[0] + i, p.origin[1] + j) == p.winner else 0.0),)),
                   w.winner if (p.origin[0] + i, p.origin[1] + j) == p.winner else "")
                  for j in range(p.size)] for i in range(p.size)]
        result = (f"{da} = {fm.dC(s['pooled'])} = ", _num(walk.dC_da)) if p.won else (f"{da} = ", _num(0.0))
        return (conv_texts.text("dC_da_pool", walk, c) + w.grid(cells) + w.line(result))
    if walk.after == "dropped":
        return conv_texts.text("dC_da_dropped", walk, c) + w.line((f"{da} = ", _num(0.0)))
    key = "dC_da_conv" if walk.after == "conv" else "dC_da_dense"
    return (conv_texts.text(key, walk, c) + w.line((f"{da} = Σ δ·w",), muted=True)
            + w.line((f"{da} = ", _num(walk.dC_da))))


def _delta(w: _Writer, walk: ConvPixelWalk, c: int) -> str:
    s = _sym(walk)
    prime, a = f"{s['act']}′({s['z']})", _num(walk.a)
    if walk.activation == "sigmoid":  # as on the slides: σ′(z) = a(1 − a)
        value = (f"{prime} = ", *fm.factor(a), "·(1 − ", *fm.factor(a), ") = ", _num(walk.sigma_prime))
    elif walk.activation == "tanh":
        value = (f"{prime} = 1 − ", *fm.factor(a), "² = ", _num(walk.sigma_prime))
    else:
        value = (f"{prime} = {s['act']}′(", _num(walk.z), ") = ", _num(walk.sigma_prime))
    return (conv_texts.text("delta", walk, c) + w.line((f"{s['d']} = {fm.dC(s['a'])}·{prime}",), muted=True)
            + w.line(value)
            + w.line((f"{s['d']} = ", *fm.product(_num(walk.dC_da), _num(walk.sigma_prime)), " = ",
                      _num(walk.delta))))


def _grad(w: _Writer, walk: ConvPixelWalk, c: int) -> str:
    s = _sym(walk)
    sentence = conv_texts.text("grad", walk, c)
    if walk.delta == 0:
        sentence += " " + conv_texts.text("zero", walk, c)
    grid = _kernel_grid(w, walk, c, lambda i, j: fm.product(_num(walk.delta), _num(walk.patch[c, i, j])),
                        lambda i, j: walk.grad_w_pixel[c, i, j])
    return (sentence + w.line((f"{fm.dC(s['w'])} = … + {s['d']}·{s['prev']} + …",), muted=True) + grid
            + w.line((f"{fm.dC(s['b'])} = … + {s['d']} + …,  {s['d']} = ", _num(walk.delta))))


def _back(w: _Writer, walk: ConvPixelWalk, c: int) -> str:
    s = _sym(walk)
    grid = _kernel_grid(w, walk, c, lambda i, j: fm.product(_num(walk.delta), _num(walk.kernel[c, i, j])),
                        lambda i, j: walk.back[c, i, j])
    key = "back" if walk.L > 1 else "back_input"
    return (conv_texts.text(key, walk, c) + w.line((f"{fm.dC(s['prev'])} = … + {s['d']}·{s['w']} + …",), muted=True)
            + grid)


def _kernel(w: _Writer, walk: ConvPixelWalk, c: int) -> str:
    s, eta = _sym(walk), _num(walk.eta)
    grid = _kernel_grid(w, walk, c, lambda i, j: [(_num(walk.kernel[c, i, j]),),
                                                  ("− ", eta, "·", *fm.factor(_num(walk.grad_w[c, i, j])))],
                        lambda i, j: walk.new_w[c, i, j])
    gb = _num(walk.grad_b)
    return (conv_texts.text("kernel", walk, c) + " " + conv_texts.text("applied", walk, c)
            + w.line((f"{fm.dC(s['w'])} = Σ_{{y,x}} δ·{s['prev']},  {s['w']} ← {s['w']} − η·{fm.dC(s['w'])}",),
                     muted=True) + grid
            + w.line((f"{fm.dC(s['b'])} = Σ_{{y,x}} δ = ", gb))
            + w.line((f"{s['b']} ← ", _num(walk.bias), " − ", eta, "·", *fm.factor(gb), " = ", _num(walk.new_b))))


_STEPS = {"field": _field, "activation": _activation, "pool": _pool, "dC_da": _dC_da, "delta": _delta,
          "grad": _grad, "back": _back, "kernel": _kernel}



def gradcheck_html(walk: ConvPixelWalk, check: GradCheck, c: int | None, i: int = 0, j: int = 0) -> str:
    """"∂C/∂w₀,₀,₂,₁⁽⁰⁾ — backpropagation: …; finite differences: …; relative difference: …. They agree."
    for the kernel weight (c, i, j), or the bias when ``c`` is None (the dense panel's sentence)."""
    L, f = walk.L, walk.f
    sym = fm.dC(f"b_{{{f}}}^{{({L})}}" if c is None else f"w_{{{f},{c},{i},{j}}}^{{({L - 1})}}")
    return check_sentence(sym, check)
