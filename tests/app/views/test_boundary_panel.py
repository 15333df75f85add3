"""With a 2-D data set the decision boundary is a real panel where the draw pad was, its axes the data's."""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QToolButton

from nndesk.app.views.decision_boundary import REDRAW_MS
from tests.app.people import LEFT, pick


def _ranges(window) -> tuple[np.ndarray, np.ndarray]:
    """(view's [[x0, x1], [y0, y1]], data's [[x0, x1], [y0, y1]])."""
    view = window.boundary_view
    shown = np.array(view.plot.getViewBox().viewRange())
    return shown, np.stack([view.x.min(axis=0), view.x.max(axis=0)], axis=1)


def _fitted(shown: np.ndarray, data: np.ndarray) -> float:
    """How much wider the view is than the data, along the data's longer side (the square fits that one)."""
    return float(np.ptp(shown, axis=1).max() / np.ptp(data, axis=1).max())


def test_xor_gets_a_square_panel_fitted_to_its_points_and_digits_get_the_pad_back(window, qtbot) -> None:
    picker = window.findChild(QComboBox, "datasetPicker")
    pick(picker, "XOR")
    view = window.boundary_view
    qtbot.waitUntil(view.isVisible)  # raised in the pad's place, not left behind the inspector's tab
    assert not window.draw_widget.isVisible()
    vb = view.plot.getViewBox()  # the data area, inside the axes: square once laid out
    qtbot.waitUntil(lambda: abs(vb.sceneBoundingRect().width() - vb.sceneBoundingRect().height()) <= 2)
    box = vb.sceneBoundingRect()
    assert view.height() >= 200 and box.height() >= 200
    shown, data = _ranges(window)
    assert np.all(shown[:, 0] <= data[:, 0]) and np.all(shown[:, 1] >= data[:, 1])  # every point in view
    assert _fitted(shown, data) <= 1.2  # not −9…9 for points in −1…1
    scale = box.width() / (shown[0, 1] - shown[0, 0]), box.height() / (shown[1, 1] - shown[1, 0])
    assert abs(scale[0] - scale[1]) < 0.01 * scale[0]  # one unit as long across as up

    pick(picker, "circles")  # another set: the axes follow its points
    shown, data = _ranges(window)
    assert np.all(shown[:, 0] <= data[:, 0]) and np.all(shown[:, 1] >= data[:, 1])
    assert _fitted(shown, data) <= 1.2

    pick(picker, "MNIST digits (5,000 bundled)")
    qtbot.waitUntil(window.draw_widget.isVisible)
    assert not window.boundary_dock.isVisible()


def test_the_boundary_follows_training_at_a_throttled_rate(window, qtbot) -> None:
    pick(window.findChild(QComboBox, "datasetPicker"), "XOR")  # 20 epochs a second: weights ~30 times a second
    view = window.boundary_view
    qtbot.waitUntil(view.isVisible)
    before = view.values.copy()
    drawn = []
    view.image.sigImageChanged.connect(lambda: drawn.append(time.perf_counter()))
    start = time.perf_counter()
    QTest.mouseClick(window.findChild(QToolButton, "trainButton"), LEFT)
    qtbot.waitUntil(lambda: len(window.trainer.history) >= 40, timeout=20_000)
    window.trainer.stop_and_wait()
    seconds = time.perf_counter() - start
    assert len(drawn) >= 5  # it moved while training
    assert len(drawn) <= seconds * 1000 / REDRAW_MS + 3  # but no faster than the throttle
    assert np.abs(view.values - before).max() > 0.1

    def shows_the_final_network() -> bool:  # once the throttle's trailing redraw has run
        final = window.document.network.feedforward(view.grid())[:, 1]
        return np.allclose(view.values.ravel(), final, rtol=1e-4, atol=1e-5)
    qtbot.waitUntil(shows_the_final_network, timeout=2_000)
