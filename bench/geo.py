"""Toponym recognition and resolution on GeoWebNews, LGL and TR-News, scored with shared/scorers/score_geo.py.

    .venv/bin/python bench/geo.py [--split tune|test] [--only gwn|lgl|tr] [--by-type] [--shared ../shared]

tune = the first 70 % of each corpus's articles in file order (tune only on it), test = the last 30 %
(TR-News, which issue #6 does not name, is a check on data the rules were not written on: the scorer splits
it 83 / 35 articles).
Each corpus split is prepared by the scorer, run end to end through ``newsledger extract --no-clean``
(one process, so the one-off model load and gazetteer open are counted once), and scored: toponym recall,
Acc@161 km and median error over matched toponyms, country accuracy (LGL, TR-News), seconds.
Targets (issue #6): recall >= 0.80 on both; Acc@161 >= 0.91 GWN, >= 0.80 LGL; country >= 0.95 LGL.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = {"gwn": "geowebnews", "lgl": "lgl", "tr": "tr-news"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("tune", "test"), default="tune")
    ap.add_argument("--only", choices=tuple(CORPORA))
    ap.add_argument("--by-type", action="store_true", help="print the scorer's per-type table too")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    scorer = args.shared / "scorers" / "score_geo.py"
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    works: dict[str, Path] = {}
    for short, folder in CORPORA.items():
        if args.only and short != args.only:
            continue
        gold = args.shared / "data" / folder
        work = works[short] = Path(tempfile.mkdtemp(prefix=f"nl-geo-{short}-"))
        subprocess.run(
            [sys.executable, str(scorer), "prepare", str(gold), str(work), "--split", args.split],
            check=True, capture_output=True,
        )  # fmt: skip
        texts = sorted(work.glob("*.txt"), key=lambda p: p.stem)
        pred = out / f"geo-{short}-{args.split}.jsonl"
        t0 = time.perf_counter()
        with pred.open("wb") as fh:
            res = subprocess.run(
                [sys.executable, "-m", "newsledger", "extract", "--no-clean", *map(str, texts)],
                stdout=fh, stderr=subprocess.PIPE, check=False,
            )  # fmt: skip
        seconds = time.perf_counter() - t0
        if res.returncode:
            print(res.stderr.decode()[-2000:], file=sys.stderr)
        score = subprocess.run(
            [sys.executable, str(scorer), "score", str(gold), str(pred), "--split", args.split, "--json"],
            capture_output=True, check=True,
        )  # fmt: skip
        r = json.loads(score.stdout)
        rows.append((short, len(texts), r, seconds))
        if args.by_type:
            table = subprocess.run(
                [sys.executable, str(scorer), "score", str(gold), str(pred), "--split", args.split,
                 "--by-type"],
                capture_output=True, check=False,
            )  # fmt: skip
            print(table.stdout.decode())

    def f(v: object, pct: bool = False) -> str:
        if v is None:
            return "—"
        if isinstance(v, float):
            return f"{100 * v:.1f}" if pct else f"{v:.3f}"
        return str(v)

    # linking cost on the largest corpus run (LGL when it ran)
    _speed(
        ROOT, works.get("lgl") or max(works.values(), key=lambda w: len(list(w.glob("*.txt"))), default=None)
    )
    print(f"\n## Geoparsing, {args.split} split (end to end: recognition + resolution, no gold spans)\n")
    print(
        "| corpus | articles | gold | recall | precision | Acc@161 (matched) | median km | country acc"
        " | e2e Acc@161 | seconds |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for short, n, r, seconds in rows:
        print(
            f"| {short.upper()} | {n} | {r.get('gold_with_coords')} | {f(r.get('recall'))} "
            f"| {f(r.get('precision_lenient'))} "
            f"| {f(r.get('acc161'))} | {f(r.get('median_km'))} | {f(r.get('country_acc'))} "
            f"| {f(r.get('acc161_end_to_end'))} | {seconds:.1f} |"
        )


def _speed(root: Path, work: Path | None) -> None:
    """Share of extraction time spent in entity linking (target: at most 10 % on top of the rest)."""
    if work is None:
        return
    sys.path.insert(0, str(root / "src"))
    from newsledger.extract import extract_claims, extract_entities, extract_quantities, extract_times
    from newsledger.extract.gazetteer import gazetteer
    from newsledger.nlp import get_nlp

    texts = [p.read_text(encoding="utf-8") for p in sorted(work.glob("*.txt"))]
    nlp = get_nlp()
    gazetteer()  # opening the index is a one-off per process, like loading the model
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    t_nlp = time.perf_counter() - t0
    t0 = time.perf_counter()
    ents = [extract_entities(d) for d in docs]
    t_link = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d, e in zip(docs, ents, strict=True):
        extract_times(d, None)
        extract_quantities(d)
        extract_claims(d, e)
    t_rest = time.perf_counter() - t0
    base = t_nlp + t_rest
    print(f"\n## Entity-linking cost ({len(texts)} articles of {work.name.split('-')[2].upper()})\n")
    print("| spaCy parse s | other extractors s | entity linking s | linking / rest |")
    print("|---|---|---|---|")
    print(f"| {t_nlp:.2f} | {t_rest:.2f} | {t_link:.2f} | {100 * t_link / base:.1f} % |")


if __name__ == "__main__":
    main()
