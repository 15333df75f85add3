"""The ``nndesk`` command: the window by default, or train / eval / predict / data download.

Runs are assembled by ``TrainingRecipe`` exactly as the window assembles
them, and saved with ``model_io``, so a model trained here opens in the
window and vice versa.  Every expected failure (bad data, a damaged model
or image, a failed download, a bad option, Ctrl-C) ends as one line on
stderr and a non-zero exit status, never a traceback:

    0 done · 1 error · 2 bad usage or option · 3 training diverged · 130 interrupted

``--json`` output is strict JSON, one object per line (NaN becomes null).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from nndesk import __version__

COMMANDS = ("train", "eval", "predict", "data")
EXIT_ERROR, EXIT_USAGE, EXIT_DIVERGED, EXIT_INTERRUPTED = 1, 2, 3, 130


class UsageError(ValueError):
    """A bad option value found after parsing (exit status 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line instead of usage + message
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in (*COMMANDS, "-h", "--help", "--version"):
        return _window(argv)
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as e:  # --help, --version, or a usage error already printed
        return e.code if isinstance(e.code, int) else EXIT_USAGE
    from nndesk.engine.blas import use_default_threads
    from nndesk.engine.download import DownloadError
    from nndesk.engine.training import TrainingDiverged

    use_default_threads()  # one BLAS thread: faster for our small matrices (see engine.blas)
    try:
        return args.run(args)
    except TrainingDiverged as e:
        return _fail(str(e), EXIT_DIVERGED)
    except UsageError as e:
        return _fail(str(e), EXIT_USAGE)
    except (ValueError, DownloadError) as e:  # DataError, ModelError and ImageError are ValueErrors
        return _fail(str(e))
    except BrokenPipeError:  # `nndesk train --json | head -1`: the reader left; not an error worth a message
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except OSError as e:
        return _fail(f"{e.filename}: {e.strerror}" if e.filename and e.strerror else str(e))
    except KeyboardInterrupt:
        return _fail("interrupted", EXIT_INTERRUPTED)
    except Exception as e:  # a bug: still one line, unless asked for the details
        if os.environ.get("NNDESK_DEBUG"):
            raise
        return _fail(f"internal error ({type(e).__name__}: {e}); rerun with NNDESK_DEBUG=1 and please report it")


def _fail(message: str, code: int = EXIT_ERROR) -> int:
    print(f"nndesk: error: {' '.join(message.split())}", file=sys.stderr, flush=True)
    return code


def _window(argv: list[str]) -> int:
    """No command: the self-test or the window, both owned by the GUI package."""
    if "--self-test" in argv and importlib.util.find_spec("nndesk.selftest") is not None:
        from nndesk.selftest import run_self_test

        return run_self_test()
    if importlib.util.find_spec("nndesk.app.main") is None:
        build_parser().print_help()
        return 0 if not argv else EXIT_USAGE
    from nndesk.app.main import main as window_main

    return window_main(argv)


def build_parser() -> argparse.ArgumentParser:
    from nndesk.engine.activations import HIDDEN_ACTIVATIONS
    from nndesk.engine.costs import COSTS
    from nndesk.engine.optimizers import OPTIMIZERS
    from nndesk.engine.presets import PRESETS, SCHEDULES

    data_help = "mnist-bundled, a toy set (xor, circles, spiral, gaussians, lecture), an .npz file or an MNIST folder"
    parser = _Parser(prog="nndesk", description="A desktop lab for learning how neural networks work.",
                     epilog="Without a command nndesk opens the window: nndesk [MODEL] [--lang ru|en] "
                            "[--theme light|dark] [--self-test]")
    parser.add_argument("--version", action="version", version=f"nndesk {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    tr = commands.add_parser("train", help="train a network and optionally save it")
    tr.add_argument("--dataset", required=True, metavar="DATA", help=data_help)
    tr.add_argument("--preset", choices=list(PRESETS), help="start from a preset (default: the data's own)")
    tr.add_argument("--layers", type=_layers, metavar="N,N", help="hidden layer sizes, e.g. 128,64 ('' for none)")
    tr.add_argument("--activation", choices=HIDDEN_ACTIVATIONS)
    tr.add_argument("--cost", choices=list(COSTS))
    tr.add_argument("--optimizer", choices=list(OPTIMIZERS))
    tr.add_argument("--lr", type=float, metavar="F", help="learning rate η")
    tr.add_argument("--momentum", type=float, metavar="F", help="momentum μ (β₁ for Adam)")
    tr.add_argument("--l2", type=float, metavar="F", help="L2 weight decay λ")
    tr.add_argument("--batch-size", type=int, metavar="N")
    tr.add_argument("--epochs", type=int, metavar="N")
    tr.add_argument("--seed", type=int, metavar="N")
    tr.add_argument("--schedule", choices=list(SCHEDULES), help="learning-rate schedule")
    tr.add_argument("--tolerance", type=float, metavar="F", help="skip samples whose outputs are this close")
    tr.add_argument("--augment", action=argparse.BooleanOptionalAction, help="distort digits every epoch")
    tr.add_argument("--out", type=Path, metavar="FILE", help="save the trained model here (.npz)")
    tr.add_argument("--json", action="store_true", help="one JSON object per epoch, then a summary")
    tr.set_defaults(run=train)

    ev = commands.add_parser("eval", help="accuracy, cost and confusion matrix of a saved model")
    ev.add_argument("--model", required=True, type=Path, metavar="FILE")
    ev.add_argument("--dataset", required=True, metavar="DATA", help=data_help)
    ev.add_argument("--json", action="store_true")
    ev.set_defaults(run=evaluate)

    pr = commands.add_parser("predict", help="read digits from image files")
    pr.add_argument("--model", required=True, type=Path, metavar="FILE")
    pr.add_argument("images", nargs="+", type=Path, metavar="IMAGE")
    pr.add_argument("--json", action="store_true")
    pr.set_defaults(run=predict)

    data = commands.add_parser("data", help="get data sets").add_subparsers(title="actions", metavar="ACTION",
                                                                           required=True)
    dl = data.add_parser("download", help="download a data set")
    dl.add_argument("name", choices=["mnist"])
    dl.add_argument("--dir", type=Path, help=f"where to put it (default {default_mnist_dir()})")
    dl.add_argument("--url", help="mirror base URL")
    dl.add_argument("--retries", type=int, default=3, metavar="N")
    dl.set_defaults(run=download)
    return parser


def _layers(text: str) -> tuple[int, ...]:
    if text.strip().lower() in ("", "none"):
        return ()
    try:
        sizes = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected sizes like 128,64, got {text!r}") from None
    if any(n < 1 for n in sizes):
        raise argparse.ArgumentTypeError(f"layer sizes must be ≥ 1, got {text!r}")
    return sizes


def default_mnist_dir() -> Path:
    """Where ``data download mnist`` puts the files: $XDG_DATA_HOME/nndesk/mnist (Windows: %LOCALAPPDATA%)."""
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "nndesk" / "mnist"
    base = os.environ.get("XDG_DATA_HOME") or ""
    return (Path(base) if os.path.isabs(base) else Path.home() / ".local" / "share") / "nndesk" / "mnist"


# ---- commands ------------------------------------------------------------------
def train(args: argparse.Namespace) -> int:
    from nndesk.engine.model_io import save_model
    from nndesk.engine.recipe import TrainingRecipe

    options = {"hidden": args.layers, "activation": args.activation, "cost": args.cost, "optimizer": args.optimizer,
               "learning_rate": args.lr, "momentum": args.momentum, "l2": args.l2, "batch_size": args.batch_size,
               "epochs": args.epochs, "seed": args.seed, "schedule": args.schedule, "tolerance": args.tolerance,
               "augment": args.augment}
    if args.out is not None and not args.out.parent.is_dir():  # say so now, not after an hour of training
        raise UsageError(f"--out {args.out}: the folder {args.out.parent} does not exist")
    try:
        recipe = TrainingRecipe.for_dataset(_spec(args.dataset), args.preset,
                                            **{k: v for k, v in options.items() if v is not None})
    except ValueError as e:
        raise UsageError(str(e)) from None
    source = recipe.load_data()
    fit, _ = recipe.split(source)  # raises DataError if there is nothing to train on
    if args.augment and fit.image_shape is None:
        print(f"nndesk: note: --augment distorts images; {source.name} has none, so it is ignored", file=sys.stderr)
    network = recipe.build_network(fit.n_inputs, fit.n_outputs)
    trainer = recipe.make_trainer(network, source)
    held_out = "none" if trainer.val is None else f"{len(trainer.val):,} {_split_name(source)} samples"
    if not args.json:
        print(f"{source.description}\n{_describe(recipe, network)}; {len(trainer.train):,} training samples, "
              f"validation: {held_out}")
    start = time.perf_counter()
    try:
        for stats in _quiet(trainer.epochs()):
            emit_json(stats.as_dict()) if args.json else print(_epoch_line(stats, recipe.hyper.epochs), flush=True)
    except KeyboardInterrupt:
        if args.out is None:
            return _fail("interrupted; nothing saved (give --out FILE to keep the model when interrupted)",
                         EXIT_INTERRUPTED)
        path = save_model(args.out, network, recipe, trainer.history, trainer.optimizer)
        return _fail(f"interrupted; saved the model as it was after {trainer.epoch} complete epoch(s) to {path}",
                     EXIT_INTERRUPTED)
    seconds = time.perf_counter() - start
    if trainer.val is not None and trainer.history:
        cost, accuracy, on = trainer.history[-1].val_cost, trainer.history[-1].val_accuracy, _split_name(source)
    else:
        data = trainer.train
        cost, accuracy = network.evaluate(data.inputs(), data.target_matrix(), data.y)
        on = "training"
    out = save_model(args.out, network, recipe, trainer.history, trainer.optimizer) if args.out else None
    if args.json:
        emit_json({"summary": True, "epochs": trainer.epoch, "accuracy": accuracy, "cost": cost, "evaluated_on": on,
                   "seconds": seconds, "out": str(out) if out else None, "sizes": network.sizes,
                   "dataset": recipe.dataset, "preset": recipe.preset})
    else:
        saved = f"saved to {out}" if out else "not saved (add --out FILE to keep it)"
        print(f"done: accuracy {accuracy:.2%}, cost {cost:.4f} on the {on} set after {trainer.epoch} epochs "
              f"in {seconds:.1f} s; {saved}")
    return 0


def evaluate(args: argparse.Namespace) -> int:
    import numpy as np

    from nndesk.engine.datasets import load
    from nndesk.engine.model_io import load_model

    model = load_model(args.model)
    net, recipe, spec = model.network, model.recipe, _spec(args.dataset)
    source = load(spec, seed=recipe.seed if recipe else 0)
    if source.test is not None:
        data, on = source.test, "test"
    else:  # the part training held out, if this is the data it was trained on; else all of it
        held_out = recipe.split(source)[1] if recipe is not None and recipe.dataset == spec else None
        data, on = (held_out, "validation") if held_out is not None else (source.train, "all")
    if (data.n_inputs, data.n_outputs) != (net.sizes[0], net.sizes[-1]):
        raise ValueError(f"{args.model} takes {net.sizes[0]} inputs and gives {net.sizes[-1]} outputs, but "
                         f"{source.name} has {data.n_inputs} inputs and {data.n_outputs} classes")
    cost, accuracy = net.evaluate(data.inputs(), data.target_matrix(), data.y)
    k = max(data.n_classes, data.n_outputs)
    predicted = np.concatenate([net.predict(data.inputs(slice(i, i + 4096))) for i in range(0, len(data), 4096)])
    confusion = np.zeros((k, k), dtype=np.int64)
    np.add.at(confusion, (data.y, predicted), 1)
    if args.json:
        emit_json({"accuracy": accuracy, "cost": cost, "n": len(data), "confusion": confusion.tolist(),
                   "split": on, "dataset": spec, "model": str(args.model)})
        return 0
    print(f"{args.model} on {source.name} ({len(data):,} {on} samples): accuracy {accuracy:.2%}, cost {cost:.4f}")
    print("confusion matrix (rows: true class, columns: predicted)")
    width = max(4, len(str(confusion.max())) + 1)
    print("    " + "".join(f"{j:>{width}}" for j in range(k)))
    for i, row in enumerate(confusion):
        print(f"{i:>3} " + "".join(f"{v:>{width}}" for v in row))
    return 0


def predict(args: argparse.Namespace) -> int:
    import numpy as np

    from nndesk.engine.model_io import load_model
    from nndesk.imageio import ImageError, read_digit_image

    net = load_model(args.model).network
    if net.sizes[0] != 784:
        raise ValueError(f"{args.model} takes {net.sizes[0]} inputs, not 28×28 digit images")
    failed = 0
    for path in args.images:
        try:
            x = read_digit_image(path)
        except ImageError as e:
            failed += 1
            _fail(str(e))
            continue
        a = net.feedforward(x.reshape(1, -1))[0].astype(np.float64)
        # A softmax output is a probability distribution; sigmoid outputs are shown as shares of their sum.
        p = a if net.output_activation.name == "softmax" or a.sum() <= 0 else a / a.sum()
        top = np.argsort(p)[::-1][:3]
        if args.json:
            emit_json({"image": str(path), "digit": int(top[0]), "probabilities": p.tolist()})
        else:
            print(f"{path}: {top[0]}   ({', '.join(f'{k}: {p[k]:.1%}' for k in top)})")
    return EXIT_ERROR if failed else 0


def download(args: argparse.Namespace) -> int:
    from nndesk.engine.download import DEFAULT_MIRROR, download_mnist

    if args.retries < 0:
        raise UsageError(f"--retries must be ≥ 0, got {args.retries}")
    bar = ProgressBar()
    try:
        dest = download_mnist(args.dir or default_mnist_dir(), base_url=args.url or DEFAULT_MIRROR, progress=bar,
                              retries=args.retries)
    finally:
        bar.close()
    print(f"MNIST is in {dest}\ntrain on it with: nndesk train --dataset {dest}")
    return 0


def _quiet(epochs: Iterator[Any]) -> Iterator[Any]:
    """The epochs, with numpy's overflow warnings silenced: a diverging run ends in TrainingDiverged,
    which says what happened in words; the warnings would only add noise before it."""
    import numpy as np

    while True:
        with np.errstate(all="ignore"):
            stats = next(epochs, None)
        if stats is None:
            return
        yield stats


def _spec(text: str) -> str:
    """A data set name as it is; an existing path made absolute, so a model file can find it again."""
    from nndesk.engine.datasets import DATASET_NAMES

    if text in DATASET_NAMES or not Path(text).expanduser().exists():
        return text
    return str(Path(text).expanduser().absolute())


def _split_name(source: Any) -> str:
    """What the trainer validates on: the data's test split, or a part held out from training."""
    return "test" if source.test is not None else "validation"


def _describe(recipe: Any, network: Any) -> str:
    h = recipe.hyper
    return (f"network {'-'.join(map(str, network.sizes))} {recipe.activation}, {recipe.cost}, {recipe.optimizer} "
            f"η={h.learning_rate:g}, batch {h.batch_size}, {h.epochs} epochs"
            + (f", {recipe.schedule} schedule" if recipe.schedule else "") + (", augmented" if recipe.augment else ""))


def _epoch_line(s: Any, epochs: int) -> str:
    def num(v: float, fmt: str) -> str:
        return format(v, fmt) if math.isfinite(v) else "—"

    w = len(str(epochs))
    return (f"epoch {s.epoch:>{w}}/{epochs}  cost {num(s.train_cost, '.4f')}  val cost {num(s.val_cost, '.4f')}  "
            f"val acc {num(s.val_accuracy, '7.2%')}  η {s.learning_rate:.3g}  {s.seconds:6.2f} s  "
            f"{num(s.samples_per_second, ',.0f')} samples/s")


# ---- output helpers used by the commands ---------------------------------------
def emit_json(obj: dict[str, Any]) -> None:
    """One strict-JSON line on stdout: NaN and ±inf become null."""
    print(json.dumps(_strict(obj), ensure_ascii=False), flush=True)


def _strict(v: Any) -> Any:
    if isinstance(v, float) and not math.isfinite(v):
        return None
    if isinstance(v, dict):
        return {k: _strict(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_strict(x) for x in v]
    return v


class ProgressBar:
    """A one-line text bar on stderr, redrawn with \\r, at most ten times a second."""

    def __init__(self, stream=None, width: int = 30) -> None:
        self.stream, self.width, self._last, self._name = stream or sys.stderr, width, 0.0, None
        self._open = False  # a line is drawn but not ended

    def __call__(self, name: str, done: int, total: int) -> None:
        now = time.monotonic()
        finished = total > 0 and done >= total
        if name == self._name and not finished and now - self._last < 0.1:
            return
        self._name, self._last = name, now
        frac = min(done / total, 1.0) if total > 0 else 0.0
        bar = "#" * round(frac * self.width)
        self.stream.write(f"\r{name:<28} [{bar:<{self.width}}] {frac:4.0%} {done / 1e6:6.1f}/{total / 1e6:.1f} MB")
        self._open = not finished
        if finished:
            self.stream.write("\n")
        self.stream.flush()

    def close(self) -> None:
        """End a half-drawn line, so a following message starts on its own line."""
        if self._open:
            self.stream.write("\n")
            self.stream.flush()
            self._open = False
