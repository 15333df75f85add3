"""MapPicture: a map drawn with its marked rectangle; a click names the pixel under it."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from nndesk.app.style.colors import CanvasColors
from nndesk.app.views.map_picture import MapPicture


def test_a_click_reports_the_map_pixel_and_the_mark_is_drawn_in_the_highlight_colour(qtbot):
    picture = MapPicture()
    qtbot.addWidget(picture)
    picture.resize(120, 120)
    values = np.zeros((12, 10))
    picture.set_map(values, (3, 4, 2, 2))
    picture.show()
    qtbot.waitExposed(picture)
    with qtbot.waitSignal(picture.pixelClicked) as clicked:
        QTest.mouseClick(picture, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         picture.pixel_rect(7, 9).center().toPoint())
    assert clicked.args == [7, 9]
    image = picture.grab().toImage()
    edge = picture.pixel_rect(3, 4, 2, 2)
    highlight = CanvasColors.from_palette(picture.palette()).highlight
    corner = image.pixelColor(round(edge.left()), round(edge.center().y()))
    assert abs(corner.red() - highlight.red()) < 40 and abs(corner.blue() - highlight.blue()) < 40
    inside = image.pixelColor(edge.center().toPoint())
    assert inside.name() == CanvasColors.from_palette(picture.palette()).background.name()  # 0: the background
