"""Time expressions on TempEval-3, scored with shared/scorers/score_timex.py (the task's definitions).

    .venv/bin/python bench/timex.py [--part test|train] [--shared ../shared]

test = te3-platinum (20 documents); train = TBAQ-cleaned (tune only on it). Each document is run through
``newsledger extract --no-clean --published <DCT>`` (the document creation time is the anchor), then the
scorer prints strict/relaxed extraction P/R/F1 and value/type F1.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PARTS = {"test": "Evaluation/te3-platinum", "train": "Training/TBAQ-cleaned"}


def _tml_dirs(base: Path) -> list[Path]:
    """Folders holding .tml files under a TempEval part (TBAQ has AQUAINT and TimeBank inside)."""
    return sorted({p.parent for p in base.rglob("*.tml")})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=tuple(PARTS), default="test")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    scorer = args.shared / "scorers" / "score_timex.py"
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    for tml_dir in _tml_dirs(args.shared / "data" / "tempeval3" / PARTS[args.part]):
        work = Path(tempfile.mkdtemp(prefix="nl-timex-"))
        prepare = [sys.executable, str(scorer), "prepare", "--tml-dir", str(tml_dir), "--out", str(work)]
        subprocess.run(prepare, check=True, capture_output=True)
        pred = out / f"timex-{args.part}-{tml_dir.name}.jsonl"
        t0 = time.perf_counter()
        n = 0
        with pred.open("wb") as fh:
            for line in (work / "manifest.tsv").read_text(encoding="utf-8").splitlines():
                name, dct = line.split("\t")[:2]
                res = subprocess.run(
                    [sys.executable, "-m", "newsledger", "extract", "--no-clean", "--published", dct[:10],
                     str(work / f"{name}.txt")],
                    capture_output=True, check=False,
                )  # fmt: skip
                fh.write(res.stdout)
                n += 1
        seconds = time.perf_counter() - t0
        score_cmd = [sys.executable, str(scorer), "score", "--tml-dir", str(tml_dir), "--pred", str(pred)]
        score = subprocess.run(score_cmd, capture_output=True, check=False)
        print(
            f"\n## {args.part}: {tml_dir.relative_to(args.shared / 'data')} ({n} documents, {seconds:.1f} s)"
        )
        print(score.stdout.decode())
        if score.returncode:
            print(score.stderr.decode()[-2000:])


if __name__ == "__main__":
    main()
