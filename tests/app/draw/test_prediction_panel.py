"""The prediction panel shows the ten values it is given, the best digit, and doubt."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.app.draw.prediction_panel import PredictionPanel


@pytest.fixture
def panel(qtbot) -> PredictionPanel:
    panel = PredictionPanel()
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_shows_given_probabilities_and_the_answer(panel: PredictionPanel) -> None:
    p = np.array([0.01, 0.02, 0.03, 0.8, 0.04, 0.02, 0.02, 0.03, 0.02, 0.01])
    panel.set_probabilities(p)
    assert panel.probabilities() == pytest.approx(p.tolist())
    assert panel.answer.text() == "3" and panel.is_sure()
    assert "80" in panel.verdict.text()
    panel.grab()  # paints without error


def test_not_sure_below_half(panel: PredictionPanel) -> None:
    panel.set_probabilities([0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.4, 0.1, 0.1])
    assert not panel.is_sure() and panel.answer.text() == "7?"
    assert panel.tr("not sure ({p} %)").format(p=40) == panel.verdict.text()


def test_clear_and_wrong_length(panel: PredictionPanel) -> None:
    panel.set_probabilities(np.full(10, 0.1))
    panel.clear()
    assert panel.probabilities() == [0.0] * 10 and panel.answer.text() == "–"
    with pytest.raises(ValueError):
        panel.set_probabilities([0.5, 0.5])
