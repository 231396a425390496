"""The HTTP API and web UI (`newsledger serve`): FastAPI, server-rendered Jinja2 pages, no build step.

Article text is hostile input: every page goes through Jinja2's autoescaping and the highlighter escapes
each piece of text it emits; responses carry a Content-Security-Policy that allows no inline script and no
other origin; URLs found in articles are shown as text, never linked or fetched.
"""

import base64
import itertools
import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from pydantic import BaseModel

from ..store import PropositionFilter, Store, claim_content

HERE = Path(__file__).parent
MAX_UPLOAD = 5 * 1024 * 1024
MAX_PAGE = 500
STORY_PROPS = (
    500  # propositions, contested points and dated events the story page reads (most reported first)
)
LEDGER_PROPS = 200  # propositions on one page of the ledger
STORY_ESTIMATES = 20  # estimate groups charted on the story page (those with the most values)
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
UPLOAD_TYPES = {"text/plain": ".txt", "text/html": ".html", "application/x-ndjson": ".jsonl",
                "application/jsonl": ".jsonl"}  # fmt: skip


class StorePool:
    """Read-only connections kept between requests: one request uses one connection at a time, and a
    connection keeps its page cache and parsed schema for the next (SQLite WAL: readers never block the
    writer, and each statement sees the latest committed data)."""

    def __init__(self, db: str, keep: int = 32) -> None:
        self.db = db
        self.keep = keep
        self.idle: list[Store] = []
        self.lock = threading.Lock()

    def get(self) -> Store:
        with self.lock:
            if self.idle:
                return self.idle.pop()
        return Store(self.db, readonly=True, any_thread=True)

    def put(self, store: Store) -> None:
        with self.lock:
            if len(self.idle) < self.keep:
                self.idle.append(store)
                return
        store.close()

    def close(self) -> None:
        with self.lock:
            idle, self.idle = self.idle, []
        for store in idle:
            store.close()


def get_store(request: Request) -> Iterator[Store]:
    """A read-only connection for one request, from the app's pool."""
    pool: StorePool = request.app.state.pool
    store = pool.get()
    try:
        yield store
    finally:
        pool.put(store)


class SecurityHeaders:
    """Plain ASGI middleware adding the security headers to every response (cheaper per request than
    Starlette's BaseHTTPMiddleware)."""

    HEADERS = (
        (b"content-security-policy", CSP.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
    )

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *((k, v) for k, v in self.HEADERS if k not in names),
                ]
            await send(message)

        await self.app(scope, receive, with_headers)


def _json(obj: Any) -> Response:
    """A JSON response serialised once with the standard library (list endpoints skip FastAPI's encoder)."""
    return Response(json.dumps(obj, ensure_ascii=False, separators=(",", ":")), media_type="application/json")


def _with_keys(data: str, **keys: Any) -> str:
    """A stored JSON object with ``keys`` put first, without parsing it (the stored object never has them)."""
    body = data.strip()[1:]
    head = ",".join(f"{json.dumps(k)}:{json.dumps(v)}" for k, v in keys.items())
    return "{" + head + ("" if body.lstrip() == "}" else ",") + body


def _raw_page(items: list[str], offset: int, limit: int) -> Response:
    """A page whose items are JSON texts already (stored by consolidation): joined, not parsed."""
    nxt = json.dumps(_cursor(offset + limit)) if len(items) > limit else "null"
    body = '{"items":[' + ",".join(items[:limit]) + '],"next_cursor":' + nxt + "}"
    return Response(body, media_type="application/json")


StoreDep = Annotated[Store, Depends(get_store)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Items per page.")]
Order = Annotated[Literal["newest", "oldest"], Query(description="By publication date.")]
EntitySort = Annotated[Literal["mentions", "name"], Query(description="Most mentioned first, or by name.")]
PropSort = Annotated[
    Literal["reports", "sources", "newest", "oldest"],
    Query(description="Most reported, most independent sources, or by first-seen date."),
]


def _cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(str(offset).encode()).decode().rstrip("=")


def _offset(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        value = int(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode())
    except (ValueError, UnicodeDecodeError) as exc:
        raise HTTPException(400, "bad cursor") from exc
    if value < 0:
        raise HTTPException(400, "bad cursor")
    return value


class Page(BaseModel):
    """A page of a list: its items and the cursor of the next page (null on the last)."""

    items: list[dict[str, Any]]
    next_cursor: str | None


def _page(rows: list[Any], offset: int, limit: int) -> dict[str, Any]:
    items = rows[:limit]
    return {"items": items, "next_cursor": _cursor(offset + limit) if len(rows) > limit else None}


def create_app(db: str | Path, *, token: str | None = None, read_only: bool = True) -> FastAPI:
    """The app over one store. Writes (uploads) need ``read_only=False`` and, when ``token`` is set, the
    header ``Authorization: Bearer <token>``."""
    db = str(db)
    app = FastAPI(
        title="newsledger",
        version="0.1.0",
        description="Who claims what, through whom, how sure, when — and whether anyone else backs it up.",
    )
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    app.state.db = db
    app.state.pool = StorePool(db)
    app.router.on_shutdown.append(app.state.pool.close)
    app.add_middleware(SecurityHeaders)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()))
        return JSONResponse({"error": f"{where}: {first.get('msg', 'invalid request')}"}, status_code=422)

    @app.exception_handler(sqlite3.Error)
    async def store_error(request: Request, exc: sqlite3.Error) -> JSONResponse:
        return JSONResponse({"error": f"store error: {exc}"}, status_code=503)

    # ------------------------------------------------------------------------------------------ API
    @app.get("/api/articles", tags=["articles"], response_model=Page)
    def api_articles(
        store: StoreDep, limit: Limit = 50, cursor: str | None = None, outlet: str | None = None,
        order: Order = "newest",
    ) -> Response:  # fmt: skip
        off = _offset(cursor)
        sql = (
            "SELECT id, title, outlet, url, published, agency, dateline, length(text) AS chars FROM articles"
        )
        args: list[Any] = []
        if outlet:
            sql += " WHERE outlet = ?"
            args.append(outlet)
        sql += f" ORDER BY published {'DESC' if order == 'newest' else 'ASC'}, id LIMIT ? OFFSET ?"
        rows = [dict(r) for r in store.db.execute(sql, [*args, limit + 1, off])]
        return _json(_page(rows, off, limit))

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def api_article(store: StoreDep, article_id: str) -> dict[str, Any]:
        return _article(store, article_id)

    @app.get("/api/entities", tags=["entities"], response_model=Page)
    def api_entities(
        store: StoreDep, limit: Limit = 50, cursor: str | None = None, kind: str | None = None,
        country: str | None = None,
        sort: EntitySort = "mentions",
    ) -> Response:  # fmt: skip
        off = _offset(cursor)
        found = store.entities(
            kind=kind, country=country, limit=limit + 1, offset=off, by_name=sort == "name"
        )
        rows = [dict(r) for r in found]
        return _json(_page(rows, off, limit))

    @app.get("/api/claims", tags=["claims"], response_model=Page)
    def api_claims(
        store: StoreDep, limit: Limit = 50, cursor: str | None = None, source: str | None = None,
        stance: str | None = None, order: Order = "newest",
    ) -> Response:  # fmt: skip
        off = _offset(cursor)
        found = store.claims(
            source=source, stance=stance, limit=limit + 1, offset=off, newest_first=order == "newest"
        )
        rows = [_claim_json(r) for r in found]
        return _json(_page(rows, off, limit))

    @app.get("/api/events", tags=["events"], response_model=Page)
    def api_events(
        store: StoreDep, limit: Limit = 50, cursor: str | None = None, type: str | None = None,
        actor: str | None = None, place: str | None = None, since: str | None = None,
        until: str | None = None,
        order: Annotated[Literal["earliest", "latest"], Query(description="By event time.")] = "earliest",
    ) -> Response:  # fmt: skip
        off = _offset(cursor)
        rows = store.events(
            type=type, actor=actor, place=place, since=since, until=until, limit=limit + 1, offset=off,
            latest_first=order == "latest",
        )  # fmt: skip
        items = [_with_keys(r["data"], article_id=r["article_id"], idx=r["idx"]) for r in rows]
        return _raw_page(items, off, limit)

    @app.get("/api/propositions", tags=["consolidation"], response_model=Page)
    def api_propositions(
        store: StoreDep, limit: Limit = 50, cursor: str | None = None, kind: str | None = None,
        source: str | None = None, stance: str | None = None, label: str | None = None,
        corroboration: str | None = None, since: str | None = None, until: str | None = None,
        sort: PropSort = "reports",
        members: Annotated[int, Query(ge=0, le=50, description="Members shown per proposition.")] = 5,
    ) -> Response:  # fmt: skip
        off = _offset(cursor)
        which = PropositionFilter(
            kind=kind, corroboration=corroboration, source=source, stance=stance, label=label, since=since,
            until=until, sort=sort,
        )  # fmt: skip
        rows = store.proposition_summaries(which, limit=limit + 1, offset=off, members=members)
        return _raw_page([r["data"] for r in rows], off, limit)

    @app.get("/api/propositions/{proposition_id}", tags=["consolidation"])
    def api_proposition(store: StoreDep, proposition_id: int) -> Response:
        row = store.db.execute(
            "SELECT id, kind, data FROM propositions WHERE id = ?", (proposition_id,)
        ).fetchone()
        if row is None:
            raise HTTPException(404, f"no proposition {proposition_id}")
        return Response(
            _with_keys(row["data"], id=row["id"], kind=row["kind"]), media_type="application/json"
        )

    @app.get("/api/estimates", tags=["consolidation"], response_model=Page)
    def api_estimates(
        store: StoreDep, q: str | None = None, limit: Limit = 100, cursor: str | None = None
    ) -> Response:
        """Estimate groups, those with the most values first."""
        offset = _offset(cursor)
        rows = store.estimates(query=q, limit=limit + 1, offset=offset)
        return _raw_page([r["data"] for r in rows], offset, limit)

    @app.get("/api/timeline", tags=["consolidation"])
    def api_timeline(store: StoreDep) -> dict[str, Any]:
        return {
            "items": [{"id": r["id"], **json.loads(r["data"])} for r in store.timeline()],
            "next_cursor": None,
        }

    @app.get("/api/search", tags=["articles"], response_model=Page)
    def api_search(
        store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=500)], limit: Limit = 20
    ) -> Response:
        return _json({"items": [dict(r) for r in store.search(q, limit=limit)], "next_cursor": None})

    @app.post("/api/articles", tags=["articles"], status_code=201)
    async def api_upload(
        request: Request,
        content_type: Annotated[str | None, Header()] = None,
        authorization: Annotated[str | None, Header()] = None,
    ) -> dict[str, Any]:
        if read_only:
            raise HTTPException(403, "this server is read-only (start it with --write and a token)")
        if token is not None and authorization != f"Bearer {token}":
            raise HTTPException(401, "missing or wrong bearer token")
        kind = (content_type or "").split(";")[0].strip().lower()
        if kind not in UPLOAD_TYPES:
            raise HTTPException(
                415, f"unsupported content type {kind or '(none)'}; use {', '.join(UPLOAD_TYPES)}"
            )
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > MAX_UPLOAD:
            raise HTTPException(413, f"upload larger than {MAX_UPLOAD} bytes")
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_UPLOAD:
                raise HTTPException(413, f"upload larger than {MAX_UPLOAD} bytes")
        if not body.strip():
            raise HTTPException(400, "empty upload")
        if UPLOAD_TYPES[kind] == ".jsonl":
            for n, line in enumerate(body.splitlines(), 1):
                if line.strip():
                    try:
                        json.loads(line)
                    except ValueError:
                        raise HTTPException(400, f"line {n}: not JSON") from None
        return _ingest_upload(db, body, UPLOAD_TYPES[kind])

    # ------------------------------------------------------------------------------------------ pages
    def page(request: Request, name: str, **ctx: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, ctx)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def story(request: Request, store: StoreDep) -> HTMLResponse:
        ests = [json.loads(r["data"]) for r in store.estimates(limit=STORY_ESTIMATES)]
        # The most reported propositions make the sources table; contested ones are fetched on their own.
        props = [
            {"id": r["id"], **json.loads(r["data"])}
            for r in store.propositions(PropositionFilter(kind="claim"), limit=STORY_PROPS)
        ]
        contested = [
            {"id": r["id"], **json.loads(r["data"])}
            for r in store.propositions(
                PropositionFilter(kind="claim", corroboration="contested"), limit=STORY_PROPS
            )
        ]
        line = [{"id": r["id"], **json.loads(r["data"])} for r in store.timeline(limit=STORY_PROPS)]
        sources: dict[str, list[int]] = {}  # source → [claims, propositions, with another origin]
        for p in props:
            seen: set[str] = set()
            for m in p["members"]:
                row = sources.setdefault(m["source"], [0, 0, 0])
                row[0] += 1
                if m["source"] not in seen:
                    seen.add(m["source"])
                    row[1] += 1
                    row[2] += p["independent_sources"] >= 2
        return page(
            request, "story.html", estimates=ests, charts=[_chart(e) for e in ests],
            specs=[_estimate_spec(e) for e in ests],
            contested=contested, timeline=line, stats=store.stats(integrity=False),
            sources=sorted(sources.items(), key=lambda kv: -kv[1][0])[:15],
        )  # fmt: skip

    @app.get("/claims", response_class=HTMLResponse, include_in_schema=False)
    def ledger(
        request: Request, store: StoreDep, source: str | None = None, stance: str | None = None,
        entity: str | None = None, since: str | None = None, until: str | None = None,
        sort: PropSort = "reports", cursor: str | None = None,
    ) -> HTMLResponse:  # fmt: skip
        # Filtered and sorted in SQLite, a page at a time: the ledger stays fast on a big store.
        off = _offset(cursor)
        which = PropositionFilter(
            kind="claim", source=source or None, stance=stance or None, label=entity or None,
            since=since or None, until=until or None, sort=sort,
        )  # fmt: skip
        rows = store.proposition_summaries(which, limit=LEDGER_PROPS + 1, offset=off, members=MAX_MEMBERS)
        props = [json.loads(r["data"]) for r in rows]
        more = len(props) > LEDGER_PROPS
        query = {k: v for k, v in (("source", source), ("stance", stance), ("entity", entity),
                 ("since", since), ("until", until), ("sort", sort)) if v}  # fmt: skip
        nxt = urlencode({**query, "cursor": _cursor(off + LEDGER_PROPS)}) if more else None
        return page(
            request, "claims.html", props=props[:LEDGER_PROPS], source=source or "", stance=stance or "",
            entity=entity or "", since=since or "", until=until or "", sort=sort, next_query=nxt,
            stances=["asserts", "denies", "confirms", "declines_to_confirm", "doubts"],
            sorts=["reports", "sources", "newest", "oldest"],
        )  # fmt: skip

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def reader(request: Request, store: StoreDep, article_id: str) -> HTMLResponse:
        art = _article(store, article_id)
        return page(request, "article.html", a=art, body=highlight(art))

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities_page(request: Request, store: StoreDep, kind: str | None = None) -> HTMLResponse:
        rows = [dict(r) for r in store.entities(kind=kind, limit=1000)]
        return page(
            request,
            "entities.html",
            rows=rows,
            kind=kind or "",
            points=_points(rows),
            map_spec=_map_spec(rows),
        )

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, store: StoreDep, entity_id: str) -> HTMLResponse:
        ent = store.db.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if ent is None:
            raise HTTPException(404, f"no entity {entity_id}")
        claims = [
            _claim_json(r)
            for r in store.db.execute(
                "SELECT c.*, a.title, a.published, a.outlet FROM claims c"
                " JOIN articles a ON a.id = c.article_id WHERE c.source_entity_id = ?"
                " ORDER BY a.published, c.idx LIMIT 500",
                (entity_id,),
            )
        ]
        evs = [
            {"article_id": r["article_id"], **json.loads(r["data"])}
            for r in store.db.execute(
                "SELECT article_id, data FROM events WHERE actor_id = ? OR place_id = ?"
                " ORDER BY time_lo IS NULL, time_lo LIMIT 500",
                (entity_id, entity_id),
            )
        ]
        mentions = store.db.execute(
            'SELECT m.article_id, m.start, m."end", a.title FROM mentions m'
            " JOIN articles a ON a.id = m.article_id"
            " WHERE m.entity_id = ? ORDER BY a.published, m.start LIMIT 200",
            (entity_id,),
        ).fetchall()
        return page(request, "entity.html", e=dict(ent), claims=claims, events=evs, mentions=mentions)

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, store: StoreDep) -> HTMLResponse:
        line = [{"id": r["id"], **json.loads(r["data"])} for r in store.timeline()]
        return page(request, "timeline.html", timeline=line)

    return app


MAX_MEMBERS = 20  # members of a proposition shown in a list (members_total says how many there are)


def _claim_json(r: sqlite3.Row) -> dict[str, Any]:
    d = dict(r)
    d["via"] = json.loads(d.get("via") or "[]")
    d["hedges"] = json.loads(d.get("hedges") or "[]")
    d["content_full"] = claim_content(r)
    d["content_more"] = json.loads(d.get("content_more") or "[]")
    return d


def _article(store: Store, article_id: str) -> dict[str, Any]:
    db = store.db
    a = db.execute(
        "SELECT id, title, outlet, url, published, byline, dateline, agency, text, source_text FROM articles"
        " WHERE id = ?",
        (article_id,),
    ).fetchone()
    if a is None:
        raise HTTPException(404, f"no article {article_id}")
    out = dict(a)

    def rows(sql: str) -> list[dict[str, Any]]:
        return [dict(r) for r in db.execute(sql, (article_id,))]

    out["entities"] = rows(
        'SELECT m.start, m."end", m.text, m.label, m.entity_id, e.kind, e.name, e.lat, e.lon FROM mentions m'
        " LEFT JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? ORDER BY m.start"
    )
    out["times"] = rows(
        'SELECT idx, start, "end", text, value, type, granularity FROM times'
        " WHERE article_id = ? ORDER BY idx"
    )
    out["quantities"] = rows(
        'SELECT idx, start, "end", text, value, low, high, unit, kind, approximate, qualifier, of_idx,'
        " time_idx, claim_idx, previous_idx, per FROM quantities WHERE article_id = ? ORDER BY idx"
    )
    out["claims"] = [
        _claim_json(r)
        for r in db.execute("SELECT * FROM claims WHERE article_id = ? ORDER BY idx", (article_id,))
    ]
    out["events"] = [
        {"idx": r["idx"], **json.loads(r["data"])}
        for r in db.execute("SELECT idx, data FROM events WHERE article_id = ? ORDER BY idx", (article_id,))
    ]
    out["removed"] = rows(
        'SELECT start, "end", text, reason FROM removed_spans WHERE article_id = ? ORDER BY start'
    )
    return out


def highlight(a: dict[str, Any]) -> Markup:
    """The article text as HTML with every extracted span marked; each piece of text is escaped."""
    text: str = a["text"]
    marks: list[tuple[int, int, str, str]] = []  # start, end, class, anchor id
    for i, m in enumerate(a["entities"]):
        marks.append((m["start"], m["end"], f"ent ent-{m.get('kind') or 'other'}", f"ent-{i}"))
    for t in a["times"]:
        marks.append((t["start"], t["end"], "time", f"time-{t['idx']}"))
    for q in a["quantities"]:
        marks.append((q["start"], q["end"], "qty", f"qty-{q['idx']}"))
    for c in a["claims"]:
        marks.append((c["content_start"], c["content_end"], "claim-content", f"claim-{c['idx']}"))
        for part in c["content_more"]:  # the quotation resumed after its attribution
            marks.append((part["start"], part["end"], "claim-content", ""))
        marks.append((c["cue_start"], c["cue_end"], "claim-cue", ""))
        if c["source_start"] is not None:
            marks.append((c["source_start"], c["source_end"], "claim-source", ""))
    for e in a["events"]:
        marks.append((e["trigger"]["start"], e["trigger"]["end"], "event", f"event-{e['idx']}"))
    cuts = sorted({0, len(text), *(s for s, _, _, _ in marks), *(e for _, e, _, _ in marks)})
    cuts = [c for c in cuts if 0 <= c <= len(text)]
    anchors: dict[int, list[str]] = {}
    for s, _, _, anchor in marks:
        if anchor:
            anchors.setdefault(s, []).append(anchor)
    for s in sorted({s for s, _, _, _ in marks}):
        anchors.setdefault(s, []).append(f"at-{s}")  # any record elsewhere links here by its offset
    parts: list[str] = []
    for lo, hi in itertools.pairwise(cuts):
        for anchor in anchors.get(lo, []):
            parts.append(f'<a class="anchor" id="{escape(anchor)}"></a>')
        classes = sorted({cls for s, e, cls, _ in marks if s <= lo and hi <= e})
        piece = escape(text[lo:hi])
        if classes:
            parts.append(f'<span class="{escape(" ".join(classes))}">{piece}</span>')
        else:
            parts.append(str(piece))
    return Markup("".join(parts))


def _chart(est: dict[str, Any]) -> Markup:
    """An SVG dot plot of one estimate group: value (or range) by date, one row per source."""
    vals = [v for v in est["values"] if v["low"] is not None or v["high"] is not None]
    if not vals:
        return Markup("")
    w, row = 640, 26
    sources = sorted({v["source"] for v in vals})
    # an open end ("more than 100", "up to 5,000") runs to the edge of the plot
    hi = max(v["high"] if v["high"] is not None else v["low"] for v in vals) or 1
    if any(v["high"] is None for v in vals):
        hi *= 1.25  # room to show that "at least 120" goes on past 120
    lo = 0.0
    h = row * len(sources) + 30

    def x(value: float) -> float:
        return 170 + (value - lo) / (hi - lo or 1) * (w - 200)

    out = [f'<svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-label="{escape(est["label"])}">']
    for i, src in enumerate(sources):
        y = 20 + i * row
        out.append(f'<text x="4" y="{y + 4}" class="axis">{escape(src[:28])}</text>')
        out.append(f'<line x1="170" x2="{w - 30}" y1="{y}" y2="{y}" class="grid"/>')
        for v in vals:
            if v["source"] != src:
                continue
            left = x(v["low"]) if v["low"] is not None else x(lo)
            right = x(v["high"]) if v["high"] is not None else w - 30.0
            if v["high"] != v["low"]:
                out.append(f'<line x1="{left:.1f}" x2="{right:.1f}" y1="{y}" y2="{y}" class="range"/>')
            at = next((n for n in (v["value"], v["low"], v["high"]) if n is not None), lo)
            cx = x(at)
            label = escape(f"{v['text']} ({v['as_of'] or 'undated'})")
            out.append(f'<circle cx="{cx:.1f}" cy="{y}" r="5" class="dot"><title>{label}</title></circle>')
    out.append(f'<text x="170" y="{h - 4}" class="axis">0</text>')
    out.append(f'<text x="{w - 30}" y="{h - 4}" class="axis" text-anchor="end">{hi:,.0f}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def _estimate_spec(est: dict[str, Any]) -> dict[str, Any]:
    """Vega-Lite: each source's figures over time, ranges as bars, values as points."""
    values = [
        {
            "as_of": v["as_of"], "text": v["text"],
            "source": " → ".join(v["via"]) if v["via"] else v["source"],
            "low": v["low"], "high": v["high"], "value": v["value"] if v["value"] is not None else v["low"],
        }
        for v in est["values"]
        if v["low"] is not None and v["as_of"]
    ]  # fmt: skip
    x = {"field": "as_of", "type": "temporal", "title": "as of"}
    color = {"field": "source", "type": "nominal", "title": "source"}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": "container", "height": 180, "data": {"values": values},
        "layer": [
            {"mark": {"type": "rule", "strokeWidth": 6, "opacity": 0.35},
             "encoding": {"x": x, "y": {"field": "low", "type": "quantitative", "title": est["unit"]},
                          "y2": {"field": "high"}, "color": color}},
            {"mark": {"type": "point", "filled": True, "size": 90},
             "encoding": {"x": x, "y": {"field": "value", "type": "quantitative"}, "color": color,
                          "tooltip": [{"field": "text"}, {"field": "source"},
                                      {"field": "as_of", "type": "temporal"}]}},
        ],
    }  # fmt: skip


def _map_spec(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Vega-Lite: the places on the bundled world map (Natural Earth 1:110m TopoJSON, served locally)."""
    pts = [
        {"name": r["name"], "lat": r["lat"], "lon": r["lon"], "mentions": r["mentions"], "kind": r["kind"]}
        for r in rows
        if r.get("lat") is not None and r.get("lon") is not None
    ]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": "container", "height": 380, "projection": {"type": "equalEarth"},
        "layer": [
            {"data": {"url": "/static/vendor/countries-110m.json",
                      "format": {"type": "topojson", "feature": "countries"}},
             "mark": {"type": "geoshape", "fill": "#e8ecf1", "stroke": "#fff"}},
            {"data": {"values": pts},
             "mark": {"type": "circle", "color": "#1b5fae", "opacity": 0.8},
             "encoding": {"longitude": {"field": "lon", "type": "quantitative"},
                          "latitude": {"field": "lat", "type": "quantitative"},
                          "size": {"field": "mentions", "type": "quantitative", "legend": None},
                          "tooltip": [{"field": "name"}, {"field": "kind"}, {"field": "mentions"}]}},
        ],
    }  # fmt: skip


def _points(rows: list[dict[str, Any]]) -> Markup:
    """Places with coordinates on an equirectangular world frame (graticule only; no tiles fetched)."""
    pts = [r for r in rows if r.get("lat") is not None and r.get("lon") is not None]
    w, h = 720, 360
    out = [f'<svg class="map" viewBox="0 0 {w} {h}" role="img" aria-label="places">']
    for lon in range(-180, 181, 30):
        out.append(f'<line x1="{(lon + 180) * 2}" x2="{(lon + 180) * 2}" y1="0" y2="{h}" class="grid"/>')
    for lat in range(-90, 91, 30):
        out.append(f'<line x1="0" x2="{w}" y1="{(90 - lat) * 2}" y2="{(90 - lat) * 2}" class="grid"/>')
    for r in pts:
        cx, cy = (r["lon"] + 180) * 2, (90 - r["lat"]) * 2
        out.append(
            f'<a href="/entities/{escape(r["id"])}"><circle cx="{cx:.1f}" cy="{cy:.1f}" r="4" class="dot">'
            f"<title>{escape(r['name'])} ({r['mentions']})</title></circle></a>"
        )
    out.append("</svg>")
    return Markup("".join(out))


def _ingest_upload(db: str, body: bytes, suffix: str) -> dict[str, Any]:
    """Ingest uploaded bytes as one input file (same code path as the CLI), then consolidate."""
    import tempfile

    from ..consolidate import consolidate
    from ..parallel import ingest_local
    from ..pipeline import Options
    from ..readers import read_inputs
    from ..store import BatchWriter

    with tempfile.TemporaryDirectory(prefix="nl-upload-") as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(body)
        store = Store(db)
        try:
            errors: list[str] = []
            writer = BatchWriter(store, 32, on_error=lambda e: errors.append(str(e)))
            ingest_local(writer, read_inputs([str(path)]), Options())
            if writer.counts["new"]:
                consolidate(store)
        finally:
            store.close()
    if writer.counts["new"] == 0 and errors:
        raise HTTPException(400, errors[0].replace(str(path), "upload"))
    return {k: writer.counts[k] for k in ("read", "new", "duplicates", "failed")} | {
        "errors": [e.replace(str(path), "upload") for e in errors]
    }


def app_from_env() -> FastAPI:
    """The app of a ``newsledger serve`` worker process (``--workers`` > 1), configured by its parent."""
    return create_app(
        os.environ["NEWSLEDGER_SERVE_DB"],
        token=os.environ.get("NEWSLEDGER_TOKEN") or None,
        read_only=os.environ.get("NEWSLEDGER_SERVE_WRITE") != "1",
    )


def serve(db: str | Path, host: str, port: int, token: str | None, write: bool, workers: int = 1) -> None:
    import uvicorn

    if not Path(db).exists():
        raise SystemExit(f"newsledger: {db}: no such store (run `newsledger ingest` first)")
    Store(db).close()  # a store from an older newsledger is backed up and migrated before it is served
    if workers <= 1:
        uvicorn.run(create_app(db, token=token, read_only=not write), host=host, port=port, log_level="info")
        return
    # Several processes share the port; SQLite lets them all read while one writes.
    os.environ["NEWSLEDGER_SERVE_DB"] = str(Path(db).resolve())
    os.environ["NEWSLEDGER_SERVE_WRITE"] = "1" if write else "0"
    if token:
        os.environ["NEWSLEDGER_TOKEN"] = token
    uvicorn.run(
        "newsledger.web.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
    )


__all__ = ["app_from_env", "create_app", "highlight", "serve"]
