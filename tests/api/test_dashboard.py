"""The dashboard in a real browser: headless Chromium (Debian's ``chromium`` and ``chromium-driver``) driven by
Selenium, against ``hadath serve`` running on a free loopback port over the test store. Screenshots go to
``test-artifacts/``.

Without Chromium these tests are skipped, except in CI (the CI variable set), where they must run."""

from __future__ import annotations

import os
import shutil
import subprocess
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import EXAMPLE, build_store, serving

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WAIT = 30  # seconds a condition may take before the test fails (a bound, not a timing assertion)


def _missing() -> str | None:
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        return f"{CHROMIUM} or {CHROMEDRIVER} is missing (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "the selenium package is missing (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="module")
def base_url(api_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``hadath serve`` over the test store on a free loopback port (read-only), stopped after the module."""
    reason = _missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set, so the browser tests must run, but {reason}")
        pytest.skip(reason)
    with serving(api_db, tmp_path_factory.mktemp("server") / "serve.log", wait=WAIT) as url:
        yield url


@pytest.fixture(scope="module")
def writable_url(base_url: str, tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Iterator[str]:
    """``hadath serve --api-key s3cret`` over a store of its own (analysts' corrections are written to it)."""
    db = build_store(tmp_path_factory.mktemp("writable-store"), pipeline)
    with serving(db, tmp_path_factory.mktemp("writable") / "serve.log", "--api-key", "s3cret", wait=WAIT) as url:
        yield url


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--lang=en-US",
        "--window-size=1280,800",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    # the page gets exactly 1280x800, the size the dashboard is made for
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False}
    )
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(driver: Any, condition: Callable[[Any], Any], what: str) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT).until(condition, message=f"waited for {what}")


def css(driver: Any, selector: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return list(driver.find_elements(By.CSS_SELECTOR, selector))


def refreshes(driver: Any) -> int:
    return int(driver.execute_script("return Number(document.body.dataset.refreshes || 0)"))


def open_dashboard(driver: Any, base_url: str) -> None:
    driver.get_log("browser")  # start with an empty console log: earlier tests' messages are not this test's
    driver.get(base_url + "/")
    wait_for(driver, lambda d: refreshes(d) >= 1, "the first load of the dashboard")


def no_script_errors(driver: Any) -> None:
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors


def api_get(base_url: str, path: str) -> Any:
    import json

    with urllib.request.urlopen(base_url + path, timeout=10) as response:
        return json.loads(response.read())


def row_ids(driver: Any) -> list[str]:
    return [tr.get_attribute("data-id") for tr in css(driver, "#events-table tbody tr[data-id]")]


def test_the_dashboard_shows_timeline_network_and_table_and_filters_by_a_country(browser: Any, base_url: str) -> None:
    open_dashboard(browser, base_url)
    everything = api_get(base_url, "/v1/events?limit=500")
    assert sorted(row_ids(browser)) == sorted(e["id"] for e in everything["items"])
    assert css(browser, "#timeline svg g.bar rect")
    placeholder = {"---", "-"}  # unknown actor, no actor: counted apart, never drawn as nodes
    dyads = api_get(base_url, "/v1/dyads")["items"]
    pairs = [p for p in dyads if p["a"] != p["b"] and not {p["a"], p["b"]} & placeholder]
    edges = css(browser, "#network line.edge")
    assert len(edges) == len(pairs)
    assert not {n.get_attribute("data-code") for n in css(browser, "#network g.node")} & placeholder
    unknown = sum(p["events"] for p in dyads if {p["a"], p["b"]} & placeholder)
    assert unknown and css(browser, "#network")[0].get_attribute("data-unknown") == str(unknown)
    assert f"{unknown} event" in css(browser, "#network-note")[0].text
    # labels do not overlap one another
    boxes = browser.execute_script(
        "return Array.from(document.querySelectorAll('#network .node-label')).map((t) => {"
        " const b = t.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height]; })"
    )
    assert boxes
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    # an edge's colour follows its pair's balance: the Iraq-Turkey accusation is red, a meeting green
    colour = {(e.get_attribute("data-a"), e.get_attribute("data-b")): e.get_attribute("stroke") for e in edges}
    assert colour[("IRQ", "TUR")] == "rgb(192,57,43)" and colour[("JOR", "QAT")] == "rgb(46,139,87)"
    browser.save_screenshot(str(ARTIFACTS / "timeline.png"))
    sharp = {"width": 1280, "height": 800, "deviceScaleFactor": 2, "mobile": False}  # the network at twice the pixels
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", sharp)
    browser.find_element("css selector", "#network-card").screenshot(str(ARTIFACTS / "network.png"))
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {**sharp, "deviceScaleFactor": 1})

    before = refreshes(browser)
    css(browser, "#country-search")[0].send_keys("Jordan")
    css(browser, '#country-list input[value="JOR"]')[0].click()
    css(browser, "#apply")[0].click()
    wait_for(browser, lambda d: refreshes(d) > before, "the filtered events")
    expected = api_get(base_url, "/v1/events?country=JOR&limit=500")["items"]
    assert expected and row_ids(browser) == [e["id"] for e in expected]
    for edge in css(browser, "#network line.edge"):
        assert "JOR" in (edge.get_attribute("data-a"), edge.get_attribute("data-b"))
    assert "3 events" in css(browser, "#table-count")[0].text
    browser.save_screenshot(str(ARTIFACTS / "filtered-jordan.png"))
    no_script_errors(browser)


def click_and_wait(driver: Any, selector: str, what: str) -> None:
    before = refreshes(driver)
    css(driver, selector)[0].click()
    state = "return document.body.dataset.state"
    wait_for(driver, lambda d: refreshes(d) > before and d.execute_script(state) == "ready", what)


def test_the_table_sorts_by_a_column(browser: Any, base_url: str) -> None:
    open_dashboard(browser, base_url)
    click_and_wait(browser, '#events-table th[data-sort="type"] button', "the events sorted by type")
    types = [tr.find_element("css selector", ".type-pill").text for tr in css(browser, "#events-table tbody tr")]
    assert types == sorted(types)
    click_and_wait(browser, '#events-table th[data-sort="type"] button', "the events sorted by type, descending")
    types = [tr.find_element("css selector", ".type-pill").text for tr in css(browser, "#events-table tbody tr")]
    assert types == sorted(types, reverse=True)
    assert css(browser, '#events-table th[data-sort="type"]')[0].get_attribute("aria-sort") == "descending"
    assert "sort=-type" in browser.current_url


def test_the_server_sorts_and_pages_the_whole_store(browser: Any, base_url: str) -> None:
    """Pages of five: sorting by reports puts the most-reported event of the whole store first (not of the page
    loaded), and the next page is the server's next page; dates never wrap."""
    browser.get_log("browser")
    browser.get(base_url + "/?limit=5")
    wait_for(browser, lambda d: refreshes(d) >= 1, "the first page")
    assert row_ids(browser) == [e["id"] for e in api_get(base_url, "/v1/events?limit=5")["items"]]
    click_and_wait(browser, '#events-table th[data-sort="mentions"] button', "the events sorted by reports")
    top = api_get(base_url, "/v1/events?limit=5&sort=-mentions")["items"]
    assert row_ids(browser) == [e["id"] for e in top] and top[0]["mentions"] == 3
    total = api_get(base_url, "/v1/events")["total"]
    assert css(browser, "#table-count")[0].text == f"1–5 of {total} events"
    click_and_wait(browser, "#page-next", "the second page")
    second = api_get(base_url, "/v1/events?limit=5&offset=5&sort=-mentions")["items"]
    assert row_ids(browser) == [e["id"] for e in second]
    assert "offset=5" in browser.current_url and "sort=-mentions" in browser.current_url
    assert css(browser, "#table-count")[0].text == f"6–10 of {total} events"
    lines = browser.execute_script(
        """return Array.from(document.querySelectorAll('#events-table td.date')).map((td) => {
             const range = document.createRange(); range.selectNodeContents(td);
             return range.getClientRects().length; })"""
    )
    assert lines and set(lines) == {1}  # one line box each: "2025-03-04", never "2025-03-/04"
    browser.save_screenshot(str(ARTIFACTS / "paged.png"))
    no_script_errors(browser)


def test_filters_live_in_the_url_and_a_shared_url_restores_the_view(browser: Any, base_url: str) -> None:
    open_dashboard(browser, base_url)
    css(browser, "#actor")[0].send_keys("Safadi")
    browser.execute_script("document.getElementById('sector').value = 'GOV';")
    browser.execute_script("document.getElementById('mode').value = 'visit';")
    css(browser, "#source_country")[0].send_keys("jor")
    click_and_wait(browser, "#apply", "the filtered events")
    url = browser.current_url
    for part in ("actor=Safadi", "sector=GOV", "mode=visit", "source_country=JOR"):
        assert part in url, url
    expected = api_get(base_url, "/v1/events?actor=Safadi&sector=GOV&mode=visit&source_country=JOR&limit=100")["items"]
    assert expected and row_ids(browser) == [e["id"] for e in expected]
    # the export link downloads exactly these events
    href = css(browser, "#export-link")[0].get_attribute("href")
    with urllib.request.urlopen(href, timeout=30) as response:
        exported = response.read().decode("utf-8-sig").splitlines()
    assert len(exported) == 1 + len(expected)  # header and one row per event
    # another browser tab (a colleague) opening the URL sees the same view
    browser.get("about:blank")
    browser.get(url)
    wait_for(browser, lambda d: refreshes(d) >= 1, "the shared view")
    assert css(browser, "#actor")[0].get_attribute("value") == "Safadi"
    assert browser.execute_script("return document.getElementById('sector').value") == "GOV"
    assert row_ids(browser) == [e["id"] for e in expected]
    no_script_errors(browser)


def marks(driver: Any, container: str) -> list[dict[str, Any]]:
    return [
        {
            "kind": m.get_attribute("data-kind"),
            "text": m.get_attribute("textContent"),
            "start": int(m.get_attribute("data-start")),
            "end": int(m.get_attribute("data-end")),
            "part": m.get_attribute("data-part"),
        }
        for m in css(driver, f"{container} mark[data-kind]")
    ]


def contract_spans(event: dict[str, Any], sentence: dict[str, Any]) -> list[dict[str, Any]]:
    """The spans of an event that lie in its sentence, as the contract gives them."""
    out = []
    for kind in ("source", "target", "trigger", "location", "occasion"):
        span = event.get(kind)
        if span and sentence["start"] <= span["start"] and span["end"] <= sentence["end"]:
            out.append({"kind": kind, "text": span["text"], "start": span["start"], "end": span["end"], "part": None})
    return out


def by_kind(spans: list[dict[str, Any]]) -> list[tuple[str, str, int, int]]:
    return sorted((s["kind"], s["text"], s["start"], s["end"]) for s in spans)


def open_event(driver: Any, event_id: str) -> None:
    rows = [tr for tr in css(driver, "#events-table tbody tr[data-id]") if tr.get_attribute("data-id") == event_id]
    assert rows, f"no row for {event_id}"
    rows[0].click()
    wait_for(
        driver,
        lambda d: (
            css(d, "#provenance")[0].get_attribute("data-state") == "ready"
            and css(d, "#provenance")[0].get_attribute("data-event-id") == event_id
        ),
        f"the provenance of {event_id}",
    )


def test_opening_an_event_highlights_exactly_its_contract_spans(browser: Any, base_url: str) -> None:
    open_dashboard(browser, base_url)
    event_id = "bna-2024-06-11-001:1"
    open_event(browser, event_id)
    data = api_get(base_url, f"/v1/events/{event_id}")
    shown = marks(browser, "#prov-sentence")
    assert not any(s["part"] for s in shown)  # no span was cut by another
    assert by_kind(shown) == by_kind(contract_spans(data["event"], data["sentence"]))
    assert {s["kind"] for s in shown} == {"source", "target", "trigger", "location", "occasion"}
    # the sentence as shown is the stored sentence, right to left
    sentence = css(browser, "#prov-sentence")[0]
    assert sentence.get_attribute("textContent") == data["sentence"]["text"]
    assert sentence.get_attribute("dir") == "rtl"
    # English names and codes beside the Arabic spans
    table = css(browser, "#prov-body table.spans")[0].text
    assert "Abdullatif bin Rashid Al Zayani · BHR/GOV · foreign minister" in table
    assert "Antony Blinken · USA/GOV" in table and "Jordan · JOR" in table
    browser.save_screenshot(str(ARTIFACTS / "provenance-example.png"))
    no_script_errors(browser)


def test_a_deduplicated_event_links_to_each_of_its_reports(browser: Any, base_url: str) -> None:
    open_dashboard(browser, base_url)
    open_event(browser, "petra-0304-7:1")
    links = css(browser, "#prov-reports a[data-event-id]")
    targets = [a.get_attribute("data-event-id") for a in links]
    assert sorted(targets) == ["kuna-0305-2:1", "petra-0304-7:1", "qna-0304-1:1"]
    next(a for a in links if a.get_attribute("data-event-id") == "kuna-0305-2:1").click()
    wait_for(
        browser,
        lambda d: css(d, "#provenance")[0].get_attribute("data-event-id") == "kuna-0305-2:1",
        "the provenance of the KUNA report",
    )
    data = api_get(base_url, "/v1/events/kuna-0305-2:1")
    wait_for(
        browser,
        lambda d: css(d, "#prov-sentence")[0].get_attribute("textContent") == data["sentence"]["text"],
        "the KUNA sentence",
    )
    assert by_kind(marks(browser, "#prov-sentence")) == by_kind(contract_spans(data["event"], data["sentence"]))
    browser.save_screenshot(str(ARTIFACTS / "provenance.png"))
    no_script_errors(browser)


def test_pasting_the_canonical_example_shows_its_four_events_highlighted(browser: Any, base_url: str) -> None:
    open_dashboard(browser, base_url)
    text = EXAMPLE.read_text(encoding="utf-8")
    css(browser, "#tab-paste")[0].click()
    area = css(browser, "#paste-text")[0]
    browser.execute_script("arguments[0].value = arguments[1];", area, text)
    browser.execute_script("arguments[0].value = '2024-06-11';", css(browser, "#paste-date")[0])
    css(browser, "#paste-run")[0].click()
    wait_for(browser, lambda d: css(d, "#paste-events")[0].get_attribute("data-state") == "ready", "the extraction")
    cards = css(browser, "#paste-events .event-card")
    assert sorted(c.get_attribute("data-type") for c in cards) == ["CONSULT", "CONSULT", "CONSULT", "SUPPORT"]
    # what the browser sent is exactly the file's text (line ends included), so the offsets apply to it
    sent = browser.execute_script("return arguments[0].value;", area)
    assert sent == text
    import json

    request = urllib.request.Request(
        base_url + "/v1/extract",
        method="POST",
        headers={"Content-Type": "application/json"},
        data=json.dumps({"text": text, "date": "2024-06-11"}).encode(),
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        record = json.loads(response.read())
    for card, event in zip(cards, record["events"], strict=True):
        assert card.get_attribute("data-id") == event["id"]
        sentence = {"start": event["sentence"]["start"], "end": event["sentence"]["end"]}
        shown = [
            {
                "kind": m.get_attribute("data-kind"),
                "text": m.get_attribute("textContent"),
                "start": int(m.get_attribute("data-start")),
                "end": int(m.get_attribute("data-end")),
                "part": None,
            }
            for m in card.find_elements("css selector", ".sentence mark[data-kind]")
        ]
        assert by_kind(shown) == by_kind(contract_spans(event, sentence))
        for span in shown:
            assert text[span["start"] : span["end"]] == span["text"]
    assert "4 events" in css(browser, "#paste-summary")[0].text
    browser.save_screenshot(str(ARTIFACTS / "paste.png"))
    no_script_errors(browser)


def test_a_bad_paste_shows_the_servers_message(browser: Any, base_url: str) -> None:
    open_dashboard(browser, base_url)
    css(browser, "#tab-paste")[0].click()
    browser.execute_script("arguments[0].value = '   ';", css(browser, "#paste-text")[0])
    browser.execute_script("document.getElementById('paste-form').requestSubmit();")
    wait_for(browser, lambda d: css(d, "#paste-events")[0].get_attribute("data-state") == "error", "the error")
    assert "the document has no text" in css(browser, "#paste-error")[0].text


def test_the_api_docs_render_without_internet(browser: Any, base_url: str) -> None:
    """Swagger UI comes from the installed package: the page renders every endpoint and loads nothing from outside
    (a request that left the machine would fail here and be logged as an error)."""
    browser.get_log("browser")
    browser.get(base_url + "/docs")
    wait_for(browser, lambda d: len(css(d, ".opblock")) >= 9, "the operations of the API")
    paths = {e.get_attribute("data-path") for e in css(browser, ".opblock-summary-path")}
    assert {"/v1/events", "/v1/events/{event_id}", "/v1/extract", "/v1/documents", "/v1/dyads"} <= paths
    outside = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(u => !u.startsWith(location.origin))"
    )
    assert outside == []
    browser.save_screenshot(str(ARTIFACTS / "docs.png"))
    no_script_errors(browser)


def test_browser_artifacts_folder_is_ignored_by_git() -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    ignored = subprocess.run(["git", "check-ignore", "-q", str(ARTIFACTS / "x.png")], cwd=ROOT, check=False)
    assert ignored.returncode == 0


def test_a_correction_round_trip(browser: Any, writable_url: str) -> None:
    """An analyst corrects an event in its provenance; the table, /v1/events and the export show the correction,
    the raw coding is kept, and re-ingesting the document (a longer text: extracted anew) keeps the correction."""
    import json

    event_id = "spa-0306-3:1"  # Saudi Arabia and Egypt sign an energy agreement: AGREE sign, SAU -> EGY
    open_dashboard(browser, writable_url)
    open_event(browser, event_id)
    css(browser, "#correct-details summary")[0].click()
    css(browser, "#fix-analyst")[0].clear()
    css(browser, "#fix-analyst")[0].send_keys("amal")
    css(browser, "#fix-key")[0].clear()
    css(browser, "#fix-key")[0].send_keys("s3cret")
    browser.execute_script(
        "const t = document.getElementById('fix-type'); t.value = 'COOPERATE'; t.dispatchEvent(new Event('change'));"
    )
    browser.execute_script("document.getElementById('fix-mode').value = 'economic';")
    target = css(browser, "#fix-target-code")[0]
    target.clear()
    target.send_keys("JOR")
    css(browser, "#fix-note")[0].send_keys("the partner is Jordan")
    browser.save_screenshot(str(ARTIFACTS / "correction-form.png"))
    before = refreshes(browser)
    css(browser, "#fix-save")[0].click()
    wait_for(browser, lambda d: css(d, "#fix-saved") and refreshes(d) > before, "the saved correction")
    assert "COOPERATE · economic" in css(browser, "#prov-title")[0].text
    assert "Corrected by amal" in css(browser, "#prov-corrected")[0].text
    assert (
        "AGREE · sign" in css(browser, "#prov-machine")[0].text and "EGY/GOV" in css(browser, "#prov-machine")[0].text
    )
    browser.find_element("css selector", "#prov-corrections").screenshot(str(ARTIFACTS / "correction.png"))
    # the table shows it, marked as corrected
    row = next(tr for tr in css(browser, "#events-table tbody tr[data-id]") if tr.get_attribute("data-id") == event_id)
    assert row.get_attribute("data-corrected") == "true" and "COOPERATE" in row.text and "corrected" in row.text

    def check(where: str) -> None:
        fixed = api_get(writable_url, "/v1/events?type=COOPERATE&limit=100")["items"]
        assert event_id in [e["id"] for e in fixed], where
        event = next(e for e in fixed if e["id"] == event_id)
        assert event["target"]["country"] == "JOR" and event["corrected"]["analyst"] == "amal", where
        raw = api_get(writable_url, "/v1/events?type=AGREE&raw=true&limit=100")["items"]
        assert event_id in [e["id"] for e in raw], where
        with urllib.request.urlopen(writable_url + "/v1/export?format=plover&type=COOPERATE", timeout=30) as response:
            exported = [json.loads(line) for line in response.read().decode("utf-8").splitlines()]
        assert [e["event"] for e in exported if e["id"] == event_id] == [["COOPERATE"]], where

    check("after the correction")
    spa = next(r for r in api_get(writable_url, "/v1/events?limit=100")["items"] if r["id"] == event_id)
    text = api_get(writable_url, f"/v1/events/{event_id}")["sentence"]["text"]
    longer = {"id": "spa-0306-3", "date": "2025-03-06", "source": "SPA",
              "text": text + " وأكد الجانبان أهمية تعزيز العلاقات الثنائية."}  # fmt: skip
    request = urllib.request.Request(
        writable_url + "/v1/documents", method="POST", data=json.dumps({"documents": [longer]}).encode(),
        headers={"Content-Type": "application/json", "X-API-Key": "s3cret"},
    )  # fmt: skip
    with urllib.request.urlopen(request, timeout=120) as response:
        assert json.loads(response.read())["replaced"] == 1
    assert spa["sentence"]["start"] == 0
    check("after re-ingest")
    open_dashboard(browser, writable_url)  # and the dashboard, reloaded, still shows it
    row = next(tr for tr in css(browser, "#events-table tbody tr[data-id]") if tr.get_attribute("data-id") == event_id)
    assert row.get_attribute("data-corrected") == "true"
    no_script_errors(browser)


def test_the_timeline_fits_the_data_zooms_by_dragging_and_draws_goldstein(browser: Any, base_url: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    open_dashboard(browser, base_url)
    chart = css(browser, "#timeline")[0]
    # fitted: the first and last bars are the first and last dated events
    bars = [
        g.get_attribute("data-period")
        for g in css(browser, "#timeline g.bar")
        if g.find_elements("css selector", "rect")
    ]
    days = [p["period"] for p in api_get(base_url, "/v1/timeline?interval=day")["periods"]]
    assert bars[0] <= days[0] and bars[-1] <= days[-1]  # periods are named by their first day
    # the mean Goldstein score per period, on its own axis
    weekly = {p["period"]: p for p in api_get(base_url, "/v1/timeline?interval=week")["periods"]}
    assert chart.get_attribute("data-interval") == "week"
    dots = {
        d.get_attribute("data-period"): float(d.get_attribute("data-goldstein")) for d in css(browser, ".goldstein-dot")
    }
    assert dots and dots.keys() == {k for k, p in weekly.items() if p["goldstein_n"]}
    for period, value in dots.items():
        assert abs(value - weekly[period]["mean_goldstein"]) < 0.01
    # drag across the last bars: the date filter becomes their range, everything follows, the URL keeps it
    svg = css(browser, "#timeline svg")[0]
    width = svg.size["width"]
    before = refreshes(browser)
    ActionChains(browser).move_to_element_with_offset(svg, int(width * 0.30), 0).click_and_hold().move_by_offset(
        int(width * 0.18), 0
    ).release().perform()
    ready = "return document.body.dataset.state"
    wait_for(browser, lambda d: refreshes(d) > before and d.execute_script(ready) == "ready", "the zoomed view")
    since = css(browser, "#since")[0].get_attribute("value")
    until = css(browser, "#until")[0].get_attribute("value")
    assert since and until and since < until
    assert f"since={since}" in browser.current_url and f"until={until}" in browser.current_url
    expected = api_get(base_url, f"/v1/events?since={since}&until={until}&limit=100")["items"]
    assert row_ids(browser) == [e["id"] for e in expected]
    assert all(since <= e["date"] <= until for e in expected)
    browser.save_screenshot(str(ARTIFACTS / "timeline-zoomed.png"))
    no_script_errors(browser)


def test_the_map_draws_each_place_with_coordinates_over_bundled_boundaries(browser: Any, base_url: str) -> None:
    browser.get_log("browser")
    browser.get(base_url + "/?view=map")
    wait_for(browser, lambda d: refreshes(d) >= 1 and css(d, "#map")[0].get_attribute("data-places"), "the map")
    places = api_get(base_url, "/v1/places")
    markers = css(browser, "#map path.place")
    shown = {m.get_attribute("data-place"): int(m.get_attribute("data-events")) for m in markers}
    assert shown == {p["place"]: p["events"] for p in places["items"]} and shown
    assert int(css(browser, "#map")[0].get_attribute("data-boundaries")) > 200  # Natural Earth's countries
    assert f"{places['without_coordinates']} events without coordinates" in css(browser, "#map-note")[0].text
    browser.find_element("css selector", "#network-card").screenshot(str(ARTIFACTS / "map.png"))
    # clicking a place filters on it; the view (map) stays in the URL
    doha = next(m for m in css(browser, "#map path.place") if m.get_attribute("data-place") == "Doha")
    before = refreshes(browser)
    doha.click()
    wait_for(browser, lambda d: refreshes(d) > before, "the events at Doha")
    assert "location=Doha" in browser.current_url and "view=map" in browser.current_url
    expected = api_get(base_url, "/v1/events?location=Doha&limit=100")["items"]
    assert expected and row_ids(browser) == [e["id"] for e in expected]
    outside = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(u => !u.startsWith(location.origin))"
    )
    assert outside == []  # no tile, font or script from elsewhere
    no_script_errors(browser)


def test_the_actor_page_shows_events_over_time_counterparts_and_roles(browser: Any, base_url: str) -> None:
    open_dashboard(browser, base_url)
    open_event(browser, "petra-0304-7:1")
    link = next(
        a for a in css(browser, "#prov-body a.actor-link") if a.get_attribute("data-actor") == "person:ayman-safadi"
    )
    link.click()
    wait_for(
        browser,
        lambda d: (
            css(d, "#provenance")[0].get_attribute("data-actor") == "person:ayman-safadi"
            and css(d, "#provenance")[0].get_attribute("data-state") == "ready"
        ),
        "the actor page",
    )
    profile = api_get(base_url, "/v1/actor?key=person:ayman-safadi")
    assert "Ayman Safadi · JOR/GOV" in css(browser, "#prov-title")[0].text
    bars = {
        g.get_attribute("data-period"): (int(g.get_attribute("data-source")), int(g.get_attribute("data-target")))
        for g in css(browser, "#prov-body .actor-bar")
    }
    assert bars == {r["period"]: (r["as_source"], r["as_target"]) for r in profile["over_time"]}
    counterparts = [tr.get_attribute("data-key") for tr in css(browser, "#actor-counterparts tbody tr")]
    assert counterparts == [c["key"] for c in profile["counterparts"]]
    assert "foreign minister" in css(browser, "#actor-roles")[0].text
    browser.find_element("css selector", "#provenance").screenshot(str(ARTIFACTS / "actor.png"))
    before = refreshes(browser)
    css(browser, "#actor-filter")[0].click()
    wait_for(browser, lambda d: refreshes(d) > before, "the actor's events")
    expected = api_get(base_url, "/v1/events?actor=person:ayman-safadi&limit=100")["items"]
    assert row_ids(browser) == [e["id"] for e in expected] and len(expected) == profile["events"]
    no_script_errors(browser)
