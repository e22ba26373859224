"""Hostile and mistaken requests: each is answered with a 4xx JSON error whose message says what was wrong. The test
client raises any exception the app does not handle, so none of these can have been a 500 in disguise."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hadath.api.models import MAX_DOCUMENTS

from .conftest import error_of

JSON = {"Content-Type": "application/json"}
KEY = {"X-API-Key": "s3cret", "Content-Type": "application/json"}
ONE_DOC = {"documents": [{"id": "a", "text": "نص"}]}


def _chunks(total: int, size: int = 100_000) -> Iterator[bytes]:
    """A body sent in pieces, without Content-Length (chunked transfer)."""
    for _ in range(total // size):
        yield b"x" * size


#: (method, path, request arguments, status, error code, part of the message) of requests to a read-only server.
BAD_REQUESTS = [
    # malformed or mistyped bodies
    ("POST", "/v1/extract", {"content": b'{"text": ', "headers": JSON}, 422, "malformed_json",
     "malformed JSON body: Expecting value at character 9"),
    ("POST", "/v1/extract", {"content": b'{"text": "a"} trailing', "headers": JSON}, 422, "malformed_json",
     "malformed JSON body: Extra data"),
    ("POST", "/v1/extract", {"content": b"[" * 100_000, "headers": JSON}, 422, "malformed_json",
     "malformed JSON body: JSON nested too deeply"),
    ("POST", "/v1/extract", {"content": b"[1, 2]", "headers": JSON}, 422, "invalid_request",
     "body: Input should be a valid dictionary"),
    ("POST", "/v1/extract", {"json": {}}, 422, "invalid_request", "body.text: Field required"),
    ("POST", "/v1/extract", {"json": {"text": 5}}, 422, "invalid_request",
     "body.text: Input should be a valid string"),
    ("POST", "/v1/extract", {"json": {"text": "نص", "lang": "ar"}}, 422, "invalid_request",
     "body.lang: unknown field; remove it"),
    ("POST", "/v1/extract", {"content": '{"text": "\\ud800"}', "headers": JSON}, 422, "invalid_request",
     "body.text: contains a lone surrogate (\\ud800) at character 0"),
    ("POST", "/v1/extract", {"content": b'{"text": "x"}', "headers": {"Content-Type": "text/plain"}}, 415,
     "unsupported_media_type", "the body must be JSON"),
    ("POST", "/v1/extract", {}, 415, "unsupported_media_type", "the body must be JSON"),
    ("POST", "/v1/extract", {"content": b"", "headers": JSON}, 422, "invalid_request", "the request has no body"),
    ("POST", "/v1/extract", {"json": {"text": "   "}}, 422, "invalid_document", "the document has no text"),
    ("POST", "/v1/extract", {"json": {"text": "نص", "date": "2024-02-30"}}, 422, "invalid_request",
     "body.date: '2024-02-30' is not an ISO date (YYYY-MM-DD)"),
    ("POST", "/v1/extract", {"json": {"text": "نص", "date": "yesterday"}}, 422, "invalid_request",
     "body.date: 'yesterday' is not an ISO date"),
    ("POST", "/v1/extract", {"json": {"text": "نص", "id": ""}}, 422, "invalid_request",
     "body.id: String should have at least 1 character"),
    # bodies over the size limit (10,000,000 bytes): declared, and sent in chunks without a length
    ("POST", "/v1/extract", {"json": {"text": "x" * 10_000_001}}, 413, "body_too_large",
     "over the limit of 10,000,000 bytes"),
    ("POST", "/v1/extract", {"content": _chunks(20_000_000), "headers": JSON}, 413, "body_too_large",
     "over the limit of 10,000,000 bytes"),
    # invalid filters: dates, enums, codes
    ("GET", "/v1/events", {"params": {"since": "2024-13-01"}}, 422, "invalid_filter",
     "since '2024-13-01' is not a date (YYYY-MM-DD)"),
    ("GET", "/v1/events", {"params": {"until": "11/06/2024"}}, 422, "invalid_filter",
     "until '11/06/2024' is not a date (YYYY-MM-DD)"),
    ("GET", "/v1/events", {"params": {"type": "MEET"}}, 422, "invalid_filter", "type 'MEET' is not one of: ACCUSE"),
    ("GET", "/v1/events", {"params": {"mode": "teleport"}}, 422, "invalid_filter", "mode 'teleport' is not one of"),
    ("GET", "/v1/events", {"params": {"sector": "XYZ"}}, 422, "invalid_filter", "sector 'XYZ' is not one of"),
    ("GET", "/v1/events", {"params": {"country": "BHR' OR 1=1 --"}}, 422, "invalid_filter",
     "is not a country or organization code"),
    ("GET", "/v1/events", {"params": {"source_country": "12"}}, 422, "invalid_filter",
     "source_country '12' is not a country or organization code"),
    ("GET", "/v1/events", {"params": {"country": "KSA"}}, 422, "invalid_filter",
     "country 'KSA' is not a country or organization code; did you mean SAU (Saudi Arabia)?"),
    ("GET", "/v1/dyads", {"params": {"topic": "gaza"}}, 422, "invalid_filter",
     "topic 'gaza' is not a known topic; did you mean gaza-war?"),
    ("GET", "/v1/timeline", {"params": {"since": "soon"}}, 422, "invalid_filter", "since 'soon' is not a date"),
    ("GET", "/v1/dyads", {"params": {"type": "HUG"}}, 422, "invalid_filter", "type 'HUG' is not one of"),
    ("GET", "/v1/actors", {"params": {"until": "2024-02-30"}}, 422, "invalid_filter", "until '2024-02-30'"),
    ("GET", "/v1/timeline", {"params": {"interval": "decade"}}, 422, "invalid_request",
     "query parameter 'interval': Input should be 'day', 'week', 'month' or 'year' (got 'decade')"),
    ("GET", "/v1/timeline", {"params": {"by": "mood"}}, 422, "invalid_request",
     "query parameter 'by': Input should be 'type' or 'quad_class'"),
    ("GET", "/v1/dyads", {"params": {"period": "hour"}}, 422, "invalid_request", "query parameter 'period'"),
    ("GET", "/v1/actors", {"params": {"group": "planet"}}, 422, "invalid_request", "query parameter 'group'"),
    # limits and offsets: nonsense is refused, huge limits are capped (see test_app)
    ("GET", "/v1/events", {"params": {"limit": "many"}}, 422, "invalid_request",
     "query parameter 'limit': Input should be a valid integer"),
    ("GET", "/v1/events", {"params": {"limit": 0}}, 422, "invalid_request",
     "query parameter 'limit': Input should be greater than or equal to 1"),
    ("GET", "/v1/events", {"params": {"limit": -5}}, 422, "invalid_request", "greater than or equal to 1"),
    ("GET", "/v1/events", {"params": {"offset": -1}}, 422, "invalid_request",
     "query parameter 'offset': Input should be greater than or equal to 0"),
    ("GET", "/v1/events", {"params": {"offset": 10**30}}, 422, "invalid_request",
     "query parameter 'offset': Input should be less than or equal to"),
    ("GET", "/v1/events", {"params": {"reports": "perhaps"}}, 422, "invalid_request",
     "query parameter 'reports': Input should be a valid boolean"),
    ("GET", "/v1/events", {"params": {"q": "ب" * 501}}, 422, "invalid_request",
     "query parameter 'q': String should have at most 500 characters"),
    # unknown things
    ("GET", "/v1/events/no-such-doc:1", {}, 404, "not_found", "no event with id 'no-such-doc:1'"),
    ("GET", "/v1/events/" + "a" * 5000, {}, 404, "not_found", "no event with id 'aaaa"),
    ("GET", "/v1/nothing", {}, 404, "not_found", "no such endpoint: /v1/nothing"),
    # issue 16 (11): what is wrong with a body that parses badly is said precisely
    ("POST", "/v1/extract", {"content": b'{"text": "x", "n": ' + b"9" * 5000 + b"}", "headers": JSON}, 422,
     "malformed_json", "a number has more than 4,300 digits"),
    ("POST", "/v1/extract", {"content": b'{"text": ' + b"[" * 5000 + b"]" * 5000 + b"}", "headers": JSON}, 422,
     "malformed_json", "nested too deeply"),
    ("POST", "/v1/extract", {"content": b'{"text": "\xff"}', "headers": JSON}, 422, "malformed_json",
     "not UTF-8"),
    ("GET", "/v1/extract", {}, 405, "method_not_allowed", "GET is not allowed on /v1/extract"),
    ("DELETE", "/v1/events", {}, 405, "method_not_allowed", "DELETE is not allowed on /v1/events"),
    # writing to a read-only server
    ("POST", "/v1/documents", {"json": ONE_DOC}, 403, "read_only",
     "this server is read-only: it accepts documents only when started with --api-key"),
    ("POST", "/v1/documents", {"content": b"{not json", "headers": JSON}, 403, "read_only", "read-only"),
]  # fmt: skip


@pytest.mark.parametrize(("method", "path", "kwargs", "status", "code", "message"), BAD_REQUESTS)
def test_bad_requests_get_a_json_error_saying_what_was_wrong(
    client: TestClient, method: str, path: str, kwargs: dict[str, Any], status: int, code: str, message: str
) -> None:
    response = client.request(method, path, **kwargs)
    assert response.status_code == status, response.text
    error = error_of(response)
    assert error["code"] == code
    assert message in error["message"]


#: (headers, body, status, error code, part of the message) of documents sent to a server with the key "s3cret".
BAD_DOCUMENTS = [
    (JSON, ONE_DOC, 401, "unauthorized", "missing or wrong API key: send it in the X-API-Key header"),
    ({**JSON, "X-API-Key": "guess"}, ONE_DOC, 401, "unauthorized", "missing or wrong API key"),
    ({**JSON, "Authorization": "Basic s3cret"}, ONE_DOC, 401, "unauthorized", "missing or wrong API key"),
    ({"X-API-Key": "s3cret", "Content-Type": "text/plain"}, ONE_DOC, 415, "unsupported_media_type",
     "the body must be JSON"),
    (KEY, "{not json", 422, "malformed_json", "malformed JSON body"),
    (KEY, {"documents": []}, 422, "invalid_request",
     "body.documents: List should have at least 1 item after validation, not 0"),
    (KEY, {"documents": [{"text": "نص"}]}, 422, "invalid_request", "body.documents[0].id: Field required"),
    (KEY, {"documents": [{"id": "a", "text": "نص", "date": "2025-02-30"}]}, 422, "invalid_request",
     "body.documents[0].date: '2025-02-30' is not an ISO date"),
    (KEY, {"documents": [{"id": "a", "text": "نص", "author": "x"}]}, 422, "invalid_request",
     "body.documents[0].author: unknown field; remove it"),
    (KEY, {"docs": []}, 422, "invalid_request", "body.documents: Field required"),
    (KEY, {"documents": [{"id": str(i), "text": "نص"} for i in range(MAX_DOCUMENTS + 1)]}, 422, "invalid_request",
     "body.documents: List should have at most 1000 items"),
    (KEY, {"documents": [{"id": "a", "text": "  "}]}, 422, "invalid_document",
     "no document could be stored: documents[0]: empty document (no text)"),
    (KEY, {"documents": [{"id": "a", "text": "نص"}], "n": int("9" * 4000)}, 422, "invalid_request",
     "body.n: unknown field"),
    (KEY, {"documents": [{"id": "a", "text": "ن" * 6_000_000}]}, 413, "body_too_large", "over the limit"),
]  # fmt: skip


@pytest.mark.parametrize(("headers", "body", "status", "code", "message"), BAD_DOCUMENTS)
def test_bad_documents_requests_are_refused(
    writer: TestClient, headers: dict[str, str], body: Any, status: int, code: str, message: str
) -> None:
    content = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
    response = writer.post("/v1/documents", content=content.encode("utf-8"), headers=headers)
    assert response.status_code == status, response.text
    error = error_of(response)
    assert error["code"] == code
    assert message in error["message"]
    if status == 401:
        assert response.headers["www-authenticate"] == "Bearer"


def test_an_unexpected_failure_is_a_json_500_without_a_traceback(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last resort: a bug becomes a JSON 500 that says so (and nothing of the server's internals)."""

    def broken(*args: Any, **kwargs: Any) -> int:
        raise RuntimeError("secret internals")

    monkeypatch.setattr("hadath.api.routes.events.count_events", broken)
    with TestClient(client.app, raise_server_exceptions=False) as raw:
        response = raw.get("/v1/events")
    assert response.status_code == 500
    error = error_of(response)
    assert error["code"] == "internal_error"
    assert "bug in hadath" in error["message"] and "secret" not in response.text


PARAMETERS = ["country", "source_country", "target_country", "sector", "type", "mode", "since", "until", "location",
              "topic", "q", "limit", "offset", "reports", "group", "period", "interval", "by"]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from(["/v1/events", "/v1/actors", "/v1/dyads", "/v1/timeline", "/v1/events/x:1"]),
    params=st.lists(st.tuples(st.sampled_from(PARAMETERS), st.text(max_size=30)), max_size=6),
)
def test_no_query_string_makes_the_server_fail(client: TestClient, path: str, params: list[tuple[str, str]]) -> None:
    """Any values of any parameters: an answer (200, or a 4xx saying why), never an unhandled error."""
    response = client.get(path, params=params)
    assert response.status_code in (200, 404, 422), response.text
    if response.status_code != 200:
        assert error_of(response)["message"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=st.dictionaries(
        st.sampled_from(["text", "date", "id", "extra"]),
        st.one_of(st.text(alphabet="بحث وزير الخارجية 2024-06-11 ،.\n\u200f🌍x", max_size=80), st.integers(),
                  st.none(), st.lists(st.text(max_size=3), max_size=2)),
    )
)  # fmt: skip
def test_no_json_body_makes_extraction_fail(client: TestClient, body: dict[str, Any]) -> None:
    """Any JSON object posted to /v1/extract: a record, or a 4xx saying why, never an unhandled error."""
    response = client.post("/v1/extract", json=body)
    assert response.status_code in (200, 422), response.text
    if response.status_code != 200:
        assert error_of(response)["message"]
