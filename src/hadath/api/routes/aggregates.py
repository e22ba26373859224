"""``GET /v1/actors``, ``/v1/dyads`` and ``/v1/timeline``: counts of the matching deduplicated events."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from hadath.api.deps import Filters, Lib, Stores, json_response
from hadath.api.errors import ApiError
from hadath.store.query import MAX_LIMIT, actor_profile, actors, dyads, places, timeline

router = APIRouter(tags=["aggregates"])


@router.get("/v1/actors")
def list_actors(
    f: Filters,
    stores: Stores,
    library: Lib,
    group: Annotated[
        Literal["actor", "country"],
        Query(description="Count by actor (a person, state or organization) or by country/organization code."),
    ] = "actor",
    limit: Annotated[int, Query(ge=1, description=f"Rows (capped at {MAX_LIMIT:,}).")] = 100,
) -> Response:
    """Actors of the matching deduplicated events, most frequent first, with their events as source and as
    target."""
    with stores.reader() as store:
        rows = actors(store, f, group, limit)
    if group == "country":
        for row in rows:
            row["name"] = library.named(row["code"])
    return json_response({"items": rows, "group": group})


@router.get("/v1/dyads")
def list_dyads(
    f: Filters,
    stores: Stores,
    library: Lib,
    period: Annotated[
        Literal["all", "day", "week", "month", "year"],
        Query(description="One row per pair over the whole range (all), or per pair and period."),
    ] = "all",
    limit: Annotated[int, Query(ge=1, description=f"Rows (capped at {MAX_LIMIT:,}).")] = 200,
) -> Response:
    """Pairs of countries (or organizations), unordered, with their deduplicated events counted as
    cooperation (quad classes 1-2) and conflict (3-4), the mean Goldstein score and the balance
    ``(cooperation - conflict) / events``, from -1 to 1."""
    with stores.reader() as store:
        rows = dyads(store, f, None if period == "all" else period, limit)
    for row in rows:
        row["a_name"], row["b_name"] = library.named(row["a"]), library.named(row["b"])
    return json_response({"items": rows, "period": period})


@router.get("/v1/timeline")
def get_timeline(
    f: Filters,
    stores: Stores,
    interval: Annotated[
        Literal["day", "week", "month", "year"],
        Query(description="Periods, named by their first day (weeks start on Monday)."),
    ] = "month",
    by: Annotated[Literal["type", "quad_class"], Query(description="What the counts are split by.")] = "type",
) -> Response:
    """Matching deduplicated events per period and per type or quad class (1 verbal cooperation, 2 material
    cooperation, 3 verbal conflict, 4 material conflict) in ``items``, and per period (``periods``): events,
    cooperation, conflict, the Goldstein scores' sum, count and mean; undated events are counted apart."""
    with stores.reader() as store:
        return json_response(timeline(store, f, interval, by))


@router.get("/v1/places")
def list_places(
    f: Filters,
    stores: Stores,
    limit: Annotated[int, Query(ge=1, description=f"Places (capped at {MAX_LIMIT:,}).")] = 1000,
) -> Response:
    """Places of the matching deduplicated events that have coordinates, most events first, with their events
    counted as cooperation and conflict and their mean Goldstein score (the dashboard's map);
    ``without_coordinates`` counts the events whose location has none."""
    with stores.reader() as store:
        return json_response(places(store, f, limit))


@router.get("/v1/actor")
def get_actor(
    f: Filters,
    stores: Stores,
    library: Lib,
    key: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            description="An entity id (person:ayman-safadi), a code and sector (JOR/GOV) or a code (JOR), as "
            "GET /v1/actors gives them.",
        ),
    ],
    interval: Annotated[
        Literal["day", "week", "month", "year"], Query(description="Periods of its events over time.")
    ] = "month",
) -> Response:
    """One actor over the matching deduplicated events (the dashboard's actor page): its names and code, its events
    per period as source and as target, its counterparts (with cooperation and conflict) and its roles by date
    (the first and last event in each role)."""
    with stores.reader() as store:
        found = actor_profile(store, key, f, interval)
    if found is None:
        raise ApiError(404, "not_found", f"no matching event has the actor {key[:80]!r} (see GET /v1/actors)")
    found["code_name"] = library.named(found["code"])
    for row in found["counterparts"]:
        row["code_name"] = library.named(row["code"])
    return json_response(found)
