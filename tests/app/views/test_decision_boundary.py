"""The decision boundary shows the network's output over the plane and follows weight changes."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.views.decision_boundary import GRID, MARGIN, DecisionBoundaryView
from nndesk.engine.core.network import Network


@pytest.fixture
def view(qtbot) -> DecisionBoundaryView:
    doc = NetworkDocument(Network.create([2, 8, 8, 2], "tanh", "cross-entropy", seed=0), "xor", None)
    view = DecisionBoundaryView(doc)
    qtbot.addWidget(view)
    view.resize(400, 400)
    view.show()
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, (200, 2)).astype(np.float32)
    view.set_data(x, (x[:, 0] * x[:, 1] < 0).astype(int))
    return view


def test_image_is_the_networks_output_on_the_grid(view: DecisionBoundaryView) -> None:
    a = view.document.network.feedforward(view.grid())
    assert view.values.shape == (GRID, GRID)
    np.testing.assert_allclose(view.values.ravel(), a[:, 1], rtol=1e-5)
    lo, span = view.x.min(axis=0), np.ptp(view.x, axis=0)
    assert view.grid()[0] == pytest.approx(lo - MARGIN * span)  # the data's corner plus a small margin


def test_refreshes_on_weights_changed(view: DecisionBoundaryView, qtbot) -> None:
    before = view.values.copy()
    with qtbot.waitSignal(view.document.weightsChanged):
        view.document.set_bias(2, 1, 5.0)  # pushes every point towards class 1
    assert view.values.mean() > before.mean() + 0.1


def test_follows_architecture_and_refuses_other_inputs(view: DecisionBoundaryView) -> None:
    view.document.set_layer_size(1, 3)
    np.testing.assert_allclose(view.values.ravel(), view.document.network.feedforward(view.grid())[:, 1], rtol=1e-5)
    view.document.set_network(Network.create([3, 2, 1], seed=0), "lecture", None)
    assert view.values is None and view.message.isVisible()


def test_set_dataset_takes_a_toy_set(view: DecisionBoundaryView) -> None:
    from nndesk.engine.data.toy import circles

    data = circles(100, seed=1)
    view.set_dataset(data)
    np.testing.assert_array_equal(view.x, data.inputs())
    assert view.values.shape == (GRID, GRID)
