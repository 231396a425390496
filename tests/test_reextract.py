"""Re-extraction: stored articles run through this version's extractors again, in place."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import EXAMPLE, cli

WIRE = (
    "KYIV, Oct. 17, 2024 (Reuters) - Russian drones struck Odesa on Wednesday, killing 12 people, the "
    "regional governor said. Ukraine's air force said it shot down 30 of 45 drones overnight.\n\n"
    "The toll rose from 9 to 12 by Thursday morning, Governor Oleh Kiper said on Telegram.\n"
)
SPY = (
    "South Korea's spy agency said on Friday that North Korea had sent 1,500 special forces to Russia, "
    "Yonhap news agency reported, citing an unnamed intelligence official.\n\n"
    "The National Intelligence Service declined to confirm the report to AFP.\n"
)
TABLES = ("mentions", "times", "quantities", "claims", "events", "entities", "removed_spans", "headings")


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every extracted row of the store, in a fixed order (row ids and ingest times left out)."""
    con = sqlite3.connect(db)
    out = {t: sorted(map(tuple, con.execute(f"SELECT * FROM {t}")), key=repr) for t in TABLES}
    out["claims_fts"] = sorted(con.execute("SELECT article_id, idx, source, content FROM claims_fts"))
    out["articles"] = sorted(
        con.execute(
            "SELECT id, title, outlet, published, published_source, dateline, text, extractor_version"
            " FROM articles"
        )
    )
    con.close()
    return out


@pytest.fixture
def store(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "seed.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (src / "seed.txt.meta.json").write_text(json.dumps({"published": "2024-10-18"}))
    (src / "wire.txt").write_text(WIRE, encoding="utf-8")  # its date comes from the dateline
    (src / "spy.txt").write_text(SPY, encoding="utf-8")
    (src / "spy.txt.meta.json").write_text(json.dumps({"published": "2024-10-18"}))
    db = tmp_path / "s.db"
    res = cli("ingest", str(src), "--db", str(db))
    assert res.returncode == 0, res.stderr.decode()
    return db


def age(db: Path, title_like: str) -> str:
    """Make one article look extracted by an old version with other records; return its id."""
    con = sqlite3.connect(db)
    (aid,) = con.execute("SELECT id FROM articles WHERE text LIKE ?", (f"%{title_like}%",)).fetchone()
    con.execute("UPDATE articles SET extractor_version = '0.0.1' WHERE id = ?", (aid,))
    con.execute("DELETE FROM times WHERE article_id = ?", (aid,))
    con.execute("UPDATE claims SET stance = 'bogus' WHERE article_id = ?", (aid,))
    con.execute(  # an entity the old gazetteer placed elsewhere
        "UPDATE entities SET name = 'Stale', lat = 0"
        " WHERE id IN (SELECT entity_id FROM mentions WHERE article_id = ?)",
        (aid,),
    )
    con.execute(
        "INSERT INTO entities VALUES ('old:gone', 'person', 'Gone', NULL, NULL, NULL, 1, 1)"
        " ON CONFLICT(id) DO UPDATE SET mentions = mentions + 1, articles = articles + 1"
    )
    con.execute("INSERT INTO mentions VALUES (?, 0, 4, 'Gone', 'PERSON', 'old:gone')", (aid,))
    con.commit()
    con.close()
    return aid


def test_reextract_puts_an_old_articles_records_back_and_leaves_the_rest(store: Path):
    fresh = snapshot(store)
    age(store, "Odesa")
    assert snapshot(store) != fresh
    assert json.loads(cli("stats", "--db", str(store), "--format", "json").stdout)["older_extractor"] == 1
    report = cli("report", "--db", str(store)).stdout.decode()
    assert "Articles extracted by an older version of newsledger: 1." in report
    res = cli("reextract", "--db", str(store))
    assert res.returncode == 0, res.stderr.decode()
    assert "re-extracted 1 " in res.stdout.decode()
    assert snapshot(store) == fresh  # the entity only the old records named is gone, counts are right
    con = sqlite3.connect(store)
    assert con.execute("SELECT count(*) FROM propositions").fetchone()[0] > 0  # consolidated again
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    assert "older version" not in cli("report", "--db", str(store)).stdout.decode()
    again = cli("reextract", "--db", str(store))
    assert again.returncode == 0 and "re-extracted 0 " in again.stdout.decode()


def test_reextract_all_gives_what_ingest_gave(store: Path):
    fresh = snapshot(store)
    res = cli("reextract", "--db", str(store), "--all", "--batch-size", "2", "--workers", "2")
    assert res.returncode == 0, res.stderr.decode()
    assert "re-extracted 3 " in res.stdout.decode()
    assert snapshot(store) == fresh
    # the date the extractors read from the dateline is read again, not kept as if it were metadata
    con = sqlite3.connect(store)
    row = con.execute("SELECT published, published_source FROM articles WHERE text LIKE '%Odesa%'").fetchone()
    assert row == ("2024-10-17", "dateline")


def test_an_article_the_extractors_fail_on_keeps_its_records(store: Path, monkeypatch):
    from typer.testing import CliRunner

    from newsledger import pipeline
    from newsledger.cli import app

    aged = age(store, "Odesa")
    age(store, "spy agency")
    kept = snapshot(store)
    real = pipeline.extract_times

    def broken(doc, anchor):
        if "Odesa" in doc.text:
            raise RuntimeError("boom")
        return real(doc, anchor)

    monkeypatch.setattr(pipeline, "extract_times", broken)
    res = CliRunner().invoke(app, ["reextract", "--db", str(store), "--workers", "1"])
    assert res.exit_code == 1
    assert "extraction failed (RuntimeError: boom)" in res.output
    assert "re-extracted 1 · failed 1" in res.output
    now = snapshot(store)
    for table in ("times", "claims", "quantities", "events"):  # the failed one is as it was
        assert [r for r in now[table] if r[0] == aged] == [r for r in kept[table] if r[0] == aged]
    con = sqlite3.connect(store)
    # the entity both old records named keeps the failed article's share
    assert con.execute("SELECT mentions, articles FROM entities WHERE id = 'old:gone'").fetchone() == (1, 1)
    versions = dict(con.execute("SELECT id, extractor_version FROM articles"))
    assert versions[aged] == "0.0.1" and sorted(versions.values()).count("0.0.1") == 1


def test_an_interrupted_reextract_resumes(store: Path, monkeypatch):
    from typer.testing import CliRunner

    from newsledger import pipeline
    from newsledger.cli import app

    fresh = snapshot(store)
    cli("reextract", "--db", str(store), "--all")  # nothing changes, every article current
    con = sqlite3.connect(store)
    con.execute("UPDATE articles SET extractor_version = '0.0.1'")
    con.commit()
    con.close()
    real = pipeline.extract_times
    calls = []

    def interrupted(doc, anchor):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(doc, anchor)

    monkeypatch.setattr(pipeline, "extract_times", interrupted)
    res = CliRunner().invoke(app, ["reextract", "--db", str(store), "--batch-size", "1", "--workers", "1"])
    assert res.exit_code == 130 and "1 articles re-extracted" in res.output
    con = sqlite3.connect(store)
    assert con.execute("SELECT count(*) FROM articles WHERE extractor_version = '0.0.1'").fetchone()[0] == 2
    con.close()
    monkeypatch.setattr(pipeline, "extract_times", real)
    res = CliRunner().invoke(app, ["reextract", "--db", str(store), "--workers", "1"])
    assert res.exit_code == 0 and "re-extracted 2 " in res.output
    assert snapshot(store) == fresh
