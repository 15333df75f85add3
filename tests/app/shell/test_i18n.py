"""Every string of the GUI is in Russian, in the lecture's words, and the language switches live."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QToolButton

from nndesk.app.shell import i18n
from nndesk.app.shell.main import parse_args
from nndesk.paths import resource

ROOT = Path(__file__).resolve().parents[3]
LECTURE_TERMS = ("функция стоимости ошибки", "шаг обучения", "коэффициент смещения", "функция активации",
                 "скрытый слой", "обратное распространение ошибки")


def _tool():
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "packaging" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def english(qapp):
    yield
    i18n.install("en")


def test_every_string_in_the_app_has_a_russian_translation(tmp_path):
    tool = _tool()
    ts = ROOT / "resources" / "nndesk_ru.ts"
    assert tool.untranslated(ts) == [], "translate the new strings in resources/nndesk_ru.ts"
    fresh = tmp_path / "nndesk_ru.ts"  # a fresh scan of nndesk/app/*.py must find nothing the .ts lacks
    shutil.copy(ts, fresh)
    subprocess.run([tool.tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", *tool.sources(),
                    "-ts", str(fresh)], cwd=ROOT, check=True, capture_output=True)
    assert tool.untranslated(fresh) == [], "new strings in nndesk/app have no Russian translation yet"


def test_the_russian_ui_speaks_the_lectures_terms():
    text = (ROOT / "resources" / "nndesk_ru.ts").read_text(encoding="utf-8").lower()
    for term in LECTURE_TERMS:
        assert term in text, term


def test_the_qm_ships_and_loads(qapp, english):
    assert resource("nndesk_ru.qm").stat().st_size > 1000
    assert i18n.install("ru") == "ru" and i18n.current() == "ru"
    from PySide6.QtCore import QCoreApplication
    assert QCoreApplication.translate("TrainingDock", "Train") == "Обучить"


def test_switching_language_retranslates_the_open_window(qtbot, english):
    from nndesk.app.shell.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    train = window.findChild(QToolButton, "trainButton")
    assert train.text() == "Train" and window.file_menu.title() == "&File"
    window.language_actions["ru"].trigger()  # Qt posts LanguageChange to every widget
    qtbot.waitUntil(lambda: train.text() == "Обучить")
    assert window.file_menu.title() == "&Файл"
    assert window.training_dock.windowTitle() == "Обучение"
    assert window.loss_plot.getPlotItem().getAxis("bottom").labelText == "эпоха"
    assert "Эпоха" in window.status.epoch_label.text()
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: train.text() == "Train")


def test_command_line_language_and_theme():
    args = parse_args(["--lang", "ru", "--theme", "dark"])
    assert args.lang == "ru" and args.theme == "dark"
    with pytest.raises(SystemExit):
        parse_args(["--lang", "de"])


@pytest.mark.parametrize("problem", ["missing", "damaged"])
def test_a_missing_or_damaged_catalogue_starts_in_english_with_a_warning(qapp, english, monkeypatch, tmp_path,
                                                                         caplog, problem):
    from PySide6.QtCore import QCoreApplication

    def broken(name: str) -> Path:
        if problem == "missing":
            raise FileNotFoundError(name)
        path = tmp_path / name
        path.write_bytes(b"not a Qt translation")
        return path

    monkeypatch.setattr(i18n, "resource", broken)
    with caplog.at_level("WARNING", logger="nndesk.app.shell.i18n"):
        assert i18n.install("ru") == "en"
    assert i18n.current() == "en" and "nndesk_ru.qm" in caplog.text
    assert QCoreApplication.translate("TrainingDock", "Train") == "Train"
