"""A square of paper to draw a digit on, with the mouse or a pen.

The drawing is kept at 280×280 (ten times MNIST's 28×28) in dark ink on white
paper, so strokes are smooth; ``image28`` turns it into what an MNIST network
expects with ``mnist_centre`` (crop, longest side 20 px, centre of mass at the
middle, white ink on black).  ``imageChanged`` fires on every stroke segment,
not only on release: one forward pass costs far less than a millisecond, so
the prediction bars can move while the pen moves.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from nndesk.engine.data.preprocess import mnist_centre

SIZE = 280  # the drawing's side in pixels


class DrawPad(QWidget):
    imageChanged = Signal(object)  # float32 (28, 28) in 0..1: exactly what the network is fed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawPad")
        self._paper = QImage(SIZE, SIZE, QImage.Format.Format_Grayscale8)
        self._paper.fill(255)
        self._brush_width = 22.0  # in drawing pixels; MNIST strokes are ~2–3 px of 28
        self._last: QPointF | None = None  # the pen is down while this is set
        self._blank = True
        self._blank_shown = True  # the hint text is on screen
        self.setMinimumSize(140, 140)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Esc clears
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_TabletTracking)
        self.retranslate()

    # ---- the public surface -----------------------------------------------------
    def brush_width(self) -> float:
        return self._brush_width

    def set_brush_width(self, width: float) -> None:
        self._brush_width = float(width)

    def is_blank(self) -> bool:
        return self._blank

    def gray(self) -> np.ndarray:
        """The drawing itself: uint8 (280, 280), 255 = paper, 0 = ink."""
        bits = np.frombuffer(self._paper.constBits(), np.uint8)
        return bits.reshape(SIZE, self._paper.bytesPerLine())[:, :SIZE]

    def image28(self) -> np.ndarray:
        """float32 (28, 28) in 0..1, ink bright, centred the MNIST way."""
        return mnist_centre(self.gray(), ink_is_dark=True)

    def show_digit(self, image: np.ndarray) -> None:
        """Put a 28×28 digit (ink bright, 0..1) on the paper in 10×10 squares, without ``imageChanged``:
        whoever shows it feeds the network the exact pixels (a stroke over it then starts a new drawing)."""
        ink = np.clip(np.rint(255 - np.asarray(image, np.float32).reshape(28, 28) * 255), 0, 255).astype(np.uint8)
        small = QImage(np.ascontiguousarray(ink).data, 28, 28, 28, QImage.Format.Format_Grayscale8)
        painter = QPainter(self._paper)
        painter.drawImage(QRectF(0, 0, SIZE, SIZE), small)  # not smoothed: each pixel the network sees, a square
        painter.end()
        self._blank, self._blank_shown, self._last = False, False, None
        self.update()

    def clear(self) -> None:
        self._paper.fill(255)
        self._blank, self._blank_shown, self._last = True, True, None
        self.update()
        self.imageChanged.emit(np.zeros((28, 28), np.float32))

    def retranslate(self) -> None:
        self.setToolTip(self.tr("Draw a digit. Right-click or Esc clears."))

    # ---- drawing ------------------------------------------------------------------
    def _target(self) -> QRectF:
        """Where the paper is shown: the largest centred square."""
        side = min(self.width(), self.height())
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def _to_paper(self, pos: QPointF) -> QPointF:
        t = self._target()
        return QPointF((pos.x() - t.x()) * SIZE / t.width(), (pos.y() - t.y()) * SIZE / t.height())

    def _stroke(self, pos: QPointF, pressure: float = 1.0) -> None:
        """Ink from the last point to ``pos`` (a dot on pen-down), then tell the listeners."""
        p = self._to_paper(pos)
        painter = QPainter(self._paper)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self._brush_width * (0.3 + 0.7 * min(max(pressure, 0.0), 1.0))
        painter.setPen(QPen(QColor(0, 0, 0), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        start = p if self._last is None else self._last
        if self._last is None:
            painter.drawPoint(p)
        else:
            painter.drawLine(start, p)
        painter.end()
        self._last, self._blank = p, False
        self._update_segment(start, p, width)
        self.imageChanged.emit(self.image28())

    def _update_segment(self, a: QPointF, b: QPointF, width: float) -> None:
        """Repaint only around the new ink: the whole pad costs ten times more to draw."""
        if self._blank_shown:
            self._blank_shown = False
            self.update()  # the "draw here" hint must go
            return
        t = self._target()
        f = t.width() / SIZE
        m = width / 2 + 2
        rect = QRectF(min(a.x(), b.x()) - m, min(a.y(), b.y()) - m, abs(a.x() - b.x()) + 2 * m,
                      abs(a.y() - b.y()) + 2 * m)
        self.update(QRectF(t.x() + rect.x() * f, t.y() + rect.y() * f, rect.width() * f,
                           rect.height() * f).toAlignedRect())

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.RightButton:
            self.clear()
        elif event.button() == Qt.MouseButton.LeftButton:
            self._last = None
            self._stroke(event.position())

    def mouseMoveEvent(self, event) -> None:
        if self._last is not None:
            self._stroke(event.position())

    def mouseReleaseEvent(self, event) -> None:
        self._last = None

    def tabletEvent(self, event) -> None:
        """Pen pressure sets the stroke width; accepted, so no mouse events are synthesised."""
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._last = None
            self._stroke(event.position(), event.pressure())
        elif kind == QEvent.Type.TabletMove and self._last is not None:
            self._stroke(event.position(), event.pressure())
        elif kind == QEvent.Type.TabletRelease:
            self._last = None
        event.accept()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
        else:
            super().keyPressEvent(event)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        target = self._target()
        painter.drawImage(target, self._paper)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.drawRect(target.adjusted(0, 0, -1, -1))
        if self._blank:
            painter.setPen(QColor(150, 150, 150))
            painter.drawText(target, Qt.AlignmentFlag.AlignCenter, self.tr("Draw a digit here"))
