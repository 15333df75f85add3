"""A saturated run in the window: the banner says the network saturated (not "became infinite"), in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QToolButton

from nndesk.app.shell import i18n
from nndesk.app.training.divergence import DivergenceBanner
from nndesk.engine.core.training import TrainingDiverged
from nndesk.engine.runs.recipe import TrainingRecipe
from tests.app.people import LEFT, pick


def _engine_explanation(learning_rate: float) -> str:
    """What the engine says about a real run on XOR at ``learning_rate``."""
    recipe = TrainingRecipe.for_dataset("xor", learning_rate=learning_rate, epochs=3)
    source = recipe.load_data()
    net = recipe.build_network(2, 2)
    with pytest.raises(TrainingDiverged) as info:
        list(recipe.make_trainer(net, source).epochs())
    return str(info.value)


@pytest.fixture
def english(qapp):
    yield
    i18n.install("en")


def test_the_banner_tells_a_saturated_network_from_an_infinite_cost_in_english_and_russian(qtbot, english):
    banner = DivergenceBanner()
    qtbot.addWidget(banner)
    saturated = _engine_explanation(999999)
    banner.show_divergence(saturated, 999999)
    text = banner.messageLabel.text()
    assert banner.isVisible() and banner.toolTip() == saturated
    assert text.startswith("Training diverged: the network saturated. With learning rate η = 999999")
    assert "σ′ = 0" in text and "the cost became infinite" not in text
    assert banner.applyButton.text() == "Use η = 100000 and train again"  # η/10, to 3 significant digits

    i18n.install("ru")  # Qt sends LanguageChange to every widget
    qtbot.waitUntil(lambda: banner.messageLabel.text().startswith("Обучение разошлось: сеть насытилась"))
    assert "η = 999999" in banner.messageLabel.text()

    i18n.install("en")
    qtbot.waitUntil(lambda: "saturated" in banner.messageLabel.text())
    banner.show_divergence("training diverged in epoch 2 (first in layer 1): the cost became infinite or NaN", 5.0)
    assert banner.messageLabel.text().startswith("Training diverged: the cost became infinite.")


def test_training_xor_with_a_huge_rate_shows_the_saturation_banner_in_the_window(qtbot, window):
    pick(window.findChild(QComboBox, "datasetPicker"), "XOR")  # tanh + softmax: saturates, stays finite
    assert window.recipe.dataset == "xor"
    window.trainer.update(learning_rate=999999, epochs=3)  # typed in: far past the slider's range
    with qtbot.waitSignal(window.trainer.diverged, timeout=60_000) as blocker:
        QTest.mouseClick(window.findChild(QToolButton, "trainButton"), LEFT)
    explanation, eta = blocker.args
    assert "the network saturated" in explanation and eta == pytest.approx(999999)
    qtbot.waitUntil(lambda: window.trainer.state == "idle", timeout=10_000)
    banner = window.divergence_banner
    assert banner.isVisible() and banner.messageLabel.text().startswith("Training diverged: the network saturated.")
    assert banner.toolTip() == explanation
