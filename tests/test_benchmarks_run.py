"""Every GUI and engine benchmark still runs against today's code, on its smallest setting.

Benchmarks are not timed here (the machine is shared and noisy; they print ratios measured in their own
run): these runs only prove that none has drifted from the API it drives. One had: the responsiveness
benchmark read ``network.architecture``, which only a ConvNet had, and crashed on its default preset.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

RUNS = {  # the smallest run of each, and a line of its report that must be printed
    "bench_gui_responsiveness.py --epochs 4 --repeats 1": "lateness  median / p99 / max",
    "bench_draw_latency.py --moves 20": "ms",
    "bench_conv_canvas.py --samples 10": "ms",
    "bench_conv_edit.py --seeds 1": "collapse",
    "bench_session.py --rounds 1 --digits 10": "load_session",
    "bench_my_digits.py --sizes 10": "10 drawings",
    "bench_evaluation.py --rounds 1": "evaluate (worker)",
    "bench_robustness.py --rounds 1": "ms",
    "bench_augment.py --rounds 1 --epochs 1": "×",
}


@pytest.mark.parametrize("command", sorted(RUNS))
def test_the_benchmark_runs_to_its_report(command: str) -> None:
    script, *args = command.split()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=240)
    assert "Traceback" not in done.stderr + done.stdout, done.stderr[-3000:]
    assert done.returncode in (0, 1), done.stderr[-3000:]  # 1: a verdict of FAIL on a noisy machine, not a crash
    assert RUNS[command] in done.stdout, done.stdout[-3000:]
