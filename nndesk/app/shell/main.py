"""Starting the GUI: ``nndesk`` with no subcommand, or ``python -m nndesk.app.shell.main``.

Sets up the QApplication (names for QSettings, the icon and the desktop
entry it belongs to, the language, light/dark), opens the main window and,
if given, a model file.  ``--lang`` overrides the
language chosen in the menu, which overrides the system locale.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from nndesk import __version__
from nndesk.app.shell import i18n, settings
from nndesk.app.style import theme
from nndesk.paths import resource

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)  # resources/icons/nndesk-<size>.png


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="nndesk", description="A desktop lab for learning neural networks.")
    parser.add_argument("model", nargs="?", help="a model file (.npz) to open")
    parser.add_argument("--lang", choices=sorted(i18n.LANGUAGES), help="UI language (default: system or menu)")
    parser.add_argument("--theme", choices=theme.THEMES, default="system",
                        help="light or dark (default: follow the system)")
    parser.add_argument("--version", action="version", version=f"nndesk {__version__}")
    return parser.parse_args(list(argv))


def app_icon() -> QIcon:
    """nndesk's icon at every size it ships (and the SVG for the rest); files missing from a broken
    installation are skipped, never fatal."""
    icon = QIcon()
    for name in [f"icons/nndesk-{size}.png" for size in ICON_SIZES] + ["icons/nndesk.svg"]:
        try:
            icon.addFile(str(resource(name)))
        except FileNotFoundError:
            continue
    return icon


def make_app(args: argparse.Namespace) -> QApplication:
    """The QApplication, or the one already running (tests), set up for nndesk."""
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("nndesk")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())  # every window's title bar, the task bar, Alt+Tab
    app.setDesktopFileName("nndesk")  # Wayland and task bars match windows to nndesk.desktop by this name
    theme.apply(app, args.theme)
    i18n.install(args.lang or settings.language() or None)
    return app


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = make_app(args)
    from nndesk.app.shell.main_window import MainWindow  # after the translator, so strings come out translated

    window = MainWindow()
    window.show()
    if args.model:
        window.load_model(args.model)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
