"""The ``newsledger`` command line (Typer + Rich). Library errors become one-line messages here."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from . import __version__
from .errors import NewsledgerError, ReadError
from .model import EXTRACTOR_VERSION, Extraction
from .parallel import default_workers, ingest_local, run_local
from .pipeline import DEFAULT_BATCH_SIZE, Options, run
from .readers import iter_paths, parse_date, read_inputs
from .store import BatchWriter, PropositionFilter, Store, claim_content

app = typer.Typer(
    name="newsledger",
    help="Turn raw news reports into a sourced ledger: who claims what, through whom, how sure, when.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)
out = Console(highlight=False)

DEFAULT_DB = "newsledger.db"
DbOpt = Annotated[
    Path,
    typer.Option(
        "--db", envvar="NEWSLEDGER_DB", help="SQLite store file (default: newsledger.db, or $NEWSLEDGER_DB)."
    ),
]
FormatOpt = Annotated[str, typer.Option("--format", help="Output format: table or jsonl.")]


def _fail(msg: str, code: int = 1) -> typer.Exit:
    err.print(f"newsledger: error: {msg}", markup=False, soft_wrap=True)
    return typer.Exit(code)


def _report_error(exc: ReadError) -> None:
    err.print(f"newsledger: error: {exc}", markup=False, soft_wrap=True)


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    d = parse_date(value)
    if d is None:
        raise _fail(f"--published: not a date: {value!r} (use YYYY-MM-DD)", 2)
    return d


def _version(value: bool) -> None:
    if value:
        out.print(f"newsledger {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """newsledger: a sourced ledger of claims, events, figures and times from news reports."""


def _progress(what: str) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn(f"[bold]{what}[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[unit]} · {task.fields[articles]} articles · {task.fields[rate]}/s"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


MinConfidence = Annotated[
    float | None,
    typer.Option(
        min=0.0,
        max=1.0,
        help="Leave out claims under this confidence (default: the claim model's threshold; 0 keeps all).",
    ),
]


BatchSize = Annotated[int, typer.Option(help="Articles per parse batch and per store transaction.", min=1)]
Workers = Annotated[
    int | None, typer.Option(help="Worker processes (default: all cores; 1 = in this process).", min=1)
]
NoConsolidate = Annotated[
    bool, typer.Option("--no-consolidate", help="Skip consolidation afterwards (run it later).")
]


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, directories (recursive) or - for standard input.")
    ],
    db: DbOpt = Path(DEFAULT_DB),
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that carry none.")
    ] = None,
    no_clean: Annotated[
        bool, typer.Option("--no-clean", help="Keep the text as read; no boilerplate removal.")
    ] = False,
    min_confidence: MinConfidence = None,
    batch_size: BatchSize = DEFAULT_BATCH_SIZE,
    workers: Workers = None,
    dask: Annotated[
        str | None,
        typer.Option(
            help="Run on Dask: a scheduler address (tcp://host:8786) or 'local' for a LocalCluster."
        ),
    ] = None,
    shards: Annotated[
        Path | None,
        typer.Option(
            help="With --dask: keep the Parquet shards in this directory (default: removed once loaded)."
        ),
    ] = None,
    no_consolidate: NoConsolidate = False,
) -> None:
    """Read articles, clean them, extract records and write them to the store, then consolidate.

    Re-ingesting an article already in the store changes nothing; an interrupted ingest resumes where it
    stopped. Each input that cannot be read gets one line on stderr and is recorded as a failure.
    """
    opts = Options(
        clean=not no_clean, published=_date(published), batch_size=batch_size, min_confidence=min_confidence
    )
    n_workers = workers or default_workers()
    store = _open(db, write=True)
    writer = BatchWriter(store, opts.batch_size, on_error=_report_error)
    total = sum(1 for _ in iter_paths(paths)) if "-" not in paths else None
    started = time.monotonic()
    try:
        if dask:
            known = store.article_ids()
            _ingest_dask(paths, opts, writer, address=dask, workers=n_workers, shards=shards, known=known)
            writer.flush()
        else:
            with _progress("ingest") as progress:
                task = progress.add_task("ingest", total=total, unit="files", articles=0, rate="0")
                files: set[str] = set()

                def advance(item: Any) -> None:
                    path = item.article.path if isinstance(item, Extraction) else item.path
                    files.add((path or "").split("#")[0].rsplit(":", 1)[0])
                    rate = writer.counts["read"] / max(time.monotonic() - started, 1e-6)
                    progress.update(
                        task, completed=len(files), articles=writer.counts["read"], rate=f"{rate:.1f}"
                    )

                ingest_local(writer, read_inputs(paths), opts, workers=n_workers, on_result=advance)
    except KeyboardInterrupt:
        raise _interrupted(f"{writer.counts['new']} new articles stored") from None
    except NewsledgerError as exc:
        store.close()
        raise _fail(str(exc)) from None
    c = writer.counts
    try:
        if c["new"] and not no_consolidate:
            _consolidate(store)
    finally:
        store.close()
    out.print(
        f"read {c['read']} · new {c['new']} · duplicates {c['duplicates']} · failed {c['failed']}  →  {db}"
    )
    if c["failed"]:
        raise typer.Exit(1)


def _consolidate(store: Store) -> dict[str, int]:
    from .consolidate import consolidate as run

    n = store.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    with _progress("consolidate") as progress:
        task = progress.add_task("consolidate", total=n, unit="articles", articles=0, rate="")
        counts = run(store, progress=lambda: progress.advance(task))
    return counts


@app.command()
def consolidate(db: DbOpt = Path(DEFAULT_DB)) -> None:
    """Find copies, origins, propositions, estimates and the timeline across the stored articles."""
    store = _open(db, write=True)
    try:
        counts = _consolidate(store)
    except NewsledgerError as exc:
        raise _fail(str(exc)) from None
    finally:
        store.close()
    out.print(
        f"{counts['articles']} articles · {counts['copies']} copies · {counts['propositions']} propositions"
        f" · {counts['estimates']} estimate groups  →  {db}"
    )


@app.command()
def reextract(
    db: DbOpt = Path(DEFAULT_DB),
    every: Annotated[
        bool, typer.Option("--all", help="Extract every article again, not only those of older versions.")
    ] = False,
    min_confidence: MinConfidence = None,
    batch_size: BatchSize = DEFAULT_BATCH_SIZE,
    workers: Workers = None,
    no_consolidate: NoConsolidate = False,
) -> None:
    """Run this version's extractors again over the stored articles that an older version extracted.

    The cleaned text, and so every character offset, stays as stored; entities, times, quantities,
    claims and events are replaced, one transaction per batch, so an interrupted run resumes where it
    stopped. An article the extractors fail on keeps its old records and gets one line on stderr.
    """
    opts = Options(batch_size=batch_size, min_confidence=min_confidence)
    store = _open(db, write=True)
    counts = {"done": 0, "failed": 0}
    started = time.monotonic()
    try:
        ids = store.stale_article_ids(every=every)
        with _progress("re-extract") as progress:
            task = progress.add_task("re-extract", total=len(ids), unit="articles", articles=0, rate="0")
            pending: list[Extraction] = []

            def flush() -> None:
                counts["done"] += store.replace_batch(pending)
                pending.clear()

            articles = (store.stored_article(i) for i in ids)
            for item in run_local(articles, opts, workers=workers or default_workers()):
                if isinstance(item, ReadError):
                    counts["failed"] += 1
                    _report_error(item)
                elif isinstance(item, Extraction):
                    pending.append(item)
                    if len(pending) >= opts.batch_size:
                        flush()
                n = counts["done"] + counts["failed"] + len(pending)
                rate = n / max(time.monotonic() - started, 1e-6)
                progress.update(task, completed=n, articles=n, rate=f"{rate:.1f}")
            flush()
        if counts["done"] and not no_consolidate:
            _consolidate(store)
    except KeyboardInterrupt:
        raise _interrupted(f"{counts['done']} articles re-extracted") from None
    except NewsledgerError as exc:
        raise _fail(str(exc)) from None
    finally:
        store.close()
    out.print(
        f"re-extracted {counts['done']} · failed {counts['failed']} · extractor {EXTRACTOR_VERSION}  →  {db}"
    )
    if counts["failed"]:
        raise typer.Exit(1)


@app.command()
def propositions(
    db: DbOpt = Path(DEFAULT_DB),
    fmt: FormatOpt = "table",
    kind: Annotated[str | None, typer.Option(help="claim or event.")] = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
) -> None:
    """Claims and events said by several reports, with origins, independent sources and first-seen date."""
    with _open(db) as store:
        rows = store.propositions(PropositionFilter(kind=kind), limit=limit)
    data = [{"id": r["id"], "kind": r["kind"], **json.loads(r["data"])} for r in rows]
    if fmt == "jsonl":
        _jsonl(data)
        return
    _table(
        f"{len(data)} propositions",
        ["first seen", "proposition", "reports", "sources", "corroboration", "other sides"],
        [
            [
                p["first_seen"] or "",
                p["label"],
                p["reports"],
                p["independent_sources"],
                p["corroboration"],
                "; ".join(f"{s['source']}: {s['stance']}" for s in p.get("sides", [])),
            ]
            for p in data
        ],
    )


@app.command()
def estimates(
    query: Annotated[str | None, typer.Argument(help="Only groups whose label contains this.")] = None,
    db: DbOpt = Path(DEFAULT_DB),
    fmt: FormatOpt = "table",
) -> None:
    """Figures for one quantity across sources and time, with contradictions and revisions."""
    with _open(db) as store:
        rows = store.estimates(query=query)
    data = [json.loads(r["data"]) for r in rows]
    if fmt == "jsonl":
        _jsonl(data)
        return
    table_rows = []
    for e in data:
        for i, v in enumerate(e["values"]):
            flags = [c["note"] for c in e["contradictions"] if i in (c["a"], c["b"])]
            flags += [f"revision: {r['note']}" for r in e["revisions"] if i in (r["a"], r["b"])]
            table_rows.append(
                [
                    e["label"] if i == 0 else "",
                    v["text"],
                    v["as_of"] or "",
                    " → ".join(v["via"]) if v["via"] else v["source"],
                    "; ".join(flags),
                ]
            )
    _table(f"{len(data)} estimate groups", ["estimate", "figure", "as of", "source", "contested"], table_rows)


@app.command()
def timeline(
    db: DbOpt = Path(DEFAULT_DB),
    fmt: FormatOpt = "table",
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
) -> None:
    """Dated events in order (one line per event proposition), with the granularity of their date."""
    with _open(db) as store:
        rows = store.timeline(limit=limit)
    data = [{"id": r["id"], **json.loads(r["data"])} for r in rows]
    if fmt == "jsonl":
        _jsonl(data)
        return
    _table(
        f"{len(data)} dated events",
        ["date", "granularity", "event", "modality", "reports", "first seen"],
        [
            [
                p["time"] + (" (pub.)" if p.get("time_inferred") else ""),
                p["granularity"] or "",
                p["label"],
                p["modality"],
                p["reports"],
                p["first_seen"] or "",
            ]
            for p in data
        ],
    )


@app.command()
def serve(
    db: DbOpt = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option(help="Address to bind (default: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.", min=1, max=65535)] = 8000,
    write: Annotated[
        bool, typer.Option("--write", help="Accept uploads at POST /api/articles (read-only otherwise).")
    ] = False,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="NEWSLEDGER_TOKEN", help="Bearer token uploads must carry (env NEWSLEDGER_TOKEN)."
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(help="Server processes (default: one per CPU, at most 4).", min=1, max=64),
    ] = None,
) -> None:
    """Serve the web UI and the JSON API (OpenAPI at /openapi.json, docs at /docs)."""
    from .web.app import serve as run_server

    if write and not token and host not in ("127.0.0.1", "localhost", "::1"):
        raise _fail("--write on a public address needs --token", 2)
    run_server(db, host, port, token, write, workers or min(4, os.cpu_count() or 1))


@app.command()
def stories(db: DbOpt = Path(DEFAULT_DB), fmt: FormatOpt = "table") -> None:
    """Stories: articles joined by copies or shared propositions, with their main actors and span of dates."""
    with _open(db) as store:
        data = store.stories()
    if fmt == "jsonl":
        _jsonl(data)
        return
    _table(
        f"{len(data)} stories",
        ["story", "articles", "from", "to", "propositions", "top actors"],
        [
            [
                s["label"],
                s["articles"],
                s["first"] or "",
                s["last"] or "",
                s["propositions"],
                ", ".join(s["actors"]),
            ]
            for s in data
        ],
    )


def _ingest_dask(
    paths: list[str],
    opts: Options,
    writer: BatchWriter,
    *,
    address: str,
    workers: int,
    shards: Path | None,
    known: frozenset[str],
) -> None:
    """--dask: workers write Parquet shards; each finished shard is loaded into the store at once."""
    import shutil
    import tempfile

    from .parallel import read_shard, run_dask

    shard_dir = shards or Path(
        tempfile.mkdtemp(prefix="newsledger-shards-", dir=Path(writer.store.path).parent)
    )

    def loaded(path: str) -> None:
        for item in read_shard(path):
            writer.add(item)
        writer.flush()
        if shards is None:
            Path(path).unlink(missing_ok=True)

    try:
        run_dask(
            read_inputs(paths),
            opts,
            address=address,
            shard_dir=shard_dir,
            workers=workers,
            known_ids=known,
            on_shard=loaded,
            on_client=lambda link: err.print(f"Dask dashboard: {link}"),
        )
    finally:
        if shards is None:
            shutil.rmtree(shard_dir, ignore_errors=True)


@app.command()
def load(
    paths: Annotated[list[str], typer.Argument(help="Parquet shards, or directories of them.")],
    db: DbOpt = Path(DEFAULT_DB),
) -> None:
    """Merge Parquet shards written by `ingest --dask --shards DIR` into the store (idempotent)."""
    from .parallel import load_shards

    try:
        with Store(db) as store:
            c = load_shards(store, paths)
    except NewsledgerError as exc:
        raise _fail(str(exc)) from None
    out.print(
        f"new {c['new']} · duplicates {c['duplicates']} · failed inputs recorded {c['failed']}  →  {db}"
    )


@app.command()
def extract(
    paths: Annotated[
        list[str], typer.Argument(help="Text, HTML, JSONL, feed or WARC files, or - for stdin.")
    ],
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) used when the input carries none.")
    ] = None,
    no_clean: Annotated[
        bool,
        typer.Option("--no-clean", help="No boilerplate removal: offsets refer to the text exactly as read."),
    ] = False,
    fmt: Annotated[str, typer.Option("--format", help="Output format (jsonl).")] = "jsonl",
    min_confidence: MinConfidence = None,
) -> None:
    """Run the per-article pipeline and print one JSON object per article (docs/EXTRACT_FORMAT.md)."""
    if fmt != "jsonl":
        raise _fail(f"--format: unknown format {fmt!r} (only jsonl)", 2)
    opts = Options(clean=not no_clean, published=_date(published), min_confidence=min_confidence)
    failed = 0
    for item in run(read_inputs(paths), opts):
        if isinstance(item, ReadError):
            failed += 1
            _report_error(item)
        elif isinstance(item, Extraction):
            sys.stdout.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
    sys.stdout.flush()
    if failed:
        raise typer.Exit(1)


def _open(db: Path, *, write: bool = False) -> Store:
    """The store, read-only unless ``write``; a store that cannot be opened is one error line."""
    try:
        return Store(db, readonly=not write)
    except NewsledgerError as exc:
        raise _fail(str(exc)) from None


def _interrupted(done: str) -> typer.Exit:
    """Ctrl-C: say what is already stored and how to go on."""
    err.print(f"newsledger: interrupted; {done}. Run the same command to resume.")
    return typer.Exit(130)


def _table(title: str, columns: list[str], rows: list[list[object]]) -> None:
    t = Table(title=title, show_lines=False)
    for c in columns:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*("" if v is None else str(v) for v in r))
    out.print(t)


def _jsonl(rows: list[dict[str, object]]) -> None:
    for r in rows:
        sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")


@app.command()
def articles(
    db: DbOpt = Path(DEFAULT_DB),
    fmt: FormatOpt = "table",
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
) -> None:
    """List the stored articles with their claim counts and what cleaning removed."""
    with _open(db) as store:
        rows = store.articles(limit=limit)
    if fmt == "jsonl":
        _jsonl([dict(r) for r in rows])
        return
    _table(
        f"{len(rows)} articles",
        ["id", "published", "title", "claims", "removed chars"],
        [[r["id"], r["published"], r["title"] or r["path"], r["claims"], r["removed_chars"]] for r in rows],
    )


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words or an FTS5 query.")],
    db: DbOpt = Path(DEFAULT_DB),
    fmt: FormatOpt = "table",
    limit: Annotated[int, typer.Option(help="Most results.")] = 20,
) -> None:
    """Full-text search over article titles and text."""
    with _open(db) as store:
        rows = store.search(query, limit=limit)
    if fmt == "jsonl":
        _jsonl([dict(r) for r in rows])
        return
    _table(
        f"{len(rows)} matches for {query!r}",
        ["id", "published", "title", "snippet"],
        [[r["id"], r["published"], r["title"], r["snippet"]] for r in rows],
    )


@app.command()
def claims(
    db: DbOpt = Path(DEFAULT_DB),
    fmt: FormatOpt = "table",
    source: Annotated[str | None, typer.Option(help="Only claims whose source contains this.")] = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
) -> None:
    """List claims: source, cue, content, chain, stance, hedges and confidence."""
    with _open(db) as store:
        rows = store.claims(source=source, limit=limit)
    if fmt == "jsonl":
        _jsonl(
            [
                {
                    **dict(r),
                    "via": json.loads(r["via"]),
                    "hedges": json.loads(r["hedges"]),
                    "content_more": json.loads(r["content_more"] or "[]"),
                }
                for r in rows
            ]
        )
        return
    _table(
        f"{len(rows)} claims",
        ["source", "cue", "content", "chain", "stance", "hedges", "conf."],
        [
            [
                r["source_name"] or r["source_text"],
                r["cue_text"],
                claim_content(r),
                " → ".join(v["name"] for v in json.loads(r["via"])),
                r["stance"],
                ", ".join(json.loads(r["hedges"])),
                "" if r["confidence"] is None else f"{r['confidence']:.2f}",
            ]
            for r in rows
        ],
    )


@app.command()
def events(
    db: DbOpt = Path(DEFAULT_DB),
    fmt: FormatOpt = "table",
    type: Annotated[str | None, typer.Option("--type", help="Only this event type (docs/EVENTS.md).")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor entity id or part of its name.")] = None,
    place: Annotated[str | None, typer.Option(help="Place entity id or part of its name.")] = None,
    since: Annotated[str | None, typer.Option(help="Events on or after this ISO date.")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before this ISO date.")] = None,
    modality: Annotated[
        str | None,
        typer.Option(help="planned, decided, preparing, under_way, happened, denied, hypothetical."),
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
) -> None:
    """List events in time order: type, actor, target, place, time, figures, modality and source."""
    for label, val in (("--since", since), ("--until", until)):
        if val:
            try:
                dt.date.fromisoformat(val)
            except ValueError:
                raise _fail(f"{label}: not an ISO date: {val!r}", 2) from None
    with _open(db) as store:
        rows = store.events(
            type=type, actor=actor, place=place, since=since, until=until, modality=modality, limit=limit
        )
        claims = {(r["article_id"], r["idx"]): r for r in store.claims()} if rows else {}
    out = []
    for r in rows:
        data = json.loads(r["data"])
        c = claims.get((r["article_id"], r["claim"])) if r["claim"] is not None else None
        data["source"] = (c["source_name"] or c["source_text"]) if c else None
        data["via"] = [v["name"] for v in json.loads(c["via"])] if c else []
        data["article_id"], data["title"], data["url"] = r["article_id"], r["title"], r["url"]
        out.append(data)
    if fmt == "jsonl":
        _jsonl(out)
        return

    def arg(a: dict[str, Any] | None) -> str:
        return "" if not a else (a.get("name") or a["text"])

    def when(e: dict[str, Any]) -> str:
        if not e.get("time"):
            return ""
        return e["time"] + (" (inferred)" if e.get("time_inferred") else "")

    _table(
        f"{len(out)} events",
        ["time", "type", "modality", "actor", "target", "place", "trigger", "source"],
        [
            [
                when(e), e["type"], e["modality"], arg(e.get("actor")), arg(e.get("target")),
                arg(e.get("place")), e["trigger"]["text"],
                " → ".join(e["via"]) if e["via"] else (e["source"] or "(outlet)"),
            ]
            for e in out
        ],
    )  # fmt: skip


@app.command()
def entities(
    db: DbOpt = Path(DEFAULT_DB),
    fmt: FormatOpt = "table",
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
    kind: Annotated[
        str | None,
        typer.Option(help="Only this kind: person, org, media, intel, armed_force, gov, country, place."),
    ] = None,
    country: Annotated[str | None, typer.Option(help="Only entities of this country (ISO alpha-2).")] = None,
) -> None:
    """List canonical entities with their mention and article counts."""
    with _open(db) as store:
        rows = store.entities(limit=limit, kind=kind, country=country)
    if fmt == "jsonl":
        _jsonl([dict(r) for r in rows])
        return

    def point(r: Any) -> str:
        return "" if r["lat"] is None else f"{r['lat']:.2f}, {r['lon']:.2f}"

    _table(
        f"{len(rows)} entities",
        ["id", "kind", "name", "country", "lat, lon", "mentions", "articles"],
        [[r["id"], r["kind"], r["name"], r["country"], point(r), r["mentions"], r["articles"]] for r in rows],
    )


@app.command()
def export(
    db: DbOpt = Path(DEFAULT_DB),
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    table: Annotated[list[str] | None, typer.Option(help="Table(s) to export (default: all).")] = None,
    out_path: Annotated[
        Path | None, typer.Option("--out", help="Output file (one table) or directory.")
    ] = None,
) -> None:
    """Export store tables as JSONL, CSV or Parquet."""
    from .export import TABLES
    from .export import export as do_export

    tables = table or list(TABLES)
    with _open(db) as store:
        try:
            counts = do_export(store, fmt, out_path, tables)
        except NewsledgerError as exc:
            raise _fail(str(exc), 2) from None
    if out_path is not None:
        err.print(", ".join(f"{t}: {n}" for t, n in counts.items()) + f" rows → {out_path}")


@app.command()
def report(
    db: DbOpt = Path(DEFAULT_DB),
    out_path: Annotated[Path | None, typer.Option("--out", help="Write the Markdown here.")] = None,
) -> None:
    """Print a readable Markdown brief of the store: articles, claims by source, figures, times."""
    from .report import build_report

    with _open(db) as store:
        md = build_report(store)
    if out_path:
        out_path.write_text(md, encoding="utf-8")
        err.print(f"report → {out_path}")
    else:
        sys.stdout.write(md)


@app.command()
def stats(db: DbOpt = Path(DEFAULT_DB), fmt: FormatOpt = "table") -> None:
    """Print the store's record counts and the SQLite integrity-check result."""
    with _open(db) as store:
        s = store.stats()
    if fmt == "json" or fmt == "jsonl":
        sys.stdout.write(json.dumps(s) + "\n")
        return
    _table(
        f"store {db}",
        ["what", "count"],
        [[k, v if not isinstance(v, list) else ", ".join(v)] for k, v in s.items()],
    )


def main() -> None:
    """Console entry point."""
    # Rich must not wrap JSON or Markdown written to a pipe.
    os.environ.setdefault("COLUMNS", "160") if not sys.stdout.isatty() else None
    app()
