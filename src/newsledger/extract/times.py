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


def _tense(span: Span) -> str:
    """Tense of the clause a time expression sits in, from its governing verb: "past", "present" or
    "future" (news default: past)."""
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & {"will", "'ll", "shall", "wo"} or (
        tok.lower_ == "going" and any(c.lower_ == "to" for c in tok.rights)
    ):
        return "future"
    if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes) or words & {"has", "have", "had"}:
        return "past"
    if tok.tag_ in ("VBZ", "VBP", "VBG") or words & {"is", "are", "am", "'s", "'re"}:
        return "present"
    return "past"


# Single words that TimeML marks as time expressions but the NER model does not tag as dates.
_REF_WORDS = frozenset({"now", "currently", "nowadays", "recently"})


# A past-tense clause may still name a date shortly after the publication date ("said it will pay the
# dividend Dec. 15"); only dates further ahead than this are moved to the previous year.
PAST_DATE_SLACK_DAYS = 60
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_QUARTER = re.compile(
    r"(?:the\s+)?(?:fiscal[\s-]+)?(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+of)?(?:\s+(\d{4}))?"
)
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF", "at present": "PRESENT_REF",
    "the present": "PRESENT_REF", "present": "PRESENT_REF", "recently": "PAST_REF", "the past": "PAST_REF",
    "past": "PAST_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF", "once": "PAST_REF",
}  # fmt: skip
_SETS = {
    "daily": "XXXX-XX-XX", "every day": "XXXX-XX-XX", "each day": "XXXX-XX-XX", "weekly": "XXXX-WXX",
    "every week": "XXXX-WXX", "monthly": "XXXX-XX", "every month": "XXXX-XX", "annually": "XXXX",
    "yearly": "XXXX", "every year": "XXXX", "each year": "XXXX",
}  # fmt: skip
# Words before a duration or an "ago" that do not change its value ("nearly forty years").
_MODIFIERS = (
    r"(?:for|nearly|almost|about|around|some|roughly|approximately|more\s+than|less\s+than|over|under|"
    r"up\s+to|at\s+least|at\s+most|barely|only|just|the|another|an\s+additional|next|last|past|first|"
    r"final|coming|previous|recent|full|entire|whole)"
)
# unit -> (prefix, letter): time units take the "T" prefix (PT10H), date units none (P3Y).
_DURATION_UNITS = {
    "second": ("T", "S"), "minute": ("T", "M"), "hour": ("T", "H"), "day": ("", "D"),
    "week": ("", "W"), "month": ("", "M"), "year": ("", "Y"), "decade": ("", "DE"),
    "century": ("", "CE"), "centurie": ("", "CE"),
}  # fmt: skip
_DURATION = re.compile(
    rf"(?:{_MODIFIERS}\s+)*(?:(?P<n>[\w.,]+(?:\s+\d/\d)?|a\s+couple\s+of|a\s+few|several)[\s-]+)?"
    r"(?P<unit>second|minute|hour|day|week|month|year|decade|centur(?:y|ie))s?(?:[\s-](?:old|long))?"
)


def _duration(t: str, text: str) -> TimeExpr | None:
    """TIMEX3 durations: "three years" P3Y, "nearly forty years" P40Y, "two-week" P2W, "10-hour" PT10H,
    "weeks" PXW, "a couple of years" P2Y."""
    m = _DURATION.fullmatch(t)
    if not m:
        return None
    prefix, letter = _DURATION_UNITS[m["unit"]]
    raw = m["n"]
    if raw is None:
        if not t.endswith("s") and not t.endswith("-old") and not t.endswith("-long"):
            return None  # a bare "year" or "day" is not a duration
        if re.match(r"(?:in\s+)?(?:the\s+)?(?:past|recent)\s", t):
            return TimeExpr(0, 0, text, "PAST_REF", "DATE", "none", None, None)  # "recent days", "past years"
        n: str = "X"
    elif raw in ("a couple of",):
        n = "2"
    elif raw in ("a few", "several"):
        n = "X"
    else:
        frac = re.fullmatch(r"(\d+)\s+1/2", raw)
        value = _count(raw) if frac is None else None
        if frac is not None:
            n = f"{frac[1]}.5"
        elif value is None:
            return None
        else:
            n = str(value)
    return TimeExpr(0, 0, text, f"P{prefix}{n}{letter}", "DURATION", "none", None, None)


def normalise(
    text: str, anchor: dt.date | None, *, future: bool = False, tense: str | None = None
) -> TimeExpr | None:
    """Normalise one expression (offsets left at 0); None when it is not a time expression we know.

    ``tense`` of the clause the expression sits in: "past", "present" or "future" ("future" when only
    ``future`` is given, else "past"). A month or date without a year is in the anchor's year, except
    that a past-tense clause never points after the anchor and a future-tense one never before it.
    """
    tense = tense or ("future" if future else "past")
    future = tense == "future"
    past = tense == "past"
    t = text.lower().strip().rstrip(".,")
    t = re.sub(r"^(on|in|at|since|by|during|from|until|this past)\s+", "", t)
    if t in _REFS:
        return TimeExpr(0, 0, text, _REFS[t], "DATE", "none", None, None)
    if t in _SETS:
        return TimeExpr(0, 0, text, _SETS[t], "SET", "none", None, None)
    m = _QUARTER.fullmatch(t)
    if m and (anchor is not None or m[2]):
        y = int(m[2]) if m[2] else anchor.year  # type: ignore[union-attr]
        q = _QUARTERS[m[1]]
        start = dt.date(y, 3 * q - 2, 1)
        return TimeExpr(0, 0, text, f"{y:04d}-Q{q}", "DATE", "quarter", start, _month_end(y, 3 * q))
    m = re.fullmatch(r"(?:(this|last|next|the)\s+)?(spring|summer|fall|autumn|winter)(?:\s+(\d{4}))?", t)
    if m and (m[1] or m[3]) and (anchor is not None or m[3]):
        shift = {"last": -1, "next": 1}.get(m[1] or "", 0)
        y = int(m[3]) if m[3] else anchor.year + shift  # type: ignore[union-attr]
        return TimeExpr(0, 0, text, f"{y:04d}-{_SEASONS[m[2]]}", "DATE", "season", None, None)
    m = re.fullmatch(r"(this|yesterday|tomorrow|last|the)\s+(morning|afternoon|evening|night)", t)
    if m and anchor is not None and not (m[1] == "the" and m[2] == "night"):
        d = anchor + dt.timedelta(days={"yesterday": -1, "tomorrow": 1, "last": -1}.get(m[1], 0))
        return TimeExpr(0, 0, text, f"{d.isoformat()}T{_PARTS_OF_DAY[m[2]]}", "TIME", "time", d, d)
    if t == "tonight" and anchor is not None:
        return TimeExpr(0, 0, text, f"{anchor.isoformat()}TNI", "TIME", "time", anchor, anchor)
    m = re.fullmatch(r"(?:every|each)\s+(\w+)", t)
    if m and m[1] in _WEEKDAYS:
        return TimeExpr(0, 0, text, f"XXXX-WXX-{_WEEKDAYS[m[1]] + 1}", "SET", "none", None, None)

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
                if past and cand > anchor + dt.timedelta(days=PAST_DATE_SLACK_DAYS):
                    y -= 1
                elif future and cand < anchor - dt.timedelta(days=1):
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
        elif past and mon > anchor.month:
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
    m = re.fullmatch(rf"(?:{_MODIFIERS}\s+)*(\w+|\d+|a few|a couple of)\s+(day|week|month|year)s?\s+ago", t)
    if m:
        if m[1] in _VAGUE_COUNTS:
            return TimeExpr(0, 0, text, "PAST_REF", "DATE", "none", None, None)
        n = _count(m[1])
        if n is None:
            return None
        if anchor is None:
            return unanchored(m[2])
        if m[2] == "day":
            return day(anchor - dt.timedelta(days=n))
        if m[2] == "week":
            d = anchor - dt.timedelta(weeks=n)
            iso = d.isocalendar()
            monday = d - dt.timedelta(days=d.weekday())
            return TimeExpr(0, 0, text, f"{iso[0]:04d}-W{iso[1]:02d}", "DATE", "week", monday,
                            monday + dt.timedelta(days=6))  # fmt: skip
        if m[2] == "month":
            y, mo = _add_months(anchor, -n)
            return month(y, mo)
        return year(anchor.year - n)
    return _duration(t, text)
    return None


def extract_times(doc: Doc, anchor: dt.date | None) -> list[TimeExpr]:
    """Time expressions of a parsed article (spaCy DATE/TIME entities), normalised against ``anchor``."""
    out: list[TimeExpr] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        tx = normalise(ent.text, anchor, tense=_tense(ent))
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
    taken = {i for ent in doc.ents if ent.label_ in ("DATE", "TIME") for i in range(ent.start, ent.end)}
    for tok in doc:
        if tok.lower_ in _REF_WORDS and tok.i not in taken:
            end = tok.idx + len(tok)
            out.append(TimeExpr(tok.idx, end, tok.text, _REFS[tok.lower_], "DATE", "none", None, None))
    out.sort(key=lambda t: t.start)
    return out
