"""An ingest killed at any point leaves a consistent store, and the next run finishes without duplicates."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLE, cli

N_ARTICLES = 120


def _corpus(path: Path) -> Path:
    """Distinct articles made from the sample's paragraphs, rotated and numbered."""
    paras = [p for p in EXAMPLE.read_text(encoding="utf-8").split("\n\n") if len(p) > 80]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(N_ARTICLES):
            k = i % len(paras)
            body = "\n\n".join(paras[k:] + paras[:k])
            text = f"Report number {i} on the troop movements\n\n{body}\n\nThis is dispatch {i}."
            fh.write(
                json.dumps({"text": text, "url": f"https://example.org/{i}", "published": "2024-10-18"})
                + "\n"
            )
    return path


def _sigint_default() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            con.close()
    except sqlite3.OperationalError:
        return 0


def _snapshot(db: Path) -> dict:
    con = sqlite3.connect(db)
    out = {
        "integrity": con.execute("PRAGMA integrity_check").fetchone()[0],
        "ids": sorted(r[0] for r in con.execute("SELECT id FROM articles")),
    }
    for t in ("claims", "mentions", "times", "quantities", "removed_spans", "articles_fts", "claims_fts"):
        out[t] = con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
    # No article appears twice in any per-article table beyond what one clean write gives.
    out["orphans"] = con.execute(
        "SELECT count(*) FROM claims WHERE article_id NOT IN (SELECT id FROM articles)"
    ).fetchone()[0]
    # The consolidation a resumed run leaves is the one a clean run leaves.
    out["propositions"] = sorted(
        con.execute(
            "SELECT kind, label, first_seen, reports, independent_sources, independent_reports, corroboration"
            " FROM propositions"
        ).fetchall()
    )
    out["estimates"] = sorted(r[0] for r in con.execute("SELECT data FROM estimates"))
    out["copies"] = sorted(con.execute("SELECT a, b, kind FROM copies").fetchall())
    out["origins"] = sorted(con.execute("SELECT * FROM article_origins").fetchall())
    con.close()
    return out


@pytest.fixture(scope="module")
def corpus_and_reference(tmp_path_factory):
    d = tmp_path_factory.mktemp("interrupt")
    corpus = _corpus(d / "corpus.jsonl")
    ref = d / "ref.db"
    res = cli("ingest", str(corpus), "--db", str(ref), "--batch-size", "4", "--workers", "1")
    assert res.returncode == 0, res.stderr.decode()
    return corpus, _snapshot(ref)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sig", "workers"),
    [(signal.SIGKILL, "1"), (signal.SIGINT, "1"), (signal.SIGKILL, "2"), (signal.SIGINT, "2")],
    ids=["kill-9", "ctrl-c", "kill-9-workers-2", "ctrl-c-workers-2"],
)
def test_interrupted_ingest_resumes(tmp_path: Path, corpus_and_reference, sig, workers):
    corpus, reference = corpus_and_reference
    assert reference["integrity"] == "ok" and len(reference["ids"]) == N_ARTICLES
    db = tmp_path / "s.db"
    for stop_at in (8, 40):  # interrupt twice, at different points
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "newsledger",
                "ingest",
                str(corpus),
                "--db",
                str(db),
                "--batch-size",
                "4",
                "--workers",
                workers,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=os.environ.copy(),
            # Ctrl-C at a terminal reaches a process that handles it; a runner started in the background
            # ("… &" in a script) ignores SIGINT, and its children would inherit that and run on
            preexec_fn=_sigint_default,
        )
        deadline = time.monotonic() + 120
        while _count(db) < stop_at and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert proc.poll() is None, "ingest finished before it could be interrupted"
        proc.send_signal(sig)
        proc.communicate(timeout=60)
        if sig == signal.SIGINT:
            assert proc.returncode == 130
        snap = _snapshot(db)
        assert snap["integrity"] == "ok" and snap["orphans"] == 0
        assert 0 < len(snap["ids"]) < N_ARTICLES
    res = cli("ingest", str(corpus), "--db", str(db), "--batch-size", "4", "--workers", workers)
    assert res.returncode == 0, res.stderr.decode()
    snap = _snapshot(db)
    assert snap["propositions"] and snap["copies"]  # there is consolidation to compare
    assert snap == reference
