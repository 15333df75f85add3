"""download_mnist against a real HTTP server on 127.0.0.1 serving small fake MNIST files."""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import numpy as np
import pytest

from nndesk.engine.data import download
from nndesk.engine.data.datasets import load
from nndesk.engine.data.download import DownloadError, download_mnist

NAMES = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
         "t10k-labels-idx1-ubyte.gz"]


def _handler(state):
    class Mirror(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep test output clean
            pass

        def do_GET(self) -> None:
            name, wanted = self.path.rsplit("/", 1)[-1], self.headers.get("Range")
            state.requests.append((name, wanted))
            data = state.files.get(name)
            if state.status or data is None:
                self.send_error(state.status or 404)
                return
            start = int(wanted[len("bytes="):].rstrip("-")) if wanted and not state.ignore_range else 0
            body = data[start:] + state.extra
            self.send_response(206 if start else 200)
            if start:
                self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if state.drops.get(name):  # announce everything, send half, hang up
                state.drops[name] -= 1
                body = body[: len(body) // 2]
            if state.stalls.get(name):  # announce everything, send a third, then go silent (connection open)
                state.stalls[name] -= 1
                self.wfile.write(body[: len(body) // 3])
                self.wfile.flush()
                state.release.wait(10)
                return
            self.wfile.write(body)

    return Mirror


@pytest.fixture
def mirror(monkeypatch, idx):
    """A local mirror of four small MNIST files whose sizes and hashes replace the real ones."""
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    files = {}
    for prefix, n in (("train", 20), ("t10k", 10)):
        x, y = idx.digits(n, seed=n)
        files[f"{prefix}-images-idx3-ubyte.gz"] = idx.gz(idx.bytes(x))
        files[f"{prefix}-labels-idx1-ubyte.gz"] = idx.gz(idx.bytes(y))
    monkeypatch.setattr(download, "MNIST_FILES",
                        {name: (len(files[name]), hashlib.sha256(files[name]).hexdigest()) for name in NAMES})
    state = SimpleNamespace(files=files, drops={}, stalls={}, requests=[], status=0, ignore_range=False, extra=b"",
                            release=threading.Event())
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/mnist/"
    yield state
    state.release.set()  # let stalled handlers finish
    server.shutdown()
    server.server_close()
    thread.join(2)


def fetch(mirror, dest, **kwargs):
    kwargs = {"retries": 2, "timeout": 2, "backoff": 0} | kwargs
    return download_mnist(dest, mirror.url, **kwargs)


def test_downloads_the_four_files_verifies_them_and_the_folder_loads(mirror, tmp_path):
    calls = []
    dest = fetch(mirror, tmp_path / "mnist", progress=lambda *a: calls.append(a))
    assert sorted(p.name for p in dest.iterdir()) == sorted(NAMES)  # no .part files left
    for name in NAMES:
        assert (dest / name).read_bytes() == mirror.files[name]
        size = len(mirror.files[name])
        assert (name, size, size) in calls
    assert [name for name, _ in mirror.requests] == NAMES and all(r is None for _, r in mirror.requests)
    source = load(dest)
    assert len(source.train) == 20 and len(source.test) == 10


def test_a_dropped_connection_resumes_with_a_range_request(mirror, tmp_path):
    name = "train-images-idx3-ubyte.gz"
    mirror.drops[name] = 1
    dest = fetch(mirror, tmp_path)
    half = len(mirror.files[name]) // 2
    assert [r for n, r in mirror.requests if n == name] == [None, f"bytes={half}-"]
    assert (dest / name).read_bytes() == mirror.files[name]


def test_a_server_that_ignores_range_is_read_again_from_the_start(mirror, tmp_path):
    name = "t10k-images-idx3-ubyte.gz"
    mirror.drops[name] = 1
    mirror.ignore_range = True
    dest = fetch(mirror, tmp_path)
    assert len([n for n, _ in mirror.requests if n == name]) == 2
    assert (dest / name).read_bytes() == mirror.files[name]


def test_a_wrong_checksum_deletes_the_part_and_names_both_hashes(mirror, tmp_path, monkeypatch):
    name = "train-labels-idx1-ubyte.gz"
    size, _ = download.MNIST_FILES[name]
    monkeypatch.setitem(download.MNIST_FILES, name, (size, "0" * 64))
    with pytest.raises(DownloadError) as info:
        fetch(mirror, tmp_path)
    message = str(info.value)
    assert name in message and "0" * 64 in message and hashlib.sha256(mirror.files[name]).hexdigest() in message
    assert not (tmp_path / name).exists() and not (tmp_path / (name + ".part")).exists()


def test_an_unreachable_server_says_so_and_what_to_do(mirror, tmp_path):
    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there now
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    start = time.perf_counter()
    with pytest.raises(DownloadError) as info:
        download_mnist(tmp_path, f"http://127.0.0.1:{port}/", retries=1, timeout=2, backoff=0)
    assert time.perf_counter() - start < 5
    message = str(info.value)
    assert message.startswith(f"cannot reach 127.0.0.1:{port}:") and "check your connection" in message
    assert "download the files yourself and open the folder" in message


def test_files_already_present_are_not_fetched_again(mirror, tmp_path):
    fetch(mirror, tmp_path)
    (tmp_path / "t10k-labels-idx1-ubyte.gz").write_bytes(b"stale")  # wrong hash: fetched again
    mirror.requests.clear()
    calls = []
    fetch(mirror, tmp_path, progress=lambda *a: calls.append(a))
    assert [n for n, _ in mirror.requests] == ["t10k-labels-idx1-ubyte.gz"]
    assert (tmp_path / "t10k-labels-idx1-ubyte.gz").read_bytes() == mirror.files["t10k-labels-idx1-ubyte.gz"]
    assert {(n, len(mirror.files[n]), len(mirror.files[n])) for n in NAMES} <= set(calls)


def test_server_errors_are_retried_with_exponential_backoff(mirror, tmp_path, monkeypatch):
    waits = []
    monkeypatch.setattr(download.time, "sleep", waits.append)  # record the backoff instead of waiting
    mirror.status = 503
    with pytest.raises(DownloadError, match="failed 4 times .*HTTP 503"):
        fetch(mirror, tmp_path, retries=3, backoff=0.5)
    assert waits == [0.5, 1.0, 2.0] and len(mirror.requests) == 4


def test_a_missing_file_is_not_retried(mirror, tmp_path):
    mirror.status = 404
    with pytest.raises(DownloadError, match="HTTP 404"):
        fetch(mirror, tmp_path, retries=3)
    assert len(mirror.requests) == 1


def test_a_connection_that_keeps_dropping_gives_up_after_the_retries(mirror, tmp_path):
    name = NAMES[0]
    mirror.drops[name] = 99
    with pytest.raises(DownloadError, match=f"{name} failed 3 times"):
        fetch(mirror, tmp_path, retries=2)
    assert len(mirror.requests) == 3 and (tmp_path / (name + ".part")).stat().st_size > 0  # kept for later


def test_a_mirror_sending_more_than_the_file_is_stopped(mirror, tmp_path):
    mirror.extra = np.zeros(100_000, np.uint8).tobytes()
    with pytest.raises(DownloadError, match="sends more than"):
        fetch(mirror, tmp_path)
    assert not list(tmp_path.iterdir())


def test_raising_from_progress_cancels_and_a_later_call_resumes(mirror, tmp_path, monkeypatch):
    class Cancelled(Exception):
        pass

    def cancel_midway(name, done, total):
        if name == NAMES[0] and done >= total // 2:
            raise Cancelled

    monkeypatch.setattr(download, "_CHUNK", 1024)  # the fake files are smaller than one real chunk

    with pytest.raises(Cancelled):
        fetch(mirror, tmp_path, progress=cancel_midway)
    kept = (tmp_path / (NAMES[0] + ".part")).stat().st_size
    assert 0 < kept < len(mirror.files[NAMES[0]])
    fetch(mirror, tmp_path)
    assert mirror.requests[-4] == (NAMES[0], f"bytes={kept}-")
    assert (tmp_path / NAMES[0]).read_bytes() == mirror.files[NAMES[0]]


def test_a_stalled_server_keeps_the_bytes_it_sent_and_the_next_attempt_resumes_from_them(mirror, tmp_path):
    name = NAMES[0]
    mirror.stalls[name] = 1
    dest = fetch(mirror, tmp_path, timeout=0.5)
    third = len(mirror.files[name]) // 3
    assert [r for n, r in mirror.requests if n == name] == [None, f"bytes={third}-"]
    assert (dest / name).read_bytes() == mirror.files[name]


def test_bytes_received_before_a_stall_stay_in_the_part_file_when_every_attempt_stalls(mirror, tmp_path):
    name = NAMES[0]
    mirror.stalls[name] = 99
    with pytest.raises(DownloadError, match=f"{name} failed 2 times"):
        fetch(mirror, tmp_path, retries=1, timeout=0.5)
    data = mirror.files[name]
    first = len(data) // 3  # each attempt adds a third of what was still missing
    kept = first + (len(data) - first) // 3
    assert (tmp_path / (name + ".part")).read_bytes() == data[:kept]


def test_a_corrupt_part_from_an_earlier_run_is_fetched_again_in_the_same_run(mirror, tmp_path):
    name = NAMES[0]
    data = mirror.files[name]
    (tmp_path / (name + ".part")).write_bytes(bytes(255 - b for b in data[:100]))  # right length, wrong bytes
    dest = fetch(mirror, tmp_path)
    assert [r for n, r in mirror.requests if n == name] == ["bytes=100-", None]
    assert (dest / name).read_bytes() == data and not (tmp_path / (name + ".part")).exists()


def test_a_file_that_is_corrupt_when_fetched_whole_is_not_fetched_twice(mirror, tmp_path, monkeypatch):
    name = NAMES[1]
    size, _ = download.MNIST_FILES[name]
    monkeypatch.setitem(download.MNIST_FILES, name, (size, "0" * 64))
    (tmp_path / (name + ".part")).write_bytes(mirror.files[name][:10])  # stale, but right: still wrong after
    with pytest.raises(DownloadError, match="is corrupt"):
        fetch(mirror, tmp_path)
    assert [r for n, r in mirror.requests if n == name] == ["bytes=10-", None]
    assert not (tmp_path / (name + ".part")).exists()
