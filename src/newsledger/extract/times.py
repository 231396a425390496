"""Time expressions, normalised TIMEX3-style against the publication date.

Newswire conventions implemented here:

- a bare weekday is the most recent one on or before the publication date, unless the sentence is in
  the future tense ("will meet on Friday"), when it is the next one;
- a bare month ("in June") is the latest such month on or before the publication month in a past-tense
  sentence, the next one in a future-tense sentence;
- "earlier this month" is the interval from the 1st of the month to the publication date;
- "today", "yesterday", "tomorrow", "last/next week|month|year", "this week|month|year",
  "N days/weeks/months/years ago", month + day ("October 3", "Oct. 3", "3 October"), ISO dates and years.

Without a publication date, relative expressions keep ``anchored: false`` and no value is invented.
Expressions the rules do not resolve keep their span with ``value: null``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import TYPE_CHECKING

from ..model import TimeExpr
from .quantities import parse_number

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "hour": "H", "minute": "M", "decade": "Y"}
_FUTURE = re.compile(r"\b(will|'ll|shall|is going to|are going to|plans? to|scheduled|next|upcoming)\b", re.I)
_VAGUE_COUNTS = {"several": 3, "a few": 3, "few": 3}


def _count(word: str) -> int | None:
    """A small count written in digits or words ("3", "three", "a", "several")."""
    if word in _VAGUE_COUNTS:
        return _VAGUE_COUNTS[word]
    value = parse_number(word)
    return int(value) if value is not None and value == int(value) else None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: dt.date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def _future(sent: Span) -> bool:
    return bool(_FUTURE.search(sent.text))


def normalise(text: str, anchor: dt.date | None, *, future: bool = False) -> TimeExpr | None:
    """Normalise one expression (offsets left at 0); None when it is not a time expression we know."""
    t = text.lower().strip().rstrip(".,")
    t = re.sub(r"^(on|in|at|since|by|during|from|until|this past)\s+", "", t)

    def day(d: dt.date) -> TimeExpr:
        return TimeExpr(0, 0, text, d.isoformat(), "DATE", "day", d, d)

    def month(y: int, m: int) -> TimeExpr:
        return TimeExpr(0, 0, text, f"{y:04d}-{m:02d}", "DATE", "month", dt.date(y, m, 1), _month_end(y, m))

    def year(y: int) -> TimeExpr:
        return TimeExpr(0, 0, text, f"{y:04d}", "DATE", "year", dt.date(y, 1, 1), dt.date(y, 12, 31))

    def unanchored(gran: str, typ: str = "DATE") -> TimeExpr:
        return TimeExpr(0, 0, text, None, typ, gran, None, None, anchored=False)

    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        try:
            return day(dt.date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            return None
    m = re.fullmatch(r"(?:the\s+)?(?:year\s+)?(1[89]\d\d|20\d\d)", t)
    if m:
        return year(int(m[1]))
    m = re.fullmatch(
        r"(?:(\w+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(\w+))"
        r"(?:,?\s+(\d{4}))?",
        t,
    )
    if m:
        mon_word, dnum = (m[1], m[2]) if m[1] else (m[4], m[3])
        mon = _MONTHS.get((mon_word or "").rstrip("."))
        if mon:
            y = int(m[5]) if m[5] else None
            if y is None:
                if anchor is None:
                    return unanchored("day")
                y = anchor.year
                cand = dt.date(y, mon, min(int(dnum), calendar.monthrange(y, mon)[1]))
                if not future and cand > anchor + dt.timedelta(days=31):
                    y -= 1
                elif future and cand < anchor - dt.timedelta(days=31):
                    y += 1
            try:
                return day(dt.date(y, mon, int(dnum)))
            except ValueError:
                return None
    m = re.fullmatch(r"(\w+)(?:\s+(\d{4}))?", t)
    if m and m[1] in _MONTHS and len(m[1]) >= 3:
        mon = _MONTHS[m[1]]
        if m[2]:
            return month(int(m[2]), mon)
        if anchor is None:
            return unanchored("month")
        y = anchor.year
        if future and mon < anchor.month:
            y += 1
        elif not future and mon > anchor.month:
            y -= 1
        return month(y, mon)
    if t in _WEEKDAYS:
        if anchor is None:
            return unanchored("day")
        delta = (anchor.weekday() - _WEEKDAYS[t]) % 7
        if future:
            delta = -((_WEEKDAYS[t] - anchor.weekday()) % 7 or 7)
        return day(anchor - dt.timedelta(days=delta))
    rel_days = {
        "today": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "tonight": 0,
        "this morning": 0,
        "this afternoon": 0,
        "this evening": 0,
        "last night": -1,
    }
    if t in rel_days:
        if anchor is None:
            return unanchored("day")
        return day(anchor + dt.timedelta(days=rel_days[t]))
    m = re.fullmatch(r"(earlier|later|late|early)?\s*(this|last|next|past)\s+(week|month|year)", t)
    if m:
        if anchor is None:
            return unanchored(m[3])
        shift = {"this": 0, "last": -1, "past": -1, "next": 1}[m[2]]
        if m[3] == "year":
            out = year(anchor.year + shift)
        elif m[3] == "month":
            y, mo = _add_months(anchor, shift)
            out = month(y, mo)
        else:
            d = anchor + dt.timedelta(weeks=shift)
            iso = d.isocalendar()
            monday = d - dt.timedelta(days=d.weekday())
            out = TimeExpr(
                0,
                0,
                text,
                f"{iso[0]:04d}-W{iso[1]:02d}",
                "DATE",
                "week",
                monday,
                monday + dt.timedelta(days=6),
            )
        if m[1] == "earlier" and shift == 0 and out.earliest is not None:
            out = TimeExpr(0, 0, text, out.value, "DATE", "range", out.earliest, anchor)
        return out
    m = re.fullmatch(r"(\w+|\d+|a few)\s+(day|week|month|year)s?\s+ago", t)
    if m:
        n = _count(m[1])
        if n is None:
            return None
        if anchor is None:
            return unanchored(m[2])
        if m[2] == "day":
            return day(anchor - dt.timedelta(days=n))
        if m[2] == "week":
            return day(anchor - dt.timedelta(weeks=n))
        if m[2] == "month":
            y, mo = _add_months(anchor, -n)
            return month(y, mo)
        return year(anchor.year - n)
    m = re.fullmatch(
        r"(?:for\s+)?(?:the\s+)?(?:past\s+|last\s+)?(\w+|\d+)\s+(day|week|month|year|hour|minute)s?", t
    )
    if m:
        n = _count(m[1])
        if n is not None:
            unit = _UNITS[m[2]]
            value = f"PT{n}{unit}" if m[2] in ("hour", "minute") else f"P{n}{unit}"
            return TimeExpr(0, 0, text, value, "DURATION", "none", None, None)
    return None


def extract_times(doc: Doc, anchor: dt.date | None) -> list[TimeExpr]:
    """Time expressions of a parsed article (spaCy DATE/TIME entities), normalised against ``anchor``."""
    out: list[TimeExpr] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        tx = normalise(ent.text, anchor, future=_future(ent.sent))
        if tx is None:
            tx = TimeExpr(
                0,
                0,
                ent.text,
                None,
                "TIME" if ent.label_ == "TIME" else "DATE",
                "none",
                anchored=anchor is not None,
            )
        out.append(
            TimeExpr(
                ent.start_char,
                ent.end_char,
                ent.text,
                tx.value,
                tx.type,
                tx.granularity,
                tx.earliest,
                tx.latest,
                tx.anchored,
            )
        )
    return out
