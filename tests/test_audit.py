"""The cross-region audit: matrices, compliance, tailoring, broken regions, the command."""

from __future__ import annotations

import copy
import json
import pickle
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import click.testing
import pytest
import xmlschema

from secretariat_rules import audit as audit_module
from secretariat_rules.audit import Audit, Cell, Compliance, run_audit
from secretariat_rules.plugins import load_registry
from secretariat_rules.reporters.base import ReportOptions, audit_renderer
from secretariat_rules.reporters.html import HtmlReporter
from secretariat_rules.reporters.text import TextReporter
from secretariat_rules.testing import BASE_MANIFEST, run_cli, write_repo

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
BYMILJOPAKKEN = FIXTURES / "bymiljopakken"
MILJOLOFTET = FIXTURES / "miljoloftet"
JUNIT_XSD = Path(__file__).parent / "data" / "junit.xsd"


@pytest.fixture(scope="module")
def fixture_audit() -> Audit:
    """The two hand-checked fixtures, in this order, audited in this process."""
    registry = load_registry(load_entry_points=False)
    return run_audit([BYMILJOPAKKEN, MILJOLOFTET], jobs=1, registry=registry)


def broken_repo(root: Path) -> Path:
    """A data repository whose manifest is invalid (no region, a party of unknown kind)."""
    root.mkdir(parents=True)
    (root / "secretariat.yaml").write_text(
        "name: Ødelagt\nparties:\n  - {id: x, name: X, kind: kommunen}\n", encoding="utf-8"
    )
    return root


def audit_cli(*args: str | Path) -> tuple[int, str, str]:
    run = run_cli("--no-plugin-autoload", "audit", *args)
    return run.exit_code, run.output, run.stderr


# --------------------------------------------------------------------------- the matrix


def test_regions_keep_the_order_given(fixture_audit: Audit) -> None:
    assert [r.id for r in fixture_audit.regions] == ["bymiljopakken", "miljoloftet"]
    assert [r.status for r in fixture_audit.regions] == ["ok", "ok"]
    assert [r.ruleset for r in fixture_audit.regions] == ["bymiljopakken", "miljoloftet"]
    assert [row.region for row in fixture_audit.own.rows] == ["bymiljopakken", "miljoloftet"]


def test_sek006_exists_only_in_bymiljopakkens_own_ruleset(fixture_audit: Audit) -> None:
    national_ids = [rule.id for rule in fixture_audit.national.rules]
    assert "SEK006" not in national_ids  # not in the national baseline at all
    assert fixture_audit.national.cell("bymiljopakken", "SEK006") is None
    assert fixture_audit.own.cell("bymiljopakken", "SEK006") == Cell("failed", 2)
    assert fixture_audit.own.cell("miljoloftet", "SEK006") == Cell("absent")


def test_sek027_only_miljoloftet(fixture_audit: Audit) -> None:
    assert fixture_audit.own.cell("miljoloftet", "SEK027") == Cell("failed", 1)
    assert fixture_audit.own.cell("bymiljopakken", "SEK027") == Cell("absent")
    assert "SEK027" not in [rule.id for rule in fixture_audit.national.rules]


def test_cells_under_both_rulesets(fixture_audit: Audit) -> None:
    for matrix in fixture_audit.matrices:
        assert matrix.cell("miljoloftet", "SEK013") == Cell("failed", 1)
        assert matrix.cell("miljoloftet", "SEK019") == Cell("failed", 1)
        assert matrix.cell("bymiljopakken", "SEK013") == Cell("passed")
        assert matrix.cell("bymiljopakken", "SEK018") == Cell(
            "not_applicable", reason="ingenting å sjekke"
        )
        assert matrix.cell("miljoloftet", "DAT001") == Cell("passed")
    # The matrix columns are every rule of the ruleset, in id order.
    ids = [rule.id for rule in fixture_audit.own.rules]
    assert ids == sorted(ids)
    assert {"DAT001", "SEK006", "SEK007", "SEK027", "SEK110"} <= set(ids)


def test_compliance_per_rule_and_per_region(fixture_audit: Audit) -> None:
    own = fixture_audit.own
    by_rule = dict(zip([r.id for r in own.rules], own.by_rule, strict=True))
    assert by_rule["SEK013"] == Compliance(passing=1, assessed=2)
    assert by_rule["SEK013"].percent() == "50 %"
    assert by_rule["SEK006"] == Compliance(passing=0, assessed=1)  # absent in miljoloftet
    assert by_rule["SEK018"] == Compliance(passing=0, assessed=0)  # not applicable anywhere
    assert by_rule["SEK018"].share is None and by_rule["SEK018"].percent() == "–"
    rows = {row.region: row for row in own.rows}
    # Guideline rules only: bymiljopakken fails only SEK006 of its 35 assessed rules.
    assert rows["bymiljopakken"].compliance == Compliance(passing=34, assessed=35)
    # Miljøløftet fails SEK008, 009, 013, 019, 025, 026, 027.
    miljoloftet = rows["miljoloftet"].compliance
    assert miljoloftet is not None
    assert miljoloftet.assessed - miljoloftet.passing == 7


def test_failing_is_judged_against_the_own_ruleset(fixture_audit: Audit) -> None:
    assert [r.id for r in fixture_audit.failing] == ["bymiljopakken", "miljoloftet"]
    bymiljopakken = fixture_audit.regions[0]
    assert bymiljopakken.national is not None and not bymiljopakken.national.failing


def test_tailoring_register_comes_from_reference(fixture_audit: Audit) -> None:
    by_region = {r.id: r.tailoring for r in fixture_audit.regions}
    added = {(t.rule, t.layer) for t in by_region["bymiljopakken"] if t.action == "added"}
    assert added == {("SEK006", "bymiljopakken"), ("SEK007", "bymiljopakken")}
    reworded = [t for t in by_region["bymiljopakken"] if t.rule == "SEK008"]
    assert [t.action for t in reworded] == ["reworded"]
    assert [(d.attribute, d.old, d.new) for d in reworded[0].differences] == [
        ("clause", "1e", "1f")
    ]
    miljoloftet = {(t.rule, t.action) for t in by_region["miljoloftet"]}
    assert ("SEK027", "added") in miljoloftet
    assert ("SEK018", "reparameterised") in miljoloftet


def test_a_disabled_rule_shows_its_reason(tmp_path: Path) -> None:
    ruleset = (
        "ruleset: local\nextends: national\nrules:\n"
        "  - {id: SEK013, enabled: false, reason: 'the web site is run by the county'}\n"
    )
    manifest = copy.deepcopy(BASE_MANIFEST)
    manifest["ruleset"] = "local.yaml"  # a manifest's ruleset path lies inside the repository
    repo = write_repo(tmp_path / "local", manifest, {"local.yaml": ruleset})
    result = run_audit([repo], jobs=1, registry=load_registry(load_entry_points=False))
    reason = "the web site is run by the county"
    assert result.own.cell("testregion", "SEK013") == Cell("disabled", reason=reason)
    assert result.national.cell("testregion", "SEK013") == Cell("passed")
    [item] = [t for t in result.regions[0].tailoring if t.rule == "SEK013"]
    assert (item.action, item.layer) == ("disabled", "local")
    assert item.reason is not None
    assert (item.reason.get("nb"), item.reason.get("en")) == (reason, reason)
    options = ReportOptions(lang="en")
    text = TextReporter().render_audit(result, options)
    assert f"SEK013 testregion: {reason}" in text
    page = HtmlReporter().render_audit(result, options)
    assert f'title="SEK013 neutral-communication-platform: disabled: {reason}"' in page


# --------------------------------------------------------------------------- broken regions


def test_a_broken_region_is_reported_and_the_others_still_run(tmp_path: Path) -> None:
    broken = broken_repo(tmp_path / "oedelagt")
    result = run_audit(
        [MILJOLOFTET, broken, BYMILJOPAKKEN],
        jobs=1,
        registry=load_registry(load_entry_points=False),
    )
    assert [(r.id, r.status) for r in result.regions] == [
        ("miljoloftet", "ok"),
        ("oedelagt", "broken"),
        ("bymiljopakken", "ok"),
    ]
    region = result.regions[1]
    assert region.message and "secretariat.yaml" in region.message
    assert region.traceback is None and not region.crashed
    assert result.own.rows[1].cells is None and result.own.rows[1].compliance is None
    assert result.own.cell("bymiljopakken", "SEK006") == Cell("failed", 2)


@pytest.mark.usefixtures("english")  # English messages asserted
def test_a_crash_is_a_crashed_region_with_its_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    original = audit_module.check_dataset

    def crashing(dataset: Any, ruleset: Any, **kwargs: Any) -> Any:
        if dataset.manifest.region == "miljoloftet":
            raise ZeroDivisionError("planted")
        return original(dataset, ruleset, **kwargs)

    monkeypatch.setattr(audit_module, "check_dataset", crashing)
    result = run_audit(
        [MILJOLOFTET, BYMILJOPAKKEN], jobs=1, registry=load_registry(load_entry_points=False)
    )
    crashed, fine = result.regions
    assert crashed.status == "crashed" and crashed.crashed
    assert result.crashed == (crashed,) and result.broken == ()
    assert result.unassessed == (crashed,)
    assert crashed.message is not None
    assert crashed.message.startswith(
        "internal error (a bug in secretariat-rules or a plugin): ZeroDivisionError at "
        "tests/test_audit.py:"
    )
    assert "planted" not in crashed.message  # the exception's message may quote data
    assert crashed.traceback is not None and "Traceback" in crashed.traceback
    assert fine.ok


@pytest.mark.usefixtures("english")  # English messages asserted
def test_cli_broken_region_exits_2_and_still_writes_the_reports(tmp_path: Path) -> None:
    broken = broken_repo(tmp_path / "oedelagt")
    out = tmp_path / "audit.json"
    code, stdout, stderr = audit_cli(
        MILJOLOFTET, broken, "--format", "text", "--report", f"json={out}", "--jobs", "1"
    )
    assert code == 2
    assert f"secretariat-rules: error: {broken}:" in stderr
    assert "Traceback" not in stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    assert [r["status"] for r in document["regions"]] == ["ok", "broken"]
    assert "oedelagt" in stdout


# --------------------------------------------------------------------------- determinism


def test_a_region_audit_is_plain_picklable_data(fixture_audit: Audit) -> None:
    assert pickle.loads(pickle.dumps(fixture_audit.regions[0])) == fixture_audit.regions[0]


def test_output_is_identical_across_runs_and_job_counts(tmp_path: Path) -> None:
    broken = broken_repo(tmp_path / "oedelagt")
    dirs = [MILJOLOFTET, broken, BYMILJOPAKKEN]
    outputs = []
    for jobs in ("2", "1", "1"):
        reports = [f"{fmt}={tmp_path / f'{jobs}.{fmt}'}" for fmt in ("json", "junit", "html")]
        args = ["--format", "text", "--jobs", jobs, "--quiet"]
        code, stdout, _ = audit_cli(*dirs, *args, *(a for r in reports for a in ("--report", r)))
        assert code == 2
        files = [(tmp_path / f"{jobs}.{fmt}").read_bytes() for fmt in ("json", "junit", "html")]
        outputs.append((stdout, *files))
    assert outputs[0] == outputs[1] == outputs[2]


# --------------------------------------------------------------------------- formats


def test_json_structure() -> None:
    code, stdout, _ = audit_cli(BYMILJOPAKKEN, MILJOLOFTET, "--format", "json", "--jobs", "1")
    assert code == 1
    doc = json.loads(stdout)
    assert list(doc) == ["tool", "audit", "summary", "regions", "matrices", "tailoring"]
    assert doc["audit"] == {"baseline": "national", "as_of": None, "fail_on": "error"}
    assert doc["summary"] == {"regions": 2, "ok": 2, "broken": 0, "crashed": 0, "failing": 2}
    region = doc["regions"][1]
    assert {k: region[k] for k in ("id", "status", "ruleset", "failing", "message")} == {
        "id": "miljoloftet",
        "status": "ok",
        "ruleset": "miljoloftet",
        "failing": True,
        "message": None,
    }
    assert region["results"]["own"]["ruleset"] == "miljoloftet"  # a SPEC §5 document
    assert region["results"]["national"]["ruleset"] == "national"
    own = doc["matrices"]["own"]
    rules = {r["id"]: r for r in own["rules"]}
    assert rules["SEK013"]["compliance"] == {"passing": 1, "assessed": 2, "share": 0.5}
    assert rules["SEK013"]["severity"] == "warning"
    cells = {row["region"]: row["cells"] for row in own["rows"]}
    assert cells["bymiljopakken"]["SEK006"] == {"status": "failed", "count": 2}
    assert cells["miljoloftet"]["SEK006"] == {"status": "absent"}
    assert cells["miljoloftet"]["SEK018"] == {
        "status": "not_applicable",
        "reason": "ingenting å sjekke",
    }
    assert "SEK006" not in doc["matrices"]["national"]["rows"][0]["cells"]
    tailoring = {t["region"]: t for t in doc["tailoring"]}
    assert tailoring["bymiljopakken"]["layers"] == ["national", "bymiljopakken"]
    sek008 = next(i for i in tailoring["bymiljopakken"]["items"] if i["rule"] == "SEK008")
    assert sek008["differences"] == [{"attribute": "clause", "old": "1e", "new": "1f"}]


def test_junit_validates_and_has_a_suite_per_region(tmp_path: Path) -> None:
    broken = broken_repo(tmp_path / "oedelagt")
    code, stdout, _ = audit_cli(
        BYMILJOPAKKEN, broken, MILJOLOFTET, "--format", "junit", "--jobs", "1", "--lang", "en"
    )
    assert code == 2
    xmlschema.XMLSchema(str(JUNIT_XSD)).validate(stdout)
    root = ET.fromstring(stdout)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["bymiljopakken", "oedelagt", "miljoloftet"]
    names = [case.get("name") for case in suites[0].findall("testcase")]
    assert "SEK006 tertial-financial-report" in names  # its own ruleset's rules
    assert "SEK027 mandate-formalised" not in names
    sek027 = suites[2].find("testcase[@name='SEK027 mandate-formalised']")
    assert sek027 is not None and sek027.find("failure") is not None
    [case] = suites[1].findall("testcase")
    error = case.find("error")
    assert error is not None and "secretariat.yaml" in (error.get("message") or "")


def test_text_matrix_is_an_aligned_table(fixture_audit: Audit) -> None:
    text = TextReporter().render_audit(fixture_audit, ReportOptions(lang="en"))
    lines = text.splitlines()
    own = lines.index("Against each region's own ruleset")
    header = lines[own + 1]
    assert header.split() == ["Rule", "1", "2", "Compliance"]
    sek006 = next(line for line in lines[own:] if line.startswith("  SEK006"))
    sek027 = next(line for line in lines[own:] if line.startswith("  SEK027"))
    assert sek006.split() == ["SEK006", "tertial-financial-report", "2", "0/1", "0", "%"]
    assert sek027.split() == ["SEK027", "mandate-formalised", "1", "0/1", "0", "%"]
    # Region columns line up with their numbers in the header.
    first, second = header.index(" 1") + 1, header.index(" 2") + 1
    assert (sek006[first], sek006[second]) == ("2", " ")  # bymiljopakken; absent in miljoloftet
    assert (sek027[first], sek027[second]) == (" ", "1")
    assert "Tailoring register: deviations from national" in text
    assert "      added by bymiljopakken" in text
    assert "re-worded by bymiljopakken: clause 1e → 1f" in text


def test_html_escapes_what_the_data_says(tmp_path: Path) -> None:
    manifest = copy.deepcopy(BASE_MANIFEST)
    manifest["name"] = '<script>alert("x")</script> & co'
    repo = write_repo(tmp_path / "evil", manifest)
    result = run_audit([repo], jobs=1, registry=load_registry(load_entry_points=False))
    page = HtmlReporter().render_audit(result, ReportOptions())
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in page
    assert page.count("<script>") == 1  # the page's own inline script only


@pytest.mark.usefixtures("english")  # English messages asserted
def test_a_format_without_render_audit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "plain_reporter.py").write_text(
        "from secretariat_rules import hookimpl\n\n"
        "class Plain:\n"
        "    name = 'plain'\n"
        "    suffix = '.txt'\n\n"
        "    def render(self, results, options):\n"
        "        return 'plain'\n\n"
        "@hookimpl\n"
        "def secretariat_reporters():\n"
        "    return [Plain()]\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = load_registry(["plain_reporter"], load_entry_points=False)
    assert audit_renderer(registry.reporters["plain"]) is None
    for name in ("text", "json", "junit", "html"):
        assert audit_renderer(registry.reporters[name]) is not None
    run = run_cli(
        "--no-plugin-autoload", "-p", "plain_reporter", "audit", MILJOLOFTET, "-f", "plain"
    )
    assert run.exit_code == 2
    assert "format 'plain' cannot render an audit" in run.stderr
    report = f"plain={tmp_path / 'x.txt'}"
    run = run_cli(
        "--no-plugin-autoload", "-p", "plain_reporter", "audit", MILJOLOFTET, "--report", report
    )
    assert run.exit_code == 2 and not (tmp_path / "x.txt").exists()


# --------------------------------------------------------------------------- command line


@pytest.mark.usefixtures("english")  # English messages asserted
def test_exit_codes_and_usage_errors(tmp_path: Path) -> None:
    assert audit_cli(BYMILJOPAKKEN, "--jobs", "1", "-q")[0] == 1
    assert audit_cli(BYMILJOPAKKEN, "--jobs", "1", "--fail-on", "never")[0] == 0
    code, _, stderr = audit_cli(BYMILJOPAKKEN, tmp_path / "nowhere")
    assert code == 2 and "no such data directory" in stderr
    assert audit_cli(BYMILJOPAKKEN, "--jobs", "0")[0] == 2
    assert audit_cli(BYMILJOPAKKEN, "--as-of", "someday")[0] == 2
    assert audit_cli(BYMILJOPAKKEN, "--format", "nope")[0] == 2


def test_as_of_applies_to_every_region() -> None:
    _, stdout, _ = audit_cli(
        BYMILJOPAKKEN, MILJOLOFTET, "-f", "json", "-j", "1", "--as-of", "2024-06-30"
    )
    doc = json.loads(stdout)
    assert doc["audit"]["as_of"] == "2024-06-30"
    assert {r["results"]["own"]["as_of"] for r in doc["regions"]} == {"2024-06-30"}


def test_output_and_several_reports(tmp_path: Path) -> None:
    main, page, xml = tmp_path / "a.txt", tmp_path / "a.html", tmp_path / "a.xml"
    code, stdout, _ = audit_cli(
        MILJOLOFTET, "-j", "1", "-o", main, "--report", f"html={page}", "--report", f"junit={xml}"
    )
    assert code == 1 and stdout == ""
    assert main.read_text(encoding="utf-8").startswith("Revisjon av sekretariatene\n")
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert xml.read_text(encoding="utf-8").startswith("<?xml")


@pytest.fixture
def stderr_is_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the CLI runner's stderr (and stdout) claim to be a terminal."""
    monkeypatch.setattr(click.testing._NamedTextIOWrapper, "isatty", lambda self: True)


@pytest.mark.usefixtures("stderr_is_a_terminal")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_progress_on_a_terminal(jobs: str) -> None:
    code, stdout, stderr = audit_cli(BYMILJOPAKKEN, MILJOLOFTET, "-f", "json", "-j", jobs)
    assert code == 1
    lines = stderr.splitlines()  # in finishing order, which varies with several workers
    assert [line.split()[0] for line in lines] == ["[1/2]", "[2/2]"]
    assert sorted(line.split(maxsplit=1)[1] for line in lines) == [
        f"bymiljopakken ({BYMILJOPAKKEN.as_posix()}) ferdig",
        f"miljoloftet ({MILJOLOFTET.as_posix()}) ferdig",
    ]
    assert json.loads(stdout)["summary"]["regions"] == 2  # progress never reaches stdout


@pytest.mark.usefixtures("stderr_is_a_terminal")
def test_progress_and_errors_are_in_the_invocation_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Progress, errors and the report follow --lang, else SECRETARIAT_RULES_LANG, else
    nb: one language at a time."""
    broken = broken_repo(tmp_path / "oedelagt")
    monkeypatch.setenv("SECRETARIAT_RULES_LANG", "en")
    code, stdout, stderr = audit_cli(MILJOLOFTET, broken, "-j", "1", "--no-color")
    assert code == 2
    assert stderr.splitlines()[:2] == [
        f"[1/2] miljoloftet ({MILJOLOFTET.as_posix()}) done",
        f"[2/2] oedelagt ({broken.as_posix()}) broken",
    ]
    assert stderr.splitlines()[2].startswith(f"secretariat-rules: error: {broken}: ")
    assert stdout.startswith("Audit of the secretariats\n")
    monkeypatch.delenv("SECRETARIAT_RULES_LANG")
    code, stdout, stderr = audit_cli(MILJOLOFTET, broken, "-j", "1", "--no-color")
    assert stderr.splitlines()[:2] == [
        f"[1/2] miljoloftet ({MILJOLOFTET.as_posix()}) ferdig",
        f"[2/2] oedelagt ({broken.as_posix()}) feilet",
    ]
    assert stderr.splitlines()[2].startswith(f"secretariat-rules: feil: {broken}: ")
    assert stdout.startswith("Revisjon av sekretariatene\n")


@pytest.mark.usefixtures("stderr_is_a_terminal")
def test_two_repositories_of_one_region_are_told_apart(tmp_path: Path) -> None:
    """Progress names each repository; regions and repositories are counted apart; the
    tailoring register shows a region's ruleset once, naming the repositories it covers."""
    csv = tmp_path / "bymiljopakken-copy"
    shutil.copytree(BYMILJOPAKKEN, csv)
    code, stdout, stderr = audit_cli(BYMILJOPAKKEN, csv, "-j", "1", "--lang", "en", "--no-color")
    assert code == 1
    assert stderr.splitlines() == [
        f"[1/2] bymiljopakken ({BYMILJOPAKKEN.as_posix()}) done",
        f"[2/2] bymiljopakken ({csv.as_posix()}) done",
    ]
    lines = stdout.splitlines()
    assert lines[1] == (
        "Regions: 1, data repositories: 2 – 2 assessed, 0 broken, 0 crashed, "
        "2 breaking their own ruleset"
    )
    register = lines[lines.index("Tailoring register: deviations from national") :]
    headings = [line for line in register if line.startswith("bymiljopakken")]
    assert len(headings) == 1
    assert register[2] == (
        f"  applies to the data repositories {BYMILJOPAKKEN.as_posix()}, {csv.as_posix()}"
    )
    page = tmp_path / "audit.html"
    audit_cli(BYMILJOPAKKEN, csv, "-j", "1", "-f", "html", "-o", page, "--quiet")
    assert page.read_text(encoding="utf-8").count('<section class="tailoring"') == 1


@pytest.mark.usefixtures("stderr_is_a_terminal")
def test_no_progress_with_quiet() -> None:
    code, _, stderr = audit_cli(BYMILJOPAKKEN, "-f", "json", "-j", "1", "--quiet")
    assert code == 1 and stderr == ""


def test_no_progress_when_stderr_is_not_a_terminal() -> None:
    code, _, stderr = audit_cli(BYMILJOPAKKEN, MILJOLOFTET, "-f", "json", "-j", "1")
    assert code == 1 and stderr == ""
