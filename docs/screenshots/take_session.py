"""Screenshot of the restore banner after a crash (issue 13), in English and Russian.

    QT_QPA_PLATFORM="offscreen:configfile=tests/app/offscreen-screen.json" python docs/screenshots/take_session.py

(a 1296×846 screen, so the window opens at 1280×800 as on a laptop)

Each language runs in its own process with a fresh data folder holding what a crashed nndesk
leaves: ``autosave.nndesk`` written by a process that is gone (XOR trained 40 epochs with
momentum).  The window opens as after that crash and is saved as ``session-restore-<lang>.png``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from shots import HERE, each_language, open_window  # (beside this script)


def crashed_session(data: Path) -> None:
    """The autosave a killed nndesk left: its writer's process id is that of a process that has ended."""
    from nndesk.engine.runs.recipe import TrainingRecipe
    from nndesk.engine.runs.session_io import Session, save_session

    recipe = TrainingRecipe.for_dataset("xor", optimizer="momentum", epochs=40, learning_rate=0.3)
    net = recipe.build_network(2, 2)
    trainer = recipe.make_trainer(net, recipe.load_data())
    list(trainer.epochs())
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    (data / "nndesk").mkdir(parents=True)
    save_session(data / "nndesk" / "autosave.nndesk",
                 Session(net, recipe, tuple(trainer.history), trainer.optimizer, pace=20.0, pid=gone.pid))


def take(lang: str, out_dir: Path) -> None:
    data = Path(tempfile.mkdtemp())
    os.environ["XDG_DATA_HOME"] = str(data)
    crashed_session(data)
    app, window = open_window(lang)
    assert window.restore_banner.isVisible()
    app.processEvents()
    window.grab().save(str(out_dir / f"session-restore-{lang}.png"))
    window.close()


def main() -> int:
    return each_language(__file__, lambda lang: [f"session-restore-{lang}.png"])


if __name__ == "__main__":
    if len(sys.argv) == 2:
        take(sys.argv[1], HERE)
    else:
        sys.exit(main())
