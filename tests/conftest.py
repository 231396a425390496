"""Shared fixtures: one spaCy pipeline per test session, temporary stores, small input builders."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "000_8c726dd424d17c1b.txt"
SHARED = Path(os.environ.get("NEWSLEDGER_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def nlp():
    from newsledger.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def sample_extraction(nlp):
    from newsledger.pipeline import Options, run
    from newsledger.readers import read_inputs

    (ex,) = list(run(read_inputs([EXAMPLE]), Options(published=dt.date(2024, 10, 18))))
    return ex


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


def cli(
    *args: str,
    input: bytes | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[bytes]:
    """Run the installed CLI in a subprocess (what a user runs)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "newsledger", *args],
        input=input,
        capture_output=True,
        env=full_env,
        cwd=cwd,
        timeout=timeout,
        check=False,
    )


def seed_and_hostile_store(folder: Path, hostile: str, hostile_meta: dict[str, str]) -> Path:
    """A store of the seed article (published 2024-10-18, outlet "Seed Daily") and one hostile page (its
    text and metadata given), ingested as a user would; the web and browser tests read it."""
    import json

    src = folder / "in"
    src.mkdir()
    (src / "seed.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (src / "seed.txt.meta.json").write_text(json.dumps({"published": "2024-10-18", "outlet": "Seed Daily"}))
    (src / "hostile.txt").write_text(hostile, encoding="utf-8")
    (src / "hostile.txt.meta.json").write_text(json.dumps(hostile_meta))
    db = folder / "s.db"
    res = cli("ingest", str(src), "--db", str(db))
    assert res.returncode == 0, res.stderr.decode()
    return db


@contextlib.contextmanager
def serving(db: Path, *extra: str) -> Iterator[str]:
    """``newsledger serve`` on a free local port, as a user starts it; yields its base URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsledger", "serve", "--db", str(db), "--port", str(port), *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/api/articles?limit=1", timeout=1)
                break
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError("newsledger serve exited") from None
                time.sleep(0.2)
        else:
            raise RuntimeError("newsledger serve did not start")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
