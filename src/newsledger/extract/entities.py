"""Entity mentions: spaCy NER, linked to canonical ids.

What this does now: countries (names and demonyms) linked to ISO 3166 alpha-2 through pycountry, with
centroid-free ids ``country:KP``; people linked within the article, so that a short name ("Zelensky")
joins the full name seen earlier ("Volodymyr Zelensky"); other names get a slug id by kind. The
gazetteer of places with coordinates, news agencies and metonymy belong to the entities issue.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ..model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Common English names pycountry does not know as names (it keeps the ISO short names).
_COUNTRY_ALIASES = {
    "russia": "RU",
    "britain": "GB",
    "great britain": "GB",
    "uk": "GB",
    "u.k.": "GB",
    "england": "GB",
    "us": "US",
    "u.s.": "US",
    "usa": "US",
    "america": "US",
    "the united states": "US",
    "syria": "SY",
    "vietnam": "VN",
    "laos": "LA",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "moldova": "MD",
    "taiwan": "TW",
    "palestine": "PS",
    "the netherlands": "NL",
    "holland": "NL",
    "czech republic": "CZ",
    "ivory coast": "CI",
    "turkey": "TR",
    "the philippines": "PH",
    "south korea": "KR",
    "north korea": "KP",
    "korea": "KR",
    "iran": "IR",
    "the uae": "AE",
    "uae": "AE",
}
_DEMONYMS = {
    "american": "US",
    "americans": "US",
    "russian": "RU",
    "russians": "RU",
    "ukrainian": "UA",
    "ukrainians": "UA",
    "chinese": "CN",
    "british": "GB",
    "french": "FR",
    "german": "DE",
    "germans": "DE",
    "israeli": "IL",
    "israelis": "IL",
    "palestinian": "PS",
    "palestinians": "PS",
    "iranian": "IR",
    "iranians": "IR",
    "syrian": "SY",
    "syrians": "SY",
    "japanese": "JP",
    "indian": "IN",
    "pakistani": "PK",
    "turkish": "TR",
    "north korean": "KP",
    "north koreans": "KP",
    "south korean": "KR",
    "south koreans": "KR",
    "korean": "KR",
    "iraqi": "IQ",
    "iraqis": "IQ",
    "afghan": "AF",
    "afghans": "AF",
    "mexican": "MX",
    "canadian": "CA",
    "australian": "AU",
    "italian": "IT",
    "spanish": "ES",
    "polish": "PL",
    "saudi": "SA",
    "egyptian": "EG",
    "lebanese": "LB",
    "cuban": "CU",
    "venezuelan": "VE",
    "brazilian": "BR",
}
_KIND_BY_LABEL = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "other",
}
_KEEP_LABELS = frozenset(_KIND_BY_LABEL)


@functools.cache
def country_code(name: str) -> str | None:
    """ISO 3166 alpha-2 code for a country name, alias or demonym; None when it is not one."""
    import pycountry

    key = " ".join(name.lower().replace("’s", "").replace("'s", "").split()).strip(" -–—,.")
    if key in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[key]
    if key in _DEMONYMS:
        return _DEMONYMS[key]
    if len(key) < 4:
        return None
    try:
        country = pycountry.countries.lookup(key)
    except LookupError:
        return None
    return str(country.alpha_2)


@functools.cache
def country_name(code: str) -> str:
    import pycountry

    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return code
    return str(getattr(c, "common_name", None) or c.name)


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


def extract_entities(doc: Doc) -> list[Mention]:
    """Entity mentions of a parsed article, with canonical ids."""
    mentions: list[Mention] = []
    people: dict[str, tuple[str, str]] = {}  # surname -> (entity_id, full name)
    full = doc.text  # Doc.text rebuilds the string on every call: read it once
    for ent in doc.ents:
        if ent.label_ not in _KEEP_LABELS:
            continue
        start, end = _trim(full, ent.start_char, ent.end_char)
        if end <= start:
            continue
        text = full[start:end]
        kind = _KIND_BY_LABEL[ent.label_]
        code = country_code(text) if ent.label_ in ("GPE", "NORP", "LOC") else None
        if code:
            name = country_name(code)
            mentions.append(Mention(start, end, text, ent.label_, "country", f"country:{code}", name, code))
            continue
        if ent.label_ == "NORP":
            continue  # groups without a country (religions, parties) wait for the entities issue
        name = text
        if kind == "person":
            parts = text.split()
            if len(parts) >= 2:
                eid = f"person:{_slug(text)}"
                people[parts[-1].lower()] = (eid, text)
            elif parts and parts[0].lower() in people:
                eid, name = people[parts[0].lower()]
            else:
                eid = f"person:{_slug(text)}"
        else:
            eid = f"{kind}:{_slug(text)}"
        mentions.append(Mention(start, end, text, ent.label_, kind, eid, name))
    return mentions
