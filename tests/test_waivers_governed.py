"""Waivers as governed records (issue 14, item 4): case and owner, the ``waivers``
listing with statuses, and each waived finding's waiver in the HTML and Markdown reports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from secretariat_rules.testing import run_cli

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "miljoloftet"

WAIVERS = """\
# as_of of the fixture: 2025-06-30
- rule: SEK019
  subject: expenditures/*
  reason: Bompengebruken er avklart med departementet
  approved_by: Styringsgruppen
  case: "2024/1234"
  owner: vlfk
  expires: 2025-07-10
- rule: SEK013
  subject: channels/miljoloftet@vegvesen.no
  reason: Ny adresse kommer med nye nettsider
  approved_by: AKG
  expires: 2025-12-31
- rule: SEK008
  subject: documents/DOK-2024-999
  reason: Gammel sak
  approved_by: AKG
  case: sak 49/20
  expires: 2025-07-20
- rule: SEK025
  subject: documents/*
  reason: Arkivet ble byttet
  approved_by: AKG
  expires: 2025-01-31
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target)
    (target / "waivers.yaml").write_text(WAIVERS, encoding="utf-8")
    return target


def listing(data: Path, *args: str) -> dict[str, object]:
    run = run_cli("waivers", data, "--format", "json", *args)
    assert run.exit_code == 0, run.stderr
    assert run.report is not None
    return run.report


def test_statuses_counts_and_findings(data: Path) -> None:
    report = listing(data)
    assert report["as_of"] == "2025-06-30" and report["expiring_within"] == 30
    assert report["counts"] == {"active": 1, "expiring": 2, "expired": 1, "unused": 1}
    rows = [
        (w["rule"], w["statuses"], w["case"], w["owner"], w["days_left"], w["findings"])
        for w in report["waivers"]  # type: ignore[attr-defined]
    ]
    assert rows == [
        (
            "SEK019",
            ["expiring"],
            "2024/1234",
            "vlfk",
            10,
            {"count": 1, "subjects": ["expenditures/UTG-2024-008"]},
        ),
        (
            "SEK013",
            ["active"],
            None,
            None,
            184,
            {"count": 1, "subjects": ["channels/miljoloftet@vegvesen.no"]},
        ),
        ("SEK008", ["expiring", "unused"], "sak 49/20", None, 20, {"count": 0, "subjects": []}),
        ("SEK025", ["expired"], None, None, -150, {"count": 0, "subjects": []}),
    ]
    locations = [w["location"] for w in report["waivers"]]  # type: ignore[attr-defined]
    assert locations == [{"path": "waivers.yaml", "line": line} for line in (2, 9, 14, 20)]


def test_window_and_as_of_move_the_statuses(data: Path) -> None:
    narrow = listing(data, "--expiring-within", "5")
    assert [w["statuses"] for w in narrow["waivers"]] == [  # type: ignore[attr-defined]
        ["active"],
        ["active"],
        ["active", "unused"],
        ["expired"],
    ]
    later = listing(data, "--as-of", "2025-07-15")
    assert [w["statuses"] for w in later["waivers"]] == [  # type: ignore[attr-defined]
        ["expired"],
        ["active"],
        ["expiring", "unused"],
        ["expired"],
    ]


def test_strict_exits_1_on_expired_or_unused(data: Path) -> None:
    assert run_cli("waivers", data, "--strict").exit_code == 1
    (data / "waivers.yaml").write_text(WAIVERS.split("- rule: SEK008")[0], encoding="utf-8")
    assert run_cli("waivers", data, "--strict").exit_code == 0


def test_text_listing_nb(data: Path) -> None:
    run = run_cli("waivers", data)
    assert run.exit_code == 0
    lines = run.output.splitlines()
    assert lines[0].endswith("data per 2025-06-30")
    assert lines[1] == "Region miljoloftet, regelsett miljoloftet"
    assert lines[3:11] == [
        "SEK019 expenditures/* [utløper snart]",
        "  Begrunnelse: Bompengebruken er avklart med departementet",
        "  Godkjent av: Styringsgruppen",
        "  Saksnummer: 2024/1234",
        "  Ansvarlig: vlfk",
        "  Utløper: 2025-07-10",
        "  Unntatte funn (1): expenditures/UTG-2024-008",
        "  Sted: waivers.yaml:2",
    ]
    assert "SEK008 documents/DOK-2024-999 [utløper snart, ubrukt]" in lines
    assert lines[-1] == "4 unntak: 1 aktive, 2 utløper innen 30 dager, 1 utløpt, 1 ubrukt"


def test_markdown_and_html_listing_en(data: Path, tmp_path: Path) -> None:
    run = run_cli("waivers", data, "--format", "markdown", "--lang", "en")
    row = (
        "| expiring, unused | SEK008 | documents/DOK-2024-999 | Gammel sak | AKG "
        "| sak 49/20 |  | 2025-07-20 | 0: none | `waivers.yaml:14` |"
    )
    assert row in run.output.splitlines()
    out = tmp_path / "waivers.html"
    assert run_cli("waivers", data, "--format", "html", "--output", out).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert '<html lang="nb">' in html
    assert '<tr class="status-expiring status-unused"><td>utløper snart, ubrukt</td>' in html
    assert "<td>2024/1234</td><td>vlfk</td>" in html
    again = tmp_path / "again.html"
    run_cli("waivers", data, "--format", "html", "--output", again)
    assert again.read_bytes() == out.read_bytes()


def test_check_reports_show_each_waived_findings_waiver(data: Path, tmp_path: Path) -> None:
    run = run_cli("check", data, "--format", "markdown", "--lang", "en")
    line = (
        "Reason: Bompengebruken er avklart med departementet · Approved by: Styringsgruppen"
        " · Case: 2024/1234 · Owner: vlfk · Expires: 2025-07-10"
    )
    assert any(line in text for text in run.output.splitlines())
    out = tmp_path / "report.html"
    run_cli("check", data, "--format", "html", "--output", out)
    html = out.read_text(encoding="utf-8")
    assert (
        '<ul class="waiver"><li>Begrunnelse: Ny adresse kommer med nye nettsider</li>'
        "<li>Godkjent av: AKG</li><li>Utløper: 2025-12-31</li></ul>"
    ) in html
    assert "<li>Saksnummer: 2024/1234</li><li>Ansvarlig: vlfk</li>" in html


@pytest.mark.parametrize(
    ("line", "key"), [("  case: 1234\n", "case"), ("  owner: [a, b]\n", "owner")]
)
def test_case_and_owner_must_be_text(data: Path, line: str, key: str) -> None:
    text = "- rule: SEK019\n  subject: expenditures/*\n  reason: r\n  approved_by: a\n"
    (data / "waivers.yaml").write_text(text + "  expires: 2025-12-31\n" + line, encoding="utf-8")
    for command in ("waivers", "check"):
        run = run_cli(command, data, "--lang", "en")
        assert run.exit_code == 2
        assert "waivers.yaml:6" in run.stderr and key in run.stderr
        assert "Traceback" not in run.stderr


def test_json_report_carries_the_waiver_and_matches_the_schema(data: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from secretariat_rules.report_schema import report_schema

    run = run_cli("check", data, "--format", "json")
    assert run.report is not None
    jsonschema.validate(run.report, report_schema())
    waived = {f["rule"]: f["waiver"] for f in run.report["findings"] if f["waived"]}
    assert waived == {
        "SEK013": {
            "reason": "Ny adresse kommer med nye nettsider",
            "approved_by": "AKG",
            "case": None,
            "owner": None,
            "expires": "2025-12-31",
        },
        "SEK019": {
            "reason": "Bompengebruken er avklart med departementet",
            "approved_by": "Styringsgruppen",
            "case": "2024/1234",
            "owner": "vlfk",
            "expires": "2025-07-10",
        },
    }
    assert all("waiver" not in f for f in run.report["findings"] if not f["waived"])


def test_no_waivers_file_and_missing_waivers_option(data: Path) -> None:
    (data / "waivers.yaml").unlink()
    run = run_cli("waivers", data, "--lang", "en")
    assert run.exit_code == 0 and run.output.splitlines()[-1] == "No waivers."
    assert listing(data)["waivers"] == []
    missing = run_cli("waivers", data, "--waivers", data / "nope.yaml")
    assert missing.exit_code == 2 and "nope.yaml" in missing.stderr
