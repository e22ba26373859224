"""``hadath serve``: the HTTP API and the dashboard over a store (FastAPI + uvicorn, imported only here)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from hadath.errors import HadathError


def register(app: typer.Typer, err: Console, fail: Callable[[str], NoReturn]) -> None:
    """Add the ``serve`` command to the CLI ``app``."""

    @app.command()
    def serve(
        db: Annotated[Path, typer.Option("--db", help="The store: a DuckDB file (created by 'hadath ingest').")],
        host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback by default).")] = "127.0.0.1",
        port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
        api_key: Annotated[
            str | None,
            typer.Option(
                "--api-key",
                envvar="HADATH_API_KEY",
                show_envvar=True,
                help="Accept POST /v1/documents from requests carrying this key (X-API-Key header); the "
                "store is then opened for writing. Without a key the server is read-only.",
            ),
        ] = None,
        max_body: Annotated[
            int, typer.Option("--max-body", min=1, help="Largest request body in bytes (413 over it).")
        ] = 10_000_000,  # hadath.api.app.DEFAULT_MAX_BODY (not imported: the CLI loads no web framework)
        body_timeout: Annotated[
            float,
            typer.Option("--body-timeout", min=0.001, help="Seconds a request body may take to arrive (408 after)."),
        ] = 30.0,
    ) -> None:
        """Serve the HTTP API (/v1/..., OpenAPI at /docs) and the dashboard (/) over a store.

        DuckDB lets one process write a store: while a server with --api-key runs, 'hadath ingest' cannot write to
        the same file (send documents to POST /v1/documents instead); a read-only server must be restarted to see
        documents ingested after it started."""
        try:
            import uvicorn

            from hadath.api import create_app
        except ImportError as exc:
            fail(f"'hadath serve' needs the api extra ({exc.name} is missing): pip install 'hadath[api]'")
        if api_key is not None and not api_key.strip():
            fail("--api-key is empty; give a key, or leave the option out for a read-only server")
        if api_key is not None and api_key != api_key.strip():
            err.print("warning: the API key has spaces around it; they are stripped (HTTP header values arrive "
                      "without them)")  # fmt: skip
            api_key = api_key.strip()
        if api_key is None and not db.exists():
            fail(
                f"--db {db}: no such store; create it with 'hadath ingest ... --db {db}' (or start with --api-key "
                "to create an empty one and send documents to POST /v1/documents)"
            )
        try:
            application = create_app(db, api_key=api_key, max_body=max_body, body_timeout=body_timeout)
        except HadathError as exc:
            fail(str(exc))
        mode = "accepts documents: an API key is set" if api_key else "read-only"
        err.print(f"hadath serve: {db} ({mode}) on http://{host}:{port}/  API docs: http://{host}:{port}/docs")
        # no "server: uvicorn" header: what runs the server is nobody's business
        uvicorn.run(application, host=host, port=port, log_level="info", timeout_keep_alive=5, server_header=False)
