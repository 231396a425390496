"""Typed records shared by every stage.

Every record that points into an article holds ``start``/``end``: Python string offsets (end exclusive)
into that article's *cleaned* text (``Article.text``), never token indices. ``RemovedSpan`` is the one
exception: it points into ``Article.source_text``, the text before boilerplate removal, because what it
describes is no longer in ``text``.

Records are frozen and slotted so that a stage cannot mutate another stage's output by accident.
``to_dict`` gives the JSON form documented in ``docs/EXTRACT_FORMAT.md``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

EXTRACTOR_VERSION = "0.2.30"

Granularity = Literal["day", "week", "month", "quarter", "season", "year", "decade", "time", "range", "none"]
EntityKind = Literal[
    "country", "place", "person", "org", "gov", "intel", "armed_force", "media", "unnamed", "other"
]
QuoteKind = Literal["direct", "indirect", "mixed"]
Stance = Literal["asserts", "denies", "confirms", "declines_to_confirm", "doubts"]
Modality = Literal["planned", "decided", "preparing", "under_way", "happened", "denied", "hypothetical"]


def _plain(value: Any) -> Any:
    """Turn a record field into its JSON form (dates as ISO strings, nested records as dicts)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


class Record:
    """Mixin giving every record a JSON-ready ``to_dict``."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        out = _plain(self)
        assert isinstance(out, dict)
        return out


@dataclass(frozen=True, slots=True)
class Span(Record):
    """A stretch of the cleaned text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class RemovedSpan(Record):
    """A piece of the source text that cleaning dropped, and why (offsets into ``source_text``)."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Heading(Record):
    """A subheading of the article itself, kept in the text and marked."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Article(Record):
    """One cleaned article with its metadata.

    ``id`` is a stable hash of the normalised source text plus the URL when known, so re-ingesting the
    same article gives the same id (see ``ids.article_id``).
    """

    id: str
    text: str
    source_text: str
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    byline: str | None = None
    dateline: str | None = None
    agency: str | None = None  # a wire credit in the dateline: "WASHINGTON (Reuters) -" gives Reuters
    published: dt.date | None = None
    published_source: str | None = None  # where the date came from: metadata, cli, dateline, text
    language: str | None = None
    fmt: str = "txt"
    removed: tuple[RemovedSpan, ...] = ()
    headings: tuple[Heading, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention(Record):
    """An entity mention in the text, linked to a canonical entity when possible."""

    start: int
    end: int
    text: str
    label: str  # the spaCy NER label
    kind: str  # an EntityKind
    entity_id: str
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class TimeExpr(Record):
    """A time expression normalised TIMEX3-style against the publication date."""

    start: int
    end: int
    text: str
    value: str | None
    type: str  # DATE, TIME, DURATION, SET
    granularity: str
    earliest: dt.date | None = None
    latest: dt.date | None = None
    anchored: bool = True


@dataclass(frozen=True, slots=True)
class Quantity(Record):
    """A number or vague amount, with the range it stands for and the unit it counts."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    approximate: bool = False
    kind: str = "count"  # count, percent, money, measure
    qualifier: str | None = None  # words between the number and its unit: "special" in "1,500 special forces"
    of: int | None = None  # index of the quantity this one is made of: "four brigades of [12,000 soldiers]"
    time: int | None = None  # index into ``times`` of the time expression of its clause
    claim: int | None = None  # index into ``claims`` of the claim whose content holds it
    previous: int | None = None  # index of the figure this one changed from: "rose from [30] to 45"
    per: str | None = None  # what a rate is per: "hour" in "$15 an hour", "share" in "$1.78 per share"


@dataclass(frozen=True, slots=True)
class SourceRef(Record):
    """Who a claim is attributed to (``entity_id`` is None when the source is not linked)."""

    start: int
    end: int
    text: str
    entity_id: str | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True)
class ViaLink(Record):
    """One link of a sourcing chain, origin first."""

    name: str
    entity_id: str | None = None


@dataclass(frozen=True, slots=True)
class Claim(Record):
    """An attribution: a source, a cue and the reported content."""

    start: int
    end: int
    source: SourceRef | None
    cue: Span
    content: Span
    quote: str  # a QuoteKind
    via: tuple[ViaLink, ...] = ()
    stance: str = "asserts"
    hedges: tuple[str, ...] = ()
    # Further parts of the content, in text order: a quotation resumed after its attribution
    # (“It was a deal,” she said. “Nobody lost.”) is one content in two stretches of text.
    content_more: tuple[Span, ...] = ()
    # How likely this reading is an attribution at all (extract/confidence.py), 0 to 1
    confidence: float | None = None

    def holds_cue_of(self, other: Claim) -> bool:
        """Whether ``other``'s cue sits inside this claim's content: ``other`` is reported within it."""
        if other is self:
            return False
        a, b = other.cue.start, other.cue.end
        if self.content.start <= a and b <= self.content.end:
            return True
        return any(p.start <= a and b <= p.end for p in self.content_more)  # called for every pair of claims

    def to_dict(self) -> dict[str, Any]:
        out = Record.to_dict(self)
        if self.content_more:
            # every stretch of the content, for readers that take a discontinuous span whole
            out["content"]["spans"] = [[p.start, p.end] for p in (self.content, *self.content_more)]
        return out


@dataclass(frozen=True, slots=True)
class Arg(Record):
    """A participant or setting of an event: the text as written and the entity it links to, if any
    (``lat``/``lon`` for a resolved place)."""

    start: int
    end: int
    text: str
    entity_id: str | None = None
    name: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Event(Record):
    """Who did what to whom, where, when, how many, and how certain (docs/EVENTS.md)."""

    start: int
    end: int
    type: str  # an event type of docs/EVENTS.md, or "other" (then ``verb`` says what)
    trigger: Span
    modality: str = "happened"  # a Modality
    actor: Arg | None = None
    target: Arg | None = None
    place: Arg | None = None
    time: str | None = None  # TIMEX3 value of the event's time expression, or the publication date
    time_text: str | None = None  # the expression as written (None when inferred)
    time_inferred: bool = False  # True: no expression in the clause; the publication date stands in
    quantities: tuple[int, ...] = ()  # indices into the article's ``quantities``
    claim: int | None = None  # index into ``claims`` of the claim that reports it; None: the outlet itself
    cameo: str | None = None  # CAMEO root code of the type
    verb: str = ""  # the trigger's lemma


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An article the store already holds (or one seen earlier in the same run): skipped before parsing,
    so a resumed ingest is cheap."""

    article_id: str
    path: str | None


@dataclass(slots=True)
class Extraction:
    """Everything the per-article pipeline found in one article."""

    article: Article
    entities: list[Mention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The object ``newsledger extract`` prints (docs/EXTRACT_FORMAT.md, schema 1)."""
        a = self.article
        return {
            "schema": 1,
            "extractor_version": EXTRACTOR_VERSION,
            "path": a.path,
            "article_id": a.id,
            "url": a.url,
            "outlet": a.outlet,
            "title": a.title,
            "byline": a.byline,
            "dateline": a.dateline,
            "agency": a.agency,
            "published": a.published.isoformat() if a.published else None,
            "published_source": a.published_source,
            "language": a.language,
            "text": a.text,
            "headings": [h.to_dict() for h in a.headings],
            "removed": [r.to_dict() for r in a.removed],
            "entities": [m.to_dict() for m in self.entities],
            "times": [t.to_dict() for t in self.times],
            "quantities": [q.to_dict() for q in self.quantities],
            "claims": [c.to_dict() for c in self.claims],
            "events": [e.to_dict() for e in self.events],
        }


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


def extraction_from_json(
    d: dict[str, Any], *, source_text: str | None = None, fmt: str = "txt"
) -> Extraction:
    """Rebuild an Extraction from the ``extract`` JSON form (``to_json``); used to load Parquet shards."""
    article = Article(
        id=d["article_id"],
        text=d["text"],
        source_text=source_text if source_text is not None else d["text"],
        path=d.get("path"),
        url=d.get("url"),
        outlet=d.get("outlet"),
        title=d.get("title"),
        byline=d.get("byline"),
        dateline=d.get("dateline"),
        agency=d.get("agency"),
        published=_date(d.get("published")),
        published_source=d.get("published_source"),
        language=d.get("language"),
        fmt=fmt,
        removed=tuple(RemovedSpan(**r) for r in d.get("removed", [])),
        headings=tuple(Heading(**h) for h in d.get("headings", [])),
    )
    times = [
        TimeExpr(**{**t, "earliest": _date(t.get("earliest")), "latest": _date(t.get("latest"))})
        for t in d.get("times", [])
    ]
    claims = [
        Claim(
            start=c["start"],
            end=c["end"],
            source=SourceRef(**c["source"]) if c.get("source") else None,
            cue=Span(**c["cue"]),
            # "spans" repeats every stretch of a content in two parts; the parts are in content_more
            content=Span(**{k: v for k, v in c["content"].items() if k != "spans"}),
            quote=c["quote"],
            via=tuple(ViaLink(**v) for v in c.get("via", [])),
            stance=c.get("stance", "asserts"),
            hedges=tuple(c.get("hedges", [])),
            content_more=tuple(Span(**p) for p in c.get("content_more", [])),
            confidence=c.get("confidence"),
        )
        for c in d.get("claims", [])
    ]
    events = [
        Event(
            **{
                **e,
                "trigger": Span(**e["trigger"]),
                "quantities": tuple(e.get("quantities", [])),
                **{k: Arg(**e[k]) if e.get(k) else None for k in ("actor", "target", "place")},
            }
        )
        for e in d.get("events", [])
    ]
    return Extraction(
        article=article,
        entities=[Mention(**m) for m in d.get("entities", [])],
        times=times,
        quantities=[Quantity(**q) for q in d.get("quantities", [])],
        claims=claims,
        events=events,
    )
