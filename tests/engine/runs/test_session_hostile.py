"""Hostile session files: each ends in one SessionError line naming the file and what is wrong."""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from nndesk.engine.runs.session_io import SessionError, load_session, peek_session
from tests.engine.runs import session_parts as parts

Parts = dict[str, bytes]


def _json_edit(edit: Callable[[dict], object]) -> Callable[[Parts], None]:
    def apply(m: Parts) -> None:
        meta = json.loads(m["session.json"])
        edit(meta)
        m["session.json"] = json.dumps(meta).encode()
    return apply


def _model_edit(edit: Callable[[dict[str, np.ndarray], dict], None]) -> Callable[[Parts], None]:
    def apply(m: Parts) -> None:
        arrays = parts.npz_members(m["model.npz"])
        meta = json.loads(arrays.pop("metadata").tobytes())
        edit(arrays, meta)
        m["model.npz"] = parts.npz_bytes({**arrays, "metadata": np.frombuffer(json.dumps(meta).encode(), np.uint8)})
    return apply


def _points(x: np.ndarray, y: np.ndarray) -> Callable[[Parts], None]:
    def apply(m: Parts) -> None:
        m["points.npz"] = parts.npz_bytes({"x": x, "y": y})
    return apply


def _set(name: str, data: bytes) -> Callable[[Parts], None]:
    return lambda m: m.__setitem__(name, data)


def _nan_w0(arrays: dict, _meta: dict) -> None:
    arrays["W0"] = np.full_like(arrays["W0"], np.nan)


def _bad_sizes(_arrays: dict, meta: dict) -> None:
    meta["sizes"] = [2, 7, 2]


def _pickled(arrays: dict, _meta: dict) -> None:
    arrays["W1"] = np.array([object()], dtype=object)


def _garbage_layout(meta: dict) -> None:
    meta["layout"]["state"] = "Z2FyYmFnZSBieXRlcw=="  # base64 of b"garbage bytes"


def _bad_run(m: Parts) -> None:
    runs = json.loads(m["runs.json"])
    runs[0]["history"][0]["train_cost"] = "lots"
    m["runs.json"] = json.dumps(runs).encode()


def _bad_digit(m: Parts) -> None:
    arrays = parts.npz_members(m["my-digits.npz"])
    arrays["y"] = arrays["y"].copy()
    arrays["y"][0] = 42
    m["my-digits.npz"] = parts.npz_bytes(arrays)


def _nested(depth: int) -> bytes:
    return ("[" * depth + "]" * depth).encode()


CASES: dict[str, tuple[Callable[[Parts], None], str]] = {
    "nan weights in the model": (_model_edit(_nan_w0), "NaN"),
    "a model that fails model_check": (_model_edit(_bad_sizes), "model.npz"),
    "a pickled array in the model": (_model_edit(_pickled), "Python objects"),
    "garbage layout bytes": (_json_edit(_garbage_layout), "layout"),
    "layout not base64": (_json_edit(lambda meta: meta["layout"].__setitem__("geometry", "%%%")), "base64"),
    "a newer format": (_json_edit(lambda meta: meta.__setitem__("format_version", 99)), "newer nndesk"),
    "another program's json": (_json_edit(lambda meta: meta.__setitem__("format", "x")), "not an nndesk session"),
    "an infinite pace": (_set("session.json", b'{"format": "nndesk-session", "pace": Infinity}'), "Infinity"),
    "a negative pace": (_json_edit(lambda meta: meta.__setitem__("pace", -1)), "pace"),
    "parts it does not hold": (_json_edit(lambda meta: meta["parts"].remove("runs.json")), "holds"),
    "json that is not json": (_set("session.json", b"{'format': nndesk"), "not valid JSON"),
    "json nested very deep": (_set("session.json", _nested(100_000)), "session.json"),
    "json nested a little too deep": (_set("runs.json", _nested(40)), "nested deeper"),
    "huge json": (_set("session.json", b" " * (2**20 + 10) + b"{}"), "more than nndesk reads"),
    "an unknown member": (_set("evil.pkl", b"cos\nsystem\n"), "evil.pkl"),
    "a path as member name": (_set("../model.npz", b""), "../model.npz"),
    "no model": (lambda m: m.pop("model.npz"), "lacks model.npz"),
    "nan points": (_points(np.full((4, 2), np.nan, np.float32), np.zeros(4, np.int64)), "NaN"),
    "points labelled beyond the classes": (_points(np.zeros((4, 2), np.float32), np.arange(4)), "labels"),
    "points of the wrong shape": (_points(np.zeros((4, 101), np.float32), np.zeros(4, np.int64)), "columns"),
    "points with a label each too many": (_points(np.zeros((4, 2), np.float32), np.zeros((4, 2), np.int64)),
                                          "one label per point"),
    "a run that is not one": (_bad_run, "run"),
    "a digit labelled 42": (_bad_digit, "my digits"),
    "my digits that are not an npz": (_set("my-digits.npz", b"hello"), "my digits"),
}


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    return parts.saved(tmp_path_factory.mktemp("good") / "good.nndesk")


def _refused(path: Path, words: str) -> str:
    with pytest.raises(SessionError) as info:
        load_session(path)
    text = str(info.value)
    assert text.startswith(str(path) + ": ") and "\n" not in text and words in text, text
    return text


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_member_is_refused_with_one_line(good, tmp_path, case):
    edit, words = CASES[case]
    m = parts.members(good)
    edit(m)
    _refused(parts.rezip(tmp_path / "bad.nndesk", m), words)


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.999])
def test_truncated_file(good, tmp_path, keep):
    data = good.read_bytes()
    path = tmp_path / "cut.nndesk"
    path.write_bytes(data[:int(len(data) * keep)])
    with pytest.raises(SessionError, match="cut.nndesk: "):
        load_session(path)


def test_not_a_zip(tmp_path):
    path = tmp_path / "notes.nndesk"
    path.write_text("my notes")
    _refused(path, "not a zip")


def test_zip_bomb_stops_at_the_cap(good, tmp_path):
    """A member that inflates to 64 MB of zeros is refused by its declared size…"""
    m = parts.members(good)
    m["runs.json"] = b"0" * (64 * 2**20)
    path = parts.rezip(tmp_path / "bomb.nndesk", m)
    assert path.stat().st_size < 2**20
    _refused(path, "more than nndesk reads")


def test_zip_bomb_that_lies_about_its_size(good, tmp_path):
    """…and one whose zip headers claim a small size is stopped by counting what really inflates."""
    m = parts.members(good)
    big = b" " * (8 * 2**20) + b"{}"
    m["session.json"] = big
    path = parts.rezip(tmp_path / "liar.nndesk", m)
    data = bytearray(path.read_bytes())
    size = len(big).to_bytes(4, "little")
    for start in range(len(data) - 4):  # the local header and the central directory both carry the size
        if data[start:start + 4] == size:
            data[start:start + 4] = (100).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as zf:
        assert zf.getinfo("session.json").file_size == 100
    _refused(path, "session.json")


def test_a_fifo_is_refused_without_waiting(tmp_path):
    path = tmp_path / "pipe.nndesk"
    os.mkfifo(path)
    _refused(path, "named pipe")


def test_peek_refuses_what_load_refuses(tmp_path):
    path = tmp_path / "notes.nndesk"
    path.write_text("my notes")
    with pytest.raises(SessionError, match="not a zip"):
        peek_session(path)


def test_the_temporary_folder_is_not_named_in_part_messages(good, tmp_path):
    m = parts.members(good)
    _bad_digit(m)
    text = _refused(parts.rezip(tmp_path / "bad.nndesk", m), "my digits")
    assert "nndesk-session-" not in text
