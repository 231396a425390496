"""Draw the sentences of the events dev gold (bench/events_gold/dev.jsonl) — reproducible.

    .venv/bin/python bench/events_gold/sample.py [--shared ../shared] > /tmp/candidates.jsonl

Half the sentences are drawn at random from all sentences of 60–260 characters; half from those holding
one of a broad list of event words (conflict, diplomacy, politics, law), so the rarer types are present.
Sources: PolNeAR train texts (US political news, 2015–16) and TempEval-3 TBAQ-cleaned training texts
(newswire, 1989–98). Seed 7. The annotations in dev.jsonl were then written by hand from reading each
sentence, before the extractor existed in its current form; the scorer is bench/events.py.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORDS = re.compile(
    r"\b(troops|soldiers|forces|attack\w*|strike[sd]?|bomb\w*|kill\w*|wound\w*|fight\w*|clash\w*|battle\w*|"
    r"invad\w*|capture\w*|seiz\w*|withdr\w*|deploy\w*|sen[dt]s? |meet\w*|met |talks|visit\w*|summit|"
    r"sign\w*|agree\w*|treaty|deal|sanction\w*|arrest\w*|detain\w*|protest\w*|march\w*|rall(y|ies)|"
    r"vot(e|ed|ing)|elect\w*|accus\w*|den(y|ied|ies)|threat\w*|warn\w*|urg(e|ed)|negotiat\w*|train\w*|"
    r"investigat\w*|charg(e|ed)|indict\w*|su(e|ed) |appoint\w*|resign\w*|aid|weapons|missiles?)\b",
    re.IGNORECASE,
)
SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“‘]?[A-Z])")


def sentences(shared: Path) -> list[tuple[str, str]]:
    out = []
    for p in sorted((shared / "data/polnear/data/train/text").glob("*.txt")):
        for para in p.read_text(encoding="utf-8").split("\n"):
            out += [(f"polnear-train/{p.name}", s.strip()) for s in SPLIT.split(para) if s.strip()]
    for p in sorted((shared / "data/tempeval3/Training/TBAQ-cleaned").rglob("*.tml")):
        raw = p.read_text(encoding="utf-8")
        m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        text = re.sub(r"<[^>]+>", "", m.group(1) if m else "")
        for para in re.split(r"\n\s*\n", text):
            para = " ".join(para.split())
            out += [(f"tbaq/{p.name}", s.strip()) for s in SPLIT.split(para) if s.strip()]
    return [(src, s) for src, s in out if 60 <= len(s) <= 260 and not s.isupper()]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("-n", type=int, default=90)
    ap.add_argument(
        "--heldout", action="store_true", help="the held-out part: seed 11, eventful only, half TBAQ"
    )
    args = ap.parse_args()
    pool = sentences(args.shared)
    eventful = [x for x in pool if WORDS.search(x[1])]
    if args.heldout:
        rng = random.Random(7)
        dev = set(s for _, s in rng.sample(pool, args.n) + rng.sample(eventful, args.n))
        rng = random.Random(11)
        tbaq = [x for x in eventful if x[0].startswith("tbaq/") and x[1] not in dev]
        pol = [x for x in eventful if x[0].startswith("polnear") and x[1] not in dev]
        picked = rng.sample(tbaq, 40) + rng.sample(pol, 20)
        prefix = "h"
    else:
        rng = random.Random(7)
        picked = rng.sample(pool, args.n) + rng.sample(eventful, args.n)
        prefix = "d"
    seen = set()
    for i, (src, s) in enumerate(picked):
        if s in seen:
            continue
        seen.add(s)
        print(json.dumps({"id": f"{prefix}{i:03d}", "source": src, "sentence": s}, ensure_ascii=False))


if __name__ == "__main__":
    main()
