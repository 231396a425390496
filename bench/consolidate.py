"""Consolidation: wire-origin detection on PolNeAR, and consolidation time and memory at scale.

    .venv/bin/python bench/consolidate.py [--split train|dev|test|all]      # wire origins
    .venv/bin/python bench/consolidate.py --scale [--sizes 1000,10000,100000] [--base 200]

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
    args = ap.parse_args()
    if args.scale:
        scale_bench(args.shared, [int(x) for x in args.sizes.split(",")], args.base)
    else:
        wire_bench(args.shared, args.split)


if __name__ == "__main__":
    main()
