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
    """Use the system palette, or Fusion with a fixed light or dark one."""
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}; choose one of {', '.join(THEMES)}")
    if theme == "system":
        return
    app.setStyle("Fusion")
    palette = QPalette()
    for role, color in (_DARK if theme == "dark" else _LIGHT).items():
        palette.setColor(role, QColor(color))
    disabled = QColor("#6f737a" if theme == "dark" else "#a0a0a0")
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    app.setPalette(palette)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


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
    batch = QColor("#9aa0a6" if dark else "#5f6368")
    batch.setAlpha(90)
    return PlotColors(
        background=palette.color(QPalette.ColorRole.Base),
        foreground=palette.color(QPalette.ColorRole.Text),
        train=hue["blue"], validation=hue["orange"], accuracy=hue["green"], batch=batch, marker=hue["purple"],
    )
