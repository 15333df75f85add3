"""Moving the canvas's selection with the arrow keys, for students who use the keyboard.

← / → go to the previous / next layer, to the neuron at the same height
(neuron i of n becomes the one at the same fraction of the next layer);
↑ / ↓ go to the neuron above / below in the same layer; Page Up / Page Down
jump a tenth of the layer; Home / End go to its first / last neuron.  A
selected weight w_kj of W⁽ˡ⁾ moves from the neuron it feeds (k of a⁽ˡ⁺¹⁾), so
← from it goes to where it comes from (j of a⁽ˡ⁾).  With nothing selected
any of these keys selects the first input.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from nndesk.app.canvas.hits import CanvasHit, HitKind

K = Qt.Key
KEYS = (K.Key_Left, K.Key_Right, K.Key_Up, K.Key_Down, K.Key_PageUp, K.Key_PageDown, K.Key_Home, K.Key_End)


def next_hit(current: CanvasHit, key: int, sizes: list[int]) -> CanvasHit | None:
    """The neuron ``key`` moves the selection to, or None if ``key`` is not a moving key."""
    if key not in KEYS:
        return None
    if not current.fits(sizes) or current.kind not in (HitKind.NEURON, HitKind.EDGE):
        return CanvasHit.neuron(0, 0)
    if current.kind is HitKind.EDGE:
        l, k, j = current.layer, current.index, current.source
        if key == K.Key_Left:
            return CanvasHit.neuron(l, j)
        current = CanvasHit.neuron(l + 1, k)
        if key == K.Key_Right:
            return current
    L, i, n = current.layer, current.index, sizes[current.layer]
    if key in (K.Key_Left, K.Key_Right):
        L2 = min(max(L + (1 if key == K.Key_Right else -1), 0), len(sizes) - 1)
        i2 = round((i + 0.5) * sizes[L2] / n - 0.5)  # the same height in the other column
        return CanvasHit.neuron(L2, min(max(i2, 0), sizes[L2] - 1))
    step = {K.Key_Up: -1, K.Key_Down: 1, K.Key_PageUp: -max(n // 10, 1), K.Key_PageDown: max(n // 10, 1),
            K.Key_Home: -n, K.Key_End: n}[key]
    return CanvasHit.neuron(L, min(max(i + step, 0), n - 1))
