"""Ruleset overlays: extends, disable with reason, re-parameterise, severity, effective_from."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from builders import LATE_DOCUMENT as LATE
from secretariat_rules.testing import BASE_MANIFEST, Repo

RepoFactory = Callable[..., Repo]


def overlay(tmp_path: Path, body: str, name: str = "overlay") -> str:
    path = tmp_path / f"{name}.yaml"
    path.write_text(f"ruleset: {name}\nextends: national\nrules:\n{body}", encoding="utf-8")
    return str(path)


def check(repo: Repo, ruleset: str, *args: str) -> tuple[int, list[dict[str, object]]]:
    run = repo.check("--select", "SEK025", "--ruleset", ruleset, *args)
    return run.exit_code, run.findings


def test_reparameterised_rule_uses_the_new_value(
    secretariat_repo: RepoFactory, tmp_path: Path
) -> None:
    ruleset = overlay(
        tmp_path, "  - {id: SEK025, reason: 'ten days here', params: {archive_within_days: 10}}\n"
    )
    assert check(secretariat_repo(documents=[LATE]), ruleset) == (0, [])


def test_severity_override_and_modal_change(secretariat_repo: RepoFactory, tmp_path: Path) -> None:
    repo = secretariat_repo(documents=[LATE])
    severity = overlay(tmp_path, "  - {id: SEK025, reason: 'soft', severity: info}\n", "a")
    code, findings = check(repo, severity)
    assert code == 0 and findings[0]["severity"] == "info"
    modal = overlay(tmp_path, "  - {id: SEK025, reason: 'should, not shall', modal: bør}\n", "b")
    code, findings = check(repo, modal)
    assert code == 0 and findings[0]["severity"] == "warning"


def test_effective_from_reports_warnings_until_the_date(
    secretariat_repo: RepoFactory, tmp_path: Path
) -> None:
    repo = secretariat_repo(documents=[LATE])
    ruleset = overlay(
        tmp_path, "  - {id: SEK025, reason: 'announced', effective_from: 2025-07-01}\n"
    )
    code, findings = check(repo, ruleset)
    assert code == 0 and findings[0]["severity"] == "warning"
    code, findings = check(repo, ruleset, "--as-of", "2025-07-01")
    assert code == 1 and findings[0]["severity"] == "error"


def test_disabled_rule_is_reported_with_its_reason(
    secretariat_repo: RepoFactory, tmp_path: Path
) -> None:
    ruleset = overlay(tmp_path, "  - {id: SEK025, enabled: false, reason: 'archive moved'}\n")
    run = secretariat_repo(documents=[LATE]).check("--ruleset", ruleset, "--select", "SEK025")
    assert run.exit_code == 0 and run.findings == []
    rules = {r["id"]: r for r in run.report["rules"]}
    assert rules["SEK025"] == {"id": "SEK025", "status": "disabled", "reason": "archive moved"}


def test_a_change_without_reason_and_an_unknown_option_are_errors(
    secretariat_repo: RepoFactory, tmp_path: Path
) -> None:
    ruleset = overlay(
        tmp_path,
        "  - {id: SEK025, params: {archive_within_days: 3}}\n"
        "  - id: SEK013\n"
        "    reason: stricter\n"
        "    check: {kind: record, collection: channels, wher: [], require: []}\n",
    )
    run = secretariat_repo().check("--ruleset", ruleset)
    assert run.exit_code == 2
    assert f"{ruleset}:4" in run.stderr and "reason" in run.stderr
    assert f"{ruleset}:7" in run.stderr and "wher" in run.stderr


def test_extends_cycle_is_an_error(secretariat_repo: RepoFactory, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("ruleset: a\nextends: b.yaml\nrules: []\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("ruleset: b\nextends: a.yaml\nrules: []\n", encoding="utf-8")
    run = secretariat_repo().check("--ruleset", str(tmp_path / "a.yaml"))
    assert run.exit_code == 2 and "cycle" in run.stderr


def test_unknown_ruleset_name_lists_the_known(secretariat_repo: RepoFactory) -> None:
    run = secretariat_repo().check("--ruleset", "atlantis")
    assert run.exit_code == 2
    assert "ukjent regelsett 'atlantis'" in run.stderr and "bymiljopakken" in run.stderr


def test_manifest_ruleset_path_is_relative_to_the_repository(
    secretariat_repo: RepoFactory,
) -> None:
    text = (
        "ruleset: local\nextends: national\nrules:\n  - {id: SEK025, enabled: false, reason: x}\n"
    )
    repo = secretariat_repo(
        manifest={**BASE_MANIFEST, "ruleset": "rules/local.yaml"},
        files={"rules/local.yaml": text},
        documents=[LATE],
    )
    run = repo.check("--select", "SEK025")
    assert run.exit_code == 0, run.stderr
    assert run.report["ruleset"] == "local"
