"""The command line speaks Russian with ``--lang ru`` or a Russian locale, from the window's catalogue.

English stays as it was (tests/test_cli.py) and JSON stays English: it is for programs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from nndesk import cli, engine_texts, language

LOCALE = language.LOCALE_VARIABLES


@pytest.fixture(autouse=True)
def english_afterwards(monkeypatch):
    for variable in LOCALE:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield
    language.speak("en")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_error_line_is_russian_with_lang_ru(capsys):
    code, out, err = run(capsys, "train", "--lang", "ru", "--dataset", "no-such-set", "--epochs", "1")
    assert code == 1 and out == ""
    assert err == ("nndesk: ошибка: no-such-set: не имя набора данных и не существующий файл или папка; выберите "
                   "один из наборов mnist-bundled, xor, circles, spiral, gaussians, lecture, my-digits или укажите "
                   "файл .npz либо папку с файлами MNIST IDX\n")


def test_training_speaks_russian_in_a_russian_locale(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    code, out, err = run(capsys, "train", "--dataset", "gaussians", "--epochs", "2", "--layers", "3")
    assert code == 0 and err == ""
    description, network, *epochs, summary = out.splitlines()
    assert description.startswith("два гауссовых облака: разделяются одной прямой (точек: 500, шум ")
    assert network.startswith("сеть 2-3-2 ") and network.endswith("обучающих примеров: 450, проверка: отложенные, 50")
    assert [line.split()[:2] for line in epochs] == [["эпоха", "1/2"], ["эпоха", "2/2"]]
    assert summary.startswith("готово: точность ") and "на отложенных примерах после эпох: 2" in summary
    assert summary.endswith("не сохранено (добавьте --out ФАЙЛ, чтобы сохранить)")
    percent = summary.split("точность ")[1].split("%")[0]
    assert "," in percent and "." not in percent, "numbers are written the Russian way"


def test_help_is_russian_and_lists_lang(capsys):
    code, out, _ = run(capsys, "--lang", "ru", "--help")
    assert code == 0 and out.startswith("использование: nndesk [-h] [--version] [--lang {en,ru}] COMMAND ...")
    assert "\nпараметры:\n" in out and "\nкоманды:\n" in out and "показать эту справку и выйти" in out
    code, out, _ = run(capsys, "train", "--help", "--lang=ru")
    assert code == 0 and out.startswith("использование: nndesk train [-h] --dataset DATA")
    assert "шаг обучения η" in out


def test_json_stays_english_in_russian(capsys):
    code, out, _ = run(capsys, "train", "--dataset", "xor", "--epochs", "1", "--json", "--lang", "ru")
    *epochs, summary = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and summary["evaluated_on"] == "validation" and {"epoch", "train_cost"} <= set(epochs[0])
    assert isinstance(summary["accuracy"], float)


@pytest.mark.parametrize(("env", "argv", "russian"), [
    ({"LANG": "ru_RU.UTF-8"}, [], True),
    ({"LC_MESSAGES": "ru_RU.UTF-8"}, [], True),
    ({"LANG": "ru_RU.UTF-8", "LC_ALL": "C"}, [], False),  # LC_ALL wins, as for every POSIX tool
    ({"LANG": "ru_RU.UTF-8"}, ["--lang", "en"], False),  # --lang wins over the locale
    ({}, ["--lang", "ru"], True),
])
def test_the_language_follows_lang_then_the_locale(capsys, monkeypatch, env, argv, russian):
    for variable, value in env.items():
        monkeypatch.setenv(variable, value)
    code, _, err = run(capsys, *argv, "eval", "--model", "no-such-model.npz", "--dataset", "xor")
    assert code == 1
    assert err.startswith("nndesk: ошибка: no-such-model.npz: не открывается: нет такого файла" if russian
                          else "nndesk: error: no-such-model.npz: cannot open it: No such file"), err


def test_a_language_nndesk_does_not_speak_is_a_usage_error(capsys):
    code, out, err = run(capsys, "--lang", "de", "train", "--dataset", "xor")
    assert code == 2 and out == ""
    assert err == "nndesk: error: argument --lang: invalid choice: 'de' (choose from 'en', 'ru') (see nndesk --help)\n"


ARGPARSE_ERRORS = [  # (the line, what argparse says in English, what the Russian line says)
    (["train"], "the following arguments are required: --dataset", "не хватает обязательных аргументов: --dataset"),
    (["train", "--dataset", "xor", "--preset", "huge"], "argument --preset: invalid choice: 'huge'",
     "аргумент --preset: недопустимое значение 'huge' (выберите из 'digits'"),
    (["train", "--dataset", "xor", "--epochs", "x"], "argument --epochs: invalid int value: 'x'",
     "аргумент --epochs: 'x' — не значение типа int"),
    (["train", "--dataset", "xor", "--epochs"], "argument --epochs: expected one argument",
     "аргумент --epochs: после него нужно значение"),
    (["train", "--dataset", "xor", "--colour"], "unrecognized arguments: --colour", "неизвестные аргументы: --colour"),
    (["train", "--dataset", ""], "argument --dataset: must not be empty", "аргумент --dataset: не может быть пустым"),
]


@pytest.mark.parametrize(("argv", "english", "russian"), ARGPARSE_ERRORS)
def test_argparse_errors_are_one_line_in_either_language(capsys, argv, english, russian):
    code, _, err = run(capsys, *argv)
    assert code == 2 and len(err.splitlines()) == 1 and english in err, err
    code, _, err = run(capsys, *argv, "--lang", "ru")
    assert code == 2 and len(err.splitlines()) == 1
    assert err.startswith("nndesk") and f": ошибка: {russian}" in err and "(см. nndesk" in err, err


def test_every_argparse_template_is_a_message_argparse_really_writes(capsys):
    used = set()
    for argv, _, _ in ARGPARSE_ERRORS:
        _, _, err = run(capsys, *argv)
        message = err.split("error: ", 1)[1].rsplit(" (see ", 1)[0]
        used.add(engine_texts.template_of(message))
    assert set(engine_texts.ARGPARSE) <= used


def test_a_diverging_run_says_so_in_russian(capsys):
    code, _, err = run(capsys, "train", "--lang", "ru", "--dataset", "xor", "--activation", "relu", "--optimizer",
                       "sgd", "--lr", "100000", "--epochs", "3", "--json")
    assert code == 3 and err.startswith("nndesk: ошибка: обучение разошлось в эпохе "), err
    assert "попробуйте шаг обучения поменьше" in err


def test_the_real_command_in_a_russian_locale_and_english_without_qt():
    env = {k: v for k, v in os.environ.items() if k not in LOCALE}
    russian = subprocess.run([sys.executable, "-m", "nndesk", "train", "--dataset", "xor", "--epochs", "1"],
                             env={**env, "LANG": "ru_RU.UTF-8"}, capture_output=True, text=True, timeout=120)
    assert russian.returncode == 0 and russian.stdout.splitlines()[-1].startswith("готово: точность ")
    probe = ("import sys; from nndesk import cli; code = cli.main(['train', '--dataset', 'xor', '--epochs', '1']); "
             "print('Qt' if 'PySide6.QtCore' in sys.modules else 'no Qt', code)")
    english = subprocess.run([sys.executable, "-c", probe], env={**env, "LANG": "C.UTF-8"}, capture_output=True,
                             text=True, timeout=120)
    lines = english.stdout.splitlines()
    assert lines[-2].startswith("done: accuracy ") and lines[-1] == "no Qt 0", "English needs no Qt"
