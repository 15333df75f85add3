"""What a session save costs, and which part of it the GUI thread pays (the autosave's snapshot).

    python benchmarks/bench_session.py [--preset digits] [--rounds 7] [--digits 100]

A network of the preset (default ``digits``: 784-800-10) with a full momentum state, 100 of my
digits and a run in the list: the figures are the median over ``--rounds`` of
``Session.snapshot()`` (the copies the GUI thread makes before an autosave), ``save_session`` (zip,
fsync, rename: what the autosave's thread does) and ``load_session`` (every part checked).  The
autosave runs the save off the GUI thread because it takes longer than a frame (~15 ms).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from nndesk.engine.core.optimizers import optimizer
from nndesk.engine.data.my_digits import MyDigits
from nndesk.engine.runs.recipe import TrainingRecipe
from nndesk.engine.runs.session_io import Session, load_session, save_session


def median_ms(run: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="digits")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--digits", type=int, default=100)
    args = parser.parse_args()
    recipe = TrainingRecipe.from_preset(args.preset)
    net = recipe.build_network(784, 10)
    momentum = optimizer("momentum")
    momentum.load_state({f"velocity_{i}": np.ones_like(p) for i, p in enumerate(net.parameters())})
    rng = np.random.default_rng(0)
    digits = MyDigits()
    for i in range(args.digits):
        ink = np.zeros((280, 280), np.uint8)
        ink[60:220, 120:160] = 255  # a stroke: drawings are mostly paper, and compress like it
        digits.add(ink, rng.random((28, 28), dtype=np.float32), i % 10)
    session = Session(net, recipe, (), momentum, pace=0.0, my_digits=digits)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.nndesk"
        snapshot = median_ms(session.snapshot, args.rounds)
        save = median_ms(lambda: save_session(path, session), args.rounds)
        load = median_ms(lambda: load_session(path), args.rounds)
        size = path.stat().st_size
    print(f"{args.preset} {net.sizes}, momentum, {args.digits} digits of my own: file {size / 1e6:.1f} MB")
    print(f"snapshot (GUI thread)      {snapshot:7.1f} ms")
    print(f"save_session (its thread)  {save:7.1f} ms")
    print(f"load_session               {load:7.1f} ms")


if __name__ == "__main__":
    main()
