"""The store: one SQLite file (WAL mode, FTS5 over article text and claim content).

- Schema changes are named migrations, applied in order and recorded in ``schema_migrations``. Opening
  a store made by an older newsledger copies it to ``STORE.bak-LASTMIGRATION`` first, then migrates it
  forward; a store made by a newer newsledger is refused rather than guessed at.
- Every batch of articles is written in one ``BEGIN IMMEDIATE`` transaction: an interrupted ingest leaves
  whole batches or nothing, and the next run skips the articles already stored (ids are content hashes).
- Two writers on one store serialise: the second waits up to ``BUSY_TIMEOUT_S`` for the write lock, then
  fails with :class:`~newsledger.errors.StoreBusyError`.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ReadError, StoreBusyError, StoreError
from .model import EXTRACTOR_VERSION, Article, Duplicate, Extraction, Heading, RemovedSpan
from .timex import timex_bounds
from .unionfind import DisjointSets

# How long a writer waits for another writer's transaction before giving up.
BUSY_TIMEOUT_S = 60.0

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_initial",
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY, path TEXT, url TEXT, outlet TEXT, title TEXT, byline TEXT, dateline TEXT,
            agency TEXT, published TEXT, published_source TEXT, language TEXT, fmt TEXT,
            text TEXT NOT NULL, source_text TEXT NOT NULL, extractor_version TEXT, ingested_at TEXT
        );
        CREATE TABLE removed_spans (
            article_id TEXT NOT NULL REFERENCES articles(id), start INTEGER, "end" INTEGER, text TEXT,
            reason TEXT
        );
        CREATE INDEX removed_spans_article ON removed_spans(article_id);
        CREATE TABLE headings (
            article_id TEXT NOT NULL REFERENCES articles(id), start INTEGER, "end" INTEGER, text TEXT
        );
        CREATE TABLE entities (
            id TEXT PRIMARY KEY, kind TEXT, name TEXT, country TEXT, lat REAL, lon REAL
        );
        CREATE TABLE mentions (
            article_id TEXT NOT NULL REFERENCES articles(id), start INTEGER, "end" INTEGER, text TEXT,
            label TEXT, entity_id TEXT REFERENCES entities(id)
        );
        CREATE INDEX mentions_article ON mentions(article_id);
        CREATE INDEX mentions_entity ON mentions(entity_id);
        CREATE TABLE times (
            article_id TEXT NOT NULL REFERENCES articles(id), idx INTEGER, start INTEGER, "end" INTEGER,
            text TEXT, value TEXT, type TEXT, granularity TEXT, earliest TEXT, latest TEXT, anchored INTEGER
        );
        CREATE INDEX times_article ON times(article_id);
        CREATE TABLE quantities (
            article_id TEXT NOT NULL REFERENCES articles(id), idx INTEGER, start INTEGER, "end" INTEGER,
            text TEXT, value REAL, low REAL, high REAL, unit TEXT, approximate INTEGER, kind TEXT
        );
        CREATE INDEX quantities_article ON quantities(article_id);
        CREATE TABLE claims (
            article_id TEXT NOT NULL REFERENCES articles(id), idx INTEGER, start INTEGER, "end" INTEGER,
            source_start INTEGER, source_end INTEGER, source_text TEXT, source_entity_id TEXT,
            source_name TEXT, cue_start INTEGER, cue_end INTEGER, cue_text TEXT, content_start INTEGER,
            content_end INTEGER, content_text TEXT, quote TEXT, via TEXT, stance TEXT, hedges TEXT
        );
        CREATE INDEX claims_article ON claims(article_id);
        CREATE INDEX claims_source ON claims(source_entity_id);
        CREATE TABLE events (
            article_id TEXT NOT NULL REFERENCES articles(id), idx INTEGER, start INTEGER, "end" INTEGER,
            type TEXT, data TEXT
        );
        CREATE INDEX events_article ON events(article_id);
        CREATE TABLE failures (path TEXT, reason TEXT, at TEXT);
        CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, title, text);
        CREATE VIRTUAL TABLE claims_fts USING fts5(article_id UNINDEXED, idx UNINDEXED, source, content);
        """,
    ),
    (
        "0002_event_columns",
        # Events were always empty before this migration: nothing to backfill.
        """
        ALTER TABLE events ADD COLUMN modality TEXT;
        ALTER TABLE events ADD COLUMN actor_id TEXT;
        ALTER TABLE events ADD COLUMN actor TEXT;
        ALTER TABLE events ADD COLUMN place_id TEXT;
        ALTER TABLE events ADD COLUMN place TEXT;
        ALTER TABLE events ADD COLUMN time_value TEXT;
        ALTER TABLE events ADD COLUMN time_lo TEXT;
        ALTER TABLE events ADD COLUMN time_hi TEXT;
        ALTER TABLE events ADD COLUMN claim INTEGER;
        CREATE INDEX events_type ON events(type);
        CREATE INDEX events_time ON events(time_lo, time_hi);
        CREATE INDEX events_actor ON events(actor_id);
        CREATE INDEX events_place ON events(place_id);
        """,
    ),
    (
        "0003_consolidation",
        """
        CREATE TABLE signatures (article_id TEXT PRIMARY KEY REFERENCES articles(id), minhash BLOB);
        CREATE TABLE copies (a TEXT, b TEXT, similarity REAL, kind TEXT, shared TEXT, PRIMARY KEY (a, b));
        CREATE TABLE article_origins (article_id TEXT PRIMARY KEY, wire TEXT, copy_of TEXT);
        CREATE TABLE propositions (
            id INTEGER PRIMARY KEY, kind TEXT, label TEXT, first_seen TEXT, reports INTEGER,
            independent_sources INTEGER, independent_reports INTEGER, corroboration TEXT, data TEXT
        );
        CREATE TABLE proposition_members (proposition_id INTEGER, article_id TEXT, kind TEXT, idx INTEGER);
        CREATE INDEX proposition_members_article ON proposition_members(article_id);
        CREATE TABLE estimates (
            id INTEGER PRIMARY KEY, label TEXT, unit TEXT, actor TEXT, context TEXT, data TEXT
        );
        """,
    ),
    (
        "0004_list_indexes",
        # The API's lists page through these orders; with the indexes a page reads only its rows.
        """
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX events_order ON events(time_lo IS NULL, time_lo, article_id, idx);
        CREATE INDEX propositions_order
            ON propositions(reports DESC, independent_sources DESC, first_seen, id);
        CREATE INDEX claims_stance ON claims(stance);
        """,
    ),
    (
        "0005_list_columns",
        # Counts kept on the entity row and the publication date on the claim row, so the API's lists are
        # index walks, not a GROUP BY or a sort over every mention and claim.
        """
        ALTER TABLE entities ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE entities ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
        UPDATE entities SET
            mentions = (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id),
            articles = (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.entity_id = entities.id);
        CREATE INDEX entities_by_mentions ON entities(mentions DESC, name);
        ALTER TABLE claims ADD COLUMN published TEXT;
        UPDATE claims SET published = (SELECT a.published FROM articles a WHERE a.id = claims.article_id);
        CREATE INDEX claims_by_published ON claims(published, article_id, idx);
        """,
    ),
    (
        "0006_event_type_order",
        "CREATE INDEX events_type_order ON events(type, time_lo IS NULL, time_lo, article_id, idx);",
    ),
    (
        # A figure's qualifier, the figure it is made of, and the time and claim it sits in (by index).
        "0007_quantity_context",
        """
        ALTER TABLE quantities ADD COLUMN qualifier TEXT;
        ALTER TABLE quantities ADD COLUMN of_idx INTEGER;
        ALTER TABLE quantities ADD COLUMN time_idx INTEGER;
        ALTER TABLE quantities ADD COLUMN claim_idx INTEGER;
        """,
    ),
    (
        # The ledger filters propositions by who said them and how, and sorts by date or by sources:
        # each proposition carries its speakers (names and origin ids, one per line) and its members'
        # stances; consolidation writes them, and this fills them from the stored JSON for older stores.
        # The index covers every filter and sort, so a filtered list never reads the (long) JSON of the
        # propositions it skips.
        "0008_proposition_filters",
        """
        ALTER TABLE propositions ADD COLUMN speakers TEXT;
        ALTER TABLE propositions ADD COLUMN stances TEXT;
        UPDATE propositions SET
            speakers = (SELECT group_concat(x, char(10)) FROM (
                SELECT json_extract(value, '$.source') AS x FROM json_each(propositions.data, '$.members')
                UNION SELECT value FROM json_each(propositions.data, '$.origins')) WHERE x IS NOT NULL),
            stances = (SELECT group_concat(x, ' ') FROM (
                SELECT DISTINCT json_extract(value, '$.stance') AS x
                FROM json_each(propositions.data, '$.members')) WHERE x IS NOT NULL);
        CREATE INDEX proposition_members_prop ON proposition_members(proposition_id, kind);
        CREATE INDEX propositions_by_seen ON propositions(
            kind, first_seen, reports, independent_sources, corroboration, speakers, stances, label
        );
        """,
    ),
    (
        # A quotation resumed after its attribution (“A,” she said. “B.”) is one content in several
        # stretches: the first stays in content_start/end/text, the others are a JSON list of
        # {start, end, text} here (NULL when there are none).
        "0009_content_more",
        "ALTER TABLE claims ADD COLUMN content_more TEXT;",
    ),
    (
        # How likely the claim is an attribution at all (extract/confidence.py); NULL for claims stored
        # before there was a confidence model.
        "0010_claim_confidence",
        "ALTER TABLE claims ADD COLUMN confidence REAL;",
    ),
    (
        # The figure a quantity changed from in its own article ("rose from 30 to 45": 45's is 30), by
        # index; NULL for quantities stored before it was read.
        "0011_quantity_previous",
        "ALTER TABLE quantities ADD COLUMN previous_idx INTEGER;",
    ),
    (
        # What a rate is per ("$15 an hour": hour); NULL for a figure that is no rate, and for quantities
        # stored before rates were read.
        "0012_quantity_per",
        "ALTER TABLE quantities ADD COLUMN per TEXT;",
    ),
]


def claim_content(row: Any) -> str:
    """The whole content of a stored claim, its stretches joined with " … " (see migration 0009)."""
    more = row["content_more"]
    if not more:
        return str(row["content_text"] or "")
    return " … ".join([row["content_text"] or "", *(p["text"] for p in json.loads(more))])


# How a list of propositions can be sorted (the API's ``sort`` parameter and the ledger's).
PROPOSITION_SORTS = {
    "reports": "reports DESC, independent_sources DESC, first_seen, id",
    "sources": "independent_sources DESC, reports DESC, first_seen, id",
    "newest": "first_seen DESC, id DESC",  # undated last (NULL sorts first ascending); the index order
    "oldest": "first_seen IS NULL, first_seen, reports DESC, id",
}


@dataclass(frozen=True, slots=True)
class PropositionFilter:
    """Which propositions a list shows, and in what order (the API, the ledger, the CLI, the report):
    ``source`` matches a speaker's name or origin id and ``stance`` any member claim's stance (both kept
    beside each proposition, migration 0008); ``label`` a part of the label; ``since``/``until`` bound the
    first-seen date; ``sort`` is a key of :data:`PROPOSITION_SORTS`."""

    kind: str | None = None
    corroboration: str | None = None
    source: str | None = None
    stance: str | None = None
    label: str | None = None
    since: str | None = None
    until: str | None = None
    sort: str = "reports"

    @property
    def order(self) -> str:
        return PROPOSITION_SORTS[self.sort]

    def where(self) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        args: list[Any] = []
        if self.kind:
            where.append("p.kind = ?")
            args.append(self.kind)
        if self.corroboration:
            where.append("p.corroboration = ?")
            args.append(self.corroboration)
        if self.source:  # p.speakers holds one name or origin id per line
            where.append("p.speakers LIKE ?")
            args.append(f"%{self.source}%")
        if self.stance:
            where.append("(' ' || p.stances || ' ') LIKE ?")
            args.append(f"% {self.stance} %")
        if self.label:
            where.append("p.label LIKE ?")
            args.append(f"%{self.label}%")
        if self.since:
            where.append("p.first_seen >= ?")
            args.append(self.since)
        if self.until:
            where.append("p.first_seen <= ?")
            args.append(self.until + "~")  # "2024-10" keeps every day of October
        return where, args


# Tables whose rows belong to one article (deleted with it, counted by ``stats``).
ARTICLE_TABLES = ("removed_spans", "headings", "mentions", "times", "quantities", "claims", "events")


@dataclass(frozen=True, slots=True)
class WriteResult:
    new: int
    duplicates: int


class BatchWriter:
    """The one writer of a run: counts results and writes extractions and failures in batched
    transactions. ``on_error`` is told of each failure as it arrives (the CLI prints it)."""

    def __init__(
        self, store: Store, batch_size: int, *, on_error: Callable[[ReadError], None] | None = None
    ) -> None:
        self.store = store
        self.batch_size = batch_size
        self.on_error = on_error
        self.counts = {"read": 0, "new": 0, "duplicates": 0, "failed": 0}
        self.pending: list[Extraction] = []
        self.failures: list[tuple[str, str]] = []

    def add(self, item: Extraction | ReadError | Duplicate) -> None:
        self.counts["read"] += 1
        if isinstance(item, ReadError):
            self.counts["failed"] += 1
            if self.on_error is not None:
                self.on_error(item)
            self.failures.append((item.path, item.reason))
        elif isinstance(item, Duplicate):
            self.counts["duplicates"] += 1
        else:
            self.pending.append(item)
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        res = self.store.write_batch(self.pending, self.failures)
        self.counts["new"] += res.new
        self.counts["duplicates"] += res.duplicates
        self.pending.clear()
        self.failures.clear()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Store:
    """A newsledger store in one SQLite file. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path, *, readonly: bool = False, any_thread: bool = False) -> None:
        """``any_thread``: the connection may be used from a thread other than the one that opened it (one
        at a time) — the web server opens it in one worker thread and answers in another."""
        self.path = str(path)
        self.backup_path: str | None = None  # set when opening migrated an older store (after a backup)
        try:
            if readonly:
                if not Path(self.path).exists():
                    raise StoreError(f"{self.path}: no such store (run `newsledger ingest` first)")
                self.db = sqlite3.connect(
                    f"file:{self.path}?mode=ro",
                    uri=True,
                    timeout=BUSY_TIMEOUT_S,
                    isolation_level=None,
                    check_same_thread=not any_thread,
                )
            else:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(
                    self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=not any_thread
                )
                self._wal()
                self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys=ON")
            if not readonly:
                self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable newsledger store ({exc})") from None

    def _wal(self) -> None:
        """Switch to WAL. Processes creating one new store at once can get "locked" here without SQLite's
        busy handler being called (the switch needs an exclusive lock), so wait and retry."""
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                self.db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    # ------------------------------------------------------------------------------------ lifecycle
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def _migrate(self) -> None:
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
        )
        done = {r[0] for r in self.db.execute("SELECT name FROM schema_migrations")}
        known = {name for name, _ in MIGRATIONS}
        if done - known:
            raise StoreError(
                f"{self.path}: made by a newer newsledger (schema {max(done)}); upgrade newsledger to open it"
            )
        todo = [(name, sql) for name, sql in MIGRATIONS if name not in done]
        if todo and done:
            self.backup_path = self._backup(max(done))
        for name, sql in todo:
            try:
                self.db.execute("BEGIN IMMEDIATE")
                # Another process may have applied it while we waited for the write lock (two ingests
                # opening a new store at once): check again under the lock.
                if self.db.execute("SELECT 1 FROM schema_migrations WHERE name = ?", (name,)).fetchone():
                    self.db.execute("COMMIT")
                    continue
                # executescript would commit on its own; run statement by statement inside our transaction.
                for stmt in _statements(sql):
                    self.db.execute(stmt)
                self.db.execute("INSERT INTO schema_migrations VALUES (?, ?)", (name, _now()))
                self.db.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                self.db.execute("ROLLBACK") if self.db.in_transaction else None
                if "locked" in str(exc) or "busy" in str(exc):
                    raise StoreBusyError(f"{self.path}: store is busy ({exc})") from None
                raise

    def _backup(self, version: str) -> str:
        """Copy the store (consistently, with SQLite's online backup) before migrating it forward."""
        target = f"{self.path}.bak-{version}"
        dst = sqlite3.connect(target)
        try:
            self.db.backup(dst)
        finally:
            dst.close()
        return target

    def migrations(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM schema_migrations ORDER BY name")]

    # ---------------------------------------------------------------------------------------- writes
    def article_ids(self) -> frozenset[str]:
        """Every stored article id (what a resumed or parallel run skips)."""
        return frozenset(r[0] for r in self.db.execute("SELECT id FROM articles"))

    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def write_batch(
        self, extractions: Iterable[Extraction], failures: Iterable[tuple[str, str]] = ()
    ) -> WriteResult:
        """Write a batch of extractions (and failure records) in one transaction."""
        new = dup = 0
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreBusyError(f"{self.path}: another process is writing to this store ({exc})") from None
        try:
            for ex in extractions:
                if self.has_article(ex.article.id):
                    dup += 1
                    continue
                self._insert(ex)
                new += 1
            self.db.executemany(
                "INSERT INTO failures VALUES (?, ?, ?)", [(p, r, _now()) for p, r in failures]
            )
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        return WriteResult(new, dup)

    def _insert(self, ex: Extraction) -> None:
        a = ex.article
        db = self.db
        db.execute(
            "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                a.id,
                a.path,
                a.url,
                a.outlet,
                a.title,
                a.byline,
                a.dateline,
                a.agency,
                a.published.isoformat() if a.published else None,
                a.published_source,
                a.language,
                a.fmt,
                a.text,
                a.source_text,
                EXTRACTOR_VERSION,
                _now(),
            ),
        )
        db.execute("INSERT INTO articles_fts VALUES (?,?,?)", (a.id, a.title or "", a.text))
        db.executemany(
            "INSERT INTO removed_spans VALUES (?,?,?,?,?)",
            [(a.id, r.start, r.end, r.text, r.reason) for r in a.removed],
        )
        db.executemany(
            "INSERT INTO headings VALUES (?,?,?,?)", [(a.id, h.start, h.end, h.text) for h in a.headings]
        )
        self._insert_records(ex)

    def _insert_records(self, ex: Extraction, *, refresh: bool = False) -> None:
        """The records extracted from one stored article. ``refresh``: the entities' names, kinds and
        points are taken from this extraction (a re-extraction), not kept from the first article that
        named them."""
        a = ex.article
        db = self.db
        per_entity: dict[str, list[Any]] = {}
        for m in ex.entities:
            row = per_entity.setdefault(
                m.entity_id, [m.entity_id, m.kind, m.name, m.country, m.lat, m.lon, 0]
            )
            row[6] += 1
        db.executemany(
            "INSERT INTO entities (id, kind, name, country, lat, lon, mentions, articles)"
            " VALUES (?,?,?,?,?,?,?,1)"
            " ON CONFLICT(id) DO UPDATE SET mentions = mentions + excluded.mentions, articles = articles + 1"
            + (
                ", kind = excluded.kind, name = excluded.name, country = excluded.country,"
                " lat = excluded.lat, lon = excluded.lon"
                if refresh
                else ""
            ),
            list(per_entity.values()),
        )
        db.executemany(
            "INSERT INTO mentions VALUES (?,?,?,?,?,?)",
            [(a.id, m.start, m.end, m.text, m.label, m.entity_id) for m in ex.entities],
        )
        db.executemany(
            "INSERT INTO times VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    a.id,
                    i,
                    t.start,
                    t.end,
                    t.text,
                    t.value,
                    t.type,
                    t.granularity,
                    t.earliest.isoformat() if t.earliest else None,
                    t.latest.isoformat() if t.latest else None,
                    int(t.anchored),
                )
                for i, t in enumerate(ex.times)
            ],
        )
        db.executemany(
            'INSERT INTO quantities (article_id, idx, start, "end", text, value, low, high, unit, '
            "approximate, kind, qualifier, of_idx, time_idx, claim_idx, previous_idx, per) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    a.id,
                    i,
                    q.start,
                    q.end,
                    q.text,
                    q.value,
                    q.low,
                    q.high,
                    q.unit,
                    int(q.approximate),
                    q.kind,
                    q.qualifier,
                    q.of,
                    q.time,
                    q.claim,
                    q.previous,
                    q.per,
                )
                for i, q in enumerate(ex.quantities)
            ],
        )
        for i, c in enumerate(ex.claims):
            s = c.source
            db.execute(
                "INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    a.id,
                    i,
                    c.start,
                    c.end,
                    s.start if s else None,
                    s.end if s else None,
                    s.text if s else None,
                    s.entity_id if s else None,
                    s.name if s else None,
                    c.cue.start,
                    c.cue.end,
                    c.cue.text,
                    c.content.start,
                    c.content.end,
                    c.content.text,
                    c.quote,
                    json.dumps([v.to_dict() for v in c.via]),
                    c.stance,
                    json.dumps(list(c.hedges)),
                    a.published.isoformat() if a.published else None,
                    json.dumps([p.to_dict() for p in c.content_more]) if c.content_more else None,
                    c.confidence,
                ),
            )
            db.execute(
                "INSERT INTO claims_fts VALUES (?,?,?,?)",
                (
                    a.id,
                    i,
                    (s.name or s.text) if s else "",
                    " … ".join(p.text for p in (c.content, *c.content_more)),
                ),
            )
        rows = []
        for i, e in enumerate(ex.events):
            lo, hi = timex_bounds(e.time)
            actor, place = e.actor, e.place
            rows.append((
                a.id, i, e.start, e.end, e.type, json.dumps(e.to_dict()), e.modality,
                actor.entity_id if actor else None, (actor.name or actor.text) if actor else None,
                place.entity_id if place else None, (place.name or place.text) if place else None,
                e.time, lo, hi, e.claim,
            ))  # fmt: skip
        db.executemany(
            'INSERT INTO events (article_id, idx, start, "end", type, data, modality, actor_id, actor,'
            " place_id, place, time_value, time_lo, time_hi, claim) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )

    # ---------------------------------------------------------------------------------- re-extraction
    def stale_article_ids(self, *, every: bool = False) -> list[str]:
        """Ids of the articles extracted by another version of the extractors than this one (all of
        them with ``every``), in storage order."""
        sql = "SELECT id FROM articles"
        if not every:
            sql += " WHERE extractor_version IS NOT ?"
        return [r[0] for r in self.db.execute(sql + " ORDER BY rowid", () if every else (EXTRACTOR_VERSION,))]

    def stored_article(self, article_id: str) -> Article:
        """The cleaned article as stored (its text, metadata, removed spans and headings), to extract
        from again. A publication date the extractors guessed from the text is dropped, so that the
        current extractors guess it again; one from metadata or the command line is kept."""
        r = self.article(article_id)
        if r is None:
            raise StoreError(f"{self.path}: no article {article_id}")
        guessed = r["published_source"] not in ("metadata", "cli")
        removed = self.db.execute(
            'SELECT start, "end", text, reason FROM removed_spans WHERE article_id = ? ORDER BY rowid',
            (article_id,),
        )
        headings = self.db.execute(
            'SELECT start, "end", text FROM headings WHERE article_id = ? ORDER BY rowid', (article_id,)
        )
        return Article(
            id=r["id"],
            text=r["text"],
            source_text=r["source_text"],
            path=r["path"],
            url=r["url"],
            outlet=r["outlet"],
            title=r["title"],
            byline=r["byline"],
            dateline=r["dateline"],
            agency=r["agency"],
            published=None if guessed or not r["published"] else dt.date.fromisoformat(r["published"]),
            published_source=None if guessed else r["published_source"],
            language=r["language"],
            fmt=r["fmt"],
            removed=tuple(RemovedSpan(*x) for x in removed),
            headings=tuple(Heading(*x) for x in headings),
        )

    def replace_batch(self, extractions: Iterable[Extraction]) -> int:
        """Put new extractions of stored articles in place of their records, in one transaction: the
        article's text, removed spans and headings stay; its entity mentions, times, quantities, claims
        and events are those given, and its extractor version is this one. Articles no longer stored are
        skipped. Returns how many were replaced. Consolidation is not touched: run it afterwards."""
        done = 0
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreBusyError(f"{self.path}: another process is writing to this store ({exc})") from None
        try:
            todo = [ex for ex in extractions if self.has_article(ex.article.id)]
            self._delete_records([ex.article.id for ex in todo])
            for ex in todo:
                a = ex.article
                self._insert_records(ex, refresh=True)
                self.db.execute(
                    "UPDATE articles SET published = ?, published_source = ?, extractor_version = ?"
                    " WHERE id = ?",
                    (
                        a.published.isoformat() if a.published else None,
                        a.published_source,
                        EXTRACTOR_VERSION,
                        a.id,
                    ),
                )
                done += 1
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        return done

    def _delete_records(self, article_ids: list[str]) -> None:
        """Remove these articles' extracted records, and their share of the entities' counts (an entity
        no article mentions any more goes)."""
        db = self.db
        for aid in article_ids:
            counts = db.execute(
                "SELECT entity_id, count(*) FROM mentions WHERE article_id = ? GROUP BY entity_id", (aid,)
            ).fetchall()
            db.executemany(
                "UPDATE entities SET mentions = mentions - ?, articles = articles - 1 WHERE id = ?",
                [(n, eid) for eid, n in counts],
            )
            for table in ("mentions", "times", "quantities", "claims", "events"):
                db.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))
            db.executemany(
                "DELETE FROM entities WHERE id = ? AND mentions <= 0", [(eid,) for eid, _ in counts]
            )
        # The claims' full-text rows are found by a scan (their article id is not indexed): once a batch.
        for i in range(0, len(article_ids), 500):
            part = article_ids[i : i + 500]
            db.execute(f"DELETE FROM claims_fts WHERE article_id IN ({','.join('?' * len(part))})", part)

    # ----------------------------------------------------------------------------------------- reads
    def articles(self, *, limit: int | None = None) -> list[sqlite3.Row]:
        sql = (
            "SELECT id, path, url, outlet, title, published, published_source, dateline,"
            " length(text) AS chars,"
            " (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims,"
            " (SELECT count(*) FROM removed_spans r WHERE r.article_id = a.id) AS removed,"
            ' (SELECT coalesce(sum(r."end" - r.start), 0) FROM removed_spans r WHERE r.article_id = a.id)'
            " AS removed_chars"
            " FROM articles a ORDER BY published, title"
        )
        if limit:
            sql += f" LIMIT {int(limit)}"
        return list(self.db.execute(sql))

    def article(self, article_id: str) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.db.execute(
            "SELECT * FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return row

    def search(self, query: str, *, limit: int = 20) -> list[sqlite3.Row]:
        """Full-text search over article titles and text (FTS5 query syntax; a bad query is quoted)."""
        sql = (
            "SELECT a.id, a.title, a.published, snippet(articles_fts, 2, '[', ']', '…', 12) AS snippet"
            " FROM articles_fts JOIN articles a ON a.id = articles_fts.article_id"
            " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        try:
            return list(self.db.execute(sql, (query, limit)))
        except sqlite3.OperationalError:
            quoted = " ".join('"' + w.replace('"', '""') + '"' for w in query.split())
            return list(self.db.execute(sql, (quoted, limit)))

    def claims(
        self,
        *,
        source: str | None = None,
        stance: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        newest_first: bool = False,
    ) -> list[sqlite3.Row]:
        """Claims with their article; ``source`` matches the source's entity id or a part of its name."""
        sql = (
            "SELECT c.*, a.title, a.published, a.outlet FROM claims c JOIN articles a ON a.id = c.article_id"
        )
        where: list[str] = []
        args: list[Any] = []
        if source:
            where.append("(c.source_entity_id = ? OR coalesce(c.source_name, c.source_text) LIKE ?)")
            args += [source, f"%{source}%"]
        if stance:
            where.append("c.stance = ?")
            args.append(stance)
        d = " DESC" if newest_first else ""
        order = f"c.published{d}, c.article_id{d}, c.idx{d}"
        return list(self.db.execute(_list_sql(sql, where, order, limit, offset), args))

    def events(
        self,
        *,
        type: str | None = None,
        actor: str | None = None,
        place: str | None = None,
        since: str | None = None,
        until: str | None = None,
        modality: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        latest_first: bool = False,
    ) -> list[sqlite3.Row]:
        """Events with their article, in time order (undated last). ``actor``/``place`` match the entity id
        or a part of the name; ``since``/``until`` (ISO dates) keep events whose time interval overlaps."""
        sql = "SELECT e.*, a.title, a.published, a.outlet, a.url FROM events e"
        sql += " JOIN articles a ON a.id = e.article_id"
        where: list[str] = []
        args: list[Any] = []
        if type:
            where.append("e.type = ?")
            args.append(type)
        if modality:
            where.append("e.modality = ?")
            args.append(modality)
        for col, val in (("actor", actor), ("place", place)):
            if val:
                where.append(f"(e.{col}_id = ? OR e.{col} LIKE ?)")
                args += [val, f"%{val}%"]
        if since:
            where.append("e.time_hi >= ?")
            args.append(since)
        if until:
            where.append("e.time_lo <= ?")
            args.append(until)
        order = "e.time_lo IS NULL, e.time_lo, e.article_id, e.idx"
        if latest_first:  # latest dated first, undated still last
            order = "e.time_lo IS NULL, e.time_lo DESC, e.article_id, e.idx"
        return list(self.db.execute(_list_sql(sql, where, order, limit, offset), args))

    # ----------------------------------------------------------------- consolidation (consolidate.py)
    def propositions(
        self, which: PropositionFilter | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[sqlite3.Row]:
        """Propositions, filtered and sorted in SQLite (:class:`PropositionFilter`)."""
        which = which or PropositionFilter()
        where, args = which.where()
        return list(
            self.db.execute(
                _list_sql("SELECT * FROM propositions p", where, which.order, limit, offset), args
            )
        )

    def proposition_summaries(
        self, which: PropositionFilter, *, limit: int = 50, offset: int = 0, members: int = 20
    ) -> list[sqlite3.Row]:
        """Propositions for a list page: the JSON cut down in SQLite (first ``members`` members and
        ``members_total``), so a story reprinted ten thousand times does not cost ten thousand parses."""
        where, args = which.where()
        page = _list_sql("SELECT p.id FROM propositions p", where, which.order, limit, offset)
        # The page's ids first, then the cut-down JSON of those rows only (not of every match).
        sql = (
            "SELECT id, json_set(json_remove(data, '$.members'), '$.members',"
            " (SELECT json_group_array(json(value)) FROM json_each(p.data, '$.members') WHERE key < ?),"
            f" '$.id', p.id, '$.kind', p.kind) AS data FROM propositions p WHERE p.id IN ({page})"
            f" ORDER BY {which.order}"
        )
        return list(self.db.execute(sql, [members, *args]))

    def estimates(
        self, *, query: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[sqlite3.Row]:
        """Estimate groups, those with the most values first (consolidation numbers them so)."""
        where, args = (["label LIKE ?"], [f"%{query}%"]) if query else ([], [])
        return list(self.db.execute(_list_sql("SELECT * FROM estimates", where, "id", limit, offset), args))

    def timeline(self, *, limit: int | None = None) -> list[sqlite3.Row]:
        sql = (
            "SELECT * FROM propositions WHERE kind = 'event' AND json_extract(data, '$.time') IS NOT NULL"
            " ORDER BY json_extract(data, '$.time'), first_seen, id"
        )
        if limit:
            sql += f" LIMIT {int(limit)}"
        return list(self.db.execute(sql))

    def stories(self) -> list[dict[str, Any]]:
        """Articles joined by copies or by propositions they share; each with dates and main actors."""
        sets = DisjointSets()
        for (aid,) in self.db.execute("SELECT id FROM articles"):
            sets.find(aid)
        for a, b in self.db.execute("SELECT a, b FROM copies"):
            sets.union(a, b)
        by_prop: dict[int, list[str]] = {}
        for pid, aid in self.db.execute(
            "SELECT m.proposition_id, m.article_id FROM proposition_members m"
            " JOIN propositions p ON p.id = m.proposition_id WHERE p.reports >= 2"
        ):
            by_prop.setdefault(pid, []).append(aid)
        props_of: dict[str, set[int]] = {}
        for pid, aids in by_prop.items():
            for aid in aids[1:]:
                sets.union(aids[0], aid)
            for aid in aids:
                props_of.setdefault(aid, set()).add(pid)
        groups: dict[str, list[str]] = {}
        for aid in list(sets.parent):
            groups.setdefault(sets.find(aid), []).append(aid)
        stories = list(groups.values())
        # Dates, first title and main actors of every story in three grouped queries over a temporary
        # table (no IN list: a story of 100,000 articles would pass SQLite's limit on bound parameters).
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS story_of (article_id TEXT PRIMARY KEY, story INT)")
        self.db.execute("DELETE FROM temp.story_of")
        self.db.executemany(
            "INSERT INTO temp.story_of VALUES (?, ?)", ((a, i) for i, ms in enumerate(stories) for a in ms)
        )
        dates = {
            r[0]: (r[1], r[2])
            for r in self.db.execute(
                "SELECT s.story, min(a.published), max(a.published) FROM temp.story_of s"
                " JOIN articles a ON a.id = s.article_id GROUP BY s.story"
            )
        }
        titles = {
            r[0]: r[1]
            for r in self.db.execute(
                "SELECT story, title FROM (SELECT s.story, a.title, row_number() OVER (PARTITION BY s.story"
                " ORDER BY a.published, a.id) AS n FROM temp.story_of s"
                " JOIN articles a ON a.id = s.article_id) WHERE n = 1"
            )
        }
        actors: dict[int, list[str]] = {}
        for story, name in self.db.execute(
            "SELECT story, name FROM (SELECT s.story, e.name, row_number() OVER (PARTITION BY s.story"
            " ORDER BY count(*) DESC, e.id) AS n FROM temp.story_of s JOIN mentions m ON m.article_id ="
            " s.article_id JOIN entities e ON e.id = m.entity_id WHERE e.kind NOT IN ('place')"
            " GROUP BY s.story, e.id) WHERE n <= 5 ORDER BY story, n"
        ):
            actors.setdefault(story, []).append(name)
        self.db.execute("DELETE FROM temp.story_of")
        out = []
        for i, members in enumerate(stories):
            first, last = dates.get(i, (None, None))
            names = actors.get(i, [])
            props = set().union(*(props_of.get(a, set()) for a in members))
            out.append(
                {
                    "label": titles.get(i) or (", ".join(names[:3]) if names else members[0]),
                    "articles": len(members),
                    "article_ids": sorted(members),
                    "first": first,
                    "last": last,
                    "propositions": len(props),
                    "actors": names,
                }
            )
        out.sort(key=lambda s: (-s["articles"], s["first"] or ""))
        return out

    def entities(
        self,
        *,
        limit: int | None = None,
        kind: str | None = None,
        country: str | None = None,
        offset: int = 0,
        by_name: bool = False,
    ) -> list[sqlite3.Row]:
        """Canonical entities with mention and article counts, most mentioned first (or by name)."""
        sql = "SELECT e.id, e.kind, e.name, e.country, e.lat, e.lon, e.mentions, e.articles FROM entities e"
        where, args = [], []
        if kind:
            where.append("e.kind = ?")
            args.append(kind)
        if country:
            where.append("e.country = ?")
            args.append(country.upper())
        where.append("e.mentions > 0")
        order = "e.name, e.id" if by_name else "e.mentions DESC, e.name"
        return list(self.db.execute(_list_sql(sql, where, order, limit, offset), args))

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Every row of one table, as dicts (exports)."""
        if table not in ("articles", "entities", "failures", *ARTICLE_TABLES):
            raise StoreError(f"unknown table {table!r}")
        for r in self.db.execute(f"SELECT * FROM {table}"):
            yield dict(r)

    def stats(self, *, integrity: bool = True) -> dict[str, Any]:
        """Row counts, the SQLite integrity check (skipped with ``integrity=False``: it reads the whole
        file) and the applied migrations."""
        out: dict[str, Any] = {}
        for t in ("articles", "entities", *ARTICLE_TABLES, "failures", "propositions", "estimates", "copies"):
            out[t] = self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        out["older_extractor"] = self.db.execute(
            "SELECT count(*) FROM articles WHERE extractor_version IS NOT ?", (EXTRACTOR_VERSION,)
        ).fetchone()[0]
        out["not_english"] = self.db.execute(
            "SELECT count(*) FROM articles WHERE language IS NOT NULL AND lower(language) NOT LIKE 'en%'"
        ).fetchone()[0]
        if integrity:
            out["integrity"] = self.db.execute("PRAGMA integrity_check").fetchone()[0]
        out["migrations"] = self.migrations()
        return out


def _list_sql(sql: str, where: list[str], order: str, limit: int | None, offset: int = 0) -> str:
    """A list query: its filters, its order, and the page (no LIMIT when ``limit`` is falsy)."""
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order}"
    if limit:
        sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
    return sql


def _statements(sql: str) -> list[str]:
    """Split a migration script into statements (they hold no semicolons inside literals)."""
    return [s.strip() for s in sql.split(";") if s.strip()]
