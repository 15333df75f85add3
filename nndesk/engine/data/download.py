"""Download the full MNIST (60,000 + 10,000 digits, 11 MB) with nothing but the standard library.

Each file goes to ``<name>.part`` first; a dropped or stalled connection is
resumed with an HTTP Range request (the bytes that did arrive are on disk:
they are read as they come, not in whole chunks, and synced before giving
up), failures are retried with exponential backoff, and a file is renamed
into place only after its SHA-256 matches, so a folder never holds a
half-written or wrong file under a real name.  A ``.part`` left by an
earlier run that turns out corrupt is fetched again from scratch in the same
run.  Files already present with the right hash are not fetched again.  The
result is a folder that ``datasets.load`` reads like any other.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

from nndesk import __version__

DEFAULT_MIRROR = "https://storage.googleapis.com/cvdf-datasets/mnist/"
# name: (bytes, SHA-256). From tensorflow/datasets, tensorflow_datasets/url_checksums/mnist.txt
# (for this mirror), cross-checked with ankane/torchvision-ruby, lib/torchvision/datasets/mnist.rb.
MNIST_FILES: dict[str, tuple[int, str]] = {
    "train-images-idx3-ubyte.gz": (9912422, "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
    "train-labels-idx1-ubyte.gz": (28881, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
    "t10k-images-idx3-ubyte.gz": (1648877, "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
    "t10k-labels-idx1-ubyte.gz": (4542, "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"),
}
# (file name, bytes so far, bytes in all); called from the downloading thread.
Progress = Callable[[str, int, int], None]
_CHUNK = 1 << 16


class DownloadError(RuntimeError):
    """A download that failed for good; the message says what to do about it."""


class _Dropped(Exception):
    """The server closed the connection before sending everything it announced."""


def download_mnist(dest: str | os.PathLike, base_url: str = DEFAULT_MIRROR, progress: Progress | None = None,
                   retries: int = 3, timeout: float = 30, backoff: float = 1.0) -> Path:
    """Fetch the four MNIST files into ``dest`` and return it.

    After a failed attempt the next waits ``backoff · 2^k`` seconds (k = 0, 1, …),
    at most ``retries`` times per file; tests pass ``backoff=0``.  To cancel,
    raise from ``progress``: the exception propagates and the .part file stays,
    so the next call resumes where this one stopped.
    """
    dest = Path(dest)
    try:
        dest.mkdir(parents=True, exist_ok=True)
        for name, (size, sha256) in MNIST_FILES.items():
            final = dest / name
            if final.is_file() and _sha256(final) == sha256:
                if progress:
                    progress(name, size, size)
                continue
            part, url = dest / (name + ".part"), base_url.rstrip("/") + "/" + name
            stale = part.is_file() and part.stat().st_size > 0  # bytes from an earlier run
            while True:
                _fetch_with_retries(name, url, part, size, progress, retries, timeout, backoff)
                got = _sha256(part)
                if got == sha256:
                    break
                part.unlink()
                if not stale:
                    raise DownloadError(f"{name} is corrupt: expected SHA-256 {sha256}, got {got}; "
                                        "the file was deleted, try again or use another mirror")
                stale = False  # the earlier run's bytes were wrong: once more, all from this server
            os.replace(part, final)  # atomic: the real name appears only for a verified file
    except OSError as e:  # network errors were handled below; this is the disk
        raise DownloadError(f"cannot write to {dest}: {e.strerror or e}") from None
    return dest


def _fetch_with_retries(name: str, url: str, part: Path, size: int, progress: Progress | None,
                        retries: int, timeout: float, backoff: float) -> None:
    unreachable, error = False, ""
    for attempt in range(retries + 1):
        if attempt and backoff > 0:
            time.sleep(backoff * 2 ** (attempt - 1))
        try:
            return _fetch(name, url, part, size, progress, timeout)
        except urllib.error.HTTPError as e:
            if e.code < 500 and e.code != 429:  # 404, 403…: asking again will not help
                raise DownloadError(f"{url}: the server answered HTTP {e.code} {e.reason}") from None
            unreachable, error = False, f"HTTP {e.code} {e.reason}"
        except urllib.error.URLError as e:  # never connected: DNS failure, refused, offline
            unreachable, error = True, str(e.reason)
        except (_Dropped, http.client.HTTPException, ConnectionError, TimeoutError, ssl.SSLError) as e:
            unreachable, error = False, str(e) or type(e).__name__
    if unreachable:
        host = urllib.parse.urlsplit(url).netloc or url
        raise DownloadError(f"cannot reach {host}: {error} — check your connection, "
                            "or download the files yourself and open the folder")
    raise DownloadError(f"downloading {url} failed {retries + 1} times (last: {error}) — "
                        "try again later, or download the files yourself and open the folder")


def _fetch(name: str, url: str, part: Path, size: int, progress: Progress | None, timeout: float) -> None:
    """One attempt: append to ``part`` from where it ends, or start over if the server ignores Range."""
    offset = part.stat().st_size if part.is_file() else 0
    if offset >= size:  # complete (the hash will tell) or too long to be a prefix of the real file
        if offset == size:
            return
        part.unlink()
        offset = 0
    headers = {"User-Agent": f"nndesk/{__version__}"}
    if offset:
        headers["Range"] = f"bytes={offset}-"
    try:
        response = urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=timeout)
    except urllib.error.HTTPError as e:
        if e.code != 416:
            raise
        part.unlink()  # "range not satisfiable": the server's file is shorter than our part
        raise _Dropped("the server cannot resume this file; starting over") from None
    with response:
        if response.status != 206:
            offset = 0  # a full answer (200): write it from the start
        elif not response.headers.get("Content-Range", "").startswith(f"bytes {offset}-"):
            part.unlink()
            raise _Dropped(f"the server sent the wrong range ({response.headers.get('Content-Range')})")
        length = response.headers.get("Content-Length", "")
        total = offset + int(length) if length.isdigit() else size
        done = offset
        with open(part, "ab" if offset else "wb") as f:
            try:
                while True:
                    try:  # read1: whatever has arrived, so a stall keeps the bytes before it
                        chunk = response.read1(_CHUNK)
                    except (OSError, http.client.HTTPException) as e:  # reset, timeout, TLS error mid-body
                        raise _Dropped(f"connection lost after {done:,} of {total:,} bytes ({e})") from e
                    if not chunk:
                        break
                    done += len(chunk)
                    if done > size:  # a wrong or hostile mirror: never fill the disk
                        break
                    f.write(chunk)
                    if progress:
                        progress(name, done, total)
            finally:  # on disk before the next attempt (or the next run) resumes from its length
                f.flush()
                os.fsync(f.fileno())
    if done > size:
        part.unlink()
        raise DownloadError(f"{url} sends more than the {size:,} bytes {name} has; try another mirror")
    if done < total:  # http.client returns b"" (no error) when the peer closes early
        raise _Dropped(f"connection closed after {done:,} of {total:,} bytes")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()
