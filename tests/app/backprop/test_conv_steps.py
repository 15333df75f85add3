"""The step-through of a ConvNet on a real BackpropPanel: one pixel of one filter, the engine walk's numbers."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest

from nndesk.app.backprop.panel import BackpropPanel
from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.style.formula_view import number_text
from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec
from nndesk.engine.core.network import Network
from nndesk.engine.explain.conv_walk import conv_pixel_walk, default_pixel
from nndesk.engine.explain.formula import exact_text
from tests.app.people import LEFT, on_paper, pick, stroke

ETA = 0.1


def _conv(seed=0, n_in=12):
    net = ConvNet.create((1, n_in, n_in), [ConvSpec(3, 2), PoolSpec(2), ConvSpec(3, 3)], [8], 4, "relu",
                         "cross-entropy", seed=seed)
    net.features[0].bias = [0.05, -0.02]
    return net


def _sample(net, seed=1):
    rng = np.random.default_rng(seed)
    t = np.zeros(net.sizes[-1])
    t[2] = 1.0
    return rng.uniform(0, 1, net.sizes[0]), t


def _shown(v: float) -> str:
    return number_text(exact_text(float(v) + 0.0))  # the panel shows −0.0 as 0


@pytest.fixture
def panel(qtbot):
    p = BackpropPanel()
    qtbot.addWidget(p)
    p.resize(1000, 800)
    p.show()
    qtbot.waitExposed(p)
    return p


def _next(qtbot, panel):
    qtbot.mouseClick(panel.conv.page.controls.stepForwardButton, Qt.MouseButton.LeftButton)
    return panel.conv.page.stepsView.toPlainText().split(f"Step {panel.conv.current_index + 1}.")[-1]


def test_next_walks_every_step_with_the_engines_numbers(qtbot, panel):
    net = _conv()
    x, t = _sample(net)
    panel.set_sample(net, x, t, ETA)
    page = panel.conv.page
    assert panel.conv.active and page.isVisible() and not panel.stepsView.isVisible()
    pixel = default_pixel(net, x)
    walk = conv_pixel_walk(net, x, t, *pixel, ETA)
    assert (walk.L, walk.f) == (1, 0)
    assert panel.conv.kinds == ["field", "activation", "pool", "dC_da", "delta", "grad", "back", "kernel"]
    assert page.controls.counterLabel.text() == "Step 0 of 8"
    assert f"({walk.y}, {walk.x}) of map 0 in layer 1" in page.pixelLabel.text()

    text = _next(qtbot, panel)  # 1: the window, a·w in every cell, their sum and b into z
    for i in range(3):
        for j in range(3):
            assert f"{_shown(walk.patch[0, i, j])}·" in text and f"= {_shown(walk.products[0, i, j])}" in text
    assert f"= {_shown(walk.products.sum())} + {_shown(walk.bias)} = {_shown(walk.z)}" in text
    text = _next(qtbot, panel)  # 2: a = σ(z)
    assert f"ReLU({_shown(walk.z)}) = {_shown(walk.a)}" in text
    text = _next(qtbot, panel)  # 3: the pooling's choice
    assert f") = {_shown(walk.pool.value)}" in text and "won its block" in text
    text = _next(qtbot, panel)  # 4: ∂C/∂a through the pool, to the winner only
    assert text.rstrip().endswith(f"= {_shown(walk.dC_da)}") and walk.dC_da == walk.pool.grad_out != 0
    text = _next(qtbot, panel)  # 5: σ′ and δ
    assert f"= {_shown(walk.sigma_prime)}" in text and text.rstrip().endswith(f"= {_shown(walk.delta)}")
    text = _next(qtbot, panel)  # 6: this pixel's share δ·a, and ∂C/∂b = δ
    for v in walk.grad_w_pixel.ravel():
        assert f"= {_shown(v)}" in text
    text = _next(qtbot, panel)  # 7: δ·w back to the layer below
    for v in walk.back.ravel():
        assert f"= {_shown(v)}" in text
    before = net.features[0].kernels[0].copy()
    text = _next(qtbot, panel)  # 8: the kernel's whole gradient and the new weights
    for v, g in zip(walk.new_w.ravel(), walk.grad_w.ravel()):
        assert f"·{_shown(g) if g >= 0 else '(' + _shown(g) + ')'}" in text and f"= {_shown(v)}" in text
    assert text.rstrip().endswith(f"= {_shown(walk.new_b)}")
    assert page.controls.counterLabel.text() == "Step 8 of 8" and not page.controls.stepForwardButton.isEnabled()
    np.testing.assert_allclose(net.features[0].kernels[0], walk.new_w, rtol=1e-5)  # the update is made …
    qtbot.mouseClick(page.controls.stepBackButton, Qt.MouseButton.LeftButton)
    np.testing.assert_array_equal(net.features[0].kernels[0], before)  # … and stepping back takes it back


def test_a_pixel_that_lost_its_pool_block_gets_no_gradient(qtbot, panel):
    net = _conv()
    x, t = _sample(net)
    panel.set_sample(net, x, t, ETA)
    L, f, y, col = default_pixel(net, x)
    loser = next((yy, xx) for yy in range(y // 2 * 2, y // 2 * 2 + 2) for xx in range(col // 2 * 2, col // 2 * 2 + 2)
                 if (yy, xx) != (y, col))
    panel.select_feature(L, f, *loser)
    walk = panel.conv.walk
    assert (walk.y, walk.x) == loser and not walk.pool.won and walk.delta == 0
    for _ in range(3):
        pooling = _next(qtbot, panel)
    assert "did not win" in pooling
    assert _next(qtbot, panel).rstrip().endswith("= 0")  # ∂C/∂a of a pixel that lost: 0
    assert _next(qtbot, panel).rstrip().endswith("= 0")  # and so δ
    assert "adds nothing to the kernel's gradient" in _next(qtbot, panel)


def test_select_feature_follows_the_clicked_pixel_and_a_pooled_one_to_its_winner(qtbot, panel):
    net = _conv()
    x, t = _sample(net)
    panel.set_sample(net, x, t, ETA)
    with qtbot.waitSignal(panel.highlightRequested) as lit:
        panel.select_feature(1, 1, 4, 6)
    assert lit.args == ["feature", 1, (1, 4, 6)]
    walk = panel.conv.walk
    assert (walk.L, walk.f, walk.y, walk.x) == (1, 1, 4, 6)
    assert "(4, 6) of map 1 in layer 1" in panel.conv.page.pixelLabel.text()
    panel.select_feature(2, 0, 1, 2)  # a pooled pixel: the convolution pixel that won it
    walk = panel.conv.walk
    assert (walk.L, walk.f, walk.y // 2, walk.x // 2) == (1, 0, 1, 2) and walk.pool.won
    panel.select_feature(0, 0, 3, 3)  # the input image: no convolution made it, nothing changes
    assert panel.conv.walk is walk


def test_a_window_over_several_channels_has_a_channel_chooser(qtbot, panel):
    net = _conv()
    x, t = _sample(net)
    panel.set_sample(net, x, t, ETA)
    page = panel.conv.page
    assert not page.channelBox.isVisible()
    panel.select_feature(3, 2, 1, 0)  # the second convolution reads both maps of the pooling
    walk = panel.conv.walk
    assert walk.channels == 2 and page.channelBox.isVisible() and page.channelBox.count() == 2
    text = _next(qtbot, panel)
    assert f"{_shown(walk.channel_sums[0])} + {_shown(walk.channel_sums[1])} + " in text
    assert f"= {_shown(walk.products[0, 2, 2])}" in text
    pick(page.channelBox, "1")
    text = page.stepsView.toPlainText()
    for v in walk.products[1].ravel():
        assert f"= {_shown(v)}" in text
    assert "shows channel 1" in text and panel.conv.current_index == 0  # the chooser's keys do not step


def test_arrow_keys_step_the_page_shown(qtbot, panel):
    net = _conv()
    x, t = _sample(net)
    panel.set_sample(net, x, t, ETA)
    QTest.keyClick(panel, Qt.Key.Key_Right)
    QTest.keyClick(panel, Qt.Key.Key_Right)
    QTest.keyClick(panel, Qt.Key.Key_Left)
    assert panel.conv.current_index == 0 and panel.walk is None  # the dense steps hold nothing meanwhile
    QTest.keyClick(panel, Qt.Key.Key_End)
    assert panel.conv.current_index == len(panel.conv.kinds) - 1
    dense = Network.create([3, 2, 1], "sigmoid", "quadratic", seed=0)
    panel.set_sample(dense, np.ones(3), np.zeros(1), ETA)  # a dense network: the dense steps again
    assert not panel.conv.active and panel.stepsView.isVisible()
    QTest.keyClick(panel, Qt.Key.Key_Right)
    assert panel.current_index == 0 and panel.steps[0].kind == "forward"


def test_the_documents_network_turning_convolutional_and_back_keeps_the_sample(qtbot):
    dense = Network.create([144, 8, 4], "relu", "cross-entropy", seed=0)
    doc = NetworkDocument(dense, "", (12, 12))
    panel = BackpropPanel(doc, QUndoStack())
    qtbot.addWidget(panel)
    panel.show()
    net = _conv()
    x, t = _sample(net)
    panel.set_sample(None, x, t, ETA)
    panel.step_forward()
    doc.set_structure(net)  # the structure edit that adds a convolution: no crash, the conv steps take over
    assert panel.conv.active and panel.walk is None and panel.conv.walk is not None
    np.testing.assert_array_equal(panel.conv.walk.patch.shape, (1, 3, 3))
    with qtbot.waitSignal(doc.sampleChanged):
        panel.conv.step_forward()  # once a step is shown the canvas lights this sample
    assert doc.sample.shapes is not None and np.allclose(doc.sample.x, x)
    doc.set_structure(dense)  # and back: the dense steps with the same sample
    assert not panel.conv.active and panel.walk is not None
    np.testing.assert_array_equal(panel.walk.exact.x, x)


def test_new_weights_rebuild_the_walk_and_eta_is_live(qtbot):
    net = _conv()
    doc = NetworkDocument(net, "", (12, 12))
    panel = BackpropPanel(doc, QUndoStack())
    qtbot.addWidget(panel)
    panel.show()
    x, t = _sample(net)
    panel.set_sample(None, x, t, ETA)
    panel.set_learning_rate(0.5)
    assert panel.conv.walk.eta == 0.5
    panel.hide()
    panel.set_learning_rate(0.2)  # hidden: the panel catches up when shown
    assert panel.conv.walk.eta == 0.5
    panel.show()
    qtbot.waitUntil(lambda: panel.conv.walk.eta == 0.2)
    old = panel.conv.walk
    snapshot = doc.weights_snapshot()
    snapshot[0][0][0, 0, 0, 0] = 0.3  # a kernel weight edited (as training or the inspector would)
    doc.set_values(snapshot)
    qtbot.waitUntil(lambda: panel.conv.walk is not old)
    assert panel.conv.walk.kernel[0, 0, 0] == pytest.approx(0.3)


def test_check_with_finite_differences_compares_the_kernels_biggest_gradient_and_the_bias(qtbot, panel):
    net = _conv()
    x, t = _sample(net)
    panel.set_sample(net, x, t, ETA)
    page = panel.conv.page
    assert page.controls.gradCheckButton.isVisible() and not page.controls.arithmeticToggle.isVisible()
    qtbot.mouseClick(page.controls.gradCheckButton, Qt.MouseButton.LeftButton)
    walk = panel.conv.walk
    c, (i, j) = 0, np.unravel_index(int(np.argmax(np.abs(walk.grad_w[0]))), (3, 3))  # channel 0 is shown
    text = page.verdictLabel.text()
    assert text.count("They agree.") == 2, text
    qtbot.keyClick(panel, Qt.Key.Key_End)  # the update is in the network now: the check is of the weights walked
    qtbot.mouseClick(page.controls.gradCheckButton, Qt.MouseButton.LeftButton)
    assert page.verdictLabel.text().count("They agree.") == 2, page.verdictLabel.text()
    assert f"<sub>0,{c},{i},{j}</sub>" in text and f"{walk.grad_w[c, i, j]:.10g}".replace("-", "−") in text
    assert f"{walk.grad_b:.10g}".replace("-", "−") in text


def test_switching_to_russian_retypesets_the_steps(qtbot, panel):
    from nndesk.app.shell import i18n

    net = _conv()
    x, t = _sample(net)
    panel.set_sample(net, x, t, ETA)
    _next(qtbot, panel)
    try:
        i18n.install("ru")
        qtbot.waitUntil(lambda: "Прямое распространение, пиксель" in panel.conv.page.stepsView.toPlainText())
        assert "Разбираем пиксель" in panel.conv.page.pixelLabel.text()
        assert panel.conv.page.controls.stepForwardButton.text() == "Следующий шаг ▶"
    finally:
        i18n.install("en")
    qtbot.waitUntil(lambda: "Forward pass, pixel" in panel.conv.page.stepsView.toPlainText())


def test_step_through_my_drawing_on_a_convolutional_network(qtbot, window):
    """The student's path: a CNN in the window, a 7 drawn, "It is a 7", "Step through backpropagation"."""
    net = ConvNet.create((1, 28, 28), [ConvSpec(5, 4), PoolSpec(2)], [16], 10, "relu", "cross-entropy", seed=0)
    window.document.set_structure(net)
    window.draw_dock.show()
    window.draw_dock.raise_()
    pad = window.draw_widget.pad
    stroke(pad, on_paper(pad, [(0.28, 0.24), (0.72, 0.24), (0.62, 0.45), (0.53, 0.65), (0.47, 0.80)]))
    pick(window.draw_widget.target, "7")
    qtbot.mouseClick(window.draw_widget.step_button, LEFT)
    steps = window.backprop.conv
    assert steps.active and "the digit you drew, taught as a 7" in steps.page.sampleLabel.text()
    drawn = window.document.sample.x  # the pad's digit, as fed to the network
    t = np.eye(10)[7]
    walk = conv_pixel_walk(net, drawn, t, *default_pixel(net, drawn), window.trainer.control.hyper.learning_rate)
    assert (steps.walk.y, steps.walk.x) == (walk.y, walk.x) and steps.walk.z == walk.z
    with qtbot.waitSignal(window.backprop.highlightRequested) as lit:
        qtbot.mouseClick(steps.page.controls.stepForwardButton, LEFT)
    assert lit.args == ["feature", 1, (0, walk.y, walk.x)]
    assert f"= {_shown(walk.z)}" in steps.page.stepsView.toPlainText()


def test_a_sigmoid_convolution_writes_sigma_prime_as_a_times_one_minus_a(qtbot, panel):
    net = ConvNet.create((1, 8, 8), [ConvSpec(3, 2, True), PoolSpec(2)], [5], 3, "sigmoid", "quadratic", seed=0)
    x, t = _sample(net)
    panel.set_sample(net, x, t, ETA)
    walk = panel.conv.walk
    qtbot.keyClick(panel, Qt.Key.Key_End)  # every step, the update applied
    text = panel.conv.page.stepsView.toPlainText()
    assert f"= {_shown(walk.a)}·(1 − {_shown(walk.a)}) = {_shown(walk.sigma_prime)}" in text
    assert f"σ({_shown(walk.z)}) = {_shown(walk.a)}" in text
