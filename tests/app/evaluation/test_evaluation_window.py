"""In the window: a trained digits model evaluated as ``nndesk eval`` does, and a mistake followed through it."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtTest import QTest

from nndesk import cli
from tests.app.people import LEFT, NONE


@pytest.fixture
def ready_trained():
    """The ready-trained digits model that ships (784-800-10, trained on the bundled digits but the 500 held out)."""
    return Path("resources/digits-pretrained.npz").absolute()


def _evaluated(window, qtbot, model) -> object:
    """Open ``model``, show the evaluation view, wait for its numbers of that model."""
    assert window.load_model(model)
    window.evaluation_dock.show()
    window.evaluation_dock.raise_()
    panel = window.evaluation
    qtbot.waitUntil(lambda: panel.result() is not None and not panel.pending(), timeout=15000)
    return panel


def _cli_eval(model, capsys) -> dict:
    capsys.readouterr()
    assert cli.main(["eval", "--model", str(model), "--dataset", "mnist-bundled", "--json"]) == 0
    return json.loads(capsys.readouterr().out.strip().splitlines()[-1])


def test_the_matrix_is_nndesk_eval_on_the_held_out_digits(window, qtbot, ready_trained, capsys):
    panel = _evaluated(window, qtbot, ready_trained)
    said = _cli_eval(ready_trained, capsys)
    m = np.array(panel.matrix.confusion())
    assert said["split"] == "validation" and m.sum() == said["n"] == len(panel.data()) == 500
    assert np.diag(m).tolist() == np.diag(said["confusion"]).tolist()
    assert m.tolist() == said["confusion"]  # every cell, not only the diagonal
    assert panel.result().accuracy == said["accuracy"] and panel.result().cost == said["cost"]
    assert panel.gallery.count() == m.sum() - np.trace(m) > 0
    m_off = m - np.diag(np.diag(m))
    i, j = np.unravel_index(np.argmax(m_off), m.shape)
    QTest.mouseClick(panel.matrix, LEFT, NONE, panel.matrix.cell_rect(i, j).center())
    assert panel.gallery.count() == m[i, j]
    QTest.mouseClick(panel.matrix, LEFT, NONE, panel.matrix.cell_rect(i, j).center())
    assert panel.gallery.count() == m_off.sum()


def test_clicking_a_mistake_makes_it_the_sample_of_pad_inspector_and_step_through(window, qtbot, language,
                                                                                  ready_trained):
    panel = _evaluated(window, qtbot, ready_trained)
    gallery = panel.gallery
    s = int(gallery.shown[0])
    r = panel.result()
    true, answered = int(r.labels[s]), int(r.predicted[s])
    explain = window.draw_widget.explain
    if not explain.is_open():
        QTest.mouseClick(explain.toggle, LEFT)  # open "Why this answer?" under the pad
    QTest.mouseClick(gallery.viewport(), LEFT, NONE, gallery.tile_rect(0).center())
    name = {"en": f"held-out digit #{s} (true {true}, read as {answered})",
            "ru": f"отложенная цифра №{s} (на самом деле {true}, прочитана как {answered})"}[language]
    pixels = panel.data().inputs(np.array([s]))[0].reshape(28, 28)
    draw = window.draw_widget
    np.testing.assert_array_equal(draw.preview.image(), pixels)  # exactly what the network is fed
    assert name in draw.preview_label.text()
    assert draw.target.currentText() == str(true)  # "It is a": the true class, the target t
    assert int(np.argmax(draw.panel.probabilities())) == answered  # the pad gives the same wrong answer
    assert window.draw_dock.isVisible() and not window.draw_dock.visibleRegion().isEmpty()
    # "Why this answer?" explains the answer it gave and the runner-up, on those very pixels
    assert draw.explain.attribution.digits()[0] == answered and len(draw.explain.attribution.digits()) == 2
    assert window.document.sample.name() == name  # what the inspector and the canvas name
    canvas, out = window.canvas, len(window.document.sizes) - 1  # the inspector, on the neuron that answered
    canvas.fit()
    QTest.mouseClick(canvas.viewport(), LEFT, NONE, canvas.mapFromScene(canvas.columns[out].neuron_pos(answered)))
    assert name in window.inspector.titleLabel.text()
    assert name in window.backprop.sampleLabel.text()
    np.testing.assert_allclose(window.backprop._x, pixels.reshape(-1).astype(np.float64))
    # drawing over it makes it the student's own drawing again
    pad = draw.pad
    QTest.mousePress(pad, LEFT, NONE, pad.rect().center())
    QTest.mouseRelease(pad, LEFT, NONE, pad.rect().center())
    assert name not in draw.preview_label.text() and window.document.sample.name() != name


def test_behind_another_tab_it_waits_and_catches_up_when_shown(window, qtbot):
    panel = window.evaluation
    window.evaluation_dock.raise_()
    qtbot.waitUntil(lambda: panel.result() is not None and not panel.pending(), timeout=15000)
    before = panel.result()
    window.loss_dock.raise_()  # the cost plot in front: the evaluation's tab is behind it
    doc = window.document
    out = len(doc.network.layers) - 1
    doc.set_bias(out, 3, doc.bias(out, 3) + 50)  # new weights: every digit becomes a 3
    qtbot.waitUntil(lambda: panel._stale, timeout=5000)  # the throttle came due and found the view hidden
    assert panel.result() is before and panel.pending()
    with qtbot.waitSignal(panel.evaluated, timeout=10000):
        window.evaluation_dock.raise_()
    assert np.array(panel.matrix.confusion())[:, 3].sum() == 500
