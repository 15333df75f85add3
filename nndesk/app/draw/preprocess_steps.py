"""From the student's ink to the network's 28×28 input, one small picture per step.

MNIST's digits were cropped, scaled to 20 px and centred by their centre of
mass, and a network trained on them reads only digits made that way.  Seeing
the steps, and switching the centring off (the whole pad merely shrunk, as
naive demos do), shows why a digit drawn small or in a corner is misread
without them.  The pictures come from ``engine.data.preprocess.mnist_steps``,
the very code that makes the input, so they can't tell a different story.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QWidget

from nndesk.app.draw.image_tile import ImageTile
from nndesk.engine.data.preprocess import BOX, FIELD, mnist_steps, shrunk

TILE = 64


class PreprocessSteps(QWidget):
    centringToggled = Signal(bool)  # True: the network is fed the centred digit (MNIST's way)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preprocessSteps")
        self.tiles = [ImageTile(TILE, self) for _ in range(4)]
        self.captions = [QLabel(self, wordWrap=True) for _ in range(4)]
        self.no_centring = QCheckBox(self, objectName="noCentring")
        self.no_centring.toggled.connect(self._toggled)
        self._gray: np.ndarray | None = None  # the drawing last shown (uint8, 255 = paper)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        for i, (tile, caption) in enumerate(zip(self.tiles, self.captions)):
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            caption.setFixedWidth(TILE + 32)
            grid.addWidget(tile, 0, i, Qt.AlignmentFlag.AlignHCenter)
            grid.addWidget(caption, 1, i)
        grid.addWidget(self.no_centring, 2, 0, 1, 4)
        grid.setColumnStretch(4, 1)
        self.retranslate()

    def centring(self) -> bool:
        return not self.no_centring.isChecked()

    def fed(self, image28: np.ndarray, gray: np.ndarray) -> np.ndarray:
        """What the network is fed: the centred ``image28``, or with the switch on the whole drawing shrunk."""
        if self.centring() or not np.any(image28):
            return image28
        return shrunk(gray)

    def show_drawing(self, gray: np.ndarray) -> None:
        """The steps of ``gray`` (the pad's paper: uint8, 255 = no ink)."""
        self._gray = np.array(gray, copy=True)
        steps = mnist_steps(self._gray, ink_is_dark=True)
        self.tiles[0].set_gray(1.0 - self._gray / 255.0, steps.box)
        self.tiles[1].set_gray(steps.crop)
        self.tiles[2].set_gray(steps.scaled)
        self.tiles[3].set_gray(steps.centred if self.centring() else shrunk(self._gray))
        self.retranslate()

    def _toggled(self, off: bool) -> None:
        if self._gray is not None:
            self.show_drawing(self._gray)
        else:
            self.retranslate()
        self.centringToggled.emit(not off)

    def clear(self) -> None:
        self._gray = None
        for tile in self.tiles:
            tile.set_gray(None)

    def retranslate(self) -> None:
        self.no_centring.setText(self.tr("No centring: feed the whole pad shrunk to 28×28"))
        self.no_centring.setToolTip(self.tr("What the network would see if the drawing were only shrunk, as many "
                                            "demos do: a digit off-centre or small is then far from anything it "
                                            "learned"))
        texts = [self.tr("1. your ink; the box around it"), self.tr("2. cropped to the box"),
                 self.tr("3. scaled to {box} px").format(box=BOX)]
        if self.centring():
            texts.append(self.tr("4. centred by mass, {n}×{n}").format(n=FIELD))
        else:
            texts.append(self.tr("4. not centred: the pad shrunk"))
        for caption, text in zip(self.captions, texts):
            caption.setText(text)

    def caption_texts(self) -> list[str]:
        return [c.text() for c in self.captions]

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
