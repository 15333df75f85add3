"""The recorder turns a trainer's messages into run records: how each run ended, runs with nothing dropped."""

from __future__ import annotations

from nndesk.app.runs.recorder import RunRecorder
from nndesk.engine.core.training import EpochStats
from nndesk.engine.runs.run_log import RunRecord

SETTINGS = {"dataset": "xor", "layers": [2, 8, 2], "learning_rate": 0.1, "epochs": 3, "continued_from": 0}


def epoch(n: int, eta: float = 0.1) -> EpochStats:
    return EpochStats(n, 1.0 / n, 1.1 / n, 0.5, eta, 0.01, 100.0)


def run(recorder: RunRecorder, epochs: int, *notes: str, **settings) -> RunRecord:
    record = recorder.begin({**SETTINGS, **settings})
    for n in range(1, epochs + 1):
        recorder.add_epoch(epoch(n + settings.get("continued_from", 0)))
    for note in notes:
        recorder.note(note)
    recorder.end()
    return record


def test_how_runs_end(qtbot):
    recorder = RunRecorder()
    assert run(recorder, 3).outcome == "finished"
    assert run(recorder, 2, "stopped").outcome == "stopped"
    assert run(recorder, 2).outcome == "stopped"  # fewer epochs than asked for, however that happened
    assert run(recorder, 1, "diverged").outcome == "diverged"
    assert run(recorder, 1, "diverged", "stopped").outcome == "diverged"  # the worse word wins
    assert run(recorder, 0, "failed").outcome == "failed"  # kept: it says what happened
    assert [r.id for r in recorder.log.records] == [1, 2, 3, 4, 5, 6] and recorder.current is None


def test_a_run_stopped_before_its_first_epoch_is_dropped(qtbot):
    recorder = RunRecorder()
    run(recorder, 3)
    with qtbot.waitSignal(recorder.listChanged):
        run(recorder, 0, "stopped")
    assert [r.id for r in recorder.log.records] == [1]


def test_signals_follow_the_run(qtbot):
    recorder = RunRecorder()
    with qtbot.waitSignal(recorder.listChanged):
        record = recorder.begin(SETTINGS)
    with qtbot.waitSignal(recorder.runUpdated) as updated:
        recorder.add_epoch(epoch(1))
    assert updated.args == [record.id] and record.final["epochs"] == 1
    recorder.end()
    recorder.add_epoch(epoch(2))  # after the end: nobody's epoch
    assert len(record.history) == 1


def test_a_session_replaces_the_runs_and_the_run_training_now_goes_on(qtbot):
    recorder = RunRecorder()
    run(recorder, 3)
    live = recorder.begin(SETTINGS)
    saved = [RunRecord(5, live.started, dict(SETTINGS), outcome="running"), RunRecord(6, live.started, dict(SETTINGS))]
    recorder.set_runs(saved)
    assert [r.id for r in recorder.log.records] == [5, 6, 7] and live.id == 7
    assert saved[0].outcome == "stopped"  # saved while it trained: it ended there
    recorder.add_epoch(epoch(1))
    recorder.end()
    assert live.history and live.outcome == "stopped"


def test_forget_keeps_the_run_training_now(qtbot):
    recorder = RunRecorder()
    run(recorder, 3)
    live = recorder.begin(SETTINGS)
    recorder.forget([1, live.id, 99])
    assert recorder.log.records == [live]
