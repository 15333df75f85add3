"""The overlay: one pen per run in both plots, distinct in colour and style, η marks where η changed."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from nndesk.app.runs.overlay import RunsOverlay, run_styles
from nndesk.engine.core.training import EpochStats
from nndesk.engine.runs.run_log import RunLog


def recorded(n_runs: int):
    log = RunLog()
    out = []
    for i in range(n_runs):
        run = log.start({"dataset": "xor", "layers": [2, 8, 2], "learning_rate": 0.1, "epochs": 5})
        for e in range(1, 6):
            changes = ((2.5, 0.5),) if (i == 1 and e == 3) else ()
            run.add_epoch(EpochStats(e, 1.0 / e + i, 1.2 / e, 0.2 * e, 0.5 if e >= 3 and i == 1 else 0.1, 0.1, 9.0,
                                     changes))
        out.append(run)
    return out


def test_curves_pens_and_the_eta_mark(qtbot):
    overlay = RunsOverlay()
    qtbot.addWidget(overlay)
    records = recorded(3)
    records[2].history[1]["val_accuracy"] = None  # no validation that epoch: a gap, not a zero
    overlay.show_runs(records)
    assert len(overlay.curves) == 3
    cost, accuracy = overlay.curves[1]
    assert list(cost.xData) == [1, 2, 3, 4, 5] and cost.yData[0] == pytest.approx(2.0)
    assert list(accuracy.yData) == pytest.approx([20, 40, 60, 80, 100])
    assert overlay.curves[2][1].yData[1] != overlay.curves[2][1].yData[1]  # NaN
    pens = [c.opts["pen"] for c, _ in overlay.curves]
    assert len({p.color().name() for p in pens}) == 3 and len({p.style() for p in pens}) == 3
    assert all(a.opts["pen"].color() == c.opts["pen"].color() for c, a in overlay.curves)  # one pen per run
    [marker] = overlay.markers
    assert (marker.run_id, marker.value(), marker.label.toPlainText()) == (2, 2.5, "η = 0.5")
    assert marker.pen.color() == pens[1].color()
    overlay.show_runs(records[:1])  # fewer ticked: the others go, marks too
    assert len(overlay.curves) == 1 and overlay.markers == []
    assert len(overlay.cost_plot.getPlotItem().listDataItems()) == 1


def test_the_hues_are_lighter_on_a_dark_palette():
    light, dark = run_styles(4, False), run_styles(4, True)
    assert all(d[0].lightness() > lt[0].lightness() for d, lt in zip(dark, light))
    assert len({c.name() for c, _ in light}) == 4


def test_marks_follow_the_language(qtbot, language):
    overlay = RunsOverlay()
    qtbot.addWidget(overlay)
    overlay.show_runs(recorded(2))
    assert overlay.markers[0].label.toPlainText() == ("η = 0,5" if language == "ru" else "η = 0.5")


def test_a_palette_change_redraws_in_its_hues(qtbot):
    overlay = RunsOverlay()
    qtbot.addWidget(overlay)
    overlay.show_runs(recorded(2))
    palette = overlay.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#2b2d30"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1f22"))
    overlay.setPalette(palette)
    assert overlay.curves[0][0].opts["pen"].color().name() == run_styles(1, True)[0][0].name()


def test_a_run_training_on_gets_new_data_not_new_curves(qtbot):
    overlay = RunsOverlay()
    qtbot.addWidget(overlay)
    records = recorded(2)
    overlay.show_runs(records)
    before = [c for pair in overlay.curves for c in pair]
    records[0].add_epoch(EpochStats(6, 0.01, 0.02, 0.99, 0.1, 0.1, 9.0))
    overlay.show_runs(records)
    assert [c for pair in overlay.curves for c in pair] == before and len(overlay.curves[0][0].xData) == 6
    records[0].add_epoch(EpochStats(7, 0.01, 0.02, 0.99, 0.2, 0.1, 9.0, ((6.5, 0.2),)))  # an η change: a mark
    overlay.show_runs(records)
    assert [(m.run_id, m.value()) for m in overlay.markers] == [(1, 6.5), (2, 2.5)]
