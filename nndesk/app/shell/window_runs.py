"""The main window's runs: every training run recorded from the trainer's reports, and the Runs dock.

``MainWindow`` mixes this in (before ``WindowDocks``) and calls
``_build_runs`` once the other docks exist.  A run begins when the trainer
leaves "idle" (Train or Step, fresh weights or continuing), takes each
epoch's stats, hears Stop, a divergence or a failure, and ends with the
trainer's ``finished``.  Its settings are read as the run starts: the η,
momentum and batch size in force, the document's layers, the recipe's data
set.  The runs belong to the session: ``window.runs`` is the ``RunLog`` a
session saves, ``window.set_runs(records)`` puts a saved one back.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDockWidget

from nndesk.app.runs.panel import RunsPanel
from nndesk.app.runs.recorder import RunRecorder
from nndesk.app.shell.window_docks import BOTTOM
from nndesk.engine.runs.run_log import RunLog, RunRecord


class WindowRuns:
    def _build_runs(self) -> None:
        self.run_recorder = RunRecorder(self)
        self.runs_panel = RunsPanel(self.run_recorder, self._dataset_name)
        self.runs_dock = self._dock("runsDock", self.runs_panel, BOTTOM)
        self.tabifyDockWidget(self.loss_dock, self.runs_dock)  # beside the cost of the run training now
        self.loss_dock.raise_()
        t, recorder = self.trainer, self.run_recorder
        t.stateChanged.connect(self._on_trainer_state)
        t.epochFinished.connect(lambda report: recorder.add_epoch(report.stats))
        t.diverged.connect(lambda *_: recorder.note("diverged"))
        t.failed.connect(lambda *_: recorder.note("failed"))
        t.finished.connect(recorder.end)

    @property
    def runs(self) -> RunLog:
        """The session's runs, oldest first (lane SESSIONS saves ``runs.to_list()``)."""
        return self.run_recorder.log

    def set_runs(self, records: Iterable[RunRecord] | RunLog) -> None:
        """Show these runs instead (a session opened); ticks of runs no longer listed are released."""
        self.run_recorder.set_runs(records.records if isinstance(records, RunLog) else records)

    def _on_trainer_state(self, state: Any) -> None:
        if state in ("running", "stepping") and self.run_recorder.current is None:
            self.run_recorder.begin(self._run_settings(step=state == "stepping"))
        elif state == "stopping":
            self.run_recorder.note("stopped")

    def _run_settings(self, step: bool) -> dict[str, Any]:
        """What the run starts with: the live settings, the network as the document holds it, the data set."""
        hyper, recipe, net = self.trainer.control.hyper, self.recipe, self.document.network
        try:
            layers = [int(n) for n in net.sizes]
        except (AttributeError, TypeError, ValueError):  # a layer without plain sizes: the recipe's own
            layers = [self.source.train.n_inputs, *recipe.hidden, self.source.train.n_outputs]
        hidden = [layer for layer in net.layers[:-1] if hasattr(layer, "activation")]
        return {"dataset": recipe.dataset, "layers": layers,
                "activation": hidden[0].activation.name if hidden else recipe.activation,
                "cost": net.cost.name, "optimizer": recipe.optimizer, "learning_rate": hyper.learning_rate,
                "momentum": hyper.momentum, "l2": hyper.l2, "batch_size": hyper.batch_size,
                "epochs": 1 if step else hyper.epochs, "augment": recipe.augment, "schedule": recipe.schedule,
                "continued_from": len(self.trainer.history)}

    def _dataset_name(self, spec: str) -> str:
        """The name the data set picker shows ("XOR"), or an opened file's name."""
        picker = self.training_dock.picker
        index = picker.findData(spec)
        return picker.itemText(index) if index >= 0 else Path(spec).name or spec

    # ---- the window's dock list and titles, with the Runs dock ---------------------------------------
    def all_docks(self) -> list[QDockWidget]:
        docks = super().all_docks()
        return [*docks, self.runs_dock] if hasattr(self, "runs_dock") else docks

    def _retranslate_docks(self) -> None:
        super()._retranslate_docks()
        self.runs_dock.setWindowTitle(self.tr("Runs"))
