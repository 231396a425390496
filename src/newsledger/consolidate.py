"""Consolidation: one story from many reports (docs/CONSOLIDATE.md).

Runs over a store after ingest. Steps:

1. **Copies** — MinHash signatures (datasketch, word 5-gram shingles; kept per article, so only new articles
   are hashed) and LSH candidates; a pair whose estimated Jaccard similarity is ≥ 0.5 is a near-duplicate,
   a wire copy when either carries a wire credit. Copies form report clusters; the earliest article of a
   cluster is its original. Shared passages are the sentences both hold.
2. **Origins** — for each claim: the origin (first link of its chain), the first reporter (the first media
   link after the origin, else the article's wire credit, else the outlet) and the outlet.
3. **Propositions** — claims grouped across articles: identical words from one origin joined first; then,
   blocked by the chain's origin (entity id, else the normalised source text), joined when their content
   words overlap (Jaccard >= 0.3, candidates through each claim's rarest words) or share a figure; then
   across origins when the words overlap strongly (corroboration); a claim quoted inside another is the
   same report; a short non-asserting claim ("declined to confirm the report") joins the claim it answers.
   Events grouped by type and actor with compatible time and a shared target or place. Each has its
   first-seen date, reports (report clusters), independent sources (distinct origins), independent reports
   (distinct origin × first-reporter pairs) and a corroboration level.
4. **Estimates** — figures of people counted for one actor and purpose (force size, casualties), with their
   source and date; contradictions (different sources, dates within 31 days, ranges apart by more than
   15 %) and revisions (one source changing its figure); a conservative value (ACLED practice: the lowest).
5. **Timeline** — dated events (one per event proposition) in time order, with granularity.

Everything is recomputed in one transaction from the stored extractions (blocked, near-linear); the MinHash
signatures are the incremental part.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from .extract.gazetteer import gazetteer
from .store import Store
from .timex import timex_bounds
from .unionfind import DisjointSets

NUM_PERM = 64
SCHEME = "affine32"  # stored signatures are only comparable within one scheme
SHINGLE = 5
COPY_THRESHOLD = 0.5
CLAIM_JACCARD = 0.3
MEMBERS_KEPT = 50  # members written into a proposition's JSON (all are in proposition_members)
_RARE_WORDS = 6  # a claim is compared with those sharing one of its six rarest words
ESTIMATE_TOLERANCE = 0.15
CONTRADICTION_DAYS = 31

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
_WIRE_CREDIT = re.compile(
    r"\((AP|Reuters|AFP|UPI|Yonhap|TASS|Xinhua|dpa|EFE|Kyodo|ANSA)\)"
    r"|(?:^|\n)\s*[©(]?\s*(?:Copyright\s+\d{4}\s+)?(The Associated Press|Associated Press|Reuters|AFP|UPI)\b"
    r"|\b(Associated Press|Reuters|AFP|UPI) (?:writers?|reporters?|correspondents?)\b",
)


def wire_origin(agency: str | None, text: str) -> str | None:
    """The wire service an article comes from: its dateline credit, else a wire credit in its text."""
    if agency:
        w = _WIRE.get(agency.strip().lower())
        if w:
            return w
    m = _WIRE_CREDIT.search(text)
    if m:
        name = next(g for g in m.groups() if g)
        return _WIRE.get(name.lower(), name)
    return None


def _shingles(text: str) -> set[bytes]:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def _sentences(text: str) -> set[str]:
    return {" ".join(s.split()).lower() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.strip()) >= 40}


def _words(text: str) -> set[str]:
    return {w for w in (x.lower() for x in _WORD.findall(text)) if w not in _STOP and len(w) > 2}


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}


@dataclass
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
    words: set[str]
    numbers: set[str]
    published: str | None
    report: str  # the report cluster (original article id)
    start: int
    end: int
    wrapper: bool = False  # its content quotes another claim ("'The NIS said …,' Yonhap said")


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
        for t in ("copies", "article_origins", "propositions", "proposition_members", "estimates"):
            db.execute(f"DELETE FROM {t}")
        db.executemany("INSERT INTO copies VALUES (?,?,?,?,?)", copies)
        db.executemany(
            "INSERT INTO article_origins VALUES (?,?,?)",
            [(aid, wires.get(aid), report_of[aid] if report_of[aid] != aid else None) for aid in articles],
        )
        pid = 0
        for kind, plist in (("claim", props), ("event", event_props)):
            for p in plist:
                pid += 1
                # Every member goes to proposition_members; the JSON keeps the first ones (a wire story
                # reprinted ten thousand times would otherwise make one enormous row).
                members = p["members"]
                shown = {**p, "members": members[:MEMBERS_KEPT], "members_total": len(members)}
                speakers = {m["source"] for m in members if m.get("source")} | set(p.get("origins") or ())
                stances = sorted({m["stance"] for m in members if m.get("stance")})
                db.execute(
                    "INSERT INTO propositions (id, kind, label, first_seen, reports, independent_sources,"
                    " independent_reports, corroboration, data, speakers, stances)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (pid, kind, p["label"], p["first_seen"], p["reports"], p["independent_sources"],
                     p["independent_reports"], p["corroboration"], json.dumps(shown),
                     "\n".join(sorted(speakers)) or None, " ".join(stances) or None),
                )  # fmt: skip
                db.executemany(
                    "INSERT INTO proposition_members VALUES (?,?,?,?)",
                    [(pid, m["article_id"], kind, m["idx"]) for m in members],
                )
        for i, est in enumerate(estimates, 1):
            est["id"] = i
            db.execute(
                "INSERT INTO estimates VALUES (?,?,?,?,?,?)",
                (i, est["label"], est["unit"], est["actor"], est["context"], json.dumps(est)),
            )
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
    sigs: dict[str, Any] = {}
    wires: dict[str, str | None] = {}
    for r in db.execute("SELECT id, agency, text FROM articles ORDER BY id"):
        aid = r["id"]
        blob = have.get(aid)
        if blob is not None:
            mh = MinHash(
                num_perm=NUM_PERM, hashvalues=np.frombuffer(blob, dtype=np.uint64).copy(), scheme=SCHEME
            )
        else:
            mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
            mh.update_batch(list(_shingles(r["text"])))
            new_sigs.append((aid, mh.hashvalues.astype("uint64").tobytes()))
        wires[aid] = wire_origin(r["agency"], r["text"])
        sigs[aid] = mh
        lsh.insert(aid, mh)
        if progress is not None:
            progress()
    dsu = DisjointSets()
    for aid, mh in sigs.items():
        for other in lsh.query(mh):
            if other > aid and mh.jaccard(sigs[other]) >= COPY_THRESHOLD:
                dsu.union(aid, other)
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
        shared = sorted(sents(aid) & sents(other), key=len)
        out.append((aid, other, round(sim, 3), kind, json.dumps(shared[-5:][::-1])))
    return out, report_of, wires, new_sigs


def _key(text: str) -> str:
    t = re.sub(r"^(the|a|an)\s+", "", " ".join(text.lower().split()))
    return t.strip(" ,.;:\"'“”")


def _claims(
    store: Store, articles: dict[str, Any], report_of: dict[str, str], wires: dict[str, str | None]
) -> list[_Claim]:
    media = {r[0] for r in store.db.execute("SELECT id FROM entities WHERE kind = 'media'")}
    out = []
    for r in store.db.execute(
        "SELECT article_id, idx, source_text, source_entity_id, source_name, via, stance, content_text,"
        " content_start, content_end FROM claims ORDER BY article_id, idx"
    ):
        a = articles[r["article_id"]]
        via = json.loads(r["via"] or "[]")
        chain = [v["name"] for v in via]
        speaker = r["source_entity_id"] or _key(r["source_name"] or r["source_text"] or "") or "(unsourced)"
        origin = (via[0].get("entity_id") or _key(via[0]["name"])) if via else speaker
        reporter = next((v.get("entity_id") for v in via[1:] if v.get("entity_id") in media), None)
        if reporter is None:
            reporter = next((v.get("entity_id") for v in via if v.get("entity_id") in media), None)
        wire = wires.get(r["article_id"])
        if reporter is None and wire:
            actor = gazetteer().actor(wire)
            reporter = actor.entity_id if actor is not None else wire.lower()
        reporter = reporter or _key(a["outlet"] or a["id"])
        out.append(
            _Claim(
                r["article_id"], r["idx"], speaker, r["source_name"] or r["source_text"] or "(unsourced)",
                origin, reporter, chain, r["stance"], r["content_text"] or "",
                _words(r["content_text"] or ""), _numbers(r["content_text"] or ""), a["published"],
                report_of[r["article_id"]],
                r["content_start"], r["content_end"],
            )
        )  # fmt: skip
    return out


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
        for w in sorted(ws, key=lambda w: len(index[w]))[:_RARE_WORDS]:
            postings = index[w]
            if len(postings) > 200:
                continue
            for other in postings:
                if other <= root or other in seen:
                    continue
                seen.add(other)
                inter = len(ws & words[other])
                jac = inter / (len(ws | words[other]) or 1)
                if jac >= 0.5 or (jac >= CLAIM_JACCARD and nums[root] & nums[other]):
                    dsu.union(root, other)


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
        key = (c.origin, frozenset(c.words))
        if key in first_of:
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
            for w in sorted(c.words, key=lambda w: len(index[w]))[:_RARE_WORDS]:
                postings = index[w]
                if len(postings) > 200:
                    continue  # too common to tell claims apart
                for j in postings:
                    if j <= i or j in seen:
                        continue
                    seen.add(j)
                    d = group[j]
                    inter = len(c.words & d.words)
                    union = len(c.words | d.words) or 1
                    if inter / union >= CLAIM_JACCARD or (c.numbers & d.numbers and inter >= 2):
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
    _merge_across_origins(claims, dsu, cid)
    clusters: dict[str, list[_Claim]] = defaultdict(list)
    for c in claims:
        clusters[dsu.find(cid(c))].append(c)
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
        out.append(
            {
                "label": f"{lead.speaker_name}: {lead.content[:140]}",
                "speaker": lead.speaker_name,
                "first_seen": min((m.published for m in members if m.published), default=None),
                "reports": len(reports),
                "independent_sources": len(origins),
                "independent_reports": max(1, len(pairs)),
                "corroboration": _corroboration(len(origins), len(pairs), stances),
                "origins": sorted(origins),
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
    return out, n


def _light(arg: dict[str, Any] | None) -> dict[str, Any] | None:
    if not arg:
        return None
    return {"text": arg["text"], "entity_id": arg.get("entity_id"), "name": arg.get("name")}


def _arg_key(arg: dict[str, Any] | None) -> str | None:
    return (arg.get("entity_id") or _key(arg["text"])) if arg else None


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
    names: dict[str, str] = {}
    rows = list(
        db.execute(
            'SELECT q.article_id, q.idx, q.start, q."end", q.text, q.value, q.low, q.high, q.unit,'
            " t.value AS own_time FROM quantities q"
            " LEFT JOIN times t ON t.article_id = q.article_id AND t.idx = q.time_idx"
            " WHERE q.unit IS NOT NULL ORDER BY q.article_id, q.idx"
        )
    )
    # Figures tied to an event first: a figure repeated without one in the same article ("10,000 soldiers"
    # in a quote after "training 10,000 soldiers") joins that group.
    rows.sort(key=lambda q: (q["article_id"], (q["article_id"], q["idx"]) not in q_event, q["idx"]))
    placed: dict[tuple[str, Any, Any, str], tuple[str, str]] = {}
    for q in rows:
        unit = _PEOPLE_UNITS.get((q["unit"] or "").lower())
        if unit is None:
            continue
        ev = q_event.get((q["article_id"], q["idx"]))
        a = articles[q["article_id"]]
        same = placed.get((q["article_id"], q["low"], q["high"], unit))
        if ev is not None:
            family = _FAMILIES.get(ev["type"], ev["type"])
            party = ev.get("target") if family in ("casualties", "detained") else ev.get("actor")
            party = party or ev.get("actor")
        elif same is not None:
            family, party = same[1], {"entity_id": same[0], "name": names.get(same[0], same[0])}
        else:
            family, party = _family_from_text(db, q["article_id"], q["start"]), None
        if party is None:
            party = _nearest_country(db, q["article_id"], q["start"])
        if party is None or family is None:
            continue
        pkey = party.get("entity_id") or _key(party.get("name") or party.get("text") or "")
        names[pkey] = party.get("name") or party.get("text") or pkey
        placed.setdefault((q["article_id"], q["low"], q["high"], unit), (pkey, family))
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
        groups[(pkey, unit, family)].append(
            {
                "value": q["value"], "low": q["low"], "high": q["high"], "text": q["text"],
                "source": holder.speaker_name if holder else _outlet_voice(a, q["start"]),
                "origin": holder.origin if holder else _key(a["outlet"] or a["id"]),
                "via": holder.chain if holder else [],
                "as_of": as_of, "granularity": _granularity(as_of) or ("day" if as_of else None),
                "as_of_lo": lo_hi[0], "as_of_hi": lo_hi[1],
                "articles": [
                    {"article_id": q["article_id"], "url": a["url"], "start": q["start"], "end": q["end"]}
                ],
            }
        )  # fmt: skip
    out = []
    for (pkey, unit, family), vals in groups.items():
        vals = _merge_same(vals)
        vals.sort(key=lambda v: (v["as_of_lo"] or "9999", v["value"] or 0))
        contradictions, revisions = [], []
        for i, x in enumerate(vals):
            for j in range(i + 1, len(vals)):
                y = vals[j]
                if not _apart(x, y):
                    continue
                if x["origin"] == y["origin"]:
                    if x["as_of_lo"] != y["as_of_lo"]:
                        revisions.append(
                            {"a": i, "b": j, "note": f"{x['source']}: {x['text']} → {y['text']}"}
                        )
                elif _days_apart(x, y) <= CONTRADICTION_DAYS:
                    contradictions.append(
                        {"a": i, "b": j, "note": f"{x['source']} {x['text']} vs {y['source']} {y['text']}"}
                    )
        lows = [v["low"] for v in vals if v["low"] is not None]
        highs = [v["high"] for v in vals if v["high"] is not None]
        name = names.get(pkey, pkey)
        out.append(
            {
                "id": 0,
                "label": f"{name} — {unit} ({family})",
                "unit": unit,
                "actor": name,
                "actor_id": pkey,
                "context": family,
                "conservative": min(lows) if lows else None,
                "range": [min(lows) if lows else None, max(highs) if highs else None],
                "values": [{k: v[k] for k in _VALUE_KEYS} for v in vals],
                "contradictions": contradictions,
                "revisions": revisions,
            }
        )
    out.sort(key=lambda e: (-len(e["values"]) if isinstance(e["values"], list) else 0, str(e["label"])))
    return out


_VALUE_KEYS = ("value", "low", "high", "text", "source", "via", "as_of", "granularity", "articles")


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


def _days_apart(x: dict[str, Any], y: dict[str, Any]) -> int:
    import datetime as dt

    if not (x["as_of_lo"] and y["as_of_lo"]):
        return 0
    a = dt.date.fromisoformat(x["as_of_lo"])
    b = dt.date.fromisoformat(y["as_of_lo"])
    return abs((a - b).days)


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
