"""GET /v1/export: the matching events (every one, not a page) as a download in each export format."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from .conftest import error_of


def test_export_writes_every_event_of_the_filter_as_csv(client: TestClient) -> None:
    response = client.get("/v1/export?format=csv&country=JOR")
    assert response.status_code == 200
    assert "hadath-events.csv" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    expected = client.get("/v1/events?country=JOR&limit=100").json()["items"]
    assert sorted(r["event_id"] for r in rows) == sorted(e["id"] for e in expected)


@pytest.mark.parametrize("fmt", ["plover", "jsonl"])
def test_export_writes_json_lines(client: TestClient, fmt: str) -> None:
    response = client.get(f"/v1/export?format={fmt}&type=ACCUSE")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert len(lines) == client.get("/v1/events?type=ACCUSE").json()["total"] > 0


def test_export_of_parquet_and_phoenix_and_a_bad_format(client: TestClient) -> None:
    assert client.get("/v1/export?format=parquet").content[:4] == b"PAR1"
    assert client.get("/v1/export?format=phoenix").text.count("\n") >= client.get("/v1/events").json()["total"]
    assert error_of(client.get("/v1/export?format=xls"))["status"] == 422
