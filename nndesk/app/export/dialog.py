"""File ▸ Export…: the network out of nndesk, as ONNX, a PyTorch folder or a numpy script.

A small dialog: the three formats, each with the one sentence that says
what it is for, where to write it (typed, or chosen with "Choose…"), and
Export.  The work is the engine's (``engine/export``), on a copy of the
network the window handed over, so training may go on meanwhile.  Whatever
goes wrong (onnx not installed, a folder where a file should go, no room)
is said in the dialog, in the UI's language, and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from nndesk import engine_texts
from nndesk.app.style.theme import hues, is_dark
from nndesk.engine.core.dataset import Dataset
from nndesk.engine.core.network import Network
from nndesk.engine.core.training import EpochStats
from nndesk.engine.export.exportable import INSTALL, ExportError, MissingPackage, architecture
from nndesk.engine.export.formats import ExportFormat, export
from nndesk.engine.export.pytorch_folder import DATA_FILE, FILES
from nndesk.engine.runs.recipe import TrainingRecipe

ORDER = (ExportFormat.ONNX, ExportFormat.PYTORCH, ExportFormat.NUMPY)


@dataclass(frozen=True, eq=False)
class ExportJob:
    """What the window hands over: a copy of its network, how it was made, and its training data."""

    network: Network
    recipe: TrainingRecipe | None = None
    history: Sequence[EpochStats] = ()
    preprocessing: str | None = None
    data: Dataset | None = None  # written beside a PyTorch folder when the student keeps the box ticked
    start: Path = Path("network")  # the suggested path, without an ending


class ExportDialog(QDialog):
    """Choose a format and a path, then Export; ``exported`` carries the path written."""

    exported = Signal(Path)

    def __init__(self, job: ExportJob, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.job = job
        self._confirmed: Path | None = None  # a path the file chooser already asked to replace
        self.network_label = QLabel(wordWrap=True, objectName="exportNetwork")
        self.group = QButtonGroup(self)
        self.choices: dict[ExportFormat, QRadioButton] = {}
        self.purposes: dict[ExportFormat, QLabel] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, kind in enumerate(ORDER):
            self.choices[kind] = button = QRadioButton(objectName=f"export_{kind.value}")
            self.purposes[kind] = purpose = QLabel(wordWrap=True)
            purpose.setBuddy(button)
            self.group.addButton(button, row)
            grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(purpose, row, 1)
        self.path_label = QLabel()
        self.path_edit = QLineEdit(objectName="exportPath")
        self.path_label.setBuddy(self.path_edit)
        self.browse_button = QPushButton(objectName="exportBrowse", clicked=self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        self.include_data = QCheckBox(objectName="exportData", checked=job.data is not None,
                                      enabled=job.data is not None)
        self.error_label = QLabel(wordWrap=True, objectName="exportError", visible=False)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        warning = hues(is_dark(self.palette()))["orange"]  # vermillion on light, amber on dark: reads on both
        self.error_label.setStyleSheet(f"color: {warning.name()}")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.network_label)
        column.addSpacing(4)
        column.addLayout(grid)
        column.addSpacing(6)
        column.addWidget(self.path_label)
        column.addLayout(path_row)
        column.addWidget(self.include_data)
        column.addWidget(self.error_label)
        column.addStretch(1)  # a taller dialog grows here, above the buttons, not between a label and its field
        column.addWidget(self.buttons)
        self.choices[ExportFormat.ONNX].setChecked(True)
        self.path_edit.setText(str(job.start.with_suffix(ExportFormat.ONNX.suffix)))
        self.group.idToggled.connect(self._on_toggled)
        self.path_edit.textEdited.connect(lambda _: self.error_label.hide())
        self.retranslate()
        self.setMinimumWidth(560)

    # ---- choices ---------------------------------------------------------------------
    def format(self) -> ExportFormat:
        return ORDER[max(self.group.checkedId(), 0)]

    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text).expanduser() if text else None

    def _on_toggled(self, index: int, checked: bool) -> None:
        """A new format: the path gets that format's ending (a folder none); the data box follows."""
        if not checked:
            return
        kind = ORDER[index]
        path = self.path()
        if path is not None:
            stem = path.with_suffix("") if path.suffix in (".onnx", ".py") else path
            self.path_edit.setText(str(stem.with_suffix(kind.suffix) if kind.suffix else stem))
        self.include_data.setVisible(kind.is_folder)
        self.error_label.hide()

    def _browse(self) -> None:
        kind, path = self.format(), self.path() or self.job.start
        if kind.is_folder:  # a folder is made inside the one chosen, under the name in the box
            parent = QFileDialog.getExistingDirectory(self, self.tr("Where to put the PyTorch folder"),
                                                      str(path.parent))
            if parent:
                self.path_edit.setText(str(Path(parent) / path.name))
        else:
            what = self.tr("ONNX models (*.onnx)") if kind is ExportFormat.ONNX else self.tr("Python scripts (*.py)")
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export the network"), str(path), what)
            if chosen:
                self.path_edit.setText(str(Path(chosen).with_suffix(kind.suffix)))
                self._confirmed = Path(chosen) if Path(chosen).suffix == kind.suffix else None  # the chooser asked
        self.error_label.hide()

    # ---- the work --------------------------------------------------------------------
    def export(self) -> Path | None:
        """Write the export; on success emit ``exported`` and close, else say why and stay."""
        kind, path = self.format(), self.path()
        if path is None:
            return self._say(self.tr("Choose where to write it."))
        data = self.job.data if kind.is_folder and self.include_data.isChecked() else None
        if not self._may_replace(kind, path, data is not None):
            return None
        job = self.job
        try:
            out = export(kind, job.network, path, job.recipe, job.history, job.preprocessing, data)
        except MissingPackage:
            return self._say(self.tr("ONNX export needs the onnx package: %1").replace("%1", INSTALL))
        except OSError as e:
            where = e.filename or path
            return self._say(f"{where}: {engine_texts.phrase(e.strerror) if e.strerror else e}")
        except (ExportError, ValueError) as e:
            return self._say(engine_texts.in_language(str(e)))
        self.exported.emit(out)
        self.accept()
        return out

    def _may_replace(self, kind: ExportFormat, path: Path, with_data: bool) -> bool:
        """Ask before files are replaced, unless the file chooser just asked (nothing lost unasked)."""
        if kind.is_folder:
            names = [*FILES, DATA_FILE] if with_data else list(FILES)
            replaced = [name for name in names if (path / name).exists()] if path.is_dir() else []
        else:
            replaced = [path.name] if path.exists() and not path.is_dir() else []
        if not replaced or path == self._confirmed:
            return True
        answer = QMessageBox.question(self, self.tr("Export the network"), self.tr("Replace %1 in %2?").replace(
            "%1", ", ".join(replaced)).replace("%2", str(path if kind.is_folder else path.parent)))
        return answer == QMessageBox.StandardButton.Yes

    def _say(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        return None

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export the network"))
        net = self.job.network
        acts = "/".join(dict.fromkeys(layer.activation.name for layer in net.layers if hasattr(layer, "activation")))
        self.network_label.setText(self.tr("The network as it is now: %1 (%2)").replace(
            "%1", architecture(net)).replace("%2", acts))
        self.choices[ExportFormat.ONNX].setText(self.tr("&ONNX"))
        self.choices[ExportFormat.PYTORCH].setText(self.tr("&PyTorch folder"))
        self.choices[ExportFormat.NUMPY].setText(self.tr("&numpy script"))
        self.purposes[ExportFormat.ONNX].setText(self.tr(
            "One .onnx file that onnxruntime, OpenCV and other tools run on any computer or phone."))
        self.purposes[ExportFormat.PYTORCH].setText(self.tr(
            "A folder with model.py, the weights and train.py, to go on training in PyTorch, also on several "
            "processes with torchrun."))
        self.purposes[ExportFormat.NUMPY].setText(self.tr(
            "One Python file that needs only numpy: the weights inside, and predict(x) computes a = σ(W·a + b) "
            "layer by layer, as in the lecture."))
        self.path_label.setText(self.tr("&Write to:"))
        self.browse_button.setText(self.tr("C&hoose…"))
        n = QLocale().toString(len(self.job.data) if self.job.data is not None else 0)
        self.include_data.setText(self.tr("Put the training data beside it (data.npz, %1 samples, for train.py)")
                                  .replace("%1", n))
        self.export_button.setText(self.tr("&Export"))
