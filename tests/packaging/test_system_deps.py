"""The system packages Qt needs are derived, installed here, and all in packaging/apt-packages.txt.

Fast (a few seconds: ldd and dpkg on ~50 files), so it runs in every test run
on Debian and Ubuntu.  A failure here means the README's install would leave
the window unable to start on a fresh machine (issue 9: the xcb plugin's
libxcb-icccm4 and libxcb-keysyms1 were missing from the hand-kept list).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.helpers import ROOT, system_deps

pytestmark = pytest.mark.skipif(not (shutil.which("dpkg") and shutil.which("ldd")),
                                reason="needs dpkg and ldd (a Debian or Ubuntu system)")
sd = system_deps()


@pytest.fixture(scope="module")
def needs():
    return sd.qt_needs()


def test_every_library_the_qt_pieces_need_is_found(needs):
    if needs.unresolved:
        pytest.fail(needs.unresolved_message(), pytrace=False)


def test_apt_list_has_every_derived_package(needs):
    missing, _ = sd.compare(needs.packages, sd.read_list())
    if missing:
        pytest.fail(f"packaging/apt-packages.txt lacks {', '.join(missing)}: run packaging/system_deps.py --write",
                    pytrace=False)


def test_the_xcb_plugins_needs_are_derived(needs):
    """A guard on QT_PIECES itself: the libraries a hand-kept list once missed come out of the derivation."""
    pieces = {p.name for p in needs.loaded}
    assert {"libqxcb.so", "libQt6XcbQpa.so.6", "libqsvg.so", "libqjpeg.so", "QtWidgets.abi3.so"} <= pieces
    derived = {soname for sonames in needs.packages.values() for soname in sonames} | needs.unresolved.keys()
    assert {"libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-shape.so.0", "libxcb-cursor.so.0"} <= derived


def test_script_check_passes():
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "system_deps.py"), "--check"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_a_renamed_library_package_counts_for_its_old_name():
    """Ubuntu 24.04's libglib2.0-0t64 Provides libglib2.0-0: a list written on Debian 12 still covers it."""
    out = subprocess.run(["dpkg-query", "-W", "-f", "${Package}\t${Provides}\n"], capture_output=True, text=True).stdout
    package, provides = next(line.split("\t") for line in out.splitlines() if line.split("\t")[1])
    old_name = provides.split(",")[0].split()[0]
    assert sd.compare([package], [old_name, *sd.EXTRA]) == ([], [])
    assert sd.compare([package], list(sd.EXTRA)) == ([package], [])


def _with_missing_library(folder: Path) -> Path:
    """A copy of /bin/true that needs "libq.so.6", which no system has, instead of libc.so.6."""
    folder.mkdir(parents=True)
    elf = folder / "libfake.so.1"
    data = Path(shutil.which("true")).read_bytes()
    assert data.count(b"libc.so.6\0") == 1
    elf.write_bytes(data.replace(b"libc.so.6\0", b"libq.so.6\0"))
    return elf


def test_an_unresolved_library_is_named(tmp_path):
    elf = _with_missing_library(tmp_path / "lib")
    needs = sd.system_needs([elf], inside=[elf.parent], lib_dirs=[elf.parent])
    assert set(needs.unresolved) == {"libq.so.6"} and not needs.packages
    assert "libq.so.6 (needed by libfake.so.1): not found" in needs.unresolved_message()


def test_the_deb_build_fails_on_an_unresolved_library(tmp_path):
    """build.py deb computes Depends with system_depends: a library missing here must stop it, not be left out."""
    _with_missing_library(tmp_path / "bundle" / "_internal")
    code = (f"import sys; sys.path.insert(0, {str(ROOT / 'packaging')!r}); import build; from pathlib import Path; "
            f"print(build.system_depends(Path({str(tmp_path / 'bundle')!r})))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stdout
    assert "error: the bundle's Depends cannot be complete" in done.stderr and "libq.so.6" in done.stderr
