"""The main window: the network canvas in the middle, Training / Loss / Draw docks around it.

It wires views to models and does little itself: the data set and recipe
decide the network, ``TrainerController`` (``window.trainer``) runs training
in its own thread, ``NetworkDocument`` holds the GUI's network, and every
view follows signals.  Files go through ``model_io`` and ``datasets``;
whatever a file gets wrong ends in a dialog and leaves the current work as
it was.  Architecture edits during training ask first (``_GuardedUndoStack``).
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, QEventLoop, QLocale, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from nndesk.app import i18n, settings
from nndesk.app.backprop_panel import BackpropPanel
from nndesk.app.decision_boundary import DecisionBoundaryView
from nndesk.app.divergence import DivergenceBanner
from nndesk.app.draw_dock import DrawDock
from nndesk.app.histograms import HistogramsView
from nndesk.app.inspector_panel import InspectorPanel
from nndesk.app.loss_plot import LossPlot
from nndesk.app.network_canvas import NetworkCanvas
from nndesk.app.network_document import NetworkDocument
from nndesk.app.status_bar import TrainingStatusBar
from nndesk.app.trainer_controller import TrainerController
from nndesk.app.training_dock import OPEN, TrainingDock
from nndesk.app.weight_gallery import WeightGallery
from nndesk.engine.blas import use_default_threads
from nndesk.engine.datasets import DataSource
from nndesk.engine.initializers import default_initializer, init_weights
from nndesk.engine.layers import Dense
from nndesk.engine.network import Network
from nndesk.engine.readers import DataError
from nndesk.engine.recipe import TrainingRecipe
from nndesk.engine.toy import TOY
from nndesk.engine.training import EpochStats

ARCHITECTURE_COMMANDS = ("AddLayerCommand", "RemoveLayerCommand", "ResizeLayerCommand", "SetActivationCommand")


def preset_for(spec: str) -> str:
    return "lecture" if spec == "lecture" else "toy" if spec in TOY else "digits"


def recipe_for(spec: str) -> TrainingRecipe:
    """The preset recipe that suits a data set (digits, toy 2-D sets, the lecture's example)."""
    try:
        return TrainingRecipe.from_preset(preset_for(spec), dataset=spec)
    except (ImportError, ValueError, KeyError):  # presets not installed: the recipe's defaults
        return TrainingRecipe(dataset=spec)


class _GuardedUndoStack(QUndoStack):
    """Asks before an architecture edit lands on a network that is being trained."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def push(self, command: QUndoCommand) -> None:
        if type(command).__name__ in ARCHITECTURE_COMMANDS and not self._window.stop_training_for_edit():
            return
        super().push(command)


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        use_default_threads()  # one BLAS thread: the GUI and the digit distorter need the other core
        self.trainer = TrainerController(self)
        self.recipe = recipe_for("mnist-bundled")
        self.source: DataSource = self.recipe.load_data()
        self.document = NetworkDocument(self._fresh_network(), self.source.name, self.source.train.image_shape)
        self.undo_stack = _GuardedUndoStack(self)
        self.model_path: Path | None = None
        self._shown_weights: list | None = None  # the snapshot last copied into the document
        self._applying = False
        self._last_report: dict | None = None
        self._build_views()
        self._build_menus()
        self._connect()
        self.training_dock.show_settings(self.recipe.hyper, self.recipe.cost, self.recipe.optimizer)
        self.trainer.update(**{f.name: getattr(self.recipe.hyper, f.name) for f in fields(self.recipe.hyper)})
        self._show_source()
        self.retranslate()
        self.resize(1280, 800)
        self._restore_layout()

    # ---- building --------------------------------------------------------------------
    def _build_views(self) -> None:
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        doc = self.document
        self.canvas = NetworkCanvas(doc, self.undo_stack)
        self.divergence_banner = DivergenceBanner()
        central = QWidget(objectName="centralArea")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.divergence_banner)  # inline, so the cost plot stays in view
        column.addWidget(self.canvas, 1)
        self.setCentralWidget(central)
        self.training_dock = TrainingDock(self)
        self.addDockWidget(left, self.training_dock)
        self.loss_plot, self.draw_widget = LossPlot(), DrawDock(doc)
        self.boundary_view, self.inspector = DecisionBoundaryView(doc), InspectorPanel(doc, self.undo_stack)
        self.backprop = BackpropPanel(doc)
        self.histograms: HistogramsView | None = None  # these two are built when first shown:
        self.gallery: WeightGallery | None = None  # they redraw hundreds of plots or tiles
        self.loss_dock = self._dock("lossDock", self.loss_plot, bottom)
        self.draw_dock = self._dock("drawPanelDock", self.draw_widget, right)
        self.boundary_dock = self._dock("boundaryDock", self.boundary_view, right)
        self.inspector_dock = self._dock("inspectorDock", self.inspector, right)
        self.backprop_dock = self._dock("backpropDock", self.backprop, bottom)  # wide formulas: under the canvas
        self.histograms_dock = self._dock("histogramsDock", QWidget(), bottom)
        self.gallery_dock = self._dock("galleryDock", QWidget(), bottom)
        self.histograms_dock.visibilityChanged.connect(self._build_histograms)
        self.gallery_dock.visibilityChanged.connect(self._build_gallery)
        for first, second in ((self.draw_dock, self.inspector_dock), (self.loss_dock, self.backprop_dock),
                              (self.loss_dock, self.histograms_dock), (self.loss_dock, self.gallery_dock)):
            self.tabifyDockWidget(first, second)
        self.draw_dock.raise_()
        self.loss_dock.raise_()
        self.draw_widget.connect_canvas(self.canvas)  # the drawn digit lights up the network
        for view in (self.inspector, self.backprop):
            self.canvas.neuronClicked.connect(view.select_neuron if view is self.backprop else view.show_neuron)
            self.canvas.edgeClicked.connect(view.select_edge if view is self.backprop else view.show_edge)
        self.inspector.follow_backprop(self.backprop)
        self.status = TrainingStatusBar(self)
        self.setStatusBar(self.status)

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self, objectName=name)  # saveState() finds docks by name
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_histograms(self, visible: bool) -> None:
        if visible and self.histograms is None:
            self.histograms = HistogramsView()
            self.histograms_dock.setWidget(self.histograms)
            if self._last_report is not None:
                self.histograms.on_epoch(self._last_report)

    def _build_gallery(self, visible: bool) -> None:
        if visible and self.gallery is None:
            self.gallery = WeightGallery(self.document)
            self.gallery.neuronSelected.connect(self.canvas.neuronClicked)
            self.gallery_dock.setWidget(self.gallery)

    def _on_epoch_for_hidden_views(self, report: dict) -> None:
        """The latest epoch, for the histograms (which redraw only while shown, at most once a second)."""
        self._last_report = report
        if self.histograms is not None:
            self.histograms.on_epoch(report)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu, self.edit_menu = bar.addMenu(""), bar.addMenu("")
        self.training_menu, self.view_menu, self.language_menu = bar.addMenu(""), bar.addMenu(""), bar.addMenu("")
        self.open_action = QAction(self, shortcut=QKeySequence.StandardKey.Open, triggered=self.open_model_dialog)
        self.save_action = QAction(self, shortcut=QKeySequence.StandardKey.Save, triggered=self.save)
        self.save_as_action = QAction(self, shortcut=QKeySequence.StandardKey.SaveAs, triggered=self.save_as)
        self.open_data_action = QAction(self, triggered=self.open_data_dialog)
        self.quit_action = QAction(self, shortcut=QKeySequence.StandardKey.Quit, triggered=self.close)
        self.file_menu.addActions([self.open_action, self.save_action, self.save_as_action, self.open_data_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.undo_action = self.undo_stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        dock = self.training_dock
        self.training_menu.addActions([dock.toggle_action, dock.train_action, dock.pause_action, dock.step_action,
                                       dock.stop_action, dock.reset_action])
        self.training_menu.addSeparator()
        self.training_menu.addAction(self.loss_plot.log_action)
        self.addAction(dock.toggle_action)  # Space works wherever the focus is in the window
        for d in (self.training_dock, self.loss_dock, self.draw_dock, self.boundary_dock, self.inspector_dock,
                  self.backprop_dock, self.histograms_dock, self.gallery_dock):
            self.view_menu.addAction(d.toggleViewAction())
        group = QActionGroup(self, exclusive=True)
        self.language_actions: dict[str, QAction] = {}
        for code in ("", *i18n.LANGUAGES):
            action = QAction(i18n.LANGUAGES.get(code, ""), group, checkable=True)
            action.setChecked(code == settings.language())
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.language_actions[code] = action
        self.language_menu.addActions(group.actions())

    def _connect(self) -> None:
        t, dock, doc = self.trainer, self.training_dock, self.document
        dock.train_action.triggered.connect(self.train)
        dock.pause_action.triggered.connect(t.pause)
        dock.step_action.triggered.connect(self.step)
        dock.stop_action.triggered.connect(t.stop)
        dock.reset_action.triggered.connect(self.reset)
        dock.toggle_action.triggered.connect(self.toggle_training)
        dock.settingsEdited.connect(lambda changes: t.update(**changes))
        dock.datasetChosen.connect(self._on_dataset_chosen)
        dock.costChosen.connect(self.set_cost)
        dock.optimizerChosen.connect(lambda name: setattr(self, "recipe", self.recipe.with_changes(optimizer=name)))
        t.settingsChanged.connect(lambda hyper: dock.show_settings(hyper))
        t.stateChanged.connect(dock.set_state)
        t.epochFinished.connect(self.loss_plot.add_epoch)
        t.epochFinished.connect(self.status.on_epoch)
        t.batchFinished.connect(self.loss_plot.add_batch)
        t.batchFinished.connect(self.status.on_batch)
        t.weightsUpdated.connect(self._apply_weights)
        t.historyCleared.connect(self.loss_plot.clear_history)
        t.historyCleared.connect(self.status.reset)
        t.epochFinished.connect(self._on_epoch_for_hidden_views)
        self.divergence_banner.learningRateChosen.connect(lambda eta: t.update(learning_rate=eta))
        self.divergence_banner.retryRequested.connect(self.train)
        t.failed.connect(self._on_failed)
        t.diverged.connect(self.divergence_banner.show_divergence)
        doc.modifiedChanged.connect(self.setWindowModified)
        doc.weightsChanged.connect(self._on_user_weight_edit)
        doc.architectureChanged.connect(self._on_architecture_changed)

    # ---- training ----------------------------------------------------------------------
    def train(self, step: bool = False) -> None:
        """Train (or one ``step``) from the document's current weights, or resume a paused run."""
        if self.trainer.state == "paused":
            self.trainer.step() if step else self.trainer.resume()
            return
        if self.trainer.is_active:
            return
        self.recipe = self.recipe.with_changes(hyper=self.trainer.control.hyper)
        done = len(self.trainer.history)
        try:
            self.trainer.start(self.document.network, self.source, self.recipe, step=step)
        except (ValueError, DataError) as e:
            self.show_message(self.tr("Training can't start"),
                              self.tr("The data set and the network or the settings don't fit together."),
                              QMessageBox.Icon.Warning, str(e))
            return
        self.status.set_budget(done, done + (1 if step else self.recipe.hyper.epochs))
        self._shown_weights = self.document.weights_snapshot()

    def step(self) -> None:
        self.train(step=True)

    def toggle_training(self) -> None:
        """Space: start, pause or resume."""
        self.trainer.pause() if self.trainer.state == "running" else self.train()

    def reset(self) -> None:
        """Fresh random weights and biases for the same architecture; the history starts over."""
        if self.trainer.is_active:
            return
        rng = np.random.default_rng()
        net = self.document.network
        layers = [Dense(init_weights(self.recipe.init or default_initializer(layer.activation.name),
                                     layer.n_out, layer.n_in, rng, net.dtype),
                        np.zeros(layer.n_out, dtype=net.dtype), layer.activation) for layer in net.layers]
        self.trainer.reset()
        self.document.set_network(Network(layers, net.cost))

    def set_cost(self, name: str) -> None:
        """Change C; the output activation follows (softmax for cross-entropy, σ for quadratic)."""
        if self.trainer.is_active or name == self.document.network.cost.name:
            return
        fresh = self.recipe.with_changes(cost=name).build_network(self.document.sizes[0], self.document.sizes[-1])
        layers = [layer.copy() for layer in self.document.network.layers]
        layers[-1].activation = fresh.layers[-1].activation
        self.recipe = self.recipe.with_changes(cost=name)
        self.document.set_network(Network(layers, fresh.cost))
        self.document.set_modified(True)

    def stop_training_for_edit(self) -> bool:
        """Before an architecture edit: True if nothing trains (any more); asks the user first."""
        if not self.trainer.is_active:
            return True
        answer = QMessageBox.question(
            self, self.tr("Change the architecture?"),
            self.tr("Training is running. Changing the architecture stops it; the weights learned so far are "
                    "kept. Stop training and make the change?"))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.stop_and_wait()
        return True

    def stop_and_wait(self) -> None:
        """Stop training and return once the worker's last weights are in the document."""
        if self.trainer.is_active:
            loop = QEventLoop()
            self.trainer.finished.connect(loop.quit)
            self.trainer.stop()
            if self.trainer.is_active:
                loop.exec()
            self.trainer.finished.disconnect(loop.quit)

    def _apply_weights(self, snapshot: list) -> None:
        self._applying = True
        try:
            if self.document.apply_weights(snapshot):
                self._shown_weights = snapshot
        finally:
            self._applying = False

    def _on_user_weight_edit(self) -> None:
        """A weight typed in while training runs also goes to the trained copy, before its next batch."""
        if self._applying or not self.trainer.is_active or self._shown_weights is None:
            return
        now = self.document.weights_snapshot()
        changes = [(l, w != w0, w, b != b0, b) for l, ((w, b), (w0, b0)) in enumerate(zip(now, self._shown_weights))]
        self._shown_weights = now

        def edit(net: Network) -> None:
            for l, w_mask, w, b_mask, b in changes:
                net.layers[l].weights[w_mask] = w[w_mask]
                net.layers[l].bias[b_mask] = b[b_mask]
        self.trainer.post_edit(edit)

    def _on_architecture_changed(self) -> None:
        self._shown_weights = None
        if self.trainer.is_active:  # an undo/redo changed the shape under a run: the document wins
            self.trainer.stop()

    def _on_failed(self, details: str) -> None:
        self.show_message(self.tr("Training stopped because of an error"),
                          self.tr("Something went wrong inside the training loop. The weights from the last "
                                  "finished epoch are kept; you can train again."), QMessageBox.Icon.Critical, details)

    def show_message(self, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information,
                     details: str = "") -> QMessageBox:
        """A window-modal message that never blocks the caller (training reports keep arriving).

        ``text`` is translated; ``details`` (the engine's own explanation, in English) sits behind
        "Show Details…".
        """
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Close, self)
        box.setObjectName("nndeskMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if details:
            box.setDetailedText(details)
        box.open()
        return box

    # ---- data ----------------------------------------------------------------------------
    def _fresh_network(self) -> Network:
        return self.recipe.build_network(self.source.train.n_inputs, self.source.train.n_outputs)

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
        self.recipe, self.source = recipe.with_changes(optimizer=self.recipe.optimizer), source
        self.trainer.reset()
        self.trainer.update(**{f.name: getattr(recipe.hyper, f.name) for f in fields(recipe.hyper)})
        self.document.set_network(self._fresh_network(), source.name, source.train.image_shape)
        self.model_path = None
        self._show_source()
        return True

    def _show_source(self) -> None:
        """Picker, title and the views that suit the data: digits draw, 2-D sets show a boundary."""
        spec, train = self.recipe.dataset, self.source.train
        described = self.tr("%1 samples, %2 inputs, %3 classes").replace("%1", QLocale().toString(len(train)))
        described = described.replace("%2", str(train.n_inputs)).replace("%3", str(train.n_classes))
        self.training_dock.show_dataset(spec, Path(spec).name, described)
        self.training_dock.show_settings(self.trainer.control.hyper, self.recipe.cost, self.recipe.optimizer)
        plane = train.n_inputs == 2
        self.draw_dock.setVisible(train.image_shape is not None)
        self.boundary_dock.setVisible(plane)
        if plane:
            self.boundary_view.set_dataset(train)
        self._update_title()

    # ---- model files ------------------------------------------------------------------------
    def open_model_dialog(self) -> None:
        start = str(settings.settings().value(settings.LAST_MODEL_DIR, ""))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open model"), start, self.tr("nndesk models (*.npz)"))
        if path:
            self.load_model(path)

    def load_model(self, path: str | Path) -> bool:
        """Open a saved model; a damaged file gives a dialog and changes nothing."""
        from nndesk.engine import model_io

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
        self.trainer.update(**{f.name: getattr(recipe.hyper, f.name) for f in fields(recipe.hyper)})
        self.trainer.restore(loaded.history, loaded.optimizer())
        for report in self.trainer.history:
            self.loss_plot.add_epoch(report)
        self.document.set_network(loaded.network, source.name, source.train.image_shape)
        self._show_source()
        settings.settings().setValue(settings.LAST_MODEL_DIR, str(Path(path).parent))
        return True

    def save(self) -> bool:
        return self.save_model(self.model_path) if self.model_path else self.save_as()

    def save_as(self) -> bool:
        start = str(self.model_path or Path(str(settings.settings().value(settings.LAST_MODEL_DIR, ""))) / "model.npz")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save model"), start, self.tr("nndesk models (*.npz)"))
        return self.save_model(path) if path else False

    def save_model(self, path: str | Path) -> bool:
        from nndesk.engine import model_io

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

    # ---- language, layout, closing -------------------------------------------------------------
    def set_language(self, code: str) -> None:
        """Switch the UI language now ("" follows the system); remembered for the next start."""
        settings.set_language(code)
        i18n.install(code)

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.training_menu.setTitle(self.tr("&Training"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.open_action.setText(self.tr("&Open model…"))
        self.save_action.setText(self.tr("&Save model"))
        self.save_as_action.setText(self.tr("Save model &as…"))
        self.open_data_action.setText(self.tr("Open &data set…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.undo_action.setText(self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo"))
        self.language_actions[""].setText(self.tr("System language"))
        for dock, title in ((self.loss_dock, self.tr("Cost")), (self.draw_dock, self.tr("Draw a digit")),
                            (self.boundary_dock, self.tr("Decision boundary")),
                            (self.inspector_dock, self.tr("Inspector")),
                            (self.backprop_dock, self.tr("Backpropagation")),
                            (self.histograms_dock, self.tr("Weight histograms")),
                            (self.gallery_dock, self.tr("What the neurons look for"))):
            dock.setWindowTitle(title)
        self._show_source()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "language_actions"):
            self.retranslate()
        super().changeEvent(event)

    def _default_layout(self) -> None:
        """Training down the whole left side, the canvas widest, cost and pad below and beside it."""
        self.resizeDocks([self.training_dock], [310], Qt.Orientation.Horizontal)
        self.resizeDocks([self.draw_dock, self.boundary_dock], [420, 420], Qt.Orientation.Horizontal)
        self.resizeDocks([self.loss_dock], [300], Qt.Orientation.Vertical)

    def _restore_layout(self) -> None:
        """The layout the student left, or the default one once the window has its real size."""
        store = settings.settings()
        geometry, state = store.value(settings.WINDOW_GEOMETRY), store.value(settings.WINDOW_STATE)
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is None or not self.restoreState(state, settings.LAYOUT_VERSION):
            self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
            QTimer.singleShot(0, self._default_layout)  # dock sizes only stick once the window is laid out
        self._show_source()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask about unsaved work, then stop the worker and wait for its thread."""
        if not self._maybe_save():
            event.ignore()
            return
        store = settings.settings()
        store.setValue(settings.WINDOW_GEOMETRY, self.saveGeometry())
        store.setValue(settings.WINDOW_STATE, self.saveState(settings.LAYOUT_VERSION))
        store.sync()
        self.trainer.shutdown()
        super().closeEvent(event)
