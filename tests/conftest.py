"""Shared fixtures: one spaCy pipeline per test session, temporary stores, small input builders."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
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
