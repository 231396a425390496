"""Quantities: numbers in digits and words, vague amounts as ranges, and the unit they count.

Vague amounts (documented in docs/QUANTITIES.md):

| phrase               | low     | high       |
|----------------------|---------|------------|
| dozens               | 24      | 99         |
| scores               | 40      | 199        |
| hundreds             | 200     | 999        |
| thousands            | 2,000   | 9,999      |
| tens of thousands    | 20,000  | 99,999     |
| hundreds of thousands| 200,000 | 999,999    |
| millions             | 2e6     | 9.99e6     |
| several N / a few N  | 3·N     | 9·N (few: 2·N–5·N) |

Modifiers: "more than / over / at least" set low; "up to / fewer than / at most / under" set high;
"about / around / nearly / some / roughly / almost / an estimated" flag the value as approximate.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a": 1,
    "an": 1,
    "dozen": 12,
}
_SCALE = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "k": 1_000,
    "m": 1_000_000,
    "bn": 1_000_000_000,
    "mn": 1_000_000,
}
_VAGUE = [
    (re.compile(r"\bhundreds of thousands\b", re.I), 200_000, 999_999),
    (re.compile(r"\btens of thousands\b", re.I), 20_000, 99_999),
    (re.compile(r"\btens of millions\b", re.I), 20_000_000, 99_999_999),
    (re.compile(r"\bhundreds of millions\b", re.I), 200_000_000, 999_999_999),
    (re.compile(r"\bmillions\b", re.I), 2_000_000, 9_999_999),
    (re.compile(r"\bthousands\b", re.I), 2_000, 9_999),
    (re.compile(r"\bhundreds\b", re.I), 200, 999),
    (re.compile(r"\bscores\b", re.I), 40, 199),
    (re.compile(r"\bdozens\b", re.I), 24, 99),
]
_LOWER = re.compile(
    r"\b(more than|over|at least|upwards of|in excess of|no fewer than|no less than)\s*$", re.I
)
_UPPER = re.compile(r"\b(up to|fewer than|less than|at most|under|no more than|as many as)\s*$", re.I)
_APPROX = re.compile(
    r"\b(about|around|nearly|some|roughly|almost|approximately|an estimated|estimated|"
    r"close to|up to|more than|over|at least)\s*$",
    re.I,
)
_NUM = re.compile(r"^(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?P<s>k|m|bn|mn)?$", re.I)
_LABELS = {"CARDINAL": "count", "MONEY": "money", "PERCENT": "percent", "QUANTITY": "measure"}
_UNIT_DEPS = {"nummod", "quantmod", "compound", "amod"}


def parse_number(text: str) -> float | None:
    """Value of a number written in digits, words or both ("12,000", "1.5 million", "ten thousand")."""
    t = text.lower().replace("-", " ").replace("$", "").replace("€", "").replace("£", "").strip()
    t = re.sub(r"\s+", " ", t)
    if not t:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for word in t.split(" "):
        word = word.strip(",")
        if word == "and":
            continue
        m = _NUM.match(word)
        if m:
            current += float(m["n"].replace(",", ""))
            if m["s"]:
                current *= _SCALE[m["s"].lower()]
            seen = True
        elif word in _SMALL:
            current += _SMALL[word]
            seen = True
        elif word in _SCALE and seen:
            scale = _SCALE[word]
            if scale == 100:
                current *= scale
            else:
                total += (current or 1) * scale
                current = 0
        else:
            return None
    return total + current if seen else None


def _unit(span: Span) -> str | None:
    """The noun a number counts: its syntactic head, or the object of a following "of"."""
    root: Token = span.root
    head = root.head if root.dep_ in _UNIT_DEPS and root.head is not root else None
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        # "tens of thousands of soldiers", "4 brigades of 12,000 soldiers": look right for "of NOUN".
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN"):
            head = nxt
        elif nxt is not None and nxt.lower_ == "of":
            for tok in nxt.children:
                if tok.dep_ == "pobj" and tok.pos_ in ("NOUN", "PROPN"):
                    head = tok
                    break
    if head is None or head.pos_ not in ("NOUN", "PROPN") or head.i in range(span.start, span.end):
        return None
    return head.lemma_.lower()


def _range(text: str, value: float | None) -> tuple[float | None, float | None, bool]:
    for rx, low, high in _VAGUE:
        if rx.search(text):
            return low, high, True
    m = re.match(r"^(several|a few|few)\s+(\w+)$", text, re.I)
    if m:
        base = _SCALE.get(m[2].lower()) or _SMALL.get(m[2].lower())
        if base:
            lo, hi = (3, 9) if m[1].lower() == "several" else (2, 5)
            return lo * base, hi * base, True
    return value, value, False


def extract_quantities(doc: Doc) -> list[Quantity]:
    """Quantities of a parsed article. Years, dates, times and ordinals are not counts."""
    out: list[Quantity] = []
    full = doc.text  # Doc.text rebuilds the string on every call: read it once
    for ent in doc.ents:
        if ent.label_ not in _LABELS:
            continue
        text = ent.text
        # spaCy puts modifiers inside the entity ("more than 100"); peel them off into the range.
        low_mod = re.match(
            r"^(more than|over|at least|up to|fewer than|less than|about|around|nearly|some|"
            r"roughly|almost|approximately|an estimated|as many as)\s+",
            text,
            re.I,
        )
        mod = low_mod.group(1).lower() if low_mod else ""
        core_start = ent.start_char + (low_mod.end() if low_mod else 0)
        core = full[core_start : ent.end_char]
        before = full[max(0, ent.start_char - 30) : ent.start_char]
        number_text = re.sub(r"(%|percent|per cent|dollars?|euros?|pounds?)$", "", core, flags=re.I).strip()
        value = parse_number(number_text)
        low, high, vague = _range(core, value)
        if value is None and not vague:
            continue
        if (
            ent.label_ == "CARDINAL"
            and value is not None
            and 1900 <= value <= 2100
            and re.fullmatch(r"\d{4}", core)
        ):
            continue  # a bare year
        approx = vague or bool(mod) or bool(_APPROX.search(before))
        lower_bound = mod in ("more than", "over", "at least") or bool(_LOWER.search(before))
        upper_bound = mod in ("up to", "fewer than", "less than", "as many as") or bool(_UPPER.search(before))
        if lower_bound and value is not None and not vague:
            low, high = value, None
        if upper_bound and value is not None and not vague:
            low, high = None, value
        kind = _LABELS[ent.label_]
        unit = _unit(ent)
        if kind == "percent":
            unit = "percent"
        elif kind == "money":
            unit = "USD" if "$" in text or "dollar" in text.lower() else unit
        out.append(
            Quantity(
                ent.start_char, ent.end_char, text, None if vague else value, low, high, unit, approx, kind
            )
        )
    return out
