"""Cleaning: the article and its metadata out of scraped pages and scraped text.

Two entry points:

- :func:`clean_html` runs trafilatura (main text + metadata, publication date through htmldate) and then
  the plain-text clean-up below on its output, for the news debris trafilatura keeps (captions, credits,
  teasers).
- :func:`clean_text` classifies the lines of text that has no markup. Every removed line (or part of a
  line: a dateline, a trailing credit) is kept as a :class:`~newsledger.model.RemovedSpan` with its reason,
  with offsets into the source text, so nothing is lost and the UI can show what was dropped and why.

The line signals are general, not tied to any one article:

1. *repeat*      a line that repeats an earlier line (exactly, or once a short section label or a credit
                 is taken off) is scrape debris: captions, teasers and share bars get printed twice.
                 Body prose is not dropped for repeating *inside* a paragraph.
2. *caption*     the first copy of a repeated line is dropped too when the copies sit next to each other
                 or one of them carries a photo credit: that is a caption printed twice, not prose.
3. *credit*      photo/video credits: ``©``, ``Photo:``, ``Cover photo:``, ``(Getty Images)``,
                 ``via REUTERS``.
4. *teaser*      a headline-shaped line (short, no end punctuation) between body paragraphs whose words
                 barely occur in the rest of the article: a link to another story, not a subheading.
                 Headline-shaped lines that share the article's vocabulary are kept and marked headings.
5. *prompt*      trailing "More on X:", "Read more", "Related", share/subscribe/newsletter/follow lines,
                 cookie and consent text, "Advertisement".
6. *navigation*  runs of three or more very short lines (menus, link lists, tag clouds).
7. *dateline* and *byline* are taken out of the body and kept as metadata.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from .model import Heading, RemovedSpan
from .readers import parse_date

# A headline-shaped line has at most this many words; longer lines read as prose.
HEADLINE_MAX_WORDS = 18
# A headline-shaped line counts as connected to the article when at least this share of its content
# words occurs elsewhere in the kept body. 0.34 separates subheadings (they reuse the story's nouns)
# from teasers for other stories (which share at most a stray word) on the hand-made fixtures in tests.
CONNECTED_SHARE = 0.34
# Lines shorter than this many characters, three or more in a row, are navigation or link lists.
NAV_LINE_CHARS = 30

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "should",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "than",
        "then",
        "there",
        "their",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "we",
        "our",
        "you",
        "your",
        "i",
        "me",
        "my",
        "not",
        "no",
        "so",
        "if",
        "into",
        "over",
        "after",
        "before",
        "about",
        "up",
        "out",
        "new",
        "more",
        "most",
        "says",
        "said",
        "say",
    ]
)

_CREDIT_LINE = re.compile(
    r"""^\s*(?:
        (?:cover|file|main|top|lead|header|featured|feature)?\s*
        (?:photo|image|picture|pic|video|graphic|illustration|footage)s?\s*(?:credit|by)?\s*[:：|]
      | (?:credit|credits|source|photograph)\s*[:：]
      | ©
      | \(?(?:photo|image)\s*(?:credit)?\s*[:：]
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_AGENCIES = (
    r"REUTERS|Reuters|AFP|AP|Associated Press|Getty Images|Getty|EPA|EPA-EFE|Yonhap|Xinhua|Anadolu|"
    r"Shutterstock|Bloomberg|Alamy|PA|PA Images|Sputnik|TASS|KCNA|AAP|dpa|ANSA|UPI|NurPhoto|SOPA Images"
)
_TRAILING_CREDIT = re.compile(
    r"(?:\s*(?:©|\(c\))\s*[^.!?]{0,60}|\s*(?:photo|image)\s*:\s*[^.!?]{0,60}"
    rf"|\s*[\(\[]?\b(?:via|/)\s+(?:{_AGENCIES})\b[^.!?]{{0,30}}[\)\]]?)\s*$",
    re.IGNORECASE,
)
_PROMPT = re.compile(
    r"""^\s*(?:
        more\s+(?:on|about|from|in)\s+[^.!?]{1,60}[:：]?
      | (?:read|see)\s+(?:more|also)\b.*
      | also\s+read\b.*
      | related(?:\s+(?:stories|articles|news|coverage|content|topics|links))?\s*[:：]?.*
      | recommended(?:\s+for\s+you)?\s*[:：]?
      | (?:share|tweet|email|print)(?:\s+(?:this|on|via)\b.*)?
      | (?:subscribe|sign\s+up|newsletter|follow\s+us|follow\s+@|join\s+us\s+on)\b.*
      | advertisement|sponsored(?:\s+content)?|promoted\s+stories?
      | click\s+here\b.*
      | (?:we\s+use\s+cookies|this\s+(?:site|website)\s+uses\s+cookies|accept\s+(?:all\s+)?cookies).*
      | (?:all\s+rights\s+reserved|copyright\s+\d{4}).*
      | (?:skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|toggle\s+navigation)
      | (?:watch|listen)\s*[:：].*
      | (?:comments?|leave\s+a\s+comment|\d+\s+comments?)
      | (?:tags?|topics?|filed\s+under)\s*[:：].*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# "SEOUL, South Korea -", "WASHINGTON (Reuters) -", "KYIV, Oct 18 (Reuters) —", "LONDON:".
_DATELINE = re.compile(
    r"""^(?P<place>[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,3}
         (?:,\s+[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,3})?
         (?:,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?)
        \s*(?:\((?P<agency>[A-Za-z][A-Za-z .&-]{0,30})\))?
        \s*(?:[-–—]+|:)\s+(?=[A-Z"“‘'])""",
    re.VERBOSE,
)
_BYLINE = re.compile(
    r"^\s*(?i:by|written\s+by|words\s+by)\s+([A-Z][\w.'’-]*(?:[\s,]+(?:and\s+)?[A-Z][\w.'’-]*){0,8})\s*$"
)
_END_PUNCT = re.compile(r"[.!?:;…\"”’)]\s*$")


@dataclass(slots=True)
class CleanResult:
    """The cleaned text and what was found and dropped on the way."""

    text: str
    source_text: str
    removed: list[RemovedSpan] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    title: str | None = None
    dateline: str | None = None
    dateline_agency: str | None = None
    byline: str | None = None


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str
    blank_before: bool
    reason: str | None = None  # why it is dropped; None = kept
    heading: bool = False


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    s = re.sub(r"[^\w\s]", " ", s)
    return " ".join(s.split())


def _content_words(s: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(s) if w.lower() not in _STOP and len(w) > 1]


def _is_headline_shaped(text: str) -> bool:
    words = text.split()
    if not words or len(words) > HEADLINE_MAX_WORDS:
        return False
    if _END_PUNCT.search(text) and not text.rstrip().endswith("?"):
        return False
    return text.lstrip()[0:1].isupper() or text.lstrip()[0:1].isdigit()


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    blank = True
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            s = pos + lead
            lines.append(_Line(s, s + len(stripped), stripped, blank))
            blank = False
        else:
            blank = True
        pos += len(raw)
    return lines


def _strip_trailing_credit(text: str) -> str:
    return _TRAILING_CREDIT.sub("", text).strip()


def looks_like_title(line: str) -> bool:
    """Whether a first line reads as a headline: short, no sentence-final period, not a dateline."""
    words = line.split()
    if not 2 <= len(words) <= 30:
        return False
    if line.rstrip().endswith((".", ",", ";", ":")):
        return False
    return not _DATELINE.match(line + " X") and not _BYLINE.match(line)


def clean_text(text: str, *, title: str | None = None) -> CleanResult:
    """Clean plain text (no markup). ``title`` is a known title (from metadata), if any."""
    lines = _split_lines(text)
    res = CleanResult(text="", source_text=text)
    if not lines:
        return res

    # Title: the first line, when it reads as a headline. It stays in the text (headline claims and
    # figures matter) and is marked as a heading.
    first = lines[0]
    if title is None and looks_like_title(first.text) and (len(lines) == 1 or lines[1].blank_before):
        res.title = first.text
        first.heading = True
    elif title is not None and _norm(first.text) == _norm(title):
        res.title = title
        first.heading = True
    else:
        res.title = title

    body = [ln for ln in lines if not ln.heading]

    # 1/3/5. credits and prompts, line by line.
    for ln in body:
        if _CREDIT_LINE.match(ln.text) and len(ln.text) < 200:
            ln.reason = "credit"
        elif _PROMPT.match(ln.text) and len(ln.text) < 160:
            ln.reason = "prompt"
        else:
            m = _BYLINE.match(ln.text)
            if m and res.byline is None:
                ln.reason = "byline"
                res.byline = m.group(1).strip(" ,")

    # 1/2. repeats: compare normalised forms with credits and short leading labels taken off.
    keys: dict[str, _Line] = {}
    live = [ln for ln in body if ln.reason is None]
    for i, ln in enumerate(live):
        core = _strip_trailing_credit(ln.text)
        key = _norm(core)
        if len(key) < 12:
            continue
        has_credit = core != ln.text
        prev = keys.get(key)
        if prev is None:
            # A teaser printed again behind a one- or two-word section label ("China White House urges …").
            for cut in (1, 2):
                words = key.split(" ", cut)
                if len(words) > cut and words[cut] in keys and len(words[cut]) >= 20:
                    prev = keys[words[cut]]
                    break
        if prev is not None:
            adjacent = live.index(prev) == i - 1
            if _is_headline_shaped(prev.text) or _is_headline_shaped(core):
                ln.reason = prev.reason = "teaser"
            elif adjacent or has_credit or prev.text != _strip_trailing_credit(prev.text):
                ln.reason = prev.reason = "caption"
            else:
                ln.reason = "repeat"
        else:
            keys[key] = ln
        if has_credit and ln.reason is None:
            # A lone line carrying a photo credit is a caption.
            ln.reason = "caption"

    # 6. navigation: runs of very short lines.
    run: list[_Line] = []
    for maybe in [*body, None]:
        if (
            maybe is not None
            and maybe.reason is None
            and len(maybe.text) < NAV_LINE_CHARS
            and not _END_PUNCT.search(maybe.text)
        ):
            run.append(maybe)
            continue
        if len(run) >= 3:
            for r in run:
                r.reason = "navigation"
        run = []

    # 4. teasers vs subheadings: headline-shaped lines among body paragraphs.
    kept_prose = [ln for ln in body if ln.reason is None and not _is_headline_shaped(ln.text)]
    vocab: dict[str, int] = {}
    for ln in kept_prose:
        for w in set(_content_words(ln.text)):
            vocab[w] = vocab.get(w, 0) + 1
    if first.heading:
        for w in set(_content_words(first.text)):
            vocab[w] = vocab.get(w, 0) + 1
    for idx, ln in enumerate(body):
        if ln.reason is not None or not _is_headline_shaped(ln.text):
            continue
        words = _content_words(ln.text)
        if not words:
            continue
        share = sum(1 for w in words if w in vocab) / len(words)
        # A trailing headline-shaped line after the last prose paragraph is never a subheading.
        after = any(b.reason is None and not _is_headline_shaped(b.text) for b in body[idx + 1 :])
        if share >= CONNECTED_SHARE and after:
            ln.heading = True
        elif kept_prose:
            ln.reason = "teaser"

    # 7. dateline at the start of the first prose paragraph.
    date_cut: tuple[_Line, int] | None = None
    for ln in body:
        if ln.reason is None and not ln.heading:
            m = _DATELINE.match(ln.text)
            if m and len(m.group("place").split()) <= 6:
                res.dateline = m.group("place").strip(" ,")
                res.dateline_agency = (m.group("agency") or "").strip() or None
                date_cut = (ln, m.end())
            break

    # Assemble the cleaned text and the removed spans.
    out: list[str] = []
    length = 0
    for ln in lines:
        if ln.reason is not None:
            res.removed.append(RemovedSpan(ln.start, ln.end, ln.text, ln.reason))
            continue
        piece = ln.text
        if date_cut is not None and ln is date_cut[0]:
            cut = date_cut[1]
            res.removed.append(RemovedSpan(ln.start, ln.start + cut, ln.text[:cut], "dateline"))
            piece = ln.text[cut:]
        if out:
            sep = "\n\n" if ln.blank_before else "\n"
            out.append(sep)
            length += len(sep)
        if ln.heading:
            res.headings.append(Heading(length, length + len(piece), piece))
        out.append(piece)
        length += len(piece)
    res.text = "".join(out)
    res.removed.sort(key=lambda r: r.start)
    return res


def passthrough(text: str, *, title: str | None = None) -> CleanResult:
    """``--no-clean``: the text exactly as read; the title is only noted, nothing is removed."""
    lines = _split_lines(text)
    found = title
    if (
        found is None
        and lines
        and looks_like_title(lines[0].text)
        and (len(lines) == 1 or lines[1].blank_before)
    ):
        found = lines[0].text
    return CleanResult(text=text, source_text=text, title=found)


@dataclass(slots=True)
class HtmlResult:
    """What trafilatura and htmldate found in a page."""

    text: str
    title: str | None
    byline: str | None
    outlet: str | None
    published: dt.date | None
    language: str | None
    url: str | None


def extract_html(html: str, *, url: str | None = None) -> HtmlResult:
    """Main text and metadata of an HTML page (trafilatura, htmldate). Text is empty when none is found."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,
    )
    if doc is None:
        return HtmlResult("", None, None, None, None, None, url)
    get = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return HtmlResult(
        text=get.get("text") or "",
        title=get.get("title") or None,
        byline=get.get("author") or None,
        outlet=get.get("sitename") or None,
        published=parse_date(get.get("date")),
        language=get.get("language") or None,
        url=get.get("url") or url,
    )
