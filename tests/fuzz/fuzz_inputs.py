"""Coverage-guided fuzz target (atheris) for the readers, the cleaner and the per-article pipeline.

    python tests/fuzz/fuzz_inputs.py -max_total_time=60 CORPUS_DIR

The first byte picks the reader (plain text, HTML, JSONL, feed, WARC, or sniffing); the rest is the input.
Expected failures are ReadError items; anything raised is a crash. Every crashing input ever found is
kept in tests/fuzz/regressions/ and replayed by tests/test_fuzz.py.
"""

from __future__ import annotations

import io
import sys

import atheris

with atheris.instrument_imports(include=["newsledger"]):
    from newsledger.errors import ReadError
    from newsledger.model import Extraction
    from newsledger.pipeline import Duplicate, Options, run
    from newsledger.readers import read_stream

FORMATS = ("txt", "html", "jsonl", "feed", "warc", None)
OPTS = Options(batch_size=4)


def check(data: bytes) -> None:
    """One input through read → clean → parse → extract; offsets must stay inside the text."""
    if not data:
        return
    fmt = FORMATS[data[0] % len(FORMATS)]
    items = read_stream(io.BytesIO(data[1:]), "fuzz", fmt=fmt)
    for result in run(items, OPTS):
        if isinstance(result, ReadError | Duplicate):
            continue  # expected: unreadable input, or the same article twice in one input
        assert isinstance(result, Extraction)
        text = result.article.text
        for rec in (*result.entities, *result.times, *result.quantities):
            assert 0 <= rec.start <= rec.end <= len(text) and text[rec.start : rec.end] == rec.text
        for c in result.claims:
            for span in (c.cue, c.content, c.source):
                if span is not None:
                    assert text[span.start : span.end] == span.text
        src = result.article.source_text
        for r in result.article.removed:
            assert src[r.start : r.end] == r.text


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
