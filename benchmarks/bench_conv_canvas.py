"""Lighting the digits-cnn canvas for a new sample: what the draw pad asks on every mouse move.

The canvas shows conv5×5×32 → pool → conv5×5×64 → pool → 128 → 10 as four
stacks of maps and three columns.  ``set_activations`` recolours only the
drawn maps (six per stack, one small QImage each) and the dense columns; the
scene is never rebuilt.  "lit" times ``canvas.set_activations`` alone,
"lit + painted" adds an immediate repaint of the whole canvas (1280×640),
"forward" is the ``Sample.forward`` that makes the numbers (for scale).
Each of ``--samples`` samples is a different digit-like picture.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_conv_canvas.py [--samples 300]
"""

from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from nndesk.app.canvas.network_canvas import NetworkCanvas  # noqa: E402
from nndesk.app.document.network_document import NetworkDocument  # noqa: E402
from nndesk.app.document.sample import Sample  # noqa: E402
from nndesk.app.document.undo import DocumentUndoStack  # noqa: E402
from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec  # noqa: E402


def pictures(n: int, rng: np.random.Generator) -> list[np.ndarray]:
    """A stroke of random thickness at a random place in each 28×28 picture."""
    out = []
    for _ in range(n):
        x = np.zeros((28, 28), np.float32)
        r, c, w = rng.integers(4, 18), rng.integers(4, 18), rng.integers(2, 4)
        x[r:r + 10, c:c + w] = 1.0
        x[r:r + w, c:c + 9] = 1.0
        out.append(x.ravel())
    return out


def ms(times: list[float]) -> str:
    t = np.array(times) * 1000
    return f"median {np.median(t):.2f} ms, p99 {np.percentile(t, 99):.2f} ms, max {t.max():.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=300)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    net = ConvNet.create((1, 28, 28), [ConvSpec(5, 32), PoolSpec(2), ConvSpec(5, 64), PoolSpec(2)], [128], 10,
                         "relu", "cross-entropy", seed=0)
    doc = NetworkDocument(net, "digits", (28, 28), seed=1)
    canvas = NetworkCanvas(doc, DocumentUndoStack(doc))
    canvas.resize(1280, 640)
    canvas.show()
    QTest.qWaitForWindowExposed(canvas)
    canvas.viewport().repaint()  # asks for the bundles' images at this zoom, made in a worker thread
    assert canvas.renderer.busy or all(b.from_image for b in canvas.bundles)
    while canvas.renderer.busy:
        app.processEvents()
        time.sleep(0.01)
    forward, lit, painted = [], [], []
    for x in pictures(args.samples, np.random.default_rng(0)):
        t0 = time.perf_counter()
        activations = list(Sample.forward(net, x, lambda: "bench").activations)
        t1 = time.perf_counter()
        canvas.set_activations(activations)
        t2 = time.perf_counter()
        canvas.viewport().repaint()
        t3 = time.perf_counter()
        forward.append(t1 - t0)
        lit.append(t2 - t1)
        painted.append(t3 - t1)
    print(f"digits-cnn canvas, {args.samples} samples, 1280×640")
    print(f"  lit (set_activations):  {ms(lit)}")
    print(f"  lit + painted:          {ms(painted)}")
    print(f"  forward (Sample.forward, for scale): {ms(forward)}")


if __name__ == "__main__":
    main()
