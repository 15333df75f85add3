"""What the packaging tests share: running commands, a clean desktop environment, a private X server,
finding nndesk's window and closing it as a user would, and packaging/system_deps.py as a module."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(cmd: list[str], timeout: float = 300, **kw) -> subprocess.CompletedProcess:
    """Run, print how long it took, and fail the test with the output's tail if it fails."""
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kw)
    print(f"[{time.perf_counter() - t0:5.1f} s] {' '.join(map(str, cmd[:4]))}")
    assert done.returncode == 0, f"{cmd} failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """What a desktop session gives a fresh user: no venv, no PYTHONPATH, no Qt variables."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", **extra}


def system_deps() -> ModuleType:
    """packaging/system_deps.py, imported."""
    if str(ROOT / "packaging") not in sys.path:
        sys.path.insert(0, str(ROOT / "packaging"))
    import system_deps

    return system_deps


# ---- X11 (also the approach of benchmarks/bench_startup.py) ----------------------------
def need_x_tools() -> None:
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        pytest.fail("the window check needs Xvfb and xdotool: apt-get install xvfb xdotool")


class xvfb:  # noqa: N801 (used as a context manager)
    """A private Xvfb server; ``-displayfd`` picks a free display and says when it accepts clients."""

    def __enter__(self) -> str:
        read, write = os.pipe()
        self.server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24",
                                        "-nolisten", "tcp", "-noreset"], pass_fds=(write,), stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as f:
            number = f.readline().strip()
        assert number, "Xvfb did not start"
        return f":{number}"

    def __exit__(self, *exc) -> None:
        self.server.terminate()
        self.server.wait(timeout=10)


def wait_for_window(app: subprocess.Popen, env: dict, deadline: float) -> str:
    """The X id of the app's visible main window ("… — nndesk"), polling until ``deadline`` seconds."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "nndesk$"],
                               env=env, capture_output=True, text=True).stdout.split()
        if found:
            return found[0]
        if app.poll() is not None:
            pytest.fail(f"nndesk exited with {app.returncode} before showing a window:\n{app.stdout.read()}")
        time.sleep(0.02)
    pytest.fail(f"no nndesk window within {deadline} s")


def close_with_ctrl_q(app: subprocess.Popen, window: str, env: dict) -> str:
    """Press Ctrl+Q in ``window``; the app must exit 0 within 30 s.  Returns what it printed."""
    subprocess.run(["xdotool", "windowfocus", "--sync", window, "key", "--clearmodifiers", "ctrl+q"],
                   env=env, check=True, timeout=30)
    code = app.wait(timeout=30)
    output = app.stdout.read()
    assert code == 0, f"nndesk exited with {code} after Ctrl+Q:\n{output}"
    return output
