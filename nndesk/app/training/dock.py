"""The Training dock: which data to learn from, the run buttons, and the settings.

Buttons are tool buttons bound to this dock's QActions, so the menu, the
Space shortcut and the buttons share one enabled state.  Settings follow the
napari controls pattern: a widget edit emits ``settingsEdited``; the window
writes it to ``TrainingControl``; ``show_settings`` writes the control's
state back with the widget's signals blocked, so nothing echoes.  Cost and
optimizer belong to a run, so they are locked while one is active.  The pace
(epochs per second) is one more live setting; a new data set chooses its
default — watchable for the small toy sets, as fast as possible for the rest —
and sends it like an edit, since no recipe holds it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QSpinBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nndesk.app.training.controller import TrainerState
from nndesk.app.training.learning_rate_slider import LearningRateSlider
from nndesk.app.training.pace import PACES, WATCHABLE
from nndesk.engine.core.control import Hyperparameters

OPEN = "<open>"  # the picker's last entry: choose a file or folder
COSTS, OPTIMIZERS = ("quadratic", "cross-entropy"), ("sgd", "momentum", "adam")
SMALL_SETS = ("xor", "circles", "spiral", "gaussians", "lecture")  # train in a blink: paced to be watched


class TrainingDock(QDockWidget):
    settingsEdited = Signal(dict)  # e.g. {"momentum": 0.5}: apply at the next mini-batch
    datasetChosen = Signal(str)  # a spec for datasets.load, or OPEN
    costChosen = Signal(str)
    optimizerChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingDock")
        body = QWidget()
        icon = self.style().standardIcon
        self.train_action = QAction(icon(QStyle.StandardPixmap.SP_MediaPlay), "", self)
        self.pause_action = QAction(icon(QStyle.StandardPixmap.SP_MediaPause), "", self)
        self.step_action = QAction(icon(QStyle.StandardPixmap.SP_MediaSkipForward), "", self)
        self.stop_action = QAction(icon(QStyle.StandardPixmap.SP_MediaStop), "", self)
        self.reset_action = QAction(icon(QStyle.StandardPixmap.SP_BrowserReload), "", self)
        self.toggle_action = QAction(self, shortcut=QKeySequence(Qt.Key.Key_Space))  # start / pause
        buttons = QGridLayout()
        for i, (action, name) in enumerate([(self.train_action, "trainButton"), (self.pause_action, "pauseButton"),
                                            (self.step_action, "stepButton"), (self.stop_action, "stopButton"),
                                            (self.reset_action, "resetButton")]):
            button = QToolButton(objectName=name, toolButtonStyle=Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setDefaultAction(action)
            buttons.addWidget(button, i // 3, i % 3)
        self.picker = QComboBox(objectName="datasetPicker")
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.picker.setMinimumContentsLength(12)
        self.description = QLabel(wordWrap=True, objectName="datasetDescription")
        self.learning_rate = LearningRateSlider()
        self.momentum = QDoubleSpinBox(objectName="momentumBox", decimals=2, maximum=0.99, singleStep=0.05)
        self.l2 = QDoubleSpinBox(objectName="l2Box", decimals=5, maximum=1.0, singleStep=1e-4)
        self.batch_size = QSpinBox(objectName="batchSizeBox", minimum=1, maximum=4096)
        self.epochs = QSpinBox(objectName="epochsBox", minimum=1, maximum=100_000)
        self.cost = QComboBox(objectName="costPicker")
        self.optimizer = QComboBox(objectName="optimizerPicker")
        self.pace = QComboBox(objectName="pacePicker")
        self._spec: str | None = None  # the data set shown last: a new one resets the pace
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: room in Russian too
        self.labels = [QLabel() for _ in range(8)]
        for label, widget in zip(self.labels, (self.pace, self.learning_rate, self.momentum, self.l2,
                                               self.batch_size, self.epochs, self.cost, self.optimizer)):
            self.form.addRow(label, widget)
        layout = QVBoxLayout(body)
        layout.addWidget(self.picker)
        layout.addWidget(self.description)
        layout.addLayout(buttons)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.setWidget(body)
        self.learning_rate.learningRateChanged.connect(lambda eta: self.settingsEdited.emit({"learning_rate": eta}))
        self.momentum.valueChanged.connect(lambda v: self.settingsEdited.emit({"momentum": v}))
        self.l2.valueChanged.connect(lambda v: self.settingsEdited.emit({"l2": v}))
        self.batch_size.valueChanged.connect(lambda v: self.settingsEdited.emit({"batch_size": v}))
        self.epochs.valueChanged.connect(lambda v: self.settingsEdited.emit({"epochs": v}))
        self.cost.activated.connect(lambda i: self.costChosen.emit(self.cost.itemData(i)))
        self.optimizer.activated.connect(lambda i: self.optimizerChosen.emit(self.optimizer.itemData(i)))
        self.pace.currentIndexChanged.connect(
            lambda i: self.settingsEdited.emit({"epochs_per_second": self.pace.itemData(i)}))
        self.picker.activated.connect(lambda i: self.datasetChosen.emit(self.picker.itemData(i)))
        self.retranslate()
        self.pace.blockSignals(True)
        self.pace.setCurrentIndex(self.pace.findData(0.0))  # the trainer's own default until a data set is shown
        self.pace.blockSignals(False)

    def show_settings(self, hyper: Hyperparameters, cost: str | None = None, optimizer: str | None = None) -> None:
        """Show the control's settings without emitting ``settingsEdited`` back."""
        self.learning_rate.setValue(hyper.learning_rate)
        for box, value in ((self.momentum, hyper.momentum), (self.l2, hyper.l2),
                           (self.batch_size, hyper.batch_size), (self.epochs, hyper.epochs)):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)
        for combo, value in ((self.cost, cost), (self.optimizer, optimizer)):
            if value is not None and combo.findData(value) >= 0:
                combo.setCurrentIndex(combo.findData(value))

    def show_dataset(self, spec: str, label: str | None = None, description: str = "") -> None:
        """Select ``spec`` in the picker, adding it (an opened file) above "Open…" if new."""
        index = self.picker.findData(spec)
        if index < 0:
            index = self.picker.count() - 1
            self.picker.insertItem(index, label or spec, spec)
        self.picker.setCurrentIndex(index)
        self.description.setText(description)
        if spec != self._spec:  # a new data set: its default pace (emitted, so the trainer follows)
            self._spec = spec
            self.set_pace(WATCHABLE if spec in SMALL_SETS else 0.0)

    def set_pace(self, epochs_per_second: float) -> None:
        """Choose a pace (0: as fast as possible), as the student would: the trainer is told."""
        self.pace.setCurrentIndex(max(self.pace.findData(float(epochs_per_second)), 0))

    def set_state(self, state: TrainerState) -> None:
        """Enable what makes sense in this state of the trainer."""
        state = TrainerState(state)
        running = state in (TrainerState.RUNNING, TrainerState.STEPPING)
        self.train_action.setEnabled(state in (TrainerState.IDLE, TrainerState.PAUSED))
        self.pause_action.setEnabled(running)
        self.step_action.setEnabled(state in (TrainerState.IDLE, TrainerState.PAUSED))
        self.stop_action.setEnabled(running or state is TrainerState.PAUSED)
        self.reset_action.setEnabled(state is TrainerState.IDLE)
        self.toggle_action.setEnabled(state is not TrainerState.STOPPING)
        for widget in (self.cost, self.optimizer, self.picker):
            widget.setEnabled(state is TrainerState.IDLE)
        self.train_action.setText(self.tr("Resume") if state is TrainerState.PAUSED else self.tr("Train"))
        self._state = state

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Training"))
        self.pause_action.setText(self.tr("Pause"))
        self.step_action.setText(self.tr("Step"))
        self.step_action.setToolTip(self.tr("Train exactly one epoch, then pause"))
        self.stop_action.setText(self.tr("Stop"))
        self.reset_action.setText(self.tr("Reset"))
        self.reset_action.setToolTip(self.tr("New random weights and biases; forget the cost history"))
        self.toggle_action.setText(self.tr("Start / pause training"))
        self.set_state(getattr(self, "_state", TrainerState.IDLE))
        labels = [self.tr("Pace"), self.tr("Learning rate η"), self.tr("Momentum μ"), self.tr("L2 regularisation λ"),
                  self.tr("Mini-batch size"), self.tr("Epochs"), self.tr("Cost function"), self.tr("Optimizer")]
        for label, text in zip(self.labels, labels):
            label.setText(text)
        self._fill(self.cost, COSTS, [self.tr("quadratic ½(t − a)²"), self.tr("cross-entropy")])
        self._fill(self.optimizer, OPTIMIZERS, [self.tr("SGD: w ← w − η·∇C"), self.tr("momentum"), self.tr("Adam")])
        self._fill(self.pace, list(PACES), [self.tr("1 epoch a second"), self.tr("5 epochs a second"),
                                            self.tr("20 epochs a second"), self.tr("100 epochs a second"),
                                            self.tr("as fast as possible")])
        self.pace.setToolTip(self.tr("How fast training may go: slow enough to watch the toy sets learn and to "
                                     "move η while they train; applies at the next epoch"))
        names = [self.tr("MNIST digits (5,000 bundled)"), self.tr("XOR"), self.tr("circles"), self.tr("spiral"),
                 self.tr("two Gaussian blobs"), self.tr("the lecture's example")]
        specs = ["mnist-bundled", "xor", "circles", "spiral", "gaussians", "lecture"]
        extra = [(self.picker.itemText(i), self.picker.itemData(i)) for i in range(len(specs), self.picker.count() - 1)]
        self._fill(self.picker, specs + [d for _, d in extra] + [OPEN],
                   names + [t for t, _ in extra] + [self.tr("Open IDX folder or .npz file…")])

    @staticmethod
    def _fill(combo: QComboBox, data: list[str], texts: list[str]) -> None:
        """(Re)write a combo's items in the current language, keeping the selection."""
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for value, text in zip(data, texts):
            combo.addItem(text, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
