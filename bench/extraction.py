"""Main-text extraction on the article-extraction benchmark (181 pages), with the benchmark's own metric.

    .venv/bin/python bench/extraction.py [--shared ../shared] [--mode html|text|both]

HTML: newsledger's HTML path (trafilatura + htmldate + newsledger's clean-up, exactly as ``ingest`` runs
it) against trafilatura's defaults, with pages/s.
Plain text: the naive text dump of each page (``shared/scorers/dump_html_text.py``) against newsledger's
plain-text cleaner on it; tuned on the first 120 pages in sorted id order, reported on the last 61 and
on all 181 separately.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsledger.pipeline import Options, prepare  # noqa: E402
from newsledger.readers import RawDocument  # noqa: E402

TUNE = 120


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location(
        "score_extraction", shared / "scorers" / "score_extraction.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _ours(path: str, *, html: str | None = None, text: str | None = None) -> str:
    try:
        return prepare(
            RawDocument(path=path, html=html, text=text, fmt="html" if html else "txt"), Options()
        ).text
    except Exception:
        return ""


def _row(name: str, m: dict, extra: str = "") -> str:
    return (
        f"| {name:<34} | {m['f1']:.4f} | {m['precision']:.4f} | {m['recall']:.4f} | {m['n_empty']:>5} "
        f"| {m['n_pages']:>5} | {extra:>9} |"
    )


HEAD = "| run                                | F1    | P     | R     | empty | pages | pages/s   |\n" + (
    "|------------------------------------|-------|-------|-------|-------|-------|-----------|"
)


def run_html(shared: Path, out: Path, sc) -> None:
    bench = shared / "data" / "article-extraction-benchmark"
    truth = sc.load_truth(bench)
    pages = sorted((bench / "html").glob("*.html.gz"))
    htmls = {
        p.name.split(".html")[0]: gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in pages
    }
    import trafilatura

    t0 = time.perf_counter()
    base = {k: trafilatura.extract(h) or "" for k, h in htmls.items()}
    t_base = time.perf_counter() - t0
    base_nc = {k: trafilatura.extract(h, include_comments=False) or "" for k, h in htmls.items()}
    t0 = time.perf_counter()
    ours = {k: _ours(k + ".html", html=h) for k, h in htmls.items()}
    t_ours = time.perf_counter() - t0
    with (out / "html-pred.jsonl").open("w", encoding="utf-8") as fh:
        for k, v in ours.items():
            fh.write(json.dumps({"path": f"html/{k}.html.gz", "text": v}) + "\n")
    print("\nHTML pages (all 181)\n" + HEAD)
    print(_row("trafilatura 2.3.1 defaults", sc.evaluate(truth, base, 0), f"{len(htmls) / t_base:.1f}"))
    print(_row("trafilatura, include_comments=False", sc.evaluate(truth, base_nc, 0)))
    print(_row("newsledger (HTML path)", sc.evaluate(truth, ours, 0), f"{len(htmls) / t_ours:.1f}"))


def run_text(shared: Path, out: Path, sc) -> None:
    bench = shared / "data" / "article-extraction-benchmark"
    truth = sc.load_truth(bench)
    dumps = out / "dumps"
    if not dumps.exists() or len(list(dumps.glob("*.txt"))) < len(truth):
        subprocess.run(
            [sys.executable, str(shared / "scorers" / "dump_html_text.py"), str(bench), str(dumps)],
            check=True,
        )
    ids = sorted(truth)
    raw = {k: (dumps / f"{k}.txt").read_text(encoding="utf-8") for k in ids}
    t0 = time.perf_counter()
    ours = {k: _ours(k + ".txt", text=v) if v.strip() else "" for k, v in raw.items()}
    speed = f"{len(ids) / (time.perf_counter() - t0):.1f}"
    with (out / "text-pred.jsonl").open("w", encoding="utf-8") as fh:
        for k, v in ours.items():
            fh.write(json.dumps({"path": f"html/{k}.html.gz", "text": v}) + "\n")
    print("\nPlain-text dumps\n" + HEAD)
    for name, part in (("tune (first 120)", ids[:TUNE]), ("test (last 61)", ids[TUNE:]), ("all 181", ids)):
        sub = {k: truth[k] for k in part}
        print(_row(f"raw dump, {name}", sc.evaluate(sub, raw, 0)))
        print(_row(f"newsledger cleaner, {name}", sc.evaluate(sub, ours, 0), speed))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--mode", choices=("html", "text", "both"), default="both")
    args = ap.parse_args()
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    sc = _scorer(args.shared)
    if args.mode in ("html", "both"):
        run_html(args.shared, out, sc)
    if args.mode in ("text", "both"):
        run_text(args.shared, out, sc)


if __name__ == "__main__":
    main()
