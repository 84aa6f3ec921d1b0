"""The built-in reporters: text, JSON and JUnit XML, on hand-built results."""

from __future__ import annotations

import json
import re
import string
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Any

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
from secretariat_rules.i18n import catalog
from secretariat_rules.reporters import json as json_reporter
from secretariat_rules.reporters import junit as junit_reporter
from secretariat_rules.reporters import text as text_reporter
from secretariat_rules.reporters.base import Reporter, ReportOptions

JUNIT_XSD = Path(__file__).parent / "data" / "junit.xsd"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


FINDINGS = (
    # deliberately not in sorted order: reporters must sort
    finding(
        "SEK110",
        "neutral-mediation-on-request",
        Severity.INFO,
        "8a",
        "8",
        "attestations/SEK110",
        "Ingen gyldig attestasjon.",
        Location("attestations.yaml", 1),
    ),
    finding(
        "SEK008",
        "equal-information-access",
        Severity.ERROR,
        "1e",
        "1",
        "documents/d2",
        "Parten svv fikk dokumentet 30 timer etter første utsending.",
        Location("documents.xlsx", 7, "Dokumenter!7"),
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
        "DAT001",
        "invalid-record",
        Severity.ERROR,
        "",
        "data",
        "meetings/row-3",
        "Feltet «date» mangler.",
        Location("meetings.csv", 3),
    ),
)

RULES = (
    RuleOutcome("DAT001", "invalid-record", "failed", section="data"),
    RuleOutcome("SEK001", "meeting-prepared", "passed", clause="1b", section="1"),
    RuleOutcome(
        "SEK006", "tertial-financial-report", "disabled",
        reason="Gjelder bare Bymiljøpakken", clause="", section="1",
    ),
    RuleOutcome("SEK008", "equal-information-access", "failed", clause="1e", section="1"),
    RuleOutcome(
        "SEK013", "neutral-communication-platform", "failed", clause="3e", section="3",
        severity=Severity.WARNING,
    ),
    RuleOutcome(
        "SEK014", "action-programme-adopted", "not_applicable",
        reason="Ingen frist før as_of", clause="4a", section="4",
    ),
    RuleOutcome("SEK025", "documents-archived", "waived", clause="7a", section="7"),
    RuleOutcome(
        "SEK110", "neutral-mediation-on-request", "failed", clause="8a", section="8",
        severity=Severity.INFO,
    ),
)  # fmt: skip


def make_result(
    findings: tuple[Finding, ...] = FINDINGS,
    rules: tuple[RuleOutcome, ...] = RULES,
    *,
    region: str = REGION,
    region_name: str = "Miljøløftet",
    fail_on: Severity | None = Severity.ERROR,
) -> Result:
    return Result(
        tool_version="0.1.0",
        region=region,
        region_name=region_name,
        ruleset=region,
        as_of="2025-06-30",
        period_start="2024-01-01",
        period_end="2024-12-31",
        lang="nb",
        fail_on=fail_on,
        findings=findings,
        rules=rules,
    )


def render(reporter: Reporter, *results: Result, lang: str = "nb", color: bool = False) -> str:
    return reporter.render(list(results), ReportOptions(lang=lang, color=color))


# --- i18n catalogue ---------------------------------------------------------------------


def test_catalog_has_every_key_in_both_languages() -> None:
    for table in (catalog.SECTION_TITLES, catalog.SEVERITY_LABELS, catalog.MESSAGES):
        assert set(table) == set(catalog.LANGUAGES)
        assert set(table["nb"]) == set(table["en"])
    assert set(catalog.SECTION_TITLES["nb"]) == {"data", *map(str, range(1, 9))}


def test_catalog_lookups() -> None:
    assert catalog.t("findings.other", "en", count=2) == "2 findings"
    assert catalog.tn("findings", 1, "en") == "1 finding"
    assert catalog.tn("findings", 3, "nb") == "3 funn"
    assert catalog.section_title("7", "nb") == "7. Dokumenthåndtering"
    assert catalog.section_title("data", "en") == "Data integrity"
    assert catalog.section_title("9", "en") == "Section 9"
    assert catalog.severity_label("warning", "nb") == "advarsel"
    with pytest.raises(KeyError):
        catalog.t("no.such.key", "nb")
    with pytest.raises(KeyError):
        catalog.t("no_findings", "de")


def test_catalog_templates_fill() -> None:
    for lang in catalog.LANGUAGES:
        for key, template in catalog.MESSAGES[lang].items():
            names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
            filled = catalog.t(key, lang, **dict.fromkeys(names, "x"))
            literal = template.count("{{")  # an escaped brace is text, not a placeholder
            assert filled.count("{") == literal, key


# --- JSON -------------------------------------------------------------------------------


EXPECTED_JSON: dict[str, Any] = {
    "tool": {"name": "secretariat-rules", "version": "0.1.0"},
    "repository": ".",
    "region": "miljoloftet",
    "ruleset": "miljoloftet",
    "as_of": "2025-06-30",
    "period": {"start": "2024-01-01", "end": "2024-12-31"},
    "summary": {
        "error": 3,
        "warning": 1,
        "info": 1,
        "waived": 1,
        "rules_checked": 7,
        "rules_failed": 4,
    },
    "findings": [
        {
            "rule": "DAT001",
            "name": "invalid-record",
            "severity": "error",
            "clause": "",
            "subject": {"collection": "meetings", "id": "row-3"},
            "message": "Feltet «date» mangler.",
            "locations": [{"path": "meetings.csv", "line": 3}],
            "fingerprint": fp("DAT001", "meetings/row-3"),
            "waived": False,
        },
        {
            "rule": "SEK008",
            "name": "equal-information-access",
            "severity": "error",
            "clause": "1e",
            "subject": {"collection": "documents", "id": "d1"},
            "message": "Parten bergen fikk ikke dokumentet.",
            "locations": [
                {"path": "documents.csv", "line": 2},
                {"path": "distributions.csv", "line": 4},
            ],
            "fingerprint": fp("SEK008", "documents/d1"),
            "waived": False,
        },
        {
            "rule": "SEK008",
            "name": "equal-information-access",
            "severity": "error",
            "clause": "1e",
            "subject": {"collection": "documents", "id": "d2"},
            "message": "Parten svv fikk dokumentet 30 timer etter første utsending.",
            "locations": [{"path": "documents.xlsx", "line": 7, "pointer": "Dokumenter!7"}],
            "fingerprint": fp("SEK008", "documents/d2"),
            "waived": False,
        },
        {
            "rule": "SEK013",
            "name": "neutral-communication-platform",
            "severity": "warning",
            "clause": "3e",
            "subject": {"collection": "channels", "id": "post@bergen.kommune.no"},
            "message": "Kanalen ligger på en parts domene.",
            "locations": [{"path": "secretariat.yaml", "line": 12}],
            "fingerprint": fp("SEK013", "channels/post@bergen.kommune.no"),
            "waived": False,
        },
        {
            "rule": "SEK025",
            "name": "documents-archived",
            "severity": "error",
            "clause": "7a",
            "subject": {"collection": "documents", "id": "d1"},
            "message": "Dokumentet er ikke arkivert.",
            "locations": [{"path": "documents.csv", "line": 2}],
            "fingerprint": fp("SEK025", "documents/d1"),
            "waived": True,
        },
        {
            "rule": "SEK110",
            "name": "neutral-mediation-on-request",
            "severity": "info",
            "clause": "8a",
            "subject": {"collection": "attestations", "id": "SEK110"},
            "message": "Ingen gyldig attestasjon.",
            "locations": [{"path": "attestations.yaml", "line": 1}],
            "fingerprint": fp("SEK110", "attestations/SEK110"),
            "waived": False,
        },
    ],
    "rules": [
        {"id": "DAT001", "status": "failed", "reason": None},
        {"id": "SEK001", "status": "passed", "reason": None},
        {"id": "SEK006", "status": "disabled", "reason": "Gjelder bare Bymiljøpakken"},
        {"id": "SEK008", "status": "failed", "reason": None},
        {"id": "SEK013", "status": "failed", "reason": None},
        {"id": "SEK014", "status": "not_applicable", "reason": "Ingen frist før as_of"},
        {"id": "SEK025", "status": "waived", "reason": None},
        {"id": "SEK110", "status": "failed", "reason": None},
    ],
}


def test_json_structure_is_exactly_spec() -> None:
    out = render(json_reporter.JsonReporter(), make_result())
    assert json.loads(out) == EXPECTED_JSON
    assert out.endswith("}\n")
    assert "Miljøløftet" not in out  # region name is not a SPEC field
    assert "Gjelder bare Bymiljøpakken" in out  # ensure_ascii=False keeps UTF-8


def test_json_several_results_give_an_array() -> None:
    other = make_result((), (), region="bymiljopakken", region_name="Bymiljøpakken")
    data = json.loads(render(json_reporter.JsonReporter(), make_result(), other))
    assert isinstance(data, list)
    assert [doc["region"] for doc in data] == ["miljoloftet", "bymiljopakken"]
    assert data[1]["findings"] == [] and data[1]["summary"]["rules_checked"] == 0


# --- JUnit ------------------------------------------------------------------------------


def junit_root(*results: Result, lang: str = "en") -> ET.Element:
    return ET.fromstring(render(junit_reporter.JunitReporter(), *results, lang=lang))


def cases_by_name(suite: ET.Element) -> dict[str, ET.Element]:
    return {case.get("name", ""): case for case in suite.iter("testcase")}


def test_junit_suites_and_cases() -> None:
    other = make_result((), RULES[:2], region="bymiljopakken")
    root = junit_root(make_result(), other)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["miljoloftet", "bymiljopakken"]
    cases = cases_by_name(suites[0])
    assert list(cases) == [f"{r.id} {r.name}" for r in RULES]
    assert cases["SEK008 equal-information-access"].get("classname") == "miljoloftet.1"
    assert cases["DAT001 invalid-record"].get("classname") == "miljoloftet.data"
    assert cases["SEK025 documents-archived"].get("classname") == "miljoloftet.7"
    assert suites[0].get("failures") == "2" and suites[0].get("skipped") == "2"
    assert suites[0].get("tests") == "8"


def test_junit_failure_lists_findings_at_or_above_fail_on() -> None:
    case = cases_by_name(junit_root(make_result()).findall("testsuite")[0])[
        "SEK008 equal-information-access"
    ]
    failures = case.findall("failure")
    assert len(failures) == 1
    assert failures[0].get("message") == "2 findings"
    assert (failures[0].text or "").splitlines() == [
        "documents/d1: Parten bergen fikk ikke dokumentet. (documents.csv:2, distributions.csv:4)",
        "documents/d2: Parten svv fikk dokumentet 30 timer etter første utsending. "
        "(documents.xlsx:7 (Dokumenter!7))",
    ]
    assert case.find("system-out") is None and case.find("skipped") is None


def test_junit_below_fail_on_waived_disabled_passed() -> None:
    cases = cases_by_name(junit_root(make_result()).findall("testsuite")[0])
    warning = cases["SEK013 neutral-communication-platform"]
    assert warning.find("failure") is None
    assert "channels/post@bergen.kommune.no: Kanalen" in (warning.findtext("system-out") or "")
    waived = cases["SEK025 documents-archived"]
    assert waived.find("failure") is None
    skipped = waived.find("skipped")
    assert skipped is not None
    assert skipped.get("message") == "waived: Arkivsystemet ble byttet i 2024"
    assert "documents/d1: Dokumentet er ikke arkivert." in (waived.findtext("system-out") or "")
    disabled = cases["SEK006 tertial-financial-report"]
    assert disabled.find("failure") is None
    assert disabled.find("skipped[@message='disabled: Gjelder bare Bymiljøpakken']") is not None
    passed = cases["SEK001 meeting-prepared"]
    assert list(passed) == []
    not_applicable = cases["SEK014 action-programme-adopted"]
    assert not_applicable.findtext("system-out") == "not applicable: Ingen frist før as_of"


def test_junit_fail_on_none_puts_everything_in_system_out() -> None:
    suite = junit_root(make_result(fail_on=None)).findall("testsuite")[0]
    assert suite.get("failures") == "0"
    case = cases_by_name(suite)["SEK008 equal-information-access"]
    assert len((case.findtext("system-out") or "").splitlines()) == 2


def test_junit_fail_on_warning_fails_warnings_and_localises() -> None:
    root = junit_root(make_result(fail_on=Severity.WARNING), lang="nb")
    case = cases_by_name(root.findall("testsuite")[0])["SEK013 neutral-communication-platform"]
    failure = case.find("failure")
    assert failure is not None and failure.get("message") == "1 funn"


def test_junit_finding_of_an_unlisted_rule_still_gets_a_case() -> None:
    suite = junit_root(make_result(rules=())).findall("testsuite")[0]
    cases = cases_by_name(suite)
    assert cases["DAT001 invalid-record"].get("classname") == "miljoloftet.data"
    assert cases["DAT001 invalid-record"].find("failure") is not None


def test_junit_replaces_exactly_the_characters_xml_cannot_carry() -> None:
    """Every code point: U+FFFD exactly where XML 1.0's ``Char`` production excludes it."""

    def xml_char(c: int) -> bool:
        return c in (0x9, 0xA, 0xD) or 0x20 <= c <= 0xD7FF or 0xE000 <= c <= 0xFFFD or c >= 0x10000

    everything = "".join(map(chr, range(0x110000)))
    expected = "".join(ch if xml_char(ord(ch)) else "\ufffd" for ch in everything)
    assert junit_reporter._NOT_XML.sub("\ufffd", everything) == expected


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_junit_validates_against_published_xsd(lang: str) -> None:
    schema = xmlschema.XMLSchema(str(JUNIT_XSD))
    empty = make_result((), (), region="bymiljopakken")
    out = render(junit_reporter.JunitReporter(), make_result(), empty, lang=lang)
    schema.validate(out)
    schema.validate(render(junit_reporter.JunitReporter(), lang=lang))  # no results at all


def junit_pairs(out: str) -> list[tuple[str | None, str | None]]:
    return [(c.get("classname"), c.get("name")) for c in ET.fromstring(out).iter("testcase")]


def test_junit_has_no_disabled_attribute_the_current_xsd_rejects() -> None:
    out = render(junit_reporter.JunitReporter(), make_result())
    assert "disabled=" not in out
    root = ET.fromstring(out)
    assert root.attrib == {"tests": "8", "failures": "2", "errors": "0", "time": "0"}
    suite = root.find("testsuite")
    assert suite is not None
    assert suite.attrib == {
        "name": "miljoloftet",
        "tests": "8",
        "failures": "2",
        "errors": "0",
        "skipped": "2",
        "time": "0",
    }
    schema = xmlschema.XMLSchema(str(JUNIT_XSD))
    schema.validate(out)
    # the schema stored is the current one: what junit-xml used to write is rejected
    assert not schema.is_valid(
        '<testsuites disabled="0" tests="0"><testsuite disabled="0" errors="0" '
        'failures="0" name="x" tests="0"/></testsuites>'
    )


def test_junit_two_repositories_of_one_region_carry_the_repository() -> None:
    first = replace(make_result(), data_dir="data/2024/")
    second = replace(make_result(), data_dir="./data/noark")
    other = make_result((), RULES[:2], region="bymiljopakken")
    out = render(junit_reporter.JunitReporter(), first, second, other)
    xmlschema.XMLSchema(str(JUNIT_XSD)).validate(out)
    suites = ET.fromstring(out).findall("testsuite")
    assert [s.get("name") for s in suites] == [
        "miljoloftet [data/2024]",
        "miljoloftet [data/noark]",
        "bymiljopakken",
    ]
    assert cases_by_name(suites[0])["SEK008 equal-information-access"].get("classname") == (
        "miljoloftet[data/2024].1"
    )
    assert cases_by_name(suites[1])["DAT001 invalid-record"].get("classname") == (
        "miljoloftet[data/noark].data"
    )
    assert cases_by_name(suites[2])["SEK001 meeting-prepared"].get("classname") == (
        "bymiljopakken.1"
    )
    pairs = junit_pairs(out)
    assert len(pairs) == len(set(pairs)) == 18
    # every suite says which repository and region it is, even a region given once
    assert [
        {p.get("name"): p.get("value") for p in suite.findall("properties/property")}
        for suite in suites
    ] == [
        {"repository": "data/2024", "region": "miljoloftet"},
        {"repository": "data/noark", "region": "miljoloftet"},
        {"repository": ".", "region": "bymiljopakken"},
    ]


def test_junit_the_same_repository_twice_is_numbered() -> None:
    out = render(junit_reporter.JunitReporter(), make_result(), make_result())
    xmlschema.XMLSchema(str(JUNIT_XSD)).validate(out)
    suites = ET.fromstring(out).findall("testsuite")
    assert [s.get("name") for s in suites] == ["miljoloftet [.]", "miljoloftet [. #2]"]
    assert cases_by_name(suites[1])["SEK001 meeting-prepared"].get("classname") == (
        "miljoloftet[. #2].1"
    )
    pairs = junit_pairs(out)
    assert len(pairs) == len(set(pairs)) == 16


def test_junit_characters_xml_cannot_carry_become_replacement_characters() -> None:
    bad = (
        finding(
            "DAT001", "invalid-record", Severity.ERROR, "", "data", "meetings/m\x01",
            "Verdien «a\x00b\ud800» er ugyldig.", Location("meetings.csv", 2),
        ),
    )  # fmt: skip
    out = render(junit_reporter.JunitReporter(), make_result(bad, RULES[:1]))
    xmlschema.XMLSchema(str(JUNIT_XSD)).validate(out)
    case = cases_by_name(ET.fromstring(out).findall("testsuite")[0])["DAT001 invalid-record"]
    assert (case.findtext("failure") or "") == (
        "meetings/m\ufffd: Verdien «a\ufffdb\ufffd» er ugyldig. (meetings.csv:2)"
    )


def test_junit_reason_attributes_are_one_line() -> None:
    rule = RuleOutcome(
        "SEK006", "tertial-financial-report", "disabled", reason="Gjelder\nbare  BMP"
    )
    case = junit_root(make_result((), (rule,))).find("testsuite/testcase/skipped")
    assert case is not None and case.get("message") == "disabled: Gjelder bare BMP"


def test_junit_has_no_timestamps_or_hostnames() -> None:
    out = render(junit_reporter.JunitReporter(), make_result())
    assert "timestamp" not in out and "hostname" not in out
    assert out.startswith('<?xml version="1.0" encoding="utf-8"?>')


# --- text -------------------------------------------------------------------------------


def headings(out: str) -> list[str]:
    return [
        line
        for line in out.splitlines()
        if line[:1].isdigit() or (line.startswith("Data") and ":" not in line)
    ]


def test_text_groups_by_section_data_first() -> None:
    out = render(text_reporter.TextReporter(), make_result(), lang="nb")
    assert headings(out) == [
        "Dataintegritet",
        "1. Sekretariatets rolle i byvekstavtalesamarbeidet",
        "3. Utadrettet informasjon og kommunikasjon",
        "7. Dokumenthåndtering",
        "8. Håndtering av faglig uenighet",
    ]
    assert out.index("documents/d1") < out.index("documents/d2")  # sorted within a section
    assert "  feil  SEK008 equal-information-access (punkt 1e)  documents/d1" in out
    assert "documents.csv:2, distributions.csv:4" in out
    assert "documents.xlsx:7 (Dokumenter!7)" in out


def test_text_header_waived_and_summary_nb() -> None:
    out = render(text_reporter.TextReporter(), make_result(), lang="nb")
    lines = out.splitlines()
    assert lines[:5] == [
        "Miljøløftet (miljoloftet)",
        "Datarepositorium: .",
        "Regelsett: miljoloftet",
        "Periode: 2024-01-01 – 2024-12-31",
        "Per dato: 2025-06-30",
    ]
    assert "  feil (unntatt)  SEK025 documents-archived (punkt 7a)  documents/d1" in lines
    assert "    unntatt: Arkivsystemet ble byttet i 2024" in lines
    disabled = lines.index("Deaktiverte regler")
    assert lines[disabled + 1] == "  SEK006 tertial-financial-report: Gjelder bare Bymiljøpakken"
    assert (
        lines[-1] == "Funn – feil: 3, advarsler: 1, info: 1, unntatt: 1; Regler: 7 sjekket, 4 brutt"
    )


def test_text_in_english() -> None:
    out = render(text_reporter.TextReporter(), make_result(), lang="en")
    assert "1. The secretariat's role in the urban growth agreement cooperation" in out
    assert "Data integrity" in out
    assert "  warning  SEK013 neutral-communication-platform (clause 3e)" in out
    assert "    waived: Arkivsystemet ble byttet i 2024" in out
    assert out.splitlines()[-1] == (
        "Findings – errors: 3, warnings: 1, info: 1, waived: 1; Rules: 7 checked, 4 failed"
    )


def test_text_no_findings() -> None:
    out = render(text_reporter.TextReporter(), make_result((), RULES[:2]), lang="en")
    assert "No findings." in out
    assert "Findings – errors: 0, warnings: 0, info: 0, waived: 0" in out


def test_text_color_only_when_asked() -> None:
    plain = render(text_reporter.TextReporter(), make_result(), color=False)
    coloured = render(text_reporter.TextReporter(), make_result(), color=True)
    assert not ANSI.search(plain)
    assert ANSI.search(coloured)
    assert ANSI.sub("", coloured) == plain


def test_text_several_results() -> None:
    other = make_result((), (), region="bymiljopakken", region_name="Bymiljøpakken")
    out = render(text_reporter.TextReporter(), make_result(), other)
    assert "Miljøløftet (miljoloftet)" in out and "Bymiljøpakken (bymiljopakken)" in out


def test_text_several_repositories_of_one_region_say_which() -> None:
    first = replace(make_result(), data_dir="data/bergen/")
    second = replace(make_result(), data_dir="data/askoy")
    blocks = render(text_reporter.TextReporter(), first, second).split("\n\n")
    heads = [block.splitlines()[:2] for block in blocks if block.startswith("Miljøløftet")]
    assert heads == [
        ["Miljøløftet (miljoloftet)", "Datarepositorium: data/bergen"],
        ["Miljøløftet (miljoloftet)", "Datarepositorium: data/askoy"],
    ]


def test_text_rules_left_out_by_the_selection_are_one_line() -> None:
    left = tuple(
        RuleOutcome(f"SEK0{n}", "x", "disabled", reason="not selected", section="1")
        for n in range(10, 42)
    )
    result = make_result(rules=(*RULES, *left))
    lines = render(text_reporter.TextReporter(), result).splitlines()
    disabled = lines.index("Deaktiverte regler")
    assert lines[disabled : disabled + 4] == [
        "Deaktiverte regler",
        "  SEK006 tertial-financial-report: Gjelder bare Bymiljøpakken",
        "32 regler er ikke valgt (--select/--ignore)",
        "",
    ]
    one = make_result((), (left[0],))
    english = render(text_reporter.TextReporter(), one, lang="en").splitlines()
    assert "1 rule not selected (--select/--ignore)" in english
    assert "Disabled rules" not in english
    validate = text_reporter.TextReporter().render([result], ReportOptions(inventory=True))
    assert "32 regler er ikke kjørt (validate kjører bare DAT-reglene)" in validate.splitlines()


def test_text_baseline_marks_new_findings_and_names_fixed_ones() -> None:
    old, new = FINDINGS[1], FINDINGS[2]  # SEK008 documents/d2, documents/d1
    result = replace(
        make_result((replace(old, baselined=True), new), RULES),
        baseline_fixed=("f1", "f2"),
        fixed_described={"f1": "SEK025 documents/d7"},
    )
    lines = render(text_reporter.TextReporter(), result).splitlines()
    assert [line for line in lines if line.startswith("  feil")] == [
        "  feil (ny)  SEK008 equal-information-access (punkt 1e)  documents/d1",
        "  feil  SEK008 equal-information-access (punkt 1e)  documents/d2",
    ]
    assert lines[-5:-1] == [
        "Mot grunnlinjen: 1 nytt funn, 2 rettet",
        "Rettet siden grunnlinjen:",
        "  SEK025 documents/d7",
        "  f2",
    ]
    two = replace(make_result(FINDINGS[:2], RULES), baseline_fixed=())
    english = render(text_reporter.TextReporter(), two, lang="en").splitlines()
    assert english[-2] == "Against the baseline: 2 new findings, 0 fixed"
    assert any(line.startswith("  error (new)  ") for line in english)


# --- all reporters ----------------------------------------------------------------------

REPORTER_MODULES = (text_reporter, json_reporter, junit_reporter)


@pytest.mark.parametrize("module", REPORTER_MODULES, ids=lambda m: m.__name__)
def test_render_is_deterministic(module: Any) -> None:
    (reporter,) = module.secretariat_reporters()
    first = render(reporter, make_result(), lang="nb", color=True)
    reordered = make_result(tuple(reversed(FINDINGS)), tuple(reversed(RULES)))
    assert render(reporter, reordered, lang="nb", color=True) == first
    assert render(reporter, make_result(), lang="nb", color=True) == first


def test_reporters_register_through_the_hook() -> None:
    pm = pluggy.PluginManager("secretariat_rules")
    pm.add_hookspecs(hookspecs)
    for module in REPORTER_MODULES:
        pm.register(module)
    pm.check_pending()
    reporters = [r for answer in pm.hook.secretariat_reporters() for r in answer]
    assert sorted((r.name, r.suffix) for r in reporters) == [
        ("json", ".json"),
        ("junit", ".xml"),
        ("text", ".txt"),
    ]
    for reporter in reporters:
        assert isinstance(reporter.render([make_result()], ReportOptions()), str)
