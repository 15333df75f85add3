"""Every string of the GUI is in Russian, in the lecture's words, and the language switches live."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QToolButton,
    QWidget,
)

from nndesk import language
from nndesk.app.shell import i18n
from nndesk.app.shell.main import parse_args
from nndesk.paths import resource
from tests.app.people import stroke

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
    fresh = tmp_path / "nndesk_ru.ts"  # a fresh scan of the sources must find nothing the .ts lacks
    shutil.copy(ts, fresh)
    subprocess.run([tool.tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", *tool.sources(),
                    "-ts", str(fresh)], cwd=ROOT, check=True, capture_output=True)
    assert tool.untranslated(fresh) == [], "new strings in nndesk have no Russian translation yet"


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

    monkeypatch.setattr(language, "resource", broken)
    with caplog.at_level("WARNING", logger="nndesk.language"):
        assert i18n.install("ru") == "en"
    assert i18n.current() == "en" and "nndesk_ru.qm" in caplog.text
    assert QCoreApplication.translate("TrainingDock", "Train") == "Train"


# ---- Qt's own dialogs, the Language menu, numbers and error details (issue 15) ----------------------------

LATIN = re.compile(r"[A-Za-z]{2,}")


def _when_modal(kind: type, act) -> None:
    """Call ``act(dialog)`` once a modal ``kind`` is open (inside its event loop, as a person would act)."""
    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(20, look)
    QTimer.singleShot(0, look)


def _words(dialog: QWidget) -> list[str]:
    """Every label, button text and tooltip the dialog shows."""
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton) if w.isVisible()]
    return [t for t in texts + [w.toolTip() for w in dialog.findChildren(QWidget) if w.isVisible()] if t]


def test_file_open_speaks_russian_and_a_bad_model_is_explained_in_russian(qtbot, english, window, tmp_path):
    window.language_actions["ru"].trigger()
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Файл")
    from nndesk.app.shell import settings

    bad = tmp_path / "broken.npz"
    bad.write_bytes(b"not a zip at all")
    settings.settings().setValue(settings.LAST_MODEL_DIR, str(tmp_path))  # the dialog opens where models were
    seen: list[str] = []

    def open_the_file(dialog: QFileDialog) -> None:
        seen.extend(_words(dialog))
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        QTest.keyClicks(name, bad.name)
        QApplication.processEvents()  # the completer's list of matching names pops up
        if QApplication.activePopupWidget() is not None:
            QTest.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Escape)
        QTest.keyClick(name, Qt.Key.Key_Return)

    _when_modal(QFileDialog, open_the_file)
    QTest.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # File ▸ Open model…
    assert "&Перейти к:" in seen and "&Типы файлов:" in seen and "&Имя файла:" in seen
    assert not [t for t in seen if LATIN.search(t)], "English left in the file dialog"

    box = window.findChild(QMessageBox, "nndeskMessage")
    qtbot.waitUntil(lambda: box.isVisible())
    assert re.search("[а-я]{4}", box.text()), box.text()  # the window's own sentence
    assert box.informativeText() == f"{bad}: не файл модели nndesk (не архив .npz)"
    assert box.detailedText() == f"{bad}: is not an nndesk model file (not an .npz archive)"  # the engine's own
    assert box.button(QMessageBox.StandardButton.Close).text() == "Закрыть"
    assert "Показать подробности" in "".join(b.text() for b in box.buttons())
    box.button(QMessageBox.StandardButton.Close).click()


def test_an_error_nndesk_has_no_wording_for_keeps_only_the_english_details(qtbot, english, window):
    i18n.install("ru")
    box = window.show_message("t", "x", QMessageBox.Icon.Warning, "something: the engine said something new")
    assert box.informativeText() == "" and box.detailedText() == "something: the engine said something new"
    box.close()


def test_standard_buttons_of_qt_dialogs_are_russian(qapp, english):
    i18n.install("ru")
    buttons = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "t", "x", buttons.Yes | buttons.No | buttons.Save | buttons.Discard
                      | buttons.Cancel | buttons.Open | buttons.Close)
    texts = {b: box.button(b).text() for b in (buttons.Yes, buttons.No, buttons.Save, buttons.Discard,
                                               buttons.Cancel, buttons.Open, buttons.Close)}
    assert texts[buttons.Yes] == "&Да" and texts[buttons.Cancel] == "Отмена" and texts[buttons.Close] == "Закрыть"
    assert not [t for t in texts.values() if LATIN.search(t)]
    assert set(i18n.QT_GAPS) == {"&Look in:", "Files of &type:"}
    for gap in i18n.QT_GAPS:  # ours fills what Qt's catalogue lacks
        assert not LATIN.search(QCoreApplication.translate("QFileDialog", gap))


@pytest.mark.parametrize(("saved", "lang", "checked"), [("", "ru", "ru"), ("en", "ru", "ru"), ("ru", None, "ru"),
                                                        ("", None, ""), ("ru", "en", "en")])
def test_the_language_menu_checks_the_language_the_app_speaks(qtbot, english, monkeypatch, saved, lang, checked):
    from nndesk.app.shell import settings
    from nndesk.app.shell.main import make_app
    from nndesk.app.shell.main_window import MainWindow

    for variable in language.LOCALE_VARIABLES:
        monkeypatch.setenv(variable, "en_GB.UTF-8")  # the system speaks English
    settings.set_language(saved)
    make_app(parse_args(["--lang", lang] if lang else []))
    window = MainWindow()
    qtbot.addWidget(window)
    assert [code for code, action in window.language_actions.items() if action.isChecked()] == [checked]
    assert window.file_menu.title() == ("&Файл" if (lang or saved or "en") == "ru" else "&File")


def test_numbers_on_the_canvas_and_the_histograms_use_the_russian_decimal_comma(qtbot, english, window):
    from PySide6.QtWidgets import QToolTip

    from nndesk.app.canvas.items import NeuronItem
    from nndesk.app.views.histograms import HistogramsView

    window.language_actions["ru"].trigger()
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Файл")
    pad = window.draw_widget.pad
    pad.resize(280, 280)
    stroke(pad, [(140, 40), (141, 90), (140, 150), (139, 200), (140, 245)])  # the canvas shows its activations
    neurons = [item for item in window.canvas.scene().items()
               if isinstance(item, NeuronItem) and item.value is not None and item.rect().width() >= 22]
    assert neurons, "no neuron shows its value"
    for neuron in neurons:
        assert re.fullmatch(r"-?\d+,\d\d", neuron.value_text()), neuron.value_text()

    neuron = neurons[-1]
    view = window.canvas
    at = view.mapFromScene(neuron.scenePos())
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, at, view.viewport().mapToGlobal(at)))
    assert re.search(r"a = -?\d+,\d{3}", QToolTip.text()), QToolTip.text()

    histograms = HistogramsView()
    qtbot.addWidget(histograms)
    histograms.update_snapshot([np.linspace(-0.4, 0.4, 50, dtype=np.float32).reshape(5, 10)])
    ticks = histograms._weight_plots[0].getAxis("bottom").tickStrings([-0.4, 0.0, 0.5], 1.0, 0.1)
    assert ticks == ["-0,4", "0", "0,5"]
