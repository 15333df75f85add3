"""The ``nndesk`` command: the window by default, or train / eval / predict / data download.

The commands' work is in ``cli_commands``, their output conventions in
``cli_output``.  Every expected failure (bad data, a damaged model
or image, a failed download, a bad option, Ctrl-C) ends as one line on
stderr and a non-zero exit status, never a traceback:

    0 done · 1 error · 2 bad usage or option · 3 training diverged · 130 interrupted

``--json`` output is strict JSON, one object per line (NaN becomes null).
Everything else is in the language ``--lang ru|en`` (anywhere on the line)
or the locale (LC_ALL, LC_MESSAGES, LANG) asks for, from the window's
catalogue; argparse's own frame ("usage:", its errors) too.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from nndesk import __version__, language
from nndesk.cli_commands import download, evaluate, predict, train
from nndesk.cli_export import add_export
from nndesk.cli_output import EXIT_DIVERGED, EXIT_ERROR, EXIT_INTERRUPTED, EXIT_USAGE, UsageError, fail
from nndesk.engine_texts import in_language, phrase
from nndesk.language import translate
from nndesk.paths import mnist_dir

if TYPE_CHECKING:
    from nndesk.engine.runs.layer_spec import LayerSpec

COMMANDS = ("train", "eval", "predict", "data", "export")


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, translate("cli", "usage: ") if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse in the language spoken: its frame ("usage:", section titles, -h) and one-line errors."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, formatter_class=_Formatter, add_help=False, **kwargs)
        self._positionals.title = translate("cli", "positional arguments")
        self._optionals.title = translate("cli", "options")
        self.add_argument("-h", "--help", action="help", help=translate("cli", "show this help and exit"))

    def error(self, message: str) -> None:  # one line instead of usage + message
        error, see = translate("cli", "error:"), translate("cli", "see %1 --help").replace("%1", self.prog)
        self.exit(EXIT_USAGE, f"{self.prog}: {error} {in_language(message)} ({see})\n")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang, rest = _take_lang(argv)
    if not rest or rest[0] not in (*COMMANDS, "-h", "--help", "--version"):
        return _window(argv)  # the window reads --lang itself
    language.speak(lang if lang in language.LANGUAGES else None)
    try:
        if lang is not None and lang not in language.LANGUAGES:  # argparse's own words, so said the same way
            build_parser().error(f"argument --lang: invalid choice: {lang!r} "
                                 f"(choose from {', '.join(map(repr, sorted(language.LANGUAGES)))})")
        args = build_parser().parse_args(rest)
    except SystemExit as e:  # --help, --version, or a usage error already printed
        return e.code if isinstance(e.code, int) else EXIT_USAGE
    from nndesk.engine.core.training import TrainingDiverged
    from nndesk.engine.data.download import DownloadError
    from nndesk.engine.fast.blas import use_default_threads
    from nndesk.engine.fast.heap import steady_heap

    use_default_threads()  # one BLAS thread: faster for our small matrices (see engine.blas)
    steady_heap()  # malloc's thresholds for training's temporaries (see engine.fast.heap)
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
        return fail(f"{e.filename}: {phrase(e.strerror)}" if e.filename and e.strerror else str(e))
    except KeyboardInterrupt:
        return fail(translate("cli", "interrupted"), EXIT_INTERRUPTED)
    except Exception as e:  # a bug: still one line, unless asked for the details
        if os.environ.get("NNDESK_DEBUG"):
            raise
        return fail(translate("cli", "internal error (%1); rerun with NNDESK_DEBUG=1 and please report it").replace(
            "%1", f"{type(e).__name__}: {e}"))


def _take_lang(argv: list[str]) -> tuple[str | None, list[str]]:
    """``--lang X`` / ``--lang=X`` wherever it is (before "--"), and the rest of the line without it."""
    lang, rest, i = None, [], 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest += argv[i:]
            break
        if arg == "--lang":
            lang, i = (argv[i + 1] if i + 1 < len(argv) else ""), i + 2
            continue
        if arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
        else:
            rest.append(arg)
        i += 1
    return lang, rest


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

    data_help = translate("cli", "mnist-bundled, a toy set (xor, circles, spiral, gaussians, lecture), my-digits "
                                 "(your drawings), an .npz file, a CSV table (x1,…,xn,label) or an MNIST folder")
    parser = _Parser(prog="nndesk",
                     description=translate("cli", "A desktop lab for learning how neural networks work."),
                     epilog=translate("cli", "Without a command nndesk opens the window: nndesk [MODEL] "
                                             "[--lang ru|en] [--theme light|dark] [--self-test]"))
    parser.add_argument("--version", action="version", version=f"nndesk {__version__}",
                        help=translate("cli", "show the version and exit"))
    parser.add_argument("--lang", choices=sorted(language.LANGUAGES),  # taken out of the line by _take_lang
                        help=translate("cli", "the language to speak (default: the locale's: LC_ALL, LC_MESSAGES, "
                                              "LANG)"))
    commands = parser.add_subparsers(title=translate("cli", "commands"), metavar="COMMAND")

    tr = commands.add_parser("train", help=translate("cli", "train a network and optionally save it"))
    tr.add_argument("--dataset", required=True, type=_given, metavar="DATA", help=data_help)
    tr.add_argument("--preset", choices=list(PRESETS),
                    help=translate("cli", "start from a preset (default: the data's own)"))
    tr.add_argument("--layers", type=_layers, metavar="N,N",
                    help=translate("cli", "hidden layer sizes, e.g. 128,64 ('' for none); convolutions first: "
                                          "conv5x5x32,pool2,conv5x5x64,pool2,128"))
    tr.add_argument("--activation", choices=HIDDEN_ACTIVATIONS)
    tr.add_argument("--cost", choices=list(COSTS))
    tr.add_argument("--optimizer", choices=list(OPTIMIZERS))
    tr.add_argument("--lr", type=float, metavar="F", help=translate("cli", "learning rate η"))
    tr.add_argument("--momentum", type=float, metavar="F", help=translate("cli", "momentum μ (β₁ for Adam)"))
    tr.add_argument("--l2", type=float, metavar="F", help=translate("cli", "L2 weight decay λ"))
    tr.add_argument("--batch-size", type=int, metavar="N")
    tr.add_argument("--epochs", type=int, metavar="N")
    tr.add_argument("--seed", type=int, metavar="N")
    tr.add_argument("--schedule", choices=list(SCHEDULES), help=translate("cli", "learning-rate schedule"))
    tr.add_argument("--tolerance", type=float, metavar="F",
                    help=translate("cli", "skip samples whose outputs are this close"))
    tr.add_argument("--augment", action=argparse.BooleanOptionalAction,
                    help=translate("cli", "distort digits every epoch"))
    tr.add_argument("--extra", action="append", type=_given, metavar="DATA",
                    help=translate("cli", "add these digits to the training part, repeated (e.g. my-digits)"))
    tr.add_argument("--extra-repeat", type=int, metavar="N",
                    help=translate("cli", "how often to repeat the --extra digits (default: a tenth of the mix)"))
    tr.add_argument("--out", type=_path, metavar="FILE", help=translate("cli", "save the trained model here (.npz)"))
    tr.add_argument("--json", action="store_true", help=translate("cli", "one JSON object per epoch, then a summary"))
    tr.set_defaults(run=train)

    ev = commands.add_parser("eval", help=translate("cli", "accuracy, cost and confusion matrix of a saved model"))
    ev.add_argument("--model", required=True, type=_path, metavar="FILE")
    ev.add_argument("--dataset", required=True, type=_given, metavar="DATA", help=data_help)
    ev.add_argument("--json", action="store_true")
    ev.set_defaults(run=evaluate)

    pr = commands.add_parser("predict", help=translate("cli", "read digits from image files"))
    pr.add_argument("--model", required=True, type=_path, metavar="FILE")
    pr.add_argument("images", nargs="+", type=_path, metavar="IMAGE")
    pr.add_argument("--json", action="store_true")
    pr.set_defaults(run=predict)

    data = commands.add_parser("data", help=translate("cli", "get data sets"))
    actions = data.add_subparsers(title=translate("cli", "actions"), metavar="ACTION", required=True)
    dl = actions.add_parser("download", help=translate("cli", "download a data set"))
    dl.add_argument("name", choices=["mnist"])
    dl.add_argument("--dir", type=_path,
                    help=translate("cli", "where to put it (default %1)").replace("%1", str(mnist_dir())))
    dl.add_argument("--url", help=translate("cli", "mirror base URL"))
    dl.add_argument("--retries", type=int, default=3, metavar="N")
    dl.set_defaults(run=download)
    add_export(commands, _path, data_help)
    return parser


def _given(text: str) -> str:
    """A name or path that is not blank: "" would mean the current folder to every file function."""
    if not text.strip():
        raise argparse.ArgumentTypeError(translate("cli", "must not be empty"))
    return text


def _path(text: str) -> Path:
    return Path(_given(text))


def _layers(text: str) -> tuple[int, ...] | LayerSpec:
    if "conv" in text.lower() or "pool" in text.lower():  # convolutions first: engine/runs/layer_spec.py
        from nndesk.engine.runs.layer_spec import parse_layers
        from nndesk.engine.runs.recipe import MAX_HIDDEN_LAYERS, MAX_NEURONS

        try:
            return parse_layers(text, MAX_NEURONS, MAX_HIDDEN_LAYERS)
        except ValueError as e:
            raise argparse.ArgumentTypeError(str(e)) from None
    if text.strip().lower() in ("", "none"):
        return ()
    try:
        sizes = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(translate("cli", "expected sizes like 128,64, got %1").replace(
            "%1", repr(text))) from None
    if any(n < 1 for n in sizes):
        raise argparse.ArgumentTypeError(translate("cli", "layer sizes must be ≥ 1, got %1").replace("%1",
                                                                                                     repr(text)))
    return sizes
