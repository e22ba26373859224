"""``hadath serve`` as a client on the network meets it (issue 16): a body sent in part is answered 408 and its
connection closed, answers do not name the server software, and an API key given with spaces around it is
stripped with a warning."""

from __future__ import annotations

import json
import shutil
import socket
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import serving

WAIT = 60.0


@pytest.fixture(scope="module")
def server(api_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A writable ``hadath serve`` (key ``" s3cret "``, a 1 s body timeout) over a copy of the test store."""
    folder = tmp_path_factory.mktemp("server")
    db = folder / "events.duckdb"
    shutil.copy(api_db, db)
    log = folder / "serve.log"
    with serving(db, log, "--api-key", " s3cret ", "--body-timeout", "1", wait=WAIT) as url:
        yield url, log


def _raw(url: str, request: bytes, wait: float) -> tuple[bytes, float]:
    """Send ``request`` as it is; return everything answered until the server closes, and how long it took."""
    host, port = url.removeprefix("http://").split(":")
    start = time.monotonic()
    with socket.create_connection((host, int(port)), timeout=wait) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer, time.monotonic() - start


def test_issue16_7_a_body_sent_in_part_is_answered_408_and_closed(server: tuple[str, Path]) -> None:
    url, _ = server
    head = b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"

    answer, seconds = _raw(url, head + b'{"text": "', wait=15)

    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert b'"code":"body_timeout"' in answer.replace(b" ", b"")
    assert seconds < 10  # closed by the server (a socket timeout would raise)


def test_issue16_11_answers_do_not_name_the_server_software(server: tuple[str, Path]) -> None:
    url, _ = server
    for path in ("/v1/health", "/docs", "/nowhere"):
        try:
            response: Any = urllib.request.urlopen(url + path, timeout=10)
        except urllib.error.HTTPError as exc:
            response = exc
        assert response.headers.get("server") is None, path


def test_issue16_9_an_api_key_with_spaces_is_stripped_with_a_warning(server: tuple[str, Path]) -> None:
    url, log = server
    body = json.dumps({"documents": [{"id": "k1", "text": "بحث وزير الخارجية الأردني مع نظيره المصري."}]})
    request = urllib.request.Request(url + "/v1/documents", body.encode(), method="POST",
                                     headers={"Content-Type": "application/json", "X-API-Key": "s3cret"})  # fmt: skip

    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200

    assert "spaces around it" in log.read_text()
