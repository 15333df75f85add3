""""Start here": three ways into nndesk, each one click, over the canvas when the window first opens.

A student who opens nndesk for the first time sees a canvas, a dozen
settings and four docks, and nothing says where to begin.  The panel offers
the three lessons the app is built for: the lecture's 3-2-1 example stepped
through number by number, drawing a digit for the ready-trained network, and
training a network of one's own (XOR trains in a second; then the digits).
Choosing a path hides the panel for this session; its × hides it for good
(``settings.START_HERE_DISMISSED``).  Help ▸ Start here brings it back.

``MainWindow`` mixes in ``WindowStartHere``, which builds the panel and does
what each path means with the window's own commands (the backprop panel's
lecture button, ``use_dataset``, ``train``), so a path asks the same questions
(unsaved work, a run to stop) as doing it by hand.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from nndesk.app.shell import settings
from nndesk.app.widgets.flow_layout import FlowLayout
from nndesk.engine.data.datasets import BUNDLED


class StartHere(QFrame):
    """The panel: a title, three paths, and × (don't show at start any more)."""

    lectureChosen = Signal()
    drawChosen = Signal()
    trainChosen = Signal()
    dismissed = Signal()  # the student closed it for good

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startHere")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self, objectName="startHereTitle")
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.close_button = QToolButton(self, objectName="startHereClose", autoRaise=True)
        self.close_button.setText("×")
        self.close_button.clicked.connect(self._dismiss)
        self.lecture_button = QPushButton(self, objectName="startLecture")
        self.draw_button = QPushButton(self, objectName="startDraw")
        self.train_button = QPushButton(self, objectName="startTrain")
        for button, signal in ((self.lecture_button, self.lectureChosen), (self.draw_button, self.drawChosen),
                               (self.train_button, self.trainChosen)):
            button.clicked.connect(signal)
        paths = FlowLayout(spacing=6)  # side by side when there is room, stacked in a narrow window
        for widget in (self.title, self.lecture_button, self.draw_button, self.train_button):
            paths.addWidget(widget)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 2, 4)
        row.addLayout(paths, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Start here:"))
        self.lecture_button.setText(self.tr("① The lecture's example"))
        self.draw_button.setText(self.tr("② Draw a digit"))
        self.train_button.setText(self.tr("③ Train your own"))
        self.lecture_button.setToolTip(self.tr("The lecture's 3-2-1 network on the canvas and its backpropagation "
                                               "step by step, with the slides' numbers"))
        self.draw_button.setToolTip(self.tr("The bundled digits with a network that has already learned them: "
                                            "draw on the pad and watch its answer"))
        self.train_button.setToolTip(self.tr("XOR from random weights, trained at once: watch the cost fall and "
                                             "the boundary form. Then pick the digits, Reset and Train"))
        self.close_button.setToolTip(self.tr("Don't show this at start (Help ▸ Start here brings it back)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()


class WindowStartHere:
    def _build_start_here(self) -> StartHere:
        """The panel, shown at start unless the student dismissed it before."""
        self.start_here = StartHere()
        self.start_here.lectureChosen.connect(self._start_with_lecture)
        self.start_here.drawChosen.connect(self._start_with_drawing)
        self.start_here.trainChosen.connect(self._start_with_training)
        self.start_here.dismissed.connect(lambda: settings.set_start_here_dismissed(True))
        self.start_here.setVisible(not settings.start_here_dismissed())
        return self.start_here

    def _build_help_menu(self) -> None:
        """Help ▸ Start here, the last menu of the bar."""
        self.start_here_action = QAction(self, triggered=self.show_start_here)
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addAction(self.start_here_action)

    def _retranslate_start_here(self) -> None:
        self.help_menu.setTitle(self.tr("&Help"))
        self.start_here_action.setText(self.tr("&Start here"))

    def show_start_here(self) -> None:
        self.start_here.show()
        self.start_here.lecture_button.setFocus()

    def _start_with_lecture(self) -> None:
        """The backprop panel's own "Lecture example" button: the same question and the same steps."""
        self.backprop.lectureButton.click()
        if self.recipe.dataset == "lecture":
            self.backprop_dock.show()
            self.backprop_dock.raise_()
            self.backprop.setFocus()  # ← and → step at once
            self.start_here.hide()

    def _start_with_drawing(self) -> None:
        if self.recipe.dataset != BUNDLED and not self.use_dataset(BUNDLED):
            return
        self.draw_dock.show()
        self.draw_dock.raise_()
        self.draw_widget.pad.setFocus()
        self.start_here.hide()

    def _start_with_training(self) -> None:
        if self.recipe.dataset != "xor" and not self.use_dataset("xor"):
            return
        self.loss_dock.raise_()
        self.start_here.hide()
        self.train()
