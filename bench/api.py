"""API latency under concurrent clients, on a store of about 100k claims built from real texts.

    .venv/bin/python bench/api.py [--articles 7000] [--clients 20] [--requests 300] [--base 300]

The store is built like bench/consolidate.py --scale (PolNeAR train articles extracted once, joined three
by three with their records), consolidated, and served by `newsledger serve` on 127.0.0.1 (its default
number of worker processes unless --workers is given). Then `--clients` threads send requests round-robin
over the main list and search endpoints and the script prints p50/p95/max latency per endpoint. Target
(issue #9): p95 < 100 ms.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

ENDPOINTS = [
    "/api/claims?limit=50",
    "/api/claims?limit=50&source=Trump",
    "/api/articles?limit=50",
    "/api/events?limit=50",
    "/api/events?limit=50&type=attack&since=2016-03-01&until=2016-06-30",
    "/api/entities?limit=50",
    "/api/propositions?limit=50",
    "/api/propositions?limit=50&kind=claim&source=Trump&sort=newest",
    "/api/search?q=Clinton%20emails",
    "/api/search?q=immigration",
]


def build(db: Path, n: int, base_n: int, shared: Path) -> None:
    from consolidate import base_extractions, write_store
    from newsledger.consolidate import consolidate
    from newsledger.store import Store

    write_store(db, base_extractions(shared, base_n), n)
    store = Store(db)
    consolidate(store)
    store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--articles", type=int, default=7000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=300, help="requests per endpoint")
    ap.add_argument("--base", type=int, default=300)
    ap.add_argument("--db", type=Path, help="reuse this store instead of building one")
    ap.add_argument("--workers", type=int, help="server processes (default: newsledger serve's default)")
    args = ap.parse_args()
    db = args.db or Path(tempfile.mkdtemp(prefix="nl-api-")) / "api.db"
    if not db.exists():
        t0 = time.perf_counter()
        build(db, args.articles, args.base, args.shared)
        print(f"(built {db} in {time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    import sqlite3

    con = sqlite3.connect(db)
    n_claims = con.execute("SELECT count(*) FROM claims").fetchone()[0]
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "newsledger", "serve", "--db", str(db), "--port", str(port),
         *(["--workers", str(args.workers)] if args.workers else [])],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/api/articles?limit=1", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        for ep in ENDPOINTS:  # warm up, and check every endpoint answers
            with urllib.request.urlopen(base + ep, timeout=30) as r:
                json.load(r)
        work = [ep for ep in ENDPOINTS for _ in range(args.requests)]
        lat: dict[str, list[float]] = {ep: [] for ep in ENDPOINTS}
        lock = threading.Lock()
        failures = []

        def client(i: int) -> None:
            for ep in work[i :: args.clients]:
                t = time.perf_counter()
                try:
                    with urllib.request.urlopen(base + ep, timeout=30) as r:
                        r.read()
                except OSError as exc:
                    failures.append((ep, str(exc)))
                    continue
                with lock:
                    lat[ep].append(1000 * (time.perf_counter() - t))

        t0 = time.perf_counter()
        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        wall = time.perf_counter() - t0
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(
        f"\n## API latency: {n_articles} articles, {n_claims} claims, {n_events} events; "
        f"{args.clients} concurrent clients, {len(work)} requests in {wall:.1f} s "
        f"({len(work) / wall:.0f}/s)\n"
    )
    print("| endpoint | n | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|")
    for ep, xs in lat.items():
        xs.sort()
        p95 = xs[int(0.95 * (len(xs) - 1))] if xs else float("nan")
        print(f"| `{ep}` | {len(xs)} | {statistics.median(xs):.1f} | {p95:.1f} | {xs[-1]:.1f} |")
    if failures:
        print(f"\n{len(failures)} failed requests, e.g. {failures[0]}")


if __name__ == "__main__":
    main()
