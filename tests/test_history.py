"""``check``/``audit`` ``--history DIR``: the run's JSON kept per ``as_of``, earlier runs
read back (a corrupt one named in a warning), and the trend in text, JSON and HTML."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from secretariat_rules.history import trend
from secretariat_rules.reporters.trend_report import chart_svg, render_trend
from secretariat_rules.testing import run_cli
from test_html_browser import browser  # noqa: F401  (the Chromium fixture)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FIXTURE = FIXTURES / "miljoloftet"
OTHER = FIXTURES / "bymiljopakken"
NATIONAL = FIXTURES / "national"
NINE = sorted(d for d in NATIONAL.glob("*") if (d / "secretariat.yaml").is_file())
YEARS = ("2023-12-31", "2024-12-31", "2025-12-31")


def _figures(doc: dict[str, Any], key: str) -> dict[str, list[tuple[int, int] | None]]:
    name = "region" if key == "regions" else "rule"
    return {
        entry[name]: [(c["passing"], c["assessed"]) if c else None for c in entry["compliance"]]
        for entry in doc[key]
    }


@pytest.fixture(scope="module")
def check_history(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """miljoloftet checked as of the three year ends into one history directory."""
    root = tmp_path_factory.mktemp("history") / "h"
    outputs = []
    for as_of in YEARS:
        run = run_cli("check", FIXTURE, "--as-of", as_of, "--history", root, "--lang", "en")
        assert run.exit_code == 1, run.stderr
        outputs.append(run.output)
    return root, outputs


def test_check_history_keeps_each_run(check_history: tuple[Path, list[str]]) -> None:
    root, _ = check_history
    assert sorted(p.name for p in root.iterdir()) == [
        *(f"check-miljoloftet-{as_of}.json" for as_of in YEARS),
        "trend-miljoloftet.html",
        "trend-miljoloftet.json",
    ]
    kept = json.loads((root / "check-miljoloftet-2024-12-31.json").read_text(encoding="utf-8"))
    assert kept["as_of"] == "2024-12-31" and kept["region"] == "miljoloftet"


def test_check_trend_numbers(check_history: tuple[Path, list[str]]) -> None:
    doc = json.loads((check_history[0] / "trend-miljoloftet.json").read_text(encoding="utf-8"))
    assert doc["kind"] == "check" and doc["runs"] == list(YEARS)
    assert _figures(doc, "regions") == {"miljoloftet": [(14, 30), (24, 41), (34, 42)]}
    rules = _figures(doc, "rules")
    assert rules["SEK004"] == [None, (1, 1), (0, 1)]
    assert rules["SEK101"] == [(0, 1), (0, 1), (1, 1)]
    assert doc["changes"][0] == {
        "from": "2023-12-31",
        "to": "2024-12-31",
        "broken": [],
        "fixed": [
            {"region": "miljoloftet", "rule": "SEK011"},
            {"region": "miljoloftet", "rule": "SEK023"},
        ],
    }
    assert doc["changes"][1]["broken"] == [{"region": "miljoloftet", "rule": "SEK004"}]
    assert [c["rule"] for c in doc["changes"][1]["fixed"]] == [f"SEK{n}" for n in range(101, 111)]


def test_check_trend_follows_the_text_report(check_history: tuple[Path, list[str]]) -> None:
    first, _, last = check_history[1]
    assert "Trend over time\n1 runs: 2023-12-31 – 2023-12-31" in first
    report, _, shown = last.partition("\nTrend over time\n")
    assert (report.strip() and "Miljøløftet" in report) or "miljoloftet" in report
    lines = shown.splitlines()
    assert lines[0] == "3 runs: 2023-12-31 – 2025-12-31"
    assert "  miljoloftet  46 %        58 %        80 %" in lines
    assert "    newly broken: miljoloftet SEK004" in lines


def test_same_as_of_replaces_and_json_format_is_untouched(tmp_path: Path) -> None:
    root = tmp_path / "h"
    for _ in range(2):
        run = run_cli("check", FIXTURE, "--as-of", "2025-12-31", "-f", "json", "--history", root)
        assert run.exit_code == 1 and run.report is not None  # stdout stays one JSON document
    doc = json.loads((root / "trend-miljoloftet.json").read_text(encoding="utf-8"))
    assert doc["runs"] == ["2025-12-31"] and doc["changes"] == []
    assert len(list(root.glob("check-*.json"))) == 1


def test_corrupt_and_foreign_files_are_not_fatal(tmp_path: Path) -> None:
    root = tmp_path / "h"
    root.mkdir()
    (root / "check-miljoloftet-2022-12-31.json").write_text("{oops", encoding="utf-8")
    (root / "check-miljoloftet-2021-12-31.json").write_text('{"a": 1}', encoding="utf-8")
    (root / "notes.json").write_text("not read at all", encoding="utf-8")
    (root / "check-miljoloftet-latest.json").write_text("{", encoding="utf-8")
    run = run_cli("check", FIXTURE, "--as-of", "2025-12-31", "-q", "--history", root)
    assert run.exit_code == 1
    assert f"advarsel: hopper over {root / 'check-miljoloftet-2022-12-31.json'}" in run.stderr
    assert "(ikke gyldig JSON)" in run.stderr
    assert (
        f"{root / 'check-miljoloftet-2021-12-31.json'} i historikken (ikke en rapport" in run.stderr
    )
    assert "notes.json" not in run.stderr and "latest" not in run.stderr
    doc = json.loads((root / "trend-miljoloftet.json").read_text(encoding="utf-8"))
    assert doc["runs"] == ["2025-12-31"]


def test_check_history_is_for_one_repository(tmp_path: Path) -> None:
    run = run_cli("check", FIXTURE, OTHER, "--history", tmp_path / "h", "--lang", "en")
    assert run.exit_code == 2 and "check --history is for one data repository (got 2)" in run.stderr
    assert not (tmp_path / "h").exists()
    (tmp_path / "file").write_text("", encoding="utf-8")
    run = run_cli("check", FIXTURE, "--as-of", "2025-12-31", "--history", tmp_path / "file")
    assert run.exit_code == 2 and "Traceback" not in run.stderr


def test_audit_history_of_two_regions(tmp_path: Path) -> None:
    root = tmp_path / "h"
    for as_of in YEARS[:2]:
        run = run_cli("audit", FIXTURE, OTHER, "--as-of", as_of, "-q", "--history", root)
        assert run.exit_code == 1, run.stderr
    assert sorted(p.name for p in root.glob("audit-*.json")) == [
        "audit-2023-12-31.json",
        "audit-2024-12-31.json",
    ]
    doc = json.loads((root / "trend.json").read_text(encoding="utf-8"))
    assert doc["kind"] == "audit" and doc["runs"] == list(YEARS[:2])
    kept = [json.loads((root / f"audit-{y}.json").read_text(encoding="utf-8")) for y in YEARS[:2]]
    for entry in doc["regions"]:  # the audit's own compliance figure, run by run
        rows = [
            next(r for r in k["matrices"]["national"]["rows"] if r["region"] == entry["region"])
            for k in kept
        ]
        assert entry["compliance"] == [row["compliance"] for row in rows]
    assert [r["region"] for r in doc["regions"]] == ["bymiljopakken", "miljoloftet"]
    page = (root / "trend.html").read_text(encoding="utf-8")
    assert (
        page.count("<svg ") == 2
        and "<script" in page
        and "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    )


def test_trend_is_deterministic_and_orders_by_as_of() -> None:
    def run(as_of: str, status: str) -> dict[str, Any]:
        return {
            "tool": {},
            "repository": "x",
            "region": "r",
            "as_of": as_of,
            "findings": [],
            "rules": [{"id": "SEK001", "status": status}, {"id": "SEK002", "status": "passed"}],
        }

    runs = [
        ("2025-12-31", run("2025-12-31", "passed")),
        ("2023-12-31", run("2023-12-31", "failed")),
    ]
    doc = trend(runs)
    assert doc["runs"] == ["2023-12-31", "2025-12-31"]
    assert _figures(doc, "regions") == {"r": [(1, 2), (2, 2)]}
    assert doc["changes"] == [
        {
            "from": "2023-12-31",
            "to": "2025-12-31",
            "broken": [],
            "fixed": [{"region": "r", "rule": "SEK001"}],
        }
    ]
    assert render_trend(doc, "html", "nb") == render_trend(trend(runs[::-1]), "html", "nb")
    svg = chart_svg(doc["regions"][0], doc["runs"], "en")
    assert svg.startswith('<svg class="trend" role="img" aria-label="Compliance of r over time"')
    assert '<polyline class="line" points="46,74 314,24"/>' in svg
    assert ">50 %</text>" in svg and ">100 %</text>" in svg


# --------------------------------------------------------------------------- nine regions

NATIONAL_COMPLIANCE = {
    "buskerudbyen": [(28, 29), (29, 31), (28, 31)],
    "bymiljopakken": [(30, 30), (30, 31), (31, 31)],
    "grenland": [(28, 30), (27, 31), (27, 31)],
    "kristiansand": [(25, 27), (26, 28), (25, 28)],
    "miljoloftet": [(30, 30), (30, 31), (30, 31)],
    "miljopakken": [(22, 31), (28, 32), (28, 32)],
    "nedre-glomma": [(29, 30), (29, 31), (24, 33)],
    "oslo": [(25, 31), (26, 32), (25, 32)],
    "tromso": [(30, 30), (30, 31), (30, 31)],
}
"""The national matrix's compliance per region as of each year end (fixtures/national)."""


@pytest.fixture(scope="module")
def national_history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if len(NINE) != 9:
        pytest.skip("fixtures/national does not hold the nine regions")
    root = tmp_path_factory.mktemp("national") / "h"
    for as_of in YEARS:
        run = run_cli("audit", *NINE, "--as-of", as_of, "-q", "--history", root)
        assert run.exit_code in (0, 1), run.stderr
    return root


def test_national_trend(national_history: Path) -> None:
    doc = json.loads((national_history / "trend.json").read_text(encoding="utf-8"))
    assert doc["runs"] == list(YEARS)
    assert _figures(doc, "regions") == NATIONAL_COMPLIANCE
    broken = [(c["region"], c["rule"]) for c in doc["changes"][1]["broken"]]
    assert ("nedre-glomma", "SEK002") in broken  # the region that slips in 2025
    assert [(len(c["broken"]), len(c["fixed"])) for c in doc["changes"]] == [(6, 5), (10, 3)]


def test_trend_chart_in_a_browser(national_history: Path, browser: Any) -> None:  # noqa: F811
    """The trend page in Chromium: nine charts drawn; the screenshot is the README's."""
    from test_html_browser import non_white_share

    page = browser.new_page(viewport={"width": 900, "height": 1000})
    page.goto((national_history / "trend.html").as_uri())
    charts = page.locator("svg.trend")
    assert charts.count() == 9
    box = charts.first.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 100
    assert page.locator("svg.trend polyline").count() == 9
    png = page.locator("div.charts").screenshot()
    assert non_white_share(png) > 0.02
    named = os.environ.get("SECRETARIAT_RULES_SCREENSHOTS")
    if named:
        Path(named).mkdir(parents=True, exist_ok=True)
        (Path(named) / "trend.png").write_bytes(png)
    page.close()


@pytest.mark.parametrize("command", ["check", "audit"])
def test_a_history_directory_that_cannot_be_made_is_named(tmp_path: Path, command: str) -> None:
    """Exit 2 naming the directory and the reason, not a bug report (exit 3)."""
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    target = blocker / "history"
    run = run_cli(command, FIXTURE, "--history", target, "--lang", "en", "-f", "json")
    assert run.exit_code == 2
    assert run.stderr.strip().splitlines()[-1] == (
        f"secretariat-rules: error: cannot write {target}: Not a directory"
    )
