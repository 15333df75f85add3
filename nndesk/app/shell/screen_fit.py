"""The window's first size and place: as large as it likes, but never bigger than the screen.

At 1024×768 (a classroom projector) a fixed 1280×800 window puts the draw pad,
the predictions and the status bar off-screen.  The first size is the
preferred one bounded by the screen's available area (without task bars)
less the frame the window manager adds, and the window is centred there.
The frame is known only once the window is shown, so until then an estimate
is used, and ``refit`` corrects the size if the real frame does not fit.
A layout the student left (``restoreGeometry``) comes after this; Qt keeps
that one on screen itself.  A window can't be smaller than its docks'
minimum sizes, so on a small screen a dock whose contents insist on more
than their share of it scrolls instead (``scroll_what_does_not_fit``).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSize, QSizeF
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea, QWidget

PREFERRED = QSize(1280, 800)
FRAME_GUESS = QMargins(8, 38, 8, 8)  # a typical title bar and border, until the real frame is known
SHARE = QSizeF(0.5, 0.5)  # of the screen that one dock's contents may insist on, when it is too small


def first_geometry(available: QRect, preferred: QSize = PREFERRED, frame: QMargins = FRAME_GUESS) -> QRect:
    """The client rectangle (without the frame): ``preferred`` bounded by ``available`` less ``frame``,
    its frame centred in ``available``."""
    room = available.marginsRemoved(frame).size()
    size = preferred.boundedTo(room)
    outer = QSize(size.width() + frame.left() + frame.right(), size.height() + frame.top() + frame.bottom())
    left = available.left() + (available.width() - outer.width()) // 2 + frame.left()
    top = available.top() + (available.height() - outer.height()) // 2 + frame.top()
    return QRect(left, top, size.width(), size.height())


def _available(window: QWidget) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_first_size(window: QWidget, preferred: QSize = PREFERRED) -> None:
    """Before the first show: size and place ``window`` inside its screen's available area."""
    window.setGeometry(first_geometry(_available(window), preferred))


def refit(window: QWidget) -> None:
    """After showing: if the real frame sticks out of the screen, shrink and move it back inside."""
    available, outer = _available(window), window.frameGeometry()
    if available.contains(outer):
        return
    inner = window.geometry()
    frame = QMargins(inner.left() - outer.left(), inner.top() - outer.top(),
                     outer.right() - inner.right(), outer.bottom() - inner.bottom())
    window.setGeometry(first_geometry(available, inner.size(), frame))


def scroll_what_does_not_fit(window: QMainWindow, docks: list[QDockWidget]) -> None:
    """When the window's minimum size is more than the screen has, put each dock whose contents insist
    on more than their share of the screen in a scroll area that is as large as they want up to that
    share: a 660×636 draw dock then scrolls the rest on a 1024×768 projector, not on a large screen."""
    available = _available(window)
    room = available.marginsRemoved(FRAME_GUESS).size()
    if window.minimumSizeHint().boundedTo(room) == window.minimumSizeHint():
        return
    share = QSize(int(SHARE.width() * available.width()), int(SHARE.height() * available.height()))
    for dock in docks:
        content = dock.widget()
        least = content.minimumSizeHint() if content is not None else QSize()
        if content is None or isinstance(content, QScrollArea) or least.boundedTo(share) == least:
            continue
        scroll = QScrollArea(dock, widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setObjectName(f"{dock.objectName()}Scroll")
        scroll.setMinimumSize(least.boundedTo(share))  # all of it where there is room, scrolling the rest
        dock.setWidget(scroll)
        scroll.setWidget(content)
