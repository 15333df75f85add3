"""The README's install, the way a new user runs it, ends with nndesk's window on screen.

From a ``git clone`` (only committed files count), the README's own command
is taken apart at ``&&``: the apt-get step must install
packaging/apt-packages.txt and name only packages this release has; the venv
and ``pip install .`` steps run as written; ``.venv/bin/nndesk`` is started
on Xvfb with no QT_QPA_PLATFORM, so Qt loads the real xcb plugin and every X
library it needs.  The rest of the suite runs offscreen, which needs none of
them: that is how a list lacking libxcb-icccm4 passed CI (issue 9).  The
window must map (xdotool), and every Qt file the running app mapped must be
one ``packaging/system_deps.py`` derives the package list from.  Then Ctrl+Q
must close it with exit 0.

Slow: the fresh venv installs PySide6 (about 25 s from pip's cache or a local
wheel directory, longer when pip downloads ~100 MB); CI runs it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.helpers import (
    ROOT,
    clean_env,
    close_with_ctrl_q,
    need_x_tools,
    run,
    system_deps,
    wait_for_window,
    xvfb,
)

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")]


def readme_steps() -> list[str]:
    """The README's install command, split at ``&&``."""
    lines = re.findall(r"^sudo apt-get install .* && \.venv/bin/nndesk$", (ROOT / "README.md").read_text(), re.M)
    assert len(lines) == 1, "the README's install is one line: sudo apt-get install … && … && .venv/bin/nndesk"
    return lines[0].split(" && ")


def user_env() -> dict[str, str]:
    """This environment without the test run's venv: what a user's shell has before the README's command."""
    venvs = {str(Path(p) / "bin") for p in (os.environ.get("VIRTUAL_ENV"), sys.prefix) if p}
    env = {k: v for k, v in os.environ.items()
           if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME") and not k.startswith("QT_")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "/usr/bin:/bin").split(os.pathsep) if p not in venvs)
    return env


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """A clean clone with the README's venv and ``pip install .`` done in it."""
    src = tmp_path_factory.mktemp("readme") / "nndesk"
    run(["git", "clone", "--quiet", str(ROOT), str(src)])
    install = " && ".join(readme_steps()[1:-1])
    run(["bash", "-c", install], cwd=src, env=user_env(), timeout=900)
    return src


def test_readme_installs_the_apt_list():
    first = readme_steps()[0]
    assert "packaging/apt-packages.txt" in first, first
    if shutil.which("apt-get") is None:
        pytest.skip("needs apt-get")
    packages = (ROOT / "packaging" / "apt-packages.txt").read_text().split()
    done = subprocess.run(["apt-get", "install", "--simulate", "-y", "-q", *packages],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"apt cannot install the list (run apt-get update?):\n{done.stdout}{done.stderr}"


def test_readme_install_opens_the_window_on_xcb(clone, tmp_path):
    need_x_tools()
    (start,) = readme_steps()[-1:]
    with xvfb() as display:
        env = clean_env(tmp_path, DISPLAY=display)  # no QT_QPA_PLATFORM: Qt picks xcb, as on a desktop
        app = subprocess.Popen([str(clone / start)], env=env, cwd=clone,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            window = wait_for_window(app, env, deadline=60)
            maps = Path(f"/proc/{app.pid}/maps").read_text()
            output = close_with_ctrl_q(app, window, env)
        finally:
            if app.poll() is None:
                app.kill()
                app.wait()
    assert "Traceback" not in output, output
    (pyside,) = (clone / ".venv").glob("lib/python*/site-packages/PySide6")
    wheels = (pyside.resolve(), pyside.resolve().parent / "shiboken6")
    mapped = {Path(p) for p in re.findall(r" (/\S+)$", maps, re.M)}
    qt = {p for p in mapped if any(p.is_relative_to(w) for w in wheels) and ".so" in p.name}
    xcb = pyside.resolve() / "Qt/plugins/platforms/libqxcb.so"
    assert xcb in qt, "not the xcb platform; loaded:\n" + "\n".join(map(str, sorted(qt)))
    if shutil.which("dpkg"):
        derived_from = {p.resolve() for p in system_deps().qt_needs(pyside).loaded}
        assert qt <= derived_from, f"loaded but not in system_deps.QT_PIECES: {sorted(map(str, qt - derived_from))}"
