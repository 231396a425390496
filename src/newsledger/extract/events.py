"""Events: who did what to whom, where, when, how many, and how certain (docs/EVENTS.md).

A trigger is a verb or an event noun whose lemma is in the lexicon below, accepted only when its
arguments fit the type ("send" is deploy_forces with troops as object, military_aid with weapons; "fight"
is a clash between armed parties, not a campaign metaphor). For each trigger:

* actor — the subject (or the "by" agent of a passive), climbing through "decided to send" /
  "is preparing to send"; for a noun, its possessor ("Putin's visit"), a nationality or country modifier
  ("a Ukrainian missile attack"), or a "by" phrase;
* target — the object (or the passive subject), or a "with"/"on"/"against" phrase by type;
* place — an "in/near/at/…" phrase, or the destination of a visit or deployment;
* time — a time expression inside the trigger's clause, else (for what happened or is under way) the
  publication date, marked inferred;
* quantities — figures inside the trigger's clause (indices into the article's quantities);
* modality — from negation, modals, "if", and the verbs that govern the trigger (decide, prepare, plan,
  begin, deny, try…), then tense;
* claim — the claim whose content holds the trigger (the event is reported by that source).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..model import Arg, Claim, Event, Mention, Quantity, Span, TimeExpr
from ..nlp import aux_tokens, aux_words, doc_text, mark_words
from ..timex import timex_bounds
from .times import names_an_event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CAMEO = {
    "attack": "19", "casualties": "19", "clash": "19", "occupy": "19", "deploy_forces": "15",
    "mobilise": "15", "military_aid": "07", "aid": "07", "train_forces": "06", "withdraw": "08",
    "meet": "04", "convene": "04", "negotiate": "04", "visit": "04", "agreement": "05", "threaten": "13",
    "appeal": "02", "accuse": "11", "deny": "12", "sanction": "16", "arrest": "17", "investigate": "09",
    "protest": "14",
}  # fmt: skip
TYPES = (*CAMEO, "election", "appoint")

_FORCES = frozenset(
    "troops troop soldiers soldier forces army armies units brigades brigade battalions battalion divisions"
    " regiments warships ships armada fleet jets aircraft bombers marines paratroopers reinforcements"
    " contingent peacekeepers fighters mercenaries mission military servicemen personnel submarines"
    " carriers destroyers boots".split()
)
_ARMS = frozenset(
    "weapons weapon arms missiles missile ammunition munitions shells rockets artillery drones tanks guns"
    " rifles launchers equipment aid systems howitzers jets".split()
)
_ARMED = _FORCES | frozenset(
    "militants rebels insurgents police guerrillas militia militias fighters gunmen separatists army".split()
)
_TERRITORY = frozenset(
    "territory city town village region area base airport bridge hill province capital district border"
    " villages towns cities positions".split()
)
_VIOLENT = frozenset(
    "attack attacks bombing bombings shooting strike strikes shelling war killed explosion blast massacre"
    " assault raid".split()
)
_ELECTION_OBJ = frozenset(
    "election elections primary primaries state states nomination delegates race vote votes caucus"
    " caucuses seat presidency contest majority".split()
)
_POSTS = frozenset("cabinet charge office post job administration".split())

# Lemma → type for verbs whose type does not depend on their arguments.
_VERBS = {
    "attack": "attack", "bomb": "attack", "shell": "attack", "raid": "attack", "ambush": "attack",
    "assault": "attack", "strike": "attack", "target": "attack", "shoot": "attack", "airstrike": "attack",
    "kill": "casualties", "wound": "casualties", "injure": "casualties", "murder": "casualties",
    "slay": "casualties", "behead": "casualties",
    "clash": "clash",
    "deploy": "deploy_forces", "station": "deploy_forces", "dispatch": "deploy_forces",
    "arm": "military_aid",
    "occupy": "occupy", "annex": "occupy", "overrun": "occupy",
    "withdraw": "withdraw", "retreat": "withdraw", "evacuate": "withdraw",
    "mobilize": "mobilise", "mobilise": "mobilise", "conscript": "mobilise",
    "meet": "meet", "huddle": "meet", "confer": "meet", "consult": "meet",
    "convene": "convene", "summon": "convene",
    "negotiate": "negotiate", "mediate": "negotiate",
    "sign": "agreement", "ratify": "agreement",
    "visit": "visit", "tour": "visit",
    "threaten": "threaten", "warn": "threaten",
    "urge": "appeal", "demand": "appeal", "appeal": "appeal", "request": "appeal", "implore": "appeal",
    "accuse": "accuse", "blame": "accuse", "criticize": "accuse", "criticise": "accuse", "condemn": "accuse",
    "denounce": "accuse", "slam": "accuse", "trash": "accuse", "blast": "accuse", "castigate": "accuse",
    "deny": "deny", "refute": "deny",
    "sanction": "sanction", "embargo": "sanction", "boycott": "sanction",
    "arrest": "arrest", "detain": "arrest", "jail": "arrest", "imprison": "arrest", "kidnap": "arrest",
    "abduct": "arrest",
    "investigate": "investigate", "probe": "investigate", "indict": "investigate", "sue": "investigate",
    "prosecute": "investigate", "convict": "investigate",
    "protest": "protest", "demonstrate": "protest",
    "vote": "election", "elect": "election", "reelect": "election", "re-elect": "election",
    "campaign": "election",
    "appoint": "appoint", "resign": "appoint", "hire": "appoint", "nominate": "appoint",
}  # fmt: skip

# Verbs that name an event outside the taxonomy: kept as type "other" with their verb.
_OTHER_VERBS = frozenset(
    "hack release free rescue ban block veto impose lift suspend cancel postpone destroy damage loot flee"
    " escape crash explode erupt burn raze evacuate expel exchange swap smuggle".split()
)

# Event nouns.
_NOUNS = {
    "attack": "attack", "attacks": "attack", "bombing": "attack", "shooting": "attack", "airstrike": "attack",
    "shelling": "attack", "massacre": "attack", "raid": "attack", "ambush": "attack", "assault": "attack",
    "offensive": "attack", "invasion": "attack",
    "clash": "clash", "battle": "clash", "fighting": "clash",
    "deployment": "deploy_forces", "introduction": "deploy_forces", "movement": "deploy_forces",
    "occupation": "occupy", "annexation": "occupy",
    "withdrawal": "withdraw", "pullout": "withdraw", "retreat": "withdraw",
    "mobilization": "mobilise", "mobilisation": "mobilise",
    "training": "train_forces", "exercise": "train_forces", "drill": "train_forces",
    "meeting": "meet", "talks": "meet", "summit": "meet",
    "negotiation": "negotiate", "negotiations": "negotiate",
    "treaty": "agreement", "agreement": "agreement", "accord": "agreement", "pact": "agreement",
    "deal": "agreement", "ceasefire": "agreement", "truce": "agreement",
    "visit": "visit", "trip": "visit",
    "threat": "threaten",
    "sanction": "sanction", "embargo": "sanction", "boycott": "sanction",
    "arrest": "arrest", "detention": "arrest",
    "investigation": "investigate", "probe": "investigate", "lawsuit": "investigate", "suit": "investigate",
    "indictment": "investigate", "inquiry": "investigate",
    "protest": "protest", "demonstration": "protest",
    "appointment": "appoint", "resignation": "appoint",
    "death": "casualties", "deaths": "casualties",
    "win": "election",
    "transfer": "military_aid", "delivery": "military_aid", "deliveries": "military_aid",
    "shipment": "military_aid", "supply": "military_aid", "supplies": "military_aid",
}  # fmt: skip

# Verbs that govern another event and set its modality ("has decided to send").
_GOVERNORS = {
    "decide": "decided", "agree": "decided", "approve": "decided", "order": "decided", "authorize": "decided",
    "resolve": "decided", "vote": "decided",
    "prepare": "preparing", "ready": "preparing", "gear": "preparing",
    "plan": "planned", "intend": "planned", "schedule": "planned", "expect": "planned", "set": "planned",
    "aim": "planned", "propose": "planned", "invite": "planned", "promise": "planned", "pledge": "planned",
    "vow": "planned",
    "begin": "under_way", "start": "under_way", "continue": "under_way", "launch": "under_way",
    "deny": "denied", "refuse": "denied", "reject": "denied", "decline": "denied",
    "try": "hypothetical", "seek": "hypothetical", "want": "hypothetical", "hope": "hypothetical",
    "threaten": "hypothetical", "urge": "hypothetical", "ask": "hypothetical",
    "demand": "hypothetical", "consider": "hypothetical", "weigh": "hypothetical", "wish": "hypothetical",
    "rather": "hypothetical", "challenge": "hypothetical",
}  # fmt: skip
_MODALS_HYPO = frozenset({"could", "might", "may", "would", "should", "must", "can"})
_MODALS_FUT = frozenset({"will", "shall", "'ll", "wo"})


def _lower_kids(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _obj(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("dobj", "obj"):
            return c
    for c in tok.children:
        if c.dep_ == "nsubjpass":
            return c
    return None


def _prep_obj(tok: Token, preps: tuple[str, ...]) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _words(tok: Token | None) -> set[str]:
    """Lower-case words of a noun phrase headed by tok (the head and its conjuncts and compounds)."""
    if tok is None:
        return set()
    out = {tok.lower_}
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "conj", "nmod"):
            out.add(c.lower_)
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":  # "tens of thousands of soldiers", "four brigades of …"
            for g in c.children:
                if g.dep_ == "pobj":
                    out |= _words(g)
    return out


def _sentence_words(tok: Token) -> set[str]:
    return {t.lower_ for t in tok.sent}


def _verb_type(tok: Token, mentions_at: dict[int, Mention]) -> str | None:
    lemma = tok.lemma_.lower()
    obj = _obj(tok)
    ow = _words(obj)
    subj = _subject(tok)
    sw = _words(subj)
    if lemma in ("send", "move", "dispatch", "deploy", "station", "put", "transfer", "ship", "deliver",
                 "supply", "provide", "give"):  # fmt: skip
        if ow & _FORCES and lemma not in ("supply", "provide", "give", "deliver"):
            return "deploy_forces"
        if ow & _ARMS or (ow & _FORCES and lemma in ("supply", "provide", "give")):
            return "military_aid" if not ({"humanitarian", "financial", "economic"} & ow) else "aid"
        if lemma == "put" and _words(_prep_obj(tok, ("in", "into"))) & _POSTS:
            return "appoint"
        if lemma in ("deploy", "dispatch", "station") and obj is None:
            return "deploy_forces"  # "deployed to the border"
        return None
    if lemma in ("fight", "battle", "combat", "clash"):
        return "clash" if (ow | sw) & _ARMED or _is_country(subj, mentions_at) else None
    if lemma in ("seize", "capture", "take", "overrun"):
        if lemma == "take" and not ({"control"} & ow):
            return None
        if ow & _TERRITORY or _is_place(obj, mentions_at):
            return "occupy"
        if lemma in ("seize", "capture") and ow & {"soldiers", "troops", "prisoners", "hostages"}:
            return "arrest"
        return None
    if lemma in ("kick", "expel", "pull") and (
        any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children) or lemma == "expel"
    ):
        return "withdraw" if ow & _FORCES or sw & _FORCES else None
    if tok.dep_ == "amod":
        return None  # "Russian-occupied territory": a state, not an event told here
    if lemma == "summon":
        return (
            "convene"
            if obj is not None
            and (
                obj.ent_type_ in ("PERSON", "NORP", "ORG")
                or ow
                & {"ambassador", "envoy", "meeting", "parliament", "council", "session", "diplomat", "charge"}
            )
            else None
        )
    if lemma == "sign" and any(c.dep_ == "prt" for c in tok.children):
        return None  # "signed on to the effort"
    if tok.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None  # "places to vote", "the will to fight": a possibility, not an event
    accused = lemma in ("accuse", "convict", "charge", "indict", "suspect")
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and accused and _prep_obj(tok, ("by",)) is None:
        return None  # "people accused of racketeering": a description, not an event here
    if lemma == "train":
        return "train_forces" if (ow | sw) & _FORCES else None
    if lemma in ("recruit", "draft"):
        return "mobilise" if (ow | sw) & _FORCES else None
    if lemma == "fire":
        if ow & _ARMS or ow & {"shots", "rounds"}:
            return "attack"
        if tok.dep_ in ("ROOT", "conj", "relcl", "ccomp") and (obj is not None and obj.ent_type_ == "PERSON"):
            return "appoint"
        if any(c.dep_ == "nsubjpass" for c in tok.children):
            return "appoint"  # "he was fired from the campaign"
        return None
    if lemma == "launch":
        return (
            "attack"
            if ow & (_ARMS | {"attack", "attacks", "strike", "strikes", "offensive", "raid"})
            else None
        )
    if lemma == "hit":
        if ow & {"trail"}:
            return "election"  # "hit the campaign trail"
        return "attack" if sw & (_ARMS | {"strike", "strikes", "airstrike"}) else None
    if lemma == "die":
        return "casualties" if _sentence_words(tok) & _VIOLENT else None
    if lemma in ("win", "lose", "defeat", "beat"):
        inn = _prep_obj(tok, ("in",))
        for sib in [
            *(c for c in tok.children if c.dep_ == "conj"),
            *([tok.head] if tok.dep_ == "conj" else []),
        ]:
            inn = inn or _prep_obj(sib, ("in",))
        if ow & _ELECTION_OBJ or _is_place(obj, mentions_at) or _words(inn) & _ELECTION_OBJ:
            return "election"
        if lemma in ("defeat", "beat") and obj is not None and obj.ent_type_ == "PERSON":
            return "election"
        return None
    if lemma == "cast":
        return "election" if ({"vote", "votes", "ballot", "ballots"} & (ow | sw)) else None
    if lemma in ("choose", "select"):
        return "election" if {"vote", "voters", "president", "nominee"} & _sentence_words(tok) else None
    if lemma == "name":
        return (
            "appoint"
            if obj is not None and not any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children)
            else None
        )
    if lemma == "call":
        if any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
            return "appeal"
        on = _prep_obj(tok, ("on", "upon"))
        if on is not None and (on.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or on.pos_ == "PRON"):
            return "appeal"
        if any(c.dep_ in ("oprd", "xcomp") and c.pos_ in ("NOUN", "ADJ", "PROPN") for c in tok.children):
            return "accuse"  # "called Clinton's remarks a new low"
        if ow & {"meeting", "session", "summit"}:
            return "convene"
        return None
    if lemma == "hold":
        if ow & {"hostage", "hostages", "captive", "prisoner"} or any(
            c.dep_ in ("oprd", "xcomp", "advmod") and c.lower_ in ("hostage", "captive") for c in tok.children
        ):
            return "arrest"
        if ow & {"talks", "meeting", "meetings", "gatherings", "summit", "consultations"}:
            return "convene" if "emergency" in ow else "meet"
        return None
    if lemma == "challenge":
        return "appeal" if any(c.dep_ == "xcomp" for c in tok.children) else None
    if lemma == "charge":
        return (
            "investigate"
            if any(c.dep_ == "nsubjpass" for c in tok.children)
            or (obj is not None and obj.ent_type_ == "PERSON")
            else None
        )
    if lemma in ("travel", "fly", "go", "head"):
        dest = _prep_obj(tok, ("to", "through"))
        return "visit" if _is_place(dest, mentions_at) else None
    if lemma == "agree":
        return (
            "agreement" if any(c.dep_ == "prep" and c.lower_ in ("on", "to") for c in tok.children) else None
        )
    if lemma == "rally":
        return (
            "election"
            if obj is None and not {"against", "protest"} & _sentence_words(tok)
            else ("protest" if {"against", "protest"} & _sentence_words(tok) else None)
        )
    if lemma == "march":
        return (
            "protest"
            if {"protest", "protesters", "against", "demonstrators"} & _sentence_words(tok)
            else None
        )
    if lemma == "attack":
        if obj is not None and obj.ent_type_ == "PERSON" and not _sentence_words(tok) & _VIOLENT - {"attack"}:
            return "accuse"  # a verbal attack on a person
        return "attack"
    if lemma == "vote":
        return "election"
    if lemma == "sign":
        return (
            "agreement"
            if ow & {"agreement", "treaty", "deal", "accord", "pact", "memorandum", "law", "bill", "order"}
            or obj is None
            else None
        )
    typ = _VERBS.get(lemma)
    if typ is None and lemma in _OTHER_VERBS and tok.dep_ not in ("amod", "acl", "xcomp"):
        return "other"
    return typ


def _noun_type(tok: Token, mentions_at: dict[int, Mention]) -> str | None:
    word = tok.lower_
    lemma = tok.lemma_.lower()
    typ = _NOUNS.get(word) or _NOUNS.get(lemma)
    if typ is None:
        if lemma == "shot" and tok.head.lemma_ == "take":
            return "accuse"  # "taken frequent shots at"
        if lemma == "rally" and tok.head.lemma_ in ("hold", "attend", "address"):
            return "election"
        if lemma == "vote" and tok.head.lemma_ == "cast":
            return None  # the verb carries it
        return None
    head = tok.head
    kids = {c.lower_ for c in tok.children}
    if typ == "attack" and ("sexual" in kids or head.lower_ == "sexual"):
        return None  # "sexual assault"
    if typ in ("deploy_forces",) and not (_words(tok) & _FORCES):
        return None
    if typ == "military_aid" and not (_words(tok) & _ARMS or kids & {"military", "arms", "weapons"}):
        return None
    if typ == "train_forces" and not (
        {"military", "joint", "naval", "war", "troops", "soldiers", "forces", "army"} & (_words(tok) | kids)
    ):
        return None
    if typ == "clash" and word == "battle" and not (_words(tok) | _sentence_words(tok)) & _ARMED:
        return None
    if typ == "agreement":
        if any(
            (c.dep_ in ("acl", "ccomp") and c.lower_ == "that") or c.lower_ == "that" for c in tok.children
        ):
            return None  # "widespread agreement that …"
        if head.dep_ == "prep" and head.lower_ == "in":
            return None
        if word == "deal" and not (
            head.lemma_ in ("sign", "reach", "strike", "agree", "conclude", "announce", "make", "negotiate")
            or any(c.lower_ in ("peace", "nuclear", "trade", "ceasefire") for c in tok.children)
        ):
            return None
    if typ == "threaten" and not (
        head.lemma_ in ("issue", "make", "receive", "send") or kids & {"death", "bomb"}
    ):
        return None
    if typ == "casualties" and not _sentence_words(tok) & (_VIOLENT | {"killed"}):
        return None
    if (
        typ == "investigate"
        and word == "suit"
        and head.lemma_ not in ("file", "bring", "settle", "win", "lose")
    ):
        return None
    has_party = (
        any(
            c.dep_ == "poss"
            or (c.dep_ in ("compound", "amod", "nmod") and (c.idx in mentions_at or c.pos_ == "PROPN"))
            for c in tok.children
        )
        or _prep_obj(tok, ("by", "of", "into", "against", "between", "with", "on")) is not None
    )
    if (
        typ in ("investigate", "arrest", "appoint", "agreement")
        and not has_party
        and head.lemma_
        not in ("launch", "open", "announce", "file", "sign", "reach", "strike", "conclude", "order", "bring")
    ):
        return None  # "the investigation", "indefinite detention", "grim resignation": no one does it here
    if (
        typ == "appoint"
        and any(c.dep_ == "amod" for c in tok.children)
        and not any(c.dep_ == "poss" for c in tok.children)
    ):
        return None
    if tok.dep_ in ("nsubj",) and head.lemma_ in (
        "say",
        "allege",
        "claim",
        "state",
        "show",
        "reveal",
        "find",
        "note",
    ):
        return None  # "the lawsuit alleges": a source, not an event
    if typ == "election" and not (tok.head.dep_ == "prep" or _prep_obj(tok, ("in",)) is not None):
        return None
    if typ == "meet" and word == "talks" and head.lemma_ in ("peace",):
        return "negotiate"
    if typ == "meet" and "emergency" in kids:
        return "convene"
    return typ


_SHARED_SUBJECT_PREPS = frozenset("by after before while since upon without when".split())
_OBJECT_CONTROL = frozenset(
    "invite ask urge tell order allow force persuade challenge encourage call pressure permit require".split()
)


def _subject(tok: Token) -> Token | None:
    """The doer of a verb: its subject, the "by" agent of a passive, or the subject of the verb that
    governs it ("North Korea has decided to send …"; "invited X to visit" → X); a relative pronoun gives
    way to its antecedent; a participle modifying a noun ("the states voting Tuesday") has that noun."""
    agent = _prep_obj(tok, ("by",))
    if agent is not None and any(c.dep_ in ("agent",) for c in tok.children):
        return agent  # "held hostage by Iran", "were plotted by …"
    if any(c.dep_ == "nsubjpass" for c in tok.children) or (tok.dep_ == "acl" and tok.tag_ == "VBN"):
        return None
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in tok.children):
        return tok.head
    t = tok
    for _ in range(5):
        for c in t.children:
            if c.dep_ in ("nsubj", "csubj"):
                if c.lower_ in ("who", "that", "which") and t.dep_ == "relcl":
                    return t.head
                return c
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in _OBJECT_CONTROL:
            obj = next((c for c in t.head.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None:
                return obj
        if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.lower_ == "of":
            # "accused him of visiting": the doer is the object of the governing verb
            obj = next((c for c in t.head.head.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None:
                return obj
        if t.dep_ in ("xcomp", "conj") and t.head.pos_ in ("VERB", "AUX"):
            t = t.head
            continue
        if t.dep_ == "advcl" and (
            t.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        ):
            t = t.head  # "…, trashing Trump", "visited the Capitol to meet …": the same doer
            continue
        if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.lower_ in _SHARED_SUBJECT_PREPS:
            t = t.head.head  # "responded by calling …", "said after meeting …"
            continue
        break
    return None


def _is_place(tok: Token | None, mentions_at: dict[int, Mention]) -> bool:
    if tok is None:
        return False
    m = mentions_at.get(tok.idx)
    return m is not None and m.kind in ("place", "country")


def _is_country(tok: Token | None, mentions_at: dict[int, Mention]) -> bool:
    if tok is None:
        return False
    m = mentions_at.get(tok.idx)
    return m is not None and m.kind in ("country", "gov", "armed_force")


def _phrase(tok: Token) -> tuple[int, int]:
    """Character span of the noun phrase headed by tok: left modifiers, the head, conjuncts and "of" tails
    of appositive names; no relative clauses or long prepositional tails."""
    keep = {tok.i}
    for c in tok.subtree:
        if c.i < tok.i:
            keep.add(c.i)
    for c in tok.children:
        if c.dep_ in ("conj", "cc", "flat", "compound", "appos") and c.i > tok.i:
            keep |= {x.i for x in c.subtree if x.dep_ not in ("relcl", "acl")}
    doc = tok.doc
    lo, hi = min(keep), max(keep)
    # Trim punctuation at the edges.
    while lo < hi and doc[lo].is_punct:
        lo += 1
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _arg(tok: Token | None, full: str, mentions: list[Mention], place: bool = False) -> Arg | None:
    if tok is None:
        return None
    a, b = _phrase(tok)
    head_at = tok.idx
    best = None
    for m in mentions:
        at_head = m.start <= head_at < m.end
        inside = a <= m.start and m.end <= b and (best is None or m.start < best.start)
        if (at_head or inside) and (best is None or at_head):
            best = m
    if best is not None:
        lat = best.lat if place else None
        lon = best.lon if place else None
        return Arg(a, b, full[a:b], best.entity_id, best.name, lat, lon)
    return Arg(a, b, full[a:b])


def _noun_actor(tok: Token, mentions_at: dict[int, Mention]) -> Token | None:
    for c in tok.children:
        if c.dep_ == "poss":
            return c
    agent = _prep_obj(tok, ("by",))
    if agent is not None:
        return agent
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i:
            m = mentions_at.get(c.idx)
            if c.dep_ == "compound" and m is not None and m.kind == "country" and c.tag_ == "NNP":
                continue  # "the Kenya embassy bombing": where, not who
            if m is not None and m.kind in (
                "country",
                "gov",
                "armed_force",
                "person",
                "org",
                "intel",
                "media",
            ):
                return c
            for g in c.children:  # "a Ukrainian missile attack": Ukrainian modifies missile
                m = mentions_at.get(g.idx)
                if g.dep_ == "compound" and g.tag_ == "NNP" and m is not None and m.kind == "country":
                    continue  # "the Kenya embassy bombing"
                if g.dep_ in ("amod", "compound") and m is not None and m.kind in ("country", "gov"):
                    return g
    of = _prep_obj(tok, ("of",))
    if of is not None and _words(of) & _FORCES:  # "the movement of North Korean troops"
        for c in of.children:
            m = mentions_at.get(c.idx)
            if c.dep_ in ("amod", "compound") and m is not None and m.kind in ("country", "gov"):
                return c
    # The noun is the object of a verb whose subject did it: "Putin made a visit", "NIS held a meeting".
    if tok.head.pos_ == "VERB" and tok.head.lemma_ in _PERFORM:
        if tok.dep_ in ("dobj", "obj"):
            return _subject(tok.head)
        if tok.dep_ == "nsubjpass":
            return _prep_obj(tok.head, ("by",))
    return None


_PERFORM = frozenset(
    "make hold pay conduct carry launch stage file sign issue announce take pull mount commit execute"
    " perpetrate order plan plot mastermind organize organise lead claim".split()
)


def _target(tok: Token, typ: str, is_verb: bool, mentions_at: dict[int, Mention]) -> Token | None:
    if typ == "visit":
        return None  # the visited place is the place
    preps: tuple[str, ...] = ()
    if typ in ("meet", "negotiate", "agreement", "clash", "convene"):
        preps = ("with", "between")
    elif typ in ("attack", "accuse", "sanction", "threaten", "protest", "investigate"):
        preps = ("on", "against", "at") if is_verb else ("on", "against", "at", "of", "into")
    elif typ in ("deploy_forces", "military_aid", "aid"):
        preps = ("to",)
    elif typ == "appoint":
        preps = ()
    if typ in ("convene", "meet") and is_verb:
        obj = _obj(tok)
        if obj is not None and obj.lemma_.lower() in (
            "meeting",
            "session",
            "summit",
            "talks",
            "consultation",
        ):
            return _prep_obj(tok, ("with",))
    if typ == "election":
        p = _prep_obj(tok, ("for",)) if is_verb else None
        obj = _obj(tok) if is_verb else None
        if obj is not None and (obj.ent_type_ == "PERSON" or obj.pos_ == "PRON" or obj.dep_ == "nsubjpass"):
            return obj
        return p
    if is_verb:
        if typ in ("deploy_forces", "military_aid", "aid"):
            p = _prep_obj(tok, preps)
            if p is not None and _is_actorish(p, mentions_at):
                return p
            for c in tok.children:  # "send troops to support Russia": the one helped
                if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in (
                    "support",
                    "aid",
                    "help",
                    "assist",
                    "back",
                    "bolster",
                    "reinforce",
                ):
                    obj = _obj(c)
                    if obj is not None:
                        return obj
            return None
        obj = _obj(tok)
        if obj is not None and typ not in ("occupy",):
            return obj
        return _prep_obj(tok, preps) if preps else None
    found = _prep_obj(tok, preps) if preps else None
    if found is None and preps and tok.dep_ in ("dobj", "obj"):
        found = _prep_obj(tok.head, preps)  # "took shots at Mr. X"
    return found


def _is_actorish(tok: Token, mentions_at: dict[int, Mention]) -> bool:
    m = mentions_at.get(tok.idx)
    return m is not None and m.kind in ("country", "gov", "armed_force", "person", "org", "intel", "media")


_PLACE_PREPS_ANY = frozenset("near outside inside at around off".split())  # any noun: "near his class"
_PLACE_PREPS_NAMED = frozenset("in on into across along through".split())  # a place name: "in Donetsk"
_NOT_PLACES = frozenset("connection response addition part order case time way fact light face".split())


def _placeish(g: Token, mentions_at: dict[int, Mention]) -> bool:
    return _is_place(g, mentions_at) or g.ent_type_ in ("GPE", "LOC", "FAC")


def _place_from(tok: Token, typ: str, mentions_at: dict[int, Mention]) -> Token | None:
    for c in tok.children:
        if c.dep_ != "prep":
            continue
        prep = c.lower_
        dest = typ in ("visit", "deploy_forces") and prep in ("to", "into")
        if not (prep in _PLACE_PREPS_ANY or prep in _PLACE_PREPS_NAMED or dest):
            continue
        for g in c.children:
            if g.dep_ != "pobj" or g.ent_type_ in ("DATE", "TIME") or g.lower_ in _NOT_PLACES:
                continue
            if typ == "appoint" and g.lower_ in _POSTS:
                continue
            if prep in _PLACE_PREPS_NAMED or dest:
                if _placeish(g, mentions_at):
                    return g
                continue
            if g.pos_ in ("NOUN", "PROPN"):
                return g
    return None


def _place(
    tok: Token, typ: str, is_verb: bool, mentions_at: dict[int, Mention], target: Token | None
) -> Token | None:
    if is_verb and typ == "visit":
        obj = _obj(tok)
        if obj is not None and (_placeish(obj, mentions_at) or obj.pos_ == "PROPN"):
            return obj
    found = _place_from(tok, typ, mentions_at)
    if found is None and target is not None:
        found = _place_from(target, typ, mentions_at)  # "an attack on the compound in Benghazi"
    if found is None and not is_verb:
        # "the Kenya embassy bombing", "the Orlando massacre": a place name compounded with the event noun.
        for c in tok.children:
            if c.dep_ in ("compound", "nmod") and c.i < tok.i:
                if _placeish(c, mentions_at):
                    return c
                for g in c.children:
                    if g.dep_ in ("compound", "nmod") and _placeish(g, mentions_at):
                        return g
    return found


_TEMPORAL_PREPS = frozenset("after before since during following amid despite until".split())


def _modality(tok: Token, is_verb: bool) -> str:
    """Planned, decided, preparing, under way, happened, denied or hypothetical."""
    t = tok
    if not is_verb:
        kids = {c.lower_ for c in tok.children}
        if kids & {"planned", "proposed", "upcoming", "scheduled", "future"}:
            return "planned"
        if kids & {"possible", "potential", "further"}:
            return "hypothetical"
        if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            return "denied"
        if tok.dep_ == "pobj" and tok.head.lower_ in _TEMPORAL_PREPS:
            return "happened"  # "after the attack": a reference to what happened
        t = tok.head
        while t.dep_ in ("prep", "pobj", "conj", "compound", "appos") and t.head.i != t.i:
            t = t.head
        if t.pos_ not in ("VERB", "AUX"):
            return "happened"
        lemma = t.lemma_.lower()
        if lemma in _GOVERNORS and tok.dep_ in ("nsubj", "dobj", "nsubjpass", "obj"):
            g = _GOVERNORS[lemma]
            if _negated(t):
                return "denied"
            if g == "under_way":
                return "happened" if t.tag_ == "VBD" else "under_way"  # "the attack began" / "has begun"
            return g
        if _negated(t) and tok.dep_ in ("dobj", "nsubjpass", "obj") and lemma in _PERFORM:
            return "denied"  # "did not hold talks"
        auxes = aux_words(t)
        if tok.dep_ in ("dobj", "obj", "nsubjpass") and lemma in _PERFORM:
            if auxes & _MODALS_FUT:
                return "planned"
            if auxes & _MODALS_HYPO:
                return "hypothetical"
        return "happened"  # an event named by a noun is, unless said otherwise, one that took place
    # Walk up from the trigger through the verbs that govern it ("has decided to send").
    cur = t
    for _ in range(5):
        if _negated(cur):
            return "denied"
        auxes = aux_words(cur)
        if auxes & _MODALS_HYPO:
            return "hypothetical"
        if mark_words(cur) & {"if", "unless", "whether"}:
            return "hypothetical"
        if auxes & _MODALS_FUT or ("going" in auxes and any(c.lower_ == "to" for c in cur.children)):
            return "planned"
        lemma = cur.lemma_.lower()
        if cur.i != tok.i and lemma in _GOVERNORS:
            g = _GOVERNORS[lemma]
            if g == "under_way" and cur.tag_ == "VBD":
                return "happened"
            return g
        if (
            cur.dep_ == "xcomp"
            or cur.dep_ == "conj"
            or (cur.dep_ == "ccomp" and cur.head.lemma_.lower() in _GOVERNORS)
        ):
            cur = cur.head
            continue
        break
    # No governor: tense and aspect of the trigger (or of the verb the noun hangs on).
    v = t
    auxes_t = aux_tokens(v)
    if v.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBP", "VBZ") for a in auxes_t):
        return "under_way"
    if v.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxes_t) and "that" in mark_words(v):
        return "under_way"  # "evidence that North Korea was training …": going on when reported
    if v.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ == "aux" for c in v.children):
        if v.dep_ == "advcl" and v.head.pos_ in ("VERB", "AUX") and v.head.i != v.i:
            # "visited the Capitol to meet …", "making a visit to sign a treaty": the purpose goes as the
            # act it serves goes
            return _modality(v.head, True)
        return "hypothetical"
    return "happened"


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children) or any(
        c.dep_ == "det" and c.lower_ == "no" for c in tok.children
    )


def _clause_range(tok: Token, is_verb: bool) -> tuple[int, int]:
    root = tok if is_verb else tok.head if tok.head.pos_ in ("VERB", "AUX") else tok
    toks = list(root.subtree)
    return toks[0].idx, toks[-1].idx + len(toks[-1])


# Nouns whose "on"/"about" is their topic: "remarks on 9/11", "a report on 9/11"
_TOPIC_NOUNS = frozenset(
    "remark comment view statement position stance question answer report book film documentary lecture "
    "speech debate hearing inquiry commission investigation lawsuit bill legislation law claim story "
    "theory conspiracy flap".split()
)


def _owner(tok: Token, triggers: set[int]) -> int | None:
    """The event a time expression or figure belongs to: the first trigger (or, failing one, verb) above
    it in the parse."""
    t = tok
    for _ in range(12):
        if t.i in triggers:
            return t.i
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
            return t.i
        if t.head.i == t.i:
            return None
        t = t.head
    return None


_PRONOUNS = frozenset("he she him her his".split())


def _governing_verb(tok: Token) -> Token | None:
    t = tok
    for _ in range(6):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _resolve_pronoun(arg: Arg | None, mentions: list[Mention]) -> Arg | None:
    """He/she/him/her → the last person named before it (the surface text is kept)."""
    if arg is None or arg.entity_id is not None or arg.text.lower() not in _PRONOUNS:
        return arg
    people = [m for m in mentions if m.kind == "person" and m.end <= arg.start]
    if not people:
        return arg
    p = people[-1]
    return Arg(arg.start, arg.end, arg.text, p.entity_id, p.name)


def extract_events(
    doc: Doc,
    mentions: list[Mention],
    times: list[TimeExpr],
    quantities: list[Quantity],
    claims: list[Claim],
    published: dt.date | None = None,
) -> list[Event]:
    """Event records of a parsed article."""
    full = doc_text(doc)
    mentions_at: dict[int, Mention] = {}
    for m in mentions:
        for mt in doc.char_span(m.start, m.end, alignment_mode="expand") or ():
            mentions_at.setdefault(mt.idx, m)
    found: list[tuple[Token, str, bool]] = []
    for tok in doc:
        if tok.pos_ == "VERB":
            typ = _verb_type(tok, mentions_at)
            is_verb = True
        elif tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in _NAME_TYPES:
            typ = _noun_type(tok, mentions_at)
            is_verb = False
        else:
            continue
        if typ is not None:
            found.append((tok, typ, is_verb))
    verb_triggers = {tok.i for tok, _, is_verb in found if is_verb}
    # A noun that is the object of a verb trigger is that verb's event ("convened an emergency meeting",
    # "sign a treaty", "launched an attack"): keep one record.
    found = [
        (tok, typ, is_verb)
        for tok, typ, is_verb in found
        if is_verb or not (tok.dep_ in ("dobj", "obj") and tok.head.i in verb_triggers)
    ]
    triggers = {tok.i for tok, _, _ in found}
    # Each time expression and figure goes to the event whose clause it sits in.
    time_owner: dict[int, list[TimeExpr]] = {}
    noun_times: set[int] = set()
    for t in times:
        if t.type not in ("DATE", "TIME") or (t.value is not None and timex_bounds(t.value)[0] is None):
            continue  # "recently" (PAST_REF) dates nothing; an unanchored "Tuesday" is kept as written
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and names_an_event(t.text) and span.start >= 2:
            on, noun = doc[span.start - 1], doc[span.start - 2]
            if on.lower_ in ("on", "about", "over") and noun.lemma_.lower() in _TOPIC_NOUNS:
                continue  # "Clinton's remarks on 9/11": what the remarks are about, not when they were made
        if span is not None:
            o = _owner(span.root, triggers)
            if o is not None:
                time_owner.setdefault(o, []).append(t)
                if span.root.dep_ in ("nummod", "compound", "amod", "poss"):
                    noun_times.add(t.start)  # "the 2016 campaign trail": it describes a noun
    q_owner: dict[int, list[int]] = {}
    for qi, q in enumerate(quantities):
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is not None:
            o = _owner(span.root, triggers)
            if o is not None:
                q_owner.setdefault(o, []).append(qi)
    events: list[Event] = []
    for tok, typ, is_verb in found:
        actor_tok = _subject(tok) if is_verb else _noun_actor(tok, mentions_at)
        if is_verb and typ == "casualties" and actor_tok is None:
            actor_tok = _prep_obj(tok, ("by", "in"))
        target_tok = _target(tok, typ, is_verb, mentions_at)
        place_tok = _place(tok, typ, is_verb, mentions_at, target_tok)
        if place_tok is not None and target_tok is not None and place_tok.i == target_tok.i:
            place_tok = None
        modality = _modality(tok, is_verb)
        lo, hi = _clause_range(tok, is_verb)
        owners = [tok.i] if is_verb else [tok.i, tok.head.i]
        own_times = [t for o in owners for t in time_owner.get(o, [])]
        if not own_times and not is_verb:
            gov = _governing_verb(tok)
            if gov is not None and gov.i not in triggers:
                own_times = time_owner.get(gov.i, [])
            elif gov is not None:
                own_times = time_owner.get(gov.i, [])  # "killed in a missile attack … on October 3"
        up = tok
        for _ in range(4):
            # "making a visit to Pyongyang in June to sign a treaty": a purpose or a following act takes
            # the time of the act it hangs on (or of an event noun that act governs), up a chain of them
            # ("struck Kharkiv on Thursday, killing five and wounding 20").
            if own_times or not is_verb or up.dep_ not in ("advcl", "xcomp", "conj") or up.head.i == up.i:
                break
            up = up.head
            own_times = time_owner.get(up.i, []) or [
                t for c in up.children if c.i in triggers and c.i != tok.i for t in time_owner.get(c.i, [])
            ]
        # The nearest time, one said of the act before one that only describes a noun ("on Monday hit the
        # 2016 campaign trail": Monday).
        time = (
            min(own_times, key=lambda t: (t.start in noun_times, abs(t.start - tok.idx)))
            if own_times
            else None
        )
        q_idx = tuple(
            sorted({qi for o in [tok.i, *(c.i for c in tok.children)] for qi in q_owner.get(o, [])})
        )
        value = time.value if time is not None else None
        inferred = False
        if time is None and published is not None and modality in ("happened", "under_way"):
            value, inferred = published.isoformat(), True
        claim = next((i for i, c in enumerate(claims) if c.content.start <= tok.idx < c.content.end), None)
        events.append(
            Event(
                start=lo,
                end=hi,
                type=typ,
                trigger=Span(tok.idx, tok.idx + len(tok), tok.text),
                modality=modality,
                actor=_resolve_pronoun(_arg(actor_tok, full, mentions), mentions),
                target=_resolve_pronoun(_arg(target_tok, full, mentions), mentions),
                place=_arg(place_tok, full, mentions, place=True),
                time=value,
                time_text=time.text if time is not None else None,
                time_inferred=inferred,
                quantities=q_idx,
                claim=claim,
                cameo=CAMEO.get(typ),
                verb=tok.lemma_.lower(),
            )
        )
    return events


_NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "WORK_OF_ART", "EVENT", "LAW"})
