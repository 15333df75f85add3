"""The fuzz harness itself: each kind of failure is caught and named, in one worker per batch."""

from __future__ import annotations

import time

from tests.fuzz.harness import crashes, run_cases


def test_each_outcome_is_classified_and_a_dying_worker_is_named(tmp_path):
    kinds = ["ok", "clean", "bug", "hog", "noisy", "die", "ok", "hang", "clean"]
    paths = []
    for i, kind in enumerate(kinds):
        paths.append(tmp_path / f"{i}-{kind}")
        paths[-1].write_text(kind)
    start = time.perf_counter()
    out = run_cases("probe:load", paths, case_seconds=1.0)
    assert time.perf_counter() - start < 20
    got = {o.path.rsplit("-", 1)[1]: o for o in out}
    assert [o.path for o in out] == [str(p) for p in paths]
    assert got["ok"].status == "ok" and got["clean"].status == "clean"
    assert got["noisy"].status == "ok" and got["noisy"].output == "libfoo: warning\n"
    assert "KeyError" in got["bug"].detail and "MemoryError" in got["hog"].detail
    assert "timeout" in got["hang"].detail and "died" in got["die"].detail
    assert {o.path.rsplit("-", 1)[1] for o in crashes(out)} == {"bug", "hog", "die", "hang"}
    assert max(o.peak_kb for o in out) < 2**20  # the 4 GiB array was never allocated
