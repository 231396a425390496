"""Readers: one fixture per format, made by the tests, and the bad-input cases."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest

from newsledger.errors import ReadError
from newsledger.readers import MAX_FILE_BYTES, RawDocument, read_inputs

BODY = (
    "Officials said on Tuesday that the bridge would reopen next month after repairs. "
    "The mayor told reporters the work had cost more than $2 million."
)
HTML = f"""<!DOCTYPE html><html lang="en"><head><title>Bridge to reopen | City Times</title>
<meta property="og:site_name" content="City Times">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<meta name="author" content="Jane Roe"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Bridge to reopen next month</h1><p>{BODY}</p>
<p>Engineers found no further damage during a final inspection, according to the city's transport office,
which oversees the structure and its daily traffic of forty thousand vehicles.</p></article>
<footer>Copyright 2024 City Times</footer></body></html>"""


def docs(paths):
    return [d for d in read_inputs(paths) if isinstance(d, RawDocument)]


def errors(paths):
    return [d for d in read_inputs(paths) if isinstance(d, ReadError)]


def test_txt_with_sidecar(tmp_path: Path):
    p = tmp_path / "a.txt"
    p.write_text("Bridge to reopen\n\n" + BODY, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"published": "2024-03-05", "outlet": "City Times"}))
    (d,) = docs([tmp_path])  # the sidecar itself is not read as an article
    assert d.text.startswith("Bridge to reopen") and d.published == dt.date(2024, 3, 5)
    assert d.outlet == "City Times" and d.fmt == "txt"


def test_html_gz_and_metadata(tmp_path: Path):
    p = tmp_path / "page.html.gz"
    p.write_bytes(gzip.compress(HTML.encode()))
    (d,) = docs([p])
    assert d.html is not None and "bridge would reopen" in d.html


def test_jsonl_with_a_malformed_line(tmp_path: Path):
    p = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"text": BODY, "url": "https://example.org/1", "published": "2024-03-05", "title": "T"}),
        "{not json",
        json.dumps({"html": HTML, "outlet": "City Times"}),
        json.dumps({"text": 42}),
        json.dumps(["a list"]),
    ]
    p.write_text("\n".join(lines) + "\n")
    items = list(read_inputs([p]))
    ok = [i for i in items if isinstance(i, RawDocument)]
    bad = [i for i in items if isinstance(i, ReadError)]
    assert len(ok) == 2 and len(bad) == 3
    assert ok[0].url == "https://example.org/1" and ok[0].published == dt.date(2024, 3, 5)
    assert ok[1].html is not None and ok[1].outlet == "City Times"
    assert [b.path for b in bad] == [f"{p}:2", f"{p}:4", f"{p}:5"]
    assert "malformed JSON" in bad[0].reason


def _rss() -> str:
    items = "".join(
        f"<item><title>Story {i}</title><link>https://example.org/{i}</link>"
        f"<pubDate>Tue, 05 Mar 2024 10:0{i}:00 GMT</pubDate>"
        f"<description><![CDATA[<p>{BODY} Item {i}.</p>]]></description></item>"
        for i in range(3)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>City Times</title>{items}</channel></rss>'
    )


def test_rss_feed(tmp_path: Path):
    p = tmp_path / "feed.xml"
    p.write_text(_rss())
    got = docs([p])
    assert [d.title for d in got] == ["Story 0", "Story 1", "Story 2"]
    assert all(d.published == dt.date(2024, 3, 5) and d.outlet == "City Times" for d in got)
    assert got[1].url == "https://example.org/1"


def test_atom_feed(tmp_path: Path):
    p = tmp_path / "feed.atom"
    p.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        "<entry><title>One</title><link href='https://example.org/a'/><updated>2024-06-01T00:00:00Z</updated>"
        f"<content type='text'>{BODY}</content></entry></feed>"
    )
    (d,) = docs([p])
    assert d.text == BODY and d.published == dt.date(2024, 6, 1) and d.url == "https://example.org/a"


def _warc(path: Path, pages: list[tuple[str, str]], *, gz: bool = True) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        for url, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            rec = w.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
            )
            w.write_record(rec)
            rec.raw_stream.close()  # warcio spools the payload to a temporary file and leaves it open
        req = StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True)
        rec = w.create_warc_record("https://example.org/", "request", http_headers=req)
        w.write_record(rec)
        if rec.raw_stream is not None:
            rec.raw_stream.close()


def test_warc(tmp_path: Path):
    p = tmp_path / "crawl.warc.gz"
    _warc(p, [("https://example.org/a", HTML), ("https://example.org/b", HTML.replace("Bridge", "Tunnel"))])
    got = docs([p])
    assert [d.url for d in got] == ["https://example.org/a", "https://example.org/b"]
    assert all(d.html and d.fmt == "warc" for d in got)


def test_truncated_warc_keeps_earlier_records(tmp_path: Path):
    p = tmp_path / "crawl.warc.gz"
    _warc(p, [("https://example.org/a", HTML), ("https://example.org/b", HTML * 3)])
    data = p.read_bytes()
    p.write_bytes(data[: int(len(data) * 0.7)])
    items = list(read_inputs([p]))
    assert any(isinstance(i, RawDocument) for i in items)
    assert isinstance(items[-1], ReadError)


def test_directory_recursion_and_order(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(BODY + " Two.")
    (tmp_path / "1.txt").write_text(BODY + " One.")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")  # unknown suffix: not an input when walking
    got = docs([tmp_path])
    assert [Path(d.path).name for d in got] == ["1.txt", "2.txt"]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("junk.txt", bytes(range(256)) * 40, "binary"),
        ("junk.html", b"\x00\xff\xfe\x00" * 500 + b"<html>", "binary"),
        ("broken.html.gz", b"\x1f\x8b\x08\x00garbage", "gzip"),
        ("empty.jsonl", b"\n\n", "empty file"),
        ("bad.xml", b"<rss><channel><item>", "feed"),
        ("notwarc.warc", b"hello world, not an archive at all" * 10, "WARC"),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 20 else "",
)
def test_bad_input_is_one_error_naming_the_file(tmp_path: Path, name: str, data: bytes, reason: str):
    p = tmp_path / name
    p.write_bytes(data)
    items = list(read_inputs([p]))
    assert len(items) == 1 and isinstance(items[0], ReadError)
    assert str(p) in str(items[0]) and reason.lower() in items[0].reason.lower()
    assert "\n" not in str(items[0])


def test_missing_file(tmp_path: Path):
    (e,) = errors([tmp_path / "nope.txt"])
    assert "no such file" in e.reason


def test_too_large_file_is_refused_without_reading(tmp_path: Path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: no 32 MB written
    (e,) = errors([p])
    assert "too large" in e.reason


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("latin-1", b""), ("cp1252", b""), ("utf-16", b""), ("utf-8", b"\xef\xbb\xbf")],
)
def test_encodings_are_detected(tmp_path: Path, encoding: str, bom: bytes):
    text = (
        "Le président a déclaré jeudi que les négociations reprendraient à Genève, « bientôt », après l'été."
    )
    if encoding == "cp1252":
        text = "The minister’s “final offer” was rejected – again – on Thursday, officials said."
    p = tmp_path / "enc.txt"
    p.write_bytes(bom + text.encode(encoding))
    (d,) = docs([p])
    assert d.text.strip() == text


def test_read_errors_survive_pickling():
    """Errors travel from worker processes to the writer as results."""
    import pickle

    e = pickle.loads(pickle.dumps(ReadError("a.jsonl:3", "malformed JSON")))
    assert (e.path, e.reason, str(e)) == ("a.jsonl:3", "malformed JSON", "a.jsonl:3: malformed JSON")
