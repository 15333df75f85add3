"""Python's cyclic garbage collector runs in the GUI thread only, on a timer.

Left automatic, a collection runs in whichever thread allocates when the counts
pass the threshold: often the canvas's render thread or the training thread.
A garbage cycle holding a QObject (a closed window's widgets, say) is then
destroyed there: ~QObject takes Qt's locks and PySide asks for the GIL, while
the GUI thread, holding the GIL, waits for the same lock in its own deletions.
Both wait forever (a test run hung exactly so: the render thread collecting an
old window, the GUI thread deleting a QAction).  pyqtgraph's
``GarbageCollector`` disables automatic collection and collects on a timer in
the thread that makes it, with the same generation thresholds.
"""

from __future__ import annotations

from pyqtgraph.util.garbage_collector import GarbageCollector

INTERVAL_S = 1.0

_collector: GarbageCollector | None = None


def collect_in_gui_thread() -> None:
    """Once per process, from the GUI thread."""
    global _collector
    if _collector is None:
        _collector = GarbageCollector(interval=INTERVAL_S)
