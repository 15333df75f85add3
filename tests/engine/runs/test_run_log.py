"""Run records: built from a real training run's epochs, kept as JSON, read back distrustfully; what differs."""

from __future__ import annotations

import json
import math

import pytest

from nndesk.engine.core.training import EpochStats
from nndesk.engine.runs.recipe import TrainingRecipe
from nndesk.engine.runs.run_log import MAX_RUNS, RunLog, RunRecord, changes, differences

SETTINGS = {"dataset": "xor", "layers": [2, 8, 2], "activation": "sigmoid", "cost": "cross-entropy",
            "optimizer": "sgd", "learning_rate": 0.1, "momentum": 0.9, "l2": 0.0, "batch_size": 4, "epochs": 3,
            "augment": False, "schedule": None, "continued_from": 0}


def stats(epoch: int, eta: float = 0.1, changes_: tuple = (), acc: float = 0.5) -> EpochStats:
    return EpochStats(epoch, 0.7 / epoch, 0.8 / epoch, acc, eta, 0.01, 1000.0, changes_)


def record(**settings) -> RunRecord:
    return RunLog().start({**SETTINGS, **settings})


def test_a_real_run_is_recorded_epoch_by_epoch_and_survives_json():
    recipe = TrainingRecipe.for_dataset("xor", epochs=3)
    source = recipe.load_data()
    network = recipe.build_network(2, 2)
    log = RunLog()
    run = log.start({**SETTINGS, "layers": network.sizes})
    for s in recipe.make_trainer(network, source).epochs():
        run.add_epoch(s)
    run.end("finished")
    assert [e["epoch"] for e in run.history] == [1, 2, 3]
    assert run.final["epochs"] == 3 and run.final["train_cost"] == run.history[-1]["train_cost"] > 0
    text = json.dumps(log.to_list(), allow_nan=False)  # a session writes strict JSON
    again = RunLog.from_list(json.loads(text))
    assert again.to_list() == log.to_list() and again.records[0].outcome == "finished"


def test_a_continued_run_counts_its_own_epochs_and_moves_its_eta_marks():
    run = record(continued_from=20)
    run.add_epoch(stats(21, 0.1, ((20.0, 0.1),)))  # the window's "η set between runs" mark, same η: no change
    run.add_epoch(stats(22, 1.0, ((21.5, 1.0),)))  # moved to 1.0 halfway through the run's 2nd epoch
    assert [e["epoch"] for e in run.history] == [1, 2]
    assert run.history[1]["lr_changes"] == [(1.5, 1.0)]
    assert run.eta_marks() == [(1.5, 1.0)]


def test_a_copy_stays_as_it_was_while_the_run_goes_on():
    run = record()
    run.add_epoch(stats(1))
    kept = run.copy()
    run.add_epoch(stats(2))
    run.end("finished")
    assert len(kept.history) == 1 and kept.outcome == "running" and kept.final["epochs"] == 1


def test_no_validation_set_is_none_not_nan_and_reads_back_as_nan_free():
    run = record()
    run.add_epoch(stats(1, acc=math.nan))
    assert run.history[0]["val_accuracy"] is None and run.final["val_accuracy"] is None
    back = RunRecord.from_dict(json.loads(json.dumps(run.to_dict(), allow_nan=False)))
    assert back.history[0]["val_accuracy"] is None


def test_ids_count_up_and_are_not_reused():
    log = RunLog()
    a, b = log.start(SETTINGS), log.start(SETTINGS)
    assert (a.id, b.id) == (1, 2)
    log.remove(2)
    log.remove(1)
    log.add(RunRecord(7, a.started, dict(SETTINGS)))
    assert log.start(SETTINGS).id == 8 and log.get(7) is not None and log.get(1) is None
    with pytest.raises(ValueError, match="already"):
        log.add(RunRecord(7, a.started, dict(SETTINGS)))


def test_differences_name_what_changed():
    a = record()
    assert differences(a, record()) == []
    assert differences(a, record(learning_rate=1.0)) == ["η 0.1 → 1"]
    assert differences(a, record(layers=[2, 100, 2], learning_rate=1.0)) == ["hidden 8 → 100", "η 0.1 → 1"]
    assert differences(a, record(layers=[2, 8, 8, 2])) == ["hidden 8 → 8-8"]
    assert differences(a, record(dataset="circles", layers=[2, 8, 3])) == ["data xor → circles",
                                                                           "layers 2-8-2 → 2-8-3"]
    assert differences(a, record(optimizer="adam")) == ["optimizer sgd → adam"]
    assert differences(a, record(continued_from=20)) == ["continued after epoch 20"]
    assert differences(record(continued_from=20), a) == ["fresh weights"]
    assert differences(a, record(augment=True, batch_size=32)) == ["batch 4 → 32", "augmentation on"]


def test_momentum_counts_only_where_an_optimizer_uses_it():
    assert differences(record(), record(momentum=0.0)) == []  # SGD ignores μ
    on = record(optimizer="momentum", momentum=0.9)
    assert differences(on, record(optimizer="momentum", momentum=0.0)) == ["momentum off"]
    assert differences(on, record(optimizer="momentum", momentum=0.5)) == ["momentum 0.9 → 0.5"]
    [change] = changes(on, record(optimizer="momentum", momentum=0.0))
    assert (change.key, change.before, change.after) == ("momentum", 0.9, 0.0)


def test_a_log_keeps_at_most_max_runs_dropping_the_oldest():
    log = RunLog()
    for _ in range(MAX_RUNS + 2):
        log.start(SETTINGS)
    assert len(log) == MAX_RUNS and log.records[0].id == 3


def good() -> dict:
    run = record()
    run.add_epoch(stats(1))
    run.add_epoch(stats(2, 0.5, ((1.25, 0.5),)))
    run.end("stopped")
    return json.loads(json.dumps(run.to_dict()))


def hostile() -> list[tuple[str, object]]:
    """(what is wrong, the dict): each must be refused with a ValueError."""
    cases: list[tuple[str, object]] = [("not a dict", [1, 2]), ("a string", "run"), ("None", None)]

    def bad(what: str, edit) -> None:
        d = good()
        edit(d)
        cases.append((what, d))

    bad("id missing", lambda d: d.pop("id"))
    bad("id a bool", lambda d: d.update(id=True))
    bad("id zero", lambda d: d.update(id=0))
    bad("id a float", lambda d: d.update(id=1.0))
    bad("unknown field", lambda d: d.update(__class__="x"))
    bad("started not a time", lambda d: d.update(started="yesterday"))
    bad("started a number", lambda d: d.update(started=5))
    bad("settings a list", lambda d: d.update(settings=[]))
    bad("settings unknown key", lambda d: d["settings"].update(pickle="os.system"))
    bad("settings lack η", lambda d: d["settings"].pop("learning_rate"))
    bad("η negative", lambda d: d["settings"].update(learning_rate=-1))
    bad("η NaN", lambda d: d["settings"].update(learning_rate=math.nan))
    bad("η infinite", lambda d: d["settings"].update(learning_rate=math.inf))
    bad("η text", lambda d: d["settings"].update(learning_rate="0.1"))
    bad("momentum 1", lambda d: d["settings"].update(momentum=1.0))
    bad("layers one", lambda d: d["settings"].update(layers=[2]))
    bad("layers huge", lambda d: d["settings"].update(layers=[2, 10**12, 2]))
    bad("layers text", lambda d: d["settings"].update(layers="2-8-2"))
    bad("layers bools", lambda d: d["settings"].update(layers=[True, True]))
    bad("data set empty", lambda d: d["settings"].update(dataset=""))
    bad("data set long", lambda d: d["settings"].update(dataset="x" * 10_000))
    bad("batch zero", lambda d: d["settings"].update(batch_size=0))
    bad("augment a number", lambda d: d["settings"].update(augment=1))
    bad("history a dict", lambda d: d.update(history={}))
    bad("history too long", lambda d: d.update(history=[d["history"][0]] * 100_001))
    bad("epoch not a dict", lambda d: d["history"].append(3))
    bad("epoch lacks η", lambda d: d["history"][0].pop("learning_rate"))
    bad("epochs go down", lambda d: d["history"].reverse())
    bad("epoch zero", lambda d: d["history"][0].update(epoch=0))
    bad("cost text", lambda d: d["history"][0].update(train_cost="low"))
    bad("cost infinite", lambda d: d["history"][0].update(train_cost=math.inf))
    bad("accuracy 150 %", lambda d: d["history"][0].update(val_accuracy=1.5))
    bad("η change one number", lambda d: d["history"][1].update(lr_changes=[[1.25]]))
    bad("η change to zero", lambda d: d["history"][1].update(lr_changes=[[1.25, 0]]))
    bad("η change NaN", lambda d: d["history"][1].update(lr_changes=[[math.nan, 0.5]]))
    bad("η changes a dict", lambda d: d["history"][1].update(lr_changes={"a": 1}))
    bad("final a list", lambda d: d.update(final=[1]))
    bad("final unknown", lambda d: d["final"].update(loss=1))
    bad("final epochs a float", lambda d: d["final"].update(epochs=2.5))
    bad("label a number", lambda d: d.update(label=3))
    bad("label long", lambda d: d.update(label="x" * 1000))
    bad("outcome unknown", lambda d: d.update(outcome="exploded"))
    return cases


@pytest.mark.parametrize(("what", "d"), hostile(), ids=[w for w, _ in hostile()])
def test_from_dict_refuses_a_hostile_dict_with_a_value_error(what, d):
    with pytest.raises(ValueError) as e:
        RunRecord.from_dict(d)
    assert "\n" not in str(e.value) and len(str(e.value)) < 400


def test_a_good_dict_reads_back_exactly():
    d = good()
    run = RunRecord.from_dict(d)
    assert run.to_dict() == d and run.eta_marks() == [(1.25, 0.5)] and run.outcome == "stopped"


def test_from_list_refuses_duplicates_and_non_lists():
    d = good()
    with pytest.raises(ValueError, match="same id"):
        RunLog.from_list([d, d])
    with pytest.raises(ValueError, match="list"):
        RunLog.from_list({"runs": [d]})
    with pytest.raises(ValueError, match="at most"):
        RunLog.from_list([d] * (MAX_RUNS + 1))


def test_start_checks_settings_as_a_file_is_checked():
    with pytest.raises(ValueError, match="learning_rate"):
        RunLog().start({**SETTINGS, "learning_rate": 0})
