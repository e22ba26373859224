"""The Python API: ``hadath.Store(path).events(**filters)`` as a DataFrame with every matching event, ingest from a
plain script, and every Python snippet of the README run as a plain script, as it is written."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

import hadath
from hadath.store.export import flat_columns
from hadath.store.query import FilterError

from .conftest import MEETING_REPORTS, OTHER_REPORTS, SECOND_MEETING, write_jsonl

README = Path(__file__).resolve().parents[2] / "README.md"


def test_events_is_a_dataframe_of_every_matching_event(filled: Path) -> None:
    with hadath.Store(filled, read_only=True) as store:
        df = store.events()
        consult = store.events(country="JOR", type="CONSULT")
        page = store.events(limit=2, offset=1)
        table = store.events_arrow(type=["AGREE", "ACCUSE"])
        assert store.count() == 4 and store.count(reports=True) == 6
        with pytest.raises(FilterError, match="did you mean SAU"):
            store.events(country="KSA")
    assert isinstance(df, pd.DataFrame) and list(df.columns) == [c.name for c in flat_columns()]
    assert len(df) == 4 and list(consult["mentions"]) == [3, 1]
    assert list(page["event_id"]) == list(df["event_id"])[1:3]  # newest first skipped, shown oldest first
    assert str(df["date"].dtype).startswith("datetime64") and str(df["mentions"].dtype) == "Int64"
    assert all(c.startswith("0") or c.startswith("1") for c in df["cameo"])  # codes are strings: 042, not 42
    meeting = consult.iloc[0]
    assert list(meeting["outlets"]) == ["Petra", "QNA", "KUNA"] and len(meeting["documents"]) == 3
    assert isinstance(table, pa.Table) and table.num_rows == 2


def test_events_are_not_capped(tmp_path: Path, pipeline: hadath.Pipeline) -> None:
    start = date(2025, 1, 1)
    docs = [
        {"id": f"d{i}", "date": (start + timedelta(days=5 * i)).isoformat(),
         "text": "الرياض - واس: وقعت المملكة العربية السعودية ومصر اليوم اتفاقية للتعاون في مجال الطاقة."}
        for i in range(130)
    ]  # fmt: skip
    corpus = write_jsonl(tmp_path / "many.jsonl", docs)
    from hadath.inputs import read_paths
    from hadath.store.ingest import ingest

    with hadath.Store(tmp_path / "many.duckdb") as store:
        ingest(read_paths([corpus]), store, pipeline=pipeline)
        assert len(store.events()) == store.count() == 130
        assert len(store.events(limit=100)) == 100


def python_snippets() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


def run_script(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    script = cwd / "snippet.py"
    script.write_text(code, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(hadath.__file__).parents[1])}
    return subprocess.run([sys.executable, str(script)], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300, check=False)  # fmt: skip


def test_readme_python_snippets_run_as_plain_scripts(tmp_path: Path) -> None:
    snippets = python_snippets()
    assert len(snippets) >= 2
    (tmp_path / "feeds").mkdir()
    shutil.copytree(README.parent / "examples", tmp_path / "examples")
    write_jsonl(tmp_path / "feeds" / "news.jsonl", [*MEETING_REPORTS, SECOND_MEETING, *OTHER_REPORTS])
    for code in snippets:  # in order: the first builds the store the others read
        done = run_script(code, tmp_path)
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
    assert (tmp_path / "events.duckdb").exists()


def test_a_plain_script_ingests_with_workers_without_a_main_guard(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "news.jsonl", [*MEETING_REPORTS, SECOND_MEETING, *OTHER_REPORTS])
    code = (
        "import hadath\n"
        "print('script started')\n"
        "with hadath.Store('w.duckdb') as store:\n"
        "    summary = store.ingest(['news.jsonl'], workers=2)\n"
        "    print('stored', summary.stored, 'events', store.count())\n"
    )
    done = run_script(code, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["script started", "stored 6 events 4"]  # the script ran once
