"""hadath's HTTP API and dashboard (FastAPI; install the ``api`` extra): ``create_app(db_path, ...)``, run by
``hadath serve``. The library never imports this package."""

from hadath.api.app import DEFAULT_MAX_BODY, create_app

__all__ = ["DEFAULT_MAX_BODY", "create_app"]
