"""Fuzz the data readers: ≥ 500 hostile files each for IDX (raw and .gz) and digit .npz, in a 1 GiB worker.

Every case must end as a data set or one clean DataError line — never a
MemoryError, another exception, a crash or a hang.  For IDX the outcome is
also checked against the format's definition: a valid file must load, an
invalid one must be refused.
"""

from __future__ import annotations

import gzip
import math
import random
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import strategies as st

from nndesk.paths import resource
from tests.fuzz import forge, npz_mutations
from tests.fuzz.cases import CASES, collect, special_paths, write_cases
from tests.fuzz.harness import assert_no_crash, run_cases, worker_env

READ_IDX = "nndesk.engine.data.readers:read_idx"
READ_NPZ = "nndesk.engine.data.readers:read_npz"

# ---- IDX ---------------------------------------------------------------------------------------------------
IDX_KINDS = ("cut", "extend", "set", "dims", "type", "ndim")
GZ_KINDS = ("none", "gz-cut", "gz-flip", "gz-tail", "gz-twice", "gz-raw-deflate", "gz-magic-only")
SEED = st.integers(0, 2**32 - 1)
IDX_CASES = st.tuples(st.sampled_from(["digits", "flat", "any"]), SEED,
                      st.lists(st.tuples(st.sampled_from(IDX_KINDS), SEED), max_size=3), st.sampled_from(GZ_KINDS),
                      SEED)


def idx_concrete(case: tuple) -> tuple:
    """(shape, [op, …], gzip op): each part's details drawn from its seed."""
    layout, shape_seed, ops, gz_kind, gz_seed = case
    rng = random.Random(shape_seed)
    shape = {"digits": (rng.randrange(1, 4), 28, 28), "flat": (rng.randrange(1, 13),),
             "any": tuple(rng.randrange(1, 5) for _ in range(rng.randrange(1, 5)))}[layout]
    concrete = [_idx_op(kind, random.Random(seed)) for kind, seed in ops]
    rng = random.Random(gz_seed)
    gz_op = {"none": None, "gz-cut": ("gz-cut", rng.random()),
             "gz-flip": ("gz-flip", rng.random(), rng.randrange(1, 256)),
             "gz-tail": ("gz-tail", rng.randbytes(rng.randrange(1, 13))), "gz-twice": ("gz-twice", rng.randrange(1, 4)),
             "gz-raw-deflate": ("gz-raw-deflate",), "gz-magic-only": ("gz-magic-only",)}[gz_kind]
    return shape, concrete, gz_op


def _idx_op(kind: str, rng: random.Random) -> tuple:
    if kind == "cut":
        return "cut", rng.random()
    if kind == "extend":
        return "extend", rng.randbytes(rng.randrange(1, 17))
    if kind == "set":
        return "set", rng.randrange(24), rng.randrange(256)
    if kind == "dims":
        return "dims", [rng.choice([rng.randrange(31), rng.randrange(2**24, 2**32), 28, 10**7, 2 * 10**8])
                        for _ in range(rng.randrange(1, 6))]
    if kind == "type":
        return "type", rng.choice([0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E, 0x00, 0xFF])
    return "ndim", rng.randrange(256)


def idx_payload(case: tuple) -> bytes:
    shape, ops = case[0], case[1]
    data = bytearray(forge.idx(np.arange(math.prod(shape)).reshape(shape) % 256))
    for op in ops:
        if op[0] == "cut":
            data = data[:int(op[1] * len(data))]
        elif op[0] == "extend":
            data += op[1]
        elif op[0] == "set" and op[1] < len(data):
            data[op[1]] = op[2]
        elif op[0] == "dims":  # rewrite the header, keep the data
            body = data[4 + 4 * len(shape):]
            data = bytearray(struct.pack(f">HBB{len(op[1])}I", 0, 8, len(op[1]), *op[1])) + body
        elif op[0] == "type" and len(data) > 2:
            data[2] = op[1]
        elif op[0] == "ndim" and len(data) > 3:
            data[3] = op[1]
    return bytes(data)


def gz_file(case: tuple) -> bytes:
    payload, op = idx_payload(case), case[2]
    packed = forge.gz(payload)
    if op is None:
        return packed
    if op[0] == "gz-cut":
        return packed[:int(op[1] * len(packed))]
    if op[0] == "gz-flip":
        damaged = bytearray(packed)
        damaged[int(op[1] * len(damaged))] ^= op[2]
        return bytes(damaged)
    if op[0] == "gz-tail":
        return packed + op[1]
    if op[0] == "gz-twice":  # the payload split over several gzip members: still one valid stream
        cut = len(payload) * op[1] // 4
        return forge.gz(payload[:cut]) + forge.gz(payload[cut:])
    if op[0] == "gz-raw-deflate":
        return zlib.compress(payload)
    return b"\x1f\x8b"


def idx_valid(payload: bytes) -> bool:
    """The IDX definition nndesk reads: unsigned bytes, 1–4 dims, none 0, exactly the declared data."""
    if len(payload) < 4 or payload[:3] != b"\x00\x00\x08" or not 1 <= payload[3] <= 4:
        return False
    ndim = payload[3]
    if len(payload) < 4 + 4 * ndim:
        return False
    dims = struct.unpack(f">{ndim}I", payload[4:4 + 4 * ndim])
    size = math.prod(dims)
    return 0 not in dims and dims[0] <= 10**7 and size <= 2 * 10**8 and len(payload) == 4 + 4 * ndim + size


def gz_valid(data: bytes) -> bool:
    try:
        payload = gzip.decompress(data)
    except (OSError, EOFError, zlib.error):
        return False
    return idx_valid(payload)


@pytest.mark.parametrize("packing", ["raw", "gz"])
def test_idx_files_load_exactly_when_valid_and_are_otherwise_one_clean_error(tmp_path, packing):
    build, valid = (idx_payload, idx_valid) if packing == "raw" else (gz_file, gz_valid)
    cases = [idx_concrete(c) for c in collect(IDX_CASES, 3 * CASES)]
    paths, names = write_cases(tmp_path / packing, cases, build)
    specials = special_paths(tmp_path / "special")
    bundled = resource("mnist-5k-images-idx3-ubyte.gz")  # a real load fits in the worker's limit
    outcomes = run_cases(READ_IDX, [*paths, *specials, bundled])
    assert_no_crash(outcomes, names)
    assert outcomes.pop().status == "ok"
    assert len(paths) >= CASES and all(o.status == "clean" for o in outcomes[len(paths):])
    wrong = [names[o.path] for o, p in zip(outcomes, paths) if (o.status == "ok") != valid(p.read_bytes())]
    assert not wrong, f"{len(wrong)} cases misjudged, e.g. {wrong[:3]}"
    assert any(o.status == "ok" for o in outcomes) and not any(o.output for o in outcomes)


# ---- digit .npz --------------------------------------------------------------------------------------------
def npz_bases() -> list[list[forge.Member]]:
    rng = np.random.default_rng(1)
    x = rng.integers(0, 256, (3, 28, 28))
    y = np.array([1, 7, 9])
    return [npz_mutations.members_of(forge.npz(arrays, method)) for arrays, method in [
        ({"x": x.astype(np.uint8), "y": y.astype(np.uint8)}, forge.STORED),
        ({"x_train": x.reshape(3, 784).astype(np.float32) / 255, "y_train": y, "x_test": x[:1].astype(np.int16),
          "y_test": y[:1].astype(np.float64)}, forge.STORED),
        ({"x": x.astype(np.float64), "y": y.astype(np.int32)}, forge.DEFLATED),
    ]]


def test_digit_npz_files_are_a_data_set_or_one_clean_error(tmp_path):
    bases = npz_bases()
    names = ["x.npy", "y.npy", "x_train.npy", "y_train.npy", "x_test.npy", "y_test.npy"]
    cases = [npz_mutations.concrete(c, names) for c in collect(npz_mutations.cases(len(bases)), 2 * CASES)]
    paths, described = write_cases(tmp_path / "npz", cases, lambda c: npz_mutations.apply(bases, c), suffix=".npz")
    valid, _ = write_cases(tmp_path / "valid", bases, forge.zip_bytes, suffix=".npz")
    outcomes = run_cases(READ_NPZ, [*valid, *paths, *special_paths(tmp_path / "special")])
    assert_no_crash(outcomes, described)
    assert [o.status for o in outcomes[:len(valid)]] == ["ok"] * len(valid)  # the limit leaves room for loading
    assert len(paths) >= CASES and all(o.status == "clean" for o in outcomes[len(valid) + len(paths):])
    assert sum(o.status == "ok" for o in outcomes) > 10 and not any(o.output for o in outcomes)
    assert max(o.peak_kb for o in outcomes) < 500_000


# ---- through the command line ------------------------------------------------------------------------------
def test_hostile_data_through_nndesk_train_is_one_line_and_a_nonzero_exit(tmp_path):
    """A few of the issue's files through real ``nndesk train`` processes, run side by side."""
    huge = forge.npy_header(forge.header_text("<f8", (300_000_000,))) + bytes(64)
    files = {
        "alias.npz": forge.zip_bytes([*npz_bases()[0], forge.Member("x", huge, size=2_400_000_064)]),
        "token.npz": forge.zip_bytes([forge.Member("x.npy", forge.npy_header("{'descr': '<f8', 'shape': (3,")),
                                      *npz_bases()[0][1:]]),
        "f128.npz": forge.npz({"x": np.zeros((2, 784), np.longdouble), "y": np.zeros(2)}),
        "train-images-idx3-ubyte": struct.pack(">HBB3I", 0, 8, 3, 10**7, 28, 28),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    specials = special_paths(tmp_path / "special")
    targets = [tmp_path / name for name in files if name.endswith(".npz")] + [tmp_path, specials[0], specials[1]]
    procs = [subprocess.Popen([sys.executable, "-m", "nndesk", "train", "--dataset", str(t), "--epochs", "1"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=worker_env())
             for t in targets]
    for target, proc in zip(targets, procs):
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 1 and out == "", (target, err)
        assert len(err.splitlines()) == 1 and err.startswith("nndesk: error: ") and "internal" not in err, err
        assert Path(target).name in err
