"""Events: types, arguments and modality, on sentences of our own and on the seed article."""

from __future__ import annotations

import datetime as dt

import pytest

from newsledger.extract import (
    extract_claims,
    extract_entities,
    extract_events,
    extract_quantities,
    extract_times,
)


def _events(nlp, text: str, published: dt.date | None = None):
    doc = nlp(text)
    ents = extract_entities(doc)
    times = extract_times(doc, published)
    qs = extract_quantities(doc)
    return extract_events(doc, ents, times, qs, extract_claims(doc, ents), published), qs


def _one(nlp, text: str, trigger: str, published: dt.date | None = None):
    evs, qs = _events(nlp, text, published)
    hits = [e for e in evs if e.trigger.text == trigger]
    assert hits, (trigger, [(e.type, e.trigger.text) for e in evs])
    return hits[0], qs


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        ("The government has decided to send troops to the border.", "send", "decided"),
        ("The army is preparing to send more troops to the front.", "send", "preparing"),
        ("The deployment of troops has already begun, officials said.", "deployment", "under_way"),
        ("Six soldiers were killed in the attack.", "killed", "happened"),
        ("Ten thousand soldiers could join the fighting within weeks.", "join", None),
        ("The ministry denied sending troops to the region.", "sending", "denied"),
        ("The president will visit Seoul next week.", "visit", "planned"),
        ("He said he’ll visit Seoul next week.", "visit", "planned"),  # a typographic apostrophe
        ("The president did not meet the envoy.", "meet", "denied"),
        ("If the talks fail, the army would attack the town.", "attack", "hypothetical"),
        ("Rebels are attacking the city from the north.", "attacking", "under_way"),
    ],
)
def test_modality(nlp, text, trigger, modality):
    evs, _ = _events(nlp, text)
    hits = [e for e in evs if e.trigger.text == trigger]
    if modality is None:
        assert not hits or hits[0].type == "other"  # "join" is not an event type of ours
        return
    assert hits, [(e.type, e.trigger.text) for e in evs]
    assert hits[0].modality == modality


@pytest.mark.parametrize(
    ("text", "trigger", "type_"),
    [
        ("Moscow sent 5,000 troops to the border.", "sent", "deploy_forces"),
        ("Washington sent missiles and ammunition to Kyiv.", "sent", "military_aid"),
        ("He sent a letter to the committee.", "sent", None),
        ("Government forces fought rebels near the airport.", "fought", "clash"),
        ("She fought for better schools all her life.", "fought", None),
        ("Police arrested two men on Tuesday.", "arrested", "arrest"),
        ("The two leaders signed a peace treaty in Geneva.", "signed", "agreement"),
        ("Putin's visit to Pyongyang lasted two days.", "visit", "visit"),
        ("The senator criticized the plan on Monday.", "criticized", "accuse"),
        ("Instructors are training 3,000 soldiers at the base.", "training", "train_forces"),
        ("There is widespread agreement that the law failed.", "agreement", None),
    ],
)
def test_types_depend_on_arguments(nlp, text, trigger, type_):
    evs, _ = _events(nlp, text)
    hits = [e for e in evs if e.trigger.text == trigger]
    if type_ is None:
        assert not hits, [(e.type, e.trigger.text) for e in evs]
    else:
        assert hits and hits[0].type == type_, [(e.type, e.trigger.text) for e in evs]


def test_arguments_of_a_nominal_attack(nlp):
    e, _ = _one(
        nlp,
        "Officers were killed in a Ukrainian missile attack on Russian-occupied territory near Donetsk on "
        "October 3.",
        "attack",
        dt.date(2024, 10, 18),
    )
    assert e.actor is not None and e.actor.entity_id == "country:UA"
    assert e.target is not None and e.target.entity_id == "country:RU"
    assert e.place is not None and e.place.name == "Donetsk" and e.place.lat is not None
    assert e.time == "2024-10-03" and not e.time_inferred


def test_publication_date_stands_in_and_says_so(nlp):
    e, _ = _one(nlp, "Police arrested two men.", "arrested", dt.date(2024, 10, 18))
    assert (e.time, e.time_inferred, e.time_text) == ("2024-10-18", True, None)
    e, _ = _one(nlp, "The president will visit Seoul.", "visit", dt.date(2024, 10, 18))
    assert e.time is None  # a plan is not dated by the day it was reported


def test_acts_that_follow_one_another_share_its_time(nlp):
    text = "Russian missiles struck Kharkiv on Thursday, killing five people and wounding 20."
    for trigger in ("struck", "killing", "wounding"):
        e, _ = _one(nlp, text, trigger, dt.date(2024, 10, 18))
        assert (e.time, e.time_inferred, e.time_text) == ("2024-10-17", False, "Thursday"), trigger


def test_a_time_said_of_the_act_comes_before_one_describing_a_noun(nlp):
    text = "Joe Biden on Monday hit the 2016 campaign trail with Hillary Clinton, trashing Donald Trump."
    for trigger in ("hit", "trashing"):
        e, _ = _one(nlp, text, trigger)
        assert e.time_text == "Monday", trigger


def test_a_date_that_names_an_event_is_a_topic_after_a_noun(nlp):
    """ "remarks on 9/11" are about the attacks; "people on 9/11" were lost that day."""
    text = "Party Chairman Reince Priebus called Clinton's remarks on 9/11 a new low."
    e, _ = _one(nlp, text, "called", dt.date(2015, 11, 16))
    assert e.time_text is None and e.time_inferred
    e, _ = _one(nlp, "Terrorists killed 3,000 people on 9/11.", "killed", dt.date(2015, 11, 16))
    assert (e.time, e.time_text) == ("2001-09-11", "9/11")


def test_quantities_and_pronoun_actor(nlp):
    e, qs = _one(nlp, "Kim Jong Un met the envoy. Later he sent 12,000 soldiers to Russia.", "sent")
    assert e.actor is not None and e.actor.name == "Kim Jong Un"
    assert [qs[i].value for i in e.quantities] == [12000]
    assert e.target is not None and e.target.entity_id == "country:RU"


def test_seed_article_events(sample_extraction):
    """The seed article's main events, checked against our own reading of it."""
    ex = sample_extraction
    claims = ex.claims
    qs = ex.quantities

    def find(type_, trigger):
        hits = [e for e in ex.events if e.type == type_ and e.trigger.text == trigger]
        assert hits, (type_, trigger, [(e.type, e.trigger.text) for e in ex.events])
        return hits

    decided = [e for e in find("deploy_forces", "send") if 12000 in [qs[i].value for i in e.quantities]]
    assert len(decided) == 1
    d = decided[0]
    assert d.modality == "decided" and d.actor is not None and d.actor.entity_id == "country:KP"
    assert d.claim is not None and [v.entity_id for v in claims[d.claim].via] == ["intel:nis", "media:yonhap"]

    (train,) = find("train_forces", "training")
    assert train.actor is not None and train.actor.entity_id == "country:KP"
    assert [qs[i].value for i in train.quantities] == [10000]
    assert train.claim is not None and claims[train.claim].source.entity_id == "person:volodymyr-zelensky"

    (attack,) = find("attack", "attack")
    assert attack.time == "2024-10-03" and attack.place is not None and attack.place.name == "Donetsk"
    assert attack.place.lat is not None and 47 < attack.place.lat < 49  # the Ukrainian city
    (killed,) = find("casualties", "killed")
    assert [qs[i].value for i in killed.quantities] == [6] and killed.time == "2024-10-03"

    (visit,) = find("visit", "visit")
    assert visit.actor is not None and visit.actor.name == "Vladimir Putin"
    assert visit.place is not None and visit.place.name == "Pyongyang" and visit.time == "2024-06"
    (sign,) = find("agreement", "sign")
    assert sign.modality == "happened" and sign.time == "2024-06"

    (meeting,) = find("convene", "convened")
    assert meeting.actor is not None and meeting.actor.name == "Yoon Suk Yeol"
    assert meeting.time == "2024-10-18" and not meeting.time_inferred
