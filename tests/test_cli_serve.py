"""``hadath serve`` as a user meets it: a clear message when it cannot start, and no web framework loaded by the
other commands. (The running server is exercised by tests/api/test_dashboard.py, which starts the command.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from hadath.cli import app

runner = CliRunner()


def test_serve_without_a_store_says_how_to_make_one(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "missing.duckdb")], env={"HADATH_API_KEY": None})
    assert result.exit_code == 1
    assert "no such store; create it with 'hadath ingest" in result.output
    assert not (tmp_path / "missing.duckdb").exists()


def test_serve_refuses_an_empty_api_key(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "x.duckdb"), "--api-key", " "])
    assert result.exit_code == 1
    assert "--api-key is empty" in result.output
    assert not (tmp_path / "x.duckdb").exists()


def test_serve_is_listed_with_its_options() -> None:
    result = runner.invoke(app, ["serve", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--api-key", "HADATH_API_KEY", "--max-body"):
        assert option in result.output


def test_other_commands_do_not_load_the_web_framework() -> None:
    code = "import sys, hadath.cli; print(sorted(m for m in ('fastapi', 'uvicorn', 'starlette') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
