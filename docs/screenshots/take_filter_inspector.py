"""Screenshots of the Inspector on a convolutional network (issue 14), in English and Russian.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_filter_inspector.py

Each language runs in its own process (``--lang``, light theme).  A small CNN
(conv 5×5×4 → pool 2 → conv 3×3×6 → 16 → 10) is trained for two epochs on the
bundled digits, so its kernels look like the stroke detectors a student
should see, and a test digit is its sample.  The Inspector panel, as wide as
its dock, is shown for a pixel of the first convolution
(``filter-inspector-<lang>-conv1.png``), of the second, which reads four
input maps (``…-conv2.png``), and of the pooling between them (``…-pool.png``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from shots import HERE, each_language  # (beside this script)

SHOTS = ("conv1", "conv2", "pool")


def trained_network():
    """The small CNN after two epochs on the bundled digits, and the test set."""
    from nndesk.engine.core.control import Hyperparameters, TrainingControl
    from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec
    from nndesk.engine.core.training import Trainer
    from nndesk.engine.data.datasets import load

    source = load("mnist-bundled")
    net = ConvNet.create((1, 28, 28), [ConvSpec(5, 4), PoolSpec(2), ConvSpec(3, 6)], [16], 10, "relu",
                         "cross-entropy", seed=0)
    control = TrainingControl(Hyperparameters(learning_rate=0.05, momentum=0.9, batch_size=32, epochs=2))
    trainer = Trainer(net, source.train, control=control, optimizer="momentum", seed=0)
    for _ in trainer.epochs():
        pass
    return net, source.test if source.test is not None else source.train


def take(lang: str, out_dir: Path) -> None:
    from nndesk.app.shell.main import make_app, parse_args

    app = make_app(parse_args(["--lang", lang, "--theme", "light"]))
    import numpy as np
    from PySide6.QtGui import QUndoStack
    from PySide6.QtTest import QTest

    from nndesk.app.document.network_document import NetworkDocument
    from nndesk.app.document.sample import Sample
    from nndesk.app.views.inspector_panel import InspectorPanel

    net, test = trained_network()
    doc = NetworkDocument(net, "mnist-bundled", (28, 28))
    index = int(np.flatnonzero(test.y == 7)[0])
    x = test.inputs(slice(index, index + 1))[0]
    name = {"en": "test digit {0} (a 7)", "ru": "тестовая цифра № {0} (7)"}[lang].format(index)
    doc.set_sample(Sample.forward(net, x, lambda: name))
    maps = net.feature_maps(x)
    brightest = {L: (f, *np.unravel_index(int(np.argmax(maps[L - 1][f])), maps[L - 1][f].shape))
                 for L, f in ((1, 2), (2, 2), (3, 3))}  # a pixel where the filter found something
    panel = InspectorPanel(doc, QUndoStack())
    panel.resize(380, 860)
    panel.show()
    QTest.qWaitForWindowExposed(panel)
    fi = panel.filterInspector
    for shot, L in zip(SHOTS, (1, 3, 2)):
        panel.show_feature(L, *(int(v) for v in brightest[L]))
        if shot == "conv1":
            fi.kernel.kernelGrid.select(4, 2)
        if shot == "conv2":
            fi.kernel.channelCombo.setCurrentIndex(2)
        app.processEvents()
        panel.grab().save(str(out_dir / f"filter-inspector-{lang}-{shot}.png"))
    panel.close()


if __name__ == "__main__":
    if len(sys.argv) > 1:
        take(sys.argv[1], HERE)
    else:
        sys.exit(each_language(__file__, lambda lang: [f"filter-inspector-{lang}-{s}.png" for s in SHOTS]))
