"""File ▸ Export… in the real window: the dialog gets the window's network, and what it writes is that network."""

from __future__ import annotations

import importlib.util

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from nndesk.engine.export.formats import ExportFormat


def test_file_export_writes_the_windows_network_as_a_numpy_script(qtbot, window, tmp_path):
    assert window.export_action in window.file_menu.actions()
    assert window.export_action.text() == "&Export…"
    window.export_action.trigger()
    dialog = window.export_dialog
    qtbot.waitExposed(dialog)
    assert dialog.windowModality() == Qt.WindowModality.WindowModal  # open(): training reports keep coming
    assert dialog.job.network is not window.document.network  # a copy: training may go on meanwhile
    QTest.mouseClick(dialog.choices[ExportFormat.NUMPY], Qt.MouseButton.LeftButton)
    dialog.path_edit.setFocus()
    QTest.keySequence(dialog.path_edit, "Ctrl+A")
    QTest.keyClicks(dialog.path_edit, str(tmp_path / "window_net.py"))
    with qtbot.waitSignal(dialog.exported) as done:
        QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert done.args == [tmp_path / "window_net.py"]
    assert str(tmp_path / "window_net.py") in window.status.currentMessage()
    spec = importlib.util.spec_from_file_location("window_net", tmp_path / "window_net.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    x = window.source.train.inputs(slice(0, 50))
    assert np.abs(module.predict(x) - window.document.network.feedforward(x)).max() <= 1e-6


def test_the_pytorch_folder_gets_the_part_of_the_data_the_recipe_trains_on(window):
    job = window.export_job()
    fit, _ = window.recipe.split(window.source)
    assert job.data is not None and np.array_equal(job.data.y, fit.y)
    assert job.preprocessing == "mnist-centre-of-mass-28" and job.recipe is window.recipe
