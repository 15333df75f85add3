"""Screenshots of the backprop step-through on the lecture's example, in English and Russian.

    xvfb-run -a -s "-screen 0 1280x800x24" python docs/screenshots/take_backprop.py

Each language runs in its own process (chosen at start-up, as with
``nndesk --lang ru``).  The panel (980×640, light theme) loads the lecture's
3-2-1 network and steps to three places, saved next to this file:

1. ``backprop-<lang>-1.png``: the forward pass reaches the output neuron a₀⁽²⁾ ≈ 0.59;
2. ``backprop-<lang>-2.png``: the first updated weight, w₀₀⁽¹⁾ new = 0.192;
3. ``backprop-<lang>-3.png``: the gradient of w₀₀⁽⁰⁾, checked with finite
   differences, then its update;
4. ``draw-backprop-<lang>.png``: the main window (1280×800, the ready-trained 784-800-10
   network) after a "7" is drawn on the pad with the mouse, 7 picked as the
   target, "Step through backpropagation" clicked and six steps taken.
"""

from __future__ import annotations

import sys
from pathlib import Path

from shots import HERE, draw_seven, each_language, open_window  # (beside this script)


def take(lang: str, out_dir: Path) -> None:
    from nndesk.app.shell.main import make_app, parse_args

    app = make_app(parse_args(["--lang", lang, "--theme", "light"]))
    from nndesk.app.backprop.panel import BackpropPanel

    panel = BackpropPanel()
    panel.resize(980, 640)
    panel.load_lecture_example()
    panel.show()
    kinds = [(s.kind, s.layer, s.index) for s in panel.steps]
    targets = [kinds.index(("forward", 2, 0)), kinds.index(("new_w", 1, (0, 0))), kinds.index(("new_w", 0, (0, 0)))]
    for n, target in enumerate(targets, 1):
        while panel.current_index < target:
            panel.stepForwardButton.click()
        if n == 3:  # check the gradient one step before the update, then take the update step
            panel.stepBackButton.click()
            panel.gradCheckButton.click()
            panel.stepForwardButton.click()
        app.processEvents()
        panel.grab().save(str(out_dir / f"backprop-{lang}-{n}.png"))
    _draw_and_step(lang, out_dir / f"draw-backprop-{lang}.png")


def _draw_and_step(lang: str, out: Path) -> None:
    app, window = open_window(lang)
    draw_seven(window.draw_widget.pad)
    window.draw_widget.target.setCurrentIndex(7)
    window.draw_widget.target.activated.emit(7)
    window.draw_widget.step_button.click()
    for _ in range(6):
        window.backprop.step_forward()
    app.processEvents()
    window.grab().save(str(out))
    window.document.set_modified(False)
    window.close()


def main() -> int:
    return each_language(__file__, lambda lang: [*(f"backprop-{lang}-{n}.png" for n in (1, 2, 3)),
                                                 f"draw-backprop-{lang}.png"])


if __name__ == "__main__":
    if len(sys.argv) == 2:
        take(sys.argv[1], HERE)
    else:
        sys.exit(main())
