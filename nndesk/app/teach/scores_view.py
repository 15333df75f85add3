"""Before → after, side by side: what Teach improved (your held-out digits) and what it cost (validation).

Fine-tuning on a few new digits can make a network forget a little of what
it knew; a student should see both numbers move at once.  Each row reads
"name   before → after   ▲ +33 points", the change in the Okabe–Ito green
when it rose and vermillion when it fell (colour-blind safe, and the arrow
and sign say it without colour).  Percentages are written in the UI's
language (97.2 % / 97,2 %).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from nndesk.app.style.theme import hues, is_dark, secondary_text
from nndesk.engine.runs.teach import TeachScores

SAME = 0.0005  # a change under 0.05 points is shown as "no change" (it prints as the same number)


def percent(fraction: float, decimals: int = 1) -> str:
    """0.972 → "97.2" ("97,2" in Russian)."""
    return QLocale().toString(100 * float(fraction), "f", decimals)


class ScoresView(QWidget):
    """Two rows, my held-out digits and the validation digits, each before → after and its change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teachScores")
        self._scores: TeachScores | None = None
        self._held, self._validation = 0, 0
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        self.names = [QLabel(self, objectName=f"teachScoreName{i}") for i in range(2)]
        self.befores = [QLabel(self, objectName=f"teachScoreBefore{i}") for i in range(2)]
        self.arrows = [QLabel("→", self) for _ in range(2)]
        self.afters = [QLabel(self, objectName=f"teachScoreAfter{i}") for i in range(2)]
        self.changes = [QLabel(self, objectName=f"teachScoreChange{i}") for i in range(2)]
        for row in range(2):
            for col, label in enumerate((self.names[row], self.befores[row], self.arrows[row], self.afters[row],
                                         self.changes[row])):
                if col:
                    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                grid.addWidget(label, row, col)
        for label in self.afters:
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        grid.setColumnStretch(0, 1)
        self.hide()  # nothing to compare until the first Teach

    def show_scores(self, scores: TeachScores, held: int, validation: int) -> None:
        """The accuracies before and after a Teach on ``held`` held-out digits and ``validation`` digits."""
        self._scores, self._held, self._validation = scores, held, validation
        self.retranslate()
        self.show()

    def scores(self) -> TeachScores | None:
        return self._scores

    def row_texts(self) -> list[str]:
        """Each row as one line of text, as a screen reader (or a test) reads it."""
        return ["  ".join(label.text() for label in (self.names[r], self.befores[r], self.arrows[r],
                                                       self.afters[r], self.changes[r])) for r in range(2)]

    def retranslate(self) -> None:
        s = self._scores
        if s is None:
            return
        self.names[0].setText(self.tr("My digits (held out: %1)").replace("%1", QLocale().toString(self._held)))
        self.names[1].setText(self.tr("Validation (%1 digits)").replace("%1", QLocale().toString(self._validation)))
        self.names[0].setToolTip(self.tr("Your digits that this Teach did not train on: what it learned, "
                                         "not what it memorised"))
        self.names[1].setToolTip(self.tr("Digits from the data set that no run trains on: what it may have "
                                         "forgotten"))
        rows = ((s.mine_before, s.mine_after), (s.validation_before, s.validation_after))
        decimals = (0, 1)  # a handful of my digits: whole percent; hundreds of validation digits: one decimal
        for r, ((before, after), d) in enumerate(zip(rows, decimals)):
            self.befores[r].setText(self._cell(before, d))
            self.afters[r].setText(self._cell(after, d))
            self._show_change(self.changes[r], after - before, d)

    def _cell(self, fraction: float, decimals: int) -> str:
        return "—" if math.isnan(fraction) else self.tr("%1 %").replace("%1", percent(fraction, decimals))

    def _show_change(self, label: QLabel, change: float, decimals: int) -> None:
        """▲ +33 points in green, ▼ −0.2 points in vermillion, or "no change" in the secondary grey."""
        palette = self.palette()
        hue = hues(is_dark(palette))
        if math.isnan(change) or abs(change) < SAME:
            label.setText(self.tr("no change"))
            color = secondary_text(palette)
        else:
            sign = "▲ +" if change > 0 else "▼ −"
            label.setText(self.tr("%1 points").replace("%1", sign + percent(abs(change), decimals)))
            color = hue["green"] if change > 0 else hue["orange"]
        label.setStyleSheet(f"color: {color.name()};")
        label.setToolTip(self.tr("Percentage points: after minus before"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange):
            self.retranslate()

