"""``nndesk --self-test``: prove that this installation carries everything the app needs.

A frozen bundle fails quietly where a checkout doesn't: a data file left out,
a module imported only lazily, a Qt plugin or translation pruned, a broken
OpenBLAS, CA certificates.  So this walks the app's real code paths once, end
to end: the bundled digits, HTTPS trust for the MNIST download (offline), the
Russian catalogue, the lecture's example, a short digits training run, a
prediction through the drawing pad's preprocessing, and the main window
rendered and grabbed.  Each check prints one line; the exit status is 0 only
if every check passed.

It leaves the user's things alone: settings go to a temporary .ini file
(``NNDESK_SETTINGS``), nothing is downloaded or saved.  Without a display it
renders offscreen, so it also runs on a build server.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

Check = Callable[[dict], str]  # takes the shared state, returns a detail line, raises on failure
CHANCE = 0.1  # ten digit classes


def _app():
    """The QApplication (created once, offscreen if there is no display)."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from nndesk.app.shell import settings

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "nndesk"])
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    return app


def check_numpy(state: dict) -> str:
    from nndesk.engine.fast.blas import info

    a = np.arange(64 * 64, dtype=np.float32).reshape(64, 64) / 4096
    if not np.allclose(a @ np.eye(64, dtype=np.float32), a):
        raise AssertionError("a matrix product through BLAS gave a wrong result")
    from nndesk.engine.fast import gemm

    blas = info()
    if not blas:
        raise AssertionError("numpy loaded no BLAS library")
    update = ("weight updates in one gemm call" if gemm.available(np.float32)
              else "weight updates through numpy (no direct BLAS call found: slower)")
    return f"numpy {np.__version__}, {blas[0].get('internal_api')} {blas[0].get('version')}; {update}"


def check_data(state: dict) -> str:
    from nndesk.engine.data.datasets import BUNDLED, load

    digits = load(BUNDLED).train
    if digits.n_inputs != 784 or digits.n_classes != 10 or len(digits) < 1000:
        raise AssertionError(f"unexpected bundled data: {len(digits)} samples × {digits.n_inputs} inputs")
    counts = np.bincount(digits.y, minlength=10)
    if counts.min() == 0:
        raise AssertionError(f"a digit class is missing: {counts.tolist()}")
    state["digits"] = digits
    return f"{len(digits):,} digits, {counts.min()}–{counts.max()} per class"


def check_https(state: dict) -> str:
    """The MNIST download verifies its server: Python's ssl must find CA certificates (no network used)."""
    import ssl

    context = ssl.create_default_context()
    loaded = context.cert_store_stats()["x509_ca"]
    capath = ssl.get_default_verify_paths().capath  # certificates a directory offers are loaded on demand
    if not loaded and not (capath and Path(capath).is_dir() and any(Path(capath).iterdir())):
        raise AssertionError(f"no CA certificates found ({ssl.get_default_verify_paths()}): downloads would fail")
    return f"{ssl.OPENSSL_VERSION}, {loaded} CA certificates" + (f" (+ {capath})" if capath and not loaded else "")


def check_translations(state: dict) -> str:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from nndesk.paths import resource

    _app()
    ours = QTranslator()
    path = resource("nndesk_ru.qm")
    if not ours.load(str(path)):
        raise AssertionError(f"{path} is not a valid Qt translation")
    source = ("MainWindow", "&File")
    russian = ours.translate(*source)
    if not russian or russian == source[1]:
        raise AssertionError(f"nndesk_ru.qm does not translate {source[1]!r} ({source[0]})")
    qt_own = QTranslator()
    if not qt_own.load("qtbase_ru", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        raise AssertionError("Qt's own qtbase_ru.qm (dialog buttons) is missing")
    return f"{path.name}: {source[1]!r} → {russian!r}; qtbase_ru.qm loads"


def check_lecture(state: dict) -> str:
    """The slides' numbers (0.57, 0.59, 0.17, 0.08, 0.192 …) and one training step that reproduces 0.192."""
    from nndesk.engine.core.control import Hyperparameters, TrainingControl
    from nndesk.engine.core.training import Trainer
    from nndesk.engine.data.datasets import load
    from nndesk.engine.explain.lecture import LECTURE_ETA, LECTURE_INPUT, LECTURE_TARGET, lecture_network

    slides = ["0.57", "0.59", "0.17", "0.08", "0.192", "0.028", "0.006"]
    try:
        from nndesk.engine.explain.stepthrough import walkthrough
    except ImportError:  # an older engine: check the forward pass against the slides instead
        _, a = lecture_network().forward(LECTURE_INPUT[None])
        shown = [f"{a[1][0, 0]:.2f}", f"{a[2][0, 0]:.2f}"]
        if shown != ["0.57", "0.59"]:
            raise AssertionError(f"forward pass gives {shown}, the slides 0.57 and 0.59") from None
    else:
        shown = [s.shown(slide=True) for s in walkthrough(lecture_network(), LECTURE_INPUT, LECTURE_TARGET,
                                                          LECTURE_ETA).steps]
        remaining = iter(shown)
        if not all(any(s == want for s in remaining) for want in slides):
            raise AssertionError(f"step-through shows {shown}, expected {slides} in this order")
    net = lecture_network()
    hyper = Hyperparameters(learning_rate=LECTURE_ETA, momentum=0.0, batch_size=1, epochs=1)
    list(Trainer(net, load("lecture").train, control=TrainingControl(hyper), optimizer="sgd").epochs())
    w00 = float(net.layers[1].weights[0, 0])  # w₀₀⁽¹⁾: 0.2 − 0.1·0.08
    if abs(w00 - 0.192) > 0.001:
        raise AssertionError(f"one training step gives w00(1) = {w00:.4f}, the slides 0.192")
    return f"slides {' → '.join(slides)}; trained w00(1) = {w00:.4f}"


def check_training(state: dict) -> str:
    from nndesk.engine.core.control import Hyperparameters, TrainingControl
    from nndesk.engine.core.network import Network
    from nndesk.engine.core.training import Trainer

    train, val = state["digits"].split(0.2, seed=0)
    train = train.subset(np.random.default_rng(0).permutation(len(train))[:2000])  # the files are sorted by class
    net = Network.create([784, 32, 10], "sigmoid", "cross-entropy", seed=0)
    hyper = Hyperparameters(learning_rate=0.5, momentum=0.0, batch_size=20, epochs=3)
    accuracy = [s.val_accuracy for s in Trainer(net, train, val, TrainingControl(hyper), optimizer="sgd").epochs()]
    if len(accuracy) != 3 or accuracy[-1] < 5 * CHANCE:
        raise AssertionError(f"validation accuracy per epoch {accuracy}: not clearly above chance ({CHANCE:.0%})")
    state["network"], state["validation"] = net, val
    return f"{len(train):,} digits, 3 epochs: accuracy {' → '.join(f'{a:.0%}' for a in accuracy)}"


def check_prediction(state: dict) -> str:
    """Bundled digits drawn large, dark on white (as on the pad), through MNIST-style centring."""
    from nndesk.engine.data.preprocess import mnist_centre

    net, val = state.get("network"), state.get("validation")
    if net is None:
        raise AssertionError("no trained network: the training check failed")
    pick = np.array([np.flatnonzero(val.y == c)[0] for c in range(10)])
    drawings = [255 - np.kron(val.x[i].reshape(28, 28), np.ones((10, 10), np.uint8)) for i in pick]
    inputs = np.stack([mnist_centre(d).reshape(-1) for d in drawings])
    predicted = net.predict(inputs)
    right = int(np.sum(predicted == val.y[pick]))
    if right < 6:
        raise AssertionError(f"{right}/10 drawn digits recognised: predicted {predicted.tolist()}")
    return f"{right}/10 drawn digits recognised, e.g. a {val.y[pick[3]]} → {predicted[3]}"


def check_window(state: dict) -> str:
    app = _app()
    from nndesk.app.shell.main_window import MainWindow

    window = MainWindow()
    try:
        window.resize(1024, 700)
        window.show()
        app.processEvents()
        image = window.grab().toImage()
        if image.isNull() or image.width() < 300 or image.height() < 200:
            raise AssertionError(f"grabbing the window gave a {image.width()}×{image.height()} image")
        colours = {image.pixel(x, y) for x in range(0, image.width(), 16) for y in range(0, image.height(), 16)}
        if len(colours) < 3:
            raise AssertionError("the grabbed window is blank")
        platform = app.platformName()
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
    return f"{type(window).__name__} rendered {image.width()}×{image.height()} on '{platform}', {len(colours)} colours"


CHECKS: list[tuple[str, Check]] = [
    ("numpy and BLAS", check_numpy),
    ("bundled data", check_data),
    ("HTTPS certificates", check_https),
    ("translations", check_translations),
    ("lecture example", check_lecture),
    ("digits training", check_training),
    ("digit prediction", check_prediction),
    ("main window", check_window),
]


def run_self_test() -> int:
    """Run every check, print one line each, return 0 if all passed, else 1.

    A windowed app on Windows may have no stdout at all, so
    ``NNDESK_SELFTEST_LOG=<file>`` writes the same lines to a file too.
    """
    if sys.stdout is not None and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")  # a Windows console's code page has no "→" or Cyrillic
    log_path = os.environ.get("NNDESK_SELFTEST_LOG")
    log = open(log_path, "w", encoding="utf-8") if log_path else None  # noqa: SIM115 (closed below)

    def say(line: str) -> None:
        for stream in (sys.stdout, log):
            if stream is not None:
                stream.write(line + "\n")
                stream.flush()

    try:
        with tempfile.TemporaryDirectory(prefix="nndesk-selftest-") as tmp:
            saved = os.environ.get("NNDESK_SETTINGS")
            os.environ["NNDESK_SETTINGS"] = str(Path(tmp) / "settings.ini")
            try:
                return _run_checks(say)
            finally:
                if saved is None:
                    os.environ.pop("NNDESK_SETTINGS", None)
                else:
                    os.environ["NNDESK_SETTINGS"] = saved
    finally:
        if log is not None:
            log.close()


def _run_checks(say: Callable[[str], None]) -> int:
    from nndesk import __version__

    frozen = " (frozen bundle)" if getattr(sys, "frozen", False) else ""
    say(f"nndesk {__version__} self-test{frozen}, Python {sys.version.split()[0]}")
    state: dict = {}
    failed = 0
    start = time.perf_counter()
    for name, check in CHECKS:
        t0 = time.perf_counter()
        try:
            detail, ok = check(state), True
        except Exception as e:  # noqa: BLE001 (every failure is reported, then the next check runs)
            detail, ok = f"{type(e).__name__}: {e}", False
        failed += not ok
        say(f"{'ok  ' if ok else 'FAIL'} {name}: {detail} [{time.perf_counter() - t0:.2f} s]")
    verdict = "all checks passed" if not failed else f"{failed} of {len(CHECKS)} checks FAILED"
    say(f"self-test: {verdict} in {time.perf_counter() - start:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(run_self_test())
