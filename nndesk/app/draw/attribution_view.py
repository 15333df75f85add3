"""Why 5 and not 3: which pixels of the input pushed the network towards its answer and towards the runner-up.

Two 28×28 maps over the input the network was fed, one for the winning digit
and one for the runner-up, coloured as the canvas colours weights: blue where
a pixel raised that digit's output, orange where it lowered it, stronger for
more (one scale for both maps, so they compare).  Gradient × input shows what
the ink did; ∂aₖ/∂x, the choice beside it, how sensitive the output is to
every pixel, inked or not.  The numbers come from the network's own
backpropagation (``engine.explain.attribution``).  Computed when the pen
lifts (a 784-800-10 network takes a few ms), not on every move.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from nndesk.app.draw.image_tile import ImageTile
from nndesk.app.style.colors import CanvasColors
from nndesk.engine.core.network import Network
from nndesk.engine.explain.attribution import Attribution, attribute, winner_and_runner_up

TILE = 112  # 4 screen pixels per input pixel, as the preview


def colour_map(values: np.ndarray, image: np.ndarray, scale: float, colors: CanvasColors) -> np.ndarray:
    """(28, 28, 3) uint8: the input faintly in grey, blue/orange by the sign of ``values``, strength |v|/scale."""
    bg = np.array(colors.neuron.getRgb()[:3], np.float32)
    ink = np.array(colors.muted.getRgb()[:3], np.float32)
    pos = np.array(colors.positive.getRgb()[:3], np.float32)
    neg = np.array(colors.negative.getRgb()[:3], np.float32)
    v = np.asarray(values, np.float64).reshape(28, 28, 1)  # float64: a saturated network's are ~1e-40
    base = bg + (ink - bg) * (0.5 * np.asarray(image, np.float32).reshape(28, 28, 1))
    strength = np.clip(np.abs(v) / scale, 0, 1) if scale > 0 else np.zeros_like(v)
    strength = np.sqrt(strength)  # small pushes stay visible beside the strongest
    out = base + (np.where(v >= 0, pos, neg) - base) * strength
    return np.clip(out, 0, 255).astype(np.uint8)


class AttributionView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attributionView")
        self.heading = QLabel(self, objectName="attributionHeading", wordWrap=True)
        self.mode = QComboBox(self, objectName="attributionMode")
        self.mode.addItems(["", ""])
        self.mode.currentIndexChanged.connect(self._paint_maps)
        self.maps = [ImageTile(TILE, self) for _ in range(2)]
        self.captions = [QLabel(self) for _ in range(2)]
        self.legend = QLabel(self, wordWrap=True)
        self._result: Attribution | None = None
        self._image = np.zeros(784)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.heading, 0, 0, 1, 2)
        for i, (tile, caption) in enumerate(zip(self.maps, self.captions)):
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            grid.addWidget(tile, 1, i, Qt.AlignmentFlag.AlignHCenter)
            grid.addWidget(caption, 2, i)
        grid.addWidget(self.mode, 3, 0, 1, 2)
        grid.addWidget(self.legend, 4, 0, 1, 2)
        self.retranslate()

    def digits(self) -> tuple[int, ...]:
        """The two digits explained, winner first; () when nothing is."""
        return () if self._result is None else self._result.digits

    def values(self, which: int) -> np.ndarray | None:
        """The numbers map ``which`` (0: the winner) shows: gradient × input or ∂aₖ/∂x, per the choice."""
        if self._result is None:
            return None
        return (self._result.times_input if self.mode.currentIndex() == 0 else self._result.gradient)[which]

    def explain(self, network: Network, image: np.ndarray) -> None:
        """Attribute ``image`` (784 pixels 0..1) for the network's two favourite digits."""
        self._image = np.asarray(image, np.float64).reshape(-1)
        outputs = network.feedforward(self._image[None])[0]
        self._result = attribute(network, self._image, winner_and_runner_up(outputs))
        self._paint_maps()

    def clear(self) -> None:
        self._result = None
        self._paint_maps()

    def _paint_maps(self) -> None:
        if self._result is None:
            for tile in self.maps:
                tile.set_gray(None)
        else:
            colors = CanvasColors.from_palette(self.palette())
            shown = [self.values(i) for i in range(2)]
            scale = max(float(np.abs(v).max()) for v in shown)
            for tile, v in zip(self.maps, shown):
                tile.set_rgb(colour_map(v, self._image, scale, colors))
        self.retranslate()

    def retranslate(self) -> None:
        self.mode.setItemText(0, self.tr("gradient × input: what the ink did"))
        self.mode.setItemText(1, self.tr("∂aₖ/∂x: what any pixel would do"))
        self.mode.setToolTip(self.tr("Gradient × input keeps only inked pixels; ∂aₖ/∂x shows how much each "
                                     "pixel, inked or not, would raise or lower the output"))
        self.legend.setText(self.tr("Blue: pushed towards that digit; orange: pushed away."))
        if self._result is None:
            self.heading.setText(self.tr("Why this answer? Draw a digit and lift the pen."))
            for caption in self.captions:
                caption.setText("")
            return
        first, second = self._result.digits
        a = self._result.outputs
        self.heading.setText(self.tr("Why {first} and not {second}?").format(first=first, second=second))
        for caption, k in zip(self.captions, (first, second)):
            caption.setText(self.tr("towards {k} ({p} %)").format(k=k, p=round(100 * float(a[k]))))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:  # the theme changed: the canvas's colours with it
            self._paint_maps()
