"""``nndesk train --dataset table.csv``: a CSV table trains from the command line with a network sized to it,
its saved model evaluates on it, a bad table is one line on stderr; a points .npz trains with the toy preset."""

from __future__ import annotations

import numpy as np

from nndesk.engine.data.table import save_points
from nndesk.engine.data.toy import circles
from nndesk.engine.runs.model_io import load_model
from tests.test_cli import assert_one_clean_error, json_lines, run


def three_blobs(path) -> None:
    rng = np.random.default_rng(1)
    labels = np.repeat([0, 1, 2], 40)
    x = rng.normal(size=(120, 5)) * [1, 10, 100, 1, 1] + np.eye(3, 5)[labels] * [4, 40, 400, 0, 0]
    rows = [",".join(f"{v:.5g}" for v in row) + f",{k}" for row, k in zip(x, labels)]
    path.write_text("f1,f2,f3,f4,f5,class\n" + "\n".join(rows) + "\n")


def test_a_csv_table_trains_with_a_network_sized_to_it_and_evaluates(capsys, tmp_path):
    table, model = tmp_path / "blobs.csv", tmp_path / "m.npz"
    three_blobs(table)
    code, out, err = run(capsys, "train", "--dataset", table, "--epochs", "40", "--json", "--out", model)
    assert code == 0, err
    summary = json_lines(out)[-1]
    assert summary["sizes"] == [5, 10, 3] and summary["preset"] == "table"
    assert summary["accuracy"] > 0.9  # standardised inputs: the 100× column does not swamp the others
    assert load_model(model).recipe.dataset == str(table)
    code, out, err = run(capsys, "eval", "--model", model, "--dataset", table, "--json")
    assert code == 0, err


def test_a_bad_table_is_one_line_on_stderr(capsys, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b,label\n1,2,0\n3,4\n")
    code, out, err = run(capsys, "train", "--dataset", bad, "--epochs", "1")
    assert code != 0
    assert_one_clean_error(err, "bad.csv", "line 3 has 2 values but the header has 3")


def test_a_points_file_trains_with_the_toy_preset(capsys, tmp_path):
    path = save_points(tmp_path / "ring.npz", circles(80, seed=2))
    code, out, err = run(capsys, "train", "--dataset", path, "--epochs", "2", "--json")
    assert code == 0, err
    assert json_lines(out)[-1]["sizes"] == [2, 8, 8, 2] and json_lines(out)[-1]["preset"] == "toy"
