"""Screenshots of "explain one answer" and the Robustness dock (issue 12), in English and Russian.

    xvfb-run -a -s "-screen 0 1280x800x24" python docs/screenshots/take_explain.py

Each language runs in its own process (``--lang``, light theme), with the
ready-trained digits network of a fresh start.  Saved next to this file:

1. ``explain-<lang>.png``: the draw dock, "Why this answer?" opened, after a small 3 is drawn in the pad's
   upper left with the mouse and the pen lifted: the steps from ink to input,
   and why the network answers as it does (gradient × input);
2. ``explain-nocentre-<lang>.png``: the same with "No centring": the pad merely
   shrunk, and what the network makes of that;
3. ``robustness-<lang>.png``: the Robustness dock after "Compute robustness",
   the "not sure" threshold moved to 90 %.
"""

from __future__ import annotations

import sys
from pathlib import Path

from shots import HERE, each_language, open_window, stroke  # (beside this script)


def take(lang: str, out_dir: Path) -> None:
    app, window = open_window(lang)
    from PySide6.QtTest import QTest

    dock = window.draw_widget
    dock.resize(620, 640)
    if not dock.explain.is_open():  # closed on a screen under 1000 px: open it as a student would
        dock.explain.toggle.click()
    app.processEvents()
    pad, r = dock.pad, dock.pad.rect()
    x0, y0, s = r.x() + r.width() // 8, r.y() + r.height() // 8, min(r.width(), r.height()) // 3
    points = [(x0, y0), (x0 + s, y0 + s // 8), (x0 + s // 3, y0 + s // 2), (x0 + s, y0 + s),
              (x0 + s // 4, y0 + int(1.3 * s))]  # a 3, small and off-centre, as students often draw
    stroke(pad, points)
    app.processEvents()
    dock.grab().save(str(out_dir / f"explain-{lang}.png"))
    dock.explain.steps.no_centring.click()
    app.processEvents()
    dock.grab().save(str(out_dir / f"explain-nocentre-{lang}.png"))

    panel = window.robustness
    window.robustness_dock.show()
    window.robustness_dock.raise_()
    panel.resize(1100, 420)
    panel.compute_button.click()
    while panel.result() is None:
        app.processEvents()
        QTest.qWait(20)
    panel.slider.setValue(90)
    app.processEvents()
    panel.grab().save(str(out_dir / f"robustness-{lang}.png"))
    window.document.set_modified(False)
    window.close()


def main() -> int:
    return each_language(__file__, lambda lang: [f"explain-{lang}.png", f"explain-nocentre-{lang}.png",
                                                 f"robustness-{lang}.png"])


if __name__ == "__main__":
    if len(sys.argv) == 2:
        take(sys.argv[1], HERE)
    else:
        sys.exit(main())
