"""Sessions in the real window: save, change things, open → all as it was; hostile files, and a session the
window can't show, change nothing and say so once; a good one while training asks first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtWidgets import QComboBox, QMessageBox, QSpinBox

from nndesk.engine.runs.session_io import load_session
from tests.app.people import answer_next_dialog, pick, type_number
from tests.app.shell.session_window import click, train_xor
from tests.engine.runs import session_parts as parts


@pytest.fixture
def trained(qtbot, window):
    return train_xor(qtbot, window)


HOSTILE = ["nan weights in the model", "a model that fails model_check", "garbage layout bytes", "huge json",
           "an unknown member", "a digit labelled 42", "a run that is not one", "a newer format"]


def state_of(window) -> dict[str, Any]:
    t = window.trainer
    return {"weights": [p.copy() for p in window.document.network.parameters()], "sizes": window.document.sizes,
            "history": [s.as_dict() for s in t.history], "plotted": window.loss_plot.epochs.n,
            "optimizer": {k: np.array(v, copy=True) for k, v in t.optimizer.state().items()},
            "optimizer_name": t.optimizer.name, "recipe": window.recipe, "hyper": t.control.hyper,
            "pace": t.pace.epochs_per_second, "dataset": window.recipe.dataset,
            "digits": [window.my_digits.ink.copy(), window.my_digits.x.copy(), window.my_digits.y.copy()],
            "runs": window.runs.to_list(), "docks": {d.objectName(): d.isVisible() for d in window.all_docks()},
            "size": (window.width(), window.height())}


def assert_same(after: dict[str, Any], before: dict[str, Any]) -> None:
    assert len(after["weights"]) == len(before["weights"])
    assert all(np.array_equal(a, b) for a, b in zip(after["weights"], before["weights"]))
    assert after["optimizer"].keys() == before["optimizer"].keys() and after["optimizer"]
    assert all(np.array_equal(after["optimizer"][k], before["optimizer"][k]) for k in before["optimizer"])
    np.testing.assert_equal(after["history"], before["history"])
    for key in ("sizes", "plotted", "optimizer_name", "recipe", "hyper", "pace", "dataset", "runs", "docks", "size"):
        assert after[key] == before[key], key
    assert all(np.array_equal(a, b) for a, b in zip(after["digits"], before["digits"]))


def test_save_change_everything_open_all_as_it_was(qtbot, trained, tmp_path):
    window = trained
    window.loss_dock.close()  # the layout: a dock closed, the window smaller
    window.resize(1100, 720)
    qtbot.waitUntil(lambda: window.width() == 1100)
    before = state_of(window)
    assert before["runs"] and before["pace"] == 100.0 and len(before["digits"][2]) == 4
    taught = {"my_digits": 4, "held_out": 1, "held_out_turn": 0}  # as if a Teach had run: it goes with the network
    window.taught_with = taught
    assert window.save_session(tmp_path / "lesson.nndesk")
    window.taught_with = None

    answer_next_dialog(QMessageBox.StandardButton.Discard)  # the trained network is unsaved as a model
    assert window.use_dataset("circles")
    window.trainer.update(learning_rate=0.01, batch_size=7)
    from nndesk.engine.data.my_digits import MyDigits
    window.set_my_digits(MyDigits())
    window.set_runs([])
    window.loss_dock.show()
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.width() == 1280)
    assert window.recipe.dataset == "circles" and window.trainer.optimizer is None

    assert window.open_session(tmp_path / "lesson.nndesk")
    qtbot.waitUntil(lambda: window.width() == 1100)
    assert_same(state_of(window), before)
    assert window.taught_with == taught
    assert window.model_path is None and not window.isWindowModified()
    with qtbot.waitSignal(window.trainer.finished, timeout=30_000):  # and it trains on from there
        click(window, "trainButton")
    assert [s.epoch for s in window.trainer.history] == [1, 2, 3, 4]


def the_one_dialog(qtbot, window, path: Path) -> None:
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1, [b.text() for b in boxes]
    assert boxes[0].text() == window.tr("The file is damaged or is not an nndesk session. Nothing was changed.")
    assert str(path) in boxes[0].detailedText()
    boxes[0].button(QMessageBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: not any(b.isVisible() for b in window.findChildren(QMessageBox)))


def test_hostile_sessions_while_training_change_nothing(qtbot, trained, tmp_path):
    from tests.engine.runs.test_session_hostile import CASES

    window, trainer = trained, trained.trainer
    good = tmp_path / "good.nndesk"
    assert window.save_session(good)
    files = []
    for i, name in enumerate(HOSTILE):
        m = parts.members(good)
        CASES[name][0](m)
        files.append(parts.rezip(tmp_path / f"{i}.nndesk", m))
    cut = tmp_path / "cut.nndesk"
    cut.write_bytes(good.read_bytes()[:5000])
    files.append(cut)

    type_number(window.findChild(QSpinBox, "epochsBox"), 100_000)
    with qtbot.waitSignal(trainer.epochFinished, timeout=30_000):
        click(window, "trainButton")
    network, optimizer, title = window.document.network, trainer.optimizer, window.windowTitle()
    digits, runs, layout = window.my_digits.y.copy(), len(window.runs), bytes(window.saveState())
    for file in files:
        history = [s.epoch for s in trainer.history]
        assert not window.open_session(file), file
        the_one_dialog(qtbot, window, file)
        assert trainer.state == "running", file
        assert window.document.network is network and trainer.optimizer is optimizer
        assert window.windowTitle() == title and window.recipe.dataset == "xor"
        assert [s.epoch for s in trainer.history][:len(history)] == history  # only ever more epochs
        assert np.array_equal(window.my_digits.y, digits) and len(window.runs) == runs
        assert bytes(window.saveState()) == layout
    with qtbot.waitSignal(trainer.finished, timeout=30_000):
        click(window, "stopButton")


def test_the_file_menu_offers_sessions(window):
    texts = [a.text().replace("&", "") for a in window.file_menu.actions()]
    assert texts.index("Open session…") == texts.index("Save model as…") + 1
    assert texts.index("Save session…") == texts.index("Open session…") + 1 == texts.index("Open data set…") - 1


def test_a_session_with_a_convolutional_network_opens_with_its_layers(qtbot, window, tmp_path):
    from nndesk.engine.core.convnet import ConvNet
    from nndesk.engine.runs.recipe import TrainingRecipe
    from nndesk.engine.runs.session_io import Session, save_session

    recipe = TrainingRecipe.from_preset("digits-cnn", features=("conv3x3x2", "pool2"), hidden=(8,))
    built = recipe.build_network(784, 10)
    path = save_session(tmp_path / "cnn.nndesk", Session(built, recipe))
    assert window.open_session(path)
    net = window.document.network
    assert isinstance(net, ConvNet) and net.architecture == built.architecture
    assert all(np.array_equal(a, b) for a, b in zip(net.parameters(), built.parameters(), strict=True))
    assert window.recipe.features == ("conv3x3x2", "pool2")
    assert window.save_session(tmp_path / "again.nndesk")
    assert window.open_session(tmp_path / "again.nndesk") and window.document.network.architecture == net.architecture


def test_hand_made_points_come_back_as_hand_made(qtbot, window, tmp_path):
    """Points the student made are in the session; opened, they are the data set again, still the student's
    (editable, and saved with the next session), with the network trained on them."""
    if not hasattr(window, "use_points"):
        pytest.skip("this window has no hand-made points yet (contract D)")
    pick(window.findChild(QComboBox, "datasetPicker"), "XOR")
    made = parts.points()
    assert window.use_points(made) and window.hand_made_points() is not None
    type_number(window.findChild(QSpinBox, "epochsBox"), 2)
    with qtbot.waitSignal(window.trainer.finished, timeout=30_000):
        click(window, "trainButton")
    weights = [p.copy() for p in window.document.network.parameters()]
    spec = window.recipe.dataset
    assert window.save_session(tmp_path / "points.nndesk")

    answer_next_dialog(QMessageBox.StandardButton.Discard)  # the points, not saved as a data set
    answer_next_dialog(QMessageBox.StandardButton.Discard)  # the trained network, not saved as a model
    assert window.use_dataset("circles") and window.hand_made_points() is None

    assert window.open_session(tmp_path / "points.nndesk")
    back = window.hand_made_points()
    assert back is not None and window.recipe.dataset == spec
    np.testing.assert_array_equal(back.inputs(), made.inputs())
    np.testing.assert_array_equal(back.y, made.y)
    assert all(np.array_equal(a, b) for a, b in zip(window.document.network.parameters(), weights, strict=True))
    assert [s.epoch for s in window.trainer.history] == [1, 2]
    assert not window.undo_stack.canUndo()  # opening is no edit to undo
    assert window.save_session(tmp_path / "again.nndesk")
    assert len(load_session(tmp_path / "again.nndesk").points) == len(made)
    answer_next_dialog(QMessageBox.StandardButton.Discard)  # leave the points, so closing asks nothing
    assert window.use_dataset("xor") and window.hand_made_points() is None


def test_a_good_session_while_training_asks_and_cancel_keeps_the_run(qtbot, trained, tmp_path):
    window, trainer = trained, trained.trainer
    assert window.save_session(tmp_path / "good.nndesk")
    type_number(window.findChild(QSpinBox, "epochsBox"), 100_000)
    with qtbot.waitSignal(trainer.epochFinished, timeout=30_000):
        click(window, "trainButton")
    network = window.document.network
    answer_next_dialog(QMessageBox.StandardButton.Cancel)
    assert not window.open_session(tmp_path / "good.nndesk")
    assert trainer.state == "running" and window.document.network is network

    answer_next_dialog(QMessageBox.StandardButton.Discard)  # stop training, forget what it learned since
    assert window.open_session(tmp_path / "good.nndesk")
    assert not trainer.is_active and [s.epoch for s in trainer.history] == [1, 2]
    assert window.trainer.control.hyper.epochs == 2  # the settings as saved, not the 100,000 typed since
