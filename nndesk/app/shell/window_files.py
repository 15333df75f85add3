"""The main window's files: open and save models, open data sets, the unsaved-changes guard, the title.

``MainWindow`` mixes this in.  It owns ``recipe`` (how to build and train a
network for the data), ``source`` (the data set in use) and ``model_path``,
and uses the window's ``trainer``, ``document``, ``training_dock``,
``loss_plot``, ``show_message``, ``stop_and_wait`` and ``_show_views_for``.
Files go through ``model_io`` and ``datasets``.  Opening is a transaction:
the file is read and checked through first (``model_io`` validates all of a
model; the data it needs is loaded too), and only then does everything switch
at once — network, optimizer, history, recipe, title and path.  Whatever a
file gets wrong ends in one dialog and changes nothing, also while training
runs (the run goes on).  A good file replaces running work only when the
student agrees to stop it (``_replace_work``).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nndesk.app.shell import settings
from nndesk.app.shell.window_conv import layers_of
from nndesk.app.training.dock import OPEN
from nndesk.engine.core.dataset import Dataset
from nndesk.engine.core.network import Network
from nndesk.engine.core.optimizers import Optimizer
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


@dataclass(frozen=True, eq=False)
class _Opened:
    """A model file read and checked through, with the data it trains on: all the window switches to."""

    network: Network
    history: tuple[EpochStats, ...]
    optimizer: Optimizer | None
    recipe: TrainingRecipe
    source: DataSource
    mean_input: np.ndarray | None
    taught_with: object = None  # the file's record that the student's digits took part (Teach)


class WindowFiles:
    recipe: TrainingRecipe
    source: DataSource
    model_path: Path | None = None
    session_path: Path | None = None  # the session the work came from or went to: the title's name without a model

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
        """The panel's "Lecture example" button: the canvas shows the lecture's 3-2-1 and the panel steps
        that very network, so what a step lights is on screen.  Like any data set it replaces the work:
        a run is stopped first and unsaved work asked about (``_replace_work``); Cancel changes nothing,
        and the panel goes on stepping the canvas's own network."""
        if self.recipe.dataset != "lecture":
            if not self.use_dataset("lecture"):  # use_dataset steps its first sample
                return
        else:  # already the lecture's data: step through the canvas's lecture network again
            self._step_through_first_sample()
            self.backprop.set_learning_rate(self.trainer.control.hyper.learning_rate)  # the slider's η, not 0.1
        self.backprop_dock.show()
        self.backprop_dock.raise_()

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
        """Train on ``spec`` from now on, with a fresh network of the preset that suits it.

        The data is read first; only a data set that loads replaces the work (asking first).
        """
        try:
            recipe = recipe_for(spec)
            source = recipe.load_data()
            if source.train is None:
                raise DataError(source.name, self.tr("holds no training samples"))
            mean_input = mean_digit(source.train)
        except (DataError, OSError, ValueError) as e:
            self.show_message(self.tr("Can't open this data set"),
                              self.tr("The file is damaged or is not a data set nndesk can read (an .npz file "
                                      "with x and y, or a folder of MNIST IDX files). Nothing was changed."),
                              QMessageBox.Icon.Warning, str(e))
            self._show_source()
            return False
        if not self._replace_work():
            self._show_source()
            return False
        # The student's optimizer carries over, except into and out of the lecture's plain-SGD example.
        optimizer = recipe.optimizer if "lecture" in (spec, self.recipe.dataset) else self.recipe.optimizer
        self.recipe, self.source = recipe.with_changes(optimizer=optimizer), source
        self.trainer.reset()
        self._use_settings_of(recipe)
        self.document.set_network(self._network_for_data(), source.name, source.train.image_shape, mean_input)
        self._show_ready()
        self.model_path = self.session_path = None
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
        """Open a saved model as one transaction; a file that fails any check gives one dialog and changes
        nothing (a run goes on); a good one replaces the work once the student agrees (``_replace_work``)."""
        opened = self._read_model(Path(path))
        if opened is None or not self._replace_work():
            return False
        self._switch_to(opened, Path(path))
        return True

    def _read_model(self, path: Path) -> _Opened | None:
        """Everything that can fail, before anything changes: the file, its checks, the data it needs."""
        from nndesk.engine.runs import model_io

        try:
            loaded = model_io.load_model(path)
            net = loaded.network
            recipe = loaded.recipe or recipe_for(loaded.metadata.get("dataset") or self.recipe.dataset).with_changes(
                cost=net.cost.name, **layers_of(net))
            source = recipe.load_data() if recipe.dataset != self.recipe.dataset else self.source
            train = source.train
            if train is None or (train.n_inputs, train.n_outputs) != (net.sizes[0], net.sizes[-1]):
                raise DataError(recipe.dataset, self.tr("does not fit this network's inputs and outputs"))
            opened = _Opened(net, loaded.history, loaded.optimizer(), recipe, source, mean_digit(train),
                             loaded.metadata.get("taught_with"))  # (WindowTeach checks it)
        except (model_io.ModelError, DataError, OSError, ValueError) as e:
            self.show_message(self.tr("Can't open this model"),
                              self.tr("The file is damaged or is not an nndesk model. Your current network is "
                                      "unchanged."), QMessageBox.Icon.Warning, str(e))
            return None
        return opened

    def _switch_to(self, opened: _Opened, path: Path) -> None:
        """Commit: network, optimizer, history, recipe, settings, title and path together (nothing here fails)."""
        self.trainer.reset()
        self.recipe, self.source, self.model_path, self.session_path = opened.recipe, opened.source, path, None
        self._use_settings_of(opened.recipe)
        self.trainer.restore(opened.history, opened.optimizer)
        for report in self.trainer.history:
            self.loss_plot.add_epoch(report)
        self._show_budget()  # "Epoch 8 of 8", as the plot shows: the reset above said 0
        train = opened.source.train
        self.document.set_network(opened.network, opened.source.name, train.image_shape, opened.mean_input)
        self.taught_with = opened.taught_with  # after set_network, which forgets the last network's
        self._show_source()
        self._step_through_first_sample()
        settings.settings().setValue(settings.LAST_MODEL_DIR, str(path.parent))

    def save(self) -> bool:
        return self.save_model(self.model_path) if self.model_path else self.save_as()

    def save_as(self) -> bool:
        start = str(self.model_path or Path(str(settings.settings().value(settings.LAST_MODEL_DIR, ""))) / "model.npz")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save model"), start, self.tr("nndesk models (*.npz)"))
        return self.save_model(path) if path else False

    def save_model(self, path: str | Path) -> bool:
        from nndesk.engine.runs import model_io

        recipe = self.recipe.with_changes(hyper=self.trainer.control.hyper, **layers_of(self.document.network))
        try:
            model_io.save_model(path, self.document.network, recipe, self.trainer.history, self.trainer.optimizer,
                                taught_with=self.taught_with)
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

    def _replace_work(self) -> bool:
        """Before an opened file replaces the work: True to go on.  While training runs, one question
        (Save / Discard / Cancel) asks to stop it; Cancel leaves the run alone.  Otherwise ``_maybe_save``."""
        if not self.trainer.is_active:
            return self._maybe_save()
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, self.tr("Training is running"),
            self.tr("Opening this stops training and replaces the network being trained. Save the network "
                    "first?"), buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer not in (buttons.Save, buttons.Discard):
            return False
        self.stop_and_wait()  # the worker's last weights are in the document before it is saved or replaced
        if self.trainer.is_active:  # a mini-batch that outlasted the wait: it stops soon, but not yet
            self.show_message(self.tr("Training is running"),
                              self.tr("Training did not stop in time, so nothing was opened. Try again in a "
                                      "moment."), QMessageBox.Icon.Warning)
            return False
        return answer == buttons.Discard or self.save()

    def _update_title(self) -> None:
        named = self.model_path or self.session_path
        name = named.name if named else self.tr("untitled")
        self.setWindowTitle(f"{name}[*] — nndesk")
        self.setWindowModified(self.document.is_modified())
