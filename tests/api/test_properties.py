"""Properties of the API's request bodies (issue 16): whatever bytes are posted, the answer is a 2xx or a JSON
4xx that says why, never a 500; and documents posted are stored as the local engine stores them, the later text
of an id winning."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hadath import Pipeline
from hadath.api import create_app
from hadath.store.store import Store

from .conftest import error_of

KEY = {"X-API-Key": "s3cret", "Content-Type": "application/json"}
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
WORDS = ["بحث", "وزير", "الخارجية", "الأردني", "مع", "نظيره", "المصري", "x"]
json_values = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=5)
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=4), inner, max_size=3)),
    max_leaves=8,
)
hostile = st.one_of(
    st.binary(max_size=200),
    st.integers(1, 3000).map(lambda n: b'{"text": ' + b"[" * n + b"]" * n + b"}"),
    st.integers(4000, 6000).map(lambda n: b'{"text": "x", "n": ' + b"9" * n + b"}"),
    st.sampled_from([b'{"text": "\\ud800"}', b'{"documents": [{"id": "\\udfff", "text": "x"}]}', b'{"text": "\xff"}']),
    json_values.map(lambda v: json.dumps(v).encode()),
)


@pytest.fixture(scope="module")
def app_client(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[TestClient]:
    app = create_app(tmp_path_factory.mktemp("prop") / "p.duckdb", api_key="s3cret", pipeline=pipeline)
    with TestClient(app) as client:
        yield client


@SETTINGS
@given(body=hostile, path=st.sampled_from(["/v1/extract", "/v1/documents"]))
def test_no_body_makes_the_api_fail(app_client: TestClient, body: bytes, path: str) -> None:
    response = app_client.post(path, content=body, headers=KEY)
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        assert error_of(response)["message"]


@st.composite
def documents(draw: Any) -> list[dict[str, Any]]:
    docs = []
    for _ in range(draw(st.integers(1, 6))):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))
        doc: dict[str, Any] = {"id": draw(st.sampled_from(["a", "b", "c"])), "text": " ".join(words)}
        if draw(st.booleans()):
            doc[draw(st.sampled_from(["source", "url", "title", "date"]))] = draw(json_values)
        docs.append(doc)
    return docs


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=documents())
def test_posted_documents_are_stored_once_each_the_later_text_winning(
    tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline, docs: list[dict[str, Any]]
) -> None:
    db: Path = tmp_path_factory.mktemp("post") / "p.duckdb"
    with TestClient(create_app(db, api_key="s3cret", pipeline=pipeline)) as client:
        response = client.post("/v1/documents", json={"documents": docs}, headers=KEY)
        if response.status_code == 422:  # a mistyped or invalid field refuses the whole request, by name
            assert "body.documents[" in error_of(response)["message"]
            return
        assert response.status_code == 200, response.text
        body = response.json()
        latest = {d["id"]: d["text"] for d in docs}
        assert body["stored"] == len(latest) and body["skipped"] == 0
        assert body["superseded"] + body["duplicates"] == len(docs) - len(latest)
    with Store(db, read_only=True) as store:
        assert dict(store.con.execute("SELECT doc_id, text FROM documents").fetchall()) == latest
