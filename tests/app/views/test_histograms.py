"""HistogramsView: per-layer weight and gradient-size histograms from epoch snapshots."""

import numpy as np

from nndesk.app.views.histograms import HistogramsView, histogram, log_gradient_sizes
from nndesk.engine.core.reports import EpochReport
from nndesk.engine.core.training import EpochStats
from nndesk.engine.fast.gradient import BatchGradients


def test_histogram_counts_every_finite_value():
    edges, counts = histogram(np.array([0.0, 1.0, 1.0, np.nan, 2.0]))
    assert counts.sum() == 4 and len(edges) == len(counts) + 1
    edges, counts = histogram(np.zeros(5))  # a flat layer still gets a bin
    assert counts.sum() == 5


def test_gradient_sizes_are_orders_of_magnitude_without_exact_zeros():
    np.testing.assert_allclose(log_gradient_sizes(np.array([0.001, -0.1, 0.0])), [-3, -1])


def _report(epoch: int, weights: list[np.ndarray], grads: list[np.ndarray] | None = None) -> EpochReport:
    """What the trainer sends: gradients as the engine keeps them, ∂C/∂[W | b]ᵀ per layer (biases' all 0 here)."""
    stats = EpochStats(epoch, 1.0, 1.0, 0.5, 0.1, 1.0, 100.0)
    batch = None if grads is None else BatchGradients([np.vstack([g.T, np.zeros(len(g))]) for g in grads])
    return EpochReport(stats, epoch, tuple((w, np.zeros(len(w))) for w in weights), batch)


def test_view_builds_one_column_per_layer_and_updates_per_epoch(qtbot):
    view = HistogramsView()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    rng = np.random.default_rng(0)
    weights = [rng.normal(size=(5, 4)), rng.normal(size=(2, 5))]
    grads = [rng.normal(size=(5, 4)) * 1e-3, rng.normal(size=(2, 5))]
    view.on_epoch(_report(1, weights, grads))
    assert len(view.weight_curves) == len(view.grad_curves) == 2
    x, y = view.weight_curves[1].getData()
    assert y.sum() == 10
    x, y = view.grad_curves[0].getData()
    assert y.sum() == 20 and x.max() < 0  # gradients ~1e-3: log₁₀ < 0
    view.update_snapshot([weights[0]])  # a smaller network: rebuilt
    assert len(view.weight_curves) == 1 and view.epoch == 2


def test_view_redraws_at_most_once_a_second(qtbot):
    view = HistogramsView()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    rng = np.random.default_rng(1)
    view.on_epoch(_report(1, [rng.normal(size=(3, 2))]))
    assert view.epoch == 1 and not view.pending()  # the first epoch is drawn at once
    for epoch in (2, 3, 4):  # epochs arriving faster than once a second: only the newest is drawn, later
        view.on_epoch(_report(epoch, [rng.normal(size=(3, 2))]))
    assert view.epoch == 1 and view.pending()
    qtbot.waitUntil(lambda: view.epoch == 4, timeout=3000)


def test_hidden_view_does_no_work_until_shown(qtbot):
    view = HistogramsView()
    qtbot.addWidget(view)
    view.on_epoch(_report(7, [np.ones((3, 2))]))
    assert view.weight_curves == [] and view.pending()  # a background tab bins nothing
    view.show()
    qtbot.waitUntil(lambda: view.epoch == 7)
