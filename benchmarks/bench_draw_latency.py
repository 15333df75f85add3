"""Latency from a mouse move on the draw pad to new prediction bars (target: ≤ 5 ms).

Drives the real ``DrawDock`` with ``QTest`` mouse events, as a student's hand
would: press, then many small moves along a figure-eight, then release.  The
whole chain runs inside the move event — stroke on the 280×280 paper,
``mnist_centre``, one forward pass, the bars' new values — so the time around
``QTest.mouseMove`` is the latency.  "painted" adds an immediate repaint of the
bars and the 28×28 preview (which also paints the pad's new ink), and
"+canvas" also lights the network canvas (784-800-10: the input image and
the 800-neuron band) and, when painted, repaints it.  "bars painted, canvas
lit" is the app's order: the canvas is lit in the same move, the answer is
painted first, and the canvas's repaint follows outside the clock (its frame).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_draw_latency.py [--moves 600]
"""

from __future__ import annotations

import argparse
import math
import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from nndesk.app.canvas.network_canvas import NetworkCanvas  # noqa: E402
from nndesk.app.document.network_document import NetworkDocument  # noqa: E402
from nndesk.app.draw.dock import DrawDock  # noqa: E402
from nndesk.engine.fast.blas import use_default_threads  # noqa: E402
from nndesk.engine.runs.presets import preset  # noqa: E402


def figure_eight(n: int, centre: QPoint, r: float) -> list[QPoint]:
    return [QPoint(round(centre.x() + r * 0.6 * math.sin(2 * math.pi * i / n)),
                   round(centre.y() + r * math.sin(4 * math.pi * i / n))) for i in range(n)]


def measure(dock: DrawDock, moves: int, paint: bool, canvas: NetworkCanvas | None = None,
            canvas_after: bool = False) -> np.ndarray:
    """Milliseconds from each mouse move to the answer updated (and painted); ``canvas_after``: the
    canvas is lit in the same move but repainted after the clock stops, as the app paints it (next frame)."""
    pad, left, none = dock.pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    times = []
    stroke = figure_eight(200, pad.rect().center(), pad.height() * 0.35)
    while len(times) < moves:
        pad.clear()
        QTest.mousePress(pad, left, none, stroke[0])
        for p in stroke[1:]:
            before = dock.panel.probabilities()
            t0 = time.perf_counter()
            QTest.mouseMove(pad, p)
            if paint:
                dock.panel.bars.repaint()
                dock.preview.repaint()
                if canvas is not None and not canvas_after:
                    canvas.viewport().repaint()
            times.append(time.perf_counter() - t0)
            if paint and canvas is not None and canvas_after:
                canvas.viewport().repaint()
            QApplication.processEvents()  # between two moves the window's loop runs: the canvas's edge
            # pictures, made in their thread, land (not timed; without it every paint drew the edges live)
            assert dock.panel.probabilities() != before or p == stroke[1]
        QTest.mouseRelease(pad, left, none, stroke[-1])
    return np.array(times[:moves]) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=600)
    args = parser.parse_args()
    use_default_threads()  # one BLAS thread, as the app runs (see nndesk.engine.fast.blas)
    app = QApplication.instance() or QApplication([])
    net = preset("digits").network(784, 10)
    doc = NetworkDocument(net, "mnist-bundled", (28, 28))
    dock = DrawDock(doc)
    dock.resize(720, 400)
    dock.show()
    canvas = NetworkCanvas(doc, QUndoStack())
    canvas.resize(900, 500)
    canvas.show()
    app.processEvents()
    print(f"network {'-'.join(map(str, net.sizes))}, {args.moves} mouse moves per row, pad "
          f"{dock.pad.width()}×{dock.pad.height()} px, platform {app.platformName()}")
    print(f"{'':22}{'median ms':>10}{'p99 ms':>10}{'max ms':>10}")
    rows = (("bars updated", False, False, False), ("bars painted", True, False, False),
            ("bars updated +canvas", False, True, False), ("bars painted +canvas", True, True, False),
            ("bars painted, canvas lit", True, True, True))  # the answer first, the canvas's paint after
    for label, paint, with_canvas, after in rows:
        dock.connect_canvas(canvas if with_canvas else None)
        shown = canvas if with_canvas else None
        measure(dock, 50, paint, shown, after)  # warm up
        ms = measure(dock, args.moves, paint, shown, after)
        print(f"{label:22}{np.median(ms):10.2f}{np.percentile(ms, 99):10.2f}{ms.max():10.2f}")


if __name__ == "__main__":
    main()
