"""Evaluate in a background thread, one run at a time, always ending with the newest weights.

500 digits through 784-800-10 cost 12–40 ms on the shared 2-core machine
(``engine/runs/evaluation.py``'s one forward pass): too long for the GUI
thread while training sends new weights.  The runner takes a copy of the
network (made in the GUI thread, so it is one consistent set of weights),
evaluates it in its own thread (numpy releases the GIL in the products) and
hands the frozen ``Evaluation`` back through a queued signal.  A request that
arrives while one runs replaces any waiting one: only the newest matters.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal

from nndesk.engine.core.dataset import Dataset
from nndesk.engine.core.network import Network
from nndesk.engine.runs.evaluation import evaluate


class EvaluationRunner(QObject):
    finished = Signal(object, object)  # (Evaluation or the error, the token given to run), in the GUI thread
    _done = Signal(object, object)  # emitted from the worker thread: queued to this object's thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nndesk-evaluation")
        self._busy = False
        self._waiting: tuple[Network, Dataset, object] | None = None
        self._done.connect(self._on_done)
        self.destroyed.connect(lambda *_: self._pool.shutdown(wait=False, cancel_futures=True))

    def is_busy(self) -> bool:
        return self._busy or self._waiting is not None

    def run(self, network: Network, data: Dataset, token: object = None) -> None:
        """Evaluate ``network`` (a copy nobody changes) on ``data``; ``finished`` follows."""
        if self._busy:
            self._waiting = (network, data, token)
            return
        self._busy = True
        self._pool.submit(self._work, network, data, token)

    def _work(self, network: Network, data: Dataset, token: object) -> None:
        try:
            result: object = evaluate(network, data)
        except (ValueError, FloatingPointError, MemoryError) as e:  # handed over, so the runner is never stuck
            result = e
        try:
            self._done.emit(result, token)
        except RuntimeError:  # the window closed meanwhile
            pass

    def _on_done(self, result: object, token: object) -> None:
        self._busy = False
        self.finished.emit(result, token)
        if self._waiting is not None:
            waiting, self._waiting = self._waiting, None
            self.run(*waiting)
