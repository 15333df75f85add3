"""The main window: the network canvas in the middle, Training / Loss / Draw docks around it.

It wires views to models and does little itself: the data set and recipe
decide the network, ``TrainerController`` (``window.trainer``) runs training
in its own thread, ``NetworkDocument`` holds the GUI's network, and every
view follows signals.  The window is a thin composition: what it does with
files (``WindowFiles``), with training (``WindowTraining``) and where its
docks go (``WindowDocks``) live in their own modules; here are the menus,
the wiring, messages, the language and closing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox, QVBoxLayout, QWidget

from nndesk import engine_texts
from nndesk.app.backprop.panel import BackpropPanel
from nndesk.app.canvas.network_canvas import NetworkCanvas
from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.shell import i18n, screen_fit, settings
from nndesk.app.shell.gui_gc import collect_in_gui_thread
from nndesk.app.shell.ready_trained import ReadyBadge, WindowReady
from nndesk.app.shell.start_here import WindowStartHere
from nndesk.app.shell.window_conv import wire_features
from nndesk.app.shell.window_docks import WindowDocks
from nndesk.app.shell.window_export import WindowExport
from nndesk.app.shell.window_files import WindowFiles, mean_digit, recipe_for
from nndesk.app.shell.window_keys import WindowKeys
from nndesk.app.shell.window_my_digits import WindowMyDigits
from nndesk.app.shell.window_points import WindowPoints
from nndesk.app.shell.window_runs import WindowRuns
from nndesk.app.shell.window_session import WindowSession
from nndesk.app.shell.window_teach import WindowTeach
from nndesk.app.shell.window_training import GuardedUndoStack, WindowTraining
from nndesk.app.training.controller import TrainerController
from nndesk.app.training.divergence import DivergenceBanner
from nndesk.app.training.dock import TrainingDock
from nndesk.app.training.status_bar import TrainingStatusBar
from nndesk.engine.data.datasets import DataSource
from nndesk.engine.fast.blas import use_default_threads
from nndesk.engine.fast.heap import steady_heap

__all__ = ["MainWindow", "recipe_for", "wire_canvas"]


def wire_canvas(panel: BackpropPanel, canvas: NetworkCanvas) -> None:
    """Connect the backprop panel to the canvas: each step lights up what it computes and shows the
    sample's activations a⁽ᴸ⁾ (until then the canvas belongs to the draw pad); clicks pick the focus."""
    def highlight(kind: str, layer: int, where: object) -> None:
        if kind in ("none", ""):
            canvas.clear_highlight()
            return
        if panel.walk is not None:
            canvas.set_activations(list(panel.walk.exact.activations))
        if kind == "neuron":
            canvas.highlight_neuron(layer, where)
        elif kind == "edge":
            canvas.highlight_edge(layer, *where)
        elif kind == "feature":  # (f, y, x): a ConvNet's step-through follows one pixel of one map
            canvas.highlight_feature(layer, *where)
        else:
            canvas.clear_highlight()

    panel.highlightRequested.connect(highlight)
    canvas.edgeClicked.connect(panel.select_edge)
    canvas.neuronClicked.connect(panel.select_neuron)


class MainWindow(WindowPoints, WindowFiles, WindowTraining, WindowRuns, WindowMyDigits, WindowDocks, WindowReady,
                 WindowStartHere, WindowTeach, WindowSession, WindowExport, QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        use_default_threads()  # one BLAS thread: the GUI and the digit distorter need the other core
        steady_heap()  # memory stays flat over a long session (see engine.fast.heap)
        collect_in_gui_thread()  # no QObject is ever destroyed by a collection in another thread (gui_gc)
        self.trainer = TrainerController(self)
        self.recipe = recipe_for("mnist-bundled")
        self.source: DataSource = self.recipe.load_data()
        self.document = NetworkDocument(self._network_for_data(), self.source.name, self.source.train.image_shape,
                                        mean_input=mean_digit(self.source.train))
        self.undo_stack = GuardedUndoStack(self)
        self._build_views()
        self._build_menus()
        self._install_export()  # File ▸ Export… (window_export)
        self._install_points()  # points clicked on the plane, File ▸ Import CSV / Save data set (window_points)
        self._connect()
        self._install_sessions()  # File ▸ sessions, autosave, restore after a crash
        self._build_teach()  # the Teach dock: fine-tune on my digits (window_teach)
        self.training_dock.show_settings(self.recipe.hyper, self.recipe.cost, self.recipe.optimizer)
        self._use_settings_of(self.recipe)
        self._show_ready()
        self._show_source()
        self._step_through_first_sample()
        self.retranslate()
        screen_fit.scroll_what_does_not_fit(self, self.all_docks())
        screen_fit.fit_first_size(self)  # 1280×800, or less on a smaller screen
        self._restore_layout()

    # ---- building --------------------------------------------------------------------
    def _build_views(self) -> None:
        self.canvas = NetworkCanvas(self.document, self.undo_stack)
        self.divergence_banner = DivergenceBanner()
        self.ready_badge = ReadyBadge()
        central = QWidget(objectName="centralArea")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._build_start_here())  # three ways in, until chosen or dismissed
        column.addWidget(self.divergence_banner)  # inline, so the cost plot stays in view
        column.addWidget(self.ready_badge)  # "ready-trained", over the network it speaks of
        column.addWidget(self.canvas, 1)
        self.setCentralWidget(central)
        self.training_dock = TrainingDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.training_dock)
        self._build_docks()
        self._build_runs()  # every training run recorded; the Runs dock
        self.draw_widget.connect_canvas(self.canvas)  # the drawn digit lights up the network
        self.canvas.neuronClicked.connect(self.inspector.show_neuron)
        self.canvas.edgeClicked.connect(self.inspector.show_edge)
        wire_canvas(self.backprop, self.canvas)  # steps light up what they compute; clicks pick what to follow
        self.backprop.lectureExampleLoaded.connect(self._open_lecture_example)
        self.draw_widget.stepThroughRequested.connect(self._step_through_drawing)
        self.inspector.follow_backprop(self.backprop)
        wire_features(self)  # a feature-map pixel: the Inspector shows it, the step-through follows it
        self.status = TrainingStatusBar(self)
        self.setStatusBar(self.status)

    def _show_budget(self, *_: object) -> None:
        """While idle the status bar shows the epochs the next Train will run ("Epoch 0 of 400")."""
        if not self.trainer.is_active:
            done = len(self.trainer.history)
            self.status.set_budget(done, done + self.trainer.control.hyper.epochs)

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
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)  # Ctrl+Shift+Z as well as Ctrl+Y
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        dock = self.training_dock
        self.training_menu.addActions([dock.toggle_action, dock.train_action, dock.pause_action, dock.step_action,
                                       dock.stop_action, dock.reset_action])
        self.training_menu.addSeparator()
        self.training_menu.addAction(self.loss_plot.log_action)
        self.addAction(dock.toggle_action)  # Space works wherever the focus is in the window
        for d in self.all_docks():
            self.view_menu.addAction(d.toggleViewAction())
        group = QActionGroup(self, exclusive=True)
        self.language_actions: dict[str, QAction] = {}
        for code in ("", *i18n.LANGUAGES):
            action = QAction(i18n.LANGUAGES.get(code, ""), group, checkable=True)
            action.setChecked(code == i18n.menu_choice(settings.language()))  # what --lang installed
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.language_actions[code] = action
        self.language_menu.addActions(group.actions())
        self.keys = WindowKeys(self)  # Step/Stop/Reset keys, "Go to" the canvas and docks, visible focus
        self._build_help_menu()

    def _connect(self) -> None:
        t, dock, doc = self.trainer, self.training_dock, self.document
        dock.train_action.triggered.connect(self.train)
        dock.pause_action.triggered.connect(t.pause)
        dock.step_action.triggered.connect(lambda: self.train(step=True))
        dock.stop_action.triggered.connect(t.stop)
        dock.reset_action.triggered.connect(self.reset)
        dock.toggle_action.triggered.connect(self.toggle_training)
        dock.settingsEdited.connect(lambda changes: t.update(**changes))
        dock.datasetChosen.connect(self._on_dataset_chosen)
        dock.costChosen.connect(self.set_cost)
        dock.optimizerChosen.connect(lambda name: setattr(self, "recipe", self.recipe.with_changes(optimizer=name)))
        t.settingsChanged.connect(lambda hyper: dock.show_settings(hyper))
        t.stateChanged.connect(dock.set_state)
        t.epochFinished.connect(lambda report: self.loss_plot.add_epoch(report.stats))
        t.epochFinished.connect(self.status.on_epoch)
        t.batchFinished.connect(self.loss_plot.add_batch)
        t.batchFinished.connect(self.status.on_batch)
        t.stateChanged.connect(self.status.set_state)  # time left only while running; a run's end summed up
        t.weightsUpdated.connect(doc.apply_weights)
        t.historyCleared.connect(self.loss_plot.clear_history)
        t.historyCleared.connect(self.status.reset)
        t.historyCleared.connect(self._show_budget)
        t.settingsChanged.connect(self._show_budget)
        t.epochFinished.connect(self._on_epoch_for_hidden_views)
        self.divergence_banner.resetRequested.connect(self.reset)  # a collapsed network: fresh weights first
        self.divergence_banner.learningRateChosen.connect(lambda eta: t.update(learning_rate=eta))
        self.divergence_banner.retryRequested.connect(self.train)
        t.failed.connect(self._on_failed)
        t.diverged.connect(self.divergence_banner.show_divergence)
        doc.modifiedChanged.connect(self.setWindowModified)
        doc.valuesEdited.connect(self._post_to_training)  # the one path from the student's edits to training
        t.finished.connect(self._on_training_finished)  # after the run's last weights came in
        doc.architectureChanged.connect(self._on_architecture_changed)
        self._wire_ready_badge()

    # ---- messages, language, closing -------------------------------------------------------
    def show_message(self, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information,
                     details: str = "") -> QMessageBox:
        """A window-modal message that never blocks the caller (training reports keep arriving).

        ``text`` is translated; ``details`` (the engine's own explanation, in English) sits behind
        "Show Details…", and is said again in the UI's language below ``text`` when the catalogue
        knows its wording (``engine_texts``).
        """
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Close, self)
        box.setObjectName("nndeskMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if details:
            box.setDetailedText(details)
            if (said := engine_texts.in_language(details)) != details:
                box.setInformativeText(said)
        box.open()
        return box

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
        self._retranslate_start_here()
        self._retranslate_export()
        self._retranslate_points()
        self._retranslate_sessions()
        self._retranslate_docks()
        self._show_source()

    def showEvent(self, event: QShowEvent) -> None:
        """Once the frame is real, make sure all of it is on the screen."""
        super().showEvent(event)
        if not event.spontaneous():
            QTimer.singleShot(0, lambda: screen_fit.refit(self))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "language_actions"):
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask about unsaved work, then stop the worker and wait for its thread.

        A run is paused while the question is up: the weights being asked about must not go on
        changing behind it (nor the epochs it would save); Cancel lets the run go on.
        """
        paused = self.trainer.state == "running"  # (a single step ends by itself: left alone)
        if paused:
            self.trainer.pause()
        if not self._maybe_save():
            if paused:
                self.trainer.resume()
            event.ignore()
            return
        self._save_layout()
        self.trainer.shutdown()
        super().closeEvent(event)
