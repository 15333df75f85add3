"""Build nndesk's installers: a PyInstaller bundle, and from it a Debian package.

    python packaging/build.py icons    # re-render resources/icons/nndesk-<N>.png from nndesk.svg
    python packaging/build.py bundle   # dist/nndesk/ (onedir; on macOS also dist/nndesk.app)
    python packaging/build.py deb      # bundle, then dist/nndesk_<version>_<arch>.deb

The Windows (``windows/nndesk.iss``) and macOS (``macos/make_dmg.sh``)
recipes wrap the output of ``bundle``.  Inside the bundle the data files sit
under ``nndesk/resources/``, where ``nndesk.paths.resource`` looks in a frozen
app.  Qt modules and Python packages the app never imports are excluded:
they would triple the download, and a package found only because it is
installed in the build environment (matplotlib, scipy, …) is dead weight.
Never pass ``--strip``: stripping numpy's bundled OpenBLAS breaks it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import system_deps  # packaging/system_deps.py, beside this file

ROOT = Path(__file__).resolve().parent.parent
DIST, BUILD = ROOT / "dist", ROOT / "build"
ICONS = ROOT / "resources" / "icons"
LINUX = ROOT / "packaging" / "linux"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)

# Qt modules the app, pyqtgraph (which needs QtOpenGL*) and the icon code don't use.
QT_UNUSED = """Qt3DAnimation Qt3DCore Qt3DExtras Qt3DInput Qt3DLogic Qt3DRender QtBluetooth QtCharts
    QtConcurrent QtDataVisualization QtDBus QtDesigner QtGraphs QtGraphsWidgets QtHelp QtHttpServer
    QtLocation QtMultimedia QtMultimediaWidgets QtNetwork QtNetworkAuth QtNfc QtPdf QtPdfWidgets
    QtPositioning QtPrintSupport QtQml QtQuick QtQuick3D QtQuickControls2 QtQuickWidgets
    QtRemoteObjects QtScxml QtSensors QtSerialBus QtSerialPort QtSpatialAudio QtSql QtStateMachine
    QtSvgWidgets QtTest QtTextToSpeech QtUiTools QtWebChannel QtWebEngineCore QtWebEngineQuick
    QtWebEngineWidgets QtWebSockets QtWebView QtXml""".split()
# Python packages that are importable in a dev environment but never used by nndesk.
PY_UNUSED = """tkinter _tkinter matplotlib scipy pandas sklearn torch IPython jupyter_rfb h5py cupy numba
    colorcet OpenGL PIL pyqtgraph.opengl pyqtgraph.examples pyqtgraph.jupyter mlxtend pytest
    hypothesis PyQt5 PyQt6 PySide2""".split()
# Qt plugins for embedded displays, remote desktops, touch devices and the GTK theme (which needs GTK).
UNUSED_PLUGINS = (r"plugins/(egldeviceintegrations|generic)/|plugins/platforms/.*(eglfs|linuxfb|vnc|vkkhrdisplay"
                  r"|minimalegl)|plugins/platformthemes/.*gtk|Qt6EglF[sS]")
# Linux libraries always taken from the OS, even where Python's modules need them (see nndesk.spec).
FROM_OS = r"^lib(stdc\+\+|gcc_s)\.so"


def version() -> str:
    sys.path.insert(0, str(ROOT))
    import nndesk

    return nndesk.__version__


def run(cmd: list[str], **kw) -> None:
    print("+", " ".join(map(str, cmd)), flush=True)
    subprocess.run(cmd, check=True, **kw)


# ---- icons ---------------------------------------------------------------------
def render_icon(size: int) -> bytes:
    """PNG bytes of nndesk.svg at size×size, drawn by Qt's own SVG renderer."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (QPainter needs one)
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(ICONS / "nndesk.svg")).render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def write_pngs() -> None:
    for n in PNG_SIZES:
        (ICONS / f"nndesk-{n}.png").write_bytes(render_icon(n))
    print(f"wrote nndesk-{{{','.join(map(str, PNG_SIZES))}}}.png to {ICONS}")


def write_ico(path: Path) -> Path:
    """A Windows .ico holding PNG images (valid since Vista); a size of 256 is written as 0."""
    images = [(n, render_icon(n)) for n in PNG_SIZES]
    offset = 6 + 16 * len(images)
    head = struct.pack("<HHH", 0, 1, len(images))
    for n, png in images:
        head += struct.pack("<BBBBHHII", n % 256, n % 256, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    path.write_bytes(head + b"".join(png for _, png in images))
    return path


def write_icns(path: Path) -> Path:
    """A macOS .icns of PNG entries: (OSType, pixel size) pairs as Apple's iconutil writes them."""
    kinds = [(b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
             (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512)]
    body = b"".join(kind + struct.pack(">I", 8 + len(png)) + png
                    for kind, png in ((k, render_icon(n)) for k, n in kinds))
    path.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
    return path


# ---- bundle --------------------------------------------------------------------
def bundle() -> Path:
    """PyInstaller onedir bundle in dist/nndesk (and dist/nndesk.app on macOS); see nndesk.spec."""
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", str(DIST),
         "--workpath", str(BUILD / "pyinstaller"), str(ROOT / "packaging" / "nndesk.spec")], cwd=ROOT)
    for link in (DIST / "nndesk").rglob("*"):
        if link.is_symlink() and not link.exists():  # PyInstaller's shortcut to a library the spec dropped
            link.unlink()
    return DIST / "nndesk"


# ---- Debian package ------------------------------------------------------------
def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)  # the bundle is ~200 MB: hard links make staging instant
    except OSError:
        shutil.copy2(src, dst)


def _normalise_modes(root: Path) -> None:
    """0755 for directories and executables, 0644 for the rest, as Debian policy asks."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        path.chmod(0o755 if path.is_dir() or mode & 0o111 else 0o644)


def _installed_kib(root: Path) -> int:
    """Installed-Size as dpkg-gencontrol counts it: KiB per file, rounded up, plus one per entry."""
    return sum(-(-p.lstat().st_size // 1024) if p.is_file() and not p.is_symlink() else 1 for p in root.rglob("*"))


def system_depends(bundle_dir: Path) -> list[str]:
    """The Debian packages that provide the libraries the bundle loads from the OS.

    Every ELF file's NEEDED entries that the bundle doesn't carry are resolved
    the way the loader will (``ldd``) and mapped to their package (``dpkg -S``),
    so the names fit the build machine's release (libglib2.0-0 vs …-0t64); see
    ``system_deps.system_needs``, which also derives packaging/apt-packages.txt.
    A library not installed here stops the build: left out of Depends, it would
    make the installed app fail on a machine that lacks it too.  libc6 gets the
    newest GLIBC symbol version any file asks for, so apt refuses the package on
    a system too old to run it.
    """
    elfs = [p for p in bundle_dir.rglob("*") if p.is_file() and not p.is_symlink() and system_deps.is_elf(p)]
    lib_dirs = sorted({p.parent for p in elfs if ".so" in p.name})
    needs = system_deps.system_needs(elfs, inside=[bundle_dir], lib_dirs=lib_dirs)
    if needs.unresolved:
        raise SystemExit(f"error: the bundle's Depends cannot be complete. {needs.unresolved_message()}")
    packages = set(needs.packages)
    if needs.glibc and "libc6" in packages:
        packages = packages - {"libc6"} | {f"libc6 (>= {'.'.join(map(str, needs.glibc))})"}
    return sorted(packages)


def deb(skip_bundle: bool = False) -> Path:
    bundle_dir = DIST / "nndesk" if skip_bundle else bundle()
    arch = subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True, text=True).stdout.strip()
    stage = BUILD / "deb" / "root"
    shutil.rmtree(stage.parent, ignore_errors=True)
    shutil.copytree(bundle_dir, stage / "opt" / "nndesk", symlinks=True, copy_function=_link_or_copy)
    files = {
        LINUX / "nndesk.sh": "usr/bin/nndesk",
        LINUX / "nndesk.desktop": "usr/share/applications/nndesk.desktop",
        LINUX / "copyright": "usr/share/doc/nndesk/copyright",
        ICONS / "nndesk.svg": "usr/share/icons/hicolor/scalable/apps/nndesk.svg",
        **{ICONS / f"nndesk-{n}.png": f"usr/share/icons/hicolor/{n}x{n}/apps/nndesk.png" for n in PNG_SIZES},
    }
    for src, dst in files.items():
        (stage / dst).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(src, stage / dst)
    (stage / "usr/bin/nndesk").chmod(0o755)
    _normalise_modes(stage)
    control = (LINUX / "control.in").read_text().format(
        version=version(), arch=arch, installed_size=_installed_kib(stage),
        depends=", ".join(system_depends(stage / "opt" / "nndesk")))
    meta = stage / "DEBIAN"
    meta.mkdir()
    (meta / "control").write_text(control)
    for script in ("postinst", "postrm"):
        shutil.copy(LINUX / script, meta / script)
        (meta / script).chmod(0o755)
    out = DIST / f"nndesk_{version()}_{arch}.deb"
    # -z1 xz: within a few MB of the default level, in seconds instead of minutes.
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z1", "--build", str(stage), str(out)])
    print(f"built {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("icons", help="re-render the PNG icons from resources/icons/nndesk.svg")
    sub.add_parser("bundle", help="PyInstaller onedir bundle in dist/nndesk")
    p_deb = sub.add_parser("deb", help="bundle, then a Debian package in dist/")
    p_deb.add_argument("--skip-bundle", action="store_true", help="package the existing dist/nndesk")
    args = parser.parse_args(argv)
    if args.command == "icons":
        write_pngs()
    elif args.command == "bundle":
        print(f"built {bundle()}")
    else:
        deb(args.skip_bundle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
