"""The plain-text cleaner: each signal on small hand-written fixtures, negatives included, and the sample."""

from __future__ import annotations

import re

import pytest

from conftest import EXAMPLE
from newsledger.clean import clean_text

P1 = "The city council approved the new budget on Monday after a long debate about school funding."
P2 = "Council members said the plan would add three new bus routes and repair the central library."
P3 = "The mayor, who proposed the budget in March, said she expected the first repairs to start in May."


def _reasons(res) -> dict[str, str]:
    return {r.text: r.reason for r in res.removed}


def test_sample_article():
    src = EXAMPLE.read_text(encoding="utf-8")
    res = clean_text(src)
    assert (
        res.title == "North Korea reportedly set to put tens of thousands of boots on the ground in Ukraine"
    )
    assert res.dateline == "Seoul, South Korea"
    text = res.text
    for noise in (
        "©",
        "REUTERS",
        "White House urges Trump",
        "Cover photo",
        "More on North Korea",
        "backed up reports",
    ):
        assert noise not in text, noise
    assert text.count("tens of thousands") == 1  # the headline keeps its figure; the caption's copy is gone
    assert "Reports that North Korean troops are already present in Ukraine" in [h.text for h in res.headings]
    # Every sentence of the article body is kept (the dateline is cut from the first one only).
    body = src.split("\n", 1)[1]
    sentences = re.findall(r"[^.!?\n]+[.!?][\"”]?", body)
    kept = [s.strip() for s in sentences if "backed up reports" not in s and "REUTERS" not in s]
    for s in kept:
        s = s.replace("Seoul, South Korea - ", "")
        assert s in text, s
    assert text.startswith(res.title)
    assert text.splitlines()[2].startswith("North Korea has decided")
    # Removed spans point into the source text exactly.
    for r in res.removed:
        assert src[r.start : r.end] == r.text
    for h in res.headings:
        assert text[h.start : h.end] == h.text


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Photo: Jane Doe/Reuters", "credit"),
        ("Cover photo: via REUTERS", "credit"),
        ("© 2024 The Daily Planet", "credit"),
        ("Image credit: Getty Images", "credit"),
        ("More on Ukraine:", "prompt"),
        ("Read more: Why the bridge closed", "prompt"),
        ("Sign up for our morning newsletter", "prompt"),
        ("Share this article", "prompt"),
        ("Advertisement", "prompt"),
        ("We use cookies to improve your experience.", "prompt"),
        ("Follow us on Twitter", "prompt"),
    ],
)
def test_credit_and_prompt_lines_are_removed(line: str, reason: str):
    res = clean_text(f"{P1}\n\n{line}\n\n{P2}\n\n{P3}")
    assert _reasons(res) == {line: reason}
    assert res.text == f"{P1}\n\n{P2}\n\n{P3}"


@pytest.mark.parametrize(
    "line",
    [
        "Photographers were kept away from the site, officials said.",  # mentions photos; it is prose
        "More than 200 people attended the meeting on Tuesday.",  # "More ..." but a sentence
        "Advertisements for the new routes will run from June.",
        "She said she would share the report with the council.",
    ],
)
def test_prose_that_looks_like_boilerplate_is_kept(line: str):
    res = clean_text(f"{P1}\n\n{line}\n\n{P2}")
    assert res.removed == []
    assert line in res.text


def test_caption_printed_twice_is_removed_both_times():
    cap = "Council members listen to residents during a hearing on the budget at City Hall."
    res = clean_text(f"{P1}\n\n{cap}\n{cap}  © via REUTERS\n\n{P2}")
    assert set(_reasons(res).values()) == {"caption"} and len(res.removed) == 2
    assert cap not in res.text


def test_a_line_carrying_a_photo_credit_is_a_caption():
    cap = "Residents queue outside the library on Monday. Photo: AP"
    res = clean_text(f"{P1}\n\n{cap}\n\n{P2}")
    assert _reasons(res) == {cap: "caption"}


def test_teaser_with_section_label_is_removed():
    teaser = "Storm forces airport to cancel hundreds of flights"
    res = clean_text(f"{P1}\n\n{P2}\n\n{teaser}\n{'Weather'} {teaser}\n\n{P3}")
    assert set(_reasons(res).values()) == {"teaser"} and len(res.removed) == 2


def test_unconnected_headline_line_is_a_teaser_but_a_connected_one_is_a_heading():
    sub = "Budget debate over school funding"
    teaser = "Celebrity Chef Opens Restaurant On The Moon"
    res = clean_text(f"{P1}\n\n{sub}\n\n{P2}\n\n{teaser}\n\n{P3}")
    assert _reasons(res) == {teaser: "teaser"}
    assert [h.text for h in res.headings] == [sub]


def test_sentence_case_unconnected_line_is_a_teaser_in_plain_text_but_kept_after_html():
    line = "Celebrity chef opens restaurant on the moon"
    text = f"{P1}\n\n{P2}\n\n{line}\n\n{P3}"
    assert _reasons(clean_text(text)) == {line: "teaser"}
    # trafilatura already chose the page's main text: a lone line there is the article's own.
    assert clean_text(text, after_html=True).removed == []


@pytest.mark.parametrize(
    "line",
    [
        "What Would You Do With A Free Weekend?",  # a question to the reader
        "1) Lego Star Wars Resistance Bomber",  # a list item
    ],
)
def test_questions_and_list_items_are_kept(line: str):
    res = clean_text(f"{P1}\n\n{P2}\n\n{line}\n\n{P3}")
    assert res.removed == [] and line in res.text


def test_a_quote_repeated_in_the_body_is_kept():
    quote = '"We will not close a single school," the mayor said.'
    body = f"{P1}\n\n{quote}\n\n{P2} She repeated: {quote}\n\n{P3}"
    res = clean_text(body)
    assert res.removed == []
    assert res.text.count(quote) == 2


def test_a_repeated_paragraph_far_apart_keeps_its_first_copy():
    res = clean_text(f"{P1}\n\n{P2}\n\n{P3}\n\n{P1}")
    assert _reasons(res) == {P1: "repeat"}
    assert res.text.count(P1) == 1


def test_navigation_runs_are_removed():
    nav = "Home\nWorld\nPolitics\nBusiness\nSport"
    res = clean_text(f"{nav}\n\n{P1}\n\n{P2}")
    # Above the article they fall outside the main-text region; between paragraphs they are a menu run.
    assert {r.reason for r in res.removed} == {"outside"} and len(res.removed) == 5
    assert res.text == f"{P1}\n\n{P2}"
    long_body = f"{P1} {P3}\n\n{nav}\n\n{P2} {P3}\n\n{P3}"
    res = clean_text(long_body)
    assert {r.reason for r in res.removed} == {"navigation"} and len(res.removed) == 5
    # Two short lines are not a menu.
    assert clean_text(f"{P1}\n\nSchool funding\n\n{P2}").removed == []


@pytest.mark.parametrize(
    ("first", "place", "agency"),
    [
        ("WASHINGTON (Reuters) - The Senate passed the bill on Friday.", "WASHINGTON", "Reuters"),
        ("KYIV, Ukraine — Air raid sirens sounded across the capital overnight.", "KYIV, Ukraine", None),
        ("LONDON: The Bank of England held rates on Thursday.", "LONDON", None),
    ],
)
def test_datelines(first: str, place: str, agency: str | None):
    res = clean_text(f"{first}\n\n{P2}")
    assert res.dateline == place and res.dateline_agency == agency
    assert res.text.startswith(first.split(" ", 1)[0]) is False
    assert [r.reason for r in res.removed] == ["dateline"]


def test_no_dateline_in_ordinary_openings():
    for first in ("President Biden said on Friday that talks would resume.", P1):
        res = clean_text(f"{first}\n\n{P2}")
        assert res.dateline is None and res.removed == []


def test_byline_becomes_metadata():
    res = clean_text(f"By Jane Roe and John Smith\n\n{P1}\n\n{P2}")
    assert res.byline == "Jane Roe and John Smith"
    assert res.text == f"{P1}\n\n{P2}"


def test_a_said_colon_line_in_the_body_does_not_end_the_article():
    quote = '"We will rebuild the bridge before winter and we will pay for it without new taxes."'
    text = f"{P1} {P3}\n\nThe mayor said:\n\n{quote}\n\n{P2} {P3}\n\n{P3} {P1}"
    res = clean_text(text)
    assert quote in res.text and res.text.endswith(f"{P3} {P1}")


def test_a_comment_thread_after_the_article_is_cut():
    comments = "\n\n".join(
        f"reader{i} says:\n\nI have lived here for twenty years and the council never listens to anyone."
        for i in range(6)
    )
    text = f"{P1} {P3}\n\n{P2} {P3}\n\n12 Comments\n\n{comments}"
    res = clean_text(text)
    assert res.text == f"{P1} {P3}\n\n{P2} {P3}"
    assert {r.reason for r in res.removed} <= {"outside", "prompt"}


@pytest.mark.parametrize(
    ("text", "declared", "language"),
    [
        ("The ministry said on Friday that troops had repelled an attack near the town. " * 8, None, None),
        ("The ministry said on Friday that troops had repelled an attack. " * 8, "en-GB", None),
        # the text decides: pages declare wrongly both ways
        ("The ministry said on Friday that troops had repelled an attack. " * 8, "de", None),
        ("Die Armee meldete am Freitag, dass bei Kursk Drohnen abgeschossen wurden. " * 8, "en", "und"),
        ("Министерство обороны заявило в пятницу, что войска отразили атаку. " * 8, None, "und"),
        ("Le ministère a annoncé vendredi que les troupes avaient repoussé une attaque. " * 8, None, "und"),
        ("Le ministère a annoncé vendredi une attaque.", "fr-FR", "fr-fr"),  # declared: short is enough
        ("Le ministère a annoncé vendredi une attaque.", None, None),  # too short to tell
    ],
)
def test_an_article_not_in_english_is_told(text: str, declared: str | None, language: str | None):
    from newsledger.clean import foreign_language

    assert foreign_language(text, declared) == language
