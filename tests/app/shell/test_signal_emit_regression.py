"""Guards against PySide6 6.12.0 on Python 3.11, which aborts after a few thousand Signal.emit() calls.

The crash (``Fatal Python error: bool_dealloc``) kills the interpreter, so
the emits run in a subprocess and the test only looks at its exit code.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

EMITTER = textwrap.dedent("""
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    class Emitter(QObject):
        progressed = Signal(int)
        reported = Signal(dict)
        toggled = Signal(bool)

    app = QCoreApplication([])
    emitter, received = Emitter(), []
    emitter.progressed.connect(received.append)
    emitter.reported.connect(received.append)
    emitter.toggled.connect(received.append)
    for i in range(20_000):
        emitter.progressed.emit(i)
        emitter.toggled.emit(i % 2 == 0)
        if i % 10 == 0:
            emitter.reported.emit({"epoch": i, "cost": 0.5})
    assert len(received) == 42_000, len(received)
    print("ok")
""")


def test_twenty_thousand_signal_emits_exit_cleanly():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", EMITTER], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"
