"""HTTP API and web pages through FastAPI's TestClient, including bad input and hostile article text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import cli, seed_and_hostile_store

HOSTILE = (
    "Hostile page <script>alert('title')</script>\n\n"
    "The minister said <script>alert(1)</script> and <img src=x onerror=alert(2)> were seen in Kyiv on "
    "Monday, according to a report at javascript:alert(3) and &lt;b&gt;bold&lt;/b&gt; &amp; more.\n\n"
    'Officials said "<a href=\\"javascript:alert(4)\\">click</a>" was posted by 200 people.\n'
)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    meta = {"published": "2024-10-19", "url": "javascript:alert(5)"}
    return seed_and_hostile_store(tmp_path_factory.mktemp("web"), HOSTILE, meta)


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    from newsledger.web.app import create_app

    return TestClient(create_app(db))


def test_openapi_lists_the_endpoints(client: TestClient):
    spec = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/entities", "/api/claims", "/api/events",
                 "/api/propositions", "/api/estimates", "/api/timeline", "/api/search"):  # fmt: skip
        assert path in spec["paths"], path
    assert client.get("/docs").status_code == 200


def test_list_endpoints_and_cursor_pagination(client: TestClient):
    for path in ("/api/articles", "/api/entities", "/api/claims", "/api/events", "/api/propositions"):
        body = client.get(path).json()
        assert body["items"], path
    first = client.get("/api/entities", params={"limit": 3}).json()
    assert len(first["items"]) == 3 and first["next_cursor"]
    second = client.get("/api/entities", params={"limit": 3, "cursor": first["next_cursor"]}).json()
    assert {e["id"] for e in first["items"]}.isdisjoint({e["id"] for e in second["items"]})
    props = client.get("/api/propositions", params={"limit": 5}).json()["items"]
    assert all(p["members_total"] >= len(p["members"]) >= 1 and "id" in p and "kind" in p for p in props)
    kp = client.get("/api/entities", params={"kind": "country", "country": "KP"}).json()["items"]
    assert [e["id"] for e in kp] == ["country:KP"]
    attacks = client.get("/api/events", params={"type": "attack", "since": "2024-10-01"}).json()["items"]
    assert attacks and all(e["type"] == "attack" for e in attacks)
    newest = client.get("/api/articles", params={"order": "newest"}).json()["items"]
    oldest = client.get("/api/articles", params={"order": "oldest"}).json()["items"]
    assert [a["id"] for a in newest] == [a["id"] for a in oldest][::-1]
    assert client.get("/api/claims", params={"order": "sideways"}).status_code == 422
    declined = client.get("/api/claims", params={"stance": "declines_to_confirm"}).json()["items"]
    assert declined and declined[0]["via"][-1]["name"] == "AFP"


def test_article_detail_has_text_and_every_kind_of_span(client: TestClient):
    aid = next(a["id"] for a in client.get("/api/articles").json()["items"] if a["outlet"] == "Seed Daily")
    a = client.get(f"/api/articles/{aid}").json()
    for key in ("entities", "times", "quantities", "claims", "events", "removed"):
        assert a[key], key
    q = next(q for q in a["quantities"] if q["text"] == "12,000")
    assert a["text"][q["start"] : q["end"]] == "12,000"


def test_estimates_timeline_search(client: TestClient):
    ests = client.get("/api/estimates", params={"q": "troops"}).json()["items"]
    assert any({v["text"] for v in e["values"]} >= {"10,000", "12,000"} for e in ests)
    line = client.get("/api/timeline").json()["items"]
    assert [p["time"] for p in line] == sorted(p["time"] for p in line)
    hits = client.get("/api/search", params={"q": "Yonhap"}).json()["items"]
    assert len(hits) == 1


def test_estimates_are_paged_most_values_first(client: TestClient):
    everything = client.get("/api/estimates").json()["items"]
    assert len(everything) >= 2
    sizes = [len(e["values"]) for e in everything]
    assert sizes == sorted(sizes, reverse=True)
    first = client.get("/api/estimates", params={"limit": 1}).json()
    assert first["items"] == everything[:1] and first["next_cursor"]
    second = client.get("/api/estimates", params={"limit": 1, "cursor": first["next_cursor"]}).json()
    assert second["items"] == everything[1:2]


def test_story_page_draws_open_ended_figures(tmp_path: Path):
    """ "More than 100 killed" has no upper end: the story page still renders and draws it."""
    from newsledger.web.app import create_app

    src = tmp_path / "in"
    src.mkdir()
    for name, lead, day in (("a", "More than 100", "15"), ("b", "At least 120", "16")):
        (src / f"{name}.txt").write_text(
            f"Kharkiv strike\n\nKHARKIV - {lead} people were killed in a missile strike on Kharkiv on "
            "Monday, officials said.\n",
            encoding="utf-8",
        )
        (src / f"{name}.txt.meta.json").write_text(json.dumps({"published": f"2024-10-{day}"}))
    db = tmp_path / "s.db"
    assert cli("ingest", str(src), "--db", str(db)).returncode == 0
    client = TestClient(create_app(db))
    ests = client.get("/api/estimates").json()["items"]
    assert any(v["high"] is None for e in ests for v in e["values"])
    page = client.get("/")
    assert page.status_code == 200
    assert "More than 100" in page.text and 'class="range"' in page.text


def _one_article(tmp_path: Path, text: str) -> tuple[TestClient, dict, list[dict]]:
    """A store of one article (published 2024-10-18) served: the client, the article and its quantities."""
    from newsledger.web.app import create_app

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(text)
    (src / "a.txt.meta.json").write_text(json.dumps({"published": "2024-10-18"}))
    db = tmp_path / "s.db"
    assert cli("ingest", str(src), "--db", str(db)).returncode == 0
    client = TestClient(create_app(db))
    (art,) = client.get("/api/articles").json()["items"]
    return client, art, client.get(f"/api/articles/{art['id']}").json()["quantities"]


def test_the_article_page_shows_the_figure_a_change_came_from(tmp_path: Path):
    client, art, qs = _one_article(
        tmp_path, "Toll rises\n\nThe death toll in Kharkiv rose to 45 from 30 on Friday.\n"
    )
    (reached,) = [q for q in qs if q["text"] == "45"]
    assert qs[reached["previous_idx"]]["text"] == "30"
    page = client.get(f"/articles/{art['id']}")
    assert page.status_code == 200 and 'changed from <a href="#qty-' in page.text


def test_a_rate_is_stored_served_and_shown_with_what_it_is_per(tmp_path: Path):
    client, art, qs = _one_article(
        tmp_path, "Wages\n\nWorkers at the plant earn 163 pesos a day, the union said.\n"
    )
    (wage,) = [q for q in qs if q["text"] == "163"]
    assert (wage["unit"], wage["per"]) == ("peso", "day")
    page = client.get(f"/articles/{art['id']}")
    assert page.status_code == 200 and "peso per day" in page.text


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/api/articles/nope", {}, 404),
        ("/api/entities", {"limit": 0}, 422),
        ("/api/entities", {"limit": 100000}, 422),
        ("/api/entities", {"cursor": "%%%"}, 400),
        ("/api/entities", {"cursor": "LTU"}, 400),  # base64 of -5
        ("/api/search", {}, 422),
        ("/entities/country:XX", {}, 404),
    ],
)
def test_bad_requests_get_a_json_4xx(client: TestClient, path, params, status):
    res = client.get(path, params=params)
    assert res.status_code == status
    assert "error" in res.json()


def test_uploads_are_refused_on_a_read_only_server(client: TestClient):
    res = client.post("/api/articles", content=b"text", headers={"content-type": "text/plain"})
    assert res.status_code == 403 and "read-only" in res.json()["error"]


def test_uploads_need_the_token_and_good_input(db: Path, tmp_path: Path):
    import shutil

    from newsledger.web.app import MAX_UPLOAD, create_app

    copy = tmp_path / "w.db"
    shutil.copy(db, copy)
    c = TestClient(create_app(copy, token="s3cret", read_only=False))
    auth = {"authorization": "Bearer s3cret"}
    text = (
        "Troops on the move\n\nThe army said on Monday it had sent 500 troops to the border near Kharkiv.\n"
    )
    assert c.post("/api/articles", content=text, headers={"content-type": "text/plain"}).status_code == 401
    wrong = {"authorization": "Bearer nope", "content-type": "text/plain"}
    assert c.post("/api/articles", content=text, headers=wrong).status_code == 401
    assert (
        c.post("/api/articles", content=text, headers={**auth, "content-type": "image/png"}).status_code
        == 415
    )
    big = b"x" * (MAX_UPLOAD + 1)
    assert (
        c.post("/api/articles", content=big, headers={**auth, "content-type": "text/plain"}).status_code
        == 413
    )
    bad = c.post(
        "/api/articles",
        content=b'{"text": "a"}\n{oops\n',
        headers={**auth, "content-type": "application/x-ndjson"},
    )
    assert bad.status_code == 400 and "line 2" in bad.json()["error"]
    assert (
        c.post("/api/articles", content=b"   ", headers={**auth, "content-type": "text/plain"}).status_code
        == 400
    )
    ok = c.post("/api/articles", content=text, headers={**auth, "content-type": "text/plain"})
    assert ok.status_code == 201 and ok.json()["new"] == 1
    again = c.post("/api/articles", content=text, headers={**auth, "content-type": "text/plain"})
    assert again.status_code == 201 and again.json()["new"] == 0 and again.json()["duplicates"] == 1
    assert any(e["type"] == "deploy_forces" for e in c.get("/api/events").json()["items"])


def test_pages_render_with_a_content_security_policy(client: TestClient):
    aid = client.get("/api/articles").json()["items"][0]["id"]
    for path in ("/", "/claims", "/claims?stance=declines_to_confirm", "/timeline", "/entities",
                 "/entities/country:KP", f"/articles/{aid}"):  # fmt: skip
        res = client.get(path)
        assert res.status_code == 200, path
        csp = res.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert res.headers["x-content-type-options"] == "nosniff"


def test_ledger_links_each_claim_to_its_span(client: TestClient):
    html = client.get("/claims").text
    links = re.findall(r'href="/articles/([0-9a-f]+)#claim-(\d+)"', html)
    assert links
    aid, idx = links[0]
    reader = client.get(f"/articles/{aid}").text
    assert f'id="claim-{idx}"' in reader and 'class="claim-content"' in reader


def test_hostile_article_text_is_escaped_everywhere(client: TestClient):
    aid = next(a["id"] for a in client.get("/api/articles").json()["items"] if a["outlet"] is None)
    pages = [client.get(f"/articles/{aid}").text, client.get("/claims").text, client.get("/").text,
             client.get("/entities").text]  # fmt: skip
    for html in pages:
        # Only our own static scripts, and JSON data blocks (never executed); nothing from the article.
        scripts = re.findall(r"<script\b[^>]*>", html)
        assert all(
            re.fullmatch(r'<script src="/static/[\w./-]+\.js" defer>', t)
            or re.fullmatch(r'<script type="application/json" id="[\w-]+">', t)
            for t in scripts
        ), scripts
        assert '<script src="/static/app.js" defer>' in scripts
        assert "<img" not in html and not re.search(r"<[^>]*\bonerror\s*=", html)
        assert not re.search(r'href="javascript:', html, re.IGNORECASE)
    reader = pages[0]
    visible = re.sub(r"<[^>]+>", "", reader)  # the text as shown, highlight spans removed
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in visible
    assert "&amp;lt;b&amp;gt;" in visible  # entities in the text stay text
    assert "javascript:alert(5)" in reader and 'href="javascript:alert(5)' not in reader


def test_serve_refuses_write_on_a_public_address_without_token(db: Path):
    res = cli("serve", "--db", str(db), "--host", "0.0.0.0", "--write")
    assert res.returncode == 2 and b"--token" in res.stderr


@pytest.mark.parametrize("workers", ["1", "3"])
def test_serve_with_one_or_several_processes(db: Path, workers: str):
    """`newsledger serve --workers N`: every process answers the API with the same data and the security
    headers, events and propositions included (their JSON is joined from the store, not re-encoded)."""
    import urllib.request

    from conftest import serving

    with serving(db, "--workers", workers) as base:
        seen = set()
        for _ in range(12):
            with urllib.request.urlopen(base + "/api/events?limit=3") as r:
                assert r.headers["Content-Security-Policy"].startswith("default-src 'none'")
                assert r.headers["X-Frame-Options"] == "DENY"
                body = json.load(r)
            seen.add(json.dumps(body, sort_keys=True))
            assert all({"article_id", "idx", "type"} <= set(e) for e in body["items"])
        assert len(seen) == 1  # the same answer from every process
        with urllib.request.urlopen(base + "/api/propositions?limit=2") as r:
            page = json.load(r)
        assert len(page["items"]) == 2 and page["next_cursor"]


def test_propositions_filter_and_sort_in_the_store(client: TestClient):
    every = client.get("/api/propositions", params={"kind": "claim", "limit": 500}).json()["items"]
    assert every
    by_nis = client.get("/api/propositions", params={"kind": "claim", "source": "intel:nis"}).json()["items"]
    assert by_nis and len(by_nis) < len(every)
    assert all(any("Intelligence" in (m["source"] or "") for m in p["members"]) for p in by_nis)
    declined = client.get("/api/propositions", params={"stance": "declines_to_confirm"}).json()["items"]
    assert declined and all(any(m["stance"] == "declines_to_confirm" for m in p["members"]) for p in declined)
    oldest = client.get("/api/propositions", params={"kind": "claim", "sort": "oldest", "limit": 500}).json()
    seen = [p["first_seen"] for p in oldest["items"] if p["first_seen"]]
    assert seen == sorted(seen) and seen[0] == "2024-10-18"
    newest = client.get("/api/propositions", params={"kind": "claim", "sort": "newest", "limit": 500}).json()
    assert [p["first_seen"] for p in newest["items"] if p["first_seen"]] == sorted(seen, reverse=True)
    late = client.get("/api/propositions", params={"kind": "claim", "since": "2024-10-19"}).json()["items"]
    assert late and all(p["first_seen"] >= "2024-10-19" for p in late)
    assert client.get("/api/propositions", params={"sort": "random"}).status_code == 422
    # The ledger page uses the same filters.
    page = client.get("/claims", params={"stance": "declines_to_confirm", "sort": "newest"}).text
    assert page.count('class="prop"') == len(declined)
    names = [
        e["name"] for e in client.get("/api/entities", params={"sort": "name", "limit": 500}).json()["items"]
    ]
    assert names == sorted(names)
    evs = client.get("/api/events", params={"order": "latest", "limit": 500}).json()["items"]
    dated = [e["time"] for e in evs if e.get("time")]
    assert dated and dated[0] >= dated[-1]


def test_one_proposition_whole_and_lists_with_few_members(client: TestClient):
    listed = client.get("/api/propositions", params={"kind": "claim", "members": 1}).json()["items"]
    assert listed and all(len(p["members"]) <= 1 for p in listed)
    biggest = max(listed, key=lambda p: p["members_total"])
    whole = client.get(f"/api/propositions/{biggest['id']}").json()
    assert whole["id"] == biggest["id"] and whole["kind"] == "claim"
    assert len(whole["members"]) == biggest["members_total"] and whole["label"] == biggest["label"]
    assert client.get("/api/propositions/999999").status_code == 404
    assert client.get("/api/propositions", params={"members": 51}).status_code == 422


def test_a_resumed_quotation_is_one_claim_everywhere(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(
        "The bridge on Monday\n\n"
        '"We will hold the bridge," the mayor said on Monday. "Nobody <b>leaves</b> the city."\n',
        encoding="utf-8",
    )
    db = tmp_path / "s.db"
    assert cli("ingest", str(src), "--db", str(db)).returncode == 0
    listed = cli("claims", "--db", str(db), "--format", "jsonl")
    assert listed.returncode == 0, listed.stderr.decode()
    (row,) = [json.loads(line) for line in listed.stdout.decode().splitlines()]
    assert row["content_text"] == "We will hold the bridge,"
    assert [p["text"] for p in row["content_more"]] == ["Nobody <b>leaves</b> the city."]
    from newsledger.web.app import create_app

    client = TestClient(create_app(db))
    (claim,) = client.get("/api/claims").json()["items"]
    assert claim["content_full"] == "We will hold the bridge, … Nobody <b>leaves</b> the city."
    page = client.get(f"/articles/{claim['article_id']}").text
    marked = re.findall(r'<span class="claim-content"[^>]*>(.*?)</span>', page)
    assert "Nobody &lt;b&gt;leaves&lt;/b&gt; the city." in "".join(marked) and "<b>leaves" not in page
