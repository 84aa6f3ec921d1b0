"""The HTML reports in a real browser: headless Chromium driven by Playwright.

Playwright's own browser download needs the internet, so the test drives the system's
Chromium (Debian's ``chromium`` package; ``.ci/run`` installs it). Without Chromium the
tests are skipped on a developer's machine, but fail when ``CI`` is set: a CI run must
never pass by skipping them. ``SECRETARIAT_RULES_CHROMIUM`` names another binary.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from secretariat_rules.testing import run_cli

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DATA_DIRS = sorted(d for d in FIXTURES.iterdir() if (d / "secretariat.yaml").is_file())
MILJOLOFTET = FIXTURES / "miljoloftet"
BYMILJOPAKKEN = FIXTURES / "bymiljopakken"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """The Chromium binary to drive, if there is one."""
    named = os.environ.get("SECRETARIAT_RULES_CHROMIUM")
    if named:
        return named
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def unavailable(reason: str) -> None:
    """Skip on a developer's machine; fail on CI, where skipping would hide the test."""
    if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
        pytest.fail(f"{reason}; CI must run the browser tests (see .ci/run)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    path = chromium_path()
    if path is None:
        unavailable("Chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=LAUNCH_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def audit_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``audit fixtures/* --format html`` written to a file."""
    out = tmp_path_factory.mktemp("audit") / "audit.html"
    run = run_cli("audit", *DATA_DIRS, "--format", "html", "--output", out, "--quiet")
    assert run.exit_code in (0, 1), run.stderr  # no broken region
    return out


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    opened.set_default_timeout(10_000)
    yield opened
    context.close()


def non_white_share(png: bytes) -> float:
    """The share of pixels that are not (almost) white."""
    try:
        from PIL import Image
    except ImportError:
        unavailable("Pillow is not installed (pip install -e '.[dev]')")
    image = Image.open(io.BytesIO(png)).convert("L")
    histogram = image.histogram()
    return 1 - sum(histogram[245:]) / (image.width * image.height)


def row_of(data_dir: Path) -> int:
    return DATA_DIRS.index(data_dir)


def test_the_audit_page_renders_the_matrix(page: Any, audit_html: Path) -> None:
    page.goto(audit_html.as_uri())
    assert page.title().startswith("Revisjon av sekretariatene: ")
    assert page.locator("h1").inner_text() == "Revisjon av sekretariatene"
    own = page.locator("table#matrix-own")
    assert own.is_visible()
    rows = own.locator("tbody > tr")
    assert rows.count() == len(DATA_DIRS)
    miljoloftet = rows.nth(row_of(MILJOLOFTET))
    assert miljoloftet.get_attribute("data-region") == "miljoloftet"
    for rule in ("SEK013", "SEK027"):
        cell = miljoloftet.locator(f"td[data-rule={rule}]")
        assert cell.get_attribute("class") == "cell failed"
        assert cell.inner_text().strip() == "1"
    sek013 = miljoloftet.locator("td[data-rule=SEK013]")
    assert "neutral-communication-platform" in (sek013.get_attribute("title") or "")
    bymiljopakken = rows.nth(row_of(BYMILJOPAKKEN))
    assert bymiljopakken.locator("td[data-rule=SEK006]").inner_text().strip() == "2"
    assert bymiljopakken.locator("td[data-rule=SEK027]").get_attribute("class") == "cell absent"
    national = page.locator("table#matrix-national")
    assert national.locator("tbody > tr").count() == len(DATA_DIRS)
    assert national.locator("td[data-rule=SEK006]").count() == 0
    assert page.locator("table.register").count() >= 2  # tailoring register


def test_the_severity_filter_hides_warnings(page: Any, audit_html: Path) -> None:
    page.goto(audit_html.as_uri())
    warnings = page.locator("tr.finding[data-severity=warning]")
    errors = page.locator("details[data-ruleset=own] tr.finding[data-severity=error]")
    assert warnings.count() > 0 and errors.count() > 0
    shown_before = page.locator("#shown").inner_text()
    for severity in ("warning", "info"):  # leaves severity = error
        page.locator(f"#filters input[name=severity][value={severity}]").uncheck()
    for index in range(warnings.count()):
        assert warnings.nth(index).is_hidden()
        assert warnings.nth(index).get_attribute("hidden") is not None
    assert errors.first.is_visible()
    assert page.locator("#shown").inner_text() != shown_before


def test_the_region_filter_and_a_drill_down(page: Any, audit_html: Path) -> None:
    page.goto(audit_html.as_uri())
    page.locator("#filters select[name=region]").select_option("bymiljopakken")
    rows = page.locator("table#matrix-own tbody > tr")
    regions = [rows.nth(i).get_attribute("data-region") for i in range(rows.count())]
    shown = [r for i, r in enumerate(regions) if rows.nth(i).is_visible()]
    assert shown == [r for r in regions if r == "bymiljopakken"] and shown
    assert rows.nth(row_of(MILJOLOFTET)).is_hidden()
    page.locator("#filters select[name=region]").select_option("")
    # A failed cell links to its findings, in a drill-down that opens on the way.
    row = page.locator("table#matrix-national tbody > tr").nth(row_of(MILJOLOFTET))
    row.locator("td[data-rule=SEK013] a").click()
    target = page.locator(f"#region-{row_of(MILJOLOFTET) + 1}-national-SEK013")
    assert target.is_visible()
    target.locator("summary").click()
    evidence = target.locator("dl.evidence")
    assert "secretariat.yaml:25" in evidence.inner_text()
    assert "Sekretariatet" in target.locator("blockquote").inner_text()  # guideline text


def test_printing_hides_the_filters(page: Any, audit_html: Path) -> None:
    page.goto(audit_html.as_uri())
    assert page.locator("#filters").is_visible()
    page.emulate_media(media="print")
    assert page.locator("#filters").is_hidden()
    assert page.locator("table#matrix-own").is_visible()


def test_the_screenshot_is_not_blank(page: Any, audit_html: Path) -> None:
    page.goto(audit_html.as_uri())
    png = page.screenshot(full_page=False)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert non_white_share(png) > 0.02


def test_the_check_page_filters_by_section(page: Any, tmp_path: Path) -> None:
    out = tmp_path / "check.html"
    run = run_cli("check", MILJOLOFTET, "--format", "html", "--output", out, "--lang", "en")
    assert run.exit_code == 1, run.stderr
    page.goto(out.as_uri())
    assert page.title() == "Secretariat guideline check: Miljøløftet"
    findings = page.locator("tr.finding")
    assert findings.count() == 7
    page.locator("#filters select[name=section]").select_option("7")
    shown = [
        findings.nth(i).get_attribute("data-rule")
        for i in range(findings.count())
        if findings.nth(i).is_visible()
    ]
    assert shown == ["SEK025", "SEK026"]
    assert page.locator("#shown").inner_text() == "Showing 2 of 7 findings"
    assert non_white_share(page.screenshot()) > 0.02
