"""`nndesk train` with a learning rate that saturates the network exits 3 with one divergence line.

Run as a user runs it (a subprocess), since the point is the exit status: such a run used to end
with exit 0 at 10 % accuracy, its cost finite but stuck far above where it started.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


@pytest.mark.parametrize("argv", [
    ["--dataset", "mnist-bundled", "--preset", "digits-small", "--lr", "999999"],
    ["--dataset", "xor", "--lr", "999999"],
    ["--dataset", "xor", "--lr", "999999", "--optimizer", "adam"],
    ["--dataset", "mnist-bundled", "--preset", "digits-small", "--lr", "999999", "--optimizer", "adam"],
])
def test_a_saturating_learning_rate_exits_3_with_the_divergence_line(argv):
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    done = subprocess.run([sys.executable, "-m", "nndesk", "train", *argv], capture_output=True, text=True,
                          timeout=120, env=env)
    assert done.returncode == 3, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("nndesk: error: training diverged in epoch 1: the network saturated")
    assert "try a smaller learning rate such as 99999.9" in lines[0] and "Traceback" not in done.stderr
