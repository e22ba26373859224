"""The body size limit on the raw ASGI messages: refused from the Content-Length header before anything is read,
refused while reading a body sent without a length, and passed on whole when within the limit."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from hadath.api.middleware import BodyLimit, SecurityHeaders


class Recorder:
    """An ASGI application that records the body it was given."""

    def __init__(self) -> None:
        self.body: bytes | None = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        chunks = []
        while True:
            message = await receive()
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        self.body = b"".join(chunks)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})


def run(app: Any, headers: list[tuple[bytes, bytes]], chunks: list[bytes]) -> tuple[int, dict[str, Any], int]:
    """Send one POST with the body in ``chunks``; return the status, the JSON body (or {}) and the chunks read."""
    scope = {"type": "http", "method": "POST", "path": "/v1/extract", "headers": headers}
    pending = list(chunks)
    read = 0
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal read
        if not pending:
            return {"type": "http.disconnect"}
        read += 1
        chunk = pending.pop(0)
        return {"type": "http.request", "body": chunk, "more_body": bool(pending)}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    status = sent[0]["status"]
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return status, (json.loads(body) if body.startswith(b"{") else {}), read


def test_a_declared_length_over_the_limit_is_refused_before_reading() -> None:
    inner = Recorder()
    status, body, read = run(BodyLimit(inner, 100), [(b"content-length", b"101")], [b"x" * 101])
    assert (status, read, inner.body) == (413, 0, None)
    assert body["error"]["message"].startswith("the request body is over the limit of 100 bytes")


def test_a_body_without_length_is_refused_once_it_passes_the_limit() -> None:
    inner = Recorder()
    status, body, read = run(BodyLimit(inner, 100), [], [b"x" * 60, b"x" * 60, b"x" * 60, b"x" * 60])
    assert (status, body["error"]["code"], read, inner.body) == (413, "body_too_large", 2, None)


@pytest.mark.parametrize("value", [b"ten", b"-1", b"1e9", b""])
def test_a_content_length_that_is_not_a_number_is_a_400(value: bytes) -> None:
    status, body, _ = run(BodyLimit(Recorder(), 100), [(b"content-length", value)], [b"{}"])
    assert status == 400
    assert body["error"]["message"] == f"the Content-Length header {value.decode()!r} is not a byte count"


def test_a_body_within_the_limit_reaches_the_app_whole() -> None:
    inner = Recorder()
    status, _, _ = run(BodyLimit(inner, 100), [(b"content-length", b"100")], [b"a" * 50, b"b" * 50])
    assert (status, inner.body) == (200, b"a" * 50 + b"b" * 50)


def test_the_dashboard_page_gets_a_content_security_policy_and_the_api_does_not() -> None:
    def headers_of(path: str) -> dict[bytes, bytes]:
        sent: list[dict[str, Any]] = []

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b""}

        scope = {"type": "http", "method": "GET", "path": path, "headers": []}
        asyncio.run(SecurityHeaders(Recorder(), ("/",))(scope, receive, send))
        return dict(sent[0]["headers"])

    page, api = headers_of("/"), headers_of("/v1/events")
    assert b"default-src 'self'" in page[b"content-security-policy"]
    assert b"content-security-policy" not in api
    assert page[b"x-content-type-options"] == api[b"x-content-type-options"] == b"nosniff"
