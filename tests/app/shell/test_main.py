"""Starting the GUI: the application's names, icon and desktop entry."""

from __future__ import annotations

from PySide6.QtCore import QSize

from nndesk.app.shell import i18n
from nndesk.app.shell.main import make_app, parse_args


def test_the_app_has_nndesks_icon_at_every_size_and_its_desktop_entry(qapp):
    try:
        app = make_app(parse_args(["--lang", "en"]))
        sizes = app.windowIcon().availableSizes()
        assert {QSize(s, s) for s in (16, 32, 48, 256)} <= set(sizes)
        assert app.desktopFileName() == "nndesk" and app.applicationName()
    finally:
        i18n.install("en")
