"""How likely a found claim is a real attribution: a logistic score over what the claim looks like.

The claim rules read the parse generously: a verb that can report ("called", "showed", "pledged") with a
subject and an object becomes a claim. Many such readings are not attributions ("an account called
'Hypo-Cruz'", "a video that showed Cruz discussing the bill"). Which ones are is a matter of combinations
(the cue word, who the source is, how the content is quoted, how long it is, where the claim sits) that
no single rule captures well, so a linear model weighs them.

The weights (``data/claim_weights.json``) are fit by ``bench/train_claim_confidence.py`` on the claims
newsledger finds in the PolNeAR train split, labelled by whether they match a gold attribution. PolNeAR
states no licence; the weights are numbers derived from it, shipped with that said (docs/ARCHITECTURE.md).
Each claim gets its ``confidence``; claims under the file's threshold are dropped (``--min-confidence``
overrides it; 0 keeps every claim).
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..model import Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc

_PRONOUNS = frozenset("he she they it i we you who which that this these those".split())
_BUCKETS = (0, 1, 2, 3, 5, 8, 13, 21, 34)
_WORD = re.compile(r"\S+")


def _bucket(n: int) -> int:
    return max(i for i, e in enumerate(_BUCKETS) if n >= e)


def claim_features(
    text: str, claim: Claim, claims: Sequence[Claim], doc: Doc | None = None
) -> dict[str, float]:
    """The features of one claim among all the claims found in its article; with the article's parse, also
    how the cue and the content sit in their sentence (the cue's part of speech and relation to its head,
    the content's relation to its head)."""
    f: dict[str, float] = {}
    if doc is not None:
        span = doc.char_span(claim.cue.start, claim.cue.end, alignment_mode="expand")
        if span is not None and len(span):
            root = span.root
            f["cue_tag=" + root.tag_] = 1
            f["cue_dep=" + root.dep_] = 1
            f[f"cue_dep={root.dep_}&tag={root.tag_}"] = 1
        con = doc.char_span(claim.content.start, claim.content.end, alignment_mode="expand")
        if con is not None and len(con):
            f["con_dep=" + con.root.dep_] = 1
    cue = _WORD.findall(claim.cue.text.lower()) or [""]
    f["cue_last=" + cue[-1]] = 1
    f["cue_first=" + cue[0]] = 1
    f["cue_n"] = len(cue)
    quote = "quote=" + claim.quote
    f[quote] = 1
    f["stance=" + claim.stance] = 1
    f["hedges"] = len(claim.hedges)
    src = claim.source
    if src is None:
        kind = "src=null"
    else:
        words = src.text.split()
        f["src_n"] = src_n = _bucket(len(words))
        f[f"src_n={src_n}"] = 1
        low = src.text.lower()
        shape = "src=cap" if src.text[:1].isupper() else "src=lower"
        kind = "src=pron:" + low if low in _PRONOUNS else shape
        f["src_eid=" + (src.entity_id or "none").split(":")[0]] = 1
        f["src_after_cue"] = int(src.start > claim.cue.start)
        if low not in _PRONOUNS:
            f["src_last=" + words[-1].lower().strip(",.")] = 1
        a, b = (src.end, claim.cue.start) if src.end <= claim.cue.start else (claim.cue.end, src.start)
        f["src_gap"] = _bucket(len(text[a:b].split()))
    f[kind] = 1
    content = claim.content
    n = _bucket(len(content.text.split()))
    f["con_n"] = n
    f[f"con_n={n}"] = 1
    f["con_before"] = int(content.end <= claim.cue.start)
    f["con_that"] = int(content.text.lower().startswith("that "))
    f["con_q"] = int(content.text.rstrip(' ”"').endswith("?"))
    f["con_more"] = int(bool(claim.content_more))
    f["con_first=" + (_WORD.findall(content.text.lower()) or [""])[0].strip("\"“”'")] = 1
    f["cue_ing"] = int(cue[-1].endswith("ing") or cue[0].endswith("ing"))
    line_start = text.rfind("\n", 0, claim.cue.start) + 1
    line_end = text.find("\n", claim.cue.start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    f["headline"] = int(line_start == 0)
    f["line_n"] = _bucket(len(line.split()))
    f["line_quote"] = int(bool(re.search(r"[\"“”]", line)))
    f["line_opens_quote"] = int(line.lstrip()[:1] in '"“')
    f["pos"] = round(claim.cue.start / max(1, len(text)), 1)
    before = text[max(0, claim.cue.start - 60) : claim.cue.start]
    f["paren"] = int(before.count("(") > before.count(")"))
    f["n_sent_claims"] = sum(1 for c in claims if c.start == claim.start)
    outer = nesting(claim, claims)
    if outer is not None:  # reported inside another claim's content: "X said Y told him …"
        f["nested"] = 1
        f["nested_in=" + outer.quote] = 1
    # the combinations that matter most: a cue word with who says it and how it is quoted
    f[f"{cue[-1]}&{kind.split(':')[0]}"] = 1
    f[f"{cue[-1]}&{quote}"] = 1
    f[f"{quote}&{kind}"] = 1
    return f


def nesting(claim: Claim, claims: Sequence[Claim]) -> Claim | None:
    """The first claim whose content holds this claim's cue, if any."""
    return next((outer for outer in claims if outer.holds_cue_of(claim)), None)


@functools.cache
def _model() -> dict[str, Any]:
    raw = resources.files("newsledger").joinpath("data/claim_weights.json").read_text(encoding="utf-8")
    model: dict[str, Any] = json.loads(raw)
    return model


def default_threshold() -> float:
    """The confidence under which claims are dropped, as fit with the weights."""
    return float(_model()["threshold"])


def confidence(features: dict[str, float]) -> float:
    """The model's probability that a claim with these features is an attribution."""
    m = _model()
    w = m["weights"]
    z = m["bias"] + sum(w.get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
