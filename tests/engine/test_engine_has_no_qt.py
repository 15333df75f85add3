"""The engine is plain numpy: importing all of it must not pull in Qt or pyqtgraph."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import nndesk.engine


def test_importing_every_engine_module_loads_no_qt() -> None:
    modules = [m.name for m in pkgutil.walk_packages(nndesk.engine.__path__, "nndesk.engine.") if not m.ispkg]
    assert len(modules) >= 25
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""
