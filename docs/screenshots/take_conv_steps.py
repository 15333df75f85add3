"""Screenshots of the backprop step-through on a convolutional network (issue 14), in English and Russian.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_conv_steps.py

Each language runs in its own process (``--lang``, light theme).  The small CNN
of ``take_filter_inspector`` (conv 5×5×4 → pool 2 → conv 3×3×6 → 16 → 10,
two epochs on the bundled digits) steps a test "7" through the Backpropagation
panel (1000×760), saved next to this file:

1. ``conv-steps-<lang>-1.png``: the most active pixel of filter 0: its 5×5 window, a·w in every cell, into z;
2. ``conv-steps-<lang>-2.png``: σ(z), the 2×2 pooling's choice and ∂C/∂a back through it to the winner;
3. ``conv-steps-<lang>-3.png``: δ, the pixel's share of the kernel's gradient and δ·w sent back;
4. ``conv-steps-<lang>-4.png``: the kernel's whole gradient and its new weights (the last step), with
   "Check with finite differences" clicked;
5. ``conv-steps-<lang>-5.png``: a pixel of the second convolution (clicked), whose window reads the four
   maps of the pooling: channel 2 chosen, the sums of every channel into z.
"""

from __future__ import annotations

import sys
from pathlib import Path

from shots import HERE, each_language  # (beside this script)
from take_filter_inspector import trained_network

SHOTS = 5


def take(lang: str, out_dir: Path) -> None:
    from nndesk.app.shell.main import make_app, parse_args

    app = make_app(parse_args(["--lang", lang, "--theme", "light"]))
    import numpy as np
    from PySide6.QtTest import QTest

    from nndesk.app.backprop.panel import BackpropPanel
    from tests.app.people import pick

    net, test = trained_network()
    index = int(np.flatnonzero(test.y == 7)[0])
    x = test.inputs(slice(index, index + 1))[0].astype(np.float64)
    t = np.eye(10)[7]
    name = {"en": "test digit {0} (a 7)", "ru": "тестовая цифра № {0} (7)"}[lang].format(index)
    panel = BackpropPanel()
    panel.resize(1000, 760)
    panel.show()
    QTest.qWaitForWindowExposed(panel)
    panel.set_sample(net, x, t, 0.05, source=lambda: name)
    page = panel.conv.page

    def shot(n: int) -> None:
        app.processEvents()
        panel.grab().save(str(out_dir / f"conv-steps-{lang}-{n}.png"))

    for n, index in enumerate((0, 3, 6, 7), 1):
        while panel.conv.current_index < index:
            page.controls.stepForwardButton.click()
        if n == 4:
            page.controls.gradCheckButton.click()
        shot(n)
    maps = net.feature_maps(x)
    m = maps[2][0]  # the second convolution's map 0 (a⁽³⁾)
    y, col = np.unravel_index(int(np.argmax(m)), m.shape)
    panel.select_feature(3, 0, int(y), int(col))
    pick(page.channelBox, "2")
    page.controls.stepForwardButton.click()
    shot(5)
    panel.close()


def main() -> int:
    return each_language(__file__, lambda lang: [f"conv-steps-{lang}-{n}.png" for n in range(1, SHOTS + 1)])


if __name__ == "__main__":
    if len(sys.argv) == 2:
        take(sys.argv[1], HERE)
    else:
        sys.exit(main())
