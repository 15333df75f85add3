"""Threads that work for the window in the background give way to the GUI thread when the CPU is short.

On a 2-core machine training and its digit distorter fill both cores, and
the GUI thread would wait its turn for every paint.  Linux keeps a nice value
per thread, so raising the calling thread's lowers only its own priority
(threads it starts inherit it); elsewhere ``QThread.setPriority`` does the job.
"""

from __future__ import annotations

import os
import sys
import threading

from PySide6.QtCore import QThread

BACKGROUND_NICENESS = 10  # Linux nice value (0 = normal, 19 = lowest)


def yield_to_gui() -> None:
    """Lower the calling thread's priority below the GUI thread's (call it in that thread)."""
    if hasattr(os, "setpriority") and sys.platform.startswith("linux"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICENESS)
        except OSError:
            pass
    else:
        QThread.currentThread().setPriority(QThread.Priority.LowPriority)
