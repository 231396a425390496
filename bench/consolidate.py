"""Consolidation: wire-origin detection on PolNeAR, and consolidation time and memory at scale.

    .venv/bin/python bench/consolidate.py [--split train|dev|test|all]      # wire origins
    .venv/bin/python bench/consolidate.py --scale [--sizes 1000,10000,100000] [--base 200]
    .venv/bin/python bench/consolidate.py --gold [--show]                    # propositions, estimates

Gold: the hand-built dev gold of consolidate_gold/propositions.json (11 stories, 76 PolNeAR train articles;
see consolidate_gold/README.md) is ingested into one store and scored pairwise — propositions over PolNeAR's
attributions matched to extracted claims, estimate groups over annotated figures.

Wire origins: every PolNeAR article of the split is read and cleaned as `newsledger ingest` does (no
parse needed), and `consolidate.wire_origin` names its wire service from the dateline credit and the
text; compared with the `wire` field of data/metadata.tsv (AP, UPI, AFP, Reuters; "None"/"NA"/empty =
no wire). Precision/recall over articles with a predicted / a gold wire; a prediction is right when it
names the gold service.

Scale: `--base` PolNeAR train articles (of 1,500-5,000 characters) are extracted once; the script then
builds stores of each size from them: each article joins three base articles (texts and records, offsets
moved), one in twenty is a near-copy of a recent one (its last sentence dropped, another outlet, a day
later) — and times
`consolidate` on each in a fresh process, printing seconds and peak memory. The growth from 10k to 100k must
be at most 12x.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
WIRES = {"ap": "AP", "upi": "UPI", "afp": "AFP", "reuters": "Reuters"}


def wire_bench(shared: Path, split: str) -> None:
    from newsledger.consolidate import wire_origin
    from newsledger.pipeline import Options, prepare
    from newsledger.readers import read_inputs

    base = shared / "data" / "polnear" / "data"
    gold: dict[str, str | None] = {}
    for line in (base / "metadata.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        f = line.split("\t")
        if len(f) < 12 or f[0] not in ("train", "dev", "test") or (split != "all" and f[0] != split):
            continue
        gold[f"{f[0]}/{f[1]}"] = WIRES.get(f[11].strip().lower())
    tp = fp = fn = 0
    errors = []
    t0 = time.perf_counter()
    for key, want in sorted(gold.items()):
        part, name = key.split("/", 1)
        path = base / part / "text" / f"{name}.txt"
        if not path.exists():
            continue
        (raw,) = list(read_inputs([str(path)]))
        art = prepare(raw, Options())
        got = wire_origin(art.agency, art.text)
        if got and want and got == want:
            tp += 1
        else:
            if got:
                fp += 1
            if want:
                fn += 1
            if got or want:
                errors.append((key, want, got))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    n_gold = sum(1 for v in gold.values() if v)
    print(f"\n## Wire origin from the text, PolNeAR {split} ({len(gold)} articles, {n_gold} from a wire)\n")
    print("| precision | recall | F1 | seconds |\n|---|---|---|---|")
    print(f"| {p:.3f} | {r:.3f} | {f1:.3f} | {time.perf_counter() - t0:.1f} |")
    if "--show" in sys.argv:
        for e in errors:
            print("  ", e)


def _pairs_score(gold: dict[str, str], pred: dict[str, str], article: dict[str, str]) -> tuple[int, int, int]:
    """Pairwise counts over pairs of units from different articles: (both same, predicted only, gold only).
    ``gold`` and ``pred`` map each unit to its cluster; a unit missing from ``pred`` is a singleton."""
    from collections import Counter

    def same_pairs(cluster_of: dict[str, str]) -> Counter:
        # pairs in one cluster, minus those within one article: sum over clusters of C(n,2) - sum C(n_a,2)
        by: dict[str, list[str]] = {}
        for u, c in cluster_of.items():
            by.setdefault(c, []).append(u)
        out: Counter = Counter()
        for members in by.values():
            for i, u in enumerate(members):
                for v in members[i + 1 :]:
                    if article[u] != article[v]:
                        out[tuple(sorted((u, v)))] += 1
        return out

    g = same_pairs(gold)
    p = same_pairs({u: c for u, c in pred.items() if u in gold})
    tp = sum(1 for k in p if k in g)
    return tp, len(p) - tp, len(g) - tp


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def gold_bench(shared: Path, gold_path: Path, show: bool) -> None:
    """Proposition clustering and estimate grouping against the hand-built gold (see consolidate_gold/)."""
    import sqlite3

    base = shared / "data" / "polnear" / "data"
    meta = {}
    for line in (base / "metadata.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        f = line.split("\t")
        if len(f) >= 12:
            meta[f[1]] = f
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    work = Path(tempfile.mkdtemp(prefix="nl-gold-"))
    feed = work / "stories.jsonl"
    names = [a for s in gold["stories"] for a in s["articles"]]
    with feed.open("w", encoding="utf-8") as fh:
        for name in names:
            f = meta[name]
            text = (base / f[0] / "text" / f"{name}.txt").read_text(encoding="utf-8")
            row = {"id": name, "url": f"polnear://{name}", "text": text, "title": f[7], "published": f[5]}
            fh.write(json.dumps({**row, "outlet": f[4]}) + "\n")
    db = work / "gold.db"
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "newsledger", "ingest", "--no-clean", "--db", str(db), str(feed)],
        check=True, capture_output=True,
    )  # fmt: skip
    seconds = time.perf_counter() - t0
    con = sqlite3.connect(db)
    art_of = {url.removeprefix("polnear://"): aid for aid, url in con.execute("SELECT id, url FROM articles")}
    claims: dict[str, list[tuple[int, int, int]]] = {}
    for aid, idx, s, e in con.execute("SELECT article_id, idx, content_start, content_end FROM claims"):
        if s is not None:
            claims.setdefault(aid, []).append((idx, s, e))
    prop_of = {
        (aid, idx): str(pid)
        for pid, aid, idx in con.execute(
            "SELECT proposition_id, article_id, idx FROM proposition_members WHERE kind = 'claim'"
        )
    }
    # Gold units: every PolNeAR attribution of the story articles; in a gold proposition or on its own.
    gold_of: dict[str, str] = {}
    pred_of: dict[str, str] = {}
    article: dict[str, str] = {}
    aligned = 0
    for s in gold["stories"]:
        member = {(m["article"], m["attribution"]): f"{s['id']}#{i}" for i, p in enumerate(s["propositions"])
                  for m in p["members"]}  # fmt: skip
        for name in s["articles"]:
            ann = sorted((base / "train" / "attributions").glob(f"{name}_*.ann"))[0]
            for eid, (cs, ce) in _content_spans(ann).items():
                u = f"{name}:{eid}"
                article[u] = name
                gold_of[u] = member.get((name, eid), u)
                best = _best_overlap(claims.get(art_of.get(name, ""), []), cs, ce)
                if best is not None and (art_of[name], best) in prop_of:
                    pred_of[u] = prop_of[(art_of[name], best)]
                    aligned += 1
    tp, fp, fn = _pairs_score(gold_of, pred_of, article)
    both = {u: c for u, c in gold_of.items() if u in pred_of}
    tp2, fp2, fn2 = _pairs_score(both, pred_of, article)
    # Estimates: each gold figure is the system value whose span overlaps it; groups by estimate id.
    est_of: dict[tuple[str, int], str] = {}
    for eid, data in con.execute("SELECT id, data FROM estimates"):
        for v in json.loads(data)["values"]:
            for a in v["articles"]:
                for pos in range(a["start"], a["end"]):
                    est_of[(a["article_id"], pos)] = str(eid)
    g_est: dict[str, str] = {}
    p_est: dict[str, str] = {}
    e_article: dict[str, str] = {}
    exact = total = 0
    for s in gold["stories"]:
        for i, e in enumerate(s["estimates"]):
            for v in e["values"]:
                u = f"{v['article']}@{v['start']}"
                g_est[u] = f"{s['id']}#{i}"
                e_article[u] = v["article"]
                hit = next((est_of[(art_of.get(v["article"], ""), pos)] for pos in range(v["start"], v["end"])
                            if (art_of.get(v["article"], ""), pos) in est_of), None)  # fmt: skip
                if hit is not None:
                    p_est[u] = hit
    for u, g in g_est.items():
        total += 1
        want = {x for x, y in g_est.items() if y == g}
        got = {x for x in g_est if u in p_est and p_est.get(x) == p_est[u]}
        exact += want == (got or {u})
    etp, efp, efn = _pairs_score(g_est, p_est, e_article)
    n_props = sum(len(s["propositions"]) for s in gold["stories"])
    stories = len(gold["stories"])
    print(f"\n## Propositions and estimates vs the gold ({stories} stories, {len(names)} PolNeAR train"
          f" articles, {n_props} gold propositions; ingest + consolidate {seconds:.0f} s)\n")  # fmt: skip
    print("| measure | units | precision | recall | F1 |\n|---|---|---|---|---|")
    for what, n, counts in (
        ("proposition pairs, end to end (all attributions)", len(gold_of), (tp, fp, fn)),
        ("proposition pairs, attributions the extractor found", aligned, (tp2, fp2, fn2)),
        ("estimate pairs (figures)", len(g_est), (etp, efp, efn)),
    ):
        p, r, f1 = _prf(*counts)
        print(f"| {what} | {n} | {p:.3f} | {r:.3f} | {f1:.3f} |")
    print(
        f"\nestimate grouping accuracy (a figure's group is exactly its gold group): {exact}/{total}"
        f" = {exact / max(1, total):.3f}; figures found in some estimate group: {len(p_est)}/{len(g_est)}"
    )
    print(f"gold pairs: propositions {tp + fn}, estimates {etp + efn}")
    if show:
        _show_pairs(gold_of, pred_of, article, con, art_of)
    con.close()


def _show_pairs(gold_of, pred_of, article, con, art_of) -> None:
    by_gold: dict[str, list[str]] = {}
    for u, g in gold_of.items():
        by_gold.setdefault(g, []).append(u)
    for g, us in by_gold.items():
        if len(us) > 1:
            print("GOLD", g, [(u, pred_of.get(u)) for u in us])
    by_pred: dict[str, list[str]] = {}
    for u, c in pred_of.items():
        by_pred.setdefault(c, []).append(u)
    for c, us in by_pred.items():
        gs = {gold_of[u] for u in us}
        if len({article[u] for u in us}) > 1 and len(gs) > 1:
            label = con.execute("SELECT label FROM propositions WHERE id = ?", (int(c),)).fetchone()
            print("PRED", c, label[0][:100] if label else "", [(u, gold_of[u]) for u in us])


def _content_spans(ann: Path) -> dict[str, tuple[int, int]]:
    """PolNeAR attribution id -> the first and last character of its content span."""
    spans: dict[str, tuple[int, int]] = {}
    out: dict[str, tuple[int, int]] = {}
    for line in ann.read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if line.startswith("T") and len(f) >= 2:
            offs = [int(x) for x in f[1].replace(";", " ").split()[1:]]
            spans[f[0]] = (min(offs), max(offs))
        elif line.startswith("E") and len(f) >= 2:
            parts = dict(p.split(":", 1) for p in f[1].split())
            t = parts.get("Content")
            if t in spans:
                out[f[0]] = spans[t]
    return out


def _best_overlap(claims: list[tuple[int, int, int]], s: int, e: int) -> int | None:
    """The claim whose content overlaps [s, e) most, if it covers at least a third of either span."""
    best, most = None, 0
    for idx, cs, ce in claims:
        o = min(e, ce) - max(s, cs)
        if o > most and (o * 3 >= e - s or o * 3 >= ce - cs):
            best, most = idx, o
    return best


def _shift(ex, off: int, qoff: int, coff: int):
    """An extraction's records moved by ``off`` characters (and its events' indices by qoff / coff)."""
    import dataclasses

    def mv(r):
        if r is None:
            return None
        return dataclasses.replace(r, start=r.start + off, end=r.end + off)

    ents = [mv(m) for m in ex.entities]
    times = [mv(t) for t in ex.times]
    qs = [mv(q) for q in ex.quantities]
    claims = [
        dataclasses.replace(mv(c), source=mv(c.source), cue=mv(c.cue), content=mv(c.content))
        for c in ex.claims
    ]
    events = [
        dataclasses.replace(
            mv(e), trigger=mv(e.trigger), actor=mv(e.actor), target=mv(e.target), place=mv(e.place),
            quantities=tuple(i + qoff for i in e.quantities),
            claim=None if e.claim is None else e.claim + coff,
        )
        for e in ex.events
    ]  # fmt: skip
    return ents, times, qs, claims, events


def _variants(extractions: list, n: int, seed: int = 3):
    """n articles made of real ones: each joins three base articles (so texts differ as news texts do),
    and one in twenty is a near-copy of an earlier one (a sentence dropped: a wire rewrite)."""
    import dataclasses

    from newsledger.model import Extraction

    rng = random.Random(seed)
    outlets = [f"outlet-{i}" for i in range(40)]
    start = dt.date(2016, 1, 1)
    made: list = []
    for i in range(n):
        if made and rng.random() < 0.05:
            ex = rng.choice(made[-500:])
            a = ex.article
            sents = re.split(r"(?<=[.!?]) ", a.text)
            cut = sum(len(s) + 1 for s in sents[:-1]) if len(sents) > 3 else len(a.text)
            text = a.text[:cut].rstrip()  # the last sentence dropped: every offset before it still holds
            keep = len(text)
            new = Extraction(
                article=dataclasses.replace(
                    a, id=f"scale-{i:07d}", text=text, source_text=text, outlet=rng.choice(outlets),
                    path=f"scale/{i}.txt", published=a.published + dt.timedelta(days=1),
                ),
                entities=[m for m in ex.entities if m.end <= keep],
                times=[t for t in ex.times if t.end <= keep],
                quantities=ex.quantities,
                claims=ex.claims,
                events=[],
            )  # fmt: skip
            made.append(new)
            del made[:-500]  # only recent ones are copied; keep memory flat
            yield new
            continue
        parts = rng.sample(extractions, 3)
        text, ents, times, qs, claims, events = "", [], [], [], [], []
        for ex in parts:
            if text:
                text += "\n\n"
            e, t, q, c, v = _shift(ex, len(text), len(qs), len(claims))
            text += ex.article.text
            ents += e
            times += t
            qs += q
            claims += c
            events += v
        art = dataclasses.replace(
            parts[0].article, id=f"scale-{i:07d}", text=text, source_text=text, outlet=rng.choice(outlets),
            published=start + dt.timedelta(days=rng.randrange(0, 365)), path=f"scale/{i}.txt", removed=(),
            headings=(),
        )  # fmt: skip
        new = Extraction(article=art, entities=ents, times=times, quantities=qs, claims=claims, events=events)
        made.append(new)
        del made[:-500]  # only recent ones are copied; keep memory flat
        yield new


def base_extractions(shared: Path, base_n: int) -> list:
    """The first ``base_n`` PolNeAR train articles of ordinary length (1,500-5,000 characters), extracted,
    so that no one text dominates a joined one."""
    from newsledger.pipeline import Options, run
    from newsledger.readers import read_inputs

    texts = [
        p
        for p in sorted((shared / "data" / "polnear" / "data" / "train" / "text").glob("*.txt"))
        if 1500 <= p.stat().st_size <= 5000
    ][:base_n]
    return [r for r in run(read_inputs([str(p) for p in texts]), Options()) if hasattr(r, "article")]


def write_store(db: Path, base: list, n: int) -> None:
    """A store of ``n`` articles made from the base extractions (see _variants), in batches of 500."""
    from newsledger.store import Store

    store = Store(db)
    batch = []
    for ex in _variants(base, n):
        batch.append(ex)
        if len(batch) == 500:
            store.write_batch(batch)
            batch = []
    if batch:
        store.write_batch(batch)
    store.close()


def scale_bench(shared: Path, sizes: list[int], base_n: int) -> None:
    t0 = time.perf_counter()
    base = base_extractions(shared, base_n)
    print(f"(extracted {len(base)} base articles in {time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    rows = []
    work = Path(tempfile.mkdtemp(prefix="nl-scale-"))
    for n in sizes:
        db = work / f"s{n}.db"
        t0 = time.perf_counter()
        write_store(db, base, n)
        build = time.perf_counter() - t0
        code = (
            "import json, resource, sys, time; from newsledger.store import Store; "
            "from newsledger.consolidate import consolidate; s = Store(sys.argv[1]); "
            "t = time.perf_counter(); c = consolidate(s); d = time.perf_counter() - t; "
            "mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024; "
            "print(json.dumps({'seconds': d, 'peak_mb': mb, **c}))"
        )
        res = subprocess.run(
            [sys.executable, "-c", code, str(db)], capture_output=True, text=True, check=True
        )
        r = json.loads(res.stdout)
        rows.append((n, build, r))
        print(f"  {n}: {r}", file=sys.stderr)
        db.unlink()
    print("\n## Consolidation at scale (fresh process per size)\n")
    print("| articles | store build s | consolidate s | peak MB | copies | propositions | estimate groups |")
    print("|---|---|---|---|---|---|---|")
    for n, build, r in rows:
        print(
            f"| {n} | {build:.0f} | {r['seconds']:.1f} | {r['peak_mb']:.0f} | {r['copies']} "
            f"| {r['propositions']} | {r['estimates']} |"
        )
    by = {n: r["seconds"] for n, _, r in rows}
    if 10000 in by and 100000 in by:
        print(f"\ngrowth 10k → 100k: {by[100000] / by[10000]:.1f}x (limit 12x)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--split", choices=("train", "dev", "test", "all"), default="train")
    ap.add_argument("--scale", action="store_true")
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--base", type=int, default=300)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--gold", action="store_true", help="propositions and estimates vs consolidate_gold/")
    args = ap.parse_args()
    if args.scale:
        scale_bench(args.shared, [int(x) for x in args.sizes.split(",")], args.base)
    elif args.gold:
        gold_bench(args.shared, ROOT / "bench" / "consolidate_gold" / "propositions.json", args.show)
    else:
        wire_bench(args.shared, args.split)


if __name__ == "__main__":
    main()
