"""An opened model's window tells one story: the status bar counts the epochs the cost plot shows, and the
title names the file the work came from."""

from __future__ import annotations


def test_the_status_bar_counts_an_opened_models_epochs(qtbot, window, trained_digits_model) -> None:
    assert window.load_model(trained_digits_model)
    epochs = len(window.trainer.history)
    assert epochs == 8 and window.loss_plot.epochs.n == epochs
    assert window.status.epoch_label.text() == f"Epoch {epochs} of {epochs}"  # not "Epoch 0 of 8"
    assert window.status.progress.value() == window.status.progress.maximum()


def test_and_a_session_opened_after_it_too(qtbot, window, trained_digits_model, tmp_path) -> None:
    assert window.load_model(trained_digits_model)
    path = tmp_path / "lab.nndesk"
    assert window.save_session(path)
    window.trainer.reset()
    assert window.status.epoch_label.text().startswith("Epoch 0 of")
    assert window.open_session(path)
    assert window.status.epoch_label.text() == "Epoch 8 of 8"
    assert window.windowTitle() == "lab.nndesk[*] — nndesk"  # not "untitled"; Save still writes a model file


def test_the_title_names_the_session_saved_and_forgets_it_with_new_data(qtbot, window, tmp_path) -> None:
    from PySide6.QtWidgets import QComboBox

    from tests.app.people import pick

    assert window.windowTitle() == "untitled[*] — nndesk"
    assert window.save_session(tmp_path / "class.nndesk")
    assert window.windowTitle() == "class.nndesk[*] — nndesk"
    pick(window.findChild(QComboBox, "datasetPicker"), "XOR")
    assert window.windowTitle() == "untitled[*] — nndesk"
