"""Readers: turn files, directories and standard input into raw documents.

Supported inputs (chosen by file name, then by sniffing the first bytes when the name says nothing):

- ``.txt`` / ``.text`` / unknown text: one article, UTF-8 (other encodings are detected with
  charset-normalizer); a sidecar ``NAME.meta.json`` beside it may give ``published``, ``url``, ``title``,
  ``outlet``.
- ``.html`` / ``.htm`` / ``.xhtml``: one page; main text and metadata come later from trafilatura.
- ``.jsonl`` / ``.ndjson``: one article per line with ``text`` or ``html`` and optional ``url``, ``title``,
  ``published``, ``outlet``, ``byline``.
- ``.xml`` / ``.rss`` / ``.atom`` / ``.feed``: RSS or Atom (feedparser), one article per entry with content.
- ``.warc`` / ``.warc.gz`` / ``.arc.gz``: HTML response records (warcio).
- ``NAME.EXT.gz``: any of the above, gzip-compressed.
- a directory: every supported file below it, in sorted order; ``-``: standard input.

Readers yield :class:`RawDocument` items, or :class:`~newsledger.errors.ReadError` items for inputs that
cannot be read, so that one bad file (or one bad JSONL line) never stops the others.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import io
import json
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .errors import ReadError

# Documented limits (README, "Limits and guarantees"). A single-article file larger than this is refused
# rather than parsed: a 200 MB "article" is a dump, not news, and would hold the whole pipeline's memory.
MAX_FILE_BYTES = 32 * 1024 * 1024
# Longest article text kept from any reader, in characters; longer ones are refused with a clear message.
MAX_ARTICLE_CHARS = 2_000_000

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".xml", ".rss", ".atom", ".feed"}
WARC_SUFFIXES = {".warc", ".arc"}
SIDECAR_SUFFIX = ".meta.json"


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article as read, before cleaning. Exactly one of ``text`` and ``html`` is set."""

    path: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    byline: str | None = None
    fmt: str = "txt"


ReadItem = RawDocument | ReadError


# ----------------------------------------------------------------------------------------------- dates
def parse_date(value: Any) -> dt.date | None:
    """Parse an ISO date/datetime or an RFC 2822 date (feeds); None when it is not a date."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s:
        return None
    try:
        return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        return None


# -------------------------------------------------------------------------------------------- decoding
def decode_bytes(data: bytes, path: str) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else detected by charset-normalizer.

    Raises ReadError for empty input and for binary content.
    """
    if not data.strip():
        raise ReadError(path, "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReadError(path, f"invalid UTF-16 text ({exc.reason})") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    head = data[:20_000]
    if sum(1 for b in head if b < 9 or 13 < b < 32) > max(8, len(head) // 50):
        raise ReadError(path, "binary content, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _detect(data, path)
    if _looks_binary(text):
        raise ReadError(path, "binary content, not text")
    return text


def _detect(data: bytes, path: str) -> str:
    from charset_normalizer import from_bytes

    if data.count(b"\x00") > len(data) // 100:
        raise ReadError(path, "binary content, not text")
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise ReadError(path, "not valid UTF-8 and no text encoding could be detected")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise ReadError(path, f"not valid UTF-8 and not valid {best.encoding}") from None


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _looks_binary(text: str) -> bool:
    sample = text[:20_000]
    if not sample:
        return False
    controls = len(_CONTROL.findall(sample))
    return controls > max(8, len(sample) // 50)


# -------------------------------------------------------------------------------------------- sniffing
def _suffixes(name: str) -> tuple[str, bool]:
    """The format-giving suffix of a file name and whether it is gzip-compressed."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    return Path(lower).suffix, gz


def sniff(head: bytes) -> str:
    """Guess a format from the first bytes of a file with no telling name."""
    h = head.lstrip()[:2000].lower()
    if h.startswith(b"warc/"):
        return "warc"
    if h.startswith((b"<?xml", b"<rss", b"<feed")) and (b"<rss" in h or b"<feed" in h or b"<rdf:rdf" in h):
        return "feed"
    if h.startswith(b"<!doctype html") or b"<html" in h[:500] or h.startswith(b"<"):
        return "html"
    if h.startswith(b"{"):
        return "jsonl"
    return "txt"


def format_of(path: Path, head: bytes) -> str:
    suffix, _ = _suffixes(path.name)
    if suffix in TEXT_SUFFIXES:
        return "txt"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in WARC_SUFFIXES:
        return "warc"
    return sniff(head)


def _is_candidate(path: Path) -> bool:
    """Whether a file found while walking a directory is an input (sidecars and hidden files are not)."""
    name = path.name
    if name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
        return False
    suffix, _ = _suffixes(name)
    known = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES
    return suffix in known


# ----------------------------------------------------------------------------------------------- entry
def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path | str]:
    """Expand directories (recursively, sorted); ``-`` stays as standard input."""
    for p in paths:
        if str(p) == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and _is_candidate(child):
                    yield child
        else:
            yield path


def read_inputs(paths: Iterable[str | Path]) -> Iterator[ReadItem]:
    """Read every document from the given paths, yielding documents and per-input errors in order."""
    for p in iter_paths(paths):
        if p == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>")
        else:
            assert isinstance(p, Path)
            yield from read_file(p)


def read_file(path: Path) -> Iterator[ReadItem]:
    """Read one file, whatever its format; errors come out as ReadError items."""
    name = str(path)
    try:
        if not path.exists():
            yield ReadError(name, "no such file")
            return
        if not path.is_file():
            yield ReadError(name, "not a regular file")
            return
        suffix, gz = _suffixes(path.name)
        fmt_hint = format_of(path, b"") if suffix else None
        if fmt_hint in ("jsonl", "feed", "warc") or (
            fmt_hint is None and path.stat().st_size > MAX_FILE_BYTES
        ):
            # Streaming formats: never read the whole file at once.
            with path.open("rb") as fh:
                yield from read_stream(fh, name, fmt=fmt_hint, gz=gz and fmt_hint != "warc")
            return
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield ReadError(name, f"file too large ({size:,} bytes; limit {MAX_FILE_BYTES:,})")
            return
        data = path.read_bytes()
        if gz:
            data = _gunzip(data, name)
        fmt = format_of(path, data[:4096])
        yield from _read_single(data, name, fmt, sidecar=_sidecar(path))
    except ReadError as exc:
        yield exc
    except OSError as exc:
        yield ReadError(name, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a parser library's own bug on hostile input must not end the run
        yield ReadError(name, f"could not parse ({exc.__class__.__name__}: {str(exc)[:100]})")


def read_stream(fh: BinaryIO, name: str, *, fmt: str | None = None, gz: bool = False) -> Iterator[ReadItem]:
    """Read a byte stream (a file or standard input) of any supported format."""
    try:
        if fmt == "warc":
            yield from _read_warc(fh, name)
            return
        stream: BinaryIO = gzip.GzipFile(fileobj=fh) if gz else fh  # type: ignore[assignment]
        if fmt == "jsonl":
            yield from _read_jsonl(stream, name)
            return
        data = stream.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            yield ReadError(name, f"input too large (over {MAX_FILE_BYTES:,} bytes)")
            return
        if data[:2] == b"\x1f\x8b":
            data = _gunzip(data, name)
        fmt = fmt or sniff(data[:4096])
        if fmt == "warc":
            yield from _read_warc(io.BytesIO(data), name)
        elif fmt == "jsonl":
            yield from _read_jsonl(io.BytesIO(data), name)
        else:
            yield from _read_single(data, name, fmt, sidecar={})
    except ReadError as exc:
        yield exc
    except (OSError, EOFError, zlib.error) as exc:
        yield ReadError(name, f"cannot read: {exc}")
    except Exception as exc:  # a parser library's own bug on hostile input must not end the run
        yield ReadError(name, f"could not parse ({exc.__class__.__name__}: {str(exc)[:100]})")


def _gunzip(data: bytes, name: str) -> bytes:
    try:
        out = gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise ReadError(name, f"broken gzip data ({exc})") from None
    return out


def _sidecar(path: Path) -> dict[str, Any]:
    """Metadata from ``NAME.meta.json`` (or ``STEM.meta.json``) beside a single-article file."""
    for cand in (path.with_name(path.name + SIDECAR_SUFFIX), path.with_name(path.stem + SIDECAR_SUFFIX)):
        if cand.is_file():
            try:
                meta = json.loads(cand.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise ReadError(str(cand), f"bad sidecar metadata ({exc})") from None
            if not isinstance(meta, dict):
                raise ReadError(str(cand), "sidecar metadata is not a JSON object")
            return meta
    return {}


def _str_or_none(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _check_len(text: str, name: str) -> None:
    if len(text) > MAX_ARTICLE_CHARS:
        raise ReadError(name, f"article too long ({len(text):,} characters; limit {MAX_ARTICLE_CHARS:,})")


def _body_problem(body: str, where: str, empty_reason: str) -> ReadError | None:
    """Why one record of a multi-article input cannot be used (empty, too long), or None."""
    if not body.strip():
        return ReadError(where, empty_reason)
    try:
        _check_len(body, where)
    except ReadError as exc:
        return exc
    return None


def _read_single(data: bytes, name: str, fmt: str, *, sidecar: dict[str, Any]) -> Iterator[ReadItem]:
    if fmt == "feed":
        yield from _read_feed(data, name)
        return
    text = decode_bytes(data, name)
    _check_len(text, name)
    is_html = fmt == "html"
    yield RawDocument(
        path=name,
        text=None if is_html else text,
        html=text if is_html else None,
        fmt="html" if is_html else "txt",
        url=_str_or_none(sidecar.get("url")),
        title=_str_or_none(sidecar.get("title")),
        published=parse_date(sidecar.get("published")),
        outlet=_str_or_none(sidecar.get("outlet")),
        byline=_str_or_none(sidecar.get("byline")),
    )


def _read_jsonl(stream: BinaryIO, name: str) -> Iterator[ReadItem]:
    any_line = False
    for lineno, raw in enumerate(stream, start=1):
        where = f"{name}:{lineno}"
        if not raw.strip():
            continue
        any_line = True
        if len(raw) > MAX_FILE_BYTES:
            yield ReadError(where, "line too long")
            continue
        try:
            obj = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield ReadError(where, f"malformed JSON ({exc.__class__.__name__}: {str(exc)[:80]})")
            continue
        if not isinstance(obj, dict):
            yield ReadError(where, "a JSONL line must be an object")
            continue
        text, html = obj.get("text"), obj.get("html")
        if not isinstance(text, str) and not isinstance(html, str):
            yield ReadError(where, 'needs a string field "text" or "html"')
            continue
        body = text if isinstance(text, str) else html
        assert isinstance(body, str)
        problem = _body_problem(body, where, "empty article")
        if problem is not None:
            yield problem
            continue
        doc_path = _str_or_none(obj.get("id")) or str(lineno)
        yield RawDocument(
            path=f"{name}#{doc_path}",
            text=text if isinstance(text, str) else None,
            html=html if not isinstance(text, str) else None,
            url=_str_or_none(obj.get("url")),
            title=_str_or_none(obj.get("title")),
            published=parse_date(obj.get("published")),
            outlet=_str_or_none(obj.get("outlet")),
            byline=_str_or_none(obj.get("byline")),
            fmt="html" if not isinstance(text, str) else "txt",
        )
    if not any_line:
        yield ReadError(name, "empty file")


def _read_feed(data: bytes, name: str) -> Iterator[ReadItem]:
    import feedparser

    if not data.strip():
        raise ReadError(name, "empty file")
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception") if parsed.get("bozo") else "no entries"
        raise ReadError(name, f"not a readable RSS/Atom feed ({str(reason)[:100]})")
    outlet = _str_or_none((parsed.get("feed") or {}).get("title"))
    for i, entry in enumerate(entries, start=1):
        body = ""
        ctype = ""
        for content in entry.get("content") or []:
            value = content.get("value") or ""
            if len(value) > len(body):
                body, ctype = value, content.get("type") or ""
        if not body:
            body = entry.get("summary") or ""
            ctype = (entry.get("summary_detail") or {}).get("type") or ""
        where = f"{name}#{i}"
        problem = _body_problem(body, where, "feed entry has no content")
        if problem is not None:
            yield problem
            continue
        published = None
        for key in ("published_parsed", "updated_parsed"):
            st = entry.get(key)
            if st:
                try:
                    published = dt.date(st.tm_year, st.tm_mon, st.tm_mday)
                except ValueError:
                    published = None
                break
        is_html = "html" in ctype or bool(re.search(r"<(p|div|br|a|span)\b", body, re.I))
        yield RawDocument(
            path=where,
            text=None if is_html else body,
            html=f"<html><body><article>{body}</article></body></html>" if is_html else None,
            url=_str_or_none(entry.get("link")),
            title=_str_or_none(entry.get("title")),
            published=published,
            outlet=outlet,
            byline=_str_or_none(entry.get("author")),
            fmt="feed",
        )


def _read_warc(fh: BinaryIO, name: str) -> Iterator[ReadItem]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count = 0
    try:
        for record in ArchiveIterator(fh, check_digests=True):
            if record.rec_type != "response":
                continue
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if "html" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            count += 1
            where = f"{name}#{count}"
            payload = record.content_stream().read(MAX_FILE_BYTES + 1)
            if len(payload) > MAX_FILE_BYTES:
                yield ReadError(where, "record too large")
                continue
            left = getattr(record.raw_stream, "limit", 0)
            checker = getattr(record, "digest_checker", None)
            if left > 0 or (checker is not None and checker.passed is False):
                yield ReadError(where, "truncated or corrupt WARC record (digest mismatch)")
                continue
            try:
                html = decode_bytes(payload, where)
                _check_len(html, where)
            except ReadError as exc:
                yield exc
                continue
            # WARC-Date is the crawl time, not the publication date: htmldate finds the latter in the page.
            yield RawDocument(path=where, html=html, url=url, fmt="warc")
    except ArchiveLoadFailed as exc:
        yield ReadError(name, f"not a readable WARC archive ({str(exc)[:100]})")
        return
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        yield ReadError(name, f"WARC archive broken after {count} records ({exc.__class__.__name__})")
        return
    if count == 0:
        yield ReadError(name, "WARC archive has no HTML response records")
