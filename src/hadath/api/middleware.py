"""ASGI middleware of the HTTP API: the request body size limit, enforced on the raw bytes before anything parses
them, and response headers that keep browsers from guessing content types."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import anyio

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
    reading (chunked uploads), without reading further. A body not complete ``timeout`` seconds after the request
    began is answered 408 and its connection closed (a client that sends half a body holds no connection open).
    A body within the limit is read whole here (it is at most ``max_body``) and handed to the application as it
    came."""

    def __init__(self, app: ASGIApp, max_body: int, timeout: float = 30.0) -> None:
        self.app = app
        self.max_body = max_body
        self.timeout = timeout

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
        with anyio.move_on_after(self.timeout) as deadline:
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
        if deadline.cancelled_caught:
            await send_json_error(send, 408, "body_timeout", f"the request body did not arrive whole within "
                                  f"{self.timeout:g} s; send it again, all of it")  # fmt: skip
            return
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
    """``X-Content-Type-Options: nosniff`` on every response; the dashboard's pages get a Content Security Policy
    that allows nothing from outside the server (the dashboard ships all its code) and no framing. The API's
    documentation pages (Swagger UI, ReDoc) get the same policy, except that their inline start-up script is
    allowed by its hash and their generated styles inline."""

    CSP = (
        b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        b"connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    )
    DOCS_CSP = (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'{hashes}; "
        "worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    )
    _INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.S)

    def __init__(self, app: ASGIApp, dashboard_paths: tuple[str, ...],
                 docs_paths: tuple[str, ...] = ()) -> None:  # fmt: skip
        self.app = app
        self.dashboard_paths = dashboard_paths
        self.docs_paths = docs_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if path in self.docs_paths:
            await self._docs(scope, receive, send)
            return
        strict = path in self.dashboard_paths

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-content-type-options", b"nosniff"))
                if strict:
                    headers.append((b"content-security-policy", self.CSP))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)

    async def _docs(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A documentation page is small: held whole, so that the policy can name its inline scripts' hashes."""
        start: Message = {}
        body: list[bytes] = []

        async def hold(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                body.append(message.get("body", b""))

        await self.app(scope, receive, hold)
        page = b"".join(body)
        hashes = "".join(
            f" 'sha256-{base64.b64encode(hashlib.sha256(script).digest()).decode()}'"
            for script in self._INLINE_SCRIPT.findall(page)
        )
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        headers += [
            (b"content-length", str(len(page)).encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"content-security-policy", self.DOCS_CSP.format(hashes=hashes).encode()),
        ]
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": page})
