"""Plot tick labels follow the UI language's decimal point."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from nndesk.app.widgets.locale_axis import LocaleAxisItem


def test_russian_ticks_use_a_decimal_comma_and_english_a_point(qtbot) -> None:
    axis = LocaleAxisItem("left")
    saved = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
        assert axis.tickStrings([0.5, 1.0, 1.5], 1.0, 0.5) == ["0,5", "1,0", "1,5"]
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        assert axis.tickStrings([0.5, 1.0], 1.0, 0.5) == ["0.5", "1.0"]
    finally:
        QLocale.setDefault(saved)
