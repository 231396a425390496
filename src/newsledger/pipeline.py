"""The per-article pipeline, in order.

1. read      readers.py turns files into RawDocument items (or ReadError items, passed through);
2. clean     clean.py: HTML main text and metadata (trafilatura + htmldate), then plain-text clean-up
             (captions, credits, teasers, prompts, dateline, byline) → Article with removed spans;
3. parse     nlp.py: one spaCy pipeline, ``nlp.pipe`` over batches;
4. extract   extract/: entities → times → quantities → claims → events (claims use the entities to name
             sources; events use all four);
5. emit      Extraction records, in input order, for the CLI to print or the store to write.

Failures of one article (unreadable input, no text after cleaning, an extractor error) come out as
ReadError items with the article's path, and the run goes on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from . import clean as cleaning
from .errors import ReadError
from .extract import extract_claims, extract_entities, extract_events, extract_quantities, extract_times
from .extract.quantities import situate
from .extract.times import guess_published
from .ids import article_id
from .model import Article, Duplicate, Extraction
from .nlp import get_nlp
from .readers import RawDocument, ReadItem

# Articles handed to spaCy at once: large enough for nlp.pipe to batch well, small enough that one
# store transaction (one batch) stays short.
DEFAULT_BATCH_SIZE = 32


@dataclass(frozen=True, slots=True)
class Options:
    """Settings of one run (validated once, passed down explicitly)."""

    clean: bool = True
    published: dt.date | None = None  # fallback publication date (``--published``)
    batch_size: int = DEFAULT_BATCH_SIZE
    # claims under this confidence are left out; None: the model's own threshold, 0: keep every claim
    min_confidence: float | None = None

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise ValueError("min_confidence must be between 0 and 1")


Result = Extraction | ReadError | Duplicate


def prepare(raw: RawDocument, opts: Options) -> Article:
    """Step 2: the cleaned Article of one raw document. Raises ReadError when no text is left."""
    title, byline, outlet, published, language, url = (
        raw.title,
        raw.byline,
        raw.outlet,
        raw.published,
        None,
        raw.url,
    )
    published_source = "metadata" if published else None
    description = None
    if raw.html is not None:
        page = cleaning.extract_html(raw.html, url=raw.url)
        source = page.text
        title = title or page.title
        description = page.description
        byline = byline or page.byline
        outlet = outlet or page.outlet
        language = page.language
        url = url or page.url
        if published is None and page.published is not None:
            published, published_source = page.published, "metadata"
    else:
        source = raw.text or ""
    if not source.strip():
        raise ReadError(raw.path, "no article text found")
    res = (
        cleaning.clean_text(source, title=title, after_html=raw.html is not None, description=description)
        if opts.clean
        else cleaning.passthrough(source, title=title)
    )
    if not res.text.strip():
        raise ReadError(raw.path, "nothing left after removing boilerplate")
    if published is None and opts.published is not None:
        published, published_source = opts.published, "cli"
    return Article(
        id=article_id(source, url),
        text=res.text,
        source_text=source,
        path=raw.path,
        url=url,
        outlet=outlet,
        title=res.title or title,
        byline=byline or res.byline,
        dateline=res.dateline,
        agency=res.dateline_agency,
        published=published,
        published_source=published_source,
        language=language,
        fmt=raw.fmt,
        removed=tuple(res.removed),
        headings=tuple(res.headings),
    )


def run(
    items: Iterable[ReadItem], opts: Options | None = None, *, known: Callable[[str], bool] | None = None
) -> Iterator[Result]:
    """Steps 2-5 over read items, in input order; errors are yielded, never raised.

    ``known(article_id)`` tells which articles are already stored; they come out as Duplicate items
    without being parsed.
    """
    opts = opts or Options()
    batch: list[Article | ReadError | Duplicate] = []
    seen: set[str] = set()
    for item in items:
        if isinstance(item, ReadError):
            batch.append(item)
        else:
            try:
                article = prepare(item, opts)
                if article.id in seen or (known is not None and known(article.id)):
                    batch.append(Duplicate(article.id, article.path))
                else:
                    seen.add(article.id)
                    batch.append(article)
            except ReadError as exc:
                batch.append(exc)
            except Exception as exc:  # one broken page must not stop the run
                batch.append(ReadError(item.path, f"cleaning failed ({exc.__class__.__name__}: {exc})"))
        if sum(isinstance(b, Article) for b in batch) >= opts.batch_size:
            yield from _extract_batch(batch, opts)
            batch = []
    if batch:
        yield from _extract_batch(batch, opts)


def reextract(articles: Iterable[Article], opts: Options | None = None) -> Iterator[Result]:
    """Steps 3-5 again over articles already cleaned (stored ones, for the current extractors), in
    order; an article the extractors fail on comes out as a ReadError."""
    opts = opts or Options()
    batch: list[Article | ReadError | Duplicate] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= opts.batch_size:
            yield from _extract_batch(batch, opts)
            batch = []
    if batch:
        yield from _extract_batch(batch, opts)


def _extract_batch(batch: list[Article | ReadError | Duplicate], opts: Options) -> Iterator[Result]:
    # the text decides the language: an English page marked "de" is English, a German one marked "en" not
    batch = [
        replace(b, language=cleaning.record_language(b.text, b.language)) if isinstance(b, Article) else b
        for b in batch
    ]
    articles = [b for b in batch if isinstance(b, Article) and cleaning.is_english(b.language)]
    docs = iter(get_nlp().pipe(a.text for a in articles)) if articles else iter(())
    for item in batch:
        if not isinstance(item, Article):
            yield item
            continue
        if not cleaning.is_english(item.language):
            # stored, with its language, but not read by the English models: what they would find in
            # another language is noise ("Этого" as a person, "16−18" as a date)
            yield Extraction(article=item)
            continue
        doc = next(docs)
        try:
            yield extract_doc(doc, item, opts.min_confidence)
        except Exception as exc:  # an extractor bug skips the article, with its name
            yield ReadError(item.path or item.id, f"extraction failed ({exc.__class__.__name__}: {exc})")


def extract_doc(doc: object, article: Article, min_confidence: float | None = None) -> Extraction:
    """Step 4 on one parsed article (``min_confidence``: see Options)."""
    from spacy.tokens import Doc

    assert isinstance(doc, Doc)
    if article.published is None:
        guess = guess_published(doc, article.dateline, article.source_text)
        if guess is not None:
            article = replace(article, published=guess[0], published_source=guess[1])
    entities = extract_entities(doc)
    times = extract_times(doc, article.published)
    quantities = extract_quantities(doc)
    claims = extract_claims(doc, entities, min_confidence)
    quantities = situate(doc, quantities, times, claims)
    return Extraction(
        article=article,
        entities=entities,
        times=times,
        quantities=quantities,
        claims=claims,
        events=extract_events(doc, entities, times, quantities, claims, article.published),
    )
