"""TrainingRecipe: valid by construction, JSON round trip, and the one place a run is assembled."""

from __future__ import annotations

import json

import numpy as np
import pytest

from nndesk.engine.core.control import Hyperparameters, TrainingControl
from nndesk.engine.core.dataset import Dataset
from nndesk.engine.core.optimizers import Adam
from nndesk.engine.data.datasets import DataSource, load
from nndesk.engine.data.readers import DataError
from nndesk.engine.runs.presets import PRESETS
from nndesk.engine.runs.recipe import TrainingRecipe, default_preset


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_round_trips_through_json(name):
    recipe = TrainingRecipe.from_preset(name, seed=7, tolerance=0.05)
    assert TrainingRecipe.from_json(recipe.to_json()) == recipe
    assert recipe.preset == name and recipe.hidden == PRESETS[name].hidden


def test_from_preset_takes_fields_and_hyperparameters_as_overrides():
    r = TrainingRecipe.from_preset("digits", hidden=[16], learning_rate=0.2, epochs=2, augment=False)
    assert r.hidden == (16,) and r.hyper.learning_rate == 0.2 and r.hyper.epochs == 2 and not r.augment
    assert r.hyper.momentum == PRESETS["digits"].hyper.momentum  # untouched settings stay


def test_presets_come_with_their_data_and_data_picks_its_preset():
    assert TrainingRecipe.from_preset("lecture").dataset == "lecture"
    assert TrainingRecipe.from_preset("toy").dataset == "xor"
    assert TrainingRecipe.from_preset("digits").dataset == "mnist-bundled"
    assert [default_preset(d) for d in ("lecture", "spiral", "mnist-bundled", "/data/mnist")] == \
        ["lecture", "toy", "digits", "digits"]
    assert TrainingRecipe.for_dataset("circles", epochs=3).preset == "toy"


def test_names_are_normalised():
    r = TrainingRecipe(activation="Leaky_ReLU", cost="cross_entropy", optimizer="ADAM")
    assert (r.activation, r.cost, r.optimizer) == ("leaky-relu", "cross-entropy", "adam")


@pytest.mark.parametrize(("change", "message"), [
    ({"hidden": [0]}, "hidden"), ({"hidden": [10**6]}, "hidden"), ({"hidden": "30"}, "hidden"),
    ({"hidden": [2.5]}, "hidden"), ({"activation": "softmax"}, "hidden activation"),
    ({"activation": "swish"}, "unknown activation"), ({"cost": "hinge"}, "unknown cost"),
    ({"optimizer": "rmsprop"}, "unknown optimizer"), ({"init": "zeros"}, "initialisation"),
    ({"seed": -1}, "seed"), ({"seed": True}, "seed"), ({"augment": "yes"}, "augment"),
    ({"schedule": "exp"}, "schedule"), ({"tolerance": -0.1}, "tolerance"), ({"val_fraction": 1.0}, "validation"),
    ({"dataset": ""}, "data set"), ({"colour": "red"}, "unknown recipe field"),
    ({"hyper": {"learning_rate": -1}}, "learning rate"), ({"hyper": {"batch_size": 2.5}}, "batch_size"),
    ({"hyper": {"eta": 1}}, "hyper"), ({"hyper": {"epochs": float("inf")}}, "epochs"),
])
def test_invalid_settings_are_value_errors_naming_the_setting(change, message):
    d = {**TrainingRecipe().to_dict(), **change}
    with pytest.raises(ValueError, match=message):
        TrainingRecipe.from_json(json.dumps(d))


@pytest.mark.parametrize("text", ["", "{", "[1, 2]", "null", '"digits"'])
def test_junk_json_is_a_value_error(text):
    with pytest.raises(ValueError):
        TrainingRecipe.from_json(text)


def test_unknown_override_is_a_value_error():
    with pytest.raises(ValueError, match="unknown recipe setting"):
        TrainingRecipe().with_changes(learning_rte=0.1)


def test_build_network_is_seeded_and_shaped_by_the_recipe():
    r = TrainingRecipe(hidden=(5, 4), activation="relu", seed=3)
    a, b = r.build_network(3, 2), r.build_network(3, 2)
    assert a.sizes == [3, 5, 4, 2] and a.layers[0].activation.name == "relu"
    assert a.output_activation.name == "softmax"  # cross-entropy with two outputs
    assert all(np.array_equal(p, q) for p, q in zip(a.parameters(), b.parameters()))
    assert not np.array_equal(a.layers[0].weights, r.with_changes(seed=4).build_network(3, 2).layers[0].weights)


def _blobs(n: int = 200, classes: int = 4) -> Dataset:
    rng = np.random.default_rng(0)
    y = np.arange(n) % classes
    return Dataset("blobs", rng.normal(size=(n, 2)).astype(np.float32) + y[:, None], y, classes)


def test_data_without_a_test_split_holds_out_a_stratified_validation_part():
    r = TrainingRecipe(val_fraction=0.2, hidden=(4,))
    train, val = r.split(DataSource("blobs", _blobs(), None, ""))
    assert len(val) == 40 and len(train) == 160
    assert np.array_equal(np.bincount(val.y), [10, 10, 10, 10])
    assert not set(map(bytes, train.x)) & set(map(bytes, val.x))


def test_a_test_split_is_the_validation_set_and_fraction_zero_means_none():
    data, test = _blobs(), _blobs(40)
    assert TrainingRecipe().split(DataSource("b", data, test, ""))[1] is test
    assert TrainingRecipe(val_fraction=0).split(DataSource("b", data, None, "")) == (data, None)


def test_the_lectures_single_sample_trains_without_a_validation_set():
    r = TrainingRecipe.from_preset("lecture", epochs=2)
    source = r.load_data()
    trainer = r.make_trainer(r.build_network(3, 1), source)
    stats = list(trainer.epochs())
    assert trainer.val is None and len(trainer.train) == 1 and len(stats) == 2
    assert np.isnan(stats[-1].val_accuracy)


def test_only_test_digits_cannot_train():
    with pytest.raises(DataError, match="only test"):
        TrainingRecipe().make_trainer(TrainingRecipe().build_network(2, 4), DataSource("t", None, _blobs(), ""))


def test_make_trainer_wires_augmentation_schedule_tolerance_and_control():
    digits = load("mnist-bundled")
    r = TrainingRecipe(hidden=(8,), augment=True, schedule="cosine", tolerance=0.1, optimizer="adam",
                       hyper=Hyperparameters(learning_rate=0.01, epochs=4))
    trainer = r.make_trainer(r.build_network(784, 10), digits)
    assert trainer.augment is not None and trainer.tolerance == 0.1
    assert trainer.schedule(2, 4) == pytest.approx(0.5) and trainer.control.hyper == r.hyper
    assert trainer.optimizer.name == "adam" and len(trainer.val) == 500

    toy = TrainingRecipe.for_dataset("xor", augment=True)
    assert toy.make_trainer(toy.build_network(2, 2), toy.load_data()).augment is None  # images only

    control, adam = TrainingControl(Hyperparameters(epochs=1)), Adam()
    trainer = toy.make_trainer(toy.build_network(2, 2), toy.load_data(), control=control, optimizer=adam)
    assert trainer.control is control and trainer.optimizer is adam


def test_toy_data_follows_the_recipes_seed():
    a, b = TrainingRecipe(dataset="spiral", seed=1), TrainingRecipe(dataset="spiral", seed=2)
    assert np.array_equal(a.load_data().train.x, a.load_data().train.x)
    assert not np.array_equal(a.load_data().train.x, b.load_data().train.x)


# ---- convolutions (features) ------------------------------------------------------
def test_features_round_trip_normalised_and_build_a_convnet():
    from nndesk.engine.core.convnet import ConvNet

    r = TrainingRecipe(features=["CONV3x3x4same", "pool2"], hidden=(8,), activation="relu")
    assert r.features == ("conv3x3x4same", "pool2")
    assert TrainingRecipe.from_json(r.to_json()) == r and r.to_dict()["features"] == ["conv3x3x4same", "pool2"]
    net = r.build_network(784, 10, (28, 28))
    assert isinstance(net, ConvNet) and net.shapes[2] == (4, 14, 14)


def test_a_dense_recipe_writes_no_features_key():
    assert "features" not in TrainingRecipe().to_dict()  # its JSON stays what older nndesk versions read


@pytest.mark.parametrize("bad", ["conv3x3x4", ["conv3x5x4"], ["pool1"], [3], ["pool2"] * 17])
def test_bad_features_are_refused(bad):
    with pytest.raises(ValueError):
        TrainingRecipe(features=bad)
    with pytest.raises(ValueError):
        TrainingRecipe.from_dict({"features": bad})
