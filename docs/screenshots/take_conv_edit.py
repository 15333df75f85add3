"""Screenshots of editing convolutions on the canvas (issue 14), in English and Russian.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_conv_edit.py

Each language runs in its own process (``--lang``, light theme).  The window
opens with the digits network; "+ conv" after the input and "+ pool" after
it make it a CNN (what the student's clicks do, through ``ConvEditor``).
Then the first convolution's right-click menu with its "Kernel size" submenu
is shown over the window (``conv-edit-<lang>-menu.png``), and the message a
refused edit gives — a fourth 2×2 pooling on 3×3 maps — (``…-refused.png``).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from shots import HERE, each_language, open_window  # (beside this script)


def _composite(window, canvas, menus) -> object:
    """The canvas and the open menus over it, as they are on the screen (cut from the window's picture)."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QPainter

    picture = window.grab()
    painter = QPainter(picture)
    area = QRect(canvas.mapTo(window, canvas.rect().topLeft()), canvas.size())
    for menu in menus:
        at = window.mapFromGlobal(menu.pos())
        painter.drawPixmap(at, menu.grab())
        area = area.united(QRect(at, menu.size()))
    painter.end()
    return picture.copy(area)


def take(lang: str, out_dir: Path) -> None:
    app, window = open_window(lang)
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox

    for dock in window.findChildren(QDockWidget):  # the canvas as wide as the window
        dock.hide()
    editor, canvas = window.canvas.conv_editor, window.canvas
    editor.add_conv(0)
    editor.add_pool(1)
    app.processEvents()
    canvas.fit()
    app.processEvents()
    stack = canvas.columns[1]
    at = canvas.viewport().mapToGlobal(canvas.mapFromScene(stack.sceneBoundingRect().bottomRight()))
    menu = editor.context_menu(1)
    menu.popup(at)
    app.processEvents()
    kernel = next(a for a in menu.actions() if a.menu() is not None)
    menu.setActiveAction(kernel)
    sub = kernel.menu()
    sub.popup(menu.pos() + QPoint(menu.width() - 4, menu.actionGeometry(kernel).top()))
    app.processEvents()
    _composite(window, canvas, [menu, sub]).save(str(out_dir / f"conv-edit-{lang}-menu.png"))
    sub.close()
    menu.close()

    for position in (2, 3, 4, 5):  # the maps: 12 → 6 → 3 → 1, and a 2×2 pooling of 1×1 maps is refused
        editor.add_pool(position)
    app.processEvents()
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    box.grab().save(str(out_dir / f"conv-edit-{lang}-refused.png"))
    box.close()
    window.document.set_modified(False)
    window.close()


def main() -> int:
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":  # a 1280×800 screen, as the tests have
        os.environ["QT_QPA_PLATFORM"] += f":configfile={HERE.parent.parent / 'tests/app/offscreen-screen.json'}"
    return each_language(__file__, lambda lang: [f"conv-edit-{lang}-{s}.png" for s in ("menu", "refused")])


if __name__ == "__main__":
    if len(sys.argv) > 1:
        os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp()  # no autosave of another session to restore
        take(sys.argv[1], HERE)
    else:
        sys.exit(main())
