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
Explicit ranges ("between 3,000 and 5,000", "3 to 5 million", "10-15%") are one record with low and high;
"rose from 10,000 to 12,000" and "fell 5 to 286" are a change and a level, not a range.

Units: the counted noun, singularised ("soldiers" → soldier), with the words between number and noun kept
as a qualifier ("1,500 special forces" → unit force, qualifier "special"); a currency code for money ($ →
USD, € → EUR, £ → GBP, won → KRW…); the written unit of a measure ("12 km" → km). "four brigades of
12,000 soldiers" links the brigades to the soldiers (``of``).

Proportions are percentages ("one in five" → 20, "eight of 10 avocados" → 80); temperatures are measures
in °C/°F; "per cent" is percent whatever the model tags.

Not counts: years, dates, times, ordinals, ages ("Kopp, 44,", "aged 52", "people under 30", "Justice
Breyer will be 78"), phone
numbers, wire clock times ("0400 GMT"), "one of", a lone "one" away from any toll or charge, numbers that
name ("No. 2", "Fortune 500", "County Road 96"), numbers in compound words ("a two-way race"), the sides
of a score or tally ("an 80-19 vote").
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Claim, Quantity, TimeExpr
from ..nlp import doc_text
from ..timex import timex_bounds

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
    # the Indian system: "Rs 24 lakh" is 2.4 million rupees, "Rs 500 crore" five billion
    "lakh": 100_000,
    "lakhs": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
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
# "$200 or less", "5,000 people or more", "12,000 or so": a bound written after the figure
_OR_MORE = frozenset("more greater higher above over longer older".split())
_OR_LESS = frozenset("less fewer lower below under smaller".split())
_OR_BOUND = re.compile(rf"\s+or\s+({'|'.join(sorted(_OR_MORE | _OR_LESS))}|so)\b", re.I)
# "adds up to" is a verb: what follows is the sum, not its upper bound
_ADDS_UP = re.compile(r"\badd(?:s|ed|ing)?\s+up\s+to\s+$", re.I)
_UPPER = re.compile(r"\b(up to|fewer than|less than|at most|under|no more than|as many as)\s*$", re.I)
_APPROX = re.compile(
    r"\b(about|around|nearly|some|roughly|almost|approximately|an estimated|estimated|"
    r"close to|up to|more than|over|at least|upwards of|in excess of|no fewer than|no less than|as many as|"
    r"fewer than|less than|at most|no more than)\s*$",
    re.I,
)
_NUM = re.compile(r"^(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?P<s>k|m|bn|mn)?$", re.I)
_LABELS = {"CARDINAL": "count", "MONEY": "money", "PERCENT": "percent", "QUANTITY": "measure"}
# Currency words and signs -> ISO 4217 codes.
_CURRENCIES = [
    (re.compile(r"\$|\bdollars?\b|\busd\b", re.I), "USD"),
    (re.compile(r"€|\beuros?\b|\beur\b", re.I), "EUR"),
    (re.compile(r"£|\bpounds? sterling\b|\bgbp\b", re.I), "GBP"),
    (re.compile(r"¥|\byen\b", re.I), "JPY"),
    (re.compile(r"\byuan\b|\brenminbi\b", re.I), "CNY"),
    (re.compile(r"\bwon\b", re.I), "KRW"),
    (re.compile(r"\broubles?\b|\brubles?\b", re.I), "RUB"),
    (re.compile(r"\bhryvnias?\b", re.I), "UAH"),
    (re.compile(r"\brupees?\b", re.I), "INR"),
    (re.compile(r"\bshekels?\b", re.I), "ILS"),
    (re.compile(r"\bnairas?\b", re.I), "NGN"),
    (re.compile(r"\bzlotys?\b", re.I), "PLN"),
    (re.compile(r"\bbaht\b", re.I), "THB"),
    (re.compile(r"\bpounds?\b", re.I), "GBP"),
]
# ISO 4217 codes that are also English words written in capitals ("TOP 10", "ALL 5 of them", "TRY"), names
# before a number in other news ("AMD 7nm chips", "PHP 7.4", "COP 26", "SDG 13", "RON 95" petrol, "CVE
# 2021-44228"), the metals' codes, and funds and units of account no one prices in
_CODE_WORDS = frozenset(
    "ALL BOB CUP GEL LAK MAD MOP PEN SOS TOP TRY AMD PHP COP SDG RON CVE XAU XAG XPT XPD XTS XXX "
    "CHE CHW MXV USN UYI XAD XBA XBB XBC XBD XSU XUA".split()
)


@functools.cache
def _iso_currencies() -> frozenset[str]:
    """ISO 4217 currency codes ("DKK", "CHF", "UAH"), from pycountry."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies) - _CODE_WORDS


# The plural of each currency word, as pycountry names the currencies in the singular
_CURRENCY_PLURALS = {
    "dollars": "dollar", "francs": "franc", "kronor": "krona", "kroner": "krone", "pesos": "peso",
    "pounds": "pound", "dinars": "dinar", "rials": "rial", "riyals": "riyal", "rupees": "rupee",
    "liras": "lira", "lire": "lira", "shillings": "shilling", "reais": "real", "rands": "rand",
}  # fmt: skip
# Names in news that pycountry writes otherwise ("New Taiwan Dollar", "Pakistan Rupee", "Rand")
_CURRENCY_NAMES = {
    "u.s. dollar": "USD", "american dollar": "USD", "taiwan dollar": "TWD", "taiwanese dollar": "TWD",
    "pakistani rupee": "PKR", "sri lankan rupee": "LKR", "south african rand": "ZAR", "nepali rupee": "NPR",
    "singaporean dollar": "SGD", "icelandic krona": "ISK", "omani rial": "OMR", "uruguayan peso": "UYU",
}  # fmt: skip


@functools.cache
def _currency_names() -> dict[str, str]:
    """Currency names of more than one word, singular and lower-cased, to their codes: "canadian dollar" →
    CAD, "swiss franc" → CHF, "egyptian pound" → EGP (pycountry's names, and a few as news writes them)."""
    import pycountry

    # not the funds and units of account pycountry also lists ("US Dollar (Next day)" is USN)
    names = {c.name.lower(): c.alpha_3 for c in pycountry.currencies if "(" not in c.name}
    names = {name: code for name, code in names.items() if " " in name}
    return names | _CURRENCY_NAMES


@functools.cache
def _currency_pattern() -> re.Pattern[str]:
    """One pattern for every name of ``_currency_names``, the longest first, compiled once."""
    names = sorted(_currency_names(), key=len, reverse=True)
    return re.compile(rf"(?<![\w.])(?:{'|'.join(map(re.escape, names))})(?!\w)")


def _named_currency(text: str) -> str | None:
    """The code of the longest currency name in ``text``: "15 Canadian dollars" is CAD, not USD."""
    words = " ".join(_CURRENCY_PLURALS.get(w, w) for w in re.findall(r"[a-z.]+", text.lower()))
    codes = _currency_names()
    found = [(len(m[0]), codes[m[0]]) for m in _currency_pattern().finditer(words)]
    return max(found)[1] if found else None


def _with_code(ent: Span, label: str) -> tuple[Span, str]:
    """A figure followed by an ISO currency code is a sum in that currency, code and all: "2 million DKK".
    (A code before the figure, "DKK 2 million", is found in the text by ``_written_figures``.)"""
    doc = ent.doc
    if label not in ("CARDINAL", "MONEY"):
        return ent, label
    if ent.end < len(doc) and doc[ent.end].text in _iso_currencies() and ent[-1].like_num:
        return doc[ent.start : ent.end + 1], "MONEY"
    return ent, label


_PHONE = re.compile(r"^\(?\d{3}\)?[-.\s]?\d{3}[-.]\d{4}$|^\d{3}[-.]\d{4}$")
_AGE_BEFORE = re.compile(
    r"\b(?:aged|age|ages|(?:the\s+)?ages?\s+of|(?:died|dies)\s+at|turn(?:s|ed|ing)?|"
    r"(?:aged|ages?)\s+(?:of\s+)?\d{1,3}\s*(?:to|and|or|-|–)|"  # the other end: "ages 55 to 65"
    r"(?:people|person|children|child|kids?|voters|adults?|those|men|women|anyone|youths?|teens?|boys?|girls?|"
    r"minors?|students|workers|patients)\s+(?:under|over|above|below|older\s+than|younger\s+than))\s*$",
    re.I,
)  # "aged 52", "people under 30", "children under five"
_UNIT_DEPS = {"nummod", "quantmod", "compound", "amod"}


def parse_number(text: str) -> float | None:
    """Value of a number written in digits, words or both ("12,000", "1.5 million", "ten thousand")."""
    t = text.lower().replace("-", " ").replace("$", "").replace("€", "").replace("£", "").strip()
    t = re.sub(r"\s+", " ", t)
    if not t:
        return None
    part = re.fullmatch(
        r"(?:an?\s+|one\s+|(three)\s+)?(half|third|quarter)s?\s+(?:of\s+)?(?:an?\s+)?"
        r"(dozen|hundred|thousand|million|billion|trillion)",
        t,
    )
    if part and (part[1] is None or part[2] == "quarter"):
        # "half a million", "half a dozen", "a quarter of a million", "three quarters of a billion"
        whole = 12 if part[3] == "dozen" else _SCALE[part[3]]
        share = {"half": 1 / 2, "third": 1 / 3, "quarter": 1 / 4}[part[2]] * (3 if part[1] else 1)
        return float(f"{whole * share:.6g}")
    total = 0.0
    current = 0.0
    seen = False
    digits = False  # the last word was a number in digits
    small = None  # the value of the last word when it was a number word below a hundred ("twenty")
    chunk, last_scale = 0.0, 0  # the amount the last scale word made, and that scale ("1.5 lakh")
    for word in t.split(" "):
        word = word.strip(",")
        if word == "and":
            continue
        m = _NUM.match(word)
        if m and digits:
            return None  # two figures ("10k-15k", "5 6"), not one number
        digits = bool(m)
        if m:
            current += float(m["n"].replace(",", ""))
            if m["s"]:
                current *= _SCALE[m["s"].lower()]
            seen = True
        elif word == "dozen" and seen:
            current *= 12  # "two dozen" is 24, not 2 + 12
        elif word in _SMALL:
            if small is not None and not (small >= 20 and small % 10 == 0 and _SMALL[word] < 10):
                return None  # "one-two", "nineteen ninety": two numbers, not "twenty-one"
            small = _SMALL[word]
            current += small
            seen = True
            continue
        elif word in _SCALE and seen:
            scale = _SCALE[word]
            if scale == 100:
                current *= scale
            elif current == 0 and chunk and scale > last_scale:
                total += chunk * (scale - 1)  # "1.5 lakh crore": 1.5 lakh of crores, not 1.5 lakh and a crore
                chunk, last_scale = chunk * scale, scale
            else:
                chunk, last_scale = (current or 1) * scale, scale
                total += chunk
                current = 0
        else:
            return None
        small = None
    return total + current if seen else None


def _tidy(q: Quantity) -> Quantity:
    """A quantity with the binary rounding of its scaling taken off: "16.6 million" is 16,600,000, not
    16,600,000.000000002, and "4.35 lakh" 435,000 (15 significant digits are kept)."""

    def tidy(x: float | None) -> float | None:
        return x if x is None or isinstance(x, int) else float(f"{x:.15g}")

    return replace(q, value=tidy(q.value), low=tidy(q.low), high=tidy(q.high))


_INCREMENT = frozenset("more fewer additional extra".split())


def _unit(span: Span) -> Token | None:
    """The noun a number counts: its syntactic head, or the object of a following "of"."""
    root: Token = span.root
    doc = span.doc
    if root.pos_ == "ADV" and not root.like_num:
        # "a roughly 45-point lead": the parser hung the word of degree outside the number, on a noun, and
        # the span's root is that word; the number, with its own head, is what counts something
        root = next((t for t in span if t.like_num and not span.start <= t.head.i < span.end), root)
    if span.end + 2 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ == "strong":
        # "a 1,500-strong force", "a 12,000-strong North Korean contingent": what has that many members
        return next((t for t in doc[span.end + 2 : span.end + 6] if t.pos_ == "NOUN"), None)
    head = root.head if root.dep_ in _UNIT_DEPS and root.head.i != root.i else None
    if (
        head is not None
        and head.i < span.start
        and doc[span.start - 1].lower_ != "or"
        and head.lower_ != "population"
        and not (span.end < len(doc) and doc[span.end].lower_ == "strong")
    ):
        # "Trump has 739 delegates, Cruz 465", "Room 12": a noun before the figure is whose or which, not what
        # (but "a delegate or two", "Ripley (population 5,000)", "crowds 15,000 strong")
        return None
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ == "times" and head is not None and head.i > nxt.i:
        return nxt  # "10 times the size of the losses": a multiple, as "three times larger"
    if (
        head is not None
        and head.i > span.end
        and doc[head.i - 1].dep_ == "advmod"
        and doc[head.i - 1].head.i == head.i
    ):
        head = None  # "2,400 billionaires or 1,800 hardly matters": a verb the model took for a noun
    if (
        head is not None
        and span.start > 0
        and doc[span.start - 1].lower_ == "the"
        and span.end < len(doc)
        and doc[span.end].dep_ == "cc"
        and head.i > span.end
        and span[-1].is_alpha
        and doc[span.end + 1 : span.end + 2].text.lower() != "so"
    ):
        head = None  # "between the two and up to 20 percent": "the two" are people, not percent
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        # "tens of thousands of soldiers", "4 brigades of 12,000 soldiers": look right for "of NOUN".
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        if nxt is not None and nxt.lower_ in _INCREMENT and span.end + 1 < len(doc):
            nxt = doc[span.end + 1]  # "25 million more people", "3,000 additional troops"
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN"):
            head = nxt
        elif (
            nxt is not None
            and nxt.tag_ in ("VBN", "VBD", "JJ")
            and span.end + 1 < len(doc)
            and doc[span.end + 1].tag_ == "NNS"
        ):
            head = doc[span.end + 1]  # "60 pledged delegates" that the parser read as "60 pledged"
        elif nxt is not None and nxt.lower_ == "of":
            for tok in nxt.children:
                if tok.dep_ == "pobj" and tok.pos_ in ("NOUN", "PROPN"):
                    head = tok
                    break
    if head is None or head.pos_ not in ("NOUN", "PROPN") or head.i in range(span.start, span.end):
        return None
    if head.lemma_.lower() in _TIME_NOUNS and any(
        t.lower_ in ("last", "next", "this", "past", "coming", "previous") for t in doc[span.end : head.i]
    ):
        return None  # "up from 1,500 last week": the week is when, not what was counted
    return head


def _name_words(tok: Token) -> list[Token]:
    """The proper nouns right before a plural name that are one name with it, by the model's entities:
    "New" in "New Yorkers", "Rohingya" in "Rohingya Muslims"; not "House" in "House Republicans"."""
    if tok.tag_ != "NNPS" or tok.ent_iob_ != "I":
        return []
    i = tok.i - 1
    while i > 0 and tok.doc[i].ent_iob_ == "I":
        i -= 1
    words = list(tok.doc[i : tok.i])  # the entity's words before the name's last
    if any(w.tag_ != "NNP" or w.like_num for w in words):
        return []
    return words


def _unit_name(tok: Token) -> str:
    """The singular form of a unit noun ("soldiers" → soldier; "people" stays people; "New Yorkers" → new
    yorker, "super PACs" → pac)."""
    doc = tok.doc
    hyphen = tok.i + 2 < len(doc) and not tok.whitespace_ and doc[tok.i + 1].text == "-"
    chain = tok.i + 3 < len(doc) and doc[tok.i + 3].text == "-"  # "winner-take-all", "brothers-in-law"
    if hyphen and not doc[tok.i + 1].whitespace_ and doc[tok.i + 2].is_alpha and not chain:
        return f"{tok.lower_}-{_singular(doc[tok.i + 2])}"  # "15 co-defendants", "12 ex-officers"
    return " ".join([t.lower_ for t in _name_words(tok)] + [_singular(tok)])


def _singular(tok: Token) -> str:
    """A noun's singular: the model's lemma, or for a plural name, which it leaves alone, the word without
    its "s" ("Americans", "PACs", "Allies")."""
    if tok.tag_ != "NNPS":
        return tok.lemma_.lower()
    word = tok.lower_
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _qualifier(span: Span, unit: Token) -> str | None:
    """The words between a number and the noun it counts: "special" in "1,500 special forces", "North
    Korean" in "12,000 North Korean soldiers" (not "New" in "three million New Yorkers", which names)."""
    if unit.i <= span.end or unit.i - span.end > 4:
        return None
    name = _name_words(unit)
    words = span.doc[span.end : name[0].i if name else unit.i]
    if any(t.is_punct or t.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "DET") for t in words):
        return None
    return words.text or None


# Units of measure (lemmas, as the model writes them): a QUANTITY entity whose unit is not one of these
# counts things instead.
_MEASURE_UNITS = frozenset(
    "mile foot feet ft inch in yard yd metre meter m km kilometre kilometer cm centimetre centimeter mm "
    "millimetre millimeter nautical knot mph kph km/h acre hectare ha gram g kilogram kg kilo ton tonne t "
    "pound lb lbs ounce oz litre liter l gallon barrel bpd degree watt kilowatt megawatt gigawatt kw mw gw "
    "kwh mwh gwh volt calorie bit byte kilobyte megabyte gigabyte terabyte kb mb gb tb mile-long "
    "decibel hertz ghz mhz horsepower hp".split()
)
# Units of measure that name nothing else, for a figure the model tags a count ("12.4 GW", "15 litres",
# "512GB"); not "feet", "yards", "degrees", "pounds" ("on his own two feet", "two degrees", "500 pounds")
_COUNTED_MEASURES = frozenset(
    "mile km kilometre kilometer metre meter cm mm acre hectare gram kilogram kg tonne litre liter gallon "
    "barrel watt kilowatt megawatt gigawatt kw mw gw kwh mwh gwh kilobyte megabyte gigabyte terabyte kb mb "
    "gb tb mah mph kph km/h ghz mhz horsepower hp".split()
)
# ... and those a range of counts is read as a measure with
_RANGE_MEASURES = _COUNTED_MEASURES | frozenset(
    "inch foot feet yard centimetre centimeter millimetre millimeter ton ounce".split()
)
_AREA_WORDS = frozenset({"square", "cubic", "sq", "sq."})  # "120,000 square kilometres": part of the unit
_SIGNS = frozenset("$€£¥")
# Currency words; those of several countries (pesos, dinars, rials, francs …) keep the word as the unit.
_CURRENCY_WORDS = frozenset(
    "won yuan renminbi yen ruble rubles rouble roubles hryvnia hryvnias rupee rupees euro euros dollar "
    "dollars pound pounds shekel shekels naira nairas zloty zlotys baht peso pesos lira liras lire dinar "
    "dinars rial rials riyal riyals franc francs dirham dirhams krona kronor krone kroner".split()
)


def _percent_sign(doc: Doc, i: int) -> int:
    """How many tokens from ``i`` on spell a percent sign: 1 for "%" or "percent", 2 for "per cent"."""
    after = [t.lower_ for t in doc[i : i + 2]]
    return 1 if after[:1] in (["%"], ["percent"]) else 2 if after == ["per", "cent"] else 0


def _fit(ent: Span, label: str) -> Span:
    """The model's span, corrected: a currency sign or word beside a MONEY figure belongs to it ("£200,000",
    "100 billion won"); a measure ends at its unit ("12 km overnight" → "12 km")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    glued = end < len(doc) and not doc[end - 1].whitespace_ and doc[end - 1].like_num
    if glued and doc[end].lower_ in ("m", "m.", "bn", "mn") and label in ("MONEY", "CARDINAL"):
        # "$1m", "1m people": the tokenizer split off a scale letter (a unit of length for it); for a count
        # only before a plural noun, so that "the 100m sprint" stays 100
        nxt = doc[end + 1] if end + 1 < len(doc) else None
        if label == "MONEY" or (nxt is not None and nxt.tag_ in ("NNS", "NNPS")):
            end += 1
    elif glued and doc[end].text == "+":
        end += 1  # "10,000+ troops": at least 10,000
    if label == "CARDINAL":
        end += _percent_sign(doc, end)  # "less than one" + "per cent"
    if start < end - 1 and doc[start].lower_ in ("the", "these", "those") and doc[start + 1].like_num:
        start += 1  # "from the 95 percent Obama received": the article is not the figure's
    if (
        label in ("CARDINAL", "MONEY")
        and start > 0
        and doc[start].lower_ in _SCALE
        and doc[start - 1].lower_ in ("a", "an")
    ):
        start -= 1  # "A million people marched": the model leaves the article out
    if (
        label in ("CARDINAL", "MONEY")
        and start >= 3
        and doc[start].lower_ in ("a", "an")
        and start + 1 < end
        and doc[start + 1].lower_ in _SCALE
    ):
        share = doc[start - 3 : start].text.lower()
        if re.fullmatch(r"(?:an?|one|three) (?:half|third|quarter)s? of", share):
            start -= 3  # "a quarter of" + "a million dollars": a share of it, not all of it
    if label == "MONEY":
        if start > 0 and doc[start - 1].text in _SIGNS and ent.text[:1] not in _SIGNS:
            start -= 1
        if end < len(doc) and doc[end].lower_ in _CURRENCY_WORDS:
            end += 1
    elif label == "QUANTITY":
        while start < end - 1 and doc[start].pos_ in ("VERB", "AUX"):
            start += 1  # the model sometimes starts a measure at its verb: "flew 12 miles"
        for i in range(start, end - 1):
            if doc[i].like_num and not doc[i + 1].like_num and doc[i + 1].text not in ("-", "–"):
                end = i + 2
                if doc[i + 1].lower_ in _AREA_WORDS and end < len(doc):
                    end += 1  # "120,000 square kilometres"
                break
    return doc[start:end]


# A DATE entity that is only the two figures of a change ("30 to 45" in "rose from 30 to 45"): the model's
# mistake for counts (it also tags ages and numbers in lists DATE, which are left alone).
_FIGURES_ONLY = re.compile(r"(?:from\s+)?[\d.,]*\d\s+to\s+[\d.,]*\d", re.I)


# Currencies written before the figure that the $ € £ ¥ signs do not cover: a country's dollar ("US$5
# billion", "A$5 million", "HK$300"), other signs ("₩500,000", "₦2 million") and abbreviations ("Rs",
# "KSh", "RM", "Rp", "Tk"); and every ISO code of ``_iso_currencies`` ("DKK 2,000", "USD1.2bn"). The model
# tags some of these MONEY with the prefix in the span, others not at all, or only the number.
_PREFIX_CURRENCIES = {
    "US$": "USD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "CDN$": "CAD",
    "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "NT$": "TWD", "R$": "BRL", "MX$": "MXN", "Mex$": "MXN",
    "₩": "KRW", "₦": "NGN", "₽": "RUB", "₺": "TRY", "₱": "PHP", "₴": "UAH", "₹": "INR", "₪": "ILS",
    "₫": "VND", "₸": "KZT", "Rs": "INR", "Rs.": "INR", "KSh": "KES", "Ksh": "KES", "RM": "MYR",
    "Rp": "IDR", "Rp.": "IDR", "Tk": "BDT", "Tk.": "BDT",
}  # fmt: skip
_FIGURE_AND_SCALE = re.compile(
    r"\d[\d,]*(?:\.\d+)?(?P<scale>(?:\s+(?:thousand|million|billion|trillion|lakh|crore)s?\b){1,2}|(?:bn|mn|m|k)\b)?"
)


@functools.cache
def _prefix_pattern() -> re.Pattern[str]:
    """A currency written before a figure: a sign of ``_PREFIX_CURRENCIES`` or an ISO code."""
    signs = sorted([*_PREFIX_CURRENCIES, *_iso_currencies()], key=len, reverse=True)
    return re.compile(rf"(?<![\w.$])(?:{'|'.join(map(re.escape, signs))})\s?(?=\d)")


def _prefix_code(text: str) -> tuple[str, int] | None:
    """The currency written before the figure that ``text`` opens with, and where the figure starts:
    "US$5 billion" → (USD, 3), "DKK 2,000" → (DKK, 4)."""
    m = _prefix_pattern().match(text)
    if m is None:
        return None
    sign = m[0].strip()
    return _PREFIX_CURRENCIES.get(sign, sign), m.end()


def _written_figures(doc: Doc) -> list[Span]:
    """Sums with a currency written before them ("US$5 billion", "HK$300", "Rs 24 lakh", "₩500,000", "DKK
    2,000", "EUR 300m") as MONEY spans, and figures in lakhs or crores ("2 lakh people") as CARDINAL ones.
    A year after a code is not a sum ("CNY 2024", Chinese New Year)."""
    from spacy.tokens import Span

    text = doc_text(doc)
    out: list[Span] = []
    figures = [(m.start(), m.end()) for m in _prefix_pattern().finditer(text)]
    signed = {at for _, at in figures}
    lakhs = re.finditer(r"(?<![\d,.])\d(?=[\d,.]*\s+(?:lakh|crore)s?\b)", text)
    figures += [(m.start(), m.start()) for m in lakhs if m.start() not in signed]
    for start, figure_at in sorted(figures):
        m = _FIGURE_AND_SCALE.match(text, figure_at)
        if m is None or (start == figure_at and not (m["scale"] and re.search(r"lakh|crore", m["scale"]))):
            continue
        if start < figure_at and not m["scale"] and re.fullmatch(r"(?:19|20)\d\d", m[0]):
            continue
        span = doc.char_span(start, m.end(), alignment_mode="expand")
        if span is not None:
            out.append(Span(doc, span.start, span.end, label="MONEY" if start < figure_at else "CARDINAL"))
    return out


def _missed_numbers(doc: Doc) -> list[Span]:
    """Counts the model did not tag CARDINAL: a spelled-out number it left untagged before the noun it
    counts ("Forty-five people were killed" opening a paragraph), and the figures of a change it tagged DATE
    ("the toll rose from 30 to 45"). Years are never among them."""
    from spacy.tokens import Span

    out: list[Span] = []
    text = doc_text(doc)
    for ent in doc.ents:
        before = text[max(0, ent.start_char - 6) : ent.start_char]
        if (
            ent.label_ == "DATE"
            and _FIGURES_ONLY.fullmatch(ent.text)
            and (ent.text[:4].lower() == "from" or re.search(r"\bfrom\s+$", before, re.I))
        ):
            nums = [t for t in ent if t.like_num]
            if nums and not any(re.fullmatch(r"1[5-9]\d\d|20\d\d", t.text) for t in nums):
                out.extend(Span(doc, t.i, t.i + 1, label="CARDINAL") for t in nums)
    for tok in doc:
        # "Some 40 per cent voted": a percentage the model left untagged, or ran into a name ("leads Trump
        # 48 percent to" as an organisation)
        if tok.ent_type_ in _FIGURE_LABELS or not re.fullmatch(r"\d+(?:\.\d+)?", tok.text):
            continue
        width = _percent_sign(doc, tok.i + 1)
        if width and not any(t.ent_type_ in _FIGURE_LABELS for t in doc[tok.i + 1 : tok.i + 1 + width]):
            out.append(Span(doc, tok.i, tok.i + 1 + width, label="PERCENT"))
    i = 0
    while i < len(doc):
        tok = doc[i]
        if tok.ent_type_ or not tok.like_num or (i > 0 and doc[i - 1].like_num):
            i += 1  # (after a number: "five thousand" where the model tagged only "five")
            continue
        j = i + 1  # "Forty-five": the tokenizer splits at the hyphen; "135 thousand"
        while j < len(doc) and not doc[j].ent_type_:
            if doc[j].text == "-" and j + 1 < len(doc) and doc[j + 1].like_num and not doc[j + 1].ent_type_:
                j += 2
            elif doc[j].like_num and doc[j].is_alpha:
                j += 1
            else:
                break
        words = [t for t in doc[i:j] if t.is_alpha]
        last = doc[j - 1]
        if (
            words  # digits alone the model left untagged are route numbers, lottery draws, street numbers
            and doc[i:j].text.lower() != "one"  # "one day", "in one hand": an idiom more than a count
            and last.dep_ == "nummod"
            and last.head.i == j
            and last.head.pos_ == "NOUN"
            and last.head.lemma_.lower() not in _TIME_NOUNS  # "nearly two years": a time the model missed
        ):
            out.append(Span(doc, i, j, label="CARDINAL"))
        i = j
    return out


_FIGURE_LABELS = frozenset("PERCENT MONEY CARDINAL QUANTITY DATE TIME ORDINAL".split())
_TIME_NOUNS = frozenset("second minute hour day night week month year decade century time season".split())


# An earthquake's magnitude: "a magnitude 6.8 quake", "a 7.1-magnitude quake", "7.8 on the Richter scale".
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of)?\s+$", re.I)
_MAGNITUDE_AFTER = re.compile(r"(?:-|\s)magnitude\b|\s+on\s+the\s+Richter\s+scale\b", re.I)
# A wire clock time ("0400 GMT", "2300 local time", "1400 Kyiv time"): its hours and minutes, and the
# zone after them; times.py reads the same clock times as times.
HHMM_RE = r"(?:[01]\d|2[0-3])[0-5]\d"
CLOCK_ZONE_RE = (
    r"\s*(?:GMT|UTC|local\s+time|(?:Kyiv|Moscow|Beirut|Tehran|Israel|Gaza|Seoul|Pyongyang)\s+time)"
)
_CLOCK_ZONE = re.compile(CLOCK_ZONE_RE + r"\b", re.I)
# Where a lone "one" is a figure worth keeping: the dead, the hurt, the held, what was hit ("one soldier
# was killed", "one drone hit a building").
_TOLL_WORDS = re.compile(
    r"\b(?:kill\w*|dead|died|dies|death|wound\w*|injur\w*|hurt|missing|arrest\w*|detain\w*|captur\w*|"
    r"hostages?|casualt\w*|victims?|shot|stabbed|survivors?|hit|struck|downed|destroyed|damaged|charg\w*|"
    r"convict\w*|sentenc\w*|counts?\s+of)\b",
    re.I,
)
_TALLY_VERB = re.compile(
    r"\b(?:split|voted|vote|won|lost|beat|defeated|scored?|trailed|led|(?:vote|tally|score)\s+(?:was|is|of))\s+$",
    re.I,
)


def _title_number(ent: Span, core: str) -> bool:
    """A spelled-out number capitalised inside a sentence that is not itself written in title case: part
    of a name ("the Gang of Eight")."""
    if not core[:1].isupper() or not re.fullmatch(WORD_NUM_RE, core.lower()) or ent.start == ent.sent.start:
        return False
    if ent.doc[ent.start - 1].is_punct or ent.doc[ent.start - 1].is_quote:
        return False  # '“Five patients cancelled', 'ISLE OF PALMS — Two members': a sentence's start
    # a headline capitalises every word (its first word and the number itself tell nothing)
    words = [t for t in ent.sent[1:] if t.is_alpha and len(t) > 3 and not ent.start <= t.i < ent.end]
    if len(words) < 3:  # too short to tell a headline: only "Group of Seven" reads as a name
        doc = ent.doc
        return ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].is_title
    return sum(t.is_title for t in words) * 2 < len(words)


# What follows a house number: "131 West 23rd Street", "400 S. Locust St.," "618 S.W. Second Terrace", "1200
# DeKalb Ave.", "341 and 345 S. Main St."; not a count of what the street names ("12 Wall Street banks")
_STREET_AFTER = re.compile(
    r"(?:\s*(?:-|–|and|&|to)\s*\d{1,5}[A-Z]?)?"
    r"\s+(?:(?:North|South|East|West|[NSEW]\.?|[NS]\.?[EW]\.?)\s+)?"
    r"(?:\d+(?:st|nd|rd|th)|[A-Z][A-Za-z'’]*(?:-[A-Z][A-Za-z'’]*)?)(?:\s+[A-Z][A-Za-z'’]*){0,2}\s+"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Place|Pl|Way|Parkway|Pkwy|Plaza|Terrace|"
    r"Circle|Cir)\b\.?"
    r"(?!\s+(?!(?:was|has|is|as|its|his|this|does|plus|across|towards|versus|thus|unless)\b)[a-z]{2,}s\b)"
)
# A reference to a cited work, a bracket of numbers alone at a sentence's end: "(16).", "(4, 5)."
_CITATION = re.compile(r"[a-z]\s*[(\[](?:\d{1,3},\s*)*$")
_CITATION_END = re.compile(r"(?:,\s*\d{1,3})*[)\]]\s*[.;,]")
# "the 700 block of Knox Road", police's way of giving an address
_BLOCK_AFTER = re.compile(r"\s+block\s+of\s+(?:(?:North|South|East|West|[NSEW]\.?)\s+)?[A-Z0-9]")
_ERA_AFTER = re.compile(r"\s*(?:B\.C\.(?:E\.)?|A\.D\.|BCE?|AD|CE)(?!\w)")
_OLDER_AFTER = re.compile(r"\s+(?:or|and)\s+(?:older|younger)\b")
# The two sides of a ratio: "a 3 to 1 margin", "by a two-to-one ratio".
_RATIO_NOUN = r"(?:margin|ratio|edge|majority)\b"
_RATIO_WORDS = re.compile(rf"\s+to\s+(?:\d+|one|two|three|four|five)\s+{_RATIO_NOUN}", re.I)
_RATIO_WORDS_BEFORE = re.compile(r"\b(?:\d+|one|two|three|four|five)\s+to\s+$", re.I)


_MONTH_RE = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|"
    r"september|october|november|december"
)
# The days of a month before a figure in their list: "March 17, 18 and", "May 1 and", "July 4-" (a month
# written as a name, capitalised: not the verb "may")
_DAY_LIST_BEFORE = re.compile(
    rf"\b(?=(?-i:[A-Z][a-z]))(?:{_MONTH_RE})\.?\s+\d{{1,2}}(?:\s*(?:,|and|&)\s*\d{{1,2}})*\s*(,|and|&|-|–|to|through)\s*$",
    re.I,
)
# A word that numbers what it names, before the figure or a list of them: "Pack 122, 124 and", "Pct. 3",
# "Region 1", "Game 7", "Year 10"
_NUMBERED_BEFORE = re.compile(
    r"\b(?:Pack|Troop|Pct\.|Precinct|Region|District|Ward|Station|Route|Interstate|Exit|Gate|Terminal|Platform|"
    r"Chapter|Section|Article|Category|Phase|Stage|Round|Game|Week|Day|Part|Lot|Building|Apt\.|Apartment|"
    r"Suite|Room|Box|Hole|Heat|Level|Zone|Sector|Local|Division|Flight|Highway|Hwy\.|Pier|Unit|Grade|Year|"
    # a road's designator: "U.S. 54, 56 and 400", "KY 80", "FM 922", "SR 50"
    r"U\.S\.|[A-Z]{2})"
    r"\s+(?:\d+[A-Z]?\s*(?:,|and|&|or)\s*)*$"
)


# Words for a person that an age follows after a comma, as a name does: "injures woman, 82."
_PERSON_NOUNS = frozenset(
    "man woman boy girl driver resident mother father son daughter husband wife teen teenager student victim "
    "suspect pedestrian motorist passenger grandmother grandfather".split()
)
# Words of time the noun after a figure may be, which count nothing: "killed at least a dozen yesterday"
_TIME_NOT_UNITS = frozenset(
    "yesterday today tomorrow tonight monday tuesday wednesday thursday friday saturday sunday".split()
)


def _clock_time(core: str, text: str, end: int) -> bool:
    """Whether a figure (``core``, ending at ``end`` in ``text``) is a clock time: "3.18 am", which the model
    tags QUANTITY, or the hour the model cut off its "a.m." ("from 11 a.m.-2 p.m.", a live blog's "11: 06
    a.m.", "over at 3.18 am")."""
    core = core.strip()
    if re.fullmatch(r"\d{1,2}(?:[.:][0-5]\d)?\s*[ap]\.?m\.?", core, re.I):
        return True
    return bool(
        re.fullmatch(r"\d{1,2}(?:\.[0-5]\d)?", core)
        and re.match(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|:\s?\d\d\s*[ap]\.?m\b", text[end:], re.I)
    )


def _not_a_count(ent: Span, core: str, text: str) -> bool:
    """Numbers that count nothing: ages ("Kopp, 44, was arrested", "aged 52", "people under 30"), phone
    numbers, "one of" (which one), a number in a compound word ("a two-way race"), the sides of a score or
    a tally ("an 80-19 vote"), wire clock times ("0400 GMT")."""
    doc = ent.doc
    if _PHONE.match(core.strip()) or re.fullmatch(r"\d{3}[-.]\d{4}", core.strip()):
        return True
    if re.fullmatch(r"\d{3}", core.strip()) and re.match(
        r"(?:[-.]\d{3})?[-.]\d{4}(?!\d)|\)\s*\d{3}[-.](?:\d{4}(?!\d)|[A-Z]{4}\b)", text[ent.end_char :]
    ):
        return True  # "1 877 855-3222", "(318) 619-3946", "815-899-5743": a phone number's parts
    if re.fullmatch(r"[2-6]", core.strip()) and re.match(r"G\b", text[ent.end_char :]):
        return True  # "5G security", "the 4G network": a generation of mobile networks, a name
    if re.search(r"[^\W\d_]-$", text[max(0, ent.start_char - 2) : ent.start_char]):
        return True  # "high-five passersby", "F-35", "COVID-19": the end of a word or a name, no count
    if (
        re.fullmatch(r"\d{1,3}", core.strip())
        and _CITATION.search(text, max(0, ent.start_char - 20), ent.start_char)
        and _CITATION_END.match(text, ent.end_char)
    ):
        return True  # "keep you feeling full longer (16).", "hunger (4, 5)": the numbers of cited studies
    if core.strip().lower() in ("a", "an") and re.match(r"\s+\d", text[ent.end_char :]):
        return True  # "by about a 67 percentage point margin": an article, not one
    prev = doc[ent.start - 1] if ent.start > 0 else None
    nxt = doc[ent.end] if ent.end < len(doc) else None
    before = text[max(0, ent.start_char - 30) : ent.start_char]
    if _AGE_BEFORE.search(before):
        return True
    low = core.lower()
    after = text[ent.end_char : ent.end_char + 12]
    if low == "one" and re.match(r"\s+of\b", after):
        return True  # "one of the two candidates", "one of three members": which one, not how many
    if (
        low == "one"
        and re.search(r"\bat\s+$", before, re.I)
        and re.match(r"\s+(?:point|time|stage)\b", after)
    ):
        return True  # "claimed at one point that …", "at one time": when, in a sentence with a toll or not
    if ent.text.lower() == "one" and not _TOLL_WORDS.search(ent.sent.text):
        return True  # "one questioner claimed", "at one point": an article more than a count
    if re.search(r"(?:\b(?:No|Nos|Number|number)\.?|#)\s*$", before):
        return True  # "mine No. 2", "Number 10": a name, not a count
    if low in ("911", "999", "112") and re.match(r"\s+(?:call|caller|calls|dispatch|operator|line)", after):
        return True  # "a 911 caller"
    if low in ("501", "527") and re.match(r"\s*\(?c\)?\s*\(?[34]\)?", after, re.I):
        return True  # "a 501(c)(3) group", "the 501 c3 organization": a section of the US tax code
    if low == "529" and re.match(
        r"\s+(?:college\s+)?(?:savings\s+)?plans?\b", text[ent.end_char : ent.end_char + 30]
    ):
        return True  # "529 college savings plans": a section of the US tax code
    if re.fullmatch(r"\d{1,5}", low) and (
        _STREET_AFTER.match(text, ent.end_char) or _BLOCK_AFTER.match(text, ent.end_char)
    ):
        return True  # "131 West 23rd Street", "the 700 block of Knox Road": an address
    if re.fullmatch(r"\d{1,4}", low) and _ERA_AFTER.match(text, ent.end_char):
        return True  # "from 500 BC to 1000 AD": a year
    if _OLDER_AFTER.match(text, ent.end_char):
        return True  # "be 50 or older", "adults 65 and older": an age
    if _RATIO_WORDS.match(text, ent.end_char) or (
        _RATIO_WORDS_BEFORE.search(before) and re.match(rf"\s+{_RATIO_NOUN}", after, re.I)
    ):
        return True  # "a 3 to 1 margin": a ratio, not two counts
    if (
        re.fullmatch(r"(?:19|20)?[1-9]0", low)
        and re.match(r"['’]s\b", after)
        and re.search(r"\b(?:the|his|her|their|my|your|our)\s+(?:(?:early|mid|late)[\s-]+)?$", before, re.I)
    ):
        return True  # "in the 90’s": a decade (a time); "well into his 90's", "in her late 80s": an age
    if low == "zero" and ent.root.pos_ == "VERB":
        return True  # "plans to zero in on local issues"
    if (
        prev is not None
        and prev.pos_ == "PROPN"
        and prev.is_title
        and prev.ent_type_ not in ("GPE", "LOC", "NORP")
        and re.fullmatch(r"\d{1,4}", core)
    ):
        return True  # "Fortune 500 companies", "Highway 82", "Boeing 737": part of a name
    if _title_number(ent, core):
        return True  # "the Gang of Eight", "the Group of Seven", "the Big Ten": a name
    if re.fullmatch(WORD_NUM_RE, low) and re.match(r"-(?!strong\b|to-|or-)[a-z]", after):
        return True  # "a two-way race", "a one-term president", "the two-state solution": a compound word
    if re.match(r"[-–]to[-–]\d", after) or re.search(r"\b\d+[-–]to[-–]$", before):
        return True  # "a 5-to-4 majority", "a 4-to-4 tie": a vote or a ratio, not two counts
    tally = re.match(r"[-–](\d+)\b", after) or (
        re.match(r"\s+to\s+(\d+)\b", after)
        if _TALLY_VERB.search(text, max(0, ent.start_char - 20), ent.start_char)
        else None
    )  # "split 4 to 1", "voted 52 to 48"
    back = text[max(0, ent.start_char - 40) : ent.start_char]
    lead = re.search(r"\b(\d+)[-–]$", back) or (
        m if (m := re.search(r"\b(\d+)\s+to\s+$", back)) and _TALLY_VERB.search(back, 0, m.start()) else None
    )
    value = parse_number(core)
    if value is not None and ((tally and value >= int(tally[1])) or (lead and int(lead[1]) >= value)):
        return True  # "an 80-19 vote", "won 3-1", "a 4-4 ruling": a score or a tally (a range rises)
    if re.fullmatch(HHMM_RE, core) and _CLOCK_ZONE.match(text, ent.end_char):
        return True  # "at 2300 local time", "0400 GMT": a clock time
    if re.fullmatch(r"0\d[0-5]\d", core) and re.match(r"\s+(?:hours|hrs)\b", text[ent.end_char :]):
        return True  # "0600 hours"
    if (
        prev is not None
        and nxt is not None
        and prev.text == "("
        and nxt.text == ")"
        and ent.start >= 2
        and doc[ent.start - 2].ent_type_ == "PERSON"
        and re.fullmatch(r"\d{1,3}", core)
    ):
        return True  # "Clinton (68), Trump (69)": an age
    if (
        re.fullmatch(r"\d{1,2}", core)
        and re.match(r"\.[^\S\n]*\n?[^\S\n]*[A-Z]", text[ent.end_char : ent.end_char + 8])
        and re.search(r"(?:^|[.!?:]\s+|\n\s*)$", text[max(0, ent.start_char - 4) : ent.start_char])
    ):
        return True  # "1. The GOP is fracturing.": a list's numbering
    root = ent.root
    if (
        re.fullmatch(r"\d{1,3}", core)
        and root.dep_ == "attr"
        and root.head.lemma_ == "be"
        and not any(t.dep_ == "prep" for t in root.children)
        and any(
            t.dep_ == "nsubj" and (t.ent_type_ == "PERSON" or t.lower_ in ("he", "she", "i"))
            for t in root.head.children
        )
    ):
        return True  # "Justice Breyer will be 78", "she is 43": an age ("we were eight" counts people)
    day_list = _DAY_LIST_BEFORE.search(before) if re.fullmatch(r"\d{1,2}", core) and int(core) <= 31 else None
    if day_list and (day_list[1] != "," or re.match(r"\s*(?:,|and|&)\s*\d", after)):
        return True  # "March 17, 18 and 19", "May 1 and 2", "July 4- 5": days; not "On March 17, 18 soldiers"
    if re.fullmatch(r"\d{1,4}[A-Z]?", core) and _NUMBERED_BEFORE.search(before):
        return True  # "Pack 122, 124 and 131", "Pct. 3 Commissioner", "Region 1": which one, not how many
    # "James Kopp, 44, was arrested", "Crutcher, 40 ― a father", "Kenneth Bonilla, 23; Edwin Luciano, 18",
    # "Aseany Duncan, 19 - was charged", "critically injures woman, 82."
    return (
        prev is not None
        and nxt is not None
        and prev.text == ","
        and re.fullmatch(r"\d{1,3}", core) is not None
        and ent.start >= 2
        and (
            (doc[ent.start - 2].ent_type_ == "PERSON" and nxt.text in (",", ";", "―", "—", "–", "--", "-"))
            or (
                doc[ent.start - 2].lower_ in _PERSON_NOUNS and nxt.text in (",", ";", ".", "―", "—", "–", "-")
            )
        )
    )


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


# A number written as a word: "seven", "seventy-four" (also read by the times extractor)
WORD_NUM_RE = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
)
_RANGE_NUM = (
    r"[$€£¥]?\s?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + WORD_NUM_RE + r")"
    r"(?:(?:k|bn|mn|m)\b|\s(?:hundred|thousand|million|billion|trillion|dozen)\b)?"
    r"(?:\s?%|\s(?:percent|per cent)\b)?"
)
# An explicit range: "3,000 to 5,000", "between 3,000 and 5,000", "3,000-5,000", "two or three", "10-15%".
_RANGE = re.compile(
    rf"(?<![\w.,:/$€£¥-])(?:(?P<between>between)\s+)?(?P<a>{_RANGE_NUM})\s*(?P<sep>-|–|—|\bto\b|\band\b|\bor\b)\s*"
    rf"(?P<b>{_RANGE_NUM})(?![\w]|[.,:/-]\d)",
    re.I,
)
# Two numbers joined like a range that are not one: a date ("Oct. 3-5", "3 to 5 October"), a clock time
# ("9 to 5 p.m."), a page or an article ("pages 10-15"), a score or a vote ("won 2-3", "voted 48 to 52").
_RANGING_FROM = re.compile(r"\brang(?:e|es|ed|ing)\s+from\s*$", re.I)
_RANGE_NOT_BEFORE = re.compile(
    rf"\b(?:{_MONTH_RE})\.?\s*$|\b(?:pages?|pp\.|articles?|sections?|chapters?|verses?|rooms?|nos?\.|numbers?|"
    r"(?:aged?|ages)(?:\s+of)?|votes?|voted|tally|margin|scored?|won|beat|defeated|drew|from|up|down)\s*$",
    re.I,
)
_RANGE_NOT_AFTER = re.compile(
    rf"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|gmt|utc|(?:{_MONTH_RE})\b|years? old|-year-old|"
    r"(?:win|loss|victory|defeat|draw|lead|vote|ruling|decision|record|tie|score|majority)\b)",
    re.I,
)


# "Sales fell 8 to 286", "shares rose 3 to 20": a change and the level it reached, not a range.
_CHANGE_VERBS = frozenset(
    "rise fall drop decline gain increase jump climb slip ease edge advance plunge tumble skid sink slide "
    "soar surge lose add grow shrink slump dip rally retreat firm sag".split()
)


# A currency word after a range makes it money; "pounds" only with a sign ("weighs 150 to 175 pounds").
_RANGE_CURRENCY = re.compile(rf"\s(?:{'|'.join(sorted(_CURRENCY_WORDS - {'pound', 'pounds'}))})\b", re.I)
_SCALE_END = re.compile(r"(?<=\d)(?:k|bn|mn|m)$|\s(?:hundred|thousand|million|billion|trillion|dozen)$", re.I)
_PERCENT_END = re.compile(r"\s?(?:%|percent|per cent)$", re.I)
# Temperatures, which the model tags as anything or nothing ("45°C" is a DATE, "-5°F" a PRODUCT):
# "40C", "-5°F", "12 °C", "minus 10 degrees Celsius". A bare "40C" only near a word of heat or cold, so
# that "Room 40C" and "seats 12C and 12F" are not temperatures.
_TEMPERATURE = re.compile(
    r"(?:(?P<minus>\bminus\s+|[-−])?(?P<n>\d+(?:\.\d+)?)\s?(?:°\s?(?P<a>[CF])\b|degrees?\s+"
    r"(?P<b>[Cc]elsius|[Cc]entigrade|[Ff]ahrenheit|[CF]\b))|(?<=\s)(?P<n2>\d+(?:\.\d+)?)(?P<c>[CF])\b)(?![\w-])"
)
_HEAT_WORDS = re.compile(
    r"\b(?:temperatures?|heat(?:wave)?|hot(?:ter|test)?|cold(?:er|est)?|warm(?:er|est)?|cool(?:er|est)?|"
    r"freezing|frost|chill|degrees|weather|thermometers?|scorching|sweltering|mercury)\b",
    re.I,
)


# A proportion: "one in five children", "1 in 10 Ukrainians", "two out of three voters", "eight of 10
# avocados", "$4 of every $5".
_RATIO = re.compile(
    rf"(?<![\w.,])(?P<sign>[$€£]?)(?P<a>\d{{1,3}}|{WORD_NUM_RE})(?:\s+|-)(?P<sep>in|out\s+of|of)(?:\s+|-)(?P<every>every\s+)?"
    rf"(?P=sign)(?P<b>(?:\d{{1,3}}(?:,\d{{3}})*|{WORD_NUM_RE}|"
    r"a\s+(?:hundred|thousand|million)|(?:one\s+)?(?:hundred|thousand|million))"
    r"(?:\s+(?:hundred|thousand|million|billion))?)\b(?![-.,]?\d)"
    r"(?!\s+(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)\b)",  # "in 10 minutes"
    re.I,
)


def _ratios(full: str) -> list[tuple[int, int, float]]:
    """(start, end, percent) of each proportion written as "one in five"."""
    out = []
    for m in _RATIO.finditer(full):
        if re.fullmatch(r"one in a million", m[0], re.I):
            continue  # the idiom
        prev = re.search(r"(\S+)[ \t]+$", full[max(0, m.start() - 30) : m.start()])  # on the same line
        if m["a"][:1].isupper() and prev and prev[1][:1].isupper() and not re.search(r"[.!?:\"“”]$", prev[1]):
            continue  # "Uranium One in three transactions": a name's last word
        whole = re.sub(r"^(?=hundred|thousand|million)", "one ", m["b"].lower())  # "one in every hundred"
        a, b = parse_number(m["a"]), parse_number(whole)
        if a is None or not b or not a < b:
            continue
        if m["sep"].lower() == "of" and not m["every"] and b not in (10, 100, 1000):
            continue  # "eight of 10 avocados", "$4 of every $5"; not "one of three members"
        if a > 10 and not (b >= 100 and math.log10(b).is_integer()):
            continue  # "shot down 30 out of 45 drones": two counts, not a share ("15 in 100" is one)
        out.append((m.start(), m.end(), float(f"{100 * a / b:.6g}")))
    return out


def _temperatures(full: str) -> list[tuple[int, int, float, str]]:
    """(start, end, value, unit) of each temperature written in the text."""
    out = []
    for m in _TEMPERATURE.finditer(full):
        if m["n2"] and not _HEAT_WORDS.search(full[max(0, m.start() - 80) : m.end() + 80]):
            continue  # "Room 40C", "seats 12C and 12F"
        scale = (m["a"] or m["b"] or m["c"])[0].upper()
        value = float(m["n"] or m["n2"]) * (-1 if m["minus"] else 1)
        out.append((m.start(), m.end(), value, f"°{scale}"))
    return out


# A height in feet and inches: "6-foot-4", "6 feet 4 inches", "6 ft 4 in", "6'4\"" (in inches)
_FEET_AND_INCHES = re.compile(
    r"(?<![\w.,-])(?P<ft>[1-9])(?:-foot-(?P<a>\d{1,2})(?![\w-])|\s*(?:feet|foot|ft\.?)\s*(?P<b>\d{1,2})\s*"
    r"(?:inches|inch|in\.)|['’](?P<c>\d{1,2})(?:\"|”|''|\b))"
)


def _heights(full: str) -> list[tuple[int, int, float, str]]:
    """(start, end, inches, "inch") of each height written in feet and inches."""
    out = []
    for m in _FEET_AND_INCHES.finditer(full):
        inches = int(m["a"] or m["b"] or m["c"])
        if inches < 12 and (m["b"] or 4 <= int(m["ft"]) <= 7):  # "6-foot-4", "5'11\"" are people's
            out.append((m.start(), m.end(), float(12 * int(m["ft"]) + inches), "inch"))
    return out


def _range_number(text: str) -> tuple[float | None, float | None]:
    """Value of one end of a range, and the factor of its own scale word ("5 million": 1e6), if any."""
    core = _PERCENT_END.sub("", text.strip())
    scale = _SCALE_END.search(core)
    if not scale:
        return parse_number(core), None
    base = parse_number(core[: scale.start()])
    value = parse_number(core)
    return value, (value / base if value is not None and base else None)


def _ranges(doc: Doc, full: str) -> list[tuple[int, int, float, float]]:
    """Explicit ranges in the text: (start, end, low, high). "From 10,000 to 12,000" is left out: after
    "rose" or "revised" it is a change from one figure to another, not a range."""
    out = []
    for m in _RANGE.finditer(full):
        sep = m["sep"].lower()
        if (sep == "and") != bool(m["between"]) or (sep == "or" and m["between"]):
            continue
        before = full[max(0, m.start() - 12) : m.start()]
        ranging = _RANGING_FROM.search(full, max(0, m.start() - 20), m.start())  # "ranges from $15 to $26"
        if (_RANGE_NOT_BEFORE.search(before) and not ranging) or _RANGE_NOT_AFTER.match(
            full[m.end() : m.end() + 12]
        ):
            continue
        low, low_scale = _range_number(m["a"])
        high, high_scale = _range_number(m["b"])
        if low is None or high is None:
            continue
        if high_scale and not low_scale and low * high_scale <= high:
            low *= high_scale  # "3 to 5 million", "one or two dozen": both ends in millions, in dozens
        if not low < high:
            continue  # "a 5-4 ruling", "one or one"
        a, b = m["a"].strip(), m["b"].strip()
        if all(re.fullmatch(r"\d{4}", x) and 1800 <= int(x) <= 2100 for x in (a, b)):
            continue  # years: "2020-2021", "between 1990 and 1995"
        if (a[:1] in _SIGNS) != (b[:1] in _SIGNS) or (_PERCENT_END.search(a) and not _PERCENT_END.search(b)):
            continue  # "rose 8% to $368.5 million", "in 2008 to $110,416": two figures of different kinds
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        prev = doc[span.start - 1] if span.start > 0 else None
        if sep == "to" and prev is not None and prev.lemma_.lower() in _CHANGE_VERBS:
            continue
        if sep in ("-", "–", "—"):
            if not a.lstrip("$€£¥ ")[:1].isdigit() or not b.lstrip("$€£¥ ")[:1].isdigit():
                continue  # "seventy-five", "7-Eleven"
            if _PHONE.match(m.group(0).strip()):
                continue
            nxt = doc[span.end] if span.end < len(doc) else None
            if (prev is not None and prev.pos_ == "PROPN") or (nxt is not None and nxt.pos_ == "PROPN"):
                continue  # a model name or an address: "Boeing 737-800", "44-46 Hungerford St."
        out.append((m.start(), m.end(), low, high))
    return out


def _describe(ent: Span, kind: str, full: str) -> tuple[str | None, str | None, Token | None]:
    """The unit, qualifier and unit noun of a quantity's span of the given kind."""
    unit_tok = _unit(ent)
    unit = _unit_name(unit_tok) if unit_tok is not None else None
    qualifier = _qualifier(ent, unit_tok) if unit_tok is not None else None
    if kind == "percent":
        unit, qualifier = "percent", None
    elif kind == "money":
        after = full[ent.end_char : ent.end_char + 12]
        prefix = _prefix_code(ent.text)
        code = (
            (prefix[0] if prefix else None)
            or (ent[-1].text if ent[-1].text in _iso_currencies() else None)
            or _named_currency(ent.text)
            or next((c for rx, c in _CURRENCIES if rx.search(ent.text)), None)
            or next((c for rx, c in _CURRENCIES if rx.match(after.strip())), None)
        )
        unit, qualifier = code or unit, None
    elif kind == "measure":
        last = ent[-1]
        if last.pos_ in ("NOUN", "PROPN", "X") and not last.like_num:
            unit, qualifier = last.lemma_.lower(), None
        if ent[-2:-1].text.lower() in _AREA_WORDS:
            unit = f"{ent[-2].lower_.rstrip('.')} {unit}"  # "square kilometre"
    return unit, qualifier, unit_tok


def _split_count_of_money(ent: Span, label: str) -> list[tuple[Span, str]]:
    """A count the model runs into a sum of money is a figure of its own: "nine $2,500 donations" is nine
    donations of $2,500."""
    if label != "MONEY" or len(ent) < 2 or not ent[0].like_num or ent[1].text not in _SIGNS:
        return [(ent, label)]
    if len(ent) == 2:  # the model's "nine $", then "2,500" (which takes its sign back in _fit)
        return [(ent[:1], "CARDINAL")]
    return [(ent[:1], "CARDINAL"), (ent[1:], "MONEY")]


_TWO_FIGURES = re.compile(r"(?P<a>.*?\d.*?)\s+to\s+(?P<b>.*\d.*)", re.I)
# A poll's two shares written with a dash, the larger first ("oppose it, 59%-28%"): no range, which would
# run from the smaller to the larger ("10%-15%").
_SHARE_PAIR = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d+)?)%\s?[-–]\s?(\d{1,3}(?:\.\d+)?)%")


def _share_pairs(full: str) -> list[tuple[int, int, float]]:
    """(start, end, value) of each share of a pair written "59%-28%"."""
    out = []
    for m in _SHARE_PAIR.finditer(full):
        if float(m[1]) > float(m[2]):
            out += [(m.start(1), m.end(1) + 1, float(m[1])), (m.start(2), m.end(2) + 1, float(m[2]))]
    return out


def _split_two_figures(ent: Span, label: str) -> list[tuple[Span, str]]:
    """A span the model made of two figures ("5% to 10%", "5 to 10 percent" after "rose from") is two
    figures when it is no range (explicit ranges are found apart, in _ranges); each keeps the label."""
    m = _TWO_FIGURES.fullmatch(ent.text)
    if not m:
        return [(ent, label)]
    if label not in ("PERCENT", "MONEY"):
        # a count's "90 to 10" is a tally, "55 to 65" ages; after "rose from" it is a change
        doc = ent.doc
        frm = doc[ent.start - 1] if ent.start > 0 else None
        verb = frm.head if frm is not None else None
        if (
            label != "CARDINAL"
            or frm is None
            or frm.lower_ != "from"
            or verb is None
            or verb.lemma_.lower() not in _CHANGED
        ):
            return [(ent, label)]
    if _SCALE_END.search(m["b"].rstrip(" %")) and not _SCALE_END.search(m["a"].rstrip(" %")):
        return [(ent, label)]  # "$5 to $10 million": whether the first is millions too is not written
    a = ent.doc.char_span(ent.start_char, ent.start_char + m.end("a"), alignment_mode="contract")
    b = ent.doc.char_span(ent.start_char + m.start("b"), ent.end_char, alignment_mode="contract")
    if a is None or b is None or not len(a) or not len(b):
        return [(ent, label)]
    return [(a, label), (b, label)]


def _points(kind: str, unit: str | None, qualifier: str | None) -> tuple[str, str | None, str | None]:
    """Percentage and basis points are a percent's unit, not counted points."""
    if unit == "point" and qualifier is not None and qualifier.lower() in ("percentage", "basis"):
        return "percent", f"{qualifier.lower()} point", None
    return kind, unit, qualifier


def _counted_money(
    kind: str, unit: str | None, text: str, qualifier: str | None = None
) -> tuple[str, str | None]:
    """A count of a currency is a sum of money: "hundreds of thousands of dollars" is money in USD, and so
    is a count whose own text ends in the currency ("at least a half-billion dollars", tagged CARDINAL);
    the qualifier may name the currency's country ("100 Hong Kong dollars" is HKD)."""
    if kind != "count":
        return kind, unit
    last = text.rsplit(None, 1)[-1].lower() if text.strip() else ""
    word = (
        unit
        if unit is not None and unit.lower() in _CURRENCY_WORDS
        else last
        if last in _CURRENCY_WORDS
        else None
    )
    if word is None:
        return kind, unit
    named = _named_currency(f"{qualifier} {word}") if qualifier else None
    return "money", named or next((code for rx, code in _CURRENCIES if rx.search(word)), word)


def extract_quantities(doc: Doc) -> list[Quantity]:
    """Quantities of a parsed article. Years, dates, times and ordinals are not counts."""
    out: list[Quantity] = []
    units: list[Token | None] = []  # the unit noun of each quantity in ``out``
    full = doc_text(doc)
    prefixed = _written_figures(doc)
    ents = [
        *(e for e in doc.ents if not any(e.start < x.end and x.start < e.end for x in prefixed)),
        *prefixed,
        *_missed_numbers(doc),
    ]
    fitted = [(_fit(e, e.label_), e.label_) for e in ents if e.label_ in _LABELS]
    fitted = [part for e, label in fitted for part in _split_count_of_money(e, label)]
    fitted = [part for e, label in fitted for part in _split_two_figures(e, label)]
    fitted = [_with_code(e, label) for e, label in fitted]
    ranges = []
    for start, end, lo, hi in _ranges(doc, full):
        start += len(full[start:end]) - len(full[start:end].lstrip())  # "substance — 4 to 200 grams"
        kind = "count"
        word = _RANGE_CURRENCY.match(full, end)  # "5 to 10 billion won"
        if re.search(r"%|percent|per cent", full[start:end], re.I):
            kind = "percent"
        elif any(c in full[start:end] for c in _SIGNS) or word:
            kind = "money"
            end = word.end() if word else end
        else:
            measure = [
                e for e, lab in fitted if lab == "QUANTITY" and start < e.end_char and e.start_char < end
            ]
            if measure and measure[-1].end_char > end:
                kind, end = "measure", measure[-1].end_char  # "2 to 3 km"
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        unit, qualifier, unit_tok = _describe(span, kind, full)
        if (
            kind == "count"
            and unit in _RANGE_MEASURES
            and unit_tok is not None
            and unit_tok.i == span.end
            and unit_tok.pos_ == "NOUN"
        ):
            # "another 1 to 2 inches", "10 to 15 centimetres of snow", which the model tags no QUANTITY
            kind, end = "measure", unit_tok.idx + len(unit_tok)
        kind, unit = _counted_money(kind, unit, "")
        kind, unit, qualifier = _points(kind, unit, qualifier)  # "2 to 9 percentage points"
        ranges.append((start, end))
        out.append(Quantity(start, end, full[start:end], None, lo, hi, unit, True, kind, qualifier))
        units.append(unit_tok)
    written = [(a, b, v, "percent", "percent") for a, b, v in _ratios(full) + _share_pairs(full)]
    written += [(a, b, v, unit, "measure") for a, b, v, unit in _temperatures(full) + _heights(full)]
    for w0, w1, figure, w_unit, w_kind in written:  # proportions and temperatures, whatever the model tagged
        if not any(w0 < e and s < w1 for s, e in ranges):
            ranges.append((w0, w1))
            # bounds and approximation from the words before: "fewer than one in five", "about 40C"
            lead = full[max(0, w0 - 30) : w0]
            w_low = None if _UPPER.search(lead) else figure
            w_high = None if _LOWER.search(lead) else figure
            out.append(
                Quantity(
                    w0, w1, full[w0:w1], figure, w_low, w_high, w_unit, bool(_APPROX.search(lead)), w_kind
                )
            )
            units.append(None)
    for ent, label in fitted:
        if any(ent.start_char < e and s < ent.end_char for s, e in ranges):
            continue  # one end of a range, or a temperature, found above
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
        if _clock_time(core, full, ent.end_char):
            continue  # a clock time, whatever the model tagged it, is no figure of anything
        if _ADDS_UP.search(full, max(0, ent.start_char - 20), ent.start_char):
            before = ""  # "It adds up to more than 300": the sum itself, not a bound (its own "more than" is)
        elif mod == "up to" and _ADDS_UP.search(full, max(0, core_start - 20), core_start):
            # "That adds up to 185,000", "the costs added up to $5 million" (the model took "up to" in)
            before, mod = "", ""
            first = next((t.i for t in ent if t.idx >= core_start), ent.start)
            ent = ent[first - ent.start :]
            text = ent.text
        number_text = re.sub(
            rf"(%|percent|per cent|{'|'.join(sorted(_CURRENCY_WORDS, key=len, reverse=True))})$",
            "",
            core,
            flags=re.I,
        ).strip()
        prefix = _prefix_code(number_text)
        if prefix:
            number_text = number_text[prefix[1] :]  # "US$5 billion", "Rs 24 lakh", "DKK 2,000": the figure
        code = re.fullmatch(r"(.*\d.*?)\s+([A-Z]{3})", number_text)
        if label == "MONEY" and code and code[2] in _iso_currencies():
            number_text = code[1]  # "2 million DKK": the figure
        if label == "QUANTITY" and len(ent) > 1 and not ent[-1].like_num:
            # "12 km", "120,000 square kilometres": the number before the unit
            unit_at = ent[-2] if ent[-2].lower_ in _AREA_WORDS else ent[-1]
            number_text = full[core_start : unit_at.idx].strip()
        plus = number_text.endswith("+") or re.search(r"(?:-|\s)plus$", number_text, re.I) is not None
        # "10,000+", "50-plus", "$1m." at a sentence's end
        number_text = re.sub(r"(?:-|\s+)plus$", "", number_text.rstrip("+"), flags=re.I).removesuffix(".")
        # "scored 50 plus points": at least 50 ("two plus two", "5 plus a bonus", "$5 plus tax" add)
        plus_after = (
            label == "CARDINAL"
            and ent.end + 1 < len(ent.doc)
            and ent.doc[ent.end].lower_ == "plus"
            and ent.doc[ent.end + 1].pos_ in ("NOUN", "VERB")
            and ent.doc[ent.end + 1].is_alpha
            and not ent.doc[ent.end + 1].like_num
        )
        plus = plus or plus_after
        cents = re.fullmatch(r"(.*?\d.*?)\s+(?:(euro|canadian)\s+)?(?:cents?|pence)", number_text, re.I)
        if label == "MONEY" and cents and (hundredths := parse_number(cents[1])) is not None:
            # "69 cents", "4.6 pence", "14 Canadian cents": hundredths of the currency
            number_text = str(hundredths / 100)
        if re.fullmatch(r"0\d+", number_text):
            continue  # "000" of a figure the page broke apart ("5 , 000 euro")
        value = parse_number(number_text)
        if value is None and label == "MONEY":
            # "15 Canadian dollars", "100 Hong Kong dollars", "500 U.S. dollars": the currency's country
            # stands between the figure and its word
            value = parse_number(
                number_text := re.sub(r"(?:\s+(?:[A-Z][a-z]+|[A-Z]\.[A-Z]\.?|US))+$", "", number_text)
            )
        low, high, vague = _range(core, value)
        if value is None and not vague:
            continue
        if label == "CARDINAL" and _not_a_count(ent, core, full):
            continue
        if (
            label == "CARDINAL"
            and value is not None
            and 1900 <= value <= 2100
            and re.fullmatch(r"\d{4}", core)
        ):
            continue  # a bare year
        approx = vague or bool(mod) or plus or bool(_APPROX.search(before))
        lower_bound = mod in ("more than", "over", "at least") or plus or bool(_LOWER.search(before))
        upper_bound = mod in ("up to", "fewer than", "less than", "as many as") or bool(_UPPER.search(before))
        if lower_bound and value is not None and not vague:
            low, high = value, None
        if upper_bound and value is not None and not vague:
            low, high = None, value
        kind = "percent" if _PERCENT_END.search(core.rstrip(".")) else _LABELS[label]  # "5.2 per cent"
        unit, qualifier, unit_tok = _describe(ent, kind, full)
        if kind == "measure" and (unit or "").split(" ")[-1] not in _MEASURE_UNITS:
            # the model calls some counts QUANTITY ("more than 2 million people", "15 million instructions")
            kind = "money" if (unit or "") in _CURRENCY_WORDS else "count"
            while kind == "count" and len(ent) > 1 and not ent[-1].like_num:
                ent = ent[:-1]  # a count's span is its number: "15 million", not "15 million instructions"
            text = ent.text
            unit, qualifier, unit_tok = _describe(ent, kind, full)
        after_tok = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        if (
            kind == "count"
            and after_tok is not None
            and (measure_unit := _singular(after_tok)) in _COUNTED_MEASURES
        ):
            # "12.4 GW", "drained 15 litres", "a 2.1 GW floating solar project": the model tags the figure
            # alone; the unit right after it is one of measure
            kind, unit, qualifier = "measure", measure_unit, None
            ent = ent.doc[ent.start : after_tok.i + 1]
            text = ent.text
        elif (
            kind == "count"
            and unit in _COUNTED_MEASURES
            and unit_tok is not None
            and unit_tok.i == ent.end + 1
            and ent.doc[ent.end].text == "-"
        ):
            # "a rear-mounted 275-horsepower motor", "a 2-liter engine": a measure that qualifies a noun
            kind, qualifier = "measure", None
            ent = ent.doc[ent.start : unit_tok.i + 1]
            text = ent.text
        if kind == "count" and unit is not None and not re.search(r"[a-z]", unit):
            unit, qualifier = None, None  # a table's "|", not a noun the figure counts
        if unit is not None and unit.lower() in _TIME_NOT_UNITS:
            unit, qualifier = None, None  # "killed at least a dozen yesterday": the unit is left out
        if plus_after and unit is None:
            unit = _singular_word(ent.doc[ent.end + 1].text)  # "50 plus points", which the model parses apart
        bound = _OR_BOUND.match(full, ent.end_char)
        if bound is None and unit_tok is not None and 0 <= unit_tok.i - ent.end <= 3:
            bound = _OR_BOUND.match(full, unit_tok.idx + len(unit_tok))  # "5,000 people or more"
        if bound and value is not None and not vague:
            # "gave $200 or less", "two or more cars": the figure bounds the amount, as "at most" does;
            # "12,000 or so copies" is about that many
            if bound[1].lower() != "so":
                low, high = (value, None) if bound[1].lower() in _OR_MORE else (None, value)
            approx = True
        if (
            kind == "count"
            and unit_tok is not None
            and unit_tok.ent_type_ == "PERSON"
            and not unit_tok.lower_.endswith("s")
            and unit_tok.i - ent.end >= 1
            and all(
                t.ent_type_ == "PERSON" and t.is_alpha and t.is_title
                for t in ent.doc[ent.end : unit_tok.i + 1]
            )
        ):
            continue  # "1 Donald Trump.  2 Ted Cruz.": a rank before one person's name, not a count
        end_char = ent.end_char
        if ent[-1].lower_ == "m." and end_char == ent[-1].idx + 2:
            end_char, text = end_char - 1, text[:-1]  # "$1m." ends a sentence: the stop is not the figure's
        quake = _MAGNITUDE_BEFORE.search(full, max(0, ent.start_char - 16), ent.start_char)
        if quake or _MAGNITUDE_AFTER.match(full, ent.end_char):
            # "a magnitude 6.8 quake", "a 7.1-magnitude quake", "7.8 on the Richter scale"
            kind, unit, qualifier = "measure", "magnitude", None
        counted = kind == "count"
        kind, unit = _counted_money(kind, unit, core, qualifier)
        if counted and kind == "money":
            # "100 Hong Kong dollars": money has no qualifier; the country named its currency
            qualifier = None
        if label == "MONEY" and cents:
            unit = {"euro": "EUR", "canadian": "CAD"}.get((cents[2] or "").lower()) or (
                "GBP" if core.lower().endswith("pence") else "USD"
            )
        if kind == "money" and not (unit and (re.fullmatch(r"[A-Z]{3}", unit) or unit in _CURRENCY_WORDS)):
            # the model calls some counts money ("1.2 billion Roman Catholics", "#2"): no currency at all
            if _not_a_count(ent, core, full):
                continue
            kind = "count"
        kind, unit, qualifier = _points(kind, unit, qualifier)
        out.append(
            Quantity(
                ent.start_char,
                end_char,
                text,
                None if vague else value,
                low,
                high,
                unit,
                approx,
                kind,
                qualifier,
            )
        )
        units.append(unit_tok)
    order = sorted(range(len(out)), key=lambda k: (out[k].start, out[k].end))
    out, units = [_tidy(out[k]) for k in order], [units[k] for k in order]
    # Compositions: "four brigades of 12,000 soldiers" -- the brigades are made of the soldiers.
    at_unit = {tok.i: k for k, tok in enumerate(units) if tok is not None}
    for k, tok in enumerate(units):
        if tok is None:
            continue
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "with", "totalling", "totaling"):
                for pobj in prep.children:
                    j = at_unit.get(pobj.i)
                    if pobj.dep_ == "pobj" and j is not None and j != k:
                        out[k] = replace(out[k], of=j)
    out = _rates(full, _changes(doc, full, _tolls(doc, full, _elided_units(doc, full, out))))
    return _pounds_of_a_thing(full, _rupees_of_the_country(full, out))


# "859 million pounds of cranberries", "50 pounds of cocaine": a weight, where the model says money; not
# "5 million pounds of taxpayers' money", "millions of pounds of investment"
_POUNDS_OF_A_THING = re.compile(
    r"\s+of\s+(?!(?:(?:the\s+)?(?:taxpayers?['’]?|public|new|extra|additional|state|government|private|"
    r"lottery|charity|\w+['’]s?)\s+)?(?:money|funding|funds?|cash|investment|aid|revenue|income|spending|"
    r"debt|savings|cuts|damages?|loss(?:es)?|profits?|contracts?|budget|tax(?:es|payers['’]?)?|subsid(?:y|ies)|"
    r"grants?|bonus(?:es)?|compensation|donations?|sales|business|deals?|assets|fines?|bills?|value|"
    r"orders|exports|imports|support|trade|earnings|wages|pay)\b)[a-z]"
)


def _pounds_of_a_thing(full: str, out: list[Quantity]) -> list[Quantity]:
    """A sum in pounds, the word, that is followed by "of" and a thing not money is a weight."""
    return [
        replace(q, kind="measure", unit="pound")
        if q.kind == "money"
        and q.unit == "GBP"
        and re.search(r"\bpounds?$", q.text, re.I)
        and _POUNDS_OF_A_THING.match(full, q.end)
        else q
        for q in out
    ]


# "Rs" and "rupees" are the money of several countries; the article's country says whose, India's when it
# names none of the others more often (the ₹ sign and "INR" are India's alone)
_RUPEE_COUNTRIES = {
    "PKR": re.compile(
        r"\bPakistan(?:i|is)?\b|\b(?:Karachi|Lahore|Islamabad|Rawalpindi|Peshawar|Quetta|Faisalabad|Multan|Sindh|"
        r"Balochistan|Khyber Pakhtunkhwa)\b"
    ),
    "LKR": re.compile(r"\bSri\s+Lanka(?:n|ns)?\b|\b(?:Colombo|Kandy|Jaffna)\b"),
    "NPR": re.compile(r"\bNepal(?:i|is|ese)?\b|\b(?:Kathmandu|Pokhara)\b"),
    "MUR": re.compile(r"\bMauriti(?:us|an|ans)\b|\bPort\s+Louis\b"),
    "SCR": re.compile(r"\bSeychell(?:es|ois)\b"),
    "INR": re.compile(
        r"\bIndia(?:n|ns)?\b|\b(?:New\s+Delhi|Delhi|Mumbai|Kolkata|Chennai|Bengaluru|Bangalore|Maharashtra|"
        r"Uttar\s+Pradesh|Kerala|Gujarat)\b"
    ),
}
_RUPEES_WRITTEN = re.compile(r"\bRs\b\.?|\brupees?\b", re.I)
_INDIA_NAMED = re.compile(r"₹|\bINR\b|\bIndian\s+rupees?\b", re.I)


def _rupees_of_the_country(full: str, out: list[Quantity]) -> list[Quantity]:
    """Sums in "Rs" or "rupees" are in the currency of the country the article names most: "Rs 5 billion" in
    a piece on Karachi is PKR. India's when no other rupee country is named more often than India."""
    rupees = [
        k
        for k, q in enumerate(out)
        if q.unit == "INR"
        and _RUPEES_WRITTEN.search(full, max(0, q.start - 4), q.end + 8)
        and not _INDIA_NAMED.search(full, max(0, q.start - 8), q.end + 16)
    ]
    if not rupees:
        return out
    counts = {code: len(rx.findall(full)) for code, rx in _RUPEE_COUNTRIES.items()}
    code = max(counts, key=lambda c: (counts[c], c == "INR"))
    if code == "INR" or counts[code] <= counts["INR"]:
        return out
    return [replace(q, unit=code) if k in rupees else q for k, q in enumerate(out)]


# The words of a casualty right after a figure: "left nine dead", "TWO DEAD, 16 INJURED", "the 53 wounded"
_TOLL_AFTER = re.compile(r"\s+(?:dead|killed|injured|wounded|hurt|missing)\b", re.I)


def _tolls(doc: Doc, full: str, out: list[Quantity]) -> list[Quantity]:
    """A count of a casualty toll that names no noun counts people: "the assaults that killed 130 in
    Paris", "killing 15", "in which 100,000 died", "left nine dead", "16 INJURED". Not before "of" ("killed
    15 of them": of what, the words after say)."""
    result = []
    for q in out:
        if q.kind != "count" or q.unit is not None or re.match(r"\s+of\b", full[q.end : q.end + 4]):
            result.append(q)
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        tok = span.root if span is not None else None
        verb = tok.head.lemma_.lower() if tok is not None and tok.head.pos_ in ("VERB", "AUX") else ""
        toll = _TOLL_AFTER.match(full, q.end) is not None or (
            tok is not None
            and ((tok.dep_ == "dobj" and verb in _TOLL_VERBS) or
                 (tok.dep_ in ("nsubj", "nsubjpass") and verb in _TOLL_SUBJECT_VERBS))
        )  # fmt: skip
        result.append(replace(q, unit="people") if toll else q)
    return result


# What a figure may be "a"/"an"/"each"/"every" of, as a rate ("$15 an hour", "$42.46 a barrel", "163 pesos
# a day"); after "per" any word is ("$2.90 per $10,000" is not: a figure follows)
_RATE_NOUNS = frozenset(
    "second minute hour day night week month quarter year decade share barrel gallon ounce pound ton tonne "
    "kilo kilogram kg litre liter person head episode game ticket plate unit household family student "
    "patient visit mile kilometre kilometer".split()
)
_PER = re.compile(
    r"(?:\s*[-–]\s*|\s+)(?P<word>a|an|per|each|every)(?:\s*[-–]\s*|\s+)"
    r"(?P<per>(?:thousand|million|billion)\s+cubic\s+feet|(?:cubic|square)\s+(?:foot|feet|metres?|meters?|"
    r"miles?|kilometres?|kilometers?)|[a-z][a-z-]*[a-z])\b",
    re.I,
)
# After the unit of a rate: not a time back or ahead ("500 million a year ago", "a year-old …", "a year
# earlier"), nor its possessive ("a day's pay")
_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w'’-]*)")
_NOT_A_RATE_AFTER = re.compile(r"['’]s\b|\s+(?:ago|earlier|later|before|after|old|from\s+now)\b|-old\b", re.I)


def _singular_word(word: str) -> str:
    low = re.sub(r"\s+", " ", word.lower())
    if low.endswith("feet"):
        return low[:-4] + "foot"  # "thousand cubic feet", "square feet"
    return low[:-1] if low.endswith("s") and not low.endswith("ss") and len(low) > 3 else low


def _rates(full: str, out: list[Quantity]) -> list[Quantity]:
    """A figure right before "a"/"an"/"per"/"each"/"every" and what it is per is a rate: "$15 an hour",
    "$15-an-hour", "$1.78 per share", "$1,349 an ounce", "$2.86 per thousand cubic feet", "10,000 a
    year"."""
    result = []
    for q in out:
        at = q.end
        if q.unit and q.kind in ("count", "money"):
            # the unit written after the figure: "163 pesos a day", "500 Syrian refugees a month"
            last, pos = q.unit.split()[-1], q.end
            for _ in range(4):
                w = _WORD_AFTER.match(full, pos)
                if w is None:
                    break
                pos = w.end()
                if _singular_word(w[1]) in (last, _singular_word(last)) or w[1].lower() == last:
                    at = pos
                    break
        m = _PER.match(full, at)
        if m is None or _NOT_A_RATE_AFTER.match(full, m.end()):
            result.append(q)
            continue
        per: str | None = m["per"].lower()
        if m["word"].lower() != "per":
            per = per if per in _RATE_NOUNS else None  # "sold at $15 a piece"
        elif per in ("cent", "cents", "centum", "annum"):
            per = "year" if per == "annum" else None  # "5 per cent" is a percent
        result.append(replace(q, per=_singular_word(per)) if per else q)
    return result


# What a figure without a noun may stand after when it counts the same thing as the figure before it:
# "Trump has 221 delegates. Cruz has 69", "she will win at least 56", "leads 1,428 to 1,153"
_ELIDED_HEADS = frozenset(
    "have win get gain pick take need add lose reach receive secure collect earn".split()
)


# "eight of nine states", "23 of the 53 soldiers": the part counts what the whole counts
_PART_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|these\s+|those\s+|its\s+|their\s+)?", re.I)
# "39 more than needed", "hundreds more", "the 270 needed to win": a figure of the thing just counted
_MORE_AFTER = re.compile(r"\s+(?:more|fewer|less|needed)\b(?!\s+(?:than\s+)?(?:\d|a\b|an\b))", re.I)


# The words that set a figure against the one before: "568 billionaires to America's 535"
_COMPARED_TO = frozenset("to than versus vs vs. against".split())


# Toll verbs whose subject is the casualty ("100,000 died", "12 were killed"), unlike "the bomb killed"
_TOLL_SUBJECT_VERBS = frozenset("die kill wound injure hurt perish drown".split())


# The verbs of a casualty toll, whose second figure counts what the first counted
_TOLL_VERBS = frozenset(
    "wound injure hurt kill die miss capture detain arrest displace evacuate rescue hospitalize hospitalise "
    "abduct kidnap".split()
)


def _elided_units(doc: Doc, full: str, out: list[Quantity]) -> list[Quantity]:
    """A count without a unit, in a clause that only repeats the one before, counts what the last count
    with a unit counts: "Trump has 221 delegates, Cruz has 69" (69 delegates). Only a count that is the
    object of one of _ELIDED_HEADS (or the second side of "N to M"), or the subject of a toll verb joined to
    the verb of that count ("12 people were killed and 45 wounded"), in that count's sentence or the next
    (same paragraph), with no other figure between; in the same sentence also the other side of a
    comparison ("568 billionaires to America's 535"), a name and a figure with the verb left out ("Cruz
    465"), and a figure followed by "more" or "needed" ("wounded 56 more"). Before all that, a part counts
    what the whole right after it counts ("eight of nine states")."""
    result = list(out)
    for k, q in enumerate(out[:-1]):
        nxt = out[k + 1]
        if (
            q.kind == nxt.kind == "count"
            and q.unit is None
            and nxt.unit is not None
            and _PART_OF.fullmatch(full, q.end, nxt.start)
        ):
            result[k] = replace(q, unit=nxt.unit)  # "in eight of nine states": eight states
    for k, q in enumerate(result):
        if q.kind != "count" or q.unit is not None or k == 0:
            continue
        prev = result[k - 1]
        if prev.kind != "count" or prev.unit is None or "\n" in full[prev.end : q.start]:
            continue
        if len(re.findall(r"[.!?](?:\s|$)", full[prev.end : q.start])) > 1:
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            continue
        tok = span.root
        head = tok.head
        was = doc.char_span(prev.start, prev.end, alignment_mode="expand")
        # "568 billionaires to America's 535", "25 million votes, compared with 16 million", "30 more
        # delegates, out of 247 at stake": the other side of a comparison, in the same sentence
        compared = (
            tok.dep_ == "pobj"
            and was is not None
            and was.sent.start == span.sent.start
            and (
                (head.lower_ in _COMPARED_TO and head.head.i == was.root.head.i)
                or (head.lower_ in ("with", "to") and head.head.lower_ in ("compared", "comparison"))
                or (head.lower_ == "of" and head.head.lower_ == "out")
            )
        )
        if tok.dep_ == "pobj" and not compared:
            if head.lower_ != "with":
                continue  # "a win at 189" (a weight class), "one of six programs"
            head = head.head  # "Cruz has 11 delegates, Rubio with 10"
        if "respectively" in span.sent.text:
            continue  # "17, 10 and six, respectively": each counts its own thing, in order
        if re.match(r"\s+of\b", full[q.end : q.end + 4]):
            continue  # "win at least eight of them": of what, the words after say
        if was is not None and any(t.dep_ == "relcl" for t in (was.root, was.root.head, was.root.head.head)):
            continue  # "Acapulco, which has 847,735 citizens, had 883": the figure before only describes
        before = full[max(0, q.start - 6) : q.start]
        toll = (  # "12 people were killed and 45 wounded", "five soldiers died and 12 were injured"
            tok.dep_ in ("nsubj", "nsubjpass")
            and head.dep_ == "conj"
            and head.lemma_.lower() in _TOLL_VERBS
            and was is not None
            and was.root.head.dep_ in ("nsubj", "nsubjpass")
            and was.root.head.head.i == head.head.i
        )
        # "Trump has 739 delegates, Cruz 465 and Kasich 143": a name and a figure, the verb left out
        gapped = (
            tok.dep_ == "nummod"
            and head.i < tok.i
            and head.pos_ == "PROPN"
            and head.dep_ in ("appos", "conj")
            and was is not None
            and was.sent.start == span.sent.start
        )
        # "309 electoral votes, 39 more than needed", "shot dead 100 demonstrators and injured hundreds
        # more": the same thing again, in the same sentence
        more = (
            _MORE_AFTER.match(full, q.end) is not None
            and was is not None
            and was.sent.start == span.sent.start
        )
        if more or gapped or compared or toll or (re.search(r"\bto\s+$", before) and prev.end >= q.start - 6):
            pass  # one of the cases above, or "1,428 to 1,153"
        elif not (tok.dep_ in ("dobj", "pobj", "attr", "conj") and head.lemma_.lower() in _ELIDED_HEADS):
            continue
        result[k] = replace(q, unit=prev.unit)
    return result


# Verbs (lemmas) whose "from X to Y" is a figure changing: the levels of _CHANGE_VERBS and revisions.
_CHANGED = _CHANGE_VERBS | frozenset(
    "revise raise lower cut update reduce boost push bring put double".split()
)
# What may stand between a figure and the "to"/"from" of its change: its own unit ("from 30 people to 45").
_UNIT_GAP = r"(?:\s+[a-z]+){0,2}"
_FROM_TO = re.compile(rf"{_UNIT_GAP}\s+to\s+$")  # "from [30] … to [45]"
_TO_FROM = re.compile(rf"{_UNIT_GAP},?\s+from\s+$")  # "to [45] from [30]"
# "[45] people were killed in the strike, up from [30]": within the sentence, no other figure between
_UP_FROM = re.compile(r"[^.;!?\n]{0,120}?,?\s+(?:up|down)\s+from\s+$")
_WORD_BEFORE = re.compile(r"\b(from|to)\s+$", re.I)


def _changes(doc: Doc, full: str, out: list[Quantity]) -> list[Quantity]:
    """Each figure a change reached, linked (``previous``) to the figure it changed from: "rose from 30 to
    45", "rose to 45 from 30", "45, up from 30 a week earlier". Only between two figures of one kind and
    unit, and for "from … to" only after a verb of change or revision ("ages from 30 to 45" is no change)."""

    def changed(at: int) -> bool:
        tok = doc.char_span(at, at + 1, alignment_mode="expand")
        if tok is None:
            return False
        head = tok.root.head
        for _ in range(3):
            if head.lemma_.lower() in _CHANGED:
                return True
            if head.head.i == head.i:
                break
            head = head.head
        return False

    for k in range(len(out) - 1):
        x, y = out[k], out[k + 1]
        if x.kind != y.kind or (x.unit and y.unit and x.unit != y.unit) or y.start < x.end:
            continue
        gap = full[x.end : y.start]
        lo = max(0, x.start - 8)
        word = _WORD_BEFORE.search(full, lo, x.start)  # "from" or "to" right before the first figure
        # the two figures of a change count the same thing: "3,000 troops, up from 1,500"
        unit = x.unit or y.unit
        if word and word[1].lower() == "from" and _FROM_TO.fullmatch(gap) and changed(word.start()):
            out[k], out[k + 1] = replace(x, unit=unit), replace(y, previous=k, unit=unit)
            continue
        if _UP_FROM.fullmatch(gap) or (
            word and word[1].lower() == "to" and _TO_FROM.fullmatch(gap) and changed(word.start())
        ):
            out[k], out[k + 1] = replace(x, previous=k + 1, unit=unit), replace(y, unit=unit)
    return out


def _verb(tok: Token) -> Token:
    """The verb governing a token (the token itself when none is found within a few steps)."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def situate(
    doc: Doc, quantities: list[Quantity], times: list[TimeExpr], claims: list[Claim]
) -> list[Quantity]:
    """Each quantity with the claim whose content holds it and the dated time expression of its clause
    (else of its sentence, else of its claim), so figures from different reports can be compared as of a
    date."""
    dated = [
        i for i, t in enumerate(times) if t.type in ("DATE", "TIME") and timex_bounds(t.value)[0] is not None
    ]
    verb_of: dict[int, int] = {}
    for i in dated:
        span = doc.char_span(times[i].start, times[i].end, alignment_mode="expand")
        if span is not None:
            verb_of[i] = _verb(span.root).i
    # A time in a clause that modifies a figure or the noun it counts is that figure's own ("up from 30
    # reported on Thursday", "the 12,000 troops sent in October"), not its neighbours'.
    spans = [doc.char_span(q.start, q.end, alignment_mode="expand") for q in quantities]
    heads: dict[int, int] = {}  # token index of a figure or its counted noun -> the figure's index
    for k, span in enumerate(spans):
        if span is not None:
            heads.update((t.i, k) for t in span)
            if span.root.dep_ == "nummod":
                heads.setdefault(span.root.head.i, k)
    attached = {
        i: heads[doc[v].head.i]
        for i, v in verb_of.items()
        if doc[v].dep_ in ("acl", "relcl") and doc[v].head.i in heads
    }
    out = []
    for k0, q in enumerate(quantities):
        inside = [k for k, c in enumerate(claims) if c.content.start <= q.start and q.end <= c.content.end]
        claim = min(inside, key=lambda k: claims[k].content.end - claims[k].content.start) if inside else None
        time = None
        span = spans[k0]
        if span is not None:
            sent = span.sent
            here = [
                i
                for i in dated
                if sent.start_char <= times[i].start < sent.end_char and attached.get(i, k0) == k0
            ]
            verb = _verb(span.root).i
            own = [i for i in here if attached.get(i) == k0] or [i for i in here if verb_of.get(i) == verb]
            pool = own or here
            if not pool and claim is not None:
                c = claims[claim]
                pool = [i for i in dated if c.start <= times[i].start < c.end]
            if pool:
                time = min(pool, key=lambda i: abs(times[i].start - q.start))
        out.append(replace(q, time=time, claim=claim))
    return out
