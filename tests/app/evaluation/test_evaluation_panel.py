"""The evaluation view on the ready-trained digits network, clicked and hovered like a person."""

from __future__ import annotations

import os

import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QToolTip

from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.evaluation.panel import EvaluationPanel
from nndesk.engine.runs.evaluation import held_out
from nndesk.engine.runs.model_io import load_model
from tests.app.people import LEFT, NONE


@pytest.fixture(scope="module")
def pretrained():
    model = load_model("resources/digits-pretrained.npz")
    data, split = held_out(model.recipe.load_data(), model.recipe, model.recipe.dataset)
    return model.network, data, split


@pytest.fixture
def panel(qtbot, pretrained):
    network, data, split = pretrained
    doc = NetworkDocument(network.copy(), "digits", (28, 28))
    panel = EvaluationPanel(doc)
    qtbot.addWidget(panel)
    panel.resize(1000, 360)
    panel.show()
    qtbot.waitExposed(panel)
    with qtbot.waitSignal(panel.evaluated, timeout=10000):
        panel.set_data(data, split)
    return panel


def _click_cell(panel, i: int, j: int) -> None:
    QTest.mouseClick(panel.matrix, LEFT, NONE, panel.matrix.cell_rect(i, j).center())


def test_matrix_counts_every_held_out_digit_and_the_gallery_every_mistake(panel, pretrained):
    _, data, _ = pretrained
    m = np.array(panel.matrix.confusion())
    assert m.shape == (10, 10) and m.sum() == len(data) == 500
    assert panel.gallery.count() == m.sum() - np.trace(m) > 0
    assert f"{np.trace(m) / 500 * 100:.1f}%" in panel.summary.text()
    recall, precision = np.diag(m) / m.sum(axis=1), np.diag(m) / m.sum(axis=0)
    assert panel.matrix.recall_texts() == [str(round(100 * r)) for r in recall]  # the right column
    assert panel.matrix.precision_texts() == [str(round(100 * p)) for p in precision]  # the bottom row
    at = panel.matrix.cell_rect(4, 10).center()  # hover class 4's recall
    QApplication.sendEvent(panel.matrix, QHelpEvent(QEvent.Type.ToolTip, at, panel.matrix.mapToGlobal(at)))
    assert QToolTip.text().startswith("Recall of 4: of the digits that are 4")


def test_clicking_a_cell_shows_only_its_mistakes_and_clicking_again_shows_all(panel):
    m = np.array(panel.matrix.confusion())
    off = m - np.diag(np.diag(m))
    i, j = np.unravel_index(np.argmax(off), off.shape)
    _click_cell(panel, i, j)
    assert panel.gallery.count() == m[i, j]
    assert all((panel.result().labels[s], panel.result().predicted[s]) == (i, j) for s in panel.gallery.shown)
    assert f"{i} read as {j}" in panel.filter_label.text()
    _click_cell(panel, i, i)  # the diagonal: answered right, nothing to show
    assert panel.gallery.count() == 0
    _click_cell(panel, i, i)
    assert panel.gallery.count() == off.sum()


def test_hovering_a_tile_shows_the_three_likeliest_answers(panel):
    gallery = panel.gallery
    at = gallery.tile_rect(0).center()
    QApplication.sendEvent(gallery.viewport(), QHelpEvent(QEvent.Type.ToolTip, at, gallery.viewport().mapToGlobal(at)))
    text = QToolTip.text()
    s = int(gallery.shown[0])
    r = panel.result()
    assert f"A {r.labels[s]} the network read as {r.predicted[s]}" in text
    assert text.count("%") == 3 and f"{r.top(s)[0][0]}: " in text


def test_clicking_a_tile_hands_over_that_digit_with_its_true_class_and_name(panel, pretrained, qtbot):
    _, data, _ = pretrained
    gallery = panel.gallery
    s = int(gallery.shown[1])
    with qtbot.waitSignal(panel.mistakeChosen) as chosen:
        QTest.mouseClick(gallery.viewport(), LEFT, NONE, gallery.tile_rect(1).center())
    x, digit, name = chosen.args
    np.testing.assert_array_equal(x, data.inputs(np.array([s]))[0])  # the pixels evaluated, exactly
    assert digit == data.y[s] and name() == f"held-out digit #{s} (true {digit}, read as {panel.result().predicted[s]})"


def test_new_weights_are_evaluated_again(panel, qtbot):
    doc = panel.document
    out = doc.network.layers[-1]
    with qtbot.waitSignal(panel.evaluated, timeout=10000):
        doc.set_bias(len(doc.network.layers) - 1, 3, float(out.bias[3]) + 50)  # everything becomes a 3
    m = np.array(panel.matrix.confusion())
    assert m[:, 3].sum() == 500 and panel.gallery.count() == 500 - m[3, 3]


def test_export_writes_the_matrix_and_the_mistakes_atomically(panel, tmp_path, monkeypatch):
    target = tmp_path / "eval.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    QTest.mouseClick(panel.csv_button, LEFT)
    rows = [line.split(",") for line in target.read_text().splitlines()]
    m = panel.matrix.confusion()
    assert [[int(v) for v in row[1:11]] for row in rows[1:11]] == m
    mistakes = (tmp_path / "eval-mistakes.csv").read_text().splitlines()
    assert len(mistakes) == 1 + panel.gallery.count()
    assert "eval.csv" in panel.filter_label.text() and "eval-mistakes.csv" in panel.filter_label.text()
    picture = tmp_path / "eval.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(picture), ""))
    QTest.mouseClick(panel.png_button, LEFT)
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert sorted(os.listdir(tmp_path)) == ["eval-mistakes.csv", "eval.csv", "eval.png"]  # no temporary files


def test_a_network_that_does_not_fit_the_data_says_so(panel, qtbot):
    from nndesk.engine.core.network import Network

    panel.document.set_network(Network.create([784, 5, 3], seed=0))
    qtbot.waitUntil(lambda: panel.result() is None)
    assert "784-5-3" in panel.summary.text() and panel.gallery.count() == 0 and panel.matrix.confusion() == []
    assert not panel.csv_button.isEnabled()


def test_the_keyboard_walks_the_matrix_and_enter_filters(panel):
    m = np.array(panel.matrix.confusion())
    matrix = panel.matrix
    matrix.setFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Right,
                Qt.Key.Key_Right, Qt.Key.Key_Right):
        QTest.keyClick(matrix, key)
    assert matrix.current == (2, 3)
    for _ in range(20):
        QTest.keyClick(matrix, Qt.Key.Key_Up)  # stops at the edge
    assert matrix.current == (0, 3)
    matrix.current = (8, 1)
    QTest.keyClick(matrix, Qt.Key.Key_Return)
    assert matrix.selected == (8, 1) and panel.gallery.count() == m[8, 1]
    QTest.keyClick(matrix, Qt.Key.Key_Enter)
    assert matrix.selected is None and panel.gallery.count() == (m - np.diag(np.diag(m))).sum()


def test_an_export_that_cannot_be_written_says_so_and_leaves_nothing(panel, tmp_path, monkeypatch):
    target = tmp_path / "missing-folder" / "eval.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    QTest.mouseClick(panel.csv_button, LEFT)
    assert "Could not export" in panel.filter_label.text() and not target.parent.exists()


def test_the_keyboard_walks_the_mistakes_and_enter_hands_one_over(panel, qtbot):
    gallery = panel.gallery
    gallery.setFocus()
    QTest.keyClick(gallery, Qt.Key.Key_Right)  # the first press selects the first tile
    QTest.keyClick(gallery, Qt.Key.Key_Right)
    assert gallery.selected == 1
    for _ in range(3):
        QTest.keyClick(gallery, Qt.Key.Key_Left)
    assert gallery.selected == 0
    QTest.keyClick(gallery, Qt.Key.Key_Down)  # a row down, or the last tile
    assert gallery.selected == min(gallery._columns, gallery.count() - 1)
    with qtbot.waitSignal(panel.mistakeChosen) as chosen:
        QTest.keyClick(gallery, Qt.Key.Key_Return)
    assert chosen.args[1] == panel.result().labels[gallery.shown[gallery.selected]]
