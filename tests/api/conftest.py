"""Fixtures of the API tests: a store built in a temporary folder from the canonical example and news-style reports
(those of the store tests and a few more written for these tests), and clients of the app over it."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from hadath import Pipeline
from hadath.api import create_app
from hadath.inputs import read_paths
from hadath.store.ingest import ingest
from hadath.store.store import Store

from ..store.conftest import MEETING_REPORTS, OTHER_REPORTS, SECOND_MEETING

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "bna-bahrain-fm-gaza-conference.txt"

#: More reports, in other months and with conflict as well as cooperation (written for hadath's tests).
EXTRA_REPORTS: list[dict[str, Any]] = [
    {
        "id": "mena-1120-5",
        "date": "2024-11-20",
        "source": "MENA",
        "text": "القاهرة - أ ش أ: أجرى الرئيس عبد الفتاح السيسي اتصالا هاتفيا اليوم مع العاهل الأردني الملك "
        "عبدالله الثاني، بحث خلاله الجانبان تطورات الأوضاع في قطاع غزة وجهود وقف إطلاق النار.",
    },
    {
        "id": "spa-1127-2",
        "date": "2024-11-27",
        "source": "SPA",
        "text": "الرياض - واس: أدانت المملكة العربية السعودية بأشد العبارات استهداف الجيش الإسرائيلي مدرسة تؤوي "
        "نازحين في قطاع غزة.",
    },
    {
        "id": "kuna-0115-8",
        "date": "2025-01-15",
        "source": "KUNA",
        "text": "الكويت - كونا: استقبل وزير الخارجية الكويتي عبدالله اليحيا اليوم وزير الخارجية العماني بدر "
        "البوسعيدي وبحث معه العلاقات الثنائية بين البلدين.",
    },
    {
        "id": "ina-0122-3",
        "date": "2025-01-22",
        "source": "INA",
        "text": "بغداد - واع: اتهمت الحكومة العراقية تركيا بانتهاك سيادة أراضيها بعد قصف مدفعي طال قرى في إقليم "
        "كردستان.",
    },
    {
        "id": "wam-0910-1",
        "date": "2024-09-10",
        "source": "WAM",
        "text": "أبوظبي - وام: قدمت دولة الإمارات العربية المتحدة مساعدات إنسانية عاجلة إلى السودان تشمل أطنانا من "
        "المواد الغذائية والطبية.",
    },
]

ALL_REPORTS = [*MEETING_REPORTS, SECOND_MEETING, *OTHER_REPORTS, *EXTRA_REPORTS]


def build_store(folder: Path, pipeline: Pipeline) -> Path:
    """A deduplicated store of the canonical example (with its metadata) and every report above."""
    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ALL_REPORTS), encoding="utf-8")
    shutil.copy(EXAMPLE, folder / EXAMPLE.name)
    shutil.copy(EXAMPLE.with_suffix(".meta.json"), folder / EXAMPLE.with_suffix(".meta.json").name)
    db = folder / "events.duckdb"
    with Store(db) as store:
        summary = ingest(read_paths([corpus, folder / EXAMPLE.name]), store, pipeline=pipeline)
    assert summary.skipped == 0 and summary.stored == len(ALL_REPORTS) + 1
    return db


@pytest.fixture(scope="session")
def api_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    """The shared store (only ever opened read-only by the tests)."""
    return build_store(tmp_path_factory.mktemp("api-store"), pipeline)


@pytest.fixture()
def client(api_db: Path, pipeline: Pipeline) -> Iterator[TestClient]:
    """A client of a read-only server (no API key)."""
    app = create_app(api_db, pipeline=pipeline)
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture()
def writer(tmp_path: Path, pipeline: Pipeline) -> Iterator[TestClient]:
    """A client of a server with an API key ("s3cret") over its own copy of the store."""
    db = build_store(tmp_path / "writable", pipeline)
    app = create_app(db, api_key="s3cret", pipeline=pipeline)
    with TestClient(app) as test_client:
        yield test_client


def error_of(response: Any) -> dict[str, Any]:
    """The ``error`` object of an error response (asserting its shape)."""
    body = response.json()
    assert set(body) == {"error"}, body
    error: dict[str, Any] = body["error"]
    assert error["status"] == response.status_code
    assert error["code"] and error["message"]
    return error


@contextmanager
def serving(db: Path, log: Path, *options: str, wait: float) -> Iterator[str]:
    """``hadath serve`` over ``db`` (with ``options``) on a free loopback port, its output in ``log``: yields its URL
    once ``/v1/health`` answers (the test fails, with the log, if it does not within ``wait`` seconds) and stops the
    server on exit."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "hadath", "serve", "--db", str(db), "--port", str(port), *options],
            stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                with urllib.request.urlopen(url + "/v1/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"hadath serve did not start:\n{log.read_text()}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
