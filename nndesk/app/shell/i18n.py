"""Which language the UI speaks, and switching it while the app runs.

Strings are marked with ``self.tr`` / ``QCoreApplication.translate``;
``packaging/update_translations.py`` collects them into ``resources/nndesk_ru.ts``
and compiles the ``.qm`` that ships.  English is the source language, so
English needs no catalogue.  Qt's own ``qtbase_ru.qm`` translates the
standard buttons (OK, Cancel, …) of message boxes and file dialogs.

Switching installs new translators; Qt then sends every widget a
``LanguageChange`` event, and each widget re-reads its strings in
``changeEvent`` (see ``MainWindow.retranslate``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from nndesk.paths import resource

LANGUAGES = {"en": "English", "ru": "Русский"}  # each in its own language, as menus show them

_installed: list[QTranslator] = []
log = logging.getLogger(__name__)


def system_language() -> str:
    """The system locale's language if nndesk speaks it, else English."""
    name = QLocale.system().name().split("_")[0]
    return name if name in LANGUAGES else "en"


def resolve(code: str | None) -> str:
    """``code`` if supported; "" or None means follow the system."""
    if code and code in LANGUAGES:
        return code
    return system_language()


def install(code: str | None) -> str:
    """Make the running app speak ``code`` ("ru", "en", or None for the system's); returns it."""
    app = QCoreApplication.instance()
    code = resolve(code)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if code != "en":
        ours = QTranslator(app)
        try:
            loaded = ours.load(str(resource(f"nndesk_{code}.qm")))
        except FileNotFoundError:
            loaded = False
        if not loaded:  # a missing or damaged catalogue: the app still starts, in English
            log.warning("no usable translation nndesk_%s.qm; using English", code)
            code = "en"
        else:
            _installed.append(ours)
    if code != "en":
        qt_own = QTranslator(app)
        if qt_own.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt_own)
    for translator in _installed:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Russian if code == "ru" else QLocale.Language.English))
    return code


def current() -> str:
    """The language installed last ("en" when no catalogue is installed)."""
    return "ru" if _installed else "en"
