"""Refresh resources/nndesk_<lang>.ts from the app's source and compile the .qm files that ship.

    python packaging/update_translations.py          # lupdate + lrelease
    python packaging/update_translations.py --check  # also fail if a string has no translation

Scans every ``nndesk/app/**/*.py`` (all engineers' widgets, not just the main
window) and ``nndesk/*.py`` (the command line), so a new ``self.tr("…")`` or
``translate("context", "…")`` anywhere in the GUI or the CLI lands in the .ts.
Runs the ``pyside6-lupdate``/``pyside6-lrelease`` next to this Python, with
sorted inputs and no source locations, so the output depends only on the
strings: rerunning it changes nothing.  English is the source language;
``nndesk_en.ts`` exists so translators can fix English wording without
touching code (its entries are left unfinished = the source text).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("ru",)
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    path = BIN / name
    return str(path) if path.exists() else name


def sources() -> list[str]:
    """The GUI (every ``nndesk/app/**/*.py``) and the top-level modules: the command line, its shared
    catalogue helpers (``language.py``, ``error_texts.py``).  The engine has no strings to translate."""
    package = ROOT / "nndesk"
    return sorted(str(p.relative_to(ROOT)) for p in [*(package / "app").rglob("*.py"), *package.glob("*.py")])


def update(lang: str) -> Path:
    ts = ROOT / "resources" / f"nndesk_{lang}.ts"
    done = subprocess.run([tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", "-target-language", lang,
                           *sources(), "-ts", str(ts.relative_to(ROOT))], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:  # e.g. a source file that does not parse
        sys.exit(f"pyside6-lupdate failed:\n{done.stdout}{done.stderr}")
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts.relative_to(ROOT)), "-qm",
                    str(ts.with_suffix(".qm").relative_to(ROOT))], cwd=ROOT, check=True)
    return ts


def untranslated(ts: Path) -> list[str]:
    """Source strings whose translation is missing or marked unfinished."""
    text = ts.read_text(encoding="utf-8")
    return [re.sub(r"\s+", " ", src) for src, tr in
            re.findall(r"<source>(.*?)</source>.*?<translation([^>]*)>", text, flags=re.S) if "unfinished" in tr]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if any string lacks a translation")
    args = parser.parse_args(argv)
    missing = 0
    for lang in LANGUAGES:
        ts = update(lang)
        todo = untranslated(ts)
        missing += len(todo)
        print(f"{ts.relative_to(ROOT)}: {len(todo)} untranslated" + "".join(f"\n  {s}" for s in todo[:50]))
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
