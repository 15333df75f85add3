"""Dark rooms: the ▶ ■ icons, check box borders and secondary greys must stand out from what is behind them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QStyle, QStyleOptionButton, QToolButton

from nndesk.app.style import theme
from nndesk.app.style.colors import CanvasColors
from nndesk.app.training.dock import TrainingDock


def luminance(c: QColor) -> float:
    def lin(v: int) -> float:
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * lin(c.red()) + 0.7152 * lin(c.green()) + 0.0722 * lin(c.blue())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio: 1 (same) … 21 (black on white)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.fixture(params=["dark", "light"])
def themed(request, qapp):
    """The app in a forced theme for one test, then back to what it was."""
    name, palette = qapp.style().name(), QPalette(qapp.palette())
    theme.apply(qapp, request.param)
    yield request.param
    qapp.setStyle(name)
    qapp.setPalette(palette)


def best_contrast(image: QImage, x0: int, x1: int, background: QColor) -> float:
    return max(contrast(image.pixelColor(x, y), background)
               for x in range(x0, x1) for y in range(image.height()))


def test_train_and_stop_icons_stand_out_from_their_buttons(qtbot, themed) -> None:
    dock = TrainingDock()
    qtbot.addWidget(dock)
    dock.show()
    qtbot.waitExposed(dock)
    for name in ("trainButton", "stepButton", "resetButton"):
        button = dock.findChild(QToolButton, name)
        image = button.grab().toImage()
        background = image.pixelColor(image.width() - 3, image.height() // 2)  # right of the text
        size = button.iconSize().width()
        # the icon sits left of the text: its strongest pixel must read like text does (≥ 4.5:1)
        assert best_contrast(image, 3, 3 + size + 2, background) >= 4.5, (themed, name)


def test_a_disabled_icon_is_dimmer_than_an_enabled_one(qtbot, themed) -> None:
    dock = TrainingDock()
    qtbot.addWidget(dock)
    dock.show()
    qtbot.waitExposed(dock)
    assert not dock.stop_action.isEnabled() and dock.train_action.isEnabled()
    window = QApplication.palette().color(QPalette.ColorRole.Button)
    size = dock.findChild(QToolButton, "trainButton").iconSize()
    on = dock.train_action.icon().pixmap(size).toImage()
    off = dock.stop_action.icon().pixmap(size, dock.stop_action.icon().Mode.Disabled).toImage()
    strongest = [max(contrast(img.pixelColor(x, y), window) for x in range(img.width()) for y in range(img.height())
                     if img.pixelColor(x, y).alpha() > 200) for img in (on, off)]
    assert strongest[0] > strongest[1] > 1.5


def test_an_unchecked_check_box_shows_its_border(qtbot, themed) -> None:
    box = QCheckBox("freeze")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    option = QStyleOptionButton()
    option.initFrom(box)
    rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    image = box.grab().toImage()
    window = box.palette().color(QPalette.ColorRole.Window)
    left_edge = max(contrast(image.pixelColor(QPoint(rect.left() + dx, rect.center().y())), window) for dx in (0, 1))
    assert left_edge >= 3.0  # WCAG's minimum for a control's outline


def test_secondary_greys_read_on_both_palettes(themed) -> None:
    palette = QApplication.palette()
    base = palette.color(QPalette.ColorRole.Base)
    assert contrast(theme.secondary_text(palette), base) >= 4.5
    assert CanvasColors.from_palette(palette).muted == theme.secondary_text(palette)
    batch = theme.plot_colors(palette).batch
    assert contrast(batch, base) >= 4.5 and batch.alpha() >= 128
