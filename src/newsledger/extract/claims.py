"""Claims: attributions read off the dependency parse with a lexicon of reporting verbs.

Constructions handled:

- ``SOURCE CUE that CONTENT`` / ``SOURCE CUE CONTENT`` (indirect speech: the cue's clausal complement);
- ``"QUOTE," SOURCE CUE`` and ``SOURCE CUE: "QUOTE"`` (direct quotes; the content excludes the marks);
  a quotation resumed after its attribution (``"A," SOURCE CUE. "B."``) and a cue interrupting its content
  (``A, SOURCE CUE, B``) give one content in two stretches (``Claim.content_more``);
- a quotation inside the words the cue governs is framed by them (``called X "Y"``: mixed);
- ``SOURCE CUE:`` at a line's end (the next paragraph), ``CONTENT, SOURCE CUE.`` at a sentence's end,
  ``as SOURCE CUE, CONTENT``, ``X is expected to Y`` (no source, or the agent), ``X seems to Y`` (no
  source; the content is X and Y);
- ``according to SOURCE, CONTENT``; ``in POLL, CONTENT`` and ``CONTENT in POLL`` (a poll or survey);
- ``SOURCE told RECIPIENT`` — the recipient is the next link of the chain ("an NIS source told Yonhap");
- ``…, citing ORIGIN`` — the origin comes first in the chain ("reports said, citing intelligence sources");
- a claim nested inside another claim's content gets the outer source as a further link
  ("'The NIS said …,' the Yonhap news agency said" → NIS via Yonhap);
- stance from the cue: deny → denies, confirm → confirms, declined/refused/would not + confirm/comment,
  could not corroborate → declines_to_confirm, doubt/question → doubts;
- hedges from a small lexicon ("reportedly", "allegedly", "suggested", "believes", "may", "had seen
  evidence" …) in the cue and the content;
- pronoun sources ("he", "she") resolve to the last person named before them.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from typing import TYPE_CHECKING

from ..model import Claim, Mention, SourceRef, Span, ViaLink
from ..nlp import doc_text, mark_words
from .confidence import claim_features, confidence, default_threshold, nesting

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CUE_LEMMAS = frozenset(
    """say tell report state add claim announce deny confirm suggest warn insist argue explain note write
    accuse allege acknowledge admit predict estimate assert reveal disclose indicate mention stress
    emphasize emphasise urge vow pledge declare testify concede maintain contend complain reply respond
    answer recall caution signal tweet post corroborate comment reiterate""".split()
)
# Base-form cues ("I'd say", "let me tell you") are attributions far less often than inflected ones.
_BASE_FORM_OK = frozenset({"decline", "refuse"})
# Verbs of stance, cognition and action that PolNeAR-style annotation treats as attribution cues when
# they take a clause or an object: "X wants a wall", "X called for a ban", "X criticized the deal".
OBJECT_CUE_LEMMAS = frozenset(
    """ask call show criticize criticise describe conclude back praise endorse discuss express thank
    promise joke mention urge mock dismiss vow recommend demand propose question blame defend reject
    oppose attack slam accuse condemn welcome argue predict expect acknowledge insist estimate
    seem appear point cite agree refer hope hop denounce blast issue fear worry highlight name charge list
    tout order prefer assure remind threaten offer talk lay find continue release identify push view share
    recognize challenge favor read cast portray boast echo repeat""".split()
)
# The second group was mined from PolNeAR train: verbs with a subject and a complement whose token is an
# annotated cue at least 40 % of the time ("blast" 97 %, "cite" 87 %, "point" 73 %, "seem" 56 %, "offer"
# 43 %), then "portray" 76 %, "boast" 70 %, "repeat" 68 %, "echo" 54 %. Cognition, desire and deciding
# ("think", "want", "believe", "decided to send", "has learned that") are cues only under the conditions of
# _ATTITUDE below: taken whole, fewer than a quarter of them are annotated cues.
# Cues that report only with a clause ("found that …", "added that …", "continued to insist that …"): with a
# bare object they are a claim in under 30 % of PolNeAR train's cases ("found the body", "released the
# video", "continued the tradition", "added a line", "read the letter", "maintained the road").
_CLAUSE_ONLY = frozenset(
    {"find", "release", "continue", "add", "read", "share", "maintain", "admit", "worry"}
)
# Verbs of belief, intent and support, which PolNeAR annotates as attributions about half the time when a
# named body or a noun phrase is their subject ("Republicans believe that …", "Clinton seeks to …", "the
# union supports Clinton") and far less with a pronoun, which is mostly a speaker's own "we think" inside
# a quotation (train: "think" with a noun subject and a clause 53 %, with a pronoun 19 %, with I/we/you
# 5 %). Pronoun subjects are read too and left to the confidence model, which keeps the few that are
# attributions ("they support …", "who seek …"), as are the verbs from "vote" on, cues in PolNeAR train
# well under half the time ("voted for the merger", "doubts that …", "intends to …"). Each takes the
# complement it reports with. Inside what another cue reports they are the reported event ("… said North
# Korea has decided to send troops"), not a claim of their own.
_ATTITUDE = {
    "think": "ccomp", "believe": "ccomp", "learn": "ccomp", "seek": "xcomp dobj", "plan": "xcomp",
    "decide": "xcomp ccomp", "support": "dobj", "see": "dobj", "want": "xcomp ccomp dobj",
    "speak": "prep", "encourage": "xcomp dobj", "consider": "dobj xcomp ccomp", "aim": "prep xcomp",
    "know": "ccomp", "decry": "dobj", "voice": "dobj prep", "quote": "dobj", "email": "dobj prep",
    "publish": "dobj", "apologize": "prep", "rail": "prep", "hail": "dobj", "reference": "dobj",
    "promote": "dobj", "distance": "dobj prep", "weigh": "prep", "compare": "dobj", "embrace": "dobj",
    "vote": "prep", "focus": "prep", "feel": "ccomp", "doubt": "ccomp", "wonder": "ccomp", "disagree": "prep",
    "celebrate": "dobj", "like": "dobj xcomp", "love": "dobj xcomp", "hate": "dobj", "intend": "xcomp",
    "request": "dobj",
}  # fmt: skip
_ATTITUDE_SUBJECTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_FIRST_AND_SECOND = frozenset({"i", "we", "you"})
_DECLINE = frozenset({"decline", "refuse"})
_NOT_CONFIRM = frozenset({"confirm", "comment", "corroborate", "verify", "say", "respond", "reply"})
# An answer's content follows these too: "responded to the charge", "with chants of …", "by saying …".
_ANSWER_PREPS = {"respond": ("to", "with", "by"), "reply": ("to", "with", "by"), "refer": ("to",)}
# Subjects that decline in value, not in will ("sales declined to record lows").
_MEASURES = frozenset(
    """sale share stock price rate index revenue profit earning output production export import number figure
    value temperature unemployment inflation yield currency dollar market demand growth spending approval
    rating poll turnout enrollment attendance membership""".split()
)
# Refusing these is withholding information too ("declined to discuss", "refused to name the source").
_NOT_DISCLOSE = frozenset(
    """discuss elaborate answer address name identify provide specify disclose reveal detail explain speak
    talk release give share""".split()
)
_HEDGES = [
    ("reportedly", re.compile(r"\breportedly\b", re.I)),
    ("allegedly", re.compile(r"\ballegedly\b", re.I)),
    ("purportedly", re.compile(r"\bpurportedly\b", re.I)),
    ("apparently", re.compile(r"\bapparently\b", re.I)),
    ("possibly", re.compile(r"\bpossibly\b", re.I)),
    ("may", re.compile(r"\bmay(?: have)?\b", re.I)),
    ("might", re.compile(r"\bmight\b", re.I)),
    ("could", re.compile(r"\bcould\b", re.I)),
    ("likely", re.compile(r"\b(?:likely|probably)\b", re.I)),
    ("unconfirmed", re.compile(r"\bunconfirmed\b", re.I)),
    ("had seen evidence", re.compile(r"\b(?:had|has|have) seen evidence\b", re.I)),
]
_CUE_HEDGES = {
    "suggest": "suggested",
    "believe": "believes",
    "think": "believes",
    "allege": "allegedly",
    "claim": "claims",
    "estimate": "estimates",
    "indicate": "indicated",
}
_QUOTES = "\"“”'"
_CONTENT_PREPS = frozenset({"for", "about", "on", "of", "that", "against"})
_PRONOUNS = frozenset({"he", "she", "him", "her"})
_PERSON_OBJECTS = frozenset({"him", "her", "them", "me", "us"})
_RELATIVES = frozenset({"who", "that", "which"})


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


_TRAILING_CONJ = re.compile(r"[\s,;]+(?:and|but|or)$")
_STRIP_CHARS = " \t\n,;:" + _QUOTES + "‘’'"


_PREFER = frozenset({"rather", "sooner"})


def _emphatic(tok: Token) -> bool:
    """A base-form verb that still reports: after "do" ("he did say …", "Carson did not mention …", "she
    does not believe …") in a main, joined or adverbial clause, or after "will"/"would" in a main clause
    ("she would say that …", not "would rather say"). In a complement or a relative clause these are
    mostly what someone else said would happen ("said Britain would respond …"), and "can"/"should" are
    mostly not reports at all."""
    aux = next((c for c in tok.children if c.dep_ == "aux" and c.tag_ != "TO"), None)
    if aux is None:
        return False
    al = aux.lemma_.lower()
    if al == "do":
        return tok.dep_ in ("ROOT", "conj", "advcl")
    # "would rather say nothing": a preference, not a report
    prefers = any(c.lower_ in _PREFER for c in tok.children)
    return al in ("will", "would") and tok.dep_ == "ROOT" and not prefers


def _strip(text: str, start: int, end: int, chars: str = _STRIP_CHARS) -> tuple[int, int]:
    """Trim spaces, commas and quote marks (or ``chars``) from both ends of a character range."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _without_stop(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A span without the sentence's final stop, which the clause it is cut from ends with."""
    return span[0], span[1] - (text[span[1] - 1] == ".")


def _subtree(tok: Token, text: str) -> tuple[int, int]:
    """The characters of a token's subtree, stripped (``_strip``)."""
    return _strip(text, tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge))


def _inside(text: str, start: int, end: int) -> tuple[int, int]:
    """The words inside quotation marks with their own punctuation, as PolNeAR marks a quotation ("We will
    not retreat,” the minister said: the comma is inside the marks); only spaces and stray marks go."""
    return _strip(text, start, end, " \t\n" + _QUOTES + "‘’")


def _np_range(tok: Token, *, stop_at_to: bool = False) -> tuple[int, int]:
    """A noun phrase: the token's subtree without relative clauses and appositive tails (and, for the
    object of a cue, without a trailing "to RECIPIENT")."""
    left = tok.left_edge.idx
    right = tok.idx + len(tok)
    for child in tok.rights:
        if child.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj") or child.text in _QUOTES:
            break
        if stop_at_to and child.dep_ == "prep" and child.lower_ == "to":
            break
        right = child.right_edge.idx + len(child.right_edge)
    return left, right


_QUOTE_MARK = re.compile(r"''|[\"“”]")


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside paired double quotes, marks excluded, within a line. Straight, curly and
    doubled-apostrophe ('' as in wire and NYT copy) marks are all read.

    Linear in the number of quote marks: an opening mark pairs with the next mark that can close it on
    the same line, so 10,000 opening marks with no closing one cost no more than reading them.
    """
    spans = []
    line_start = 0
    for line in text.split("\n"):
        open_at: int | None = None
        for m in _QUOTE_MARK.finditer(line):
            ch = m.group()
            if open_at is None:
                if ch != "”":
                    open_at = line_start + m.end()
            elif ch != "“":
                spans.append((open_at, line_start + m.start()))
                open_at = None
            # a second “ before any close: keep the first opening
        line_start += len(line) + 1
    return spans


_UNNAMED_HEADS = frozenset(
    [
        "source",
        "sources",
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "person",
        "people",
        "diplomat",
        "diplomats",
        "analyst",
        "analysts",
        "expert",
        "experts",
        "aide",
        "aides",
        "insider",
        "insiders",
        "investigator",
        "investigators",
        "witness",
        "witnesses",
        "resident",
        "residents",
    ]
)


def _resolve(src_tok: Token, mentions: list[Mention]) -> tuple[str | None, str | None]:
    """Entity id and canonical name of a source: he/she resolve to the last person named; an unnamed
    source ("an NIS source", "officials") keeps its own description and no entity."""
    start = src_tok.idx
    if src_tok.lower_ in _RELATIVES and src_tok.head.dep_ == "relcl" and src_tok.head.head.i != src_tok.i:
        # "Giuliani, who served as U.S. attorney, said …": the relative pronoun speaks for its antecedent.
        return _resolve(src_tok.head.head, mentions)
    if src_tok.lower_ in _PRONOUNS:
        people = [m for m in mentions if m.kind == "person" and m.end <= start]
        if people:
            return people[-1].entity_id, people[-1].name
        return None, None
    for m in mentions:
        if m.start <= src_tok.idx < m.end:
            return m.entity_id, m.name
    if src_tok.lower_ in _UNNAMED_HEADS:
        return None, None
    left = src_tok.left_edge.idx
    for m in mentions:
        if m.start >= left and m.end <= src_tok.idx + len(src_tok) and m.kind != "country":
            return m.entity_id, m.name
    return None, None


def _stance(cue: Token, text: str) -> tuple[str, int, int]:
    """Stance and the cue's character range (a negated or declined verb widens the cue)."""
    start, end = cue.idx, cue.idx + len(cue)
    lemma = cue.lemma_.lower()
    # a "not" inside the quotation before the cue ("Probably not," she said) does not negate the cue
    own = [c for c in cue.children if not any(q in text[c.idx : cue.idx] for q in _QUOTES)]
    negated = any(c.dep_ == "neg" for c in own)
    if lemma in _DECLINE:
        for c in cue.children:
            if c.dep_ == "xcomp" and c.lemma_.lower() in _NOT_CONFIRM:
                return "declines_to_confirm", start, c.idx + len(c)
            if c.dep_ == "xcomp" and c.lemma_.lower() in _NOT_DISCLOSE:
                return "declines_to_confirm", start, end  # "declined to discuss the case"
        return "denies", start, end  # "refused to endorse him": a refusal of what the content says
    head = cue.head
    if cue.dep_ == "xcomp" and head.lemma_.lower() in _DECLINE and lemma in _NOT_CONFIRM:
        return "declines_to_confirm", head.idx, end
    if negated and lemma in _NOT_CONFIRM:
        aux = [c for c in own if c.dep_ in ("aux", "neg")]
        s = min([start] + [a.idx for a in aux])
        return "declines_to_confirm", s, end
    if lemma == "deny":
        return "denies", start, end
    if lemma in ("confirm", "corroborate"):
        return "confirms", start, end
    if lemma in ("doubt", "question", "dispute"):
        return "doubts", start, end
    return "asserts", start, end


_CUE_PREPS = frozenset({"for", "about", "on", "to", "against", "of", "as", "at"})


def _cue_extent(cue: Token, start: int, end: int, content: tuple[int, int]) -> tuple[int, int]:
    """The cue as PolNeAR marks it: with the auxiliaries, negation and adverbs right before the verb ("has
    also said", "is now saying", "did not mention"), a particle or the preposition that introduces the
    content ("pointed out", "called for", "talked about"), and a colon right after it ("said:")."""
    doc = cue.doc
    i = cue.i
    while i > 0 and doc[i - 1].head.i == cue.i and doc[i - 1].dep_ in ("aux", "auxpass", "advmod", "neg"):
        if doc[i - 1].idx < content[1] <= cue.idx:
            break
        i -= 1
    start = min(start, doc[i].idx)
    j = cue.i
    while j + 1 < len(doc):
        nxt = doc[j + 1]
        if nxt.head.i == cue.i and (
            nxt.dep_ == "prt"
            or (
                nxt.dep_ in ("prep", "dative")
                and nxt.lower_ in _CUE_PREPS
                and nxt.idx < content[0]
                # "said on Tuesday that …", "said at the time": when, not what about
                and not any(t.ent_type_ in ("DATE", "TIME") for t in nxt.subtree)
            )
        ):
            j += 1
            continue
        if nxt.dep_ == "mark" and nxt.lower_ == "for" and nxt.head.head.i == cue.i and nxt.idx < content[0]:
            j += 1  # "called for the United States to step up …": "for" opens the clause the cue asks for
            break
        if nxt.text == ":" and nxt.idx < content[0]:
            j += 1
        break
    last = doc[j]
    return start, max(end, last.idx + len(last))


_JOINED_QUOTE = re.compile(r"[ \t]*,?[ \t]*(?:and|but|or)[ \t]+(?:\w+[ \t]+){0,3}?(?:[\"“]|'')")


_NEXT_LINE = re.compile(r"\s*([^\n]+)")


def _content_around(tok: Token, subj: Token, text: str, kind: str) -> tuple[tuple[int, int] | None, str]:
    """Content the parse did not hang on the cue: the paragraph after "He said:" at a line's end, or the
    words before a sentence-final "…, experts say." / "People like Scott, he said."."""
    sent = tok.sent
    end = tok.idx + len(tok)
    after = text[end : sent.end_char]
    if re.fullmatch(r"[ \t]*:\s*", after):
        nl = text.find("\n", end)
        if nl >= 0:
            m = _NEXT_LINE.match(text, nl)
            if m:
                a, b = _strip(text, m.start(1), m.end(1))
                quoted = text[m.start(1) : m.start(1) + 1] in _QUOTES
                return (
                    (_inside(text, m.start(1), m.end(1)) if quoted else (a, b)),
                    "direct" if quoted else kind,
                )
    last = sent[-1] if sent[-1].is_punct else None
    tail_ok = last is None or tok.i == last.i - 1 or (tok.i == last.i - 2 and sent[-2].dep_ == "advmod")
    comma = subj.left_edge.i - 1
    if tail_ok and comma > sent.start + 2 and sent.doc[comma].text == ",":
        a, b = _strip(text, sent.start_char, sent.doc[comma].idx)
        first = next((t for t in sent if t.pos_ != "CCONJ" and not t.is_punct), sent[0])
        obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
        if (
            obj is not None
            and (first.pos_ in ("ADP", "SCONJ") or first.dep_ == "npadvmod")
            and not any(t.pos_ in ("VERB", "AUX") for t in sent if a <= t.idx < b)
        ):
            # "And despite his disdain for super PACs, Trump officially endorsed one": a phrase set before
            # the subject says when or despite what; what the cue governs is its object, one word or not
            return _subtree(obj, text), kind
        if len(text[a:b].split()) >= 3:
            return (a, b), kind
    return None, kind


def _cue_word(tok: Token) -> bool:
    """Whether a word can be a cue of its own: a speech verb or a verb whose object is what it reports."""
    lemma = tok.lemma_.lower()
    return lemma in CUE_LEMMAS or lemma in OBJECT_CUE_LEMMAS


def _joined_to_content(
    tok: Token, comp: Token | None, content: tuple[int, int], text: str
) -> tuple[int, int]:
    """The content with what the parser joined to the cue instead of to it: "has mentioned refinancing loans
    and forcing universities to …", "said they had misgivings, but could not bear to insult him", and after a
    reported clause, a clause with its own subject: "said he would be honored to meet the pope but no meeting
    has been arranged". Not a finite verb without a subject, which is something else its subject did
    ("defended the remarks and went back to the panel"), nor a speech verb, which begins a claim of its
    own."""
    doc = tok.doc
    for c in tok.rights:
        if c.dep_ != "conj" or c.idx < content[1]:
            continue
        if _cue_word(c):
            return content
        own_subject = any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
        if own_subject:
            fits = comp is not None and comp.i > tok.i and c.pos_ in ("VERB", "AUX")
        else:
            fits = c.tag_ in ("VB", "VBG") or c.pos_ in ("NOUN", "PROPN", "ADP", "ADJ")
        between = [t for t in doc[tok.i + 1 : c.left_edge.i] if t.idx >= content[1]]
        if fits and all(t.is_punct or t.dep_ == "cc" for t in between):
            return _without_stop(text, _strip(text, content[0], c.right_edge.idx + len(c.right_edge)))
        return content
    return content


def _resumed_after_cue(tok: Token, content: tuple[int, int], text: str) -> tuple[int, int] | None:
    """The rest of a content the cue interrupts: "The middle fifth paid 8.9 percent, the agency said in a June
    report, and those in the bottom fifth paid 0.8 percent", "Pence was the subject of 60 percent of the
    conversation, Twitter announced, gaining 22,000 followers". None when the cue's next dependent (past
    where it was said) is not joined to it that way or is a speech verb of its own ("…, he said,
    adding …")."""
    doc = tok.doc
    nxt = next((c for c in tok.rights if c.dep_ not in ("punct", "cc", "prep")), None)
    if (
        nxt is None
        or not (nxt.dep_ == "conj" or (nxt.dep_ == "advcl" and nxt.tag_ == "VBG"))
        or _cue_word(nxt)
        or doc[nxt.left_edge.i - 1].text not in (",", "and", "but")
    ):
        return None
    return _without_stop(text, _subtree(nxt, text))


_COLON_TAIL = re.compile(r"[ \t]*:[ \t]*(?=[^\s\"“”])")


def _through_colon(doc: Doc, content: tuple[int, int], text: str) -> tuple[int, int]:
    """A content that ends at a colon goes on with what the colon introduces, to the end of that sentence
    on the same line: "notes that three things are happening at once: home values are rising, …". A
    quotation after the colon is the cue's direct quote, read elsewhere."""
    colon = _COLON_TAIL.match(text, content[1])
    after = doc.char_span(colon.end(), colon.end() + 1, alignment_mode="expand") if colon else None
    if colon is None or after is None:
        return content
    line_end = text.find("\n", colon.end())
    stop = after.sent.end_char if line_end < 0 else min(after.sent.end_char, line_end)
    return _without_stop(text, _strip(text, content[0], stop))


def _clause_without(head: Token, cue: Token, text: str) -> list[tuple[int, int]]:
    """The words of ``head``'s clause before and after the cue's own words, each side that has a word."""
    doc = head.doc
    sides = ((head.left_edge.i, cue.left_edge.i - 1), (cue.right_edge.i + 1, head.right_edge.i))
    parts = [_strip(text, doc[a].idx, doc[b].idx + len(doc[b])) for a, b in sides if a <= b]
    return [p for p in parts if re.search(r"\w", text[p[0] : p[1]])]


# Verbs whose "on" names where the words were said ("said on CNN"), not what they were about.
_SAY_ON = frozenset({"say", "tell", "write", "add", "state"})
# Speech verbs whose "on", "at" or "in" right after them names the venue ("said at a town hall that …").
_VENUE_LEMMAS = frozenset(
    """say tell write acknowledge add state insist argue claim declare note announce admit explain suggest
    warn predict report tweet post""".split()
)
# What a cue is about ("commented on reports that …", "responded to the claim that …") is not where it was
# said; nor are nouns whose that-clause is what they tell ("said in response to reports that …").
_TOPIC_PREPS = frozenset({"on", "about", "to", "of", "for", "against", "with", "by", "over", "regarding"})
_TOLD_NOUNS = frozenset(
    """report news accusation allegation claim charge suggestion rumor rumour speculation idea notion fact
    evidence assertion""".split()
)
_WH_OBJECTS = frozenset({"what", "who", "whom", "which"})
_WH_WORDS = frozenset({"when", "whether", "if", "why", "how", "where", "what", "who", "which"})
_INHERIT_DEPS = frozenset({"advcl", "conj", "xcomp", "pcomp", "prep"})


def _that_clause(tok: Token) -> bool:
    """A clause opened by "that" that the parser hung on a word as a relative or complement clause, where it
    is often what a cue reports ("told the crowd that …", "said in a statement that …")."""
    return tok.dep_ in ("relcl", "acl", "ccomp") and "that" in mark_words(tok)


def _inherited_subject(tok: Token) -> Token | None:
    """The subject of the verb a subjectless cue hangs from: "…, saying that …", "… and added that …",
    "wants to know whether …", "began by saying …" (up through prepositions and conjoined verbs)."""
    # "…, adding …", "… and noted …": a speech verb the parser may hang inside what was said
    aside = tok.i > 0 and (
        (tok.tag_ == "VBG" and tok.nbor(-1).text == ",")
        or (tok.dep_ == "conj" and tok.nbor(-1).lower_ == "and")
    )
    for _ in range(4):
        if tok.dep_ not in _INHERIT_DEPS or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                reporter = _reporting_ancestor(tok) if aside else None
                if reporter is not None:
                    # "said this can't be happening, adding …": the parser hangs "adding" inside what was
                    # said; the one adding is the one saying
                    return next((c for c in reporter.children if c.dep_ == "nsubj"), subj)
                return subj
        elif tok.pos_ != "ADP":
            return None
    return None


_EVIDENTIAL = frozenset({"seem", "appear"})  # the writer's inference, whoever is its subject
_FRAME_DEPS = frozenset({"dobj", "ccomp", "xcomp", "attr", "oprd", "prep", "acomp"})


def _framed_quote(
    cue: Token, text: str, quotes: list[tuple[int, int]], tells: bool
) -> tuple[int, int] | None:
    """The cue's object or complement with a quotation inside it ("called the candidate “extremely fit,”"
    "criticized the law as a “crazy system”", "tweeted that Machado was “disgusting”"): from the first
    word the cue governs after it to the end of the dependent holding the quotation. None when the
    quotation opens right after the cue (a quotation introduced by its cue is direct) or lies outside the
    cue's words."""
    deps: list[Token] = []
    venue = cue.lemma_.lower() in _VENUE_LEMMAS
    for c in cue.rights:
        if venue and c.dep_ == "prep" and c.lower_ in ("on", "at", "in"):
            continue  # '…,” he said on NBC's “Meet the Press.”': where it was said
        if c.dep_ == "prep" and c.i == cue.i + 1 and c.lower_ in _CUE_PREPS:
            # "called for a “ceasefire”": the cue takes the preposition, the content starts after it
            deps += [o for o in c.children if o.dep_ in ("pobj", "pcomp")]
        elif c.dep_ in _FRAME_DEPS:
            deps.append(c)
    if tells and deps and deps[0].dep_ == "dobj":
        deps = deps[1:]  # "told reporters that …": the first object is who was told
    if not deps:
        return None
    start = deps[0].left_edge.idx
    for d in deps:
        end = d.right_edge.idx + len(d.right_edge)
        inside = [q for q in quotes if start < q[0] - 1 and d.left_edge.idx <= q[0] and q[1] <= end + 1]
        if inside:
            q_end = max(q[1] for q in inside)
            if re.match(r"[.!?,]", text[q_end : q_end + 1]):
                q_end += 1  # the quoted words' own stop
            if text[q_end : q_end + 1] in _QUOTES:
                q_end += 1  # and the closing mark, which a content framing a quotation keeps
            stop = max(q_end, _strip(text, start, end)[1])
            lead = text[start : min(q[0] for q in inside)]
            if not re.search(r"\w", lead) or lead.rstrip(" \t\n\"“'‘").endswith(":"):
                return None
            while True:  # … was “disgusting” and “a con”: a quotation joined to it by "and", "but", "or"
                m = _JOINED_QUOTE.match(text, stop)
                nxt = next((q for q in quotes if m and q[0] == m.end()), None)
                if nxt is None:
                    break
                stop = nxt[1] + (1 if re.match(r"[.!?,]", text[nxt[1] : nxt[1] + 1]) else 0)
                stop += 1 if text[stop : stop + 1] in _QUOTES else 0
            return _strip(text, start, stop, " \t\n;:")
    return None


def _next_to(cue: Token, subj: Token | None, q: tuple[int, int], text: str) -> bool:
    """Whether a quotation is the cue's own: it closes just before the cue and its subject ("'…,' the
    senator said") or opens within a few words after the cue ("told reporters: '…'"). A quotation in
    another clause ("Trump, who called Mexicans 'rapists,' promised to build a wall") is not."""
    if q[1] <= cue.idx:
        left = min(cue.idx, subj.left_edge.idx) if subj is not None and subj.i < cue.i else cue.idx
        return q[1] <= left and not re.search(r"\w", text[q[1] : left])
    between = text[cue.idx + len(cue) : q[0]]
    return q[0] >= cue.idx and len(between.split()) <= 4


def _made_clear(tok: Token) -> tuple[Token, Token] | None:
    """ "made (it) clear that …": the word "clear" and the clause it introduces."""
    if tok.lemma_.lower() != "make":
        return None
    clear = next((c for c in tok.children if c.lower_ == "clear" and c.i <= tok.i + 2), None)
    if clear is None:
        return None
    clause = next(
        (
            c
            for c in clear.children
            if c.dep_ in ("advcl", "ccomp") and c.i > clear.i and c.pos_ in ("VERB", "AUX")
        ),
        None,
    )
    return (clear, clause) if clause is not None else None


def _went_on(tok: Token) -> bool:
    """ "went on to say that …": the speech verb carries on from its subject's earlier words."""
    head = tok.head
    return (
        tok.dep_ == "xcomp"
        and head.lemma_.lower() == "go"
        and any(c.dep_ == "prt" and c.lower_ == "on" for c in head.children)
        and tok.lemma_.lower() in CUE_LEMMAS
    )


def _reporting_ancestor(tok: Token) -> Token | None:
    """The nearest reporting verb the token hangs under, if any ("said" in "said North Korea has decided")."""
    return next((a for a in tok.ancestors if a.lemma_.lower() in CUE_LEMMAS), None)


def _attitude(tok: Token, quotes: list[tuple[int, int]]) -> bool:
    """A verb of belief, intent or support used as an attribution: a subject (a name, a noun phrase or a
    pronoun), outside any quotation, with the complement the verb reports with."""
    wants = _ATTITUDE.get(tok.lemma_.lower())
    if wants is None or tok.pos_ != "VERB" or any(a <= tok.idx < b for a, b in quotes):
        return False
    if _reporting_ancestor(tok) is not None:
        return False  # "the NIS said North Korea has decided to send troops": the reported event, not a claim
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in _FIRST_AND_SECOND:
        return False  # "I think", "we believe": the writer's or a speaker's own view (5 % annotated)
    if subj.pos_ == "PRON":
        # "they support the plan", "voters who want change": a main or relative clause; under another verb
        # ("made clear that she supports the deal") it is what that verb conveys
        if tok.dep_ not in ("ROOT", "conj", "relcl"):
            return False
    elif subj.ent_type_ not in _ATTITUDE_SUBJECTS and subj.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(c.dep_ in wants.split() for c in tok.children)


_POLLS = frozenset({"poll", "survey"})
_POLL_AVERAGES = frozenset({"average", "aggregate"})


def _poll_claim(tok: Token, text: str, mentions: list[Mention]) -> Claim | None:
    """A poll or survey after "in" as the source of the clause the phrase modifies ("In a CNN poll, Clinton
    led by 24 points", "Trump is ahead in the polls"; PolNeAR train: 56 of 179 such phrases are annotated)."""
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    if pobj.lemma_.lower() in _POLL_AVERAGES:  # "in the RealClearPolitics average of recent polls"
        of = [g for c in pobj.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if not any(g.lemma_.lower() in _POLLS for g in of):
            return None
    elif pobj.lemma_.lower() not in _POLLS:
        return None
    # the verb of the clause the phrase modifies, also through the noun it hangs on ("took 6 percent of
    # the vote in a Washington Post-ABC News poll")
    verb = tok.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    parts = _clause_without(verb, tok, text)
    if not parts:
        return None
    # what comes before the phrase ("Trump has a lead in the polls ahead of …"), or after it ("In a poll, …")
    content = parts[0] if len(text[parts[0][0] : parts[0][1]].split()) >= 3 else parts[-1]
    content = _without_stop(text, content)
    if len(text[content[0] : content[1]].split()) < 3:
        return None
    return _phrase_claim(tok, tok.idx + len(tok), pobj, _subtree(pobj, text), content, text, mentions)


# What is cited as the source of a report, not as a reason ("citing police sources", "citing the report").
_CITED_SOURCES = frozenset(
    """official source report person people aide adviser spokesman spokeswoman spokesperson document record
    statement poll survey study analysis data agency ministry media outlet newspaper witness
    diplomat""".split()
)


def _cites_a_source(tok: Token) -> bool:
    """Whether "citing X" after a cue names who the report comes from ("Yonhap said, citing the NIS", "citing
    two U.S. officials"), a link of the chain, rather than the speaker's reasons ("he said, citing Trump's
    blue-collar appeal"), which are a claim of the speaker's (PolNeAR train: 12 of 13 annotated)."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None:
        return True
    return obj.ent_type_ in _ATTITUDE_SUBJECTS or obj.lemma_.lower() in _CITED_SOURCES


def _reported_claim(tok: Token, text: str) -> Claim | None:
    """Reported without a source ("X reportedly did Y"): the writer passes on what unnamed reports say.
    The content is the clause the adverb sits in, without it (PolNeAR train: 16 of 27 are annotated so)."""
    head = tok.head
    if tok.dep_ != "advmod" or head.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    if head.lemma_.lower() in CUE_LEMMAS or _reporting_ancestor(head) is not None:
        return None  # "Trump reportedly said …", "officials said the convoy had reportedly crossed": a hedge
    parts = _clause_without(head, tok, text)
    if not parts:
        return None
    parts[-1] = _without_stop(text, parts[-1])
    if sum(len(text[p[0] : p[1]].split()) for p in parts) < 3:
        return None
    spans = [_span(text, *p) for p in parts]
    sent = tok.sent
    return Claim(
        sent.start_char,
        sent.end_char,
        None,
        _span(text, tok.idx, tok.idx + len(tok)),
        spans[0],
        "indirect",
        hedges=("reportedly",),
        content_more=tuple(spans[1:]),
    )


def _asked_claim(tok: Token, text: str, mentions: list[Mention]) -> Claim | None:
    """A question put to the speaker of the sentence ("Asked if he was ever bullied, the candidate said no",
    "When asked by Ingraham about foreign workers, Rubio said …"): cue "asked", the question as content,
    whoever asked it ("by Ingraham") as source, else none. The answer is the main verb's claim."""
    if (
        tok.tag_ != "VBN"
        or tok.dep_ != "advcl"
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    ):
        return None
    question = [
        c
        for c in tok.rights
        if (c.dep_ in ("ccomp", "advcl") and c.left_edge.lower_ in _WH_WORDS)
        or (c.dep_ == "prep" and c.lower_ == "about")
    ]
    if not question or tok.head.i < tok.i:
        return None
    cue_end = tok.idx + len(tok)
    first: Token | None = question[0]
    if question[0].dep_ == "prep" and question[0].i == tok.i + 1:
        # "Asked about Sullivan": the cue takes the preposition, as "asked about" after a subject does
        first = next((c for c in question[0].children if c.dep_ in ("pobj", "pcomp")), None)
        cue_end = question[0].idx + len(question[0])
    if first is None:
        return None
    content = _strip(text, first.left_edge.idx, question[-1].right_edge.idx + len(question[-1].right_edge))
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    asker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    source = None
    if asker is not None:
        a, b = _np_range(asker)
        eid, name = _resolve(asker, mentions)
        source = SourceRef(a, b, text[a:b], eid, name)
    sent = tok.sent
    return Claim(
        sent.start_char,
        sent.end_char,
        source,
        _span(text, tok.idx, cue_end),
        _span(text, *content),
        "indirect",
    )


def _phrase_claim(
    cue: Token,
    cue_end: int,
    src_tok: Token,
    src: tuple[int, int],
    content: tuple[int, int],
    text: str,
    mentions: list[Mention],
) -> Claim:
    """A claim whose source is named in a phrase, not as a subject ("according to X, …", "in a CNN poll,
    …"): the writer reports, without quoting, what the source holds."""
    eid, name = _resolve(src_tok, mentions)
    sent = cue.sent
    return Claim(
        sent.start_char,
        sent.end_char,
        SourceRef(src[0], src[1], text[src[0] : src[1]], eid, name),
        _span(text, cue.idx, cue_end),
        _span(text, *content),
        "indirect",
        hedges=_hedges(cue, text[content[0] : content[1]], sent.text),
    )


# Adjectives of stance that PolNeAR marks as cues when someone holds them about something: "were both sternly
# critical of the plan", "is confident that …", "was eager to …". Chosen on PolNeAR train, where these
# adjectives with a subject and a complement are cues in about half the cases or more; "likely", "able",
# "willing", "sure" and the like, far less often, are left out.
_ADJ_CUES = frozenset(
    """critical skeptical sceptical supportive eager hopeful optimistic pessimistic upbeat adamant convinced
    wary enamored enamoured angry upset pleased confident worried concerned reluctant proud divided
    unified""".split()
)
_ADJ_PREPS = frozenset({"of", "about", "on", "in", "with", "toward", "towards", "over"})
_DOUBTING = frozenset({"skeptical", "sceptical"})


def _adjective_claim(tok: Token, text: str, mentions: list[Mention]) -> Claim | None:
    """A stance held by the subject of "be" ("Republicans were critical of the deal"): the cue runs from the
    verb to the adjective and its preposition, the content is what the stance is about."""
    lemma = tok.lemma_.lower()
    verb = tok.head
    if tok.dep_ != "acomp" or lemma not in _ADJ_CUES or verb.lemma_.lower() != "be":
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in ("it", "this", "that", "there") or subj.i > verb.i:
        return None
    comp = next((c for c in tok.rights if c.dep_ in ("prep", "ccomp", "xcomp")), None)
    if comp is None:
        return None
    cue_end = tok.idx + len(tok)
    if comp.dep_ == "prep":
        # "critical to the economy" is how much something matters, not a stance
        obj = next((c for c in comp.children if c.dep_ in ("pobj", "pcomp")), None)
        if obj is None or comp.lower_ not in _ADJ_PREPS or (lemma == "critical" and comp.lower_ != "of"):
            return None
        content = _subtree(obj, text)
        cue_end = comp.idx + len(comp)
    else:
        content = _subtree(comp, text)
    return _held_claim(
        tok, verb, subj, cue_end, content, "doubts" if lemma in _DOUBTING else "asserts", text, mentions
    )


def _held_claim(
    tok: Token,
    verb: Token,
    subj: Token,
    cue_end: int,
    content: tuple[int, int],
    stance: str,
    text: str,
    mentions: list[Mention],
) -> Claim | None:
    """The claim of a phrase held by the subject of ``verb``: the cue runs from the verb (with its
    auxiliaries, negation and adverbs, as ``_cue_extent`` reads them) to ``cue_end``."""
    content = _without_stop(text, content)
    if content[1] <= content[0]:
        return None
    cue_start, cue_end = _cue_extent(verb, verb.idx, cue_end, content)
    r = _subtree(subj, text) if subj.right_edge.i < verb.i else _np_range(subj)
    eid, name = _resolve(subj, mentions)
    source = SourceRef(r[0], r[1], text[r[0] : r[1]], eid, name)
    sent = tok.sent
    return Claim(
        sent.start_char,
        sent.end_char,
        source,
        _span(text, cue_start, cue_end),
        _span(text, *content),
        "indirect",
        (ViaLink(source.name or source.text, source.entity_id),),
        stance,
        _hedges(tok, text[content[0] : content[1]], sent.text),
    )


# A verb and the noun it takes that together say something about someone or something ("took aim at",
# "made the case for", "raised questions about", "expressed concern that"): the cue runs to the noun's
# preposition, the content is what it governs. Chosen on PolNeAR train (verb-object pairs inside gold cues).
_LIGHT_CUES = {
    "make": frozenset("case mention comment statement reference joke argument allegation".split()),
    "take": frozenset("aim shot swipe issue credit".split()),
    "raise": frozenset("question concern doubt".split()),
    "express": frozenset("concern support confidence doubt frustration opposition".split()),
    "voice": frozenset("concern support opposition doubt".split()),
    "cast": frozenset({"doubt"}),
    "offer": frozenset("thought opinion".split()),
    "poke": frozenset({"fun"}),
    "claim": frozenset({"credit"}),
}
_LIGHT_PREPS = frozenset("about for at with of to on over against".split())


def _light_verb_claim(tok: Token, text: str, mentions: list[Mention]) -> Claim | None:
    """A verb whose object is one of its nouns of saying, with a preposition or a that-clause saying what
    about ("Trump took aim at Clinton's record")."""
    nouns = _LIGHT_CUES.get(tok.lemma_.lower())
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    if nouns is None or subj is None or obj is None or obj.lemma_.lower() not in nouns:
        return None
    for c in (*obj.rights, *(r for r in tok.rights if r.i > obj.i)):
        if c.dep_ == "prep" and c.lower_ in _LIGHT_PREPS:
            pobj = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return _held_claim(
                    tok, tok, subj, c.idx + len(c), _subtree(pobj, text), "asserts", text, mentions
                )
        if c.dep_ in ("acl", "ccomp") and "that" in mark_words(c):
            return _held_claim(
                tok, tok, subj, obj.idx + len(obj), _subtree(c, text), "asserts", text, mentions
            )
    return None


def _hedges(cue: Token, content: str, sentence: str) -> tuple[str, ...]:
    found: list[str] = []
    lemma = cue.lemma_.lower()
    if lemma in _CUE_HEDGES:
        found.append(_CUE_HEDGES[lemma])
    for name, rx in _HEDGES:
        if rx.search(content) or (name == "reportedly" and rx.search(sentence)):
            found.append(name)
    return tuple(dict.fromkeys(found))


def extract_claims(doc: Doc, mentions: list[Mention], min_confidence: float | None = None) -> list[Claim]:
    """Attributions of a parsed article, each with its confidence; those under ``min_confidence`` (by
    default the model's threshold, extract/confidence.py) are left out."""
    claims: list[Claim] = []
    text = doc_text(doc)
    quotes = _quote_spans(text)
    for sent in doc.sents:
        s_start, s_end = sent.start_char, sent.end_char
        sent_quotes_all = [q for q in quotes if q[0] < s_end and q[1] > s_start]
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.lower_ == "in" and tok.dep_ == "prep":
                poll = _poll_claim(tok, text, mentions)
                if poll is not None:
                    claims.append(poll)
                continue
            if tok.lower_ == "reportedly":
                reported = _reported_claim(tok, text)
                if reported is not None:
                    claims.append(reported)
                continue
            if tok.pos_ == "ADJ" and tok.dep_ == "acomp":
                stance_held = _adjective_claim(tok, text, mentions)
                if stance_held is not None:
                    claims.append(stance_held)
                continue
            if tok.pos_ not in ("VERB", "AUX") and tok.lower_ != "according":
                continue
            if tok.lower_ == "asked":
                asked = _asked_claim(tok, text, mentions)
                if asked is not None:
                    claims.append(asked)
                    continue
            if tok.lower_ == "according":
                to = next((c for c in tok.children if c.lower_ == "to"), None)
                pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
                if pobj is None or to is None:
                    continue
                src_range = _np_range(pobj)
                c_start, c_end = s_start, s_end
                # The content is the sentence without the "according to X" phrase.
                a_start, a_end = tok.idx, src_range[1]
                if a_start - s_start > s_end - a_end:
                    c_end = a_start
                else:
                    c_start = a_end
                c_start, c_end = _strip(text, c_start, c_end)
                while c_end > c_start and text[c_end - 1] in ".!?":
                    c_end -= 1
                if c_end <= c_start:
                    continue
                claims.append(
                    _phrase_claim(tok, to.idx + len(to), pobj, src_range, (c_start, c_end), text, mentions)
                )
                continue
            if (
                lemma == "cite"
                and tok.tag_ == "VBG"
                and any(
                    t.lemma_.lower() in CUE_LEMMAS
                    for t in (tok.head, *doc[max(sent.start, tok.i - 3) : tok.i])
                )
                and _cites_a_source(tok)
            ):
                continue  # "reported, citing police sources, that …": a link of the chain, not a claim
            object_cue = (lemma in OBJECT_CUE_LEMMAS and lemma not in CUE_LEMMAS) or _attitude(
                tok, sent_quotes_all
            )
            negated = any(c.dep_ == "neg" for c in tok.children)
            went_on = _went_on(tok)
            made_clear = _made_clear(tok)
            if made_clear is not None:
                object_cue = True
            if (
                tok.tag_ == "VB"
                and not went_on
                and lemma not in _BASE_FORM_OK
                and not (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _DECLINE)
                and not (negated and lemma in _NOT_CONFIRM)  # "could not corroborate", "would not comment"
                and not _emphatic(tok)  # "did say", "did not mention", "would say"
                and not (  # "advisers say": a present tense the tagger took for a base form
                    any(c.dep_ == "nsubj" for c in tok.children)
                    and not any(c.dep_ == "aux" for c in tok.children)
                )
            ):
                continue
            if lemma in _LIGHT_CUES:
                light = _light_verb_claim(tok, text, mentions)
                if light is not None:
                    claims.append(light)
                    continue
            if lemma not in CUE_LEMMAS and lemma not in _DECLINE and not object_cue:
                continue
            # A cue inside a quotation is a claim nested in another: its own content is its complement.
            sent_quotes = [q for q in sent_quotes_all if not q[0] <= tok.idx < q[1]]
            if lemma in _DECLINE and (
                not any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in tok.children)
                or any(c.dep_ == "nsubj" and c.lemma_.lower() in _MEASURES for c in tok.children)
            ):
                continue  # "declined sharply", "sales declined to record lows": nobody refused anything
            if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _DECLINE:
                continue  # "declined to confirm": the claim hangs off "declined"
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None and tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
                subj = tok.head
            if subj is None and went_on and tok.head.tag_ == "VBG":
                # "Sanders said …, going on to say that …": the speaker of the cue it carries on from
                speaker = _reporting_ancestor(tok.head)
                subj = next((c for c in speaker.children if c.dep_ == "nsubj"), None) if speaker else None
            if subj is None and tok.dep_ == "dep" and lemma in CUE_LEMMAS:
                # "Majorities of Democrats in five states going to the polls Tuesday say …": the parser took a
                # word of the subject for the verb and hung the cue on it
                subj = next((c for c in tok.head.children if c.dep_ == "nsubj" and c.i < tok.i), None)
            if subj is None:
                subj = _inherited_subject(tok)
            comp = next((c for c in tok.children if c.dep_ in ("ccomp", "parataxis")), None)
            if comp is not None and comp.i < tok.i:
                # A clause on the left and what the cue takes on its right ("Rates are too low, he later
                # explained that the result was a bubble"): the right one is what the cue reports.
                right = next((c for c in tok.rights if c.dep_ == "ccomp"), None)
                if right is None and object_cue and lemma not in CUE_LEMMAS:
                    right_obj = next((c for c in tok.rights if c.dep_ in ("dobj", "xcomp")), None)
                    if right_obj is not None:
                        comp = None
                elif right is not None:
                    comp = right
            if made_clear is not None:
                comp = made_clear[1]
            content: tuple[int, int] | None = None
            if comp is None and lemma in _DECLINE:
                x = next(c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"))
                named = None
                if x.lemma_.lower() in _NOT_CONFIRM:
                    # "declined to confirm the report", "refused to comment on the figures": what is named
                    named = next((c for c in x.children if c.dep_ in ("dobj", "ccomp")), None)
                    prep = next(
                        (c for c in x.children if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS), None
                    )
                    if named is None and prep is not None:
                        named = next((c for c in prep.children if c.dep_ == "pobj"), None)
                # "refused to endorse Ryan", "declined to discuss the case", and "declined to comment" when
                # nothing is named: what was refused
                content = (
                    _strip(text, *_np_range(named, stop_at_to=True))
                    if named is not None
                    else _subtree(x, text)
                )
            more: tuple[int, int] | None = None
            if (
                comp is None
                and content is None
                and subj is not None
                and tok.dep_ in ("parataxis", "ccomp")
                and tok.head.i != tok.i
            ):
                # "Bringing the show back, he said, feels right", "The difference now, he told me, is that
                # …": the cue interrupts its own content, which is both sides of it.
                head = tok.head
                if head.pos_ not in ("VERB", "AUX") and head.head.pos_ in ("VERB", "AUX"):
                    # hung on the clause's subject ("The difference now, he told me, is …"): the clause
                    head = head.head
                parts = _clause_without(head, tok, text)
                if sum(len(text[a:b].split()) for a, b in parts) >= 3:
                    content = parts[0]
                    more = parts[1] if len(parts) > 1 else None
            if comp is None and content is None:
                # "Yonhap said, citing the NIS, that …": the parser often hangs the that-clause on the cited
                # source as a relative clause; it is the content of the cue.
                for c in tok.children:
                    if c.dep_ == "advcl" and c.lemma_.lower() == "cite":
                        for o in c.children:
                            comp = comp or next(
                                (r for r in o.children if _that_clause(r)),
                                None,
                            )
            if comp is None and content is None and lemma in CUE_LEMMAS and lemma not in _ANSWER_PREPS:
                # "said in one of a series of Twitter messages that …", "said earlier during a news
                # conference that …": the parser hangs the that-clause inside the phrase of where or when
                comp = next(
                    (
                        r
                        for p in tok.rights
                        if p.dep_ == "prep" and p.lower_ not in _TOPIC_PREPS
                        for r in p.subtree
                        if _that_clause(r) and r.head.lemma_.lower() not in _TOLD_NOUNS
                    ),
                    None,
                )
            if (
                comp is None
                and content is None
                and (object_cue or lemma in CUE_LEMMAS)
                and lemma not in _CLAUSE_ONLY  # "found the body", "released the video": no claim
            ):
                obj = next(
                    (c for c in tok.children if c.dep_ in ("dobj", "xcomp", "attr", "oprd") and c.i > tok.i),
                    None,
                ) or next(
                    (
                        c
                        for c in tok.children
                        if c.dep_ == "prep"
                        and c.i > tok.i
                        and (c.lower_ in _CONTENT_PREPS or c.lower_ in _ANSWER_PREPS.get(lemma, ()))
                        and not (c.lower_ == "on" and lemma in _SAY_ON)  # "said on CNN": where, not what
                    ),
                    None,
                )
                if obj is not None and obj.dep_ == "prep":
                    # "called for a ban": the content is what the preposition governs, not "for"
                    obj = next((c for c in obj.children if c.dep_ in ("pobj", "pcomp")), obj)
                if obj is None:
                    # "called for the United States to step up …", "pushing for his state to require …":
                    # the parser makes "for X to do Y" a clause of its own, led by "for"
                    for_clause = next(
                        (
                            c
                            for c in tok.rights
                            if c.dep_ == "advcl"
                            and c.left_edge.i == tok.i + 1
                            and c.left_edge.dep_ == "mark"
                            and c.left_edge.lower_ == "for"
                        ),
                        None,
                    )
                    if for_clause is not None:
                        content = _strip(text, tok.doc[tok.i + 2].idx, _subtree(for_clause, text)[1])
                last = obj
                cue_prep = next(
                    (
                        c
                        for c in tok.rights
                        if c.dep_ == "prep" and c.i == tok.i + 1 and c.lower_ in _CUE_PREPS
                    ),
                    None,
                )
                who = next((c for c in cue_prep.children if c.dep_ == "pobj"), None) if cue_prep else None
                if lemma == "ask" and obj is not None and obj.dep_ == "dobj":
                    # "asked Trump about the remarks", "asked her if she would …": who is asked is not what
                    question = [
                        c
                        for c in tok.rights
                        if c.i > obj.i
                        and (
                            c.dep_ in ("ccomp", "xcomp", "advcl")
                            or (c.dep_ == "prep" and c.lower_ in ("about", "whether", "if"))
                        )
                    ]
                    if question:
                        obj, last = question[0], question[-1]
                        content = _strip(text, obj.left_edge.idx, last.right_edge.idx + len(last.right_edge))
                    elif obj.pos_ in ("PRON", "PROPN"):
                        obj = None
                if lemma == "tell" and obj is not None and obj.dep_ == "dobj":
                    # "told The Washington Post", "told the crowd that …": who is told is not what
                    said = [
                        c for c in tok.rights if c.i > obj.i and c.dep_ in ("ccomp", "xcomp", "dobj", "advcl")
                    ]
                    said = said or [c for c in obj.children if _that_clause(c)]
                    if said:
                        obj, last = said[0], said[-1]
                    else:
                        obj = None
                if who is not None and obj is not None and obj.dep_ == "xcomp" and obj.i > who.i:
                    # "called on Trump to stop attacking": who is called on, and to do what
                    obj, last = who, obj
                elif obj is not None and obj.dep_ == "dobj":
                    # "called him a master at deals", "described the plan as a failure": the object and what
                    # is said of it
                    for c in tok.rights:
                        if c.i > obj.i and (
                            c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ == "as")
                        ):
                            last = c
                        elif (
                            c.dep_ == "prep"
                            and last is not None
                            and c.i == last.right_edge.i + 1
                            and not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
                        ):
                            last = c  # "a master at bolting deals together": what the predicate is about
                if (
                    obj is not None
                    and last is not None
                    and (
                        (last.right_edge.i - obj.left_edge.i) >= 1
                        # "endorsed Cruz", "attacked him": one word, when it names someone, after a cue with
                        # its own subject (not "a poll showing her ahead", "called on Trump to stop attacking
                        # Machado", which are inside another cue's content)
                        or (
                            obj.dep_ == "dobj"
                            and (obj.pos_ == "PROPN" or obj.lower_ in _PERSON_OBJECTS)
                            and any(c.dep_ == "nsubj" for c in tok.children)
                        )
                    )
                ):
                    content = _strip(text, obj.left_edge.idx, last.right_edge.idx + len(last.right_edge))
                if content is None and lemma in CUE_LEMMAS:
                    # "have not said when they would vote": a question the cue answers or leaves open
                    wh = next(
                        (c for c in tok.rights if c.dep_ == "advcl" and c.left_edge.lower_ in _WH_WORDS),
                        None,
                    )
                    if wh is not None:
                        content = _subtree(wh, text)
            elif object_cue and comp is None:
                continue
            kind = "indirect"
            if comp is not None:
                content = _subtree(comp, text)
                if (
                    comp.i < tok.i
                    and comp.left_edge.i > sent.start
                    and doc[comp.left_edge.i - 1].text in _QUOTES
                ):
                    kind = "direct"
            # the quotations the cue closes ("'…,' said X") or opens
            own = [q for q in sent_quotes if _next_to(tok, subj, q, text)]
            under_cue = (
                tok.dep_ == "advcl" and tok.head.lemma_.lower() in CUE_LEMMAS
            )  # "…, she said, recalling"
            if under_cue and subj is not None and subj.head.i != tok.i:
                # '“…,” she said, recalling the thinking back then': a quotation before the head verb is its,
                # not this cue's
                own = [q for q in own if q[0] > tok.idx]
            framed = None if kind == "direct" else _framed_quote(tok, text, sent_quotes, lemma == "tell")
            if (
                framed is not None
                and comp is not None
                and framed[1] <= comp.left_edge.idx
                and tok.i + 1 < len(doc)
                and doc[tok.i + 1].dep_ == "prep"
                and doc[tok.i + 1].head.i == tok.i
            ):
                framed = None  # 'said on ABC's “This Week” that …': the quotation names where, not what
            if framed is not None:
                # Clinton called half of Trump's supporters “deplorables.”: the words the cue governs, up to
                # the end of the quotation inside them, are the content, not the quoted word alone
                content, kind = framed, "mixed"
            elif sent_quotes and content is None and not own and under_cue:
                # '“…,” she said, recalling the thinking back then': the quotation is the head verb's; this
                # cue's content is its own object, if it has one
                obj = next((c for c in tok.rights if c.dep_ in ("dobj", "ccomp")), None)
                if obj is None or obj.right_edge.i == obj.left_edge.i:
                    continue
                content = _subtree(obj, text)
            elif (sent_quotes and content is None) or (
                sent_quotes
                and (
                    (comp is None and own)
                    or kind == "direct"
                    or (content and any(q[0] <= content[0] and content[1] <= q[1] + 1 for q in sent_quotes))
                )
            ):
                q = own[0] if own else max(sent_quotes, key=lambda r: r[1] - r[0])
                content = _inside(text, q[0], q[1])
                kind = "direct"
            elif content and any(content[0] <= q[0] and q[1] <= content[1] for q in sent_quotes):
                kind = "mixed"
            if content is None and subj is not None and not sent_quotes:
                # “How many times do we have to see this?” Clinton said. — the parser ends the sentence at
                # the question mark inside the quote; the quote just before is the content.
                prior = [q for q in quotes if q[1] < s_start and not text[q[1] : s_start].strip(" \t\"“”'")]
                if prior and tok.i - sent.start <= 4:
                    content = _inside(text, prior[-1][0], prior[-1][1])
                    kind = "direct"
            if (
                content is None
                and subj is not None
                and tok.dep_ == "advcl"
                and subj.head.i == tok.i  # its own subject: not "As expected, the senator won"
                and "as" in mark_words(tok)
            ):
                # "as The Huffington Post reported, Clinton is …": the clause it modifies, without it
                parts = _clause_without(tok.head, tok, text)
                if parts:
                    content = _without_stop(text, max(parts, key=lambda p: p[1] - p[0]))
            if content is None and subj is not None:
                content, kind = _content_around(tok, subj, text, kind)
            if content is None or content[1] <= content[0]:
                continue
            cited = next((t for t in sent if t.idx == content[0]), None)
            if cited is not None and cited.lemma_.lower() == "cite" and cited.tag_ == "VBG":
                # "said, citing the NIS, that …": the parser hangs "citing" on the reported clause; who is
                # cited is a link of the chain, not what was said
                content = _strip(text, cited.right_edge.idx + len(cited.right_edge), content[1])
                if content[1] <= content[0]:
                    continue
            if lemma in _VENUE_LEMMAS and kind != "direct":
                venue = next(
                    (
                        c
                        for c in tok.rights
                        if c.dep_ == "prep"
                        and c.lower_ in ("on", "at", "in")
                        and c.idx <= content[0] <= c.idx + 1
                    ),
                    None,
                )
                if venue is not None:
                    after = venue.right_edge.idx + len(venue.right_edge)
                    rest = _strip(text, after, content[1], " \t\n,")
                    if len(text[rest[0] : rest[1]].split()) >= 3:
                        # "said on ABC's “This Week” that …", "acknowledged in an MSNBC forum it will …":
                        # where it was said is not what
                        content = rest
            if kind != "direct":
                content = _joined_to_content(tok, comp, content, text)
                # A speech verb inside the content begins a claim of its own: "said she was stunned, adding,
                # “…”" (the content ends at the comma), "said that … and noted that …", "…, while other voters
                # said …" (it ends at the joining word)
                participle = next(
                    (
                        t
                        for t in doc[tok.i + 1 : sent.end]
                        if content[0] < t.idx < content[1]
                        and t.tag_ == "VBG"
                        and t.lemma_.lower() in CUE_LEMMAS
                        and t.i > 0
                        and doc[t.i - 1].text == ","
                    ),
                    None,
                )
                end = doc[participle.i - 1] if participle is not None else None
                if end is None:
                    joined = next(
                        (
                            t
                            for t in doc[tok.i + 2 : sent.end]
                            if t.dep_ in ("conj", "advcl")
                            and t.pos_ == "VERB"
                            and _cue_word(t)
                            and any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in t.children)
                            # "said the videos were inconclusive and that the footage did not show …": a
                            # second that-clause of the same cue, not a claim of its own
                            and "that" not in mark_words(t)
                            and t.left_edge.i > tok.i + 1
                            and content[0] < t.left_edge.idx < content[1]
                            and (
                                doc[t.left_edge.i - 1].lower_ in ("and", ",", "while", "but")
                                or t.left_edge.lower_ in ("while", "but", "and")
                            )
                        ),
                        None,
                    )
                    if joined is not None:
                        edge = joined.left_edge
                        end = edge if edge.lower_ in ("while", "but", "and") else doc[edge.i - 1]
                if end is not None:
                    content = _strip(text, content[0], end.idx)
            if (
                kind == "indirect"
                and more is None
                and comp is not None
                and comp.i < tok.i
                and content[1] <= tok.idx
            ):
                more = _resumed_after_cue(tok, content, text)
            if kind == "indirect" and more is None and content[0] > tok.idx:
                content = _through_colon(doc, content, text)
            tail = _TRAILING_CONJ.search(text, content[0], content[1])
            if tail is not None and tail.start() > content[0]:
                content = (content[0], tail.start())  # "… his scientific training, and": the clause ends
            if re.match(r"[.!?,][\"”’']", text[content[1] : content[1] + 2]):
                content = (content[0], content[1] + 1)  # "… under wraps.”": the quoted words' own stop
                if kind == "indirect" and any(content[0] <= q[0] and q[1] <= content[1] for q in sent_quotes):
                    kind = "mixed"
            run_on = next((q for q in sent_quotes if content[0] < q[0] < content[1] < q[1]), None)
            if run_on is not None:
                # a quotation opened inside the content runs on past it ("said that “what matters is more
                # than winning. What really matters is helping others win.”"): the content ends with it
                content = (content[0], run_on[1] + (text[run_on[1] : run_on[1] + 1] in _QUOTES))
                kind = "mixed" if kind == "indirect" else kind
            if subj is None and (tok.dep_ != "ROOT" or tok.i == sent.start):
                continue
            raised = (
                next((c for c in tok.rights if c.dep_ == "xcomp"), None)
                if subj is not None
                and subj.i < tok.i
                and (
                    subj.dep_ == "nsubjpass"
                    or (lemma in _EVIDENTIAL and subj.dep_ == "nsubj" and subj.lower_ not in ("it", "there"))
                )
                else None
            )
            if (
                raised is not None
                and more is None
                and content is not None
                and content[0] >= raised.left_edge.idx
            ):
                # "About one voter in nine is expected to be Latino": what is expected is the subject and the
                # infinitive, on both sides of the cue; who expects it is the agent ("by analysts"), if any
                assert subj is not None
                more = content
                content = _subtree(subj, text)
                agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                subj = (
                    next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                )
            rel = next(
                (
                    c
                    for c in tok.children
                    if c.dep_ in ("dobj", "nsubjpass") and c.i < tok.i and c.lower_ in _WH_OBJECTS
                ),
                None,
            )
            if rel is not None and more is None and content is not None and content[0] > tok.idx:
                # "what Trump called “a hate crime”": the relative word is what the name is given to
                more = content
                content = (rel.idx, rel.idx + len(rel))
            stance, cue_s, cue_e = _stance(tok, text)
            cue_s, cue_e = _cue_extent(tok, cue_s, cue_e, content)
            if cue_s < content[0] < cue_e:
                # "declined | to comment": the cue stops where the content begins
                cue_e = _strip(text, cue_s, content[0])[1]
            if made_clear is not None:
                cue_e = max(cue_e, made_clear[0].idx + len(made_clear[0]))  # "made it clear"
            if went_on:
                cue_s = min(cue_s, tok.head.idx)  # "went on to say"
            if subj is not None and (
                lemma in _EVIDENTIAL
                or (subj.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in tok.children))
                or (  # "Asked about the device, O'Neill said …": a passive participle, its subject borrowed
                    tok.tag_ == "VBN"
                    and tok.dep_ in ("advcl", "acl")
                    and not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in tok.children)
                )
            ):
                # "Melania seems to have vanished", "He has been harshly criticized for …": the subject is
                # what is said of, not who says it; the writer (or someone unnamed) is the source (PolNeAR
                # train: 208 of 270 such claims have no source; a sentence-initial "Asked …", 35 of 40)
                subj = None
            source = None
            if subj is not None:
                # The whole noun phrase, appositions and party labels included ("Sen. David Perdue (R-Ga.)",
                # "Minyon Moore, a senior adviser to the Clinton campaign,"), as PolNeAR marks sources.
                r = _subtree(subj, text)
                aside = next(
                    (
                        c
                        for c in subj.rights
                        if c.dep_ in ("acl", "advcl") and c.tag_ in ("VBG", "VBN") and c.nbor(-1).text == ","
                    ),
                    None,
                )
                if aside is not None:
                    # "Trump, speaking to a veterans group in Virginia, said": the aside is not the source
                    r = _strip(text, r[0], aside.nbor(-1).idx)
                if r[1] <= r[0] or subj.right_edge.i >= tok.i > subj.i:
                    r = _np_range(subj)
                elif "," in text[r[0] : r[1]] and text[r[1] : r[1] + 1] == ",":
                    r = (r[0], r[1] + 1)  # "Minyon Moore, a senior adviser, said": the comma closing it
                eid, name = _resolve(subj, mentions)
                source = SourceRef(r[0], r[1], text[r[0] : r[1]], eid, name)
            via: list[ViaLink] = []
            # "…, citing X": attached to the cue, or (a common misparse) to the cue's head right after it.
            citing = [c for c in tok.children if c.dep_ == "advcl" and c.lemma_.lower() == "cite"] or [
                t for t in doc[tok.i + 1 : min(tok.i + 4, sent.end)] if t.lemma_.lower() == "cite"
            ]
            for c in citing[:1]:
                obj = next((o for o in c.children if o.dep_ == "dobj"), None)
                if obj is not None and _cites_a_source(c):  # not the speaker's reasons ("citing the cost")
                    r = _np_range(obj)
                    eid, name = _resolve(obj, mentions)
                    via.insert(0, ViaLink(name or text[r[0] : r[1]], eid))
            if source is not None:
                via.append(ViaLink(source.name or source.text, source.entity_id))
            # The chain runs origin first: cited origins, the source itself, then who it told.
            rec = None
            if lemma == "tell":
                rec = next((c for c in tok.children if c.dep_ in ("dobj", "dative", "iobj")), None)
            if rec is None:
                # "said to Reuters", "declined to confirm the report to AFP": the recipient passes it on.
                heads = [tok, *(c for c in tok.children if c.dep_ == "xcomp")]
                heads += [o for h in list(heads) for o in h.children if o.dep_ == "dobj"]
                for h in heads:
                    for p in h.children:
                        if p.dep_ in ("prep", "dative") and p.lower_ == "to":
                            rec = next((o for o in p.children if o.dep_ == "pobj"), None)
                if rec is not None and rec.ent_type_ not in ("ORG", "PERSON", "NORP", "GPE"):
                    rec = None
            if rec is not None:
                r = _np_range(rec)
                eid, name = _resolve(rec, mentions)
                via.append(ViaLink(name or text[r[0] : r[1]], eid))
            claims.append(
                Claim(
                    s_start,
                    s_end,
                    source,
                    _span(text, cue_s, cue_e),
                    _span(text, *content),
                    kind,
                    tuple(via),
                    stance,
                    _hedges(tok, text[content[0] : content[1]], sent.text),
                    (_span(text, *more),) if more is not None and more[1] > more[0] else (),
                )
            )
    claims += _punctuation_claims(text, quotes, mentions, claims)
    kept = _scored(
        text, doc, _unquoted(_resumed_quotes(text, quotes, claims), quotes), quotes, min_confidence
    )
    return _linked(kept)


# Sources that pass reports on: agencies, services, governments, forces, organisations (actors.tsv kinds)
_INSTITUTIONS = frozenset({"media", "intel", "gov", "armed_force", "org", "country"})


def _scored(
    text: str, doc: Doc, claims: list[Claim], quotes: list[tuple[int, int]], min_confidence: float | None
) -> list[Claim]:
    """Each claim with its confidence, those under the threshold left out. An institution quoted inside
    another claim ("'The NIS said it has learned …,' Yonhap said") stays whatever its score: it is a link
    of the sourcing chain (NIS, via Yonhap), which PolNeAR does not mark and the model learns to doubt. A
    person quoted inside another's words ("'Trump said Hispanics live in hell,' she said") is part of what
    the outer source says and goes with the score."""
    threshold = default_threshold() if min_confidence is None else min_confidence
    out = []
    for c in claims:
        p = confidence(claim_features(text, c, claims, doc))
        if p < threshold:
            if c.source is None or (c.source.entity_id or "").split(":")[0] not in _INSTITUTIONS:
                continue
            outer = nesting(c, claims)
            if outer is None or not _quotes_it(outer, c, quotes):
                continue
        out.append(dataclasses.replace(c, confidence=round(p, 3)))
    return out


# Between a quotation's attribution and the quotation resuming after it: the rest of the attribution ("said
# Peter Morgan, a lawyer for the Sierra Club.", "she said of the election,"), on one line, no quote mark.
_RESUME_GAP = re.compile(r"[^\"“”\n]{0,300}?[.,;:!?—–-][ \t\u00a0]*(?:[\"“]|'')?")


def _resumed_quotes(text: str, quotes: list[tuple[int, int]], claims: list[Claim]) -> list[Claim]:
    """A direct quotation that resumes after its attribution is one content: “These are strange days,” said
    Peter Morgan. “I don't know what his intentions are.” The next quotation is taken when it opens right
    after the attribution's sentence (or clause) on the same line, and no other claim takes it as content
    or has its cue between the last sentence stop before it and its opening mark (a cue in the
    attribution's own sentence, "said Chaffetz after Pagliano failed to show up at the hearing he was called
    to.", does not stop it; "The governor said, “…”" does; a claim nested inside it is its own)."""
    cues = sorted(c.cue.start for c in claims)
    taken = {(c.content.start, c.content.end) for c in claims}
    quote_ends = {q[1] for q in quotes}
    quote_starts = [q[0] for q in quotes]  # in text order, as _quote_spans makes them
    out = []
    for c in claims:
        # a direct quotation, or a mixed one ending with its quoted words (Both parties "saw Burma as …,")
        quoted = c.quote == "direct" or (
            c.quote == "mixed" and bool(quote_ends & {c.content.end, c.content.end + 1})
        )
        if quoted and not c.content_more and c.content.end <= c.cue.start:
            k = bisect.bisect_right(quote_starts, c.cue.end)
            after = quotes[k] if k < len(quotes) else None
            if after is not None:
                part = _inside(text, *after)
                gap = _RESUME_GAP.fullmatch(text, c.cue.end, after[0])
                stops = [m.end() for m in re.finditer(r"[.!?]", text[c.cue.end : after[0]])]
                zone = c.cue.end + (stops[-1] if stops else 0)
                others = bisect.bisect_left(cues, zone) != bisect.bisect_left(cues, after[0])
                if gap and not others and part[1] > part[0] and part not in taken:
                    c = dataclasses.replace(c, content_more=(_span(text, *part),))
        out.append(c)
    return out


# Attribution by punctuation: a quotation signed with a dash (“…” ― Sonya Herridge), a headline or a
# transcript line led by its speaker and a colon ("Pence: Flowers won't be at debate", "WALLACE: Let's
# start"). Labels that lead a line the same way are not speakers.
_NAME = r"[A-Z][\w.'’&-]*(?:[ \u00a0]+(?:[A-Z][\w.'’&-]*|de|van|von|al|bin))*"
_DASH_SIGNED = re.compile(rf"[ \t\u00a0]*([―—–])[ \t\u00a0]*({_NAME})")
# A paragraph that is one signed quotation, whatever its quotation marks (readers' comments are often
# opened with a closing mark, ”…” ― Sonya Herridge, or hold a quotation of their own).
_DASH_SIGNED_LINE = re.compile(
    rf"(?m)^[ \t]*[\"“”]([^\n]*\S)[\"”][ \t\u00a0]*([―—–])[ \t\u00a0]*({_NAME})[ \t.]*$"
)
_SIGNED_INSIDE = re.compile(r"[\"”][ \t\u00a0]*[―—–]")
_COLON_LED = re.compile(rf"(?m)^[ \t]*[\"“]?({_NAME}):[ \t]+(?=\S)")
_NOT_SPEAKERS = frozenset(
    """note update editor's editors watch read related photo photos video source sources advertisement
    caption credit correction clarification warning breaking exclusive opinion analysis q a
    live transcript getty image images twitter facebook instagram""".split()
)


def _punctuation_claims(
    text: str, quotes: list[tuple[int, int]], mentions: list[Mention], found: list[Claim]
) -> list[Claim]:
    out: list[Claim] = []
    cues = [(c.cue.start, c.cue.end) for c in found]
    by_span = {(m.start, m.end): m for m in mentions}

    def source(a: int, b: int) -> SourceRef:
        m = by_span.get((a, b))
        return SourceRef(a, b, text[a:b], m.entity_id if m else None, m.name if m else None)

    def signed_by(start: int, c0: int, c1: int, dash: int, s0: int, s1: int) -> None:
        last = text[s0:s1].split()[-1]
        if last.endswith(".") and len(last) > 3 and last[:-1] not in ("Jr", "Sr", "Inc"):
            s1 -= 1  # "― Ariana Huichapa.": the sentence's stop, not an abbreviation
        if c1 > c0:
            src = source(s0, s1)
            out.append(Claim(start, s1, src, _span(text, dash, dash + 1), _span(text, c0, c1), "direct",
                             (ViaLink(src.name or src.text, src.entity_id),)))  # fmt: skip

    for para in _DASH_SIGNED_LINE.finditer(text):
        # a line of several signed quotations is read one quotation at a time (below)
        if len(para.group(3).split()) <= 5 and not _SIGNED_INSIDE.search(para.group(1)):
            signed_by(
                para.start(1) - 1, *_inside(text, para.start(1), para.end(1)), para.start(2), *para.span(3)
            )
    signed = {c.cue.start for c in out}
    for q0, q1 in quotes:
        m = _DASH_SIGNED.match(text, q1 + 1)
        if m is None or len(m.group(2).split()) > 5:
            continue
        if m.start(1) not in signed:  # else the whole paragraph is the quotation (above)
            signed_by(q0, *_inside(text, q0, q1), m.start(1), *m.span(2))
    for m in _COLON_LED.finditer(text):
        name = m.group(1)
        words = name.split()
        if len(words) > 5 or name.lower().split()[0] in _NOT_SPEAKERS or name.lower() in _NOT_SPEAKERS:
            continue
        colon = m.end(1)
        line_end = text.find("\n", colon)
        line_end = len(text) if line_end < 0 else line_end
        c0, c1 = _strip(text, colon + 1, line_end)  # spaces and quote marks off both ends
        if c1 - c0 < 3 or any(a <= colon < b for a, b in cues):
            continue
        src = source(*m.span(1))
        out.append(Claim(m.start(1), line_end, src, _span(text, colon, colon + 1), _span(text, c0, c1),
                         "direct", (ViaLink(src.name or src.text, src.entity_id),)))  # fmt: skip
    return out


_UNNAMING = frozenset(
    """the a an this that these those our my your his her their its i we you he she they it who which one
    someone somebody everyone everybody nobody people""".split()
)


def _named(source: SourceRef | None) -> bool:
    """A source given by name ("the National Intelligence Service", "Mr. Trump"), not a pronoun or a
    description ("they", "I", "the agency")."""
    if source is None:
        return False
    return any(w[:1].isupper() and w.lower() not in _UNNAMING for w in source.text.split())


def _quotes_it(outer: Claim, c: Claim, quotes: list[tuple[int, int]]) -> bool:
    """Whether ``c``'s cue is among the words ``outer`` quotes (and ``outer``'s cue is not inside ``c``)."""
    if any(p.start <= outer.cue.start < p.end for p in (c.content, *c.content_more)):
        return False
    if outer.quote == "mixed":
        return any(a <= c.cue.start and c.cue.end <= b for a, b in quotes)
    return outer.quote == "direct"


def _unquoted(claims: list[Claim], quotes: list[tuple[int, int]]) -> list[Claim]:
    """Drop a claim whose cue is inside the words another claim quotes, unless its source is named.

    A quotation is the speaker's own words: in "'They said they would call me,' Trump said" the
    attribution inside ("They said", "I said", "the agency said") is part of what Trump is quoted as
    saying, not a claim the article reports; PolNeAR marks almost none of them, and dropping them took
    622 claims off PolNeAR train (partial F1 of whole attributions 0.650 -> 0.661). A named source inside
    a quotation ("'The NIS said it has learned …,' Yonhap said") is the sourcing chain: NIS, via Yonhap."""
    return [
        c
        for c in claims
        if _named(c.source) or not any(o.holds_cue_of(c) and _quotes_it(o, c, quotes) for o in claims)
    ]


def _linked(claims: list[Claim]) -> list[Claim]:
    """Append the outer source to the chain of a claim whose cue sits inside another's content. Only the
    claims given pass links on: one dropped (inside a quotation, or under the confidence threshold) adds
    nothing to the chains of the claims inside it."""
    out = []
    for c in claims:
        via = list(c.via)
        for outer in claims:
            if outer.source is None or not outer.holds_cue_of(c):
                continue
            link = ViaLink(outer.source.name or outer.source.text, outer.source.entity_id)
            if link not in via:
                via.append(link)
        out.append(dataclasses.replace(c, via=tuple(via)))
    return out
