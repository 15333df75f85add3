"""Icons and check boxes that follow the palette, so a dark room sees them too.

Fusion's ▶ ❚❚ ⏭ ■ ⟳ are black pictures and its check box border is the window
colour darkened, which vanishes on a dark palette.  ``PaletteStyle`` wraps
whatever style is in force (Fusion for ``--theme``, the platform's otherwise):
those standard icons become their shape filled with the palette's ButtonText
(the Disabled group's when disabled), read each time the icon is painted — so
a theme switched while the window is open recolours them without rebuilding
anything; the check box gets a border in the palette's secondary grey.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle

from nndesk.app.style.theme import secondary_text

SP = QStyle.StandardPixmap
TINTED = (SP.SP_MediaPlay, SP.SP_MediaPause, SP.SP_MediaSkipForward, SP.SP_MediaSkipBackward,
          SP.SP_MediaStop, SP.SP_MediaSeekForward, SP.SP_MediaSeekBackward, SP.SP_BrowserReload,
          SP.SP_ArrowLeft, SP.SP_ArrowRight, SP.SP_ArrowUp, SP.SP_ArrowDown)


def tint(pixmap: QPixmap, color: QColor) -> QPixmap:
    """``pixmap``'s shape (its alpha) filled with ``color``."""
    out = QPixmap(pixmap)
    painter = QPainter(out)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(out.rect(), color)
    painter.end()
    return out


class PaletteIconEngine(QIconEngine):
    """A monochrome icon drawn in the application palette's ButtonText at paint time."""

    def __init__(self, shape: QIcon) -> None:
        super().__init__()
        self.shape = shape

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        group = QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled else QPalette.ColorGroup.Active
        color = QApplication.palette().color(group, QPalette.ColorRole.ButtonText)
        return tint(self.shape.pixmap(size, QIcon.Mode.Normal, state), color)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        pm = self.pixmap(rect.size() * dpr, mode, state)
        pm.setDevicePixelRatio(dpr)
        painter.drawPixmap(rect, pm)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return self.shape.actualSize(size, QIcon.Mode.Normal, state)

    def availableSizes(self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off):
        return self.shape.availableSizes(QIcon.Mode.Normal, state)

    def clone(self) -> QIconEngine:
        return PaletteIconEngine(self.shape)

    def key(self) -> str:
        return "nndesk-palette"


class PaletteStyle(QProxyStyle):
    """The base style, with palette-coloured media icons and check box borders (see the module)."""

    def standardIcon(self, standard_icon, option=None, widget=None) -> QIcon:
        icon = super().standardIcon(standard_icon, option, widget)
        if standard_icon in TINTED and not icon.isNull():
            return QIcon(PaletteIconEngine(icon))
        return icon

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element == QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(secondary_text(option.palette))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
            painter.restore()
