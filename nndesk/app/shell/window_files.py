"""The main window's files: open and save models, open data sets, the unsaved-changes guard, the title.

``MainWindow`` mixes this in.  It owns ``recipe`` (how to build and train a
network for the data), ``source`` (the data set in use) and ``model_path``,
and uses the window's ``trainer``, ``document``, ``training_dock``,
``loss_plot``, ``show_message``, ``stop_and_wait`` and ``_show_views_for``.
Files go through ``model_io`` and ``datasets``; whatever a file gets wrong
ends in a dialog and leaves the current work as it was.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nndesk.app.shell import settings
from nndesk.app.training.dock import OPEN
from nndesk.engine.core.dataset import Dataset
from nndesk.engine.core.network import Network
from nndesk.engine.core.training import EpochStats
from nndesk.engine.data.datasets import DataSource
from nndesk.engine.data.readers import DataError
from nndesk.engine.explain.lecture import LECTURE_ETA, LECTURE_INPUT, LECTURE_TARGET, lecture_network
from nndesk.engine.runs.recipe import TrainingRecipe

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls


def recipe_for(spec: str) -> TrainingRecipe:
    """The preset recipe that suits a data set (digits, toy 2-D sets, the lecture's example)."""
    return TrainingRecipe.for_dataset(spec)


def mean_digit(train: Dataset) -> np.ndarray | None:
    """The average training image, 0…1 (a grey blur of every digit), shown on the canvas's input
    picture until a real one is drawn or stepped through; None when the inputs are not an image."""
    if train.image_shape is None or not len(train):
        return None
    mean = train.x.mean(axis=0, dtype=np.float64)
    return (mean / 255 if train.x.dtype == np.uint8 else mean).astype(np.float32)


class WindowFiles:
    recipe: TrainingRecipe
    source: DataSource
    model_path: Path | None = None

    # ---- data ----------------------------------------------------------------------------
    def _fresh_network(self) -> Network:
        """A new network for the data: for the lecture's example, the lecture's own weights."""
        if self.recipe.dataset == "lecture":
            return lecture_network()
        return self.recipe.build_network(self.source.train.n_inputs, self.source.train.n_outputs)

    def _step_through_first_sample(self) -> None:
        """Give the backprop panel a sample of the current data: the lecture's own one (in slide
        arithmetic), or the first training sample, with the live learning rate."""
        if self.recipe.dataset == "lecture":
            self.backprop.set_sample(None, LECTURE_INPUT, LECTURE_TARGET, LECTURE_ETA, slide=True)
        else:
            first, train = slice(0, 1), self.source.train
            x, t = train.inputs(first, np.float64)[0], train.target_matrix(first, np.float64)[0]
            label = int(train.y[0])

            def source() -> str:
                return translate("WindowFiles", "the first training sample (class {label})").format(label=label)
            self.backprop.set_sample(None, x, t, self.trainer.control.hyper.learning_rate, source=source)

    def _step_through_drawing(self, x: np.ndarray, digit: int) -> None:
        """The draw dock's button: the drawing as a⁽⁰⁾, the digit the student meant as t."""
        t = np.zeros(self.document.network.sizes[-1])
        t[digit] = 1.0

        def source() -> str:
            return translate("WindowFiles", "the digit you drew, taught as a {digit}").format(digit=digit)
        self.backprop.set_sample(None, x, t, self.trainer.control.hyper.learning_rate, source=source)
        self.backprop_dock.show()
        self.backprop_dock.raise_()
        self.backprop.setFocus()  # ← and → step at once

    def _open_lecture_example(self, _network: Network) -> None:
        """The panel's "Lecture example" button: show that network on the canvas too."""
        if self.recipe.dataset != "lecture":
            self.use_dataset("lecture")  # asks first if there is unsaved work; refusing keeps the panel's own copy
        else:  # step through the canvas's lecture network, so the canvas follows the steps
            self._step_through_first_sample()

    def _use_settings_of(self, recipe: TrainingRecipe) -> None:
        """The recipe's hyperparameters become the live ones."""
        self.trainer.update(**{f.name: getattr(recipe.hyper, f.name) for f in fields(recipe.hyper)})

    def _on_dataset_chosen(self, spec: str) -> None:
        if spec == OPEN:
            self._show_source()  # put the picker back until a file is really loaded
            self.open_data_dialog()
        elif spec != self.recipe.dataset:
            self.use_dataset(spec)

    def open_data_dialog(self) -> None:
        start = str(settings.settings().value(settings.LAST_DATA_DIR, ""))
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a data set: an .npz file, or any file of an MNIST IDX folder"), start,
            self.tr("Data sets (*.npz *-ubyte *-ubyte.gz);;All files (*)"))
        if path:
            settings.settings().setValue(settings.LAST_DATA_DIR, str(Path(path).parent))
            self.use_dataset(path if path.endswith(".npz") else str(Path(path).parent))

    def use_dataset(self, spec: str) -> bool:
        """Train on ``spec`` from now on, with a fresh network of the preset that suits it."""
        if self.trainer.is_active or not self._maybe_save():
            self._show_source()
            return False
        recipe = recipe_for(spec)
        try:
            source = recipe.load_data()
            if source.train is None:
                raise DataError(source.name, self.tr("holds no training samples"))
        except (DataError, OSError, ValueError) as e:
            self.show_message(self.tr("Can't open this data set"),
                              self.tr("The file is damaged or is not a data set nndesk can read (an .npz file "
                                      "with x and y, or a folder of MNIST IDX files). Nothing was changed."),
                              QMessageBox.Icon.Warning, str(e))
            self._show_source()
            return False
        # The student's optimizer carries over, except into and out of the lecture's plain-SGD example.
        optimizer = recipe.optimizer if "lecture" in (spec, self.recipe.dataset) else self.recipe.optimizer
        self.recipe, self.source = recipe.with_changes(optimizer=optimizer), source
        self.trainer.reset()
        self._use_settings_of(recipe)
        self.document.set_network(self._fresh_network(), source.name, source.train.image_shape,
                                  mean_digit(source.train))
        self.model_path = None
        self._show_source()
        self._step_through_first_sample()
        return True

    def _show_source(self) -> None:
        """Picker, title and the views that suit the data: digits draw, 2-D sets show a boundary."""
        spec, train = self.recipe.dataset, self.source.train
        described = self.tr("%1 samples, %2 inputs, %3 classes").replace("%1", QLocale().toString(len(train)))
        described = described.replace("%2", str(train.n_inputs)).replace("%3", str(train.n_classes))
        self.training_dock.show_dataset(spec, Path(spec).name, described)
        self.training_dock.show_settings(self.trainer.control.hyper, self.recipe.cost, self.recipe.optimizer)
        self._show_views_for(train)
        self._update_title()

    # ---- model files ------------------------------------------------------------------------
    def open_model_dialog(self) -> None:
        start = str(settings.settings().value(settings.LAST_MODEL_DIR, ""))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open model"), start, self.tr("nndesk models (*.npz)"))
        if path:
            self.load_model(path)

    def load_model(self, path: str | Path) -> bool:
        """Open a saved model; a damaged file gives a dialog and changes nothing."""
        from nndesk.engine.runs import model_io

        if not self._maybe_save():
            return False
        try:
            loaded = model_io.load_model(path)
            recipe = loaded.recipe or recipe_for(loaded.metadata.get("dataset") or self.recipe.dataset).with_changes(
                hidden=tuple(loaded.network.sizes[1:-1]), cost=loaded.network.cost.name)
            source = recipe.load_data() if recipe.dataset != self.recipe.dataset else self.source
            if source.train is None or source.train.n_inputs != loaded.network.sizes[0]:
                raise DataError(recipe.dataset, self.tr("does not fit this network's inputs"))
        except (model_io.ModelError, DataError, OSError, ValueError) as e:
            self.show_message(self.tr("Can't open this model"),
                              self.tr("The file is damaged or is not an nndesk model. Your current network is "
                                      "unchanged."), QMessageBox.Icon.Warning, str(e))
            return False
        self.stop_and_wait()
        self.recipe, self.source, self.model_path = recipe, source, Path(path)
        self.trainer.reset()
        self._use_settings_of(recipe)
        self.trainer.restore(loaded.history, loaded.optimizer())
        for report in self.trainer.history:
            self.loss_plot.add_epoch(report)
        self.document.set_network(loaded.network, source.name, source.train.image_shape, mean_digit(source.train))
        self._show_source()
        self._step_through_first_sample()
        settings.settings().setValue(settings.LAST_MODEL_DIR, str(Path(path).parent))
        return True

    def save(self) -> bool:
        return self.save_model(self.model_path) if self.model_path else self.save_as()

    def save_as(self) -> bool:
        start = str(self.model_path or Path(str(settings.settings().value(settings.LAST_MODEL_DIR, ""))) / "model.npz")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save model"), start, self.tr("nndesk models (*.npz)"))
        return self.save_model(path) if path else False

    def save_model(self, path: str | Path) -> bool:
        from nndesk.engine.runs import model_io

        names = {f.name for f in fields(EpochStats)}
        history = [EpochStats(**{k: v for k, v in h.items() if k in names} | {"lr_changes": tuple(
            tuple(c) for c in h["lr_changes"])}) for h in self.trainer.history]
        recipe = self.recipe.with_changes(hyper=self.trainer.control.hyper,
                                          hidden=tuple(self.document.sizes[1:-1]))
        try:
            model_io.save_model(path, self.document.network, recipe, history, self.trainer.optimizer)
        except (model_io.ModelError, OSError, ValueError) as e:
            self.show_message(self.tr("Can't save the model"),
                              self.tr("The file could not be written; the network is still here, unsaved."),
                              QMessageBox.Icon.Warning, str(e))
            return False
        self.model_path = Path(path)
        self.document.set_modified(False)
        settings.settings().setValue(settings.LAST_MODEL_DIR, str(Path(path).parent))
        self._update_title()
        return True

    def _maybe_save(self) -> bool:
        """Before work is replaced: True to go on (saved or discarded), False to cancel."""
        if not self.document.is_modified():
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"), self.tr("The network has changes that are not saved. Save them?"),
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    def _update_title(self) -> None:
        name = self.model_path.name if self.model_path else self.tr("untitled")
        self.setWindowTitle(f"{name}[*] — nndesk")
        self.setWindowModified(self.document.is_modified())
