"""What a session file's own parts must be before the window uses any of it.

``session_io`` opens the container and hands each part to its owner's checks: the network,
optimizer, history and recipe to ``model_io``/``model_check``, my digits to ``my_digits``, the
runs to ``RunRecord.from_dict``.  What only a session has is checked here: its description
(``session.json``: format, version, pace, the parts it lists, the window layout), JSON read with
limits, and the points of a hand-made set (as ``engine.data.table`` checks any table).  Each
failure is one ``Invalid`` phrase ("has …") that ``session_io`` puts after the file's name.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from nndesk.engine.core.dataset import Dataset
from nndesk.engine.data.table import MAX_CLASSES, TableProblem, table_dataset

FORMAT = "nndesk-session"
FORMAT_VERSION = 1
MAX_PACE = 1000.0  # epochs per second; the dock offers up to 100 (and 0: as fast as possible)
MAX_LAYOUT = 256 * 1024  # bytes of saveState()/saveGeometry(): a few KB in practice
MAX_DEPTH = 32  # nesting of a JSON part: nndesk writes at most 4 levels
# Qt's own headers: QMainWindow::saveState starts with the int VersionMarker 0xff, then the version;
# QWidget::saveGeometry with the magic number 0x1D9D0CB.  Bytes without them are not a layout.
STATE_MARKER = b"\x00\x00\x00\xff"
GEOMETRY_MAGIC = b"\x01\xd9\xd0\xcb"


class Invalid(ValueError):
    """One thing wrong with a session's contents, as a phrase: "has … "."""


@dataclass(frozen=True)
class Layout:
    """The window's docks and toolbars (``saveState(version)``) and its size and place (``saveGeometry``)."""

    state: bytes
    geometry: bytes
    version: int

    def to_json(self) -> dict[str, Any]:
        return {"state": base64.b64encode(self.state).decode("ascii"),
                "geometry": base64.b64encode(self.geometry).decode("ascii"), "version": self.version}


def parse_json(data: bytes, what: str, allow_nan: bool = False) -> Any:
    """JSON text of a part (its size was capped before reading): UTF-8, not too deep, NaN only if allowed."""
    def no_constant(name: str) -> Any:
        raise Invalid(f"has {name} in {what}, which is not a number nndesk writes there")
    try:
        out = json.loads(data.decode("utf-8"), **({} if allow_nan else {"parse_constant": no_constant}))
    except Invalid:
        raise
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise Invalid(f"has {what} that is not valid JSON ({type(e).__name__})") from None
    if _depth(out) > MAX_DEPTH:
        raise Invalid(f"has {what} nested deeper than {MAX_DEPTH} levels")
    return out


def _depth(v: Any) -> int:
    """How deeply lists and objects nest (iteratively: a hostile file can't exhaust the stack here)."""
    deepest, todo = 0, [(v, 1)]
    while todo:
        item, depth = todo.pop()
        if isinstance(item, (list, dict)):
            deepest = max(deepest, depth)
            todo.extend((x, depth + 1) for x in (item.values() if isinstance(item, dict) else item))
    return deepest


def description(meta: Any, members: set[str], known: tuple[str, ...]) -> dict[str, Any]:
    """``session.json``: nndesk's format, a version this nndesk reads, and exactly the parts it lists."""
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise Invalid("is not an nndesk session (its description is another program's)")
    version = meta.get("format_version")
    if not _is_int(version) or version < 1:
        raise Invalid(f"has an invalid session format version {_short(version)}")
    if version > FORMAT_VERSION:
        raise Invalid(f"was saved by a newer nndesk ({_short(meta.get('nndesk_version', '?'))}, session format "
                      f"{version}; this nndesk reads up to {FORMAT_VERSION}); update nndesk")
    parts = meta.get("parts")
    if not isinstance(parts, list) or not all(isinstance(p, str) and p in known for p in parts) \
            or len(set(parts)) != len(parts):
        raise Invalid(f"lists parts {_short(parts)} that an nndesk session does not have")
    if set(parts) != members:
        raise Invalid(f"lists the parts {', '.join(sorted(parts))} but holds {', '.join(sorted(members))}")
    pace = meta.get("pace", 0.0)
    if not _is_number(pace) or not 0 <= pace <= MAX_PACE:
        raise Invalid(f"has a pace of {_short(pace)} epochs per second (0 to {MAX_PACE:g})")
    for key in ("saved", "nndesk_version"):
        if not isinstance(meta.get(key, ""), str):
            raise Invalid(f"has a {key} that is not text ({_short(meta.get(key))})")
    pid = meta.get("pid", 0)
    if not _is_int(pid) or not 0 <= pid < 2**31:
        raise Invalid(f"has a process id {_short(pid)} that is not one")
    return meta


def layout(raw: Any) -> Layout | None:
    """The window layout, or None; its bytes must decode and start as Qt writes them."""
    if raw is None:
        return None
    if not isinstance(raw, dict) or set(raw) != {"state", "geometry", "version"} or not _is_int(raw["version"]):
        raise Invalid(f"has a window layout that is not one ({_short(raw)})")
    blobs = []
    for key, head in (("state", STATE_MARKER), ("geometry", GEOMETRY_MAGIC)):
        text = raw[key]
        if not isinstance(text, str) or len(text) > MAX_LAYOUT * 4 // 3 + 4:
            raise Invalid(f"has a window layout whose {key} is not text of at most {MAX_LAYOUT:,} bytes")
        try:
            blob = base64.b64decode(text.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError, ValueError):
            raise Invalid(f"has a window layout whose {key} is not base64") from None
        if not blob.startswith(head):
            raise Invalid(f"has a window layout whose {key} is not what Qt saves (garbage bytes)")
        blobs.append(blob)
    if raw["version"] != int.from_bytes(blobs[0][4:8], "big", signed=True):
        raise Invalid("has a window layout whose version does not match its bytes")
    return Layout(blobs[0], blobs[1], raw["version"])


def points(meta: Any, arrays: dict[str, np.ndarray]) -> Dataset:
    """The set the student clicked together or imported: exactly x and y, checked as any table nndesk learns
    from (``table_dataset``: 1–100 finite input columns, at most 100,000 rows, whole class labels), and
    labelled within the classes it says it has.  No rows is fine: a student may clear the plane and save."""
    if not isinstance(meta, dict) or set(meta) != {"name", "n_classes"} or not isinstance(meta["name"], str) \
            or not _is_int(meta["n_classes"]) or not 2 <= meta["n_classes"] <= MAX_CLASSES:
        raise Invalid(f"has hand-made points described wrongly ({_short(meta)})")
    x, y = arrays.get("x"), arrays.get("y")
    if x is None or y is None or set(arrays) != {"x", "y"}:
        raise Invalid(f"has hand-made points without exactly x and y (it holds {', '.join(sorted(arrays))})")
    if y.ndim != 1:
        raise Invalid(f"has hand-made points whose labels have shape {y.shape}; one label per point is needed")
    try:
        out = table_dataset(meta["name"], x, y, meta["n_classes"])
    except TableProblem as e:
        raise Invalid(f"has hand-made points that are no table to learn from ({e})") from None
    if out.n_classes != meta["n_classes"]:
        raise Invalid(f"has hand-made points whose labels are not classes 0…{meta['n_classes'] - 1}")
    return out


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _short(v: Any) -> str:
    text = repr(v)
    return text if len(text) <= 60 else text[:57] + "…"
