"""Light and dark: follow the system's palette, or force one (``--theme``, screenshots).

Qt already gives each platform's palette, dark mode included, so "system"
changes nothing.  "light" and "dark" switch to the Fusion style with a fixed
palette, the same on every machine.  Plots are not styled by Qt, so
``plot_colors`` derives their colours from whatever palette is in force;
widgets re-read it on ``QEvent.PaletteChange``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")

_DARK = {
    QPalette.ColorRole.Window: "#2b2d30", QPalette.ColorRole.WindowText: "#dfe1e5",
    QPalette.ColorRole.Base: "#1e1f22", QPalette.ColorRole.AlternateBase: "#26282b",
    QPalette.ColorRole.Text: "#dfe1e5", QPalette.ColorRole.Button: "#393b40",
    QPalette.ColorRole.ButtonText: "#dfe1e5", QPalette.ColorRole.Highlight: "#3574f0",
    QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#393b40",
    QPalette.ColorRole.ToolTipText: "#dfe1e5", QPalette.ColorRole.PlaceholderText: "#8c8f94",
    QPalette.ColorRole.Link: "#589df6", QPalette.ColorRole.Mid: "#4e5157",
}
_LIGHT = {
    QPalette.ColorRole.Window: "#f2f2f2", QPalette.ColorRole.WindowText: "#1e1e1e",
    QPalette.ColorRole.Base: "#ffffff", QPalette.ColorRole.AlternateBase: "#f5f7fa",
    QPalette.ColorRole.Text: "#1e1e1e", QPalette.ColorRole.Button: "#e8e8e8",
    QPalette.ColorRole.ButtonText: "#1e1e1e", QPalette.ColorRole.Highlight: "#2f6fd6",
    QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#ffffdc",
    QPalette.ColorRole.ToolTipText: "#1e1e1e", QPalette.ColorRole.PlaceholderText: "#7a7a7a",
    QPalette.ColorRole.Link: "#1a5fb4", QPalette.ColorRole.Mid: "#b8b8b8",
}


def apply(app: QApplication, theme: str = "system") -> None:
    """Use the system palette, or Fusion with a fixed light or dark one; icons follow either (``PaletteStyle``)."""
    from nndesk.app.style.palette_style import PaletteStyle  # it reads ``secondary_text`` from here

    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}; choose one of {', '.join(THEMES)}")
    if theme == "system":
        app.setStyle(PaletteStyle())  # the platform's style, wrapped
        return
    app.setStyle(PaletteStyle("Fusion"))
    palette = QPalette()
    for role, color in (_DARK if theme == "dark" else _LIGHT).items():
        palette.setColor(role, QColor(color))
    disabled = QColor("#6f737a" if theme == "dark" else "#a0a0a0")
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    app.setPalette(palette)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved a fraction ``t`` of the way to ``b``."""
    return QColor(*(round(x + (y - x) * t) for x, y in zip(a.getRgb()[:3], b.getRgb()[:3])))


SECONDARY = 0.3  # how far secondary text moves from Text to Base: ≥ 6:1 contrast on both palettes


def secondary_text(palette: QPalette) -> QColor:
    """The grey of secondary labels, symbolic formulas and outlines: the palette's Text toward its Base,
    so it reads on a projector in a dark room as well as on paper-white (no constant greys)."""
    return mix(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), SECONDARY)


@dataclass(frozen=True)
class PlotColors:
    background: QColor
    foreground: QColor  # axes, labels
    train: QColor  # training cost
    validation: QColor  # validation cost
    accuracy: QColor  # validation accuracy (second axis)
    batch: QColor  # per-batch cost, drawn faint
    marker: QColor  # learning-rate change lines


def hues(dark: bool) -> dict[str, QColor]:
    """The Okabe–Ito hues (safe for colour-blind students) that the plot and the canvas share,
    lighter on a dark palette: blue = training cost and w > 0, orange = validation and w < 0."""
    pairs = {"blue": ("#56b4e9", "#0072b2"), "orange": ("#e69f00", "#d55e00"),
             "green": ("#5ec962", "#009e73"), "purple": ("#cc79a7", "#a8457e")}
    return {name: QColor(on_dark if dark else on_light) for name, (on_dark, on_light) in pairs.items()}


def plot_colors(palette: QPalette) -> PlotColors:
    """Curve colours that read well on this palette's base colour (Okabe–Ito hues)."""
    dark = is_dark(palette)
    hue = hues(dark)
    batch = secondary_text(palette)
    batch.setAlpha(190)  # fainter than the epoch curves, yet its legend line reads in a dark room
    return PlotColors(
        background=palette.color(QPalette.ColorRole.Base),
        foreground=palette.color(QPalette.ColorRole.Text),
        train=hue["blue"], validation=hue["orange"], accuracy=hue["green"], batch=batch, marker=hue["purple"],
    )
