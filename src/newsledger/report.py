"""A readable Markdown brief of a store: articles, claims by source, figures, times, what cleaning dropped."""

from __future__ import annotations

import json
from collections import defaultdict

from .store import PropositionFilter, Store, claim_content

REPORT_ESTIMATES = 12  # estimate groups listed in the report (those with the most values)
_TOP_ENTITIES = 15
_ENTITY_GROUPS = (
    ("People", ("person",)),
    ("Governments, agencies, forces, media", ("gov", "intel", "armed_force", "media", "org")),
    ("Countries and places", ("country", "place")),
)


def _n(count: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{count} {noun if count == 1 else plural}"


def _md(text: str | None) -> str:
    """Article text is untrusted: keep it from breaking the Markdown table it sits in."""
    return (text or "").replace("|", "\\|").replace("\n", " ").strip()


def _story(store: Store) -> list[str]:
    """Key figures by source over time, contested points, the timeline (from `consolidate`)."""
    ests = [json.loads(r["data"]) for r in store.estimates()]
    props = [json.loads(r["data"]) for r in store.propositions(PropositionFilter(kind="claim"))]
    line = [json.loads(r["data"]) for r in store.timeline()]
    if not (ests or props or line):
        return []
    out = ["## Story", ""]
    if ests:
        out += ["### Key figures by source", "", "| quantity | figure | as of | source | contested by |",
                "|---|---|---|---|---|"]  # fmt: skip
        for e in ests[:REPORT_ESTIMATES]:
            for i, v in enumerate(e["values"]):
                against = [e["values"][c["b" if c["a"] == i else "a"]]["source"]
                           for c in e["contradictions"] if i in (c["a"], c["b"])]  # fmt: skip
                src = " → ".join(v["via"]) if v["via"] else v["source"]
                out.append(
                    f"| {_md(e['label']) if i == 0 else ''} | {_md(v['text'])} | {v['as_of'] or '—'} | "
                    f"{_md(src)} | {_md(', '.join(sorted(set(against))))} |"
                )
        if len(ests) > REPORT_ESTIMATES:
            out.append(f"\n{len(ests) - REPORT_ESTIMATES} more groups: `newsledger estimates`.")
        out.append("")
    contested = [p for p in props if p["corroboration"] == "contested"]
    if contested:
        out += ["### Contested points", ""]
        for p in contested:
            sides = "; ".join(f"{_md(s['source'])}: {s['stance']}" for s in p["sides"])
            out.append(f"- {_cut(p['label'], 160)} — {sides}")
        out.append("")
    if line:
        out += [
            "### Timeline",
            "",
            "| date | granularity | event | how sure | reports |",
            "|---|---|---|---|---|",
        ]
        for p in line:
            when = p["time"] + (" (pub.)" if p.get("time_inferred") else "")
            gran = p["granularity"] or "—"
            out.append(f"| {when} | {gran} | {_cut(p['label'], 70)} | {p['modality']} | {p['reports']} |")
        out.append("")
    return out


def _arg(a: dict | None) -> str:
    return _cut((a.get("name") or a.get("text")) if a else "", 40) or "—"


def _cut(text: str | None, n: int = 110) -> str:
    t = _md(text)
    return t if len(t) <= n else t[: n - 1] + "…"


def build_report(store: Store) -> str:
    """The brief as Markdown."""
    stats = store.stats()
    out: list[str] = ["# newsledger report", ""]
    out.append(
        f"{_n(stats['articles'], 'article')} · {_n(stats['claims'], 'claim')} · "
        f"{_n(stats['entities'], 'entity')} · "
        f"{stats['quantities']} figures · {stats['times']} time expressions · "
        f"{stats['failures']} failed inputs"
    )
    if stats["not_english"]:
        out += [
            "",
            f"Not in English, stored without extraction: {_n(stats['not_english'], 'article')}"
            " (newsledger's models read English).",
        ]
    if stats["older_extractor"]:
        out += [
            "",
            f"Articles extracted by an older version of newsledger: {stats['older_extractor']}."
            " `newsledger reextract` brings their records up to date.",
        ]
    out += [
        "",
        "## Articles",
        "",
        "| published | title | claims | removed (lines / chars) |",
        "|---|---|---|---|",
    ]
    for a in store.articles():
        out.append(
            f"| {a['published'] or '—'} | {_cut(a['title'] or a['path'], 80)} | {a['claims']} | "
            f"{a['removed']} / {a['removed_chars']} |"
        )

    claims = store.claims()
    by_source: dict[str, list] = defaultdict(list)
    for c in claims:
        by_source[c["source_name"] or c["source_text"] or "(no source)"].append(c)
    out += ["", "## Claims by source", ""]
    for source, rows in sorted(by_source.items(), key=lambda kv: (-len(kv[1]), kv[0].lower())):
        out.append(f"### {_md(source)} ({len(rows)})")
        out.append("")
        for c in rows:
            chain = " → ".join(_md(v["name"]) for v in json.loads(c["via"] or "[]"))
            hedges = ", ".join(json.loads(c["hedges"] or "[]"))
            extra = []
            if c["stance"] != "asserts":
                extra.append(f"stance: {c['stance']}")
            if chain:
                extra.append(f"chain: {chain}")
            if hedges:
                extra.append(f"hedges: {hedges}")
            tail = f" _({'; '.join(extra)})_" if extra else ""
            out.append(f"- **{_md(c['cue_text'])}** ({c['quote']}): “{_cut(claim_content(c), 160)}”{tail}")
        out.append("")

    out += _story(store)
    evs = store.events()
    if evs:
        out += ["## Events", "", "| when | event | actor | target | place | figures | how sure | source |",
                "|---|---|---|---|---|---|---|---|"]  # fmt: skip
        by_key = {(c["article_id"], c["idx"]): c for c in claims}
        qs = {
            (q["article_id"], q["idx"]): q["text"]
            for q in store.db.execute("SELECT article_id, idx, text FROM quantities")
        }
        for e in evs:
            d = json.loads(e["data"])
            when = d.get("time") or "—"
            if d.get("time_inferred"):
                when += " (pub.)"
            cl = by_key.get((e["article_id"], e["claim"])) if e["claim"] is not None else None
            src = " → ".join(v["name"] for v in json.loads(cl["via"] or "[]")) if cl else "outlet"
            figs = ", ".join(qs.get((e["article_id"], i), "") for i in d.get("quantities", []))
            out.append(
                f"| {when} | {d['type']} ({_md(d['trigger']['text'])}) | {_arg(d.get('actor'))} | "
                f"{_arg(d.get('target'))} | {_arg(d.get('place'))} | {_md(figs)} | {d['modality']} "
                f"| {_md(src)} |"
            )
        out.append("")

    out += ["## Actors and places", ""]
    for title, kinds in _ENTITY_GROUPS:
        rows = [r for r in store.entities() if r["kind"] in kinds][:_TOP_ENTITIES]
        if not rows:
            continue
        out += [
            f"### {title}",
            "",
            "| name | kind | country | mentions | articles |",
            "|---|---|---|---|---|",
        ]
        for r in rows:
            country = r["country"] or "—"
            out.append(f"| {_md(r['name'])} | {r['kind']} | {country} | {r['mentions']} | {r['articles']} |")
        out.append("")

    out += ["## Figures", "", "| figure | value | range | unit | as of | said by | article |",
            "|---|---|---|---|---|---|---|"]  # fmt: skip
    for q in store.db.execute(
        "SELECT q.*, a.title, t.value AS as_of, coalesce(c.source_name, c.source_text) AS said_by "
        "FROM quantities q JOIN articles a ON a.id = q.article_id "
        "LEFT JOIN times t ON t.article_id = q.article_id AND t.idx = q.time_idx "
        "LEFT JOIN claims c ON c.article_id = q.article_id AND c.idx = q.claim_idx "
        "WHERE q.kind IN ('count', 'money', 'percent', 'measure') ORDER BY a.published, q.article_id, q.idx"
    ):
        value = "—" if q["value"] is None else f"{q['value']:,.0f}"
        low = "…" if q["low"] is None else f"{q['low']:,.0f}"
        high = "…" if q["high"] is None else f"{q['high']:,.0f}"
        rng = "" if q["low"] == q["high"] and q["low"] is not None else f"{low}–{high}"
        approx = " (approx.)" if q["approximate"] else ""
        unit = " ".join(x for x in (q["qualifier"], q["unit"], q["per"] and f"per {q['per']}") if x)
        out.append(
            f"| {_md(q['text'])} | {value}{approx} | {rng} | {_md(unit) or '—'} | {q['as_of'] or '—'} | "
            f"{_md(q['said_by']) or '—'} | {_cut(q['title'], 40)} |"
        )

    out += ["", "## Times", "", "| expression | value | granularity | article |", "|---|---|---|---|"]
    for t in store.db.execute(
        "SELECT t.*, a.title FROM times t JOIN articles a ON a.id = t.article_id "
        "ORDER BY t.value, t.article_id"
    ):
        value = t["value"] or ("(unanchored)" if not t["anchored"] else "—")
        out.append(f"| {_md(t['text'])} | {value} | {t['granularity']} | {_cut(t['title'], 40)} |")

    out += ["", "## Removed by cleaning", "", "| reason | pieces | characters |", "|---|---|---|"]
    for r in store.db.execute(
        'SELECT reason, count(*) AS n, sum("end" - start) AS chars FROM removed_spans '
        "GROUP BY reason ORDER BY n DESC"
    ):
        out.append(f"| {r['reason']} | {r['n']} | {r['chars']} |")
    if stats["failures"]:
        out += ["", "## Failed inputs", ""]
        for f in store.db.execute("SELECT path, reason FROM failures ORDER BY at DESC LIMIT 50"):
            out.append(f"- `{_md(f['path'])}`: {_md(f['reason'])}")
    return "\n".join(out) + "\n"
