"""``nndesk --self-test`` from the source tree: every check passes, and a failure is never hidden."""

from __future__ import annotations

import os
import subprocess
import sys

from nndesk import selftest


def test_self_test_passes_from_the_source_tree():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "NNDESK_SETTINGS")}
    done = subprocess.run([sys.executable, "-m", "nndesk", "--self-test"], env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert sum(line.startswith("ok ") for line in lines) == len(selftest.CHECKS), done.stdout
    assert lines[-1].startswith("self-test: all checks passed")
    assert any("weight updates in one gemm call" in line for line in lines), done.stdout


def test_a_failing_check_fails_the_run_and_the_others_still_run(monkeypatch, capsys):
    def broken(state):
        raise FileNotFoundError("resource 'x.qm' is missing")

    ran = []
    monkeypatch.setattr(selftest, "CHECKS", [("broken", broken), ("fine", lambda state: ran.append(1) or "fine")])
    assert selftest.run_self_test() == 1
    out = capsys.readouterr().out
    assert "FAIL broken: FileNotFoundError: resource 'x.qm' is missing" in out
    assert "ok   fine: fine" in out and ran == [1]
    assert "1 of 2 checks FAILED" in out


def test_settings_go_to_a_temporary_file_and_the_log_gets_every_line(monkeypatch, tmp_path):
    seen = {}
    monkeypatch.setenv("NNDESK_SETTINGS", "/users/own/settings.ini")
    monkeypatch.setenv("NNDESK_SELFTEST_LOG", str(tmp_path / "log.txt"))
    monkeypatch.setattr(selftest, "CHECKS", [("settings", lambda state: seen.setdefault("path", os.environ[
        "NNDESK_SETTINGS"]))])
    assert selftest.run_self_test() == 0
    assert seen["path"] != "/users/own/settings.ini" and "nndesk-selftest-" in seen["path"]
    assert os.environ["NNDESK_SETTINGS"] == "/users/own/settings.ini"
    assert (tmp_path / "log.txt").read_text(encoding="utf-8").splitlines()[-1].startswith("self-test: all checks")

