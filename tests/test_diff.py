"""``diff OLD.json NEW.json``: findings new, fixed and unchanged by fingerprint, per rule
and region; text, JSON, Markdown, HTML; ``--fail-on`` on the new findings; exit 2 on a
file that is no report and on a check/audit mix."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from builders import check_doc
from secretariat_rules.testing import run_cli

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "miljoloftet"
OTHER = FIXTURE.parent / "bymiljopakken"


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Check JSON of miljoloftet as of 2023 and 2025, and audits of two regions 2023/2024."""
    root = tmp_path_factory.mktemp("diff")
    out = {}
    for year in ("2023", "2025"):
        out[f"check-{year}"] = root / f"check-{year}.json"
        run = run_cli(
            "check", FIXTURE, "--as-of", f"{year}-12-31", "-f", "json", "-o", out[f"check-{year}"]
        )
        assert run.exit_code == 1
    for year in ("2023", "2024"):
        out[f"audit-{year}"] = root / f"audit-{year}.json"
        args = ("audit", FIXTURE, OTHER, "--as-of", f"{year}-12-31", "-f", "json")
        assert run_cli(*args, "-o", out[f"audit-{year}"]).exit_code == 1
    return out


def _diff(old: Path, new: Path, *args: str) -> tuple[int, dict[str, Any] | None, str, str]:
    run = run_cli("diff", old, new, *args)
    return run.exit_code, run.report, run.output, run.stderr


def test_two_check_runs(reports: dict[str, Path]) -> None:
    code, doc, _, _ = _diff(reports["check-2023"], reports["check-2025"], "-f", "json")
    assert code == 1  # new errors
    assert doc is not None
    assert doc["kind"] == "check"
    assert doc["summary"] == {"new": 5, "fixed": 15, "unchanged": 4}
    assert doc["old"] == {"report": str(reports["check-2023"]), "as_of": "2023-12-31"}
    assert doc["by_region"] == [{"region": "miljoloftet", "new": 5, "fixed": 15, "unchanged": 4}]
    by_rule = {r["rule"]: (r["new"], r["fixed"], r["unchanged"]) for r in doc["by_rule"]}
    assert by_rule["SEK004"] == (2, 0, 0)
    assert by_rule["SEK023"] == (0, 3, 0)
    assert by_rule["SEK019"] == (0, 1, 1)
    assert sum(n for n, _, _ in by_rule.values()) == 5
    assert [(f["rule"], f["subject"]) for f in doc["new_findings"]] == [
        ("SEK004", "followups/OPF-2024-03"),
        ("SEK004", "followups/OPF-2024-04"),
        ("SEK008", "documents/DOK-2024-021"),
        ("SEK025", "documents/REF-2024-06"),
        ("SEK026", "documents/DOK-2024-021"),
    ]
    assert {f["rule"] for f in doc["fixed_findings"]} >= {"SEK011", "SEK023", "SEK101"}


def test_same_report_has_nothing_new(reports: dict[str, Path]) -> None:
    code, doc, _, _ = _diff(reports["check-2025"], reports["check-2025"], "-f", "json")
    assert code == 0
    assert doc is not None and doc["summary"] == {"new": 0, "fixed": 0, "unchanged": 24 - 15}


def test_reversed_swaps_new_and_fixed(reports: dict[str, Path]) -> None:
    code, doc, _, _ = _diff(reports["check-2025"], reports["check-2023"], "-f", "json")
    assert code == 1 and doc is not None
    assert doc["summary"] == {"new": 15, "fixed": 5, "unchanged": 4}


def test_fail_on(reports: dict[str, Path]) -> None:
    old, new = reports["check-2023"], reports["check-2025"]
    assert _diff(old, new, "--fail-on", "never")[0] == 0
    assert _diff(old, new, "--fail-on", "warning")[0] == 1


def test_two_audits_per_region(reports: dict[str, Path]) -> None:
    code, doc, _, _ = _diff(reports["audit-2023"], reports["audit-2024"], "-f", "json")
    assert code == 1 and doc is not None
    assert doc["kind"] == "audit"
    assert doc["summary"] == {"new": 5, "fixed": 8, "unchanged": 24}
    regions = {r["region"]: (r["new"], r["fixed"], r["unchanged"]) for r in doc["by_region"]}
    assert sum(v[0] for v in regions.values()) == 5
    assert set(regions) == {"miljoloftet", "bymiljopakken"}


def test_text_is_deterministic_and_norwegian(reports: dict[str, Path]) -> None:
    first = _diff(reports["check-2023"], reports["check-2025"])[2]
    assert first == _diff(reports["check-2023"], reports["check-2025"])[2]
    assert first.splitlines()[:4] == [
        "Endringer mellom to rapporter",
        f"Før: {reports['check-2023']} (per 2023-12-31)",
        f"Etter: {reports['check-2025']} (per 2025-12-31)",
        "5 nye, 15 rettet, 4 uendret",
    ]
    english = _diff(reports["check-2023"], reports["check-2025"], "--lang", "en")[2]
    assert english.splitlines()[3] == "5 new, 15 fixed, 4 unchanged"
    assert "New findings" in english and "Nye funn" not in english


def test_markdown_comment(reports: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "comment.md"
    code, _, stdout, _ = _diff(
        reports["check-2023"], reports["check-2025"], "-f", "markdown", "-o", out
    )
    assert code == 1 and stdout == ""
    text = out.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "### Endringer mellom to rapporter"
    assert "**5 nye, 15 rettet, 4 uendret**" in lines
    assert "| `SEK004` | 2 | 0 | 0 |" in lines
    assert "| `SEK013` |" not in text  # unchanged only: left out of the short table
    assert text.index("#### Nye funn (5)") < text.index("<details><summary>Rettede funn (15)")
    assert "| feil | miljoloftet | SEK004 | followups/OPF-2024-03 |" in text


def test_html_is_self_contained(reports: dict[str, Path]) -> None:
    page = _diff(reports["check-2023"], reports["check-2025"], "-f", "html")[2]
    assert page.startswith("<!DOCTYPE html>") and '<html lang="nb">' in page
    assert "<link" not in page and "src=" not in page and "http" not in page
    assert '<section id="new-findings"><h2>Nye funn</h2>' in page
    assert "<strong>5 nye, 15 rettet, 4 uendret</strong>" in page


def _finding(fingerprint: str, severity: str = "error", waived: bool = False) -> dict[str, Any]:
    return {
        "rule": "SEK001",
        "severity": severity,
        "subject": {"collection": "documents", "id": fingerprint},
        "message": "m",
        "fingerprint": fingerprint,
        "waived": waived,
    }


def _write(path: Path, doc: object) -> Path:
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_waived_and_lower_new_findings_do_not_fail(tmp_path: Path) -> None:
    old = _write(tmp_path / "old.json", check_doc([_finding("a")]))
    waived = _write(tmp_path / "w.json", check_doc([_finding("a"), _finding("b", waived=True)]))
    code, doc, _, _ = _diff(old, waived, "-f", "json")
    assert code == 0 and doc is not None and doc["summary"]["new"] == 1
    warning = _write(tmp_path / "v.json", check_doc([_finding("c", "warning")]))
    assert _diff(old, warning)[0] == 0
    assert _diff(old, warning, "--fail-on", "warning")[0] == 1
    code, doc, _, _ = _diff(old, warning, "-f", "json")
    assert doc is not None and doc["summary"] == {"new": 1, "fixed": 1, "unchanged": 0}


def test_a_mix_is_a_usage_error(reports: dict[str, Path]) -> None:
    code, _, stdout, stderr = _diff(reports["audit-2023"], reports["check-2025"])
    assert code == 2 and stdout == ""
    assert str(reports["audit-2023"]) in stderr and str(reports["check-2025"]) in stderr
    assert "audit-rapport" in stderr and "check-rapport" in stderr


@pytest.mark.parametrize(
    "content",
    ["{not json", json.dumps({"a": 1}), json.dumps([1, 2]), json.dumps(check_doc([{"rule": 1}]))],
)
def test_not_a_report_names_the_file(
    tmp_path: Path, reports: dict[str, Path], content: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    code, _, _, stderr = _diff(reports["check-2023"], bad)
    assert code == 2
    assert str(bad) in stderr and "Traceback" not in stderr


def test_missing_file_and_several_reports(tmp_path: Path, reports: dict[str, Path]) -> None:
    missing = tmp_path / "nope.json"
    code, _, _, stderr = _diff(missing, reports["check-2023"])
    assert code == 2
    assert stderr.strip() == f"secretariat-rules: feil: diff {missing}: filen finnes ikke"
    several = _write(tmp_path / "two.json", [check_doc([]), check_doc([])])
    code, _, _, stderr = _diff(several, reports["check-2023"])
    assert code == 2 and "two.json" in stderr and "flere" in stderr


def test_the_markdown_comment_shows_data_as_text(tmp_path: Path) -> None:
    """A finding's message and subject come from the data repository, and the comment is
    published: a link, image, HTML, table pipe or line break of theirs is shown as text."""
    planted = _finding("x<b>")
    planted["subject"] = {"collection": "documents", "id": "D|1\n# heading"}
    planted["message"] = "see [here](https://evil.example) ![i](https://evil.example/p.png) <img>"
    old = _write(tmp_path / "old.json", check_doc([]))
    new = _write(tmp_path / "new.json", check_doc([planted]))
    out = tmp_path / "comment.md"
    assert _diff(old, new, "-f", "markdown", "-o", out)[0] == 1
    text = out.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if "evil" in line)
    assert row == (
        "| feil | r | SEK001 | documents/D\\|1 \\# heading | see \\[here\\](https://evil.example)"
        " !\\[i\\](https://evil.example/p.png) &lt;img&gt; |"
    )
    assert "](https://" not in text.replace("\\](https://", "")  # no link, no image
