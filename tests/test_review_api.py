"""The review application's HTTP API, through Starlette's test client."""

from __future__ import annotations

import re
import warnings

import pytest
from review_corpus import make_corpus, place

pytest.importorskip("starlette", reason="the 'review' extra is not installed")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from tei_tools.review.app import TOKEN_HEADER, create_app
from tei_tools.review.session import ReviewSession

TOKEN = "test-token"
BASE = "http://127.0.0.1"
TELEGRAM = "1917-12-03_telegram"


@pytest.fixture
def corpus(tmp_path):
    return make_corpus(tmp_path)


@pytest.fixture
def session(corpus):
    return ReviewSession(corpus, editor="Jane Doe")


@pytest.fixture
def client(session):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        test_client = TestClient(create_app(session, TOKEN), base_url=BASE)
    response = test_client.get(f"/?token={TOKEN}", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/"
    return test_client


def write(client, path: str, body: dict, **headers):
    headers = {TOKEN_HEADER: TOKEN, "origin": BASE, **headers}
    return client.post(path, json=body, headers=headers)


def state(client) -> dict:
    return client.get(f"/api/doc/{TELEGRAM}").json()


def mark_at(session, text: str, occurrence: int = 0) -> dict:
    start, end = place(session.document(TELEGRAM).stream.text, text, occurrence)
    return {"start": start, "end": end}


def test_every_request_needs_the_token(session):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        stranger = TestClient(create_app(session, TOKEN), base_url=BASE)
    assert stranger.get("/").status_code == 403
    assert stranger.get("/?token=guess").status_code == 403
    assert stranger.get("/api/registers?q=len").status_code == 403


def test_a_host_other_than_localhost_is_refused(client):
    assert client.get("/", headers={"host": "evil.example:8000"}).status_code == 400


def test_cross_origin_write_is_refused(client, session):
    body = {
        "version": state(client)["version"],
        "action": "reject",
        **mark_at(session, "Mr. Jones"),
    }
    answer = write(client, f"/api/doc/{TELEGRAM}/decide", body, origin="http://evil.example")
    assert answer.status_code == 403 and "origin" in answer.json()["error"]
    answer = client.post(f"/api/doc/{TELEGRAM}/decide", json=body)  # cookie only, no token header
    assert answer.status_code == 403
    assert state(client)["decisions"] == []


def test_queue_groups_findings_by_frequency_and_filters(client):
    page = client.get("/")
    assert page.status_code == 200
    assert re.search(r"0 of \d+ reviewed", page.text)
    rows = page.text.split("<tbody>")[1]
    assert rows.index("Mr. Smith") < rows.index("31 February 1918")  # two places before one
    only_dates = client.get("/?kind=uncertain-date").text.split("<tbody>")[1]
    assert "31 February 1918" in only_dates and "Mr. Smith" not in only_dates
    by_name = client.get("/?name=barsuk").text.split("<tbody>")[1]
    assert "General Barsukevich" in by_name and "Mr. Smith" not in by_name
    by_document = client.get("/?document=1917-12-05_note").text.split("<tbody>")[1]
    assert "31 February" not in by_document


def test_document_text_is_escaped(client):
    page = client.get("/doc/1917-12-05_note")
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_register_search_covers_every_name_form_with_life_dates(client):
    hits = client.get("/api/registers?q=iljitsch").json()["hits"]
    lenin = next(hit for hit in hits if hit["ref"] == "per:lenin")
    assert lenin["birth"] == "1870-04-22"
    # an identifier only where two sources confirm it (issue 25): none for Lenin yet
    assert lenin["wikidata"] == ""


def test_decision_is_recorded_and_its_block_redrawn(client, session, corpus):
    body = {"version": state(client)["version"], "action": "link", "ref": "per:lenin"}
    # The second "Mr. Smith" of the document is the one the report lists.
    answer = write(
        client, f"/api/doc/{TELEGRAM}/decide", {**body, **mark_at(session, "Mr. Smith", 1)}
    )
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert result["reviewed"] == 1
    (html,) = result["blocks"].values()
    assert 'data-ref="per:lenin"' in html and 'data-resp="#review-jane-doe"' in html
    saved = (corpus / "review" / f"{TELEGRAM}.toml").read_text(encoding="utf-8")
    assert 'ref = "per:lenin"' in saved and 'editor = "Jane Doe"' in saved


def test_stale_write_gets_a_conflict_and_writes_nothing(client, session, corpus):
    old = state(client)["version"]
    first = {"version": old, "action": "reject", **mark_at(session, "Mr. Jones")}
    assert write(client, f"/api/doc/{TELEGRAM}/decide", first).status_code == 200
    second = {"version": old, "action": "accept", **mark_at(session, "Mr. Smith")}
    answer = write(client, f"/api/doc/{TELEGRAM}/decide", second)
    assert answer.status_code == 409
    assert "changed since this page was loaded" in answer.json()["error"]
    assert len(state(client)["decisions"]) == 1


def test_wrong_wikidata_identifier_is_refused(client, session, corpus):
    body = {
        "version": state(client)["version"],
        "type": "persName",
        "names": ["Barsukevich"],
        "wikidata": "Q0123",
        **mark_at(session, "General Barsukevich"),
    }
    answer = write(client, f"/api/doc/{TELEGRAM}/entry", body)
    assert answer.status_code == 422 and "Wikidata" in answer.json()["error"]
    assert not (corpus / "registers").exists()


def test_new_entry_is_written_linked_everywhere_and_undone(client, session, corpus):
    body = {
        "version": state(client)["version"],
        "type": "persName",
        "names": ["Barsukevich", "Pavel Barsukevich"],
        "birth": "1857",
        "death": "1932",
        "wikidata": "Q4200017",
        "everywhere": True,
        **mark_at(session, "General Barsukevich"),
    }
    answer = write(client, f"/api/doc/{TELEGRAM}/entry", body)
    assert answer.status_code == 200, answer.text
    assert answer.json()["ref"] == "per:barsukevich"
    assert answer.json()["documents"] == ["1917-12-03_telegram", "1917-12-05_note"]
    register = (corpus / "registers" / "persons.xml").read_text(encoding="utf-8")
    assert '<person xml:id="barsukevich">' in register and "Q4200017" in register
    hits = client.get("/api/registers?q=pavel barsuk").json()["hits"]
    assert [hit["ref"] for hit in hits] == ["per:barsukevich"]
    undo = write(client, f"/api/doc/{TELEGRAM}/undo", {"version": answer.json()["version"]})
    assert undo.status_code == 200, undo.text
    assert not (corpus / "registers" / "persons.xml").exists()
    assert state(client)["decisions"] == []
    assert client.get("/api/doc/1917-12-05_note").json()["decisions"] == []


def test_date_value_is_checked(client, session):
    body = {
        "version": state(client)["version"],
        "action": "date",
        **mark_at(session, "31 February 1918"),
    }
    bad = write(
        client,
        f"/api/doc/{TELEGRAM}/decide",
        {**body, "value": "1918-02-30", "calendar": "gregorian"},
    )
    assert bad.status_code == 422 and "not a day" in bad.json()["error"]
    good = write(
        client, f"/api/doc/{TELEGRAM}/decide", {**body, "value": "1918-02-28", "calendar": "julian"}
    )
    assert good.status_code == 200
    (html,) = good.json()["blocks"].values()
    assert 'data-when="1918-03-13"' in html and 'data-when-custom="1918-02-28"' in html


def test_change_of_type_and_extent(client, session):
    version = state(client)["version"]
    retyped = write(
        client,
        f"/api/doc/{TELEGRAM}/decide",
        {
            "version": version,
            "action": "retype",
            "new_type": "orgName",
            **mark_at(session, "Mr. Smith", 1),
        },
    )
    assert retyped.status_code == 200 and 'data-type="orgName"' in next(
        iter(retyped.json()["blocks"].values())
    )
    extended = write(
        client,
        f"/api/doc/{TELEGRAM}/decide",
        {
            "version": retyped.json()["version"],
            "action": "extent",
            "extent": "Barsukevich",
            **mark_at(session, "General Barsukevich"),
        },
    )
    assert extended.status_code == 200, extended.text
    html = next(iter(extended.json()["blocks"].values()))
    assert '<span class="tei-roleName">General</span>' not in html
    assert ">Barsukevich</span>" in html


def test_write_to_a_place_without_mark_is_refused(client):
    body = {"version": state(client)["version"], "action": "accept", "start": 0, "end": 3}
    answer = write(client, f"/api/doc/{TELEGRAM}/decide", body)
    assert answer.status_code == 422 and "no mark" in answer.json()["error"]


def test_review_command_serves_on_localhost_with_a_token_in_the_url(corpus):
    import subprocess
    import sys

    import httpx

    command = [sys.executable, "-m", "tei_tools", "review", str(corpus), "--editor", "Jane Doe"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        lines = [process.stderr.readline(), process.stderr.readline()]
        url = next(line.strip() for line in lines if "token=" in line)
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\?token=[\w-]{20,}", url)
        base = url.split("/?")[0]
        assert httpx.get(base + "/", timeout=30).status_code == 403
        with httpx.Client(timeout=60) as browser:
            page = browser.get(url, follow_redirects=True)
        assert page.status_code == 200 and "Findings to review" in page.text
    finally:
        process.terminate()
        process.wait(timeout=30)


# --- robust: bad files and bad requests -----------------------------------------------------


def test_a_corrupted_decisions_file_is_reported_for_its_document_alone(corpus):
    from tei_tools.markup.decisions.store import decisions_path

    broken = decisions_path(corpus, "1917-12-05_note")
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_bytes(b"this is [not toml\x00")
    session = ReviewSession(corpus, editor="Jane Doe")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        client = TestClient(create_app(session, TOKEN), base_url=BASE)
    client.get(f"/?token={TOKEN}")
    queue = client.get("/")
    assert queue.status_code == 200
    assert "1917-12-05_note" in queue.text
    assert client.get(f"/api/doc/{TELEGRAM}").status_code == 200
    assert client.get("/api/doc/1917-12-05_note").status_code == 422
    assert client.get("/doc/1917-12-05_note").status_code == 422


@pytest.mark.parametrize(
    "body",
    [b"[" * 100_000 + b"]" * 100_000, b'{"start": "\xff\xfe"}', b'{"start": 1e999}', b"[1, 2]"],
    ids=["deep-nesting", "not-utf-8", "huge-number", "not-an-object"],
)
def test_a_malformed_body_is_a_4xx_with_a_message(client, body):
    headers = {TOKEN_HEADER: TOKEN, "origin": BASE, "content-type": "application/json"}
    response = client.post(f"/api/doc/{TELEGRAM}/decide", content=body, headers=headers)
    assert 400 <= response.status_code < 500
    assert response.json()["error"]


def test_an_unknown_document_is_a_404(client):
    assert client.get("/api/doc/no-such-document").status_code == 404
    response = write(client, "/api/doc/no-such-document/decide", {"start": 0, "end": 1})
    assert response.status_code == 404


def test_a_body_over_the_limit_is_refused_before_it_is_read(client):
    from tei_tools.review.app import MAX_BODY

    headers = {TOKEN_HEADER: TOKEN, "origin": BASE, "content-type": "application/json"}
    body = b'{"text": "' + b"x" * (MAX_BODY + 10) + b'"}'
    response = client.post(f"/api/doc/{TELEGRAM}/decide", content=body, headers=headers)
    assert response.status_code == 413


def test_a_save_killed_mid_way_leaves_no_temporary_file_after_restart(corpus):
    from tei_tools.markup.decisions.store import REVIEW_DIR

    folder = corpus / REVIEW_DIR
    folder.mkdir(parents=True, exist_ok=True)
    leftover = folder / "1917-12-03_telegram.toml.x1y2.tei-tools-tmp"
    leftover.write_text("half a save", encoding="utf-8")
    ReviewSession(corpus, editor="Jane Doe")
    assert not leftover.exists()
