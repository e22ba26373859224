"""Load check of the HTTP API: a bounded run of concurrent clients against ``hadath serve`` on the loopback.

    python benchmarks/bench_api.py [--seconds 60] [--clients 50] [--docs 1000] [--db FILE] [--json]

Builds a store in a temporary folder (``--docs`` documents: ``eval/gold/dev.jsonl`` repeated, each copy a month
later so that deduplication keeps them apart; or uses ``--db``), starts ``hadath serve`` on a free port of
127.0.0.1 in a child process, and runs three phases of ``--seconds`` each with ``--clients`` concurrent keep-alive
connections (a small asyncio HTTP/1.1 client, so that the load generator costs little of the machine's CPU):

- ``GET /v1/health``: the floor, what one request through uvicorn and FastAPI costs;
- ``GET /v1/events`` with a rotation of filters (none, a country, a type, a date range, words, a page further on);
- ``POST /v1/extract`` of the canonical example (2.9k characters).

For each: requests, requests/s, median and p95 latency, errors (anything but a 2xx, or a broken connection: there
must be none). Ratios measured in the same run: events and extraction requests/s against the floor, and against
the same work done in-process by the library (``query_events`` / ``Pipeline.extract`` in a loop, one thread), which
shows what HTTP and concurrency add. Traffic goes to 127.0.0.1 only, and every loop stops at its deadline.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "eval" / "gold" / "dev.jsonl"
EXAMPLE = ROOT / "examples" / "bna-bahrain-fm-gaza-conference.txt"
HOST = "127.0.0.1"

EVENT_QUERIES: list[dict[str, Any]] = [
    {},
    {"country": "JOR"},
    {"type": "CONSULT", "limit": 20},
    {"since": "2021-01-01", "until": "2022-12-31"},
    {"q": "غزة"},
    {"country": "EGY", "type": "CONSULT,AGREE"},
    {"offset": 200, "limit": 50},
    {"location": "QAT"},
]


@dataclass
class Phase:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    error_samples: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        lat = sorted(self.latencies)
        n = len(lat)
        return {
            "phase": self.name,
            "requests": n,
            "errors": self.errors,
            "requests_per_s": round(n / self.seconds, 1) if self.seconds else 0.0,
            "p50_ms": round(1000 * statistics.median(lat), 1) if lat else None,
            "p95_ms": round(1000 * lat[min(n - 1, int(0.95 * n))], 1) if lat else None,
            "max_ms": round(1000 * lat[-1], 1) if lat else None,
            "error_samples": self.error_samples[:3],
        }


def build_store(folder: Path, docs: int) -> Path:
    """A store of ``docs`` documents: the dev set repeated, each copy a month later (distinct events)."""
    from hadath.inputs import InputDocument
    from hadath.store import Store, ingest

    source = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = []
    for n in range(docs):
        row = source[n % len(source)]
        copy = n // len(source)
        day = date.fromisoformat(row["date"]) + timedelta(days=31 * copy) if row.get("date") else None
        items.append(InputDocument(f"{row['id']}-{copy}", row["text"], day.isoformat() if day else None, "bench"))
    db = folder / "bench.duckdb"
    with Store(db) as store:
        ingest(items, store, workers=2)
    return db


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(db: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "hadath", "serve", "--db", str(db), "--host", HOST, "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/v1/health", timeout=2) as response:
                if response.status == 200:
                    return proc
        except OSError:
            time.sleep(0.2)
        if proc.poll() is not None:
            break
    proc.kill()
    raise SystemExit(f"the server did not start:\n{log.read_text()}")


def request_bytes(method: str, path: str, body: bytes | None = None) -> bytes:
    head = f"{method} {path} HTTP/1.1\r\nHost: {HOST}\r\nConnection: keep-alive\r\n"
    if body is not None:
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    return (head + "\r\n").encode("ascii") + (body or b"")


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("the server closed the connection")
    status = int(status_line.split()[1])
    length = 0
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    return status, await reader.readexactly(length)


async def client(port: int, requests: list[bytes], offset: int, deadline: float, phase: Phase) -> None:
    reader, writer = await asyncio.open_connection(HOST, port)
    i = offset
    try:
        while time.monotonic() < deadline:
            raw = requests[i % len(requests)]
            i += 1
            start = time.perf_counter()
            try:
                writer.write(raw)
                await writer.drain()
                status, body = await read_response(reader)
            except (OSError, ConnectionError, asyncio.IncompleteReadError, ValueError) as exc:
                phase.errors += 1
                phase.error_samples.append(f"{type(exc).__name__}: {exc}")
                writer.close()
                reader, writer = await asyncio.open_connection(HOST, port)
                continue
            phase.latencies.append(time.perf_counter() - start)
            if not 200 <= status < 300:
                phase.errors += 1
                phase.error_samples.append(f"{status}: {body[:200]!r}")
    finally:
        writer.close()


async def run_phase(name: str, port: int, requests: list[bytes], clients: int, seconds: float) -> Phase:
    phase = Phase(name)
    start = time.monotonic()
    deadline = start + seconds
    await asyncio.gather(*(client(port, requests, n, deadline, phase) for n in range(clients)))
    phase.seconds = time.monotonic() - start
    return phase


def in_process_rates(db: Path, example: str, seconds: float) -> dict[str, float]:
    """Calls per second of the same work through the library, in this process, one at a time."""
    from hadath import Pipeline
    from hadath.store import Store, build_filter, query_events
    from hadath.store.query import count_events

    out: dict[str, float] = {}
    with Store(db, read_only=True) as store:
        filters = []
        for q in EVENT_QUERIES:
            args = {k: v for k, v in q.items() if k not in ("limit", "offset")}
            text = args.pop("q", None)
            f = build_filter(**args, text=text)
            filters.append((f, int(q.get("limit", 50)), int(q.get("offset", 0))))
        n, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            f, limit, offset = filters[n % len(filters)]
            count_events(store, f)
            query_events(store, f, limit, offset)
            n += 1
        out["events"] = n / (time.perf_counter() - start)
    pipeline = Pipeline()
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        pipeline.extract(example, date="2024-06-11", doc_id="bench").to_dict()
        n += 1
    out["extract"] = n / (time.perf_counter() - start)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="length of each phase (default 60)")
    parser.add_argument("--clients", type=int, default=50, help="concurrent connections (default 50)")
    parser.add_argument("--docs", type=int, default=1000, help="documents in the store built for the run")
    parser.add_argument("--db", type=Path, help="use this store instead of building one")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    example = EXAMPLE.read_text(encoding="utf-8")

    with tempfile.TemporaryDirectory(prefix="hadath-bench-api-") as tmp:
        folder = Path(tmp)
        if args.db:
            db = args.db
        else:
            t0 = time.perf_counter()
            db = build_store(folder, args.docs)
            print(f"store: {args.docs} documents ingested in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        library = in_process_rates(db, example, min(10.0, args.seconds))
        port = free_port()
        server = start_server(db, port, folder / "serve.log")
        try:
            events = [request_bytes("GET", "/v1/events?" + urlencode(q)) for q in EVENT_QUERIES]
            extract = [
                request_bytes("POST", "/v1/extract", json.dumps({"text": example, "date": "2024-06-11"}).encode())
            ]
            phases = []
            for name, requests in (
                ("GET /v1/health", [request_bytes("GET", "/v1/health")]),
                ("GET /v1/events", events),
                ("POST /v1/extract", extract),
            ):
                print(f"{name}: {args.clients} clients for {args.seconds:.0f} s ...", file=sys.stderr)
                phases.append(asyncio.run(run_phase(name, port, requests, args.clients, args.seconds)).summary())
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()

    floor, ev, ex = (p["requests_per_s"] for p in phases)
    ratios = {
        "events_vs_health": round(ev / floor, 3) if floor else None,
        "extract_vs_health": round(ex / floor, 3) if floor else None,
        "events_http_vs_library": round(ev / library["events"], 2),
        "extract_http_vs_library": round(ex / library["extract"], 2),
    }
    result = {
        "clients": args.clients,
        "seconds": args.seconds,
        "phases": phases,
        "library_per_s": {k: round(v, 1) for k, v in library.items()},
        "ratios": ratios,
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(f"{'phase':<18} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'errors':>7}")
        for p in phases:
            print(
                f"{p['phase']:<18} {p['requests']:>9} {p['requests_per_s']:>8} {p['p50_ms']:>8} {p['p95_ms']:>8} "
                f"{p['max_ms']:>8} {p['errors']:>7}"
            )
        print(
            f"library in-process, one thread: {library['events']:.1f} event queries/s, "
            f"{library['extract']:.1f} extractions/s"
        )
        print(
            f"ratios: /v1/events {ratios['events_vs_health']} x /v1/health, {ratios['events_http_vs_library']} x "
            f"the library; /v1/extract {ratios['extract_vs_health']} x /v1/health, "
            f"{ratios['extract_http_vs_library']} x the library"
        )
    errors = sum(p["errors"] for p in phases)
    if errors:
        print(f"{errors} errors under load", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
