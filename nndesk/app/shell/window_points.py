"""The window's own 2-D data: points clicked on the decision boundary, saved as .npz, CSV tables imported.

``MainWindow`` mixes this in (before ``WindowFiles`` and ``WindowTraining``,
whose ``train``, ``_replace_work``, ``_maybe_save``, ``reset`` and
``_show_source`` it wraps).  A click on the plane pushes a ``PointsCommand``
on the window's undo stack; the command hands the new set to ``set_points``,
which makes it the window's data set ("my points") and repaints the points at
once, keeping the plane where it was.  The network stays: the next epochs
bend its boundary around the new points.

While a run is active (running, paused, stepping) a click is refused with a
line in the status bar: the run's trainer holds the points it started with
(its arrays, its validation split), and a point it never sees would be a lie
on screen.  An Undo or Redo of a point edit cannot be refused, so it stops
the run instead, as an architecture undo does.  Points not yet saved are
asked about before another data set, a model file or closing replaces them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nndesk.app.document.point_commands import POINTS_NAME, PointsCommand, add_point, clear_points, remove_point
from nndesk.app.shell import settings
from nndesk.app.views.decision_boundary import MARGIN
from nndesk.engine.core.dataset import Dataset
from nndesk.engine.data.datasets import DataSource
from nndesk.engine.data.readers import DataError
from nndesk.engine.data.table import MAX_COLUMNS, TableProblem, hidden_for, save_points
from nndesk.engine.runs.recipe import TrainingRecipe

MESSAGE_MS = 8000
_POINTS_TEXT = "points placed by hand on the plane"


class WindowPoints:
    _hand_made: Dataset | None = None  # the set the student made (edited, or imported): hand_made_points()
    _points_unsaved = False
    _keeping_points = False  # Reset asks about the network only: it keeps the points

    def _install_points(self) -> None:
        view = self.boundary_view
        view.addRequested.connect(lambda x1, x2, k: self._edit_points(lambda: add_point(self, (x1, x2), k)))
        view.removeRequested.connect(lambda i: self._edit_points(lambda: remove_point(self, i)))
        view.chooser.clearRequested.connect(lambda: len(self.points()) and self._edit_points(
            lambda: clear_points(self)))
        self.import_csv_action = QAction(self, triggered=self.import_csv_dialog)
        self.save_points_action = QAction(self, triggered=self.save_points_dialog)
        actions = self.file_menu.actions()
        self.file_menu.insertActions(actions[actions.index(self.open_data_action) + 1],
                                     [self.import_csv_action, self.save_points_action])

    def _retranslate_points(self) -> None:
        self.import_csv_action.setText(self.tr("&Import CSV table…"))
        self.import_csv_action.setToolTip(self.tr("Rows of numbers x1,…,xn with the class last; a header line "
                                                  "is optional"))
        self.save_points_action.setText(self.tr("Save data se&t…"))

    # ---- contract D: the current set's points, if the student made them ------------------------------
    def hand_made_points(self) -> Dataset | None:
        """The data set in use if the student clicked it together or imported it, else None."""
        train = self.source.train
        return train if train is not None and train is self._hand_made else None

    def use_points(self, dataset: Dataset) -> bool:
        """Make ``dataset`` the window's data set: undoably, keeping the network, when it fits the network;
        else with a fresh network sized to it (asking about unsaved work first).  False if nothing changed."""
        fits = (dataset.n_inputs, dataset.n_outputs) == (self.document.sizes[0], self.document.sizes[-1])
        if fits and self.recipe.dataset != "lecture":
            return self._edit_points(lambda: PointsCommand(self.tr("Use these points"), self, dataset))
        if not self._replace_work():
            return False
        preset = "toy" if dataset.n_inputs == 2 else "table"
        sized = {} if preset == "toy" else {"hidden": (hidden_for(dataset.n_inputs),)}
        self.recipe = TrainingRecipe.from_preset(preset, dataset=POINTS_NAME, optimizer=self.recipe.optimizer,
                                                 **sized)
        self.source = DataSource(POINTS_NAME, dataset, None, _POINTS_TEXT)
        self._hand_made, self._points_unsaved = dataset, True
        self.trainer.reset()
        self._use_settings_of(self.recipe)
        self.document.set_network(self._network_for_data(), POINTS_NAME, None, None)
        self._show_ready()
        self.model_path = self.session_path = None
        self._show_source()
        if len(dataset):
            self._step_through_first_sample()
        return True

    def points_unsaved(self) -> bool:
        """True while points the student placed are in no file (closing or switching will ask)."""
        return self._points_unsaved and self.hand_made_points() is not None and len(self.source.train) > 0

    # ---- PointsHolder: what the undo commands read and write ---------------------------------------
    def points(self) -> Dataset:
        return self.source.train

    def set_points(self, dataset: Dataset) -> None:
        """The points after an edit (or its undo): the window's data set from now on, shown at once."""
        if self.trainer.is_active:  # only an Undo/Redo gets here while a run is active (clicks are refused)
            self.trainer.stop()
            self.status.showMessage(self.tr("Training stopped: the points it learned from changed. Train again "
                                            "to learn the points you see."), MESSAGE_MS)
        self._hand_made, self._points_unsaved = dataset, True
        self._show_points(DataSource(POINTS_NAME, dataset, None, _POINTS_TEXT), POINTS_NAME)

    def _edit_points(self, command) -> bool:
        if self.trainer.is_active:
            self.status.showMessage(self.tr("Points can't change while training runs: the run learns the points "
                                            "it started with. Stop training first."), MESSAGE_MS)
            return False
        self.undo_stack.push(command())
        return True

    def _show_points(self, source: DataSource, spec: str) -> None:
        """``source`` in use, under ``spec``, without moving the plane or the pace the student chose."""
        view, dock = self.boundary_view, self.training_dock
        extent, pace = QRectF(view.extent), dock.pace.currentData()
        self.source, self.recipe = source, self.recipe.with_changes(dataset=spec)
        self._show_source()
        dock.set_pace(pace)
        view.set_data(source.train.inputs(), source.train.y, extent=_grown(extent, source.train))

    def _show_source(self) -> None:
        super()._show_source()
        train = self.source.train
        if self.recipe.dataset == POINTS_NAME:  # the picker says it in the UI's language
            picker = self.training_dock.picker
            picker.setItemText(picker.findData(POINTS_NAME), self.tr("my points"))
        plane = train.n_inputs == 2 and train.targets is None
        self.boundary_view.set_editable(train.n_classes if plane else None)
        self.save_points_action.setEnabled(train.image_shape is None and train.targets is None
                                           and train.n_inputs <= MAX_COLUMNS and len(train) > 0)

    # ---- training and replacing work ------------------------------------------------------------------
    def train(self, step: bool = False) -> None:
        if self.trainer.state == "idle" and self.source.train is not None and not len(self.source.train):
            self.status.showMessage(self.tr("There are no points to learn from: click on the plane to add some."),
                                    MESSAGE_MS)
            return
        super().train(step)

    def reset(self) -> None:
        self._keeping_points = True  # Reset renews the weights; the points stay, so it need not ask about them
        try:
            super().reset()
        finally:
            self._keeping_points = False

    def _maybe_save(self) -> bool:
        if not self._keeping_points and not self._maybe_save_points():
            return False
        return super()._maybe_save()

    def _replace_work(self) -> bool:
        if self.trainer.is_active and not self._maybe_save_points():  # idle: _maybe_save asks
            return False
        return super()._replace_work()

    def _maybe_save_points(self) -> bool:
        """Before unsaved points are replaced: True to go on (saved or discarded), False to cancel."""
        if not self.points_unsaved():
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, self.tr("Unsaved points"), self.tr("The points you placed are not saved in a file. Save them?"),
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Save:
            return self.save_points_dialog()
        return answer == buttons.Discard

    # ---- files ---------------------------------------------------------------------------------------
    def save_points_dialog(self) -> bool:
        start = Path(str(settings.settings().value(settings.LAST_DATA_DIR, ""))) / "my-points.npz"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save data set"), str(start),
                                              self.tr("Data sets (*.npz)"))
        return self.save_data_set(path) if path else False

    def save_data_set(self, path: str | Path) -> bool:
        """The current 2-D set or table as an .npz (x, y, n_classes), atomically; Open data set reads it back."""
        path = Path(path)
        try:
            save_points(path, self.source.train)
        except (TableProblem, OSError, ValueError) as e:
            self.show_message(self.tr("Can't save the data set"),
                              self.tr("The file could not be written; the points are still here, unsaved."),
                              QMessageBox.Icon.Warning, str(e))
            return False
        settings.settings().setValue(settings.LAST_DATA_DIR, str(path.parent))
        if self.hand_made_points() is not None:  # from now on the set has a file: models name it, Open finds it
            self._points_unsaved = False
            train = self.source.train
            self._show_points(DataSource(path.name, train, None, f"points saved in {path}"), str(path.absolute()))
        return True

    def save_model(self, path: str | Path) -> bool:
        """A model of points that are in no file yet: the points go beside it first (``<model>-points.npz``),
        so the model names a file that opens again, not the "my points" of this session only."""
        if self.recipe.dataset == POINTS_NAME and self.points_unsaved():
            beside = Path(path).with_name(Path(path).stem + "-points.npz")
            if not self.save_data_set(beside):
                return False
            self.status.showMessage(self.tr("The points were saved beside the model: %1").replace("%1", beside.name),
                                    MESSAGE_MS)
        return super().save_model(path)

    def import_csv_dialog(self) -> None:
        start = str(settings.settings().value(settings.LAST_DATA_DIR, ""))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a CSV table: x1,…,xn,label on each row"), start,
                                              self.tr("CSV tables (*.csv *.txt);;All files (*)"))
        if path:
            self.import_csv(path)

    def import_csv(self, path: str | Path) -> bool:
        """A CSV table becomes the data set, with a network sized to it; a bad file gives one message."""
        spec = str(Path(path).absolute())
        try:
            if Path(spec).suffix.lower() != ".csv":
                raise DataError(spec, "is not a .csv file; nndesk imports tables from files named *.csv")
            TrainingRecipe.for_dataset(spec).load_data()  # every check, before anything is asked or replaced
        except (DataError, OSError, ValueError) as e:
            self.show_message(self.tr("Can't import this table"),
                              self.tr("A CSV table has rows of numbers, the class label last (x1,…,xn,label), "
                                      "a header line optional. Nothing was changed."),
                              QMessageBox.Icon.Warning, str(e))
            return False
        settings.settings().setValue(settings.LAST_DATA_DIR, str(Path(spec).parent))
        if not self.use_dataset(spec):
            return False
        self._hand_made, self._points_unsaved = self.source.train, False  # imported: the file keeps it
        return True


def _grown(extent: QRectF, data: Dataset) -> QRectF:
    """``extent``, grown to take in every point of ``data`` (with a margin) that lies outside it."""
    if not len(data):
        return extent
    x = data.inputs()
    lo, hi = x.min(axis=0), x.max(axis=0)
    if extent.left() <= lo[0] and lo[1] >= extent.top() and hi[0] <= extent.right() and hi[1] <= extent.bottom():
        return extent
    pad = MARGIN * max(float(max(hi - lo)), 1e-6)
    points = QRectF(float(lo[0]) - pad, float(lo[1]) - pad, float(hi[0] - lo[0]) + 2 * pad,
                    float(hi[1] - lo[1]) + 2 * pad)
    return extent.united(points)
