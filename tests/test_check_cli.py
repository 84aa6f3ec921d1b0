"""``check`` as people type it: default `.`, --quiet, the manifest's check: defaults,
--help with formats, exit codes and examples, shell completion, ``schema report``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml

from builders import LATE_DOCUMENT as LATE
from secretariat_rules.report_schema import report_schema
from secretariat_rules.testing import BASE_MANIFEST, Repo, run_cli

RepoFactory = Callable[..., Repo]
ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted(p.parent for p in (ROOT / "fixtures").glob("*/secretariat.yaml"))
MILJOLOFTET = ROOT / "fixtures" / "miljoloftet"


def with_check(**check: object) -> dict[str, object]:
    return {**BASE_MANIFEST, "check": check}


def test_check_defaults_to_the_current_directory(
    secretariat_repo: RepoFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = secretariat_repo(documents=[LATE])
    monkeypatch.chdir(repo.path)
    run = run_cli("check", "--select", "SEK025", "-q")
    assert run.exit_code == 1
    assert run.output == (
        ".: Funn – feil: 1, advarsler: 0, info: 0, unntatt: 0; Regler: 1 sjekket, 1 brutt\n"
    )


def test_quiet_prints_one_line_per_repository_and_still_writes_reports(
    secretariat_repo: RepoFactory, tmp_path: Path
) -> None:
    first, second = secretariat_repo(documents=[LATE]), secretariat_repo()
    junit = tmp_path / "junit.xml"
    args = ("--select", "SEK025", "--lang", "en", "-q", "--report", f"junit={junit}")
    run = run_cli("check", first.path, second.path, *args)
    assert run.exit_code == 1
    assert run.output.splitlines() == [
        f"{first.path.as_posix()}: Findings – errors: 1, warnings: 0, info: 0, waived: 0; "
        "Rules: 1 checked, 1 failed",
        f"{second.path.as_posix()}: Findings – errors: 0, warnings: 0, info: 0, waived: 0; "
        "Rules: 1 checked, 0 failed",
    ]
    assert junit.read_text(encoding="utf-8").count("<testsuite ") == 2


def test_manifest_check_section_sets_defaults(secretariat_repo: RepoFactory) -> None:
    manifest = with_check(
        fail_on="never", lang="en", select="SEK025, SEK001", reports={"junit": "out/junit.xml"}
    )
    repo = secretariat_repo(manifest=manifest, documents=[LATE])
    run = run_cli("check", repo.path)
    assert run.exit_code == 0  # fail_on: never
    assert "  error  SEK025 documents-archived (clause 7a)  documents/D1" in run.output
    assert run.output.splitlines()[-3:] == [
        "40 rules not selected (--select/--ignore)",
        "",
        "Findings – errors: 1, warnings: 0, info: 0, waived: 0; Rules: 2 checked, 1 failed",
    ]
    junit = (repo.path / "out" / "junit.xml").read_text(encoding="utf-8")
    assert junit.count("<failure ") == 0 and junit.count("<skipped ") == 40  # fail_on: never
    # options on the command line win; --select replaces the manifest's selection
    override = run_cli("check", repo.path, "--fail-on", "error", "--lang", "nb", "-q")
    assert override.exit_code == 1 and override.output.endswith("Regler: 2 sjekket, 1 brutt\n")
    selected = repo.check("--select", "SEK001")
    assert [r["id"] for r in selected.report["rules"] if r["status"] != "disabled"] == ["SEK001"]
    # validate runs the DAT rules whatever the manifest selects, and writes no reports
    (repo.path / "out" / "junit.xml").unlink()
    assert run_cli("validate", repo.path, "-q").output.endswith("Rules: 8 checked, 0 failed\n")
    assert not (repo.path / "out" / "junit.xml").exists()


@pytest.mark.parametrize(
    ("check", "line", "expected"),
    [
        ({"fail_on": "sometimes"}, 1, "check.fail_on: Input should be"),
        ({"colour": True}, 1, "check.colour: Extra inputs are not permitted"),
        (
            {"reports": {"json": "../out.json"}},
            2,
            "check.reports.json: Value error, ../out.json leaves",
        ),
        (
            {"reports": {"json": "/x.json"}},
            2,
            "check.reports.json: Value error, /x.json is absolute",
        ),
        ({"reports": {"xml": "out.xml"}}, 2, "check.reports: unknown format 'xml' (known: "),
    ],
)
@pytest.mark.usefixtures("english")  # the messages asserted are the English ones
def test_manifest_check_section_errors_have_file_and_line(
    secretariat_repo: RepoFactory, check: dict[str, object], line: int, expected: str
) -> None:
    repo = secretariat_repo(manifest=with_check(**check))
    text = (repo.path / "secretariat.yaml").read_text(encoding="utf-8").splitlines()
    section = text.index("check:") + 1  # its line; ``line`` counts from it
    run = run_cli("check", repo.path)
    assert run.exit_code == 2
    assert f"secretariat.yaml:{section + line}: {expected}" in run.stderr


def test_the_manifests_own_reports_are_not_unknown_files_next_run(
    secretariat_repo: RepoFactory,
) -> None:
    """``check.reports`` at the repository's root: the second run does not warn (DAT005)
    about the files the first one wrote, so both write the same reports."""
    manifest = with_check(reports={"json": "report.json", "sarif": "results.sarif"})
    repo = secretariat_repo(manifest=manifest, documents=[LATE])
    first = run_cli("check", repo.path, "-q")
    assert first.exit_code == 1
    written = (repo.path / "report.json").read_bytes()
    second = run_cli("check", repo.path, "-q")
    assert second.output == first.output
    assert (repo.path / "report.json").read_bytes() == written
    rules = {f["rule"] for f in json.loads(written)["findings"]}
    assert "DAT005" not in rules


@pytest.mark.usefixtures("english")
def test_a_manifest_report_that_cannot_be_written_is_named(secretariat_repo: RepoFactory) -> None:
    """A file in the way of ``check.reports``' directory: exit 2 naming it, not exit 3."""
    repo = secretariat_repo(manifest=with_check(reports={"junit": "notes.txt/junit.xml"}))
    (repo.path / "notes.txt").write_text("x", encoding="utf-8")
    run = run_cli("check", repo.path, "-q")
    assert run.exit_code == 2
    target = repo.path / "notes.txt" / "junit.xml"
    assert run.stderr.strip() == f"secretariat-rules: error: cannot write {target}: File exists"


@pytest.mark.usefixtures("english")
def test_manifest_selector_that_matches_no_rule_is_named_at_its_line(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(manifest=with_check(select=["SEK025"], ignore=["SEK9"]))
    text = (repo.path / "secretariat.yaml").read_text(encoding="utf-8").splitlines()
    line = text.index("  ignore:") + 1
    run = run_cli("check", repo.path)
    assert run.exit_code == 2
    assert f"secretariat.yaml:{line}: check.ignore: SEK9: no rule id starts with 'SEK9'" in (
        run.stderr
    )
    # the same selector on the command line is the option's error
    assert "--ignore SEK9:" in run_cli("check", repo.path, "--ignore", "SEK9").stderr


@pytest.mark.usefixtures("english")
def test_report_path_through_a_link_out_of_the_repository_is_refused(
    secretariat_repo: RepoFactory, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    repo = secretariat_repo(manifest=with_check(reports={"json": "out/report.json"}))
    (repo.path / "out").symlink_to(outside)
    run = run_cli("check", repo.path)
    assert run.exit_code == 2 and "resolves outside the data repository" in run.stderr
    assert list(outside.iterdir()) == []


def test_manifest_schema_describes_the_check_section() -> None:
    schema = json.loads(run_cli("schema", "manifest").output)
    check = schema["$defs"]["CheckDefaults"]["properties"]
    assert set(check) == {"fail_on", "lang", "select", "ignore", "reports"}
    jsonschema.validate(
        yaml.safe_load(yaml.safe_dump(with_check(fail_on="warning", reports={"sarif": "a.sarif"}))),
        schema,
    )


def test_help_lists_formats_exit_codes_and_examples_in_bokmal_by_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SECRETARIAT_RULES_LANG", raising=False)
    text = run_cli("check", "--help").output
    assert text.startswith("Bruk: ")
    assert "Kjør et regelsett på ett eller flere datarepositorier" in text
    assert "\nValg:\n" in text and "Vis denne hjelpeteksten og avslutt." in text
    assert "Formater (--format, --report FORMAT=STI): text, json, junit, sarif, markdown," in text
    assert "Avslutningskoder: 0 ingen funn på eller over --fail-on; 1 slike funn; 2 en feil" in text
    assert "secretariat-rules check data --report junit=junit.xml --report sarif=report.sarif" in (
        text
    )
    assert "SECRETARIAT_RULES_LANG" in text
    assert "[standard: text]" in " ".join(text.split())  # click's own "default" too
    top = run_cli("--help").output
    assert "Sjekk sekretariatene for byvekstavtalene mot retningslinjene deres." in top
    assert "\nKommandoer:\n" in top and "Vis versjonen og avslutt." in top
    assert "miljøvariabelen SECRETARIAT_RULES_LANG" in top
    assert 'eval "$(_SECRETARIAT_RULES_COMPLETE=bash_source secretariat-rules)"' in top


def english_help(*args: str) -> str:
    """``--help`` of ``args`` checked to be English."""
    text = run_cli(*args, "--help").output
    assert text.startswith("Usage: ") and "\nOptions:\n" in text
    assert "Show this message and exit." in text and "Bruk:" not in text
    return text


@pytest.mark.parametrize("how", ["env", "--lang en", "--lang=en"])
def test_help_lists_formats_exit_codes_and_examples_in_english(
    how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    given: tuple[str, ...] = ()
    if how == "env":
        monkeypatch.setenv("SECRETARIAT_RULES_LANG", "en")
    else:
        given = tuple(how.replace("=", " ").split())
    text = english_help("check", *given)
    assert "Run a ruleset on one or more data repositories" in text
    assert (
        "Formats (--format, --report FORMAT=PATH): text, json, junit, sarif, markdown, html,"
        in (text)
    )
    assert "Exit codes: 0 no finding at or above --fail-on; 1 such findings; 2 a usage or" in text
    assert "secretariat-rules check data --report junit=junit.xml --report sarif=report.sarif" in (
        text
    )
    assert "[default: text]" in " ".join(text.split())
    top = english_help(*given)
    assert "Check urban growth agreement secretariats against their guidelines." in top
    assert "\nCommands:\n" in top and "Show the version and exit." in top
    assert "SECRETARIAT_RULES_LANG environment variable" in top
    assert 'eval "$(_SECRETARIAT_RULES_COMPLETE=bash_source secretariat-rules)"' in top
    if how == "env":  # --lang wins over the environment
        assert run_cli("check", "--lang", "nb", "--help").output.startswith("Bruk: ")


@pytest.mark.parametrize(
    ("value", "english"),
    [
        ("en_US.UTF-8", True),
        ("EN", True),
        ("english", True),
        ("nb_NO.UTF-8", False),
        ("no", False),
        ("C.UTF-8", False),  # a container's locale names no language: bokmål, quietly
        ("POSIX", False),
    ],
)
def test_the_language_variable_takes_locale_names(
    value: str, english: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``SECRETARIAT_RULES_LANG=$LANG`` works: a locale name names its language."""
    monkeypatch.setenv("SECRETARIAT_RULES_LANG", value)
    run = run_cli("check", MILJOLOFTET, "-q")
    assert run.stderr == ""
    assert ("Findings – errors" if english else "Funn – feil") in run.output


@pytest.mark.parametrize("value", ["de", "engelsk", "fr_FR.UTF-8"])
def test_a_language_variable_naming_no_language_is_said_once(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not silently bokmål: one warning line on stderr, and the run goes on in bokmål;
    ``--lang`` (which the variable does not override) keeps it quiet."""
    monkeypatch.setenv("SECRETARIAT_RULES_LANG", value)
    run = run_cli("check", MILJOLOFTET, "-q")
    assert run.exit_code == 1 and "Funn – feil" in run.output
    assert run.stderr.splitlines() == [
        f"secretariat-rules: advarsel: SECRETARIAT_RULES_LANG={value!r} er verken nb eller en;"
        " bruker nb"
    ]
    assert run_cli("--lang", "en", "check", MILJOLOFTET, "-q").stderr == ""


def test_help_language_does_not_leak_between_invocations(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SECRETARIAT_RULES_LANG", raising=False)
    assert run_cli("check", "--lang", "en", "--help").output.startswith("Usage: ")
    assert run_cli("check", "--help").output.startswith("Bruk: ")
    assert run_cli("audit", "--lang", "en", "--help").output.startswith("Usage: ")
    assert run_cli("pull", "einnsyn", "--help").output.startswith("Bruk: ")


def test_an_error_of_a_run_is_in_its_language(
    secretariat_repo: RepoFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SECRETARIAT_RULES_LANG", raising=False)
    repo = secretariat_repo()
    english = run_cli("check", repo.path, "--lang", "en", "--as-of", "yesterday")
    assert english.exit_code == 2
    assert english.stderr == (
        "secretariat-rules: error: --as-of 'yesterday': expected a date such as 2025-06-30 "
        "or 30.06.2025\n"
    )
    bokmal = run_cli("check", repo.path, "--as-of", "yesterday")
    assert bokmal.exit_code == 2
    assert bokmal.stderr == (
        "secretariat-rules: feil: --as-of 'yesterday': forventet en dato som 2025-06-30 "
        "eller 30.06.2025\n"
    )
    monkeypatch.setenv("SECRETARIAT_RULES_LANG", "en")
    assert run_cli("check", repo.path, "--period", "2025..2024").stderr == (
        "secretariat-rules: error: --period '2025..2024': start is after end\n"
    )


def test_an_error_after_the_manifest_is_read_is_in_its_check_lang(
    secretariat_repo: RepoFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SECRETARIAT_RULES_LANG", raising=False)
    repo = secretariat_repo(manifest=with_check(lang="en"))
    run = run_cli("check", repo.path, "--select", "sek025")
    assert run.exit_code == 2
    assert run.stderr == (
        "secretariat-rules: error: rule id 'sek025': ids are matched as written; "
        "did you mean 'SEK025'?\n"
    )
    told = run_cli("check", repo.path, "--select", "sek025", "--lang", "nb")
    assert told.stderr.startswith("secretariat-rules: feil: regel-id 'sek025': ")


def test_cli_messages_render_in_both_languages() -> None:
    from secretariat_rules.i18n.message import msg

    failed = msg("cli.write.failed", path="r.json", reason=msg("cli.write.no_reader"))
    assert failed.render("nb") == "kan ikke skrive r.json: ingen prosess leser fra den"
    assert failed.render("en") == "cannot write r.json: no process is reading it"
    crashed = msg("cli.audit.crashed", count=1, env="X")
    assert crashed.render("nb").startswith("secretariat-rules: intern feil i 1 region (krasjet).")
    assert (
        msg("cli.audit.crashed", count=2, env="X")
        .render("nb")
        .startswith("secretariat-rules: intern feil i 2 regioner (krasjet).")
    )
    assert crashed.render("en").startswith("secretariat-rules: internal error in 1 region(s)")


def test_shell_completion_as_documented() -> None:
    exe = Path(sys.executable).with_name("secretariat-rules")
    env = {**os.environ, "_SECRETARIAT_RULES_COMPLETE": "bash_source"}
    done = subprocess.run([str(exe)], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert "_secretariat_rules_completion()" in done.stdout
    env = {
        **os.environ,
        "_SECRETARIAT_RULES_COMPLETE": "bash_complete",
        "COMP_WORDS": "secretariat-rules che",
        "COMP_CWORD": "1",
    }
    done = subprocess.run([str(exe)], env=env, capture_output=True, text=True, check=False)
    assert done.stdout.splitlines() == ["plain,check"]


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_json_reports_of_every_fixture_validate_against_schema_report(
    fixture: Path, tmp_path: Path
) -> None:
    schema = json.loads(run_cli("schema", "report").output)
    assert schema == report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    baseline = tmp_path / "baseline.json"
    run_cli("check", fixture, "-f", "json", "-o", baseline, "--select", "SEK02")
    run = run_cli("check", fixture, "-f", "json", "--baseline", baseline)
    assert run.report["baseline"]["fixed"] == []
    jsonschema.validate(run.report, schema, format_checker=checker)
    several = run_cli("check", fixture, fixture, "-f", "json")
    jsonschema.validate(several.report, schema, format_checker=checker)
    broken = {**run.report, "findings": [{**run.report["findings"][0], "extra": 1}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
