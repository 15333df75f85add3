"""The Teach panel: fine-tune the network on the training digits plus mine, and see what changed.

It owns no network and starts nothing itself: the button asks (``teachRequested``)
and the shell runs Teach as an ordinary training run in the worker (progress in
the status bar, the cost on the plot, Stop as for Train).  The panel says what the
next Teach will do (how many of my digits it holds out, which turn), why it
can't run yet (the button's tooltip, from ``readiness``), how far a run is, and
afterwards the accuracies before → after (``ScoresView``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QToolButton, QVBoxLayout, QWidget

from nndesk.app.teach.readiness import Missing, Readiness
from nndesk.app.teach.scores_view import ScoresView
from nndesk.engine.runs.teach import FOLDS, TeachScores


class TeachPanel(QWidget):
    teachRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teachPanel")
        self._readiness = Readiness(Missing.MORE_DIGITS, 0, FOLDS, 0)
        self._planned = (self._readiness, 0)  # what the plan speaks of: held still while a Teach runs
        self._running = False  # a Teach run is under way: the plan speaks of it, not of the next one
        self._result: tuple[int, bool, bool] | None = None  # the turn measured, stopped early, taught before
        self.intro = QLabel(self, objectName="teachIntro", wordWrap=True)
        self.button = QPushButton(self, objectName="teachMyDigitsButton")
        self.button.clicked.connect(self.teachRequested)
        self.stop_button = QToolButton(self, objectName="teachStopButton",
                                       toolButtonStyle=Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.stop_button.hide()  # until the shell hands over the Training dock's Stop
        self.progress = QProgressBar(self, objectName="teachProgress", textVisible=True)
        self.progress.hide()
        self.plan = QLabel(self, objectName="teachPlan", wordWrap=True)
        self.result_title = QLabel(self, objectName="teachResultTitle", wordWrap=True)
        self.result_title.hide()
        bold = self.result_title.font()
        bold.setBold(True)
        self.result_title.setFont(bold)
        self.scores_view = ScoresView(self)
        self.summary = QLabel(self, objectName="teachSummary", wordWrap=True)
        self.summary.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.button)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.progress, 1)
        column = QVBoxLayout(self)
        column.addWidget(self.intro)
        column.addLayout(buttons)
        column.addWidget(self.plan)
        column.addSpacing(6)
        column.addWidget(self.result_title)
        column.addWidget(self.scores_view)
        column.addWidget(self.summary)
        column.addStretch(1)
        self.retranslate()

    # ---- what the shell tells it -------------------------------------------------------
    def set_stop_action(self, action: QAction) -> None:
        """The Training dock's Stop: one action, one enabled state, here beside Teach."""
        self.stop_button.setDefaultAction(action)
        self.stop_button.show()

    def set_readiness(self, readiness: Readiness, turn: int) -> None:
        """Enable Teach or say (tooltip) what is missing; ``turn`` is the next Teach's held-out turn."""
        self._readiness = readiness
        if not self._running:  # digits added during a run change the next Teach, not this one
            self._planned = (readiness, turn)
        self.button.setEnabled(readiness.ready)
        self.retranslate()

    def show_running(self, epochs: int) -> None:
        """A Teach run of ``epochs`` epochs has started."""
        self.progress.setRange(0, max(epochs, 1))
        self.progress.setValue(0)
        self.progress.show()
        self._running = True
        self.plan.setText(self._plan())

    def set_progress(self, done: int) -> None:
        self.progress.setValue(min(done, self.progress.maximum()))

    def show_scores(self, scores: TeachScores, held: int, validation: int, turn: int, stopped: bool,
                    taught_before: bool = False) -> None:
        """The run ended (``stopped`` early, or not): accuracies before → after, and what they mean.
        ``taught_before``: an earlier Teach trained on the digits held out now, so they are not new to it."""
        self.progress.hide()
        self._running = False
        self._result = (turn, stopped, taught_before)
        self.scores_view.show_scores(scores, held, validation)
        self.result_title.show()
        self.summary.show()
        self.retranslate()

    def scores(self) -> TeachScores | None:
        return self.scores_view.scores()

    # ---- texts -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.intro.setText(self.tr("Teach the network your handwriting: a short training run on the training "
                                   "digits mixed with your digits, starting from the weights it has now."))
        self.button.setText(self.tr("Teach"))
        self.button.setToolTip(self._why_not())
        self.progress.setFormat(self.tr("Teaching: epoch %v of %m"))
        self.plan.setText(self._plan())
        self._write_result()

    def _plan(self) -> str:
        (r, turn), number = self._planned, QLocale().toString
        if not r.held:
            return self.tr("Your digits: %1.").replace("%1", number(r.have))
        plan = (self.tr("Your digits: %1. This Teach trains on %2 of them and holds out %3 (turn %4 of %5) to "
                        "measure what it learned.") if self._running else
                self.tr("Your digits: %1. The next Teach trains on %2 of them and holds out %3 (turn %4 of %5) "
                        "to measure what it learned."))
        return (plan.replace("%1", number(r.have))
                .replace("%2", number(r.have - r.held)).replace("%3", number(r.held))
                .replace("%4", number(turn % FOLDS + 1)).replace("%5", number(FOLDS)))

    def _why_not(self) -> str:
        r = self._readiness
        if r.missing is Missing.DIGITS_DATA:
            return self.tr("Teach needs the digits: a network with 28×28 inputs and 10 outputs, trained on digits.")
        if r.missing is Missing.TRAINING:
            return self.tr("Training is running: Teach waits until it ends (or Stop it).")
        if r.missing is Missing.MORE_DIGITS and r.have < r.need:
            return (self.tr("Add at least %1 of your digits (you have %2): Teach holds a fifth of them out to "
                            "measure what it learned.").replace("%1", QLocale().toString(r.need))
                    .replace("%2", QLocale().toString(r.have)))
        if r.missing is Missing.MORE_DIGITS:
            return self.tr("Draw some digits more than once: a digit you drew only once can't be held out, and "
                           "Teach needs some held out to measure what it learned.")
        return self.tr("Fine-tune this network on the training digits and yours; then compare before and after.")

    def _write_result(self) -> None:
        s = self.scores_view.scores()
        if s is None or self._result is None:
            return
        turn, stopped, taught_before = self._result
        title = (self.tr("Last Teach (turn %1 of %2, stopped early): before → after") if stopped else
                 self.tr("Last Teach (turn %1 of %2): before → after"))
        self.result_title.setText(title.replace("%1", QLocale().toString(turn % FOLDS + 1))
                                  .replace("%2", QLocale().toString(FOLDS)))
        mine, forgot = s.mine_after - s.mine_before, s.validation_after - s.validation_before
        lines = [self.tr("It reads more of your held-out digits right now.") if mine > 0 else
                 self.tr("It reads fewer of your held-out digits right now.") if mine < 0 else
                 self.tr("It reads as many of your held-out digits right as before.")]
        if forgot < 0:
            lines.append(self.tr("On the validation digits it got a little worse: learning your digits made it "
                                 "forget some of the others."))
        else:
            lines.append(self.tr("On the validation digits it forgot nothing."))
        if taught_before:
            lines.append(self.tr("An earlier Teach of this network trained on most of the digits held out now, so "
                                 "they were not new to it: new drawings measure it more fairly."))
        self.summary.setText(" ".join(lines))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
