"""The claim-confidence model: every claim is scored, readings that are not attributions are left out,
the sourcing chain survives, and the threshold can be set."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.extract.confidence import claim_features, default_threshold
from newsledger.model import Claim, Extraction
from newsledger.nlp import get_nlp
from newsledger.pipeline import Options, run
from newsledger.readers import RawDocument

# An article of our own: a headline, then paragraphs, as the pipeline sees real pages.
ARTICLE = (
    "\n\n".join(
        [
            "Senate race tightens in Ohio",
            "The governor said on Tuesday that the state would appeal the ruling.",
            'His campaign tweeted a video on Thursday from an account called "Hypo-Cruz" that showed the '
            "senator discussing his amendments to the bill.",
            '"We will win this," Smith told reporters after the rally.',
            '"The Associated Press said it had confirmed the figures," the mayor said.',
            '"Hillary and Obama told me it was a video," Trump said.',
        ]
    )
    + "\n"
)


def extract(text: str, min_confidence: float | None = None) -> tuple[str, list[Claim]]:
    opts = Options(published=dt.date(2024, 10, 18), min_confidence=min_confidence)
    (ex,) = list(run([RawDocument(path="t.txt", text=text)], opts))
    assert isinstance(ex, Extraction)
    return ex.article.text, ex.claims


def by_cue(claims: list[Claim], cue: str) -> Claim | None:
    return next((c for c in claims if c.cue.text.split()[0] == cue), None)


def test_every_claim_carries_its_confidence_and_the_threshold_only_removes():
    _, kept = extract(ARTICLE)
    _, every = extract(ARTICLE, min_confidence=0.0)
    assert all(c.confidence is not None and 0.0 <= c.confidence <= 1.0 for c in every)
    assert all(c.confidence is not None for c in kept)
    # under the threshold only the agency quoted inside the mayor's words, kept as a link of the chain
    low = [c for c in kept if c.confidence is not None and c.confidence < default_threshold()]
    assert [c.source.entity_id for c in low if c.source] == ["media:ap"] and len(low) == 1
    # the default run is the full run less the low ones: same claims, same order, same confidence
    assert [c for c in every if c in kept] == kept
    assert len(every) > len(kept)


@pytest.mark.parametrize(
    ("cue", "source"),
    [
        ("said", "The governor"),  # a plain report, cue before its that-clause
        ("told", "Smith"),  # a direct quotation signed after it
        ("tweeted", "His campaign"),  # a verb of publishing with its object
    ],
)
def test_attributions_are_kept_with_high_confidence(cue, source):
    _, kept = extract(ARTICLE)
    c = by_cue(kept, cue)
    assert c is not None and c.source is not None and c.source.text == source
    assert c.confidence is not None and c.confidence >= 0.8


@pytest.mark.parametrize(
    "cue",
    [
        "called",  # 'an account called "Hypo-Cruz"': a name, not a claim
        "showed",  # "a video that showed the senator discussing …": what a video shows
    ],
)
def test_readings_that_are_not_attributions_are_left_out(cue):
    _, every = extract(ARTICLE, min_confidence=0.0)
    found = by_cue(every, cue)
    assert found is not None, "the rules read it as a claim: the case under test is present"
    assert found.confidence is not None and found.confidence < default_threshold()
    _, kept = extract(ARTICLE)
    assert by_cue(kept, cue) is None


def test_an_institution_quoted_inside_a_claim_stays_as_a_link_of_the_chain():
    _, kept = extract(ARTICLE)
    inner = next(c for c in kept if c.source and c.source.entity_id == "media:ap")
    assert [v.name for v in inner.via] == ["AP", "the mayor"]


def test_a_person_quoted_inside_anothers_words_goes_with_the_score():
    _, every = extract(ARTICLE, min_confidence=0.0)
    inner = next(c for c in every if c.source and c.source.text == "Hillary and Obama")
    assert inner.confidence is not None and inner.confidence < default_threshold()
    _, kept = extract(ARTICLE)
    assert not any(c.source and c.source.text == "Hillary and Obama" for c in kept)
    assert any(c.source and c.source.text == "Trump" for c in kept)  # the outer claim holds the words


def test_features_say_whether_a_claim_sits_inside_another():
    text, every = extract(ARTICLE, min_confidence=0.0)
    inner = next(c for c in every if c.source and c.source.text == "Hillary and Obama")
    outer = next(c for c in every if c.source and c.source.text == "Trump")
    f_in, f_out = claim_features(text, inner, every), claim_features(text, outer, every)
    assert f_in["nested"] == 1 and f_in["nested_in=direct"] == 1
    assert "nested" not in f_out
    assert f_out["quote=direct"] == 1 and f_out["src=cap"] == 1 and f_out["cue_last=said"] == 1


def test_features_with_the_parse_say_how_the_cue_and_content_sit_in_the_sentence():
    text, every = extract(ARTICLE, min_confidence=0.0)
    said = next(c for c in every if c.source and c.source.text == "The governor")
    doc = get_nlp()(text)
    f = claim_features(text, said, every, doc)
    assert f["cue_tag=VBD"] == 1 and f["cue_dep=ROOT"] == 1 and f["cue_dep=ROOT&tag=VBD"] == 1
    assert f["con_dep=ccomp"] == 1
    assert not any(k.startswith(("cue_tag", "cue_dep", "con_dep")) for k in claim_features(text, said, every))
    # the shipped model weighs them
    weights = json.loads(resources.files("newsledger").joinpath("data/claim_weights.json").read_text())[
        "weights"
    ]
    assert "cue_dep=ROOT" in weights and "con_dep=ccomp" in weights


def test_the_shipped_weights_say_where_they_come_from():
    model = json.loads(resources.files("newsledger").joinpath("data/claim_weights.json").read_text("utf-8"))
    assert 0.0 < model["threshold"] < 1.0
    assert "PolNeAR train" in model["about"]
    assert len(model["weights"]) > 100


def test_options_and_cli_check_the_threshold(tmp_path):
    with pytest.raises(ValueError):
        Options(min_confidence=1.5)
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    runner = CliRunner()
    bad = runner.invoke(app, ["extract", "--min-confidence", "2", str(path)])
    assert bad.exit_code == 2
    counts = []
    for value in ("0", "0.5", "1"):
        res = runner.invoke(app, ["extract", "--min-confidence", value, str(path)])
        assert res.exit_code == 0, res.output
        claims = json.loads(res.stdout.splitlines()[0])["claims"]
        assert all(c["confidence"] >= float(value) or c["source"]["entity_id"] == "media:ap" for c in claims)
        counts.append(len(claims))
    assert counts[0] > counts[1] > counts[2]


def test_a_claim_left_out_adds_no_link_to_the_chains_inside_it():
    # the parse reads "have indicated" as a claim of "about 20 people" whose content holds "has said"
    text = (
        "Seat opens\n\nThe governor has said about 20 people have indicated an interest in the seat, but he "
        "refuses to discuss potential appointees.\n"
    )
    _, every = extract(text, min_confidence=0.0)
    governor = next(c for c in every if c.cue.text == "has said")
    junk = next(c for c in every if c.cue.text == "have indicated")
    assert [v.name for v in governor.via] == ["The governor", "about 20 people"]  # the case is present
    assert junk.confidence is not None and governor.confidence is not None
    between = (junk.confidence + governor.confidence) / 2
    _, kept = extract(text, min_confidence=between)
    governor = next(c for c in kept if c.cue.text == "has said")
    assert [v.name for v in governor.via] == ["The governor"]
    assert not any(c.cue.text == "have indicated" for c in kept)
