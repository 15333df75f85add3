"""The inspector on a CNN: one filter's weights and bias, one output pixel's z and a, kernel edits through undo.

The network is a real ``ConvNet`` (conv 5×5×4 → pool 2 → conv 3×3×6 → 16 → 10) fed a bundled
digit.  The expected numbers are computed here independently of the engine's im2col product: an
explicit loop over the receptive field of the pixel, from the sample's input maps and the kernel.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtTest import QTest

from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.document.sample import Sample
from nndesk.app.views.inspector_panel import InspectorPanel
from nndesk.engine.core.convnet import ConvNet, ConvSpec, PoolSpec
from nndesk.engine.data.datasets import load
from tests.app.people import pick


def conv_sample(net: ConvNet, x: np.ndarray, name: str = "the first bundled digit") -> Sample:
    """The document's sample, as the draw pad makes it."""
    return Sample.forward(net, x, lambda: name)


def loop_z(kernels: np.ndarray, bias: float, a_prev: np.ndarray, y: int, x: int) -> float:
    """z = Σ_c Σ_i Σ_j a[c, y + i, x + j] · w[c, i, j] + b, one product at a time (a valid convolution)."""
    c_in, k = kernels.shape[0], kernels.shape[1]
    z = float(bias)
    for c in range(c_in):
        for i in range(k):
            for j in range(k):
                z += float(a_prev[c, y + i, x + j]) * float(kernels[c, i, j])
    return z


@pytest.fixture(scope="module")
def digit() -> np.ndarray:
    train = load("mnist-bundled").train
    return train.inputs(slice(0, 1))[0]


@pytest.fixture
def setup(qtbot, digit):
    net = ConvNet.create((1, 28, 28), [ConvSpec(5, 4), PoolSpec(2), ConvSpec(3, 6)], [16], 10, "relu",
                         "cross-entropy", seed=0)
    doc = NetworkDocument(net, "mnist-bundled", (28, 28))
    stack = QUndoStack()
    panel = InspectorPanel(doc, stack)
    QShortcut(QKeySequence.StandardKey.Undo, panel, stack.undo)  # the window's Edit ▸ Undo
    qtbot.addWidget(panel)
    panel.resize(360, 900)
    panel.show()
    panel.activateWindow()
    qtbot.waitActive(panel)  # shortcuts reach the active window only
    doc.set_sample(conv_sample(net, digit))
    return doc, stack, panel, panel.filterInspector


def shown(view) -> list[float]:
    return [n.exact for n in view.numbers()]


def type_into(spin, text: str) -> None:
    spin.setFocus()
    spin.lineEdit().selectAll()
    QTest.keyClicks(spin.lineEdit(), text)
    QTest.keyClick(spin.lineEdit(), Qt.Key.Key_Return)


def test_a_first_layer_filter_shows_its_kernel_bias_and_the_pixels_z_and_a(setup, digit):
    doc, _, panel, fi = setup
    net = doc.network
    panel.show_feature(1, 3, 10, 12)
    assert panel.pages.currentWidget() is fi and fi.isVisible()
    assert "Filter 3 of conv 5×5 (layer 1)" in fi.titleLabel.text()
    assert "the first bundled digit" in fi.titleLabel.text()  # the sample is named, as in the dense inspector
    kernel = net.layers[0].kernels[3, 0]
    grid = fi.kernel.kernelGrid
    np.testing.assert_array_equal(grid.values(), kernel)
    assert grid.text_at(1, 4) == f"{kernel[1, 4]:.2f}".replace("-", "−")
    assert not fi.kernel.channelCombo.isVisible()  # one input map: nothing to choose
    assert fi.kernel.biasSpin.value() == pytest.approx(float(net.layers[0].bias[3]))
    colors = {grid.color_at(i, j).name() for i, j in np.ndindex(5, 5)}
    blue, orange = grid.color_at(*np.unravel_index(kernel.argmax(), kernel.shape)), grid.color_at(
        *np.unravel_index(kernel.argmin(), kernel.shape))
    assert blue.blue() > blue.red() and orange.red() > orange.blue() and len(colors) > 10  # w > 0 blue, w < 0 orange

    image = digit.reshape(1, 28, 28)
    z = loop_z(kernel[None], net.layers[0].bias[3], image, 10, 12)
    *_, z_shown = shown(fi.lines[0])
    assert z_shown == pytest.approx(z, rel=1e-5, abs=1e-6)
    assert shown(fi.lines[0])[0] == pytest.approx(z - float(net.layers[0].bias[3]), rel=1e-6, abs=1e-9)  # Σ a·w
    a_in, w = float(image[0, 12, 14]), float(kernel[2, 2])  # the centre weight is chosen first: one term of Σ
    assert shown(fi.lines[1]) == [pytest.approx(a_in), pytest.approx(w), pytest.approx(a_in * w)]
    assert shown(fi.lines[2])[-1] == pytest.approx(max(z, 0.0), rel=1e-5, abs=1e-6)  # a = ReLU(z)
    assert "ReLU" in fi.lines[2].text() and not fi.lines[3].isVisible()  # one input map: no share line
    np.testing.assert_array_equal(fi.windowGrid.values(), image[0, 10:15, 12:17])  # the window under the kernel
    assert fi.inputPicture.mark == (10, 12, 5, 5) and fi.outputPicture.mark == (10, 12, 1, 1)
    np.testing.assert_allclose(fi.outputPicture.map_values(), net.feature_maps(digit)[0][3], rtol=1e-6)


def test_a_later_convolution_reads_every_input_map_and_the_chooser_picks_one(qtbot, setup, digit):
    doc, _, panel, fi = setup
    net = doc.network
    a_pool = net.feature_maps(digit)[1]  # (4, 12, 12): what the second convolution reads
    panel.show_feature(3, 5, 4, 7)
    assert "Filter 5 of conv 3×3 (layer 3)" in fi.titleLabel.text()
    combo = fi.kernel.channelCombo
    assert combo.isVisible() and combo.count() == 4 and fi.kernel.channelTiles.count() == 4
    z = loop_z(net.layers[2].kernels[5], net.layers[2].bias[5], a_pool, 4, 7)
    assert shown(fi.lines[0])[-1] == pytest.approx(z, rel=1e-5, abs=1e-6)
    pick(combo, "input map 2")
    np.testing.assert_array_equal(fi.kernel.kernelGrid.values(), net.layers[2].kernels[5, 2])
    np.testing.assert_allclose(fi.windowGrid.values(), a_pool[2, 4:7, 7:10])
    share = float(np.sum(a_pool[2, 4:7, 7:10].astype(np.float64) * net.layers[2].kernels[5, 2]))
    assert shown(fi.lines[2]) == [pytest.approx(share, rel=1e-9, abs=1e-12)]  # map 2's part of Σ a·w
    assert fi.inputPicture.mark == (4, 7, 3, 3)
    np.testing.assert_allclose(fi.inputPicture.map_values(), a_pool[2])
    tiles = fi.kernel.channelTiles  # a click on the overview's first picture chooses input map 0
    QTest.mouseClick(tiles.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     tiles.tile_rect(0).center())
    assert combo.currentIndex() == 0 and fi.kernel.channel == 0
    np.testing.assert_array_equal(fi.kernel.kernelGrid.values(), net.layers[2].kernels[5, 0])


def test_a_kernel_weight_typed_in_changes_the_network_and_ctrl_z_undoes_it(qtbot, setup, digit):
    doc, stack, panel, fi = setup
    panel.show_feature(1, 2, 5, 5)
    grid = fi.kernel.kernelGrid
    QTest.mouseClick(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     grid.cell_rect(0, 3).center().toPoint())
    assert grid.selected == (0, 3)
    old = float(doc.network.layers[0].kernels[2, 0, 0, 3])
    assert fi.kernel.weightSpin.value() == pytest.approx(old, abs=1e-6)
    edits = []
    doc.valuesEdited.connect(edits.append)  # the same change goes to a running training
    with qtbot.waitSignal(doc.weightsChanged):
        type_into(fi.kernel.weightSpin, "0.75")
    assert doc.network.layers[0].kernels[2, 0, 0, 3] == pytest.approx(0.75)
    assert stack.count() == 1 and len(edits) == 1
    copy = ConvNet.create((1, 28, 28), [ConvSpec(5, 4), PoolSpec(2), ConvSpec(3, 6)], [16], 10, seed=1)
    edits[0](copy)
    assert copy.layers[0].kernels[2, 0, 0, 3] == pytest.approx(0.75)
    assert grid.values()[0, 3] == pytest.approx(0.75)  # the grid follows at once
    doc.set_sample(conv_sample(doc.network, digit))  # the draw pad feeds its digit again after an edit
    qtbot.waitUntil(lambda: shown(fi.lines[0])[-1] == pytest.approx(
        loop_z(doc.network.layers[0].kernels[2], doc.network.layers[0].bias[2], digit.reshape(1, 28, 28), 5, 5),
        rel=1e-5, abs=1e-6))
    grid.setFocus()  # (a focused spin box would undo its own typing)
    QTest.keySequence(grid, QKeySequence.StandardKey.Undo)
    assert doc.network.layers[0].kernels[2, 0, 0, 3] == np.float32(old)
    qtbot.waitUntil(lambda: fi.kernel.weightSpin.value() == pytest.approx(old, abs=1e-6))


def test_the_bias_is_edited_through_the_undo_stack(setup):
    doc, stack, panel, fi = setup
    panel.show_feature(3, 1, 0, 0)
    type_into(fi.kernel.biasSpin, "-0.5")
    assert doc.network.layers[2].bias[1] == pytest.approx(-0.5)
    stack.undo()
    assert doc.network.layers[2].bias[1] == 0.0


def test_a_pool_layer_shows_which_pixel_of_its_block_won(setup, digit):
    doc, _, panel, fi = setup
    conv_maps = doc.network.feature_maps(digit)[0]  # (4, 24, 24), what pool layer 2 reads
    f, y, x = 1, 5, 6
    block = conv_maps[f, 2 * y:2 * y + 2, 2 * x:2 * x + 2]
    r, c = divmod(int(np.argmax(block)), 2)
    panel.show_feature(2, f, y, x)
    assert "max pooling 2×2 (layer 2)" in fi.titleLabel.text()
    assert "no weights" in fi.infoLabel.text() and not fi.kernel.isVisible()
    np.testing.assert_array_equal(fi.windowGrid.values(), block)
    assert fi.windowGrid.marked == (r, c)
    assert shown(fi.lines[0]) == [pytest.approx(float(block.max()))]
    assert f"row {2 * y + r}, column {2 * x + c} of map {f}" in fi.lines[1].text()
    assert fi.inputPicture.mark == (10, 12, 2, 2)


def test_without_a_sample_it_says_to_draw_a_digit_and_clicking_the_map_picks_a_pixel(qtbot, setup):
    doc, _, panel, fi = setup
    doc.set_sample(None)
    panel.show_feature(1, 0, 3, 3)
    assert "draw a digit" in fi.titleLabel.text()
    assert not any(line.isVisible() for line in fi.lines) and not fi.windowGrid.isVisible()
    assert fi.kernel.isVisible()  # the weights are there without a sample
    picture = fi.outputPicture
    chosen = []
    fi.pixelChosen.connect(lambda *a: chosen.append(a))
    QTest.mouseClick(picture, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     picture.pixel_rect(20, 7).center().toPoint())
    assert chosen == [(1, 0, 20, 7)] and fi.selection == (1, 0, 20, 7)


def test_a_neuron_click_brings_the_dense_inspector_back_and_a_new_network_drops_the_pixel(setup):
    doc, _, panel, fi = setup
    panel.show_feature(1, 0, 0, 0)
    panel.show_neuron(5, 2)
    assert panel.pages.currentIndex() == 0
    panel.show_feature(3, 5, 9, 9)
    smaller = ConvNet.create((1, 28, 28), [ConvSpec(5, 2)], [10], 10, seed=3)
    doc.set_network(smaller)
    assert fi.selection is None and panel.pages.currentIndex() == 0


def test_a_same_convolution_reads_zeros_outside_the_image(qtbot, digit):
    net = ConvNet.create((1, 28, 28), [ConvSpec(5, 2, same=True)], [10], 10, seed=2)
    doc = NetworkDocument(net)
    panel = InspectorPanel(doc, QUndoStack())
    qtbot.addWidget(panel)
    panel.show()
    doc.set_sample(conv_sample(net, digit))
    panel.show_feature(1, 1, 0, 27)  # the top-right corner: two rows above and two columns right are padding
    fi = panel.filterInspector
    padded = np.pad(digit.reshape(1, 28, 28), ((0, 0), (2, 2), (2, 2)))
    np.testing.assert_array_equal(fi.windowGrid.values(), padded[0, 0:5, 27:32])
    assert "padding" in fi.windowLabel.text()
    z = loop_z(net.layers[0].kernels[1], net.layers[0].bias[1], padded, 0, 27)
    assert shown(fi.lines[0])[-1] == pytest.approx(z, rel=1e-5, abs=1e-6)
    assert fi.inputPicture.mark == (-2, 25, 5, 5)


def test_while_training_the_newest_weights_reach_the_kernel_grid(qtbot, setup):
    doc, stack, panel, fi = setup
    panel.show_feature(1, 1, 4, 4)
    grid = fi.kernel.kernelGrid
    for step in range(1, 6):  # batches arrive faster than the panel redraws
        snapshot = doc.weights_snapshot()
        snapshot[0][0][1, 0, 2, 2] = 0.1 * step  # kernel 1's centre weight, as the trained copy has it now
        assert doc.apply_weights(snapshot)
    qtbot.waitUntil(lambda: grid.values()[2, 2] == pytest.approx(0.5))
    assert fi.kernel.weightSpin.value() == pytest.approx(0.5)
    assert stack.count() == 0  # training's weights are not edits


def test_the_arrow_keys_walk_the_kernel_and_the_spin_box_follows(setup):
    doc, _, panel, fi = setup
    panel.show_feature(3, 0, 1, 1)
    grid, kernels = fi.kernel.kernelGrid, doc.network.layers[2].kernels
    grid.setFocus()
    QTest.keyClick(grid, Qt.Key.Key_Up)
    QTest.keyClick(grid, Qt.Key.Key_Left)
    assert grid.selected == (0, 0) and fi.kernel.cell == (0, 0)
    assert fi.kernel.weightSpin.value() == pytest.approx(float(kernels[0, 0, 0, 0]), abs=1e-6)
    assert fi.windowGrid.selected == (0, 0)  # the input under that weight is outlined too


def test_a_number_being_typed_is_not_overwritten_by_training(qtbot, setup):
    doc, stack, panel, fi = setup
    panel.show_feature(1, 0, 6, 6)
    spin = fi.kernel.weightSpin
    spin.setFocus()
    spin.lineEdit().selectAll()
    QTest.keyClicks(spin.lineEdit(), "0.625")  # not yet confirmed with Return
    snapshot = doc.weights_snapshot()
    snapshot[0][0][0] *= 0.5  # a batch arrives meanwhile
    doc.apply_weights(snapshot)
    fi.refresh()
    assert spin.lineEdit().text() == "0.625"
    QTest.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    assert doc.network.layers[0].kernels[0, 0, 2, 2] == pytest.approx(0.625) and stack.count() == 1
    assert grid_value(fi, 2, 2) == pytest.approx(0.625)


def grid_value(fi, i: int, j: int) -> float:
    return float(fi.kernel.kernelGrid.values()[i, j])
