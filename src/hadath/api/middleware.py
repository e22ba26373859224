"""ASGI middleware of the HTTP API: the request body size limit, enforced on the raw bytes before anything parses
them, and response headers that keep browsers from guessing content types."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


async def send_json_error(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"status": status, "code": code, "message": message}}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuse request bodies over ``max_body`` bytes with 413: at once when ``Content-Length`` says so, else while
    reading (chunked uploads), without reading further. A body within the limit is read whole here (it is at most
    ``max_body``) and handed to the application as it came."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    def _too_large(self) -> str:
        return (
            f"the request body is over the limit of {self.max_body:,} bytes; send smaller documents, or fewer "
            "per request"
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        lengths = [v for k, v in scope.get("headers", ()) if k.lower() == b"content-length"]
        if lengths:
            declared = lengths[0].decode("latin-1").strip()
            if not declared.isdigit() or len({v.strip() for v in lengths}) > 1:
                await send_json_error(
                    send, 400, "bad_request", f"the Content-Length header {declared!r} is not a byte count"
                )
                return
            if int(declared) > self.max_body:
                await send_json_error(send, 413, "body_too_large", self._too_large())
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away: nothing to answer
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await send_json_error(send, 413, "body_too_large", self._too_large())
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class SecurityHeaders:
    """``X-Content-Type-Options: nosniff`` on every response; the dashboard's pages also get a Content Security
    Policy that allows nothing from outside the server (the dashboard ships all its code)."""

    CSP = (
        b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        b"connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    )

    def __init__(self, app: ASGIApp, dashboard_paths: tuple[str, ...]) -> None:
        self.app = app
        self.dashboard_paths = dashboard_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        strict = scope.get("path", "") in self.dashboard_paths

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-content-type-options", b"nosniff"))
                if strict:
                    headers.append((b"content-security-policy", self.CSP))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)
