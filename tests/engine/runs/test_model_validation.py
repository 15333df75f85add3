"""A model file is checked through before anything is returned: network, optimizer state, history, recipe, metadata.

Each hostile file here is a good file with one thing changed, so each test proves that one check
(and says which line of text the student gets: one line naming the file and the problem).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from nndesk.engine.runs.model_io import ModelError, load_model
from nndesk.engine.runs.recipe import MAX_BATCH_SIZE, MAX_EPOCHS, MAX_L2, TrainingRecipe
from tests.engine.runs.hostile_models import HOSTILE, Edit, edited, history_1e400, trained_model


# ---- recipe ranges (one definition: the CLI, the window and model files all use them) ------------
@pytest.mark.parametrize(("change", "message"), [
    ({"epochs": MAX_EPOCHS + 1}, "epochs"), ({"epochs": 10**18}, "epochs"), ({"epochs": 0}, "epochs"),
    ({"batch_size": MAX_BATCH_SIZE + 1}, "batch size"), ({"l2": MAX_L2 * 2}, "L2"), ({"l2": float("nan")}, "L2"),
    ({"l2": float("inf")}, "L2"), ({"learning_rate": 1e6}, "learning rate"), ({"momentum": 1.0}, "momentum"),
])
def test_a_recipe_out_of_range_is_a_value_error_naming_the_setting(change, message):
    with pytest.raises(ValueError, match=message):
        TrainingRecipe().with_changes(**change)


def test_the_largest_values_in_range_are_accepted():
    r = TrainingRecipe().with_changes(epochs=MAX_EPOCHS, batch_size=MAX_BATCH_SIZE, l2=MAX_L2)
    assert TrainingRecipe.from_json(r.to_json()) == r


# ---- files: one good model, edited one way at a time ---------------------------------------------
@pytest.fixture(scope="module", params=["sgd", "momentum", "adam"])
def good(request, tmp_path_factory) -> bytes:
    return trained_model(tmp_path_factory.mktemp(request.param) / "m.npz", request.param).read_bytes()


@pytest.fixture(scope="module")
def adam(tmp_path_factory) -> bytes:
    return trained_model(tmp_path_factory.mktemp("adam") / "m.npz", "adam").read_bytes()


@pytest.fixture(scope="module")
def momentum(tmp_path_factory) -> bytes:
    return trained_model(tmp_path_factory.mktemp("momentum") / "m.npz", "momentum").read_bytes()


def _edited(good: bytes, tmp_path: Path, edit: Edit) -> Path:
    return edited(good, tmp_path / "edited.npz", edit)


def _refused(path: Path, message: str) -> str:
    with pytest.raises(ModelError, match=message) as e:
        load_model(path)
    text = str(e.value)
    assert text.startswith(str(path)) and "\n" not in text
    return text


def test_every_good_model_loads_with_a_working_optimizer(good, tmp_path):
    path = tmp_path / "good.npz"
    path.write_bytes(good)
    m = load_model(path)
    opt = m.optimizer()
    assert opt is not None and opt.name == m.recipe.optimizer and len(m.history) == 2


# ---- optimizer state --------------------------------------------------------------------------------
def _set(key: str, value: np.ndarray) -> Edit:
    return lambda a, m: a.__setitem__(key, value)


@pytest.mark.parametrize(("edit", "message"), [
    (_set("optimizer.mystery", np.zeros(3)), "optimizer state .*mystery"),
    (lambda a, m: a.pop("optimizer.v_1"), "optimizer state .*v_1"),
    (_set("optimizer.t", np.array([[3]])), "step count"),
    (_set("optimizer.t", np.array(-1)), "step count"),
    (_set("optimizer.t", np.array(2.0)), "step count"),
    (_set("optimizer.t", np.array(True)), "step count"),
    (_set("optimizer.m_0", np.zeros((2, 5), np.float32)), "m_0 .*shape"),
    (_set("optimizer.m_0", np.zeros((3, 5), np.complex64)), "m_0.*complex64"),
    (lambda a, m: a["optimizer.v_0"].__setitem__((0, 0), np.inf), "NaN or infinite .*v_0"),
    (lambda a, m: m.__setitem__("optimizer", {"name": "rmsprop", "arrays": []}), "unknown optimizer"),
    (lambda a, m: m.__setitem__("optimizer", None), "optimizer state but no optimizer"),
])
def test_adam_state_that_is_not_exactly_adams_is_refused(adam, tmp_path, edit, message):
    _refused(_edited(adam, tmp_path, edit), message)


@pytest.mark.parametrize("dtype", [np.int32, np.bool_, np.uint8, np.int64])
def test_momentum_state_of_integers_or_booleans_is_refused(momentum, tmp_path, dtype):
    """nndesk never writes integer momentum; a file that holds some was not made by a training run."""
    text = _refused(_edited(momentum, tmp_path, lambda a, m: a.__setitem__(
        "optimizer.velocity_1", a["optimizer.velocity_1"].astype(dtype))), "velocity_1")
    assert np.dtype(dtype).name in text


@pytest.mark.parametrize("dtype", [np.float16, np.float64])
def test_float_momentum_state_is_converted_to_the_networks_type(momentum, tmp_path, dtype):
    path = _edited(momentum, tmp_path, lambda a, m: a.__setitem__(
        "optimizer.velocity_0", a["optimizer.velocity_0"].astype(dtype)))
    m = load_model(path)
    velocity = m.optimizer().velocity
    assert all(v.dtype == m.network.dtype for v in velocity)


def test_float64_state_too_big_for_float32_weights_is_refused(momentum, tmp_path):
    path = _edited(momentum, tmp_path, lambda a, m: a.__setitem__(
        "optimizer.velocity_0", np.full(a["optimizer.velocity_0"].shape, 1e300)))
    _refused(path, "NaN or infinite .*velocity_0")


def test_state_saved_with_w_and_b_apart_is_still_accepted(momentum, tmp_path):
    def split(a: dict, m: dict) -> None:
        joined = [a.pop(f"optimizer.velocity_{i}") for i in range(3)]
        for i, v in enumerate(joined):
            a[f"optimizer.velocity_{2 * i}"], a[f"optimizer.velocity_{2 * i + 1}"] = v[:-1].T.copy(), v[-1].copy()
    m = load_model(_edited(momentum, tmp_path, split))
    assert [v.shape for v in m.optimizer().velocity] == [p.shape for p in m.network.parameters()]


def test_w_and_b_apart_state_of_the_wrong_shapes_is_refused(momentum, tmp_path):
    def split(a: dict, m: dict) -> None:
        joined = [a.pop(f"optimizer.velocity_{i}") for i in range(3)]
        for i, v in enumerate(joined):
            a[f"optimizer.velocity_{2 * i}"], a[f"optimizer.velocity_{2 * i + 1}"] = v.copy(), v[-1].copy()
    _refused(_edited(momentum, tmp_path, split), "velocity_0 .*shape")


# ---- history ----------------------------------------------------------------------------------------------
def _history(change: Callable[[list], None]) -> Edit:
    return lambda a, m: change(m["history"])


@pytest.mark.parametrize(("edit", "message"), [
    (_history(lambda h: h[0].__setitem__("train_cost", float("inf"))), "train_cost"),
    (_history(lambda h: h[1].__setitem__("learning_rate", float("nan"))), "learning_rate"),
    (_history(lambda h: h[1].__setitem__("epoch", 1)), "increasing"),
    (_history(lambda h: h[0].__setitem__("epoch", 0)), "epoch"),
    (_history(lambda h: h[0].__setitem__("epoch", 1.5)), "epoch"),
    (_history(lambda h: h[0].__setitem__("val_accuracy", 2.0)), "val_accuracy"),
    (_history(lambda h: h[0].__setitem__("seconds", -1)), "seconds"),
    (_history(lambda h: h[0].__setitem__("lr_changes", [[0.5, float("inf")]])), "learning-rate change"),
    (_history(lambda h: h[0].__setitem__("lr_changes", [[0.5]])), "learning-rate change"),
    (_history(lambda h: h[0].__setitem__("train_cost", True)), "train_cost"),
    (_history(lambda h: h[0].__setitem__("network", 784)), "network description in entry 1"),
    (_history(lambda h: h[1].__setitem__("network", "784-30-10\nsigmoid")), "network description in entry 2"),
    (_history(lambda h: h[0].__setitem__("network", "7" * 100_000)), "network description"),
    (_history(lambda h: h[0].pop("val_cost")), "history"),
    (_history(lambda h: h[0].__setitem__("colour", 1)), "history"),
    (_history(lambda h: h.append("epoch 3")), "history"),
    (lambda a, m: m.__setitem__("history", {"epoch": 1}), "history"),
])
def test_a_history_that_is_not_finite_and_in_order_is_refused(adam, tmp_path, edit, message):
    _refused(_edited(adam, tmp_path, edit), message)


def test_history_of_1e400_in_the_json_text_is_refused(adam, tmp_path):
    """JSON's 1e400 parses as infinity: no real epoch had an infinite cost."""
    _refused(history_1e400(adam, tmp_path / "inf.npz"), "train_cost of entry 1 is inf")


def test_an_empty_validation_set_nan_and_unmeasured_speed_still_load(adam, tmp_path):
    def no_val(a: dict, m: dict) -> None:
        for h in m["history"]:
            h.update(val_cost=float("nan"), val_accuracy=float("nan"), samples_per_second=float("inf"))
    assert len(load_model(_edited(adam, tmp_path, no_val)).history) == 2


def test_each_epoch_keeps_the_network_that_trained_it_and_older_files_load_without(adam, tmp_path):
    path = tmp_path / "m.npz"
    path.write_bytes(adam)
    texts = {s.network for s in load_model(path).history}
    assert texts == {"2-5-3-2 tanh,tanh,softmax"}  # the layers, then their activations

    def older(a: dict, m: dict) -> None:
        for h in m["history"]:
            del h["network"]
    assert {s.network for s in load_model(_edited(adam, tmp_path, older)).history} == {""}


# ---- recipe, network and metadata types -------------------------------------------------------------
def _recipe(**hyper) -> Edit:
    return lambda a, m: m["recipe"]["hyper"].update(hyper)


@pytest.mark.parametrize(("edit", "message"), [
    (_recipe(epochs=10**18), "epochs"), (_recipe(epochs=1e18), "epochs"), (_recipe(batch_size=10**9), "batch"),
    (_recipe(learning_rate=1e300), "learning rate"), (_recipe(l2=5.0), "L2"),
    (lambda a, m: m["recipe"].__setitem__("hidden", [5, 4]), "hidden layers"),
    (lambda a, m: m["recipe"].__setitem__("seed", -3), "seed"),
])
def test_a_recipe_out_of_range_or_not_matching_the_network_is_refused(adam, tmp_path, edit, message):
    text = _refused(_edited(adam, tmp_path, edit), message)
    assert "recipe" in text


@pytest.mark.parametrize(("edit", "message"), [
    (_set("W0", np.zeros((5, 2), np.float16)), "W0 .*float"),
    (_set("b0", np.zeros(5, np.int32)), "b0"),
    (_set("frozen0", np.zeros((5, 2), np.uint8)), "frozen0"),
    (lambda a, m: m.__setitem__("sizes", [2, 10_001, 3, 2]), "sizes|activations"),
    (lambda a, m: m.__setitem__("dtype", "float64"), "dtype"),
    (lambda a, m: m.__setitem__("dtype", 3), "dtype"),
    (lambda a, m: m.__setitem__("image_shape", [1, 3]), "image_shape"),
    (lambda a, m: m.__setitem__("image_shape", "28x28"), "image_shape"),
    (lambda a, m: m.__setitem__("preprocessing", "sharpen"), "preprocessing"),
    (lambda a, m: m.__setitem__("extra", [1]), "extra"),
    (lambda a, m: m.__setitem__("dataset", 5), "dataset"),
    (lambda a, m: m.__setitem__("nndesk_version", None), "nndesk_version"),
    (lambda a, m: m.__setitem__("seed", "7"), "seed"),
])
def test_network_arrays_and_metadata_of_the_wrong_kind_are_refused(adam, tmp_path, edit, message):
    _refused(_edited(adam, tmp_path, edit), message)


# ---- the red team's files: each one clear line ------------------------------------------------------
@pytest.mark.parametrize("name", list(HOSTILE))
def test_each_hostile_file_of_the_red_team_is_one_clear_model_error(adam, momentum, tmp_path, name):
    start, make = HOSTILE[name]
    path = make({"adam": adam, "momentum": momentum}[start], tmp_path / "hostile.npz")
    assert "internal" not in _refused(path, ".")
