"""The layout stays true: import contracts hold, the document stays a model, modules stay readable."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "nndesk"


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth (imports inside functions count too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_import_contracts_are_kept() -> None:
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    if lint is None:
        pytest.fail("lint-imports is missing: pip install -e '.[test]' installs import-linter")
    done = subprocess.run([lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    kept = re.search(r"Contracts: (\d+) kept, 0 broken", done.stdout)
    assert kept and int(kept.group(1)) >= 5, done.stdout[-2000:]


def test_the_document_imports_no_widgets() -> None:
    """The single writer of the network is a model: views may listen to it, it never builds one."""
    for path in (PACKAGE / "app" / "document").glob("*.py"):
        bad = {m for m in _imports(path) if m.startswith(("PySide6.QtWidgets", "pyqtgraph"))}
        assert not bad, f"{path.name} imports {sorted(bad)}"


MAX_LINES = 300  # one concept per module, readable in a sitting


def test_no_module_is_over_300_lines() -> None:
    long = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > MAX_LINES:
            long[path.relative_to(ROOT).as_posix()] = n
    assert not long, f"split these modules (over {MAX_LINES} lines): {long}"


def test_every_package_is_installed() -> None:
    """pyproject lists the packages by hand (resources/ is mapped into nndesk): a new folder left out of it
    works from the clone and is missing from every installation (``pip install .``, the .deb)."""
    block = re.search(r"^packages = \[(.*?)\]", (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M | re.S)
    listed = set(re.findall(r'"([\w.]+)"', block.group(1)))
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in PACKAGE.rglob("__init__.py")}
    assert on_disk - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
