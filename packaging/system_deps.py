"""The Debian packages nndesk's Qt needs from the system, derived from the Qt files themselves.

    .venv/bin/python packaging/system_deps.py           # the packages, one a line; exit 1 if a library is missing
    .venv/bin/python packaging/system_deps.py --why     # … with the libraries each provides and who needs them
    .venv/bin/python packaging/system_deps.py --check   # exit 1 naming what packaging/apt-packages.txt lacks
    .venv/bin/python packaging/system_deps.py --write   # rewrite packaging/apt-packages.txt

Why: the PySide6 wheel carries Qt but not the desktop libraries Qt's plugins
link against.  A hand-kept list missed libxcb-icccm4 and libxcb-keysyms1, so
the README's install ended in 'Could not load the Qt platform plugin "xcb"'
on a fresh Debian 12, while tests that run offscreen never noticed.

How: take the Qt files nndesk loads (``QT_PIECES``: the PySide6 modules
nndesk and pyqtgraph import, the platform, GL, input, theme, image-format
and icon plugins) and the wheel's libraries they load; read each file's
DT_NEEDED entries from the ELF file itself (no binutils needed); locate
every one the wheel doesn't carry the way the loader will (``ldd`` with
``LD_LIBRARY_PATH`` at the wheel's Qt libraries) and name the package that
owns it (``dpkg -S``, asked for the /lib and /usr/lib spellings because of
merged /usr).  Only direct needs are listed: apt installs their Depends.

A library ``ldd`` cannot find is never guessed at: the script fails, names it
and the package Debian's naming policy suggests, and you install that package
and run it again.  So every name in the list comes from a library the loader
really found, on the release it was run on.  (``apt-file`` could name the
package of a missing file, but needs its own Contents indexes and would still
leave the library unchecked by the loader.)

``packaging/apt-packages.txt`` stays a plain list, one package a line, so
``$(cat packaging/apt-packages.txt)`` works unchanged in the README, .ci/run
and the installers workflow.  ``--write`` writes it in two blocks separated
by a blank line: the derived packages, then ``EXTRA``, the hand-kept tools
that are not libraries (each with its reason below).  ``--check`` also
accepts an older name that a derived package Provides (Ubuntu 24.04's
libglib2.0-0t64 provides libglib2.0-0), and warns about names that are
neither derived nor extra.  ``packaging/build.py deb`` uses ``system_needs``
for the .deb's Depends and fails the same way on a missing library.
"""

from __future__ import annotations

import argparse
import importlib.util
import mmap
import os
import re
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APT_LIST = ROOT / "packaging" / "apt-packages.txt"

# Paths in the directory that holds PySide6 (site-packages), as globs; each must match at least one
# file, so a wheel whose layout changed fails here instead of silently shrinking the list.  Left out:
# platformthemes/libqgtk3.so (needs GTK 3; Qt falls back to its own theme, and the .deb drops it too),
# the virtual-keyboard input context (needs QtVirtualKeyboard, not in Essentials; only loaded when
# QT_IM_MODULE asks for it), and the platforms for screens without a desktop (eglfs, linuxfb, vnc…).
QT_PIECES = {
    "PySide6/Qt{Core,Gui,Widgets}.abi3.so": "nndesk imports these",
    "PySide6/Qt{Svg,OpenGL,OpenGLWidgets,Test}.abi3.so": "pyqtgraph imports these",
    "shiboken6/Shiboken.abi3.so": "PySide6 imports it",
    "PySide6/Qt/plugins/platforms/libqxcb.so": "X11 (and XWayland): the platform a fresh desktop gives Qt",
    "PySide6/Qt/plugins/platforms/libqwayland*.so": "Wayland sessions",
    "PySide6/Qt/plugins/xcbglintegrations/*.so": "OpenGL on X11 (QtOpenGL, pyqtgraph)",
    "PySide6/Qt/plugins/wayland-{decoration-client,graphics-integration-client,shell-integration}/*.so": "Wayland",
    "PySide6/Qt/plugins/platforminputcontexts/lib{compose,ibus}platforminputcontextplugin.so": "dead keys, IBus",
    "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so": "desktop portal theme",
    "PySide6/Qt/plugins/imageformats/*.so": "nndesk predict and File ▸ Open read any format Qt decodes",
    "PySide6/Qt/plugins/iconengines/*.so": "the SVG window icon",
}
# Matched by a glob above but never loaded, or failing harmlessly (Qt skips a plugin it cannot load).
NOT_LOADED = {
    "PySide6/Qt/plugins/imageformats/libqpdf.so": "needs QtPdf, which PySide6-Essentials doesn't ship",
}
# Packages that are not libraries Qt links against, kept in apt-packages.txt by hand.
EXTRA = {
    "python3-venv": "the README's `python3 -m venv`",
    "fonts-dejavu-core": "a font: a minimal system may have none, and then Qt draws no text",
    "binutils": "packaging: PyInstaller needs objdump, nndesk.spec readelf (build.py deb)",
    "desktop-file-utils": "tests: desktop-file-validate checks the .deb's menu entry",
    "xvfb": "tests and screenshots: an X server without a screen",
    "xauth": "xvfb-run (screenshots, benchmarks) needs it",
    "xdotool": "tests and benchmarks: find the window and press Ctrl+Q",
}
GLIBC = re.compile(rb"GLIBC_(\d+(?:\.\d+)+)$")


# ---- ELF ---------------------------------------------------------------------------
@dataclass
class ElfNeeds:
    needed: list[str]  # DT_NEEDED sonames
    glibc: set[tuple[int, ...]]  # GLIBC_x.y symbol versions asked for


def is_elf(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(4) == b"\x7fELF"


def elf_needs(path: Path) -> ElfNeeds:
    """DT_NEEDED and GLIBC versions from the dynamic section, as ``readelf -d -V`` would show them."""
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
        if m[:4] != b"\x7fELF":
            raise ValueError(f"{path}: not an ELF file")
        # Per class (1: 32-bit, 2: 64-bit): e_phoff's format and place, where e_phentsize and e_phnum
        # sit, a program header read as (p_type, p_offset, p_vaddr, p_filesz), a dynamic entry.
        word, phoff_at, count_at, ph_fmt, dyn_fmt = {1: ("I", 0x1C, 0x2A, "III4xI", "iI"),
                                                     2: ("Q", 0x20, 0x36, "I4xQQ8xQ", "qQ")}[m[4]]
        end = "<" if m[5] == 1 else ">"
        (phoff,) = struct.unpack_from(end + word, m, phoff_at)
        phentsize, phnum = struct.unpack_from(end + "HH", m, count_at)
        phdr = [struct.unpack_from(end + ph_fmt, m, phoff + i * phentsize) for i in range(phnum)]
        dyn_fmt = end + dyn_fmt

        def offset(vaddr: int) -> int:
            for p_type, p_offset, p_vaddr, p_filesz in phdr:
                if p_type == 1 and p_vaddr <= vaddr < p_vaddr + p_filesz:  # PT_LOAD
                    return vaddr - p_vaddr + p_offset
            raise ValueError(f"{path}: address {vaddr:#x} is in no loaded segment")

        dynamic = [p for p in phdr if p[0] == 2]  # PT_DYNAMIC
        if not dynamic:
            return ElfNeeds([], set())
        _, dyn_off, _, dyn_size = dynamic[0]
        entries = []
        for pos in range(dyn_off, dyn_off + dyn_size, struct.calcsize(dyn_fmt)):
            tag, value = struct.unpack_from(dyn_fmt, m, pos)
            if tag == 0:  # DT_NULL
                break
            entries.append((tag, value))
        tags = dict(entries)
        strtab = offset(tags[5])  # DT_STRTAB

        def string(at: int) -> bytes:
            return m[strtab + at:m.find(b"\0", strtab + at)]

        needed = [string(v).decode() for t, v in entries if t == 1]  # DT_NEEDED
        glibc = set()
        if 0x6FFFFFFE in tags:  # DT_VERNEED: Elf_Verneed entries, each with a chain of Elf_Vernaux
            pos = offset(tags[0x6FFFFFFE])
            for _ in range(tags.get(0x6FFFFFFF, 0)):  # DT_VERNEEDNUM
                _, count, _, aux, following = struct.unpack_from(end + "HHIII", m, pos)
                at = pos + aux
                for _ in range(count):
                    _, _, _, name, step = struct.unpack_from(end + "IHHII", m, at)
                    if version := GLIBC.match(string(name)):
                        glibc.add(tuple(map(int, version[1].split(b"."))))
                    at += step
                pos += following
        return ElfNeeds(needed, glibc)


# ---- the Qt pieces -------------------------------------------------------------------
def _braces(pattern: str) -> list[str]:
    """Expand one level of shell-style {a,b} alternatives per brace pair (glob doesn't)."""
    if match := re.search(r"\{([^{}]*)\}", pattern):
        head, tail = pattern[:match.start()], pattern[match.end():]
        return [e for alt in match[1].split(",") for e in _braces(head + alt + tail)]
    return [pattern]


def pyside_dirs() -> list[Path]:
    """PySide6's and shiboken6's package directories in this Python, found without importing Qt."""
    dirs = []
    for name in ("PySide6", "shiboken6"):
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            raise SystemExit(f"{name} is not installed in {sys.executable}: run this with nndesk's environment")
        dirs.append(Path(next(iter(spec.submodule_search_locations))))
    return dirs


def qt_pieces(pyside: Path) -> list[Path]:
    """The files of ``QT_PIECES`` beside this PySide6; SystemExit if a pattern matches nothing."""
    base, files, empty = pyside.parent, set(), []
    for pattern in QT_PIECES:
        found = {p for alt in _braces(pattern) for p in base.glob(alt)
                 if p.relative_to(base).as_posix() not in NOT_LOADED}
        if not found:
            empty.append(pattern)
        files |= found
    if empty:
        raise SystemExit(f"no file in {base} matches {', '.join(empty)}: update QT_PIECES in {__file__}")
    return sorted(files)


# ---- from libraries to packages --------------------------------------------------------
@dataclass
class SystemNeeds:
    """What a set of ELF files needs from outside the directories they came from."""

    packages: dict[str, set[str]] = field(default_factory=dict)  # package → the sonames it provides
    unresolved: dict[str, str] = field(default_factory=dict)  # soname → why it has no package
    needed_by: dict[str, set[str]] = field(default_factory=dict)  # soname → names of the files needing it
    loaded: set[Path] = field(default_factory=set)  # the files and every library of theirs from inside
    glibc: tuple[int, ...] | None = None  # the newest GLIBC symbol version any file asks for

    def unresolved_message(self) -> str:
        lines = [f"{len(self.unresolved)} librar{'y' if len(self.unresolved) == 1 else 'ies'} not resolved:"]
        for soname, why in sorted(self.unresolved.items()):
            lines.append(f"  {soname} (needed by {', '.join(sorted(self.needed_by.get(soname, ())))}): {why}")
        lines.append("Install the packages that provide them, then run this again.")
        return "\n".join(lines)


def _under(path: Path, roots: Iterable[Path]) -> bool:
    return any(path.is_relative_to(r) or path.resolve().is_relative_to(r) for r in roots)


def _ldd(files: list[Path], lib_dirs: Iterable[Path]) -> tuple[dict[str, Path], dict[str, set[str]]]:
    """soname → the path the loader picks, and soname → files for which it is "not found"."""
    env = {**os.environ, "LD_LIBRARY_PATH": os.pathsep.join(map(str, lib_dirs))}
    out = subprocess.run(["ldd", *map(str, files)], capture_output=True, text=True, env=env).stdout
    where, missing, current = {}, {}, files[0].name if files else ""  # ldd names the file only if given several
    for line in out.splitlines():
        if not line.startswith("\t"):
            current = Path(line.rstrip(":")).name
        elif m := re.match(r"\s*(\S+) => not found", line):
            missing.setdefault(m[1], set()).add(current)
        elif m := re.match(r"\s*(\S+) => (/\S+)", line):
            where.setdefault(m[1], Path(m[2]))
    return where, missing


def _debian_name(soname: str) -> str:
    """The package name Debian policy (8.1) gives a library: libfoo.so.1 → libfoo1, libfoo2.so.3 → libfoo2-3."""
    m = re.match(r"(.+?)\.so\.(\d+)", soname)
    if not m:
        return "?"
    base, number = m[1].lower().replace("_", "-"), m[2]
    return f"{base}-{number}" if base[-1].isdigit() else base + number


def _hint(soname: str) -> str:
    name = _debian_name(soname)
    known = shutil.which("apt-cache") and subprocess.run(
        ["apt-cache", "show", "--no-all-versions", name], capture_output=True).returncode == 0
    return (f"not found: probably in {name}, which apt knows" if known
            else f"not found, and apt knows no package {name}: search for it (apt-file search {soname})")


def _owners(paths: Iterable[Path]) -> dict[str, set[str]]:
    """path → packages owning it, asking dpkg for each path's /lib, /usr/lib and real spellings."""
    spellings = {}
    for path in paths:
        for p in {str(path), str(path.resolve())}:
            spellings[p] = str(path)
            spellings[p[4:] if p.startswith("/usr/") else "/usr" + p] = str(path)
    out = subprocess.run(["dpkg", "-S", *spellings], capture_output=True, text=True).stdout
    owners: dict[str, set[str]] = {}
    for line in out.splitlines():
        if line.startswith("diversion ") or ": " not in line:
            continue
        packages, file = line.rsplit(": ", 1)
        if file in spellings:
            owners.setdefault(spellings[file], set()).update(p.strip().split(":")[0] for p in packages.split(","))
    return owners


def system_needs(files: Iterable[Path], inside: Iterable[Path], lib_dirs: Iterable[Path]) -> SystemNeeds:
    """The packages owning each library ``files`` (and the libraries they load from ``inside``) need from outside.

    A soname is resolved as the loader resolves it (``ldd``, ``lib_dirs`` on
    ``LD_LIBRARY_PATH``); one that ``ldd`` reports "not found", or whose file
    no package owns, lands in ``unresolved`` with the reason.
    """
    if shutil.which("dpkg") is None or shutil.which("ldd") is None:
        raise SystemExit("needs dpkg and ldd: a Debian or Ubuntu system")
    files, inside = [Path(f) for f in files], [Path(r).resolve() for r in inside]
    where, missing = _ldd(files, lib_dirs)
    result = SystemNeeds(loaded=set(files) | {p for p in where.values() if _under(p, inside)})
    versions = set()
    for path in sorted(result.loaded):
        needs = elf_needs(path)
        versions |= needs.glibc
        for soname in needs.needed:
            result.needed_by.setdefault(soname, set()).add(path.name)
    for soname, users in missing.items():  # needed by a library that is itself missing: name who loads it
        result.needed_by.setdefault(soname, users)
    result.glibc = max(versions) if versions else None
    outside = {}
    for soname in result.needed_by:
        if soname.startswith("ld-linux") or soname in missing:  # the loader comes with libc6; missing: below
            continue
        if soname not in where:
            result.unresolved[soname] = "ldd did not resolve it"
        elif not _under(where[soname], inside):
            outside[soname] = where[soname]
    for soname in missing:
        result.unresolved[soname] = _hint(soname)
    owners = _owners(outside.values())
    for soname, path in sorted(outside.items()):
        if str(path) not in owners:
            result.unresolved[soname] = f"{path} belongs to no package (installed by hand?)"
        for package in owners.get(str(path), ()):
            result.packages.setdefault(package, set()).add(soname)
    return result


def qt_needs(pyside: Path | None = None) -> SystemNeeds:
    """``system_needs`` of the Qt pieces nndesk loads, from the PySide6 in this Python (or ``pyside``)."""
    dirs = pyside_dirs() if pyside is None else [pyside, pyside.parent / "shiboken6"]
    return system_needs(qt_pieces(dirs[0]), inside=dirs, lib_dirs=[dirs[0] / "Qt" / "lib"])


# ---- apt-packages.txt -------------------------------------------------------------------
def read_list(path: Path = APT_LIST) -> list[str]:
    return path.read_text().split()


def _provides(packages: set[str]) -> dict[str, set[str]]:
    """package → the names it Provides (installed packages only)."""
    if not packages:
        return {}  # dpkg-query -W without names would list every package
    out = subprocess.run(["dpkg-query", "-W", "-f", "${Package}\t${Provides}\n", *packages],
                         capture_output=True, text=True).stdout
    return {name: {p.split()[0] for p in provides.split(",") if p.strip()}
            for name, _, provides in (line.partition("\t") for line in out.splitlines())}


def compare(derived: Iterable[str], listed: Iterable[str]) -> tuple[list[str], list[str]]:
    """(packages missing from the list, listed names neither derived nor extra).

    A listed name counts for a derived package that Provides it (a renamed library, e.g. …t64).
    """
    wanted, listed = set(derived) | set(EXTRA), set(listed)
    provides = _provides(set(derived) - listed)
    missing = sorted(p for p in wanted - listed if not provides.get(p, set()) & listed)
    covered = wanted | set().union(*provides.values())
    return missing, sorted(listed - covered)


def write_list(derived: Iterable[str], path: Path = APT_LIST) -> None:
    path.write_text("\n".join(sorted(derived)) + "\n\n" + "\n".join(EXTRA) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--why", action="store_true", help="show the libraries behind each package")
    mode.add_argument("--check", action="store_true", help=f"exit 1 if {APT_LIST.name} lacks a package")
    mode.add_argument("--write", action="store_true", help=f"rewrite {APT_LIST.name}")
    parser.add_argument("--pyside", type=Path, help="the PySide6 package directory (default: this Python's)")
    args = parser.parse_args(argv)
    needs = qt_needs(args.pyside)
    if needs.unresolved:
        print(needs.unresolved_message(), file=sys.stderr)
        return 1
    if args.check:
        missing, unknown = compare(needs.packages, read_list())
        if unknown:
            print(f"note: {APT_LIST.name} also lists {', '.join(unknown)} (neither derived nor in EXTRA)",
                  file=sys.stderr)
        if missing:
            print(f"{APT_LIST.name} lacks {', '.join(missing)}: run {Path(__file__).name} --write", file=sys.stderr)
            return 1
        print(f"{APT_LIST.name} has all {len(needs.packages)} derived packages")
    elif args.write:
        write_list(needs.packages)
        print(f"wrote {len(needs.packages)} derived + {len(EXTRA)} extra packages to {APT_LIST}")
    elif args.why:
        for package, sonames in sorted(needs.packages.items()):
            users = sorted({u for s in sonames for u in needs.needed_by[s]})
            more = f" and {len(users) - 4} more" if len(users) > 5 else ""
            print(f"{package:20} {', '.join(sorted(sonames))}  ← {', '.join(users[:4] if more else users)}{more}")
    else:
        print("\n".join(sorted(needs.packages)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
