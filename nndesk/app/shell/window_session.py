"""The main window's sessions: File ▸ Save session… / Open session…, autosave, and restore after a crash.

``MainWindow`` mixes this in and calls ``_install_sessions()`` once its menus and views exist.
A session (``session_io``) is the whole desk: the network with its optimizer, history and recipe
(the live settings), the pace, the data set (or a hand-made set's points), my digits, the run
list and the window layout.  Parts that belong to features of other packages are taken and given
through the window's own attributes when it has them (``my_digits``/``set_my_digits``,
``runs``/``set_runs``, ``hand_made_points``/``use_points``), so a session holds what the window has.

Opening is the model file's transaction (``WindowFiles``), reused: the file is read and checked
through and its data loaded before anything changes, then the work is replaced only if the student
agrees (``_replace_work``) and ``_switch_to`` switches network, optimizer, history, recipe and
settings at once; the session's own parts follow.  A bad file gives one message and leaves the
window as it was, also while training runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nndesk.app.shell import autosave, settings
from nndesk.app.shell.restore_banner import RestoreBanner
from nndesk.app.shell.window_conv import layers_of
from nndesk.app.shell.window_files import _Opened, mean_digit
from nndesk.engine.core.dataset import Dataset
from nndesk.engine.data.datasets import DataSource
from nndesk.engine.data.readers import DataError
from nndesk.engine.runs.session_check import Layout
from nndesk.engine.runs.session_io import SUFFIX, Session, SessionError, load_session, peek_session, save_session

LAST_SESSION_DIR = "files/last_session_dir"


@dataclass(frozen=True, eq=False)
class _OpenedSession:
    """A session read and checked, with the data its network trains on: all the window switches to."""

    opened: _Opened
    session: Session


class WindowSession:
    def _install_sessions(self) -> None:
        """File ▸ Open session… / Save session… (after the model's entries, before the data's), the autosave, and
        the restore banner if a crash left a session."""
        self.save_session_action = self.file_menu.addAction("", self.save_session_dialog)
        self.open_session_action = self.file_menu.addAction("", self.open_session_dialog)
        self.file_menu.insertActions(self.open_data_action, [self.open_session_action, self.save_session_action])
        self.autosave = autosave.Autosave(self.trainer, self.session_now, parent=self)
        self.autosave.failed.connect(self._autosave_failed)  # a method of the window: queued to the GUI thread
        self.restore_banner = RestoreBanner()
        self.centralWidget().layout().insertWidget(0, self.restore_banner)
        self.restore_banner.restoreRequested.connect(self.restore_crashed_session)
        self.restore_banner.discardRequested.connect(self.discard_crashed_session)
        self.recovered = autosave.crash_left()
        if self.recovered is not None:
            try:
                info = peek_session(self.recovered)
            except SessionError:
                info = None
            row = self.training_dock.picker.findData(info.dataset) if info else -1
            self.restore_banner.offer(info, self.training_dock.picker.itemText(row) if row >= 0 else "")
        self._retranslate_sessions()

    def _autosave_failed(self, why: str) -> None:
        self.statusBar().showMessage(self.tr("Autosave failed: %1").replace("%1", why), 10_000)

    def _retranslate_sessions(self) -> None:
        self.save_session_action.setText(self.tr("Sa&ve session…"))
        self.open_session_action.setText(self.tr("Open sessio&n…"))
        self.save_session_action.setToolTip(self.tr("Everything on the desk in one file: the network and its "
                                                    "training, settings, data, my digits, runs and layout"))

    # ---- saving ------------------------------------------------------------------------------
    def session_now(self) -> Session:
        """The desk as it is now (shares arrays with the window: ``snapshot()`` before saving elsewhere)."""
        version = settings.LAYOUT_VERSION
        layout = Layout(bytes(self.saveState(version)), bytes(self.saveGeometry()), version)
        recipe = self.recipe.with_changes(hyper=self.trainer.control.hyper, **layers_of(self.document.network))
        runs = getattr(self, "runs", None)
        points = self._points_now()
        return Session(self.document.network, recipe, tuple(self.trainer.history), self.trainer.optimizer,
                       self.trainer.pace.epochs_per_second, getattr(self, "my_digits", None),
                       None if runs is None else tuple(runs.records), points, layout,
                       taught_with=getattr(self, "taught_with", None))

    def save_session_dialog(self) -> bool:
        start = self.session_path or Path(str(settings.settings().value(LAST_SESSION_DIR, ""))) / f"session{SUFFIX}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save session"), str(start),
                                              self.tr("nndesk sessions (*.nndesk)"))
        if not path:
            return False
        return self.save_session(path if path.endswith(SUFFIX) else path + SUFFIX)

    def save_session(self, path: str | Path) -> bool:
        try:
            save_session(path, self.session_now())
        except (OSError, ValueError) as e:
            self.show_message(self.tr("Can't save the session"),
                              self.tr("The file could not be written; everything is still here, unsaved."),
                              QMessageBox.Icon.Warning, str(e))
            return False
        settings.settings().setValue(LAST_SESSION_DIR, str(Path(path).parent))
        self.session_path = Path(path)
        self._update_title()
        self.statusBar().showMessage(self.tr("Session saved: %1").replace("%1", str(path)), 5_000)
        return True

    # ---- opening -----------------------------------------------------------------------------
    def open_session_dialog(self) -> None:
        start = str(settings.settings().value(LAST_SESSION_DIR, ""))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open session"), start,
                                              self.tr("nndesk sessions (*.nndesk)"))
        if path:
            self.open_session(path)

    def open_session(self, path: str | Path) -> bool:
        """Open a session as one transaction: all of it, or one message and nothing changed."""
        read = self._read_session(Path(path))
        if read is None or not self._replace_work():
            return False
        self._switch_to_session(read, Path(path))
        return True

    def _read_session(self, path: Path) -> _OpenedSession | None:
        """Everything that can fail, before anything changes: the file, every part's checks, the data."""
        try:
            session = load_session(path)
            net, recipe = session.network, session.recipe
            if session.points is not None:
                source = DataSource(recipe.dataset, session.points, None, "")  # the name the points had
            elif recipe.dataset == self.recipe.dataset and self._points_now() is None:
                source = self.source  # the same data, already loaded
            else:
                source = recipe.load_data()
            train = source.train
            if train is None or (train.n_inputs, train.n_outputs) != (net.sizes[0], net.sizes[-1]):
                raise DataError(recipe.dataset, self.tr("does not fit this network's inputs and outputs"))
            opened = _Opened(net, session.history, session.optimizer, recipe, source, mean_digit(train),
                             session.taught_with)
        except (SessionError, DataError, OSError, ValueError) as e:
            self.show_message(self.tr("Can't open this session"),
                              self.tr("The file is damaged or is not an nndesk session. Nothing was changed."),
                              QMessageBox.Icon.Warning, str(e))
            return None
        return _OpenedSession(opened, session)

    def _points_now(self) -> Dataset | None:
        """The hand-made points the window trains on, if it has the feature and the student made some."""
        return self.hand_made_points() if hasattr(self, "hand_made_points") else None

    def _switch_to_session(self, read: _OpenedSession, path: Path) -> None:
        """Commit: the model file's switch, then the session's own parts (nothing here fails)."""
        session = read.session
        self._switch_to(read.opened, path)
        if session.points is not None and hasattr(self, "use_points"):
            self.use_points(session.points)  # hand-made again (they fit: the network is theirs), and editable
            self.undo_stack.clear()  # that was no edit of the student's
        self.model_path = None  # Save writes a model file; never over the session (nor where it pointed)
        self.session_path = path  # the title's name
        self.document.set_modified(False)
        self._update_title()
        self.training_dock.set_pace(session.pace)
        if session.my_digits is not None and hasattr(self, "set_my_digits"):
            self.set_my_digits(session.my_digits)
        if session.runs is not None and hasattr(self, "set_runs"):
            self.set_runs(list(session.runs))
        if session.layout is not None and session.layout.version == settings.LAYOUT_VERSION:
            self.restoreGeometry(session.layout.geometry)
            self.restoreState(session.layout.state, settings.LAYOUT_VERSION)
        settings.settings().setValue(LAST_SESSION_DIR, str(path.parent))

    # ---- after a crash -----------------------------------------------------------------------
    def restore_crashed_session(self) -> bool:
        """The banner's Restore: open the recovered session; once it is open, its file is no longer needed."""
        if self.recovered is None or not self.open_session(self.recovered):
            return False
        self.session_path = None  # the autosave is not the student's file: "untitled" until they save
        self._update_title()
        self.discard_crashed_session()
        return True

    def discard_crashed_session(self) -> None:
        if self.recovered is not None:
            self.recovered.unlink(missing_ok=True)
        self.recovered = None
        self.restore_banner.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Reached only when the window really closes (``MainWindow.closeEvent`` asked and accepted):
        a clean exit, so the autosave goes (once the save in flight, if any, has ended)."""
        self.autosave.finish()
        super().closeEvent(event)
