"""The canvas of a dense network: one column per layer, one edge bundle per weight matrix, "+ layer" in the gaps.

Split from ``network_canvas`` (which keeps following the document) so that
the convolutional layout (``conv_scene``) sits beside it as an equal.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication

from nndesk.app.canvas.conv_scene import GAP, offer_conv
from nndesk.app.canvas.edge_bundle import EdgeBundle
from nndesk.app.canvas.gap_buttons import add_gap_button
from nndesk.app.canvas.layer_column import INSERT_Y, LayerColumn, body_size
from nndesk.app.style.colors import CanvasColors

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls


def build_dense_scene(canvas, colors: CanvasColors) -> list[tuple[float, float]]:
    """Fill ``canvas`` (columns, bundles, gap buttons) for its dense network; the bodies' sizes."""
    doc, scene = canvas.document, canvas.scene()
    sizes, n_layers = doc.sizes, doc.n_layers
    bodies = [body_size(n, doc.input_shape if L == 0 else None) for L, n in enumerate(sizes)]
    half = canvas._half = max(h for _, h in bodies) / 2
    x = 0.0
    for L, n in enumerate(sizes):
        if L:
            x += bodies[L - 1][0] / 2 + GAP + bodies[L][0] / 2
        role = "input" if L == 0 else "output" if L == n_layers - 1 else "hidden"
        col = LayerColumn(L, n, role, doc.activation_name(L), doc.input_shape if L == 0 else None, colors, half)
        col.setPos(x, 0)
        scene.addItem(col)
        canvas.columns.append(col)
        if role == "hidden":
            canvas.editor.connect_column(col)
    for l in range(n_layers - 1):
        bundle = EdgeBundle(l, canvas.columns[l], canvas.columns[l + 1], colors, half)
        bundle.zoomChanged.connect(canvas._zoom_changed)
        scene.addItem(bundle)
        canvas.bundles.append(bundle)
        button, group = add_gap_button(scene, canvas.columns[l], canvas.columns[l + 1], half, INSERT_Y,
                                       translate("NetworkCanvas", "+ layer"),
                                       translate("NetworkCanvas", "Insert a hidden layer here"), "+", colors,
                                       partial(canvas.editor.insert_layer, l + 1))
        canvas.insert_buttons[l + 1] = button
        canvas.labels.append(group)
    offer_conv(canvas, colors, half)
    return bodies
