"""The main window's docks: which view goes where, the default layout, and the layout remembered.

``MainWindow`` mixes this in and calls ``_build_docks`` once the canvas and
the training dock exist.  Training runs down the left, the cost plot under
the canvas (tabbed with the backprop steps, histograms and weight gallery),
the draw pad on the right (tabbed with the inspector; a 2-D data set puts its
decision boundary in the pad's place, and digits bring the pad back).  The histograms and
the gallery are built the first time they are shown: they draw hundreds of
plots or tiles that most sessions never look at.  ``saveState`` finds docks
by object name, so each has one; the layout the student leaves is restored
at the next start (``settings.LAYOUT_VERSION`` drops layouts of older docks).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QWidget

from nndesk.app.backprop.panel import BackpropPanel
from nndesk.app.draw.dock import DrawDock
from nndesk.app.evaluation.panel import EvaluationPanel
from nndesk.app.robustness.panel import RobustnessPanel
from nndesk.app.shell import settings
from nndesk.app.views.decision_boundary import DecisionBoundaryView
from nndesk.app.views.histograms import HistogramsView
from nndesk.app.views.inspector_panel import InspectorPanel
from nndesk.app.views.loss_plot import LossPlot
from nndesk.app.views.weight_gallery import WeightGallery
from nndesk.engine.core.dataset import Dataset
from nndesk.engine.core.reports import EpochReport
from nndesk.engine.runs.evaluation import held_out

RIGHT, BOTTOM = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea


class WindowDocks:
    _last_report: EpochReport | None = None  # the newest epoch, for views built later

    def _build_docks(self) -> None:
        doc = self.document
        self.loss_plot, self.draw_widget = LossPlot(), DrawDock(doc)
        self.boundary_view, self.inspector = DecisionBoundaryView(doc), InspectorPanel(doc, self.undo_stack)
        self.backprop = BackpropPanel(doc, self.undo_stack)
        self.robustness = RobustnessPanel(doc)
        self.robustness.thresholdChanged.connect(self.draw_widget.panel.set_threshold)  # the pad's "not sure"
        self.trainer.settingsChanged.connect(lambda hyper: self.backprop.set_learning_rate(hyper.learning_rate))
        self.histograms: HistogramsView | None = None  # these two are built when first shown
        self.gallery: WeightGallery | None = None
        self.loss_dock = self._dock("lossDock", self.loss_plot, BOTTOM)
        self.draw_dock = self._dock("drawPanelDock", self.draw_widget, RIGHT)
        self.boundary_dock = self._dock("boundaryDock", self.boundary_view, RIGHT)
        self.inspector_dock = self._dock("inspectorDock", self.inspector, RIGHT)
        self.backprop_dock = self._dock("backpropDock", self.backprop, BOTTOM)  # wide formulas: under the canvas
        self.robustness_dock = self._dock("robustnessDock", self.robustness, BOTTOM)
        self.histograms_dock = self._dock("histogramsDock", QWidget(), BOTTOM)
        self.gallery_dock = self._dock("galleryDock", QWidget(), BOTTOM)
        self.evaluation = EvaluationPanel(doc)  # evaluates itself on new weights, only while shown
        self.evaluation_dock = self._dock("evaluationDock", self.evaluation, BOTTOM)
        self.evaluation.mistakeChosen.connect(self._follow_mistake)
        self.evaluation_dock.visibilityChanged.connect(self.evaluation.set_shown)  # not behind another tab
        self.histograms_dock.visibilityChanged.connect(self._build_histograms)
        self.gallery_dock.visibilityChanged.connect(self._build_gallery)
        for first, second in ((self.draw_dock, self.boundary_dock), (self.draw_dock, self.inspector_dock),
                              (self.loss_dock, self.backprop_dock),
                              (self.loss_dock, self.histograms_dock), (self.loss_dock, self.gallery_dock),
                              (self.loss_dock, self.robustness_dock)):
            self.tabifyDockWidget(first, second)
        self.tabifyDockWidget(self.loss_dock, self.evaluation_dock)
        self.draw_dock.raise_()
        self.loss_dock.raise_()
        for clicked in (self.canvas.neuronClicked, self.canvas.edgeClicked):  # what was clicked, looked inside
            clicked.connect(self._raise_inspector)

    def _raise_inspector(self, *_: int) -> None:
        self.inspector_dock.show()
        self.inspector_dock.raise_()

    def all_docks(self) -> list[QDockWidget]:
        """Every dock, in the order of the View menu (Teach's once it is built: the screen fit scrolls it too)."""
        teach = [self.teach_dock] if hasattr(self, "teach_dock") else []
        return [self.training_dock, self.loss_dock, self.draw_dock, self.boundary_dock, self.inspector_dock,
                self.backprop_dock, self.histograms_dock, self.gallery_dock, self.robustness_dock, self.evaluation_dock,
                *teach]

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
            self.gallery.featureSelected.connect(self.canvas.featureClicked)
            self.gallery_dock.setWidget(self.gallery)

    def _on_epoch_for_hidden_views(self, report: EpochReport) -> None:
        """The latest epoch: the last batch's ∂C/∂w for the inspector, and the histograms (which redraw only
        while shown, at most once a second)."""
        self._last_report = report
        self.inspector.set_batch_gradients(*(report.gradients or (None, None)))
        if self.histograms is not None:
            self.histograms.on_epoch(report)

    def _show_views_for(self, train: Dataset) -> None:
        """Views that suit the data: digits can be drawn, 2-D sets show a decision boundary."""
        plane, digits = train.n_inputs == 2, train.image_shape is not None
        shown = [dock for dock, show in ((self.draw_dock, digits), (self.boundary_dock, plane))
                 if show and dock.isHidden()]
        self.draw_dock.setVisible(digits)
        self.boundary_dock.setVisible(plane)
        if plane:
            self.boundary_view.set_dataset(train)
        for dock in shown:  # the pad's tab goes to what replaced it, not to the inspector
            dock.raise_()
        self.evaluation.set_data(*held_out(self.source, self.recipe, self.recipe.dataset))  # as nndesk eval
        if getattr(self, "_robustness_source", None) is not self.source:  # new data, not just a new language
            self._robustness_source = self.source
            self.robustness.set_data(self.recipe.split(self.source)[1] if self.source.train is not None else None)

    def _follow_mistake(self, x: np.ndarray, digit: int, name: Callable[[], str]) -> None:
        """A mistake clicked in the evaluation view becomes the sample: on the draw pad (so the inspector
        and the canvas read it) and in the step-through, with its true class as the target t."""
        if x.size == 784:
            self.draw_widget.show_sample(x.reshape(28, 28), digit, name)
            if self.draw_dock.isVisible():
                self.draw_dock.raise_()  # the pad in front, showing it
        t = np.zeros(self.document.network.sizes[-1])
        t[digit] = 1.0
        self.backprop.set_sample(None, x, t, self.trainer.control.hyper.learning_rate, source=name)

    def _retranslate_docks(self) -> None:
        for dock, title in ((self.loss_dock, self.tr("Cost")), (self.draw_dock, self.tr("Draw a digit")),
                            (self.boundary_dock, self.tr("Decision boundary")),
                            (self.inspector_dock, self.tr("Inspector")),
                            (self.backprop_dock, self.tr("Backpropagation")),
                            (self.histograms_dock, self.tr("Weight histograms")),
                            (self.evaluation_dock, self.tr("Where it is wrong")),
                            (self.gallery_dock, self.tr("What the neurons look for")),
                            (self.robustness_dock, self.tr("Robustness"))):
            dock.setWindowTitle(title)

    # ---- layout ------------------------------------------------------------------------------
    def _default_layout(self) -> None:
        """Training down the whole left side, the canvas widest, cost and pad below and beside it."""
        narrow = self.width() < 1200  # a 1024×768 projector: the canvas needs the width more than the settings
        self.resizeDocks([self.training_dock], [240 if narrow else 310], Qt.Orientation.Horizontal)
        self.resizeDocks([self.draw_dock, self.boundary_dock], [420, 420], Qt.Orientation.Horizontal)
        # the bottom docks get 40 % of a tall window: room for two or three backprop steps at 1440×900; in a
        # shorter one the draw dock above needs its ~460 px first (pad, bars, brush, "It is a"), or it scrolls
        height = self.height()
        bottom = round(height * 0.4) if height >= 880 else max(220, height - 520)
        self.resizeDocks([self.loss_dock], [bottom], Qt.Orientation.Vertical)

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

    def _save_layout(self) -> None:
        store = settings.settings()
        store.setValue(settings.WINDOW_GEOMETRY, self.saveGeometry())
        store.setValue(settings.WINDOW_STATE, self.saveState(settings.LAYOUT_VERSION))
        store.sync()
