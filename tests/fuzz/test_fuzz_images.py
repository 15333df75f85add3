"""Fuzz the image reader: ≥ 500 hostile PNG, BMP, GIF, JPEG, SVG and SVGZ files in a 1 GiB worker.

Each file goes through ``read_digit_image`` twice, as the two places that
open images run it: on the command line (no QGuiApplication: vector files
must be refused, not abort the process) and in the window (an offscreen
QGuiApplication: SVGs are drawn, bounded).  Every case must end as a 28×28
digit or one clean ImageError line, with nothing printed (libpng, Qt) — never
a MemoryError, another exception, a crash or a hang.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import numpy as np
import pytest

from nndesk.paths import resource
from tests.fuzz import image_mutations as mutations
from tests.fuzz.cases import CASES, collect, special_paths
from tests.fuzz.harness import assert_no_crash, run_cases

CLEAN = ["nndesk.imageio:ImageError"]
ON_THE_COMMAND_LINE = "nndesk.imageio:read_digit_image"
IN_THE_WINDOW = "image_app:read_in_window"
SECONDS = 2.0  # per case: a drawing that takes longer is a time bomb (cases take ≤ 0.1 s; 512 blurs took 3 s)
NATURAL = {"png": ".png", "png-rgba": ".png", "bmp": ".bmp", "bmp-rle8": ".bmp", "gif": ".gif", "jpeg": ".jpg",
           "jpeg-progressive": ".jpg", "svgz": ".svgz", "svgz-bomb": ".svgz"}


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict:
    """The unmutated bases, then ≥ 500 distinct mutated files (hypothesis, derandomized), and the special paths."""
    raw = gzip.decompress(resource("mnist-5k-images-idx3-ubyte.gz").read_bytes())
    digit = np.frombuffer(raw, np.uint8, offset=16 + 784 * 3, count=784).reshape(28, 28)
    folder = tmp_path_factory.mktemp("images")
    bases = [(name, [], NATURAL.get(name, ".svg")) for name in mutations.RASTER + mutations.VECTOR]
    cases = [mutations.concrete(c) for c in collect(mutations.cases(), 2 * CASES)]
    paths, names, seen = [], {}, set()
    for case in bases + cases:
        data = mutations.apply(case, digit)
        key = hashlib.sha1(data + case[2].encode()).digest()
        if key in seen:
            continue
        seen.add(key)
        path = folder / f"case{len(paths):04d}{case[2]}"
        path.write_bytes(data)
        paths.append(path)
        names[str(path)] = f"case {len(paths) - 1} {case!r}"[:300]
    return {"bases": paths[:len(bases)], "base_names": [b[0] for b in bases], "mutated": paths[len(bases):],
            "names": names, "special": special_paths(folder / "special"), "cases": cases}


def _check(outcomes, names: dict) -> None:
    assert_no_crash(outcomes, names)
    noisy = [f"{names.get(o.path, o.path)}: {o.output!r}" for o in outcomes if o.output]
    assert not noisy, f"{len(noisy)} cases printed something, e.g. {noisy[:3]}"  # libpng's lines, Qt's warnings
    assert max(o.peak_kb for o in outcomes) < 600_000


def test_on_the_command_line_every_image_is_a_digit_or_one_clean_line(files):
    assert len(files["mutated"]) >= CASES
    paths = [*files["bases"], *files["mutated"], *files["special"]]
    outcomes = run_cases(ON_THE_COMMAND_LINE, paths, clean=CLEAN, case_seconds=SECONDS)
    _check(outcomes, files["names"])
    by_base = dict(zip(files["base_names"], outcomes))
    assert all(by_base[name].status == "ok" for name in mutations.RASTER), by_base  # the limit leaves room
    assert all("is a vector drawing (SVG)" in by_base[name].detail for name in mutations.VECTOR)
    assert all(o.status == "clean" for o in outcomes[-len(files["special"]):])
    kinds = {o.status for o in outcomes[len(files["bases"]):-len(files["special"])]}
    assert kinds == {"ok", "clean"}  # the mutations reach both ends


def test_in_the_window_svgs_are_drawn_bounded_and_everything_else_still_holds(files):
    vector = [p for p in files["mutated"] if p.suffix in (".svg", ".svgz") or Path(p).read_bytes()[:2] == b"\x1f\x8b"
              or b"<svg" in Path(p).read_bytes()[:200]]
    outcomes = run_cases(IN_THE_WINDOW, [*files["bases"], *vector], clean=CLEAN, case_seconds=SECONDS)
    _check(outcomes, files["names"])
    by_base = dict(zip(files["base_names"], outcomes))
    drawn = [name for name in mutations.VECTOR if by_base[name].status == "ok"]
    assert set(drawn) == set(mutations.VECTOR) - {"svgz-bomb"}, by_base
    assert "unpacks to more than 2 MB" in by_base["svgz-bomb"].detail
    assert len(vector) > 150 and sum(o.status == "ok" for o in outcomes[len(files["bases"]):]) > 30
