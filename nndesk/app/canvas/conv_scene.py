"""The canvas of a convolutional network: the input image, a stack of maps per feature layer, then the dense part.

Layer by layer, in the full-network indices of ``network_document``: a⁽⁰⁾ is
the input picture (a ``LayerColumn``), a⁽¹⁾…a⁽ⁿ⁾ the feature layers
(``FeatureStack``), a⁽ⁿ⁺¹⁾ the flattened maps and then the dense layers as
columns with edge bundles between them, exactly as a dense network is drawn.
Between feature layers a cone shows what one pixel is made from; between the
last maps and the vector an arrow says "flatten".  The gaps of the feature
part hold "+ conv" / "+ pool"; a dense network whose input is a picture gets
a "+ conv" after its input — how a student turns it into a CNN.  Every edit
goes through ``ConvEditor`` (undo commands), the dense ones through ``LayerEditor``.
"""

from __future__ import annotations

from functools import partial

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QMenu

from nndesk.app.canvas.conv_links import ConvLink, flatten_arrow, window_on
from nndesk.app.canvas.edge_bundle import EdgeBundle
from nndesk.app.canvas.feature_stack import FeatureStack, stack_size
from nndesk.app.canvas.gap_buttons import add_gap_button
from nndesk.app.canvas.hits import CanvasHit, HitKind
from nndesk.app.canvas.kernel_images import KernelImages, grid_height
from nndesk.app.canvas.layer_column import ACTIVATION_Y, INSERT_Y, STEPPER_Y, LayerColumn, body_size
from nndesk.app.style.colors import CanvasColors
from nndesk.engine.core.conv import Conv2D
from nndesk.engine.fast.im2col import padding

GAP = 160.0  # between two bodies, as ``network_canvas.GAP``
FEATURE_GAP = 110.0  # between two feature layers: no edges to see there, and a CNN is wide enough already
KERNELS_TOP = 14.0  # between the input picture and the kernels under it

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls


def _later(f):
    return lambda: QTimer.singleShot(0, f)  # an edit rebuilds the scene: not inside the button's own click


def image_shape(shape: tuple[int, ...]) -> tuple[int, int] | None:
    """(H, W) if the input (C, H, W) is drawn as one picture (one channel)."""
    return (int(shape[1]), int(shape[2])) if len(shape) == 3 and shape[0] == 1 else None


def first_conv(net) -> tuple[int, Conv2D] | None:
    """(L, layer) of the first convolution, whose kernels are drawn as pictures."""
    return next(((p + 1, f) for p, f in enumerate(net.features) if isinstance(f, Conv2D)), None)


def build_conv_scene(canvas, colors: CanvasColors) -> list[tuple[float, float]]:
    """Fill ``canvas`` (columns, bundles, gap buttons, links, kernels) for its ConvNet; the bodies' sizes."""
    doc, scene, net = canvas.document, canvas.scene(), canvas.document.network
    nf, shapes, sizes = doc.n_features, doc.shapes, doc.sizes
    picture = image_shape(shapes[0])
    bodies = [body_size(sizes[0], picture), *(stack_size(shapes[L]) for L in range(1, nf + 1)),
              *(body_size(sizes[L], None) for L in range(nf + 1, len(sizes)))]
    conv = first_conv(net)
    half = max(h for _, h in bodies) / 2
    if conv is not None and picture is not None:  # the kernels sit under the input picture
        half = max(half, bodies[0][1] / 2 + KERNELS_TOP + grid_height(conv[1].filters))
    canvas._half = half
    x = 0.0
    for L in range(len(sizes)):
        x += bodies[L - 1][0] / 2 + (FEATURE_GAP if 0 < L <= nf else GAP) + bodies[L][0] / 2 if L else 0.0
        item = _layer_item(canvas, L, colors, half, picture)
        item.setPos(x, 0)
        scene.addItem(item)
        canvas.columns.append(item)
    for l in range(nf + 1, len(sizes) - 1):
        bundle = EdgeBundle(l, canvas.columns[l], canvas.columns[l + 1], colors, half)
        bundle.zoomChanged.connect(canvas._zoom_changed)
        scene.addItem(bundle)
        canvas.bundles.append(bundle)
    _add_links(canvas, colors)
    _add_gap_buttons(canvas, colors, half)
    canvas.kernels = None
    if conv is not None and picture is not None:
        canvas.kernels = KernelImages(conv[0], conv[1].kernels, colors)
        canvas.kernels.setPos(canvas.columns[0].x(), bodies[0][1] / 2 + KERNELS_TOP)
        scene.addItem(canvas.kernels)
        centre = [n // 2 for n in shapes[conv[0]][1:]]
        canvas.kernels.kernelClicked.connect(lambda f: canvas.select(CanvasHit.feature(conv[0], f, *centre)))
        canvas.labels += canvas.kernels.labels
        canvas.highlight.kernels = canvas.kernels  # a marked map of a⁽ᴸ⁾ also marks the kernel making it
    return bodies


def _layer_item(canvas, L: int, colors: CanvasColors, half: float, picture):
    doc = canvas.document
    nf, n_layers = doc.n_features, doc.n_layers
    if L == 0:
        return LayerColumn(0, doc.sizes[0], "input", "", picture, colors, half)
    if L <= nf:
        layer = doc.network.layers[L - 1]
        conv = isinstance(layer, Conv2D)
        k = layer.k if conv else layer.size
        stack = FeatureStack(L, doc.shapes[L], "conv" if conv else "pool", k,
                             padding(k, conv and layer.same)[0], colors, half)
        _connect_stack(canvas, stack)
        return stack
    role = "flatten" if L == nf + 1 else "output" if L == n_layers - 1 else "hidden"
    col = LayerColumn(L, doc.sizes[L], role, doc.activation_name(L), None, colors, half)
    if role == "hidden":
        canvas.editor.connect_column(col)
    return col


def _connect_stack(canvas, stack: FeatureStack) -> None:
    L = stack.L
    stack.remove_button.clicked.connect(_later(lambda: canvas.conv_editor.remove_feature(L)))
    if stack.kind != "conv":
        stack.pool_button.clicked.connect(_later(lambda: _popup(canvas.conv_editor.pool_menu(L))))
        return
    stack.plus_button.clicked.connect(
        _later(lambda: canvas.conv_editor.step_filters(L, +1, stack.plus_button.modifiers)))
    stack.minus_button.clicked.connect(
        _later(lambda: canvas.conv_editor.step_filters(L, -1, stack.minus_button.modifiers)))
    stack.kernel_button.clicked.connect(_later(lambda: _popup(canvas.conv_editor.kernel_menu(L))))


def _add_links(canvas, colors: CanvasColors) -> None:
    """A cone into each feature layer from the window it reads, and the flatten arrow."""
    scene, cols, nf = canvas.scene(), canvas.columns, canvas.document.n_features
    for L in range(1, nf + 1):
        stack, _, h, w = cols[L], *cols[L].chw
        y, x = int(h * 0.62), int(w * 0.62)  # low on the front map, where the maps behind don't cover it
        window = window_on(cols[L - 1], 0, *stack.receptive(y, x))
        if window is not None:
            canvas.links.append(ConvLink(window, stack.pixel_rect(0, y, x), colors))
            scene.addItem(canvas.links[-1])
    last, vector = cols[nf], cols[nf + 1]
    c, h, w = last.chw
    arrow, group = flatten_arrow(last.x() + last.width / 2 + 10, vector.x() - vector.width / 2 - 10,
                                 f"{h}×{w}×{c} → {vector.n}", colors)
    scene.addItem(arrow)
    canvas.links.append(arrow)
    canvas.labels.append(group)


def _add_gap_buttons(canvas, colors: CanvasColors, half: float) -> None:
    """"+ conv" and "+ pool" in the feature part's gaps, "+ layer" in the dense part's."""
    cols, nf, scene = canvas.columns, canvas.document.n_features, canvas.scene()
    for L in range(1, len(cols)):
        if L <= nf + 1:
            add_feature_buttons(canvas, L - 1, colors, half, pool=True)
            continue
        button, group = add_gap_button(scene, cols[L - 1], cols[L], half, INSERT_Y,
                                       translate("NetworkCanvas", "+ layer"),
                                       translate("NetworkCanvas", "Insert a hidden layer here"), "+", colors,
                                       partial(canvas.editor.insert_layer, L))
        canvas.insert_buttons[L] = button
        canvas.labels.append(group)


def add_feature_buttons(canvas, position: int, colors: CanvasColors, half: float, pool: bool = False,
                        left_aligned: bool = False, conv_y: float = STEPPER_Y) -> None:
    """"+ conv" (and "+ pool") between a⁽ᵖᵒˢⁱᵗⁱᵒⁿ⁾ and the next layer: a new feature layer a⁽ᵖᵒˢⁱᵗⁱᵒⁿ⁺¹⁾."""
    a, b = canvas.columns[position], canvas.columns[position + 1]
    kinds = [("conv", conv_y, translate("ConvScene", "+ conv"),
              translate("ConvScene", "Insert a convolution here: filters sliding over the maps before"))]
    if pool:
        kinds.append(("pool", INSERT_Y, translate("ConvScene", "+ pool"),
                      translate("ConvScene", "Insert a 2×2 max pooling here: each map half as wide and high")))
    for kind, dy, text, tip in kinds:
        add = (lambda p=position: canvas.conv_editor.add_conv(p)) if kind == "conv" else \
            (lambda p=position: canvas.conv_editor.add_pool(p))
        button, group = add_gap_button(canvas.scene(), a, b, half, dy, text, tip, "+" if kind == "conv" else None,
                                       colors, add, left_aligned)
        canvas.feature_buttons[(kind, position)] = button
        canvas.labels.append(group)


def offer_conv(canvas, colors: CanvasColors, half: float) -> None:
    """A dense network whose input is a one-channel picture: "+ conv" after the input makes it a CNN."""
    doc = canvas.document
    shape = doc.input_shape
    if shape is not None and len(shape) == 2 and shape[0] * shape[1] == doc.sizes[0] and len(canvas.columns) > 1:
        # In the σ row at the gap's left end: in the steppers' row the hidden layer's grown "−" covered it in a
        # small window (Russian's longer legend leaves the canvas less height), and it was hidden
        add_feature_buttons(canvas, 0, colors, half, left_aligned=True, conv_y=ACTIVATION_Y)


def refresh_kernels(canvas) -> None:
    """New weights: redraw the first convolution's kernels (cheap: F×k×k pixels)."""
    conv = first_conv(canvas.document.network) if canvas.document.is_conv else None
    if canvas.kernels is not None and conv is not None and conv[1].filters == canvas.kernels.filters:
        canvas.kernels.set_kernels(conv[1].kernels)


def as_feature(hit: CanvasHit, canvas) -> CanvasHit:
    """A neuron of a feature layer (the arrow keys move by neurons) as the pixel of its map."""
    if hit.kind is HitKind.NEURON and isinstance(canvas.columns[hit.layer], FeatureStack):
        return CanvasHit.feature(hit.layer, *np.unravel_index(hit.index, canvas.columns[hit.layer].chw))
    return hit


def as_neuron(hit: CanvasHit, canvas) -> CanvasHit:
    """A feature's pixel as the neuron it is in a⁽ᴸ⁾ flattened in (C, H, W) order (for the arrow keys)."""
    if hit.kind is HitKind.FEATURE and isinstance(canvas.columns[hit.layer], FeatureStack):
        shape = canvas.columns[hit.layer].chw
        return CanvasHit.neuron(hit.layer, int(np.ravel_multi_index((hit.index, hit.source, hit.x), shape)))
    return hit


def feature_key(hit: CanvasHit, key: int, canvas) -> CanvasHit | None:
    """Keys that move within a feature layer from a selected map pixel: ↑/↓ the row above/below, Page Up/Down
    the map before/after (brought to the front); None for the others (←/→ go to the next layer as for neurons)."""
    if hit.kind is not HitKind.FEATURE or not isinstance(stack := canvas.columns[hit.layer], FeatureStack):
        return None
    c, h, _ = stack.chw
    f, y = hit.index, hit.source
    if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
        y = min(max(y + (1 if key == Qt.Key.Key_Down else -1), 0), h - 1)
    elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
        f = min(max(f + (1 if key == Qt.Key.Key_PageDown else -1), 0), c - 1)
    else:
        return None
    return CanvasHit.feature(hit.layer, f, y, hit.x)


def context_menu(canvas, item) -> QMenu:
    """The right-click menu of a layer: a stack's, and a ConvNet's input and flattened vector, are
    ``ConvEditor``'s (insert a convolution or pooling there); a dense column's is ``LayerEditor``'s, the input
    picture of a dense network offering a convolution after it too."""
    doc, L = canvas.document, item.L
    if isinstance(item, FeatureStack) or (doc.is_conv and L <= doc.n_features + 1):
        return canvas.conv_editor.context_menu(L)
    menu = canvas.editor.context_menu(L)
    if L == 0:
        separator = menu.addSeparator()
        canvas.conv_editor.fill_menu(menu, 0)
        if menu.actions()[-1] is separator:  # not a picture: no convolution to offer
            menu.removeAction(separator)
    return menu


def _popup(menu: QMenu) -> None:
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    menu.popup(QCursor.pos())
