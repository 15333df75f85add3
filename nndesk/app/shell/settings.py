"""Where the GUI remembers things between sessions: window layout, language, last files.

One ``QSettings`` factory for the whole app so every widget reads the same
store.  ``NNDESK_SETTINGS`` points it at an .ini file instead of the
platform's store; the tests use that so no run ever sees another's layout.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

ORGANIZATION = "nndesk"
APPLICATION = "nndesk"

# Keys, in one place so a typo is an AttributeError, not a silently new setting.
WINDOW_GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
LAYOUT_VERSION = 3  # bump when docks are added or renamed, so an old layout is ignored
LANGUAGE = "ui/language"  # "ru", "en", or "" for the system locale
LAST_MODEL_DIR = "files/last_model_dir"
LAST_DATA_DIR = "files/last_data_dir"
START_HERE_DISMISSED = "ui/start_here_dismissed"  # the student closed "Start here" with its ×


def settings() -> QSettings:
    """The app's settings store (an .ini file when ``NNDESK_SETTINGS`` is set)."""
    path = os.environ.get("NNDESK_SETTINGS")
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APPLICATION)


def language() -> str:
    """The language the user picked in the menu, or "" to follow the system."""
    return str(settings().value(LANGUAGE, "") or "")


def set_language(code: str) -> None:
    store = settings()
    store.setValue(LANGUAGE, code)
    store.sync()


def start_here_dismissed() -> bool:
    """True once the student closed "Start here" for good (Help ▸ Start here still shows it)."""
    return bool(settings().value(START_HERE_DISMISSED, False, type=bool))


def set_start_here_dismissed(dismissed: bool) -> None:
    store = settings()
    store.setValue(START_HERE_DISMISSED, dismissed)
    store.sync()
