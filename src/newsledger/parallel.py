"""Running the per-article pipeline on every core, or on a Dask cluster, with the same code.

- :func:`run_local` — a pool of worker processes (one spaCy model each) takes batches of raw documents
  (or of stored articles, to extract again) and returns extractions in input order. At most
  ``IN_FLIGHT_PER_WORKER × workers`` batches are in flight, so memory stays flat whatever the corpus
  size; the caller (the CLI) is the one writer to the store.
- :func:`run_dask` — the same batch function mapped over partitions with ``dask.distributed``; each task
  writes one Parquet shard (one row per article, keyed by article id) and returns its path.
  :func:`load_shards` merges shards into a store idempotently (articles already stored are skipped).

Workers skip articles whose id is in ``known_ids`` (the store's ids when the run started), so a resumed run
does not parse again what an earlier run stored.
"""

from __future__ import annotations

import itertools
import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ConfigError, ReadError

if TYPE_CHECKING:
    from .store import BatchWriter
from .model import Article, Extraction, extraction_from_json
from .pipeline import Duplicate, Options, Result, reextract, run
from .readers import ReadItem
from .store import BatchWriter, Store

# Batches in flight per worker: enough to keep every worker busy while the writer catches up.
IN_FLIGHT_PER_WORKER = 3
# Articles per task sent to a worker: small, so that no worker idles long at the end of a run waiting
# for the last big batch of another (nlp.pipe is as fast on 8 texts as on 32).
TASK_SIZE = 8
# A Dask task carries more fixed cost (scheduler round trip, one Parquet shard, one store transaction).
DASK_TASK_SIZE = 16
# A LocalCluster runs one parser-bound task at a time per worker; Dask's defaults are for many short tasks.
LOCAL_DASK_CONFIG: dict[str, Any] = {
    # the statistical profiler samples the task thread's stack every 10 ms for the dashboard
    "distributed.worker.profile.enabled": False,
    # event-loop health check (every 20 ms by default) and memory/system monitors: each wakes the
    # worker's event-loop thread, which then takes the GIL from the parsing thread
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.tick.limit": "10s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}
SHARD_COLUMNS = ("article_id", "path", "fmt", "error", "source_text", "extraction")


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


# What a worker is given: documents as read, or articles already cleaned and stored (re-extraction).
Item = ReadItem | Article


def process_batch(
    docs: Sequence[Item], opts: Options, known_ids: frozenset[str] | None = None
) -> list[Result]:
    """The per-article pipeline over one batch: what every worker, local or remote, runs. A batch of
    stored articles is extracted again (``known_ids`` does not apply to it)."""
    articles = [d for d in docs if isinstance(d, Article)]
    read = [d for d in docs if not isinstance(d, Article)]
    if articles and read:
        raise ValueError("a batch mixes stored articles with documents to read")
    if articles:
        return list(reextract(articles, opts))
    known = known_ids.__contains__ if known_ids else None
    return list(run(read, opts, known=known))


_WORKER_KNOWN: frozenset[str] = frozenset()


def _die_with_parent() -> None:
    """Linux: the kernel ends this worker when its parent dies (kill -9 of an ingest leaves no orphans)."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: an orphan ends when it next reads from the closed call queue


def _init_worker(known_ids: frozenset[str]) -> None:
    global _WORKER_KNOWN
    _die_with_parent()
    _WORKER_KNOWN = known_ids
    from .nlp import get_nlp

    get_nlp()  # load the model once per process, before the first batch


def _worker_batch(docs: list[Item], opts: Options) -> list[Result]:
    return process_batch(docs, opts, _WORKER_KNOWN)


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest_local(
    writer: BatchWriter,
    items: Iterable[ReadItem],
    opts: Options,
    *,
    workers: int = 1,
    on_result: Callable[[Result], None] | None = None,
) -> None:
    """The one local ingest loop, for ``newsledger ingest`` and the API's upload: articles already in the
    store are skipped without parsing, the rest are extracted (by ``workers`` processes) and written in
    batches by ``writer``. ``on_result`` sees every result as it is written (progress bars)."""
    known = writer.store.article_ids()
    for item in run_local(items, opts, workers=workers, known_ids=known):
        writer.add(item)
        if on_result is not None:
            on_result(item)
    writer.flush()


def run_local(
    items: Iterable[Item], opts: Options, *, workers: int, known_ids: frozenset[str] = frozenset()
) -> Iterator[Result]:
    """Results in input order, computed by ``workers`` processes (in this process when workers is 1,
    or when the input is a single batch: starting processes would cost more than it saves)."""
    if workers < 1:
        raise ConfigError("--workers must be at least 1")
    batches = _batches(items, min(opts.batch_size, TASK_SIZE))
    first = next(batches, None)
    if first is None:
        return
    second = next(batches, None)
    all_batches = itertools.chain([first], [] if second is None else [second], batches)
    if workers == 1 or second is None:
        for batch in all_batches:
            yield from process_batch(batch, opts, known_ids)
        return
    import multiprocessing as mp

    # spawn, not fork: the parent may run threads (Rich's progress refresh) that fork would copy mid-lock.
    ctx = mp.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(known_ids,))
    try:
        pending: deque[Future[list[Result]]] = deque()
        window = workers * IN_FLIGHT_PER_WORKER
        for batch in all_batches:
            pending.append(pool.submit(_worker_batch, batch, opts))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        # On Ctrl-C (or any error) drop the queued batches instead of finishing them.
        pool.shutdown(wait=True, cancel_futures=True)


# ------------------------------------------------------------------------------------------------ Dask
def _shard_rows(results: list[Result]) -> dict[str, list[Any]]:
    rows: dict[str, list[Any]] = {c: [] for c in SHARD_COLUMNS}
    for r in results:
        values: tuple[str | None, ...]
        if isinstance(r, Extraction):
            a = r.article
            values = (a.id, a.path, a.fmt, None, a.source_text, json.dumps(r.to_json(), ensure_ascii=False))
        elif isinstance(r, ReadError):
            values = (None, r.path, None, r.reason, None, None)
        else:
            values = (r.article_id, r.path, None, None, None, None)  # a duplicate: nothing to load
        for c, v in zip(SHARD_COLUMNS, values, strict=True):
            rows[c].append(v)
    return rows


def write_shard(results: list[Result], path: str) -> str:
    """One Parquet shard per batch; written to a temporary name, then renamed, so a shard is whole."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    tmp = path + ".tmp"
    pq.write_table(pa.table(_shard_rows(results)), tmp)
    os.replace(tmp, path)
    return path


def _warm_up() -> None:
    from .nlp import get_nlp

    get_nlp()


def dask_task(docs: list[ReadItem], opts: Options, known_ids: frozenset[str], path: str) -> str:
    """What a Dask worker runs for one partition: the same batch function, then a shard."""
    return write_shard(process_batch(docs, opts, known_ids), path)


def local_cluster(workers: int) -> Any:
    """A LocalCluster of ``workers`` single-threaded processes, set for one long parser-bound task at a
    time (``LOCAL_DASK_CONFIG``): no statistical profiler, slower health checks and monitors. The nannies
    also leave ``MALLOC_TRIM_THRESHOLD_`` alone: Dask sets it to 64 KiB in every worker, which turns off
    glibc's adaptive mmap threshold, so every large allocation of the parser became an mmap/munmap pair
    (on PolNeAR train, 25 s of system time in all, against 3 s for ``--workers 2``). The settings
    have to be in the dask config when the cluster starts (each nanny hands its worker the config of
    this process; an environment variable set after dask was imported is not seen)."""
    import dask
    from dask.distributed import LocalCluster

    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", default={}) or {})
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    with dask.config.set({**LOCAL_DASK_CONFIG, "distributed.nanny.pre-spawn-environ": environ}):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")


def run_dask(
    items: Iterable[ReadItem],
    opts: Options,
    *,
    address: str,
    shard_dir: Path,
    workers: int,
    known_ids: frozenset[str] = frozenset(),
    on_shard: Callable[[str], None] | None = None,
    on_client: Callable[[str], None] | None = None,
) -> list[str]:
    """Map the pipeline over partitions on a Dask cluster (``address`` "local" starts a LocalCluster with
    ``workers`` single-threaded processes). Returns the shard paths in partition order."""
    from dask.distributed import Client, as_completed

    shard_dir.mkdir(parents=True, exist_ok=True)
    cluster = None
    if address == "local":
        cluster = local_cluster(workers)
        client = Client(cluster)
    else:
        client = Client(address)
    try:
        if on_client is not None:
            on_client(client.dashboard_link)
        client.run(_warm_up)  # load the model on every worker now, not inside the first task
        known = client.scatter(known_ids, broadcast=True) if known_ids else frozenset()
        paths: list[str] = []
        window = max(2, workers * IN_FLIGHT_PER_WORKER)
        futures = as_completed()
        in_flight = 0
        for i, batch in enumerate(_batches(items, min(opts.batch_size, DASK_TASK_SIZE))):
            path = str(shard_dir / f"part-{i:06d}.parquet")
            paths.append(path)
            futures.add(client.submit(dask_task, batch, opts, known, path, pure=False))
            in_flight += 1
            while in_flight >= window:
                done = next(futures)
                in_flight -= 1
                if on_shard is not None:
                    on_shard(done.result())
        for done in futures:
            if on_shard is not None:
                on_shard(done.result())
        return paths
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def read_shard(path: str | Path) -> Iterator[Extraction | ReadError | Duplicate]:
    """The extractions, errors and in-run duplicates of one shard."""
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except Exception as exc:  # a truncated or foreign file: one error line, the other shards still load
        yield ReadError(str(path), f"not a readable newsledger shard ({exc.__class__.__name__})")
        return
    if not set(SHARD_COLUMNS) <= set(table.column_names):
        yield ReadError(str(path), "not a newsledger shard (columns missing)")
        return
    for row in table.to_pylist():
        if row["error"] is not None:
            yield ReadError(row["path"] or str(path), row["error"])
        elif row["extraction"] is None and row["article_id"] is not None:
            yield Duplicate(row["article_id"], row["path"])
        elif row["extraction"] is not None:
            try:
                ex = extraction_from_json(
                    json.loads(row["extraction"]), source_text=row["source_text"], fmt=row["fmt"]
                )
            except (ValueError, TypeError, KeyError) as exc:  # one bad row: an error line, the rest loads
                yield ReadError(row["path"] or str(path), f"shard row unreadable ({exc.__class__.__name__})")
                continue
            yield ex


def shard_paths(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        out.extend(sorted(path.glob("*.parquet")) if path.is_dir() else [path])
    return out


def load_shards(store: Store, paths: Iterable[str | Path], *, batch_size: int = 256) -> dict[str, int]:
    """Merge shards into the store, one transaction per batch; already stored articles are skipped.
    Returns the counts: read, new, duplicates, failed (error rows the shards carry, recorded as failures)."""
    writer = BatchWriter(store, batch_size)
    for path in shard_paths(paths):
        for item in read_shard(path):
            writer.add(item)
    writer.flush()
    return writer.counts
