"""What a point of the canvas is, or what the canvas marks: a neuron, an edge, a layer's control, or nothing.

One small value type for clicks, tooltips and the highlight, instead of
tuples whose first element is a string.  Indices follow ``network_document``:
a neuron is (L, i) of a⁽ᴸ⁾; an edge is w_kj of W⁽ˡ⁾, which feeds a⁽ˡ⁺¹⁾; a feature is
pixel (y, x) of map f of a convolutional network's feature layer a⁽ᴸ⁾.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QGraphicsView

from nndesk.app.canvas.feature_stack import FeatureStack
from nndesk.app.canvas.items import CanvasButton, NeuronItem
from nndesk.app.canvas.layer_column import LayerColumn


class HitKind(str, Enum):
    NEURON = "neuron"
    EDGE = "edge"
    FEATURE = "feature"  # a pixel of a feature map
    LAYER = "layer"  # one of a layer's controls (＋, −, ×, σ ▾, "+ layer"): the click is the button's
    NONE = "none"


@dataclass(frozen=True)
class CanvasHit:
    kind: HitKind
    layer: int = -1  # L of a neuron or of a layer's control; l of an edge's W⁽ˡ⁾
    index: int = -1  # i of a neuron; k of an edge
    source: int = -1  # j of an edge; y of a feature's pixel
    x: int = -1  # x of a feature's pixel

    @classmethod
    def neuron(cls, L: int, i: int) -> CanvasHit:
        return cls(HitKind.NEURON, L, i)

    @classmethod
    def edge(cls, l: int, k: int, j: int) -> CanvasHit:
        return cls(HitKind.EDGE, l, k, j)

    @classmethod
    def feature(cls, L: int, f: int, y: int, x: int) -> CanvasHit:
        return cls(HitKind.FEATURE, L, f, y, x)

    @classmethod
    def control(cls, L: int) -> CanvasHit:
        return cls(HitKind.LAYER, L)

    def __bool__(self) -> bool:
        return self.kind is not HitKind.NONE

    def fits(self, sizes: list[int]) -> bool:
        """Whether these indices exist in a network of neuron-layer ``sizes``."""
        if self.kind is HitKind.NEURON:
            return 0 <= self.layer < len(sizes) and 0 <= self.index < sizes[self.layer]
        if self.kind is HitKind.EDGE:
            l, k, j = self.layer, self.index, self.source
            return 0 <= l < len(sizes) - 1 and 0 <= k < sizes[l + 1] and 0 <= j < sizes[l]
        if self.kind is HitKind.FEATURE:  # the map's shape is checked where it is drawn (``CanvasHighlight``)
            return 0 < self.layer < len(sizes) and min(self.index, self.source, self.x) >= 0
        return self.kind is HitKind.LAYER and 0 <= self.layer <= len(sizes)


NOTHING = CanvasHit(HitKind.NONE)


def hit_at(canvas: QGraphicsView, view_pos: QPoint, slop_px: float) -> CanvasHit:
    """What of ``NetworkCanvas`` ``canvas`` is under a viewport point; an edge within ``slop_px`` counts."""
    scene_pos = canvas.mapToScene(view_pos)
    for item in canvas.items(view_pos):
        if isinstance(item, CanvasButton):
            return CanvasHit.control(_button_layer(canvas, item))
        if isinstance(item, NeuronItem):
            return CanvasHit.neuron(item.layer, item.index)
        if isinstance(item, FeatureStack) and (fyx := item.map_at(scene_pos)) is not None:
            return CanvasHit.feature(item.L, *fyx)
        col = item.parentItem()
        if isinstance(col, LayerColumn) and (i := col.neuron_at(scene_pos)) is not None:
            return CanvasHit.neuron(col.L, i)
    slop = slop_px / max(canvas.transform().m11(), 1e-6)
    for bundle in canvas.bundles:  # edges lie under everything else
        if bundle.boundingRect().contains(scene_pos) and (kj := bundle.edge_at(scene_pos, slop)) is not None:
            return CanvasHit.edge(bundle.l, *kj)
    return NOTHING


def _button_layer(canvas: QGraphicsView, button: CanvasButton) -> int:
    """L of the layer a button edits: its column's or stack's, or the one a "+ layer" button inserts."""
    for L, insert in canvas.insert_buttons.items():
        if insert is button:
            return L
    item = button.parentItem()
    while item is not None and not isinstance(item, (LayerColumn, FeatureStack)):
        item = item.parentItem()
    return item.L if item is not None else -1
