"""Editing convolutions in the window: does the edited network train, how long is a click, what does undo hold?

1. Collapse.  The ready-trained digits network (784-800-10, ReLU) made a CNN as a student does it
   ("+ conv" after the input, then "+ pool": conv5x5x8 → pool2 → 800 → 10), then one epoch at the
   window's digits settings (η 0.1, momentum 0.9, batch 128) on the bundled digits, for several seeds.
   Counted: runs that collapse (``TrainingDiverged``) in that first epoch, for
     * conv_edit as it is (the dense layers after a fresh first dense layer start fresh, biases kept),
     * the rule it replaced (those layers keep their trained weights), simulated by copying them back,
     * a fresh CNN of the same shape (``ConvNet.create``).
2. A click.  "+ filter" ten times on that CNN without its pooling (the first dense layer reads 8×24×24
   maps): the editor's time per click (check, command, the document's copy; no canvas).
3. Undo.  The bytes the undo history holds after those clicks (each array counted once).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_conv_edit.py [--seeds 8]

About 30 s on the shared 2-core VM.
"""

from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402


def collapses(seeds: int) -> dict[str, int]:
    from nndesk.engine.core import conv_edit
    from nndesk.engine.core.control import Hyperparameters, TrainingControl
    from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec
    from nndesk.engine.core.training import Trainer, TrainingDiverged
    from nndesk.engine.data.datasets import load
    from nndesk.engine.runs.pretrained import load_model, shipped_path

    source, trained = load("mnist-bundled"), load_model(shipped_path()).network

    def collapsed(net, seed: int) -> bool:
        control = TrainingControl(Hyperparameters(learning_rate=0.1, momentum=0.9, batch_size=128, epochs=1))
        try:
            for _ in Trainer(net, source.train, None, control=control, optimizer="momentum", seed=seed).epochs():
                return False
        except TrainingDiverged:
            return True
        return False

    counts = {"conv_edit": 0, "trained dense layers kept": 0, "fresh CNN": 0}
    for seed in range(seeds):
        rng = np.random.default_rng(seed)
        edited = conv_edit.with_pool(conv_edit.with_conv(trained, 0, 5, 8, rng, input_shape=(28, 28)), 1, rng=rng)
        kept = edited.copy()
        for new, old in zip(kept.head.layers[1:], trained.layers[1:]):
            new.weights = old.weights.copy()
        fresh = ConvNet.create((1, 28, 28), [ConvSpec(5, 8), PoolSpec(2)], [800], 10, "relu", "cross-entropy",
                               seed=seed)
        counts["conv_edit"] += collapsed(edited, seed)
        counts["trained dense layers kept"] += collapsed(kept, seed)
        counts["fresh CNN"] += collapsed(fresh, seed)
    return counts


def clicks(n: int = 10) -> tuple[list[float], float, str]:
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication.instance() or QApplication([])  # noqa: F841 (widgets need it)
    from nndesk.app.canvas.conv_editor import ConvEditor
    from nndesk.app.document.network_document import NetworkDocument
    from nndesk.app.document.undo import DocumentUndoStack
    from nndesk.engine.runs.pretrained import load_model, shipped_path

    doc = NetworkDocument(load_model(shipped_path()).network, "mnist-bundled", (28, 28))
    stack = DocumentUndoStack(doc)
    editor = ConvEditor(doc, stack, QWidget())
    editor.add_conv(0)
    times = []
    for _ in range(n):
        start = time.perf_counter()
        editor.step_filters(1, +1)
        times.append(time.perf_counter() - start)
    seen, held = set(), 0
    for i in range(stack.count()):
        command = stack.command(i)
        for net in (command.old, command.new):
            for p in net.parameters():
                base = p if p.base is None else p.base
                if id(base) not in seen:
                    seen.add(id(base))
                    held += base.nbytes
    return times, held, doc.network.architecture


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=8)
    args = parser.parse_args()
    for name, count in collapses(args.seeds).items():
        print(f"collapsed in epoch 1, {name}: {count}/{args.seeds}")
    times, held, arch = clicks()
    ms = sorted(t * 1000 for t in times)
    print(f"'+ filter' ×{len(times)} up to {arch}: median {ms[len(ms) // 2]:.0f} ms, max {ms[-1]:.0f} ms a click; "
          f"undo history {held / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
