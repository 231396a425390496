"""Bounded coverage-guided fuzzing (atheris) and replay of every crashing input ever found."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLE

FUZZ = Path(__file__).parent / "fuzz"
FUZZ_SECONDS = 25


def _seeds(corpus: Path) -> None:
    """A small seed corpus, one per reader, made here (nothing binary is committed)."""
    body = EXAMPLE.read_bytes()
    seeds = {
        "txt": b"\x00" + body[:1500],
        "html": b"\x01<html><body><article><p>" + body[:800] + b"</p></article></body></html>",
        "jsonl": b"\x02"
        + json.dumps({"text": body[:600].decode(), "published": "2024-10-18"}).encode()
        + b"\n",
        "feed": b'\x03<?xml version="1.0"?><rss><channel><title>T</title><item><title>A</title>'
        b"<description>Officials said on Friday the talks ended.</description></item></channel></rss>",
        "warc": b"\x04WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 10\r\n\r\n0123456789",
    }
    corpus.mkdir(parents=True, exist_ok=True)
    for name, data in seeds.items():
        (corpus / name).write_bytes(data)


def test_regressions_replay():
    """Every input that once crashed a reader or an extractor runs clean now."""
    sys.path.insert(0, str(FUZZ))
    try:
        import fuzz_inputs
    finally:
        sys.path.pop(0)
    cases = sorted((FUZZ / "regressions").glob("*"))
    for case in cases:
        fuzz_inputs.check(case.read_bytes())


@pytest.mark.slow
def test_bounded_fuzzing_finds_no_crash(tmp_path: Path):
    corpus = tmp_path / "corpus"
    _seeds(corpus)
    flags = [f"-max_total_time={FUZZ_SECONDS}", "-rss_limit_mb=3000", "-max_len=20000"]
    res = subprocess.run(
        [sys.executable, str(FUZZ / "fuzz_inputs.py"), *flags, f"-artifact_prefix={tmp_path}/", str(corpus)],
        capture_output=True,
        timeout=FUZZ_SECONDS * 8,
        check=False,
    )
    log = res.stderr.decode("utf-8", "replace")
    crashes = (
        sorted(tmp_path.glob("crash-*")) + sorted(tmp_path.glob("oom-*")) + sorted(tmp_path.glob("timeout-*"))
    )
    for c in crashes:  # keep what it found as regression fixtures before failing
        (FUZZ / "regressions" / c.name).write_bytes(c.read_bytes())
    assert res.returncode == 0 and not crashes, log[-3000:]
    assert "Done" in log or "DONE" in log or "runs in" in log, log[-1000:]
