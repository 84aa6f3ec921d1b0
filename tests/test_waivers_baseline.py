"""Waivers (SPEC §7) and baselines: adopting the gate gradually."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from builders import LATE_DOCUMENT as LATE
from secretariat_rules.api import load_attestations
from secretariat_rules.engine.waivers import load_waivers
from secretariat_rules.exceptions import ConfigurationError
from secretariat_rules.i18n.message import render_text
from secretariat_rules.testing import Repo, run_cli

RepoFactory = Callable[..., Repo]

LATE2 = {**LATE, "id": "D2"}


def waivers(*entries: str) -> str:
    return "".join(entries)


def entry(subject: str, expires: str = "2025-12-31", rule: str = "SEK025") -> str:
    return (
        f"- rule: {rule}\n"
        f"  subject: {subject}\n"
        "  reason: Arkivet ble byttet i mars\n"
        "  approved_by: V-2024-012\n"
        f"  expires: {expires}\n"
    )


def test_waived_finding_is_reported_as_waived_and_does_not_fail(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(documents=[LATE], files={"waivers.yaml": entry("documents/D1")})
    run = repo.check("--select", "SEK025")
    assert run.exit_code == 0
    [finding] = run.findings
    assert finding["waived"] is True
    report = run.report
    assert report["summary"]["waived"] == 1 and report["summary"]["error"] == 0
    assert {r["id"]: r["status"] for r in report["rules"]}["SEK025"] == "waived"


def test_glob_subject_waives_several(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(documents=[LATE, LATE2], files={"waivers.yaml": entry("documents/*")})
    run = repo.check("--select", "SEK025")
    assert run.exit_code == 0
    assert [f["waived"] for f in run.findings] == [True, True]


def test_expired_waiver_fails_again_and_says_why(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        documents=[LATE], files={"waivers.yaml": entry("documents/D1", expires="2025-06-29")}
    )
    run = repo.check("--lang", "en", "--select", "SEK025")
    assert run.exit_code == 1
    assert run.triples() == [
        ("SEK025", "documents/D1", ("documents.csv:2",)),
        ("WAV001", "waivers/SEK025:documents/D1", ("waivers.yaml:1",)),
    ]
    assert "expired on 2025-06-29" in run.findings[1]["message"]
    # valid through its expiry day
    same_day = secretariat_repo(
        documents=[LATE], files={"waivers.yaml": entry("documents/D1", expires="2025-06-30")}
    )
    assert same_day.check("--select", "SEK025").exit_code == 0


def test_waiver_matching_nothing_is_reported(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        documents=[LATE],
        files={"waivers.yaml": waivers(entry("documents/D1"), entry("documents/D9"))},
    )
    run = repo.check("--select", "SEK025")
    assert run.exit_code == 0
    assert run.triples()[-1] == ("WAV002", "waivers/SEK025:documents/D9", ("waivers.yaml:6",))


def test_waiver_of_a_rule_left_out_is_not_unused(secretariat_repo: RepoFactory) -> None:
    """WAV002 only for a waiver whose rule ran: not when --select or validate left it out."""
    repo = secretariat_repo(documents=[LATE], files={"waivers.yaml": entry("documents/D1")})
    selected = repo.check("--select", "SEK001", "--fail-on", "warning")
    assert selected.exit_code == 0 and selected.subjects("WAV002") == []
    ignored = repo.check("--ignore", "SEK025", "--fail-on", "warning")
    assert ignored.subjects("WAV002") == []
    validated = repo.cli("validate", "--format", "json", "--fail-on", "warning")
    assert validated.exit_code == 0 and validated.findings == []
    # a waiver of an unknown rule id (a typo) is still unused
    typo = secretariat_repo(
        documents=[LATE], files={"waivers.yaml": entry("documents/D1", rule="SEK099")}
    )
    run = typo.check("--select", "SEK025")
    assert run.triples()[-1] == ("WAV002", "waivers/SEK099:documents/D1", ("waivers.yaml:1",))


def test_unparseable_expiry_is_a_configuration_error(secretariat_repo: RepoFactory) -> None:
    text = entry("documents/D1").replace("2025-12-31", "snart")
    repo = secretariat_repo(documents=[LATE], files={"waivers.yaml": text})
    run = repo.check("--select", "SEK025")
    assert run.exit_code == 2
    assert "waivers.yaml:5" in run.stderr and "expires" in run.stderr


def test_missing_reason_is_a_configuration_error(secretariat_repo: RepoFactory) -> None:
    text = entry("documents/D1").replace("  reason: Arkivet ble byttet i mars\n", "")
    repo = secretariat_repo(documents=[LATE], files={"waivers.yaml": text})
    run = repo.check("--select", "SEK025")
    assert run.exit_code == 2 and "reason" in run.stderr


def _problems(load: Callable[[], object]) -> list[tuple[str, int | None, str, str]]:
    with pytest.raises(ConfigurationError) as info:
        load()
    return [
        (p.path, p.line, render_text(p.message, "nb"), render_text(p.message, "en"))
        for p in info.value.problems
    ]


def test_waivers_and_attestations_share_one_error_mapping(tmp_path: Path) -> None:
    """The same schema error reads the same, at its file:line, in either file."""
    (tmp_path / "waivers.yaml").write_text(
        entry("documents/D1", expires="2025-02-30") + "  signed: true\n", encoding="utf-8"
    )
    (tmp_path / "attestations.yaml").write_text(
        "- item: SEK101\n  answer: ja\n  date: 2025-02-30\n  signed: true\n", encoding="utf-8"
    )
    waived = _problems(lambda: load_waivers(tmp_path / "waivers.yaml", "waivers.yaml"))
    attested = _problems(lambda: load_attestations(tmp_path, None))
    bad_date = (
        "ugyldig verdi '2025-02-30': forventet en dato som 2024-03-01 eller 01.03.2024",
        "Value error, invalid value '2025-02-30': expected a date such as 2024-03-01 or 01.03.2024",
    )
    unknown = ("ukjent felt; det er ikke tillatt her", "Extra inputs are not permitted")
    assert waived == [
        ("waivers.yaml", 5, f"0.expires: {bad_date[0]}", f"0.expires: {bad_date[1]}"),
        ("waivers.yaml", 6, f"0.signed: {unknown[0]}", f"0.signed: {unknown[1]}"),
    ]
    assert attested == [
        ("attestations.yaml", 3, f"date: {bad_date[0]}", f"date: {bad_date[1]}"),
        ("attestations.yaml", 4, f"signed: {unknown[0]}", f"signed: {unknown[1]}"),
    ]


def test_waivers_and_attestations_yaml_errors_read_alike(tmp_path: Path) -> None:
    (tmp_path / "waivers.yaml").write_text("- rule: [SEK025\n", encoding="utf-8")
    (tmp_path / "attestations.yaml").write_text("- item: [SEK101\n", encoding="utf-8")
    errors = []
    for load in (
        lambda: load_waivers(tmp_path / "waivers.yaml", "waivers.yaml"),
        lambda: load_attestations(tmp_path, None),
    ):
        with pytest.raises(ConfigurationError) as info:
            load()
        errors.append(render_text(info.value.args[0], "nb"))
    assert errors[0].startswith("waivers.yaml:2: ugyldig YAML i unntaksfilen: ")
    assert errors[1].startswith("attestations.yaml:2: ugyldig YAML i egenerklæringsfilen: ")


def test_waivers_option_names_another_file(secretariat_repo: RepoFactory, tmp_path: Path) -> None:
    path = tmp_path / "team-waivers.yaml"
    path.write_text(entry("documents/D1"), encoding="utf-8")
    repo = secretariat_repo(documents=[LATE])
    assert repo.check("--select", "SEK025", "--waivers", str(path)).exit_code == 0
    assert repo.check("--select", "SEK025", "--waivers", str(tmp_path / "no.yaml")).exit_code == 2


def test_baseline_fails_only_on_new_findings(secretariat_repo: RepoFactory, tmp_path: Path) -> None:
    repo = secretariat_repo(documents=[LATE])
    baseline = tmp_path / "baseline.json"
    first = run_cli("check", repo.path, "--select", "SEK025", "-f", "json", "-o", baseline)
    assert first.exit_code == 1
    unchanged = repo.check("--select", "SEK025", "--baseline", str(baseline))
    assert unchanged.exit_code == 0
    assert unchanged.report["baseline"]["new"] == []

    grown = secretariat_repo(documents=[LATE, LATE2])
    grown_run = grown.check("--select", "SEK025", "--baseline", str(baseline))
    assert grown_run.exit_code == 1
    assert len(grown_run.report["baseline"]["new"]) == 1


def test_baseline_reports_fixed_findings(secretariat_repo: RepoFactory, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    run_cli(
        "check",
        secretariat_repo(documents=[LATE]).path,
        "--select",
        "SEK025",
        "-f",
        "json",
        "-o",
        baseline,
    )
    fixed = {**LATE, "archived": "2024-03-02"}
    run = secretariat_repo(documents=[fixed]).check(
        "--select", "SEK025", "--baseline", str(baseline)
    )
    assert run.exit_code == 0
    assert len(run.report["baseline"]["fixed"]) == 1
    text = run_cli(
        "check", secretariat_repo(documents=[fixed, LATE2]).path, "--select", "SEK025",
        "--baseline", baseline,
    )  # fmt: skip
    lines = text.output.splitlines()
    assert "  feil (ny)  SEK025 documents-archived (punkt 7a)  documents/D2" in lines
    assert lines[-4:] == [
        "Mot grunnlinjen: 1 nytt funn, 1 rettet",
        "Rettet siden grunnlinjen:",
        "  SEK025 documents/D1",
        "Funn – feil: 1, advarsler: 0, info: 0, unntatt: 0; Regler: 1 sjekket, 1 brutt",
    ]
    page = run_cli(
        "check", secretariat_repo(documents=[fixed, LATE2]).path, "--select", "SEK025",
        "--baseline", baseline, "-f", "html",
    ).output  # fmt: skip
    assert page.count('<span class="badge new">ny</span>') == 1
    assert (
        "<li class=baseline>Mot grunnlinjen: 1 nytt funn, 1 rettet (Rettet siden grunnlinjen: "
        "<code>SEK025 documents/D1</code>)</li>"
    ) in page
    text = run_cli(
        "check",
        secretariat_repo(documents=[fixed]).path,
        "--select",
        "SEK025",
        "--baseline",
        baseline,
        "--lang",
        "en",
    )
    assert "0 new findings, 1 fixed" in text.output


def test_bad_baseline_file_exits_2(secretariat_repo: RepoFactory, tmp_path: Path) -> None:
    bad = tmp_path / "b.json"
    bad.write_text("{not json", encoding="utf-8")
    assert secretariat_repo().check("--baseline", str(bad)).exit_code == 2
