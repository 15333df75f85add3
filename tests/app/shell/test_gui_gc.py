"""Garbage cycles are collected in the GUI thread only, so no QObject is ever destroyed in a worker thread."""

from __future__ import annotations

import gc
import threading

from PySide6.QtWidgets import QComboBox

from tests.app.people import pick


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collections_happen_in_the_gui_thread_while_training_and_rendering(qtbot, window) -> None:
    assert not gc.isenabled()  # automatic collection would run in whichever thread allocates
    threads: list[str] = []

    def note(phase: str, info: dict) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    gc.callbacks.append(note)
    try:
        pick(window.findChild(QComboBox, "datasetPicker"), "XOR")  # the canvas renders, training allocates
        with qtbot.waitSignal(window.trainer.finished, timeout=30_000):
            window.train()
        before = len(threads)
        for _ in range(800):  # garbage only a collection frees, past the youngest generation's threshold
            _Cycle()
        qtbot.waitUntil(lambda: len(threads) > before, timeout=5_000)  # the GUI thread's timer collected it
    finally:
        gc.callbacks.remove(note)
    assert threads and set(threads) == {threading.main_thread().name}, threads
