"""Property-based tests (Hypothesis): on arbitrary text, no exceptions, offsets always inside the text,
spans always matching their text."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger.clean import clean_text
from newsledger.errors import ReadError
from newsledger.extract.claims import _quote_spans
from newsledger.extract.quantities import parse_number
from newsledger.extract.times import normalise
from newsledger.model import Extraction
from newsledger.pipeline import Options, run
from newsledger.readers import RawDocument

NEWSY = st.sampled_from(
    ["said", "told", "according to", '"', "“", "”", "Reuters", "©", "Photo:", "Friday", "in June", "12,000",
     "tens of thousands", "More on X:", "\n", "\n\n", ".", ",", " ", "By Jane Roe", "WASHINGTON (AP) -",
     "he", "officials", "declined to confirm", "Read more", "Share", "Home", "|"]
)  # fmt: skip
TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(NEWSY, st.text(max_size=12)), max_size=80).map(" ".join),
    st.lists(st.one_of(NEWSY, st.text(min_size=1, max_size=60)), max_size=30).map("\n".join),
)


def _check_clean(text: str, after_html: bool) -> None:
    res = clean_text(text, after_html=after_html)
    for r in res.removed:
        assert 0 <= r.start <= r.end <= len(text) and text[r.start : r.end] == r.text
    for h in res.headings:
        assert res.text[h.start : h.end] == h.text


@given(TEXT, st.booleans())
@settings(max_examples=300, deadline=None)
def test_cleaner_spans_point_into_their_texts(text: str, after_html: bool):
    _check_clean(text, after_html)


@given(
    st.text(max_size=60),
    st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9998, 12, 1))),
    st.booleans(),
)
@settings(max_examples=500, deadline=None)
def test_time_normalisation_never_raises(text: str, anchor: dt.date | None, future: bool):
    tx = normalise(text, anchor, future=future)
    if tx is not None and anchor is None and tx.type == "DATE" and tx.granularity in ("day", "week"):
        # Without a publication date only absolute dates get a value.
        assert tx.value is None or tx.value[:4].isdigit()


@given(st.text(max_size=40))
@settings(max_examples=500, deadline=None)
def test_number_parsing_never_raises(text: str):
    value = parse_number(text)
    assert value is None or value >= 0


@given(TEXT)
@settings(max_examples=300, deadline=None)
def test_quote_spans_are_ordered_and_inside(text: str):
    last = -1
    for start, end in _quote_spans(text):
        assert 0 < start <= end < len(text) + 1 and start > last
        last = end


@given(TEXT)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_pipeline_records_point_into_the_text(nlp, text: str):
    for result in run([RawDocument(path="h.txt", text=text)], Options(published=dt.date(2024, 10, 18))):
        if isinstance(result, ReadError):
            continue
        assert isinstance(result, Extraction)
        t = result.article.text
        for rec in (*result.entities, *result.times, *result.quantities):
            assert 0 <= rec.start <= rec.end <= len(t) and t[rec.start : rec.end] == rec.text
        for c in result.claims:
            assert c.cue.text and t[c.cue.start : c.cue.end] == c.cue.text
            assert t[c.content.start : c.content.end] == c.content.text
            if c.source is not None:
                assert t[c.source.start : c.source.end] == c.source.text
