"""The window and convolutional networks: refused, with a clear message, until the views can draw them.

The canvas, the inspector, the step-through and the weight views show single
neurons and the weights between them — dense layers.  A model file with
convolutions (``nndesk train --preset digits-cnn``) is fine for the command
line (``nndesk eval``, ``nndesk predict``), but the window says so and keeps
the student's current network rather than open something it can't show.
"""

from __future__ import annotations

import html
import shlex
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from nndesk.engine.core.convnet import ConvNet


def refuse_conv(window: Any, network: Any, path: Path) -> bool:
    """True (and one message) if ``network`` is convolutional; the caller then changes nothing."""
    if not isinstance(network, ConvNet):
        return False
    title = QCoreApplication.translate("WindowConv", "Can't show this model yet")
    text = QCoreApplication.translate(
        "WindowConv", "This model has convolutional layers (%1). The window can't draw convolutions yet, so your "
                      "current network is unchanged. The command line can use the model:")
    name = shlex.quote(path.name)
    commands = [f"nndesk eval --model {name} --dataset mnist-bundled", f"nndesk predict --model {name} IMAGE"]
    text = html.escape(text.replace("%1", network.architecture)) + "<pre>" + html.escape("\n".join(commands)) + "</pre>"
    window.show_message(title, text, QMessageBox.Icon.Information, str(path))
    return True
