"""The curves are computed in a worker thread, so the window never waits for them (about a second).

One job at a time on one pool thread.  It keeps the normal priority, unlike
training's threads (``widgets.background``): the student pressed the button
and waits for this second of work, during which the GUI thread has little to
do; at the lowest priority a loaded machine starved it for 15 s.  A job gets
copies (the network as it was when the button was pressed), so training can
go on moving the document's weights meanwhile.  The result comes back as a
queued signal.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QThreadPool, Signal

from nndesk.engine.core.network import Network
from nndesk.engine.explain.robustness import Coverage, Curve, coverage, curves


@dataclass(frozen=True, eq=False)
class Robustness:
    """What the dock shows: the four curves, the coverage, and the plain accuracy they start from."""

    curves: tuple[Curve, ...]
    coverage: Coverage
    accuracy: float
    n: int


def compute(network: Network, images: np.ndarray, labels: np.ndarray) -> Robustness:
    """All of it, for ``images`` (n, 28, 28) 0..1 with their ``labels``."""
    outputs = network.feedforward(images.reshape(len(images), -1))
    plain = float(np.mean(outputs.argmax(axis=1) == labels))
    return Robustness(tuple(curves(network, images, labels)), coverage(outputs, labels), plain, len(labels))


class _Mailbox(QObject):
    done = Signal(object)  # Robustness, or the exception that stopped the job


class RobustnessJob(QObject):
    finished = Signal(object)  # Robustness, in the GUI thread
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._mailbox = _Mailbox()  # owned by Python: a job outliving the panel emits into nothing
        self._mailbox.done.connect(self._done)
        self.busy = False

    def start(self, network: Network, images: np.ndarray, labels: np.ndarray) -> bool:
        """Compute for copies of these; False (and nothing started) while a job runs."""
        if self.busy:
            return False
        self.busy = True
        net, x, y, mailbox = network.copy(), np.array(images, np.float32), np.array(labels), self._mailbox

        def run() -> None:
            try:
                result: Robustness | Exception = compute(net, x, y)
            except Exception as e:  # noqa: BLE001 - said in the panel, never lost in a thread
                result = e
            mailbox.done.emit(result)
        self._pool.start(run)
        return True

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for a running job (closing the window)."""
        return self._pool.waitForDone(msecs)

    def _done(self, result: Robustness | Exception) -> None:
        self.busy = False
        if isinstance(result, Exception):
            self.failed.emit(str(result))
        else:
            self.finished.emit(result)
