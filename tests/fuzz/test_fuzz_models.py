"""Fuzz the model loader: ≥ 500 hostile model files in a 1 GiB worker, and a few through ``nndesk eval``.

Every case must end as a model or one clean ModelError line — never a
MemoryError (even one wrapped into a ModelError), another exception, a crash
or a hang.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.fuzz import forge, npz_mutations
from tests.fuzz.cases import CASES, collect, special_paths, write_cases
from tests.fuzz.harness import assert_no_crash, run_cases, worker_env

LOAD_MODEL = "nndesk.engine.runs.model_io:load_model"


@pytest.fixture(scope="module")
def bases(tmp_path_factory) -> list[list[forge.Member]]:
    """Three real model files as zip members: Adam state and a frozen mask, momentum, and a bare network."""
    from nndesk.engine.runs.model_io import save_model
    from nndesk.engine.runs.recipe import TrainingRecipe

    folder = tmp_path_factory.mktemp("bases")
    out = []
    for i, (optimizer, hidden, n_in) in enumerate([("adam", (6, 4), 2), ("momentum", (5,), 2), (None, (3,), 784)]):
        recipe = TrainingRecipe.for_dataset("xor", hidden=hidden, optimizer=optimizer or "sgd", epochs=1)
        net = recipe.build_network(n_in, 2)
        if optimizer is None:
            path = save_model(folder / f"{i}.npz", net)
        else:
            trainer = recipe.make_trainer(net, recipe.load_data())
            net.layers[0].frozen = np.eye(*net.layers[0].weights.shape, dtype=bool)
            list(trainer.epochs())
            path = save_model(folder / f"{i}.npz", net, recipe, trainer.history, trainer.optimizer)
        out.append(npz_mutations.members_of(path.read_bytes()))
    return out


def test_model_files_are_a_model_or_one_clean_error(tmp_path, bases):
    names = sorted({m.name for base in bases for m in base})
    cases = [npz_mutations.concrete(c, names) for c in collect(npz_mutations.cases(len(bases)), 2 * CASES)]
    paths, described = write_cases(tmp_path / "models", cases, lambda c: npz_mutations.apply(bases, c),
                                   suffix=".npz")
    valid, _ = write_cases(tmp_path / "valid", bases, forge.zip_bytes, suffix=".npz")
    outcomes = run_cases(LOAD_MODEL, [*valid, *paths, *special_paths(tmp_path / "special")])
    assert_no_crash(outcomes, described)
    assert [o.status for o in outcomes[:len(valid)]] == ["ok"] * len(valid)  # the limit leaves room for loading
    assert len(paths) >= CASES and all(o.status == "clean" for o in outcomes[len(valid) + len(paths):])
    assert sum(o.status == "ok" for o in outcomes) > 10 and not any(o.output for o in outcomes)
    assert max(o.peak_kb for o in outcomes) < 500_000


def test_hostile_models_through_nndesk_eval_are_one_line_and_a_nonzero_exit(tmp_path, bases):
    """The issue's model files through real ``nndesk eval`` processes, run side by side."""
    good = bases[0]
    huge = forge.npy_header(forge.header_text("<f8", (320_000_000,))) + bytes(64)
    f128 = [forge.Member(m.name, forge.npy(np.zeros((127_000, 2), np.longdouble))) if m.name == "W0.npy" else m
            for m in good]
    files = {
        "alias.npz": [*good, forge.Member("W0", huge, size=2_560_000_064)],
        "token.npz": [forge.Member("metadata.npy", forge.npy_header("{'descr': '|u1', 'shape': (3,")),
                      *(m for m in good if m.name != "metadata.npy")],
        "f128.npz": f128,
        "dup.npz": [*good, good[0]],
    }
    targets = []
    for name, members in files.items():
        targets.append(tmp_path / name)
        targets[-1].write_bytes(forge.zip_bytes(members))
    targets += special_paths(tmp_path / "special")[:2] + [tmp_path]
    procs = [subprocess.Popen([sys.executable, "-m", "nndesk", "eval", "--model", str(t), "--dataset", "xor"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=worker_env())
             for t in targets]
    for target, proc in zip(targets, procs):
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 1 and out == "", (target, err)
        assert len(err.splitlines()) == 1 and err.startswith("nndesk: error: ") and "internal" not in err, err
        assert Path(target).name in err
