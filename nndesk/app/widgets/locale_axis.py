"""A pyqtgraph axis that writes its tick labels the way the UI's language writes numbers.

pyqtgraph formats ticks with Python's "%f", so a Russian plot would say
"0.5" beside a Russian spin box saying "0,5".  Only the decimal point is
swapped: the tick positions and digits stay pyqtgraph's.

pyqtgraph's automatic SI prefix is off: it would label a cost axis
"C (x0.001)" beside ticks of 0–800, and squeeze a long label to "(x0.0…";
the ticks carry their own magnitude instead.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QLocale


class LocaleAxisItem(pg.AxisItem):
    def __init__(self, orientation: str, **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        strings = super().tickStrings(values, scale, spacing)
        point = QLocale().decimalPoint()
        return strings if point == "." else [s.replace(".", point) for s in strings]


def locale_axes() -> dict[str, LocaleAxisItem]:
    """Axis items for a PlotWidget/PlotItem's ``axisItems`` argument."""
    return {side: LocaleAxisItem(side) for side in ("left", "bottom", "right")}
