"""Where nndesk finds the files it ships, whether run from a checkout, a wheel or a frozen bundle."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path


def resource(name: str) -> Path:
    """Path of ``resources/<name>``; raises FileNotFoundError naming what is missing."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller
    if bundle:
        candidates.append(Path(bundle) / "nndesk" / "resources" / name)
    try:
        candidates.append(Path(str(resources.files("nndesk.resources") / name)))
    except ModuleNotFoundError:
        pass
    candidates.append(Path(__file__).resolve().parent.parent / "resources" / name)
    for path in candidates:
        if path.is_file():
            return path
    raise FileNotFoundError(f"nndesk's resource file {name!r} is missing from this installation")
