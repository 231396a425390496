"""Consolidation: copies, origins, propositions, estimates and the timeline, on small stores we write."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLE, cli
from newsledger.consolidate import _sentences, wire_origin


def _write(folder: Path, name: str, text: str, published: str, outlet: str) -> None:
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.txt.meta.json").write_text(json.dumps({"published": published, "outlet": outlet}))


def _jsonl(*args: str) -> list[dict]:
    res = cli(*args, "--format", "jsonl")
    assert res.returncode == 0, res.stderr.decode()
    return [json.loads(x) for x in res.stdout.splitlines()]


@pytest.mark.parametrize(
    ("agency", "text", "wire"),
    [
        ("AP", "The senator said …", "AP"),
        (None, "WASHINGTON (Reuters) - The senator said …", "Reuters"),
        (None, "The senator said …\n\nCopyright 2016 The Associated Press. All rights reserved.", "AP"),
        (None, "Jane Doe and John Roe, Associated Press writers, contributed to this report.", "AP"),
        (None, "The senator told the AP reporter nothing new.", None),
        (None, "A local story with no wire at all.", None),
        (None, "Filed by the XAFP writers' pool.", None),  # a byline credit starts a word
        (None, "Story text.\n  © Reuters 2016", "Reuters"),  # a credit opening a later line
        (None, "Reuters reporters found (AFP) …", "Reuters"),  # the first credit in the text wins
        (None, "Seen first (AFP) and then\nCopyright 2016 The Associated Press", "AFP"),
    ],
)
def test_wire_origin(agency, text, wire):
    assert wire_origin(agency, text) == wire


# The single pattern wire_origin's three searches replaced (for speed): they must find what it found.
_ONE_PATTERN = re.compile(
    r"\((AP|Reuters|AFP|UPI|Yonhap|TASS|Xinhua|dpa|EFE|Kyodo|ANSA)\)"
    r"|(?:^|\n)\s*[©(]?\s*(?:Copyright\s+\d{4}\s+)?(The Associated Press|Associated Press|Reuters|AFP|UPI)\b"
    r"|\b(Associated Press|Reuters|AFP|UPI) (?:writers?|reporters?|correspondents?)\b",
)
_PIECES = ["(AP)", "(AFP)", "AP", "Reuters", "Associated Press", "The Associated Press", " writers",
           " reporter", "\n", " ", "  ", "©", "(", "Copyright 2016 ", "X", ".", "UPI", "_"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_wire_origin_matches_one_pattern(pieces):
    text = "".join(pieces)
    m = _ONE_PATTERN.search(text)
    expected = None
    if m:
        name = next(g for g in m.groups() if g)
        expected = {"associated press": "AP", "the associated press": "AP"}.get(name.lower(), name)
    assert wire_origin(None, text) == expected


_LONG = "The minister said the talks would resume next week in Geneva"  # 59 characters


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after . ! ? and whitespace, spaces normalised, lower-cased
        (f"{_LONG}.  Then   {_LONG.upper()}!", {f"{_LONG.lower()}.", f"then {_LONG.lower()}!"}),
        # a line break ends a sentence without a mark; blank lines are no sentences
        (f"{_LONG}\n\n\n{_LONG} again", {_LONG.lower(), f"{_LONG.lower()} again"}),
        # a mark inside a figure does not split; short pieces are dropped
        (
            f"Officials said the figure was 3.5 million, up from 2.1 million. Short one. {_LONG}?",
            {"officials said the figure was 3.5 million, up from 2.1 million.", f"{_LONG.lower()}?"},
        ),
        ("", set()),
    ],
)
def test_sentences_for_shared_text(text, expected):
    assert _sentences(text) == expected


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("seed") / "s.db"
    res = cli("ingest", str(EXAMPLE.parent), "--db", str(db))
    assert res.returncode == 0, res.stderr.decode()
    return db


def test_seed_article_gives_one_troop_estimate_group_with_its_three_figures(seed_db: Path):
    groups = _jsonl("estimates", "troops", "--db", str(seed_db))
    force = [g for g in groups if g["actor_id"] == "country:KP" and g["context"] == "force size"]
    assert len(force) == 1
    g = force[0]
    by_text = {v["text"]: v for v in g["values"]}
    assert set(by_text) == {"tens of thousands", "12,000", "10,000"}
    assert by_text["12,000"]["via"] == ["National Intelligence Service", "Yonhap"]
    assert by_text["10,000"]["source"] == "Volodymyr Zelensky"
    assert by_text["tens of thousands"]["source"].endswith("(headline)")
    # As of the day each was said: Zelensky's on Thursday, the others in Friday's reports.
    assert {v["text"]: v["as_of"] for v in g["values"]} == {
        "10,000": "2024-10-17", "12,000": "2024-10-18", "tens of thousands": "2024-10-18",
    }  # fmt: skip
    assert g["conservative"] == 10000
    assert g["contradictions"]  # 10,000 vs 12,000 vs tens of thousands, same week, different sources
    # The 10,000 said twice by Zelensky (training; "10,000 soldiers" in his quote) is one value.
    assert len(by_text["10,000"]["articles"]) == 2


def test_seed_article_contested_point_shows_both_sides(seed_db: Path):
    props = _jsonl("propositions", "--kind", "claim", "--db", str(seed_db))
    contested = [p for p in props if p["corroboration"] == "contested"]
    assert len(contested) == 1
    p = contested[0]
    assert "12,000" in p["label"] and p["origins"] == ["intel:nis"]
    assert p["sides"] == [
        {"source": "National Intelligence Service", "stance": "declines_to_confirm",
         "via": ["National Intelligence Service", "AFP"], "article_id": p["members"][0]["article_id"]}
    ]  # fmt: skip


def test_timeline_is_in_date_order_with_granularity(seed_db: Path):
    line = _jsonl("timeline", "--db", str(seed_db))
    assert [p["time"] for p in line] == sorted(p["time"] for p in line)
    visit = next(p for p in line if p["type"] == "visit")
    assert (visit["time"], visit["granularity"]) == ("2024-06", "month")
    strike = next(p for p in line if p["type"] == "attack" and p["time"] == "2024-10-03")
    assert strike["granularity"] == "day"


def test_a_rewrite_of_a_wire_report_adds_no_independent_source(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    _write(
        src, "yonhap",
        "North Korea sends troops\n\nSEOUL (Yonhap) - The National Intelligence Service said North Korea has "
        "decided to send 12,000 troops to Russia, in a briefing to lawmakers on Friday.\n",
        "2024-10-18", "Yonhap",
    )  # fmt: skip
    _write(
        src, "afp",
        "Seoul says North sending troops\n\nSEOUL (AFP) - Yonhap news agency said, citing the National "
        "Intelligence Service, that North Korea has decided to send 12,000 troops to Russia.\n",
        "2024-10-18", "France24",
    )  # fmt: skip
    db = tmp_path / "s.db"
    assert cli("ingest", str(src), "--db", str(db)).returncode == 0
    props = _jsonl("propositions", "--kind", "claim", "--db", str(db))
    p = next(p for p in props if "12,000" in p["label"])
    assert p["reports"] == 2
    assert (p["independent_sources"], p["independent_reports"]) == (1, 1)
    assert p["corroboration"] == "single source"
    # A second origin (Ukraine's intelligence) saying the same corroborates it.
    _write(
        src, "hur",
        "Kyiv confirms\n\nKYIV - Ukraine's military intelligence said North Korea has decided to send 12,000 "
        "troops to Russia.\n",
        "2024-10-19", "Ukrinform",
    )  # fmt: skip
    assert cli("ingest", str(src), "--db", str(db)).returncode == 0
    groups = _jsonl("estimates", "--db", str(db))
    values = [v for g in groups for v in g["values"] if v["text"] == "12,000"]
    # One value per origin: the NIS figure (carried by both reports) and the HUR one.
    assert sorted(len(v["articles"]) for v in values) == [1, 2]
    props = _jsonl("propositions", "--kind", "claim", "--db", str(db))
    p = next(p for p in props if "12,000" in p["label"])
    assert p["independent_sources"] == 2 and p["corroboration"] == "corroborated"
    assert p["reports"] == 3


def test_copies_are_found_and_count_as_one_report(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    body = (
        "WASHINGTON (AP) - The Senate voted on Tuesday to pass the spending bill after a long debate. "
        "Senators from both parties said the measure would keep the government open through December. "
        "The House is expected to take up the bill later this week, leaders said. "
        "The vote was 68 to 31, with several Republicans joining Democrats in support of the measure.\n"
    )
    _write(src, "one", "Senate passes bill\n\n" + body, "2016-09-27", "AP")
    two = "Senate OKs spending bill\n\n" + body.replace("long debate", "lengthy debate")
    _write(src, "two", two, "2016-09-28", "Daily Planet")
    three = "Unrelated\n\nA bakery in Ohio won a prize for its rye bread on Monday, judges said.\n"
    _write(src, "three", three, "2016-09-28", "Ohio Herald")
    db = tmp_path / "s.db"
    assert cli("ingest", str(src), "--db", str(db)).returncode == 0
    import sqlite3

    con = sqlite3.connect(db)
    copies = con.execute("SELECT kind, similarity, shared FROM copies").fetchall()
    assert len(copies) == 1 and copies[0][0] == "wire_copy" and copies[0][1] >= 0.5
    assert "the vote was 68 to 31" in copies[0][2]
    origins = dict(
        con.execute(
            "SELECT a.outlet, o.copy_of IS NOT NULL FROM article_origins o"
            " JOIN articles a ON a.id = o.article_id"
        )
    )
    assert origins == {"AP": 0, "Daily Planet": 1, "Ohio Herald": 0}
    assert con.execute("SELECT count(*) FROM signatures").fetchone()[0] == 3
    # A signature stored by an older version (no version byte: another shingle hash) is signed again,
    # and the copy is found as before.
    con.execute("UPDATE signatures SET minhash = substr(minhash, 2)")
    con.commit()
    assert cli("consolidate", "--db", str(db)).returncode == 0
    assert {len(b) for (b,) in con.execute("SELECT minhash FROM signatures")} == {513}
    assert [r[0] for r in con.execute("SELECT kind FROM copies")] == ["wire_copy"]
    props = _jsonl("propositions", "--kind", "claim", "--db", str(db))
    shared = [p for p in props if len(p["members"]) == 2]
    assert shared and all(p["reports"] == 1 for p in shared)
    stories = _jsonl("stories", "--db", str(db))
    assert [s["articles"] for s in stories] == [2, 1]


def test_revisions_and_contradictions(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    nis = "The National Intelligence Service said North Korea has sent {} troops to Russia.\n"
    _write(src, "a", "Troops\n\n" + nis.format("3,000"), "2024-10-01", "Outlet A")
    _write(src, "b", "More troops\n\n" + nis.format("11,000"), "2024-12-20", "Outlet B")
    hur = "Ukraine's military intelligence said North Korea has sent 1,500 troops to Russia.\n"
    _write(src, "c", "Fewer\n\n" + hur, "2024-10-03", "Outlet C")
    db = tmp_path / "s.db"
    assert cli("ingest", str(src), "--db", str(db)).returncode == 0
    (g,) = [g for g in _jsonl("estimates", "--db", str(db)) if g["actor_id"] == "country:KP"]
    texts = [v["text"] for v in g["values"]]
    assert texts == ["3,000", "1,500", "11,000"]  # in date order
    assert [(texts[r["a"]], texts[r["b"]]) for r in g["revisions"]] == [("3,000", "11,000")]
    assert [(texts[c["a"]], texts[c["b"]]) for c in g["contradictions"]] == [("3,000", "1,500")]
    assert g["conservative"] == 1500


def test_a_change_told_in_one_report_is_a_revision_not_a_contradiction(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    a = (
        "Toll rises\n\nAt least 45 people were killed in the Russian strike on Kharkiv, up from 30"
        " reported on Thursday, regional officials said on Friday.\n"
    )
    b = (
        "Kharkiv strike\n\nForty-five people were killed in the Russian strike on Kharkiv, the"
        " regional governor said on Friday.\n"
    )
    _write(src, "a", a, "2024-10-18", "Outlet A")
    _write(src, "b", b, "2024-10-18", "Outlet B")
    db = tmp_path / "s.db"
    assert cli("ingest", str(src), "--db", str(db)).returncode == 0
    assert cli("consolidate", "--db", str(db)).returncode == 0
    (g,) = [g for g in _jsonl("estimates", "--db", str(db)) if g["unit"] == "killed"]
    texts = [v["text"] for v in g["values"]]
    assert sorted(texts) == ["30", "At least 45", "Forty-five"]
    assert [(texts[r["a"]], texts[r["b"]]) for r in g["revisions"]] == [("30", "At least 45")]
    assert [v["text"] for v in g["values"] if v["superseded"]] == ["30"]
    # each figure is as of its own day: 30 "reported on Thursday", 45 as the officials spoke on Friday
    assert {v["text"]: v["as_of"] for v in g["values"]}["30"] == "2024-10-17"
    assert {v["text"]: v["as_of"] for v in g["values"]}["At least 45"] == "2024-10-18"
    assert g["contradictions"] == []  # the officials' earlier 30 is not a figure the governor disputes


@pytest.mark.parametrize(
    ("reports", "contested"),
    [
        # a toll only grows: a later, higher count from another source is the toll rising
        ((("a", "Thirty", "2024-10-17"), ("b", "Forty-five", "2024-10-18")), False),
        # a later, lower count, or another count for the same day, still contradicts
        ((("a", "Forty-five", "2024-10-17"), ("b", "Thirty", "2024-10-18")), True),
        ((("a", "Forty-five", "2024-10-18"), ("b", "Thirty", "2024-10-18")), True),
    ],
)
def test_a_rising_toll_is_no_contradiction(tmp_path: Path, reports, contested):
    src = tmp_path / "in"
    src.mkdir()
    for name, figure, day in reports:
        who = {"a": "Ukrainian officials", "b": "the regional governor"}[name]
        text = f"Kharkiv\n\n{figure} people were killed in the Russian strike on Kharkiv, {who} said."
        _write(src, name, text, day, f"Outlet {name}")
    db = tmp_path / "s.db"
    assert cli("ingest", str(src), "--db", str(db)).returncode == 0
    assert cli("consolidate", "--db", str(db)).returncode == 0
    (g,) = [g for g in _jsonl("estimates", "--db", str(db)) if g["unit"] == "killed"]
    assert len(g["values"]) == 2
    assert bool(g["contradictions"]) is contested


def test_one_strike_counted_differently_is_one_timeline_event(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    for name, lead, day in (("a", "More than 100", "15"), ("b", "At least 120", "16")):
        text = f"Kharkiv\n\n{lead} people were killed in a missile strike on Kharkiv on Monday, police said."
        _write(src, name, text, f"2024-10-{day}", f"Outlet {name}")
    db = tmp_path / "s.db"
    assert cli("ingest", str(src), "--db", str(db)).returncode == 0
    assert cli("consolidate", "--db", str(db)).returncode == 0
    rows = [r for r in _jsonl("timeline", "--db", str(db)) if r["type"] == "casualties"]
    assert len(rows) == 1 and rows[0]["reports"] == 2 and rows[0]["time"] == "2024-10-14"


def test_a_headline_event_is_the_story_event_on_the_timeline(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    text = (
        "Missile strike on Kharkiv kills five\n\n"
        "Russian missiles struck Kharkiv on Thursday, killing five people and wounding 20, the governor said."
    )
    _write(src, "a", text, "2024-10-18", "Outlet a")
    db = tmp_path / "s.db"
    assert cli("ingest", str(src), "--db", str(db)).returncode == 0
    rows = [r for r in _jsonl("timeline", "--db", str(db)) if r["type"] == "casualties"]
    # the killing and the wounding, both on Thursday; the headline's "kills" is the killing, not a third row
    assert sorted((r["time"], r["time_inferred"]) for r in rows) == [("2024-10-17", False)] * 2
    killing = next(r for r in rows if any(m["trigger"] == "kills" for m in r["members"]))
    assert sorted(m["trigger"] for m in killing["members"]) == ["killing", "kills"]


def test_consolidate_twice_changes_nothing(seed_db: Path):
    import sqlite3

    def snapshot():
        con = sqlite3.connect(seed_db)
        out = {t: con.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
               for t in ("propositions", "estimates", "copies", "article_origins")}  # fmt: skip
        con.close()
        return out

    before = snapshot()
    assert cli("consolidate", "--db", str(seed_db)).returncode == 0
    assert snapshot() == before


def test_a_store_from_before_proposition_filters_gets_its_speakers_and_stances(seed_db: Path, tmp_path: Path):
    """Migration 0008 fills the speakers and stances of propositions consolidated by an older newsledger
    from their stored JSON, so the ledger's filters work before the next consolidation."""
    import shutil
    import sqlite3

    from newsledger.store import PropositionFilter, Store

    old = tmp_path / "old.db"
    shutil.copy(seed_db, old)
    con = sqlite3.connect(old)
    query = "SELECT id, speakers, stances FROM propositions WHERE kind = 'claim'"

    def sets(rows):  # the order of names within a row does not matter to the filters
        return {i: (set(sp.split("\n")), set(st.split())) for i, sp, st in rows}

    fresh = sets(con.execute(query))
    for stmt in (
        "DROP INDEX proposition_members_prop",
        "DROP INDEX propositions_by_seen",
        "ALTER TABLE propositions DROP COLUMN speakers",
        "ALTER TABLE propositions DROP COLUMN stances",
        "DELETE FROM schema_migrations WHERE name = '0008_proposition_filters'",
    ):
        con.execute(stmt)
    con.commit()
    con.close()
    with Store(old) as store:
        filled = sets(store.db.execute(query))
        declined = store.propositions(PropositionFilter(kind="claim", stance="declines_to_confirm"))
        by_nis = store.propositions(PropositionFilter(kind="claim", source="intel:nis"))
    assert filled == fresh  # every member is in the JSON of a small store, so nothing is lost
    assert len(declined) == 1 and by_nis


_REPORTS = {  # name: (published, outlet, paragraphs)
    "a": ("2016-06-13", "Outlet A", [
        "Trump defends remarks after shooting",
        'Donald J. Trump said in a statement on Monday: "I am trying to save lives and prevent the next'
        " terrorist attack. We can't afford to be politically correct anymore.\"",
        "The gunman killed 49 people at the Orlando club early on Sunday, the police said.",
        "Democrats said Trump's comments were wrong.",
        "The State Department said it had classified 22 Clinton emails as top secret and would withhold them"
        " from the release.",
        "Two states vote on Tuesday.",
        "Donald J. Trump said the polls were rigged against him.",
    ]),
    "b": ("2016-06-14", "Outlet B", [
        "Candidate doubles down",
        '"I am trying to save lives and prevent the next terrorist attack. We can\'t afford to be politically'
        ' correct anymore," the Republican candidate said in a statement.',
        "The attack at the Orlando club, killing 49, shocked the country.",
        "Paul Ryan said the Trump line was wrong.",
        "The department is withholding 22 top secret emails from the Clinton release. It later found 64"
        " emails with classified material in another batch.",
        "Two states vote next week.",
        "Donald Trump said the polls were rigged against him.",
    ]),
    "c": ("2016-06-15", "Outlet C", [
        "Morning briefing", "He said the army was ready to fight.",
        '"I am trying to save lives and prevent the next terrorist attack," he told the crowd.',
    ]),
    "d": ("2016-06-16", "Outlet D", ["Evening briefing", "He said the army was too tired to fight."]),
}  # fmt: skip


@pytest.fixture(scope="module")
def reports_db(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("reports")
    for name, (published, outlet, paragraphs) in _REPORTS.items():
        _write(src, name, "\n\n".join(paragraphs), published, outlet)
    db = src / "r.db"
    assert cli("ingest", str(src), "--db", str(db)).returncode == 0
    return db


def _claim_props(db: Path) -> list[dict]:
    return _jsonl("propositions", "--kind", "claim", "--db", str(db))


def test_a_quote_given_word_for_word_is_one_claim_of_one_origin(reports_db: Path):
    # "Donald J. Trump said" in one report, "the Republican candidate said" in another, an unnamed "he" in a
    # third: one proposition, and neither the description nor the "he" adds a corroborating origin.
    (p,) = [p for p in _claim_props(reports_db) if "save lives" in p["label"]]
    assert p["reports"] == 3
    assert p["independent_sources"] == 1 and p["origins"] == ["person:donald-trump"]


def test_one_person_under_two_names_is_one_speaker(reports_db: Path):
    (p,) = [p for p in _claim_props(reports_db) if "rigged" in p["label"]]
    assert p["reports"] == 2 and p["origins"] == ["person:donald-trump"]


def test_different_speakers_sharing_a_name_and_a_word_are_not_one_claim(reports_db: Path):
    wrong = [p for p in _claim_props(reports_db) if p["label"].rstrip(".").endswith("wrong")]
    assert len(wrong) == 2  # Democrats on "Trump's comments", Paul Ryan on "the Trump line"


def test_unnamed_pronoun_speakers_of_two_reports_are_two_origins(reports_db: Path):
    # Two "he"s nobody named are not one speaker: "the army was ready to fight" and "too tired to fight"
    # would be one claim of one speaker, but they are two claims of two unknown ones.
    army = [p for p in _claim_props(reports_db) if "army" in p["label"]]
    assert len(army) == 2 and all(p["origins"] == ["He"] for p in army)


def test_figures_of_any_kind_are_grouped_across_reports(reports_db: Path):
    groups = _jsonl("estimates", "--db", str(reports_db))
    texts = sorted(sorted(v["text"] for v in g["values"]) for g in groups)
    # 22 top-secret emails in both reports; 49 killed ("killed 49 people", "killing 49"); the 64 emails of
    # another batch are another count, and "two states" is no estimate at all.
    assert ["22", "22"] in texts and ["49", "49"] in texts
    assert not any("64" in t for t in texts) and not any("Two" in t for t in texts)
    (killed,) = [g for g in groups if sorted(v["text"] for v in g["values"]) == ["49", "49"]]
    assert killed["unit"] == "killed"


def test_a_story_larger_than_the_bound_parameter_limit(tmp_path: Path):
    # 3,000 copies of one wire story on a connection that binds at most 999 parameters (SQLite's builds
    # allow 999 to 250,000): one story, with its dates, title and actor.
    import sqlite3

    from newsledger.store import Store

    store = Store(tmp_path / "big.db")
    store.db.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
    n = 3_000
    with store.db:
        store.db.executemany(
            "INSERT INTO articles (id, title, published, text, source_text) VALUES (?, ?, ?, 't', 't')",
            ((f"a{i:05d}", f"Title {i}", f"2016-01-{1 + i % 28:02d}") for i in range(n)),
        )
        store.db.executemany(
            "INSERT INTO copies VALUES ('a00000', ?, 0.9, 'wire_copy', '[]')",
            ((f"a{i:05d}",) for i in range(1, n)),
        )
        store.db.execute("INSERT INTO entities (id, kind, name) VALUES ('person:x-y', 'person', 'X Y')")
        store.db.execute(
            'INSERT INTO mentions (article_id, start, "end", text, entity_id)'
            " VALUES ('a00001', 0, 1, 't', 'person:x-y')"
        )
    (story,) = store.stories()
    assert story["articles"] == n and story["first"] == "2016-01-01" and story["last"] == "2016-01-28"
    assert story["label"] == "Title 0" and story["actors"] == ["X Y"]
    store.close()


@pytest.mark.parametrize(
    ("window", "figure", "unit", "measure"),
    [
        ("49 wounded and 3 killed in the attack", "49", None, "wounded"),
        ("The attack killed 49 people and wounded 53 others, officials said.", "49", "people", "killed"),
        ("The attack killed 49 people and wounded 53 others, officials said.", "53", None, "wounded"),
        ("The department withheld 22 emails from the release.", "22", "emails", "email"),
        ("Clinton accepted about $200,000 from Wall Street.", "$200,000", "USD", "USD"),
        ("It happened two times this year.", "two", "time", None),
    ],
)
def test_what_a_figure_counts(window: str, figure: str, unit: str | None, measure: str | None):
    from newsledger.consolidate import _measure

    assert _measure(unit, window, window.index(figure)) == measure


def test_a_slogan_repeated_months_apart_is_not_one_claim(tmp_path: Path):
    # One speaker, seven months apart: a shared three-word slogan is not the same claim, four shared words
    # of a longer claim still are.
    reports = {
        "nov": ("2015-11-19", "Outlet A", [
            "Trump on Paris",
            "Donald Trump said America needs to get tough on radical Islamic terrorism.",
            "Donald Trump said the Chinese government was manipulating its currency to hurt US workers.",
        ]),
        "jun": ("2016-06-13", "Outlet B", [
            "Trump on Orlando",
            "Donald Trump took credit for being right on radical Islamic terrorism.",
            "Donald Trump said China's government was manipulating its currency and hurting US workers.",
        ]),
    }  # fmt: skip
    for name, (published, outlet, paragraphs) in reports.items():
        _write(tmp_path, name, "\n\n".join(paragraphs), published, outlet)
    db = tmp_path / "s.db"
    assert cli("ingest", str(tmp_path), "--db", str(db)).returncode == 0
    props = _claim_props(db)
    slogan = [p for p in props if "Islamic terrorism" in p["label"]]
    currency = [p for p in props if "currency" in p["label"]]
    assert len(slogan) == 2, [p["label"] for p in slogan]
    assert len(currency) == 1 and currency[0]["reports"] == 2


def test_a_rate_is_grouped_only_with_rates_per_the_same_thing(tmp_path: Path):
    # The same $250 at the same plant: a day's wage in one report and a one-off bonus in another are two
    # figures, not two reports of one; the day's wage in a third report is the first one again.
    src = tmp_path / "in"
    src.mkdir()
    _write(src, "a", "Wages\n\nWorkers at the Flint plant earn $250 a day, the union said on Friday.",
           "2016-03-04", "Outlet A")  # fmt: skip
    _write(src, "b", "Bonus\n\nWorkers at the Flint plant earned $250 in bonuses, the union said on Friday.",
           "2016-03-05", "Outlet B")  # fmt: skip
    _write(src, "c", "Pay\n\nThe union said workers at the Flint plant earn $250 a day.", "2016-03-06",
           "Outlet C")  # fmt: skip
    db = tmp_path / "r.db"
    assert cli("ingest", str(src), "--db", str(db)).returncode == 0
    (daily,) = _jsonl("estimates", "--db", str(db))
    assert daily["unit"] == "USD per day"
    assert sorted(v["text"] for v in daily["values"]) == ["$250", "$250"]
