"""The step list of ``BackpropPanel`` as rich text: headings, sentences, formulas; and the gradient check.

Kept apart from the panel's controls: this only turns a ``Walkthrough`` and
the number of steps revealed into HTML for a ``QTextBrowser``, and a
finite-difference ``GradCheck`` into one sentence.  Each step
gets an anchor (``step{i}``) to scroll to; each number a link ``n:{id}``
whose hover shows its full value.  The current step has a tinted background.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from nndesk.app.backprop import step_texts
from nndesk.app.style.eta_text import eta_value
from nndesk.app.style.formula_view import formula_html, number_text
from nndesk.app.style.theme import secondary_text
from nndesk.engine.core.network import Network
from nndesk.engine.explain import formula as f
from nndesk.engine.explain.gradcheck import GradCheck
from nndesk.engine.explain.stepthrough import Walkthrough

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls


def _mix(a: QColor, b: QColor, t: float) -> str:
    return QColor(*(round(x * (1 - t) + y * t) for x, y in zip(a.getRgb()[:3], b.getRgb()[:3]))).name()


def sample_html(widget: QWidget, walk: Walkthrough, network: Network, source: str | None = None) -> str:
    """"Sample: a⁽⁰⁾ = [1; 1; 0], t = [0], η = 0.1 — network 3-2-1, quadratic cost".

    With ``source`` ("the digit you drew, taught as a 3"), the words replace a⁽⁰⁾'s numbers.
    """
    ex, loc = walk.exact, QLocale()
    nums = [f.Num(f.exact_text(v), float(v)) for v in ex.x]
    targets = [f.Num(f.exact_text(v), float(v)) for v in ex.t]
    inputs = ("a^{(0)} = ", *f.vector(nums), ",  ") if source is None else ()
    # every target (10 for digits), so the one-hot 1 is always in sight
    parts = (*inputs, "t = ", *f.vector(targets, limit=max(4, len(targets)) if len(targets) <= 10 else 4),
             ",  η = ", f.Num(eta_value(ex.eta), ex.eta))  # written as the slider writes it
    formula, _ = formula_html(parts, loc, link=None)
    if source is not None:
        formula = f"{html.escape(source)}: {formula}"
    arch = "-".join(map(str, network.sizes))
    if network.cost.name == "quadratic":
        cost = translate("BackpropPanel", "quadratic cost")
    else:
        cost = translate("BackpropPanel", "cross-entropy cost")
    text = translate("BackpropPanel", "<b>Sample:</b> %1 — network %2, %3")
    return text.replace("%1", formula).replace("%2", arch).replace("%3", cost)


def render_steps(widget: QWidget, walk: Walkthrough, index: int, slide: bool,
                 network: Network) -> tuple[str, list[f.Num]]:
    """HTML of steps 0…``index`` and every number in it, in link order."""
    pal, loc = widget.palette(), QLocale()
    big = f"font-size:{widget.font().pointSizeF() + 3:.0f}pt"  # formulas a little larger than the prose
    muted = secondary_text(pal).name()  # the symbolic line: secondary, yet readable on a dark projector
    current_bg = _mix(pal.color(QPalette.ColorRole.Highlight), pal.color(QPalette.ColorRole.Base), 0.8)
    link = pal.color(QPalette.ColorRole.Link).name()
    L = len(network.layers)
    counts = (sum(layer.weights.size for layer in network.layers), sum(layer.bias.size for layer in network.layers))
    ce = network.cost.name != "quadratic"
    out: list[str] = [f"<style>a {{ color: {link}; text-decoration: none; }}</style>"]
    if not walk.full:
        l, k, j = walk.focus
        sym = f.w_(l, k, j) if j is not None else f.b_(l + 1, k)
        note = translate("BackpropPanel", "This network is large, so the steps follow only %1 and what is needed "
                                          "to compute it. Click another weight on the network to follow it.")
        out.append(f"<p><i>{note.replace('%1', formula_html((sym,), loc, link=None)[0])}</i></p>")
    if index < 0:
        start = translate("BackpropPanel", "Press “Next step” (or →) to start: first the forward pass, "
                                           "neuron by neuron.")
        out.append(f"<p>{start}</p>")
    nums: list[f.Num] = []
    phase = ""
    for i, step in enumerate(walk.steps[:index + 1]):
        title = step_texts.phase_title(step.kind)
        if title != phase:
            out.append(f"<h3>{title}</h3>")
            phase = title
        sym, _ = formula_html(step.symbolic, loc, link=None)
        sub, step_nums = formula_html(step.formula(slide), loc, first_id=len(nums))
        nums.extend(step_nums)
        bg = f' bgcolor="{current_bg}"' if i == index else ""
        text = step_texts.explain(step, L, ce, counts)
        label = translate("BackpropPanel", "Step %1.").replace("%1", str(i + 1))
        body = f'<b>{label}</b> {text}<br/><span style="color:{muted}; {big}">{sym}</span>'
        if step.kind != "update":
            body += f'<br/><span style="{big}">{sub}</span>'
        out.append(f'<a name="step{i}"></a><table width="100%" cellpadding="4"{bg}><tr><td>{body}</td></tr></table>')
    return "".join(out), nums


def gradcheck_html(check: GradCheck, l: int, k: int, j: int | None) -> str:
    """"∂C/∂w₀₀⁽¹⁾ — backpropagation: 0.08; finite differences: 0.08; relative difference: 2e-13. They agree."."""
    return check_sentence(f.dC(f.w_(l, k, j) if j is not None else f.b_(l + 1, k)), check)


def check_sentence(sym: str, check: GradCheck) -> str:
    """The finite-difference check of the parameter named ``sym`` (∂C/∂…), said in one sentence."""
    loc = QLocale()
    if check.relative_error < 1e-6:
        verdict = translate("BackpropPanel", "They agree.")
    else:
        verdict = translate("BackpropPanel", "They differ: near a kink of ReLU the difference formula does not apply.")
    text = translate("BackpropPanel", "%1 — backpropagation: %2; finite differences: %3; relative difference: %4. %5")
    for key, val in (("%1", formula_html((sym,), loc, link=None)[0]),
                     ("%2", number_text(f"{check.backprop:.10g}", loc)),
                     ("%3", number_text(f"{check.estimate:.10g}", loc)),
                     ("%4", number_text(f"{check.relative_error:.1e}", loc)), ("%5", verdict)):
        text = text.replace(key, val)
    return text
