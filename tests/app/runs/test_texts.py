"""What differs, said in the student's language: names from the catalogue, numbers the language's way."""

from __future__ import annotations

from nndesk.app.runs.texts import change_text, legend_texts, what_text
from nndesk.engine.runs.run_log import RunLog, changes

BASE = {"dataset": "xor", "layers": [2, 8, 2], "learning_rate": 0.1, "optimizer": "momentum", "momentum": 0.9,
        "epochs": 10}


def runs(*settings: dict):
    log = RunLog()
    return [log.start({**BASE, **s}) for s in settings]


def test_legend_says_what_each_run_changed_from_the_first(language):
    a, b, c = runs({}, {"learning_rate": 1.0}, {"momentum": 0.0, "layers": [2, 100, 2]})
    lines = legend_texts([a, b, c], dataset_name=str.upper)
    if language == "ru":
        assert lines == ["Запуск 1: η 0,1, скрытые 8, момент 0,9", "Запуск 2: η 0,1 → 1",
                         "Запуск 3: скрытые 8 → 100, без момента"]
    else:
        assert lines == ["Run 1: η 0.1, hidden 8, momentum 0.9", "Run 2: η 0.1 → 1",
                         "Run 3: hidden 8 → 100, momentum off"]


def test_the_same_settings_and_a_single_run(qtbot):
    a, b = runs({}, {})
    assert legend_texts([a, b]) == ["Run 1", "Run 2: same settings"]
    assert legend_texts([a]) == ["Run 1"] and legend_texts([]) == []


def test_what_a_row_says(qtbot):
    a, b, c = runs({}, {"dataset": "circles"}, {"dataset": "circles", "continued_from": 20})
    assert what_text(a, None) == "first run · training…"
    b.end("diverged")
    assert what_text(b, a, dataset_name={"xor": "XOR", "circles": "circles"}.get) == "data XOR → circles · diverged"
    c.end("finished")
    assert what_text(c, b) == "continued after epoch 20"
    c.label = "my best"
    assert what_text(c, b) == "my best"


def test_each_kind_of_change(qtbot):
    a, b = runs({"augment": False, "l2": 0.0}, {"augment": True, "l2": 0.001, "optimizer": "adam"})
    assert [change_text(c) for c in changes(a, b)] == ["optimizer momentum → adam", "L2 λ 0 → 0.001",
                                                      "augmentation on"]
