"""Where the network is wrong: the evaluation view over the held-out digits (or the loaded test set).

Accuracy and cost, the confusion matrix (``ConfusionMatrix``), precision and
recall per class, and every mistake as a picture (``MisclassifiedGallery``).
It follows the document: new weights (every epoch while training), another
network or a loaded model re-evaluate it — at most once a second and only
while the dock is shown (``ShownThrottle``), in a background thread
(``EvaluationRunner``), because 500 digits × 784-800-10 cost 12–40 ms here.
The numbers come from the engine's ``evaluate``, the very function behind
``nndesk eval``, so the two always agree.

Clicking a cell shows only its mistakes; clicking it again shows all.
Clicking a mistake emits ``mistakeChosen`` with that digit, its true class
and its name: the shell makes it the current sample of the draw pad, the
inspector and the step-through.  The panel only reads the document.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nndesk.app.document.network_document import NetworkDocument
from nndesk.app.evaluation.confusion_matrix import ConfusionMatrix
from nndesk.app.evaluation.export import write_csv, write_png
from nndesk.app.evaluation.mistakes_gallery import MisclassifiedGallery
from nndesk.app.evaluation.runner import EvaluationRunner
from nndesk.app.widgets.shown_throttle import ShownThrottle
from nndesk.engine.core.dataset import Dataset
from nndesk.engine.runs.evaluation import Evaluation

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls


class EvaluationPanel(QWidget):
    evaluated = Signal()  # new numbers are on screen
    mistakeChosen = Signal(object, int, object)  # a⁽⁰⁾ (float64), its true class, its name: () -> str

    def __init__(self, document: NetworkDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evaluationPanel")
        self.document = document
        self._data: Dataset | None = None
        self._split = "validation"  # which part the data is: "test", "validation" or "all"
        self._result: Evaluation | None = None
        self._filter: tuple[int, int] | None = None
        self._build()
        self._runner = EvaluationRunner(self)
        self._runner.finished.connect(self._show)
        self._shown, self._stale = True, False  # a dock behind another tab is "visible" to Qt: see set_shown
        self._throttle = ShownThrottle(self, self._refresh_if_shown)
        for signal in (document.weightsChanged, document.architectureChanged):
            signal.connect(self._throttle.request)
        self.retranslate()

    def _build(self) -> None:
        self.summary = QLabel(self, objectName="evaluationSummary", wordWrap=True)
        self.evaluate_button = QPushButton(self, objectName="evaluateNow", clicked=self.refresh)
        self.png_button = QPushButton(self, objectName="exportPng", clicked=self.export_png_dialog)
        self.csv_button = QPushButton(self, objectName="exportCsv", clicked=self.export_csv_dialog)
        self.matrix = ConfusionMatrix(self)
        self.matrix.cellClicked.connect(self._on_cell)
        self.filter_label = QLabel(self, objectName="galleryFilter", wordWrap=True)
        self.gallery = MisclassifiedGallery(self)
        self.gallery.mistakeClicked.connect(self._choose)
        buttons = QHBoxLayout()
        for button in (self.evaluate_button, self.png_button, self.csv_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        right = QWidget(self)  # the numbers in words, the buttons, the mistakes: the matrix keeps the full height
        mistakes = QVBoxLayout(right)
        mistakes.setContentsMargins(0, 0, 0, 0)
        mistakes.addWidget(self.summary)
        mistakes.addLayout(buttons)
        mistakes.addWidget(self.filter_label)
        mistakes.addWidget(self.gallery, 1)
        split = QSplitter(self)
        split.addWidget(self.matrix)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([400, 600])
        QVBoxLayout(self).addWidget(split)

    # ---- what to evaluate -------------------------------------------------------------
    def set_data(self, data: Dataset | None, split: str = "validation") -> None:
        """Evaluate on ``data`` from now on (the same samples again change nothing)."""
        old = self._data
        if data is not None and old is not None and split == self._split and _same(old, data):
            return
        self._data, self._split, self._filter = data, split, None
        self.matrix.select(None)
        self._throttle.request()

    def data(self) -> Dataset | None:
        return self._data

    def result(self) -> Evaluation | None:
        """The evaluation on screen."""
        return self._result

    def pending(self) -> bool:
        """New weights or data have not reached the numbers on screen yet."""
        return self._stale or self._throttle.pending() or self._runner.is_busy()

    def set_shown(self, shown: bool) -> None:
        """Whether the student can see the view (its dock's ``visibilityChanged``: a tab behind another
        stays ``isVisible``).  Hidden, it only remembers that the numbers are out of date."""
        self._shown = shown
        if shown and self._stale:
            self._stale = False
            self._throttle.request()

    def _refresh_if_shown(self) -> None:
        if self._shown:
            self.refresh()
        else:
            self._stale = True

    def _fits(self) -> bool:
        data, sizes = self._data, self.document.network.sizes
        return data is not None and len(data) > 0 and (data.n_inputs, data.n_outputs) == (sizes[0], sizes[-1])

    def refresh(self) -> None:
        """Evaluate the document's network as it is now, in the background."""
        if not self._fits():
            self._result = None
            self._show_result()
            return
        self._runner.run(self.document.network.copy(), self._data, self._data)

    def _show(self, result: object, data: object) -> None:
        if data is not self._data:
            return  # evaluated on data no longer shown; a newer run follows
        old, self._result = self._result, result if isinstance(result, Evaluation) else None
        if self._result is None or old is None or self._result.n_classes != old.n_classes:
            self._filter = None  # another set of classes: the old cell means nothing
        self._show_result()
        self.evaluated.emit()

    # ---- showing ----------------------------------------------------------------------
    def _show_result(self) -> None:
        r = self._result
        if r is None:
            self.matrix.set_counts(np.zeros((0, 0), np.int64))
        else:
            self.matrix.set_counts(r.confusion, r.precision, r.recall)
        self.matrix.select(self._filter)
        self._show_mistakes()
        self._show_summary()
        for button in (self.png_button, self.csv_button):
            button.setEnabled(r is not None)

    def _show_summary(self) -> None:
        r, locale = self._result, QLocale()
        if r is None:
            sizes = "-".join(map(str, self.document.network.sizes))
            self.summary.setText(self.tr("Nothing to evaluate: this network ({sizes}) does not fit the data's "
                                         "inputs and classes.").format(sizes=sizes) if self._data is not None else
                                 self.tr("Nothing to evaluate yet."))
            return
        what = {"test": self.tr("Test samples: %1."),
                "validation": self.tr("Held-out samples (never trained on): %1."),
                }.get(self._split, self.tr("All samples (nothing was held out for testing): %1."))
        self.summary.setText(what.replace("%1", locale.toString(len(r))) + " " +
                             self.tr("Accuracy %1, cost %2, wrong: %3.").replace("%1", _percent(r.accuracy, 1))
                             .replace("%2", locale.toString(r.cost, "f", 4))
                             .replace("%3", locale.toString(len(r.mistakes()))))

    def _show_mistakes(self) -> None:
        r, data = self._result, self._data
        if r is None or data is None:
            self.gallery.set_mistakes(None, np.zeros(0, np.int64), None)
            self.filter_label.clear()
            return
        shown = r.mistakes(*self._filter) if self._filter is not None else r.mistakes()
        pixels = data.inputs(shown).reshape(len(shown), *(data.image_shape or (1, data.n_inputs)))
        self.gallery.set_mistakes(r, shown, pixels if data.image_shape is not None else None)
        if data.image_shape is None:
            self.filter_label.setText(self.tr("These inputs are not images: the mistakes are counted in the matrix."))
        elif self._filter is None:
            self.filter_label.setText(self.tr("Mistakes: %1, the surest first. Click a cell to see only its "
                                              "mistakes, a picture to follow it through the network.")
                                      .replace("%1", str(len(shown))))
        elif self._filter[0] == self._filter[1]:
            self.filter_label.setText(self.tr("%1 is answered right here: no mistakes. Click the cell again to see "
                                              "all.").replace("%1", str(self._filter[0])))
        else:
            self.filter_label.setText(self.tr("True %1 read as %2: %3. Click the cell again to see all mistakes.")
                                      .replace("%1", str(self._filter[0])).replace("%2", str(self._filter[1]))
                                      .replace("%3", str(len(shown))))

    def _on_cell(self, true: int, answered: int) -> None:
        self._filter = None if true < 0 else (true, answered)
        self._show_mistakes()

    def _choose(self, i: int) -> None:
        r, data = self._result, self._data
        if r is None or data is None:
            return
        true, answered = int(r.labels[i]), int(r.predicted[i])

        def name() -> str:
            return self.tr("held-out digit #%1 (true %2, read as %3)").replace("%1", str(i)).replace(
                "%2", str(true)).replace("%3", str(answered))
        x = data.inputs(np.array([i]))[0].astype(np.float64)  # the very float32 pixels evaluated, widened exactly
        self.mistakeChosen.emit(x, true, name)

    # ---- export -----------------------------------------------------------------------
    def export_png_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the confusion matrix as a picture"),
                                              "confusion.png", self.tr("PNG pictures (*.png)"))
        if path:
            self._export(lambda: write_png(self.matrix.grab().toImage(), Path(path)))

    def export_csv_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the matrix and the mistakes as CSV"),
                                              "confusion.csv", self.tr("CSV tables (*.csv)"))
        if path and self._result is not None:
            result = self._result
            self._export(lambda: write_csv(result, Path(path)))

    def _export(self, write: Callable[[], object]) -> None:
        try:
            written = write()
        except OSError as e:
            self.filter_label.setText(self.tr("Could not export: %1").replace("%1", str(e)))
            return
        names = ", ".join(p.name for p in (written if isinstance(written, tuple) else (written,)))
        self.filter_label.setText(self.tr("Exported: %1").replace("%1", names))

    def retranslate(self) -> None:
        self.evaluate_button.setText(self.tr("Evaluate now"))
        self.evaluate_button.setToolTip(self.tr("Evaluate the network as it is now (it also happens after every "
                                                "epoch while this view is shown)"))
        self.png_button.setText(self.tr("Export PNG…"))
        self.csv_button.setText(self.tr("Export CSV…"))
        self.csv_button.setToolTip(self.tr("The matrix with precision and recall, and beside it a second file "
                                           "listing every mistake"))
        self._show_result()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()


def _percent(p: float, decimals: int) -> str:
    return translate("EvaluationPanel", "%1%").replace("%1", QLocale().toString(100 * float(p), "f", decimals))


def _same(a: Dataset, b: Dataset) -> bool:
    return a.x.shape == b.x.shape and np.array_equal(a.y, b.y) and np.array_equal(a.x, b.x)
