"""The bundled digits open with a ready-trained network, so the first digit a student draws is read.

``MainWindow`` mixes this in.  ``_network_for_data`` is the network a data set
opens with: for the bundled digits the shipped one (``engine.runs.pretrained``:
read and checked like any model file), else a fresh one; ``_show_ready`` then
puts its training history in the cost plot and says on the badge above the
canvas what the student has in front of them.  The badge goes when the
network stops being the shipped one: Train, Reset, another network, an edit of
the architecture.  The shipped weights are not the student's work: the network
is not "modified", so Reset and switching data sets don't ask to save them.
A file that can't serve (missing, damaged, another shape) is no crash: the
network starts from random weights and the badge says why.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from nndesk.app.training.controller import TrainerState
from nndesk.engine.core.network import Network
from nndesk.engine.runs.pretrained import ReadyTrained, ready_trained


class ReadyBadge(QFrame):
    """One line over the canvas: "ready-trained" (and how well), or why the network is random after all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readyTrainedBadge")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self, objectName="readyTrainedText", wordWrap=True)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 3, 8, 3)
        row.addWidget(self.label, 1)
        self.ready: ReadyTrained | None = None
        self.hide()

    def show_ready(self, ready: ReadyTrained | None) -> None:
        """Say what ``ready`` is (None: hide)."""
        self.ready = ready
        self.retranslate()
        self.setVisible(ready is not None)

    def is_ready_trained(self) -> bool:
        """True while the network on the canvas is the shipped, ready-trained one."""
        return self.isVisibleTo(self.parentWidget()) and self.ready is not None and self.ready.network is not None

    def retranslate(self) -> None:
        ready = self.ready
        if ready is None:
            return
        if ready.network is None:
            self.label.setText(self.tr("<b>Random weights.</b> The ready-trained digits network could not be read "
                                       "(%1), so this one has learned nothing yet: press Train.")
                               .replace("%1", ready.problem))
            self.setToolTip(ready.problem)
            return
        accuracy = QLocale().toString(100 * (ready.val_accuracy or 0.0), "f", 1)
        text = self.tr("<b>Ready-trained</b>: %1 % right on digits it never saw. Draw one!")
        self.label.setText(text.replace("%1", accuracy))
        self.setToolTip(self.tr("This network was trained on the 5,000 bundled digits before nndesk shipped, so "
                                "it reads what you draw at once. Reset gives random weights to train from "
                                "scratch."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class WindowReady:
    _ready: ReadyTrained | None = None  # what the current data set opened with

    def _network_for_data(self) -> Network:
        """The network the data set opens with: the ready-trained one when there is one, else fresh."""
        self._ready = ready_trained(self.recipe)
        if self._ready is not None and self._ready.network is not None:
            return self._ready.network
        return self._fresh_network()

    def _show_ready(self) -> None:
        """After the document took ``_network_for_data``'s network: its history in the cost plot, the badge."""
        ready = self._ready
        if ready is not None and ready.network is not None:
            self.trainer.restore(ready.history, None)  # the next Train goes on from epoch 400, a fresh optimizer
            for stats in ready.history:
                self.loss_plot.add_epoch(stats)
            self._show_budget()
        self.ready_badge.show_ready(ready)

    def _wire_ready_badge(self) -> None:
        """The badge goes as soon as the network is no longer the shipped one."""
        self.document.architectureChanged.connect(self._not_ready_any_more)  # Reset, a file, another data set
        self.trainer.stateChanged.connect(
            lambda state: state in (TrainerState.RUNNING, TrainerState.STEPPING) and self._not_ready_any_more())

    def _not_ready_any_more(self) -> None:
        self.ready_badge.show_ready(None)  # (``_show_ready`` shows it again when a data set opens with it)
