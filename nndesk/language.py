"""Which language nndesk speaks, and its catalogue: shared by the window and the command line.

The window installs the catalogue into its QApplication
(``nndesk.app.shell.i18n``), so ``translate`` goes through
``QCoreApplication.translate`` and follows a live language switch.  The
command line has no application object (``installTranslator`` refuses to
work without one, and a QCoreApplication made here would keep ``nndesk
predict`` from making the QGuiApplication it may need), so ``speak`` keeps
the catalogue here and ``translate`` asks it directly.

English is the source language: it needs no catalogue, and no Qt either.
QtCore is imported only when a catalogue or a locale is needed, so the
English command line starts without it (0.15 s less on every call).
"""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

from nndesk.paths import resource

if TYPE_CHECKING:
    from PySide6.QtCore import QLocale, QTranslator

LANGUAGES = {"en": "English", "ru": "Русский"}  # each in its own language, as menus show them
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX: the first one set decides the messages' language

log = logging.getLogger(__name__)
_spoken: QTranslator | None = None  # the command line's catalogue (no application to install it in)
_numbers: QLocale | None = None  # how numbers are written; None: Python's (English) way


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate looks for this very name)
    """Marks ``text`` for lupdate, to be translated later in ``context``; returns it unchanged."""
    return text


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
    from PySide6.QtCore import QLocale

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
    from PySide6.QtCore import QTranslator

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
    """Numbers are written as ``code`` writes them ("0,5" in Russian): ``Number``, and Qt's ``QLocale()``."""
    global _numbers
    if code == "en" and "PySide6.QtCore" not in sys.modules:
        _numbers = None  # nothing of Qt's to tell, and English is Python's own way
        return
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale(QLocale.Language.Russian if code == "ru" else QLocale.Language.English))
    _numbers = None if code == "en" else QLocale()


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
    if "PySide6.QtCore" not in sys.modules:  # no catalogue can be installed without Qt: English
        return text
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text)


class Number:
    """A number that formats itself as the language writes numbers: ``f"{Number(0.5):.3f}"`` is "0,500" in Russian.

    Python's format specs keep working in translated templates ("a = {a:.3f}"),
    so a catalogue never has to know how a number is written.  Whole numbers
    stay whole ("{n:,}" of 5000 is "5 000"); numpy scalars become Python's.
    """

    __slots__ = ("value",)

    def __init__(self, value: float) -> None:
        self.value = value.item() if hasattr(value, "item") else value

    def __format__(self, spec: str) -> str:
        return localized(format(self.value, spec))

    def __str__(self) -> str:
        return format(self, "")


def localized(english: str) -> str:
    """A number written the English way ("1,234.5", "60,000×28×28") as the language writes it ("1 234,5")."""
    if _numbers is None:
        return english
    return english.translate({ord("."): _numbers.decimalPoint(), ord(","): _numbers.groupSeparator()})
