"""The canvas: built from the document, bounded in size, clicks become indices, buttons push commands."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QUndoStack, QWheelEvent
from PySide6.QtTest import QTest

from nndesk.app.canvas import bundle_render
from nndesk.app.canvas.hits import CanvasHit, HitKind
from nndesk.app.canvas.network_canvas import NetworkCanvas
from nndesk.app.document.network_document import NetworkDocument
from nndesk.engine.core.network import Network


def make_canvas(qtbot, sizes, shape=None, **kw) -> tuple[NetworkCanvas, NetworkDocument, QUndoStack]:
    doc = NetworkDocument(Network.create(sizes, seed=0, **kw), "test", shape, seed=1)
    stack = QUndoStack()
    canvas = NetworkCanvas(doc, stack)
    qtbot.addWidget(canvas)
    canvas.resize(1000, 600)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.fit()
    return canvas, doc, stack


def click(canvas: NetworkCanvas, scene_pos, button=Qt.MouseButton.LeftButton) -> None:
    QTest.mouseClick(canvas.viewport(), button, Qt.KeyboardModifier.NoModifier, canvas.mapFromScene(scene_pos))


def test_big_network_stays_a_small_scene(qtbot) -> None:
    canvas, doc, _ = make_canvas(qtbot, [784, 800, 10], (28, 28), cost="cross-entropy")
    assert canvas.objectName() == "networkEditor"
    assert len(canvas.scene().items()) < 2000
    assert [c.kind for c in canvas.columns] == ["image", "band", "circles"]


def test_clicking_a_neuron_emits_its_indices(qtbot) -> None:
    canvas, *_ = make_canvas(qtbot, [2, 8, 8, 2])
    with qtbot.waitSignal(canvas.neuronClicked) as sig:
        click(canvas, canvas.columns[2].neuron_pos(5))
    assert sig.args == [2, 5]


def test_clicking_a_pixel_of_the_input_image_and_a_band_row(qtbot) -> None:
    canvas, *_ = make_canvas(qtbot, [784, 128, 10], (28, 28))
    with qtbot.waitSignal(canvas.neuronClicked) as sig:
        click(canvas, canvas.columns[0].neuron_pos(14 * 28 + 3))
    assert sig.args == [0, 14 * 28 + 3]
    with qtbot.waitSignal(canvas.neuronClicked) as sig:
        click(canvas, canvas.columns[1].neuron_pos(64))
    assert sig.args[0] == 1 and abs(sig.args[1] - 64) <= 1  # a band row is under a pixel tall


def test_clicking_an_edge_emits_l_k_j(qtbot) -> None:
    canvas, *_ = make_canvas(qtbot, [3, 2, 1])
    with qtbot.waitSignal(canvas.edgeClicked) as sig:
        click(canvas, canvas.bundles[0].edge_line(1, 2).center())
    assert sig.args == [0, 1, 2]


def test_plus_layer_button_adds_a_layer_through_the_undo_stack(qtbot) -> None:
    canvas, doc, stack = make_canvas(qtbot, [2, 4, 1])
    with qtbot.waitSignal(doc.architectureChanged):
        click(canvas, canvas.insert_buttons[2].scenePos())
    assert stack.count() == 1 and doc.n_layers == 4 and doc.sizes[2] == 3
    assert len(canvas.columns) == 4  # the view followed the document
    stack.undo()
    assert doc.sizes == [2, 4, 1] and len(canvas.columns) == 3


def test_layer_buttons_resize_and_remove(qtbot) -> None:
    canvas, doc, stack = make_canvas(qtbot, [2, 4, 3, 1])
    with qtbot.waitSignal(doc.architectureChanged):
        click(canvas, canvas.columns[1].plus_button.scenePos())
    assert doc.sizes == [2, 5, 3, 1]
    with qtbot.waitSignal(doc.architectureChanged):
        click(canvas, canvas.columns[2].minus_button.scenePos())
    assert doc.sizes == [2, 5, 2, 1]
    with qtbot.waitSignal(doc.architectureChanged):
        click(canvas, canvas.columns[1].remove_button.scenePos())
    assert doc.sizes == [2, 2, 1] and stack.count() == 3


def test_weights_changed_recolours_without_rebuilding(qtbot) -> None:
    canvas, doc, _ = make_canvas(qtbot, [3, 2, 1])
    items_before = set(map(id, canvas.scene().items()))
    with qtbot.waitSignal(canvas.weightsShown):
        doc.set_weight(1, 0, 1, -5.0)
    assert set(map(id, canvas.scene().items())) == items_before
    edge = next(e for e in canvas.bundles[1].edges if (e.k, e.j) == (0, 1))
    assert edge.pen.color().name() == canvas._colors.negative.name()


def test_big_bundle_shows_the_strongest_weights(qtbot) -> None:
    canvas, doc, _ = make_canvas(qtbot, [784, 64, 10], (28, 28))
    with qtbot.waitSignal(canvas.weightsShown):
        doc.set_weight(0, 7, 300, 50.0)
    drawn = [(e.k, e.j) for e in canvas.bundles[0].edges]
    assert len(drawn) == 160 and drawn[-1] == (7, 300)  # the strongest is drawn last, on top
    with qtbot.waitSignal(canvas.edgeClicked) as sig:  # and can be clicked where it is visible
        click(canvas, canvas.bundles[0].edges[-1].line.center())
    assert sig.args == [0, 7, 300]


def test_new_weights_are_picked_and_stroked_off_the_gui_thread(qtbot, monkeypatch) -> None:
    canvas, doc, _ = make_canvas(qtbot, [784, 800, 10], (28, 28), cost="cross-entropy")
    qtbot.waitUntil(lambda: not canvas.renderer.busy)  # the first images, for this zoom
    threads = []
    real_pick = bundle_render.pick
    monkeypatch.setattr(bundle_render, "pick", lambda *a: (threads.append(threading.get_ident()), real_pick(*a))[1])
    with qtbot.waitSignal(canvas.weightsShown):
        doc.set_weight(1, 3, 5, 9.0)
        assert (canvas.bundles[1].edges[-1].k, canvas.bundles[1].edges[-1].j) != (3, 5)  # not yet: it's elsewhere
    assert (canvas.bundles[1].edges[-1].k, canvas.bundles[1].edges[-1].j) == (3, 5)  # the strongest, on top
    assert threads and threading.get_ident() not in threads
    canvas.viewport().repaint()
    assert all(b.from_image for b in canvas.bundles)  # the paint only copied the images made there


def test_a_new_zoom_is_stroked_at_once_then_drawn_from_new_images(qtbot) -> None:
    canvas, doc, _ = make_canvas(qtbot, [784, 64, 10], (28, 28))
    qtbot.waitUntil(lambda: not canvas.renderer.busy)
    canvas.scale(1.3, 1.3)
    canvas.viewport().repaint()
    assert not any(b.from_image for b in canvas.bundles)  # the old images don't fit this zoom
    qtbot.waitUntil(lambda: all(b.picture.scale == canvas.transform().m11() for b in canvas.bundles))
    canvas.viewport().repaint()
    assert all(b.from_image for b in canvas.bundles)


def test_highlights_and_activations(qtbot) -> None:
    canvas, doc, _ = make_canvas(qtbot, [3, 2, 1])
    n = len(canvas.scene().items())
    canvas.highlight_edge(0, 1, 2)
    assert len(canvas.scene().items()) == n + 3
    canvas.highlight_neuron(1, 0)
    assert len(canvas.scene().items()) == n + 1
    canvas.clear_highlight()
    assert len(canvas.scene().items()) == n
    _, acts = doc.network.forward(np.array([[1.0, 1.0, 0.0]], np.float32))
    canvas.set_activations([a[0] for a in acts])
    assert canvas.columns[1].neurons[0].value == pytest.approx(float(acts[1][0, 0]))


def test_wheel_zooms(qtbot) -> None:
    canvas, *_ = make_canvas(qtbot, [3, 2, 1])
    before = canvas.transform().m11()
    centre = canvas.viewport().rect().center()
    event = QWheelEvent(QPointF(centre), QPointF(canvas.viewport().mapToGlobal(centre)), QPoint(0, 0),
                        QPoint(0, 240), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    canvas.wheelEvent(event)
    assert canvas.transform().m11() > before


def test_frozen_weights_are_dashed(qtbot) -> None:
    canvas, doc, _ = make_canvas(qtbot, [3, 2, 1])
    with qtbot.waitSignal(canvas.weightsShown):
        doc.set_frozen([(0, 1, 2)], [True])
    styles = {(e.k, e.j): e.pen.style() for e in canvas.bundles[0].edges}
    assert styles[(1, 2)] == Qt.PenStyle.DashLine and styles[(0, 0)] == Qt.PenStyle.SolidLine


def test_context_menu_actions_edit_through_the_undo_stack(qtbot) -> None:
    canvas, doc, stack = make_canvas(qtbot, [2, 4, 1])
    menu = canvas.editor.context_menu(1)
    actions = {a.text(): a for a in menu.actions()}
    activation = next(a.menu() for a in menu.actions() if a.menu() is not None)
    next(a for a in activation.actions() if a.text() == "relu").trigger()
    assert doc.activation_name(1) == "relu"
    actions["Insert hidden layer after"].trigger()
    assert doc.n_layers == 4 and doc.activation_name(2) == "relu"  # a new layer copies its neighbour's σ
    canvas.editor.context_menu(1).actions()[-1].trigger()  # "Remove this hidden layer"
    assert doc.n_layers == 3 and stack.count() == 3
    assert "Remove this hidden layer" not in [a.text() for a in canvas.editor.context_menu(0).actions()]


def test_activations_arriving_before_the_rebuild_are_kept(qtbot) -> None:
    canvas, doc, _ = make_canvas(qtbot, [3, 2, 1])
    net = doc.network
    doc.architectureChanged.disconnect(canvas.rebuild)  # a listener called before the canvas's own slot
    doc.set_layer_size(1, 40)
    canvas.set_activations([a[0] for a in doc.network.forward(np.ones((1, 3), np.float32))[1]])
    canvas.rebuild()
    assert canvas.columns[1].kind == "band" and doc.network is not net
    assert canvas._activations is not None and len(canvas._activations[1]) == 40


def test_no_activations_again_redraws_nothing(qtbot) -> None:
    """A blank draw pad re-predicts on every new weights while training: the canvas must not redraw for it."""
    canvas, *_ = make_canvas(qtbot, [784, 64, 10], (28, 28))
    band, picture = canvas.columns[1]._strip, canvas.columns[0]._pixmap
    keys = band.pixmap().cacheKey(), picture.pixmap().cacheKey()
    canvas.set_activations(None)
    assert (band.pixmap().cacheKey(), picture.pixmap().cacheKey()) == keys
    canvas.set_activations([np.full(n, 0.5, np.float32) for n in (784, 64, 10)])
    assert band.pixmap().cacheKey() != keys[0]  # real activations still light it up


def test_a_hit_says_what_is_under_the_pointer(qtbot) -> None:
    canvas, *_ = make_canvas(qtbot, [3, 2, 1])

    def at(scene_pos) -> CanvasHit:
        return canvas.hit(canvas.mapFromScene(scene_pos))

    assert at(canvas.columns[1].neuron_pos(1)) == CanvasHit.neuron(1, 1)
    assert at(canvas.bundles[0].edge_line(1, 2).center()) == CanvasHit.edge(0, 1, 2)
    assert at(canvas.columns[1].plus_button.scenePos()) == CanvasHit(HitKind.LAYER, 1)  # the button's, not a pick
    assert at(canvas.insert_buttons[2].scenePos()) == CanvasHit.control(2)
    nothing = at(canvas.sceneRect().topLeft() + QPointF(1, 1))
    assert nothing.kind is HitKind.NONE and not nothing
