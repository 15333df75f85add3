"""BackpropPanel: the lecture's numbers in the lecture's order, stepping, update, and gradients checked."""

import re

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QLocale, Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from nndesk.app.backprop.panel import BackpropPanel
from nndesk.engine.core.activations import activation
from nndesk.engine.core.network import Network
from nndesk.engine.explain.gradcheck import numerical_gradient

SLIDES = ["0.3", "0.57", "0.374", "0.59", "0.17", "0.08", "0.192", "0.028", "0.006"]
NUMBER = re.compile(r"−?\d+(?:[.,]\d+)?")


@pytest.fixture
def panel(qtbot):
    p = BackpropPanel()
    qtbot.addWidget(p)
    p.resize(900, 700)
    p.show()
    qtbot.waitExposed(p)
    return p


@pytest.fixture
def russian():
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    yield
    QLocale.setDefault(old)


def _click(qtbot, button, times=1):
    for _ in range(times):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _computed_numbers(text: str) -> list[str]:
    """Per step, what its substituted line computes: z and a for a neuron, else the result."""
    out = []
    for line in text.splitlines():
        if "=" not in line or not NUMBER.search(line.split("=", 1)[1].replace("(1)", "")):
            continue
        if re.search(r"[a-zσ′∂]", line.split("=")[-1]) and "≈" not in line:
            continue  # a symbolic line ends in symbols, not a number
        nums = NUMBER.findall(line.split("=", 1)[1])
        out += nums[-2:] if "≈" in line else nums[-1:]
    return out


def _in_order(expected, seen):
    it = iter(seen)
    return all(any(s == e for s in it) for e in expected)


def _step_to(qtbot, panel, kind, layer, index):
    target = next(i for i, s in enumerate(panel.steps) if (s.kind, s.layer, s.index) == (kind, layer, index))
    _click(qtbot, panel.stepForwardButton, target - panel.current_index)
    return target


def test_lecture_example_shows_the_slides_numbers_in_order(qtbot, panel):
    _click(qtbot, panel.lectureButton)
    assert panel.slide_arithmetic
    _step_to(qtbot, panel, "grad_w", 0, (0, 0))  # ∂C/∂w₀₀⁽⁰⁾ = 0.006
    seen = _computed_numbers(panel.stepsView.toPlainText())
    assert _in_order(SLIDES, seen), seen
    assert "σ(0.2·1 + 0.1·1 + 0.12·0 + 0) = σ(0.3) ≈ 0.57" in panel.stepsView.toPlainText()
    assert "= 0.59·0.24·0.57 = 0.08" in panel.stepsView.toPlainText()


def test_lecture_example_in_russian_uses_decimal_commas(qtbot, panel, russian):
    panel.load_lecture_example()
    QApplication.sendEvent(panel, QEvent(QEvent.Type.LanguageChange))
    _click(qtbot, panel.toEndButton)
    text = panel.stepsView.toPlainText()
    seen = _computed_numbers(text)
    assert _in_order([s.replace(".", ",") for s in SLIDES], seen), seen
    assert "σ(0,2·1 + 0,1·1 + 0,12·0 + 0) = σ(0,3) ≈ 0,57" in text
    assert "0.57" not in text


def test_arrow_keys_step_forward_and_back_and_highlight(qtbot, panel):
    panel.load_lecture_example()
    panel.setFocus()
    with qtbot.waitSignal(panel.highlightRequested) as blocker:
        QTest.keyClick(panel, Qt.Key.Key_Right)
    assert blocker.args == ["neuron", 1, 0] and panel.current_index == 0
    QTest.keyClick(panel, Qt.Key.Key_Right)
    QTest.keyClick(panel, Qt.Key.Key_Left)
    assert panel.current_index == 0
    _step_to(qtbot, panel, "grad_w", 1, (0, 0))
    with qtbot.waitSignal(panel.highlightRequested) as blocker:
        QTest.keyClick(panel, Qt.Key.Key_Right)
    assert blocker.args == ["edge", 1, (0, 0)]  # the new value of w₀₀⁽¹⁾
    assert "Step" in panel.counterLabel.text()


def test_exact_mode_shows_four_digits_and_every_digit_on_hover(qtbot, panel):
    panel.load_lecture_example()
    _click(qtbot, panel.arithmeticToggle)
    assert not panel.slide_arithmetic
    _click(qtbot, panel.stepForwardButton)
    assert "σ(0.3) ≈ 0.5744" in panel.stepsView.toPlainText()
    href = panel.stepsView.result_href(0)
    assert panel.stepsView.tooltip_for(href) == repr(float(1 / (1 + np.exp(-0.3))))
    panel.stepsView.highlighted.emit(QUrl(href))  # what hovering the number does
    assert QToolTip.text() == repr(float(1 / (1 + np.exp(-0.3))))


def test_last_step_updates_the_network_and_stepping_back_restores_it(qtbot, panel):
    panel.load_lecture_example()
    net = panel._network
    _click(qtbot, panel.toEndButton)
    assert net.layers[1].weights[0, 0] == 0.192 and net.layers[0].weights[0, 0] == 0.199  # the slides' values
    assert not panel.stepForwardButton.isEnabled()
    _click(qtbot, panel.stepBackButton)
    assert net.layers[1].weights[0, 0] == 0.2
    _click(qtbot, panel.arithmeticToggle)  # exact: w − η·∇C in float64
    _click(qtbot, panel.toEndButton)
    assert net.layers[1].weights[0, 0] == pytest.approx(0.2 - 0.1 * 0.0821877, abs=1e-7)
    _click(qtbot, panel.restartButton)  # a new pass starts from the updated weights: a smaller cost
    _click(qtbot, panel.stepForwardButton, 4)
    assert panel.steps[3].exact < 0.17561


def test_finite_difference_check_of_the_selected_weight(qtbot, panel):
    panel.load_lecture_example()
    _step_to(qtbot, panel, "grad_w", 1, (0, 0))
    assert panel.selected_parameter() == (1, 0, 0)
    _click(qtbot, panel.gradCheckButton)
    assert "They agree" in panel.gradCheckLabel.text()
    assert "0.0821876" in panel.gradCheckLabel.text()


@pytest.mark.parametrize("cost", ["quadratic", "cross-entropy"])
def test_every_displayed_gradient_matches_finite_differences(qtbot, panel, cost):
    net = Network.create([4, 5, 3, 2], "tanh", cost, seed=11, dtype=np.float64)
    net.layers[1].activation = activation("sigmoid")  # mixed activations
    rng = np.random.default_rng(4)
    x, t = rng.normal(size=4), np.array([1.0, 0.0])
    panel.set_sample(net, x, t, 0.3)
    assert not panel.slide_arithmetic
    _click(qtbot, panel.toEndButton)
    checked = 0
    for i, step in enumerate(panel.steps):
        if step.kind not in ("grad_w", "grad_b"):
            continue
        shown = float(panel.stepsView.tooltip_for(panel.stepsView.result_href(i)).replace("−", "-"))
        l, k, j = (step.layer, *step.index) if step.kind == "grad_w" else (step.layer - 1, step.index, None)
        fd = numerical_gradient(panel._before, x, t, l, k, j)
        assert abs(shown - fd) <= 1e-6 * max(abs(fd), abs(shown)) + 1e-12, (step.kind, l, k, j, shown, fd)
        checked += 1
    assert checked == 41 + 10


def test_a_big_network_steps_only_along_the_selected_weight(qtbot, panel):
    net = Network.create([784, 30, 10], "sigmoid", "cross-entropy", seed=0, dtype=np.float64)
    x = np.random.default_rng(1).uniform(size=784)
    panel.set_sample(net, x, np.eye(10)[2], 0.1)
    n = len(panel.steps)
    assert n < 60
    panel.select_edge(0, 5, 200)
    assert [s.index for s in panel.steps if s.kind == "grad_w"] == [(5, 200)]
    assert "w" in panel.stepsView.toPlainText() or panel.current_index == -1


def test_with_a_document_and_canvas_edits_rebuild_the_steps_and_the_update_is_undoable_by_stepping_back(qtbot):
    from PySide6.QtGui import QUndoStack

    from nndesk.app.canvas.network_canvas import NetworkCanvas
    from nndesk.app.document.editor_commands import SetWeightCommand
    from nndesk.app.document.network_document import NetworkDocument
    from nndesk.app.shell.main_window import wire_canvas
    from nndesk.engine.explain.lecture import lecture_network

    doc, stack = NetworkDocument(lecture_network()), QUndoStack()
    canvas = NetworkCanvas(doc, stack)
    panel = BackpropPanel(doc)
    qtbot.addWidget(canvas)
    qtbot.addWidget(panel)
    panel.show()
    lit = []
    canvas.highlight_edge = lambda *edge: lit.append(edge)  # what the canvas is asked to light up
    wire_canvas(panel, canvas)
    panel.set_sample(None, [1, 1, 0], [0], 0.1, slide=True)
    _click(qtbot, panel.stepForwardButton, 7)  # ∂C/∂w₀₀⁽¹⁾
    assert lit[-1] == (1, 0, 0)
    stack.push(SetWeightCommand(doc, 1, 0, 0, 0.4))  # an edit elsewhere: the steps follow it
    qtbot.waitUntil(lambda: "σ(0.4·0.57 + 0.52·0.5 + 0)" in panel.stepsView.toPlainText())
    assert panel.current_index == 6
    with qtbot.waitSignal(doc.weightsChanged):
        _click(qtbot, panel.toEndButton)  # the update goes through the document (the canvas redraws)
    assert doc.network.layers[0].weights[0, 0] == pytest.approx(0.199, abs=0.002)
    _click(qtbot, panel.stepBackButton)
    assert doc.network.layers[0].weights[0, 0] == 0.2 and doc.network.layers[1].weights[0, 0] == 0.4


def test_switching_to_slide_arithmetic_computes_it_on_demand_and_keeps_the_place(qtbot, panel):
    from nndesk.engine.explain.lecture import lecture_network

    net = lecture_network()
    panel.set_sample(net, [1, 1, 0], [0], 0.1)  # a user's network: exact by default, no Decimal work
    assert panel.walk.slide is None
    _click(qtbot, panel.toEndButton)
    assert net.layers[1].weights[0, 0] == pytest.approx(0.19178, abs=1e-5)
    _click(qtbot, panel.arithmeticToggle)
    assert panel.walk.slide is not None and panel.current_index == len(panel.steps) - 1
    assert net.layers[1].weights[0, 0] == 0.192  # the update re-applied in slide arithmetic


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_panel_fits_a_450_px_dock_with_every_button_visible(qtbot, lang):
    from nndesk.app.shell import i18n

    i18n.install(lang)
    try:
        panel = BackpropPanel()
        qtbot.addWidget(panel)
        panel.load_lecture_example()
        assert panel.minimumSizeHint().width() <= 450
        panel.resize(450, 600)
        panel.show()
        qtbot.waitExposed(panel)
        buttons = [panel.stepBackButton, panel.stepForwardButton, panel.toEndButton, panel.restartButton,
                   panel.counterLabel, panel.arithmeticToggle, panel.gradCheckButton, panel.lectureButton]
        rects = [b.geometry().translated(b.parentWidget().mapTo(panel, b.parentWidget().rect().topLeft()))
                 for b in buttons]
        assert all(panel.rect().contains(r) for r in rects)  # wrapped onto more rows, nothing cut off
        assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])
        assert all(r.bottom() < panel.stepsView.geometry().top() for r in rects)
        _click(qtbot, panel.stepForwardButton)
        assert panel.current_index == 0
    finally:
        i18n.install("en")
