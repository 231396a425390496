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
# Main-text region (plain text): a prose line scores its word count, any other line costs this much.
# A menu item or a share button costs as much as a short sentence is worth, so the region bridges a
# subheading or two but not a menu. Tuned on the first 120 pages of the extraction benchmark's dumps.
FURNITURE_COST = 6.0
# A list item or short punctuated line of at least LIST_MIN_WORDS words neither pays nor costs much:
# lists (tour dates, box scores, steps) sit inside articles, menus are one or two bare words.
LIST_MIN_WORDS = 3
LIST_SCORE = 0.5
# A line of at least this many words ending in sentence punctuation is prose.
PROSE_MIN_WORDS = 6
# An unpunctuated line this long is still prose (scraped paragraphs lose their final stop).
PROSE_MIN_WORDS_UNPUNCTUATED = 20
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
    r"(?:\s*(?:©|\(c\))\s*[^.!?]{0,60}|\s*(?:photo|image|credit)\s*:\s*[^.!?]{0,60}"
    rf"|\s*[\(\[]?\b(?:via|/)\s+(?-i:{_AGENCIES})\b[^.!?]{{0,30}}[\)\]]?"
    rf"|\s*\((?-i:{_AGENCIES})(?:\s+(?:photo|file|images?))*(?:\s*/[^)]{{0,40}})?\)"
    rf"|\s*(?-i:{_AGENCIES})\s+(?:photo|file|images?)\b[^.!?]{{0,30}})\s*$",
    re.IGNORECASE,
)
# Link text cut short by the site ("Minister resigns after..", "Why the bridge closed…").
_TRUNCATED = re.compile(r"[^\s.](?:\.\.|…)\s*$")
# A timestamp line: a date or time with at most a few words around it ("Updated 18 Nov 2019, 19:09").
_DATE_BITS = re.compile(
    r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}:\d\d\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b",
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
      | follow\s+(?:\S+\s+){1,4}on\s+(?:twitter|facebook|instagram|x|youtube|tiktok|linkedin)\b.*
      | (?:updated|published|posted|last\s+updated|first\s+published)\s*(?:at|on|:)?
        \s*[\w ,.:/-]{0,40}\d[\w ,.:/-]{0,30}
      | .{0,160}\b(?:sign\s+up|subscribe)\b.{0,40}\b(?:newsletters?|for\s+free|today|inbox)\b.{0,120}
      | .{0,100}\b(?:inbox|newsletters?|e-?mail\s+alerts?|news\s+alerts?)\b.{0,100}
      | advertisement|sponsored(?:\s+content)?|promoted\s+stories?
      | click\s+here\b.*
      | (?:we\s+use\s+cookies|this\s+(?:site|website)\s+uses\s+cookies|accept\s+(?:all\s+)?cookies).*
      | (?:all\s+rights\s+reserved|copyright\s+\d{4}).*
      | (?:skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|toggle\s+navigation)
      | (?:watch|listen)\s*[:：].*
      | (?:comments?|leave\s+a\s+comment|\d+\s+comments?)
      | (?:tags?|topics?|filed\s+under)\s*[:：].*
      | (?:don['’]?t\s+miss|you\s+(?:may|might)\s+also\s+like|most\s+(?:read|popular|viewed)
         |trending(?:\s+now)?|popular\s+on\s+\S+|also\s+on\s+\S+\.\w{2,4}\b)\W*.*
      | (?:like\s+this\s+(?:story|article)|tell\s+us\s+what\s+you\s+think|have\s+a\s+(?:news\s+)?tip)\b.*
      | (?:thanks|thank\s+you)\s+for\s+(?:signing\s+up|subscribing|reading)\b.*
      | (?:keep\s+an\s+eye\s+on\s+your\s+inbox|get\s+the\s+latest\b.*\binbox)\b.*
      | .{0,80}\bclick(?:ing)?\s+here\b.{0,80}
      | (?:download|itunes|spotify|apple\s+podcasts|google\s+podcasts)\s*[:：]\s*\S+
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# "SEOUL, South Korea -", "WASHINGTON (Reuters) -", "KYIV, Oct 18 (Reuters) —", "LONDON:".
_DATELINE = re.compile(
    r"""^(?P<place>[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,3}
         (?:,\s+[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,3})?
         (?:,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?)?)
        \s*(?:\((?P<agency>[A-Za-z][A-Za-z .&-]{0,30})\))?
        \s*(?:[-–—]+|:)\s+(?=[A-Z"“‘'])""",
    re.VERBOSE,
)


def _speaker_label(m: re.Match[str]) -> bool:
    """A colon after one name with no agency and no region ("WALLACE: Let's start …") labels a speaker in a
    transcript; it is a dateline ("BEIRUT: The body …") only when the gazetteer knows the name as a country,
    a division or a city of 50,000."""
    place = m.group("place").strip()
    if m.group("agency") or "," in place or not m.group(0).rstrip().endswith(":"):
        return False
    from .extract.gazetteer import gazetteer

    gz = gazetteer()
    name = place.title()
    known = [p for p in gz.candidates(name) if p.kind != "city" or p.population >= 50_000]
    return not known and gz.country_code(name) is None  # "Wallace" is a small town too: not enough


_ANNOUNCES_LIST = re.compile(
    r"^\s*(?:related|recommended|more\s+(?:from|on|about|in|stories)|you\s+(?:may|might)\s+also\s+like|"
    r"don['’]?t\s+miss|most\s+(?:read|popular|viewed)|trending|popular\s+on|read\s+more|see\s+also|also\s+read)\b",
    re.IGNORECASE,
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


_LIST_ITEM = re.compile(r"^\s*(?:[-–—•*·]|\(?\d{1,3}[.)]|[a-z][.)])\s")


def _is_prose(text: str) -> bool:
    """A sentence or more of running text: enough words and sentence-final punctuation."""
    return _word_count(text) >= PROSE_MIN_WORDS and bool(re.search(r"[.!?…。！？][\"”’)」]?\s*$", text))


_COMMENTS = re.compile(
    r"""^\s*(?:\[?\s*[1-9]\d*\s+(?:comments?|responses?|replies|reactions)\b.*
      | .{0,80}\bresponses?\s+to\s+[“"'‘].*
      | (?:leave|post|add|write)\s+a\s+(?:reply|comment)\b.*
      | (?:show|view|load|read|see)\s+(?:all\s+)?(?:\d+\s+)?comments?\b.*
      | (?:top\s+rated|recent|latest|reader)\s+comments?\s*(?:\(\d+\))?\s*:?
      | [\w.@-]+\s+(?:said|says|wrote|writes):\s*
      | .{0,60}\bon\s+.{0,40}\d.{0,30}\b(?:said|says|wrote|writes):\s*
      | (?:previous|next|older|newer)\s+(?:post|article|story|entry)\b.*
      | post\s+navigation
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_BOUNDARY = re.compile(
    r"""^\s*(?:related\s+(?:posts|articles|stories|content|coverage)\b.*
      | about\s+the\s+author\b.*
      | you\s+(?:may|might)\s+also\s+like\b.*|more\s+(?:from|stories|news)\b.{0,40}
      | most\s+(?:read|popular|viewed|shared)\b.*|recommended(?:\s+for\s+you)?\b.{0,30}
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Comment markers ("12 comments", "Leave a reply", "X says:", "Next post") split the page: a thread
# always follows the article. The first stretch whose best run scores at least this share of the best
# stretch's is the article.
FIRST_SEGMENT_SHARE = 0.2
# Within that run, the article ends at the first end marker ("Related stories", "About the author")
# that comes after at least this share of the run's prose: an earlier one belongs to the page header.
END_MARKER_AFTER_SHARE = 0.5


def _line_score(text: str) -> float:
    """How much a line looks like article prose (positive) or page furniture (negative)."""
    if text.count(" | ") >= 2 or text.count("|") >= 3:
        return -FURNITURE_COST
    words = _word_count(text)
    if _is_prose(text) or words >= PROSE_MIN_WORDS_UNPUNCTUATED:
        return float(words)
    if words >= LIST_MIN_WORDS and (_LIST_ITEM.match(text) or _END_PUNCT.search(text)):
        return LIST_SCORE  # a list item or a short sentence: the article's, not a menu's
    if _URL_LINE.match(text):
        return URL_SCORE
    if _NUMBER_LINE.match(text):
        return NUMBER_SCORE
    return -FURNITURE_COST


_NUMBER_LINE = re.compile(r"^\s*[-+]?[\d.,:/]+\s*%?\s*$")
NUMBER_SCORE = -3.0  # a bare number (a table cell) costs less than a menu word: tables sit in articles


_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")
URL_SCORE = 0.0  # a bare link line in a list of links inside the article neither pays nor costs


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _word_count(text: str) -> int:
    """Words, counting two CJK characters as one (those scripts put no spaces between words)."""
    return len(text.split()) + len(_CJK.findall(text)) // 2


def _block_scores(lines: list[_Line]) -> list[float]:
    """Line scores, where a paragraph hard-wrapped over several lines (a line with no end punctuation
    followed by one starting in lower case) is scored as one block and its score shared out."""
    scores = [0.0] * len(lines)
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and not _END_PUNCT.search(lines[j].text) and lines[j + 1].text[:1].islower():
            j += 1
        block = " ".join(ln.text for ln in lines[i : j + 1])
        score = _line_score(block)
        for k in range(i, j + 1):
            scores[k] = score / (j - i + 1)
        i = j + 1
    return scores


def _best_run(scores: list[float], lo: int, hi: int) -> tuple[float, tuple[int, int] | None]:
    """Maximum-sum contiguous run of ``scores[lo:hi]`` (Kadane)."""
    best, best_span = 0.0, None
    run, start = 0.0, lo
    for i in range(lo, hi):
        if run <= 0:
            run, start = 0.0, i
        run += scores[i]
        if run > best:
            best, best_span = run, (start, i)
    return best, best_span


def _main_region(lines: list[_Line]) -> tuple[int, int] | None:
    """The article's lines: the run with the highest prose score (maximum subarray) within the first
    stretch between end markers (comments, related stories, next post) that holds a fair share of the
    page's prose. Comment threads and related-story blurbs are prose too, but they come after the article,
    so the earliest substantial stretch wins over a longer one further down."""
    scores = _block_scores(lines)
    cuts = [i for i, ln in enumerate(lines) if _COMMENTS.match(ln.text)]
    segments = list(zip([0, *[c + 1 for c in cuts]], [*cuts, len(lines)], strict=True))
    runs = [_best_run(scores, lo, hi) for lo, hi in segments]
    top = max((r[0] for r in runs), default=0.0)
    if top <= 0:
        return None
    span = next((sp for score, sp in runs if sp is not None and score >= FIRST_SEGMENT_SHARE * top), None)
    if span is None:
        return None
    lo, hi = span
    prose = [max(0.0, sc) for sc in scores[lo : hi + 1]]
    total, seen = sum(prose), 0.0
    for i in range(lo, hi + 1):
        if _BOUNDARY.match(lines[i].text) and seen >= END_MARKER_AFTER_SHARE * total:
            return (lo, i - 1) if i > lo else None
        seen += prose[i - lo]
    return span


def _same_title(line: str, title: str) -> bool:
    """Whether a line is the page title, allowing the " | Site name" tail that <title> often carries."""
    a, b = _norm(line), _norm(title)
    if not a:
        return False
    if a == b:
        return True
    head = re.split(r"\s+[|–—-]\s+", title)[0]
    return len(a) >= 15 and a == _norm(head)


def _is_timestamp(text: str) -> bool:
    """A line that is a date or time with little else: publication stamps, not prose."""
    if not _DATE_BITS.search(text) or len(text.split()) > 12:
        return False
    rest = _DATE_BITS.sub(" ", text)
    words = [w for w in _WORD.findall(rest) if w.lower() not in _STAMP_WORDS and not _MONTHISH.match(w)]
    return len(words) <= 2


_STAMP_WORDS = frozenset(
    """updated published posted last first on at am pm a.m p.m gmt utc est edt bst cet ist ago by
    monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun""".split()
)
_MONTHISH = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$|^\d", re.IGNORECASE)


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


def clean_text(
    text: str,
    *,
    title: str | None = None,
    after_html: bool = False,
    description: str | None = None,
    find_region: bool = True,
) -> CleanResult:
    """Clean plain text. ``title`` is a known title (from metadata), if any.

    ``after_html`` is set for text that trafilatura already took out of a page: navigation, link lists
    and far repeats are gone from it, and what remains that looks like them (list items, a quote
    repeated in a pull-quote) is the article's own, so only the news-specific rules run (credits,
    captions, prompts, teasers printed twice, dateline, byline). ``find_region`` False skips the
    main-text region search (used as the fallback when the region search leaves nothing).
    """
    lines = _split_lines(text)
    res = CleanResult(text="", source_text=text)
    if not lines:
        return res

    # Title: the first line, when it reads as a headline. It stays in the text (headline claims and
    # figures matter) and is marked as a heading.
    first = lines[0]
    if (
        title is None
        and looks_like_title(first.text)
        and not _PROMPT.match(first.text)
        and (len(lines) == 1 or (lines[1].blank_before and _line_score(lines[1].text) > 0))
    ):
        res.title = first.text
        first.heading = True
    elif title is not None and _same_title(first.text, title):
        res.title = title
        if after_html:
            # A page repeats its <title> as the first line of the body; it is kept as metadata.
            first.reason = "title"
        else:
            first.heading = True
    else:
        res.title = title

    # A standfirst: the page's summary (its meta description) printed as the first line of the body.
    # Only right under the title: a lead paragraph that the page also uses as its summary stays.
    if description and after_html and first.reason == "title" and len(lines) > 1:
        second = lines[1]
        if _norm(second.text) == _norm(description):
            second.reason = "standfirst"

    body = [ln for ln in lines if not ln.heading and ln.reason is None]

    # 0. main text: in a page dumped to text, the article is the stretch of running prose between the
    # menus at the top and the link lists and footers at the bottom.
    if find_region and not after_html:
        region = _main_region(body)
        if region is not None:
            lo, hi = region
            for i, ln in enumerate(body):
                if i < lo or i > hi:
                    ln.reason = "outside"

    # 1/3/5. credits and prompts, line by line.
    for ln in body:
        if _CREDIT_LINE.match(ln.text) and len(ln.text) < 200:
            ln.reason = "credit"
        elif _PROMPT.match(ln.text) and len(ln.text) < 160:
            ln.reason = "prompt"
        elif not after_html and _is_timestamp(ln.text):
            ln.reason = "timestamp"
        elif not after_html and _TRUNCATED.search(ln.text) and len(ln.text.split()) <= HEADLINE_MAX_WORDS:
            ln.reason = "teaser"
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
        if len(key) < 12 or ln.text.startswith("|"):
            continue  # table rows repeat by design
        has_credit = core != ln.text
        prev = keys.get(key)
        labelled = False
        if prev is None:
            # A teaser printed again behind a one- or two-word section label ("China White House urges …").
            for cut in (1, 2):
                words = key.split(" ", cut)
                if len(words) > cut and words[cut] in keys and len(words[cut]) >= 20:
                    prev, labelled = keys[words[cut]], True
                    break
        if prev is not None:
            adjacent = live.index(prev) == i - 1
            headline = _is_headline_shaped(prev.text) or _is_headline_shaped(core)
            if headline and (adjacent or labelled) and not core.endswith("?"):
                ln.reason = prev.reason = "teaser"
            elif headline and after_html:
                pass  # a heading or question the article repeats (interviews, lists) is its own
            elif adjacent or has_credit or prev.text != _strip_trailing_credit(prev.text):
                ln.reason = prev.reason = "caption"
            elif not after_html:
                ln.reason = "repeat"
        else:
            keys[key] = ln
        if has_credit and ln.reason is None:
            # A lone line carrying a photo credit is a caption.
            ln.reason = "caption"

    # 6. navigation: runs of very short lines.
    run: list[_Line] = []
    for maybe in [] if after_html else [*body, None]:
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
        elif not after_html and kept_prose and not _LIST_ITEM.match(ln.text) and not ln.text.endswith("?"):
            # List items and questions to the reader are the article's own.
            ln.reason = "teaser"

    # 4b. headline-shaped lines right after a line announcing other stories ("You may also like",
    # "Related", "Don't miss", "Most read") are those stories' links, up to the next prose paragraph.
    for idx, ln in enumerate(body):
        if ln.reason != "prompt" or not _ANNOUNCES_LIST.match(ln.text):
            continue
        for nxt in body[idx + 1 :]:
            if nxt.reason is not None:
                continue
            if _is_prose(nxt.text) or not _is_headline_shaped(nxt.text.rstrip(".")):
                break
            nxt.reason = "teaser"

    # 7. dateline at the start of the first prose paragraph.
    date_cut: tuple[_Line, int] | None = None
    for ln in body:
        if ln.reason is None and not ln.heading:
            m = _DATELINE.match(ln.text)
            if m and len(m.group("place").split()) <= 6 and not _speaker_label(m):
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
    if find_region and not res.text.strip():
        # The region search found no article (a page of short lines): keep what the line rules keep.
        return clean_text(
            text, title=title, after_html=after_html, description=description, find_region=False
        )
    return res


# Function words that make up a third of English prose and almost none of any other language's.
_ENGLISH_WORDS = frozenset(
    "the of and to in is that for it on was with as he she said by at from his her be have are has not "
    "this an but they were will would who which their been its".split()
)
# … and their like in other languages written in Latin letters (German on the second line).
_OTHER_WORDS = frozenset(
    "la le les des du et est une que qui pour dans pas sur avec sont aux ces cette "  # French
    "el los las del y una por para como pero más fue está "  # Spanish
    "il di che della delle gli sono non nel alla anche "  # Italian
    "dos das em não uma os pelo pela mais foi são "  # Portuguese
    "der die und ist nicht mit dem ein eine zu von auf sich wird auch nach im am bei für wurde zum zur "
    "yang dan dengan untuk tidak ini itu dari akan "  # Indonesian
    "het een niet zijn ook voor naar maar "  # Dutch
    "och att är på för inte jag "  # Swedish
    "jest nie się na w z że".split()  # Polish
)
_LATIN = re.compile(r"[A-Za-z]")


def is_english(language: str | None) -> bool:
    """Whether a recorded language is English (None: nothing said otherwise)."""
    return language is None or language.strip().lower().startswith("en")


def record_language(text: str, declared: str | None) -> str | None:
    """The language to record for an article: the other language it is in (see foreign_language), else
    its declaration when that is English, else "en" (an English text its page declared otherwise)."""
    return foreign_language(text, declared) or (declared if is_english(declared) else "en")


def foreign_language(text: str, declared: str | None = None) -> str | None:
    """The language of an article that is not in English, for articles newsledger stores but does not
    extract (its models read English); None for English text and for text too short to tell.

    The text decides, the page's declaration only names the language: pages declare wrongly both ways
    (English pages marked "de", German ones "en"). Not English is text mostly in another script
    (Cyrillic, Hangul, Chinese …), or text with more of other languages' function words ("la", "und",
    "yang") than of English ones. The code is the declared one when the page names another language
    ("ru", "fr-fr"), else "und"."""
    code = declared.strip().lower() if declared and declared.strip() else ""
    code = code if code and not is_english(code) else "und"
    letters = sum(c.isalpha() for c in text)
    if letters >= 60 and len(_LATIN.findall(text)) < 0.5 * letters:
        return code  # another script
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < 40:
        return code if code != "und" else None  # too short to tell: the declaration, if any
    english = sum(w in _ENGLISH_WORDS for w in words)
    other = sum(w in _OTHER_WORDS for w in words)
    return code if other > english and other >= 0.03 * len(words) else None


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
    description: str | None
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
        return HtmlResult("", None, None, None, None, None, None, url)
    get = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return HtmlResult(
        text=get.get("text") or "",
        title=get.get("title") or None,
        description=get.get("description") or None,
        byline=get.get("author") or None,
        outlet=get.get("sitename") or None,
        published=parse_date(get.get("date")),
        language=get.get("language") or _html_lang(html),
        url=get.get("url") or url,
    )


_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?)", re.I)


def _html_lang(html: str) -> str | None:
    """The language the page declares on its <html> tag ("de", "en-GB")."""
    m = _HTML_LANG.search(html, 0, 4000)
    return m[1] if m else None
