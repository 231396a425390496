"""Consolidation: one story from many reports (docs/CONSOLIDATE.md).

Runs over a store after ingest. Steps:

1. **Copies** — MinHash signatures (datasketch, word 5-gram shingles; kept per article, so only new articles
   are hashed) and LSH candidates; a pair whose estimated Jaccard similarity is ≥ 0.5 is a near-duplicate,
   a wire copy when either carries a wire credit. Copies form report clusters; the earliest article of a
   cluster is its original. Shared passages are the sentences both hold.
2. **Origins** — for each claim: the origin (first link of its chain), the first reporter (the first media
   link after the origin, else the article's wire credit, else the outlet) and the outlet. One person is
   one origin under several names ("Donald J. Trump", "Donald Trump", "Trump"); an unresolved "he" or "who"
   is an origin of its own, shared with no other claim.
3. **Propositions** — claims grouped across articles: identical words (two or more) from one origin joined
   first; then, blocked by the chain's origin, joined when their content words say the same thing (see
   `_same_claim`: two shared words and Jaccard >= 0.3, or most of the shorter in the longer, or a shared
   figure; more for reports a week apart), candidates through each claim's rarest words; a quote two
   reports give seven words in a row the same is one claim whatever speaker each names; then across
   origins when at least three words overlap strongly (corroboration); a claim quoted inside another is
   the same report; a short non-asserting claim ("declined to confirm the report") joins the claim it
   answers.
   Events grouped by type and actor with compatible time and a shared target or place. Each has its
   first-seen date, reports (report clusters), independent sources (distinct origins), independent reports
   (distinct origin × first-reporter pairs) and a corroboration level.
4. **Estimates** — figures of people counted for one actor and purpose (force size, casualties), and any
   other count or sum grouped by what it counts and the words around it (`_loose_groups`), with their
   source and date; contradictions (different sources, dates within 31 days, ranges apart by more than
   15 %) and revisions (one source changing its figure); a conservative value (ACLED practice: the lowest).
5. **Timeline** — dated events (one per event proposition) in time order, with granularity.

Everything is recomputed in one transaction from the stored extractions (blocked, near-linear); the MinHash
signatures are the incremental part.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import json
import math
import re
import zlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from sys import intern
from typing import Any

from .extract.gazetteer import gazetteer
from .store import Store, claim_content
from .timex import timex_bounds
from .unionfind import DisjointSets

NUM_PERM = 64
SCHEME = "affine32"  # stored signatures are only comparable within one scheme
# A stored signature starts with this byte: which shingle hash made it (2 = CRC-32, C speed; signatures
# without it were made with datasketch's SHA-1 and are signed again).
SIGNATURE_VERSION = b"\x02"
SHINGLE = 5
COPY_THRESHOLD = 0.5
CLAIM_JACCARD = 0.3
_CONTAINED = 0.6  # one speaker's two claims are one when 60 % of the shorter one's words are in the other
_CROSS_SHARED = 3  # different speakers agree only on at least three shared content words
_WINDOW = 120  # characters either side of a figure (within its paragraph) read for the words around it
_SMALLEST = 10  # smaller counts ("two states") are estimates only of the dead and the wounded
_IN_TEN = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out of)\s+$", re.I)
_SPREAD = 3  # a group of loose figures spans at most this factor (a chain 5 → 10 → 20 → 40 is not one count)
_BLOCK = 200  # figures in a block compared whole; larger blocks go through rare words
_DISTINCT_FIGURE = 100  # an exact figure this large, repeated, is one count even in other words
_FIGURE_DAYS = 45  # reports of one figure further apart than this are different counts
_SAME_WEEK = 7  # days between two reports of one claim before it needs more words in common
_VERBATIM = 7  # words in a row two contents share word for word: one quote, whoever is named as saying it
MEMBERS_KEPT = 50  # members written into a proposition's JSON (all are in proposition_members)
_RARE_WORDS = 6  # a claim is compared with those sharing one of its six rarest words
ESTIMATE_TOLERANCE = 0.15
CONTRADICTION_DAYS = 31
_MAX_FIGURES = 60  # distinct figures of one group compared for contradictions (the most repeated)

_WORD = re.compile(r"\w+")
_STOP = frozenset(
    "a an the of to in on at for and or but is are was were be been has have had it its this that these those"
    " with by from as he she they we you i his her their our said says say told would will could may might"
    " not no more than also into about after before over".split()
)
_PEOPLE_UNITS = {
    "soldier": "troops", "troop": "troops", "boot": "troops", "servicemen": "troops", "serviceman": "troops",
    "personnel": "troops", "fighter": "troops", "marine": "troops", "force": "troops", "officer": "troops",
    "person": "people", "people": "people", "civilian": "people", "resident": "people", "refugee": "people",
    "migrant": "people", "child": "people", "worker": "people", "prisoner": "people", "hostage": "people",
}  # fmt: skip
_FAMILIES = {
    "deploy_forces": "force size", "train_forces": "force size", "mobilise": "force size",
    "casualties": "casualties", "attack": "casualties", "arrest": "detained",
}  # fmt: skip
_WIRE = {
    "ap": "AP", "associated press": "AP", "the associated press": "AP", "reuters": "Reuters", "afp": "AFP",
    "agence france-presse": "AFP", "upi": "UPI", "united press international": "UPI", "yonhap": "Yonhap",
    "tass": "TASS", "xinhua": "Xinhua", "dpa": "dpa", "efe": "EFE", "kyodo": "Kyodo", "ansa": "ANSA",
}  # fmt: skip
# A wire credit in a text, in three forms, each a pattern that starts with something a search skips ahead
# to quickly ("(", a line break, the agency's name): "(AP)"; a credit opening a line ("© Reuters",
# "Copyright 2016 The Associated Press"); a byline ("Associated Press writers"). The first in the text wins.
_CREDIT_PAREN = re.compile(r"\((AP|Reuters|AFP|UPI|Yonhap|TASS|Xinhua|dpa|EFE|Kyodo|ANSA)\)")
_LINE = r"\s*[©(]?\s*(?:Copyright\s+\d{4}\s+)?(The Associated Press|Associated Press|Reuters|AFP|UPI)\b"
_CREDIT_FIRST_LINE = re.compile(_LINE)
_CREDIT_LINE = re.compile("\n" + _LINE)
_CREDIT_BYLINE = re.compile(r"(Associated Press|Reuters|AFP|UPI) (?:writers?|reporters?|correspondents?)\b")


def _byline_credit(text: str) -> re.Match[str] | None:
    """The first byline credit that starts a word ("AFP writer", not "XAFP writer")."""
    at = 0
    while m := _CREDIT_BYLINE.search(text, at):
        i = m.start()
        if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_"):
            return m
        at = i + 1
    return None


def wire_origin(agency: str | None, text: str) -> str | None:
    """The wire service an article comes from: its dateline credit, else a wire credit in its text."""
    if agency:
        w = _WIRE.get(agency.strip().lower())
        if w:
            return w
    found = [
        m
        for m in (
            _CREDIT_PAREN.search(text),
            _CREDIT_FIRST_LINE.match(text) or _CREDIT_LINE.search(text),
            _byline_credit(text),
        )
        if m is not None
    ]
    if found:
        name = min(found, key=lambda m: m.start())[1]  # the first in the text (min keeps the first of ties)
        return _WIRE.get(name.lower(), name)
    return None


def _shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


_SENTENCE_END = re.compile(r"[.!?]\s+")


def _sentences(text: str) -> set[str]:
    """The sentences of a text of 40 characters or more, normalised: split after . ! ? and whitespace, and
    at line breaks."""
    out: set[str] = set()
    for line in text.split("\n"):
        out.update(_line_sentences(line))
    return out


@functools.lru_cache(maxsize=200_000)  # the paragraphs of a reprinted story recur article after article
def _line_sentences(line: str) -> tuple[str, ...]:
    """The sentences of one line (a pattern that starts with its end mark is found by a fast scan)."""
    out = []
    at = 0
    for m in _SENTENCE_END.finditer(line):
        piece = line[at : m.start() + 1]
        at = m.end()
        if len(piece.strip()) >= 40:
            out.append(" ".join(piece.split()).lower())
    piece = line[at:]
    if len(piece.strip()) >= 40:
        out.append(" ".join(piece.split()).lower())
    return tuple(out)


def _words(text: str) -> set[str]:
    return {_stem(w) for w in (x.lower() for x in _WORD.findall(text)) if w not in _STOP and len(w) > 2}


@functools.lru_cache(maxsize=500_000)  # one string per word, however many claims repeat it
def _stem(w: str) -> str:
    """A plural is its singular ("materials", "delegates", "policies"): enough for word overlap."""
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


_QUOTED = re.compile(r"[\"“„«]([^\"“”„«»]{20,})[\"”»]")


def _quoted(content: str, quote: str | None) -> str:
    """What a claim quotes word for word: all of a direct quote, the quoted pieces of a mixed one."""
    if quote == "direct":
        return content
    if quote == "mixed":
        return " … ".join(m.group(1) for m in _QUOTED.finditer(content))
    return ""


def _verbatim(text: str) -> set[int]:
    """Hashes of the content's runs of seven words that carry at least three lower-case content words: a
    quote two reports share word for word, not a shared name ("former Secretary of State Hillary
    Clinton")."""
    toks = _WORD.findall(text)
    if len(toks) < _VERBATIM:
        return set()
    low = [t.lower() for t in toks]
    plain = [t.islower() and t not in _STOP and len(t) > 2 for t in toks]
    return {
        hash(tuple(low[i : i + _VERBATIM]))
        for i in range(len(toks) - _VERBATIM + 1)
        if sum(plain[i : i + _VERBATIM]) >= 3
    }


_MONTH_DAY = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b(?:, \d{4})?"
)


def _numbers(text: str) -> frozenset[str]:
    """The figures of a content, without dates ("May 10" says nothing about what two claims share)."""
    text = _MONTH_DAY.sub(" ", text)
    return frozenset(n.replace(",", "") for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text))


@dataclass(slots=True)
class _Claim:
    article_id: str
    idx: int
    speaker: str
    speaker_name: str
    origin: str
    first_reporter: str
    chain: list[str]
    stance: str
    content: str
    words: frozenset[str]
    numbers: frozenset[str]
    published: str | None
    report: str  # the report cluster (original article id)
    start: int
    end: int
    wrapper: bool = False  # its content quotes another claim ("'The NIS said …,' Yonhap said")
    quote: str = ""  # direct, indirect or mixed


def consolidate(store: Store, progress: Any = None) -> dict[str, int]:
    """Recompute copies, origins, propositions, estimates and the timeline; return counts."""
    db = store.db
    # Every read sees one snapshot (WAL): an ingest committing meanwhile cannot make claims point at
    # articles this run has not read. Its own consolidation, run after it, covers what it added.
    db.execute("BEGIN")
    articles = {
        r["id"]: r
        for r in db.execute(
            # Metadata only: texts are streamed once for the signatures and read again only where needed,
            # so memory stays small at 100k articles.
            "SELECT id, title, outlet, agency, published, url, substr(text, 1, 400) AS head FROM articles"
            " ORDER BY id"
        )
    }
    try:
        copies, report_of, wires, new_sigs = _copies(store, articles, progress)
        claims = _claims(store, articles, report_of, wires)
        event_props, events = _event_propositions(store, articles, report_of)
        estimates = _estimates(store, articles, claims)
    finally:
        db.execute("COMMIT")  # end the read snapshot
    props = _claim_propositions(claims)
    db.execute("BEGIN IMMEDIATE")
    try:
        db.executemany("INSERT OR REPLACE INTO signatures VALUES (?,?)", new_sigs)
        tables = ("copies", "article_origins", "propositions", "proposition_members", "estimates")
        # Millions of member rows inserted one by one into indexes keyed by article would be random
        # B-tree writes: the indexes are dropped and built again from the sorted rows, in this same
        # transaction (a reader sees the old tables and their indexes until it commits).
        marks = ",".join("?" * len(tables))
        indexes = db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            f" AND tbl_name IN ({marks})",
            tables,
        ).fetchall()
        for name, _ in indexes:
            db.execute(f'DROP INDEX "{name}"')
        for t in tables:
            db.execute(f"DELETE FROM {t}")
        db.executemany("INSERT INTO copies VALUES (?,?,?,?,?)", copies)
        db.executemany(
            "INSERT INTO article_origins VALUES (?,?,?)",
            [(aid, wires.get(aid), report_of[aid] if report_of[aid] != aid else None) for aid in articles],
        )
        db.executemany(
            "INSERT INTO propositions (id, kind, label, first_seen, reports, independent_sources,"
            " independent_reports, corroboration, data, speakers, stances) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            _proposition_rows(props, event_props),
        )
        db.executemany(
            "INSERT INTO proposition_members VALUES (?,?,?,?)",
            (
                (pid, m["article_id"], kind, m["idx"])
                for pid, (kind, p) in enumerate(_numbered(props, event_props), 1)
                for m in p["members"]
            ),
        )
        for i, est in enumerate(estimates, 1):
            est["id"] = i
            db.execute(
                "INSERT INTO estimates VALUES (?,?,?,?,?,?)",
                (i, est["label"], est["unit"], est["actor"], est["context"], json.dumps(est)),
            )
        for _, sql in indexes:
            db.execute(sql)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return {
        "articles": len(articles),
        "copies": len(copies),
        "propositions": len(props) + len(event_props),
        "estimates": len(estimates),
        "events": events,
    }


def _numbered(
    props: list[dict[str, Any]], event_props: list[dict[str, Any]]
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Claim propositions, then event propositions, in the order their ids count (from 1)."""
    yield from (("claim", p) for p in props)
    yield from (("event", p) for p in event_props)


def _proposition_rows(
    props: list[dict[str, Any]], event_props: list[dict[str, Any]]
) -> Iterator[tuple[Any, ...]]:
    for pid, (kind, p) in enumerate(_numbered(props, event_props), 1):
        # Every member goes to proposition_members; the JSON keeps the first ones (a wire story reprinted
        # ten thousand times would otherwise make one enormous row).
        members = p["members"]
        shown = {**p, "members": members[:MEMBERS_KEPT], "members_total": len(members)}
        speakers = {m["source"] for m in members if m.get("source")} | set(p.get("origins") or ())
        stances = sorted({m["stance"] for m in members if m.get("stance")})
        yield (
            pid, kind, p["label"], p["first_seen"], p["reports"], p["independent_sources"],
            p["independent_reports"], p["corroboration"], json.dumps(shown),
            "\n".join(sorted(speakers)) or None, " ".join(stances) or None,
        )  # fmt: skip


def _copies(
    store: Store, articles: dict[str, Any], progress: Any
) -> tuple[
    list[tuple[str, str, float, str, str]], dict[str, str], dict[str, str | None], list[tuple[str, bytes]]
]:
    from datasketch import MinHash, MinHashLSH

    db = store.db
    import numpy as np

    have = {r[0]: r[1] for r in db.execute("SELECT article_id, minhash FROM signatures")}
    new_sigs: list[tuple[str, bytes]] = []
    lsh = MinHashLSH(threshold=COPY_THRESHOLD, num_perm=NUM_PERM)
    # One set of permutation parameters for every signature (building them is most of a MinHash's cost).
    perms = MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations
    sigs: dict[str, Any] = {}
    wires: dict[str, str | None] = {}
    # In storage order (rowid), not by id: one sequential read of the texts, not a seek per article.
    for r in db.execute("SELECT id, agency, text FROM articles"):
        aid = r["id"]
        blob = have.get(aid)
        if blob is not None and len(blob) == NUM_PERM * 8 + 1 and blob[:1] == SIGNATURE_VERSION:
            mh = MinHash(
                num_perm=NUM_PERM,
                hashvalues=np.frombuffer(blob[1:], dtype=np.uint64).copy(),
                permutations=perms,
                scheme=SCHEME,
            )
        else:  # new, or signed by an older version (another shingle hash): signed again
            mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashfunc=zlib.crc32, permutations=perms)
            mh.update_batch(list(_shingles(r["text"])))
            new_sigs.append((aid, SIGNATURE_VERSION + mh.hashvalues.astype("uint64").tobytes()))
        wires[aid] = wire_origin(r["agency"], r["text"])
        sigs[aid] = mh
        lsh.insert(aid, mh)
        if progress is not None:
            progress()
    dsu = DisjointSets()
    # A paragraph many articles share (a wire story, boilerplate) makes every one of them a candidate of
    # every other: the candidates of an article are checked in one array operation (the estimate
    # MinHash.jaccard gives: the share of equal hash values), not one by one.
    ids = list(sigs)
    row = {aid: i for i, aid in enumerate(ids)}
    matrix = np.stack([sigs[aid].hashvalues for aid in ids]) if ids else np.empty((0, NUM_PERM))
    for i, aid in enumerate(ids):
        others = [o for o in lsh.query(sigs[aid]) if o > aid]
        if not others:
            continue
        cand = np.fromiter((row[o] for o in others), dtype=np.intp, count=len(others))
        equal = np.count_nonzero(matrix[cand] == matrix[i], axis=1)
        for j in cand[equal >= COPY_THRESHOLD * NUM_PERM]:
            dsu.union(aid, ids[j])
    # The original of a report cluster is its earliest article (then the smallest id); each copy is listed
    # against it (a star, not every pair: a wire story reprinted k times gives k - 1 rows, not k²/2).
    members: dict[str, list[str]] = defaultdict(list)
    for aid in articles:
        members[dsu.find(aid)].append(aid)
    report_of: dict[str, str] = {}
    pairs = []
    for group in members.values():
        first = min(group, key=lambda x: (articles[x]["published"] or "9999", x))
        for aid in group:
            report_of[aid] = first
            if aid != first:
                pairs.append((first, aid, sigs[first].jaccard(sigs[aid])))
    out = []
    sentences: dict[str, set[str]] = {}

    def sents(aid: str) -> set[str]:
        if aid not in sentences:
            if len(sentences) > 2000:
                sentences.clear()
            row = db.execute("SELECT text FROM articles WHERE id = ?", (aid,)).fetchone()
            sentences[aid] = _sentences(row[0])
        return sentences[aid]

    for aid, other, sim in pairs:
        kind = "wire_copy" if (wires.get(aid) or wires.get(other)) else "near_duplicate"
        # the longest shared sentences (ties by text: the same rows on every run)
        shared = sorted(sents(aid) & sents(other), key=lambda s: (len(s), s))
        out.append((aid, other, round(sim, 3), kind, json.dumps(shared[-5:][::-1])))
    return out, report_of, wires, new_sigs


@functools.lru_cache(maxsize=100_000)  # speakers repeat claim after claim
def _key(text: str) -> str:
    t = re.sub(r"^(the|a|an)\s+", "", " ".join(text.lower().split()))
    return t.strip(" ,.;:\"'“”")


def _claims(
    store: Store, articles: dict[str, Any], report_of: dict[str, str], wires: dict[str, str | None]
) -> list[_Claim]:
    media = {r[0] for r in store.db.execute("SELECT id FROM entities WHERE kind = 'media'")}
    person = _person_keys(store)
    out = []
    # A wire story reprinted a thousand times repeats its claims word for word: what is derived from a
    # content, a chain or a speaker is computed once and shared (one object, not a thousand copies).
    chains: dict[str, tuple[list[dict[str, Any]], list[str]]] = {}
    derived: dict[tuple[str, str, str], tuple[str, frozenset[str], frozenset[str]]] = {}
    for r in store.db.execute(
        "SELECT article_id, idx, source_text, source_entity_id, source_name, via, stance, content_text,"
        " content_start, content_end, content_more, quote FROM claims ORDER BY article_id, idx"
    ):
        a = articles[r["article_id"]]
        raw_via = r["via"] or "[]"
        if raw_via not in chains:
            parsed = json.loads(raw_via)
            chains[raw_via] = (parsed, [intern(v["name"]) for v in parsed])
        via, chain = chains[raw_via]
        speaker = r["source_entity_id"] or _key(r["source_name"] or r["source_text"] or "")
        if speaker in _UNRESOLVED:
            # "he", "who", "they" left unresolved name nobody: this claim's own origin, shared with no other.
            speaker = f"?{r['article_id']}:{r['idx']}"
        if not r["source_entity_id"]:
            # "Sanders himself", "Mr. Trump" where the linker found no entity: a known surname names them.
            bare = [t for t in _WORD.findall(r["source_text"] or "") if t.lower() not in _SELF]
            if len(bare) == 1 and bare[0][:1].isupper():
                speaker = person.get(f"person:{bare[0].lower()}", speaker)
        speaker = person.get(speaker, speaker)
        origin = (via[0].get("entity_id") or _key(via[0]["name"])) if via else speaker
        origin = speaker if origin in _UNRESOLVED else person.get(origin, origin)
        reporter = next((v.get("entity_id") for v in via[1:] if v.get("entity_id") in media), None)
        if reporter is None:
            reporter = next((v.get("entity_id") for v in via if v.get("entity_id") in media), None)
        wire = wires.get(r["article_id"])
        if reporter is None and wire:
            actor = gazetteer().actor(wire)
            reporter = actor.entity_id if actor is not None else wire.lower()
        reporter = reporter or _key(a["outlet"] or a["id"])
        content = claim_content(r)
        key = (content, r["source_name"] or "", r["source_text"] or "")
        if key not in derived:
            # The speaker's own name in a content ("… a hater of Donald Trump") says nothing about what is
            # said.
            own = _words(key[1]) | _words(key[2])
            derived[key] = (content, frozenset(_words(content) - own), _numbers(content))
        content, words, numbers = derived[key]
        # Strings a million claims repeat (article ids, speakers, dates) are kept once (sys.intern).
        out.append(
            _Claim(
                a["id"], r["idx"], intern(speaker),
                intern(r["source_name"] or r["source_text"] or "(unsourced)"), intern(origin),
                intern(reporter), chain, intern(r["stance"] or ""), content, words, numbers, a["published"],
                report_of[r["article_id"]],
                r["content_start"], r["content_end"], quote=intern(r["quote"] or ""),
            )
        )  # fmt: skip
    return out


_UNRESOLVED = frozenset(
    "| he she him her his it its they them their we us our i me my you your who whom that which this these"
    " those one someone some others another".split()
) | {""}


_SELF = frozenset("himself herself themselves mr mrs ms dr sen rep gov".split())
_SUFFIXES = frozenset("jr sr ii iii iv".split())


def _person_keys(store: Store) -> dict[str, str]:
    """One key per person across articles: "person:donald-j-trump" and "person:donald-trump" are one
    (middle names and initials dropped), and a surname alone ("person:obama") is the one full name with
    that surname the store mentions most."""
    counts: dict[str, int] = {}
    for eid, n in store.db.execute("SELECT id, mentions FROM entities WHERE id LIKE 'person:%'"):
        counts[eid] = n or 0
    full: dict[str, str] = {}
    by_surname: dict[str, dict[str, int]] = defaultdict(dict)
    for eid, n in counts.items():
        parts = eid.removeprefix("person:").split("-")
        if len(parts) >= 3 and parts[-1] in _SUFFIXES:  # "Donald Trump Jr." is not his father
            full[eid] = f"person:{parts[0]}-{parts[-2]}-{parts[-1]}"
        elif len(parts) >= 2:
            key = f"person:{parts[0]}-{parts[-1]}"
            full[eid] = key
            by_surname[parts[-1]][key] = by_surname[parts[-1]].get(key, 0) + n
    for surname, keys in by_surname.items():
        # a surname alone, whether or not the store holds it as an entity of its own
        full[f"person:{surname}"] = max(keys.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return {k: v for k, v in full.items() if k != v}


def _corroboration(origins: int, reports: int, stances: set[str]) -> str:
    if stances & {"denies", "declines_to_confirm", "doubts"}:
        return "contested"
    if origins >= 2:
        return "corroborated"
    if reports >= 2:
        return "one source, several reports"
    return "single source"


def _prop_order(p: dict[str, Any]) -> tuple[int, str, str]:
    return (-int(p["reports"]), str(p["first_seen"] or "9999"), str(p["label"]))


def _merge_across_origins(claims: list[_Claim], dsu: DisjointSets, cid: Any) -> None:
    """Different origins saying the same thing corroborate each other: join clusters whose words overlap
    strongly (Jaccard >= 0.5), or overlap and share a figure (>= 0.3 and a number)."""
    words: dict[str, set[str]] = defaultdict(set)
    nums: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        if c.stance != "asserts":
            continue
        root = dsu.find(cid(c))
        words[root] |= c.words
        nums[root] |= c.numbers
    index: dict[str, list[str]] = defaultdict(list)
    for root, ws in words.items():
        for w in ws:
            index[w].append(root)
    roots = list(words)
    for root in roots:
        ws = words[root]
        seen: set[str] = set()
        for w in sorted(ws, key=lambda w: (len(index[w]), w))[:_RARE_WORDS]:
            postings = index[w]
            if len(postings) > 200:
                continue
            for other in postings:
                if other <= root or other in seen:
                    continue
                seen.add(other)
                inter = len(ws & words[other])
                if inter < _CROSS_SHARED:
                    continue  # "Trump's comments" and "Trump line" say nothing alike
                jac = inter / (len(ws | words[other]) or 1)
                if jac >= 0.5 or (jac >= CLAIM_JACCARD and nums[root] & nums[other]):
                    dsu.union(root, other)


def _same_claim(c: _Claim, d: _Claim) -> bool:
    """Two claims of one origin say the same thing: their content words overlap (Jaccard >= 0.3), or most
    of the shorter is in the longer (a quote given whole in one report and in part in another), or they
    share a figure. One shared word ("the Justice Department") is a topic, not a claim; reports more than a
    week apart need more (a speaker says "Super Tuesday" on two Tuesdays)."""
    inter = len(c.words & d.words)
    if inter < 2:
        return False
    small = min(len(c.words), len(d.words))
    jac = inter / len(c.words | d.words)
    contained = inter >= 3 and small >= 4 and inter / small >= _CONTAINED
    if _gap(c.published, d.published) > _SAME_WEEK:
        # weeks apart a speaker repeats slogans ("radical Islamic terrorism"): a few words in common are not
        # the same claim
        return inter >= 4 and (jac >= 0.5 or contained)
    # "to support Clinton as the nominee" in "he plans to support the Democratic nominee and …"
    contained = contained or (small == 3 and inter >= 2)
    return jac >= CLAIM_JACCARD or contained or bool(c.numbers & d.numbers)


def _is_entity(origin: str) -> bool:
    """An origin that is a linked entity ("person:…", "intel:nis"), not a description or an unknown."""
    return ":" in origin and not origin.startswith("?")


@functools.lru_cache(maxsize=100_000)  # dates repeat by the thousand
def _day(iso: str) -> int:
    """The day number of an ISO date (0 when it is not one)."""
    try:
        return dt.date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return 0


def _gap(a: str | None, b: str | None) -> int:
    """Days between two dates (0 when either is missing)."""
    return abs(_day(a) - _day(b)) if a and b else 0


def _claim_propositions(claims: list[_Claim]) -> list[dict[str, Any]]:
    dsu = DisjointSets()

    def cid(c: _Claim) -> str:
        return f"{c.article_id}:{c.idx}"

    # Blocked by origin (the first link of the chain): "the NIS said" and "Yonhap said, citing the NIS"
    # land in one block.
    # The same words from the same origin (a wire story reprinted, a quote repeated) are one claim: join
    # them to their first occurrence in linear time and compare only the distinct ones.
    first_of: dict[tuple[str, frozenset[str]], _Claim] = {}
    distinct: list[_Claim] = []
    for c in claims:
        key = (c.origin, c.words)
        if key in first_of and len(c.words) >= 2:
            dsu.union(cid(c), cid(first_of[key]))
        else:
            first_of[key] = c
            distinct.append(c)
    by_speaker: dict[str, list[_Claim]] = defaultdict(list)
    for c in distinct:
        by_speaker[c.origin].append(c)
    for group in by_speaker.values():
        # Within a speaker's block, compare each claim with the others that share a content word (inverted
        # index: near-linear in practice).
        index: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(group):
            for w in c.words:
                index[w].append(i)
        for i, c in enumerate(group):
            seen: set[int] = set()
            # Candidates come through the claim's rarest words only: comparisons per claim stay bounded.
            for w in sorted(c.words, key=lambda w: (len(index[w]), w))[:_RARE_WORDS]:
                postings = index[w]
                if len(postings) > 200:
                    continue  # too common to tell claims apart
                for j in postings:
                    if j <= i or j in seen:
                        continue
                    seen.add(j)
                    d = group[j]
                    if _same_claim(c, d):
                        dsu.union(cid(c), cid(d))
    # A short claim that does not assert ("declined to confirm the report") answers the nearest asserted
    # claim before it in the same article; a claim quoted inside another's content ("'The NIS said …,'
    # Yonhap said") is the same report.
    by_article: dict[str, list[_Claim]] = defaultdict(list)
    for c in claims:
        by_article[c.article_id].append(c)
    for group in by_article.values():
        for c in group:
            for d in group:
                if d is not c and c.start <= d.start and d.end <= c.end:
                    dsu.union(cid(c), cid(d))
                    c.wrapper = True
        for i, c in enumerate(group):
            if c.stance != "asserts" and len(c.words) <= 3:
                prev = next((d for d in reversed(group[:i]) if d.stance == "asserts"), None)
                if prev is not None:
                    dsu.union(cid(c), cid(prev))
    # A quote two reports give word for word is one claim, even when they name its speaker differently
    # ("Trump said" / "the Republican candidate said").
    first_run: dict[int, _Claim] = {}
    adopted: dict[str, tuple[str, str]] = {}  # claim → (its origin, the named one of its quote elsewhere)
    for c in distinct:
        for h in _verbatim(_quoted(c.content, c.quote)):
            other = first_run.setdefault(h, c)
            if other is not c:
                dsu.union(cid(c), cid(other))
                # One of them named by an entity, the other by a description ("the Republican candidate")
                # or not at all ("he"): the quote has one origin, not two that corroborate each other.
                named = [x for x in (c, other) if _is_entity(x.origin)]
                if len(named) == 1:
                    unnamed = other if named[0] is c else c
                    adopted[cid(unnamed)] = (unnamed.origin, named[0].origin)
    _merge_across_origins(claims, dsu, cid)
    renamed = {(dsu.find(k), old): new for k, (old, new) in adopted.items()}
    clusters: dict[str, list[_Claim]] = defaultdict(list)
    for c in claims:
        root = dsu.find(cid(c))
        c.origin = renamed.get((root, c.origin), c.origin)  # its copies too, within this proposition only
        clusters[root].append(c)
    out = []
    for members in clusters.values():
        asserted = [m for m in members if m.stance == "asserts"] or members
        # The lead is the origin speaking for itself when a report has it, else the earliest report.
        lead = min(
            asserted, key=lambda m: (m.speaker != m.origin, m.published or "9999", m.article_id, m.idx)
        )
        # A claim that only wraps another ("… ," Yonhap said) is a link of that one's chain, not an origin.
        voices = [m for m in members if m.stance == "asserts" and not m.wrapper]
        origins = {m.origin for m in voices} or {lead.origin}
        pairs = {(m.origin, m.first_reporter) for m in voices}
        reports = {m.report for m in members}
        stances = {m.stance for m in members}
        shown = {m.origin: m.speaker_name for m in members if m.origin.startswith("?")}
        out.append(
            {
                "label": f"{lead.speaker_name}: {lead.content[:140]}",
                "speaker": lead.speaker_name,
                "first_seen": min((m.published for m in members if m.published), default=None),
                "reports": len(reports),
                "independent_sources": len(origins),
                "independent_reports": max(1, len(pairs)),
                "corroboration": _corroboration(len(origins), len(pairs), stances),
                # an unresolved speaker ("he" nobody could name) is shown as written, not by its key
                "origins": sorted({shown.get(o, o) for o in origins}),
                "sides": [
                    {"source": m.speaker_name, "stance": m.stance, "via": m.chain, "article_id": m.article_id}
                    for m in members
                    if m.stance != "asserts"
                ],
                "members": [
                    {
                        "article_id": m.article_id,
                        "idx": m.idx,
                        "source": m.speaker_name,
                        "via": m.chain,
                        "stance": m.stance,
                        "published": m.published,
                        "start": m.start,
                        "end": m.end,
                        "content": m.content,
                    }
                    for m in sorted(members, key=lambda m: (m.published or "", m.article_id, m.idx))
                ],
            }
        )
    out.sort(key=_prop_order)
    return out


def _event_propositions(
    store: Store, articles: dict[str, Any], report_of: dict[str, str]
) -> tuple[list[dict[str, Any]], int]:
    """Events grouped by type and actor; within a block, events that share a target or a place in the same
    month (or, with neither, the same month across articles) are one. Streamed block by block, linear."""
    n = store.db.execute("SELECT count(*) FROM events").fetchone()[0]
    out: list[dict[str, Any]] = []
    block: list[dict[str, Any]] = []
    current: tuple[str, str] | None = None
    rows = store.db.execute(
        "SELECT article_id, idx, type, data, time_lo, time_hi FROM events WHERE type != 'other'"
        " ORDER BY type, coalesce(actor_id, lower(actor), ''), article_id, idx"
    )
    for r in rows:
        d = json.loads(r["data"])
        actor = d.get("actor") or {}
        key = (d["type"], actor.get("entity_id") or _key(actor.get("name") or actor.get("text") or ""))
        if key != current and block:
            out += _group_block(block, articles, report_of)
            block = []
        current = key
        block.append(
            {
                "article_id": r["article_id"], "idx": r["idx"], "lo": r["time_lo"], "hi": r["time_hi"],
                "type": d["type"], "time": d.get("time"), "time_inferred": d.get("time_inferred"),
                "modality": d["modality"], "claim": d.get("claim"), "trigger": d["trigger"],
                "actor": _light(d.get("actor")), "target": _light(d.get("target")),
                "place": _light(d.get("place")),
            }
        )  # fmt: skip
    if block:
        out += _group_block(block, articles, report_of)
    return _join_headlines(out, articles), n


def _headline_end(article: Any) -> int:
    """Where the article's headline ends in its text (0 when the text does not open with its title)."""
    head, title = article["head"] or "", (article["title"] or "").strip()
    first = head.split("\n", 1)[0]
    return len(first) if title and first.strip() == title else 0


def _root(word: str) -> str:
    """A verb or noun without its ending, enough to tell "kills" and "killing" from "wounding"."""
    w = word.lower()
    return re.sub(r"(?:ings?|ed|es|s)$", "", w) if len(w) > 4 else w


def _join_headlines(groups: list[dict[str, Any]], articles: dict[str, Any]) -> list[dict[str, Any]]:
    """A headline's event is the story's event: a member found in an article's headline joins the one
    group of its type that holds the same article's body mentions ("Missile strike on Kharkiv kills five"
    over "Russian missiles struck Kharkiv on Thursday, killing five"), so the timeline has one row for it.
    With no such group, or several, it stays where it is."""
    ends = {aid: _headline_end(a) for aid, a in articles.items()}

    def in_headline(m: dict[str, Any]) -> bool:
        return m["start"] < ends.get(m["article_id"], 0)

    body: dict[tuple[str, str], set[int]] = defaultdict(set)
    by_word: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    for gi, g in enumerate(groups):
        for m in g["members"]:
            if not in_headline(m):
                body[(m["article_id"], g["type"])].add(gi)
                by_word[(m["article_id"], g["type"], _root(m["trigger"]))].add(gi)
    moved: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for gi, g in enumerate(groups):
        keep = []
        for m in g["members"]:
            home = body.get((m["article_id"], g["type"]), set())
            if len(home) > 1:  # "kills five" over "killing five … and wounding 20": the killing
                home = by_word.get((m["article_id"], g["type"], _root(m["trigger"])), set())
            if in_headline(m) and len(home) == 1 and gi not in home:
                moved[next(iter(home))].append(m)
            else:
                keep.append(m)
        g["members"] = keep
    for gi, ms in moved.items():
        groups[gi]["members"] = groups[gi]["members"] + ms
    return [g for g in groups if g["members"]]


def _light(arg: dict[str, Any] | None) -> dict[str, Any] | None:
    if not arg:
        return None
    return {"text": arg["text"], "entity_id": arg.get("entity_id"), "name": arg.get("name")}


def _arg_key(arg: dict[str, Any] | None) -> str | None:
    """An event argument's identity: its entity, else its words without a leading count ("More than 100
    people" and "At least 120 people" killed in one strike are the same victims, counted differently)."""
    if not arg:
        return None
    return arg.get("entity_id") or _key(_LEADING_COUNT.sub("", arg["text"]))


_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|dozens?|tens|several|scores|a|an|of"
)
_LEADING_COUNT = re.compile(
    r"^\s*(?:(?:more|fewer|less)\s+than|at\s+least|up\s+to|as\s+many\s+as|an?\s+estimated|about|around|"
    r"nearly|almost|some|over|roughly|approximately)?\s*"
    rf"(?:(?:[\d][\d,.]*|{_NUMBER_WORDS})(?:[\s-]+|$))+",
    re.I,
)


def _group_block(
    evs: list[dict[str, Any]], articles: dict[str, Any], report_of: dict[str, str]
) -> list[dict[str, Any]]:
    dsu = DisjointSets()
    first: dict[tuple[str, ...], str] = {}
    for i, e in enumerate(evs):
        eid = str(i)
        dsu.find(eid)
        month = (e["lo"] or "")[:7] or "undated"
        keys: list[tuple[str, ...]] = []
        if e["target"]:
            keys.append(("t", _arg_key(e["target"]) or "", month))
        if e["place"]:
            keys.append(("p", _arg_key(e["place"]) or "", month))
        if not keys:
            keys.append(("n", month))
        for k in keys:
            if k in first:
                j = first[k]
                # Two mentions in one article without target or place stay apart (stages of one story).
                if k[0] != "n" or evs[int(j)]["article_id"] != e["article_id"]:
                    dsu.union(eid, j)
            else:
                first[k] = eid
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for i, e in enumerate(evs):
        groups[dsu.find(str(i))].append(e)
    out = []
    for g in groups.values():
        typ = g[0]["type"]
        dated = [e for e in g if e["lo"] and not e.get("time_inferred")] or [e for e in g if e["lo"]]
        best = min(dated, key=lambda e: (e["hi"] or "", len(e["time"] or ""))) if dated else None
        lead = g[0]
        actor = lead.get("actor") or {}
        who = actor.get("name") or actor.get("text")
        label = f"{typ}: {who}" if who else f"{typ} ({lead['trigger']['text']})"
        tgt = lead.get("target") or {}
        if tgt:
            label += f" → {tgt.get('name') or tgt.get('text')}"
        plc = lead.get("place") or {}
        if plc:
            label += f" @ {plc.get('name') or plc.get('text')}"
        pubs = [articles[e["article_id"]]["published"] for e in g if articles[e["article_id"]]["published"]]
        reports = {report_of[e["article_id"]] for e in g}
        out.append(
            {
                "label": label,
                "type": typ,
                "time": best["time"] if best else None,
                "time_inferred": bool(best and best.get("time_inferred")),
                "granularity": _granularity(best["time"]) if best else None,
                "modality": lead["modality"],
                "first_seen": min(pubs) if pubs else None,
                "reports": len(reports),
                "independent_sources": len(reports),
                "independent_reports": len(reports),
                "corroboration": "corroborated" if len(reports) >= 2 else "single source",
                "members": [
                    {
                        "article_id": e["article_id"],
                        "idx": e["idx"],
                        "start": e["trigger"]["start"],
                        "end": e["trigger"]["end"],
                        "trigger": e["trigger"]["text"],
                        "modality": e["modality"],
                        "claim": e.get("claim"),
                    }
                    for e in g
                ],
            }
        )
    return out


def _granularity(value: str | None) -> str | None:
    if not value:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "day"
    if re.fullmatch(r"\d{4}-W\d{2}", value):
        return "week"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}-(Q\d|H\d|SP|SU|FA|WI)", value):
        return "quarter"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return "time" if "T" in value else None


def _estimates(store: Store, articles: dict[str, Any], claims: list[_Claim]) -> list[dict[str, Any]]:
    """Figures for one quantity across reports. Two ways in: people counted for one party and purpose
    (an event's troops or casualties: "North Korea — troops (force size)"), and any other count or sum
    gathered by what it counts ("emails", "killed") and the words around it ("22 emails … top secret" and
    "classified 22 Clinton emails as top secret"), from at least two articles."""
    db = store.db
    by_article_claims: dict[str, list[_Claim]] = defaultdict(list)
    for c in claims:
        by_article_claims[c.article_id].append(c)
    q_event: dict[tuple[str, int], dict[str, Any]] = {}
    for r in db.execute(
        "SELECT article_id, data FROM events WHERE json_array_length(data, '$.quantities') > 0"
    ):
        d = json.loads(r["data"])
        for qi in d.get("quantities", []):
            q_event.setdefault((r["article_id"], qi), d)
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    loose: list[dict[str, Any]] = []  # figures without a party: grouped by what they count and their words
    names: dict[str, str] = {}
    rows = list(
        db.execute(
            'SELECT q.article_id, q.idx, q.start, q."end", q.text, q.value, q.low, q.high, q.unit,'
            " q.previous_idx, q.per, t.value AS own_time FROM quantities q"
            " LEFT JOIN times t ON t.article_id = q.article_id AND t.idx = q.time_idx"
            " WHERE q.kind IN ('count', 'money') AND q.low IS NOT NULL ORDER BY q.article_id, q.idx"
        )
    )
    # Figures tied to an event first: a figure repeated without one in the same article ("10,000 soldiers"
    # in a quote after "training 10,000 soldiers") joins that group.
    rows.sort(key=lambda q: (q["article_id"], (q["article_id"], q["idx"]) not in q_event, q["idx"]))
    placed: dict[tuple[str, Any, Any, str], tuple[str, str]] = {}
    text_of = _ArticleText(db)
    # Figures a later figure of the same article changed from ("rose from 30 to 45"): that source's own
    # earlier count, a revision within one report, not a figure another source disagrees with.
    superseded = {(q["article_id"], q["previous_idx"]) for q in rows if q["previous_idx"] is not None}
    for q in rows:
        # a rate ("10,000 soldiers a year", "$15 an hour") is no count of a party's people; "people" that
        # only a casualty word named ("killed 14") are the dead or the wounded, counted below
        unit = None if q["per"] else _PEOPLE_UNITS.get((q["unit"] or "").lower())
        if unit == "people" and q["unit"] == "people":
            w, wlo = text_of.around(q["article_id"], q["start"], q["end"])
            if not re.match(r"\s*(?:\w+\s+)?(?:people|persons?)\b", w[q["end"] - wlo :], re.I):
                unit = None if _measure(None, w, q["start"] - wlo) in _CASUALTY else unit
        ev = q_event.get((q["article_id"], q["idx"]))
        a = articles[q["article_id"]]
        family: str | None = None
        party: dict[str, Any] | None = None
        if unit is not None:
            same = placed.get((q["article_id"], q["low"], q["high"], unit))
            if ev is not None:
                family = _FAMILIES.get(ev["type"], ev["type"])
                party = ev.get("target") if family in ("casualties", "detained") else ev.get("actor")
                party = party or ev.get("actor")
            elif same is not None:
                family, party = same[1], {"entity_id": same[0], "name": names.get(same[0], same[0])}
            else:
                family, party = _family_from_text(db, q["article_id"], q["start"]), None
            if party is None and family is not None:
                party = _nearest_country(db, q["article_id"], q["start"])
        # Who says it: the claim whose content holds the figure, else the outlet (a headline, the report).
        holder = next((c for c in by_article_claims[q["article_id"]] if c.start <= q["start"] < c.end), None)
        # As of: the date of the event the figure counts, else the date of its own clause ("said on
        # Friday that … 12,000"), else the publication date.
        own = q["own_time"] if q["own_time"] and timex_bounds(q["own_time"])[0] else None
        if own is not None and a["published"] and timex_bounds(own)[0] > a["published"]:
            own = None  # a figure for a future date is not known as of then
        as_of = (
            ev["time"]
            if ev is not None and ev.get("time") and not ev.get("time_inferred")
            else own or a["published"]
        )
        lo_hi = timex_bounds(as_of)
        value = {
            "value": q["value"], "low": q["low"], "high": q["high"], "text": q["text"],
            "source": holder.speaker_name if holder else _outlet_voice(a, q["start"]),
            "origin": holder.origin if holder else _key(a["outlet"] or a["id"]),
            "via": holder.chain if holder else [],
            "as_of": as_of, "granularity": _granularity(as_of) or ("day" if as_of else None),
            "as_of_lo": lo_hi[0], "as_of_hi": lo_hi[1],
            "articles": [{"article_id": q["article_id"], "url": a["url"], "start": q["start"],
                          "end": q["end"]}],
            "superseded": (q["article_id"], q["idx"]) in superseded,
            "key": (q["article_id"], q["idx"]),
            "previous": (q["article_id"], q["previous_idx"]) if q["previous_idx"] is not None else None,
        }  # fmt: skip
        if party is not None and not party.get("entity_id"):
            party = None  # "the 49 people" killed: the victims, not a party the figure belongs to
        if unit is not None and party is not None and family is not None:
            pkey = party.get("entity_id") or _key(party.get("name") or party.get("text") or "")
            names[pkey] = party.get("name") or party.get("text") or pkey
            placed.setdefault((q["article_id"], q["low"], q["high"], unit), (pkey, family))
            groups[(pkey, unit, family)].append(value)
            continue
        window, lo = text_of.around(q["article_id"], q["start"], q["end"])
        at = q["start"] - lo
        measure = _measure(q["unit"], window, at)
        if measure not in ("killed", "wounded") and (q["low"] < _SMALLEST or _IN_TEN.search(window, 0, at)):
            measure = None  # "two states", "six in 10 voters": counts in passing, not estimates
        if measure is not None and q["per"]:
            measure = f"{measure} per {q['per']}"  # "$15 an hour" is compared only with other hourly sums
        if measure is None and value["previous"] is None and not value["superseded"]:
            continue
        value["measure"] = measure
        value["published"] = a["published"]
        value["words"] = _words(window) - _words(q["text"] or "")
        loose.append(value)
    # The two figures of a change count the same thing: "45 killed, up from 30" — 30 counts the dead too.
    measure_of = {v["key"]: v["measure"] for v in loose if v["measure"] is not None}
    successor = {v["previous"]: v["measure"] for v in loose if v["previous"] and v["measure"] is not None}
    for v in loose:
        other = measure_of.get(v["previous"]) or successor.get(v["key"])
        if v["measure"] is None or (other in _CASUALTY and v["measure"] not in _CASUALTY):
            v["measure"] = other  # "45 people killed, up from 30": the 30 (people, too) are the dead
    loose = [v for v in loose if v["measure"] is not None]
    for v in loose:
        v["words"] -= {v["measure"]}
    out = [_group(f"{names.get(pkey, pkey)} — {unit} ({family})", unit, names.get(pkey, pkey), family, vals,
                  actor_id=pkey)
           for (pkey, unit, family), vals in groups.items()]  # fmt: skip
    for vals in _loose_groups(loose):
        measure = vals[0]["measure"]
        counts: dict[str, int] = defaultdict(int)
        for v in vals:
            for w in v["words"]:
                counts[w] += 1
        common = sorted((w for w, n in counts.items() if n > 1), key=lambda w: (-counts[w], w))[:4]
        context = " ".join(common) or None
        for v in vals:
            del v["measure"], v["words"], v["published"]
        out.append(_group(f"{measure} — {context or 'figures'}", measure, None, context, vals))
    out.sort(key=lambda e: (-len(e["values"]) if isinstance(e["values"], list) else 0, str(e["label"])))
    return out


def _group(
    label: str, unit: str, actor: str | None, context: str | None, vals: list[dict[str, Any]],
    actor_id: str | None = None,
) -> dict[str, Any]:  # fmt: skip
    """One estimate group: its values (one per origin, figure and date), contradictions and revisions."""
    vals = _merge_same(vals)
    vals.sort(key=lambda v: (v["as_of_lo"] or "9999", v["value"] or 0))
    # A toll only grows: a later, higher count of the dead, the wounded or the detained is the toll rising,
    # not a disagreement; a lower one, or another figure for the same day, still contradicts.
    cumulative = context in _CUMULATIVE or unit in _CUMULATIVE
    revisions, contradictions = _revisions(vals), _contradictions(vals, cumulative)
    at = {v["key"]: i for i, v in enumerate(vals)}
    pairs = {(r["a"], r["b"]) for r in revisions}
    for i, v in enumerate(vals):
        j = at.get(v["previous"]) if v["previous"] else None
        if j is not None and (j, i) not in pairs:  # "rose from 30 to 45": the change one report tells
            revisions.append({"a": j, "b": i, "note": f"{v['source']}: {vals[j]['text']} → {v['text']}"})
    revisions.sort(key=lambda r: (r["a"], r["b"]))
    lows = [v["low"] for v in vals if v["low"] is not None]
    highs = [v["high"] for v in vals if v["high"] is not None]
    return {
        "id": 0,
        "label": label,
        "unit": unit,
        "actor": actor,
        "actor_id": actor_id,
        "context": context,
        "conservative": min(lows) if lows else None,
        "range": [min(lows) if lows else None, max(highs) if highs else None],
        "values": [{k: v[k] for k in _VALUE_KEYS} for v in vals],
        "contradictions": contradictions,
        "revisions": revisions,
    }


def _revisions(vals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One origin changing its figure: each of its values against its previous one (values in date order)."""
    by_origin: dict[str, list[int]] = defaultdict(list)
    for i, v in enumerate(vals):
        by_origin[v["origin"]].append(i)
    out = []
    for idxs in by_origin.values():
        for a, b in itertools.pairwise(idxs):
            x, y = vals[a], vals[b]
            if x["as_of_lo"] != y["as_of_lo"] and _apart(x, y):
                out.append({"a": a, "b": b, "note": f"{x['source']}: {x['text']} → {y['text']}"})
    return sorted(out, key=lambda r: (r["a"], r["b"]))


_CUMULATIVE = frozenset({"casualties", "detained", "killed", "wounded"})


def _contradictions(vals: list[dict[str, Any]], cumulative: bool = False) -> list[dict[str, Any]]:
    """Different origins giving figures apart (beyond the tolerance) within 31 days: for each pair of
    distinct figures, the two closest in time. Figures are few even when values are many (a wire figure
    reprinted by a thousand outlets), so the work is near-linear in the values."""
    by_range: dict[tuple[float, float], list[int]] = defaultdict(list)
    for i, v in enumerate(vals):
        if v["low"] is not None and v["high"] is not None and not v["superseded"]:
            by_range[(v["low"], v["high"])].append(i)
    ranges = sorted(by_range, key=lambda r: (-len(by_range[r]), r))[:_MAX_FIGURES]
    day = [_day(v["as_of_lo"]) if v["as_of_lo"] else None for v in vals]
    out: list[dict[str, Any]] = []
    for n, r1 in enumerate(ranges):
        for r2 in ranges[n + 1 :]:
            if not _apart(vals[by_range[r1][0]], vals[by_range[r2][0]]):
                continue
            best = _closest(by_range[r1], by_range[r2], vals, day, cumulative)
            if best is not None:
                x, y = vals[best[1]], vals[best[2]]
                out.append(
                    {
                        "a": best[1],
                        "b": best[2],
                        "note": f"{x['source']} {x['text']} vs {y['source']} {y['text']}",
                    }
                )
    return sorted(out, key=lambda c: (c["a"], c["b"]))


def _closest(
    a_idx: list[int], b_idx: list[int], vals: list[dict[str, Any]], day: list[int | None],
    cumulative: bool = False,
) -> tuple[int, int, int] | None:  # fmt: skip
    """(gap in days, i, j) of the closest two values, one from each list, from different origins and at
    most 31 days apart (an undated value is at any date); both lists are in date order. For a cumulative
    count a later, higher figure is no rival (the toll rose)."""

    def rival(i: int, j: int) -> bool:
        if vals[i]["origin"] == vals[j]["origin"]:
            return False
        di, dj = day[i], day[j]
        if not cumulative or di is None or dj is None or di == dj:
            return True
        later, earlier = (i, j) if di > dj else (j, i)
        return not vals[later]["low"] > vals[earlier]["high"]

    dated = [(d, j) for j in b_idx if (d := day[j]) is not None]
    days = [d for d, _ in dated]
    undated = [j for j in b_idx if day[j] is None]
    best: tuple[int, int, int] | None = None
    for i in a_idx:
        di, origin = day[i], vals[i]["origin"]
        found: list[tuple[int, int]] = []
        if di is None:
            found += [(0, j) for j in b_idx if vals[j]["origin"] != origin][:1]
        else:
            at = bisect.bisect_left(days, di)
            for step, k in ((-1, at - 1), (1, at)):
                while 0 <= k < len(dated) and abs(di - days[k]) <= CONTRADICTION_DAYS:
                    if rival(i, dated[k][1]):
                        found.append((abs(di - days[k]), dated[k][1]))
                        break
                    k += step
            found += [(0, j) for j in undated if vals[j]["origin"] != origin][:1]
        for gap, j in found:
            if best is None or gap < best[0]:
                best = (gap, min(i, j), max(i, j))
    return best


class _ArticleText:
    """The words around a figure, within its paragraph, reading each article's text once (figures come in
    article order)."""

    def __init__(self, db: Any) -> None:
        self.db = db
        self.article: str | None = None
        self.text = ""

    def around(self, article_id: str, start: int, end: int) -> tuple[str, int]:
        """The window and where it starts in the article."""
        if article_id != self.article:
            row = self.db.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
            self.article, self.text = article_id, (row[0] if row else "")
        lo = max(self.text.rfind("\n", 0, start), start - _WINDOW) + 1
        hi = min(x for x in (self.text.find("\n", end), end + _WINDOW) if x >= 0)
        return self.text[lo:hi], lo


_KILLED = re.compile(
    r"\b(?:kill|killing|killed|dead|deaths?|died|die|slaughtered|massacred|murdered|lives)\b", re.I
)
_WOUNDED = re.compile(r"\b(?:wound|wounded|wounding|injur\w*|hurt)\b", re.I)


def _measure(unit: str | None, window: str, at: int) -> str | None:
    """What a figure counts: the dead or the wounded when a casualty word stands next to it ("killing 49",
    "49 people killed", "wounded 53"), else its unit noun ("emails", "delegates", "USD")."""
    lo = max(0, at - 25)
    near, here = window[lo : at + 40], at - lo  # the figure is at ``here`` in ``near``
    hits = [(abs(m.start() - here), "killed") for m in _KILLED.finditer(near)]
    hits += [(abs(m.start() - here), "wounded") for m in _WOUNDED.finditer(near)]
    if hits:
        return min(hits)[1]
    if not unit:
        return None
    u = unit if unit == "USD" or unit.isupper() else _stem(unit.lower())
    return None if u in _NOT_COUNTED else u


_CASUALTY = frozenset({"killed", "wounded"})
_NOT_COUNTED = frozenset(
    "time way year month week day hour minute point percent thing one lot part kind number".split()
)


def _loose_groups(values: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Figures with the same measure, from different articles, that share at least two words of their
    sentences (one when the figure is the same) and whose values are within a factor of two, reported within
    45 days of each other; only groups that reach two articles. Blocks are measure × order of magnitude
    (base 2, compared with the neighbouring ones); a block too big to compare whole ("3 people") is
    searched through each figure's rarest words, so the work stays near-linear."""
    dsu = DisjointSets()
    # The same figure in the same words within the same 45 days (a wire story reprinted, a text reused) is
    # one figure: joined to its first occurrence at once, and only the distinct ones are compared.
    first: dict[tuple[Any, ...], int] = {}
    distinct: list[int] = []
    for i, v in enumerate(values):
        period = _day(v["published"] or "") // _FIGURE_DAYS
        same = (v["measure"], v["low"], v["high"], frozenset(v["words"]), period)
        if same in first:
            dsu.union(str(first[same]), str(i))
        else:
            first[same] = i
            distinct.append(i)
    span: dict[str, tuple[float, float]] = {str(i): (v["low"], v["low"]) for i, v in enumerate(values)}

    def join(i: int, j: int) -> None:
        a, b = dsu.find(str(i)), dsu.find(str(j))
        if a == b:
            return
        lo, hi = min(span[a][0], span[b][0]), max(span[a][1], span[b][1])
        if lo > 0 and hi > _SPREAD * lo:
            return
        dsu.union(a, b)
        span[dsu.find(a)] = (lo, hi)

    blocks: dict[Any, list[int]] = defaultdict(list)
    for i in distinct:
        v = values[i]
        blocks[(v["measure"], _magnitude(v["low"]))].append(i)
    exact: dict[float, list[int]] = defaultdict(list)
    for i in distinct:
        v = values[i]
        if v["low"] >= _DISTINCT_FIGURE and v["low"] == v["high"]:
            # "250,000 Syrian refugees" and "admit 250,000 Syrians": an exact large figure is one count,
            # whatever noun the report counts it in
            exact[v["low"]].append(i)
    indexes: dict[Any, dict[str, list[int]]] = {}

    def index(key: Any) -> dict[str, list[int]]:
        if key not in indexes:
            idx: dict[str, list[int]] = defaultdict(list)
            for j in blocks[key]:
                for w in values[j]["words"]:
                    idx[w].append(j)
            indexes[key] = idx
        return indexes[key]

    for i in distinct:
        x = values[i]
        m = _magnitude(x["low"])
        candidates: set[int] = set()
        for key in ((x["measure"], m - 1), (x["measure"], m), (x["measure"], m + 1)):
            block = blocks.get(key, ())
            if len(block) <= _BLOCK:
                candidates.update(block)
                continue
            idx = index(key)
            for w in sorted(x["words"], key=lambda w: (len(idx[w]), w))[:_RARE_WORDS]:
                if len(idx[w]) <= _BLOCK:
                    candidates.update(idx[w])
        for j in candidates:
            if j > i and _same_figure(x, values[j]):
                join(i, j)
        if x["low"] in exact and len(exact[x["low"]]) <= _BLOCK:
            for j in exact[x["low"]]:
                if j > i and _same_figure(x, values[j], need=2):  # other nouns: two shared words
                    join(i, j)
    clusters: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for i in range(len(values)):
        clusters[dsu.find(str(i))].append(values[i])
    return [vals for vals in clusters.values() if len({v["articles"][0]["article_id"] for v in vals}) >= 2]


def _magnitude(x: float) -> int:
    return math.floor(math.log2(x)) if x > 0 else -99


def _same_figure(x: dict[str, Any], y: dict[str, Any], need: int = 1) -> bool:
    same_value = (x["low"], x["high"]) == (y["low"], y["high"])
    if x["articles"][0]["article_id"] == y["articles"][0]["article_id"]:
        return same_value and len(x["words"] & y["words"]) >= 2  # one article: a figure repeated
    if _gap(x["published"], y["published"]) > _FIGURE_DAYS:
        return False  # reported more than 45 days apart: another count
    shared = len(x["words"] & y["words"])
    if same_value:
        return shared >= need
    # values within a factor of two: 10,000 and 12,000 are one count, 22 and 64 emails are two
    lo = max(x["low"], y["low"])
    hi = min(
        x["high"] if x["high"] is not None else x["low"], y["high"] if y["high"] is not None else y["low"]
    )
    return shared >= 2 and hi > 0 and lo <= 2 * hi


_VALUE_KEYS = (
    "value", "low", "high", "text", "source", "via", "as_of", "granularity", "articles", "superseded",
)  # fmt: skip


def _merge_same(vals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per (origin, figure, date): the same figure repeated in copies is one value. Within one
    article a figure its source repeats is one value too, dated by the mention that names its date
    ("Zelensky said on Thursday … 10,000 soldiers" and later "10,000" in his quote)."""
    in_article: dict[tuple[Any, ...], dict[str, Any]] = {}
    for v in vals:
        k = (v["origin"], v["low"], v["high"], v["articles"][0]["article_id"])
        first = in_article.get(k)
        if first is None:
            in_article[k] = dict(v)
            continue
        first["articles"] = first["articles"] + v["articles"]
        if (v["as_of_lo"] or "9999") < (first["as_of_lo"] or "9999"):
            for key in ("as_of", "granularity", "as_of_lo", "as_of_hi"):
                first[key] = v[key]
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for v in in_article.values():
        k = (v["origin"], v["low"], v["high"], v["as_of"])
        if k in seen:
            seen[k]["articles"] += v["articles"]
        else:
            seen[k] = dict(v)
    return list(seen.values())


def _apart(x: dict[str, Any], y: dict[str, Any]) -> bool:
    """Ranges that do not meet, even widened by the tolerance."""
    if None in (x["low"], x["high"], y["low"], y["high"]):
        return False
    tol = ESTIMATE_TOLERANCE
    return x["high"] * (1 + tol) < y["low"] or y["high"] * (1 + tol) < x["low"]


def _outlet_voice(a: Any, at: int) -> str:
    """Who gives a figure no claim holds: the outlet, in its headline or in its own words."""
    name = a["outlet"] or "the outlet"
    title = a["title"] or ""
    if title and a["head"].startswith(title[:400]) and at < len(title):
        return f"{name} (headline)"
    return name


def _family_from_text(db: Any, article_id: str, at: int) -> str | None:
    row = db.execute(
        "SELECT substr(text, ?, 240) FROM articles WHERE id = ?", (max(1, at - 119), article_id)
    ).fetchone()
    window = (row[0] if row else "").lower()
    if re.search(r"\b(kill|dead|die|wound|injur|casualt)", window):
        return "casualties"
    if re.search(r"\b(send|sent|deploy|troops|soldiers|boots|brigade|train|forces)\b", window):
        return "force size"
    return None


def _nearest_country(db: Any, article_id: str, at: int) -> dict[str, Any] | None:
    row = db.execute(
        "SELECT m.text, m.entity_id, e.name FROM mentions m JOIN entities e ON e.id = m.entity_id"
        " WHERE m.article_id = ? AND m.start <= ? AND e.kind IN ('country', 'gov')"
        " ORDER BY m.start DESC LIMIT 1",
        (article_id, at),
    ).fetchone()
    return {"text": row["text"], "entity_id": row["entity_id"], "name": row["name"]} if row else None
