"""Does teaching 20 drawings per digit make the pad read new writers, and does MNIST stay read?

A student played by the machine (see ``redraw.py``): held-out bundled MNIST
digits (the 500 of the digits preset's validation split, which the
ready-trained network never trained on) are skeletonised into pen strokes
and drawn with QTest mouse events on the real ``DrawPad`` by simulated
writers (pad shape, brush width, size, slant, wobble, crossed 7s, 1s with a
base).  Each round:

* 4 *teaching* writers draw 20 digits of each class (200 drawings, from 20
  held-out digits per class); ``teach.teach`` fine-tunes the network on them
  with MNIST, exactly as the window's Teach does;
* the same 4 writers draw other held-out digits ("same writers"), and 4
  *new* writers draw them too ("new writers"): read before and after;
* MNIST: the 500 held-out digits before and after, and the 300 of them whose
  drawings were never taught;
* the window's own measure: the 200 drawings taught with a fifth held out in
  turn 0 (``teach.held_out``): ``TeachScores.mine_before/after``.

No real pen-trajectory digit set ships with nndesk or its environment, so
every "drawn" digit here is a redrawn MNIST digit (said in the output).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_teach.py [--quick] [--rounds 2] [--model FILE]
        [--epochs N --eta X --share S]   # try other teach settings (they replace teach.py's)
        [--drawings /tmp/drawings.npz]    # keep the drawings between runs (tuning redraws nothing)

Default: 2 rounds, 1.5–2.5 minutes on the shared 2-core VM; ``--quick``: 1 round on fewer digits, ~20 s.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
import redraw  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from nndesk.app.draw.draw_pad import DrawPad  # noqa: E402
from nndesk.engine.core.dataset import Dataset  # noqa: E402
from nndesk.engine.fast.blas import use_default_threads  # noqa: E402
from nndesk.engine.runs import teach  # noqa: E402
from nndesk.engine.runs.model_io import load_model  # noqa: E402
from nndesk.engine.runs.pretrained import shipped_path  # noqa: E402
from nndesk.engine.runs.recipe import TrainingRecipe  # noqa: E402

TAUGHT = 20  # drawings per digit taught, as the issue measured
WRITERS = 4  # teaching writers, and as many new ones


def as_set(images: np.ndarray, labels: np.ndarray, name: str) -> Dataset:
    """Drawings as the window keeps "my digits": uint8 pixels of exactly what the pad fed the network."""
    x = np.rint(np.clip(images, 0, 1) * 255).astype(np.uint8).reshape(len(images), -1)
    return Dataset(name, x, np.asarray(labels, np.int64), 10, (28, 28))


def by_writer(n: int, k: int) -> np.ndarray:
    """Writer index of each of ``n`` digits given in class-interleaved order: the digits of each class
    go round the ``k`` writers, so every writer draws every class."""
    return np.arange(n) % k


def interleaved(y: np.ndarray, per_class: int, start: int) -> np.ndarray:
    """Indices of digits ``start`` … ``start + per_class − 1`` of every class, in drawing order 0,1,…,9,0,1,…"""
    rows = [np.flatnonzero(y == c)[start:start + per_class] for c in range(10)]
    return np.stack(rows, axis=1).reshape(-1)


def draw_round(pad: DrawPad, images: np.ndarray, y: np.ndarray, taught: np.ndarray, tested: np.ndarray,
               seed: int) -> dict[str, np.ndarray]:
    """One round's drawings: taught (teaching writers), same (teaching writers, other digits), new (new writers)."""
    old, new = redraw.writers(WRITERS, seed), redraw.writers(WRITERS, seed + 1, first=WRITERS)
    out: dict[str, np.ndarray] = {}
    for part, index, team in (("taught", taught, old), ("same", tested, old), ("new", tested, new)):
        who = by_writer(len(index), WRITERS)
        drawn = np.zeros((len(index), 28, 28), np.float32)
        for w, writer in enumerate(team):
            mine = index[who == w]
            drawn[who == w] = redraw.redraw(pad, writer, images[mine], y[mine])
        out[part], out[part + "_y"] = drawn, y[index]
    print("  teaching writers: " + "; ".join(w.label() for w in old))
    print("  new writers:      " + "; ".join(w.label() for w in new), flush=True)
    return out


def drawings(args: argparse.Namespace, images: np.ndarray, y: np.ndarray, taught: np.ndarray,
             tested: np.ndarray) -> list[dict[str, np.ndarray]]:
    """Every round's drawings: read from ``--drawings`` if it was made with the same settings, else drawn."""
    key = f"seed={args.seed} rounds={args.rounds} tested={len(tested)}"
    path = Path(args.drawings) if args.drawings else None
    if path and path.exists():
        with np.load(path, allow_pickle=False) as f:
            if str(f["key"]) == key:
                return [{k.split("/", 1)[1]: f[k] for k in f.files if k.startswith(f"{r}/")}
                        for r in range(args.rounds)]
    app = QApplication.instance() or QApplication([])
    pad = DrawPad()
    pad.show()
    app.processEvents()
    started, rounds = time.perf_counter(), []
    for r in range(args.rounds):
        print(f"round {r + 1}: drawing {len(taught) + 2 * len(tested)} digits on the pad …", flush=True)
        rounds.append(draw_round(pad, images, y, taught, tested, args.seed + 100 * r))
    print(f"drawn in {time.perf_counter() - started:.0f} s", flush=True)
    if path:
        np.savez_compressed(path, key=key, **{f"{r}/{k}": v for r, d in enumerate(rounds) for k, v in d.items()})
    return rounds


def read(net, images: np.ndarray, y: np.ndarray) -> float:
    return float(np.mean(net.feedforward(images.reshape(len(images), -1)).argmax(axis=1) == y))


def one_round(network, recipe: TrainingRecipe, base, val: Dataset, untouched: np.ndarray,
              d: dict[str, np.ndarray], app_measure: bool) -> dict[str, float]:
    mine = as_set(d["taught"], d["taught_y"], "my digits")
    row = {"untaught drawn": read(network, np.concatenate([d["taught"], d["same"], d["new"]]),
                                  np.concatenate([d["taught_y"], d["same_y"], d["new_y"]])),
           "new before": read(network, d["new"], d["new_y"]), "same before": read(network, d["same"], d["same_y"]),
           "mnist300 before": teach.accuracy(network, val.subset(untouched))}
    net = network.copy()
    started = time.perf_counter()
    scores, _ = teach.teach(net, recipe, base, mine, np.zeros(len(mine), bool))
    row["teach s"] = time.perf_counter() - started
    row |= {"new after": read(net, d["new"], d["new_y"]), "same after": read(net, d["same"], d["same_y"]),
            "mnist before": scores.validation_before, "mnist after": scores.validation_after,
            "mnist300 after": teach.accuracy(net, val.subset(untouched))}
    row["per class new"] = np.array([[read(n, d["new"][d["new_y"] == c], c) for c in range(10)]
                                     for n in (network, net)])
    if app_measure:
        app_scores, _ = teach.teach(network.copy(), recipe, base, mine, teach.held_out(mine.y, 0))
        row |= {"held before": app_scores.mine_before, "held after": app_scores.mine_after}
    return row


COLUMNS = [("untaught drawn", "untaught, all drawn"), ("new before", "new writers before"),
           ("new after", "after"), ("same before", "same writers before"), ("same after", "after"),
           ("held before", "held-out 1/5 before"), ("held after", "after"), ("mnist before", "MNIST 500 before"),
           ("mnist after", "after"), ("mnist300 before", "MNIST 300 before"), ("mnist300 after", "after"),
           ("teach s", "teach (s)")]


def table(rows: list[dict[str, float]]) -> None:
    cols = [(k, title) for k, title in COLUMNS if k in rows[0]]
    print("\n" + " | ".join(["round", *(t for _, t in cols)]))
    mean = {k: float(np.mean([r[k] for r in rows])) for k, _ in cols}
    for name, r in [*((str(i + 1), r) for i, r in enumerate(rows)), ("mean", mean)]:
        print(" | ".join([name.rjust(5), *(f"{r[k]:.1f}".rjust(len(t)) if k == "teach s"
                                           else f"{r[k]:.1%}".rjust(len(t)) for k, t in cols)]))
    per = np.mean([r["per class new"] for r in rows], axis=0)
    print("\nnew writers per digit    " + "  ".join(f"{c:>4}" for c in range(10)))
    for name, acc in (("before", per[0]), ("after", per[1])):
        print(f"  {name:<22} " + "  ".join(f"{a:4.0%}" for a in acc))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 round, 10 tested digits per class (~1 minute)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--model", help="the network to teach (default: the shipped ready-trained one)")
    parser.add_argument("--drawings", help="an .npz to keep the drawings in between runs")
    parser.add_argument("--epochs", type=int, help=f"teach epochs (teach.py: {teach.EPOCHS})")
    parser.add_argument("--eta", type=float, help=f"teach η (teach.py: {teach.LEARNING_RATE})")
    parser.add_argument("--share", type=float, help=f"my digits' share of the mix (teach.py: {teach.MINE_SHARE})")
    args = parser.parse_args()
    tested_per_class = 10 if args.quick else 30
    args.rounds = 1 if args.quick else args.rounds
    teach.EPOCHS = args.epochs or teach.EPOCHS
    teach.LEARNING_RATE = args.eta or teach.LEARNING_RATE
    teach.MINE_SHARE = args.share or teach.MINE_SHARE
    use_default_threads()
    loaded = load_model(args.model or shipped_path())
    recipe = loaded.recipe or TrainingRecipe.for_dataset("mnist-bundled")
    base = recipe.load_data()
    _, val = recipe.split(base)  # the digits the network never trained on
    images, y = val.x.reshape(-1, 28, 28).astype(np.float32) / 255, val.y
    taught, tested = interleaved(y, TAUGHT, 0), interleaved(y, tested_per_class, TAUGHT)
    untouched = np.setdiff1d(np.arange(len(val)), taught)
    print(f"model {args.model or shipped_path().name}; teach: {teach.EPOCHS} epochs, η {teach.LEARNING_RATE}, "
          f"my digits {teach.MINE_SHARE:.0%} of the mix; no real pen-trajectory digit set is available: "
          "every drawn digit is a held-out MNIST digit redrawn on the pad", flush=True)
    rows = [one_round(loaded.network, recipe, base, val, untouched, d, not args.quick)
            for d in drawings(args, images, y, taught, tested)]
    table(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
