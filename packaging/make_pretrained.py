"""Train the ready-trained digits network that nndesk opens with, so the first digit drawn is read.

Run by a maintainer after a change to the engine, the ``digits`` preset or the bundled data:

    python packaging/make_pretrained.py            # writes resources/digits-pretrained.npz
    python packaging/make_pretrained.py --check    # retrains and says whether the file matches

It trains the ``digits`` preset (784-800-10) on the bundled 5,000 MNIST digits
with the preset's own validation split and seed, exactly as
``nndesk train --dataset mnist-bundled --preset digits`` does, then keeps only
what a student needs: the weights, the recipe and the per-epoch history (so
the cost plot shows how it was trained). The optimizer state is left out
(it would double the file, and a student who trains on starts a fresh run);
timings are zeroed so the file depends only on the arithmetic.  The digits
the split held out are the ones the tests draw through the pad: the network
never saw them.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "resources" / "digits-pretrained.npz"


def train() -> tuple[object, object, tuple]:
    """The digits preset, trained start to end; returns (network, recipe, history)."""
    from nndesk.engine.fast.blas import use_default_threads
    from nndesk.engine.runs.recipe import TrainingRecipe

    use_default_threads()
    recipe = TrainingRecipe.for_dataset("mnist-bundled", "digits")
    source = recipe.load_data()
    fit, _ = recipe.split(source)
    network = recipe.build_network(fit.n_inputs, fit.n_outputs)
    trainer = recipe.make_trainer(network, source)
    for stats in trainer.epochs():
        if stats.epoch % 50 == 0:
            print(f"epoch {stats.epoch}: validation accuracy {stats.val_accuracy:.2%}", flush=True)
    history = tuple(dataclasses.replace(s, seconds=0.0, samples_per_second=0.0) for s in trainer.history)
    return network, recipe, history


def write(path: Path) -> None:
    from nndesk.engine.runs.model_io import save_model

    network, recipe, history = train()
    save_model(path, network, recipe, history, extra={"pretrained": True})
    print(f"{path}: {path.stat().st_size / 1e6:.1f} MB, validation accuracy {history[-1].val_accuracy:.2%}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="retrain and compare with the shipped weights")
    args = parser.parse_args()
    if not args.check:
        write(OUT)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.npz"
        write(fresh)
        a, b = np.load(OUT, allow_pickle=False), np.load(fresh, allow_pickle=False)
        same = sorted(a.files) == sorted(b.files) and all(
            np.array_equal(a[k], b[k]) for k in a.files if k != "metadata")
    print("the shipped weights match a fresh training" if same else "the shipped weights differ from a fresh training")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
