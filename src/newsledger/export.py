"""Exports of store tables as JSONL, CSV or Parquet (pyarrow)."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import IO

from .errors import ConfigError
from .store import ARTICLE_TABLES, Store

TABLES = ("articles", "entities", *ARTICLE_TABLES, "failures")
FORMATS = ("jsonl", "csv", "parquet")


def _columns(store: Store, table: str) -> list[str]:
    return [r[1] for r in store.db.execute(f"PRAGMA table_info({table})")]


def export_table(store: Store, table: str, fmt: str, out: Path | None) -> int:
    """Write one table; ``out`` None means standard output (not for Parquet). Returns the row count."""
    if table not in TABLES:
        raise ConfigError(f"unknown table {table!r}; choose from {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    cols = _columns(store, table)
    if fmt == "parquet":
        if out is None:
            raise ConfigError("Parquet needs --out")
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = list(store.rows(table))
        data = {c: [r[c] for r in rows] for c in cols}
        pq.write_table(pa.table(data), out)
        return len(rows)
    fh: IO[str] = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
    n = 0
    try:
        if fmt == "jsonl":
            for r in store.rows(table):
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
                n += 1
        else:
            w = csv.DictWriter(fh, fieldnames=cols)
            w.writeheader()
            for r in store.rows(table):
                w.writerow(r)
                n += 1
    finally:
        if out:
            fh.close()
    return n


def export(store: Store, fmt: str, out: Path | None, tables: list[str]) -> dict[str, int]:
    """Export several tables: into directory ``out`` as TABLE.FMT, or one table to a file or stdout."""
    counts: dict[str, int] = {}
    if len(tables) == 1 and (out is None or out.suffix):
        counts[tables[0]] = export_table(store, tables[0], fmt, out)
        return counts
    if out is None:
        raise ConfigError("exporting several tables needs --out DIRECTORY")
    out.mkdir(parents=True, exist_ok=True)
    for t in tables:
        counts[t] = export_table(store, t, fmt, out / f"{t}.{fmt}")
    return counts
