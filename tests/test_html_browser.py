"""The HTML reports in a real browser: headless Chromium driven by Playwright.

Playwright's own browser download needs the internet, so the test drives the system's
Chromium (Debian's ``chromium`` package; ``.ci/run`` installs it). Without Chromium the
tests are skipped on a developer's machine, but fail when ``CI`` is set: a CI run must
never pass by skipping them. ``SECRETARIAT_RULES_CHROMIUM`` names another binary.
"""

from __future__ import annotations

import io
import itertools
import json
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


# --------------------------------------------------------------------------- every screen
#
# The check report (one repository with findings, a waived finding and a baseline), a
# multi-repository report (the same repository given twice) and the audit, each at a
# phone (360), a tablet (768) and a wide screen (1400): axe-core finds no WCAG 2.0/2.1 A
# or AA violation (nor a best-practice one: heading order, landmarks), the page never
# scrolls sideways, no cell's content overflows it, and on a 1400 px screen the whole
# matrix is visible. A screenshot of each is saved in a pytest temporary directory, or
# of each whole page in the directory ``SECRETARIAT_RULES_SCREENSHOTS`` names.

ROOT = FIXTURES.parent
WIDTHS = (360, 768, 1400)
PAGES = ("check", "multi", "audit")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
WAIVERS = """\
- rule: SEK019
  subject: expenditures/UTG-2024-008
  reason: Fullmakten ble gitt i styremøtet 2024-05-02; protokollen arkiveres
  approved_by: Sekretariatsleder
  expires: 2030-12-31
"""

LAYOUT_PROBLEMS = """() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  const tiny = (el) => {  // visually hidden (a .vh caption, a card table's header)
    for (let e = el; e; e = e.parentElement) {
      const r = e.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) { return true; }
    }
    return false;
  };
  const selector = "main td, main th, main dd, main dt, main summary, main li, main p, " +
    "main code, h1, h2, h3, h4, header p, nav a";
  for (const el of document.querySelectorAll(selector)) {
    if (!el.checkVisibility() || tiny(el)) { continue; }
    const r = el.getBoundingClientRect();
    const name = el.tagName + " " + el.textContent.trim().slice(0, 40);
    if (!el.closest(".matrix-box") && (r.left < -1 || r.right > width + 1)) {
      problems.push("outside the viewport: " + name);
    }
    if (el.matches("td, th, dd, summary") && el.scrollWidth > el.clientWidth + 1) {
      problems.push("content wider than its box: " + name);
    }
  }
  return problems;
}"""


def _waivers_and_baseline(directory: Path) -> tuple[Path, Path]:
    """A waiver for SEK019 and a baseline holding every finding but SEK027's (one new)."""
    waivers = directory / "waivers.yaml"
    waivers.write_text(WAIVERS, encoding="utf-8")
    baseline = directory / "baseline.json"
    run = run_cli("check", MILJOLOFTET, "--waivers", waivers, "--format", "json")
    assert run.exit_code == 1 and run.report, run.stderr
    report = dict(run.report)
    report["findings"] = [f for f in report["findings"] if f["rule"] != "SEK027"]
    baseline.write_text(json.dumps(report), encoding="utf-8")
    return waivers, baseline


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, audit_html: Path) -> dict[str, Path]:
    """The three pages: ``check`` (nb), ``multi`` (en, relative paths) and ``audit``."""
    directory = tmp_path_factory.mktemp("pages")
    waivers, baseline = _waivers_and_baseline(directory)
    check = directory / "check.html"
    run = run_cli(
        "check", MILJOLOFTET, "--waivers", waivers, "--baseline", baseline,
        "--format", "html", "--output", check,
    )  # fmt: skip
    assert run.exit_code == 1, run.stderr  # SEK027 is new
    multi = directory / "multi.html"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        given = ["fixtures/miljoloftet", "fixtures/bymiljopakken", "fixtures/bymiljopakken-csv"]
        run = run_cli(
            "check", *given, "./fixtures/miljoloftet/", "--lang", "en",
            "--format", "html", "--output", multi,
        )  # fmt: skip
    assert run.exit_code == 1, run.stderr
    return {"check": check, "multi": multi, "audit": audit_html}


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    named = os.environ.get("SECRETARIAT_RULES_SCREENSHOTS")
    if named:
        Path(named).mkdir(parents=True, exist_ok=True)
        return Path(named)
    return tmp_path_factory.mktemp("screenshots")


def open_at(browser: Any, page: Path, width: int) -> Any:
    context = browser.new_context(viewport={"width": width, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(20_000)
    opened.goto(page.as_uri())
    return opened


def axe_violations(page: Any) -> list[str]:
    """axe-core's violations of the WCAG 2.0/2.1 A and AA rules and best practices."""
    try:
        from axe_playwright_python.base import AXE_FILE_PATH
    except ImportError:
        unavailable("axe-playwright-python is not installed (pip install -e '.[dev]')")
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_FILE_PATH))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        f"{v['id']}: {v['help']}: {[n['target'] for n in v['nodes'][:5]]}"
        for v in results["violations"]
    ]


def open_every_details(page: Any) -> None:
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_no_accessibility_violation_and_nothing_off_screen(
    browser: Any, pages: dict[str, Path], screenshots: Path, name: str, width: int
) -> None:
    page = open_at(browser, pages[name], width)
    full_page = bool(os.environ.get("SECRETARIAT_RULES_SCREENSHOTS"))
    try:
        assert page.evaluate(LAYOUT_PROBLEMS) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=str(screenshots / f"{name}-{width}.png"), full_page=full_page)
        if name == "audit":  # as it opens (own results open); axe needs 20 s per run here
            assert axe_violations(page) == []
            return
        # Every drill-down open: axe also checks the evidence, guideline texts and waiver
        # reasons (what is visible closed is visible open too, so one axe run covers both).
        open_every_details(page)
        assert page.evaluate(LAYOUT_PROBLEMS) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert axe_violations(page) == []
        page.screenshot(path=str(screenshots / f"{name}-{width}-open.png"), full_page=full_page)
    finally:
        page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_whole_matrix_is_visible_on_a_wide_screen_and_scrolls_in_its_box_on_a_tablet(
    browser: Any, pages: dict[str, Path], width: int
) -> None:
    page = open_at(browser, pages["audit"], width)
    try:
        boxes = page.evaluate(
            "() => [...document.querySelectorAll('.matrix-box')].map(b => "
            "[b.scrollWidth, b.clientWidth, b.getBoundingClientRect().right])"
        )
        assert len(boxes) == 2
        for scroll_width, client_width, right in boxes:
            assert right <= width
            if width == 1400:  # nothing clipped: every rule and the compliance column fit
                assert scroll_width <= client_width
        if width == 768:  # too narrow for 45 rules: the box scrolls, the page does not
            assert all(scroll_width > client_width for scroll_width, client_width, _ in boxes)
            box = page.locator(".matrix-box").first
            assert box.get_attribute("tabindex") == "0"  # reachable by keyboard
        compliance = page.locator("table#matrix-own tbody td.compliance")
        assert compliance.count() == len(DATA_DIRS)
        if width != 768:
            for index in range(compliance.count()):
                cell = compliance.nth(index).bounding_box()
                assert cell is not None and cell["x"] + cell["width"] <= width
                assert compliance.nth(index).inner_text().strip().endswith("%")
    finally:
        page.context.close()


def test_on_a_phone_the_tables_are_labelled_cards(browser: Any, pages: dict[str, Path]) -> None:
    page = open_at(browser, pages["check"], 360)
    try:
        row = page.locator("tr.finding[data-rule=SEK008]")
        assert row.evaluate("r => getComputedStyle(r).display") == "block"
        assert page.locator("table.findings thead").first.bounding_box()["width"] <= 1
        subject = row.locator("td[data-label]").first
        label = subject.evaluate("td => getComputedStyle(td, '::before').content")
        assert label == '"Gjelder: "'
        box = row.bounding_box()
        assert box is not None and box["width"] <= 360
    finally:
        page.context.close()
    page = open_at(browser, pages["audit"], 360)
    try:
        row = page.locator("table#matrix-own tbody > tr").nth(row_of(MILJOLOFTET))
        cell = row.locator("td[data-rule=SEK013]")
        assert cell.evaluate("td => getComputedStyle(td, '::before').content") == '"SEK013 "'
        assert cell.inner_text().strip() == "1"  # after the rule id: the number of findings
        compliance = row.locator("td.compliance")
        label = compliance.evaluate("td => getComputedStyle(td, '::before').content")
        assert (label, compliance.inner_text()) == ('"Etterlevelse: "', "27/34 79 %")
        assert compliance.bounding_box()["y"] < cell.bounding_box()["y"]  # above the cells
    finally:
        page.context.close()


def headings(page: Any) -> list[tuple[int, str]]:
    return [
        (int(tag[1]), " ".join(text.split()))
        for tag, text in page.evaluate(
            "() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]"
            ".map(h => [h.tagName.toLowerCase(), h.textContent])"
        )
    ]


@pytest.mark.parametrize("name", PAGES)
def test_headings_step_down_one_level_at_a_time_inside_landmarks(
    browser: Any, pages: dict[str, Path], name: str
) -> None:
    page = open_at(browser, pages[name], 1400)
    try:
        levels = [level for level, _ in headings(page)]
        assert levels[0] == 1 and levels.count(1) == 1
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels))
        assert page.locator("main").count() == 1
        assert page.locator("body > header h1").count() == 1
        assert page.locator("main h1").count() == 0
        assert page.locator("html").get_attribute("lang") == ("en" if name == "multi" else "nb")
        tables = page.locator("main table")
        assert tables.count() > 0
        assert page.locator("main table:not(:has(> caption))").count() == 0
        assert page.locator("main thead th:not([scope=col])").count() == 0
        assert page.locator("main tbody th:not([scope=row])").count() == 0
    finally:
        page.context.close()


@pytest.mark.parametrize("name", ("multi", "audit"))
def test_the_skip_link_comes_first_and_shows_when_focused(
    browser: Any, pages: dict[str, Path], name: str
) -> None:
    page = open_at(browser, pages[name], 360)
    try:
        skip = page.locator("a.skip")
        assert skip.get_attribute("href") == "#main"
        assert skip.bounding_box()["y"] < 0  # off-screen until focused
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip"
        box = skip.bounding_box()
        assert box is not None and box["y"] >= 0 and box["x"] + box["width"] <= 360
        outline = skip.evaluate("a => getComputedStyle(a).outlineWidth")
        assert float(outline.removesuffix("px")) >= 2  # focus is visible
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"
        assert page.locator("nav.toc a").count() >= 2
    finally:
        page.context.close()


def test_each_repository_block_says_which_repository_it_is(
    browser: Any, pages: dict[str, Path]
) -> None:
    page = open_at(browser, pages["multi"], 1400)
    try:
        blocks = [text for level, text in headings(page) if level == 2]
        assert blocks == [
            "Miljøløftet (miljoloftet) fixtures/miljoloftet",
            "Bymiljøpakken (bymiljopakken) fixtures/bymiljopakken",
            "Bymiljøpakken (bymiljopakken) fixtures/bymiljopakken-csv",
            "Miljøløftet (miljoloftet) fixtures/miljoloftet #2",
        ]
        links = page.locator("nav.toc a")
        assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [
            "#repo-1", "#repo-2", "#repo-3", "#repo-4",
        ]  # fmt: skip
        assert links.nth(2).inner_text() == (
            "Bymiljøpakken (bymiljopakken) · fixtures/bymiljopakken-csv"
        )
        section = page.locator("section#repo-3")
        assert section.get_attribute("aria-labelledby") == "repo-3-title"
    finally:
        page.context.close()


def test_audit_blocks_of_one_region_name_their_repository(
    browser: Any, pages: dict[str, Path]
) -> None:
    page = open_at(browser, pages["audit"], 1400)
    try:
        titles = page.locator("section.region-block > h3").all_inner_texts()
        assert len(titles) == len(DATA_DIRS) == len(set(titles))  # one region, several dirs
        for title, data_dir in zip(titles, DATA_DIRS, strict=True):
            assert title.endswith(f" {data_dir}")
        register = page.locator("section.tailoring > h3").all_inner_texts()
        assert len(register) == len(set(register))
        for data_dir in DATA_DIRS:  # each repository is named in the register's headings
            assert any(
                str(data_dir) in title.split() or f"{data_dir}," in title for title in register
            )
        miljoloftet = page.locator("section.region-block > h3").nth(row_of(MILJOLOFTET))
        assert miljoloftet.inner_text() == f"Miljøløftet (miljoloftet) {MILJOLOFTET}"
    finally:
        page.context.close()


def test_a_waived_finding_is_readable_and_the_baseline_page_renders(
    browser: Any, pages: dict[str, Path]
) -> None:
    page = open_at(browser, pages["check"], 1400)
    try:
        waived = page.locator("tr.finding.waived")
        assert [waived.nth(i).get_attribute("data-rule") for i in range(waived.count())] == [
            "SEK019"
        ]
        assert waived.locator(".badge").inner_text() == "feil (unntatt)"
        opacity = waived.evaluate("r => getComputedStyle(r).opacity")
        assert opacity == "1"  # no faded text: its contrast is checked by axe above
        assert page.locator("tr.finding").count() == 7
    finally:
        page.context.close()
