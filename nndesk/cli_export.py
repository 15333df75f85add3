"""``nndesk export``: a saved model as ONNX, a PyTorch folder (model.py, weights.npz, train.py) or a numpy script.

The work is the engine's (``engine/export``); here are the options and the
lines said.  ``--data`` puts a data set's training part beside a PyTorch
folder (the part the model's recipe trained on, without the validation
samples it held out), so ``train.py`` has something to run on at once.  A
missing optional library (onnx) is one line on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from nndesk.cli_output import UsageError
from nndesk.language import translate

FORMATS = ("onnx", "pytorch", "numpy")


def add_export(commands: argparse._SubParsersAction, path: Callable[[str], Path], data_help: str) -> None:
    """The ``export`` subcommand, on the parser ``nndesk`` builds."""
    ex = commands.add_parser("export", help=translate("cli", "write a model as ONNX, a PyTorch folder or a numpy "
                                                              "script"))
    ex.add_argument("--model", required=True, type=path, metavar="FILE")
    ex.add_argument("--to", required=True, choices=FORMATS,
                    help=translate("cli", "onnx: one .onnx file for any runtime; pytorch: a folder with model.py, "
                                          "weights.npz and train.py (torchrun-ready); numpy: one script, numpy only"))
    ex.add_argument("--out", required=True, type=path, metavar="PATH",
                    help=translate("cli", "the file (onnx, numpy) or folder (pytorch) to write"))
    ex.add_argument("--data", type=path, metavar="DATA",
                    help=translate("cli", "pytorch only: also write this data set's training part as data.npz "
                                          "(%1)").replace("%1", data_help))
    ex.set_defaults(run=export)


def export(args: argparse.Namespace) -> int:
    from nndesk.engine.data.datasets import load
    from nndesk.engine.export.exportable import INSTALL, MissingPackage
    from nndesk.engine.export.formats import ExportFormat, export as write
    from nndesk.engine.runs.model_io import load_model

    kind = ExportFormat(args.to)
    if args.data is not None and not kind.is_folder:
        raise UsageError(translate("cli", "--data goes with --to pytorch only"))
    model = load_model(args.model)
    data = None
    if args.data is not None:
        recipe = model.recipe
        source = load(_spec(args.data), seed=recipe.seed if recipe else 0)
        data = recipe.split(source)[0] if recipe is not None else source.train  # DataError without a train part
        if data is None:
            raise ValueError(translate("cli", "{data} has no training part").format(data=source.name))
    try:
        out = write(kind, model.network, args.out, model.recipe, model.history, model.preprocessing, data)
    except MissingPackage as e:  # said in the language spoken
        raise ValueError(translate("cli", "ONNX export needs the onnx package: %1").replace("%1", INSTALL)) from e
    if kind.is_folder:
        print(translate("cli", "wrote {path}: model.py, weights.npz, train.py{data}").format(
            path=out, data=", data.npz" if data is not None else ""))
        print(translate("cli", "go on training: torchrun --standalone --nproc_per_node=2 {train} --data {data}")
              .format(train=out / "train.py", data=out / "data.npz" if data is not None else "DATA.npz"))
    else:
        print(translate("cli", "wrote {path}").format(path=out))
    return 0


def _spec(text: str | Path) -> str:
    """A data set name as it is; an existing path made absolute."""
    from nndesk.engine.data.datasets import DATASET_NAMES

    text = str(text)
    if text in DATASET_NAMES or not Path(text).expanduser().exists():
        return text
    return str(Path(text).expanduser().absolute())
