"""Hostile input, concurrent writers and store upgrades. Every bad input is generated here (no committed
binaries) and run through the real command; each must give a one-line error or a sensible result, never
a traceback, a hang (timeout) or runaway memory (address-space limit)."""

from __future__ import annotations

import gzip
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLE, cli

MEMORY_LIMIT = 4 * 1024**3  # address space for one `extract` run on hostile input
TIMEOUT_S = 180
BODY = EXAMPLE.read_text(encoding="utf-8")


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _extract(path: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsledger", "extract", "--published", "2024-10-18", str(path)],
        capture_output=True,
        timeout=TIMEOUT_S,
        preexec_fn=_limited,
        check=False,
    )


def _rand(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


def _make(tmp: Path, name: str) -> Path:
    """Build one hostile input by name."""
    p = tmp / name
    if name == "random.txt":
        p.write_bytes(_rand(50_000, 1))
    elif name == "random.html":
        p.write_bytes(b"<html><body>" + _rand(50_000, 2))
    elif name == "random.jsonl":
        p.write_bytes(_rand(20_000, 3).replace(b"\n", b" ") + b"\n" + _rand(20_000, 4))
    elif name == "random.xml":
        p.write_bytes(b'<?xml version="1.0"?><rss>' + _rand(20_000, 5))
    elif name == "random.warc.gz":
        p.write_bytes(gzip.compress(b"WARC/1.0\r\n" + _rand(20_000, 6)))
    elif name == "truncated.txt.gz":
        p.write_bytes(gzip.compress(BODY.encode() * 20)[:700])
    elif name == "invalid-utf8.txt":
        p.write_bytes(BODY.encode()[:800] + b"\xff\xfe\xc3\x28\xa0\xa1" + BODY.encode()[800:])
    elif name == "latin1.txt":
        p.write_bytes(
            "Le ministre a déclaré à Genève que l'accord était signé. Über alles.".encode("latin-1")
        )
    elif name == "cp1252.txt":
        p.write_bytes("The minister’s “final offer” was rejected – again.".encode("cp1252"))
    elif name == "utf16.txt":
        p.write_bytes(BODY.encode("utf-16"))
    elif name == "nested.html":
        p.write_text(
            "<html><body>" + "<div>" * 100_000 + "<p>Deep text said officials.</p>" + "</div>" * 100_000
        )
    elif name == "huge.txt":
        with p.open("wb") as fh:
            fh.truncate(200 * 1024 * 1024)  # 200 MB, sparse: refused by size before it is read
    elif name == "longline.txt":
        p.write_bytes(b"a" * (10 * 1024 * 1024))
    elif name == "longline.jsonl":
        p.write_text(json.dumps({"text": "b" * (10 * 1024 * 1024)}) + "\n")
    elif name == "badtypes.jsonl":
        p.write_text(
            '{"text": ["a"]}\n{"html": 5}\n[1,2]\n"str"\n{"text": "Officials said so.", "published": 7}\n'
        )
    elif name == "baddates.xml":
        p.write_text(
            '<?xml version="1.0"?><rss version="2.0"><channel><title>T &bogus; &amp;</title>'
            "<item><title>A &nbsp; B</title><pubDate>not a date at all</pubDate>"
            "<description>Officials said on Monday that the port reopened &copy; &#xFFFFFF;.</description>"
            "</item></channel></rss>"
        )
    elif name == "nul.txt":
        p.write_bytes(BODY.encode()[:500] + b"\x00\x00" + BODY.encode()[500:])
    elif name == "rtl-zw.txt":
        p.write_text(
            "Officials said\u200b on Monday \u202ethat the talks\u202c had ended.\n\n"
            "قال المسؤولون إن المحادثات انتهت. \u200d\u2066Officials\u2069 said \ufeffmore talks followed."
        )
    elif name == "quotes.txt":
        p.write_text("Officials said “" + "“ " * 10_000 + "and nothing closed.")
    elif name == "empty.jsonl":
        p.write_text("")
    else:  # pragma: no cover - a typo in the parameter list
        raise AssertionError(name)
    return p


HOSTILE = [
    "random.txt", "random.html", "random.jsonl", "random.xml", "random.warc.gz", "truncated.txt.gz",
    "invalid-utf8.txt", "latin1.txt", "cp1252.txt", "utf16.txt", "nested.html", "huge.txt", "longline.txt",
    "longline.jsonl", "badtypes.jsonl", "baddates.xml", "nul.txt", "rtl-zw.txt", "quotes.txt", "empty.jsonl",
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_input_gives_an_error_line_or_a_sensible_result(tmp_path: Path, name: str):
    path = _make(tmp_path, name)
    start = time.monotonic()
    res = _extract(path)
    stderr = res.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr[-2000:]
    assert res.returncode in (0, 1), stderr[-2000:]
    for line in stderr.strip().splitlines():
        assert line.startswith("newsledger: error: ") and str(path) in line, line
    for line in res.stdout.decode().splitlines():
        obj = json.loads(line)
        text = obj["text"]
        for key in ("entities", "times", "quantities"):
            for rec in obj[key]:
                assert (
                    0 <= rec["start"] <= rec["end"] <= len(text)
                    and text[rec["start"] : rec["end"]] == rec["text"]
                )
        for c in obj["claims"]:
            for role in ("cue", "content", "source"):
                if c[role]:
                    assert text[c[role]["start"] : c[role]["end"]] == c[role]["text"]
    if res.returncode == 1:
        assert stderr.strip(), "a failure must say why"
    assert time.monotonic() - start < TIMEOUT_S


@pytest.mark.parametrize(
    ("name", "expect"),
    [
        ("latin1.txt", "déclaré à Genève"),
        ("cp1252.txt", "“final offer”"),
        ("utf16.txt", "North Korea has decided"),
        ("rtl-zw.txt", "Officials said"),
    ],
)
def test_encodings_give_sensible_text(tmp_path: Path, name: str, expect: str):
    res = _extract(_make(tmp_path, name))
    assert res.returncode == 0, res.stderr.decode()
    assert expect in json.loads(res.stdout)["text"]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("huge.txt", "too large"),
        ("longline.txt", "too long"),
        ("longline.jsonl", "too long"),
        ("random.txt", "binary"),
    ],
)
def test_documented_limits_have_clear_messages(tmp_path: Path, name: str, reason: str):
    res = _extract(_make(tmp_path, name))
    assert res.returncode == 1 and reason in res.stderr.decode()


# ------------------------------------------------------------------------------------------ concurrency
def _corpus(path: Path, start: int, n: int) -> Path:
    paras = [p for p in BODY.split("\n\n") if len(p) > 80]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(start, start + n):
            body = "\n\n".join(paras[i % len(paras) :] + paras[: i % len(paras)])
            fh.write(json.dumps({"text": f"Report {i}\n\n{body}", "published": "2024-10-18"}) + "\n")
    return path


@pytest.mark.slow
def test_two_ingests_on_one_store_serialise_and_readers_never_block(tmp_path: Path):
    db = tmp_path / "s.db"
    a = _corpus(tmp_path / "a.jsonl", 0, 40)
    b = _corpus(tmp_path / "b.jsonl", 20, 40)  # overlaps a on 20 articles
    cmd = [
        sys.executable,
        "-m",
        "newsledger",
        "ingest",
        "--db",
        str(db),
        "--workers",
        "1",
        "--batch-size",
        "4",
    ]
    p1 = subprocess.Popen([*cmd, str(a)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p2 = subprocess.Popen([*cmd, str(b)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    reads = 0
    while p1.poll() is None or p2.poll() is None:
        if db.exists():
            res = cli("stats", "--db", str(db), "--format", "json")
            if res.returncode == 0:
                reads += 1
                assert json.loads(res.stdout)["integrity"] == "ok"
        time.sleep(0.2)
    _, err1 = p1.communicate()
    _, err2 = p2.communicate()
    assert p1.returncode == 0 and p2.returncode == 0, (err1.decode()[-500:], err2.decode()[-500:])
    assert reads >= 1
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 60
    assert con.execute("SELECT count(DISTINCT article_id) FROM claims").fetchone()[0] == 60
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_busy_store_is_a_clear_error(tmp_path: Path, monkeypatch):
    from newsledger import store as store_mod
    from newsledger.errors import StoreBusyError

    db = tmp_path / "s.db"
    store_mod.Store(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    monkeypatch.setattr(store_mod, "BUSY_TIMEOUT_S", 0.2)
    s = store_mod.Store(db)
    with pytest.raises(StoreBusyError, match="another process is writing"):
        s.write_batch([])
    holder.execute("ROLLBACK")
    s.write_batch([])  # free again
    s.close()


# ------------------------------------------------------------------------------------------ upgrades
def test_a_first_version_store_gains_the_event_columns_and_keeps_its_articles(tmp_path: Path, monkeypatch):
    """A store written before events existed (schema 0001 only) opens, is backed up, and takes events."""
    from newsledger import store as store_mod

    db = tmp_path / "v1.db"
    monkeypatch.setattr(store_mod, "MIGRATIONS", store_mod.MIGRATIONS[:1])
    s = store_mod.Store(db)
    s.close()
    monkeypatch.undo()
    res = cli("ingest", str(EXAMPLE.parent), "--db", str(db), "--published", "2024-10-18")
    assert res.returncode == 0, res.stderr.decode()
    assert Path(f"{db}.bak-0001_initial").exists()
    s = store_mod.Store(db)
    assert s.stats()["articles"] == 1
    assert s.events(type="attack", since="2024-10-01", until="2024-10-31")
    s.close()


def test_an_older_store_is_backed_up_and_migrated(tmp_path: Path, monkeypatch):
    from newsledger import store as store_mod

    db = tmp_path / "s.db"
    res = cli("ingest", str(EXAMPLE.parent), "--db", str(db))
    assert res.returncode == 0
    names = [n for n, _ in store_mod.MIGRATIONS]
    extra = ("9999_test_column", "ALTER TABLE articles ADD COLUMN test_note TEXT")
    monkeypatch.setattr(store_mod, "MIGRATIONS", [*store_mod.MIGRATIONS, extra])
    s = store_mod.Store(db)
    assert s.migrations() == [*names, "9999_test_column"]
    assert s.backup_path == f"{db}.bak-{names[-1]}" and Path(s.backup_path).exists()
    assert s.stats()["articles"] == 1  # nothing lost
    s.close()
    old = sqlite3.connect(f"{db}.bak-{names[-1]}")
    assert [r[0] for r in old.execute("SELECT name FROM schema_migrations")] == names
    assert old.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    # Opened again, nothing more to migrate and no new backup.
    os.remove(f"{db}.bak-{names[-1]}")
    s = store_mod.Store(db)
    assert s.backup_path is None
    s.close()


def test_a_newer_store_is_refused(tmp_path: Path):
    db = tmp_path / "s.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    con.execute("INSERT INTO schema_migrations VALUES ('9999_future', 'x')")
    con.commit()
    con.close()
    res = cli("ingest", str(EXAMPLE), "--db", str(db))
    assert res.returncode == 1 and "made by a newer newsledger" in res.stderr.decode()


def test_many_processes_opening_a_new_store_at_once_migrate_it_once(tmp_path: Path):
    db = tmp_path / "new.db"
    # Every process waits for the same instant, then opens the store: the migrations race.
    code = (
        "import sys, time; from newsledger.store import Store; "
        "time.sleep(max(0.0, float(sys.argv[2]) - time.time())); Store(sys.argv[1]).close()"
    )
    start = str(time.time() + 2.0)
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(db), start], stderr=subprocess.PIPE)
        for _ in range(8)
    ]
    errors = [p.communicate()[1].decode() for p in procs]
    assert all(p.returncode == 0 for p in procs), errors
    con = sqlite3.connect(db)
    from newsledger.store import MIGRATIONS

    assert [r[0] for r in con.execute("SELECT name FROM schema_migrations")] == [n for n, _ in MIGRATIONS]


@pytest.mark.slow
def test_the_api_serves_reads_while_an_ingest_writes(tmp_path: Path):
    import urllib.request

    from conftest import serving

    db = tmp_path / "s.db"
    assert cli("ingest", str(_corpus(tmp_path / "first.jsonl", 0, 4)), "--db", str(db)).returncode == 0
    seen: list[int] = []
    with serving(db) as base:
        writer = subprocess.Popen(
            [sys.executable, "-m", "newsledger", "ingest", str(_corpus(tmp_path / "more.jsonl", 4, 40)),
             "--db", str(db), "--workers", "1", "--batch-size", "4"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            while writer.poll() is None:
                for path in ("/api/articles?limit=500", "/api/claims?limit=5", "/api/propositions?limit=5"):
                    with urllib.request.urlopen(base + path, timeout=30) as r:
                        assert r.status == 200
                        body = json.load(r)
                    if path.startswith("/api/articles"):
                        seen.append(len(body["items"]))
                time.sleep(0.1)
        finally:
            if writer.poll() is None:
                writer.kill()
            _, err = writer.communicate()
        assert writer.returncode == 0, err.decode()[-500:]
    assert len(seen) >= 3 and seen == sorted(seen)  # reads went on, and saw the store grow
    assert seen[0] >= 4
