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
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

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

# The requests the dashboard makes on opening and on a change of filter or sort (app.js), each under its own label
DASHBOARD_QUERIES: list[tuple[str, str]] = [
    ("events, page of 100, newest first", "/v1/events?" + urlencode({"limit": 100, "sort": "-date"})),
    ("events, sorted by reports", "/v1/events?" + urlencode({"limit": 100, "sort": "-mentions"})),
    ("events, actor name filter", "/v1/events?" + urlencode({"limit": 100, "actor": "Saudi Arabia"})),
    ("timeline per day", "/v1/timeline?" + urlencode({"interval": "day", "by": "type"})),
    ("dyads", "/v1/dyads"),
    ("places", "/v1/places"),
    ("stats (health: store counts)", "/v1/health"),
    ("actors by country", "/v1/actors?" + urlencode({"group": "country", "limit": 1000})),
]


@dataclass
class Phase:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    error_samples: list[str] = field(default_factory=list)
    by_label: dict[str, list[float]] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {"phase": self.name, **latency_summary(self.latencies, self.seconds)}
        out["errors"] = self.errors
        out["error_samples"] = self.error_samples[:3]
        if len(self.by_label) > 1:
            out["requests_by_label"] = {k: latency_summary(v, self.seconds) for k, v in self.by_label.items()}
        return out


def latency_summary(latencies: list[float], seconds: float) -> dict[str, Any]:
    lat = sorted(latencies)
    n = len(lat)

    def pct(q: float) -> float | None:
        return round(1000 * lat[min(n - 1, int(q * n))], 1) if lat else None

    return {
        "requests": n,
        "requests_per_s": round(n / seconds, 1) if seconds else 0.0,
        "p50_ms": round(1000 * statistics.median(lat), 1) if lat else None,
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "max_ms": round(1000 * lat[-1], 1) if lat else None,
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
            if httpx.get(f"http://{HOST}:{port}/v1/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
        if proc.poll() is not None:
            break
    proc.kill()
    raise SystemExit(f"the server did not start:\n{log.read_text()}")


Request = tuple[str, str, str, bytes | None]  # label, method, path with query, JSON body


async def client(http: httpx.AsyncClient, requests: list[Request], offset: int, deadline: float, phase: Phase) -> None:
    i = offset
    while time.monotonic() < deadline:
        label, method, path, body = requests[i % len(requests)]
        i += 1
        start = time.perf_counter()
        try:
            response = await http.request(method, path, content=body)
            await response.aread()
        except httpx.HTTPError as exc:
            phase.errors += 1
            phase.error_samples.append(f"{label}: {type(exc).__name__}: {exc}")
            continue
        elapsed = time.perf_counter() - start
        phase.latencies.append(elapsed)
        phase.by_label.setdefault(label, []).append(elapsed)
        if not 200 <= response.status_code < 300:
            phase.errors += 1
            phase.error_samples.append(f"{label}: {response.status_code}: {response.content[:200]!r}")


async def run_phase(name: str, port: int, requests: list[Request], clients: int, seconds: float) -> Phase:
    """``clients`` keep-alive connections (one httpx client each), each sending its next request when answered."""
    phase = Phase(name)
    headers = {"Content-Type": "application/json"}
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    sessions = [
        httpx.AsyncClient(base_url=f"http://{HOST}:{port}", headers=headers, limits=limits, timeout=120.0)
        for _ in range(clients)
    ]
    try:
        start = time.monotonic()
        deadline = start + seconds
        await asyncio.gather(*(client(http, requests, n, deadline, phase) for n, http in enumerate(sessions)))
        phase.seconds = time.monotonic() - start
    finally:
        for http in sessions:
            await http.aclose()
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
    parser.add_argument(
        "--db",
        type=Path,
        help="benchmark this existing store (served read-only) instead of building one",
    )
    parser.add_argument(
        "--dashboard",
        action="store_true",
        help="add a phase rotating over the dashboard's requests, with latencies for each",
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    example = EXAMPLE.read_text(encoding="utf-8")
    if args.db:
        from hadath.errors import StoreError
        from hadath.store import Store

        if not args.db.is_file():
            raise SystemExit(f"--db {args.db}: no such store")
        try:  # the server opens it read-only: a store of an older schema must be migrated first
            Store(args.db, read_only=True).close()
        except StoreError as exc:
            raise SystemExit(f"--db {args.db}: {exc}") from None

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
            events: list[Request] = [("events", "GET", "/v1/events?" + urlencode(q), None) for q in EVENT_QUERIES]
            body = json.dumps({"text": example, "date": "2024-06-11"}).encode()
            dashboard: list[Request] = [(label, "GET", path, None) for label, path in DASHBOARD_QUERIES]
            plan: list[tuple[str, list[Request]]] = [
                ("GET /v1/health", [("health", "GET", "/v1/health", None)]),
                ("GET /v1/events", events),
                ("POST /v1/extract", [("extract", "POST", "/v1/extract", body)]),
            ]
            if args.dashboard:
                plan.append(("dashboard", dashboard))
            phases = []
            for name, requests in plan:
                print(f"{name}: {args.clients} clients for {args.seconds:.0f} s ...", file=sys.stderr)
                phases.append(asyncio.run(run_phase(name, port, requests, args.clients, args.seconds)).summary())
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()

    floor, ev, ex = (p["requests_per_s"] for p in phases[:3])
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
        head = ("requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms")
        print(f"{'phase':<36} " + " ".join(f"{h:>8}" for h in head) + f" {'errors':>7}")
        for p in phases:
            rows = [(p["phase"], p)] + [(f"  {k}", v) for k, v in p.get("requests_by_label", {}).items()]
            for name, r in rows:
                cells = (r["requests"], r["requests_per_s"], r["p50_ms"], r["p95_ms"], r["p99_ms"], r["max_ms"])
                errors = f" {p['errors']:>7}" if r is p else ""
                print(f"{name:<36} " + " ".join(f"{c!s:>8}" for c in cells) + errors)
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
