"""What the API's routers share: the server's store (a cursor per request, a lock for the one writer), the
library (the extraction pipeline and the English names of codes), JSON answers, the query filters and the API key
check. :func:`hadath.api.app.create_app` puts one :class:`ServerStore` and one :class:`Library` on the app's
state; routers reach them through the dependencies below."""

from __future__ import annotations

import hmac
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any

import anyio
from fastapi import Depends, Query, Request
from fastapi.responses import Response

from hadath.api.errors import ApiError
from hadath.pipeline import Pipeline
from hadath.store.corrections import default_cameo_codes
from hadath.store.query import EventFilter, build_filter
from hadath.store.store import Store


class _CursorStore(Store):
    """A :class:`Store` over one cursor of the server's connection: one per request, closed after it."""

    def __init__(self, path: str, con: Any) -> None:  # the connection exists: no file to open
        self.path = path
        self.con = con


class ServerStore:
    """The server's connection to its store: cursors for readers, a lock for the one writer."""

    def __init__(self, path: str | Path, writable: bool) -> None:
        self.store = Store(path, read_only=not writable)
        self.writable = writable
        self._cursor_lock = threading.Lock()
        self._write_lock = threading.Lock()

    @contextmanager
    def reader(self) -> Iterator[Store]:
        with self._cursor_lock:
            con = self.store.con.cursor()
        try:
            yield _CursorStore(self.store.path, con)
        finally:
            con.close()

    @contextmanager
    def writer(self) -> Iterator[Store]:
        if not self.writable:
            raise ApiError(403, "read_only", "this server opened its store read-only")
        with self._write_lock:
            yield self.store

    def close(self) -> None:
        self.store.close()


class Library:
    """What the API needs of hadath's library beyond the store: one pipeline (built on first use and shared by
    every request: extraction keeps no state between documents) and English names of the codes."""

    def __init__(self, pipeline: Pipeline | None) -> None:
        self._pipeline = pipeline
        self._lock = threading.Lock()

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            with self._lock:
                if self._pipeline is None:
                    self._pipeline = Pipeline()
        return self._pipeline

    @cached_property
    def names(self) -> dict[str, str]:
        """English name of every country (ISO alpha-3) and organization code."""
        lex = self.pipeline.lexicons
        names: dict[str, str] = {}
        for form in lex.org_forms:  # the first organization listed under a code names it (UNO: United Nations)
            if form.org.code and form.org.kind == "igo":
                names.setdefault(form.org.code, form.org.name_en)
        names.update({iso3: c.name_en for iso3, c in lex.countries.items()})
        return names

    def named(self, code: str | None) -> str | None:
        return self.names.get(code) if code else None

    @cached_property
    def topics(self) -> list[str]:
        return sorted({t.topic for t in self.pipeline.lexicons.topics})

    @cached_property
    def default_cameo(self) -> dict[str, str]:
        """Each event type's most frequent CAMEO code in the trigger lexicon (a corrected type takes it)."""
        codes: dict[str, list[str]] = {}
        for t in self.pipeline.lexicons.triggers:
            codes.setdefault(t.type, []).append(t.cameo)
        return default_cameo_codes(codes)


class Settings:
    """The server's settings that routers read: the API key (``None``: read-only) and the extraction slots."""

    def __init__(self, api_key: str | None, extraction_slots: anyio.CapacityLimiter) -> None:
        self.api_key = api_key
        self.extraction_slots = extraction_slots


def _stores(request: Request) -> ServerStore:
    stores: ServerStore = request.app.state.stores
    return stores


def _library(request: Request) -> Library:
    library: Library = request.app.state.library
    return library


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


Stores = Annotated[ServerStore, Depends(_stores)]
Lib = Annotated[Library, Depends(_library)]
Config = Annotated[Settings, Depends(_settings)]


def _default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def json_response(content: Any, status: int = 200) -> Response:
    """JSON with Arabic as it is (not \\u-escaped); dates as ISO strings."""
    body = json.dumps(content, ensure_ascii=False, default=_default, separators=(",", ":"))
    return Response(body.encode("utf-8"), status_code=status, media_type="application/json")


def authorize(request: Request, api_key: str | None) -> None:
    """Raise 403 on a read-only server, 401 when the request lacks the key (``X-API-Key: KEY`` or
    ``Authorization: Bearer KEY``)."""
    if api_key is None:
        raise ApiError(
            403,
            "read_only",
            "this server is read-only: it accepts documents only when started with "
            "--api-key KEY (or with HADATH_API_KEY set); otherwise add documents with 'hadath ingest'",
        )
    given = request.headers.get("x-api-key")
    if given is None:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        given = token.strip() if scheme.lower() == "bearer" else None
    if not given or not hmac.compare_digest(given.encode("latin-1"), api_key.encode("utf-8")):
        raise ApiError(
            401,
            "unauthorized",
            "missing or wrong API key: send it in the X-API-Key header (or as 'Authorization: Bearer KEY')",
        )


def _filters(
    country: Annotated[
        list[str] | None,
        Query(
            description="Either side's country or organization code (BHR, ARL); repeat it or separate codes by commas."
        ),
    ] = None,
    source_country: Annotated[list[str] | None, Query(description="The source's code.")] = None,
    target_country: Annotated[list[str] | None, Query(description="The target's code.")] = None,
    sector: Annotated[list[str] | None, Query(description="Either side's sector (GOV, MIL, REB ...).")] = None,
    type: Annotated[list[str] | None, Query(description="PLOVER event type (CONSULT, ASSAULT ...).")] = None,
    mode: Annotated[list[str] | None, Query(description="PLOVER mode (visit, phone, aerial ...).")] = None,
    since: Annotated[str | None, Query(max_length=40, description="Events on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[
        str | None, Query(max_length=40, description="Events on or before this date (YYYY-MM-DD).")
    ] = None,
    location: Annotated[str | None, Query(max_length=200, description="Country code or words of the place.")] = None,
    topic: Annotated[list[str] | None, Query(description="Topic id (gaza-war, ceasefire ...).")] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=500,
            description="Words of the event's sentence (Arabic; compared "
            "after normalization, so hamza and ta marbuta spellings match).",
        ),
    ] = None,
    actor: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Words of either side's name (English, or Arabic as written) or its code "
            "(an entity id such as person:antony-blinken matches exactly).",
        ),
    ] = None,
    raw: Annotated[
        bool, Query(description="The machine's coding, without the analysts' corrections (default: corrected).")
    ] = False,
) -> EventFilter:
    """The query filters of ``hadath query``, validated (an unknown type or a malformed date is a 422)."""
    return build_filter(
        country=country or (),
        source_country=source_country or (),
        target_country=target_country or (),
        sector=sector or (),
        type=type or (),
        mode=mode or (),
        since=since,
        until=until,
        location=location,
        topic=topic or (),
        text=q,
        actor=actor,
        raw=raw,
    )


Filters = Annotated[EventFilter, Depends(_filters)]
