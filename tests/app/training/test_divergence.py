"""DivergenceBanner: explains a diverged run and applies η/10 in one click."""

from PySide6.QtCore import Qt

from nndesk.app.training.divergence import DivergenceBanner, smaller_rate


def test_banner_offers_a_ten_times_smaller_learning_rate(qtbot):
    banner = DivergenceBanner()
    qtbot.addWidget(banner)
    banner.show_divergence("cost became NaN", 5.0)
    assert banner.isVisible() and "η = 5" in banner.messageLabel.text()
    assert "0.5" in banner.applyButton.text()
    with qtbot.waitSignal(banner.learningRateChosen) as blocker:
        qtbot.mouseClick(banner.applyButton, Qt.MouseButton.LeftButton)
    assert blocker.args == [0.5] and not banner.isVisible()
    assert smaller_rate(0.333) == 0.0333
