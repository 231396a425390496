"""Entity mentions: spaCy NER, corrected and linked to canonical entities through the gazetteer.

Steps, per article:

1. Candidate spans: the model's PERSON, ORG, GPE, LOC, FAC and NORP entities (trimmed of a possessive and
   of dangling dateline punctuation, "South Korea -"), and every alias of a known actor (data/actors.tsv),
   which wins over an overlapping model span whatever label the model gave it (Yonhap as NORP/PERSON).
2. Context: the countries and US states named unambiguously anywhere in the article.
3. Each span is typed and linked:
   * actors → media / intel / armed_force / gov / org, with their fixed ids; a seat of power ("the Kremlin",
     "the White House") is the government of its country (``gov:RU``);
   * country names and demonyms → ``country:XX`` with the country's point; "the North" / "the South" →
     the North/South-named country already in the article;
   * places → the best gazetteer candidate: population prior, plus the article's countries and states, plus
     an explicit state after a comma ("Springfield, Ill."); a capital city used as an actor (subject of a
     verb, possessor, "Pyongyang and Moscow have …") is its country's government;
   * model errors: a one-word PERSON that is a well-known place and no person's name in the article (Kyiv)
     becomes the place; a one-word ORG that is the surname of a person named in the article (Trump) becomes
     that person; a place name opening an ORG or FAC ("Toronto Police") is also given as a place;
   * people: a surname or full name repeated later is the same entity as the first full name.
"""

from __future__ import annotations

import functools
import math
import re
from typing import TYPE_CHECKING

from ..model import Mention
from ..nlp import doc_text
from .gazetteer import Actor, Gazetteer, Place, actor_rows, gazetteer, norm
from .times import names_a_festival

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PREFIXED = re.compile(r"(?i:anti|pro|ex|non|post|pre)-(?=[A-Z])")  # not "Pan-American": the Americas
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})
# Scores: a country outranks all but the biggest cities; a US state sits near a 300,000-people city.
_COUNTRY_BASE = 8.0
_ADMIN1_BASE = 5.5
_ADMIN2_BASE = 4.0
_FOREIGN_DIVISION = 2.0  # a province or county of a country the article never names is a long shot
_MIN_SCORE = 4.0  # below this (a town of 10,000 the context does not support) the name stays unresolved
_SURE_MARGIN = 2.0  # a first-pass choice this far ahead of any rival elsewhere informs the second pass
_STATE_VOTES = 2  # distinct names with a candidate in one US state before it counts as the article's state
_COUNTRY_VOTES = 3  # the same for a country
_ALT_NAME = 2.0  # a former or foreign name (Salisbury for Harare) counts less than a place's own name
_MIN_REGION_POP = 100_000  # a LOC span (regions, seas) names a town only when it is a big one
_CONTINENT_BASE = 8.5
_REGION_BASE = 7.5  # a sea or a region ("the Atlantic") over a town of its name the context does not back
_IN_CONTEXT = 3.0
_STATE_IN_CONTEXT = 1.5
_EXPLICIT_STATE = 6.0
_CAPITAL = 1.0
_PROMINENT_POP = 100_000
# Words that open organisation names and happen to be place names somewhere ("South Kilburn Estate").
_GENERIC_WORDS = frozenset(
    "north south east west central new great royal national general city state union university college"
    " international united federal republic people's upper lower county district council airport center"
    " centre bridge mission temple king officer commerce".split()
)
# Adjectives of continents, which the model tags NORP like nationalities.
_CONTINENT_ADJ = {
    "european": "Europe",
    "african": "Africa",
    "asian": "Asia",
    "north american": "North America",
    "south american": "South America",
    "oceanian": "Oceania",
    "antarctic": "Antarctica",
}


def country_code(name: str) -> str | None:
    """ISO 3166 alpha-2 code for a country name, alias or demonym; None when it is not one."""
    return gazetteer().country_code(name)


def country_name(code: str) -> str:
    place = gazetteer().countries.get(code)
    return place.name if place else code


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _trim(full: str, start: int, end: int) -> tuple[int, int]:
    """Drop a trailing possessive and dangling punctuation that the model sometimes swallows."""
    text = full[start:end]
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            end -= len(suffix)
            text = text[: -len(suffix)]
    stripped = text.rstrip(" -–—,:;")
    end -= len(text) - len(stripped)
    lead = len(stripped) - len(stripped.lstrip(' -–—,:;"“'))
    return start + lead, end


@functools.cache
def _actor_pattern() -> re.Pattern[str]:
    """One regex over every actor alias, longest first, as whole words and case-sensitive (proper names)."""
    aliases = set()
    for f in actor_rows():
        aliases.add(f[2])
        aliases.update(a for a in f[4].split("|") if a)
    alts = sorted((a for a in aliases if len(a) >= 2), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w]|\.\w)")


# A dateline opening a paragraph or following the headline on the same line: "NEWARK, N.J. (AP) —",
# "BEIRUT —", "TORRINGTON -- ", "BEIRUT: ".
_DATELINE = re.compile(
    r"(?m)(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s))[ \t]*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})"  # the place
    r"(?=(?:,[ A-Za-z.]{2,20}(?: \d{1,2})?)?"  # ", N.J.", ", April 5"
    r"[ \t]*(?:\([A-Za-z. ]{1,30}\)[ \t]*)?"  # "(AP)"
    r"(?:—|–|--?|_|:|\ufffd)[ \t(])"  # the dash (or its mojibake), or a colon ("BEIRUT: The body of …")
)


def _and_names() -> list[tuple[str, str, str, str]]:
    """Country names (lookup keys) with one "and" in them, with their code and their two halves:
    ("trinidad and tobago", "TT", "trinidad", "tobago")."""
    out = []
    for key, code in gazetteer().country_by_name.items():
        halves = key.split(" and ")
        if len(halves) == 2:
            out.append((key, code, halves[0], halves[1]))
    return out


@functools.cache
def _joined_countries() -> re.Pattern[str]:
    """Country names with an "and" in them, except where both halves are countries ("Serbia and
    Montenegro" is now two)."""
    names = gazetteer().country_by_name
    keys = [
        r"\s+".join(re.escape(w) for w in key.split())
        for key, _, first, second in _and_names()
        if not (first in names and second in names)
    ]
    return re.compile(r"(?i)\b(?:" + "|".join(sorted(keys, key=len, reverse=True)) + r")\b")


@functools.cache
def _first_halves() -> dict[str, str]:
    """The first half of a country name with "and" that is no country itself ("trinidad" → TT)."""
    names = gazetteer().country_by_name
    out: dict[str, str] = {}
    for _, code, first, _second in _and_names():
        if first not in names and " " not in first:
            out.setdefault(first, code)
    return out


class _Span:
    __slots__ = ("end", "label", "span", "start")

    def __init__(self, start: int, end: int, label: str, span: Span | None) -> None:
        self.start, self.end, self.label, self.span = start, end, label, span


def _candidate_spans(doc: Doc, full: str) -> list[_Span]:
    spans: list[_Span] = []
    for m in _actor_pattern().finditer(full):
        spans.append(_Span(m.start(), m.end(), "ACTOR", None))
    taken = [(s.start, s.end) for s in spans]
    for ent in doc.ents:
        label = ent.label_
        if (
            label == "LANGUAGE"
            and len(ent) == 1
            and ent.end < len(doc)
            and doc[ent.end].pos_ in ("NOUN", "PROPN")
        ):
            # "the English city of Salisbury": a language name before a noun is the people's adjective
            label = "NORP" if gazetteer().is_demonym(ent.text) else label
        if label not in _LABELS:
            continue
        start, end = _trim(full, ent.start_char, ent.end_char)
        if label == "NORP":
            # "anti-Russian", "ex-Soviet", "pro-Kurdish": the people's adjective after the prefix
            pre = _PREFIXED.match(full, start, end)
            if pre:
                start = pre.end()
        if end <= start or names_a_festival(full[start:end]):
            continue  # "Rosh Hashanah", "Nowruz", "Diwali": a day (see times), not a person, group or place
        if not re.search(r"[^\W\d_]", full[start:end]):
            continue  # no letter in it: "25/12/2023", which the model tags a place
        if any(a < end and start < b for a, b in taken):
            continue  # an actor alias wins over the model's span, whatever label it gave
        spans.append(_Span(start, end, label, ent))
    for m in _joined_countries().finditer(full):
        a, b = m.span()
        if full[a].isupper() and not any(x.label == "ACTOR" and x.start < b and a < x.end for x in spans):
            # "Trinidad and Tobago", "Bosnia and Herzegovina": one country the model cut in two
            spans = [x for x in spans if not (x.start < b and a < x.end)]
            spans.append(_Span(a, b, "GPE", doc.char_span(a, b)))
    for m in _DATELINE.finditer(full):
        a, b = m.span(1)
        inside = [x for x in spans if a <= x.start and x.end <= b and x.label != "ACTOR"]
        if (
            inside
            and len(inside) == sum(x.start < b and a < x.end for x in spans)
            and gazetteer().candidates(full[a:b])
        ):
            # "ST. LOUIS –" that the model cut in two: the dateline is the place
            spans = [x for x in spans if x not in inside]
        if not any(x.start < b and a < x.end for x in spans):
            spans.append(_Span(a, b, "DATELINE", None))  # a place when the gazetteer knows it, else nothing
    taken = [(s.start, s.end) for s in spans]
    gaz = _gazetteer_spans(doc, full, taken)
    spans.extend(gaz)
    taken += [(s.start, s.end) for s in gaz]
    spans.extend(_demonym_spans(doc, taken))
    spans.sort(key=lambda s: (s.start, -s.end))
    return spans


def _demonym_spans(doc: Doc, taken: list[tuple[int, int]]) -> list[_Span]:
    """Peoples' adjectives the model left untagged ("Russian-made", "Kurdish fighters"): NORP spans, which
    link to their country."""
    gz = gazetteer()
    out: list[_Span] = []
    for t in doc:
        if t.ent_type_ or not t.text[:1].isupper() or t.pos_ not in ("ADJ", "PROPN", "NOUN"):
            continue
        a, b = t.idx, t.idx + len(t)
        if any(x < b and a < y for x, y in taken):
            continue
        before_noun = t.i + 1 < len(doc) and doc[t.i + 1].pos_ in ("NOUN", "PROPN")
        if gz.is_demonym(t.text) or (before_noun and _demonym_place(t.text, gz, {}) is not None):
            out.append(_Span(a, b, "NORP", doc[t.i : t.i + 1]))
    return out


def _gazetteer_spans(doc: Doc, full: str, taken: list[tuple[int, int]]) -> list[_Span]:
    """Proper-noun runs the model left untagged that name a gazetteer place ("Fargo", "Walker County");
    they are resolved under a stricter rule (label GAZ)."""
    gz = gazetteer()
    out: list[_Span] = []
    toks = [t for t in doc if not t.ent_type_]
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.pos_ != "PROPN" or not t.text[:1].isupper():
            i += 1
            continue
        for n in (3, 2, 1):
            run = toks[i : i + n]
            if len(run) < n or any(r.i - run[0].i != k for k, r in enumerate(run)):
                continue
            if any(r.pos_ != "PROPN" for r in run):
                continue
            a, b = run[0].idx, run[-1].idx + len(run[-1])
            if any(x < b and a < y for x, y in taken):
                continue
            cands = gz.candidates(full[a:b])
            if run[0].is_sent_start:
                cands = _prominent(cands)  # any capitalised word opens a sentence: only well-known places
            if cands:
                out.append(_Span(a, b, "GAZ", doc.char_span(a, b)))
                i += n - 1
                break
        i += 1
    return out


def _is_actor_use(span: Span | None) -> bool:
    """A place name used as a doer: the subject of a verb, a possessor, or joined to one ("A and B said")."""
    if span is None:
        return False
    root = span.root
    dep = root.dep_
    if dep == "conj":
        head = root.head
        while head.dep_ == "conj":
            head = head.head
        dep = head.dep_
    if dep == "pobj" and root.head.lower_ == "by":
        return True  # "the move by Pyongyang", "was condemned by Seoul"
    if dep not in _SUBJECT_DEPS:
        return False
    return not (dep == "poss" and root.head.ent_type_ in ("GPE", "LOC", "FAC"))


def _explicit_state(full: str, end: int, gz: Gazetteer) -> str | None:
    """US state written right after a place, ``Springfield, Ill.`` / ``Austin, Texas``."""
    m = re.match(r",\s*((?:[A-Z][a-z]*\.?\s?){1,3})", full[end : end + 24])
    if not m:
        return None
    words = m.group(1).strip()
    for cut in range(len(words), 0, -1):
        code = gz.state_code(words[:cut])
        if code:
            if _LIST_GOES_ON.match(full, end + m.start(1) + cut):
                return None  # "Washington, New York and Boston": the next item of a list, not a state
            return code
    return None


_LIST_GOES_ON = re.compile(r"\s+(?:and|or|&)\s+[A-Z]")


def _score(p: Place, countries: dict[str, int], states: dict[str, int], explicit: str | None) -> float:
    if p.kind == "country":
        s = _COUNTRY_BASE
    elif p.kind == "admin1":
        s = _ADMIN1_BASE
    elif p.kind == "admin2":
        s = _ADMIN2_BASE
    elif p.kind == "continent":
        s = _CONTINENT_BASE
    elif p.kind == "region":
        s = _REGION_BASE
    else:
        s = math.log10(p.population + 1)
        if p.capital_of:
            s += _CAPITAL
    if p.alt:
        s -= _ALT_NAME
    if p.country and p.country in countries:
        s += _IN_CONTEXT
    elif p.kind in ("admin1", "admin2"):
        s -= _FOREIGN_DIVISION
    if p.country == "US" and p.admin1:
        # ", Ga." after a town names its state; after a state it is the next item of a list ("Alaska,
        # Hawaii, Florida"), not the state Alaska lies in
        if explicit is not None and p.kind != "admin1":
            s += _EXPLICIT_STATE if p.admin1 == explicit else -_EXPLICIT_STATE
        elif p.admin1 in states:
            s += _STATE_IN_CONTEXT
    return s


# A direction or part before a place name ("South Los Angeles", "northeast Georgia", "Greater London") and
# a kind of division after it ("Fargo City", "Oaxaca State", "Kermanshah province"): when the whole name is
# not in the gazetteer, the place it is part of is (within the 161 km a geoparser is judged by, mostly).
_PART_OF = re.compile(
    r"(?i)^(?:the\s+)?(?:(?:north|south|east|west)(?:[- ]?(?:east|west))?|northern|southern|eastern|western|"
    r"central|upper|lower|greater|downtown|metro|metropolitan|suburban|outer|inner|rural|coastal)\s+(?P<rest>.+)$"
)
_DIVISION_AFTER = re.compile(
    r"^(?P<rest>.+?)\s+(?:[Cc]ity|[Ss]tate|[Pp]rovince|[Vv]illage|[Tt]own|[Tt]ownship|[Mm]unicipality|[Rr]egion|"
    r"[Dd]istrict|[Oo]blast|[Gg]overnorate|[Pp]refecture)$"
)

_DIVISION_WORD = re.compile(
    r"\s(?:[Ss]tate|[Pp]rovince|[Rr]egion|[Dd]istrict|[Oo]blast|[Gg]overnorate|[Pp]refecture)$"
)

# Canadian Press abbreviations of the provinces (the dotted forms only: "BC" alone is also "before Christ"),
# as the AP ones of US states are handled in the gazetteer.
_CA_PROVINCE_ABBR = {
    "B.C.": "British Columbia", "Alta.": "Alberta", "Sask.": "Saskatchewan", "Man.": "Manitoba",
    "Ont.": "Ontario", "Que.": "Quebec", "N.B.": "New Brunswick", "N.S.": "Nova Scotia",
    "P.E.I.": "Prince Edward Island", "Nfld.": "Newfoundland and Labrador", "N.W.T.": "Northwest Territories",
}  # fmt: skip


def _place_candidates(text: str, gz: Gazetteer) -> list[Place]:
    province = _CA_PROVINCE_ABBR.get(text.strip())
    if province is not None:
        return [p for p in gz.candidates(province) if p.kind == "admin1" and p.country == "CA"]
    cands = list(gz.candidates(text))
    code = gz.country_by_name.get(norm(text))
    if code and code in gz.countries and gz.countries[code] not in cands:
        cands.append(gz.countries[code])
    if not cands:
        for rx in (_PART_OF, _DIVISION_AFTER):
            m = rx.match(text)
            if m and m["rest"][:1].isupper() and norm(m["rest"]) not in ("america", "americas"):
                # (not "Central America": "America" there is the continent, not the United States)
                rest = m["rest"]
                cands = [p for p in gz.candidates(rest) if p.kind != "continent"]
                if rx is _DIVISION_AFTER and _DIVISION_WORD.search(text):
                    # "New York State", "Oaxaca state": the division, not the city of that name
                    cands = [p for p in cands if p.kind in ("admin1", "admin2")] or cands
                code = gz.country_by_name.get(norm(rest))
                if code and code in gz.countries and gz.countries[code] not in cands:
                    cands.append(gz.countries[code])
                if cands:
                    break
    return cands


def _context(spans: list[_Span], full: str, gz: Gazetteer) -> tuple[dict[str, int], dict[str, int]]:
    """Countries and US states named unambiguously in the article, with counts."""
    countries: dict[str, int] = {}
    states: dict[str, int] = {}
    for s in spans:
        if s.label not in ("GPE", "LOC", "NORP", "ACTOR", "DATELINE"):
            continue
        text = full[s.start : s.end]
        if s.label == "ACTOR":
            actor = gz.actor(text)
            if actor and actor.country:
                countries[actor.country] = countries.get(actor.country, 0) + 1
            continue
        code = gz.country_code(text)
        cands = _place_candidates(text, gz)
        if code and not any(p.kind == "admin1" and p.country == "US" for p in cands):  # "Georgia": not yet
            countries[code] = countries.get(code, 0) + 1
            continue
        if code:
            continue
        ccs = {p.country for p in cands if not p.alt}  # one country for every namesake: unambiguous
        if len(ccs) == 1 and None not in ccs:
            cc = next(iter(ccs))
            assert cc is not None
            countries[cc] = countries.get(cc, 0) + 1
        st = {p.admin1 for p in cands if p.kind == "admin1" and p.country == "US"}
        if any(p.kind == "country" or (p.kind == "city" and p.population >= _PROMINENT_POP) for p in cands):
            st = set()  # "Washington", "New York", "Georgia": the state only if other names say so
        if len(st) == 1:
            code1 = next(iter(st))
            if code1:
                states[code1] = states.get(code1, 0) + 1
                countries["US"] = countries.get("US", 0) + 1
    return countries, states


def _actor_mention(start: int, end: int, text: str, actor: Actor) -> Mention:
    return Mention(
        start, end, text, "ORG", actor.kind, actor.entity_id, actor.name, actor.country, actor.lat, actor.lon
    )


def _country_mention(start: int, end: int, text: str, label: str, code: str, gz: Gazetteer) -> Mention:
    place = gz.countries.get(code)
    if place is None:
        return Mention(start, end, text, label, "country", f"country:{code}", code, code)
    return Mention(
        start, end, text, label, "country", f"country:{code}", place.name, code, place.lat, place.lon
    )


def _place_mention(
    start: int, end: int, text: str, label: str, p: Place, actor_use: bool, gz: Gazetteer
) -> Mention:
    if p.kind == "country" and p.country:
        return _country_mention(start, end, text, label, p.country, gz)
    if actor_use and p.capital_of:
        cname = gz.countries[p.capital_of].name if p.capital_of in gz.countries else p.capital_of
        return Mention(
            start,
            end,
            text,
            label,
            "gov",
            f"gov:{p.capital_of}",
            f"Government of {cname}",
            p.capital_of,
            p.lat,
            p.lon,
        )
    return Mention(start, end, text, label, "place", p.gid, p.name, p.country, p.lat, p.lon)


def _best(
    cands: list[Place], countries: dict[str, int], states: dict[str, int], explicit: str | None
) -> Place:
    return max(cands, key=lambda p: (_score(p, countries, states, explicit), p.population))


def _embedded_place(
    full: str, s: _Span, gz: Gazetteer, countries: dict[str, int], states: dict[str, int]
) -> Mention | None:
    """A place name opening an organisation or facility name ("Toronto Police Service")."""
    words = list(re.finditer(r"[A-Z][\w'’.-]*", full[s.start : s.end]))
    if words and words[0].group(0) == "The":
        words.pop(0)
    if (
        not words
        or words[0].start() not in (0, 4)
        or (words[0].start() == 4 and full[s.start : s.start + 4].lower() != "the ")
    ):
        return None
    for n in range(min(3, len(words) - 1), 0, -1):
        a, b = s.start + words[0].start(), s.start + words[n - 1].end()
        text = full[a:b]
        if full[b : b + 4] == " of ":
            continue  # "University of California": the first word is the kind of body, not a place
        code = gz.country_code(text)
        if code and not gz.is_demonym(text) and not _foreign_division(text, code, gz):
            return _country_mention(a, b, text, "GPE", code, gz)
        if norm(text) in _GENERIC_WORDS:
            continue
        cands = [p for p in _place_candidates(text, gz) if p.kind != "city" or p.population >= 15000]
        if cands:
            best = _best(cands, countries, states, None)
            if _score(best, countries, states, None) >= _MIN_SCORE:
                return _place_mention(a, b, text, "GPE", best, False, gz)
    return None


_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|from|into|across|around|toward|towards|through|throughout|within|between)"
    r"\s+(?:the\s+)?$"
)


_DEMONYM_ENDINGS = (("ian", ("ia", "", "e")), ("an", ("a", "", "as")), ("i", ("",)), ("ese", ("",)),
                    ("ish", ("istan", "")), ("", ("ia", "istan")))  # fmt: skip


def _demonym_place(text: str, gz: Gazetteer, countries: dict[str, int]) -> Place | None:
    """The region or country a people's adjective names when no country list has it: "Dagestani" →
    Dagestan, "South Ossetian" → South Ossetia, "Abkhaz" → Abkhazia, "Kurdish" → Kurdistan. Only divisions
    and countries (never a town that happens to share the stem), the article's countries first."""
    words = text.split()
    if not words or not all(w[:1].isupper() for w in words):
        return None
    last = words[-1]
    for ending, replacements in _DEMONYM_ENDINGS:
        if not last.endswith(ending) or len(last) - len(ending) < 4:
            continue
        stem = last[: len(last) - len(ending)] if ending else last
        for rep in replacements:
            name = " ".join([*words[:-1], stem + rep])
            cands = [p for p in _place_candidates(name, gz) if p.kind in ("country", "admin1") and not p.alt]
            if cands:
                return max(cands, key=lambda p: (p.country in countries, p.kind == "country", p.population))
    return None


def _embedded_countries(full: str, s: _Span, gz: Gazetteer, first: Mention | None) -> list[Mention]:
    """Countries and continents an organisation's name carries, wherever they sit in it ("the Kidney
    Foundation of Canada", "DeSmog Canada", "Air France KLM", "the Russian Embassy", "the European Central
    Bank"): each as its own mention inside the organisation's. A name that is also a division of another
    country ("Georgia") is left alone; one of the country's own ("Mexico" the state) is not."""
    out: list[Mention] = []
    words = list(re.finditer(r"[A-Z][\w'’.]*", full[s.start : s.end]))
    first_word = i = 1 if words and words[0].group(0) == "The" else 0
    while i < len(words):
        for n in (2, 1):
            if i + n > len(words):
                continue
            a, b = s.start + words[i].start(), s.start + words[i + n - 1].end()
            text = full[a:b]
            if (n == 2 and full[s.start + words[i].end() : s.start + words[i + 1].start()] != " ") or (
                first is not None and first.start < b and a < first.end
            ):
                continue
            code = gz.country_code(text)
            if code and code in gz.countries:
                if not _foreign_division(text, code, gz):
                    out.append(_country_mention(a, b, text, "GPE", code, gz))
                i += n - 1
                break
            place = _continent(norm(text), gz)
            cont = place is not None
            if place is None and i > first_word and norm(text) not in _GENERIC_WORDS:
                # a big city or a division further into the name ("the Smart Dubai Office", "Baseball
                # Toronto", "the University of Alberta"); a division only when no other has the name
                cands = [p for p in gz.candidates(text) if not p.alt]
                big = [p for p in _prominent(cands) if p.kind == "city"]
                divisions = [p for p in cands if p.kind == "admin1"]
                if len(divisions) == 1 and not big:
                    big = divisions
                place = max(big, key=lambda p: p.population) if big else None
            if place is not None:
                out.append(_place_mention(a, b, text, "NORP" if cont else "GPE", place, False, gz))
                i += n - 1
                break
        i += 1
    return out


def _continent(key: str, gz: Gazetteer) -> Place | None:
    """The continent a continent's adjective names ("european" → Europe), from its normalised key."""
    name = _CONTINENT_ADJ.get(key)
    return next((p for p in gz.candidates(name) if p.kind == "continent"), None) if name else None


def _foreign_division(text: str, code: str, gz: Gazetteer) -> bool:
    """The name is also a division of another country ("Georgia" the US state)."""
    return any(p.kind == "admin1" and p.country != code for p in gz.candidates(text))


def _prominent(cands: list[Place]) -> list[Place]:
    """Candidates strong enough to override the model's PERSON/ORG label: a division, country, continent, or
    a city of 100,000 or a capital."""
    return [p for p in cands if p.kind != "city" or p.population >= _PROMINENT_POP or p.capital_of]


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _resolve_place(
    text: str,
    label: str,
    start: int,
    end: int,
    full: str,
    gz: Gazetteer,
    countries: dict[str, int],
    states: dict[str, int],
    sure: list[Place] | None = None,
) -> Place | None:
    cands = _place_candidates(text, gz)
    if not cands and 2 <= len(text) <= 3 and text.isalpha() and text.isupper():
        # "SA" in a story about South Africa, "NZ", "PNG": the initials of a country the article names
        cands = [
            gz.countries[c]
            for c in countries
            if c in gz.countries and _initials(gz.countries[c].name) == text
        ]
    state = gz.state_code(text) if "." in text or text.isupper() else None
    if state and state in gz.states and (full[max(0, start - 2) : start] == ", " or "." in text):
        cands = [gz.states[state]]  # "Arlington, Va.", "in S.C."
    if label in ("PERSON", "ORG"):
        if _LOCATIVE.search(full, max(0, start - 16), start) or _explicit_state(full, end, gz):
            # "in Torrington", "Roswell, Ga.": a place the model took for a name, when the article's
            # countries back it (or it is a big one)
            cands = [p for p in cands if p.kind != "city" or p.country in countries or p.population >= 15000]
        else:
            cands = _prominent(cands)
    elif label == "GAZ":
        # Untagged by the model: a division, a country, or a town in a country the article names; one word
        # (often a surname or a common noun: "Scott", "Commerce") only for a town of 15,000 or with its state.
        one = " " not in text
        if one and (len(text) < 4 or norm(text) in _GENERIC_WORDS):
            return None
        explicit_state = _explicit_state(full, end, gz)
        cands = [
            p
            for p in cands
            if p.kind != "city"
            or (
                p.country in countries
                and (not one or p.population >= 15000 or (explicit_state and p.admin1 == explicit_state))
            )
        ]
    elif label == "LOC":
        # Regions and seas ("the Atlantic", "the Middle East") share names with small towns: a town only
        # when it is big or in a country and state the article is about.
        cands = [
            p
            for p in cands
            if p.kind != "city"
            or p.population >= _MIN_REGION_POP
            or (p.country in countries and (p.country != "US" or p.admin1 in states))
        ]
    elif label == "DATELINE":
        # a dateline names the city the story was filed from ("WASHINGTON (AP) —"), never a state
        cands = [p for p in cands if p.kind == "city"] or cands
    if not cands:
        return None
    if text[:4].lower() == "the " or full[max(0, start - 4) : start].lower() == "the ":
        # "the Atlantic", "the Gulf of Aden": a region or a sea; towns are not named with an article
        cands = [p for p in cands if p.kind == "region"] or cands
    explicit = _explicit_state(full, end, gz)
    ranked = sorted(
        ((_score(p, countries, states, explicit), p.population, p) for p in cands),
        key=lambda t: (t[0], t[1]),
        reverse=True,
    )
    top, best = ranked[0][0], ranked[0][2]
    if top < _MIN_SCORE:
        return None
    if sure is not None:
        rival = next(
            (sc for sc, _, p in ranked[1:] if (p.country, p.admin1) != (best.country, best.admin1)), None
        )
        if rival is None or top - rival >= _SURE_MARGIN:
            sure.append(best)
    return best


def extract_entities(doc: Doc) -> list[Mention]:
    """Entity mentions of a parsed article, with canonical ids.

    Places are resolved twice: the second pass adds to the context the countries and US states of the
    places the first pass was sure of ("Atlanta" makes "Georgia" the state, "Athens" the one in Georgia)."""
    gz = gazetteer()
    full = doc_text(doc)
    spans = _candidate_spans(doc, full)
    countries, states = _context(spans, full, gz)
    sure: list[Place] = []
    _link(spans, full, gz, countries, states, sure)
    _vote(spans, full, gz, countries, states)
    for p in sure:
        if p.country:
            countries[p.country] = countries.get(p.country, 0) + 1
        if p.country == "US" and p.admin1:
            states[p.admin1] = states.get(p.admin1, 0) + 1
    return _one_sense(full, _link(spans, full, gz, countries, states, None))


def _one_sense(full: str, mentions: list[Mention]) -> list[Mention]:
    """One sense per article: a name resolved to a place where the article uses it as one ("in Torrington",
    the dateline) is that place where the model took it for a person or an organisation, or missed it."""
    places: dict[str, Mention] = {}
    for m in mentions:
        if m.kind == "place" and m.lat is not None and m.text[:1].isupper() and len(m.text) >= 4:
            places.setdefault(m.text.lower(), m)
    if not places:
        return mentions
    out: list[Mention] = []
    for m in mentions:
        p = places.get(m.text.lower())
        if p is not None and m.lat is None and m.kind in ("person", "org", "place"):
            m = Mention(m.start, m.end, m.text, "GPE", "place", p.entity_id, p.name, p.country, p.lat, p.lon)
        out.append(m)
    taken = sorted((m.start, m.end) for m in out)
    names = sorted(places, key=len, reverse=True)
    rx = re.compile(r"(?<![\w.-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.IGNORECASE)
    for hit in rx.finditer(full):
        a, b = hit.span()
        word = hit.group(0)
        if not (word[:1].isupper()) or any(x < b and a < y for x, y in taken):
            continue
        p = places[word.lower()]
        out.append(Mention(a, b, word, "GPE", "place", p.entity_id, p.name, p.country, p.lat, p.lon))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _vote(
    spans: list[_Span], full: str, gz: Gazetteer, countries: dict[str, int], states: dict[str, int]
) -> None:
    """Spatial minimality: the US state (and the country) where most of the article's distinct place names
    have a candidate is taken as the article's home, when it clearly leads ("Georgia", "Gainesville",
    "Athens" and "Hall County" together mean the state of Georgia)."""
    state_votes: dict[str, int] = {}
    country_votes: dict[str, int] = {}
    seen: set[str] = set()
    keys: list[str] = []
    for s in spans:
        text = full[s.start : s.end]
        if s.label in ("GPE", "LOC", "GAZ", "PERSON", "DATELINE"):
            keys.append(norm(text))
        elif s.label in ("ORG", "FAC"):  # "Hall County Environmental Health", "the Georgia EPD"
            words = norm(text).split()
            keys.extend(" ".join(words[:n]) for n in (1, 2, 3) if n < len(words))
    for key in keys:
        if key in seen or key in _GENERIC_WORDS or len(key) < 4:
            continue
        seen.add(key)
        cands = gz.candidates(key)
        if any(p.country != "US" and p.country in countries for p in _prominent(cands)):
            cands = [p for p in cands if p.country != "US"]  # "Ontario", "Toronto": no vote for Ohio
        for st in {p.admin1 for p in cands if p.country == "US" and p.admin1}:
            state_votes[st] = state_votes.get(st, 0) + 1
        for cc in {p.country for p in cands if p.country}:
            country_votes[cc] = country_votes.get(cc, 0) + 1
    for votes, ctx, least in (
        (state_votes, states, _STATE_VOTES),
        (country_votes, countries, _COUNTRY_VOTES),
    ):
        ranked = sorted(votes.items(), key=lambda kv: kv[1], reverse=True)
        if ranked and ranked[0][1] >= least and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            ctx[ranked[0][0]] = ctx.get(ranked[0][0], 0) + 1
            if ctx is states:
                countries["US"] = countries.get("US", 0) + 1


def _link(
    spans: list[_Span],
    full: str,
    gz: Gazetteer,
    countries: dict[str, int],
    states: dict[str, int],
    sure: list[Place] | None,
) -> list[Mention]:
    people: dict[str, tuple[str, str]] = {}  # surname -> (entity_id, full name): the first full name wins
    for s in spans:
        text = full[s.start : s.end]
        parts = text.split()
        if (
            s.label == "PERSON"
            and len(parts) >= 2
            and not _prominent(_place_candidates(text, gz))
            and not gz.country_code(parts[-1])
        ):
            people.setdefault(parts[-1].lower(), (f"person:{_slug(' '.join(parts))}", " ".join(parts)))
    mentions: list[Mention] = []
    for s in spans:
        start, end, label = s.start, s.end, s.label
        text = full[start:end]
        actor = gz.actor(text) if label != "LOC" else None
        if actor is not None:
            mentions.append(_actor_mention(start, end, text, actor))
            if actor.kind == "media":  # "The Washington Post": the city it is named after
                emb = _embedded_place(full, s, gz, countries, states)
                if emb is not None:
                    mentions.append(emb)
                mentions.extend(_embedded_countries(full, s, gz, emb))
            continue
        if label == "ACTOR":
            continue
        titled = _HONORIFIC.search(full, max(0, start - 12), start)
        if " " not in text and label in ("GPE", "LOC", "PERSON") and titled:
            # "President Bush", "Mr. Jordan": one name after a personal title is a person, whatever label the
            # model gave it (not Būsh in Egypt, not the country)
            eid, name = people.get(text.lower(), (f"person:{_slug(text)}", text))
            mentions.append(Mention(start, end, text, "PERSON", "person", eid, name))
            continue
        known_person = " " not in text and text.lower() in people
        if known_person and label in ("ORG", "PERSON", "GPE"):
            eid, name = people[text.lower()]
            mentions.append(Mention(start, end, text, "PERSON", "person", eid, name))
            continue
        if label != "FAC":
            code = gz.country_code(text)
            ambiguous = code is not None and any(
                p.kind == "admin1" and p.country == "US" for p in gz.candidates(text)
            )
            lone = " " not in text  # "Azerbaijani" alone is a people's name, whatever label the model gave
            if (
                code
                and not ambiguous
                and not (label in ("ORG", "PERSON") and gz.is_demonym(text) and not lone)
            ):
                mentions.append(_country_mention(start, end, text, label, code, gz))
                continue
        if label == "NORP":
            place = _continent(norm(text).removesuffix("s"), gz)
            if place is None:
                place = _demonym_place(text, gz, countries)
            if place is not None:
                mentions.append(_place_mention(start, end, text, label, place, False, gz))
            continue  # other groups (religions, parties) are not entities here
        if label in _PLACE_LABELS or label in ("PERSON", "ORG", "GAZ", "DATELINE"):
            m = re.fullmatch(r"(?:the )?(North|South|East|West)", text, flags=re.IGNORECASE)
            if m and text.split()[-1].istitle():
                code = _compass_country(m.group(1), countries, gz)
                if code:
                    mentions.append(_country_mention(start, end, text, "GPE", code, gz))
                    continue
            code = _first_halves().get(norm(text)) if label in _PLACE_LABELS else None
            if code in countries:
                # "Trinidad" in a story about Trinidad and Tobago: the country, not a town in Colorado
                mentions.append(_country_mention(start, end, text, label, code, gz))
                continue
            best = _resolve_place(text, label, start, end, full, gz, countries, states, sure)
            if best is not None:
                out_label = label if label in (*_PLACE_LABELS, "GAZ") else "GPE"
                if label == "GAZ" and _score(best, countries, states, None) < _MIN_SCORE + 1:
                    continue
                mentions.append(_place_mention(start, end, text, out_label, best, _is_actor_use(s.span), gz))
                continue
            if label in _PLACE_LABELS:
                mentions.append(Mention(start, end, text, label, "place", f"place:{_slug(text)}", text))
                continue
            if label in ("GAZ", "DATELINE"):
                continue
        if label in ("ORG", "FAC"):
            emb = _embedded_place(full, s, gz, countries, states)
            if emb is not None:
                mentions.append(emb)
            mentions.extend(_embedded_countries(full, s, gz, emb))
        if label == "PERSON":
            eid, name = f"person:{_slug(text)}", text
            mentions.append(Mention(start, end, text, label, "person", eid, name))
        else:
            mentions.append(Mention(start, end, text, label, "org", f"org:{_slug(text)}", text))
    _the_north(full, mentions, countries, gz)
    _titles(full, mentions, gz)
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions


# Personal titles right before a name (capitalised, as written before a name; the longest, with its space,
# is 10 characters, so 12 before the name are enough to look at)
_HONORIFIC = re.compile(
    r"(?<![\w.])(?:President|Mr\.?|Mrs\.?|Ms\.?|Dr\.|Sen\.|Senator|Gov\.|Governor|Rep\.|Gen\.|General"
    r"|Judge|Justice|Secretary|Minister|Pope|King|Queen|Prince|Princess) $"
)
_TITLES = (
    r"president|prime minister|foreign minister|defen[cs]e minister|defen[cs]e secretary|secretary of state"
    r"|chancellor|premier|supreme leader|leader|king|queen|pope|spokesman|spokeswoman|spokesperson"
)
_TITLE_BEFORE = re.compile(
    rf"(?:(?P<who>[A-Z][\w.]*(?: [A-Z][\w.]*){{0,2}}?)(?:'s|’s)? )?(?P<title>{_TITLES}) $", re.IGNORECASE
)
# Any match of _TITLE_BEFORE ends with a title and a space, the longest ("secretary of state ") 19 characters:
# where the last 20 characters hold none, the costly search with its name before the title is not needed
_TITLE_END = re.compile(rf"(?:{_TITLES}) $", re.IGNORECASE)
_TITLE_LATER = re.compile(rf"\b[Tt]he (?:(?P<adj>[A-Z]\w*(?: [A-Z]\w*)?) )?(?P<title>{_TITLES})\b(?! [A-Z])")


def _titles(full: str, mentions: list[Mention], gz: Gazetteer) -> None:
    """Titles as names: "Ukrainian President Volodymyr Zelensky" … "the president" / "the Ukrainian
    president" is the same person, as long as no other holder of that title was named in between."""
    holders: list[tuple[int, str, str | None, Mention]] = []  # position, title, country, person
    for m in mentions:
        if m.kind != "person" or " " not in m.name:
            continue
        before = full[max(0, m.start - 60) : m.start]
        if not _TITLE_END.search(before[-20:]):
            continue
        t = _TITLE_BEFORE.search(before)
        if t and (t.group("title")[0].isupper() or t.group("who")):
            who = t.group("who")
            holders.append((m.start, t.group("title").lower(), gz.country_code(who) if who else None, m))
    if not holders:
        return
    taken = [(m.start, m.end) for m in mentions if m.kind != "country"]  # "the [Ukrainian] president"
    for t in _TITLE_LATER.finditer(full):
        if t.group("title")[0].isupper():
            continue  # "the President Hotel"; a capitalised title is read with its name above
        a, b = t.span()
        title = t.group("title").lower()
        adj = t.group("adj")
        code = gz.country_code(adj) if adj else None
        if adj and not code:
            continue
        fits = [h for h in holders if h[0] < a and h[1] == title and (code is None or h[2] == code)]
        if not fits or any(x < b and a < y for x, y in taken):
            continue
        person = fits[-1][3]
        mentions.append(Mention(a, b, full[a:b], "TITLE", "person", person.entity_id, person.name))


def _compass_country(word: str, countries: dict[str, int], gz: Gazetteer) -> str | None:
    word = word.lower()
    for code in countries:
        place = gz.countries.get(code)
        if place and norm(place.name).startswith(word + " "):
            return code
    return None


def _the_north(full: str, mentions: list[Mention], countries: dict[str, int], gz: Gazetteer) -> None:
    """ "the North" / "the South" for a North/South-named country already in the article (the model does
    not tag them)."""
    taken = [(m.start, m.end) for m in mentions]
    for m in re.finditer(r"\bthe (North|South)\b(?![ -]?[A-Z])", full):
        a, b = m.start(1), m.end(1)
        if any(x < b and a < y for x, y in taken):
            continue
        code = _compass_country(m.group(1), countries, gz)
        if code:
            mentions.append(_country_mention(a, b, full[a:b], "GPE", code, gz))
