"""Time expressions, found and normalised TIMEX3-style against the publication date.

Finding: the spaCy model's DATE and TIME entities, plus what it misses (clock times, "daily", "the
future", "current"), cut to TimeML's extents: leading prepositions and hedges ("about", "just", "over",
"since") are not part of a time expression, a possessive "'s" neither; "between 1994 and 1997", "1991 to
1997" and "the six months ended Oct. 1" are two expressions each; ages ("a 6-year-old") and bare numbers
are not time expressions at all.

Normalising (TimeML values: ``2024-10-18``, ``2024-10``, ``2024-W42``, ``2024-Q3``, ``2024-SU``,
``2024-10-18TEV``, ``2024-10-18T09:30``, ``199X``, ``P3Y``, ``PT10H``, ``XXXX-WXX-1``, ``PRESENT_REF``…),
with the newswire conventions:

- a bare weekday is the most recent one on or before the publication date, unless its clause looks ahead
  (future tense, "would", an infinitive, "scheduled/planned/expected/set/due"), when it is the first on or
  after that date ("will speak Friday", written on a Friday, is that day; a week ahead is "next Friday");
  in a plan told in the past or a clause in the present ("meet for the first debate Monday") it is the
  nearest one, up to three days ahead;
- a bare month ("in June") is the latest such month on or before the publication month in a past-tense
  clause, the next one in a clause that looks ahead, the nearest one otherwise; "last October" is the
  most recent October before the publication month;
- "earlier this month" is the interval from the 1st of the month to the publication date;
- "today", "yesterday", "tomorrow", "last/next/this week|month|year", "N days/weeks/months/years ago",
  month + day ("October 3", "Oct. 3", "3 October"), "mid-November", seasons, quarters ("the third
  quarter", "the year-ago quarter"), halves, decades ("the 1990s"), centuries, holidays, clock times,
  parts of days ("Friday night"), durations ("for three years" → P3Y) and sets ("every Monday").
- Financial reporting: "a year ago" or "the year-earlier period" after the quarter reported was named
  (one that is over, or told in the past; not an outlook for a quarter ahead) means that quarter a year
  before ("1988-Q3"), unless a stretch of months was named after it in the same sentence ("For the nine
  months, … a year earlier": the year before, "1988"); "the quarter" and "the latest quarter" without one
  mean the last completed quarter.

Without a publication date, relative expressions keep ``anchored: false`` and no value is invented.
Expressions the rules do not resolve keep their span with ``value: null``.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import functools
import itertools
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from dateutil.easter import EASTER_ORTHODOX, easter

from ..model import TimeExpr
from ..nlp import aux_tokens, aux_words, doc_text, mark_words
from .quantities import CLOCK_ZONE_RE, HHMM_RE, WORD_NUM_RE, parse_number

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_WEEKDAYS.update({"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4})
_WEEKDAYS.update({"sat": 5, "sun": 6})
_VAGUE_COUNTS = {"several": 3, "a few": 3, "few": 3, "many": 3}
_MON_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
# A run of days in one month, one expression: "July 25-28", "Oct. 3 to 5", "June 1 to 15, 2019"
_DAY_RUN_RE = (
    rf"({_MON_RE})\.?\s+(\d{{1,2}})(?:\s*[-–]\s*|\s+(?:to|through|until)\s+)(\d{{1,2}})(,?\s+\d{{4}})?"
)
# "the following day", "that same night": a day counted from the one last named
_DAY_AFTER_ONE_NAMED_RE = (
    r"(?:the|that)\s+(?:same|following|next|previous|prior)\s+(?:day|morning|afternoon|evening|night)"
)
# "that day", "later that night": the day last named (see _THAT_DAY_REACH)
_THAT_DAY_RE = r"(?:(?:earlier|later)\s+)?that\s+(?:day|night|morning|afternoon|evening)"
# How many times: "twice", "three times", "several times" (before "a year", "a week": how often)
_HOW_OFTEN_RE = (
    r"(?:once|twice|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many|multiple|a\s+few)\s+"
    r"times)"
)
# A year before: "the same month" + "last year", "the previous year", "a year earlier"
_A_YEAR_BEFORE_RE = r"last\s+year|the\s+(?:previous|prior)\s+year|a\s+year\s+(?:before|ago|earlier)"
# A span narrowed twice, its first part: "mid to" (late March), "early-to-" (mid 2015)
_NARROWED_RE = r"(?:early|mid|late)[\s-]*(?:to|or|and|-|–)[\s-]*"
# The decades of the 20th century written out ("the twenties" … "the nineties"), in order
_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")
_SPELLED_DECADE = re.compile(rf"(?:(?:early|late|mid)[\s-]+)?(?:{'|'.join(_DECADE_WORDS)})")
_WD_RE = "|".join(sorted((d for d in _WEEKDAYS if len(d) > 4), key=len, reverse=True))
_ONE = {"a": 1, "an": 1, "one": 1}


_ORDINAL_WORDS = tuple("first second third fourth fifth sixth seventh eighth ninth tenth".split())
_ORDINAL_RE = "|".join(_ORDINAL_WORDS)


def _count(word: str) -> int | None:
    """A small count written in digits or words ("3", "three", "a", "several")."""
    if word in _VAGUE_COUNTS:
        return _VAGUE_COUNTS[word]
    if word in _ONE:
        return 1
    value = parse_number(word)
    return int(value) if value is not None and value == int(value) else None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: dt.date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


# How a clause places a date against the moment of writing (see _verb_tense and _tense): told in the past,
# a past one that describes a thing ("organise in the March states"), in the present, in the present and
# named by the possessive ("Tuesday's primary"), a plan or possibility on either side ("near"), ahead, or
# no verb to tell.
Tense = Literal["past", "past-describes", "present", "present-named", "near", "future", "none"]

# Verbs whose complement lies ahead of the moment of writing: "the talks are scheduled for Monday",
# "planned to leave on Thursday", "expected to join in April".
# ("slat" is the lemma the model gives "slated")
_PLAN_LEMMAS = frozenset("plan schedule slate slat".split())
# "hop" and "prepared" are the model's lemmas of "hoping"/"hoped" and of "were prepared to", as "slat" is
# of "slated"
_AHEAD_VERBS = _PLAN_LEMMAS | frozenset(
    "expect set due intend hope hop aim propose prepare prepared suppose".split()
)
# what an event noun carries when it is planned, as adjective or lemma ("a planned rally", "slated for")
_PLAN_WORDS = _PLAN_LEMMAS | frozenset("planned scheduled slated".split())
# Modals of possibility ("could be located Wednesday") do not move a date ahead; "will" and "would" do.
_AHEAD_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d"})
# Modals of possibility or need: a date under them is the nearest such one ("could hit airwaves Monday")
_POSSIBILITY_AUX = frozenset({"could", "may", "might", "can", "should", "must"})
_AHEAD_WORDS = re.compile(
    r"\b(?:as (?:soon|early) as|no later than|next|coming|upcoming|effective|(?<!to )come|"
    r"from now (?:to|until|till|through)|between now and|ahead (?:to|into))\s+$"
)
# "since their Oct. 13 debate": before the moment of writing, whatever the clause's tense
_SINCE = re.compile(r"\bsince\s+(?:(?:the|their|his|her|its|our|my|your|last)\s+)?$")
# Verbs whose simple present tells a timetable, ahead of the moment of writing ("Wisconsin holds its primary
# on Tuesday", "the reunion tour that stops at Blossom Music Center on July 22"); not "start": prices start
# at $25,000.
_TIMETABLE_VERBS = frozenset(
    "end expire begin resume open close hold host stop arrive depart premiere air debut".split()
)
# Verbs whose infinitive goes on or seems rather than lies ahead ("continues to insist", "seems to have").
_ASPECT_VERBS = frozenset("continue seem appear tend happen cease".split())
# "ahead of Tuesday's vote", also with words between ("ahead of New York's delegate-rich Tuesday primary",
# "ahead of voting Tuesday"); "in the lead-up to", "in the run-up to" say the same
_AHEAD_OF = re.compile(r"\b(?:ahead\s+of|(?:lead|run)(?:-|\s+)?up\s+to)\s+(?:[\w'’-]+\s+){0,4}$", re.I)
_DEADLINE_WORDS = re.compile(r"\b(?:by|until|till|through)\s+$")
# "taken from May 13 through Sunday", "Thursday through Monday": the far end of a range, not a deadline
_RANGE_END = re.compile(rf"\b(?:{_WD_RE}|\d{{1,2}}|{_MON_RE})\.?,?\s+(?:until|till|through)\s+$", re.I)
# A deadline moved or granted lies ahead even when the moving is told in the past ("postponed until
# Tuesday morning", "extended its deadline until 9 a.m. Tuesday").
_DEADLINE_VERBS = frozenset("postpone delay defer extend adjourn give grant push".split())
_AS_OF_BEFORE = re.compile(r"\bas\s+of\s+$", re.I)


def _tense(span: Span, text: str) -> Tense:
    """Tense of the clause a time expression sits in (see _clause_tense); "past-describes" for a date
    that describes a thing in a past clause ("organise in the March states", "the March firewall she had
    been counting on"): it is not itself told in the past, and a few months ahead it is the coming one."""
    tense = _clause_tense(span, text)
    if tense == "present" and _AS_OF_BEFORE.search(text, max(0, span.start_char - 8), span.start_char):
        return "past"  # "remains a shareholder, with 24.4% as of March 20": a date the figure was taken on
    if tense == "future" and (_names_a_report(span) or _names_an_outcome(span)):
        return "past"  # "will get ... with the release of the November jobs report", said in December
    if tense == "present" and span.root.dep_ == "poss":
        return "present-named"  # "Tuesday's primary" in a present clause: see weekday_date
    if tense == "present" and _describes_a_thing(span):
        return "none"  # "He also hosts a Sunday talk show": no day in particular, not one near
    if tense == "past" and _describes_a_thing(span):
        before = text[max(0, span.start_char - 20) : span.start_char].lower()  # as _clause_tense reads it
        if not _SINCE.search(before) and not re.search(r"\b(?:that|those)\s+$", before):
            return "past-describes"  # not "in that October speech", which points back
    return tense


# Nouns of a measure published after the period it covers ("the November jobs report", "the June figures")
_REPORT_NOUNS = frozenset("report survey poll data figure number statistic reading".split())


def _names_a_report(span: Span) -> bool:
    """Whether a bare month names the period a report covers ("the November jobs report"): that month is
    over or under way when the report comes out, however far ahead the release is told."""
    return (
        _describes_a_thing(span)
        and span.root.head.lemma_.lower() in _REPORT_NOUNS
        and span.text.lower().rstrip(".") in _MONTHS
    )


# Nouns of what is over once it has a day: "Monday's decision will reverberate down the ballot"; and of
# what comes after it: "If you want to understand the real meaning of Thursday night's debate"
_OUTCOME_NOUNS = frozenset(
    """decision ruling verdict result outcome announcement victory win loss defeat attack shooting meaning
    impact aftermath fallout significance lesson takeaway wake""".split()
)


def _names_an_outcome(span: Span) -> bool:
    """Whether a date is the day of an outcome, told by the possessive: "Monday's decision will make the
    choice starker", "The results of Tuesday's five primaries will force Sanders to …"."""
    root = span.root
    if (
        root.dep_ == "pobj"
        and root.head.lower_ in ("on", "in")
        and root.head.head.pos_ == "NOUN"
        and root.head.head.i < span.start
    ):
        # "Her victories in Pennsylvania … on Tuesday will only accelerate that shift": the outcome's day;
        # not "a win in Ohio on Tuesday would clinch it", which may lie ahead
        noun = root.head.head
        known = any(c.dep_ == "poss" or c.lower_ == "the" for c in noun.children)
        return known and noun.lemma_.lower() in _OUTCOME_NOUNS
    if root.dep_ != "poss" or root.head.i < span.end:
        return False
    noun = root.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "the results of Tuesday's primaries"
    return noun.lemma_.lower() in _OUTCOME_NOUNS


def _describes_a_thing(span: Span) -> bool:
    """Whether a date modifies a noun after it ("a June agreement", "the March states")."""
    root = span.root
    return root.dep_ in ("compound", "nmod", "amod") and root.head.pos_ == "NOUN" and root.head.i >= span.end


# "less than forecast in July", "than expected in March": the forecast was made before the moment of
# writing, whatever the clause's tense (the parser often hangs the date on the clause's verb).
_THAN_FORECAST = re.compile(
    r"\b(?:than|as)\s+(?:previously\s+|initially\s+|first\s+)?"
    r"(?:forecast|expected|predicted|projected|estimated|anticipated)\s+(?:in|on|at)\s+$"
)
# "starting Monday" looks ahead unless the clause is told in the past ("took to the airwaves beginning
# Wednesday night").
_STARTING = re.compile(r"\b(?:starting|beginning)\s+$")


def _clause_tense(span: Span, text: str) -> Tense:
    """See _verb_tense; "starting Monday" in a clause not in the past looks ahead."""
    tense = _verb_tense(span, text)
    if tense != "past" and _STARTING.search(text[max(0, span.start_char - 20) : span.start_char].lower()):
        return "future"
    return tense


# A date that nears is ahead: "As Election Day nears", "with Super Tuesday looming", "as Christmas approaches"
_NEARING = re.compile(
    r"\s+(?:(?:is|are)\s+)?(?:nears|nearing|approaches|approaching|looms|looming|(?:draws|drawing)\s+(?:near|closer))\b"
)


def _verb_tense(span: Span, text: str) -> Tense:
    """Tense of the clause a time expression sits in, from its governing verb: "past", "present" or
    "future" (news default: past). "Future" covers every clause that looks ahead of the moment of
    writing: the future tense, modals ("would be paid"), infinitives ("planned to leave on Thursday") and
    verbs of scheduling ("is set for Monday")."""
    before = text[max(0, span.start_char - 20) : span.start_char].lower()
    if _AHEAD_WORDS.search(before) or _NEARING.match(text, span.end_char):
        return "future"
    if _SINCE.search(before) or _THAN_FORECAST.search(before):
        return "past"
    prep = span.root.head
    if span.root.dep_ == "pobj" and prep.head.lower_ == "back" and prep.head.i != prep.i:
        return "past"  # "a smart TV back in March", "way back in October"; not "will come back in November"
    tok = span.root
    # a date that describes a thing ("a June agreement") looks ahead only with the verb right above it
    # ("has to move through a June hearing"), not through a chain of infinitives ("is continuing to try to
    # sell itself under a June agreement")
    describes = _describes_a_thing(span)
    through_a_noun = False  # whether the date hangs on a noun on its way up ("the convention in July")
    noun_above: Token | None = None  # that noun
    planned = False  # whether that noun is a plan ("a planned rally on Saturday")
    since = False  # whether "since" stands on the way up ("since his visit to Ohio in the spring")
    for _ in range(6):
        # a participle that is a preposition ("including the Wyoming caucuses on Saturday", "following
        # Monday's debate") is no verb of the clause
        if (
            tok.pos_ in ("VERB", "AUX") and not (tok.tag_ == "VBG" and tok.dep_ == "prep")
        ) or tok.head.i == tok.i:
            break
        tok = tok.head
        since = since or (tok.lower_ == "since" and tok.dep_ == "prep")
        if tok.pos_ in ("NOUN", "PROPN", "PRON") and not through_a_noun:
            through_a_noun = True
            noun_above = tok
            planned = any(c.dep_ in ("amod", "acl") and c.lemma_.lower() in _PLAN_WORDS for c in tok.children)
    if since or (tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ == "since"):
        return "past"  # "popular since taking over as speaker in the fall": before the moment of writing
    if planned or (tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") and tok.lemma_.lower() in _PLAN_WORDS):
        # an event planned for a day, a little before or after the moment of writing: "a planned Cruz rally
        # on Saturday", "a joint rally with Obama slated for Wednesday", "a speech scheduled Friday"
        return "near"
    auxes = aux_tokens(tok)
    while tok.tag_ == "VB" and not auxes and tok.dep_ == "conj" and tok.head.tag_ == "VB":
        tok = tok.head  # "will come out and support her in November": the first verb's auxiliaries
        auxes = aux_tokens(tok)
    quoted = False  # whether the verb opens a quotation ('boomed: "Let's defeat her in November."')
    for _ in range(3):
        if tok.tag_ not in ("VB", "VBN") or auxes or tok.dep_ not in ("ccomp", "xcomp"):
            break
        if tok.head.pos_ not in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        quoted = any(t.tag_ in ("``", ":") for t in tok.doc[tok.head.i + 1 : tok.left_edge.i])
        if quoted:
            break  # not out of the quotation
        # a bare complement has the tense of the verb it completes: "an agreement that would see him
        # endorse her in New Hampshire on Tuesday", "a chance to make their voice known on Tuesday"
        tok = tok.head
        auxes = aux_tokens(tok)
    if (
        tok.tag_ == "VBG"
        and not auxes
        and tok.dep_ in ("advcl", "conj", "xcomp")
        and tok.head.pos_ in ("VERB", "AUX")
    ):
        tok = tok.head  # a participle clause has the tense of the clause it hangs on ("kept going until …")
        auxes = aux_tokens(tok)
    if tok.tag_ == "VBG" and not auxes and not through_a_noun:
        # ... and so has a participle or gerund the date itself hangs on, further up: "showed his numbers
        # falling … from 54 percent in July", "quit giving paid speeches before announcing her run in
        # April", "unions representing a majority … way back in October" (a finite verb, not an infinitive
        # or a modal's: "Can he succeed in mobilizing new voters in November?")
        above = _finite_above(tok)
        if above.tag_ in ("VBD", "VBZ", "VBP") or aux_words(above) - {"to", "can", "could", "may", "might"}:
            tok = above
            auxes = aux_tokens(tok)
    words = aux_words(tok)
    if "had" in words:
        return "past"  # "it had been due to expire Friday evening"
    if words & {"would", "could", "should", "might", "'d"} and "have" in words:
        return "past"  # "Saturday would have been Reagan's 105th birthday": what did not happen
    if _withheld(tok, words):
        return "past"  # "Schumer wouldn't say Tuesday how …", "Police could not confirm Friday …": a refusal
    if (
        _DEADLINE_WORDS.search(before)
        and not _RANGE_END.search(before)
        and not ("to" in words and _planned_in_the_past(tok))  # "were due to file paperwork by March 15"
        # the end of what a participle or a report covers, not a deadline: "election results tallied
        # through Wednesday afternoon", "fundraising reports through Jan. 31"
        and not (
            tok.tag_ == "VBN"
            and tok.dep_ == "acl"
            and not auxes
            and tok.lemma_.lower() not in _DEADLINE_VERBS
        )
        and not (through_a_noun and noun_above is not None and noun_above.lemma_.lower() in _REPORT_NOUNS)
        and (
            (tok.tag_ != "VBD" and not any(a.tag_ == "VBD" for a in auxes) and not words & {"has", "have"})
            or tok.lemma_.lower() in _DEADLINE_VERBS  # (a pluperfect was settled above)
        )
    ):
        told = _verb_told(tok) if "to" in words and tok.tag_ == "VB" else None
        if told is not None and "had" in aux_words(told):
            return "past"  # "had raised $38 million to boost his candidacy by the end of June"
        if (
            told is not None
            and (told.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux_tokens(told)))
            and not aux_words(told) & _AHEAD_AUX
            and told.lemma_.lower() not in _AHEAD_VERBS | _DEADLINE_VERBS
        ):
            return "near"  # "a judge ordered the department to release the emails by the end of January"
        return "future"  # "pay down the loan by February", "revolving loans through January"
    if words & _AHEAD_AUX or (tok.lower_ == "going" and any(c.lower_ == "to" for c in tok.rights)):
        return "future"
    if tok.lemma_.lower() in _AHEAD_VERBS and (
        tok.tag_ in ("VBZ", "VBP", "VBG") or words & {"is", "are", "'s", "'re", "be", "am", "has", "have"}
    ):
        return "future"  # "the talks are scheduled for Monday", "plans to"
    if tok.lower_ == "due":
        return "future"
    if tok.tag_ in ("VBZ", "VBP") and not auxes and tok.lemma_.lower() in _TIMETABLE_VERBS and not describes:
        # "the fiscal year, which ends Sept. 30", "the offer expires Friday", "Wisconsin holds its primary
        # on Tuesday"; not "he hosts a Sunday talk show"
        return "future"
    infinitive = tok.tag_ == "VB" or (tok.tag_ == "VBN" and "be" in words)  # "to be replaced through …"
    if "to" in words and infinitive and _planned_in_the_past(tok):
        return "near"  # "he was scheduled to leave late Tuesday": the plan's day, on either side of today
    if "to" in words and infinitive and _ahead_of_infinitive(tok, climb=not describes):
        return "future"
    told = tok.head.head if tok.head.pos_ == "ADJ" and tok.head.head.pos_ in ("VERB", "AUX") else tok.head
    if "to" in words and infinitive and aux_words(told) & _POSSIBILITY_AUX:
        # "It could encourage Sanders to stay in the race through the convention in July", "could make it more
        # difficult to unite in the summer"
        return "near"
    ahead_of = _AHEAD_OF.search(text, max(0, span.start_char - 45), span.start_char) is not None
    if ahead_of and words & {"has", "have"}:
        return "future"  # "has turned increasingly nasty ahead of New York's delegate-rich Tuesday primary"
    if tok.tag_ == "VBD" and not auxes and _hypothetical(tok):
        return "future"  # "how ties would fare if he won the presidential election on Nov. 8"
    if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes) or words & {"has", "have", "had"}:
        # "continued a fierce contest ahead of voting Tuesday": after the told moment, near the writing
        return "near" if ahead_of else "past"
    simple_present = tok.tag_ in ("VBZ", "VBP") and not auxes
    present_be = tok.tag_ in ("VBN", "VBG") and bool(auxes) and all(a.tag_ in ("VBZ", "VBP") for a in auxes)
    if (simple_present or present_be) and _under_a_future_clause(tok):
        # "will begin this week, as Yellen speaks on Wednesday", "can be overturned if a Republican is
        # elected president in November"
        return "future"
    if tok.tag_ in ("VBZ", "VBP", "VBG") or words & {"is", "are", "am", "'s", "'re"}:
        # "Polls show Trump trailing just ahead of Tuesday's vote": what is still ahead
        return "future" if ahead_of else "present"
    if tok.pos_ not in ("VERB", "AUX"):
        # no verb governs it ("a cutback in its oil supply in September", "ahead of Tuesday's vote")
        return "future" if ahead_of else "none"
    imperative = (
        tok.tag_ == "VB"
        and (tok.dep_ == "ROOT" or quoted)
        and not any(c.dep_.startswith("nsubj") for c in tok.children)
    )
    if words & _POSSIBILITY_AUX or imperative:
        # a modal of possibility or need, or a call ("Let's defeat her in November"): the nearest such date
        # ("could hit Florida airwaves Monday", written on a Saturday, is two days ahead)
        return "near"
    return "near" if ahead_of else "past"


# What a source declines to tell: "would not say", "couldn't confirm", "wouldn't comment"
_WITHHOLD_VERBS = frozenset(
    "say comment confirm disclose discuss elaborate specify reveal identify answer speculate detail".split()
)


def _withheld(tok: Token, words: set[str]) -> bool:
    """Whether the verb tells of a refusal to tell, as it happened: "would not say Tuesday whether …" is a
    past "wouldn't" (the source's answer), not a conditional. Only a main clause (or one joined to it), not
    what a source said it would not do ("said he would not comment on Friday")."""
    if not words & {"would", "could", "'d"} or tok.lemma_.lower() not in _WITHHOLD_VERBS:
        return False
    if not any(c.dep_ == "neg" for c in tok.children):
        return False
    return tok.dep_ == "ROOT" or (tok.dep_ == "conj" and tok.head.dep_ == "ROOT")


def _verb_told(tok: Token) -> Token | None:
    """The verb an infinitive hangs on, through infinitives and their conjuncts ("ordered the department to
    make monthly releases and to complete the process by …" → "ordered"); None when there is none."""
    head = tok
    for _ in range(6):
        if head.dep_ == "conj" and head.head.tag_ == "VB" and head.head.i != head.i:
            head = head.head
            continue
        if head.tag_ != "VB" or "to" not in aux_words(head) or head.head.i == head.i:
            return None
        head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            return None
        if head.tag_ != "VB" or "to" not in aux_words(head):
            return head
    return None


def _finite_above(tok: Token) -> Token:
    """The nearest verb above a participle or gerund that is not itself one without auxiliaries, through the
    nouns and prepositions between ("unions representing …" → "locked up endorsements from unions"); the
    participle itself when there is none (a headline's "Trump calling …")."""
    head = tok
    for _ in range(8):
        if head.head.i == head.i:
            return tok
        head = head.head
        if head.pos_ in ("VERB", "AUX") and (head.tag_ != "VBG" or bool(aux_tokens(head))):
            return head
    return tok


def _hypothetical(tok: Token) -> bool:
    """Whether a verb in the simple past is a condition under "would": "if he won the election on Nov. 8,
    ties would fare …" (a pluperfect, "if he had won", is settled before)."""
    marks = mark_words(tok)
    return (
        tok.dep_ == "advcl"
        and "if" in marks
        and bool(aux_words(tok.head) & {"would", "'d", "could", "might"})
    )


# a clause of time opened by a noun, which the parser does not mark: "By the time our campaign in California
# is over on Monday, we will have spoken to …"
_BY_THE_TIME = re.compile(r"(?:by\s+|until\s+)?the\s+(?:time|moment|day)\b", re.I)


def _under_a_future_clause(tok: Token) -> bool:
    """Whether a verb in the simple present heads a clause of time or condition under a clause that looks
    ahead, where English keeps the present for the future: "The new age will begin this week, as Yellen
    speaks on Wednesday and testifies on Thursday", "If he wins on Tuesday, he will …"; a condition in the
    simple present lies ahead whatever the clause above ("we need clarity if there is a close election on
    Tuesday"). The caller also asks it of the present passive and progressive ("if a Republican is
    elected"); a clause opened by "by the time" has no mark ("By the time our campaign is over on Monday,
    we will have spoken …")."""
    while tok.dep_ == "conj" and tok.head.tag_ in ("VBZ", "VBP") and tok.head.i != tok.i:
        tok = tok.head
    marks = mark_words(tok)
    by_the_time = tok.dep_ in ("advcl", "ccomp") and _BY_THE_TIME.match(tok.doc[tok.left_edge.i : tok.i].text)
    if not by_the_time and (tok.dep_ != "advcl" or not marks):
        return False
    if marks & {"if", "unless"}:
        return True  # "we need clarity if there is a close election on Tuesday": a condition lies ahead
    head = tok.head
    return bool(aux_words(head) & _AHEAD_AUX) or (
        head.lemma_.lower() in _AHEAD_VERBS and head.tag_ in ("VBZ", "VBP", "VBN")
    )


def _planned_in_the_past(tok: Token) -> bool:
    """Whether an infinitive hangs on a plan told in the past tense: "was scheduled to leave", "were set
    to vote", "was expected to speak". The day of such a plan lies a little before or after the moment of
    writing, so a weekday in it is the nearest one ("was set to headline Tuesday", written on a Wednesday,
    is the day before; "was scheduled to speak Saturday morning", written on a Friday, the day after)."""
    head = tok.head
    if head.lemma_.lower() == "due" and head.dep_ == "acomp":
        return head.head.lower_ in ("was", "were")  # "were due to file paperwork by March 15"
    return head.lemma_.lower() in _AHEAD_VERBS and bool(aux_words(head) & {"was", "were"})


# Nouns whose infinitive is as far ahead as the verb that has them ("will have a chance to vote on Tuesday",
# "stand an excellent chance to win it on Tuesday"; not "an effort to bounce back from Monday's debate")
_CHANCE_NOUNS = frozenset("chance opportunity plan bid".split())


def _ahead_of_infinitive(tok: Token, climb: bool = True) -> bool:
    """Whether the verbs an infinitive hangs on look ahead: "Clinton wants to meet him on Friday", "is
    trying to get voters to go to the polls on Election Day", "will have to scramble to convince them to
    come out … in November". Climbs through infinitives that hang on infinitives."""
    head = tok.head
    for _ in range(6):
        if climb and head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod") and head.head.i != head.i:
            head = head.head  # "is likely to wrap up in June", "were ready to vote on Monday"
        if climb and head.lemma_.lower() in _CHANCE_NOUNS and head.dep_ in ("dobj", "attr"):
            # "will have a chance to make their voice known on Tuesday", "has plans to visit"
            head = head.head
        aux = aux_words(head)
        if "had" in aux:
            return False  # "Trump had planned to give remarks Monday": a plan told in the pluperfect
        if head.lower_ in ("were", "was") and "if" in mark_words(head):
            return True  # "if his candidate were to win in November"
        if head.lemma_.lower() in _AHEAD_VERBS or aux & _AHEAD_AUX:
            return True  # "will continue to strike on Monday" too
        present = head.tag_ in ("VBZ", "VBP") or (
            head.tag_ == "VBG" and aux & {"is", "are", "am", "'s", "'re"}
        )
        if present and head.lemma_.lower() not in _ASPECT_VERBS:
            return True  # not "continues to insist, most recently in a Labor Day interview"
        if not climb or head.tag_ != "VB" or "to" not in aux or head.head.i == head.i:
            return False
        head = head.head
    return False


# A past-tense clause may still name a date shortly after the publication date ("said it will pay the
# dividend Dec. 15"); only dates further ahead than this are moved to the previous year.
PAST_DATE_SLACK_DAYS = 60
PAST_MONTH_SLACK = 1
# ... and one describing a thing in a past clause ("organise in the March states", said in January)
DESCRIBED_DATE_SLACK_DAYS = 92
DESCRIBED_MONTH_SLACK = 3
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_QUARTER = re.compile(
    r"(?:the\s+)?(?:(?P<rel>this|next|last|current)\s+year'?s?\s+)?(?P<ago>year-ago\s+|year-earlier\s+)?(?:(?P<y0>\d{4})\s+)?"
    r"(?:(?:fiscal|calendar)[\s-]+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+"
    r"(?:fiscal[\s-]+)?quarter(?:\s+of)?"
    r"(?:\s+(?:fiscal\s+)?(?P<y>\d{4}|this year|last year|next year|the year))?"
)
_HALF = re.compile(
    r"(?:the\s+)?(?:(?:fiscal|calendar)\s+)?(?P<h>first|second|last|latter)[\s-]+(?:half|two\s+quarters)(?:\s+of)?(?:\s+(?:fiscal\s+)?"
    r"(?P<y>\d{4}|this year|last year|next year|the year))?"
)
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # the month each season begins in
_PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "mid-afternoon": "AF", "mid afternoon": "AF", "midday": "MI", "mid-day": "MI",
}  # fmt: skip
# A part of a day with its "early", "late" or "mid": "late afternoon", "mid-morning", "midafternoon"
_PART_OF_DAY = r"(?:(?:early|late|mid)[\s-]?)?(?:morning|afternoon|evening)"


def _part_code(words: str) -> str:
    """TIMEX3's code of a part of a day, whatever "early", "late" or "mid" is before it ("AF")."""
    return _PARTS_OF_DAY[re.sub(r"^(?:early|late|mid)[\s-]?(?=morning|afternoon|evening)", "", words)]


_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF", "at present": "PRESENT_REF",
    "the present": "PRESENT_REF", "present": "PRESENT_REF", "current": "PRESENT_REF",
    "recently": "PAST_REF", "the past": "PAST_REF", "past": "PAST_REF", "once": "PAST_REF",
    "previously": "PAST_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF",
    "the near future": "FUTURE_REF", "near future": "FUTURE_REF", "the time": "PAST_REF",
    "right now": "PRESENT_REF",
    "these days": "PRESENT_REF", "a later date": "FUTURE_REF", "later": "FUTURE_REF",
}  # fmt: skip
_SETS = {
    "daily": "P1D", "every day": "P1D", "each day": "P1D", "nightly": "P1D",
    "weekly": "P1W", "every week": "P1W", "each week": "P1W",
    "monthly": "P1M", "every month": "P1M", "each month": "P1M",
    "annually": "P1Y", "yearly": "P1Y", "every year": "P1Y", "each year": "P1Y",
    "hourly": "PT1H", "every hour": "PT1H", "quarterly": "P1Q", "every quarter": "P1Q",
    "every minute": "PT1M", "each minute": "PT1M", "each hour": "PT1H",
}  # fmt: skip
# Words before a duration or an "ago" that do not change its value ("nearly forty years").
_MODIFIERS = (
    r"(?:for|nearly|almost|about|around|some|roughly|approximately|more\s+than|less\s+than|over|under|"
    r"longer\s+than|shorter\s+than|fewer\s+than|"
    r"up\s+to|at\s+least|at\s+most|no\s+more\s+than|no\s+less\s+than|barely|only|just|the|these|those|another|"
    r"a\s+mere|mere|a\s+full|close\s+to|"
    r"an\s+additional|next|last|past|first|final|coming|previous|recent|full|entire|whole|following|"
    r"latest|initial|remaining|same|better\s+part\s+of\s+the|better\s+part\s+of\s+a|much\s+of\s+the|"
    # "well over two hours", "a little more than a year", "a good six years", "a long eight months"
    r"well\s+(?:over|under|beyond)|a\s+(?:little|bit)|a\s+good|all\s+of|upwards\s+of|north\s+of|"
    r"in\s+excess\s+of|most\s+recent|a\s+long|a\s+matter\s+of)"
)
# unit -> (prefix, letter, factor): time units take the "T" prefix (PT10H), date units none (P3Y);
# decades and centuries are written in years (P10Y, P100Y), as TimeBank does.
_DURATION_UNITS = {
    "second": ("T", "S", 1), "minute": ("T", "M", 1), "hour": ("T", "H", 1), "day": ("", "D", 1),
    "night": ("", "D", 1), "week": ("", "W", 1), "month": ("", "M", 1), "quarter": ("", "Q", 1),
    "year": ("", "Y", 1), "decade": ("", "Y", 10), "century": ("", "Y", 100), "centurie": ("", "Y", 100),
    "weekend": ("", "WE", 1),
}  # fmt: skip
_DURATION = re.compile(
    rf"(?:{_MODIFIERS}\s+)*(?:(?P<n>[\w.,]+(?:\s+\d/\d)?|a\s+couple\s+of|couple\s+of|a\s+few|several|\w+\s+to\s+\w+|[a-z]+[\s-][a-z]+|"
    r"[\d.,]+\s+to\s+[\d.,]+|\d[\d.,]*\s*[-–]\s*\d[\d.,]*|\w+\s+or\s+\w+)[\s-]+)?"
    r"(?:(?:trading|business|working|calendar|fiscal|straight|consecutive|successive)\s+)?"
    r"(?P<unit>second|minute|hour|day|night|week|month|quarter|year|decade|centur(?:y|ie)|weekend)s?"
    r"(?:[\s-](?:old|long))?(?:\s+or\s+so)?(?:\s+ahead|\s+in\s+a\s+row|\s+running)?(?:\s+of\s+(?:\d{4}|the\s+year|this\s+year|last\s+year|fiscal\s+\d{4}))?"
)
_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "new year's": (1, 1), "independence day": (7, 4),
    "the fourth of july": (7, 4),
    "fourth of july": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14), "veterans day": (11, 11),
    "boxing day": (12, 26), "bastille day": (7, 14), "may day": (5, 1), "orthodox christmas": (1, 7),
    "orthodox christmas day": (1, 7), "singles day": (11, 11),
}  # fmt: skip
# Festivals of the Islamic, Chinese, Hindu, Persian and Hebrew calendars, which move against the Gregorian
# year: their names in news, and where the ``holidays`` package keeps their dates, as (country, holiday)
# tried in order. Countries observe some of them a day apart; the Islamic ones are Kuwait's (and the
# first day of Ramadan the Maldives'), which follow Saudi Arabia's as a rule and span every year the
# package reaches (estimated outside its tables).
_FESTIVALS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "eid al-fitr": (r"eid[\s-](?:al|ul|el)[\s-]fitr", (("KW", "Eid al-Fitr"),)),
    "eid al-adha": (r"eid[\s-](?:al|ul|el)[\s-]adha|bakr[\s-]?id|kurban\s+bayram", (("KW", "Eid al-Adha"),)),
    "ramadan": (r"rama[dz]an|ramzan", (("MV", "First Day of Ramadan"),)),
    "mawlid": (r"mawlid(?:\s+(?:al|an)[\s-]nabi)?", (("KW", "Prophet's Birthday"),)),
    "islamic new year": (r"(?:islamic|hijri)\s+new\s+year", (("KW", "Islamic New Year"),)),
    "lunar new year": (r"(?:lunar|chinese)\s+new\s+year", (("CN", "Chinese New Year (Spring Festival)"),)),
    "diwali": (r"diwali|deepavali", (("IN", "Diwali"), ("MM", "Diwali"))),
    "holi": (r"holi", (("IN", "Holi"),)),  # 2001-2035 only
    "dussehra": (r"dussehra|dasara|vijayadashami", (("IN", "Dussehra"),)),  # 2001-2035 only
    "nowruz": (r"nowruz|nowrouz|norouz|navruz|newroz|nauryz", (("IR", "Nowruz"),)),
    "rosh hashanah": (r"rosh\s+hashanah?", (("IL", "Rosh Hashanah"),)),
    "yom kippur": (r"yom\s+kippur", (("IL", "Yom Kippur"),)),
    "passover": (r"passover|pesach", (("IL", "Pesach"),)),
    "sukkot": (r"sukkot", (("IL", "Sukkot"),)),
    "shavuot": (r"shavuot", (("IL", "Shavuot"),)),
    "simchat torah": (r"simchat\s+torah", (("IL", "Simchat Torah / Shemini Atzeret"),)),
    # either Eid, whichever the tense points to (its days are both of theirs); last, so that the names above
    # match first
    "eid": (r"eid", ()),
}  # fmt: skip
_FESTIVAL_RE = "|".join(pattern for pattern, _ in _FESTIVALS.values())


@functools.lru_cache(maxsize=4096)
def _festival(name: str) -> str | None:
    """The key in ``_FESTIVALS`` of a festival's name as news writes it: "Eid ul-Fitr", "Chinese New Year".
    Cached: the normaliser asks of every expression whether it names a holiday."""
    name = re.sub(r"^the\s+", "", name, flags=re.I)
    return next((key for key, (pattern, _) in _FESTIVALS.items() if re.fullmatch(pattern, name, re.I)), None)


def names_a_festival(text: str) -> bool:
    """Whether ``text`` is the name of a festival of ``_FESTIVALS`` ("Rosh Hashanah", "Nowruz", "the Lunar
    New Year"), which the model often takes for a person or an organisation; not a bare "Eid", which is
    also a name ("Mohammed Eid")."""
    return _festival(text.strip()) not in (None, "eid")


def _eid_in_a_name(text: str, s: int, e: int) -> bool:
    """Whether a bare "Eid" is part of a person's name: after a capitalised word inside a sentence
    ("Mohammed Eid said"), or before one ("Eid Hassan"; not "Eid Mubarak")."""
    before = re.search(r"\b[A-Z][a-z]+\s+$", text[max(0, s - 20) : s])
    if before and not _opens_sentence(text, s - len(before[0])):
        return True
    return re.match(r"\s+(?!Mubarak\b)[A-Z][a-z]", text[e : e + 12]) is not None


def _holiday_name(name: str) -> bool:
    """Whether ``name`` names a holiday or festival that ``_holiday`` dates, or its start or end."""
    name = re.sub(r"^(?:the\s+)?(?:start|beginning|middle|end)\s+of\s+", "", name)
    return _holiday(name, 2000) is not None or _festival(name) is not None


def _unestimated(name: str) -> str:
    """A holiday's name without the package's mark on a date it computed rather than looked up."""
    return name.removesuffix(" (estimated)")


@functools.cache
def _country_holidays(code: str, year: int) -> dict[dt.date, str]:
    """A country's holidays in a year from the ``holidays`` package, named in English; none for a
    country it does not know."""
    import warnings

    import holidays

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Requested Holidays are available only from 2001 to 2035"
        try:
            return dict(holidays.country_holidays(code, years=year, language="en_US"))
        except NotImplementedError:
            return {}


@functools.cache
def _festival_days(key: str, year: int) -> tuple[dt.date, ...]:
    """The first day of each time a festival of ``_FESTIVALS`` falls in a Gregorian year (an Islamic one
    may fall twice: Eid al-Fitr on Jan. 8 and Dec. 27, 2000), from the ``holidays`` package."""
    if key == "eid":
        return tuple(sorted({*_festival_days("eid al-fitr", year), *_festival_days("eid al-adha", year)}))
    for country, holiday in _FESTIVALS[key][1]:
        days = _country_holidays(country, year)
        found = {d for d, names in days.items() if holiday in map(_unestimated, names.split("; "))}
        if found:  # the first of each run of days ("Rosh Hashanah" names two)
            return tuple(sorted(d for d in found if d - dt.timedelta(days=1) not in found))
    return ()


# A country's own day, which "Ukraine's Independence Day" or "the Russian Victory Day" names
_NATIONAL_DAYS = (
    "independence day", "victory day", "national day", "republic day", "constitution day", "liberation day",
    "unity day",
)  # fmt: skip
_NATIONAL_DAY = re.compile(rf"([a-z]{{2}}):({'|'.join(_NATIONAL_DAYS)})")  # "ua:independence day"


@functools.cache
def _national_day(code: str, name: str, year: int) -> dt.date | None:
    """A country's national day of ``_NATIONAL_DAYS`` in a year, from the ``holidays`` package; where the
    package lists none that year (Ukraine's holidays, suspended under martial law), the month and day of
    the last year it does, up to ten years back."""
    for y in range(year, year - 11, -1):
        days = _country_holidays(code, y)
        named = [
            (" (observed)" in n, d)
            for d, names in days.items()
            for n in names.split("; ")
            # "Independence Day", "Victory Day (observed)", "Independence Day of the Republic of Belarus"
            if re.sub(r"\s*\((?:observed|estimated)\)", "", n).lower() == name
            or n.lower().startswith(f"{name} of ")
        ]
        if named:
            first = min(named)[1]  # the day itself before an observed one
            if y == year:
                return first
            try:
                return first.replace(year=year)
            except ValueError:
                return None  # Feb. 29
    return None


def _holiday_days(name: str, year: int) -> tuple[dt.date, ...]:
    """Every day in a Gregorian year that a holiday of ``_holiday`` falls on (one, but for a festival
    that falls twice)."""
    festival = _festival(name)
    if festival is not None:
        return _festival_days(festival, year)
    hol = _holiday(name, year)
    return () if hol is None else (hol,)


_CLOCK = re.compile(
    r"(?:(?P<h>\d{1,2})(?:[:.](?P<mi>\d\d))?\s*(?P<ap>a\.?\s?m\b\.?|p\.?\s?m\b\.?|o'clock)?|"
    r"(?P<word>noon|midday|midnight))"
    r"(?:\s+(?:in\s+the\s+|this\s+|at\s+)?(?P<part>morning|afternoon|evening|night|tonight))?"
    r"(?:\s+(?:[ecmp][sd]?t|gmt|utc|bst|cet|local(?:\s+time)?|(?:eastern|central|mountain|pacific)(?:\s+time)?|"
    r"\(\d+\s+gmt\)))?"
)
_UNITS_RE = r"second|minute|hour|day|week|month|year|decade"
_HOUR_WORDS = tuple("one two three four five six seven eight nine ten eleven twelve".split())
_HOUR_WORD = re.compile(rf"\b(?:{'|'.join(_HOUR_WORDS)})(?=\s+o'clock\b)")


@dataclasses.dataclass
class Context:
    """What earlier expressions of the same article set up: the quarter last named (for "a year ago"
    and "the year-earlier quarter" in earnings reports)."""

    quarter: tuple[int, int] | None = None
    year: int | None = None  # the year last written out ("in June 1998 … later that year")
    day: dt.date | None = None  # the day last named ("Oct. 23 … at 10 p.m.", "the next day")
    month: tuple[int, int] | None = None  # the month last named, or the day's ("the following month")
    here: int | None = None  # where the expression being read starts (set by extract_times)
    named_at: int | None = None  # where the day or month last named started
    year_at: int | None = None  # where the year last written out started
    quarter_at: int | None = None  # where the quarter last reported started
    stretch_at: int | None = None  # where a reported stretch of months last started ("the nine months")
    sentence_at: int | None = None  # where the sentence being read starts (set by extract_times)
    day_first: bool = False  # the article writes numeric dates day first ("25/12/2023"; see _day_first)


# "For the nine months, … compared with … a year earlier": the earlier stretch, a year, not the quarter
_STRETCH = re.compile(
    r"(?:the\s+)?(?:(?:first|latest|past|last)\s+)?(?:six|nine|6|9)\s+months|(?:the\s+)?first\s+half"
)


def _stretch_since_quarter(ctx: Context) -> bool:
    """A stretch of months was named in this sentence after the quarter last reported."""
    return (
        ctx.stretch_at is not None
        and ctx.sentence_at is not None
        and ctx.stretch_at >= ctx.sentence_at
        and ctx.stretch_at > (ctx.quarter_at if ctx.quarter_at is not None else -1)
    )


def _year_told(ctx: Context) -> int | None:
    """The year the story last moved to: that of the year last written out, or of the day or month named
    after it ("in 2014 … A poll in December found that, relative to two years earlier": December's)."""
    if ctx.month is not None and (ctx.year_at is None or (ctx.named_at or 0) > ctx.year_at):
        return ctx.month[0]
    return ctx.year


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    d = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
    if n > 0:
        return d + dt.timedelta(weeks=n - 1)
    last = _month_end(year, month)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _holiday(name: str, year: int) -> dt.date | None:
    if name in _HOLIDAYS:
        m, d = _HOLIDAYS[name]
        return dt.date(year, m, d)
    if name in ("easter", "easter sunday", "easter day"):
        return easter(year)
    if name in ("orthodox easter", "orthodox easter sunday"):
        return easter(year, EASTER_ORTHODOX)
    festival = _festival(name)
    if festival is not None:
        return next(iter(_festival_days(festival, year)), None)
    national = _NATIONAL_DAY.fullmatch(name)
    if national:
        return _national_day(national[1].upper(), national[2], year)
    if name == "easter monday":
        return easter(year) + dt.timedelta(days=1)
    if name == "good friday":
        return easter(year) - dt.timedelta(days=2)
    if name in ("thanksgiving", "thanksgiving day"):
        return _nth_weekday(year, 11, 3, 4)
    if name == "black friday":  # the day after (US) Thanksgiving, and the Monday after it
        return _nth_weekday(year, 11, 3, 4) + dt.timedelta(days=1)
    if name == "cyber monday":
        return _nth_weekday(year, 11, 3, 4) + dt.timedelta(days=4)
    if name in ("labor day", "labour day"):
        return _nth_weekday(year, 9, 0, 1)
    if name == "memorial day":
        return _nth_weekday(year, 5, 0, -1)
    if name == "election day":
        return _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)
    if name == "super tuesday":  # the US presidential primaries' biggest day: early March of an election year
        if year % 4:
            return None
        return dt.date(2008, 2, 5) if year == 2008 else _nth_weekday(year, 3, 1, 1)
    return None


def _year_words(t: str) -> int | None:
    """A year written in words: "nineteen ninety-six" 1996, "two thousand" 2000, "two thousand one"."""
    m = re.fullmatch(r"(nineteen|twenty)[\s-]+(.+)", t)
    if m:
        century = parse_number(m[1])
        rest = parse_number(m[2])
        if century and rest is not None and 10 <= rest < 100 and rest == int(rest):
            return int(century * 100 + rest)
        if century and m[2].strip() == "hundred":
            return int(century * 100)
        return None
    v = parse_number(t)
    if v is not None and 1900 <= v <= 2099 and v == int(v) and not t[:1].isdigit() and "thousand" in t:
        return int(v)
    return None


def normalise(
    text: str,
    anchor: dt.date | None,
    *,
    future: bool = False,
    tense: Tense | None = None,
    context: Context | None = None,
) -> TimeExpr | None:
    """Normalise one expression (offsets left at 0); None when it is not a time expression we know.

    ``tense`` of the clause the expression sits in, one of ``Tense`` ("future" when only ``future`` is
    given, else "past"). A month or date without a year is in the anchor's year, except
    that a past-tense clause never points after the anchor and a future-tense one never before it.
    ``context`` carries what earlier expressions of the article set up, and is updated.
    """
    ctx = context or Context()
    try:
        tx = _normalise(text, anchor, tense or ("future" if future else "past"), ctx)
    except (ValueError, OverflowError):
        return None  # a date outside the calendar (anchor near year 1 or 9999, "February 30")
    if tx is not None and tx.value:
        if tx.granularity in ("day", "time") and tx.earliest is not None:
            ctx.day = tx.earliest
        elif (
            tx.granularity == "month"
            and ctx.day is not None
            and tx.earliest is not None
            and tx.latest is not None
            and not tx.earliest <= ctx.day <= tx.latest
        ):
            ctx.day = None  # "in July … the following morning": no longer the day named before July
        if tx.granularity in ("day", "time", "month") and tx.earliest is not None:
            ctx.month = (tx.earliest.year, tx.earliest.month)
            ctx.named_at = ctx.here
        if _STRETCH.fullmatch(text.lower()):
            ctx.stretch_at = ctx.here
        if re.search(r"\b\d{4}\b|'\d\d\b", text) and re.match(r"\d{4}", tx.value):
            ctx.year = int(tx.value[:4])  # not a decade's "197"
            ctx.year_at = ctx.here
    return tx


def _fortnights(m: re.Match[str]) -> str:
    """Fortnights as weeks: "three fortnights" → "6 weeks" (as written when the count is no number)."""
    n = _count(m[1])
    return f"{2 * n} weeks" if n else m[0]


def _full_year(y: str, anchor: dt.date | None) -> int:
    """A year written with two digits ("24", "'24") in full: the one in the hundred years up to 19 after
    the publication year ("'31" is 2031 in 2026, 1931 in 1989), or from 1950 to 2049 with no anchor."""
    y = y.lstrip("'")
    if len(y) == 4:
        return int(y)
    last = (anchor.year if anchor else 2030) + 19
    return last - (last - int(y)) % 100


def _quarter_words(m: re.Match[str], anchor: dt.date | None) -> str:
    n = ("first", "second", "third", "fourth")[int(m[1] or m[2]) - 1]
    return f"the {n} quarter" + (f" of {_full_year(m[3], anchor)}" if m[3] else "")


def _half_words(m: re.Match[str], anchor: dt.date | None) -> str:
    n = ("first", "second")[int(m[1] or m[2]) - 1]
    return f"the {n} half" + (f" of {_full_year(m[3], anchor)}" if m[3] else "")


def _normalise(text: str, anchor: dt.date | None, tense: Tense, ctx: Context) -> TimeExpr | None:
    future = tense == "future"
    past = tense in ("past", "past-describes")
    month_slack = DESCRIBED_MONTH_SLACK if tense == "past-describes" else PAST_MONTH_SLACK
    day_slack = DESCRIBED_DATE_SLACK_DAYS if tense == "past-describes" else PAST_DATE_SLACK_DAYS
    y: int | None
    n: int | None
    hol: dt.date | None
    t = re.sub(r"\s+", " ", text.lower().replace("’", "'").replace("‘", "'")).strip().rstrip(".,:;")
    t = re.sub(r"(?<!\d0)'s?$", "", t)  # a possessive, not the "'s" of a decade ("the 80's")
    t = re.sub(
        r"^(?:on|in|at(?!\s+(?:least|most)\b)|since|by|during|from|until|till|through|throughout|within|over|before|"
        r"after)\s+",
        "",
        t,
    )
    t = re.sub(
        r"^(?:(?:about|around|approximately|roughly|just|only|some|nearly|almost|close to|as early as|"
        r"as late as|(?:(?:a little|a bit|well)\s+)?(?:(?:more|less|fewer) than|over|under)|upwards of)\s+)+",
        "",
        t,
    )
    t = re.sub(
        rf"^at (?:least|most)\s+(?=(?:the\s+)?(?:\d{{4}}\b|\d{{3}}0'?s\b|(?:{_MON_RE})\b))", "", t
    )  # "since at least 1980", "at least the 1980s"
    # "the past four-plus months", "20-plus years ago", "the last year-plus": the count, as after "more than"
    t = re.sub(rf"(?<=\w)(?:-|\s+)plus(?=\s+(?:{_UNITS_RE})s?\b)", "", t)
    t = re.sub(rf"^(?:the\s+)?(?:last|past)\s+({_UNITS_RE})-plus$", r"the past \1", t)  # a stretch to now
    t = re.sub(rf"\b({_UNITS_RE})-plus$", r"\1", t)
    t = re.sub(rf"\bcouple\s+(?=(?:{_UNITS_RE})s\b)", "couple of ", t)  # "the next couple days"
    t = re.sub(
        r"^the\s+very\s+(?=(?:next|same|last|following|previous)\b)", "the ", t
    )  # "the very next year"
    t = re.sub(_HOUR_WORD, lambda w: str(_HOUR_WORDS.index(w[0]) + 1), t)  # "three o'clock in the morning"
    # "later in the summer": the season (as "later in the year" is the year)
    t = re.sub(r"^(?:later|earlier)\s+in\s+(?=the\s+(?:spring|summer|fall|autumn|winter)$)", "", t)
    t = re.sub(r"^this past\s+(?!(?:spring|summer|fall|autumn|winter)\b)", "last ", t)
    t = re.sub(r"^this coming\s+", "next ", t)
    # A fortnight is two weeks ("a fortnight ago", "the past fortnight", "three fortnights").
    t = re.sub(r"\b(?:an?\s+|one\s+)?fortnight\b", "two weeks", t)
    t = re.sub(r"\b(\w+)\s+fortnights\b", _fortnights, t)
    t = re.sub(r"^this\s+(?:election|campaign|calendar)\s+year$", "this year", t)  # "in this election year"
    # "the 2008 fiscal year", "the 2010 season": that year, not a stretch of 2,008 years
    t = re.sub(
        r"^(?:the\s+)?((?:1[5-9]|20)\d\d)\s+(?:(?:fiscal|calendar|financial|budget|school|academic|tax|model)\s+year|season)$",
        r"\1",
        t,
    )
    # "a quarter-century" is 25 years, "half a century" 50
    t = re.sub(r"\b(?:an?\s+)?quarter[\s-]+(?:of\s+a\s+)?century\b", "25 years", t)
    t = re.sub(r"\b(?:(?:an?\s+)?half[\s-]+century|half\s+a\s+century)\b", "50 years", t)
    # "half an hour", "a half-hour", "half a day", "half a year", "half a decade", "a half-second"
    t = re.sub(
        r"\b(?:an?\s+)?half(?:\s+an?\s+|[\s-]+)(second|minute|hour|day|week|month|year|decade)\b",
        lambda m: {
            "second": "0.5 seconds", "minute": "30 seconds", "hour": "30 minutes", "day": "12 hours",
            "week": "0.5 weeks", "month": "0.5 months", "year": "6 months", "decade": "5 years",
        }[m[1]],
        t,
    )  # fmt: skip
    # Reporting shorthand: "Q3 2024", "3Q24", "H1 2025", "FY2024", "FY 24" as the words they stand for
    t = re.sub(
        r"^(?:q([1-4])|([1-4])q)(?:\s*(?:of\s+)?(\d{4}|'?\d\d))?$", lambda m: _quarter_words(m, anchor), t
    )
    t = re.sub(r"^(?:h([12])|([12])h)(?:\s*(?:of\s+)?(\d{4}|'?\d\d))?$", lambda m: _half_words(m, anchor), t)
    t = re.sub(r"^fy\s*'?(\d{4}|\d\d)$", lambda m: f"fiscal {_full_year(m[1], anchor)}", t)
    # "mid to late March", "early-to-mid 2015": the span of the second ("late March"), which the first part
    # only narrows
    t = re.sub(rf"^{_NARROWED_RE}(?=(?:early|mid|late)\b)", "", t)
    # "the same quarter last year", "the same period the previous year": a year before the one last named
    t = re.sub(
        rf"^((?:the\s+)?same\s+(?:month|quarter|period))\s+(?:{_A_YEAR_BEFORE_RE})$", r"\1 a year earlier", t
    )
    t = re.sub(r"-and-a-half\b", " and a half", t)  # "the past seven-and-a-half years"
    # "the end of the month" is the end of the month the article is in
    t = re.sub(r"^((?:the\s+)?(?:end|beginning|start|middle)\s+of\s+)the\s+(month|week)$", r"\1this \2", t)

    def expr(value: str | None, typ: str = "DATE", gran: str = "none", a: dt.date | None = None,
             b: dt.date | None = None, anchored: bool = True) -> TimeExpr:  # fmt: skip
        return TimeExpr(0, 0, text, value, typ, gran, a, b, anchored)

    def day(d: dt.date) -> TimeExpr:
        return expr(d.isoformat(), "DATE", "day", d, d)

    def month(y: int, m: int) -> TimeExpr:
        return expr(f"{y:04d}-{m:02d}", "DATE", "month", dt.date(y, m, 1), _month_end(y, m))

    def year(y: int) -> TimeExpr:
        return expr(f"{y:04d}", "DATE", "year", dt.date(y, 1, 1), dt.date(y, 12, 31))

    def week(d: dt.date) -> TimeExpr:
        iso = d.isocalendar()
        monday = d - dt.timedelta(days=d.weekday())
        return expr(f"{iso[0]:04d}-W{iso[1]:02d}", "DATE", "week", monday, monday + dt.timedelta(days=6))

    def weekend(saturday: dt.date) -> TimeExpr:
        iso = saturday.isocalendar()
        return expr(
            f"{iso[0]:04d}-W{iso[1]:02d}-WE", "DATE", "weekend", saturday, saturday + dt.timedelta(days=1)
        )

    def quarter(y: int, q: int) -> TimeExpr:
        if anchor is None or _month_end(y, 3 * q) < anchor or (past and dt.date(y, 3 * q - 2, 1) <= anchor):
            # the period reported, which "the year-ago period" after it is compared with; not a quarter
            # told ahead ("expect the trend to continue into the fourth quarter and through the first two
            # quarters of 1990"), unless it is told in the past ("reported a decline in fourth-quarter
            # earnings", a fiscal quarter that ended Sept. 30)
            ctx.quarter, ctx.quarter_at = (y, q), ctx.here
        return expr(f"{y:04d}-Q{q}", "DATE", "quarter", dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q))

    def season(y: int, code: str) -> TimeExpr:
        """A meteorological season of the northern hemisphere; winter runs from December into the next
        year (``2010-WI`` is December 2010 to February 2011)."""
        first = _SEASON_START[code]
        last_y, last_m = (y + 1, 2) if code == "WI" else (y, first + 2)
        return expr(f"{y:04d}-{code}", "DATE", "season", dt.date(y, first, 1), _month_end(last_y, last_m))

    def decade(d: int) -> TimeExpr:
        return expr(f"{d:03d}", "DATE", "decade", dt.date(10 * d, 1, 1), dt.date(10 * d + 9, 12, 31))

    def century(c: int) -> TimeExpr:
        """TIMEX3 writes a century by its leading digits: "19" is 1900–1999 (the 20th century)."""
        first, last = dt.date(max(1, 100 * c), 1, 1), dt.date(100 * c + 99, 12, 31)
        return expr(f"{c:02d}", "DATE", "century", first, last)

    def unanchored(gran: str, typ: str = "DATE") -> TimeExpr:
        return expr(None, typ, gran, anchored=False)

    def rel_year(word: str | None) -> int | None:
        """The year of "this year", "last year", "next year", "1998" (None without an anchor)."""
        if word is None or word in ("this year", "the year", "the current year"):
            return anchor.year if anchor else None
        if word.isdigit():
            return int(word)
        if anchor is None:
            return None
        return anchor.year + {"last year": -1, "next year": 1}.get(word, 0)

    def weekday_date(wd: int, how: str | None, ref: dt.date | None = None) -> dt.date:
        """The weekday ``wd`` before or after ``ref`` (the publication date unless given), or by tense."""
        base = ref or anchor
        assert base is not None
        back = (base.weekday() - wd) % 7
        ahead = (wd - base.weekday()) % 7
        if how == "last":
            return base - dt.timedelta(days=back or 7)
        if how == "next":
            return base + dt.timedelta(days=ahead or 7)
        assert base is anchor  # the tense rules below count from the publication date only
        if tense in ("near", "present", "present-named") and how is None:
            # a plan, or a clause in the present: the nearest one, a few days ahead at most ("Obama is
            # unveiling the actions on Tuesday", "the New Hampshire primary on Tuesday", written on a
            # Monday); a day named by the possessive is more often an event already over ("The impact of
            # Monday's debate is still small", written on a Friday), so it looks only two days ahead
            reach = 2 if tense == "present-named" else 3
            return anchor + dt.timedelta(days=ahead) if ahead <= reach else anchor - dt.timedelta(days=back)
        # "Friday" and "this Friday": the most recent one on or before the publication date, or the first on
        # or after it in a clause that looks ahead ("will speak Friday", written on a Friday, is that day)
        return anchor + dt.timedelta(days=ahead) if future else anchor - dt.timedelta(days=back)

    def month_year(mon: int, how: str | None) -> int:
        """The year of a month named without one, from "last/next/this" or the clause's tense."""
        assert anchor is not None
        y = anchor.year
        if how == "last":
            return y - 1 if mon >= anchor.month else y
        if how == "next":
            return y + 1 if mon <= anchor.month else y
        if how == "this":
            return y
        if future:
            return y + 1 if mon < anchor.month else y
        if past:  # a month just ahead may still be the one meant ("said the talks open in early March")
            return y - 1 if mon > anchor.month + month_slack else y
        # present or unknown: the nearest such month; in a US election year, from March on, November is the
        # election's ("the advantage in November", said in March; in January it is mostly the last one)
        if mon == 11 and y % 2 == 0 and 3 <= anchor.month < 11:
            return y
        diff = mon - anchor.month
        return y + 1 if diff < -6 else y - 1 if diff > 6 else y

    def date_of(s: str) -> TimeExpr | None:
        """A day-level expression that may carry a clock time or a part of day."""
        return _normalise(s, anchor, tense, ctx) if s else None

    # "eight years ago this month", "a year ago today", "two years ago this week": that month, day or week
    m = re.fullmatch(r"(\w+(?:[\s-]\w+)?)\s+years?\s+ago,?\s+(today|this\s+(?:week|month))", t)
    if m and _count(m[1]) is not None:
        if anchor is None:
            return unanchored({"today": "day"}.get(m[2], m[2][5:]))
        n = _count(m[1])
        assert n is not None
        then = anchor.replace(
            year=anchor.year - n, day=min(anchor.day, 28) if anchor.month == 2 else anchor.day
        )
        if m[2] == "today":
            return day(then)
        return month(then.year, then.month) if m[2].endswith("month") else week(then)
    # "the day before" is "the previous day": counted from the day last named, unresolved when none was
    t = {"the day before": "the previous day", "the day after": "the following day"}.get(t, t)
    t = {"the week before": "the previous week", "the week after": "the following week"}.get(t, t)
    m = re.fullmatch(
        r"(?:(earlier|later|late|early)\s+)?(?:in\s+)?"
        r"(that(?: same)?|the same|the following|the next|the previous|the prior)\s+"
        r"(year|month|week|day|morning|afternoon|evening|night)", t
    )  # fmt: skip
    if m and m[3] == "week" and (ctx.day is None or m[2] == "the next"):
        m = None  # "the next week" is mostly a stretch of seven days ahead; no day named: read below
    if m:
        shift = {"the following": 1, "the next": 1, "the previous": -1, "the prior": -1}.get(m[2], 0)
        if m[3] == "year":
            ref_y = ctx.year if ctx.year is not None else None
            if ref_y is None:
                return None
            return year(ref_y + shift)
        if m[3] == "month":
            if ctx.month is None:
                return None
            y, mo = _add_months(dt.date(*ctx.month, 1), shift)
            return month(y, mo)
        if ctx.day is None:
            return None
        if m[3] == "week":
            return week(ctx.day + dt.timedelta(days=7 * shift))  # "the following week": after the day named
        d = ctx.day + dt.timedelta(days=shift)
        if m[3] == "day":
            return day(d)
        return expr(f"{d.isoformat()}T{_PARTS_OF_DAY[m[3]]}", "TIME", "time", d, d)
    m = re.fullmatch(
        r"(?:earlier|later)\s+in\s+the\s+(year|month|week|day)|(earlier\s+in\s+|later\s+in\s+)?(?:the\s+)?"
        rf"({_PART_OF_DAY})",
        t,
    )
    if m and anchor is not None:
        if m[1] == "year":
            return year(anchor.year)
        if m[1] == "month":
            return month(anchor.year, anchor.month)
        if m[1] == "week":
            return week(ctx.day or anchor)  # "Earlier in the week, Trump called for …"
        if m[1] == "day":
            return day(ctx.day or anchor)
        # "in the morning", "by late afternoon": of the day named (in the last 300 characters, or one of the
        # two weeks before publication), not one ahead when told in the past ("a speech Wednesday morning. His
        # mid-morning tweet followed …"); "earlier in the evening", "mid-afternoon": of the publication day
        # when no day was named
        named = ctx.here is not None and ctx.named_at is not None and 0 <= ctx.here - ctx.named_at <= 300
        ref = ctx.day if ctx.day is not None and (named or 0 <= (anchor - ctx.day).days <= 14) else None
        ref = ref if ref is None or not tense.startswith("past") or ref <= anchor else None
        ref = ref or (anchor if m[2] or re.match(r"mid[\s-]?afternoon", m[3] or "") else None)
        if m[3] and ref is not None:
            return expr(f"{ref.isoformat()}T{_part_code(m[3])}", "TIME", "time", ref, ref)
    m = re.fullmatch(r"(?:the\s+)?week\s+of\s+(.+)", t)
    if m:
        inner = _normalise(m[1], anchor, tense, ctx)
        if inner is not None and inner.granularity == "day" and inner.earliest is not None:
            return week(inner.earliest)
    if t in _REFS:
        return expr(_REFS[t])
    if t in _SETS:
        return expr(_SETS[t], "SET")
    m = re.fullmatch(rf"(?:every|each)\s+(?:other\s+)?({_WD_RE})s?|({_WD_RE})s", t)
    if m:
        return expr(f"XXXX-WXX-{_WEEKDAYS[m[1] or m[2]] + 1}", "SET")
    m = re.fullmatch(rf"(?:every|each)\s+({_MON_RE})", t)
    if m and len(m[1]) >= 3:
        return expr(f"XXXX-{_MONTHS[m[1]]:02d}", "SET")
    m = re.fullmatch(rf"(?:every|each|per)\s+(\d+|\w+)\s+({_UNITS_RE})s", t)
    if m and _count(m[1]) is not None:
        prefix, letter, factor = _DURATION_UNITS[m[2]]
        return expr(f"P{prefix}{_count(m[1]) * factor}{letter}", "SET")  # type: ignore[operator]
    m = re.fullmatch(rf"(?:every|each)\s+(?:\d+\s*[-–]\s*\d+|\w+\s+(?:to|or)\s+\w+)\s+({_UNITS_RE})s", t)
    if m:
        prefix, letter, _ = _DURATION_UNITS[m[1]]
        return expr(f"P{prefix}X{letter}", "SET")  # "every 2–3 hours": a count not known exactly
    m = re.fullmatch(rf"(?:({_WD_RE})|every\s+({_WD_RE})) (morning|afternoon|evening|night)s", t)
    if m:
        return expr(f"XXXX-WXX-{_WEEKDAYS[m[1] or m[2]] + 1}T{_PARTS_OF_DAY[m[3]]}", "SET")
    # "each spring", "every summer": that season of every year; "every morning", "each night": that part of
    # every day; "every weekend"
    m = re.fullmatch(
        r"(?:every|each)\s+(spring|summer|fall|autumn|winter|morning|afternoon|evening|night|weekend)", t
    )
    if m:
        if m[1] in _SEASONS:
            return expr(f"XXXX-{_SEASONS[m[1]]}", "SET")
        return expr("XXXX-WXX-WE" if m[1] == "weekend" else f"XXXX-XX-XXT{_PARTS_OF_DAY[m[1]]}", "SET")
    # "twice a year", "once a week", "three times a month": as often as that in each of the unit
    m = re.fullmatch(
        rf"(once|twice|(?:\d+|\w+|a\s+few)\s+times)\s+(?:a|an|per|every|each)\s+({_UNITS_RE})", t
    )
    if m and (
        m[1] in ("once", "twice")
        or re.match(r"(?:several|many|multiple|a\s+few)\b", m[1])
        or _count(m[1].split()[0]) is not None
    ):
        prefix, letter, factor = _DURATION_UNITS[m[2]]
        return expr(f"P{prefix}{factor}{letter}", "SET")

    # ISO 8601 and feed timestamps: "2024-10-03T14:00Z", "2024-10-03 14:00:05+02:00", "2024/10/03"
    m = re.fullmatch(
        r"(\d{4})[-/](\d\d)[-/](\d\d)"
        r"(?:[t ](\d\d):(\d\d)(?::\d\d(?:\.\d+)?)?(?:z|\s*utc|\s*gmt|[+-]\d\d:?\d\d)?)?",
        t,
    )
    if m:
        try:
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
        if m[4] is None:
            return day(d)
        if int(m[4]) > 23 or int(m[5]) > 59:
            return None
        return expr(f"{d.isoformat()}T{m[4]}:{m[5]}", "TIME", "time", d, d)
    # Wire and military clock times: "0400 GMT", "2300 local time", "0600 hours".
    m = re.fullmatch(rf"([01]\d|2[0-3])([0-5]\d){CLOCK_ZONE_RE}|(0\d)([0-5]\d)\s+(?:hours|hrs)", t, re.I)
    if m:
        ref = ctx.day or anchor
        if ref is None:
            return unanchored("time", "TIME")
        return expr(f"{ref.isoformat()}T{m[1] or m[3]}:{m[2] or m[4]}", "TIME", "time", ref, ref)
    # Clock times, with the day they fall on: "10:35 a.m.", "9 a.m. EST Tuesday", "noon Saturday",
    # "midnight Friday", "4 in the morning".
    m = re.fullmatch(_CLOCK.pattern + r"(?:,?\s+(?:on\s+)?(?P<rest>.+))?", t)
    if m and (m["ap"] or m["word"] or (m["part"] and m["h"]) or (m["mi"] and m["h"])):
        h = int(m["h"]) if m["h"] else {"noon": 12, "midday": 12, "midnight": 24}[m["word"]]
        mi = int(m["mi"]) if m["mi"] else 0
        ap = (m["ap"] or "").replace(".", "").replace(" ", "")
        evening = m["part"] in ("afternoon", "evening", "tonight") or (m["part"] == "night" and h >= 6)
        if h < 12 and (ap == "pm" or evening):  # "6 o'clock this afternoon", "10 at night"
            h += 12
        elif ap == "am" and h == 12:
            h = 0
        if h > 24 or mi > 59:
            return None
        clock = "T24" if h == 24 else f"T{h:02d}:{mi:02d}"
        rest = date_of(m["rest"]) if m["rest"] else None
        if m["rest"] and (rest is None or rest.granularity != "day"):
            return None
        if rest is not None and rest.value is not None:
            return expr(f"{rest.value}{clock}", "TIME", "time", rest.earliest, rest.earliest)
        ref = ctx.day or anchor
        if ref is None:
            return unanchored("time", "TIME")
        return expr(f"{ref.isoformat()}{clock}", "TIME", "time", ref, ref)
    # Parts of days: "Friday night", "this morning", "late yesterday afternoon", "tonight".
    m = re.fullmatch(rf"(?P<p>{_PART_OF_DAY}|midday|overnight)(?:\s+(?P<d>.+))?", t)
    if m and m["d"] is None and m["p"] not in ("midday", "overnight"):
        m = None  # "late afternoon" alone: the day of the story or of the publication, above
    if not m:
        m = re.fullmatch(
            r"(?:(?:early|late|later|earlier)\s+)?(?P<d>.+?)\s+(?:(?:early|late)\s+)?"
            r"(?P<p>morning|afternoon|evening|night|overnight|mid-afternoon)", t
        )  # fmt: skip
    if m and (m["d"] or "") not in ("the", "that", "a", "one", "each", "every", "the same", "the following"):
        d_text = {"this": "today", "last": "yesterday", "tomorrow": "tomorrow", "": "today"}.get(m["d"] or "")
        base = date_of(d_text or m["d"])
        if base is not None and base.granularity == "day":
            if base.value is None:
                return unanchored("time", "TIME")
            return expr(f"{base.value}T{_part_code(m['p'])}", "TIME", "time", base.earliest, base.latest)
    if t == "tonight":
        if anchor is None:
            return unanchored("time", "TIME")
        return expr(f"{anchor.isoformat()}TNI", "TIME", "time", anchor, anchor)

    # A quarter named by the month it ends in ("the September quarter", "the June-quarter results")
    m = re.fullmatch(r"(?:the\s+)?(march|june|sept(?:ember)?|december)[\s-]+quarter", t)
    if m:
        closing = _normalise(m[1], anchor, tense, ctx)
        if closing is None or closing.earliest is None:
            return closing
        y, q = closing.earliest.year, (closing.earliest.month - 1) // 3 + 1
        return expr(f"{y:04d}-Q{q}", "DATE", "quarter", dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q))
    # Quarters and halves of (fiscal) years.
    m = _QUARTER.fullmatch(t)
    if m:
        y = int(m["y0"]) if m["y0"] else rel_year(m["y"] or (f"{m['rel']} year" if m["rel"] else None))
        if m["rel"] == "current":
            y = rel_year(None)
        if y is None:
            return unanchored("quarter")
        q = _QUARTERS[m["q"]]
        if m["ago"]:
            y = (ctx.quarter[0] if ctx.quarter else y) - 1
        elif (
            anchor is not None
            and not (m["y0"] or m["y"] not in (None, "the year") or m["rel"])
            and past
            and dt.date(y, 3 * q - 2, 1) > anchor
        ):
            y -= 1
        out = quarter(y, q)
        if "fiscal" in t or m["ago"]:
            ctx.quarter = None  # a fiscal quarter is not a calendar one; "a year ago" after it is unknown
        return out
    same = re.fullmatch(r"(?:the\s+)?same\s+(month|period)\s+a\s+year\s+earlier", t)
    if same and (same[1] == "month" or (ctx.quarter is None and ctx.month is not None)):
        # "less in October than the same month last year", "in October … from the same period last year": the
        # month last named, a year before
        if ctx.month is None:
            return expr(None, "DATE", "month", anchored=anchor is not None)  # no month named: no value
        return month(ctx.month[0] - 1, ctx.month[1])
    m = _HALF.fullmatch(t)
    if m and (m["y"] or anchor is not None):
        y = rel_year(m["y"])
        if y is None:
            return unanchored("half")
        h = 1 if m["h"] == "first" else 2
        return expr(f"{y:04d}-H{h}", "DATE", "half", dt.date(y, 6 * h - 5, 1), _month_end(y, 6 * h))
    m = re.fullmatch(
        r"(?:the\s+)?(?:(latest|current|most recent|recent|past|last|previous|prior|same|comparable|"
        r"year-ago|year-earlier|year earlier|year ago|fiscal|this|next|\d{4})\s+)*"
        r"(?:fiscal\s+)?(?:quarter|period)"
        r"(?:\s+a\s+year\s+(?:ago|earlier))?",
        t,
    )  # fmt: skip
    if m and ((t != "period" and t != "the period") or ctx.quarter):
        words = t.split()
        ago = any(w in ("year-ago", "year-earlier", "ago", "earlier") for w in words)
        yr = next((int(w) for w in words if w.isdigit()), None)
        if "period" in words and not (ago or yr or "latest" in words or "same" in words):
            return None
        if "period" in words and not (ago or yr) and ctx.quarter is None and "latest" not in words:
            return None  # "the same period" with no quarter named: the period it refers back to is unknown
        if (ago or yr) and "period" in words and ctx.quarter is not None and _stretch_since_quarter(ctx):
            return year((yr or ctx.quarter[0]) - (yr is None))  # "For the nine months, … in the 1988 period"
        if ctx.quarter is not None and not ({"current", "this", "latest"} & set(words)):
            y, q = ctx.quarter
        elif anchor is not None:
            y, mo = _add_months(anchor, -3)  # the last completed quarter
            q = (mo - 1) // 3 + 1
            if "current" in words or "this" in words:
                y, q = anchor.year, (anchor.month - 1) // 3 + 1
            elif "next" in words:
                y, q = (
                    anchor.year + (anchor.month > 9),
                    (anchor.month - 1) // 3 % 4 + 2 - 4 * (anchor.month > 9),
                )
        else:
            return unanchored("quarter")
        if yr is not None:
            y = yr
        elif ago:
            y -= 1
        value = f"{y:04d}-Q{q}"
        return expr(value, "DATE", "quarter", dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q))
    m = re.fullmatch(r"(?:a|one)\s+year\s+(?:ago|earlier|before)|(?:the\s+)?year[-\s](?:ago|earlier)", t)
    if m and ctx.quarter is not None and _stretch_since_quarter(ctx):
        return year(ctx.quarter[0] - 1)  # "For the nine months, … compared with … a year earlier"
    if m and ctx.quarter is not None:
        y, q = ctx.quarter
        return expr(
            f"{y - 1:04d}-Q{q}", "DATE", "quarter", dt.date(y - 1, 3 * q - 2, 1), _month_end(y - 1, 3 * q)
        )
    told = _year_told(ctx)
    if m and told is not None and re.search(r"\s(?:earlier|before)$", t):
        return year(told - 1)  # "Fiorina, who had moved a year earlier": before the year the story is in
    if m:
        return year(anchor.year - 1) if anchor else unanchored("year")
    # "five years earlier", "a decade before": counted back from the year the story is in ("told the
    # magazine in 2013 … Five years earlier, he had decided not to run"); "ago" counts from publication
    m = re.fullmatch(r"(\w+(?:[\s-]\w+)?|\d+)\s+(year|decade)s?\s+(?:earlier|before)", t)
    if m and told is not None and m[1] not in _VAGUE_COUNTS and _count(m[1]) is not None:
        return year(told - (_count(m[1]) or 0) * (10 if m[2] == "decade" else 1))

    # "the week", "the month" alone: the one of the day or month last named when that was named just
    # before ("in March, the month after Scalia died") or is recent (up to two weeks or two months before
    # publication: "adding 151,000 jobs in January … during the month"), else the publication's ("She
    # started the week with a speech", "later in the month")
    if t in ("the week", "the month"):
        if anchor is None:
            return unanchored(t[4:])
        just_named = ctx.here is not None and ctx.named_at is not None and 0 <= ctx.here - ctx.named_at <= 300
        if t == "the week":
            recent = ctx.day is not None and (just_named or 0 <= (anchor - ctx.day).days <= 14)
            return week(ctx.day if recent and ctx.day else anchor)
        back = (anchor.year - ctx.month[0]) * 12 + anchor.month - ctx.month[1] if ctx.month else -1
        y, mo = ctx.month if ctx.month and (just_named or 0 <= back <= 2) else (anchor.year, anchor.month)
        return month(y, mo)

    # Seasons: "this summer", "last winter", "the spring of 1998", "spring 1998", "the winter".
    m = re.fullmatch(
        r"(?:(this past|this|last|next|the|early|late|mid|the early|the late)[\s-]+)?"
        r"(spring|summer|fall|autumn|winter)"
        r"(?:\s+(?:of\s+)?(\d{4}|this year|last year|next year|[a-z][a-z\s-]+))?",
        # "the winter of 2004-5": the winter that begins in 2004
        re.sub(r"^((?:the\s+)?winter\s+(?:of\s+)?\d{4})[-–/](?:\d{1,2}|\d{4})$", r"\1", t),
    )  # fmt: skip
    if m and (m[1] or m[3] or m[2] != "fall"):  # a bare "fall" is more often the verb's noun
        start = _SEASON_START[_SEASONS[m[2]]]
        y3 = m[3]
        y = None
        if y3 is not None:
            y = rel_year(y3) if y3[:1].isdigit() or y3.endswith(" year") else _year_words(y3)
            if y is None and not y3.endswith(" year"):
                return None
        elif anchor is not None and m[1] in ("last", "next"):
            # the last one that ended at least three months before ("last spring" in October is this
            # year's, "last summer" in October the year before's: the summer just ended is "this summer";
            # "last winter" in November the one that ended in February); the next one that has not begun
            now = anchor.year * 12 + anchor.month - 1
            if m[1] == "last":
                y = next(k for k in range(anchor.year, anchor.year - 3, -1) if k * 12 + start + 1 + 3 <= now)
            else:
                y = next(k for k in range(anchor.year - 1, anchor.year + 2) if k * 12 + start - 1 > now)
        elif anchor is not None:
            y = anchor.year
            by_tense = m[1] in (None, "the", "early", "late", "mid", "the early", "the late")
            if (m[1] == "this past" or (by_tense and past)) and start > anchor.month:
                y -= 1  # the last one that has begun ("this past spring", "in the summer" said in March)
            elif by_tense and future and start + 2 < anchor.month:
                y += 1
        if y is None:
            return unanchored("season")
        return season(y, _SEASONS[m[2]])

    # Holidays: "Christmas", "Thanksgiving Day", "last Easter", "Election Day", "Eid al-Fitr". The start,
    # middle or end of a festival is the festival, as "the beginning of March" is March.
    m = re.fullmatch(
        rf"(?:the\s+)?(?:start|beginning|middle|end)\s+of\s+((?:the\s+)?(?:{_FESTIVAL_RE})(?:\s+\d{{4}})?)", t
    )
    if m:
        return _normalise(m[1], anchor, tense, ctx)
    m = re.fullmatch(r"(?:(last|next|this)\s+)?(.+?)(?:\s+(\d{4}))?", t)
    if m and _holiday_name(m[2]):
        ramadan = _festival(m[2]) == "ramadan"

        def holiday(first: dt.date | None) -> TimeExpr | None:
            """The holiday's day; Ramadan is a (lunar) month, to the eve of Eid al-Fitr, and its value the
            Gregorian month it mostly falls in."""
            if first is None or not ramadan:
                return day(first) if first is not None else None
            eids = [e for k in (0, 1) for e in _festival_days("eid al-fitr", first.year + k) if e > first]
            if not eids:
                return day(first)  # no Eid after it in the years the holidays package reaches
            last = min(eids) - dt.timedelta(days=1)
            mid = first + (last - first) / 2
            return expr(f"{mid.year:04d}-{mid.month:02d}", "DATE", "month", first, last)

        if m[3]:
            return holiday(_holiday(m[2], int(m[3])))
        if anchor is None:
            return unanchored("day")
        if m[2] == "super tuesday":
            # only in an election year: the one of the campaign under way (a campaign runs for the year
            # before it), else the last one
            y = anchor.year + (4 - anchor.year % 4) % 4
            hol = _holiday(m[2], y)
            if y == anchor.year and hol is not None and hol < anchor - dt.timedelta(days=300):
                y += 4
                hol = _holiday(m[2], y)
            assert hol is not None
            told_past = past and anchor.year % 4 != 0 and hol > anchor  # "lost on Super Tuesday" in 2019
            if m[1] == "last" or (m[1] != "next" and ((hol - anchor).days > 400 or told_past)):
                hol = _holiday(m[2], y - 4)
            return day(hol)  # type: ignore[arg-type]
        hol = _holiday(m[2], anchor.year)
        if hol is None:
            return None  # a festival in a year the holidays package does not reach
        if m[2] == "election day" and m[1] != "last" and anchor.year % 2 == 0 and hol >= anchor:
            # in a year of federal elections, the one ahead, whatever the tense ("urge people to vote for
            # him on Election Day", written in August 2016); the one before was a year of local elections
            return day(hol)
        # the holiday's days in the years around the anchor (a festival may fall twice in one)
        around = sorted(d for k in (-1, 0, 1) for d in _holiday_days(m[2], anchor.year + k))
        if m[1] is None and not past and not future:  # present or no verb: the nearest one
            return holiday(min(around, key=lambda h: abs((h - anchor).days)))
        if m[1] == "last" or (not future and m[1] != "next"):  # the last one, up to the day after
            hol = next((d for d in reversed(around) if d <= anchor + dt.timedelta(days=1)), hol)
        else:  # ahead: the next one, from the anchor on
            hol = next((d for d in around if d >= anchor), hol)
        return holiday(hol)

    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        return day(dt.date(int(m[1]), int(m[2]), int(m[3])))
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})|(\d{1,2})([.-])(\d{1,2})\5(\d{4})", t)
    if m:
        # US order in English news (10/3/2024 is October 3), unless the day cannot be a month (25/12/2023),
        # the article writes its dates day first, or the figures are split by dots or dashes (3.10.2024)
        one, two, year_text = (int(m[1]), int(m[2]), m[3]) if m[1] else (int(m[4]), int(m[6]), m[7])
        day_first = one > 12 or (two <= 12 and (ctx.day_first or not m[1]))
        mm, dd = (two, one) if day_first else (one, two)
        try:
            return day(dt.date(_full_year(year_text, anchor), mm, dd))
        except ValueError:
            return None  # "13/13/2020"
    # Years: "1998", "fiscal 1989", "the year 2000", "mid-1996", "early 1997", "the end of 1990",
    # "nineteen ninety-six", "the year two thousand".
    m = re.fullmatch(
        r"(?:the\s+)?(?:(?:early|late|mid|end\s+of|beginning\s+of|start\s+of|middle\s+of|spring\s+of)[\s-]+)?"
        r"(?:the\s+)?(?:(?:fiscal|calendar|financial|model|school)\s+)?(?:year\s+)?(?:fiscal\s+)?"
        r"(1[0-9]\d\d|20\d\d|'\d\d|[a-z][a-z\s-]+)",
        t,
    )  # fmt: skip
    if m:
        y = None
        if m[1][:1].isdigit():
            y = int(m[1])
        elif m[1].startswith("'"):
            y = _full_year(m[1], anchor)
        elif "year" in t or re.fullmatch(r"(?:nineteen|twenty)[\s-].+|.*thousand.*", m[1]):
            y = _year_words(m[1])
        if y is not None:
            return year(y)
    # "the first decade of the 21st century": that decade (200)
    m = re.fullmatch(
        rf"(?:the\s+)?({_ORDINAL_RE})\s+decade\s+of\s+"
        r"the\s+(\d{1,2})(?:st|nd|rd|th)[\s-]+century",
        t,
    )
    if m:
        return decade((int(m[2]) - 1) * 10 + _ORDINAL_WORDS.index(m[1]))
    # "the first half of the 20th century", "the last half of the '80s", "the latter part of the 1990s": the
    # part is no unit TIMEX3 writes, so the value is the whole decade or century; a half narrows the interval
    m = re.fullmatch(
        r"(?:the\s+)?(first|second|last|latter|final|early|later)\s+(half|part|third|years)\s+of\s+(.+)",
        t,
    )
    if m and re.search(r"centur|\d0'?s$|ties$", m[3]):
        whole = _normalise(m[3], anchor, tense, ctx)
        if (
            whole is not None
            and whole.granularity in ("decade", "century")
            and whole.earliest
            and whole.latest
        ):
            if m[2] != "half":
                return whole
            y0, n = whole.earliest.year, whole.latest.year - whole.earliest.year + 1
            y0 = y0 if m[1] == "first" else y0 + n // 2  # its interval: the half named
            return dataclasses.replace(
                whole, earliest=dt.date(y0, 1, 1), latest=dt.date(y0 + n // 2 - 1, 12, 31)
            )
    # Decades and centuries: "the 1990s", "the early 1980s", "the '90s", "the nineties", "the 20th century".
    # "the 60s" without the apostrophe only from the fifties on: "in the 30s" is more often a poll share
    m = re.fullmatch(r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:(\d{3})0|'([2-9])0|([5-9])0)'?s", t)
    if m:
        return decade(int(m[1] or f"19{m[2] or m[3]}"))
    m = re.fullmatch(rf"(?:the\s+)?({_SPELLED_DECADE.pattern})", t)
    if m:
        return decade(192 + _DECADE_WORDS.index(m[1].split()[-1].split("-")[-1]))
    m = re.fullmatch(r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(\d{1,2})(?:st|nd|rd|th)[\s-]+century", t)
    if m:
        return century(int(m[1]) - 1)
    m = re.fullmatch(r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(\w+(?:-\w+)?)[\s-]+century", t)
    if m and m[1] in ("nineteenth", "twentieth", "twenty-first", "eighteenth"):
        n = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}[m[1]]
        return century(n - 1)

    # A run of days in one month: "July 25-28", "Dec. 6-9, 2015", "16-19 September": the month, from the
    # first day to the last.
    t = re.sub(rf"^(\d{{1,2}})\s*[-–]\s*(\d{{1,2}})\s+({_MON_RE})\.?(?=$|,?\s+\d{{4}}$)", r"\3 \1-\2", t)
    m = re.fullmatch(_DAY_RUN_RE, t)
    if m and int(m[2]) < int(m[3]) <= 31:
        opening = _normalise(f"{m[1]} {m[2]}{m[4] or ''}", anchor, tense, ctx)
        if opening is None or opening.earliest is None:
            return opening
        a = opening.earliest
        b = a.replace(day=min(int(m[3]), calendar.monthrange(a.year, a.month)[1]))
        return expr(f"{a.year:04d}-{a.month:02d}", "DATE", "range", a, b)
    # Across two months: "March 20-Dec. 21", "Nov. 28 - Dec. 2, 2016": the year, from the first day to the
    # last (no value when the run crosses into the next year)
    m = re.fullmatch(rf"({_MON_RE})\.?\s+(\d{{1,2}})\s*[-–]\s*({_MON_RE})\.?\s+(\d{{1,2}})(,?\s+\d{{4}})?", t)
    if m and _MONTHS[m[1]] < _MONTHS[m[3]]:
        opening = _normalise(f"{m[1]} {m[2]}{m[5] or ''}", anchor, tense, ctx)
        if opening is None or opening.earliest is None:
            return opening
        a = opening.earliest
        last_day = calendar.monthrange(a.year, _MONTHS[m[3]])[1]
        b = dt.date(a.year, _MONTHS[m[3]], min(int(m[4]), last_day))
        return expr(f"{a.year:04d}", "DATE", "range", a, b)
    # A run of years written short: "1992-95", "the 1983-84 season", "fiscal 2009-10" (a season or fiscal
    # year: the next year), "1981-1989": the decade or century, from the first year's first day to the last
    # year's last. "2007-09", two figures that could be a month, stays unread.
    m = re.fullmatch(
        r"(?:the\s+)?(?:fiscal\s+)?((?:1[89]|20)\d\d)\s*[-–/]\s*((?:1[89]|20)?\d\d)"
        r"(?:\s+(?:(?:fiscal|school|academic|financial|budget|tax|wrestling|football|basketball|hockey)\s+)?"
        r"(?:years?|seasons?))?",
        t,
    )
    if m:
        y0 = int(m[1])
        y1 = int(m[2]) if len(m[2]) == 4 else y0 - y0 % 100 + int(m[2])
        if len(m[2]) == 2 and y1 < y0:
            y1 += 100  # "1999-00"
        if y0 < y1 and (len(m[2]) == 4 or y1 == y0 + 1 or int(m[2]) > 12):
            a, b = dt.date(y0, 1, 1), dt.date(y1, 12, 31)
            if y0 // 10 == y1 // 10:
                return expr(f"{y0 // 10:03d}", "DATE", "range", a, b)
            if y0 // 100 == y1 // 100:
                return expr(f"{y0 // 100:02d}", "DATE", "range", a, b)
            return expr(None, "DATE", "range", a, b)
    # "March, 2015", "Sept, 26, 2014": a comma the page put after the month
    t = re.sub(rf"^({_MON_RE})\.?,\s+(?=\d)", r"\1 ", t)
    # "March 23 of this year", "June of last year": the year named in words
    m = re.fullmatch(r"(.*?\w)\s+(?:of\s+)?(this|last|next|that)\s+year", t)  # and "January 20 next year"
    if (
        m
        and (re.search(rf"\b(?:{_MON_RE})\b", m[1]) or _holiday_name(m[1]))  # "Easter last year"
        and (m[2] != "that" or "of" in t.split())
    ):
        if m[2] == "that":  # "early June of that year": the year last written out
            if ctx.year is None:
                return expr(None)  # known, but no year written out before it
            return _normalise(f"{m[1]} {ctx.year}", anchor, tense, ctx)
        if anchor is not None:
            shift = {"last": -1, "next": 1}.get(m[2], 0)
            return _normalise(f"{m[1]} {anchor.year + shift}", anchor, tense, ctx)
    # "the first Monday in September", "the last Friday of August 2015"
    m = re.fullmatch(
        rf"(?:the\s+)?(first|second|third|fourth|last)\s+({_WD_RE})\s+(?:in|of)\s+({_MON_RE})\.?"
        r"(?:,?\s+(\d{4}))?",
        t,
    )
    if m:
        month_of = _normalise(f"{m[3]} {m[4] or ''}".strip(), anchor, tense, ctx)
        if month_of is None or month_of.earliest is None:
            return month_of
        a = month_of.earliest
        n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}[m[1]]
        return day(_nth_weekday(a.year, a.month, _WEEKDAYS[m[2]], n))
    # "Monday of last week", "Friday of this week"
    m = re.fullmatch(rf"({_WD_RE})\s+of\s+((?:last|this|next)\s+week)", t)
    if m:
        wk = _normalise(m[2], anchor, tense, ctx)
        if wk is None or wk.earliest is None:
            return wk
        return day(wk.earliest + dt.timedelta(days=_WEEKDAYS[m[1]]))
    # Month and day: "October 3", "Oct. 3, 2024", "3 October", "Friday, Oct. 23", "last Oct. 23".
    m = re.fullmatch(
        rf"(?:(last|this|next)\s+)?(?:(?:{_WD_RE}),?\s+)?(?:the\s+)?"
        rf"(?:({_MON_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MON_RE})\.?)"
        r"(?:,?\s+(\d{4}))?(?:,?\s+(?:at|about|around)?\s*.*)?",
        t,
    )  # fmt: skip
    day_end = 0  # where the date ends: only ", " may follow it
    if m:
        day_end = m.end(6) if m[6] else m.end(3) if m[3] else m.end(5)
        if m[3] and not m[6] and t[day_end : day_end + 2] in ("st", "nd", "rd", "th"):
            day_end += 2  # "October 3rd"
    if m and t[day_end:].strip(" ,") == "":
        mon = _MONTHS[m[2] or m[5]]
        dnum = int(m[3] or m[4])
        if m[6]:
            return day(dt.date(int(m[6]), mon, dnum))
        if anchor is None:
            return unanchored("day")
        y = anchor.year
        cand = dt.date(y, mon, min(dnum, calendar.monthrange(y, mon)[1]))
        if m[1] == "last" or (past and cand > anchor + dt.timedelta(days=day_slack)):
            y -= 1 if cand > anchor else 0
        elif m[1] == "next" or (future and cand < anchor - dt.timedelta(days=1)):
            y += 1 if cand < anchor else 0
        elif not past and not future and abs((cand - anchor).days) > 183:
            y += 1 if cand < anchor else -1
        return day(dt.date(y, mon, dnum))
    # A week of a month: "the first week of October", "the last week of November 2023" (its days, and the
    # ISO week holding most of them).
    m = re.fullmatch(
        rf"(?:the\s+)?(first|second|third|fourth|last|final)\s+week\s+of\s+({_MON_RE})\.?"
        r"(?:\s+(?:of\s+)?(\d{4}|this year|last year|next year))?",
        t,
    )
    if m and len(m[2]) >= 3:
        mon = _MONTHS[m[2]]
        y = rel_year(m[3]) if m[3] else (month_year(mon, None) if anchor is not None else None)
        if y is None:
            return unanchored("week")
        end = _month_end(y, mon)
        if m[1] in ("last", "final"):
            first = end - dt.timedelta(days=6)
        else:
            first = dt.date(y, mon, 1 + 7 * ("first", "second", "third", "fourth").index(m[1]))
        iso = (first + dt.timedelta(days=3)).isocalendar()
        return expr(
            f"{iso[0]:04d}-W{iso[1]:02d}", "DATE", "week", first, min(first + dt.timedelta(days=6), end)
        )
    # Months: "June", "last October", "early December", "mid-November", "May 1998", "January this year",
    # "the end of March", "April next year", "the second half of September" (the month, as "late" is).
    m = re.fullmatch(
        rf"(?:(last|this|next|the)\s+)?(?:(?:early|late|mid|end\s+of|beginning\s+of|start\s+of|middle\s+of|"
        rf"(?:first|second|latter)\s+half\s+of)[\s-]+)?(?:the\s+)?(?:month\s+of\s+)?({_MON_RE})\.?"
        r"(?:\s+(?:of\s+)?(\d{4}|this year|last year|next year|(?:nineteen|twenty|two thousand)[a-z\s-]*))?"
        r"(?:\s+month)?",
        t,
    )  # fmt: skip
    if m and len(m[2]) >= 3:
        mon = _MONTHS[m[2]]
        if m[3]:
            y = rel_year(m[3]) if m[3][0].isdigit() or m[3].endswith(" year") else _year_words(m[3])
            if y is None:
                return unanchored("month") if m[3].endswith(" year") else None
            return month(y, mon)
        if anchor is None:
            return unanchored("month")
        return month(month_year(mon, m[1] if m[1] != "the" else None), mon)
    # Weekdays: "Friday", "last Wednesday", "next Monday", "this coming Sunday", "early Friday", "the day
    # Friday".
    m = re.fullmatch(
        rf"(?:(last|this coming|this|next|coming|past)\s+)?(?:(?:early|late|earlier|later|the day)\s+)?"
        rf"({_WD_RE})",
        t,
    )
    if m:
        if anchor is None:
            return unanchored("day")
        how = {"coming": "next", "this coming": "next", "past": "last"}.get(m[1] or "", m[1])
        return day(weekday_date(_WEEKDAYS[m[2]], how))
    # "the previous Friday", "the following Monday": counted from the day last named, else from the
    # publication date.
    m = re.fullmatch(rf"the\s+(previous|prior|preceding|following|next)\s+({_WD_RE})", t)
    if m:
        if (ctx.day or anchor) is None:
            return unanchored("day")
        how = "next" if m[1] in ("following", "next") else "last"
        return day(weekday_date(_WEEKDAYS[m[2]], how, ctx.day))
    m = re.fullmatch(
        r"(?:(?:early|late|earlier|later)\s+)?(?:(?:on|in)\s+)?(?:the\s+)?"
        r"(day before yesterday|day after tomorrow|"
        r"today|yesterday|tomorrow|this day|that day)", t
    )  # fmt: skip
    if m and m[1] not in ("that day",):
        if anchor is None:
            return unanchored("day")
        shift = {"today": 0, "this day": 0, "yesterday": -1, "tomorrow": 1, "day before yesterday": -2,
                 "day after tomorrow": 2}[m[1]]  # fmt: skip
        return day(anchor + dt.timedelta(days=shift))
    # Weekends: "the weekend", "this weekend", "last weekend", "next weekend".
    m = re.fullmatch(r"(this|last|next|the|over the|coming|past)\s+weekend", t)
    if m:
        if anchor is None:
            return unanchored("week")
        how = m[1].replace("over the", "the")
        saturday = weekday_date(5, {"the": None, "coming": "next", "past": "last"}.get(how, how))
        if how == "last" and saturday > anchor - dt.timedelta(days=1):
            saturday -= dt.timedelta(weeks=1)
        return weekend(saturday)
    # "Memorial Day weekend", "the Labor Day weekend": the weekend before a Monday holiday, else the
    # holiday's own
    m = re.fullmatch(r"(?:the\s+)?(.+?)\s+weekend", t)
    if m and _holiday(m[1], 2000) is not None:
        hol_day = _normalise(m[1], anchor, tense, ctx)
        if hol_day is None or hol_day.earliest is None:
            return hol_day if hol_day is None else unanchored("week")
        first = hol_day.earliest
        saturday = (
            first - dt.timedelta(days=2)
            if first.weekday() == 0
            else first + dt.timedelta(days=5 - first.weekday())
        )
        return weekend(saturday)
    # "this/last/next week|month|year", "earlier this month", "late last year", "the end of this year".
    m = re.fullmatch(
        r"(?:(earlier|later|late|early|mid|the end of|the beginning of|the start of|the middle of|end of)"
        r"[\s-]+)?(this|last|next|past|previous|coming|the current|the past|the coming)\s+"
        r"(week|month|year|decade|century)",
        t,
    )  # fmt: skip
    if m:
        rel = m[2].replace("the ", "")
        if rel in ("past", "previous") and m[1] is None and not t.startswith("the"):
            rel = "last"
        elif rel in ("past", "coming"):  # "the past year": a duration
            prefix, letter, factor = _DURATION_UNITS[m[3]]
            return expr(f"P{factor}{letter}", "DURATION")
        if anchor is None:
            return unanchored(m[3])
        shift = {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1}[rel]
        if m[3] == "year":
            out = year(anchor.year + shift)
        elif m[3] == "month":
            y, mo = _add_months(anchor, shift)
            out = month(y, mo)
        elif m[3] == "week":
            out = week(anchor + dt.timedelta(weeks=shift))
        elif m[3] == "decade":
            dec = anchor.year // 10 + shift
            return decade(dec)
        else:
            cen = (anchor.year - 1) // 100 + shift
            return century(cen)
        if m[1] == "earlier" and shift == 0 and out.earliest is not None:
            out = TimeExpr(0, 0, text, out.value, "DATE", "range", out.earliest, anchor)
        return out
    # "three or four months ago", "six to eight weeks ago": from the farther to the nearer, with the value
    # of the month, year or decade both fall in (as a short run of years has); ahead, "two or three months
    # from now", from the nearer to the farther
    m = re.fullmatch(
        rf"(?:{_MODIFIERS}\s+)*(?:(\w+)\s+(?:or|to)\s+(\w+)|(\d+)\s*[-–]\s*(\d+))\s+({_UNITS_RE})s\s+"
        r"(ago|from\s+now|from\s+today)",
        t,
    )
    fewer, more = (m[1] or m[3], m[2] or m[4]) if m else ("", "")
    if m and anchor is not None and _count(fewer) is not None and _count(more) is not None:
        near = _normalise(f"{fewer} {m[5]}s {m[6]}", anchor, tense, ctx)
        far = _normalise(f"{more} {m[5]}s {m[6]}", anchor, tense, ctx)
        if m[6] != "ago":
            near, far = far, near  # the later end is the farther one
        if near is None or far is None or far.earliest is None or near.latest is None:
            return None
        for width in (7, 4, 3):  # a month, a year, a decade
            older, newer = far.earliest.isoformat()[:width], near.latest.isoformat()[:width]
            if older == newer:
                return TimeExpr(0, 0, text, older, "DATE", "range", far.earliest, near.latest)
        return TimeExpr(0, 0, text, None, "DATE", "range", far.earliest, near.latest)
    # "two days ago", "a decade ago", "six weeks ago", "more than four decades ago"; ahead: "a year from
    # now", "two weeks from now".
    m = re.fullmatch(
        rf"(?:{_MODIFIERS}\s+)*(\w+(?:[\s-]\w+)?|\d{{1,3}}(?:,\d{{3}})+|\d+|a few|a couple of)"
        rf"\s+({_UNITS_RE})s?(?:\s+or\s+so)?\s+(ago|from\s+now|from\s+today)",
        t,
    )
    if m:
        ahead = m[3] != "ago"
        if m[1] in _VAGUE_COUNTS or m[1] == "a couple of":
            return expr("FUTURE_REF" if ahead else "PAST_REF")
        n = _count(m[1])
        if n is None:
            return None
        if anchor is None:
            return unanchored(m[2])
        n = -n if ahead else n
        if m[2] == "day":
            return day(anchor - dt.timedelta(days=n))
        if m[2] == "week":
            return week(anchor - dt.timedelta(weeks=n))
        if m[2] == "month":
            y, mo = _add_months(anchor, -n)
            return month(y, mo)
        if m[2] == "decade":
            return year(anchor.year - 10 * n)
        return year(anchor.year - n)
    if re.fullmatch(r"(?:\w+\s+)?(?:days|weeks|months|years|decades)\s+ago", t):
        return expr("PAST_REF")
    if re.fullmatch(r"(?:\w+\s+)?(?:days|weeks|months|years|decades)\s+from\s+now", t):
        return expr("FUTURE_REF")  # "years from now"
    if re.fullmatch(
        r"(?:a\s+)?long\s+(?:time\s+)?ago|the\s+other\s+day|years\s+past|(?:in\s+)?days\s+gone\s+by", t
    ):
        return expr("PAST_REF")  # "a long time ago", "the other day"
    # "four days earlier", "a week earlier": counted back from the day last named ("On Tuesday … Four
    # days earlier"); a year earlier is read above, by the quarter or year last named
    m = re.fullmatch(r"(\w+(?:[\s-]\w+)?|\d+)\s+(day|week|month)s?\s+earlier", t)
    if m and ctx.day is not None and m[1] not in _VAGUE_COUNTS and _count(m[1]) is not None:
        n = _count(m[1]) or 0
        if m[2] == "day":
            return day(ctx.day - dt.timedelta(days=n))
        if m[2] == "week":
            return week(ctx.day - dt.timedelta(weeks=n))
        y, mo = _add_months(ctx.day, -n)
        return month(y, mo)
    # "all day", "all week": the whole of one ("all night" P1D, as TimeML writes a night)
    m = re.fullmatch(r"all\s+(day|night|week|weekend|month|year)(?:\s+long)?", t)
    if m:
        return expr({"day": "P1D", "night": "P1D", "week": "P1W", "weekend": "P1WE", "month": "P1M",
                     "year": "P1Y"}[m[1]], "DURATION")  # fmt: skip
    if re.fullmatch(r"every\s+single\s+(day|week|month|year)", t):
        return expr(f"P1{t.rsplit(' ', 1)[1][0].upper()}", "SET")
    # The reference year of a report: "the year", "the fiscal year", "the full year", "the current fiscal
    # year", "this fiscal year", "year-end", "the end of the year".
    m = re.fullmatch(
        r"(?:the\s+)?(?:end\s+of\s+the\s+|start\s+of\s+the\s+|beginning\s+of\s+the\s+)?(?:(current|full|this|latest|"
        r"same|last|next|previous|prior)\s+)?(?:fiscal\s+|calendar\s+)?(?:year|year-end|year end|year's end)",
        t,
    )  # fmt: skip
    if m and (t.startswith(("the", "this", "last", "next", "year-end", "year end", "year's end")) or m[1]):
        if anchor is None:
            return unanchored("year")
        shift = {"last": -1, "previous": -1, "prior": -1, "next": 1}.get(m[1] or "", 0)
        if "year-end" in t or "year end" in t or "year's end" in t:
            y = anchor.year + shift
            return day(dt.date(y, 12, 31)) if shift or t.startswith("year-end") else year(y)
        if (m[1] is None and "fiscal" not in t and "end" not in t) or (
            m[1] == "last" and t.startswith("the ") and not re.search(r"fiscal|calendar|end", t)
        ):
            # "the year" of a report with no word before it, and "the last year", "spent the last year
            # disparaging them": the stretch up to now, as "the past year" and "the last month" are
            return expr("P1Y", "DURATION")
        return year(anchor.year + shift)
    return _duration(t, text)


def _duration(t: str, text: str) -> TimeExpr | None:
    """TIMEX3 durations: "three years" P3Y, "nearly forty years" P40Y, "two-week" P2W, "10-hour" PT10H,
    "weeks" PXW, "a couple of years" P2Y, "a decade" P10Y, "the next 12 to 18 months" PXM."""
    # "an additional year", "two more years", "another week": the count of the added stretch
    t = re.sub(rf"(?<!\bor)\s+(?:additional|extra|more|further)\s+(?=(?:{_UNITS_RE})s?$)", " ", t)
    t = re.sub(rf"^another\s+(?=(?:{_UNITS_RE})$)", "a ", t)
    # "hundreds of years", "thousands of hours": a count of units, unknown
    t = re.sub(
        rf"^(?:(?:{_MODIFIERS})\s+)*(?:hundreds|thousands|dozens)\s+of\s+(?=(?:{_UNITS_RE})s$)", "many ", t
    )
    # "3 minutes 32 seconds", "two hours and 15 minutes", "five years, four months": one ISO duration
    two = re.fullmatch(
        rf"(?:{_MODIFIERS}\s+)*(\w+)\s+({_UNITS_RE})s?,?\s+(?:and\s+)?(\w+)\s+({_UNITS_RE})s?", t
    )
    if two:
        order = ("year", "month", "week", "day", "hour", "minute", "second")
        first, second = _count(two[1]), _count(two[3])
        if (
            first is not None
            and second is not None
            and two[2] != "decade"
            and two[4] != "decade"
            and order.index(two[2]) < order.index(two[4])
        ):
            parts = {"date": "", "time": ""}
            for count, unit in ((first, two[2]), (second, two[4])):
                parts["date" if unit in order[:4] else "time"] += (
                    f"{count}{unit[0].upper()}"  # month M, minute TM
                )
            iso = f"P{parts['date']}" + (f"T{parts['time']}" if parts["time"] else "")
            return TimeExpr(0, 0, text, iso, "DURATION", "none", None, None)
    # "the previous year and a half", "a year and a half ahead": one and a half
    t = re.sub(
        rf"^(?:the\s+)?(?:past|last|previous|next|coming|first|following)\s+(?=(?:{_UNITS_RE})\s+and\s+a\s+half)",
        "a ",
        t,
    )
    t = re.sub(r"(?<=\sand\sa\shalf)\s+ahead$", "", t)
    # "two and a half years", "a year and a half": written as "2 1/2 years"
    half = re.fullmatch(rf"(.*?)(\w+)\s+and\s+a\s+half\s+({_UNITS_RE})s?", t) or re.fullmatch(
        rf"(.*?)(an?|one)\s+({_UNITS_RE})\s+and\s+a\s+half", t
    )
    if half and _count(half[2]) is not None:
        t = f"{half[1]}{_count(half[2])} 1/2 {half[3]}s"
    # "5 ½ years", "2.5 hours", "a 1-1/2 year war" (the wires' fraction): the same
    t = re.sub(rf"(\d)(?:\s*½|\.5|-1/2)(?=\s+(?:{_UNITS_RE})s?$)", r"\1 1/2", t)
    t = re.sub(r"(?<=day|eek|nth|ear|ade)long$", "-long", t)  # "weeklong", "yearlong"
    # "a few short hours", "two long years": the count of units all the same
    t = re.sub(rf"(?<=\w)\s+(?:short|long)\s+(?=(?:{_UNITS_RE})s$)", " ", t)
    m = _DURATION.fullmatch(t)
    if not m:
        return None
    prefix, letter, factor = _DURATION_UNITS[m["unit"]]
    if letter == "WE":
        return None
    plural = re.search(r"s(?:\s+ahead)?$", t) is not None  # "weeks", "the weeks ahead"
    raw = m["n"]
    if raw is not None and re.match(r"an?\s+\w", raw) and _count(raw.split(None, 1)[1]) is not None:
        raw = raw.split(None, 1)[1]  # "a two day rally"
    if raw is not None and raw.replace(" ", "") in ("the", "another", "next", "last", "past", "first", "each",
                                                    "every", "this", "that"):  # fmt: skip
        raw = None if plural else "a"
    if raw is None and not plural and re.fullmatch(r"(?:an?\s+)?[a-z]+(?<!s)-long", t):
        return TimeExpr(
            0, 0, text, f"P{prefix}{factor}{letter}", "DURATION", "none", None, None
        )  # "year-long"
    if raw is None:
        if not plural and not t.endswith("-old") and not t.endswith("-long"):
            if re.match(
                rf"(?:the\s+)?(?:past|last|next|coming|previous|following|first|final|entire|whole)\s+(?:{m['unit']})",
                t,
            ):
                return TimeExpr(0, 0, text, f"P{prefix}{factor}{letter}", "DURATION", "none", None, None)
            return None  # a bare "year" or "day" is not a duration
        if re.fullmatch(r"(?:in\s+)?those\s+days", t):
            return TimeExpr(0, 0, text, "PAST_REF", "DATE", "none", None, None)  # "those days are over"
        if re.match(r"(?:in\s+)?(?:the\s+|these\s+)?past\s", t):
            return TimeExpr(0, 0, text, "PAST_REF", "DATE", "none", None, None)  # "past years"
        if re.match(r"(?:in\s+)?(?:the\s+)?future\s", t):
            return TimeExpr(0, 0, text, "FUTURE_REF", "DATE", "none", None, None)
        n: str = "X"
    elif raw in ("a couple of", "couple of"):
        n = str(2 * factor)
    elif (
        raw in ("a few", "several", "few", "many")
        or " to " in raw
        or " or " in raw
        or re.search(r"\d\s*[-–]\s*\d", raw)
    ):
        n = "X"
    else:
        frac = re.fullmatch(r"(\d+)\s+1/2", raw)
        value = _count(raw) if frac is None else None
        # half a unit in the next smaller one, as TimeML writes it: "5 1/2 hours" PT5H30M, "2 1/2 years"
        # P2Y6M, "two and a half decades" P25Y; half a week or month stays a decimal
        half_unit = {("", "Y"): "6M", ("", "D"): "T12H", ("T", "H"): "30M", ("T", "M"): "30S"}.get(
            (prefix, letter)
        )
        if frac is not None and factor % 2 == 0:
            n = str(int(frac[1]) * factor + factor // 2)
        elif frac is not None and half_unit is not None:
            return TimeExpr(
                0, 0, text, f"P{prefix}{frac[1]}{letter}{half_unit}", "DURATION", "none", None, None
            )
        elif frac is not None:
            n = f"{frac[1]}.5"
        elif value is None and re.fullmatch(r"\d+\.\d+", raw):
            # "5.7 seconds" PT5.7S, "1.2 decades" P12Y: the decimal ISO 8601 allows in the last part
            n = format((Decimal(raw) * factor).normalize(), "f")
        elif value is None:
            return None
        else:
            n = str(value * factor)
    return TimeExpr(0, 0, text, f"P{prefix}{n}{letter}", "DURATION", "none", None, None)


# ---------------------------------------------------------------------------------------------- finding

# Words at the start of a candidate span that TimeML leaves out of the time expression.
_LEAD_DROP = re.compile(
    r"^(?:(?:about|approximately|roughly|just|only|some|barely|over|under|since|until|till|through|"
    r"throughout|by|from|between|within|during|before|after|sometime|in|on|at(?!\s+least)|for|to|of|"
    r"each\s+of|its|his|her|their|our|my|your|it|them|him|an\s+end\s+to\s+a|(?:early|late)(?=\s+(?:{_WD}))|as\s+(?:early|late|long|soon|recently)\s+as|the\s+{_HOURS}\s+of|"
    # "$105 billion more than last year": amounts compared, the date alone
    r"(?:more|less|fewer)\s+than(?=\s+(?:last|this|next|yesterday|today|in|on|at)\b)|"
    r"later\s+in|earlier\s+in|as\s+of|the\s+day(?=\s+(?:before|after)\s+\w)|d'etat|later|earlier|"
    r"the(?=\s+the\b)|"
    # "Trump did the same last week": "the same" is what was done
    r"the\s+same(?=\s+(?:this|last|next)\s+(?:year|month|week|weekend|season|quarter)\b)|"
    # "its second this year", "putting Cruz second this week": the ordinal ranks something else
    r"(?:the\s+)?(?:{_ORD}|\d+(?:st|nd|rd|th))"
    r"(?=\s+(?:this|last|next)\s+(?:year|month|week|season|quarter)\b)|(?:\d[\d,.]*|{_TWELVE})"
    r"(?=\s+an?\s+(?:year|month|week|day|decade|quarter)\s+(?:ago|earlier|before)\b))\s+)+",
    re.I,
)
_HOURS_RE = r"(?:early|small|wee)\s+hours"  # "the early hours of Friday" is Friday
_LEAD_DROP = re.compile(
    _LEAD_DROP.pattern.replace("{_WD}", _WD_RE)
    .replace("{_HOURS}", _HOURS_RE)
    .replace("{_ORD}", _ORDINAL_RE)
    .replace("{_TWELVE}", "|".join(_HOUR_WORDS)),
    re.I,
)
# "earlier" and "later" stay in "earlier this week" and "a year earlier", and go before a day ("Earlier
# Friday", "later today").
_KEEP_EARLIER = re.compile(r"^(?:earlier|later)\s+(?:this|that|in|last|next)\b", re.I)
# "the" stays before a time noun or a relative word ("the third quarter", "the past two years", "the
# weekend") and goes before a date, a number or a compound adjective ("the Dec. 21, 1988 …", "the 1987
# crash", "the third-quarter …").
_THE_DROP = re.compile(
    rf"^the\s+(?=(?:{_MON_RE})\b|\d+(?:,\s*\d{{4}})?\s*$|\w+-(?:quarter|day|year|month|week)\b|recent\b|"
    r"(?:days|weeks|months|years)\b|year-(?:ago|earlier)\s*$)",
    re.I,
)
# "a", "an" and "both" go before a date, a year, a compound adjective or an ordinal century ("an Aug. 10,
# 1988, agreement", "a fourth-quarter charge", "both 1990 and 1991", "a 20th century democrat").
# Holidays by name: those of the table and the Monday holidays _holiday counts ("Labor Day").
_HOLIDAY_RE = "|".join(sorted((re.escape(h) for h in _HOLIDAYS), key=len, reverse=True))
_HOLIDAY_RE += rf"|labor\s+day|memorial\s+day|{_FESTIVAL_RE}"
_ART_DROP = re.compile(
    rf"^(?:an?|both)\s+(?=(?:{_MON_RE})\.?\s+\d|\d{{4}}\b|\w+-(?:quarter|day|year|month|week)\b|"
    rf"\d+(?:st|nd|rd|th)\s+century\b|(?:{_HOLIDAY_RE}|election\s+day)$)",
    re.I,
)
_TRAIL_DROP = re.compile(r"(?:\s*['’]s|\s*[,:;.]|\s+(?:and|or|to|through|until|in|on|of|the))+$", re.I)
_SPLIT = re.compile(
    r"\s+(?:ended|ending|through|to|until|and|-|–)\s+|\s*[–-]\s*(?=\d{4}\b)|(?<=months)\s+of\s+(?=\d{4}\b|the\s+year\b)|"
    r"(?<=\b\d{4}),\s*(?=\d{4}\b)|"
    r"(?<=[ap]\.m\.)\s*[–-]\s*(?=\d)|"  # "10 a.m.-4 p.m."
    rf"(?<=\d),\s+(?=(?:{_MON_RE})\.?\s+\d)",  # "March 13, March 21 and March 23"
    re.I,
)
_AGE = re.compile(
    r"(?:-year-old|-years-old|years?\s+old|-month-old|months?\s+old|-day-old|-week-old)s?$", re.I
)
# Ages the model tags DATE: "at age 16", "aged 12", "in his early 20s", "in their eighties"; and
# temperatures ("highs in the upper 80s").
_AGE_LEAD = re.compile(
    r"^(?:(?:the\s+)?ages?\s+(?:of\s+)?\d|aged\s+\d|\d+\s+(?:or|and)\s+(?:older|younger|over|under)$)", re.I
)
_AGE_DECADE = re.compile(
    r"^(?:the\s+)?(?:(?:early|mid|late|upper|lower|high|low)[\s-]+)?"
    r"(?:\d0s|teens|(?:twen|thir|for|fif|six|seven|eigh|nine)ties)$",
    re.I,
)
# "in their 30s, 40s and 50s": every age of the list
_POSSESSIVE_BEFORE = re.compile(
    r"\b(?:my|his|her|their|your|our|its)\s+(?:\d0s(?:\s*,\s*\d0s)*(?:\s*,)?\s*(?:and|or)?\s*)?$", re.I
)
# "At the end of the day," opening a clause is the idiom ("in the end"), not a time.
_IDIOM_END_OF_DAY = re.compile(r"(?:^|[.!?:;\"“‘(]\s*|\b(?:but|and|so|because|that)\s+)at\s+$", re.I)


_HEAT_BEFORE = re.compile(r"\b(?:temperatures?|highs?|lows?|degrees|heat|thermometers?)\b[^.;]{0,25}$", re.I)


_NAME_WORDS = re.compile(r"daily|weekly|monthly|this week|this morning|midday|today|tonight|now", re.I)


# A march named for its cause or goal: "the March on Washington", "March for Our Lives", "March Madness"
_MARCH_NAME = re.compile(r"March\s+(?:(?:on|for|against)\s+(?:Our\s+)?[A-Z]|Madness\b)")


# What may stand before a sentence's first word: a full stop, a colon or a line break (then closing quotes
# and space), and an opening quote, which may also follow a comma ("Rubio says, “Tonight was …”")
_SENTENCE_OPEN = re.compile(r"(?:[.!?:]['\"”’]*\s+|\n\s*|,\s*(?=``|''|[\"“‘]))(?:``|''|[\"“‘])?\Z")


def _opens_sentence(text: str, s: int) -> bool:
    """Whether the word at ``s`` is a sentence's first word."""
    return _SENTENCE_OPEN.search(("\n" if s < 8 else "") + text[max(0, s - 8) : s]) is not None


def _in_a_name(text: str, s: int, piece: str) -> bool:
    """A time word capitalised inside a sentence is part of a name: a paper ("The Daily Caller", "THE
    WEEKLY STANDARD", "USA Today"), a show (ABC's "This Week", NBC's ''Today'', "Larry King Now")."""
    if not _NAME_WORDS.fullmatch(piece) or not all(w[:1].isupper() for w in piece.split()):
        return False
    deictic = piece.lower() in ("today", "tonight", "now")
    before = text[max(0, s - 5) : s]
    after = text[s + len(piece) : s + len(piece) + 4]
    if re.search(r"(?:``|''|[\"“‘])$", before) and re.match(r"[.,]?(?:''|[\"”]|’(?!s\b))", after):
        return True  # quoted on its own: a show's title (''Today'')
    if deictic and (
        re.search(r"\bthe\s+$", before, re.I)
        or re.match(
            r"[”\"’']*\s+(?:show|program|programme)\b", text[s + len(piece) : s + len(piece) + 14], re.I
        )
    ):
        return True  # "the Today show", NBC's “Today show”: a show's title
    if _opens_sentence(text, s):
        # a sentence's first word, unless a name goes on ("“Daily Show” host", not "Now Trump says")
        if deictic or not re.match(r"\s+[A-Z][a-z]", after):
            return False
    elif deictic and not re.search(r"\b[A-Z][\w’'.]*\s+$", text[max(0, s - 25) : s]):
        return False  # "Ten Things to Know for Today": a capitalised day word after no name
    # not in a headline, where every word is capitalised (its first word and the piece tell nothing)
    start = text.rfind("\n", 0, s) + 1
    end = text.find("\n", s)
    line = text[start:s] + " " + text[s + len(piece) : end if end >= 0 else len(text)]
    words = re.findall(r"[A-Za-z]{4,}", line)[1:]
    lower = sum(w[0].islower() for w in words)
    return len(words) < 3 or lower >= 3 or lower * 2 > len(words)


# Contests held on a known day of an even year: a date that names one, written before it, is this year's
_CONTEST_NOUNS = frozenset("election vote ballot showdown convention matchup electability".split())
# Verbs of the contest itself: "can Ted Cruz win in November", "his chances of winning in November"
_CONTEST_VERBS = frozenset("win beat defeat vote".split())


def _names_an_election(span: Span) -> bool:
    """Whether a date names an election or a party convention: it describes one ("the Nov. 8 election",
    "November's general election", "the November showdown") or is its time ("the party's convention in
    July")."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "in":
        noun = root.head.head
        if noun.pos_ == "VERB" and noun.lemma_.lower() in _CONTEST_VERBS:
            # the contest told ahead ("can win in November", "chances of winning in November"); not "won in
            # November", nor "had won", nor an infinitive of a past verb ("wanted to win in November")
            auxes = aux_tokens(noun)
            told = _verb_told(noun) if any(c.lower_ == "to" for c in auxes) else None
            return (
                noun.tag_ in ("VB", "VBG")
                and not any(c.tag_ == "VBD" or c.lower_ == "had" for c in auxes)
                and (told is None or (told.tag_ != "VBD" and not aux_words(told) & {"had", "was", "were"}))
            )
    elif root.dep_ in ("compound", "nmod", "amod", "poss") and root.head.i > root.i:
        noun = root.head
    else:
        return False
    return noun.pos_ in ("NOUN", "PROPN") and noun.lemma_.lower() in _CONTEST_NOUNS


def _election_ahead(tx: TimeExpr, anchor: dt.date) -> TimeExpr:
    """The day or month of an election or a convention in an even year, written before it, is that year's:
    "to influence the Nov. 8 U.S. presidential election", said in July 2016, "until the party's convention
    in July", said in April (a past clause had given the year before, when there was none)."""
    d, end = tx.earliest, tx.latest
    if tx.granularity not in ("day", "month") or d is None or end is None or anchor.year % 2:
        return tx
    if d.year != anchor.year - 1:
        return tx
    a = d.replace(year=anchor.year)  # (an odd year has no 29 February to move)
    b = _month_end(anchor.year, d.month) if tx.granularity == "month" else a
    if b < anchor:
        return tx
    value = a.isoformat() if tx.granularity == "day" else f"{a.year:04d}-{a.month:02d}"
    return TimeExpr(0, 0, tx.text, value, "DATE", tx.granularity, a, b, True)


def _names_a_paper(span: Span) -> bool:
    """Whether a lowercase "daily", "weekly" or "monthly" is a newspaper: a noun ("the Trend weekly
    reported", "the influential US daily wrote") or set before its name ("the Communist Party daily
    Granma"); not "daily flights", "the weekly GOP address"."""
    if len(span) != 1 or span.text not in ("daily", "weekly", "monthly"):
        return False
    tok = span[0]
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr"):
        return True
    return tok.dep_ in ("amod", "compound") and tok.head.pos_ == "PROPN" and tok.head.i == tok.i + 1


def _age_or_heat(text: str, s: int, piece: str) -> bool:
    """Whether a candidate is someone's age ("age 16", "in her early 20s") or a band of temperatures
    ("highs in the 80s") rather than a time."""
    if _AGE_LEAD.match(piece):
        return True
    if not _AGE_DECADE.match(piece):
        return False
    before = text[max(0, s - 40) : s]
    return bool(_POSSESSIVE_BEFORE.search(before) or _HEAT_BEFORE.search(before))


# Single words the model tags DATE/TIME that are not time expressions on their own.
_NOT_TIMES = frozenset(
    "night morning evening afternoon day week month year annual quarterly seasonally nights days the "
    "semiannual biannual biweekly year-end no-quarter minute close last-minute eleventh-hour".split()
) | {"the day", "the night", "the comparable", "the year before"}
_ZONE_RE = CLOCK_ZONE_RE  # "0400 GMT", "2300 local time", "1400 Kyiv time"
# Extra patterns the model misses.
_EXTRA = re.compile(
    r"(?<=\bthe\s)(?:(?:early|late|mid)[\s-]+)?(?:19|20)?[1-9]0['’]s\b|"  # "the 80's", "the 1990’s"
    r"\b(?:daily|weekly|hourly|annually|every\s+day|each\s+day|every\s+year|each\s+year|the\s+future|"
    r"(?:day|week|month|year|decade)-?long|"
    rf"every\s+(?:{_WD_RE})|(?:1[89]|20)\d\d\s*(?:-|–|to|through)\s*(?:1[89]|20)\d\d|"
    r"(?<=\bwithin\s)(?:hours|days|weeks|months|years)|"
    r"(?:(?:a|one|two|three|\d+)\s+)?fortnights?(?:\s+ago)?|the\s+(?:past|last|next|coming)\s+fortnight|"
    r"the\s+near\s+future|currently|nowadays|now|recently|(?<![\d/])(?:9|26)/11(?![\d/])|(?<![\d/])7/7(?=\s+(?:bombings?|attacks?)\b)|(?<=\bin\s)the\s+past(?!\s+\w)|current(?=\s+(?!(?:year|month|week|quarter|fiscal|period|decade|century|account|affairs|events)\b)[a-z])|(?:last\s+|next\s+)?(?:(?:thanksgiving|christmas)(?:\s+day)?|"
    r"(?:election|memorial|labor|independence|veterans|new\s+year['’]s)\s+day|good\s+friday|black\s+friday|"
    r"(?:(?<=['’]s\s)|(?<=\bits\s))(?:victory|national|republic|constitution|liberation|unity)\s+day|"
    r"cyber\s+monday|new\s+year['’]s\s+eve|christmas\s+eve|"
    r"easter(?:\s+(?:sunday|monday|day))?(?!\s+(?:island|rising|egg|bunny|offensive))|"
    rf"orthodox\s+(?:christmas|easter)|(?:{_FESTIVAL_RE})(?!\s+(?:wars?|offensive|uprising|massacre)\b))|"
    r"the\s+(?:latest|year-ago|year-earlier|comparable|same)\s+(?:period|quarter)|"
    # "The following day, about 5:15 a.m.", "that same month": counted from the day or month last named
    rf"{_DAY_AFTER_ONE_NAMED_RE}(?![-'’])|"
    r"that\s+same\s+(?:week|month|year)(?![-'’])|"
    # "That night, …", "later that day": the day last named, kept only when one was named just before
    rf"{_THAT_DAY_RE}(?![-'’])|"
    # "twice a year", "three times a week": how often
    rf"{_HOW_OFTEN_RE}\s+(?:a|an|per|every|each)\s+(?:hour|day|week|month|year|decade)\b|"
    # "25/12/2023", "3.10.2024"
    r"(?<![\d/.-])\d{1,2}(?P<sep>[/.-])\d{1,2}(?P=sep)(?:19|20)\d\d(?![\d/-]|\.\d)|"
    rf"(?<!\(){HHMM_RE}{_ZONE_RE}|"  # not "10:35 a.m. (0735 GMT)", the same time again
    r"0\d[0-5]\d\s+(?:hours|hrs)|"
    rf"\d{{1,2}}(?:[:.]\d\d)?\s*[ap]\.m\.(?:\s+(?:[ecmp][sd]t|gmt))?|({_MON_RE})\.?\s+\d{{1,2}}(?:,\s+\d{{4}})?)(?:\b|(?<=\.))(?!-)",
    re.I,
)


# What the model leaves out even where its form is plain: a count of units "ago", "later this week", "by
# 2022", "prior to May", "every five years", "the past seven-and-a-half years". Each pattern's group "t" is
# the expression; what stands before it only shows that a time follows.
_COUNT_RE = rf"(?:\d[\d,]*(?:\.\d+)?|{WORD_NUM_RE}|hundred)(?:-and-a-half|\s+and\s+a\s+half|-plus)?"
# A count or a run of them: "five", "three or four", "60–90"
_COUNTS_RE = rf"{_COUNT_RE}(?:\s*[-–]\s*{_COUNT_RE}|\s+(?:or|to)\s+{_COUNT_RE})?"
_ABOUT_RE = (
    r"(?:(?:(?:a\s+(?:little|bit)|just|well)\s+)?(?:(?:more|less|fewer)\s+than|over|under)|about|nearly|almost|"
    r"roughly|around|approximately|at\s+least)"
)
_SPAN_UNITS_RE = r"(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centur(?:y|ies))"
_MONTH_NAME_RE = "|".join(calendar.month_name[1:])
_SEASON_RE = r"(?:spring|summer|fall|autumn|winter)"
# A season and the word that joins it to the next: "spring and " (summer), "summer through " (fall)
_SEASON_PAIR_RE = r"(?P<first>spring|summer|autumn|winter|fall)\s+(?:and|or|to|through|into)\s+"
_MONTH_ABBR_RE = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_BACKSTOP = (
    # "seven years ago", "more than a half-century ago", "less than a dozen years ago", "decades ago"
    re.compile(
        rf"(?<![-\w/])(?P<counted>)(?P<t>(?:{_ABOUT_RE}\s+)?"
        rf"(?:(?:{_COUNTS_RE}|an?|a\s+dozen|a\s+few|"
        rf"a\s+couple\s+of|several|many)\s+)?(?:half-)?{_SPAN_UNITS_RE}\s+ago)\b",
        re.I,
    ),
    # "later this week", "this week's debate", "last month's vote"
    re.compile(
        r"(?<![-\w])(?<!\bthe\s)(?<!\bthis\s)"  # not "the next year", "this last year"
        r"(?P<t>(?:(?P<side>earlier|later)\s+)?(?:this|last|next)\s+(?:week|month|year|weekend))(?![-\w])",
        re.I,
    ),
    # "by 2022", "since 2007", "in 2015": a year the model took for a count
    re.compile(
        r"\b(?:by|in|since|until|till|before|after|from|through|during)\s+(?P<t>(?:1[89]|20)\d\d)\b"
        r"(?![-–/,.]?\d|\s*(?:%|percent))",
        re.I,
    ),
    # "prior to May", "until June", "in late March": a month after a word that only a time follows
    re.compile(
        r"\b(?:(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]fter|[Bb]y|[Tt]hrough(?:out)?|[Dd]uring|"
        rf"[Pp]rior\s+to|[Ee]arly|[Ll]ate|[Ll]ast|[Nn]ext|[Tt]his)\s+|[Mm]id-)(?P<t>{_MONTH_NAME_RE})\b"
        r"(?!\s+[A-Z]|['’-])"
    ),
    # "every five years", "every three months", "every week"
    re.compile(
        rf"(?<![-\w])(?P<counted>)(?P<t>(?:every|each)\s+(?:(?:other|few|{_COUNTS_RE})\s+)?"
        rf"(?:{_SPAN_UNITS_RE}|quarters?|weekend|morning|afternoon|evening|night))\b(?!-)",
        re.I,
    ),
    # "the past seven-and-a-half years", "more than 200 years", "the last five or six years"
    re.compile(
        r"(?<![-–\w/.,])(?P<counted>)(?P<t>(?:the\s+(?:past|last|next|first|coming|previous|following)\s+)?"
        rf"(?:{_ABOUT_RE}\s+)?{_COUNTS_RE}\s+{_SPAN_UNITS_RE})\b"
        r"(?![-’']|\s+old\b)",
        re.I,
    ),
    # "trouble winning in the fall", "heading into the fall": the season (not "the fall of the Wall", "the
    # fall in prices")
    re.compile(
        r"\b(?:in|into|to|through|throughout|until|till|by|during|before|after|since)\s+(?P<t>the\s+fall)\b"
        r"(?!\s+(?:of|in|on|from|to)\b)",
        re.I,
    ),
    # "throughout the spring and summer", "during summer and fall": the second season of a pair
    re.compile(
        rf"\b{_SEASON_PAIR_RE}(?P<t>(?:the\s+)?{_SEASON_RE}(?:\s+of\s+(?:1[89]|20)\d\d)?)\b(?!\s+(?:of|in)\b|-)",
        re.I,
    ),
    # "more than a year", "a little over a week", "nearly a decade": one unit, counted by the word before it
    # (a bare "a year" is as often a rate: "$600,000 a day")
    re.compile(
        rf"(?<![-\w])(?P<counted>)(?P<t>{_ABOUT_RE}\s+an?\s+(?:year|month|week|day|hour|minute|decade|century))\b"
        r"(?![-’']|\s+(?:ago|old|earlier|later|before|after)\b)",
        re.I,
    ),
    # "for more than half a century", "a half-century"
    re.compile(
        rf"(?<![-\w])(?P<counted>)(?P<t>(?:{_ABOUT_RE}\s+)?(?:half\s+a\s+|a\s+half-)(?:century|decade))\b"
        r"(?![-’']|\s+(?:ago|old)\b)",
        re.I,
    ),
    # "until 31 May", "yesterday (4th April)", "the 8 November presidential election": a date written day
    # first, which the model leaves as a count or an ordinal
    re.compile(
        r"(?<![\d.,$£€/:-])(?P<t>\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
        rf"(?:{_MONTH_NAME_RE}|{_MONTH_ABBR_RE})\b\.?(?:,?\s+(?:1[89]|20)\d\d\b)?)(?![-'’])"
    ),
    # "7 a.m. to 4 p.m. April 24-25": a run of days, which the model leaves as a count
    re.compile(
        rf"\b(?P<t>(?:{_MONTH_NAME_RE}|{_MONTH_ABBR_RE})\.?\s+\d{{1,2}}\s*[-–]\s*\d{{1,2}}"
        r"(?:,?\s+(?:1[89]|20)\d\d)?)(?![\d-])"
    ),
    # "after the September 11th attacks", which the model tags as an event
    re.compile(r"\b(?P<t>Sept(?:ember|\.)?\s+11(?:th)?)(?=\s+(?:attacks?|terror))"),
    # "a 2015 inspector general's report", "the 2016 presidential primary", "Obama's 2008 campaign",
    # "McCain's late-2007 turnaround": a year that qualifies a noun (written with no comma, a year, not a
    # count: the wires write "2,000 people")
    re.compile(
        r"(?:\b(?:a|an|the|its|his|her|their|our|this|that|whose)\s+|['’]s?\s+)"
        r"(?:(?!(?:first|last|next|about|some|nearly|over|almost|around|roughly|only|just|more|less|estimated|"
        r"additional|extra|other|another)\b)[a-z]+\s+)?"  # "the fluid 2016 presidential primary"
        r"(?P<modifier>)(?P<t>(?:(?:early|mid|late)-)?(?:1[89]|20)\d\d)\b"
        r"(?![-–/,.]?\d|['’]?s\b|\s*(?:%|percent))(?=\s+[A-Za-z])",
        re.I,
    ),
)


def _backstop(doc: Doc, m: re.Match[str]) -> bool:
    """Whether a backstop match (see ``_BACKSTOP``) is a time: not a count of things ("by 2000 votes"), a
    person ("after May said"), or a month or figure inside a name."""
    if "\n" in m["t"] or re.search(r"\d\s+$", m.string[max(0, m.start("t") - 4) : m.start("t")]):
        return False  # across a line break; the half of "1 1/2 years ago"
    toks = doc.char_span(m.start("t"), m.end("t"), alignment_mode="expand")
    if toks is None:
        return False
    modifier = m.groupdict().get("modifier") is not None
    # the model runs a name into the year that qualifies it ("Obama’s 2008" ORG, "Trump’s 1995" ORG)
    named = (
        ("MONEY", "PERCENT", "QUANTITY") if modifier else ("PERSON", "ORG", "MONEY", "PERCENT", "QUANTITY")
    )
    if any(t.ent_type_ in (*named, "WORK_OF_ART") for t in toks):
        return False
    last = toks[-1]
    if re.fullmatch(r"(?:1[89]|20)\d\d", m["t"]) and last.dep_ == "nummod" and not modifier:
        return False  # "won by 2000 votes"
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if m.groupdict().get("first") is not None:
        first = doc.char_span(m.start("first"), m.end("first"), alignment_mode="expand")
        if first is None or first[0].pos_ in ("VERB", "AUX") or first[0].ent_type_ not in ("DATE", ""):
            return False  # "prices fall and winter heating …": the verb
        if after is not None and after.pos_ in ("NOUN", "PROPN") and m["t"].lower() != "the fall":
            return False  # "spring and summer jobs": what the seasons qualify
    if m["t"].split()[-1] in calendar.month_name and after is not None and after.pos_ in ("VERB", "AUX"):
        return False  # "after May said": the prime minister
    if re.search(
        r"(?:['‘“\"]|\b[A-Z]\w*\s)$", m.string[max(0, m.start("t") - 12) : m.start("t")]
    ) and re.search(r"[A-Z]\w*$", m["t"]):
        return False  # CBS' "60 Minutes", "Anderson Cooper 360 Degrees": a title
    if m["t"].lower() == "one day":
        # a stretch of a day where a word counts it ("just one day after", "for one day", "one day as a
        # lion"), some day after a modal ("could one day lead to"); else an idiom or some day ("skate in
        # Disney On Ice one day", "the hope he one day follow", "take it one day, one step at a time")
        before = m.string[max(0, m.start("t") - 10) : m.start("t")]
        return bool(
            _MODAL_BEFORE.search(before)
            or _ONE_DAY_COUNTED_BEFORE.search(before)
            or (after is not None and after.lower_ in _ONE_DAY_COUNTED_AFTER)
        )
    return True


# What makes "one day" a stretch of a day: "just one day after", "for one day", "one day as a lion"
_ONE_DAY_COUNTED_BEFORE = re.compile(
    r"\b(?:just|only|for|within|in|than|about|nearly|almost|over|least)\s+$", re.I
)
_ONE_DAY_COUNTED_AFTER = frozenset("after before until later earlier ago from into of as".split())
# "the end of the three months": a part of the stretch, one expression with it
_PART_OF = re.compile(r"\b(?:end|beginning|start|middle|rest|remainder|course|half|part)\s+of\b", re.I)


_DEICTIC = re.compile(r"\b(?:today|tonight|yesterday|tomorrow)\b(?![-'’\"”])", re.I)


def _deictic(text: str, m: re.Match[str]) -> bool:
    """Whether a "today", "yesterday" the model missed is a time. Capitalised, only as a sentence's first
    word before a lowercase one or a comma: not a paper or show ("USA Today", NBC's "Today", "The Tonight
    Show"); never after an article ("a tomorrow where …")."""
    if re.search(r"\b(?:a|the)\s+$", text[max(0, m.start() - 5) : m.start()], re.I):
        return False
    if m[0].islower():
        return True
    return (
        _opens_sentence(text, m.start())
        and m[0][1:].islower()
        and re.match(r",|\s+[a-z]", text[m.end() : m.end() + 2]) is not None
    )


_WEEKDAY = re.compile(rf"(?<![-'’\w])(?:{'|'.join(calendar.day_name)})(?![-'’\w])")


def _weekday(text: str, m: re.Match[str]) -> bool:
    """Whether a weekday the model missed is a day: written as a name, not after or before another
    capitalised word ("Super Tuesday" is tagged by the model when it is a day; "Sunday Times" is not)."""
    w = m[0]
    if not (w[:1].isupper() and w[1:].islower()):
        return False
    word = re.search(r"\b[A-Z][\w’']*\s+$", text[max(0, m.start() - 20) : m.start()])
    if word and not _opens_sentence(text, m.start() - len(word[0])):
        return False  # after a capitalised word that does not open the sentence: a name
    return re.match(r"\s+[A-Z]", text[m.end() : m.end() + 2]) is None


# Reporting shorthand, in capitals: "Q3", "Q3 2024", "3Q24", "H1 2025", "FY2024", "FY 24"
_SHORTHAND = re.compile(
    r"\b(?:(?:Q[1-4]|[1-4]Q)(?:\s*(?:of\s+)?(?:(?:19|20)\d\d|'\d\d)|\d\d)?|"
    r"(?:H[12]|[12]H|FY)\s*(?:(?:19|20)\d\d|'?\d\d))\b(?![-/])"
)
_SHORTHAND_BEFORE = re.compile(r"\b(?:Q[1-4]|[1-4]Q|H[12]|[12]H|FY)\s*(?:of\s+)?$")
_RANGE_WORD = re.compile(r"\b(?:to|through|until|and)\b|[-–]")
_BEFORE_DAY = re.compile(
    r"(?:(?P<each>\b(?:each|every)\s+)|\b(?:\d{1,2}(?::\d\d)?\s*[ap]\.m\.(?:\s+[ECMP][SD]T)?|noon|midnight|"
    rf"{_PART_OF_DAY}|midday),?\s+)$",  # right before the day: searched up to it
    re.I,
)
_AFTER_DAY = re.compile(r"\s+(?:night|morning|evening|afternoon)s?\b", re.I)
_FROM_NOW = re.compile(r"\s+from\s+(?:now|today)\b", re.I)
_WD_BEFORE_DATE = re.compile(rf"\b(?:{_WD_RE}),?\s+$", re.I)
_PERIOD_ENDED = re.compile(r"\s+(?:that\s+)?(?:ended|ending|ends|to|through|beginning|starting)\b", re.I)
# "the 1988 period", "the year-ago quarter": the model stops before the noun.
_PERIOD_AFTER = re.compile(r"\s+(?:(?:first|second|third|fourth)\s+)?(?:period|quarter)\b", re.I)


_WAIT_BEFORE = re.compile(
    r"\b(?:wait|hold\s+on|hang\s+on|just|(?:believe|think|imagine|doubt|suppose)\s+(?:it\s+)?for)\s+$", re.I
)
_VERB_LAST_BEFORE = re.compile(
    r"\b(?:would|will|to|could|may|might|can|should|must|'ll|’ll|n't|n’t|not)\s+$", re.I
)
_LAST_BEFORE_UNIT = re.compile(
    r"last\s+(?=[\w.,]+[\s-]+(?:more\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)\b)", re.I
)


# A count that dates "N units earlier": "a year earlier", "two weeks earlier", "18 months earlier", "the year
# earlier"
_COUNTED_EARLIER = rf"an?|one|the|\d[\d,.]*|{WORD_NUM_RE}"


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Cut a candidate span to TimeML's extent (see the module docstring)."""
    while True:
        piece = text[s:e]
        if _KEEP_EARLIER.match(piece):
            break
        m = _LEAD_DROP.match(piece) or _THE_DROP.match(piece) or _ART_DROP.match(piece)
        if not m or m.end() >= len(piece):
            break
        s += m.end()
    m = _LAST_BEFORE_UNIT.match(piece)
    if m and _VERB_LAST_BEFORE.search(text, max(0, s - 12), s):
        s += m.end()  # "would last four years": the verb, not "the last four years"
        piece = text[s:e]
    m = re.search(r"\.?(?:https?://|pic\.twitter\.com|www\.)", piece)
    if m and m.start() > 0:
        e = s + m.start()  # a scraped tweet runs a date into its link: "September 30th.https://t.co/…"
        piece = text[s:e]
    m = _TRAIL_DROP.search(piece)
    if m and re.search(r"\d0['’]s$", piece):
        m = None  # "the 1980's", "the 90’s": a decade, not a possessive
    if m and m.start() > 0:
        keep_dot = (
            piece[m.start() :].strip() == "."
            and re.search(r"\b[ap]\.m$", piece[: m.start()], re.I)
            and not re.match(r"\s+[A-Z]|\s*$", text[e : e + 3])
        )
        if not keep_dot:
            e = s + m.start()
    m = re.search(rf"\b(?:{_UNITS_RE})s(\s+(?!(?:1[5-9]|20)\d\d$)\d[\d,]*)$", text[s:e], re.I)
    if m:
        # "declassify in the next few weeks 28 pages": the number counts the pages ("fiscal years 2010" keeps
        # its year)
        e = s + m.start(1)
    m = re.search(r"\s+(?:later|earlier)$", text[s:e], re.I)
    if m and (
        m[0].strip().lower() == "later"
        or not re.search(rf"\b(?:{_COUNTED_EARLIER})\s+(?:{_UNITS_RE})s?\s+earlier$", text[s:e], re.I)
    ):
        # "three days later" is the duration "three days"; "a year earlier" stays whole; "a few hours
        # earlier", "days earlier" count no date, so the duration, as TimeBank tags "several months" before
        e = s + m.start()
    return s, e


def _pieces(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split "between 1994 and 1997", "1991 to 1997", "the six months ended Oct. 1" into their parts,
    when every part is a time expression on its own."""
    piece = text[s:e]
    cuts = [m for m in _SPLIT.finditer(piece)]
    if not cuts or _DAY_RUN.fullmatch(piece):
        return [(s, e)]  # "Oct. 3 to 5" is one run of days
    out: list[tuple[int, int]] = []
    pos = 0
    for m in cuts:
        out.append((s + pos, s + m.start()))
        pos = m.end()
    out.append((s + pos, e))
    parts = [_trim(text, a, b) for a, b in out if b > a]
    parts = [(a, b) for a, b in parts if b > a]
    ok = all(normalise(text[a:b], dt.date(2000, 6, 15)) is not None or text[a:b].isdigit() for a, b in parts)
    return parts if ok and len(parts) > 1 else [(s, e)]


_NTH_WEEKDAY = re.compile(
    rf"\b(?:the\s+)?(?:first|second|third|fourth|last)\s+(?:{_WD_RE})\s+(?:in|of)\s+(?:{_MON_RE})\b\.?"
    r"(?:,?\s+\d{4}\b)?",
    re.I,
)
_SAME_BEFORE = re.compile(r"\b(?:the\s+)?same\s+(?:month|quarter|period)\s+$", re.I)
_YEAR_BEFORE_WORDS = re.compile(_A_YEAR_BEFORE_RE, re.I)
_NARROWED_BEFORE = re.compile(rf"\b{_NARROWED_RE}$", re.I)
_HOW_OFTEN_BEFORE = re.compile(rf"\b{_HOW_OFTEN_RE}\s+$", re.I)
_OF_YEAR = re.compile(r"\s+of\s+(?:that|this|last|next)\s+year\b", re.I)
_WITHIN = re.compile(r"\bwithin\s+$", re.I)
_TO_YEAR = re.compile(r"\s*(?:-|–|to|through|until)\s*((?:1[89]|20)\d\d)\b(?!['’]?s\b|\s*(?:%|percent))")
_DAY_BEFORE = re.compile(r"\bthe\s+day\s+(?:before|after)(?=\s*[,.;:!?)])", re.I)


# What a part of a candidate must hold to stand for the whole: a date, a day or a clock time, not a bare
# duration ("the early days" is no "days").
_DATED = re.compile(
    rf"\b(?:{_WD_RE}|{_MON_RE}|yesterday|today|tonight|tomorrow|ago|(?:1[5-9]|20)\d\d|"
    r"(?:last|next|this|past|coming)\s+(?:week|month|year|weekend|quarter|summer|spring|fall|autumn|winter|"
    r"morning|afternoon|evening|night)|\d{1,2}(?::\d\d)?\s*[ap]\.?m\b|o['’]clock|christmas|thanksgiving|"
    rf"election\s+day|easter|{_FESTIVAL_RE})\b",
    re.I,
)
_PROBE_DATE = dt.date(2000, 6, 15)
# Words that make the rest of a candidate part of the same time expression ("Easter week", "last year's
# quarter", "this coming Sunday, March eighth"), unlike "the convention" in "the convention Monday".
_TIMEISH = re.compile(
    rf"\b(?:{_WD_RE}|{_MON_RE}|week|weekend|month|quarter|year|day|night|morning|afternoon|evening|"
    r"hour|minute|season|spring|summer|fall|autumn|winter|\d+|first|second|third|fourth|fifth|"
    r"\w+(?:th|st|nd|rd))\b",
    re.I,
)
_GLUE = frozenset("the a an of in 's this that coming past".split())
# A word of time: a candidate the normaliser gives no value is kept only with one ("the closing days",
# "late afternoon", "a recent afternoon"); the model also tags ordinals, counts, heights and names
_TIME_WORD = re.compile(
    rf"\b(?:{_WD_RE}|{_MON_RE}|{_HOLIDAY_RE}|(?:1[5-9]|20)\d\d(?:['’]?s)?|\d0['’]?s|\d+:\d\d|(?<!\d)\d{{1,2}}\s*[ap]\.?m\b|"
    r"(?:mid-?)?(?:seconds?|minutes?|hours?|hourly|days?|daily|nights?|nightly|mornings?|evenings?|afternoons?|"
    r"weeks?|weekly|weekends?|weekdays?|fortnights?|months?|monthly|years?|yearly|annual(?:ly)?|decades?|"
    r"centur(?:y|ies)|millenni(?:um|a)|seasons?|spring|summer|fall|autumn|winter|quarters?|halves|eras?|"
    r"ages?|periods?|times?|moments?|dawn|dusk|noon|midnight|midday|today|tonight|tomorrow|yesterday|now|"
    r"then|once|soon|recent(?:ly)?|current(?:ly)?|future|past|present|holidays?|eve|anniversary))\b",
    re.I,
)
# A candidate that joins two expressions ("the years 2010 to 2013", "a week or a month ago") is not cut
# down to one of them.
_JOINED = re.compile(r"\s(?:to|or|and|through|until|-|–)\s", re.I)


@functools.lru_cache(maxsize=4096)
def _known(text: str) -> bool:
    """Whether a piece is a time expression the normaliser reads (its value may still hang on context)."""
    return normalise(text, _PROBE_DATE) is not None


_ORDER_BEFORE = re.compile(r"\b(?:the|first|second|third|fourth|last|next|same|very)\s*$", re.I)
# What may stand between a week and a day of it: "Last week, in fact, on Tuesday", "next week on Friday".
_IN_THAT_WEEK = re.compile(r"[\s,]*(?:(?:in fact|that is|specifically|namely)[\s,]+)?(?:on\s+)?", re.I)
# A number that names: "HB 1523", "H.R. 3762", "Flight 1549", "Route 1776".
_NUMBERED_BEFORE = re.compile(
    r"\b(?:H\.?B|S\.?B|H\.?R|S|A\.?B|Bill|No|Nos|Number|Resolution|Rule|Section|Route|Highway|Flight|Room|"
    r"Suite|Box|Precinct|District|Local|Amendment|Article|Chapter)\.?\s*$"
)
# A model's letters before its number: "the RTX 2060" (not "FY 2024", "AD 1066", a year)
_MODEL_CODE_BEFORE = re.compile(r"\b(?!(?:FY|AD|BC|BCE|CE|CY|SY|AY)\s)[A-Z]{2,4}\s+$")
# A street after a number: "1909 Jolinda Drive", "1845 N. Oak Ave.", "2015 Main Street"
_STREET_AFTER = re.compile(
    r"\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+\s+){1,3}(?:Drive|Dr|Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Boulevard|Blvd|"
    r"Court|Ct|Way|Place|Pl|Circle|Parkway|Pkwy|Highway|Hwy|Terrace|Trail|Pike)\b"
)
_YEAR_PREP_BEFORE = re.compile(r"\b(?:in|since|by|until|during|before|after|from|through)\s+$", re.I)
# The attacks of 11 September 2001, named by their date: "9/11", "the Sept. 11 attacks", "9/11 hijackers"
_NINE_ELEVEN = re.compile(r"(?:post-|pre-)?(?:9/11|sept(?:ember|\.)?\s+11(?:th)?)", re.I)


def names_an_event(text: str) -> bool:
    """Whether a time expression is the name of an event as much as a date: "9/11", "Sept. 11"."""
    return _NINE_ELEVEN.fullmatch(text.strip()) is not None


_ATTACK_AFTER = re.compile(
    r"\s+(?:terror(?:ist)?\s+)?(?:attacks?|terror(?:ism|ists?)?|hijack(?:ers|ings?)|commission|conspirac(?:y|ies)|"
    r"plot(?:ters)?|truthers?|victims?|families|widows|responders|mastermind|suspects?|massacres?|atrocities|"
    r"assault|onslaught|incursion|bombings?|riots?|rioters|insurrection(?:ists)?|committee|panel|mob)\b",
    re.I,
)
# Days that name an event by its date, in a piece written after it: the date, the day, and whether the date
# names the event only before a word of it (``_ATTACK_AFTER``: "the Jan. 6 committee", "the October 7
# massacre"; a bare "Jan. 6" is a day of the article's year). "9/11" and "26/11" (Mumbai, 2008) always.
_EVENT_DAYS = (
    (_NINE_ELEVEN, dt.date(2001, 9, 11), "9/11"),
    (re.compile(r"26/11"), dt.date(2008, 11, 26), "26/11"),
    (re.compile(r"7/7"), dt.date(2005, 7, 7), None),  # London, 2005
    (re.compile(r"jan(?:uary|\.)?\s+6(?:th)?|6(?:th)?\s+(?:of\s+)?january", re.I), dt.date(2021, 1, 6), None),
    (
        re.compile(r"oct(?:ober|\.)?\s+7(?:th)?|7(?:th)?\s+(?:of\s+)?october", re.I),
        dt.date(2023, 10, 7),
        None,
    ),
)


def _event_day(text: str, piece: str, e: int, anchor: dt.date | None) -> dt.date | None:
    """The day of the event ``piece`` names by its date (see ``_EVENT_DAYS``), or None."""
    for pattern, day, always in _EVENT_DAYS:
        if not pattern.fullmatch(piece.strip()) or (anchor is not None and anchor <= day):
            continue
        if (always and (piece[0].isdigit() or always in piece)) or _ATTACK_AFTER.match(text, e):
            return day
    return None


_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)

_ERA_BEFORE = re.compile(
    r"(?:\bof\s+|\ban?\s+(?:better|brighter|new|different|safer|greener|fairer|bright|better,\s+\w+)\s+)$",
    re.I,
)
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|may|might|can|shall|must)\s+$|['’]ll\s+$", re.I)


def _salvage(text: str, s: int, e: int) -> tuple[int, int]:
    """The time expression inside a candidate the model ran into its neighbours ("the convention Monday",
    "Rubio a year ago", "Last week Stumpf", "Tuesday - seven"): its longest first or last words that
    name a date, a day or a clock time (the first words on a tie). The candidate unchanged when none do."""
    words = list(re.finditer(r"\S+", text[s:e]))
    best: tuple[int, int, int] | None = None  # (words kept, start, end)
    for k in range(len(words) - 1, 0, -1):
        for a, b in ((s, s + words[k - 1].end()), (s + words[len(words) - k].start(), e)):
            a, b = _trim(text, a, b)
            piece = text[a:b]
            if b <= a or piece.lower() in _NOT_TIMES or not _DATED.search(piece):
                continue
            if a > s and _ORDER_BEFORE.search(text[s:a]):
                continue  # "the last Friday in August" is no "last Friday", "the first Tuesday with voting"
            if re.fullmatch(r"[\d,.]+", piece) and not re.fullmatch(r"1[5-9]\d\d|20\d\d", piece):
                continue
            if _known(piece):
                best = (k, a, b)
                break
        if best:
            break
    if not best:
        return s, e
    a, b = best[1], best[2]
    after = _AFTER_DAY.match(text, b)
    if after and b == e and re.fullmatch(rf"(?:{_WD_RE}|yesterday|today|tomorrow)", text[a:b], re.I):
        b = after.end()  # "the convention Monday" + "night"
    return a, b


_LEAD_CLAUSE = re.compile(r"[^,\d]*,\s*(?=\S)")  # the words before a comma, with no figure among them


def _candidates(doc: Doc, text: str) -> list[tuple[int, int, str]]:
    """Character spans (start, end, label) of time expressions, before trimming: the model's DATE and TIME
    entities, then what it misses in the gaps (``text`` is the Doc's text)."""
    spans: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            # an entity the model ran over a line break ("3 p.m.", then a live blog's "2:15 p.m." below) or
            # into a bracket ("the first nine months of the current fiscal year (March 20-Dec. 21") is one
            # candidate per line or bracket
            for m in re.finditer(r"[^\s()](?:[^\n()]*[^\s()])?", text[ent.start_char : ent.end_char]):
                a, b = ent.start_char + m.start(), ent.start_char + m.end()
                lead = _LEAD_CLAUSE.match(text, a, b)
                if lead and not _TIME_WORD.search(lead[0]):
                    a = lead.end()  # "21 percent less, year-on-year": the part after the comma
                toks = doc.char_span(a, b, alignment_mode="expand")
                if (
                    toks is not None
                    and len(toks) > 2
                    and toks[0].pos_ == "PROPN"
                    and toks[1].pos_ in ("DET", "NUM")
                    and not _TIME_WORD.match(toks[0].text)
                ):
                    a = toks[1].idx  # "took a job at Uber a few months before": the name is not the time's
                spans.append((a, b, ent.label_))
    taken = sorted(spans)

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y, _ in taken)

    for m in itertools.chain(
        _EXTRA.finditer(text),
        (m for m in _DEICTIC.finditer(text) if _deictic(text, m)),
        (m for m in _WEEKDAY.finditer(text) if _weekday(text, m)),
        _SHORTHAND.finditer(text),
    ):
        if free(m.start(), m.end()):
            spans.append((m.start(), m.end(), "DATE"))
    for pattern in _BACKSTOP:
        for m in pattern.finditer(text):
            a, b = m.span("t")
            if not _backstop(doc, m):
                continue
            past = [(c0, c1, lab) for c0, c1, lab in taken if c0 < b and a < c1 and (c0 < a or c1 > b)]
            if past:
                # a model span reaching past it stands, unless it ends with it: "Election Day later this week"
                # is cut in two, and "Eat 60–90 minutes", "the election seven months" (a verb or a noun before
                # it, no word of time, and no value as a whole) cut to the time; not "his first 100 days",
                # "a long eight months", "40 or 50 years ago"
                c0, c1, lab = past[0]
                if len(past) == 1 and c1 == b and c0 < a and (c0, c1, lab) in spans:
                    head = doc.char_span(c0, a, alignment_mode="expand")
                    if (
                        m.groupdict().get("counted") is not None
                        and not _TIME_WORD.search(text, c0, a)
                        and not _PART_OF.search(text, c0, a)
                        and normalise(text[c0:c1], _PROBE_DATE) is None
                        and head is not None
                        and any(
                            t.pos_ in ("VERB", "NOUN", "PROPN", "PRON") and t.tag_ != "PRP$" for t in head
                        )
                    ):
                        spans[spans.index((c0, c1, lab))] = (a, b, lab)
                    elif m.groupdict().get("side"):
                        spans.remove((c0, c1, lab))
                        spans += [(c0, c0 + len(text[c0:a].rstrip()), lab), (a, b, lab)]
                continue
            spans.append((a, b, "DATE"))  # what the model tagged inside it widens to the whole below
    # What the model cuts short: "each Thursday", "9 a.m. Tuesday", "noon Saturday", "Friday night".
    out = []
    ends = {a: b for a, b, _ in spans}
    for s, e, label in sorted(spans):
        piece = text[s:e]
        of = re.match(r"\s+of\s+", text[e : e + 8])
        if not of and re.search(r"\s+of$", piece):
            of = re.match(r"\s*", text[e : e + 4])  # the model took the "of" in: "the early hours of"
            piece = re.sub(r"\s+of$", "", piece)
        if of and e + of.end() in ends and re.fullmatch(rf"(?:the\s+)?{_HOURS_RE}", piece, re.I):
            e = ends[e + of.end()]  # "the early hours" + "of" + "Friday": one expression, trimmed to "Friday"
        if re.fullmatch(r"(?:day|week|month|year|decade)", piece, re.I):
            long = re.match(r"-?long\b", text[e : e + 5], re.I)
            art = re.search(r"\ban?\s+$", text[max(0, s - 3) : s], re.I)
            if long:
                e += len(long[0])  # "a decade" + "-long silence"
            elif art and re.match(r"['’]s\b", text[e : e + 3]):
                s -= len(art[0])  # "a" + "decade" + "'s struggle": a decade
        if re.fullmatch(rf"{HHMM_RE}|\d{{1,2}}:\d\d", piece) and text[s - 1 : s] != "(":
            zone = re.match(_ZONE_RE + r"\b", text[e : e + 20], re.I)
            if zone:
                e += zone.end()  # "1400" (a year to the model) + "Kyiv time"
        day_like = re.fullmatch(rf"(?:(?:early|late)\s+)?(?:{_WD_RE}|yesterday|today|tomorrow)", piece, re.I)
        date_like = re.fullmatch(rf"(?:{_MON_RE})\.?\s+\d{{1,2}}(?:,\s+\d{{4}})?", piece, re.I)
        if re.fullmatch(rf"(?:{_MON_RE})\.?(?:\s+\d{{4}})?", piece, re.I):
            # "3rd October": the model tags the day ORDINAL and only the month DATE; "3-5 October": the run
            # of days is left out
            nth = re.search(
                r"\b(?:\d{1,2}(?:st|nd|rd|th)\s+(?:of\s+)?|\d{1,2}\s*[-–]\s*\d{1,2}\s+)$",
                text[max(0, s - 12) : s],
            )
            if nth:
                s -= len(text[max(0, s - 12) : s]) - nth.start()
        to_day = (
            _TO_DAY.match(text, e) if re.fullmatch(rf"(?:{_MON_RE})\.?\s+\d{{1,2}}", piece, re.I) else None
        )
        if to_day and int(piece.split()[-1]) < int(to_day[1]) <= 31:
            e = to_day.end()  # "from Oct. 3 to 5": one run of days, as "Oct. 3-5" is
        if re.match(rf"(?:{_MON_RE})\.?\s+\d", piece, re.I):
            wd = _WD_BEFORE_DATE.search(text, max(0, s - 12), s)
            if wd and wd.end() == s:
                s = wd.start()  # "Friday, Oct. 23"
        if re.fullmatch(r"(?:19|20)\d\d", piece):
            short = _SHORTHAND_BEFORE.search(text, max(0, s - 9), s)
            if short:
                s = short.start()  # "Q3" + "2024": the model tags the year alone
            later = _TO_YEAR.match(text, e)
            if later and int(piece) < int(later[1]):
                e = later.end()  # "from 2010" + "to 2013": the model tags the first year alone
        if re.fullmatch(r"(?:the\s+)?(?:\d{4}|year-ago|year-earlier)", piece, re.I):
            per = _PERIOD_AFTER.match(text, e)
            if per:
                e = per.end()
                if re.search(r"\bthe\s+$", text[max(0, s - 4) : s], re.I):
                    s -= len(text[max(0, s - 4) : s]) - text[max(0, s - 4) : s].lower().rindex("the")
        before = _BEFORE_DAY.search(text, max(0, s - 30), s)
        if (
            before
            and before.end() == s
            and (day_like or before["each"] or (date_like and before[0][0].isdigit()))
            and not any(  # not the end of a range: "10 a.m. to 5 p.m." + "Monday through Friday"
                a < before.start() < b and _RANGE_WORD.search(text, a, before.start()) for a, b, _ in spans
            )
        ):
            s = before.start()
        which = re.search(r"\b(?:this|last|next)\s+$", text[max(0, s - 6) : s], re.I)
        if which and re.fullmatch(r"(?:spring|summer|fall|autumn|winter)", piece, re.I):
            s -= len(which[0])  # "at this summer's convention": the model tags the season alone
        shop = re.search(r"\b(?:[Bb]lack|[Cc]yber|Super|Orthodox)\s+$", text[max(0, s - 10) : s])
        if shop and f"{shop[0].strip()} {piece}".lower() in (
            "black friday", "cyber monday", "super tuesday", "orthodox christmas", "orthodox easter"
        ):  # fmt: skip
            s -= len(shop[0])  # "Black Friday", "Orthodox Christmas": the model tags the day alone
            day_like = None
        same = _SAME_BEFORE.search(text, max(0, s - 20), s)
        if same and _YEAR_BEFORE_WORDS.fullmatch(piece):
            s = same.start()  # "the same month" + "last year": the model tags "last year" alone
        narrowed = _NARROWED_BEFORE.search(text, max(0, s - 12), s)
        if narrowed and re.match(r"(?:early|mid|late)\b", piece, re.I):
            s = narrowed.start()  # "early to" + "mid-April": one span of the month
        how_often = _HOW_OFTEN_BEFORE.search(text, max(0, s - 24), s)
        if how_often and re.fullmatch(rf"(?:a|an|per|every|each)\s+(?:{_UNITS_RE})", piece, re.I):
            s = how_often.start()  # "twice" + "a year", "three times" + "a week": how often, not how long
        after = _AFTER_DAY.match(text, e)
        if after and day_like:
            e = after.end()
        if (
            re.fullmatch(r"(?:(?:the\s+)?(?:early|late|mid)[\s-]+)?(?:19|20)?[1-9]0", piece)
            and text[e : e + 2] in ("'s", "’s")
            and (len(piece) < 4 or re.search(r"\bthe\s+$", text[max(0, s - 5) : s], re.I))
        ):
            e += 2  # "the 80" + "'s", "the 1980" + "’s": a decade cut before its "'s"; not "1990's budget"
        weekend = re.match(r"\s+weekend\b", text[e : e + 9], re.I)
        if weekend and re.fullmatch(rf"(?:the\s+)?(?:{_HOLIDAY_RE})", piece, re.I):
            e += weekend.end()  # "the Labor Day" + "weekend"
        of_year = _OF_YEAR.match(text, e)
        if of_year and re.search(rf"\b(?:{_MON_RE})\.?(?:\s+\d{{1,2}})?$", piece, re.I):
            e = of_year.end()  # "early June" + "of that year"
        ahead = _FROM_NOW.match(text, e)
        if (
            ahead
            and re.search(rf"\b(?:{_UNITS_RE})s?$", piece, re.I)
            and not re.match(r"every|each", piece, re.I)
        ):
            e = ahead.end()  # "three days" + "from now" (the model tags "now" alone)
        out.append((s, e, label))
    # "The day before," that the model tagged "The day": the whole phrase replaces it.
    # "the last Friday" + "in" + "August": one day, which replaces the parts
    for m in itertools.chain(_DAY_BEFORE.finditer(text), _NTH_WEEKDAY.finditer(text)):
        if all(b <= m.start() or a >= m.end() or (m.start() <= a and b <= m.end()) for a, b, _ in taken):
            out.append((m.start(), m.end(), "DATE"))
    # A span widened over a neighbour ("noon" + "Thursday") replaces it; two that overlap are one ("nearly
    # 2 a.m." + "2 a.m. Friday": "nearly 2 a.m. Friday"). The same span found twice keeps TIME, as two that
    # overlap do (the model's "238.75 hours" TIME and the backstop's DATE; set order had chosen by chance).
    kept: list[tuple[int, int, str]] = []
    for x in sorted(set(out), key=lambda x: (x[0], -x[1], x[2] != "TIME")):
        if not kept or x[0] >= kept[-1][1]:
            kept.append(x)
        elif x[1] > kept[-1][1]:
            a, _, label = kept[-1]
            kept[-1] = (a, x[1], "TIME" if "TIME" in (label, x[2]) else label)
    return kept


# "this", "last", "next" before a month, a weekday or a season the model tagged alone
_LEAD_LEFT_OUT = re.compile(r"\b(?:this|last|next)\s+$", re.I)
_NAMED_PERIOD = re.compile(rf"(?:{_MON_RE}|{_WD_RE}|spring|summer|fall|autumn|winter)", re.I)


_DAY_RUN = re.compile(_DAY_RUN_RE, re.I)
# The last day of a run after a day of a month: "Oct. 3" + " to 5" (not "to 5 p.m.", "to 5%", "to 5,000")
_TO_DAY = re.compile(
    r"\s+(?:to|through|until)\s+(\d{1,2})\b(?![,.:]?\d|\s*(?:[ap]\.?m\b|%|percent|per\s+cent))", re.I
)
# A year right after a holiday or a day of a month, which gives its year: "on Yom Kippur in 1973"
_IN_YEAR_AFTER = re.compile(r",?\s+(?:in|of)\s+((?:1[89]|20)\d\d)\b(?!['’]?s|\s*(?:-|–|to|through|and)\s*\d)")
_MONTH_DAY = re.compile(rf"(?:{_MON_RE})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?", re.I)
# A month or season joined to a second one that carries the year: "March and April of 2014", "June to
# August 2013", "the late spring or early summer of 2017"
_MONTH_OR_SEASON = re.compile(
    rf"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:(?:{_MON_RE})\.?|{_SEASON_RE})", re.I
)
_SEASON_WORD = re.compile(rf"\b{_SEASON_RE}\b", re.I)
_YEAR_SHARED_AFTER = re.compile(
    rf"\s*,?\s*(?P<join>and|or|to|through|until|into|[-–])\s*(?:(?:early|late|mid)[\s-]+)?(?:the\s+)?"
    rf"(?P<second>(?:{_MON_RE})\b\.?|{_SEASON_RE}\b)(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?\s+(?:of\s+)?"
    r"(?P<y>(?:1[89]|20)\d\d)\b(?!['’]?s|\s*(?:-|–|to|through|and)\s*\d)",
    re.I,
)


def _month_number(words: str) -> int | None:
    """The month a month's name (with "early", "late", a day after it) names: "late march" 3; else None."""
    m = re.search(rf"\b({_MON_RE})\b", words, re.I)
    return _MONTHS[m[1].lower()] if m else None


# What follows a holiday's name when it names a thing, not a day: "Christmas trees", "a Christmas present"
_HOLIDAY_THING = re.compile(
    r"\s+(?:trees?|cards?|carols?|ornaments?|decorations?|lights|stockings?|gifts?|presents?|wreaths?|cookies|"
    r"turkeys?|eggs?|bunny|candy|costumes?|sweaters?|lamps?|lanterns?|sweets|envelopes?|dumplings?|"
    r"part(?:y|ies))\b",  # "the San Bernardino Christmas party slaughter", on Dec. 2
    re.I,
)
# "the following day", "that same night", which a sentence of what usually happens does not date
_DAY_AFTER_ONE_NAMED = re.compile(_DAY_AFTER_ONE_NAMED_RE)
# "that day", "later that night": the day named at most this many characters before, or no time at all
_THAT_DAY = re.compile(_THAT_DAY_RE)
_THAT_DAY_REACH = 400
# A season right before another, in a pair: "the spring and " + "summer"
_SEASON_PAIR_BEFORE = re.compile(rf"\b(?:the\s+)?{_SEASON_PAIR_RE}$", re.I)
_HABITUAL = re.compile(
    r"\b(?:usually|often|typically|generally|normally|routinely|always|sometimes|tend\s+to)\b", re.I
)
# What makes "the next year" a stretch from the moment of writing: "over the next year", "within …"
_STRETCH_BEFORE = re.compile(r"\b(?:over|within|during|throughout|for)\s+$", re.I)
# A clock time alone on its line, as a live blog stamps its entries: "4:43 p.m.", "12:15 p.m.:", "9 a.m. EDT"
_TIMESTAMP_LINE = re.compile(r"[ \t]*\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?(?:\s+[ECMP][SD]T)?\s*[:.]?[ \t]*", re.I)


# "the last day of school", "the first week of the trial": the day or week of something, no stretch
_FIRST_OF = re.compile(
    r"(?:(?:the|its|his|her|their)\s+(?:very\s+)?(?:first|last|final|opening|closing)|first|final|opening|closing|"
    r"last(?=\s+day))\s+(?:day|night|week|month|year)"  # not "last week", a date even before "of"
)
_OF_A_THING = re.compile(r"\s+of\b")
_TOLD_AFTER = re.compile(r"\s+(?:when|where)\b")  # "a day when …": the sentence goes on to tell which
_ONE_DAY = re.compile(r"one\s+(?:day|night|morning|afternoon|evening)")
# A weekday after "one", "a" or "some": any such day ("One Sunday in late 2001", "on a Monday morning")
_SOME_WEEKDAY = re.compile(rf"(?:{_WD_RE})(?:\s+(?:morning|afternoon|evening|night))?", re.I)
_ONE_BEFORE = re.compile(r"\b(one|a|some)\s+$", re.I)
_NO_NOUN_AFTER = re.compile(r"\s*(?:[,.;:!?)–—]|(?:in|of|at|when|that|before|after)\b|$)", re.I)
_IN_A_TIME = re.compile(
    rf"\s+(?:(?:in|during)\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:\d{{4}}|['’]?\d0['’]?s|(?:{_MON_RE})\b)|"
    rf"(?:last|this)\s+(?:week|month|year|{_SEASON_RE})\b)",
    re.I,
)
# "the evening of June 7", "the night of Friday, Oct. 23": a part of the day before the date it is of
_PART_OF_A_DATE = re.compile(r"(?:the\s+)?(?:(?:early|late)\s+)?(?:morning|afternoon|evening|night)", re.I)
_OF_A_DATE = re.compile(rf"\s+of\s+(?:(?:{_MON_RE})\.?\s+\d|(?:{_WD_RE})\b|\d{{1,2}}\s+(?:{_MON_RE}))", re.I)


def _names_not_dates(text: str, s: int, e: int, anchor: dt.date | None) -> bool:
    """Whether the four-digit number at ``text[s:e]`` names a thing rather than a year."""
    if _NUMBERED_BEFORE.search(text, max(0, s - 14), s):
        return True  # "HB 1523", "Flight 1549"
    if _MODEL_CODE_BEFORE.search(text, max(0, s - 8), s) and (
        anchor is None or not 1900 <= int(text[s:e]) <= anchor.year + 15
    ):
        return True  # "the RTX 2060", "a GTX 1660": a year far ahead or long past; "CES 2020" stays a year
    # "of 1909 Jolinda Drive", "at 1935 Orchard St.": a house number ("In 2015 Main …" is a year)
    return bool(_STREET_AFTER.match(text, e)) and not _YEAR_PREP_BEFORE.search(text, max(0, s - 12), s)


def _line_end(text: str, e: int) -> int:
    """Where the line holding position ``e`` ends."""
    end = text.find("\n", e)
    return len(text) if end < 0 else end


_MONTH_NAMED = re.compile(rf"\b(?:{_MON_RE})\b", re.I)  # a month's name, also cut short ("Sept.")


def _clause_verb(tok: Token) -> Token | None:
    """The verb of the clause a token sits in (see _verb_tense), or None when none is found."""
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and not (tok.tag_ == "VBG" and tok.dep_ == "prep"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _scene(span: Span, year: int) -> tuple[Token, int] | None:
    """The verb of a clause a year sets the scene of ("In 2008, Obama's campaign began …", "in 2012, the
    campaign spent …"): a bare year after "in", "during" or "throughout" that hangs on a verb. Not a year
    that describes a noun ("his 2008 campaign"), nor one in a noun phrase."""
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("in", "during", "throughout") or prep.head.i == prep.i:
        return None
    verb = prep.head
    return (verb, year) if verb.pos_ in ("VERB", "AUX") else None


def _in_the_scene(span: Span, verb: Token) -> bool:
    """Whether a month or date sits in the clause of ``verb`` (see _scene), or in an infinitive or participle
    that completes it or hangs on it ("began airing Spanish-language ads in mid-September", "spent millions
    on ads beginning in April"); not in a clause joined to it
    ("was extradited in 2014 … and pleaded guilty in May") nor in one below it."""
    if span.sent.start != verb.sent.start:
        return False
    tok = _clause_verb(span.root)
    for _ in range(4):
        if tok is None or tok.i == verb.i or tok.head.i == tok.i:
            break
        if not (tok.dep_ == "xcomp" or (tok.tag_ in ("VBG", "VBN") and tok.dep_ in ("acl", "advcl"))):
            break
        tok = _clause_verb(tok.head)  # "spent millions on ads beginning in April"
    return tok is not None and tok.i == verb.i


# The words before a national day that name its country: "Ukraine's", "the Russian", "India's 78th"
_COUNTRY_WORDS_BEFORE = re.compile(
    r"((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)(?:['’]s)?\s+(?:(?:\d+(?:st|nd|rd|th)|annual)\s+)?$"
)
_ITS_BEFORE = re.compile(
    r"\b(?:its|their|the\s+country['’]s|the\s+nation['’]s)\s+(?:\d+(?:st|nd|rd|th)\s+)?$", re.I
)


def _country_before(doc: Doc, text: str, s: int, span: Span | None) -> str | None:
    """The country whose national day starts at ``s``: named right before it ("Ukraine's", "Russian",
    "India's 78th"), or, after "its" or "the country's", the last country named before in the sentence
    ("Ukraine marked its Independence Day"). ``span`` is the national day's."""
    from .gazetteer import gazetteer

    gz = gazetteer()
    m = _COUNTRY_WORDS_BEFORE.search(text, max(0, s - 60), s)
    if m:
        words = m[1].split()
        for k in range(len(words)):
            code = gz.country_code(" ".join(words[k:]))
            if code is not None:
                return code
    if _ITS_BEFORE.search(text, max(0, s - 30), s):
        sent_start = span.sent.start_char if span is not None else max(0, s - 300)
        for ent in reversed([e for e in doc.ents if sent_start <= e.start_char and e.end_char <= s]):
            code = gz.country_code(ent.text) if ent.label_ in ("GPE", "NORP") else None
            if code is not None:
                return code
    return None


_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d\d|\d\d)(?![\d/-]|\.\d)")


def _day_first(text: str) -> bool:
    """Whether an article writes numeric dates day first: more of them have a first figure that cannot be
    a month ("25/12/2023") than a second one ("12/25/2023")."""
    votes = 0
    for m in _NUMERIC_DATE.finditer(text):
        a, b = int(m[1]), int(m[3])
        votes += (a > 12 >= b) - (b > 12 >= a)
    return votes > 0


def extract_times(doc: Doc, anchor: dt.date | None) -> list[TimeExpr]:
    """Time expressions of a parsed article, normalised against ``anchor`` (the publication date)."""
    text = doc_text(doc)
    ctx = Context(day_first=_day_first(text))
    out: list[TimeExpr] = []
    week_named: tuple[dt.date, int] | None = None  # the Monday of the week last named, and where it ends
    # the verb of a clause a year sets the scene of ("In 2008, … began"), and that year
    scene: tuple[Token, int] | None = None
    for s0, e0, label in _candidates(doc, text):
        for s1, e1 in _pieces(text, s0, e0):
            s, e = _trim(text, s1, e1)
            if text.startswith("the Year", s) and text[max(0, s - 3) : s] == "of ":
                # "Woman of the Year", "Time's Person of the Year in 2006": an award's name, then the year
                award = re.match(r"the Year\s+(?:in|for)\s+(?=\S)", text[s:e])
                if award is None:
                    continue
                s += award.end()
            lead = _LEAD_LEFT_OUT.search(text, max(0, s - 8), s)
            if lead and _NAMED_PERIOD.fullmatch(text[s:e]):
                s = lead.start()  # "this November", where the model tagged "November" alone
            whole = None  # the extent, when only a part of it gives the value
            if " " in text[s:e].strip() and not _JOINED.search(text[s:e]) and not _known(text[s:e]):
                a, b = _salvage(text, s, e)
                rest = re.findall(r"[\w']+", (text[s:a] + " " + text[b:e]).replace("’", "'"))
                if rest and all(_TIMEISH.fullmatch(w) or w.lower() in _GLUE for w in rest):
                    whole = (s, e)  # "Easter week", "this coming Sunday, March eighth": one expression
                s, e = a, b
            piece = text[s:e]
            if not piece.strip() or _AGE.search(piece) or _age_or_heat(text, s, piece):
                continue
            if _in_a_name(text, s, piece):
                continue  # "The Daily Caller", "THE WEEKLY STANDARD", ABC's "This Week"
            if re.match(r"the-", piece, re.I) and text[s - 1 : s] == "-":
                continue  # "late-in-the-day turnout", "an end-of-the-year sale": part of a word, no time
            if re.fullmatch(r"(?:one|three)-quarter", piece, re.I):
                continue  # "a three-quarter stake", "by five-and-three-quarter lengths": a share
            low = piece.lower()
            if low == "eid" and _eid_in_a_name(text, s, e):
                continue  # "Mohammed Eid said": a name, not the festival
            if _SPELLED_DECADE.fullmatch(low) and not _THE_BEFORE.search(text, max(0, s - 5), s):
                continue  # "your hundreds, fifties and twenties" are bills; a decade is "the twenties"
            if piece.endswith("Future") and not _opens_sentence(text, s):
                continue  # "the Shaping the Future committee", "Back to the Future": a name
            if piece.endswith("Century") and re.match(r" [A-Z][a-z]", text[e : e + 3]):
                continue  # "21st Century Fox", "20th Century Studios": a name
            w0, w1 = whole or (s, e)
            if (
                text[w0:w1].endswith("March")
                and _MARCH_NAME.match(text, w1 - 5)
                and (w1 - w0 > 5 or re.search(r"\bthe\s+$", text[max(0, w0 - 4) : w0]))
            ):
                # "the March on Washington", "the 1963 March on Washington": a march, not the month
                s, e, whole = w0, w0 + len(text[w0 : w1 - 5].rstrip()), None
                piece = text[s:e]
                if not re.fullmatch(r"(?:19|20)\d\d", piece):
                    continue
            holiday_like = re.fullmatch(r"(?:christmas|easter|thanksgiving|halloween)", low) or _festival(low)
            if holiday_like and _HOLIDAY_THING.match(text, e):
                continue  # "retaliated against Christmas trees", "Diwali lamps": a thing, not a day
            idiom = piece.lower() == "the end of the day" and text[e : e + 1] == ","
            if idiom and _IDIOM_END_OF_DAY.search(text, max(0, s - 12), s):
                continue  # "At the end of the day, we need to …": in the end, not a time
            low = piece.lower()
            if re.fullmatch(r"\d+[- ](?:year|month|week|day)s?", piece, re.I) and re.match(
                r"\s+old\b", text[e:][:5]
            ):
                continue  # "1-year old Charlotte": an age
            if re.fullmatch(r"\d{4}", piece) and _names_not_dates(text, s, e, anchor):
                continue
            if low in ("a minute", "a second", "one second", "a sec") and _WAIT_BEFORE.search(
                text, max(0, s - 16), s
            ):
                continue  # "wait a minute", "hold on a second", "don't believe for a minute": an idiom
            if low == "a quarter" and re.match(
                r"\s+of\s+(?!(?:the|this|that|last|next)\s+(?:year|century)\b)", text[e:][:20]
            ):
                continue  # "a quarter of Kazakhstan's citizens": a share, not three months
            if (
                re.fullmatch(r"[\d,.]+", piece)
                and not re.fullmatch(r"1[5-9]\d\d|20\d\d", piece)
                and not _NUMERIC_DATE.fullmatch(piece)
            ):
                continue  # a bare number ("52") is not a time expression; a date with dots ("3.10.2024") is
            if re.fullmatch(r"\d{1,2}\s*[-–]\s*\d{1,2}", piece):
                continue  # a score ("defeated Bublik 7-5, 3-6")
            if (low in _NOT_TIMES and not _WITHIN.search(text, max(0, s - 7), s)) or re.search(
                r"%|\bper\s?cent\b", low
            ):
                continue  # the model tags some figures DATE ("between 10 and 15 percent"); not "within days"
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None and _names_a_paper(span):
                continue  # "the Trend weekly reported", "the Communist Party daily Granma"
            tense = _tense(span, text) if span is not None else "past"
            wd = _WEEKDAYS.get(re.sub(r"['’]s$", "", low))  # a bare weekday ("Friday", "Friday's")
            ctx.here = s
            ctx.sentence_at = span.sent.start_char if span is not None else None
            event_day = _event_day(text, piece, e, anchor)
            # a day's name, not a day the story moves to
            a_name = event_day is not None or low == "super tuesday"
            if _TIMESTAMP_LINE.fullmatch(text, text.rfind("\n", 0, s) + 1, _line_end(text, e)):
                # a live blog's timestamp ("4:43 p.m." on a line of its own): a time of the publication day,
                # not of the day an entry above named
                ctx.day = None
            before = dataclasses.replace(ctx)
            tx = normalise(piece, anchor, tense=tense, context=ctx)
            if (
                _THAT_DAY.fullmatch(low)
                and not (
                    tx is not None
                    and before.named_at is not None
                    and 0 <= s - before.named_at <= _THAT_DAY_REACH
                )
                and (
                    low == "that day"
                    or not any(
                        x.start_char <= s and e <= x.end_char and x.label_ in ("DATE", "TIME")
                        for x in doc.ents
                    )
                )
            ):
                # "trades made that day", "That night, I …" with no day named just before, which the model
                # left out (or tagged, for a bare "that day"): no time to date
                ctx = before
                continue
            if event_day is not None:
                # "9/11", "the Sept. 11 attacks", "the Jan. 6 committee": the event, a name more than a date
                tx = TimeExpr(0, 0, piece, event_day.isoformat(), "DATE", "day", event_day, event_day, True)
            if a_name:
                ctx = before  # the days and clock times after it still count from the days named before
            if low in ("one day", "someday", "some day") and _MODAL_BEFORE.search(text, max(0, s - 10), s):
                tx = TimeExpr(
                    0, 0, piece, "FUTURE_REF", "DATE", "none", None, None, True
                )  # "will one day be"
            if low in ("today", "tomorrow") and _ERA_BEFORE.search(text, max(0, s - 20), s):
                # "the problems of today", "the leaders of tomorrow", "a better tomorrow": the present or
                # the future at large, not a day
                ref = "PRESENT_REF" if low == "today" else "FUTURE_REF"
                tx = TimeExpr(0, 0, piece, ref, "DATE", "none", None, None, True)
            if tx is not None and span is not None and anchor is not None and _names_an_election(span):
                tx = _election_ahead(tx, anchor)
                if tx.earliest is not None and ctx.day is not None and ctx.day.year != tx.earliest.year:
                    ctx.day, ctx.month = tx.earliest, (tx.earliest.year, tx.earliest.month)
            if wd is not None and week_named and _IN_THAT_WEEK.fullmatch(text, week_named[1], s):
                # "Last week, in fact, on Tuesday": the Tuesday of that week
                d = week_named[0] + dt.timedelta(days=wd)
                tx = TimeExpr(0, 0, piece, d.isoformat(), "DATE", "day", d, d, True)
                ctx.day = d
            if tx is not None and tx.granularity == "week" and tx.earliest is not None:
                week_named = (tx.earliest, e)
            if re.fullmatch(r"the\s+(?:next|coming)\s+(?:year|month)", low) and _STRETCH_BEFORE.search(
                text, max(0, s - 12), s
            ):
                # "10,000 are expected over the next year", "sometime within the next month": a stretch from
                # the moment of writing, not the year after one the story named
                tx = _duration(low, piece)
            if (
                tx is not None
                and tx.value == "P1Y"
                and low == "the year"
                and not _PERIOD_ENDED.match(text, e)
            ):
                # "the deadliest day of the year", "a high for the year": the year the article is in;
                # "the year ended June 30" is a reporting period of a year
                tx = normalise("this year", anchor, tense=tense, context=ctx)
            if (
                tx is not None
                and span is not None
                and scene is not None
                and tx.granularity in ("month", "day")
                and _MONTH_NAMED.search(piece)
                and not re.search(r"\d{4}|'\d\d", piece)
                and _in_the_scene(span, scene[0])
            ):
                # "In 2008, Obama's campaign began airing ads in mid-September": that year's September
                tx = normalise(f"{piece} {scene[1]}", anchor, tense=tense, context=ctx) or tx
            if low in _NATIONAL_DAYS:
                code = _country_before(doc, text, s, span)
                if code is not None and code != "US":
                    # "Ukraine's Independence Day", "Russia's Victory Day parade": that country's day; none
                    # where the holidays package does not know it ("Nigeria's Independence Day"), not July 4
                    tx = normalise(f"{code.lower()}:{low}", anchor, tense=tense, context=ctx) or TimeExpr(
                        0, 0, piece, None, "DATE", "none", anchored=anchor is not None
                    )
            if (
                tx is not None
                and span is not None
                and _DAY_AFTER_ONE_NAMED.fullmatch(low)
                and _HABITUAL.search(span.sent.text)
            ):
                # "owners usually discover the damage the following morning": any morning after, no date
                tx = TimeExpr(0, 0, piece, None, tx.type, "none", anchored=anchor is not None)
            one = _ONE_BEFORE.search(text, max(0, s - 6), s) if _SOME_WEEKDAY.fullmatch(low) else None
            if tx is not None and (
                # "the last day of school", "on the first day of the trial", "one night in the late 1960s": a
                # day of it, not a stretch; "the last year of his contract" is not "last year"
                (_FIRST_OF.fullmatch(low) and _OF_A_THING.match(text, e))
                or (tx.type == "DURATION" and _ONE_DAY.fullmatch(low) and _IN_A_TIME.match(text, e))
                # "on a night when five other states head to the polls": a day it goes on to tell
                or (low in ("a day", "a night") and _TOLD_AFTER.match(text, e))
                # "One Sunday in late 2001", "on a Monday morning.": some such day, not the last one ("a
                # Tuesday rally", "in a Sunday interview" are the article of the noun, and that day's)
                or (one and (one[1].lower() != "a" or _NO_NOUN_AFTER.match(text, e)))
            ):
                tx = TimeExpr(0, 0, piece, None, "DATE", "none", anchored=anchor is not None)
            ahead = re.fullmatch(r"the\s+(?:next|coming)\s+(week|month)", low)
            if tx is not None and ahead and re.match(r"['’]s\b", text[e:]):
                # "heading into the next week's primaries": the week ahead, as "next week's" is, not a stretch
                tx = normalise(f"next {ahead[1]}", anchor, tense=tense, context=ctx) or tx
            pair = _SEASON_PAIR_BEFORE.search(text, max(0, s - 20), s)
            if pair and re.fullmatch(rf"(?:the\s+)?{_SEASON_RE}", low) and out:
                # "the spring and summer", "during summer and fall": the first such season after the one
                # named before it, not one told by the tense alone (a bare "fall" is read as "the fall")
                prev = out[-1]
                if prev.granularity == "season" and prev.end == pair.end("first") and prev.earliest:
                    for y in (prev.earliest.year, prev.earliest.year + 1):
                        nxt = normalise(f"{low.split()[-1]} {y}", anchor, tense=tense)
                        if nxt is not None and nxt.earliest is not None and nxt.earliest > prev.earliest:
                            tx = nxt
                            break
            in_year = _IN_YEAR_AFTER.match(text, e)
            month_day = _MONTH_DAY.fullmatch(piece) is not None
            if tx is not None and in_year and (month_day or _holiday_name(low)):
                # "on Yom Kippur in 1973", "at Christmas in 2019", "on Oct. 3 in 2019": that year's
                comma = "," if month_day else ""
                tx = normalise(f"{piece}{comma} {in_year[1]}", anchor, tense=tense, context=ctx) or tx
            shared = _YEAR_SHARED_AFTER.match(text, e)
            if tx is not None and shared and (month_day or _MONTH_OR_SEASON.fullmatch(low)):
                # "in March and April of 2014", "between June and August 2013", "the spring and summer of
                # 2012": the year written after the second is the first's too; a run back over New Year
                # ("from December to March 2015") starts the year before
                y = int(shared["y"])
                first_m, second_m = _month_number(low), _month_number(shared["second"].lower())
                if (
                    shared["join"].lower() not in ("and", "or")
                    and first_m
                    and second_m
                    and first_m > second_m
                ):
                    y -= 1
                form = (
                    f"{piece}, {y}"
                    if month_day
                    else f"{piece} of {y}"
                    if _SEASON_WORD.search(low)
                    else f"{piece} {y}"
                )
                tx = normalise(form, anchor, tense=tense, context=ctx) or tx
            if tx is not None and span is not None and re.fullmatch(r"(?:1[89]|20)\d\d", piece):
                scene = _scene(span, int(piece))
            if tx is None:
                words = [w.lower() for w in _TIME_WORD.findall(piece)]
                next_word = re.match(r"\s*(\w*)", text[e:])
                if (
                    words == ["past"]
                    and re.fullmatch(r"(?:the\s+)?past\s+\S+", piece, re.I)
                    and not (next_word and _TIME_WORD.fullmatch(re.sub(r"s$", "", next_word[1])))
                ):
                    continue  # "the past two Quinnipiac polls": the polls, not a stretch of time
                if _PART_OF_A_DATE.fullmatch(piece) and _OF_A_DATE.match(text, e):
                    continue  # "on the evening of June 7": the date is the expression, as TimeML tags it
                if not words or words == ["fall"]:
                    # no value and no word of time: "the 43rd", "6'3\"", "Mateen", "half-sister"; nor a verb
                    # the model took for the season ("the annual increase in transfers fall to a floor")
                    continue
                tx = TimeExpr(0, 0, piece, None, "TIME" if label == "TIME" else "DATE", "none",
                              anchored=anchor is not None)  # fmt: skip
            if whole is not None:
                s, e = whole
                piece = text[s:e]
            out.append(
                TimeExpr(s, e, piece, tx.value, tx.type, tx.granularity, tx.earliest, tx.latest, tx.anchored)
            )
    out.sort(key=lambda t: t.start)
    return _clock_on_day(text, out)


def _clock_on_day(text: str, out: list[TimeExpr]) -> list[TimeExpr]:
    """A clock time written right before the day it falls on takes that day: "at 10:30 a.m. on Monday",
    "14:00 UTC on 3 October", "0400 GMT Tuesday" (it had taken the day named before it, or the
    publication date). The two stay two expressions, as TimeML marks them."""
    for k in range(len(out) - 1):
        t, nxt = out[k], out[k + 1]
        if t.type != "TIME" or t.value is None or "T" not in t.value:
            continue
        if nxt.granularity != "day" or nxt.earliest is None:
            continue
        if not re.fullmatch(r"\.?\s*(?:,\s*)?(?:on\s+)?", text[t.end : nxt.start]):
            continue  # (the stop of "a.m." is left out of the extent: "at 10 a.m. Friday, Dec. 6")
        low = re.sub(r"\s+", " ", t.text.lower().replace("’", "'")).rstrip(".,")
        if not (_CLOCK.fullmatch(low) or re.fullmatch(HHMM_RE + CLOCK_ZONE_RE, low, re.I)):
            continue  # a clock time that names no day of its own
        d = nxt.earliest
        out[k] = TimeExpr(t.start, t.end, t.text, f"{d.isoformat()}T{t.value.split('T', 1)[1]}", t.type,
                          t.granularity, d, d, t.anchored)  # fmt: skip
    return out


# ------------------------------------------------------------------------------ publication date fallback

# "Published 18 October 2024", "Updated: Oct. 18, 2024 10:32 BST", "Posted on 2024-10-18" at a line's start
# in the text as read (cleaning takes such lines out of the article, not out of the source).
_PUBLISHED_LINE = re.compile(
    r"(?im)^[ \t]*(?:first\s+)?(?:published|posted|updated|last\s+updated)(?:\s+on)?[ \t]*:?[ \t]*"
    r"(?P<d>[^\n]{6,60})$"
)
DATELINE_YEAR_DAYS = 60  # how far a yearless dateline may lie after the latest date the article writes
_DATELINE_DATE = re.compile(
    rf"\b(?P<mon>{_MON_RE})\.?\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?\s*$", re.I
)


def _written_date(text: str) -> dt.date | None:
    """A calendar date written out with its year in ``text`` ("18 October 2024", "Oct. 18, 2024 10:32")."""
    from dateutil import parser

    if not re.search(r"\b(?:19|20)\d\d\b", text) or not re.search(
        rf"\b(?:{_MON_RE})\b|\d{{4}}-\d\d-\d\d", text, re.I
    ):
        return None
    try:
        a = parser.parse(text, fuzzy=True, default=dt.datetime(1904, 1, 1))
        b = parser.parse(text, fuzzy=True, default=dt.datetime(1908, 2, 2))
    except (ValueError, OverflowError):
        return None
    return a.date() if a.date() == b.date() else None  # the day, month and year were all written


def guess_published(doc: Doc, dateline: str | None, source_text: str) -> tuple[dt.date, str] | None:
    """A publication date for an article whose reader gave none, and where it came from:

    1. a "Published …"/"Updated …" line in the text as read ("text");
    2. the dateline's date ("KYIV, Oct. 18, 2024 (Reuters) -": "dateline"). A dateline without a year
       ("KYIV, Oct 18") takes it from the latest full date the article writes in a past-tense clause, when
       that puts the dateline at most ``DATELINE_YEAR_DAYS`` after it.
    None otherwise: the latest date an article writes is no guide on its own (on TempEval-3's training
    documents it was never the creation date: background dates, maturities, anniversaries)."""
    for m in _PUBLISHED_LINE.finditer(source_text[:5000]):
        d = _written_date(m["d"])
        if d is not None:
            return d, "text"
    dm = _DATELINE_DATE.search(dateline or "")
    if not dm:
        return None
    mon, day_n = _MONTHS[dm["mon"].lower()], int(dm["day"])
    try:
        if dm["year"]:
            return dt.date(int(dm["year"]), mon, day_n), "dateline"
        text = doc_text(doc)
        written = []
        for t in extract_times(doc, None):
            if t.type != "DATE" or t.granularity != "day" or t.earliest is None or t.earliest != t.latest:
                continue
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None and _tense(span, text) in ("past", "past-describes", "none"):
                written.append(t.earliest)  # "strikes hit on October 10, 2024", not "talks are due on …"
        if not written:
            return None
        latest = max(written)
        d = dt.date(latest.year, mon, day_n)
        if d < latest:
            d = dt.date(latest.year + 1, mon, day_n)  # "JAN. 2" after a date of Dec. 30 is the next year
        return (d, "dateline") if (d - latest).days <= DATELINE_YEAR_DAYS else None
    except ValueError:
        return None  # "Feb. 30"
