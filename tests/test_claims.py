"""Claims: one parametrized table per construction, positives and negatives, through the real pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from newsledger.model import Claim, Extraction
from newsledger.pipeline import Options, run
from newsledger.readers import RawDocument


def claims_of(text: str, min_confidence: float | None = 0.0) -> list[Claim]:
    """What the rules find in ``text``. The tables here test the rules, so the confidence model
    (tests/test_confidence.py) is off unless a test asks for its threshold (``min_confidence=None``)."""
    opts = Options(published=dt.date(2024, 10, 18), min_confidence=min_confidence)
    (ex,) = list(run([RawDocument(path="t.txt", text=text)], opts))
    assert isinstance(ex, Extraction)
    for c in ex.claims:  # every span points into the text
        for span in (c.cue, c.content, c.source):
            if span is not None:
                assert ex.article.text[span.start : span.end] == span.text
    return ex.claims


def one(text: str) -> Claim:
    found = claims_of(text)
    assert len(found) == 1, [(c.cue.text, c.content.text) for c in found]
    return found[0]


def _roles(c: Claim) -> tuple[str | None, str, str]:
    return (c.source.text if c.source else None, c.cue.text, c.content.text)


@pytest.mark.parametrize(
    ("text", "source", "cue", "content", "quote"),
    [
        # A quotation keeps the punctuation inside its marks (PolNeAR's convention), comma included.
        ('"We will not retreat," the minister said.', "the minister", "said", "We will not retreat,", "direct"),
        # A colon right after the verb is part of the cue, as PolNeAR marks it.
        ('The minister said: "We will not retreat."', "The minister", "said:", "We will not retreat.", "direct"),
        ("The minister said that the army would not retreat.", "The minister", "said",
         "that the army would not retreat", "indirect"),
        ("Officials told reporters the border was closed.", "Officials", "told", "the border was closed",
         "indirect"),
        ("The border was closed, according to officials.", "officials", "according to", "The border was closed",
         "indirect"),
        ("According to the ministry, two bridges were destroyed.", "the ministry", "According to",
         "two bridges were destroyed", "indirect"),
        ("The army has been ordered to withdraw, he said.", "he", "said", "The army has been ordered to withdraw",
         "indirect"),
        ("The council said the road would ''reopen soon,'' officials added.", "The council", "said", None, None),
    ],
)  # fmt: skip
def test_speech_constructions(text, source, cue, content, quote):
    found = claims_of(text)
    c = next(c for c in found if c.cue.text == cue)
    assert c.source is not None and c.source.text == source
    if content is not None:
        assert c.content.text == content
    if quote is not None:
        assert c.quote == quote


@pytest.mark.parametrize(
    "text",
    [
        "The minister visited the troops on Friday.",  # no reporting verb
        "Say what you like about the plan, it is cheap.",  # imperative, no source
        "I think the plan will work.",  # an opinion verb left out on purpose (low precision on PolNeAR)
        "The report was thick and the paper was white.",  # "report" as a noun, no cue
    ],
)
def test_no_claim(text):
    assert claims_of(text) == []


@pytest.mark.parametrize(
    ("text", "stance", "cue"),
    [
        ("The ministry declined to confirm the report to AFP.", "declines_to_confirm", "declined to confirm"),
        ("The company refused to comment on the figures.", "declines_to_confirm", "refused to comment"),
        ("The Pentagon could not corroborate the claim.", "declines_to_confirm", "could not corroborate"),
        ("The Kremlin denied that troops had crossed the border.", "denies", "denied"),
        ("The ministry confirmed that two soldiers were killed.", "confirms", "confirmed"),
        ("The ministry said that two soldiers were killed.", "asserts", "said"),
        ("The campaign did not immediately respond to requests for comment.", "declines_to_confirm",
         "did not immediately respond to"),
        ("The ministry responded to the report on Friday.", "asserts", "responded to"),
    ],
)  # fmt: skip
def test_stance(text, stance, cue):
    c = one(text)
    assert (c.stance, c.cue.text) == (stance, cue)


@pytest.mark.parametrize(
    ("text", "stance", "cue", "content"),
    [
        # withholding information is declining to confirm; refusing anything else denies it
        (
            "The spokesman declined to discuss the case.",
            "declines_to_confirm",
            "declined",
            "to discuss the case",
        ),
        (
            "Trump refused to endorse Paul Ryan in the primary.",
            "denies",
            "refused",
            "to endorse Paul Ryan in the primary",
        ),
        ("The senator has refused to hold hearings.", "denies", "has refused", "to hold hearings"),
    ],
)
def test_a_refusal_is_a_claim_with_what_was_refused(text, stance, cue, content):
    c = one(text)
    assert (c.stance, c.cue.text, c.content.text) == (stance, cue, content)


@pytest.mark.parametrize(
    ("text", "cue", "source", "content", "hedged"),
    [
        ("Republicans believe that the tax cut will pay for itself.", "believe", "Republicans",
         "that the tax cut will pay for itself", True),
        ("Analysts think the economy will slow.", "think", "Analysts", "the economy will slow", True),
        ("Clinton seeks to expand the program.", "seeks", "Clinton", "to expand the program", False),
        ("The senator plans to introduce a bill.", "plans", "The senator", "to introduce a bill", False),
        ("The union supports Hillary Clinton.", "supports", "The union", "Hillary Clinton", False),
        ("Sanders knows that the banks are too big.", "knows", "Sanders", "that the banks are too big", False),
        ("The group decried the ruling as unfair.", "decried", "The group", "the ruling as unfair", False),
        # a third-person pronoun too: the rules read it, the confidence model weighs it
        ("He believes that the plan will work.", "believes", "He", "that the plan will work", True),
        ("They support the plan to expand the port.", "support", "They", "the plan to expand the port", False),
        # verbs the confidence model weighs (each is a PolNeAR cue well under half the time)
        ("The union voted for the merger.", "voted for", "The union", "the merger", False),
        ("The senator doubts that the bill will pass.", "doubts", "The senator", "that the bill will pass", False),
        ("The campaign intends to appeal the ruling.", "intends", "The campaign", "to appeal the ruling", False),
    ],
)  # fmt: skip
def test_belief_intent_and_support_of_a_subject(text, cue, source, content, hedged):
    c = one(text)
    assert (c.cue.text, c.source.text, c.content.text) == (cue, source, content)
    assert ("believes" in c.hedges) == hedged


@pytest.mark.parametrize(
    "text",
    [
        "We believe that the plan will work.",  # the first or second person: a speaker's own view
        "You think the plan will work.",
        "Clinton believes in hard work.",  # no clause: a creed, not a claim
        "I think the plan will work.",
    ],
)
def test_belief_of_the_first_or_second_person_or_without_a_clause_is_no_claim(text):
    assert claims_of(text) == []


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("Trump made it clear that he would not back down.", "made it clear", "Trump", "that he would not back down"),
        ("Clinton made clear that she supports the deal.", "made clear", "Clinton", "that she supports the deal"),
        ("He went on to say that the war was over.", "went on to say", "He", "that the war was over"),
    ],
)  # fmt: skip
def test_phrasal_cues(text, cue, source, content):
    c = one(text)
    assert (c.cue.text, c.source.text, c.content.text) == (cue, source, content)


def test_going_on_to_say_keeps_the_first_cues_speaker():
    found = claims_of(
        "Sanders said the issue is insane, going on to say that the country has spent years on it."
    )
    later = next(c for c in found if c.cue.text == "going on to say")
    assert later.source.text == "Sanders" and later.content.text == "that the country has spent years on it"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The Club for Growth PAC has also endorsed Cruz.", "Cruz"),
        ("President Obama endorsed her on Thursday.", "her"),
    ],
)
def test_a_one_word_object_that_names_someone_is_the_content(text, content):
    assert one(text).content.text == content


@pytest.mark.parametrize("text", ["The senator praised it.", "The group endorsed change."])
def test_a_one_word_object_that_names_no_one_is_no_claim(text):
    assert claims_of(text) == []


def test_making_a_thing_clear_of_dust_is_no_claim():
    assert claims_of("The rain made the road clear of dust.") == []


def test_a_decision_inside_what_a_cue_reports_is_the_reported_event():
    (c,) = claims_of("The ministry said North Korea has decided to send 12,000 troops to Russia.")
    assert (c.cue.text, c.source.text) == ("said", "The ministry")


def test_belief_inside_a_quotation_is_only_the_quotation():
    (c,) = claims_of('"Voters think the plan will work," she said.')
    assert c.cue.text == "said"


@pytest.mark.parametrize(
    "text",
    [
        "Sales declined to record lows in March.",  # a measure declines in value, not in will
        "Turnout declined sharply in the state.",
        "Support for the plan declined over the summer.",
    ],
)
def test_a_decline_in_value_is_no_claim(text):
    assert claims_of(text) == []


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        ('"The movement has begun," an intelligence source told Yonhap.', ["an intelligence source", "Yonhap"]),
        ("Local media reported, citing police sources, that the road was blocked.",
         ["police sources", "Local media"]),
        ("The ministry declined to confirm the report to Reuters.", ["ministry", "Reuters"]),
    ],
)  # fmt: skip
def test_sourcing_chain(text, chain):
    c = one(text)
    names = [v.name for v in c.via]
    assert len(names) == len(chain)
    for got, want in zip(names, chain, strict=True):
        assert want.lower() in got.lower()


def test_nested_claim_gets_the_outer_source_in_its_chain():
    text = "The newspaper reported that the agency said it has learned that the plan was approved."
    found = claims_of(text)
    inner = next(c for c in found if c.source and c.source.text == "the agency")
    assert inner.content.text.startswith("it has learned")
    assert [v.name for v in inner.via][-1] == "The newspaper"


@pytest.mark.parametrize(
    ("text", "outer", "inner_cue"),
    [
        # direct quotation: the attribution inside is part of the quoted words
        (
            '"The agency said it has learned that the plan was approved," the newspaper said.',
            "the newspaper",
            "said it",
        ),
        ("“They said they would call me and let me know,” Trump told reporters.", "Trump", "said they"),
        ('"I said, what are they doing?" Clinton recalled.', "Clinton", "said,"),
        # the quoted part of a mixed quotation
        (
            'The senator said the deal was "what the agency told us would never happen."',
            "The senator",
            "told us",
        ),
    ],
)
def test_attribution_inside_a_quotation_is_not_a_claim_of_its_own(text, outer, inner_cue):
    found = claims_of(text)
    assert [c.source.text for c in found if c.source] == [outer]
    cue_at = text.index(inner_cue)
    assert any(c.content.start <= cue_at < c.content.end for c in found)


@pytest.mark.parametrize(
    ("text", "inner", "outer"),
    [
        ('"The Defense Ministry said it has learned that the plan was approved," the newspaper said.',
         "The Defense Ministry", "the newspaper"),
        ("“Hillary and Obama told me it was a video,” Trump said.", "Hillary and Obama", "Trump"),
    ],
)  # fmt: skip
def test_a_named_source_inside_a_quotation_keeps_its_claim_and_chain(text, inner, outer):
    """Who the quoted speaker says told them is the sourcing chain, not a quoted voice of their own."""
    found = claims_of(text)
    c = next(c for c in found if c.source and c.source.text == inner)
    assert [v.name for v in c.via][-1] == outer


@pytest.mark.parametrize(
    "text",
    [
        # outside the quotation marks of a mixed quotation, a nested attribution stays a claim
        'The senator said the agency told her the deal was "a mistake."',
        "Officials said the agency told them the plan had been approved.",
    ],
)
def test_attribution_inside_reported_speech_stays_a_claim(text):
    found = claims_of(text)
    assert any(c.source and c.source.text == "the agency" for c in found)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # a clause on the left and a complement on the right: the right one is what the cue reports
        ("Yellen is keeping rates too low, he later explained that the result was a bubble.", "explained",
         "that the result was a bubble"),
        ("It is time to change, the group promised that the club will return to its roots.", "promised",
         "that the club will return to its roots"),
        # a quotation in another clause is not the cue's content; the object is
        ("Trump, who called Mexicans “rapists,” promised to build a wall along the border.", "promised",
         "to build a wall along the border"),
        ("Sanders, who has called the system “rigged,” vowed to fight on until the convention.", "vowed",
         "to fight on until the convention"),
        # of two quotations, the one the cue closes, not the longest
        ("“Ugly,” said Brock, who founded the group “Americans for a Fair and Honest Election Process Now.”",
         "said", "Ugly,"),
        # negatives: with nothing on the right, the clause or the quotation on the left is the content
        ("Yellen is keeping rates too low, he explained.", "explained", "Yellen is keeping rates too low"),
        ("“We will not retreat,” the senator vowed.", "vowed", "We will not retreat,"),
        ("The senator told reporters: “We will not retreat.”", "told", "We will not retreat."),
    ],
)  # fmt: skip
def test_which_side_of_the_cue_holds_the_content(text, cue, content):
    c = next(c for c in claims_of(text) if cue in c.cue.text)
    assert c.content.text == content


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("The minister suggested that the talks could resume.", "suggested"),
        ("Officials said the convoy had reportedly crossed the river.", "reportedly"),
        ("Officials said the convoy allegedly carried weapons.", "allegedly"),
        ("The general said he had seen evidence that the unit was moved.", "had seen evidence"),
        ("The mayor said the bridge may have been damaged.", "may"),
    ],
)
def test_hedges(text, hedge):
    assert hedge in one(text).hedges


def test_unhedged_claim_has_no_hedges():
    assert one("The mayor said the bridge was repaired on Monday.").hedges == ()


def test_pronoun_source_resolves_to_the_last_person_named():
    found = claims_of("Volodymyr Zelensky met the ministers on Thursday. He said the troops were ready.")
    c = next(c for c in found if c.cue.text == "said")
    assert c.source is not None and c.source.text == "He" and c.source.name == "Volodymyr Zelensky"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The ruling was attacked by Rudy Giuliani, who said the judge had been unfair.", "Rudy Giuliani"),
        ("Officials briefed Volodymyr Zelensky, who said the troops were ready.", "Volodymyr Zelensky"),
    ],
)
def test_relative_pronoun_source_speaks_for_its_antecedent(text: str, name: str):
    c = next(c for c in claims_of(text) if c.cue.text == "said")
    assert c.source is not None and c.source.text == "who" and c.source.name == name


def test_relative_pronoun_of_an_unnamed_group_names_nobody():
    c = next(
        c
        for c in claims_of("Residents, who said the water was unsafe, left the town.")
        if c.cue.text == "said"
    )
    assert c.source is not None and c.source.text == "who" and c.source.entity_id is None


def test_unnamed_source_keeps_its_description():
    c = one("A senior official told reporters the plan had been shelved.")
    assert c.source is not None and c.source.text == "A senior official" and c.source.entity_id is None


def test_parenthetical_cue():
    found = claims_of("Bringing the troops home, the president said, would take a year.")
    c = next(c for c in found if c.cue.text == "said")
    assert "would take a year" in c.content.text or "Bringing the troops home" in c.content.text


def claims_raw(text: str) -> list[Claim]:
    """Claims of a text as read (no cleaning): short made-up snippets are not article-shaped."""
    (ex,) = list(run([RawDocument(path="t.txt", text=text)], Options(clean=False)))
    assert isinstance(ex, Extraction)
    return ex.claims


def test_a_quotation_signed_with_a_dash():
    found = claims_raw(
        "Readers wrote in after the debate.\n\n"
        "“He represents our greatest shame.” ― Sonya Herridge “Mostly he promotes ignorance.” ― Esther Tapia\n"
    )
    signed = {c.source.text: c for c in found if c.source is not None and c.cue.text == "―"}
    assert set(signed) == {"Sonya Herridge", "Esther Tapia"}
    assert signed["Sonya Herridge"].content.text == "He represents our greatest shame."
    assert signed["Esther Tapia"].quote == "direct"
    assert signed["Esther Tapia"].content.text == "Mostly he promotes ignorance."


def test_a_speaker_and_a_colon_lead_a_headline_or_a_transcript_line():
    found = claims_raw(
        "Pence: Flowers Will Not Be at the Debate\n\n"
        "WALLACE: Let us start with the news of the day.\n\n"
        "Note: this story was updated on Friday.\n\n"
        "Poll: Trump and Clinton hold narrow leads in Pennsylvania.\n\n"  # a poll's finding is attributed
        "Q: What do you advise them?\n"  # an interview's labels are not speakers
    )
    led = {c.source.text: c.content.text for c in found if c.cue.text == ":" and c.source is not None}
    assert led == {
        "Pence": "Flowers Will Not Be at the Debate",
        "WALLACE": "Let us start with the news of the day.",
        "Poll": "Trump and Clinton hold narrow leads in Pennsylvania.",
    }


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The senator blasted the agreement as a giveaway.", "blasted"),
        ("Clinton cited a new poll showing her ahead.", "cited"),
    ],
)
def test_cues_mined_from_the_training_articles(text, cue):
    c = one(text)
    assert c.cue.text == cue and c.source is not None


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # the writer's inference: its subject is what it is about, not who says it
        ("Trump seems to think the election is rigged.", "seems"),
        ("Often, it appeared that Trump was unable to answer.", "appeared"),
        # a passive cue with no agent: the subject is the one spoken of
        ("Mr. Quiros was accused of using $50 million for personal expenses.", "was accused of"),
        ("Peacekeepers have been blamed for introducing cholera to Haiti.", "have been blamed for"),
    ],
)
def test_an_evidential_or_agentless_passive_cue_has_no_source(text, cue):
    c = one(text)
    assert c.cue.text == cue and c.source is None


def test_a_passive_participle_leading_a_sentence_borrows_no_source():
    found = claims_raw("Asked about the device, O'Neill said it was a pressure cooker.\n")
    by_cue = {c.cue.text: c for c in found}
    assert by_cue["Asked about"].source is None  # who asked is not said
    said = by_cue["said"]
    assert said.source is not None and said.source.text == "O'Neill"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Democrats accused Mr. Quiros of using $50 million for personal expenses.", "Democrats"),
        ("Trump thinks the election is rigged.", "Trump"),
    ],
)
def test_the_active_form_keeps_its_speaker(text, source):
    c = one(text)
    assert c.source is not None and c.source.text == source


@pytest.mark.parametrize(
    ("text", "cue", "content", "chain"),
    [
        ("Local media reported, citing police sources, that the road was blocked.", "reported",
         "that the road was blocked", ["police sources", "Local media"]),
        ("The Yonhap news agency said, citing the NIS, that North Korea had sent troops.", "said",
         "that North Korea had sent troops", ["National Intelligence Service", "Yonhap"]),
    ],
)  # fmt: skip
def test_citing_inside_a_report_is_a_link_not_a_claim(text, cue, content, chain):
    c = one(text)
    assert (c.cue.text, c.content.text.rstrip(".")) == (cue, content)  # who is cited is not what was said
    assert [v.name for v in c.via][:2] == chain


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # The speaker's reasons, cited after the words: a claim of the same speaker.
        ("“This is not a hard race,” he said, citing Trump's blue-collar appeal and Clinton's unpopularity.",
         "he", "Trump's blue-collar appeal and Clinton's unpopularity"),
        ("“It is frustration,” McCain said, citing low economic growth and unemployment.", "McCain",
         "low economic growth and unemployment"),
    ],
)  # fmt: skip
def test_citing_reasons_after_a_cue_is_a_claim_of_the_speaker(text, source, content):
    found = claims_of(text)
    (c,) = [c for c in found if c.cue.text == "citing"]
    assert (c.source.text, c.content.text) == (source, content)
    (said,) = [c for c in found if c.cue.text == "said"]
    assert [v.name for v in said.via] == [source]  # a reason is no link of the sourcing chain


def test_a_transcript_speaker_is_not_taken_for_a_dateline():
    """The cleaner reads "BEIRUT: …" as a dateline, but "WALLACE: …" (no place of that name and size) as a
    speaker, whose line stays in the text and becomes a claim."""
    text = (
        "Debate transcript\n\nWALLACE: Let us start with the news of the day and the debate.\n\n"
        "PENCE: Well, look, the question really should be asked of the other campaign.\n"
    )
    (ex,) = list(run([RawDocument(path="t.txt", text=text)], Options(published=dt.date(2024, 10, 18))))
    assert isinstance(ex, Extraction) and ex.article.dateline is None
    assert {c.source.text for c in ex.claims if c.cue.text == ":" and c.source} == {"WALLACE", "PENCE"}
    (ex,) = list(run([RawDocument(path="b.txt", text="Body found\n\nBEIRUT: The body of a man was found on "
                                  "Saturday, a police report said.\n")], Options()))  # fmt: skip
    assert isinstance(ex, Extraction) and ex.article.dateline == "BEIRUT"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The senator has also said that the deal was a mistake.", "has also said"),
        ("The governor pointed out that the budget was balanced.", "pointed out"),
        ("Activists called for a ban on the pesticide.", "called for"),
        ("The minister did not say that the talks had failed.", "did not say"),  # declines to confirm
    ],
)
def test_the_cue_carries_its_auxiliaries_adverbs_and_particles(text, cue):
    assert one(text).cue.text == cue


def test_a_quoted_ending_keeps_its_stop_and_an_apposition_its_comma():
    c = one('Trump said the report was "one hell of a way to lose."')
    assert c.content.text == 'the report was "one hell of a way to lose."' and c.quote == "mixed"
    c = one("Minyon Moore, a senior adviser to the campaign, said that turnout was strong.")
    assert c.source is not None and c.source.text == "Minyon Moore, a senior adviser to the campaign,"


def test_a_quote_the_parser_ended_before_its_speaker():
    found = claims_of(
        "The candidate spoke in Ohio on Monday about the shooting and the protests that followed it.\n\n"
        "“How many times do we have to see this in our country?” Clinton said. “This is unbearable.”\n"
    )
    c = next(c for c in found if c.source is not None and c.source.text == "Clinton")
    assert c.content.text == "How many times do we have to see this in our country?" and c.quote == "direct"


@pytest.mark.parametrize(
    ("text", "first", "more"),
    [
        # The quotation resumes after its attribution: one content in two stretches.
        ('"These are strange days," said Peter Morgan, a lawyer for the club. "I am skeptical he can pull it off."',
         "These are strange days,", ["I am skeptical he can pull it off."]),
        ("“Subpoenas are not optional,” the chairman said after the hearing. “He is a crucial witness.”",
         "Subpoenas are not optional,", ["He is a crucial witness."]),
        # A mixed quotation ending with its quoted words resumes the same way.
        ('Both parties "saw Burma as a country under pressure," said Victor Cha. "It was an open door."',
         'Both parties "saw Burma as a country under pressure,', ["It was an open door."]),
        # A cue in the attribution's own sentence does not stop it.
        ('"Subpoenas are not optional," the chairman said after the aide failed to attend the hearing he was '
         'called to. "He is a crucial witness."', "Subpoenas are not optional,", ["He is a crucial witness."]),
        # Not when another attribution comes between, nor across a paragraph, nor for indirect speech.
        ('"We will win," the mayor said. The governor said, "We will lose."', "We will win,", []),
        ('"We will win," the mayor said.\n\n"We will lose."', "We will win,", []),
        ("The mayor said the city would win. \"We will lose,\" a rival said.", "the city would win", None),
    ],
)  # fmt: skip
def test_a_quotation_resumed_after_its_attribution(text, first, more):
    found = claims_of(text)
    c = next(c for c in found if c.content.text == first)
    if more is None:
        assert c.quote == "indirect" and c.content_more == ()
        return
    assert c.content.text == first
    assert [p.text for p in c.content_more] == more
    d = c.to_dict()
    assert ("spans" in d["content"]) == bool(more)
    if more:
        assert d["content"]["spans"][0] == [c.content.start, c.content.end]


def test_a_not_inside_the_quotation_does_not_negate_its_cue():
    c = next(c for c in claims_of('"Are we there? Probably not," Ms. Moore said. "We will get there."'))
    assert c.cue.text == "said" and c.stance == "asserts"
    assert [p.text for p in c.content_more] == ["We will get there."]


@pytest.mark.parametrize(
    ("text", "content", "quote"),
    [
        # The cue's object or complement frames a quotation: all of it, up to the quotation's end.
        ("Clinton called half of Trump's supporters “deplorables.”", "half of Trump's supporters “deplorables.”",
         "mixed"),
        ("His doctor is calling the candidate “extremely physically fit.”",
         "the candidate “extremely physically fit.”", "mixed"),
        ("The union called Clinton a “champion” for its members.", "Clinton a “champion” for its members",
         "mixed"),
        # A second quotation joined to the first by "and", "but" or "or" belongs to the same content.
        ("Trump called the report “a disgrace” and “a con.”", "the report “a disgrace” and “a con.”", "mixed"),
        ("She called the plan “bold,” but “too late.”", "the plan “bold,” but “too late.”", "mixed"),
        # A quotation the cue introduces is direct, whoever was told.
        ('The minister told reporters: "We will not retreat."', "We will not retreat.", "direct"),
        ('The minister said, "We will not retreat."', "We will not retreat.", "direct"),
    ],
)  # fmt: skip
def test_a_quotation_framed_by_the_cues_object(text, content, quote):
    c = one(text)
    assert (c.content.text, c.quote) == (content, quote)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # An aside after the speaker's name is not part of the source; an apposition is.
        ("Trump, speaking to a veterans group in Virginia, said the plan would work.", "Trump"),
        ("Minyon Moore, a senior adviser to the campaign, said the plan would work.",
         "Minyon Moore, a senior adviser to the campaign,"),
    ],
)  # fmt: skip
def test_an_aside_after_the_speaker_is_not_the_source(text, source):
    c = one(text)
    assert c.source is not None and c.source.text == source


@pytest.mark.parametrize(
    ("paragraph", "source", "content"),
    [
        # opened with a closing mark, as readers' comments often are
        (
            "”Fear. I am afraid he will win.” ― Edwin G. Monroy",
            "Edwin G. Monroy",
            "Fear. I am afraid he will win.",
        ),
        # a quotation of its own inside
        (
            "“I’d rather live in what he calls “hell” than live under him.” ― Adriana Rodarte",
            "Adriana Rodarte",
            "I’d rather live in what he calls “hell” than live under him.",
        ),
        (
            "“No double minority would call it ‘the root of all evil’.” — Christina Lastra.",
            "Christina Lastra",
            "No double minority would call it ‘the root of all evil’.",
        ),
    ],
)
def test_a_paragraph_signed_with_a_dash_is_one_quotation(paragraph: str, source: str, content: str):
    found = claims_raw(f"Readers wrote in after the debate.\n\n{paragraph}\n\nThe debate ended late.\n")
    (signed,) = [c for c in found if c.cue.text in "―—"]
    assert signed.source is not None and (signed.source.text, signed.content.text) == (source, content)
    assert signed.quote == "direct"


@pytest.mark.parametrize(
    "paragraph",
    [
        "“We will win” — and then the rally ended.",  # a dash inside the sentence, not a signature
        "The vote was close ― Senate leaders said so.",  # no quotation before the dash
    ],
)
def test_a_dash_that_signs_no_quotation_makes_no_claim(paragraph: str):
    found = claims_raw(f"Readers wrote in.\n\n{paragraph}\n")
    assert not [c for c in found if c.cue.text in "―—"]


def test_a_dash_signature_ends_before_the_sentence_stop():
    found = claims_raw("Readers wrote in.\n\n“He is our greatest shame.” ― Ariana Huichapa.\n")
    (signed,) = [c for c in found if c.cue.text == "―"]
    assert signed.source is not None and signed.source.text == "Ariana Huichapa"


@pytest.mark.parametrize(
    ("text", "source", "content", "more"),
    [
        # The cue interrupts its own content: both sides of it are the content.
        ("The difference now, he told me on Friday, is that he anchors a straight news program.", "he",
         "The difference now", ["is that he anchors a straight news program."]),
        ("But in recent days, advisers to the president say, the president has grown exasperated.",
         "advisers to the president", "But in recent days", ["the president has grown exasperated."]),
        # A cue after a preposition takes the subject of the verb it hangs from.
        ("Dean appeared on MSNBC and began by saying he would never diagnose anyone on television.", "Dean",
         "he would never diagnose anyone on television", []),
        # The object and what the cue says of it; a question the cue leaves open.
        ("His former partner called him a master at impossible business deals.", "His former partner",
         "him a master at impossible business deals", []),
        ("Lawmakers have not said when they would take up the bill.", "Lawmakers",
         "when they would take up the bill", []),
        # Who is called on, and to do what.
        ("Palmieri called on Trump to stop attacking Machado.", "Palmieri", "Trump to stop attacking Machado", []),
        # A passive cue with an infinitive: what is expected is on both sides of it, the expecter is the agent.
        ("The bill is expected by analysts to pass the Senate.", "analysts", "The bill", ["to pass the Senate"]),
        # What the object is praised or blamed for goes with it; when it happened does not.
        ("Trump called him a genius for his tax avoidance strategies.", "Trump",
         "him a genius for his tax avoidance strategies", []),
        ("The senator praised the mayor for her courage on Monday.", "The senator", "the mayor for her courage",
         []),
    ],
)  # fmt: skip
def test_split_and_inherited_constructions(text, source, content, more):
    c = one(text)
    assert c.source is not None and c.source.text == source
    assert c.content.text.rstrip(".") == content.rstrip(".")
    assert [p.text.rstrip(".") for p in c.content_more] == [m.rstrip(".") for m in more]


@pytest.mark.parametrize(
    "text",
    [
        # A base form after a modal is not the present tense the tagger sometimes mistakes for one.
        "I would rather say nothing at all.",
        "Voters can say what they like about the mayor.",
    ],
)
def test_a_base_form_with_a_modal_is_no_claim(text):
    assert claims_of(text) == []


def test_a_passive_cue_without_an_agent_has_no_source():
    c = one("About one of every nine voters is expected to be Latino.")
    assert c.source is None and c.cue.text == "is expected"
    assert (c.content.text, [p.text for p in c.content_more]) == (
        "About one of every nine voters",
        ["to be Latino"],
    )


@pytest.mark.parametrize(
    ("text", "source", "content", "quote"),
    [
        # A cue ending its line with a colon introduces the next paragraph.
        ('The governor added:\n\n"We will rebuild the bridge by spring."\n', "The governor",
         "We will rebuild the bridge by spring.", "direct"),
        # An as-clause with its own subject reports the clause it modifies.
        ("As The Huffington Post previously reported, Clinton is the top recipient of donations.",
         "The Huffington Post", "Clinton is the top recipient of donations", "indirect"),
        # A sentence-final cue after a comma reports the words before it.
        ("People like Scott, he said.", "he", "People like Scott", "indirect"),
        ("Language unclear on whether single mothers are covered, experts say.", "experts",
         "Language unclear on whether single mothers are covered", "indirect"),
    ],
)  # fmt: skip
def test_content_the_parse_leaves_off_the_cue(text, source, content, quote):
    c = one(text)
    assert c.source is not None and (c.source.text, c.content.text, c.quote) == (source, content, quote)


def test_a_passive_cue_with_an_agent_and_no_content_is_no_claim():
    assert claims_raw("The nominee has been endorsed by dozens of papers.") == []


def test_an_as_clause_without_its_own_subject_is_no_claim():
    assert claims_raw("As expected, the senator won the vote.") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # Cues that report only with a clause: with one, a claim ...
        ("Police found that the victim had been shot.", "that the victim had been shot"),
        ("He added that the plan would work.", "that the plan would work"),
        # ... with a bare object, none.
        ("Police found the body near the river.", None),
        ("The campaign released the video on Monday.", None),
        ("He added a line to the speech.", None),
    ],
)
def test_cues_that_report_only_with_a_clause(text, content):
    found = claims_of(text)
    assert [c.content.text for c in found] == ([content] if content else [])


def test_a_quote_the_parser_ended_before_its_speaker_in_doubled_apostrophes():
    c = one("''How many times do we have to see this?'' Mrs. Clinton said.")
    assert c.source is not None and c.source.text == "Mrs. Clinton"
    assert c.content.text == "How many times do we have to see this?" and c.quote == "direct"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # a quotation opened inside a reported content and running on past its sentence ends with it
        (
            "Ryan said that “what matters is more than winning for ourselves. What really matters is helping "
            "others win, too.”",
            "said",
            "that “what matters is more than winning for ourselves. What really matters is helping others "
            "win, too.”",
        ),
        # negatives: a quotation closed inside the content changes nothing
        (
            "Ryan said that the plan was “a mistake” and would be withdrawn.",
            "said",
            "that the plan was “a mistake” and would be withdrawn",
        ),
        ("Ryan said that the plan would be withdrawn.", "said", "that the plan would be withdrawn"),
    ],
)
def test_a_quotation_running_on_past_the_content_ends_it(text, cue, content):
    c = one(text)
    assert (c.cue.text, c.content.text) == (cue, content)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a preposition introducing when is not part of the cue
        ("The governor said on Tuesday that the state would appeal the ruling.", "said"),
        ("The minister announced on Friday that the border would reopen.", "announced"),
        # one introducing what the claim is about is
        ("The senator reported on the talks with Iran.", "reported on"),
        ("The mayor spoke about the budget on Monday.", "spoke about"),
    ],
)
def test_a_time_after_the_cue_is_not_part_of_it(text, cue):
    assert one(text).cue.text == cue


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the quotation just before a short attribution is its content ...
        ("“How many times do we have to see this?” Clinton said.", "How many times do we have to see this?"),
    ],
)
def test_a_quotation_right_before_a_bare_attribution_is_its_content(text, content):
    assert one(text).content.text == content


def test_a_quotation_in_the_paragraph_before_is_not_the_content_of_a_new_one():
    # ... but not across a paragraph break: "Romney has said" does not report Trump's words
    text = (
        "“I don’t care,” Trump said. “He can be there if he wants.”\n\n"
        "Costa reported from Washington.\n\n"
        "What Romney has said privately about Trump is a different story."
    )
    found = claims_of(text)
    assert [c.source.text for c in found if c.source and "He can be there" in c.content.text] == []
    trump = next(c for c in found if c.source and c.source.text == "Trump")
    assert [p.text for p in trump.content_more] == ["He can be there if he wants."]


def test_an_attribution_dropped_inside_a_quotation_adds_no_link_to_the_chain():
    # the parse also reads "it had confirmed" as a claim of "it", inside the mayor's quotation: dropped, it
    # must not put "it" between the agency and the mayor
    found = claims_of('"The Associated Press said it had confirmed the figures," the mayor said.')
    inner = next(c for c in found if c.source and c.source.entity_id == "media:ap")
    assert [v.name for v in inner.via] == ["AP", "the mayor"]


@pytest.mark.parametrize(
    ("text", "cue", "content", "quote"),
    [
        # Who is told or asked is not what is said or asked.
        ("A spokesman told The Washington Post the plan would fail.", "told", "the plan would fail", "indirect"),
        ("“Get your sledgehammers ready!” she told the cheering crowd.", "told", "Get your sledgehammers ready!",
         "direct"),
        ("A reporter asked Trump about statements he had made the previous night.", "asked",
         "about statements he had made the previous night", "indirect"),
        ("Jorge Ramos asked the former secretary of state during a chat if she would commit to his pledge.",
         "asked", "if she would commit to his pledge", "indirect"),
        # An "on", "at" or "in" right after a speech verb names where it was said.
        ("Mr. Trump said on ABC's “This Week” that he would take a look at such legislation.", "said",
         "that he would take a look at such legislation", "indirect"),
        ("Sanders acknowledged in an MSNBC forum Monday night it will be very hard for us to win.", "acknowledged",
         "it will be very hard for us to win", "indirect"),
        ("“It is good,” Clinton said on CBS's Face the Nation.", "said", "It is good,", "direct"),
        ("Sanders said on Twitter Thursday that the comment by Dr. Paul Song “was inappropriate.”", "said",
         "that the comment by Dr. Paul Song “was inappropriate.”", "mixed"),
        ("Wasserman Schultz said at the hearing that drafting the platform “is an open process.”", "said at",
         "that drafting the platform “is an open process.”", "mixed"),
        # A quotation after a colon is the content, not the object that announces it.
        ("The group issued the following statement: “Our prayers are with all those affected.”", "issued",
         "Our prayers are with all those affected.", "direct"),
        ("Asked why, Sembler responded in a text message: “Trump will be the nominee.”", "responded",
         "Trump will be the nominee.", "direct"),
        # Negatives: what a cue is about, with "on"; a quotation framed by the object keeps its frame.
        ("The senator commented on the new tax plan.", "commented on", "the new tax plan", "indirect"),
        ("Clinton called half of Trump's supporters “deplorables.”", "called",
         "half of Trump's supporters “deplorables.”", "mixed"),
    ],
)  # fmt: skip
def test_addressee_and_venue_are_not_the_content(text, cue, content, quote):
    c = next(c for c in claims_of(text) if c.cue.text == cue)
    assert (c.content.text, c.quote) == (content, quote)


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # A participle after the head cue's quotation: the quotation is the head verb's.
        ("“It was supposed to be Jeb Bush,” she said, recalling the thinking back then.", "recalling", "she",
         "the thinking"),
        ("“We met,” he said, referring to herself.", "referring", None, None),  # nothing of its own: no claim
        # Negative: a quotation that follows the participle is its own.
        ("“We will win,” he said, adding, “The polls are wrong.”", "adding", "he", "The polls are wrong."),
        # A speech participle after the content begins a claim of its own, by the same speaker.
        ("Carson denied the notion that a shakeup is coming, explaining that he was unaware of the interview.",
         "denied", "Carson", "the notion that a shakeup is coming"),
        ("Carson denied the notion that a shakeup is coming, explaining that he was unaware of the interview.",
         "explaining", "Carson", "that he was unaware of the interview"),
        ("She said she was thinking, Oh my God, this can't be happening, adding, “I had no names for it.”",
         "adding", "She", "I had no names for it."),
        # ... or joined to it with "and", "while": the content ends before it, the speaker is the same one.
        ("Sanders said that he was focused on the platform and noted that Sanders has acknowledged the limits.",
         "said", "Sanders", "that he was focused on the platform"),
        ("Sanders said that he was focused on the platform and noted that Sanders has acknowledged the limits.",
         "noted", "Sanders", "that Sanders has acknowledged the limits"),
        ("Voters said the former president had made a good case for his wife, while other voters said they had "
         "not heard anything.", "said", "Voters", "the former president had made a good case for his wife"),
        # Negative: a verb joined to the content that reports nothing stays in it.
        ("He said the company grew quickly and hired many workers.", "said", "He",
         "the company grew quickly and hired many workers"),
        # "referring to" takes what it refers to.
        ("“It was a disgrace,” he said, referring to the Senate's vote on the budget.", "referring", "he",
         "the Senate's vote on the budget"),
    ],
)  # fmt: skip
def test_a_participle_after_another_cue(text, cue, source, content):
    found = [
        c
        for c in claims_of(text)
        if c.cue.text.split()[0] == cue and (content is None or (c.source and c.source.text == source))
    ]
    if content is None:
        assert found == []
        return
    (c,) = found
    assert (c.source.text if c.source else None, c.content.text) == (source, content)


@pytest.mark.parametrize(
    ("text", "content", "more"),
    [
        # "X seems to …": what the writer infers is the subject and the infinitive, on both sides of the cue.
        ("Chris Christie appeared to end his bid.", "Chris Christie", ["to end his bid"]),
        ("The silencing of his voice seemed to help other justices.", "The silencing of his voice",
         ["to help other justices"]),
        # the clause on the left is not part of it
        ("We each have our own opinion, she seemed to be confused at the sight of the pair.", "she",
         ["to be confused at the sight of the pair"]),
        # "what X called …": the relative word is what the name is given to.
        ("It was what Trump called “a hate crime.”", "what", ["a hate crime."]),
        # Negatives: an expletive subject is no part of it; a name given to an object after the cue is one span.
        ("It seems that he won.", "that he won", []),
        ("Trump called the report a hate crime.", "the report a hate crime", []),
    ],
)  # fmt: skip
def test_content_on_both_sides_of_the_cue(text, content, more):
    (c,) = [c for c in claims_of(text) if c.cue.text.split()[0] in ("appeared", "seemed", "seems", "called")]
    assert c.content.text.rstrip(".") == content.rstrip(".")
    assert [p.text for p in c.content_more] == more
    if c.cue.text.split()[0] in ("appeared", "seemed", "seems"):
        assert c.source is None


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        # A refusal that names nothing is a claim too: what was refused is the content, the cue stops before it.
        ("Mr. Thiel declined to comment.", "Mr. Thiel", "declined", "to comment"),
        ("The ministry refused to comment.", "The ministry", "refused", "to comment"),
        # What the refusal is about, when it says.
        ("He declined to comment on the figures.", "He", "declined to comment", "the figures"),
    ],
)  # fmt: skip
def test_a_refusal_to_comment(text, source, cue, content):
    (c,) = claims_of(text)
    assert (c.source.text, c.cue.text, c.content.text, c.stance) == (
        source,
        cue,
        content,
        "declines_to_confirm",
    )


def test_a_decline_in_value_is_no_refusal():
    assert claims_of("Sales declined to record lows.") == []


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # A poll named with "in" is the source of the clause the phrase modifies, on whichever side it is.
        ("In an NBC News poll released Monday, 50 percent of respondents chose Clinton.",
         "an NBC News poll released Monday", "50 percent of respondents chose Clinton"),
        ("Trump has a decisive lead in the polls ahead of the state's primary.", "the polls",
         "Trump has a decisive lead"),
        # ... also when the phrase hangs on a noun of the clause, or names an average of polls.
        ("The former governor took just 6 percent of the national vote in a Washington Post-ABC News poll.",
         "a Washington Post-ABC News poll", "The former governor took just 6 percent of the national vote"),
        ("Trump leads Cruz by roughly 9 percentage points in the RealClearPolitics average of recent polls.",
         "the RealClearPolitics average of recent polls", "Trump leads Cruz by roughly 9 percentage points"),
        # Negatives: "in" with anything but a poll; a poll phrase with too little clause around it; an average
        # of anything else.
        ("In a statement released Monday, the ministry denied the report.", None, None),
        ("He voted in the poll.", None, None),
        ("Prices rose by 3 percent in the average of the last five years.", None, None),
    ],
)  # fmt: skip
def test_a_poll_as_source(text, source, content):
    found = [c for c in claims_of(text) if c.cue.text.lower() == "in"]
    if source is None:
        assert found == []
        return
    (c,) = found
    assert (c.source.text, c.content.text, c.quote) == (source, content, "indirect")


@pytest.mark.parametrize(
    ("text", "content", "more"),
    [
        # "X reportedly did Y": unnamed reports are the source; the content is the clause without the adverb.
        ("The Club for Growth is reportedly spending $1.5 million on advertisements.", "The Club for Growth is",
         ["spending $1.5 million on advertisements"]),
        ("Both Google and Facebook have reportedly looked at Twitter and passed.",
         "Both Google and Facebook have", ["looked at Twitter and passed"]),
        # Negatives: a speech verb carries the claim itself; too little clause to report.
        ("Trump reportedly said he would not attend.", None, None),
        ("It reportedly happened.", None, None),
    ],
)  # fmt: skip
def test_reportedly_is_a_claim_without_a_source(text, content, more):
    found = [c for c in claims_of(text) if c.cue.text == "reportedly"]
    if content is None:
        assert found == []
        return
    (c,) = found
    assert (c.source, c.content.text, [p.text for p in c.content_more]) == (None, content, more)
    assert c.hedges == ("reportedly",)


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # The parser hangs the cue's that-clause inside the phrase of where or when it was said.
        ("Christian Estrosi, a former mayor of Nice, said in one of a series of Twitter messages that the truck "
         "was carrying arms.", "Christian Estrosi, a former mayor of Nice,", "that the truck was carrying arms"),
        ("Adelson said earlier on Friday during a news conference that he may wait until February.", "Adelson",
         "that he may wait until February"),
        # Negative: a that-clause of a noun of telling is that noun's, and a comment on it has it as its topic.
        ("The school commented Tuesday on reports that Starr had been fired.", "The school",
         "reports that Starr had been fired"),
    ],
)  # fmt: skip
def test_a_that_clause_hung_inside_the_cues_phrase(text, source, content):
    (c,) = [
        c for c in claims_of(text) if c.source is not None and c.source.text.startswith(source.rstrip(","))
    ]
    assert (c.source.text.rstrip(","), c.content.text) == (source.rstrip(","), content)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # The parser joins the second half of what was said to the cue, not to the first half.
        ("Donald Trump has mentioned refinancing student loans and forcing universities to spend more from their "
         "endowments to help students.", "mentioned",
         "refinancing student loans and forcing universities to spend more from their endowments to help students"),
        ("Several said they had misgivings about Mrs. Clinton, but could not bear to insult Mr. Obama.", "said",
         "they had misgivings about Mrs. Clinton, but could not bear to insult Mr. Obama"),
        # after a reported clause, a clause with its own subject
        ("He said he would be honored to meet with the pope but no meeting has been arranged.", "said",
         "he would be honored to meet with the pope but no meeting has been arranged"),
        # a second that-clause of the same cue is no claim of its own, though its verb can be a cue ("show")
        ('Roberts also said the videos were "inconclusive" and that the footage released Friday did not show '
         "whether he had something in his hand.", "said",
         'the videos were "inconclusive" and that the footage released Friday did not show whether he had '
         "something in his hand"),
        # Negatives: something else the subject did is not what it said; a speech verb begins its own claim.
        ("The network defended Clinton's remarks and went right back to its panel of guests.", "defended",
         "Clinton's remarks"),
        ("He said the plan was dead and added that nobody would revive it.", "said", "the plan was dead"),
    ],
)  # fmt: skip
def test_what_the_parser_joined_to_the_cue_is_content(text, cue, content):
    (c,) = [c for c in claims_of(text) if c.cue.text.split()[-1] == cue]
    assert c.content.text.rstrip('”"') == content.rstrip('”"')


@pytest.mark.parametrize(
    ("text", "content", "more"),
    [
        # The cue interrupts its content, which goes on after it (and after where it was said).
        ("The middle one-fifth paid 8.9 percent, the agency said in a June report, and those in the bottom fifth "
         "of incomes paid 0.8 percent.", "The middle one-fifth paid 8.9 percent",
         ["those in the bottom fifth of incomes paid 0.8 percent"]),
        ("Pence was the subject of 60 percent of the Twitter conversation about the debate, Twitter announced, "
         "gaining 22,000 Twitter followers.",
         "Pence was the subject of 60 percent of the Twitter conversation about the debate",
         ["gaining 22,000 Twitter followers"]),
        # Negative: a speech verb after the cue is a claim of its own.
        ("He is tired, he said, adding that he would leave.", "He is tired", []),
    ],
)  # fmt: skip
def test_content_resumed_after_the_cue(text, content, more):
    (c,) = [c for c in claims_of(text) if c.cue.text in ("said", "announced")]
    assert (c.content.text, [p.text for p in c.content_more]) == (content, more)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # What a colon at the content's end introduces is part of it, to the end of the sentence.
        ("Mr. McKinley notes that we're at a rare economic moment where three things are happening at once: Home "
         "values are rising nicely, interest rates are low and lenders are a bit looser than they were.",
         "that we're at a rare economic moment where three things are happening at once: Home values are rising "
         "nicely, interest rates are low and lenders are a bit looser than they were"),
        # Negative: not across a line break.
        ("Mr. McKinley notes one problem:\nThe budget is short.", "one problem"),
    ],
)  # fmt: skip
def test_content_goes_on_through_a_colon(text, content):
    (c,) = [c for c in claims_of(text) if c.cue.text == "notes"]
    assert c.content.text == content


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # A phrase set before the subject says when, or despite what; the content is the cue's object.
        ("One after another, mining companies, including Patriot, declared bankruptcy", "declared", "bankruptcy"),
        ("And despite his longstanding disdain for super PACs, Trump officially endorsed one", "endorsed", "one"),
        # Negative: a clause before the subject is what was said.
        ("The economy is doing well, experts say", "say", "The economy is doing well"),
    ],
)  # fmt: skip
def test_a_phrase_before_the_subject_is_not_the_content(text, cue, content):
    (c,) = [c for c in claims_of(text) if c.cue.text.split()[-1] == cue]
    assert c.content.text == content


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # A question put to the sentence's speaker: cue "asked", whoever asked as source, else none.
        ("Asked if he was ever bullied, the Republican presidential candidate said no.", "Asked", None,
         "if he was ever bullied"),
        ("Asked Tuesday about Sullivan, Feinstein said she did not know him.", "Asked", None, "about Sullivan"),
        # right after it, the preposition is part of the cue, as in "asked about" after a subject
        ("Asked about Sullivan, Feinstein said she did not know him.", "Asked about", None, "Sullivan"),
        ("When asked by Ingraham on Thursday about increasing the number of foreign workers, Rubio said he "
         "opposed it.", "asked", "Ingraham", "about increasing the number of foreign workers"),
    ],
)  # fmt: skip
def test_a_question_put_to_the_speaker(text, cue, source, content):
    (c,) = [c for c in claims_of(text) if c.cue.text.lower().startswith("asked")]
    assert (c.cue.text, c.source.text if c.source else None, c.content.text) == (cue, source, content)


@pytest.mark.parametrize(
    "text",
    [
        # Negatives: "asked" with its own subject is an ordinary cue (its subject the source); asked nothing
        # (no question, nothing asked about), there is no question to report.
        "Feinstein asked whether Sullivan had known.",
        "Asked by reporters at the gate, the senator smiled and walked on.",
    ],
)
def test_asked_that_is_no_question_put_to_the_speaker(text):
    for c in claims_of(text):
        assert not (c.cue.text.lower().startswith("asked") and c.source is None)


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        # scraped text that lost the space around a quotation mark
        ("Ryan said,“Look, these images have no place in a campaign.” He left.", "Ryan", "said",
         "Look, these images have no place in a campaign."),
        ('"Trump says different things to different audiences,"Katie Packer said in a statement.',
         "Katie Packer", "said", "Trump says different things to different audiences,"),
        ("The mayor said “the bridge will reopen.”The council said nothing.", "The mayor", "said",
         "the bridge will reopen."),
    ],
)  # fmt: skip
def test_a_quotation_mark_glued_to_the_words(text, source, cue, content):
    c = next(c for c in claims_of(text) if c.cue.text == cue)
    assert c.source is not None and c.source.text == source
    assert c.content.text == content


@pytest.mark.parametrize(
    ("text", "token"),
    [('He bought a 5"x7" print.', '5"x7'), ('She wrote "don"t" on it.', 'don"t')],
)
def test_a_straight_mark_inside_a_word_stays(text, token):
    from newsledger.nlp import get_nlp

    assert token in [t.text for t in get_nlp().tokenizer(text)]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("He did say the plan was good.", "did say", "the plan was good"),
        ("Carson did not mention any of his opponents by name.", "did not mention",
         "any of his opponents by name"),
        ("The mayor does not believe the bridge is safe.", "does not believe", "the bridge is safe"),
        ("She would say that the plan was good.", "would say", "that the plan was good"),
        # the negation is part of the cue, as PolNeAR marks it
        ("The ministry has not announced whether the talks will resume.", "has not announced",
         "whether the talks will resume"),
    ],
)  # fmt: skip
def test_a_base_form_after_do_or_would_reports(text, cue, content):
    c = one(text)
    assert (c.cue.text, c.content.text) == (cue, content)


@pytest.mark.parametrize(
    "text",
    [
        "Officials said Britain would respond quickly.",  # what someone else said would happen
        "He said voters will decide the race.",
    ],
)
def test_a_base_form_inside_a_report_is_no_claim_of_its_own(text):
    assert len(claims_of(text)) == 1


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        ("Clinton is calling for the United States to step up military efforts.", "Clinton", "is calling for",
         "the United States to step up military efforts"),
        ("Cuomo is pushing for his state to require a $15 minimum wage.", "Cuomo", "is pushing for",
         "his state to require a $15 minimum wage"),
    ],
)  # fmt: skip
def test_calling_for_someone_to_act(text, source, cue, content):
    assert _roles(one(text)) == (source, cue, content)


@pytest.mark.parametrize(
    "text",
    [
        "It would be easy for Wall Street to circumvent the rule.",
        "The rally was a chance for the senator to meet voters.",
    ],
)
def test_for_someone_to_act_without_a_cue_is_no_claim(text):
    assert claims_of(text) == []


@pytest.mark.parametrize(
    ("text", "source", "cue", "content", "stance"),
    [
        ("The senators were both sternly critical of the plan.", "The senators", "were both sternly critical of",
         "the plan", "asserts"),
        ("The mayor is confident that the bridge will reopen.", "The mayor", "is confident",
         "that the bridge will reopen", "asserts"),
        ("Voters are worried about the economy.", "Voters", "are worried about", "the economy", "asserts"),
        ("The senator was skeptical that the deal would pass.", "The senator", "was skeptical",
         "that the deal would pass", "doubts"),
        ("She was not eager to talk about her record.", "She", "was not eager", "to talk about her record",
         "asserts"),
    ],
)  # fmt: skip
def test_a_stance_held_by_the_subject(text, source, cue, content, stance):
    c = next(c for c in claims_of(text) if c.cue.text == cue)
    assert c.source is not None and (c.source.text, c.content.text, c.stance) == (source, content, stance)


@pytest.mark.parametrize(
    "text",
    [
        "It is critical that the deal pass.",  # "it" holds no stance
        "The bridge is critical to the economy.",  # "critical to": how much it matters
        "The senator was confident.",  # nothing the stance is about
        "Voters are likely to stay home.",  # not a stance adjective
    ],
)
def test_an_adjective_that_is_no_stance(text):
    assert claims_of(text) == []


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        ("Trump took aim at Clinton's record.", "Trump", "took aim at", "Clinton's record"),
        ("Viguerie makes the conservative case for Ted Cruz.", "Viguerie", "makes the conservative case for",
         "Ted Cruz"),
        ("The report raised questions about the spending.", "The report", "raised questions about",
         "the spending"),
        ("The senator expressed concern that the deal would fail.", "The senator", "expressed concern",
         "that the deal would fail"),
        ("The governor has not voiced support for the plan.", "The governor", "has not voiced support for",
         "the plan"),
    ],
)  # fmt: skip
def test_a_verb_and_its_noun_as_cue(text, source, cue, content):
    assert _roles(one(text)) == (source, cue, content)


@pytest.mark.parametrize(
    "text",
    [
        "She took a photo of the crowd.",  # not a noun of saying
        "He made a statement.",  # nothing it is about
        "The team took aim.",
    ],
)
def test_a_verb_and_a_noun_that_say_nothing(text):
    assert claims_of(text) == []
