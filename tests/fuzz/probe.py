"""A loader whose behaviour the file names, so the harness's own test can make a worker do each thing."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import numpy as np

from nndesk.engine.data.readers import DataError


def load(path: str) -> object:
    what = Path(path).read_text()
    if what == "clean":
        raise DataError(path, "is refused cleanly")
    if what == "bug":
        raise KeyError("a bug")
    if what == "hog":
        return np.ones(2**31 // 8 * 2)  # 4 GiB: above the worker's 1 GiB limit
    if what == "hang":
        time.sleep(60)
    if what == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    if what == "noisy":
        os.write(2, b"libfoo: warning\n")
    return what
