"""The buttons in the gap between two layers of the canvas: "+ layer", "+ conv", "+ pool".

A gap's button adds a layer where it stands, so the student points at the
place instead of naming an index.  Each is a label group of its own, kept
readable (≥ 8 pt) by ``label_fit`` and shortened to "+" in a tight gap ("+ pool",
which sits under "+ conv", is hidden instead: two "+" would look alike).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QTimer
from PySide6.QtWidgets import QGraphicsItem

from nndesk.app.canvas.items import CanvasButton, group_anchor
from nndesk.app.canvas.label_fit import LabelGroup
from nndesk.app.style.colors import CanvasColors


def add_gap_button(scene, a: QGraphicsItem, b: QGraphicsItem, half: float, dy: float, text: str, tip: str,
                   short: str | None, colors: CanvasColors, action: Callable[[], None],
                   left_aligned: bool = False) -> tuple[CanvasButton, LabelGroup]:
    """A flat button centred between the bodies of ``a`` and ``b`` (columns or stacks), ``dy`` under the
    footer line ``half`` (the group grows downwards from there, as the columns' footers do).
    ``left_aligned``: at the gap's left end instead, growing to the right (away from ``b``'s footer).

    ``action`` runs after the click has returned: it rebuilds the scene, which must not delete the button
    inside its own click.
    """
    left, right = a.x() + a.width / 2, b.x() - b.width / 2
    anchor = group_anchor(None, QPointF(left + 4 if left_aligned else (left + right) / 2, half))
    scene.addItem(anchor)
    group = LabelGroup(anchor, room=right - left - 8, left_aligned=left_aligned)
    button = CanvasButton(text, tip, colors, radius=12, flat=True)
    button.setParentItem(anchor)
    button.setPos(button.boundingRect().width() / 2 if left_aligned else 0, dy)
    group.shorten(button, *([short] if short else []))  # in a tight gap: "+" (the tooltip says what it does)
    button.clicked.connect(lambda: QTimer.singleShot(0, action))
    return button, group
