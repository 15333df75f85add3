"""The 28×28 preview repaints only when the picture changes (new weights re-predict the same drawing)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from nndesk.app.draw.digit_preview import DigitPreview


class _Paints(QObject):
    count = 0

    def eventFilter(self, watched, event) -> bool:
        self.count += event.type() == QEvent.Type.Paint
        return False


def test_the_same_picture_again_is_not_repainted(qtbot):
    preview = DigitPreview()
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    digit = np.zeros((28, 28), np.float32)
    digit[8:20, 13:15] = 1.0
    paints = _Paints()
    preview.installEventFilter(paints)
    preview.set_image(digit)
    qtbot.waitUntil(lambda: paints.count == 1)
    preview.set_image(digit.copy())
    QApplication.processEvents()  # an update would paint here
    assert paints.count == 1
    np.testing.assert_array_equal(preview.image(), digit)
    preview.set_image(1 - digit)  # a new drawing still shows at once
    QApplication.processEvents()
    assert paints.count == 2
