"""WeightGallery: one 28×28 picture per first-hidden-layer neuron, following the document."""

import numpy as np
from PySide6.QtCore import Qt

from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.views.weight_gallery import WeightGallery, weight_image, weight_tiles
from nndesk.engine.core.network import Network
from nndesk.engine.explain.lecture import lecture_network


def test_weight_image_uses_the_canvas_colours_blue_positive_orange_negative_white_zero():
    w = np.zeros(784)
    w[0], w[1] = 2.0, -1.0
    img = weight_image(w, (28, 28))
    assert img.shape == (28, 28, 3)
    assert tuple(img[0, 0]) == (0x00, 0x72, 0xB2)  # the canvas's w > 0 blue, full strength
    r, g, b = img[0, 1]
    assert r > g > b and r == 234  # orange, half as strong: halfway from white to #d55e00
    assert tuple(img[5, 5]) == (255, 255, 255)


def test_gallery_shows_one_tile_per_neuron_and_selects_on_click(qtbot):
    doc = NetworkDocument(Network.create([784, 12, 10], seed=0), "digits", (28, 28))
    gallery = WeightGallery(doc)
    qtbot.addWidget(gallery)
    gallery.resize(600, 400)
    gallery.show()
    qtbot.waitExposed(gallery)
    assert gallery.tiles.count() == 12
    rect = gallery.tiles.tile_rect(3)
    with qtbot.waitSignal(gallery.neuronSelected) as blocker:
        qtbot.mouseClick(gallery.tiles.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [1, 3] and gallery.tiles.selected == 3
    assert "Neuron 3" in gallery.tiles.tooltip(3)
    before = gallery.tiles.image().copy()
    doc.set_weight(0, 0, 5, -9.0)
    qtbot.waitUntil(lambda: gallery.tiles.image() != before)
    assert tuple(weight_image(doc.network.layers[0].weights[0], (28, 28))[0, 5]) == (0xD5, 0x5E, 0x00)  # full orange


def test_tiles_wrap_to_the_width_and_scroll(qtbot):
    doc = NetworkDocument(Network.create([784, 100, 10], seed=0), "digits", (28, 28))
    gallery = WeightGallery(doc)
    qtbot.addWidget(gallery)
    gallery.resize(420, 300)
    gallery.show()
    qtbot.waitExposed(gallery)
    grid = gallery.tiles
    per_row = sum(grid.tile_rect(k).top() == grid.tile_rect(0).top() for k in range(100))
    assert 2 <= per_row <= 5 and grid.tile_rect(per_row - 1).right() < grid.viewport().width()
    assert grid.verticalScrollBar().maximum() > 0  # 100 tiles need scrolling
    grid.verticalScrollBar().setValue(grid.verticalScrollBar().maximum())
    last = grid.tile_rect(99)
    assert grid.viewport().rect().contains(last.center()) and grid.tile_at(last.center()) == 99


def test_hidden_gallery_redraws_when_shown(qtbot):
    doc = NetworkDocument(Network.create([784, 4, 10], seed=0), "digits", (28, 28))
    gallery = WeightGallery(doc)
    qtbot.addWidget(gallery)
    before = gallery.tiles.image().copy()
    doc.set_weight(0, 1, 0, 7.0)
    assert gallery.pending() and gallery.tiles.image() == before  # hidden: no work
    gallery.show()
    qtbot.waitUntil(lambda: not gallery.pending())
    assert gallery.tiles.image() != before


def test_non_image_inputs_show_an_explanation(qtbot):
    gallery = WeightGallery(NetworkDocument(lecture_network()))
    qtbot.addWidget(gallery)
    assert gallery.tiles.count() == 0 and "not an image" in gallery.infoLabel.text()


def test_a_convolutional_network_shows_its_first_kernels_and_selects_a_map(qtbot):
    from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec

    net = ConvNet.create((1, 28, 28), [ConvSpec(5, 6), PoolSpec(2)], [16], 10, seed=0)
    doc = NetworkDocument(net, "digits", (28, 28))
    gallery = WeightGallery(doc)
    qtbot.addWidget(gallery)
    gallery.resize(600, 400)
    gallery.show()
    qtbot.waitExposed(gallery)
    assert gallery.tiles.count() == 6 and "5×5" in gallery.infoLabel.text()
    expected = weight_tiles(net.features[0].kernels[:, 0], (5, 5))
    assert np.array_equal(gallery.tiles._tiles, expected)  # each filter's k×k weights, in the weight colours
    with qtbot.waitSignal(gallery.featureSelected) as blocker:
        qtbot.mouseClick(gallery.tiles.viewport(), Qt.MouseButton.LeftButton, pos=gallery.tiles.tile_rect(4).center())
    assert blocker.args == [1, 4, 12, 12] and "Filter 4" in gallery.tiles.tooltip(4)
