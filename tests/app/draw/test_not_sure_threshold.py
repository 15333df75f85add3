"""The "not sure" threshold moves: the same bars can be an answer or a doubt."""

from __future__ import annotations

import numpy as np

from nndesk.app.draw.prediction_panel import SURE, PredictionPanel


def test_the_threshold_decides_what_the_panel_says(qtbot) -> None:
    panel = PredictionPanel()
    qtbot.addWidget(panel)
    p = np.full(10, 0.2 / 9)
    p[4] = 0.8
    panel.set_probabilities(p)
    assert panel.threshold() == SURE == 0.5 and panel.is_sure() and panel.answer.text() == "4"
    panel.set_threshold(0.9)
    assert not panel.is_sure() and panel.answer.text() == "4?"
    assert panel.verdict.text() == panel.tr("not sure ({p} %)").format(p=80)
    panel.set_threshold(0.8)
    assert panel.is_sure() and panel.verdict.text() == panel.tr("{p} % sure").format(p=80)
