"""An opened model's window tells one story: the status bar counts the epochs the cost plot shows."""

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
