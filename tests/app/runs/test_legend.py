"""The legend under the plots: one pen sample and text per shown run, or a hint while fewer than two are shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from nndesk.app.runs.legend import RunsLegend


def test_entries_replace_each_other_and_the_hint_comes_and_goes(qtbot):
    legend = RunsLegend()
    qtbot.addWidget(legend)
    legend.show()
    blue, orange = QColor("#0072b2"), QColor("#d55e00")
    legend.show_entries([(blue, Qt.PenStyle.SolidLine, "Run 1: η 0.1"),
                         (orange, Qt.PenStyle.DashLine, "Run 2: η 0.1 → 1")], runs_listed=2)
    assert [e.text() for e in legend.entries] == ["Run 1: η 0.1", "Run 2: η 0.1 → 1"] and legend.hint.isHidden()
    samples = [w for w in legend.findChildren(QLabel) if w.pixmap() is not None and not w.pixmap().isNull()]
    assert len(samples) == 2
    image = samples[1].pixmap().toImage()
    assert any(image.pixelColor(x, image.height() // 2) == orange for x in range(image.width()))  # the run's pen
    legend.show_entries([(blue, Qt.PenStyle.SolidLine, "Run 3: η 1")], runs_listed=3)
    qtbot.waitUntil(lambda: len([w for w in legend.findChildren(QLabel) if w.text().startswith("Run ")]) == 1)
    assert "Tick 2 to 4" in legend.hint.text() and legend.hint.isVisible()
