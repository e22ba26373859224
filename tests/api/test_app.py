"""The HTTP API over a store: events with filters and pages, provenance, aggregates, extraction, ingestion with an
API key, the offline OpenAPI page and the dashboard's files."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from hadath import Pipeline
from hadath.api import create_app
from hadath.api.app import STATIC
from hadath.store.query import MAX_LIMIT

from .conftest import ALL_REPORTS, EXAMPLE, MEETING_REPORTS, error_of

EXAMPLE_ID = "bna-2024-06-11-001"
#: Deduplicated events of the test store: 4 of the example, the Doha meeting (3 reports), its sequel, 2 other
#: reports of the store tests and 5 more.
EVENTS = 4 + 1 + 1 + 2 + 5


def events(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/v1/events", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def doc_ids(client: TestClient, **params: Any) -> list[str]:
    return [e["doc_id"] for e in events(client, limit=100, **params)["items"]]


def test_health_reports_the_store_and_that_it_is_read_only(client: TestClient) -> None:
    body = client.get("/v1/health").json()
    assert body["status"] == "ok"
    assert body["counts"]["documents"] == len(ALL_REPORTS) + 1
    assert body["counts"]["events"] == EVENTS
    assert body["accepts_documents"] is False


def test_events_are_contract_events_newest_first_with_total(client: TestClient) -> None:
    body = events(client)
    assert body["total"] == EVENTS == len(body["items"])
    dates = [e["date"] for e in body["items"]]
    assert dates == sorted(dates, reverse=True)
    first = body["items"][0]
    for key in (
        "id",
        "type",
        "mode",
        "cameo",
        "source",
        "target",
        "location",
        "trigger",
        "sentence",
        "topics",
        "doc_id",
        "mentions",
        "sources",
        "documents",
        "sentence_text",
        "quad_class",
        "goldstein",
    ):
        assert key in first
    assert "ensure_ascii" not in first  # Arabic is sent as it is, not \u-escaped
    assert "بحث" in client.get("/v1/events").text


def test_pages_follow_each_other(client: TestClient) -> None:
    first = events(client, limit=5)
    second = events(client, limit=5, offset=first["next_offset"])
    last = events(client, limit=5, offset=10)
    assert (first["next_offset"], second["next_offset"], last["next_offset"]) == (5, 10, None)
    ids = [e["id"] for page in (first, second, last) for e in page["items"]]
    assert len(ids) == len(set(ids)) == EVENTS


def test_absurd_limit_is_capped(client: TestClient) -> None:
    body = events(client, limit=10**12)
    assert body["limit"] == MAX_LIMIT
    assert len(body["items"]) == EVENTS
    assert events(client, limit=10**40)["limit"] == MAX_LIMIT


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "JOR"}, ["qna-0311-4", "petra-0304-7", "mena-1120-5"]),
        ({"country": ["EGY", "ARE"]}, ["spa-0306-3", "wam-0302-9", "mena-1120-5", "wam-0910-1"]),
        ({"country": "egy,are"}, ["spa-0306-3", "wam-0302-9", "mena-1120-5", "wam-0910-1"]),
        ({"source_country": "IRQ"}, ["ina-0122-3"]),
        ({"target_country": "ISR"}, ["spa-1127-2"]),
        ({"type": "ACCUSE"}, ["wam-0302-9", "ina-0122-3", "spa-1127-2"]),
        ({"type": "accuse", "country": "TUR"}, ["ina-0122-3"]),
        ({"mode": "phone"}, ["mena-1120-5"]),
        ({"sector": "GOV", "type": "AID"}, ["wam-0910-1"]),
        ({"since": "2025-01-01", "until": "2025-01-31"}, ["ina-0122-3", "kuna-0115-8"]),
        ({"location": "QAT"}, ["qna-0311-4", "petra-0304-7"]),
        ({"location": "الدوحة"}, ["qna-0311-4", "petra-0304-7"]),
        ({"topic": "energy"}, ["spa-0306-3"]),
        ({"q": "الطاقة المتجددة"}, ["spa-0306-3"]),
        ({"q": "الطاقه المتجدده"}, ["spa-0306-3"]),  # the normalized spelling matches the same sentence
        ({"q": "'; DROP TABLE events; --"}, []),
        ({"location": "' OR 1=1 --"}, []),
    ],
)
def test_filters(client: TestClient, params: dict[str, Any], expected: list[str]) -> None:
    assert doc_ids(client, **params) == expected


def test_reports_lists_every_report_of_the_deduplicated_meeting(client: TestClient) -> None:
    deduplicated = doc_ids(client, country="QAT", until="2025-03-06")
    every = doc_ids(client, country="QAT", until="2025-03-06", reports="true")
    assert deduplicated == ["petra-0304-7"]
    assert sorted(every) == sorted(r["id"] for r in MEETING_REPORTS)


def test_event_provenance_has_the_sentence_spans_and_document(client: TestClient) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    body = client.get(f"/v1/events/{EXAMPLE_ID}:1").json()
    event, sentence = body["event"], body["sentence"]
    assert (event["type"], event["mode"], event["source"]["country"], event["target"]["country"]) == (
        "CONSULT",
        "third-party",
        "BHR",
        "USA",
    )
    assert sentence["text"] == text[sentence["start"] : sentence["end"]]
    assert {s["kind"] for s in body["spans"]} >= {"trigger", "source", "target", "location", "occasion"}
    for span in body["spans"]:
        assert text[span["start"] : span["end"]] == span["text"]
        assert span["in_sentence"] == (sentence["start"] <= span["start"] and span["end"] <= sentence["end"])
    assert event["source"]["name"] == "Abdullatif bin Rashid Al Zayani"
    assert event["target"]["country_name"] == "United States"
    doc = body["document"]
    assert (doc["doc_id"], doc["date"], doc["source"]) == (EXAMPLE_ID, "2024-06-11", "Bahrain News Agency")
    assert doc["reported_by"]["name"] == "Bahrain News Agency"
    assert doc["length"] == len(text)
    assert [r["event_id"] for r in body["reports"]] == [f"{EXAMPLE_ID}:1"]


def test_a_deduplicated_event_lists_all_its_reports_from_any_of_them(client: TestClient) -> None:
    [meeting] = events(client, country="QAT", until="2025-03-06")["items"]
    assert (meeting["mentions"], meeting["sources"]) == (3, 3)
    reports = client.get(f"/v1/events/{meeting['id']}").json()["reports"]
    assert sorted(r["doc_id"] for r in reports) == sorted(r["id"] for r in MEETING_REPORTS)
    assert sorted(r["outlet"] for r in reports) == ["KUNA", "Petra", "QNA"]
    joined = [r for r in reports if r["joined_with"]]
    assert len(joined) == 2 and all(r["similarity"] > 0 for r in joined)
    # each report opens on its own sentence and lists the same reports
    other = next(r for r in reports if r["event_id"] != meeting["id"])
    body = client.get(f"/v1/events/{other['event_id']}").json()
    assert body["event"]["doc_id"] == other["doc_id"]
    assert [r["event_id"] for r in body["reports"]] == [r["event_id"] for r in reports]
    assert any(r["url"] == "https://example.org/qna/1" for r in reports)


def test_actors_by_actor_and_by_country(client: TestClient) -> None:
    rows = client.get("/v1/actors").json()["items"]
    zayani = next(r for r in rows if r["entity_id"] == "person:abdullatif-al-zayani")
    assert (zayani["events"], zayani["as_source"], zayani["as_target"], zayani["country"]) == (3, 3, 0, "BHR")
    assert zayani["text"] == "عبد اللطيف بن راشد الزياني"
    countries = client.get("/v1/actors", params={"group": "country", "type": "CONSULT"}).json()["items"]
    assert countries[0] == {
        "code": "BHR",
        "country": "BHR",
        "org": None,
        "events": 3,
        "as_source": 3,
        "as_target": 0,
        "name": "Bahrain",
    }
    assert {r["code"] for r in countries} == {"BHR", "USA", "RUS", "GBR", "JOR", "QAT", "EGY", "KWT", "OMN"}


def test_dyads_count_cooperation_and_conflict_per_pair(client: TestClient) -> None:
    rows = {(r["a"], r["b"]): r for r in client.get("/v1/dyads").json()["items"]}
    assert rows[("JOR", "QAT")]["events"] == 2  # the Doha meeting (3 reports) and its sequel
    assert rows[("IRQ", "TUR")]["conflict"] == 1 and rows[("IRQ", "TUR")]["balance"] == -1.0
    bhr_usa = rows[("BHR", "USA")]  # a CONSULT and a SUPPORT, one each way
    assert (bhr_usa["events"], bhr_usa["a_to_b"], bhr_usa["b_to_a"], bhr_usa["balance"]) == (2, 1, 1, 1.0)
    assert (bhr_usa["a_name"], bhr_usa["b_name"]) == ("Bahrain", "United States")
    monthly = client.get("/v1/dyads", params={"period": "month", "country": "QAT"}).json()["items"]
    assert [(r["a"], r["b"], r["period"], r["events"]) for r in monthly] == [("JOR", "QAT", "2025-03-01", 2)]


def test_timeline_by_type_and_by_quad_class(client: TestClient) -> None:
    by_type = client.get("/v1/timeline").json()
    assert by_type["total"] == EVENTS and by_type["undated"] == 0
    assert {"period": "2024-06-01", "key": "CONSULT", "events": 3} in by_type["items"]
    assert {"period": "2024-11-01", "key": "ACCUSE", "events": 1} in by_type["items"]
    weekly = client.get("/v1/timeline", params={"interval": "week", "by": "quad_class", "country": "JOR"}).json()
    # weeks start on Monday: 2025-03-04 and 2025-03-11 fall in the weeks of 3 and 10 March
    assert weekly["items"] == [
        {"period": "2024-11-18", "key": 1, "events": 1},
        {"period": "2025-03-03", "key": 1, "events": 1},
        {"period": "2025-03-10", "key": 1, "events": 1},
    ]


def test_timeline_gives_cooperation_conflict_and_goldstein_per_period(client: TestClient) -> None:
    periods = {p["period"]: p for p in client.get("/v1/timeline").json()["periods"]}
    events = client.get("/v1/events", params={"since": "2024-11-01", "until": "2024-11-30", "limit": 100}).json()
    november = periods["2024-11-01"]
    scores = [e["goldstein"] for e in events["items"]]
    assert november["events"] == len(scores) == 2  # the Egypt-Jordan call (cooperation), the Saudi condemnation
    assert (november["cooperation"], november["conflict"]) == (1, 1)
    assert november["mean_goldstein"] == round(sum(scores) / len(scores), 2)


def test_codes_name_countries_and_list_types(client: TestClient) -> None:
    body = client.get("/v1/codes").json()
    assert len(body["types"]) == 16 and "CONSULT" in body["types"]
    assert body["names"]["JOR"] == "Jordan" and body["names"]["ARL"]
    assert body["quad_classes"]["4"] == "material conflict"
    assert "gaza-war" in body["topics"]


def test_extract_returns_the_contract_record_and_stores_nothing(client: TestClient, check_spans: Any) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    before = client.get("/v1/health").json()["counts"]
    response = client.post("/v1/extract", json={"text": text, "date": "2024-06-11", "id": EXAMPLE_ID})
    assert response.status_code == 200
    record = response.json()
    assert (record["doc_id"], record["date"]) == (EXAMPLE_ID, "2024-06-11")
    assert sorted(e["type"] for e in record["events"]) == ["CONSULT", "CONSULT", "CONSULT", "SUPPORT"]
    assert check_spans(record, text) > 10
    assert client.get("/v1/health").json()["counts"] == before


def test_extract_counts_offsets_in_characters_not_bytes_or_utf16(client: TestClient, check_spans: Any) -> None:
    text = "🌍 " + MEETING_REPORTS[0]["text"]  # a character outside the BMP is 2 UTF-16 units, 4 bytes, 1 character
    record = client.post("/v1/extract", json={"text": text, "date": "2025-03-04"}).json()
    assert record["events"]
    check_spans(record, text)


def test_documents_are_stored_with_the_key_and_then_queried(writer: TestClient) -> None:
    doc = {
        "id": "bna-0305-9",
        "date": "2025-03-05",
        "source": "BNA",
        "url": "https://example.org/bna/9",
        "text": "المنامة - بنا: بحث وزير الخارجية البحريني عبد اللطيف بن راشد الزياني اليوم مع وزير الخارجية "
        "العماني بدر البوسعيدي خلال لقائهما في مسقط العلاقات الثنائية بين البلدين.",
    }
    response = writer.post("/v1/documents", json={"documents": [doc]}, headers={"X-API-Key": "s3cret"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["stored"], body["events"], body["problems"]) == (1, 1, [])
    assert body["documents"] == [{"id": "bna-0305-9", "stored": True, "events": ["bna-0305-9:1"]}]
    found = writer.get("/v1/events", params={"country": "OMN", "since": "2025-03-01"}).json()["items"]
    assert [e["id"] for e in found] == ["bna-0305-9:1"]
    assert writer.get("/v1/events/bna-0305-9:1").json()["document"]["url"] == "https://example.org/bna/9"
    # the same document again is left as it is; with another text it is replaced
    again = writer.post("/v1/documents", json={"documents": [doc]}, headers={"Authorization": "Bearer s3cret"})
    assert (again.json()["unchanged"], again.json()["stored"]) == (1, 0)
    changed = {**doc, "text": doc["text"].replace("مسقط", "المنامة")}
    replaced = writer.post("/v1/documents", json={"documents": [changed]}, headers={"X-API-Key": "s3cret"})
    assert (replaced.json()["replaced"], replaced.json()["stored"]) == (1, 1)
    assert writer.get("/v1/health").json()["accepts_documents"] is True


def test_a_posted_report_of_a_stored_event_joins_it(writer: TestClient) -> None:
    report = {
        "id": "bna-0304-2",
        "date": "2025-03-04",
        "source": "BNA",
        "text": "الدوحة - بنا: بحث رئيس مجلس الوزراء وزير الخارجية القطري الشيخ محمد بن عبدالرحمن آل ثاني مع "
        "وزير الخارجية الأردني أيمن الصفدي في الدوحة اليوم العلاقات الثنائية والأوضاع في قطاع غزة.",
    }
    response = writer.post("/v1/documents", json={"documents": [report]}, headers={"X-API-Key": "s3cret"})
    assert response.status_code == 200, response.text
    [meeting] = writer.get("/v1/events", params={"country": "QAT", "until": "2025-03-06"}).json()["items"]
    assert (meeting["mentions"], meeting["sources"]) == (4, 4)
    assert "bna-0304-2" in meeting["documents"]


def test_a_server_with_a_key_creates_a_missing_store(tmp_path: Path, pipeline: Pipeline) -> None:
    app = create_app(tmp_path / "new.duckdb", api_key="k", pipeline=pipeline)
    with TestClient(app) as client:
        assert client.get("/v1/health").json()["counts"]["documents"] == 0
        assert client.get("/v1/events").json() == {
            "items": [],
            "total": 0,
            "limit": 50,
            "offset": 0,
            "next_offset": None,
        }
        assert client.get("/v1/timeline").json()["items"] == []


def test_api_docs_work_offline(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert assets and all(a.startswith("/") for a in assets), assets  # nothing from a CDN
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200, asset
        assert len(response.content) > 1000
    spec = client.get("/openapi.json").json()
    assert {
        "/v1/health",
        "/v1/extract",
        "/v1/events",
        "/v1/events/{event_id}",
        "/v1/actors",
        "/v1/dyads",
        "/v1/timeline",
        "/v1/documents",
    } <= set(spec["paths"])
    assert spec["paths"]["/v1/documents"]["post"]["requestBody"]["content"]["application/json"]["schema"]


def test_dashboard_is_served_from_the_package_with_nothing_from_outside(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert client.head("/").status_code == 200
    for name in ("app.js", "style.css"):
        assert client.get(f"/static/{name}").status_code == 200
    for path in STATIC.iterdir():
        if path.name == "vendor":  # libraries vendored as published, each with its licence (see its README)
            assert sorted(p.name for p in path.iterdir() if p.is_dir()) == ["leaflet", "topojson-client", "world-atlas"]
            assert all((folder / "LICENSE").is_file() for folder in path.iterdir() if folder.is_dir())
            continue
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", source), path  # the SVG namespace is a name
        assert "innerHTML" not in source, path


def test_concurrent_extractions_share_one_pipeline_safely(client: TestClient) -> None:
    """The server extracts in a thread pool with one pipeline: answers under concurrency equal serial ones."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [r["text"] for r in ALL_REPORTS] + [EXAMPLE.read_text(encoding="utf-8")]

    def extract(text: str) -> Any:
        return client.post("/v1/extract", json={"text": text, "date": "2025-03-04"}).json()

    serial = [extract(t) for t in texts]
    with ThreadPoolExecutor(8) as pool:
        concurrent = list(pool.map(extract, texts * 3))
    assert concurrent == serial * 3


# --------------------------------------------------------------------------- hostile input (issue 16)


def test_issue16_3_the_later_text_wins_over_a_stored_copy_of_it(writer: TestClient) -> None:
    first, second = MEETING_REPORTS[0]["text"], MEETING_REPORTS[1]["text"]
    key = {"X-API-Key": "s3cret"}
    writer.post("/v1/documents", json={"documents": [{"id": "X", "text": second}]}, headers=key)

    body = writer.post("/v1/documents", json={"documents": [{"id": "X", "text": first}, {"id": "X", "text": second}]},
                       headers=key).json()  # fmt: skip

    found = [e for e in writer.get("/v1/events", params={"reports": "true", "limit": 10000}).json()["items"]
             if e["doc_id"] == "X"]  # fmt: skip
    assert found and all(e["sentence_text"] in second for e in found)
    assert (body["stored"], body["replaced"], body["superseded"]) == (1, 1, 1)


def test_issue16_9_an_api_key_with_spaces_around_it_is_stripped_with_a_warning(
    tmp_path: Path, pipeline: Pipeline, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("WARNING"):
        app = create_app(tmp_path / "k.duckdb", api_key=" s3cret\n", pipeline=pipeline)
    assert "spaces around it" in caplog.text
    doc = {"id": "k", "text": MEETING_REPORTS[0]["text"]}
    with TestClient(app) as client:
        response = client.post("/v1/documents", json={"documents": [doc]}, headers={"X-API-Key": "s3cret"})
    assert response.status_code == 200, response.text


def test_issue16_11_the_api_docs_get_the_dashboards_framing_and_script_policy(client: TestClient) -> None:
    dashboard = client.get("/").headers["content-security-policy"]
    for path in ("/docs", "/redoc"):
        policy = client.get(path).headers.get("content-security-policy", "")
        assert "frame-ancestors 'none'" in policy and "frame-ancestors 'none'" in dashboard, path
        assert "default-src 'self'" in policy and "'unsafe-eval'" not in policy, path
    swagger = client.get("/docs")
    inline = re.findall(r"<script>(.*?)</script>", swagger.text, re.S)
    assert inline  # Swagger UI starts from an inline script: the policy allows that script by its hash only
    import base64
    import hashlib

    for script in inline:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in swagger.headers["content-security-policy"]


def test_issue16_12_the_default_body_limit_admits_the_most_documents_a_request_may_carry(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    from hadath.api.models import MAX_DOCUMENTS

    app = create_app(tmp_path / "m.duckdb", api_key="s3cret", pipeline=pipeline)
    docs = [{"id": f"d{i}", "text": "ب" * 600} for i in range(MAX_DOCUMENTS)]
    with TestClient(app) as client:
        for escaped in (False, True):
            body = json.dumps({"documents": docs}, ensure_ascii=escaped).encode()
            response = client.post("/v1/documents", content=body, headers={"X-API-Key": "s3cret",
                                   "Content-Type": "application/json"})  # fmt: skip
            assert response.status_code != 413, (escaped, len(body))


def test_events_sort_over_the_whole_store_not_one_page(client: TestClient) -> None:
    """The most-reported event comes first with sort=-mentions even on a page of one (the Doha meeting, 3 reports),
    and every page of a sort joins up to the whole sorted list."""
    everything = client.get("/v1/events?limit=100&sort=-mentions").json()["items"]
    top = client.get("/v1/events?limit=1&sort=-mentions").json()["items"]
    assert top[0]["id"] == "petra-0304-7:1" and top[0]["mentions"] == max(e["mentions"] for e in everything)
    pages = [client.get(f"/v1/events?limit=4&offset={o}&sort=type").json()["items"] for o in range(0, 16, 4)]
    joined = [e["id"] for page in pages for e in page]
    assert joined == [e["id"] for e in client.get("/v1/events?limit=100&sort=type").json()["items"]]
    types = [e["type"] for page in pages for e in page]
    assert types == sorted(types)
    dates = [e["date"] for e in client.get("/v1/events?limit=100&sort=date").json()["items"]]
    assert dates == sorted(dates)
    error = error_of(client.get("/v1/events?sort=colour"))
    assert error["code"] == "invalid_filter" and "sort 'colour' is not one of" in error["message"]


def test_events_filter_by_actor_name_in_english_or_arabic_or_code(client: TestClient) -> None:
    english = [e["id"] for e in client.get("/v1/events?actor=blinken").json()["items"]]
    assert "bna-2024-06-11-001:1" in english
    arabic = [e["id"] for e in client.get("/v1/events?actor=الصفدي").json()["items"]]
    assert arabic and all("JOR" in (e["source"]["country"], e["target"]["country"])
                          for e in client.get("/v1/events?actor=الصفدي").json()["items"])  # fmt: skip
    assert client.get("/v1/events?actor=nobody-at-all").json()["total"] == 0


def test_places_count_the_events_with_coordinates_and_those_without(client: TestClient) -> None:
    body = client.get("/v1/places").json()
    doha = next(p for p in body["items"] if p["place"] == "Doha")
    assert doha["country"] == "QAT" and doha["events"] == 2 and doha["cooperation"] == 2
    assert 25 < doha["lat"] < 26 and 51 < doha["lon"] < 52
    assert sum(p["events"] for p in body["items"]) + body["without_coordinates"] == EVENTS
    assert client.get("/v1/places?country=IRQ").json()["items"] == []


def test_an_actor_profile_by_entity_code_and_sector_or_code(client: TestClient) -> None:
    safadi = client.get("/v1/actor", params={"key": "person:ayman-safadi"}).json()
    assert safadi["name"] == "Ayman Safadi" and safadi["code"] == "JOR" and safadi["code_name"] == "Jordan"
    assert safadi["events"] == sum(r["as_source"] + r["as_target"] for r in safadi["over_time"])
    assert safadi["counterparts"][0]["code"] == "QAT"
    assert [r["role"] for r in safadi["roles"]] == ["foreign minister"]
    jordan = client.get("/v1/actor", params={"key": "JOR"}).json()
    assert jordan["events"] == client.get("/v1/events", params={"country": "JOR"}).json()["total"]
    assert client.get("/v1/actor", params={"key": "JOR/GOV"}).json()["events"] <= jordan["events"]
    assert error_of(client.get("/v1/actor", params={"key": "person:nobody"}))["status"] == 404
