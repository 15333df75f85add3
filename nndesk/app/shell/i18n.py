"""Which language the UI speaks, and switching it while the app runs.

Strings are marked with ``self.tr`` / ``QCoreApplication.translate``;
``packaging/update_translations.py`` collects them into ``resources/nndesk_ru.ts``
and compiles the ``.qm`` that ships (``nndesk.language`` loads it, for the
command line too).  English is the source language, so English needs no
catalogue.  Qt's own ``qtbase_ru.qm`` translates the standard buttons (OK,
Cancel, …) of message boxes and file dialogs; the few Qt strings it lacks are
in ours (``QT_GAPS``).

Switching installs new translators; Qt then sends every widget a
``LanguageChange`` event, and each widget re-reads its strings in
``changeEvent`` (see ``MainWindow.retranslate``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QTranslator

from nndesk.language import LANGUAGES, catalogue, resolve, set_number_locale, system_language

__all__ = ["LANGUAGES", "QT_GAPS", "current", "install", "menu_choice", "system_language"]

# Qt 6.10+ gave the file dialog's labels mnemonics ("&Look in:"); qtbase_ru.qm still has only the old
# "Look in:", so these stayed English.  Ours is searched after Qt's (installed first, asked last), so it
# fills exactly what Qt's lacks; tests/app/shell/test_i18n.py finds any new gap in the dialogs nndesk opens.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)

_installed: list[QTranslator] = []
_current = "en"


def install(code: str | None) -> str:
    """Make the running app speak ``code`` ("ru", "en", or None for the system's); returns it."""
    global _current
    app = QCoreApplication.instance()
    code = resolve(code)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ours = catalogue(code)
    if ours is None:  # English, or a missing or damaged catalogue: the app still starts, in English
        code = "en"
    else:
        ours.setParent(app)
        _installed.append(ours)
        qt_own = QTranslator(app)
        if qt_own.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt_own)  # installed after ours, so asked first: Qt's wording wins where it has one
    for translator in _installed:
        app.installTranslator(translator)
    set_number_locale(code)
    _current = code
    return code


def current() -> str:
    """The language installed last ("en" when no catalogue is installed)."""
    return _current


def menu_choice(saved: str) -> str:
    """Which Language menu entry to check: the saved choice ("" = system language) when that is what
    the app speaks, else the language it speaks (``--lang`` overrides the menu's choice)."""
    return saved if resolve(saved) == current() else current()
