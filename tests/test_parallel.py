"""Single-process, ``--workers 2`` and ``--dask local`` ingests give identical stores; shards load
idempotently."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import EXAMPLE, cli

TABLES = (
    "articles",
    "removed_spans",
    "headings",
    "entities",
    "mentions",
    "times",
    "quantities",
    "claims",
    "events",
    "failures",
)


def _corpus(path: Path, n: int = 48) -> Path:
    paras = [p for p in EXAMPLE.read_text(encoding="utf-8").split("\n\n") if len(p) > 80]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            k = i % len(paras)
            body = "\n\n".join(paras[k:] + paras[:k])
            fh.write(
                json.dumps({"text": f"Dispatch {i} on the deployment\n\n{body}", "published": "2024-10-18"})
                + "\n"
            )
        fh.write("{broken json\n")  # one bad line: the same failure in every mode
    return path


def _dump(db: Path) -> dict[str, list]:
    con = sqlite3.connect(db)
    out = {}
    for t in TABLES:
        cols = [r[1] for r in con.execute(f"PRAGMA table_info({t})") if r[1] not in ("ingested_at", "at")]
        out[t] = sorted(con.execute(f"SELECT {', '.join(cols)} FROM {t}").fetchall(), key=repr)
    out["integrity"] = con.execute("PRAGMA integrity_check").fetchall()
    con.close()
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return _corpus(tmp_path_factory.mktemp("par") / "corpus.jsonl")


@pytest.fixture(scope="module")
def single(corpus: Path, tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("single") / "s.db"
    res = cli("ingest", str(corpus), "--db", str(db), "--workers", "1", "--batch-size", "8")
    assert res.returncode == 1  # the broken line
    assert "new 48" in res.stdout.decode() and "failed 1" in res.stdout.decode()
    dump = _dump(db)
    assert len(dump["articles"]) == 48 and len(dump["failures"]) == 1
    return dump


@pytest.mark.slow
def test_workers_2_matches_single_process(corpus: Path, single: dict, tmp_path: Path):
    db = tmp_path / "w.db"
    res = cli("ingest", str(corpus), "--db", str(db), "--workers", "2", "--batch-size", "8")
    assert "new 48" in res.stdout.decode(), res.stderr.decode()
    assert _dump(db) == single


@pytest.mark.slow
def test_dask_local_matches_single_process_and_shards_reload(corpus: Path, single: dict, tmp_path: Path):
    db = tmp_path / "d.db"
    shards = tmp_path / "shards"
    res = cli(
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--dask",
        "local",
        "--workers",
        "2",
        "--batch-size",
        "8",
        "--shards",
        str(shards),
    )
    assert "new 48" in res.stdout.decode(), res.stderr.decode()
    assert "Dask dashboard:" in res.stderr.decode()
    assert _dump(db) == single
    parts = sorted(shards.glob("*.parquet"))
    assert len(parts) == 7  # 49 inputs in batches of 8

    # `newsledger load` rebuilds the same store from the shards, and loading again changes nothing.
    db2 = tmp_path / "loaded.db"
    res = cli("load", str(shards), "--db", str(db2))
    assert res.returncode == 0 and "new 48" in res.stdout.decode()
    assert _dump(db2) == single
    res = cli("load", *map(str, parts), "--db", str(db2))
    assert "new 0" in res.stdout.decode() and "duplicates 48" in res.stdout.decode()
    assert _dump(db2)["articles"] == single["articles"]


def test_load_reports_a_broken_shard_and_goes_on(tmp_path: Path):
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"PAR1 not really")
    res = cli("load", str(bad), "--db", str(tmp_path / "x.db"))
    assert res.returncode == 0
    s = json.loads(cli("stats", "--db", str(tmp_path / "x.db"), "--format", "json").stdout)
    assert s["failures"] == 1 and s["articles"] == 0


def test_the_extract_json_reads_back_into_the_same_extraction(sample_extraction, tmp_path: Path):
    """Shards carry the ``extract`` JSON: reading it back must rebuild every record, including a
    content in two stretches (a quotation resumed after its attribution)."""
    import dataclasses
    import datetime as dt

    from newsledger.model import extraction_from_json
    from newsledger.pipeline import Options, run
    from newsledger.readers import read_inputs

    text = (
        "Kyiv (AFP) -- Ukraine's army said on Friday that 3,000 North Korean troops crossed into Kursk.\n\n"
        "\u201cIt was a deal,\u201d she said. \u201cNobody lost.\u201d\n"
    )
    path = tmp_path / "resumed.txt"
    path.write_text(text, encoding="utf-8")
    (resumed,) = list(run(read_inputs([path]), Options(published=dt.date(2024, 10, 18))))
    assert any(c.content_more for c in resumed.claims)  # the case under test is present
    for ex in (sample_extraction, resumed):
        back = extraction_from_json(
            json.loads(json.dumps(ex.to_json())), source_text=ex.article.source_text, fmt=ex.article.fmt
        )
        for field in dataclasses.fields(ex):
            assert getattr(back, field.name) == getattr(ex, field.name), field.name


def test_a_bad_shard_row_is_one_error_and_the_other_rows_load(sample_extraction, tmp_path: Path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsledger.errors import ReadError
    from newsledger.model import Extraction
    from newsledger.parallel import SHARD_COLUMNS, read_shard

    good = json.dumps(sample_extraction.to_json())
    broken = json.dumps({**sample_extraction.to_json(), "claims": [{"start": 0}]})  # a claim with no cue
    rows = {
        "article_id": ["a1", "a2"],
        "path": ["broken.txt", "good.txt"],
        "fmt": ["txt", "txt"],
        "error": [None, None],
        "source_text": [sample_extraction.article.source_text] * 2,
        "extraction": [broken, good],
    }
    assert set(rows) == set(SHARD_COLUMNS)
    pq.write_table(pa.table(rows), tmp_path / "s.parquet")
    out = list(read_shard(tmp_path / "s.parquet"))
    assert isinstance(out[0], ReadError) and out[0].path == "broken.txt" and "unreadable" in out[0].reason
    assert isinstance(out[1], Extraction) and out[1].claims == sample_extraction.claims


def test_local_dask_workers_are_set_for_one_long_task_at_a_time(monkeypatch):
    """No statistical profiler, no 20 ms health check, and glibc's own malloc trimming (Dask's 64 KiB
    MALLOC_TRIM_THRESHOLD_ turns off the adaptive mmap threshold); a user's own setting still passes."""
    from dask.distributed import Client

    from newsledger.parallel import local_cluster

    def probe(dask_worker):
        import os

        import dask

        return (
            dask.config.get("distributed.worker.profile.enabled"),
            "profile" in dask_worker.periodic_callbacks,
            dask.config.get("distributed.admin.tick.interval"),
            os.environ.get("MALLOC_TRIM_THRESHOLD_"),
            os.environ.get("OMP_NUM_THREADS"),
        )

    for user_setting in (None, "131072"):
        if user_setting is None:
            monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
        else:
            monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", user_setting)
        cluster = local_cluster(1)
        try:
            with Client(cluster) as client:
                assert list(client.run(probe).values()) == [(False, False, "1s", user_setting, "1")]
        finally:
            cluster.close()
