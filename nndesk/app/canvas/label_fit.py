"""Canvas text never smaller than 8 pt on screen: grown when the view is zoomed out, shortened or hidden.

The canvas draws its labels in scene units, so fitting a 784-800-10 into a
1024×768 window would shrink them with everything else (to ~5 px).  Instead
the labels come in groups — a column's header (a⁽ᴸ⁾ and "hidden layer · 800"),
its footer (σ ▾, −, 800, +), a gap's "+ layer" and caption, one neuron's
number — each scaled as a whole by ``k = min_px / (SMALLEST_PX · s)`` (never
below 1) about its anchor: headers grow upwards, footers downwards, so nothing
inside a group overlaps.  ``fit_scale`` leaves the room for the grown header
and footer when it fits the network into the view.  A group that would then be
wider than its neighbours leave tries its labels' shorter forms ("hidden
layer · 800" → "800"), else it is hidden (its words stay in the tooltip); a
neuron's number taller than the gap between two neurons is hidden.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSimpleTextItem, QWidget

MIN_POINTS = 8.0  # the smallest text a student at the back of a classroom is asked to read
SMALLEST_PX = 13  # the canvas's smallest label (a gap's caption), in scene units


def min_px(widget: QWidget | None) -> float:
    """8 pt in ``widget``'s logical pixels (10.7 px at 96 dpi)."""
    dpi = widget.logicalDpiY() if widget is not None else 96
    return MIN_POINTS * dpi / 72


def label_scale(view_scale: float, smallest: float) -> float:
    """How much the labels must grow at ``view_scale`` so the smallest shows as ``smallest`` pixels."""
    return max(1.0, smallest / (SMALLEST_PX * view_scale)) if view_scale > 0 else 1.0


def fit_scale(width: float, body: float, margins: float, view_w: float, view_h: float, smallest: float,
              most: float) -> float:
    """The view scale that shows a network ``width`` × ``body`` plus ``margins`` (header + footer, which grow
    by ``label_scale``) in a ``view_w`` × ``view_h`` view, at most ``most``."""
    s = min(view_w / width, view_h / (body + margins), most)
    if label_scale(s, smallest) == 1.0:
        return s
    # k·s = smallest / SMALLEST_PX from here on: the margins take a fixed number of screen pixels
    return max(min(view_w / width, (view_h - margins * smallest / SMALLEST_PX) / body, most), 1e-3)


@dataclass
class LabelGroup:
    """Items laid out around ``anchor`` (their parent), grown together about its origin."""

    anchor: QGraphicsItem
    room: float = math.inf  # the widest the group may be, in scene units
    room_high: float = math.inf  # the tallest (a neuron's number between its neighbours)
    shorter: tuple[QGraphicsItem | None, tuple[str, ...]] = (None, ())
    left_aligned: bool = False  # the shortened button keeps its left edge on the anchor (else its centre)

    def shorten(self, item: QGraphicsItem, *texts: str) -> None:
        """``item`` — a text centred on the anchor, or a ``CanvasButton`` — may say ``texts`` instead, in this
        order, when the group is too wide."""
        full = item.text() if isinstance(item, QGraphicsSimpleTextItem) else item.text
        self.shorter = (item, (full, *texts))


def gather(columns: list, bundles: list, gaps: list[LabelGroup], side: float) -> list[LabelGroup]:
    """The canvas's groups in priority order — headers, footers, neurons' numbers, the gaps' "+ layer",
    captions — after giving each column (a ``LayerColumn``) the room up to its neighbours' centres."""
    first, last = columns[0], columns[-1]
    # The end columns' outer room reaches the scene's margin (the view fits what shows), at least their width
    # and a neuron's side each way: a narrow output column must not hide its "a⁽ᴸ⁾" header for want of room
    # that only its inner neighbour can take.
    outer = max(first.width, last.width) + 2 * side
    xs = [first.x() - max(first.width + 2 * side, outer), *(c.x() for c in columns),
          last.x() + max(last.width + 2 * side, outer)]
    for L, col in enumerate(columns):
        col.set_room(min(xs[L + 1] - xs[L], xs[L + 2] - xs[L + 1]) - 8)
    return [*(c.labels[0] for c in columns), *(c.labels[1] for c in columns),
            *(g for c in columns for g in c.labels[2:]), *gaps, *(g for b in bundles for g in b.labels)]


def fit_labels(groups: list[LabelGroup], k: float, compact: bool = False) -> None:
    """Grow each group by ``k``; shorten or hide what no longer fits its room or would cover a group before it
    in ``groups`` (so the list's order is the priority: headers, then footers, then the gaps' buttons).
    ``compact``: no room for headers and footers at all, only neurons' numbers may show."""
    shown: list[QRectF] = []
    for group in groups:
        group.anchor.setScale(k)
        fits = not (compact and group.room_high == math.inf) and _place(group, shown)
        group.anchor.setVisible(fits)


def _place(group: LabelGroup, shown: list[QRectF]) -> bool:
    """Try the group's texts, longest first; remember where the one that fits is."""
    item, texts = group.shorter
    for text in texts or ("",):
        if isinstance(item, QGraphicsSimpleTextItem):
            item.setText(text)
            item.setX(-item.boundingRect().width() / 2)
            item.setToolTip("" if text == texts[0] else texts[0])
        elif item is not None:
            item.set_text(text)  # a button, centred on its position; its own tooltip says what it does
            if group.left_aligned:
                item.setX(item.boundingRect().width() / 2)
        rect = group.anchor.mapRectToScene(group.anchor.childrenBoundingRect())
        parts = [child.sceneBoundingRect() for child in group.anchor.childItems()]  # the items, not their box
        if rect.width() <= group.room and rect.height() <= group.room_high \
                and not any(p.intersects(q) for p in parts for q in shown):
            shown.extend(parts)
            return True
    return False


def screen_px(item: QGraphicsItem, px: float, view_scale: float) -> float:
    """How tall ``px`` scene units of ``item``'s text are on screen (its own and its parents' scale included)."""
    return px * item.sceneTransform().m11() * view_scale
