"""Moving through a step-through's steps: one rule for the dense panel and the convolution's.

The last step is the update w ← w − η·∇C, and it is really made when shown:
stepping onto it applies it, stepping back off it takes it back (one undo
command), so the network shown always matches the step on screen.
"""

from __future__ import annotations

from typing import Any


def step_to(panel: Any, index: int, count: int) -> None:
    """Show step ``index`` of ``count`` (clamped; −1: before the first) on ``panel``, which has ``_index``,
    ``_apply_update(apply)``, ``_render()`` and ``_emit_step()``."""
    last = count - 1
    index = max(-1, min(index, last))
    if index == panel._index:
        return
    was_update = last >= 0 and panel._index == last
    panel._index = index
    if (last >= 0 and index == last) != was_update:  # onto the update step, or back off it
        panel._apply_update(not was_update)
    panel._render()
    panel._emit_step()
