"""The ``github`` format: GitHub Actions workflow commands (annotations), exact lines."""

from __future__ import annotations

import shutil
from pathlib import Path

from builders import REGION, finding
from secretariat_rules.findings import Finding, Location, Result, RuleOutcome, Severity
from secretariat_rules.reporters.base import ReportOptions
from secretariat_rules.reporters.github import (
    GithubReporter,
    annotation,
    escape_data,
    escape_property,
)
from secretariat_rules.testing import run_cli

ROOT = Path(__file__).resolve().parents[1]

FINDINGS = (
    # deliberately not in sorted order: the reporter sorts
    finding(
        "SEK013",
        "neutral-communication-platform",
        Severity.WARNING,
        "3e",
        "3",
        "channels/post@bergen.kommune.no",
        "Kanalen ligger på en parts domene.",
        Location("secretariat.yaml", 12),
    ),
    finding(
        "SEK008",
        "equal-information-access",
        Severity.ERROR,
        "1e",
        "1",
        "documents/d1",
        "Parten bergen fikk ikke dokumentet.",
        Location("documents.csv", 2),
        Location("distributions.csv", 4),
    ),
    finding(
        "SEK110",
        "neutral-mediation-on-request",
        Severity.INFO,
        "8a",
        "8",
        "attestations/SEK110",
        "Ingen gyldig attestasjon.",
    ),
    finding(
        "SEK025",
        "documents-archived",
        Severity.ERROR,
        "7a",
        "7",
        "documents/d1",
        "Dokumentet er ikke arkivert.",
        Location("documents.csv", 2),
        waiver="Arkivsystemet ble byttet i 2024",
    ),
    finding(
        "DAT005",
        "unknown-file",
        Severity.WARNING,
        "",
        "data",
        "files/notes.txt",
        "Filen notes.txt er ukjent.",
        Location("notes.txt"),
        baselined=True,
    ),
)

RULES = (
    RuleOutcome("SEK008", "equal-information-access", "failed", clause="1e", section="1"),
    RuleOutcome("SEK013", "neutral-communication-platform", "failed", severity=Severity.WARNING),
    RuleOutcome("SEK025", "documents-archived", "waived", clause="7a", section="7"),
    RuleOutcome("SEK110", "neutral-mediation-on-request", "failed", severity=Severity.INFO),
    RuleOutcome("SEK001", "meeting-prepared", "passed", clause="1b", section="1"),
)


def make_result(data_dir: str = ".", findings: tuple[Finding, ...] = FINDINGS) -> Result:
    return Result(
        tool_version="0.1.0",
        region=REGION,
        region_name="Miljøløftet",
        ruleset=REGION,
        as_of="2025-06-30",
        period_start="2024-01-01",
        period_end="2024-12-31",
        lang="nb",
        fail_on=Severity.ERROR,
        findings=findings,
        rules=RULES,
        data_dir=data_dir,
    )


def render(*results: Result, lang: str = "nb") -> list[str]:
    text = GithubReporter().render(list(results), ReportOptions(lang=lang))
    assert text.endswith("\n")
    return text.splitlines()


def test_one_workflow_command_per_unwaived_finding_then_a_summary() -> None:
    assert render(make_result()) == [
        "::notice file=notes.txt,title=DAT005 unknown-file (grunnlinje)::"
        "Filen notes.txt er ukjent.",
        "::error file=documents.csv,line=2,title=SEK008 equal-information-access::"
        "Parten bergen fikk ikke dokumentet.",
        "::warning file=secretariat.yaml,line=12,title=SEK013 neutral-communication-platform::"
        "Kanalen ligger på en parts domene.",
        "::notice file=secretariat.yaml,title=SEK110 neutral-mediation-on-request::"
        "Ingen gyldig attestasjon.",
        "secretariat-rules .: Funn – feil: 1, advarsler: 2, info: 1, unntatt: 1; "
        "Regler: 5 sjekket, 3 brutt",
    ]


def test_summary_in_english() -> None:
    lines = render(make_result(), lang="en")
    assert lines[0].endswith("title=DAT005 unknown-file (baseline)::Filen notes.txt er ukjent.")
    assert lines[-1] == (
        "secretariat-rules .: Findings – errors: 1, warnings: 2, info: 1, waived: 1; "
        "Rules: 5 checked, 3 failed"
    )


def test_paths_are_from_the_workspace_root_for_several_repositories() -> None:
    only = (FINDINGS[1],)
    lines = render(
        make_result("./data/bergen/", only), make_result("data//nord", only), make_result(".", only)
    )
    assert [line.split(",title=")[0] for line in lines[:3]] == [
        "::error file=data/bergen/documents.csv,line=2",
        "::error file=data/nord/documents.csv,line=2",
        "::error file=documents.csv,line=2",
    ]
    assert [line.split(":")[0] for line in lines[3:]] == [
        "secretariat-rules data/bergen",
        "secretariat-rules data/nord",
        "secretariat-rules .",
    ]


def test_file_values_worked_out_once_per_repository_are_the_same() -> None:
    odd = finding(
        "SEK025",
        "documents-archived",
        Severity.ERROR,
        "5",
        "5",
        "documents/d2",
        "Ikke arkivert.",
        Location("a:b,c/documents.csv", 3),
    )
    findings = [*FINDINGS, odd, *FINDINGS, odd]
    files: dict[str, str] = {}
    for data_dir in ("./data/bergen/", "."):
        files.clear()
        cached = [annotation(f, data_dir, "nb", files) for f in findings]
        assert cached == [annotation(f, data_dir, "nb") for f in findings]
    assert files["a:b,c/documents.csv"] == "a%3Ab%2Cc/documents.csv"


def test_escaping_of_message_and_properties() -> None:
    assert escape_data("100% ok\r\nnext: a, b") == "100%25 ok%0D%0Anext: a, b"
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"
    hostile = finding(
        "SEK008",
        "equal-information-access",
        Severity.ERROR,
        "1e",
        "1",
        "documents/d1",
        "50 % sendt,\nikke: alle\r\n::error::injected",
        Location("data, 2024:a/documents.csv", 3),
    )
    line = render(make_result(findings=(hostile,)))[0]
    assert line == (
        "::error file=data%2C 2024%3Aa/documents.csv,line=3,"
        "title=SEK008 equal-information-access::"
        "50 %25 sendt,%0Aikke: alle%0D%0A::error::injected"
    )


def test_a_newline_in_a_repository_name_starts_no_command() -> None:
    lines = render(make_result("x\n::error::boom", ()))
    assert lines == [
        "secretariat-rules x%0A::error::boom: Funn – feil: 0, advarsler: 0, info: 0, "
        "unntatt: 0; Regler: 5 sjekket, 3 brutt"
    ]


def test_deterministic() -> None:
    shuffled = make_result(findings=tuple(reversed(FINDINGS)))
    assert render(shuffled) == render(make_result())


def test_cli_format_and_report(tmp_path: Path) -> None:
    data = tmp_path / "repo"
    shutil.copytree(ROOT / "fixtures" / "miljoloftet", data)
    out = tmp_path / "annotations.txt"
    run = run_cli("check", data, "--format", "github", "--report", f"github={out}")
    assert run.exit_code == 1, run.stderr
    assert out.read_text(encoding="utf-8") == run.output
    lines = run.output.splitlines()
    assert lines[0] == (
        f"::error file={data.as_posix()}/documents.csv,line=9,"
        "title=SEK008 equal-information-access::Dokumentet DOK-2024-021 ble ikke gitt likt "
        "til alle parter: ikke sendt til alver, askoy, bjornafjorden, jbd, oygarden, sfv"
    )
    assert [line.split(" ")[0] for line in lines[:-1]] == [
        "::error", "::error", "::warning", "::error", "::error", "::error", "::error"
    ]  # fmt: skip
    assert lines[-1] == (
        f"secretariat-rules {data.as_posix()}: Funn – feil: 6, advarsler: 1, info: 0, "
        "unntatt: 0; Regler: 43 sjekket, 7 brutt"
    )


def test_audit_refuses_the_format(tmp_path: Path) -> None:
    data = tmp_path / "repo"
    shutil.copytree(ROOT / "fixtures" / "miljoloftet", data)
    run = run_cli("audit", data, "--format", "github")
    assert run.exit_code == 2
    assert "formatet 'github' kan ikke vise en revisjon" in run.stderr
