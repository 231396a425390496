"""Events on the hand-made dev gold (bench/events_gold/dev.jsonl) and a CAMEO sanity check on PETRARCH-2.

    .venv/bin/python bench/events.py [--shared ../shared] [--show]

Dev gold: 180 sentences (PolNeAR train, TempEval-3 TBAQ training), drawn by bench/events_gold/sample.py,
annotated by hand with type, trigger, actor, target, place, time and modality (see
bench/events_gold/README.md). Each sentence is run alone through the extractors (no publication date).

Matching: a gold event is matched by the predicted event whose trigger overlaps the gold trigger's first
occurrence. Type P/R/F1 counts a match as a true positive only when the types agree (``other`` is never
predicted for the gold's purposes). Field accuracies are over matched pairs: an argument is right when
both are absent or the predicted span overlaps the gold span; time when both are absent or the predicted
time expression overlaps the gold one; modality when equal.

CAMEO check: PETR2_GSR_validation.xml (78 sentences, partly machine-coded): for sentences with one coded
event, the share whose root code (first two digits) equals the CAMEO root of one of our events.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

FIELDS = ("actor", "target", "place", "time", "modality")


def _span(sentence: str, text: str | None) -> tuple[int, int] | None:
    """First whole-word occurrence of text ("it" is not the one inside "United")."""
    if not text:
        return None
    m = re.search(r"(?<!\w)" + re.escape(text) + r"(?!\w)", sentence)
    return m.span() if m else None


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and min(a[1], b[1]) > max(a[0], b[0])


def run_sentence(nlp, sentence: str):
    from newsledger.extract import (
        extract_claims,
        extract_entities,
        extract_events,
        extract_quantities,
        extract_times,
    )

    doc = nlp(sentence)
    ents = extract_entities(doc)
    times = extract_times(doc, None)
    qs = extract_quantities(doc)
    claims = extract_claims(doc, ents)
    return extract_events(doc, ents, times, qs, claims, None), times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument(
        "--gold",
        type=Path,
        nargs="*",
        default=[
            ROOT / "bench" / "events_gold" / "dev.jsonl",
            ROOT / "bench" / "events_gold" / "heldout.jsonl",
        ],
    )
    ap.add_argument("--show", action="store_true", help="print each mismatch")
    args = ap.parse_args()
    show = args.show
    from newsledger.nlp import get_nlp

    nlp = get_nlp()
    for path in args.gold:
        _score(nlp, path, show)
    _cameo(nlp, args.shared)


def _score(nlp, path: Path, show: bool) -> None:
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    tp = fp = fn = 0
    per_type: Counter[tuple[str, str]] = Counter()
    right: Counter[str] = Counter()
    matched = 0
    n_pred = n_other = 0
    t0 = time.perf_counter()
    for g in gold:
        s = g["sentence"]
        pred, times = run_sentence(nlp, s)
        n_pred += len(pred)
        n_other += sum(p.type == "other" for p in pred)
        pred = [p for p in pred if p.type != "other"]
        used: set[int] = set()
        for ge in g["events"]:
            gt = _span(s, ge["trigger"])
            hit = next(
                (
                    i
                    for i, p in enumerate(pred)
                    if i not in used and _overlap(gt, (p.trigger.start, p.trigger.end))
                ),
                None,
            )
            if hit is None:
                fn += 1
                per_type[(ge["type"], "fn")] += 1
                if show:
                    print(f"MISS {g['id']} {ge['type']}:{ge['trigger']} | {s}")
                continue
            used.add(hit)
            p = pred[hit]
            if p.type == ge["type"]:
                tp += 1
                per_type[(ge["type"], "tp")] += 1
            else:
                fn += 1
                fp += 1
                per_type[(ge["type"], "fn")] += 1
                per_type[(p.type, "fp")] += 1
                if show:
                    print(f"TYPE {g['id']} gold {ge['type']} pred {p.type} ({ge['trigger']}) | {s}")
            matched += 1
            for f in ("actor", "target", "place"):
                gs = _span(s, ge[f])
                arg = getattr(p, f)
                ps = (arg.start, arg.end) if arg is not None else None
                named = arg is not None and arg.name and ge[f] and ge[f].lower() in arg.name.lower()
                ok = (gs is None and ps is None) or _overlap(gs, ps) or bool(named)
                right[f] += ok
                if show and not ok:
                    got = arg.text if arg else None
                    print(f"  {f:8s} {g['id']} gold {ge[f]!r} pred {got!r} ({ge['trigger']})")
            gtime = _span(s, ge["time"])
            ptime = None
            if p.time_text:
                tt = next((t for t in times if t.text == p.time_text), None)
                ptime = (tt.start, tt.end) if tt else None
            ok = (gtime is None and ptime is None) or _overlap(gtime, ptime)
            right["time"] += ok
            if show and not ok:
                print(f"  time     {g['id']} gold {ge['time']!r} pred {p.time_text!r}")
            right["modality"] += p.modality == ge["modality"]
            if show and p.modality != ge["modality"]:
                print(f"  modality {g['id']} gold {ge['modality']} pred {p.modality} ({ge['trigger']}) | {s}")
        for i, p in enumerate(pred):
            if i not in used:
                fp += 1
                per_type[(p.type, "fp")] += 1
                if show:
                    print(f"EXTRA {g['id']} {p.type}:{p.trigger.text} | {s}")
    seconds = time.perf_counter() - t0
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    n_gold = sum(len(g["events"]) for g in gold)
    print(f"\n## Events: {path.name} ({len(gold)} sentences, {n_gold} gold events, {seconds:.1f} s)\n")
    print(
        "| type P | type R | type F1 | matched | "
        + " | ".join(f"{f} acc" for f in FIELDS)
        + " | other share |"
    )
    print("|---|---|---|---|" + "---|" * len(FIELDS) + "---|")
    accs = " | ".join(f"{right[f] / matched:.3f}" if matched else "—" for f in FIELDS)
    other = n_other / n_pred if n_pred else 0.0
    print(f"| {prec:.3f} | {rec:.3f} | {f1:.3f} | {matched} | {accs} | {other:.3f} |")
    print("\n| type | tp | fp | fn |\n|---|---|---|---|")
    for t in sorted({k[0] for k in per_type}):
        print(f"| {t} | {per_type[(t, 'tp')]} | {per_type[(t, 'fp')]} | {per_type[(t, 'fn')]} |")


def _cameo(nlp, shared: Path) -> None:
    path = shared / "data" / "petrarch-validation" / "UniversalPetrarch" / "PETR2_GSR_validation.xml"
    if not path.exists():
        print(f"\n(CAMEO check skipped: {path} not found)")
        return
    # The file is not well-formed XML (self-closed <Sentence/> followed by its children): read it by pattern.
    raw = path.read_text(encoding="utf-8")
    n = agree = with_event = 0
    for block in re.split(r"<Sentence\b", raw)[1:]:
        codes = re.findall(r'<EventCoding[^>]*eventcode="(\d+)"', block)
        m = re.search(r"<Text>(.*?)</Text>", block, re.S)
        if len(codes) != 1 or not m or not m.group(1).strip():
            continue
        n += 1
        pred, _ = run_sentence(nlp, " ".join(m.group(1).split()))
        roots = {p.cameo for p in pred if p.cameo}
        with_event += bool(roots)
        agree += codes[0][:2] in roots
    print(f"\n## CAMEO sanity check (PETR2_GSR_validation, {n} sentences with one coded event)\n")
    print("| sentences | with an event of ours | root code agrees |\n|---|---|---|")
    print(f"| {n} | {with_event} | {agree} ({100 * agree / n:.0f} %) |" if n else "| 0 | — | — |")


if __name__ == "__main__":
    main()
