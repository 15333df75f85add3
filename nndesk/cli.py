"""The ``nndesk`` command: the window by default, or train / eval / predict / data download.

The commands' work is in ``cli_commands``, their output conventions in
``cli_output``.  Every expected failure (bad data, a damaged model
or image, a failed download, a bad option, Ctrl-C) ends as one line on
stderr and a non-zero exit status, never a traceback:

    0 done · 1 error · 2 bad usage or option · 3 training diverged · 130 interrupted

``--json`` output is strict JSON, one object per line (NaN becomes null).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from nndesk import __version__
from nndesk.cli_commands import download, evaluate, predict, train
from nndesk.cli_output import EXIT_DIVERGED, EXIT_ERROR, EXIT_INTERRUPTED, EXIT_USAGE, UsageError, fail
from nndesk.paths import mnist_dir

COMMANDS = ("train", "eval", "predict", "data")


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
    from nndesk.engine.core.training import TrainingDiverged
    from nndesk.engine.data.download import DownloadError
    from nndesk.engine.fast.blas import use_default_threads

    use_default_threads()  # one BLAS thread: faster for our small matrices (see engine.blas)
    try:
        return args.run(args)
    except TrainingDiverged as e:
        return fail(str(e), EXIT_DIVERGED)
    except UsageError as e:
        return fail(str(e), EXIT_USAGE)
    except (ValueError, DownloadError) as e:  # DataError, ModelError and ImageError are ValueErrors
        return fail(str(e))
    except BrokenPipeError:  # `nndesk train --json | head -1`: the reader left; not an error worth a message
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except OSError as e:
        return fail(f"{e.filename}: {e.strerror}" if e.filename and e.strerror else str(e))
    except KeyboardInterrupt:
        return fail("interrupted", EXIT_INTERRUPTED)
    except Exception as e:  # a bug: still one line, unless asked for the details
        if os.environ.get("NNDESK_DEBUG"):
            raise
        return fail(f"internal error ({type(e).__name__}: {e}); rerun with NNDESK_DEBUG=1 and please report it")


def _window(argv: list[str]) -> int:
    """No command: the self-test or the window, both owned by the GUI package."""
    if "--self-test" in argv and importlib.util.find_spec("nndesk.selftest") is not None:
        from nndesk.selftest import run_self_test

        return run_self_test()
    if importlib.util.find_spec("nndesk.app.shell.main") is None:
        build_parser().print_help()
        return 0 if not argv else EXIT_USAGE
    from nndesk.app.shell.main import main as window_main

    return window_main(argv)


def build_parser() -> argparse.ArgumentParser:
    from nndesk.engine.core.activations import HIDDEN_ACTIVATIONS
    from nndesk.engine.core.costs import COSTS
    from nndesk.engine.core.optimizers import OPTIMIZERS
    from nndesk.engine.runs.presets import PRESETS, SCHEDULES

    data_help = "mnist-bundled, a toy set (xor, circles, spiral, gaussians, lecture), an .npz file or an MNIST folder"
    parser = _Parser(prog="nndesk", description="A desktop lab for learning how neural networks work.",
                     epilog="Without a command nndesk opens the window: nndesk [MODEL] [--lang ru|en] "
                            "[--theme light|dark] [--self-test]")
    parser.add_argument("--version", action="version", version=f"nndesk {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    tr = commands.add_parser("train", help="train a network and optionally save it")
    tr.add_argument("--dataset", required=True, type=_given, metavar="DATA", help=data_help)
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
    tr.add_argument("--out", type=_path, metavar="FILE", help="save the trained model here (.npz)")
    tr.add_argument("--json", action="store_true", help="one JSON object per epoch, then a summary")
    tr.set_defaults(run=train)

    ev = commands.add_parser("eval", help="accuracy, cost and confusion matrix of a saved model")
    ev.add_argument("--model", required=True, type=_path, metavar="FILE")
    ev.add_argument("--dataset", required=True, type=_given, metavar="DATA", help=data_help)
    ev.add_argument("--json", action="store_true")
    ev.set_defaults(run=evaluate)

    pr = commands.add_parser("predict", help="read digits from image files")
    pr.add_argument("--model", required=True, type=_path, metavar="FILE")
    pr.add_argument("images", nargs="+", type=_path, metavar="IMAGE")
    pr.add_argument("--json", action="store_true")
    pr.set_defaults(run=predict)

    data = commands.add_parser("data", help="get data sets").add_subparsers(title="actions", metavar="ACTION",
                                                                           required=True)
    dl = data.add_parser("download", help="download a data set")
    dl.add_argument("name", choices=["mnist"])
    dl.add_argument("--dir", type=_path, help=f"where to put it (default {mnist_dir()})")
    dl.add_argument("--url", help="mirror base URL")
    dl.add_argument("--retries", type=int, default=3, metavar="N")
    dl.set_defaults(run=download)
    return parser


def _given(text: str) -> str:
    """A name or path that is not blank: "" would mean the current folder to every file function."""
    if not text.strip():
        raise argparse.ArgumentTypeError("must not be empty")
    return text


def _path(text: str) -> Path:
    return Path(_given(text))


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
