"""Which language nndesk speaks, and its catalogue: shared by the window and the command line.

QtCore only.  The window installs the catalogue into its QApplication
(``nndesk.app.shell.i18n``), so ``translate`` goes through
``QCoreApplication.translate`` and follows a live language switch.  The
command line has no application object (``installTranslator`` refuses to
work without one, and a QCoreApplication made here would keep ``nndesk
predict`` from making the QGuiApplication it may need), so ``speak`` keeps
the catalogue here and ``translate`` asks it directly.

English is the source language: it needs no catalogue.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from nndesk.paths import resource

LANGUAGES = {"en": "English", "ru": "Русский"}  # each in its own language, as menus show them
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX: the first one set decides the messages' language
_LOCALES = {"en": QLocale.Language.English, "ru": QLocale.Language.Russian}

log = logging.getLogger(__name__)
_spoken: QTranslator | None = None  # the command line's catalogue (no application to install it in)


def system_language() -> str:
    """The language the environment asks for, if nndesk speaks it, else English.

    On POSIX systems the first of LC_ALL, LC_MESSAGES and LANG that is set
    ("ru_RU.UTF-8" → "ru", "C" → "en"), as every command-line tool reads it;
    without any, the system locale's (Windows, macOS).
    """
    for variable in LOCALE_VARIABLES:
        value = os.environ.get(variable, "")
        if value:
            return _supported(value)
    return _supported(QLocale.system().name())


def _supported(name: str) -> str:
    code = name.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
    return code if code in LANGUAGES else "en"


def resolve(code: str | None) -> str:
    """``code`` if nndesk speaks it; "" or None means the system's language."""
    return code if code and code in LANGUAGES else system_language()


def catalogue(code: str) -> QTranslator | None:
    """nndesk's compiled catalogue for ``code``, loaded; None for English or a missing or damaged file."""
    if code == "en":
        return None
    translator = QTranslator()
    try:
        loaded = translator.load(str(resource(f"nndesk_{code}.qm")))
    except FileNotFoundError:
        loaded = False
    if not loaded:  # the program still works, in English
        log.warning("no usable translation nndesk_%s.qm; using English", code)
        return None
    return translator


def set_number_locale(code: str) -> None:
    """Numbers (``QLocale().toString``) are written as ``code`` writes them: "0,5" in Russian."""
    QLocale.setDefault(QLocale(_LOCALES.get(code, QLocale.Language.English)))


def speak(code: str | None) -> str:
    """The command line speaks ``code`` (None: the environment's) from now on; returns what it got."""
    global _spoken
    code = resolve(code)
    _spoken = catalogue(code)
    code = code if _spoken is not None else "en"
    set_number_locale(code)
    return code


def translate(context: str, text: str) -> str:
    """``text`` in the language spoken now; lupdate collects ``translate("context", "text")`` calls."""
    if _spoken is not None:
        return _spoken.translate(context, text) or text
    return QCoreApplication.translate(context, text)


class Number(float):
    """A number that formats itself as the language writes numbers: ``f"{Number(0.5):.3f}"`` is "0,500" in Russian.

    Python's format specs keep working in translated templates ("a = {a:.3f}"),
    so a catalogue never has to know how a number is written.
    """

    def __format__(self, spec: str) -> str:
        return localized(format(float(self), spec))


def localized(english: str) -> str:
    """A number written the English way ("1,234.5", "60,000×28×28") as the language writes it ("1 234,5")."""
    locale = QLocale()
    return english.translate({ord("."): locale.decimalPoint(), ord(","): locale.groupSeparator()})
