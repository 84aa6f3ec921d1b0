"""The SARIF 2.1.0 and Markdown reporters, and JUnit's handling of waivers and baselines.

SARIF output is validated against the official OASIS SARIF 2.1.0 JSON schema, stored in
``tests/data`` (see its README): validation needs no network.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pluggy
import pytest
import xmlschema

from builders import REGION, finding, fp
from secretariat_rules import hookspecs
from secretariat_rules.findings import (
    Finding,
    Location,
    Result,
    RuleOutcome,
    Severity,
)
from secretariat_rules.plugins import DEFAULT_PLUGINS
from secretariat_rules.reporters import junit as junit_reporter
from secretariat_rules.reporters import markdown as markdown_reporter
from secretariat_rules.reporters import sarif as sarif_reporter
from secretariat_rules.reporters.base import ReportOptions
from secretariat_rules.testing import run_cli

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
SARIF_SCHEMA = DATA / "sarif-schema-2.1.0.json"
JUNIT_XSD = DATA / "junit.xsd"
MILJOLOFTET = ROOT / "fixtures" / "miljoloftet"
GUIDELINE_1E = (
    "Sekretariatet skal legge til rette for balanse både i den formelle og uformelle "
    "dialogen med partene."
)


FINDINGS = (
    # deliberately not in sorted order: reporters must sort
    finding(
        "SEK110", "neutral-mediation-on-request", Severity.INFO, "8a", "8",
        "attestations/SEK110", "Ingen gyldig attestasjon.", Location("attestations.yaml", 1),
    ),
    finding(
        "SEK008", "equal-information-access", Severity.ERROR, "1e", "1", "documents/d2",
        "Parten svv fikk dokumentet 30 timer etter første utsending.",
        Location("documents.xlsx", 7, "Dokumenter!7"),
    ),
    finding(
        "SEK008", "equal-information-access", Severity.ERROR, "1e", "1", "documents/d1",
        "Parten bergen fikk ikke dokumentet.",
        Location("documents.csv", 2), Location("distributions.csv", 4),
    ),
    finding(
        "SEK013", "neutral-communication-platform", Severity.WARNING, "3e", "3",
        "channels/post@bergen.kommune.no", "Kanalen ligger på en parts domene.",
        Location("secretariat.yaml", 12),
    ),
    finding(
        "SEK025", "documents-archived", Severity.ERROR, "7a", "7", "documents/d1",
        "Dokumentet er ikke arkivert.", Location("documents.csv", 2),
        waiver="Arkivsystemet ble byttet i 2024",
    ),
    finding(
        "DAT001", "invalid-record", Severity.ERROR, "", "data", "meetings/row-3",
        "Feltet «date» mangler.", Location("meetings.csv", 3),
    ),
)  # fmt: skip

RULES = (
    RuleOutcome("DAT001", "invalid-record", "failed", section="data", title="Ugyldig post"),
    RuleOutcome("SEK001", "meeting-prepared", "passed", clause="1b", section="1",
                title="Møter forberedes"),
    RuleOutcome("SEK006", "tertial-financial-report", "disabled",
                reason="Gjelder bare Bymiljøpakken", section="1", title="Tertialrapport"),
    RuleOutcome("SEK008", "equal-information-access", "failed", clause="1e", section="1",
                title="Partene får lik tilgang til informasjon"),
    RuleOutcome("SEK013", "neutral-communication-platform", "failed", clause="3e", section="3",
                severity=Severity.WARNING, title="Nøytral kommunikasjonsplattform"),
    RuleOutcome("SEK025", "documents-archived", "waived", clause="7a", section="7",
                title="Saksdokumenter arkiveres"),
    RuleOutcome("SEK110", "neutral-mediation-on-request", "failed", clause="8a", section="8",
                severity=Severity.INFO, title="Nøytral megling"),
)  # fmt: skip

RULE_TEXTS = {
    "SEK008": {"title": "Partene får lik tilgang til informasjon", "guideline": GUIDELINE_1E,
               "clause": "1e"},
    "SEK025": {"title": "Saksdokumenter arkiveres", "guideline": "Dokumenter skal arkiveres.",
               "clause": "7a"},
}  # fmt: skip


def make_result(
    findings: tuple[Finding, ...] = FINDINGS,
    rules: tuple[RuleOutcome, ...] = RULES,
    **changes: Any,
) -> Result:
    result = Result(
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
        rules=rules,
        rule_texts=RULE_TEXTS,
    )
    return dataclasses.replace(result, **changes)


_URI_CHARACTERS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")
"""RFC 3986's characters: a URI has no spaces and no raw non-ASCII (they are %-encoded)."""
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def format_checker() -> jsonschema.FormatChecker:
    """Draft 7's format checks, plus ``uri`` and ``uri-reference``.

    jsonschema checks those only with an optional package (rfc3987) not installed here, so
    this checks the RFC 3986 alphabet (and a scheme for an absolute ``uri``) itself.
    """
    checker = jsonschema.FormatChecker(jsonschema.Draft7Validator.FORMAT_CHECKER.checkers)

    @checker.checks("uri-reference")
    def uri_reference(value: object) -> bool:
        return not isinstance(value, str) or bool(_URI_CHARACTERS.match(value))

    @checker.checks("uri")
    def uri(value: object) -> bool:
        return not isinstance(value, str) or bool(
            _URI_CHARACTERS.match(value) and _SCHEME.match(value)
        )

    return checker


@cache
def sarif_validator() -> jsonschema.protocols.Validator:
    """The official schema's validator: the draft its ``$schema`` names (draft-07)."""
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    assert cls is jsonschema.Draft7Validator
    cls.check_schema(schema)
    return cls(schema, format_checker=format_checker())


def assert_valid_sarif(text: str) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(text)
    errors = sorted(sarif_validator().iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)
    return log


def sarif(*results: Result, lang: str = "nb") -> dict[str, Any]:
    reporter = sarif_reporter.SarifReporter()
    return assert_valid_sarif(reporter.render(list(results), ReportOptions(lang=lang)))


def markdown(*results: Result, lang: str = "nb") -> str:
    return markdown_reporter.MarkdownReporter().render(list(results), ReportOptions(lang=lang))


def results_by(run: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(r["ruleId"], r["properties"]["subject"]): r for r in run["results"]}


# --- SARIF: the schema ------------------------------------------------------------------


def test_stored_schema_is_the_official_one() -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]
    # the validator really rejects what the schema forbids
    assert list(sarif_validator().iter_errors({"version": "2.1.0", "runs": [{}]}))
    assert list(sarif_validator().iter_errors({"version": "2.0.0", "runs": []}))
    location = {"physicalLocation": {"artifactLocation": {"uri": "a b.csv"}}}
    result = {"message": {"text": "x"}, "locations": [location]}
    run = {"tool": {"driver": {"name": "x"}}, "results": [result]}
    assert list(sarif_validator().iter_errors({"version": "2.1.0", "runs": [run]}))


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_sarif_validates_in_every_shape(lang: str, tmp_path: Path) -> None:
    empty = make_result((), (), region="bymiljopakken")
    baselined = make_result(baseline_fixed=("0123456789abcdef",))
    outside = make_result(data_dir=str(tmp_path))
    log = sarif(make_result(), empty, baselined, outside, lang=lang)
    assert len(log["runs"]) == 4
    assert sarif(lang=lang)["runs"] == []  # no results at all


# --- SARIF: mapping ---------------------------------------------------------------------


def test_sarif_log_and_tool() -> None:
    log = sarif(make_result())
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "secretariat-rules"
    assert driver["version"] == "0.1.0"
    assert driver["informationUri"].startswith("https://")
    assert run["automationDetails"] == {"id": "secretariat-rules/miljoloftet/"}
    assert run["language"] == "nb"
    assert "invocations" not in run
    assert run["originalUriBaseIds"] == {
        "DATAROOT": {
            "uri": "./",
            "uriBaseId": "%SRCROOT%",
            "description": {"text": "Datarepositoriet, slik det er oppgitt på kommandolinjen."},
        }
    }
    (english,) = sarif(make_result(), lang="en")["runs"]
    description = english["originalUriBaseIds"]["DATAROOT"]["description"]
    assert description == {"text": "The data repository, as given on the command line."}
    assert run["properties"]["repository"] == "."
    assert run["properties"]["asOf"] == "2025-06-30"
    assert run["properties"]["period"] == {"start": "2024-01-01", "end": "2024-12-31"}


def test_sarif_rules_carry_every_rule_and_the_guideline_text() -> None:
    (run,) = sarif(make_result())["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r.id for r in RULES)
    sek008 = rules[[r["id"] for r in rules].index("SEK008")]
    assert sek008["name"] == "equal-information-access"
    assert sek008["shortDescription"] == {"text": "Partene får lik tilgang til informasjon"}
    assert sek008["fullDescription"] == {"text": f"{GUIDELINE_1E} (punkt 1e)"}
    assert sek008["help"]["text"] == f"{GUIDELINE_1E} (punkt 1e)"
    assert f"> {GUIDELINE_1E}" in sek008["help"]["markdown"]
    assert sek008["defaultConfiguration"] == {"level": "error"}
    assert sek008["properties"]["clause"] == "1e" and sek008["properties"]["section"] == "1"
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert levels["SEK013"] == "warning" and levels["SEK110"] == "note"
    disabled = rules[[r["id"] for r in rules].index("SEK006")]
    assert disabled["defaultConfiguration"] == {"level": "error", "enabled": False}
    assert disabled["properties"]["reason"] == "Gjelder bare Bymiljøpakken"
    dat = rules[0]  # no guideline: the title stands in for it
    assert dat["fullDescription"] == {"text": "Ugyldig post"}


def test_sarif_rule_only_a_finding_names_is_added() -> None:
    extra = finding(
        "WAV002", "waiver-unused", Severity.WARNING, "", "data", "waivers/SEK025:documents/d9",
        "the waiver matches no finding", Location("waivers.yaml", 6),
    )  # fmt: skip
    (run,) = sarif(make_result((*FINDINGS, extra)))["runs"]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert ids[-1] == "WAV002"
    for result in run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]


def test_sarif_results_map_findings_exactly() -> None:
    (run,) = sarif(make_result())["runs"]
    assert [(r["ruleId"], r["properties"]["subject"]) for r in run["results"]] == [
        ("DAT001", "meetings/row-3"),
        ("SEK008", "documents/d1"),
        ("SEK008", "documents/d2"),
        ("SEK013", "channels/post@bergen.kommune.no"),
        ("SEK025", "documents/d1"),
        ("SEK110", "attestations/SEK110"),
    ]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    by = results_by(run)
    d1 = by[("SEK008", "documents/d1")]
    assert d1 == {
        "ruleId": "SEK008",
        "ruleIndex": ids.index("SEK008"),
        "level": "error",
        "message": {"text": "Parten bergen fikk ikke dokumentet."},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": "documents.csv", "uriBaseId": "DATAROOT"},
                    "region": {"startLine": 2},
                }
            },
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": "distributions.csv", "uriBaseId": "DATAROOT"},
                    "region": {"startLine": 4},
                }
            },
        ],
        "partialFingerprints": {"secretariatRules/v1": fp("SEK008", "documents/d1")},
        "properties": {
            "subject": "documents/d1",
            "severity": "error",
            "clause": "1e",
            "section": "1",
        },
    }
    assert by[("SEK013", "channels/post@bergen.kommune.no")]["level"] == "warning"
    assert by[("SEK110", "attestations/SEK110")]["level"] == "note"
    d2 = by[("SEK008", "documents/d2")]["locations"][0]
    assert d2["properties"] == {"pointer": "Dokumenter!7"}
    assert d2["physicalLocation"]["region"] == {"startLine": 7}


def test_sarif_waived_finding_is_kept_with_a_suppression() -> None:
    by = results_by(sarif(make_result())["runs"][0])
    waived = by[("SEK025", "documents/d1")]
    assert waived["suppressions"] == [
        {"kind": "external", "justification": "Arkivsystemet ble byttet i 2024"}
    ]
    assert waived["level"] == "error"
    assert all("suppressions" not in r for key, r in by.items() if key[0] != "SEK025")
    assert all("baselineState" not in r for r in by.values())  # no baseline used


def test_sarif_baseline_state() -> None:
    findings = tuple(dataclasses.replace(f, baselined=f.rule == "SEK008") for f in FINDINGS)
    (run,) = sarif(make_result(findings, baseline_fixed=("0123456789abcdef",)))["runs"]
    states = {(r["ruleId"], r["properties"]["subject"]): r["baselineState"] for r in run["results"]}
    assert states[("SEK008", "documents/d1")] == "unchanged"
    assert states[("SEK008", "documents/d2")] == "unchanged"
    assert states[("DAT001", "meetings/row-3")] == "new"
    assert run["properties"]["baselineFixed"] == ["0123456789abcdef"]


# --- SARIF: artifact URIs ---------------------------------------------------------------


def artifact_of(run: dict[str, Any]) -> dict[str, Any]:
    location: dict[str, Any] = run["results"][0]["locations"][0]["physicalLocation"]
    artifact: dict[str, Any] = location["artifactLocation"]
    return artifact


def test_sarif_uri_is_relative_to_the_data_repository_as_given() -> None:
    (run,) = sarif(make_result(data_dir="./secretariat data/miljøløftet/"))["runs"]
    assert artifact_of(run) == {"uri": "meetings.csv", "uriBaseId": "DATAROOT"}
    assert run["originalUriBaseIds"]["DATAROOT"]["uri"] == (
        "secretariat%20data/milj%C3%B8l%C3%B8ftet/"
    )
    assert run["originalUriBaseIds"]["DATAROOT"]["uriBaseId"] == "%SRCROOT%"
    assert run["automationDetails"] == {
        "id": "secretariat-rules/miljoloftet/secretariat data/miljøløftet/"
    }
    assert run["properties"]["repository"] == "secretariat data/miljøløftet"


def test_sarif_absolute_data_repository_is_a_file_uri(tmp_path: Path) -> None:
    (run,) = sarif(make_result(data_dir=str(tmp_path) + "/"))["runs"]
    assert run["originalUriBaseIds"]["DATAROOT"]["uri"] == tmp_path.as_uri() + "/"
    assert "uriBaseId" not in run["originalUriBaseIds"]["DATAROOT"]
    assert artifact_of(run) == {"uri": "meetings.csv", "uriBaseId": "DATAROOT"}


def test_sarif_does_not_depend_on_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data").mkdir()
    results = [make_result(data_dir="data"), make_result(data_dir="../elsewhere")]
    reporter = sarif_reporter.SarifReporter()
    monkeypatch.chdir(tmp_path)
    here = reporter.render(results, ReportOptions())
    monkeypatch.chdir(tmp_path / "data")
    assert reporter.render(results, ReportOptions()) == here
    runs = assert_valid_sarif(here)["runs"]
    assert [artifact_of(run) for run in runs] == [
        {"uri": "meetings.csv", "uriBaseId": "DATAROOT"},
        {"uri": "meetings.csv", "uriBaseId": "DATAROOT"},
    ]
    assert [run["originalUriBaseIds"]["DATAROOT"]["uri"] for run in runs] == [
        "data/",
        "../elsewhere/",
    ]


def test_sarif_one_run_per_repository_each_with_its_own_automation_id() -> None:
    results = [
        make_result(data_dir="data/2024"),
        make_result(data_dir="data/noark"),
        make_result(data_dir="data/2024"),
        make_result((), (), region="bymiljopakken", data_dir="/srv/bmp"),
        make_result(data_dir="."),
        make_result(data_dir="./"),
    ]
    runs = sarif(*results)["runs"]
    ids = [run["automationDetails"]["id"] for run in runs]
    assert ids == [
        "secretariat-rules/miljoloftet/data/2024/",
        "secretariat-rules/miljoloftet/data/noark/",
        "secretariat-rules/miljoloftet/data/2024 #2/",
        "secretariat-rules/bymiljopakken/srv/bmp/",
        "secretariat-rules/miljoloftet/",  # the working directory: the id of earlier versions
        "secretariat-rules/miljoloftet #2/",
    ]
    assert len(set(ids)) == len(ids)
    assert [run["properties"]["repository"] for run in runs] == [
        "data/2024", "data/noark", "data/2024", "/srv/bmp", ".", ".",
    ]  # fmt: skip


def test_sarif_lineless_absolute_and_missing_locations(tmp_path: Path) -> None:
    absolute = tmp_path / "team waivers.yaml"
    findings = (
        finding("SEK001", "meeting-prepared", Severity.ERROR, "1b", "1", "meetings/m1", "x",
                Location("meetings.csv")),
        finding("SEK002", "minutes", Severity.ERROR, "1c", "1", "meetings/m2", "y",
                Location(str(absolute), 3)),
        finding("SEK003", "mandate", Severity.ERROR, "1d", "1", "secretariat/x", "z"),
    )  # fmt: skip
    by = results_by(sarif(make_result(findings, ()))["runs"][0])
    lineless = by[("SEK001", "meetings/m1")]["locations"][0]["physicalLocation"]
    assert lineless == {"artifactLocation": {"uri": "meetings.csv", "uriBaseId": "DATAROOT"}}
    outside = by[("SEK002", "meetings/m2")]["locations"][0]["physicalLocation"]
    assert outside["artifactLocation"] == {"uri": absolute.as_uri()}
    assert outside["region"] == {"startLine": 3}
    (manifest,) = by[("SEK003", "secretariat/x")]["locations"]
    assert manifest == {
        "physicalLocation": {
            "artifactLocation": {"uri": "secretariat.yaml", "uriBaseId": "DATAROOT"}
        },
        "properties": {"repositoryLevel": True},
    }


def test_sarif_is_deterministic() -> None:
    reporter = sarif_reporter.SarifReporter()
    first = reporter.render([make_result()], ReportOptions())
    reordered = make_result(tuple(reversed(FINDINGS)), tuple(reversed(RULES)))
    assert reporter.render([reordered], ReportOptions()) == first
    assert reporter.render([make_result()], ReportOptions()) == first
    assert first.endswith("}\n") and "Miljøløftet" in first  # UTF-8 kept as is
    for word in ("Time", "timestamp", "invocation", "machine"):
        assert word not in first


# --- Markdown ---------------------------------------------------------------------------


def test_markdown_structure_nb() -> None:
    out = markdown(make_result())
    lines = out.splitlines()
    assert lines[0] == "## Miljøløftet (miljoloftet)"
    assert (
        lines[2]
        == "Regelsett: miljoloftet · Periode: 2024-01-01 – 2024-12-31 · Per dato: 2025-06-30"
    )
    assert (
        lines[4]
        == "**Funn – feil: 3, advarsler: 1, info: 1, unntatt: 1** · Regler: 6 sjekket, 4 brutt"
    )
    table = lines[lines.index("### Brutte regler") + 2 :]
    assert table[:6] == [
        "| Regel | Punkt | Tittel | Funn |",
        "| --- | --- | --- | ---: |",
        "| DAT001 |  | Ugyldig post | 1 |",
        "| SEK008 | 1e | Partene får lik tilgang til informasjon | 2 |",
        "| SEK013 | 3e | Nøytral kommunikasjonsplattform | 1 |",
        "| SEK110 | 8a | Nøytral megling | 1 |",
    ]
    assert "| SEK025 " not in out  # every finding waived: not a failed rule
    assert [line for line in lines if line.startswith("### ")] == [
        "### Brutte regler",
        "### Dataintegritet",
        "### 1. Sekretariatets rolle i byvekstavtalesamarbeidet",
        "### 3. Utadrettet informasjon og kommunikasjon",
        "### 7. Dokumenthåndtering",
        "### 8. Håndtering av faglig uenighet",
        "### Deaktiverte regler",
    ]
    assert out.endswith("\n") and not out.endswith("\n\n")


def test_markdown_findings_subject_message_locations() -> None:
    out = markdown(make_result())
    assert (
        "- **feil** SEK008 equal-information-access (punkt 1e) · `documents/d1`\\\n"
        "  Parten bergen fikk ikke dokumentet.\\\n"
        "  `documents.csv:2`, `distributions.csv:4`\n"
    ) in out
    assert "`documents.xlsx:7 (Dokumenter!7)`" in out
    assert out.index("`documents/d1`") < out.index("`documents/d2`")
    assert "- SEK006 tertial-financial-report: Gjelder bare Bymiljøpakken" in out


def test_markdown_waived_is_struck_with_its_reason() -> None:
    out = markdown(make_result())
    assert (
        "- ~~**feil** SEK025 documents-archived (punkt 7a) · `documents/d1`~~"
        " — *unntatt: Arkivsystemet ble byttet i 2024*\\\n"
    ) in out


def test_markdown_in_english_with_baseline() -> None:
    findings = tuple(dataclasses.replace(f, baselined=f.rule == "SEK110") for f in FINDINGS)
    out = markdown(
        make_result(
            findings, baseline_fixed=("a", "b"), fixed_described={"a": "SEK025 documents/d7"}
        ),
        lang="en",
    )
    assert "### Failed rules" in out
    assert "| Rule | Clause | Title | Findings |" in out
    assert "### Data integrity" in out
    assert "- **note**" not in out and "- **info** SEK110" in out
    assert "`attestations/SEK110` *(baseline)*" in out
    assert "Against the baseline: 5 new findings, 2 fixed" in out
    assert "~~**error** SEK025 documents-archived (clause 7a)" in out
    # new findings are marked; fixed ones are named by rule and subject where known
    assert (
        "- **error** SEK008 equal-information-access (clause 1e) · `documents/d1` **(new)**" in out
    )
    assert "Fixed since the baseline: `SEK025 documents/d7`, `b`" in out.splitlines()


def test_markdown_baseline_agrees_and_selection_is_one_line() -> None:
    one_new = tuple(dataclasses.replace(f, baselined=f.rule != "SEK110") for f in FINDINGS)
    left = tuple(
        RuleOutcome(f"SEK0{n}", "x", "disabled", reason="not selected") for n in range(10, 13)
    )
    out = markdown(make_result(one_new, (*RULES, *left), baseline_fixed=()))
    assert "Mot grunnlinjen: 1 nytt funn, 0 rettet" in out
    assert "`attestations/SEK110` **(ny)**" in out
    assert out.splitlines()[-2:] == [
        "- SEK006 tertial-financial-report: Gjelder bare Bymiljøpakken",
        "- 3 regler er ikke valgt (--select/--ignore)",
    ]


def test_markdown_escapes_table_cells_and_text() -> None:
    nasty = RuleOutcome(
        "SEK099", "pipe|rule", "failed", clause="9a", section="9",
        title="Tittel | med <script>alert(1)</script> & *stjerne*",
    )  # fmt: skip
    f = finding(
        "SEK099", "pipe|rule", Severity.ERROR, "9a", "9", "documents/a|b",
        "Verdien <b>fet</b> | og _kursiv_\n- ikke en liste\n1. ikke nummerert\n===",
        Location("dokumenter|x.csv", 3),
    )  # fmt: skip
    out = markdown(make_result((f,), (nasty,)))
    row = next(line for line in out.splitlines() if line.startswith("| SEK099"))
    assert row == (
        "| SEK099 | 9a | Tittel \\| med &lt;script&gt;alert(1)&lt;/script&gt; &amp; "
        "\\*stjerne\\* | 1 |"
    )
    assert row.count(" | ") == 3  # exactly four cells: no bare pipe inside one
    assert "<" not in out and ">" not in out
    assert "  Verdien &lt;b&gt;fet&lt;/b&gt; \\| og \\_kursiv\\_\\\n" in out
    assert "  \\- ikke en liste\\\n" in out
    assert "  1\\. ikke nummerert\\\n" in out
    assert "  \\===\\\n" in out
    assert "### Avsnitt 9" in out


def test_markdown_code_spans_survive_backticks() -> None:
    assert markdown_reporter.code("a`b") == "``a`b``"
    assert markdown_reporter.code("`x`") == "`` `x` ``"
    assert markdown_reporter.code("plain") == "`plain`"


def test_markdown_no_findings_and_several_results() -> None:
    empty = make_result((), RULES[:2], region="bymiljopakken", region_name="Bymiljøpakken")
    out = markdown(make_result(), empty, lang="en")
    assert "## Miljøløftet (miljoloftet)" in out and "## Bymiljøpakken (bymiljopakken)" in out
    block = out[out.index("## Bymiljøpakken") :]
    assert "No findings." in block and "Failed rules" not in block


def test_markdown_is_deterministic() -> None:
    first = markdown(make_result())
    reordered = make_result(tuple(reversed(FINDINGS)), tuple(reversed(RULES)))
    assert markdown(reordered) == first == markdown(make_result())


# --- JUnit: waivers and baseline --------------------------------------------------------


def junit_cases(result: Result, lang: str = "en") -> dict[str, ET.Element]:
    out = junit_reporter.JunitReporter().render([result], ReportOptions(lang=lang))
    xmlschema.XMLSchema(str(JUNIT_XSD)).validate(out)
    return {c.get("name", ""): c for c in ET.fromstring(out).iter("testcase")}


def test_junit_all_waived_is_skipped_with_every_reason() -> None:
    waived = (
        finding("SEK025", "documents-archived", Severity.ERROR, "7a", "7", "documents/d1",
                "Ikke arkivert.", Location("documents.csv", 2), waiver="Byttet arkiv"),
        finding("SEK025", "documents-archived", Severity.ERROR, "7a", "7", "documents/d2",
                "Ikke arkivert.", Location("documents.csv", 3), waiver="Vedtak 12/24"),
    )  # fmt: skip
    case = junit_cases(make_result(waived, RULES[5:6]))["SEK025 documents-archived"]
    skipped = case.find("skipped")
    assert skipped is not None and case.find("failure") is None
    assert skipped.get("message") == "waived: Byttet arkiv; Vedtak 12/24"


def test_junit_baselined_findings_do_not_fail() -> None:
    findings = tuple(dataclasses.replace(f, baselined=f.rule == "SEK008") for f in FINDINGS)
    cases = junit_cases(make_result(findings, baseline_fixed=()))
    sek008 = cases["SEK008 equal-information-access"]
    assert sek008.find("failure") is None and sek008.find("skipped") is None
    out = (sek008.findtext("system-out") or "").splitlines()
    assert out == [
        "documents/d1: Parten bergen fikk ikke dokumentet. "
        "(documents.csv:2, distributions.csv:4) [baseline]",
        "documents/d2: Parten svv fikk dokumentet 30 timer etter første utsending. "
        "(documents.xlsx:7 (Dokumenter!7)) [baseline]",
    ]
    assert cases["DAT001 invalid-record"].find("failure") is not None  # new: still fails
    nb = junit_cases(make_result(findings, baseline_fixed=()), lang="nb")
    assert "[grunnlinje]" in (nb["SEK008 equal-information-access"].findtext("system-out") or "")


def test_junit_baselined_and_new_findings_of_one_rule() -> None:
    findings = tuple(dataclasses.replace(f, baselined=f.subject.id == "d1") for f in FINDINGS)
    case = junit_cases(make_result(findings))["SEK008 equal-information-access"]
    failure = case.find("failure")
    assert failure is not None and failure.get("message") == "1 finding"
    assert (failure.text or "").startswith("documents/d2:")
    assert (case.findtext("system-out") or "").startswith("documents/d1:")


# --- registration and the command line --------------------------------------------------


def test_reporters_are_built_in_plugins() -> None:
    assert "secretariat_rules.reporters.sarif" in DEFAULT_PLUGINS
    assert "secretariat_rules.reporters.markdown" in DEFAULT_PLUGINS
    pm = pluggy.PluginManager("secretariat_rules")
    pm.add_hookspecs(hookspecs)
    pm.register(sarif_reporter)
    pm.register(markdown_reporter)
    pm.check_pending()
    reporters = [r for answer in pm.hook.secretariat_reporters() for r in answer]
    assert sorted((r.name, r.suffix) for r in reporters) == [
        ("markdown", ".md"),
        ("sarif", ".sarif"),
    ]


def test_cli_sarif_on_miljoloftet_validates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    run = run_cli("check", "fixtures/miljoloftet", "--format", "sarif")
    assert run.exit_code == 1, run.stderr
    log = assert_valid_sarif(run.output)
    (sarif_run,) = log["runs"]
    report = run_cli("check", "fixtures/miljoloftet", "--format", "json")
    expected = [(f["rule"], f["fingerprint"]) for f in report.findings]
    got = [
        (r["ruleId"], r["partialFingerprints"]["secretariatRules/v1"]) for r in sarif_run["results"]
    ]
    assert got == expected and got
    base = sarif_run["originalUriBaseIds"]["DATAROOT"]
    assert base["uri"] == "fixtures/miljoloftet/" and base["uriBaseId"] == "%SRCROOT%"
    assert (
        sarif_run["automationDetails"]["id"]
        == "secretariat-rules/miljoloftet/fixtures/miljoloftet/"
    )
    for result in sarif_run["results"]:
        for location in result["locations"]:
            artifact = location["physicalLocation"]["artifactLocation"]
            assert artifact["uriBaseId"] == "DATAROOT"
            assert not artifact["uri"].startswith(("fixtures", "/"))
            # DATAROOT resolved through %SRCROOT% (the checkout root) names the file
            assert (ROOT / base["uri"] / artifact["uri"]).is_file()
    sek008 = next(r for r in sarif_run["results"] if r["ruleId"] == "SEK008")
    assert sek008["locations"][0]["physicalLocation"]["region"] == {"startLine": 9}
    assert run_cli("check", "fixtures/miljoloftet", "--format", "sarif").output == run.output


def test_cli_sarif_waived_and_baselined(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checkout = tmp_path / "checkout"
    shutil.copytree(MILJOLOFTET, checkout / "data")
    (checkout / "data" / "waivers.yaml").write_text(
        "- rule: SEK008\n"
        "  subject: documents/DOK-2024-021\n"
        "  reason: Sendt på papir\n"
        "  approved_by: AU-sak 3/25\n"
        "  expires: 2099-12-31\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(checkout)
    baseline = tmp_path / "baseline.json"
    first = run_cli("check", "data", "--format", "json", "--output", baseline)
    assert first.exit_code == 1
    run = run_cli("check", "data", "--format", "sarif", "--baseline", baseline)
    assert run.exit_code == 0, run.stderr
    (sarif_run,) = assert_valid_sarif(run.output)["runs"]
    sek008 = next(r for r in sarif_run["results"] if r["ruleId"] == "SEK008")
    assert sek008["suppressions"] == [{"kind": "external", "justification": "Sendt på papir"}]
    assert {r["baselineState"] for r in sarif_run["results"]} == {"unchanged"}
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif_run["results"]
        for loc in r["locations"]
    }
    assert "documents.csv" in uris
    assert sarif_run["originalUriBaseIds"]["DATAROOT"]["uri"] == "data/"


def test_cli_markdown_on_miljoloftet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    run = run_cli("check", "fixtures/miljoloftet", "--format", "markdown", "--lang", "en")
    assert run.exit_code == 1, run.stderr
    assert run.output.startswith("## Miljøløftet (miljoloftet)\n")
    assert "### Failed rules" in run.output
    assert "| SEK008 | 1e |" in run.output
    assert "`documents.csv:9`" in run.output


@pytest.mark.parametrize(
    "text",
    [
        "Parten bergen fikk ikke dokumentet.",
        "  two\n lines\tand  spaces ",
        "a_b *c* [d] | e ~ f # g \\ h `i`",
        "x & y < z > w",
        "plain with æøå and 1. number",
        "",
    ],
)
def test_markdown_escape_fast_path_equals_the_general_one(text: str) -> None:
    from secretariat_rules.reporters import markdown

    general = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    general = " ".join(markdown._PUNCTUATION.sub(r"\\\1", general).split())
    assert markdown.escape(text) == general


def test_sarif_help_markdown_shows_a_rulesets_texts_as_text() -> None:
    """A ruleset may come from the data repository (a manifest's ``ruleset:`` path), and
    code scanning renders ``help.markdown``: a link, image or HTML in its texts is text."""
    planted = {
        "SEK008": {
            "title": "Lik [tilgang](https://evil.example)",
            "guideline": "Se ![bilde](https://evil.example/p.png)\n<img src=x>",
            "clause": "1e",
            "fix": "Trykk [her](https://evil.example) *nå*",
        }
    }
    (run,) = sarif(make_result(rule_texts=planted))["runs"]
    rules = run["tool"]["driver"]["rules"]
    help_md = rules[[r["id"] for r in rules].index("SEK008")]["help"]["markdown"]
    assert "](https://" not in help_md.replace("\\](https://", "")  # no link, no image
    assert "<img" not in help_md and "&lt;img src=x&gt;" in help_md
    assert "Trykk \\[her\\](https://evil.example) \\*nå\\*" in help_md
