"""Does the app's memory stay flat while the digits preset trains in the window for half an hour?

    python benchmarks/soak_gui.py [--minutes 30] [--interval 30] [--types] [--tracemalloc]
    xvfb-run -a -s "-screen 0 1280x800x24" python benchmarks/soak_gui.py --platform xcb

The real main window (offscreen Qt unless ``--platform xcb``) with the views a
student has open — the network canvas, the cost plot, the draw pad with a
digit drawn on it, so every new set of weights is predicted again — trains the
``digits`` preset on the 5,000 bundled MNIST digits.  Train is clicked on the
real button, and clicked again whenever a run ends, so the process trains for
the whole soak; the history and the cost plot keep growing across runs, as they
do for a student who keeps pressing Train.

Every ``--interval`` seconds it prints the process's resident memory from
``/proc/self/status`` (VmRSS, split into RssAnon — heap and numpy — and RssFile
— mapped libraries), the epochs trained, the Python objects the garbage
collector tracks and the window's QObjects.  At the end: the growth after the
first five minutes, (max RSS after minute 5 − RSS at minute 5) / RSS at minute 5,
against the goal of < 10 %.  A benchmark prints, it does not judge: exit 0.

To find a leak: ``--types`` prints the Python types whose instance counts grew
most between minute 5 and the end; ``--tracemalloc`` adds the traced Python/numpy
heap to the table and the source lines whose allocations grew most.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import os
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from dataclasses import dataclass, field

os.environ.setdefault("NNDESK_SETTINGS", os.path.join(tempfile.mkdtemp(), "settings.ini"))

GOAL = 0.10  # RSS may grow less than 10 % after the first minutes
MB = 1024 * 1024
SLACK = 0.02  # minutes: a sample due at minute 5 may fire a moment early and still is minute 5's


def proc_status() -> dict[str, float]:
    """VmRSS, RssAnon, RssFile and VmHWM of this process in MB (Linux; zeros elsewhere)."""
    values = dict.fromkeys(("VmRSS", "RssAnon", "RssFile", "VmHWM"), 0.0)
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                key, _, rest = line.partition(":")
                if key in values:
                    values[key] = int(rest.split()[0]) / 1024  # kB
    except OSError:
        pass
    return values


class _Mallinfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split()]


def _libc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = _Mallinfo2
        return libc
    except (OSError, AttributeError):  # not glibc ≥ 2.33
        return None


LIBC = _libc()


def malloc_split() -> tuple[float, float, float]:
    """glibc malloc's bytes in use in its arenas, free bytes it keeps there, and big blocks mmapped (MB).

    numpy's arrays live here (Python's small objects do not), so "kept free" growing along with
    RSS means the allocator holds on to freed memory, not that something is alive.
    """
    if LIBC is None:
        return 0.0, 0.0, 0.0
    info = LIBC.mallinfo2()
    return info.uordblks / MB, info.fordblks / MB, info.hblkhd / MB


def type_counts() -> Counter[str]:
    """Instances per type name among the objects the garbage collector tracks.

    Objects frozen by ``gc.freeze()`` (the app freezes its long-lived ones as training first
    starts) are not listed; anything created after that is.
    """
    gc.collect()
    return Counter(type(o).__name__ for o in gc.get_objects())


@dataclass
class Sample:
    minute: float
    rss: float
    anon: float
    file: float
    used: float
    kept: float
    mapped: float
    epochs: int
    runs: int
    objects: int
    qobjects: int
    traced: float | None


@dataclass
class Soak:
    """Samples the window while it trains; remembers what the final summary needs."""

    window: object
    baseline_minute: float
    trim: bool = False
    samples: list[Sample] = field(default_factory=list)
    runs: int = 0
    start: float = 0.0
    epochs_at_click: int = 0
    first_restart: float | None = None  # minute the first run ended: malloc's one-time step comes then
    trouble: str = ""  # why the soak ended early: a failed or diverged run, a run without an epoch
    baseline_types: Counter[str] | None = None
    baseline_trace: tracemalloc.Snapshot | None = None

    def click_train(self) -> None:
        """Click the dock's Train button as a student would (the window's action if it is hidden)."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QToolButton

        self.epochs_at_click = len(self.window.trainer.history)
        if self.runs == 1 and self.first_restart is None:
            self.first_restart = (time.perf_counter() - self.start) / 60
        button = self.window.training_dock.findChild(QToolButton, "trainButton")
        if button is not None and button.isVisible():
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        else:
            self.window.training_dock.train_action.trigger()
        self.runs += self.window.trainer.is_active

    def sample(self) -> None:
        from PySide6.QtCore import QObject

        minute = (time.perf_counter() - self.start) / 60
        if self.trim and LIBC is not None:
            LIBC.malloc_trim(0)  # give every free page back first: what remains is really in use
        status = proc_status()
        traced = tracemalloc.get_traced_memory()[0] / MB if tracemalloc.is_tracing() else None
        row = Sample(minute, status["VmRSS"], status["RssAnon"], status["RssFile"], *malloc_split(),
                     len(self.window.trainer.history), self.runs, len(gc.get_objects()) + gc.get_freeze_count(),
                     len(self.window.findChildren(QObject)), traced)
        self.samples.append(row)
        print(f"{row.minute:6.1f} {row.rss:8.1f} {row.anon:8.1f} {row.file:8.1f} {row.used:8.1f} {row.kept:8.1f} "
              f"{row.mapped:8.1f} {row.epochs:7d} {row.runs:5d} "
              f"{row.objects:9d} {row.qobjects:8d}" + ("" if traced is None else f" {traced:9.1f}"), flush=True)
        if self.baseline_types is None and minute >= self.baseline_minute - SLACK:
            self.baseline_types = type_counts()
            if tracemalloc.is_tracing():
                self.baseline_trace = tracemalloc.take_snapshot()


def header(tracing: bool) -> str:
    return (f"{'minute':>6} {'RSS MB':>8} {'anon MB':>8} {'file MB':>8} {'malloc':>8} {'kept':>8} {'mmapped':>8} "
            f"{'epochs':>7} {'runs':>5} "
            f"{'py objs':>9} {'QObjects':>8}" + (f" {'traced MB':>9}" if tracing else ""))


def summary(soak: Soak, show_types: bool) -> None:
    """Growth after the baseline minute, and where it went."""
    samples = soak.samples
    if soak.trouble:
        print(f"\nthe soak ended early at minute {samples[-1].minute:.1f}: {soak.trouble}")
    print(f"\n{samples[-1].epochs} epochs in {soak.runs} runs; peak RSS (VmHWM) {proc_status()['VmHWM']:.1f} MB")
    if soak.first_restart is not None:
        print(f"the first run ended at minute {soak.first_restart:.1f} (glibc's malloc keeps 20-60 MB more from "
              f"then on: see benchmarks/README.md)")
    base = next((s for s in samples if s.minute >= soak.baseline_minute - SLACK), None)
    later = [s for s in samples if base is not None and s.minute > base.minute]
    if base is None or not later:
        print(f"growth after minute {soak.baseline_minute:g}: not measured (the soak was shorter)")
        return
    top = max(later, key=lambda s: s.rss)
    growth = (top.rss - base.rss) / base.rss
    verdict = "under" if growth < GOAL else "NOT under"
    print(f"RSS at minute {base.minute:.1f}: {base.rss:.1f} MB; max after it: {top.rss:.1f} MB "
          f"(minute {top.minute:.1f}); growth {100 * growth:+.1f} % — {verdict} the {100 * GOAL:.0f} % goal")
    print(f"  of which anon {top.anon - base.anon:+.1f} MB, file-mapped {top.file - base.file:+.1f} MB; "
          f"Python objects {top.objects - base.objects:+d}, QObjects {top.qobjects - base.qobjects:+d}")
    print(f"  malloc: in use {top.used - base.used:+.1f} MB, kept free {top.kept - base.kept:+.1f} MB, "
          f"mmapped {top.mapped - base.mapped:+.1f} MB")
    if show_types and soak.baseline_types is not None:
        print(f"\nPython types that grew most since minute {base.minute:.1f}:")
        for name, n in (type_counts() - soak.baseline_types).most_common(12):
            print(f"  {n:+8d}  {name}")
    if soak.baseline_trace is not None:
        print(f"\nsource lines whose live allocations grew most since minute {base.minute:.1f}:")
        for stat in tracemalloc.take_snapshot().compare_to(soak.baseline_trace, "lineno")[:12]:
            print(f"  {stat.size_diff / MB:+8.2f} MB  {stat.count_diff:+7d} blocks  {stat.traceback}")


def draw_a_one(window) -> None:
    """A vertical stroke on the draw pad: from now on every new set of weights is predicted again."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    pad, left = window.draw_widget.pad, Qt.MouseButton.LeftButton
    x, y, h = pad.width() // 2, pad.height() // 2, pad.height() // 3
    QTest.mousePress(pad, left, Qt.KeyboardModifier.NoModifier, QPoint(x, y - h))
    for step in range(1, 11):
        QTest.mouseMove(pad, QPoint(x + step // 3, y - h + step * 2 * h // 10))
    QTest.mouseRelease(pad, left, Qt.KeyboardModifier.NoModifier, QPoint(x + 3, y + h))


def soak(minutes: float, interval: float, baseline_minute: float, epochs: int | None, trim: bool) -> Soak:
    from PySide6.QtCore import Qt, QTimer, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from nndesk.app.shell.main_window import MainWindow

    qInstallMessageHandler(lambda _kind, _context, text: None if "propagateSizeHints" in text  # offscreen's noise
                           else print(text, file=sys.stderr))
    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.show()
    if epochs:
        window.trainer.update(epochs=epochs)  # shorter runs: more restarts in the same time
    window.loss_dock.raise_()  # the views a student has open: canvas, cost plot, draw pad
    window.draw_dock.raise_()
    run = Soak(window, baseline_minute, trim)

    def again() -> None:
        """A run ended: click Train again, so the soak keeps training — unless the run went wrong."""
        if len(window.trainer.history) == run.epochs_at_click:
            run.trouble = run.trouble or "a run ended without finishing an epoch"
        QTimer.singleShot(100, end if run.trouble else run.click_train)

    def went_wrong(text: str, *_: object) -> None:
        run.trouble = text.strip().splitlines()[-1]

    window.trainer.finished.connect(again)
    window.trainer.failed.connect(went_wrong)
    window.trainer.diverged.connect(went_wrong)
    sampler = QTimer(interval=round(interval * 1000), timeout=run.sample)
    sampler.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may fire up to 5 % early

    def begin() -> None:
        draw_a_one(window)
        run.start = time.perf_counter()
        run.sample()
        run.click_train()
        sampler.start()

    def end() -> None:
        if not sampler.isActive():
            return  # already ended early
        sampler.stop()
        window.trainer.finished.disconnect(again)
        window.stop_and_wait()
        run.sample()
        app.exit(0)  # not quit(): in Qt 6 that also closes the window, which would ask to save

    QTimer.singleShot(1000, begin)  # let the window lay itself out first
    QTimer.singleShot(1000 + round(minutes * 60_000), end)
    app.exec()
    window.document.set_modified(False)
    window.close()
    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--interval", type=float, default=30.0, help="seconds between samples")
    parser.add_argument("--baseline", type=float, default=5.0, help="minute from which growth counts")
    parser.add_argument("--epochs", type=int, help="epochs per run (default: the preset's 400)")
    parser.add_argument("--platform", choices=("offscreen", "xcb"), default="offscreen",
                        help="Qt platform (xcb needs a display, e.g. xvfb-run -a)")
    parser.add_argument("--types", action="store_true", help="print the Python types that grew most")
    parser.add_argument("--tracemalloc", action="store_true", help="trace Python/numpy allocations (slower)")
    parser.add_argument("--trim", action="store_true", help="malloc_trim(0) before each sample (changes RSS!)")
    args = parser.parse_args(argv)
    os.environ["QT_QPA_PLATFORM"] = args.platform
    if args.tracemalloc:
        tracemalloc.start()
    print(f"digits preset in the main window ({args.platform}), {args.minutes:g} min, a sample every "
          f"{args.interval:g} s; pid {os.getpid()}")
    print(header(args.tracemalloc), flush=True)
    summary(soak(args.minutes, args.interval, args.baseline, args.epochs, args.trim), args.types)
    return 0


if __name__ == "__main__":
    sys.exit(main())
