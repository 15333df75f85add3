"""Where nndesk finds the files it ships, whether run from a checkout, a wheel or a frozen bundle."""

from __future__ import annotations

import os
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


def data_dir() -> Path:
    """The platform's per-user data folder + nndesk: the downloaded MNIST, my digits, the autosave."""
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "nndesk"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "nndesk"
    base = os.environ.get("XDG_DATA_HOME") or ""
    return (Path(base) if os.path.isabs(base) else Path.home() / ".local" / "share") / "nndesk"


def mnist_dir() -> Path:
    """Where the full MNIST is downloaded: ``data_dir()/mnist``."""
    return data_dir() / "mnist"
