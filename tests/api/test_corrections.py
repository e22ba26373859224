"""POST /v1/corrections, GET /v1/corrections and /v1/corrections/annotations, and the ``raw`` filter."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from .conftest import error_of

KEY = {"X-API-Key": "s3cret"}
EVENT = "bna-2024-06-11-001:1"  # CONSULT third-party BHR -> USA


def test_an_analyst_corrects_an_event_and_every_read_sees_it(writer: TestClient) -> None:
    body = {"event_id": EVENT, "analyst": "amal", "type": "AGREE", "target": {"code": "UNO", "sector": "IGO"},
            "note": "the agreement is with the UN"}  # fmt: skip
    response = writer.post("/v1/corrections", json=body, headers=KEY)
    assert response.status_code == 200, response.text
    found = response.json()
    assert found["event"]["type"] == "AGREE" and found["event"]["cameo"] == "057"
    assert found["event"]["target"]["org"] == "UNO" and found["event"]["target"]["country"] is None  # a code, read
    assert found["machine"]["type"] == "CONSULT" and found["machine"]["target"]["country"] == "USA"
    assert found["corrections"][0]["analyst"] == "amal" and found["corrections"][0]["note"] == body["note"]
    assert EVENT in [e["id"] for e in writer.get("/v1/events?type=AGREE").json()["items"]]
    assert EVENT not in [e["id"] for e in writer.get("/v1/events?type=AGREE&raw=true").json()["items"]]
    assert EVENT in [e["id"] for e in writer.get("/v1/events?type=CONSULT&raw=true").json()["items"]]
    pairs = {(d["a"], d["b"]): d["events"] for d in writer.get("/v1/dyads").json()["items"]}
    raw = {(d["a"], d["b"]): d["events"] for d in writer.get("/v1/dyads?raw=true").json()["items"]}
    assert pairs[("BHR", "UNO")] == 1 and ("BHR", "UNO") not in raw
    assert pairs[("BHR", "USA")] == raw[("BHR", "USA")] - 1  # the US support of Bahrain is still counted
    listed = writer.get("/v1/corrections").json()
    assert listed["total"] == 1 and listed["items"][0]["in_force"] is True
    lines = writer.get("/v1/corrections/annotations").text.splitlines()
    record = json.loads(lines[0])
    assert record["id"] == "bna-2024-06-11-001" and record["partial"] is True
    assert record["events"][0]["type"] == "AGREE" and record["events"][0]["target"]["org"] == "UNO"


def test_marking_an_event_wrong_takes_it_out_of_the_events(writer: TestClient) -> None:
    before = writer.get("/v1/events").json()["total"]
    response = writer.post("/v1/corrections", json={"event_id": EVENT, "analyst": "amal", "wrong": True}, headers=KEY)
    assert response.status_code == 200
    assert response.json()["event"]["corrected"]["wrong"] is True
    assert writer.get("/v1/events").json()["total"] == before - 1
    assert writer.get("/v1/events?raw=true").json()["total"] == before


def test_corrections_need_the_key_and_a_writable_server(writer: TestClient, client: TestClient) -> None:
    body = {"event_id": EVENT, "analyst": "amal", "type": "AGREE"}
    assert error_of(writer.post("/v1/corrections", json=body))["code"] == "unauthorized"
    assert error_of(writer.post("/v1/corrections", json=body, headers={"X-API-Key": "nope"}))["code"] == "unauthorized"
    assert error_of(client.post("/v1/corrections", json=body, headers=KEY))["code"] == "read_only"


def test_a_bad_correction_is_a_422_naming_the_field(writer: TestClient) -> None:
    cases = [
        ({"event_id": EVENT, "analyst": "amal", "mode": "veto"}, "mode: 'veto' is not a mode of CONSULT"),
        ({"event_id": EVENT, "analyst": "", "type": "AGREE"}, "analyst: say who makes the correction"),
        ({"event_id": EVENT, "analyst": "amal", "source": {"code": "QQQ"}}, "source.org: 'QQQ' is not a known"),
        ({"analyst": "amal"}, "the body must be an object with 'event_id' and 'analyst'"),
    ]
    for body, message in cases:
        error = error_of(writer.post("/v1/corrections", json=body, headers=KEY))
        assert error["status"] == 422 and message in error["message"], (body, error)
    raw = writer.post("/v1/corrections", content=b"{nope", headers={**KEY, "Content-Type": "application/json"})
    assert error_of(raw)["code"] == "malformed_json"
    missing = writer.post("/v1/corrections", json={"event_id": "nope:9", "analyst": "amal"}, headers=KEY)
    assert error_of(missing)["status"] == 404
