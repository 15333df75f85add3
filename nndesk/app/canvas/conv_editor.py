"""What the canvas's feature-layer buttons and menus do: push convolution edits as undo commands.

The convolution counterpart of ``LayerEditor``: the same ＋/− habit, the
same context menu, every edit one command on the shared undo stack (so a
running training is asked about first by the window's ``GuardedUndoStack``,
exactly as for dense layers).  Layer numbers are the canvas's L: a⁽ᴸ⁾ is the
output of feature layer L − 1 (``conv_edit`` position), 0 the input image.

An edit the network can't take is checked before anything is pushed: the
student gets its one line (the window's ``show_message`` when the editor
lives in the main window, else a tooltip at the pointer) and nothing
changes, the undo history included.  Buttons inside the scene should call
these methods deferred (``QTimer.singleShot(0, …)``), as ``LayerEditor``
does: an edit rebuilds the scene, which must not delete a button inside its
own click.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QCursor, QUndoStack
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QToolTip, QWidget

from nndesk.app.document import conv_commands
from nndesk.app.document.conv_refusals import refusal_text
from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.style.colors import sup
from nndesk.engine.core.conv import Conv2D
from nndesk.engine.core.conv_refusal import MAX_FILTERS, MAX_KERNEL, MAX_POOL, Refusal
from nndesk.engine.core.convnet import ConvNet
from nndesk.engine.core.pool import MaxPool2D

KERNEL_CHOICES = (3, 5, 7)  # the menu's sizes; any 1…MAX_KERNEL through "Other size…"
POOL_CHOICES = (2, 3, 4)  # a pooling's block sizes in its menu; any 2…MAX_POOL through "Other size…"
NEW_KERNELS = (5, 3)  # a new convolution: 5×5 (LeNet's, the digits-cnn preset's) where it fits, else 3×3
NEW_FILTERS = 8  # a first convolution's filters; later ones start with as many as the one before


class ConvEditor(QObject):
    refused = Signal(str)  # the line a refused edit showed, in the UI's language

    def __init__(self, document: NetworkDocument, undo_stack: QUndoStack, parent: QWidget) -> None:
        super().__init__(parent)
        self.document, self.undo_stack, self.widget = document, undo_stack, parent

    # ---- reading -----------------------------------------------------------
    @property
    def _features(self) -> list:
        net = self.document.network
        return net.features if isinstance(net, ConvNet) else []

    def _conv(self, L: int) -> Conv2D | None:
        return self._feature(L, Conv2D)

    def _pool(self, L: int) -> MaxPool2D | None:
        return self._feature(L, MaxPool2D)

    def _feature(self, L: int, kind: type) -> Conv2D | MaxPool2D | None:
        """The feature layer making a⁽ᴸ⁾ if it is a ``kind``."""
        features = self._features
        return features[L - 1] if 1 <= L <= len(features) and isinstance(features[L - 1], kind) else None

    def _image_input(self) -> bool:
        return isinstance(self.document.network, ConvNet) or self.document.input_shape is not None

    # ---- edits -------------------------------------------------------------
    def add_conv(self, position: int) -> bool:
        """A new convolution after feature layer ``position`` (0: right after the input).

        5×5 kernels where they (and every layer after them) still fit, else 3×3; as many filters
        as the nearest convolution before it, else 8.
        """
        before = [f for f in self._features[:position] if isinstance(f, Conv2D)]
        filters = before[-1].filters if before else NEW_FILTERS
        for k in NEW_KERNELS[:-1]:
            try:
                return self._push(lambda k=k: conv_commands.add_conv(self.document, position, k, filters), quiet=True)
            except Refusal as e:
                if e.reason not in ("kernel_too_big", "pool_too_big", "too_much_copying", "too_many_values"):
                    return self._refuse(e)
        return self._push(lambda: conv_commands.add_conv(self.document, position, NEW_KERNELS[-1], filters))

    def add_pool(self, position: int) -> bool:
        """A new 2×2 max pooling after feature layer ``position``: the maps halve."""
        return self._push(lambda: conv_commands.add_pool(self.document, position, 2))

    def remove_feature(self, L: int) -> bool:
        """Remove the convolution or pooling that makes a⁽ᴸ⁾ (the last one: back to a dense network)."""
        return self._push(lambda: conv_commands.remove_feature(self.document, L - 1))

    def set_filters(self, L: int, filters: int) -> bool:
        conv = self._conv(L)
        if conv is not None and conv.filters == filters:
            return False
        return self._push(lambda: conv_commands.set_filters(self.document, L - 1, filters))

    def step_filters(self, L: int, sign: int, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
                     ) -> bool:
        """One filter more or less; with Shift twice or half as many (8 → 16 → 32, the steps CNNs are
        usually sized in), up to 256.  The same habit as the dense layers' −/+ for neurons.

        Below 1 or above 256 the student is told why nothing happens.  A run of clicks on one layer,
        nothing trained in between, is one undo step (``ConvEditCommand.merge_key``).
        """
        conv = self._conv(L)
        if conv is None:
            return self._push(lambda: conv_commands.set_filters(self.document, L - 1, 1))  # says why
        n = conv.filters
        if modifiers & Qt.KeyboardModifier.ShiftModifier:
            target = (min(n * 2, MAX_FILTERS) if n < MAX_FILTERS else n * 2) if sign > 0 else n // 2
        else:
            target = n + (1 if sign > 0 else -1)
        return self.set_filters(L, target)

    def ask_filters(self, L: int) -> bool:
        conv = self._conv(L)
        if conv is None:
            return False
        n, ok = QInputDialog.getInt(self.widget, self.tr("Filters"),
                                    self.tr("Filters (feature maps) of the convolution making a{0}:").format(sup(L)),
                                    conv.filters, 1, MAX_FILTERS)
        return self.set_filters(L, n) if ok else False

    def set_kernel_size(self, L: int, k: int) -> bool:
        """k×k kernels for the convolution making a⁽ᴸ⁾: fresh ones (a 5×5 pattern is not a 3×3 one)."""
        conv = self._conv(L)
        if conv is not None and conv.k == k:
            return False
        return self._push(lambda: conv_commands.set_kernel_size(self.document, L - 1, k))

    def ask_kernel_size(self, L: int) -> bool:
        conv = self._conv(L)
        return conv is not None and self._ask_size(self.tr("Kernel size"), self.tr(
            "Kernels are k×k; new kernels start fresh. k:"), conv.k, 1, MAX_KERNEL,
            lambda k: self.set_kernel_size(L, k))

    def set_pool_size(self, L: int, size: int) -> bool:
        """size×size blocks for the pooling making a⁽ᴸ⁾: the maps after it change size, the kernels stay."""
        pool = self._pool(L)
        if pool is not None and pool.size == size:
            return False
        return self._push(lambda: conv_commands.set_pool_size(self.document, L - 1, size))

    def ask_pool_size(self, L: int) -> bool:
        pool = self._pool(L)
        return pool is not None and self._ask_size(self.tr("Pooling size"), self.tr(
            "The pooling keeps the largest of each p×p block. p:"), pool.size, 2, MAX_POOL,
            lambda p: self.set_pool_size(L, p))

    def _ask_size(self, title: str, label: str, now: int, low: int, high: int, choose: Callable[[int], bool]
                  ) -> bool:
        n, ok = QInputDialog.getInt(self.widget, title, label, now, low, high)
        return choose(n) if ok else False

    # ---- menus -------------------------------------------------------------
    def kernel_menu(self, L: int, parent: QWidget | None = None) -> QMenu:
        """3×3, 5×5, 7×7 (the current size checked, also when it is another) and "Other size…"."""
        conv = self._conv(L)
        return self._size_menu(self.tr("Kernel size"), KERNEL_CHOICES, conv.k if conv is not None else 0,
                               lambda k: self.set_kernel_size(L, k), lambda: self.ask_kernel_size(L), parent)

    def pool_menu(self, L: int, parent: QWidget | None = None) -> QMenu:
        """2×2, 3×3, 4×4 (the current size checked) and "Other size…"."""
        pool = self._pool(L)
        return self._size_menu(self.tr("Pooling size"), POOL_CHOICES, pool.size if pool is not None else 0,
                               lambda p: self.set_pool_size(L, p), lambda: self.ask_pool_size(L), parent)

    def _size_menu(self, title: str, choices: tuple[int, ...], current: int, choose: Callable[[int], bool],
                   ask: Callable[[], bool], parent: QWidget | None) -> QMenu:
        menu = QMenu(title, parent or self.widget)
        for n in sorted({*choices, current} - {0}):
            action = QAction(f"{n}×{n}", menu, checkable=True, checked=n == current)
            action.triggered.connect(lambda _=False, n=n: choose(n))
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.tr("Other size…"), ask)
        return menu

    def context_menu(self, L: int) -> QMenu:
        """Everything one can do at layer L: a convolution's filters and kernels, new layers, removal."""
        menu = QMenu(self.widget)
        self.fill_menu(menu, L)
        return menu

    def fill_menu(self, menu: QMenu, L: int) -> None:
        """Add layer L's convolution entries to ``menu`` (also for merging into a dense layer's menu)."""
        n = len(self._features)
        if self._conv(L) is not None:
            menu.addAction(self.tr("Filters…"), lambda: self.ask_filters(L))
            menu.addMenu(self.kernel_menu(L, menu))
            menu.addSeparator()
        elif self._pool(L) is not None:
            menu.addMenu(self.pool_menu(L, menu))
            menu.addSeparator()
        if not self._image_input():
            return
        if 1 <= L <= n + (1 if n else 0):
            menu.addAction(self.tr("Insert convolution before"), lambda: self.add_conv(L - 1))
            menu.addAction(self.tr("Insert pooling before"), lambda: self.add_pool(L - 1))
        if 0 <= L <= n:
            menu.addAction(self.tr("Insert convolution after"), lambda: self.add_conv(L))
            menu.addAction(self.tr("Insert pooling after"), lambda: self.add_pool(L))
        if 1 <= L <= n:
            menu.addSeparator()
            remove = self.tr("Remove this convolution") if self._conv(L) else self.tr("Remove this pooling")
            menu.addAction(remove, lambda: self.remove_feature(L))

    # ---- pushing and refusing ----------------------------------------------
    def _push(self, make: Callable[[], conv_commands.ConvEditCommand], quiet: bool = False) -> bool:
        """Build the command (checked) and push it; a refusal is shown, or raised when ``quiet``."""
        try:
            command = make()
        except Refusal as e:
            if quiet:
                raise
            return self._refuse(e)
        self.undo_stack.push(command)  # the window's stack may decline (the student kept the training)
        return command.new is not None  # made by its first redo

    def _refuse(self, refusal: Refusal) -> bool:
        text = refusal_text(refusal, lambda L: f"a{sup(L)}")  # layers named as the canvas heads them
        show = getattr(self.widget.window(), "show_message", None)
        if callable(show):
            show(self.tr("This change can't be made"), text, QMessageBox.Icon.Information)
        else:
            QToolTip.showText(QCursor.pos(), text, self.widget)
        self.refused.emit(text)
        return False
