"""File ▸ Export…: hands the export dialog a copy of the window's network and how it was made.

``MainWindow`` mixes this in; it uses the window's ``file_menu``,
``document``, ``recipe``, ``source``, ``trainer``, ``model_path`` and
``status``.  The network is copied when the dialog opens, so what is
exported is the network as it was then, even while training goes on.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from nndesk.app.export.dialog import ExportDialog, ExportJob
from nndesk.app.shell import settings
from nndesk.engine.data.preprocess import PREPROCESSING


class WindowExport:
    export_dialog: ExportDialog | None = None

    def _install_export(self) -> None:
        """The menu entry, just above File's separator (after the open and save entries)."""
        self.export_action = QAction(self, triggered=self.open_export_dialog)
        self.export_action.setObjectName("exportAction")
        separator = next((a for a in self.file_menu.actions() if a.isSeparator()), None)
        self.file_menu.insertAction(separator, self.export_action)

    def export_job(self) -> ExportJob:
        """The window's network now, its recipe and history, and the training part its recipe trains on."""
        train = self.source.train
        try:
            data = self.recipe.split(self.source)[0]
        except ValueError:  # no training part: nothing to put beside the folder
            data = None
        folder = Path(str(settings.settings().value(settings.LAST_MODEL_DIR, "")) or Path.home())
        start = self.model_path.with_suffix("") if self.model_path else folder / "network"
        image = train is not None and train.image_shape == (28, 28)
        return ExportJob(self.document.network.copy(), self.recipe, tuple(self.trainer.history),
                         PREPROCESSING if image else None, data, start)

    def open_export_dialog(self) -> ExportDialog:
        """Open the dialog (window-modal, never blocking training's reports)."""
        dialog = ExportDialog(self.export_job(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(lambda path: self.status.showMessage(self.tr("Exported to %1").replace(
            "%1", str(path)), 8000))
        dialog.open()
        self.export_dialog = dialog
        return dialog

    def _retranslate_export(self) -> None:
        self.export_action.setText(self.tr("&Export…"))
