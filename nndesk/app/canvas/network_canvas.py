"""The network drawn as a student draws it on paper, and edited in place.

Layers are columns (``LayerColumn``), weight matrices are edge bundles
(``EdgeBundle``): blue for w > 0, orange for w < 0, thicker for larger |w|.
The view builds its scene from a ``NetworkDocument`` and follows its
signals: ``architectureChanged`` rebuilds (a few hundred items even for
784-800-10), ``weightsChanged`` only redraws the edges, in a worker thread
(``BundleRenderer``): the window never waits for them.  Edits — the ＋ layer
buttons, the −/+/× and σ buttons on each hidden layer, the context menu —
are undo commands (``LayerEditor``).  For the inspector and the backprop
step-through it reports clicks as indices and can highlight a neuron or an
edge (``CanvasHit``); see the index convention in ``network_document``.
A convolutional network's feature layers are stacks of maps (``conv_scene``,
``FeatureStack``, edits through ``ConvEditor``); a click on a map's pixel is
``featureClicked`` (L, f, y, x) and ``highlight_feature`` marks one.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QPainter, QTransform, QUndoStack
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QToolTip, QWidget

from nndesk.app.canvas import edit_keys
from nndesk.app.canvas.bundle_render import BundleRenderer, RenderJob, SceneState
from nndesk.app.canvas.conv_editor import ConvEditor
from nndesk.app.canvas.conv_scene import (
    GAP,
    as_feature,
    as_neuron,
    build_conv_scene,
    context_menu,
    feature_key,
    refresh_kernels,
)
from nndesk.app.canvas.dense_scene import build_dense_scene
from nndesk.app.canvas.edge_bundle import EdgeBundle
from nndesk.app.canvas.edge_picture import BundlePicture, pick
from nndesk.app.canvas.feature_stack import FeatureStack
from nndesk.app.canvas.highlight import CanvasHighlight
from nndesk.app.canvas.hits import NOTHING, CanvasHit, HitKind, hit_at
from nndesk.app.canvas.items import CanvasButton
from nndesk.app.canvas.label_fit import LabelGroup, fit_labels, fit_scale, gather, label_scale, min_px
from nndesk.app.canvas.layer_column import FOOTER, HEADER, LayerColumn
from nndesk.app.canvas.layer_editor import LayerEditor
from nndesk.app.canvas.legend import CanvasLegend
from nndesk.app.canvas.navigation import next_hit
from nndesk.app.canvas.tooltips import tooltip
from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.style.colors import CanvasColors
from nndesk.app.widgets.shown_throttle import ShownThrottle

MAX_SCALE = 1.5  # fit-in-view never blows a tiny network up beyond this
SIDE = 70.0  # room left and right of the bodies for headers and neuron numbers
WEIGHTS_INTERVAL_MS = 100  # the fastest the canvas follows new weights (see ``_weights_throttle``)
CLICK_SLOP = 3.0  # screen pixels around an edge's stroke that still count as a click on it


class NetworkCanvas(QGraphicsView):
    neuronClicked = Signal(int, int)  # L, index: neuron `index` of a⁽ᴸ⁾
    edgeClicked = Signal(int, int, int)  # l, k, j: w_kj of W⁽ˡ⁾
    featureClicked = Signal(int, int, int, int)  # L, f, y, x: pixel (y, x) of map f of a⁽ᴸ⁾ (a ConvNet)
    weightsShown = Signal()  # the edges now drawn are those of the latest weights

    def __init__(self, document: NetworkDocument, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkEditor")
        self.document = document
        self.editor = LayerEditor(document, undo_stack, self)
        self.conv_editor = ConvEditor(document, undo_stack, self)  # the feature layers' edits
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it; the arrow keys move the selection
        self.columns: list[LayerColumn | FeatureStack] = []  # one per layer a⁽ᴸ⁾ (a ConvNet's maps: stacks)
        self.labels: list[LabelGroup] = []  # every text and button, never under 8 pt on screen (``label_fit``)
        self.bundles: list[EdgeBundle] = []
        self.insert_buttons: dict[int, CanvasButton] = {}  # L → the "+ layer" button inserting a⁽ᴸ⁾
        self._activations: list[np.ndarray] | None = None
        self.highlight = CanvasHighlight()
        self._build = 0  # rebuilds so far: a picture made for an older scene is dropped
        self._neutral = -1  # the build whose columns show no activations (so None again changes nothing)
        self._zoom_asked: tuple[int, float, float] | None = None
        self.renderer = BundleRenderer(self._scene_state, self._show_pictures, self)
        # Training sends new weights every epoch (hundreds a second on a toy set): follow them at most
        # 10 times a second, so the GUI thread leaves the trainer its share of the GIL.  A single edit
        # shows at once (leading edge), and a dragged weight still moves smoothly enough.
        self._weights_throttle = ShownThrottle(self, self.refresh_weights, WEIGHTS_INTERVAL_MS)
        self._user_zoom = self._compact = False
        document.architectureChanged.connect(self.rebuild)
        document.weightsChanged.connect(self._weights_throttle.request)
        self.featureClicked.connect(self.highlight_feature)  # also when another view says it (the gallery)
        self.rebuild()

    # ---- the inspector's API ----------------------------------------------------
    def set_activations(self, activations: list[np.ndarray] | None) -> None:
        """Light every layer by its a⁽ᴸ⁾ (one array per layer, input first); None: neutral."""
        if activations is not None and [np.size(a) for a in activations] != self.document.sizes:
            return  # from before an edit; the sender will send fresh ones
        if activations is None and self._activations is None and self._neutral == self._build:
            return  # already neutral (a blank draw pad re-predicts on every new weights): nothing to redraw
        self._activations = activations
        if [c.n for c in self.columns] != self.document.sizes:
            return  # the document changed and our rebuild is still to come; it applies them
        self._neutral = self._build if activations is None else -1
        for L, col in enumerate(self.columns):
            a = activations[L] if activations is not None else None
            if a is None and L == 0:
                a = self.document.mean_input  # the "mean digit" until a real input arrives
            col.set_activations(a)

    def highlight_neuron(self, L: int, i: int) -> None:
        self._set_highlight(CanvasHit.neuron(L, i))

    def highlight_edge(self, l: int, k: int, j: int) -> None:
        self._set_highlight(CanvasHit.edge(l, k, j))

    def highlight_feature(self, L: int, f: int, y: int, x: int) -> None:
        """Mark pixel (y, x) of map f of a⁽ᴸ⁾ (brought to the front) and the window it is made from."""
        self._set_highlight(CanvasHit.feature(L, f, y, x))

    def clear_highlight(self) -> None:
        self._set_highlight(NOTHING)

    def fit(self) -> None:
        """Show the whole network (also on double-click on empty space)."""
        self._user_zoom = False
        view, rect = self.viewport().rect(), self._layout_rect
        key = self.legend.height_for(view.width() - 12) + 4  # pixels for the key above the network
        if rect.isEmpty() or view.width() < 2 or view.height() <= key + 2:
            return
        body, margins, smallest = 2 * self._half, rect.height() - 2 * self._half, min_px(self.viewport())
        s = fit_scale(rect.width(), body, margins, view.width(), view.height() - key, smallest, MAX_SCALE)
        # Header and footer grow and take room from the network; if it is left under a third, they hide
        bare = min(view.width() / rect.width(), (view.height() - key) / body, MAX_SCALE)
        self._compact = s < bare / 3
        s = bare if self._compact else s
        k = 0.0 if self._compact else label_scale(s, smallest)  # how much header and footer grow (0: hidden)
        grown = QRectF(rect.left(), -self._half - (HEADER + 10) * k, rect.width(), body + margins * k)
        self.scene().setSceneRect(grown.adjusted(0, -key / s, 0, 0))
        self.setTransform(QTransform.fromScale(s, s))
        self.centerOn(self.scene().sceneRect().center())
        self.fit_labels()

    def fit_labels(self) -> None:
        """Grow, shorten or hide the labels so none is under 8 pt at this zoom."""
        fit_labels(self.labels, label_scale(self.transform().m11(), min_px(self.viewport())), self._compact)

    def select(self, hit: CanvasHit) -> None:
        """Mark a neuron, weight or feature pixel, as a click or an arrow key does, and say so (its signal)."""
        hit = as_feature(hit, self)
        self._set_highlight(hit)
        if hit.kind is HitKind.FEATURE:
            self.featureClicked.emit(hit.layer, hit.index, hit.source, hit.x)
        if hit.kind is HitKind.NEURON:
            self.neuronClicked.emit(hit.layer, hit.index)
        elif hit.kind is HitKind.EDGE:
            self.edgeClicked.emit(hit.layer, hit.index, hit.source)

    # ---- following the document ---------------------------------------------------
    def rebuild(self) -> None:
        """Build every item from the document (after any change of architecture)."""
        doc, scene = self.document, self.scene()
        self.highlight.forget_items()
        self.renderer.forget()
        self._build += 1
        scene.clear()
        self.columns, self.bundles, self.insert_buttons, self.labels = [], [], {}, []
        self.feature_buttons, self.kernels, self.links = {}, None, []  # ("conv"/"pool", p) → "+ conv"/"+ pool"
        colors = self._colors = CanvasColors.from_palette(self.palette())
        self.setBackgroundBrush(QBrush(colors.background))
        bodies = (build_conv_scene if doc.is_conv else build_dense_scene)(self, colors)
        half = self._half
        self.legend = CanvasLegend(colors)
        self.labels = gather(self.columns, self.bundles, self.labels, SIDE)  # self.labels: the gaps' buttons
        for bundle, (w, frozen) in zip(self.bundles, self._weights()):  # the first paint strokes them itself
            bundle.show_picture(BundlePicture(pick(bundle.bundle_shape, w, frozen, colors)))
        self.set_activations(self._activations)
        left, right = self.columns[0].x() - bodies[0][0] / 2, self.columns[-1].x() + bodies[-1][0] / 2
        self._layout_rect = QRectF(left - SIDE, -half - HEADER - 10, right - left + 2 * SIDE,
                                   2 * half + HEADER + 10 + FOOTER)
        scene.setSceneRect(self._layout_rect)
        self._set_highlight(self.highlight.target)
        if not self._user_zoom:
            self.fit()

    def refresh_weights(self) -> None:
        """New weights: the bundles pick and stroke their edges in a worker thread (``weightsShown`` then)."""
        copies = [(w.copy(order="K"), None if f is None else f.copy()) for w, f in self._weights()]
        refresh_kernels(self)
        self.renderer.request(self.transform().m11(), self.viewport().devicePixelRatioF(), copies)

    def _weights(self) -> list[tuple[np.ndarray, np.ndarray | None]]:
        """Each bundle's W⁽ˡ⁾ and frozen mask (a ConvNet's dense layers only)."""
        return [(self.document.network.layers[b.l].weights, self.document.network.layers[b.l].frozen)
                for b in self.bundles]

    def _scene_state(self) -> SceneState:
        return SceneState(self._build, tuple(b.bundle_shape for b in self.bundles),
                          tuple(b.picture.edges for b in self.bundles), self._colors)

    def _show_pictures(self, job: RenderJob, pictures: list[BundlePicture]) -> None:
        if job.scene.build != self._build:
            return  # made for a scene rebuilt since
        for bundle, picture in zip(self.bundles, pictures):
            bundle.show_picture(picture)
        if job.weights is not None:
            self.weightsShown.emit()

    def _zoom_changed(self, scale: float, dpr: float) -> None:
        """A bundle was painted at a zoom it has no image for: make the images (once per zoom)."""
        if self._zoom_asked != (self._build, scale, dpr):
            self._zoom_asked = (self._build, scale, dpr)
            self.renderer.request(scale, dpr)

    def drawForeground(self, painter: QPainter, rect) -> None:
        """The key, in screen pixels over the top-left corner (see ``CanvasLegend``)."""
        painter.save()
        painter.resetTransform()
        self.legend.paint(painter, QPointF(6, 4), self.viewport().width() - 12)
        painter.restore()

    def _set_highlight(self, target: CanvasHit) -> None:
        self.highlight.show(target, self.scene(), self.columns, self.bundles, self._colors.highlight,
                            self._colors.background)

    # ---- mouse, wheel, tooltips -------------------------------------------------------
    def hit(self, view_pos: QPoint) -> CanvasHit:
        """The neuron, drawn edge or layer control under a viewport point (``NOTHING`` if none)."""
        return hit_at(self, view_pos, CLICK_SLOP)

    def mousePressEvent(self, event) -> None:
        hit = self.hit(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and hit.kind in (HitKind.NEURON, HitKind.EDGE, HitKind.FEATURE):
            self.setFocus(Qt.FocusReason.MouseFocusReason)  # so the arrow keys go on from here
            self.select(hit)
            event.accept()
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:
        """The arrow keys move the selection (``navigation``) instead of scrolling; +, − and Delete edit its
        layer, the Menu key opens its menu (``edit_keys``)."""
        key, modifiers = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if edit_keys.is_menu_key(key, modifiers) and edit_keys.open_menu(self):
            return
        if not modifiers & ~Qt.KeyboardModifier.ShiftModifier and edit_keys.edit(self, key):
            return
        hit = feature_key(self.highlight.target, key, self) or \
            next_hit(as_neuron(self.highlight.target, self), key, self.document.sizes)
        if hit is None or modifiers:
            super().keyPressEvent(event)
            return
        self.select(hit)
        self.ensureVisible(self.highlight.bounds(), 20, 20)

    def mouseDoubleClickEvent(self, event) -> None:
        if not self.hit(event.position().toPoint()):
            self.fit()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event) -> None:
        if event.reason() == event.Reason.Keyboard and edit_keys.open_menu(self):
            return
        x = self.mapToScene(event.pos()).x()
        nearest = min(self.columns, key=lambda c: abs(c.x() - x))
        if abs(nearest.x() - x) <= nearest.width / 2 + GAP / 3:
            menu = context_menu(self, nearest)
            menu.exec(event.globalPos())
            menu.deleteLater()

    def wheelEvent(self, event) -> None:
        self._user_zoom, self._compact = True, False
        factor = 1.0015 ** event.angleDelta().y()
        self.scale(factor, factor)
        self.fit_labels()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self._user_zoom:
            self.fit()

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            sample = self.document.sample  # whose activations the canvas lights, named as the Inspector does
            text = tooltip(self.hit(event.pos()), self.document.network, self._activations, sample and sample.name())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
                return True
        return super().viewportEvent(event)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.LanguageChange) and hasattr(self, "_colors"):
            self.rebuild()
