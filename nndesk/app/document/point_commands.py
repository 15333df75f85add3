"""Undoable edits of a hand-made 2-D set: add a point, remove one, clear them all.

The points are not the network's, so these commands write to whoever holds
the data set (``PointsHolder``: the window), not to the ``NetworkDocument``.
Each remembers the whole set before and after: a clicked-together set has a
few hundred points, a few kilobytes a command, and undo restores it exactly
(order, classes, the number of classes).  They sit on the window's one undo
stack beside the network's edits, so Ctrl+Z takes back whichever came last;
the stack forgets them with the network's when the network is replaced.
"""

from __future__ import annotations

from typing import ClassVar, Protocol

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from nndesk.app.document.undo import EditKind
from nndesk.engine.core.dataset import Dataset

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls
POINTS_NAME = "my points"


class PointsHolder(Protocol):
    def points(self) -> Dataset: ...

    def set_points(self, dataset: Dataset) -> None: ...


def with_point(data: Dataset, xy: tuple[float, float], label: int) -> Dataset:
    """``data`` and one more point at ``xy`` of class ``label`` (appended: the others keep their indices)."""
    x = np.vstack([data.inputs(), np.asarray(xy, np.float32)[None]])
    return Dataset(POINTS_NAME, x, np.append(data.y, label).astype(np.int64), data.n_classes)


def without_point(data: Dataset, index: int) -> Dataset:
    keep = np.arange(len(data)) != index
    return Dataset(POINTS_NAME, data.inputs()[keep], data.y[keep], data.n_classes)


def no_points(data: Dataset) -> Dataset:
    """The same plane and classes, no points: a blank page to draw a set on."""
    return Dataset(POINTS_NAME, np.zeros((0, data.n_inputs), np.float32), np.zeros(0, np.int64), data.n_classes)


class PointsCommand(QUndoCommand):
    """Replace the holder's points with ``after``; undo puts back the ones it had."""

    kind: ClassVar[EditKind] = EditKind.DATA

    def __init__(self, text: str, holder: PointsHolder, after: Dataset) -> None:
        super().__init__(text)
        self.holder, self.before, self.after = holder, holder.points(), after

    def redo(self) -> None:
        self.holder.set_points(self.after)

    def undo(self) -> None:
        self.holder.set_points(self.before)


def add_point(holder: PointsHolder, xy: tuple[float, float], label: int) -> PointsCommand:
    text = translate("PointCommands", "Add a point of class {k}").format(k=label)
    return PointsCommand(text, holder, with_point(holder.points(), xy, label))


def remove_point(holder: PointsHolder, index: int) -> PointsCommand:
    label = int(holder.points().y[index])
    text = translate("PointCommands", "Remove a point of class {k}").format(k=label)
    return PointsCommand(text, holder, without_point(holder.points(), index))


def clear_points(holder: PointsHolder) -> PointsCommand:
    return PointsCommand(translate("PointCommands", "Clear the points"), holder, no_points(holder.points()))
