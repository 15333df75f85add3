"""steady_heap: an epoch's big arrays go back to the system when freed, instead of staying in malloc's heap."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")

# What a run does: one epoch's distorted images (14 MB) freed, then the next epoch's, then RSS after it is freed.
_EPOCHS = """
import json, sys
from pathlib import Path
import numpy as np
from nndesk.engine.fast.heap import steady_heap

def anon_mb():
    line = next(l for l in Path("/proc/self/status").read_text().splitlines() if l.startswith("RssAnon:"))
    return int(line.split()[1]) / 1024

settled = steady_heap() if sys.argv[1] == "steady" else False
before = anon_mb()
for _ in range(3):
    images = np.ones((4500, 784), np.float32)  # an epoch's distorted digits, touched
    del images
print(json.dumps({"settled": settled, "kept_mb": anon_mb() - before}))
"""


def _run(mode: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    done = subprocess.run([sys.executable, "-c", _EPOCHS, mode], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_an_epochs_images_are_given_back_when_freed():
    steady = _run("steady")
    assert steady["settled"] and steady["kept_mb"] < 4


def test_glibcs_default_keeps_them_which_is_what_steady_heap_is_for():
    """The control: with the rising default threshold the second epoch's array comes from the heap and stays."""
    assert _run("default")["kept_mb"] > 10
