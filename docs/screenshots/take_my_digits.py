"""Screenshots of My digits (issue 11), in English and Russian.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_my_digits.py

Each language runs in its own process (``--lang``, light theme) with an
empty data folder of its own (XDG_DATA_HOME), so nobody's real set is read
or written.  Twenty digits, two of each, are drawn on the pad with the mouse,
each labelled in "It is a" with the keyboard and kept with "Add to my
digits"; then a last one is drawn and labelled but not yet added.  Saved
next to this file:

1. ``my-digits-<lang>.png``: the window: the draw pad with "Add to my digits"
   and the counts under it, and the My digits dock under the canvas with the
   twenty drawings, a row per digit, one selected;
2. ``my-digits-pad-<lang>.png``: the draw dock alone, close up.
"""

from __future__ import annotations

import math
import os
import sys
import tempfile
from pathlib import Path

from shots import HERE, each_language, on_paper, open_window, stroke  # (beside this script)

RING = [(0.5 + 0.2 * math.sin(t / 10 * 2 * math.pi), 0.5 - 0.3 * math.cos(t / 10 * 2 * math.pi))
        for t in range(11)]
DIGITS = {  # strokes on the paper (0–1), as a student draws each digit
    0: [RING],
    1: [[(0.45, 0.3), (0.55, 0.2), (0.55, 0.8)]],
    2: [[(0.3, 0.3), (0.45, 0.2), (0.65, 0.25), (0.65, 0.42), (0.3, 0.8), (0.72, 0.8)]],
    3: [[(0.3, 0.22), (0.65, 0.25), (0.45, 0.48), (0.68, 0.62), (0.55, 0.8), (0.3, 0.78)]],
    4: [[(0.55, 0.2), (0.3, 0.6), (0.72, 0.6)], [(0.6, 0.4), (0.6, 0.82)]],
    5: [[(0.68, 0.22), (0.35, 0.22), (0.33, 0.48), (0.62, 0.5), (0.66, 0.7), (0.4, 0.82), (0.3, 0.74)]],
    6: [[(0.62, 0.2), (0.38, 0.45), (0.35, 0.7), (0.5, 0.82), (0.65, 0.68), (0.5, 0.55), (0.37, 0.62)]],
    7: [[(0.28, 0.24), (0.72, 0.24), (0.62, 0.45), (0.53, 0.65), (0.47, 0.8)]],
    8: [[(0.62, 0.28), (0.5, 0.2), (0.36, 0.3), (0.62, 0.62), (0.5, 0.8), (0.36, 0.65), (0.62, 0.3)]],
    9: [[(0.64, 0.32), (0.5, 0.2), (0.36, 0.32), (0.5, 0.46), (0.64, 0.34), (0.6, 0.82)]],
}


def draw(pad, digit: int, variant: int) -> None:
    """The digit's strokes, shifted and slanted a little differently for each variant."""
    dx, slant = (variant - 0.5) * 0.1, (variant - 0.5) * 0.3
    for points in DIGITS[digit]:
        stroke(pad, on_paper(pad, [(x + dx + slant * (0.5 - y), y) for x, y in points]))


def take(lang: str, out_dir: Path) -> None:
    app, window = open_window(lang)
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QComboBox, QPushButton

    from tests.app.people import LEFT, pick

    dock = window.draw_widget
    combo, add = dock.findChild(QComboBox, "targetDigit"), dock.findChild(QPushButton, "addToMyDigitsButton")
    window.my_digits_dock.show()
    window.my_digits_dock.raise_()
    for variant in range(2):
        for digit in range(10):
            dock.pad.clear()
            draw(dock.pad, digit, variant)
            pick(combo, str(digit))
            QTest.mouseClick(add, LEFT)
    dock.pad.clear()
    draw(dock.pad, 4, 1)  # the next one, labelled but not yet added: the button ready
    pick(combo, "4")
    grid = window.my_digits_view.grid
    sevens = [k for k in range(grid.count()) if grid.label(k) == "7"]
    QTest.mouseClick(grid.viewport(), LEFT, pos=grid.tile_rect(sevens[1]).center())
    QTest.keyClick(window, Qt.Key.Key_Tab)  # (no focus ring on the grid in the picture)
    app.processEvents()
    window.grab().save(str(out_dir / f"my-digits-{lang}.png"))
    dock.grab().save(str(out_dir / f"my-digits-pad-{lang}.png"))
    window.document.set_modified(False)
    window.close()


def main() -> int:
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp()  # each language's process starts with no saved digits
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":  # a 1280×800 screen, as the tests have
        os.environ["QT_QPA_PLATFORM"] += f":configfile={HERE.parent.parent / 'tests/app/offscreen-screen.json'}"
    return each_language(__file__, lambda lang: [f"my-digits-{lang}.png", f"my-digits-pad-{lang}.png"])


if __name__ == "__main__":
    if len(sys.argv) == 2:
        os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp()
        take(sys.argv[1], HERE)
    else:
        sys.exit(main())
