"""The backprop panel writes the η the slider shows, as the slider writes it — also after "Start over"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QSlider

from nndesk.app.shell import i18n
from tests.app.people import LEFT


def _slider_eta(window) -> str:
    """What the slider's label says, without "η = "."""
    return window.findChild(QLabel, "learningRateValue").text().split("=")[1].strip()


def _panel_etas(panel) -> set[str]:
    """Every η the panel writes: the header's, and the update steps' (w − η·∂C/∂w with η substituted)."""
    header = panel.sampleLabel.text().split("η = ")[1]
    header = header[:next(i for i, ch in enumerate(header) if not (ch.isdigit() or ch in ".,"))]
    written = {header.strip(".,")}
    for step in panel.steps:
        if step.kind in ("new_w", "new_b"):
            parts = step.formula(panel.slide_arithmetic)
            numbers = [p.text for p in parts if hasattr(p, "text")]
            written.add(numbers[1].replace(".", ",") if i18n.current() == "ru" else numbers[1])
    return written


def test_panel_writes_the_sliders_eta_and_keeps_it_after_start_over(window, qtbot, language) -> None:
    panel = window.backprop
    window.backprop_dock.show()
    window.backprop_dock.raise_()
    slider = window.findChild(QSlider, "learningRateSlider")
    slider.setFocus()
    for _ in range(3):
        QTest.keyClick(slider, Qt.Key.Key_Left)  # like a person: a few notches down
    QTest.keyClick(slider, Qt.Key.Key_PageDown)  # and ÷ 10
    shown = _slider_eta(window)
    assert float(shown.replace(",", ".")) < 0.05 and ("," in shown) == (language == "ru")
    qtbot.waitUntil(lambda: _panel_etas(panel) == {shown}, timeout=3000)  # the throttle's last value lands

    QTest.mouseClick(panel.restartButton, LEFT)  # "Start over" / "Начать сначала"
    assert _panel_etas(panel) == {shown}
    QTest.mouseClick(panel.toEndButton, LEFT)  # the update uses it too
    step = panel.steps[-2]
    assert step.kind in ("new_w", "new_b") and panel.walk.exact.eta == float(shown.replace(",", "."))


def test_the_lecture_example_again_uses_the_sliders_eta(window, qtbot) -> None:
    panel = window.backprop
    QTest.mouseClick(panel.lectureButton, LEFT)  # the lecture's data, η = 0.1 as on the slides
    assert window.recipe.dataset == "lecture" and _panel_etas(panel) == {"0.1"} == {_slider_eta(window)}
    slider = window.findChild(QSlider, "learningRateSlider")
    slider.setFocus()
    QTest.keyClick(slider, Qt.Key.Key_PageUp)  # η × 10
    qtbot.waitUntil(lambda: _slider_eta(window) == "1" and _panel_etas(panel) == {"1"}, timeout=3000)
    QTest.mouseClick(panel.lectureButton, LEFT)  # the example again, from the start
    assert panel.current_index == -1 and _panel_etas(panel) == {"1"}
