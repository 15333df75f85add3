"""Before → after rows: numbers in the UI's language, a rise green with ▲, a fall vermillion with ▼."""

from __future__ import annotations

import math

from PySide6.QtCore import QLocale

from nndesk.app.style.theme import hues, is_dark
from nndesk.app.teach.scores_view import ScoresView
from nndesk.engine.runs.teach import TeachScores


def test_rows_show_before_after_and_the_change_coloured(qtbot):
    view = ScoresView()
    qtbot.addWidget(view)
    assert view.isHidden()  # nothing to compare before the first Teach
    view.show_scores(TeachScores(0.5, 5 / 6, 0.972, 0.970), held=6, validation=500)
    mine, validation = view.row_texts()
    assert "held out: 6" in mine and "50 %" in mine and "83 %" in mine and "▲ +33 points" in mine
    assert "500" in validation and "97.2 %" in validation and "97.0 %" in validation
    assert "▼ −0.2 points" in validation
    hue = hues(is_dark(view.palette()))
    assert hue["green"].name() in view.changes[0].styleSheet()
    assert hue["orange"].name() in view.changes[1].styleSheet()


def test_numbers_follow_the_locale_and_nothing_measured_is_a_dash(qtbot):
    QLocale.setDefault(QLocale(QLocale.Language.Russian))
    try:
        view = ScoresView()
        qtbot.addWidget(view)
        view.show_scores(TeachScores(0.5, 0.5, math.nan, math.nan), held=4, validation=0)
        mine, validation = view.row_texts()
        assert "50 %" in mine and "no change" in mine
        assert validation.count("—") == 2 and "no change" in validation
        view.show_scores(TeachScores(0.25, 0.5, 0.972, 0.987), held=4, validation=400)
        assert "97,2 %" in view.row_texts()[1] and "98,7 %" in view.row_texts()[1]
        assert "▲ +1,5" in view.row_texts()[1]
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English))
