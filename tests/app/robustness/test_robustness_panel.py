"""The Robustness dock in the real window: computed on demand off the GUI thread, curves that start at the plain
accuracy, and a "not sure" threshold that the draw pad's answer follows."""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton, QSlider

from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.robustness.panel import RobustnessPanel
from nndesk.engine.core.network import Network
from tests.app.people import LEFT, stroke


def _compute(window, qtbot) -> None:
    panel = window.findChild(RobustnessPanel, "robustnessPanel")
    window.robustness_dock.show()
    window.robustness_dock.raise_()
    button = panel.findChild(QPushButton, "computeRobustness")
    assert button.isEnabled() and panel.result() is None
    gui = threading.get_ident()
    seen = []
    panel.job.finished.connect(lambda _: seen.append(threading.get_ident()))
    with qtbot.waitSignal(panel.job.finished, timeout=30000):
        QTest.mouseClick(button, LEFT)
        assert not button.isEnabled() and "Distorting 500" in panel.status.text()  # the window did not wait
    assert seen == [gui] and button.isEnabled()


def test_curves_start_at_the_plain_accuracy_and_fall(window, qtbot) -> None:
    _compute(window, qtbot)
    panel = window.robustness
    result = panel.result()
    held_out = window.recipe.split(window.source)[1]
    x = held_out.inputs()
    _, plain = window.document.network.evaluate(x, held_out.target_matrix(), held_out.y)
    assert result.n == len(held_out) == 500 and result.accuracy == plain
    assert f"{100 * plain:.1f} %" in panel.status.text()
    for c in result.curves:
        zero = int(np.flatnonzero(c.levels == 0)[0])
        assert c.accuracy[zero] == plain, c.kind
        xs, ys = panel.items[c.kind].getData()
        np.testing.assert_array_equal(ys, 100 * c.accuracy)  # what is drawn is what was measured
        assert min(ys[0], ys[-1]) < 100 * plain - 1  # the far ends are worse
    answered, right = panel.answered_item.getData()[1], panel.right_item.getData()[1]
    assert answered[0] == 100 and right[0] == 100 * plain
    slider = panel.findChild(QSlider, "notSureThreshold")
    slider.setFocus()
    QTest.keyClick(slider, Qt.Key.Key_PageUp)  # 55 %
    share, accuracy = result.coverage.at(0.55)
    summary = panel.findChild(QLabel, "coverageSummary").text()
    assert f"{100 * share:.1f} % of the 500 digits" in summary and f"right on {100 * accuracy:.1f} %" in summary

    window.document.set_network(Network.create([784, 16, 10], "relu", "cross-entropy", seed=1))
    assert "changed since" in panel.status.text()


def test_the_threshold_slider_decides_when_the_pad_says_not_sure(window, qtbot) -> None:
    pad, answer = window.draw_widget.pad, window.draw_widget.panel
    centre = pad.rect().center()
    stroke(pad, [(centre.x() - 40, centre.y() - 60), (centre.x() + 40, centre.y() - 60),
                 (centre.x() - 10, centre.y() + 70)])  # a 7
    confidence = max(answer.probabilities())
    assert answer.is_sure() and confidence < 1.0
    window.robustness_dock.show()
    window.robustness_dock.raise_()
    slider = window.robustness.findChild(QSlider, "notSureThreshold")
    assert slider.value() == 50 and answer.threshold() == 0.5  # as before the slider existed
    slider.setFocus()
    while slider.value() <= 100 * confidence:  # raise the bar above how sure the network is
        QTest.keyClick(slider, Qt.Key.Key_Right)
    assert answer.threshold() == slider.value() / 100
    assert not answer.is_sure() and answer.answer.text().endswith("?") and "not sure" in answer.verdict.text()
    assert f"below {slider.value()} %" in window.robustness.slider_label.text()
    QTest.keyClick(slider, Qt.Key.Key_Home)  # 0 %: always an answer
    assert answer.is_sure() and not answer.answer.text().endswith("?")
    assert window.robustness.line.value() == 0  # the line on the coverage plot moved with it


def test_without_digits_or_a_digit_network_nothing_to_compute(qtbot) -> None:
    panel = RobustnessPanel(NetworkDocument(Network.create([2, 4, 2])))
    qtbot.addWidget(panel)
    panel.set_data(None)
    assert not panel.compute_button.isEnabled() and "needs held-out digit images" in panel.status.text()
    panel.compute()
    assert not panel.job.busy
