"""The command line, run as a user runs it (subprocesses), and the store behind it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import EXAMPLE, ROOT, cli

FORMAT_KEYS = {
    "schema",
    "path",
    "article_id",
    "published",
    "title",
    "text",
    "entities",
    "times",
    "quantities",
    "claims",
    "events",
}
CLAIM_KEYS = {"start", "end", "source", "cue", "content", "quote", "via", "stance", "hedges"}


def test_help_lists_every_command():
    res = cli("--help")
    assert res.returncode == 0
    for name in (
        "ingest",
        "extract",
        "articles",
        "search",
        "claims",
        "entities",
        "events",
        "export",
        "report",
        "stats",
        "reextract",
    ):
        assert name in res.stdout.decode()
        sub = cli(name, "--help")
        assert sub.returncode == 0 and "Usage" in sub.stdout.decode()


def test_extract_prints_the_contract():
    res = cli("extract", "--published", "2024-10-18", "--format", "jsonl", str(EXAMPLE))
    assert res.returncode == 0, res.stderr.decode()
    lines = res.stdout.decode().splitlines()
    assert len(lines) == 1
    obj = json.loads(lines[0])
    assert obj.keys() >= FORMAT_KEYS
    assert obj["published"] == "2024-10-18" and obj["schema"] == 1
    text = obj["text"]
    for key in ("entities", "times", "quantities"):
        for rec in obj[key]:
            assert text[rec["start"] : rec["end"]] == rec["text"]
    assert obj["claims"]
    for c in obj["claims"]:
        assert c.keys() >= CLAIM_KEYS
        for role in ("cue", "content", "source"):
            if c[role] is not None:
                assert text[c[role]["start"] : c[role]["end"]] == c[role]["text"]


def test_extract_no_clean_keeps_offsets_into_the_input():
    res = cli("extract", "--no-clean", str(EXAMPLE))
    obj = json.loads(res.stdout)
    assert obj["text"] == EXAMPLE.read_text(encoding="utf-8")
    assert obj["removed"] == []


def test_extract_reports_bad_input_and_goes_on(tmp_path: Path):
    bad = tmp_path / "junk.txt"
    bad.write_bytes(bytes(range(256)) * 20)
    res = cli("extract", str(bad), str(EXAMPLE), "--published", "2024-10-18")
    assert res.returncode == 1
    assert len(res.stdout.decode().splitlines()) == 1
    err = res.stderr.decode().strip().splitlines()
    assert len(err) == 1 and str(bad) in err[0] and "binary" in err[0]


def test_extract_reads_standard_input():
    res = cli("extract", "-", "--published", "2024-10-18", input=EXAMPLE.read_bytes())
    assert res.returncode == 0
    assert json.loads(res.stdout)["title"].startswith("North Korea reportedly")


def test_extract_rejects_a_bad_date():
    res = cli("extract", "--published", "yesterday-ish", str(EXAMPLE))
    assert res.returncode == 2 and "not a date" in res.stderr.decode()


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("store") / "s.db"
    res = cli("ingest", str(ROOT / "examples"), "--db", str(db))
    assert res.returncode == 0, res.stderr.decode()
    assert "new 1" in res.stdout.decode()
    return db


def test_reingest_changes_nothing(ingested: Path):
    before = cli("stats", "--db", str(ingested), "--format", "json").stdout
    res = cli("ingest", str(ROOT / "examples"), str(EXAMPLE), "--db", str(ingested))
    assert res.returncode == 0
    assert "new 0" in res.stdout.decode() and "duplicates 2" in res.stdout.decode()
    after = cli("stats", "--db", str(ingested), "--format", "json").stdout
    assert json.loads(before) == json.loads(after)


def test_stats_and_migrations(ingested: Path):
    s = json.loads(cli("stats", "--db", str(ingested), "--format", "json").stdout)
    assert s["articles"] == 1 and s["claims"] >= 5 and s["integrity"] == "ok"
    from newsledger.store import MIGRATIONS

    assert s["migrations"] == [n for n, _ in MIGRATIONS]
    con = sqlite3.connect(ingested)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_sidecar_date_is_used(ingested: Path):
    rows = [
        json.loads(x) for x in cli("articles", "--db", str(ingested), "--format", "jsonl").stdout.splitlines()
    ]
    assert rows[0]["published"] == "2024-10-18"
    assert rows[0]["title"].startswith("North Korea reportedly set to put")


def test_search_uses_fts(ingested: Path):
    hits = cli("search", "Yonhap", "--db", str(ingested), "--format", "jsonl").stdout.splitlines()
    assert len(hits) == 1 and "[Yonhap]" in json.loads(hits[0])["snippet"]
    assert cli("search", "Zanzibar", "--db", str(ingested), "--format", "jsonl").stdout.strip() == b""
    # A query that is not valid FTS5 syntax is searched as plain words rather than failing.
    assert cli("search", 'NIS "unbalanced', "--db", str(ingested)).returncode == 0


def test_claims_command(ingested: Path):
    rows = [
        json.loads(x) for x in cli("claims", "--db", str(ingested), "--format", "jsonl").stdout.splitlines()
    ]
    assert any(r["stance"] == "declines_to_confirm" for r in rows)
    table = cli("claims", "--db", str(ingested)).stdout.decode()
    assert "Zelensky" in table


def test_entities_command(ingested: Path):
    rows = [
        json.loads(x) for x in cli("entities", "--db", str(ingested), "--format", "jsonl").stdout.splitlines()
    ]
    by_id = {r["id"]: r for r in rows}
    assert by_id["country:KP"]["mentions"] >= 5
    assert by_id["media:yonhap"]["kind"] == "media"
    assert by_id["geonames:709717"]["country"] == "UA" and by_id["geonames:709717"]["lat"] is not None
    govs = [
        json.loads(x)
        for x in cli(
            "entities", "--db", str(ingested), "--kind", "gov", "--format", "jsonl"
        ).stdout.splitlines()
    ]
    assert {r["id"] for r in govs} >= {"gov:KP"} and all(r["kind"] == "gov" for r in govs)


def test_events_command_filters(ingested: Path):
    def events(*args: str) -> list[dict]:
        res = cli("events", "--db", str(ingested), "--format", "jsonl", *args)
        assert res.returncode == 0, res.stderr.decode()
        return [json.loads(x) for x in res.stdout.splitlines()]

    every = events()
    assert {e["type"] for e in every} >= {"deploy_forces", "attack", "visit"}
    dated = [e["time"] for e in every if e["time"]]
    assert dated == sorted(dated, key=lambda v: v[:7])  # time order (undated last)
    october = events("--since", "2024-10-01", "--until", "2024-10-05")
    assert october and all(e["time"].startswith("2024-10-0") for e in october)
    assert all(e["type"] == "visit" for e in events("--type", "visit"))
    assert [e["place"]["name"] for e in events("--place", "Donetsk")] == ["Donetsk"]
    sourced = [e for e in events("--type", "deploy_forces", "--modality", "decided") if e["via"]]
    assert any(e["via"] == ["National Intelligence Service", "Yonhap"] for e in sourced)
    bad = cli("events", "--db", str(ingested), "--since", "last week")
    assert bad.returncode == 2 and b"--since" in bad.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export(ingested: Path, tmp_path: Path, fmt: str):
    out = tmp_path / "out"
    res = cli("export", "--db", str(ingested), "--format", fmt, "--out", str(out))
    assert res.returncode == 0, res.stderr.decode()
    claims_file = out / f"claims.{fmt}"
    assert claims_file.exists()
    if fmt == "parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(claims_file)
        assert table.num_rows >= 5 and "content_text" in table.column_names
    elif fmt == "csv":
        assert claims_file.read_text().splitlines()[0].startswith("article_id,idx,start")
    else:
        first = json.loads(claims_file.read_text().splitlines()[0])
        assert first["article_id"] and first["cue_text"]


def test_export_one_table_to_stdout(ingested: Path):
    res = cli("export", "--db", str(ingested), "--format", "jsonl", "--table", "articles")
    (row,) = [json.loads(x) for x in res.stdout.splitlines()]
    assert row["published"] == "2024-10-18"


def test_report(ingested: Path):
    md = cli("report", "--db", str(ingested)).stdout.decode()
    assert md.startswith("# newsledger report")
    for section in (
        "## Articles", "## Claims by source", "## Events", "## Actors and places", "## Figures", "## Times",
        "## Removed by cleaning",
    ):  # fmt: skip
        assert section in md
    assert "12,000" in md and "declines_to_confirm" in md


def test_read_commands_refuse_a_missing_store(tmp_path: Path):
    res = cli("report", "--db", str(tmp_path / "none.db"))
    assert res.returncode == 1 and "no such store" in res.stderr.decode()
    assert not (tmp_path / "none.db").exists()


def test_ingest_bad_inputs_are_counted_and_do_not_undo_the_rest(tmp_path: Path):
    db = tmp_path / "s.db"
    good = tmp_path / "in"
    good.mkdir()
    (good / "a.txt").write_text(EXAMPLE.read_text())
    (good / "b.txt").write_bytes(b"")
    (good / "c.jsonl").write_text('{"text": "Officials said the port reopened on Monday."}\n{broken\n')
    # Broken HTML with text is recovered; a page with no text at all is an error.
    (good / "d.html").write_text(
        "<html><body><div><p>The council voted on Tuesday to close <b>the old <i>bridge"
    )
    (good / "e.html").write_text("<html><body><div><script>var x = 1;</script></div")
    res = cli("ingest", str(good), "--db", str(db), "--published", "2024-10-18")
    assert res.returncode == 1
    out = res.stdout.decode()
    assert "new 3" in out and "failed 3" in out
    errs = res.stderr.decode().strip().splitlines()
    assert len(errs) == 3 and all("newsledger: error:" in e for e in errs)
    assert any("b.txt: empty file" in e for e in errs) and any("c.jsonl:2" in e for e in errs)
    assert any("e.html: no article text" in e for e in errs)
    s = json.loads(cli("stats", "--db", str(db), "--format", "json").stdout)
    assert s["articles"] == 3 and s["failures"] == 3


RUSSIAN = (
    "Министерство обороны заявило в пятницу, что войска отразили атаку. По данным ведомства, в районе "
    "Курска были сбиты шестнадцать беспилотников, пострадавших среди мирного населения нет. "
) * 3
FRENCH = (
    "Le ministère a annoncé vendredi que les troupes avaient repoussé une attaque près de la ville. "
    "Selon les autorités locales, seize drones ont été abattus pendant la nuit et aucune victime "
    "civile n'a été signalée dans la région, où les combats se poursuivent depuis plusieurs semaines. "
) * 3


def test_articles_not_in_english_are_stored_but_not_extracted(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "ru.txt").write_text(RUSSIAN)
    (src / "fr.txt").write_text(FRENCH)  # no declared language: told by its words
    (src / "de.html").write_text(
        '<html lang="de"><head><title>Angriff</title></head><body><article><p>'
        + "Die Armee meldete am Freitag, dass bei Kursk 16 Drohnen abgeschossen wurden. " * 8
        + "</p></article></body></html>"
    )
    (src / "en.txt").write_text(EXAMPLE.read_text())
    (src / "en.html").write_text(  # an English page that declares itself German
        '<html lang="de"><head><title>Strike</title></head><body><article><p>'
        + "The army said on Friday that 16 drones had been shot down near Kursk overnight. " * 8
        + "</p></article></body></html>"
    )
    db = tmp_path / "s.db"
    res = cli("ingest", str(src), "--db", str(db), "--published", "2024-10-18")
    assert res.returncode == 0, res.stderr.decode()
    con = sqlite3.connect(db)
    langs = dict(con.execute("SELECT path, language FROM articles").fetchall())
    assert {Path(p).name: lang for p, lang in langs.items()} == {
        "ru.txt": "und", "fr.txt": "und", "de.html": "de", "en.txt": None, "en.html": "en",
    }  # fmt: skip
    for table in ("mentions", "times", "quantities", "claims", "events"):
        per = dict(
            con.execute(
                f"SELECT coalesce(a.language, 'en') = 'en', count(x.article_id) FROM articles a "
                f"LEFT JOIN {table} x ON x.article_id = a.id GROUP BY coalesce(a.language, 'en') = 'en'"
            ).fetchall()
        )
        assert per[0] == 0 and per[1] > 0, (table, per)  # nothing read out of the foreign articles
    assert cli("stats", "--db", str(db), "--format", "json").returncode == 0
    md = cli("report", "--db", str(db)).stdout.decode()
    assert "Not in English, stored without extraction: 3 articles" in md
