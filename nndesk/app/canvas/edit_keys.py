"""Editing the network from the keyboard, at the layer of the canvas's selection.

The mouse has −/+ and × on each layer; a student who walks the canvas with the arrow keys has the same
edits here: **+** one neuron (a convolution: one filter) more, **−** one fewer, **Delete** removes the
layer (a hidden dense layer, a convolution or a pooling), and the **Menu** key (or Shift+F10) opens the
layer's menu (insert layers or a pooling, the kernel size, the activation…).  Every edit is the same undo
command the buttons push, refused with the same message where the buttons would be.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from nndesk.app.canvas.conv_scene import context_menu
from nndesk.app.canvas.feature_stack import FeatureStack
from nndesk.app.canvas.hits import CanvasHit, HitKind

K = Qt.Key
_SIGNS = {K.Key_Plus: +1, K.Key_Equal: +1, K.Key_Minus: -1, K.Key_Underscore: -1}  # "=" and "_": unshifted
MENU_KEYS = (K.Key_Menu,)


def selected_layer(hit: CanvasHit) -> int | None:
    """The layer L whose a⁽ᴸ⁾ the selection is in (a neuron or a map pixel); None for a weight or nothing."""
    return hit.layer if hit.kind in (HitKind.NEURON, HitKind.FEATURE) else None


def is_menu_key(key: int, modifiers: Qt.KeyboardModifier) -> bool:
    return key in MENU_KEYS or (key == K.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier)


def edit(canvas, key: int) -> bool:
    """Do the edit ``key`` stands for at the selected layer; False if ``key`` is not an edit key there.

    The selection stays on its layer (after Delete, on the layer that took its place), so pressing + again
    goes on growing the same layer.
    """
    before = canvas.highlight.target
    L = selected_layer(before)
    sign = _SIGNS.get(key)
    if L is None or (sign is None and key != K.Key_Delete) or L >= len(canvas.columns):
        return False
    doc = canvas.document
    if isinstance(canvas.columns[L], FeatureStack):
        if key == K.Key_Delete:
            canvas.conv_editor.remove_feature(L)
        else:
            canvas.conv_editor.step_filters(L, sign)  # a pooling has no filters: the editor says so
    elif doc.is_hidden(L):
        if key == K.Key_Delete:
            canvas.editor.remove_layer(L)
        else:
            canvas.editor.step_size(L, sign)
    else:
        return False  # the input and the output: the data set fixes their size
    canvas.select(_kept(before, canvas) if key != K.Key_Delete else CanvasHit.neuron(min(L, len(doc.sizes) - 1), 0))
    return True


def _kept(hit: CanvasHit, canvas) -> CanvasHit:
    """The selection on its layer as that layer now is: a neuron or map pixel past the end becomes the last."""
    column = canvas.columns[hit.layer]
    if hit.kind is HitKind.FEATURE and isinstance(column, FeatureStack):
        c, h, w = column.chw
        return CanvasHit.feature(hit.layer, min(hit.index, c - 1), min(hit.source, h - 1), min(hit.x, w - 1))
    return CanvasHit.neuron(hit.layer, min(hit.index, column.n - 1))


def open_menu(canvas) -> bool:
    """The selected layer's menu, at the selection (where a keyboard user's eyes are); False if none."""
    L = selected_layer(canvas.highlight.target)
    if L is None or L >= len(canvas.columns):
        return False
    column, marks = canvas.columns[L], canvas.highlight.bounds()
    where = marks.center() if marks.isValid() else column.scenePos()
    menu = context_menu(canvas, column)
    menu.exec(canvas.viewport().mapToGlobal(canvas.mapFromScene(where)))
    menu.deleteLater()
    return True
