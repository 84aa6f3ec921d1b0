"""The command line: exit codes, formats, several outputs, determinism, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from builders import LATE_DOCUMENT as LATE_DOC
from secretariat_rules.testing import BASE_MANIFEST, Repo, run_cli

pytestmark = pytest.mark.usefixtures("english")  # the messages asserted are the English ones

RepoFactory = Callable[..., Repo]


def test_exit_0_when_clean_and_1_with_findings(secretariat_repo: RepoFactory) -> None:
    assert secretariat_repo().check("--select", "SEK025").exit_code == 0
    assert secretariat_repo(documents=[LATE_DOC]).check("--select", "SEK025").exit_code == 1


def test_fail_on_never_and_warning(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(documents=[LATE_DOC])
    assert repo.check("--fail-on", "never").exit_code == 0
    manifest = {
        **BASE_MANIFEST,
        "channels": [{"kind": "web", "address": "https://www.vegvesen.no/x"}],
    }
    warn = secretariat_repo(manifest=manifest)
    assert warn.check("--select", "SEK013").exit_code == 0
    assert warn.check("--select", "SEK013", "--fail-on", "warning").exit_code == 1


def test_missing_directory_exits_2_with_one_message(tmp_path: Path) -> None:
    run = run_cli("check", tmp_path / "nope")
    assert run.exit_code == 2
    assert "does not exist" in run.stderr
    assert "Traceback" not in run.stderr + run.output


def test_invalid_manifest_exits_2_with_line(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        manifest={**BASE_MANIFEST, "parties": [{"id": "x", "name": "X", "kind": "land"}]}
    )
    run = repo.check()
    assert run.exit_code == 2
    assert "secretariat.yaml:" in run.stderr and "parties.0.kind" in run.stderr


def test_broken_ruleset_exits_2_with_every_problem(
    secretariat_repo: RepoFactory, tmp_path: Path
) -> None:
    ruleset = tmp_path / "broken.yaml"
    ruleset.write_text(
        "ruleset: broken\n"
        "extends: national\n"
        "rules:\n"
        "  - id: SEK025\n"
        "    enabled: false\n"
        "  - id: SEK900\n"
        "    name: Bad Name\n",
        encoding="utf-8",
    )
    run = secretariat_repo().check("--ruleset", str(ruleset))
    assert run.exit_code == 2
    assert f"{ruleset}:4" in run.stderr  # the disabled rule lacks a reason
    assert f"{ruleset}:7" in run.stderr  # name is not kebab-case
    assert "Traceback" not in run.stderr


def test_unknown_format_and_selector_exit_2(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo()
    assert repo.check("--format", "docx").exit_code == 2
    run = repo.check("--select", "SEK999")
    assert run.exit_code == 2 and "SEK999" in run.stderr
    assert run_cli("check", repo.path, "--as-of", "yesterday").exit_code == 2


def test_several_formats_in_one_run(secretariat_repo: RepoFactory, tmp_path: Path) -> None:
    repo = secretariat_repo(documents=[LATE_DOC])
    junit, report = tmp_path / "out" / "r.xml", tmp_path / "r.json"
    run = run_cli(
        "check",
        repo.path,
        "--select",
        "SEK025",
        "--format",
        "json",
        "--output",
        report,
        "--report",
        f"junit={junit}",
        "--report",
        f"text={tmp_path / 'r.txt'}",
    )
    assert run.exit_code == 1
    assert json.loads(report.read_text())["findings"][0]["rule"] == "SEK025"
    assert "<testsuite" in junit.read_text()
    assert "SEK025" in (tmp_path / "r.txt").read_text()


def test_reports_are_byte_identical(secretariat_repo: RepoFactory, tmp_path: Path) -> None:
    repo = secretariat_repo(documents=[LATE_DOC])
    outputs = []
    for n in range(2):
        for fmt in ("json", "junit", "text"):
            path = tmp_path / f"{n}.{fmt}"
            run_cli("check", repo.path, "--format", fmt, "--output", path)
            outputs.append(path.read_bytes())
    assert outputs[:3] == outputs[3:]


def test_as_of_and_period_override_the_manifest(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(documents=[LATE_DOC])
    assert repo.check("--select", "SEK025", "--as-of", "2024-03-05").exit_code == 0  # not due
    assert repo.check("--select", "SEK025", "--period", "2023").exit_code == 0  # not in period
    report = repo.check("--period", "2024-02-01..2024-03-31").report
    assert report["period"] == {"start": "2024-02-01", "end": "2024-03-31"}


def test_lang_en(secretariat_repo: RepoFactory) -> None:
    run = run_cli(
        "check", secretariat_repo(documents=[LATE_DOC]).path, "--lang", "en", "--no-color"
    )
    assert "archived 2024-03-09, more than 5 days" in run.output
    assert "\x1b[" not in run.output


def test_python_m_entry_point(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "secretariat_rules",
            "check",
            str(repo.path),
            "-f",
            "json",
            "--select",
            "DAT",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["region"] == "testregion"


def test_plugins_command_lists_builtins() -> None:
    run = run_cli("plugins")
    assert run.exit_code == 0
    assert "secretariat_rules.sources.canonical: source adapter canonical" in run.output
    assert "reporter junit" in run.output


def test_check_that_cannot_be_evaluated_is_reported_before_running(
    secretariat_repo: RepoFactory, tmp_path: Path
) -> None:
    rule = (
        "  - id: XYZ00{n}\n    name: bad-{n}\n    clause: 1a\n    modal: skal\n"
        "    title: {{nb: t, en: t}}\n    message: {{nb: m, en: m}}\n    guideline: g\n"
        "    check:\n      kind: record\n      collection: {collection}\n"
        "      require: [{{that: {that}, reason: {{nb: r, en: r}}}}]\n"
    )
    ruleset = tmp_path / "bad.yaml"
    ruleset.write_text(
        "ruleset: bad\nrules:\n"
        + rule.format(n=1, collection="nope", that="{field: id, present: true}")
        + rule.format(n=2, collection="meetings", that="{field: body.nonsense, eq: 1}")
        + rule.format(
            n=3, collection="meetings", that="{field: date, gt: {field: secretariat_present}}"
        ),
        encoding="utf-8",
    )
    run = secretariat_repo().check("--ruleset", str(ruleset))
    assert run.exit_code == 2
    assert f"{ruleset}:10: rule XYZ001: unknown collection 'nope'" in run.stderr
    assert f"{ruleset}:21: rule XYZ002: bodies has no field 'nonsense'" in run.stderr
    assert f"{ruleset}:32: rule XYZ003:" in run.stderr
    assert "Traceback" not in run.stderr


def test_unwritable_output_is_a_clean_error(secretariat_repo: RepoFactory, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    run = secretariat_repo().check("--select", "DAT", "--output", str(blocker / "r.json"))
    assert run.exit_code == 2
    assert "cannot write" in run.stderr and "Traceback" not in run.stderr


def test_period_as_a_range_of_years(secretariat_repo: RepoFactory) -> None:
    report = secretariat_repo().check("--select", "DAT", "--period", "2023..2024").report
    assert report["period"] == {"start": "2023-01-01", "end": "2024-12-31"}
    run = secretariat_repo().check("--period", "2025..2024")
    assert run.exit_code == 2 and "start is after end" in run.stderr


def test_previous_report_survives_a_failed_run(
    secretariat_repo: RepoFactory, tmp_path: Path
) -> None:
    out = tmp_path / "r.json"
    repo = secretariat_repo()
    assert repo.check("--select", "DAT", "--output", str(out)).exit_code == 0
    before = out.read_bytes()
    assert repo.check("--select", "SEK999", "--output", str(out)).exit_code == 2
    assert out.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".r.json")]


def test_org_number_written_with_spaces_is_accepted(secretariat_repo: RepoFactory) -> None:
    manifest = {**BASE_MANIFEST}
    manifest["parties"] = [{**BASE_MANIFEST["parties"][0], "org_number": "964 338 531"}]
    assert secretariat_repo(manifest=manifest).check("--select", "DAT").exit_code == 0


def test_manifest_dates_in_norwegian_notation(secretariat_repo: RepoFactory) -> None:
    manifest = {
        **BASE_MANIFEST,
        "as_of": "30.06.2025",
        "period": {"start": "01.01.2024", "end": "31.12.2024"},
    }
    report = secretariat_repo(manifest=manifest).check("--select", "DAT").report
    assert report["as_of"] == "2025-06-30"
    assert report["period"] == {"start": "2024-01-01", "end": "2024-12-31"}
    bad = secretariat_repo(manifest={**BASE_MANIFEST, "as_of": "31.06.2025"}).check()
    assert bad.exit_code == 2 and "secretariat.yaml:" in bad.stderr
