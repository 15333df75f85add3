"""The main window's Teach: fine-tune the network on the training digits plus mine, as a normal run.

``MainWindow`` mixes this in and calls ``_build_teach`` once its docks, menus
and connections exist.  Teach is Train with other data and settings: the
trainer (``window.trainer``) runs it in its worker, so the status bar counts
its epochs, the cost plot goes on, Stop and Pause work, and the Training dock
locks Train while it runs, exactly as for Train.  What Teach adds:

* the data: the training digits plus my digits not held out this turn,
  repeated (``teach.teaching_source``), validated on the digits no run trains on;
* the settings: ``teach.teach_recipe``'s (a few epochs, a small η) are put into
  the live control for the run and the student's own come back when it ends;
* the measure: before the run and after it, the share of my held-out digits
  and of the validation digits read right (``TeachScores``, in the panel); the
  held-out turn moves on with each Teach, so every digit gets measured in turn;
* the record: ``taught_with`` (how many of my digits, which turn) goes into
  the model file the next save writes, until another network replaces this one.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from nndesk.app.teach.dock import TeachDock
from nndesk.app.teach.panel import TeachPanel
from nndesk.app.teach.readiness import Readiness, readiness
from nndesk.engine.core.control import Hyperparameters
from nndesk.engine.core.dataset import Dataset
from nndesk.engine.core.reports import EpochReport
from nndesk.engine.data.readers import DataError
from nndesk.engine.runs import teach
from nndesk.engine.runs.teach import TeachScores

TAUGHT_KEYS = ("my_digits", "held_out", "held_out_turn")  # what a model file's "taught_with" records


@dataclass(frozen=True, eq=False)
class TeachRun:
    """A Teach under way: what it is measured on, the scores before it, and what to put back after."""

    held_out: Dataset  # my digits it does not train on
    validation: Dataset  # the data set's digits no run trains on
    mine_before: float
    validation_before: float
    turn: int
    taught: int  # my digits it trains on
    epochs: int
    first_epoch: int  # the history's length as it started
    restore: dict[str, Any]  # the student's settings that Teach's replaced for the run
    taught_before: bool  # an earlier Teach of this network trained on the digits held out now


def taught_record(meta: Any) -> dict[str, int] | None:
    """A model file's "taught_with", kept only if it is what nndesk writes (whole numbers ≥ 0)."""
    if not isinstance(meta, dict):
        return None
    record = {k: meta[k] for k in TAUGHT_KEYS if k in meta}
    ok = all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in record.values())
    return record if ok and record else None


class WindowTeach:
    _taught_with: dict[str, int] | None = None
    _teach_turn = 0  # the next Teach holds out this fold of my digits
    _teach_run: TeachRun | None = None

    @property
    def taught_with(self) -> dict[str, int] | None:
        """How my digits took part in this network's training (the last Teach), or None."""
        return self._taught_with

    @taught_with.setter
    def taught_with(self, record: Any) -> None:
        """A Teach's record, or an opened model's (kept only if it is what nndesk writes): the next Teach
        holds out the fold after its turn."""
        record = self._taught_with = taught_record(record)
        if record is not None and "held_out_turn" in record:
            self._teach_turn = record["held_out_turn"] + 1
        if hasattr(self, "teach_panel"):
            self._update_teach()

    def _build_teach(self) -> None:
        self.teach_panel = TeachPanel()
        self.teach_dock = TeachDock(self.teach_panel, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.teach_dock)
        self.tabifyDockWidget(self.draw_dock, self.teach_dock)  # beside the pad; the cost plot stays in view
        self.draw_dock.raise_()  # the pad in front; Teach is one tab away
        self.view_menu.addAction(self.teach_dock.toggleViewAction())
        self.teach_panel.set_stop_action(self.training_dock.stop_action)
        self.teach_panel.teachRequested.connect(self.teach)
        t, doc = self.trainer, self.document
        t.stateChanged.connect(self._update_teach)
        t.epochFinished.connect(self._on_teach_epoch)
        t.finished.connect(self._on_teach_finished)
        doc.networkReplaced.connect(self._forget_taught)
        doc.architectureChanged.connect(self._update_teach)
        events = getattr(self, "my_digits_events", None)
        if events is not None:
            events.changed.connect(self._update_teach)
        self._update_teach()

    @property
    def is_teaching(self) -> bool:
        """True from the moment Teach starts its run until the run has ended (the Runs dock may say so)."""
        return self._teach_run is not None

    # ---- readiness -------------------------------------------------------------------------
    def _my_labels(self) -> np.ndarray:
        mine = getattr(self, "my_digits", None)
        return np.zeros(0, np.int64) if mine is None else mine.y

    def _reads_digits(self) -> bool:
        train, sizes = self.source.train, self.document.network.sizes
        return (train is not None and train.image_shape == (28, 28) and train.n_classes == 10
                and sizes[0] == 784 and sizes[-1] == 10)

    def _teach_readiness(self) -> Readiness:
        return readiness(self._my_labels(), self._teach_turn, self.trainer.is_active, self._reads_digits())

    def _update_teach(self, *_: object) -> None:
        self.teach_panel.set_readiness(self._teach_readiness(), self._teach_turn)

    # ---- the run ----------------------------------------------------------------------------
    def teach(self) -> None:
        """Fine-tune on the training digits plus mine (this turn's held out), measuring before and after."""
        if not self._teach_readiness().ready:
            return
        mine = self.my_digits.dataset()
        held = teach.held_out(mine.y, self._teach_turn)
        hyper = self.trainer.control.hyper
        try:
            source = teach.teaching_source(self.source, mine, held, self.recipe)
            recipe = teach.teach_recipe(self.recipe.with_changes(hyper=hyper), int(np.count_nonzero(~held)))
        except (ValueError, DataError) as e:
            self._teach_failed(str(e))
            return
        check, network = mine.subset(np.flatnonzero(held), mine.name), self.document.network
        validation = source.test if source.test is not None else check.subset(np.zeros(0, np.int64))
        restore = _changed(hyper, recipe.hyper)
        run = TeachRun(check, validation, teach.accuracy(network, check), teach.accuracy(network, validation),
                       self._teach_turn, int(np.count_nonzero(~held)), recipe.hyper.epochs,
                       len(self.trainer.history), restore, self.taught_with is not None)
        self.trainer.update(**{k: getattr(recipe.hyper, k) for k in restore})  # the Training dock shows them
        self._teach_run = run  # before start: whoever hears the run begin can tell it is a Teach (is_teaching)
        try:
            self.trainer.start(network, source, recipe)
        except (ValueError, DataError) as e:
            self._teach_run = None
            self.trainer.update(**restore)
            self._teach_failed(str(e))
            return
        self.status.set_budget(run.first_epoch, run.first_epoch + run.epochs)
        self.teach_panel.show_running(run.epochs)

    def _on_teach_epoch(self, report: EpochReport) -> None:
        if self._teach_run is not None:
            self.teach_panel.set_progress(len(self.trainer.history) - self._teach_run.first_epoch)

    def _on_teach_finished(self) -> None:
        """The run's last weights are in the document: measure again, put the student's settings back."""
        run, self._teach_run = self._teach_run, None
        if run is None:  # a Train run
            return
        if run.restore:
            self.trainer.update(**run.restore)
        network = self.document.network
        scores = TeachScores(run.mine_before, teach.accuracy(network, run.held_out),
                             run.validation_before, teach.accuracy(network, run.validation))
        done = len(self.trainer.history) - run.first_epoch  # fewer than planned: stopped (its batches still count)
        self.taught_with = {"my_digits": run.taught, "held_out": len(run.held_out), "held_out_turn": run.turn}
        self.teach_panel.show_scores(scores, len(run.held_out), len(run.validation), run.turn, done < run.epochs,
                                     run.taught_before)
        self._update_teach()  # the plan speaks of the next Teach again

    def _forget_taught(self) -> None:
        """Another network (reset, opened, new data): my digits took no part in it (an opened model's own
        record comes back with it)."""
        self.taught_with = None

    def _teach_failed(self, details: str) -> None:
        self.show_message(self.tr("Teach can't start"),
                          self.tr("Your digits and this network or data set don't fit together."),
                          QMessageBox.Icon.Warning, details)


def _changed(now: Hyperparameters, wanted: Hyperparameters) -> dict[str, Any]:
    """The settings Teach changes, with the student's values (to put back after the run)."""
    return {f.name: getattr(now, f.name) for f in fields(Hyperparameters)
            if getattr(now, f.name) != getattr(wanted, f.name)}
