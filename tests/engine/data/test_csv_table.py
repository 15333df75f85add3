"""A CSV table becomes a standardised data set, and every hostile file one clear line (DataError)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from nndesk.engine.data.csv_table import MAX_LINE, read_csv_table
from nndesk.engine.data.datasets import load
from nndesk.engine.data.readers import DataError
from nndesk.engine.data.table import MAX_CLASSES, MAX_COLUMNS, MAX_ROWS
from nndesk.engine.runs.recipe import TrainingRecipe


def write(tmp_path, text: str | bytes, name: str = "table.csv"):
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def problem(path) -> str:
    with pytest.raises(DataError) as e:
        read_csv_table(path)
    message = str(e.value)
    assert "\n" not in message and message.startswith(str(path))
    return message


HOSTILE = {
    "empty": ("", "is empty"),
    "blank lines": ("\n \n\n", "is empty"),
    "binary": (b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)), "binary file"),
    "ragged": ("1,2,0\n3,4,1\n5,1\n", "line 3 has 2 values but the first row has 3"),
    "ragged under header": ("a,b,c\n1,2,0\n3,4,5,1\n", "line 3 has 4 values but the header has 3"),
    "word": ("1,2,0\n3,abc,1\n", "line 2, column 2: 'abc' is not a number"),
    "nan": ("1,2,0\n3,nan,1\n", "line 2, column 2: 'nan' is not a finite number"),
    "inf": ("1,2,0\n-inf,4,1\n", "line 2, column 1: '-inf' is not a finite number"),
    "label 0.5": ("1,2,0\n3,4,0.5\n", "the label 0.5 on line 2 is not a whole class number"),
    "label -1": ("1,2,-1\n3,4,1\n", "the label -1 on line 1 is negative"),
    "too many classes": ("1,2,0\n3,4,57\n", f"nndesk learns at most {MAX_CLASSES} classes"),
    "one class": ("1,2,1\n3,4,1\n", "has only the class 1"),
    "one column": ("0\n1\n", "has one column"),
    "only a header": ("x,y,label\n", "no rows of numbers"),
    "too many columns": (",".join(["1"] * (MAX_COLUMNS + 2)) + "\n", f"nndesk reads at most {MAX_COLUMNS}"),
    "huge line": ("1," * MAX_LINE + "0\n", "characters long"),
    "too many rows": ("1,0\n" * (MAX_ROWS + 2), f"at most {MAX_ROWS:,}"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_each_hostile_file_gives_its_one_line(tmp_path, case):
    text, expected = HOSTILE[case]
    assert expected in problem(write(tmp_path, text))


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.csv"
    import os

    os.mkfifo(fifo)
    assert "named pipe" in problem(fifo)


def test_a_real_table_with_a_header_round_trips_standardised(tmp_path):
    rng = np.random.default_rng(3)
    x = rng.normal([5.0, -300.0, 0.01], [2.0, 50.0, 0.001], size=(60, 3))
    y = rng.integers(0, 3, 60)
    y[:3] = [0, 1, 2]
    lines = ["sepal,weight,ratio,species"] + [f"{a!r},{b!r},{c!r},{k}" for (a, b, c), k in zip(x.tolist(), y)]
    table = read_csv_table(write(tmp_path, "\r\n".join(lines) + "\r\n"))
    d = table.dataset
    assert (len(d), d.n_inputs, d.n_classes) == (60, 3, 3) and d.x.dtype == np.float32
    np.testing.assert_array_equal(d.y, y)
    np.testing.assert_allclose(d.x.mean(axis=0), 0, atol=1e-6)
    np.testing.assert_allclose(d.x.std(axis=0), 1, atol=1e-5)
    assert np.abs((d.x * table.std + table.mean - x) / table.std).max() < 1e-6  # the scaling undone: the file's numbers
    assert table.columns == ("sepal", "weight", "ratio")


def test_semicolons_with_decimal_commas_and_a_bom_read_as_a_spreadsheet_writes_them(tmp_path):
    table = read_csv_table(write(tmp_path, "\ufeffдлина;масса;класс\n1,5;2;0\n2,5;4;1\n".encode()))
    np.testing.assert_allclose(table.mean, [2.0, 3.0])
    assert table.columns == ("длина", "масса") and table.dataset.y.tolist() == [0, 1]


def test_a_constant_column_becomes_zeros_not_nan(tmp_path):
    table = read_csv_table(write(tmp_path, "7,1,0\n7,2,1\n7,3,1\n"))
    assert np.isfinite(table.dataset.x).all() and (table.dataset.x[:, 0] == 0).all()


def test_load_and_the_recipe_size_the_network_to_the_table(tmp_path):
    rows = "\n".join(f"{i},{i % 3},{i % 5},{-i},{i % 2}" for i in range(40))
    path = write(tmp_path, "a,b,c,d,label\n" + rows + "\n")
    source = load(str(path))
    assert source.train.n_inputs == 4 and source.train.n_classes == 2 and "standardised" in source.description
    recipe = TrainingRecipe.for_dataset(str(path))
    assert recipe.preset == "table" and recipe.hidden == (8,)
    net = recipe.build_network(source.train.n_inputs, source.train.n_outputs)
    assert net.sizes == [4, 8, 2]
    trainer = recipe.make_trainer(net, source)
    trainer.control.update(epochs=2)
    assert len(list(trainer.epochs())) == 2
    wide = write(tmp_path, "\n".join(",".join(["1"] * 30 + [str(i % 2)]) for i in range(4)) + "\n", "wide.csv")
    assert TrainingRecipe.for_dataset(str(wide)).hidden == (60,)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=300), st.text(alphabet="0123456789.,;-e\n\tnaif x\"", max_size=300)))
def test_any_file_is_a_table_or_one_data_error(tmp_path, content):
    path = write(tmp_path, content if isinstance(content, bytes) else content.encode(), "fuzz.csv")
    try:
        table = read_csv_table(path)
    except DataError as e:
        assert "\n" not in str(e)
    else:
        assert np.isfinite(table.dataset.x).all() and len(np.unique(table.dataset.y)) >= 2
