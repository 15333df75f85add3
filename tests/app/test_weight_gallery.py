"""WeightGallery: one 28×28 picture per first-hidden-layer neuron, following the document."""

import numpy as np
from PySide6.QtCore import Qt

from nndesk.app.network_document import NetworkDocument
from nndesk.app.weight_gallery import WeightGallery, weight_image
from nndesk.engine.lecture import lecture_network
from nndesk.engine.network import Network


def test_weight_image_is_red_for_positive_blue_for_negative_white_for_zero():
    w = np.zeros(784)
    w[0], w[1] = 2.0, -1.0
    img = weight_image(w, (28, 28))
    assert img.shape == (28, 28, 3)
    r, g, b = img[0, 0]
    assert r == 255 and b < 100  # red
    r, g, b = img[0, 1]
    assert b == 255 and r < 200  # blue, half as strong
    assert tuple(img[5, 5]) == (255, 255, 255)


def test_gallery_shows_one_tile_per_neuron_and_selects_on_click(qtbot):
    doc = NetworkDocument(Network.create([784, 12, 10], seed=0), "digits", (28, 28))
    gallery = WeightGallery(doc)
    qtbot.addWidget(gallery)
    gallery.resize(600, 400)
    gallery.show()
    qtbot.waitExposed(gallery)
    assert gallery.tiles.count() == 12
    item = gallery.tiles.item(3)
    rect = gallery.tiles.visualItemRect(item)
    with qtbot.waitSignal(gallery.neuronSelected) as blocker:
        qtbot.mouseClick(gallery.tiles.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [1, 3]
    before = gallery.tiles.item(0).icon().pixmap(84).toImage()
    doc.set_weight(0, 0, 5, -9.0)
    qtbot.waitUntil(lambda: gallery.tiles.item(0).icon().pixmap(84).toImage() != before)


def test_non_image_inputs_show_an_explanation(qtbot):
    gallery = WeightGallery(NetworkDocument(lecture_network()))
    qtbot.addWidget(gallery)
    assert gallery.tiles.count() == 0 and "not an image" in gallery.infoLabel.text()
