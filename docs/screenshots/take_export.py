"""Screenshots of File ▸ Export… (issue 13), in English and Russian.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_export.py

Each language runs in its own process (``--lang``, light theme).  The menu
entry opens the dialog, the student clicks "PyTorch folder" and types where
the folder goes; ``export-<lang>.png`` is the dialog as it is then, saved
next to this file.
"""

from __future__ import annotations

import sys
from pathlib import Path

from shots import HERE, each_language, open_window  # (beside this script)

FOLDER = "/home/student/nndesk/digits-pytorch"


def take(lang: str, out_dir: Path) -> None:
    app, window = open_window(lang)
    from PySide6.QtTest import QTest

    from nndesk.engine.export.formats import ExportFormat
    from tests.app.people import LEFT

    window.export_action.trigger()
    dialog = window.export_dialog
    QTest.qWaitForWindowExposed(dialog)
    QTest.mouseClick(dialog.choices[ExportFormat.PYTORCH], LEFT)
    dialog.path_edit.setFocus()
    QTest.keySequence(dialog.path_edit, "Ctrl+A")
    QTest.keyClicks(dialog.path_edit, FOLDER)
    dialog.adjustSize()
    app.processEvents()
    dialog.grab().save(str(out_dir / f"export-{lang}.png"))
    dialog.reject()
    window.document.set_modified(False)
    window.close()


if __name__ == "__main__":
    if len(sys.argv) > 1:
        take(sys.argv[1], HERE)
    else:
        sys.exit(each_language(__file__, lambda lang: [f"export-{lang}.png"]))
