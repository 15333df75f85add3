"""The three ways out of nndesk, by name: one call for the command line and the window alike.

ONNX for running the network anywhere, a PyTorch folder for training it
further (also on many processes), a numpy script for reading and handing on.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from enum import Enum
from pathlib import Path

from nndesk.engine.core.convnet import ConvNet
from nndesk.engine.core.dataset import Dataset
from nndesk.engine.core.network import Network
from nndesk.engine.core.training import EpochStats
from nndesk.engine.export.exportable import ExportError, features_and_dense
from nndesk.engine.export.numpy_script import save_numpy_script
from nndesk.engine.export.onnx_graph import save_onnx
from nndesk.engine.export.pytorch_folder import write_pytorch_folder
from nndesk.engine.runs.recipe import TrainingRecipe


class ExportFormat(str, Enum):
    ONNX = "onnx"  # one .onnx file
    PYTORCH = "pytorch"  # a folder
    NUMPY = "numpy"  # one .py file

    @property
    def is_folder(self) -> bool:
        return self is ExportFormat.PYTORCH

    @property
    def suffix(self) -> str:
        """The file name ending the format's output has ("" for a folder)."""
        return {ExportFormat.ONNX: ".onnx", ExportFormat.NUMPY: ".py"}.get(self, "")


def export(kind: ExportFormat | str, network: Network | ConvNet, out: str | os.PathLike,
           recipe: TrainingRecipe | None = None, history: Sequence[EpochStats] = (), preprocessing: str | None = None,
           data: Dataset | None = None) -> Path:
    """Write ``network`` in format ``kind`` to ``out``; ``data`` (training samples) only for a PyTorch folder.

    Every expected failure is an ``ExportError`` or ``OSError`` with one clear line; nothing half-written
    stays behind a name (each file is written atomically).
    """
    kind = ExportFormat(kind)
    features_and_dense(network)  # a network no format can write is refused before anything is made
    if data is not None:
        if not kind.is_folder:
            raise ExportError("training data goes with the PyTorch folder only")
        if data.n_inputs != network.sizes[0] or data.n_outputs != network.sizes[-1]:
            raise ExportError(f"{data.name} has {data.n_inputs} inputs and {data.n_outputs} outputs; the network "
                              f"has {network.sizes[0]} and {network.sizes[-1]}")
    if not kind.is_folder and Path(out).is_dir():
        raise ExportError(f"{out}: is a folder; give the {kind.suffix} file's name")
    if kind is ExportFormat.ONNX:
        return save_onnx(out, network, preprocessing)
    if kind is ExportFormat.NUMPY:
        return save_numpy_script(out, network, preprocessing)
    return write_pytorch_folder(out, network, recipe, history, data)
