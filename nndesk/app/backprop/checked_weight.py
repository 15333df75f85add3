"""Which parameter "Check with finite differences" checks: the one the step shown concerns, else the focus.

A step about ∂C/∂w or the new w names its weight (l, k, j); a step about a bias
names (l, k, None) of W⁽ˡ⁾'s bias, one layer index below the neuron's L.  Any
other step checks the weight the walkthrough follows (``Walkthrough.focus``).
"""

from __future__ import annotations

from nndesk.engine.explain.stepthrough import Walkthrough


def checked_parameter(walk: Walkthrough, index: int) -> tuple[int, int, int | None]:
    """(l, k, j) of the weight step ``index`` concerns (j None: a bias), else the walkthrough's focus."""
    if 0 <= index < len(walk.steps):
        step = walk.steps[index]
        if step.kind in ("grad_w", "new_w"):
            return (step.layer, *step.index)
        if step.kind in ("grad_b", "new_b"):
            return (step.layer - 1, step.index, None)  # b of neuron L is stored with W⁽ᴸ⁻¹⁾
    return walk.focus
