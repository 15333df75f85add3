"""The canvas's edge bundles are picked and stroked in a worker thread, so the window never waits for them.

New weights (once a second while a digits network trains) used to cost the
GUI thread ~25 ms to pick the strongest of 627,200 weights and ~25 ms more
per paint to stroke them, long enough for the draw pad to stutter and timers
to fire late.  ``BundleRenderer`` does both off the GUI thread (QPainter on a
QImage is safe in any thread; PySide lets go of the GIL while Qt draws), one
job at a time: a request that comes while a job runs waits, and newer
requests replace it, so a burst of snapshots costs one more job, not many.
The result comes back as a queued signal; the bundles then only copy images.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QThreadPool, Signal

from nndesk.app.canvas.edge_picture import BundlePicture, BundleShape, Edges, pick, render
from nndesk.app.style.colors import CanvasColors
from nndesk.app.widgets.background import yield_to_gui

LayerWeights = tuple[np.ndarray, np.ndarray | None]  # a copy of W⁽ˡ⁾ and of its frozen mask


@dataclass(frozen=True, eq=False)
class SceneState:
    """What a job needs of the canvas, read in the GUI thread when the job starts."""

    build: int  # the canvas's rebuild count: a result for an older scene is dropped
    shapes: tuple[BundleShape, ...]
    edges: tuple[Edges, ...]  # what each bundle draws now (kept when no new weights come)
    colors: CanvasColors


@dataclass(frozen=True, eq=False)
class RenderJob:
    scene: SceneState
    scale: float  # device pixels per scene unit
    dpr: float
    weights: tuple[LayerWeights, ...] | None  # None: the same edges at another zoom


class _Mailbox(QObject):
    """Carries a finished job back to the GUI thread; owned by Python, so a job outliving the canvas is safe."""

    done = Signal(object, object)  # RenderJob, list[BundlePicture]


_pool: QThreadPool | None = None


def _render_pool() -> QThreadPool:
    """One thread for every canvas: jobs are short and must not compete with training for the CPU."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


def run_job(job: RenderJob) -> list[BundlePicture]:
    """Pick (if new weights came) and stroke every bundle: any thread (the pool's gives way to the GUI's)."""
    yield_to_gui()  # a picture can wait a frame; the window and training share two cores with it
    scene, pictures = job.scene, []
    for b, shape in enumerate(scene.shapes):
        edges = scene.edges[b] if job.weights is None else pick(shape, *job.weights[b], scene.colors)
        pictures.append(render(shape, edges, scene.colors, job.scale, job.dpr))
    return pictures


def _deliver(mailbox: _Mailbox, job: RenderJob) -> None:
    """Run ``job`` (in the pool's thread) and post its pictures home; a mailbox gone meanwhile (the app
    quit while a job ran) has no one left to show them to."""
    pictures = run_job(job)
    try:
        mailbox.done.emit(job, pictures)
    except RuntimeError:  # "Signal source has been deleted"
        pass


class BundleRenderer(QObject):
    def __init__(self, state: Callable[[], SceneState], apply: Callable[[RenderJob, list[BundlePicture]], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state, self._apply = state, apply
        self._mailbox = _Mailbox()
        self._mailbox.done.connect(self._done)  # queued: the job emits from the pool's thread
        self._busy = False
        self._weights: Sequence[LayerWeights] | None = None  # waiting to be picked
        self._zoom: tuple[float, float] | None = None  # (scale, dpr) wanted next

    def request(self, scale: float, dpr: float, weights: Sequence[LayerWeights] | None = None) -> None:
        """Draw the bundles at this zoom soon, with these weights (copies) if given."""
        self._zoom = (scale, dpr)
        if weights is not None:
            self._weights = weights
        if not self._busy:
            self._start()

    def forget(self) -> None:
        """The scene is rebuilt: drop what waits (a running job's result will be stale and dropped)."""
        self._weights = self._zoom = None

    @property
    def busy(self) -> bool:
        return self._busy or self._zoom is not None

    def _start(self) -> None:
        if self._zoom is None:
            return
        job = RenderJob(self._state(), *self._zoom, None if self._weights is None else tuple(self._weights))
        self._weights = self._zoom = None
        self._busy = True
        mailbox = self._mailbox
        _render_pool().start(lambda: _deliver(mailbox, job))

    def _done(self, job: RenderJob, pictures: list[BundlePicture]) -> None:
        self._busy = False
        self._apply(job, pictures)
        self._start()
