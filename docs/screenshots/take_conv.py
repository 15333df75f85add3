"""Screenshots of the window refusing a convolutional model file, in English and Russian.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_conv.py

Each language runs in its own process.  A small CNN (conv5x5x8 → pool 2×2 → 32 → 10, untrained: only its
layers matter here) is saved to a temporary file and opened as ``nndesk cnn.npz`` would; the message the
window shows is saved as ``conv-refused-<lang>.png`` next to this file.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from shots import HERE, each_language, open_window  # (beside this script)


def take(lang: str, out: Path) -> None:
    app, window = open_window(lang)
    from PySide6.QtWidgets import QMessageBox

    from nndesk.engine.runs.model_io import save_model
    from nndesk.engine.runs.recipe import TrainingRecipe

    recipe = TrainingRecipe.from_preset("digits-cnn", features=("conv5x5x8", "pool2"), hidden=(32,))
    path = save_model(Path(tempfile.mkdtemp()) / "cnn.npz", recipe.build_network(784, 10), recipe)
    window.load_model(path)
    app.processEvents()
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    box.grab().save(str(out))
    box.close()
    window.document.set_modified(False)
    window.close()


if __name__ == "__main__":
    if len(sys.argv) > 1:
        take(sys.argv[1], HERE / f"conv-refused-{sys.argv[1]}.png")
    else:
        sys.exit(each_language(__file__, lambda lang: [f"conv-refused-{lang}.png"]))
