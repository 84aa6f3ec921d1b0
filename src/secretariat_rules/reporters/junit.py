"""The JUnit XML reporter, for the test views of Jenkins, GitLab and GitHub.

One ``<testsuite>`` per data repository (named by region), one ``<testcase>`` per rule
(``classname`` ``REGION.SECTION``, ``name`` ``SEK008 equal-information-access``):

* unwaived findings at or above ``fail_on`` that the baseline does not hold: one
  ``<failure>`` listing them;
* other findings (below ``fail_on``, waived, or in the ``--baseline``): listed in
  ``<system-out>``, a waived one marked with its reason, a baselined one marked
  ``[baseline]`` (``[grunnlinje]``);
* every finding waived: ``<skipped>`` with the waiver reasons;
* a disabled rule: ``<skipped>`` with the reason it was disabled.

**Unique names.** Every (``classname``, ``name``) pair is unique in a file, as CI test
views key on it. When several data repositories of one region are in one file (two
layouts of the same records, or an audit of two directories), each of their suites is
named ``REGION [REPOSITORY]`` and their classnames are ``REGION[REPOSITORY].SECTION``
(the repository as given, normalised); the same repository given twice is numbered
``#2``, ``#3``... A region given once keeps the plain ``REGION`` and ``REGION.SECTION``.
Every suite also says which repository it is: ``<properties>`` with ``repository`` (as
given, normalised) and ``region``.

**Schema.** The output validates against the *current* Jenkins xUnit plugin's
``junit-10.xsd`` (``tests/data/junit.xsd``): ``testsuites`` carries only ``tests``,
``failures``, ``errors`` and ``time``; ``testsuite`` ``name``, ``tests``, ``failures``,
``errors``, ``skipped`` and ``time``; ``testcase`` ``name`` and ``classname``. In
particular no ``disabled`` attribute, which that schema rejects. Characters XML 1.0
cannot carry (control characters, lone surrogates) are written as U+FFFD.

Deterministic: no timestamps, no host names, no durations (``time="0"``), written with
:mod:`xml.etree.ElementTree` and tab-indented.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..findings import Finding, Result, RuleOutcome, Severity
from ..i18n.catalog import t, tn
from ..markers import hookimpl
from .base import Reporter, ReportOptions, repository_path

if TYPE_CHECKING:
    from ..audit_results import Audit, RegionAudit

XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""A character XML 1.0 cannot carry: the complement of its ``Char`` production (tab, line
feed, carriage return, U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF), written as the few
ranges it is: the negated class of the production's own ranges takes ~5 ms to compile, in
every process that loads the reporters."""


@dataclass
class _Case:
    """A test case as it will be written."""

    name: str
    classname: str
    failure: tuple[str, str] | None = None
    error: tuple[str, str] | None = None
    skipped: str | None = None
    stdout: str | None = None


@dataclass
class _Suite:
    name: str
    cases: list[_Case] = field(default_factory=list)
    properties: tuple[tuple[str, str], ...] = ()
    """``<property>`` name and value pairs: which repository and region the suite is."""


class JunitReporter:
    """JUnit XML: rules as test cases, findings as their failures."""

    name = "junit"
    suffix = ".xml"

    def render(self, results: Sequence[Result], options: ReportOptions) -> str:
        """Return one ``<testsuites>`` document with a suite per result."""
        labels = suite_labels([(r.region, r.data_dir) for r in results])
        suites = [
            _suite(result, options.lang, label)
            for result, label in zip(results, labels, strict=True)
        ]
        return to_xml(suites)

    def render_audit(self, audit: Audit, options: ReportOptions) -> str:
        """Return a suite per region, a test case per rule of its own ruleset.

        A region's suite is exactly what ``check`` writes for it; a broken region gets
        one test case, ``data-repository``, with an ``<error>`` giving the message.
        """
        labels = suite_labels([(r.id, r.data_dir) for r in audit.regions])
        suites = [
            _suite(region.own, options.lang, label) if region.own else _broken_suite(region, label)
            for region, label in zip(audit.regions, labels, strict=True)
        ]
        return to_xml(suites)


def suite_labels(entries: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """(suite name, classname prefix) for each (region, data directory), unique per file.

    A region given once: (``REGION``, ``REGION``). A region given several times:
    (``REGION [REPO]``, ``REGION[REPO]``), and ``#2``, ``#3``... after the repository
    when the same one is given again.
    """
    regions = Counter(region for region, _ in entries)
    seen: Counter[tuple[str, str]] = Counter()
    labels = []
    for region, data_dir in entries:
        if regions[region] == 1:
            labels.append((region, region))
            continue
        repo = repository_path(data_dir)
        seen[(region, repo)] += 1
        if seen[(region, repo)] > 1:
            repo += f" #{seen[(region, repo)]}"
        labels.append((f"{region} [{repo}]", f"{region}[{repo}]"))
    return labels


def _suite(result: Result, lang: str, label: tuple[str, str]) -> _Suite:
    """The suite of one result: a test case per rule, in rule id order."""
    by_rule: dict[str, list[Finding]] = {}
    for finding in sorted(result.findings, key=lambda f: f.sort_key):
        by_rule.setdefault(finding.rule, []).append(finding)
    rules = {rule.id: rule for rule in result.rules}
    for rule_id, findings in by_rule.items():  # a finding of a rule the outcomes omit
        rules.setdefault(rule_id, RuleOutcome.of_finding(findings[0]))
    name, prefix = label
    cases = [
        _case(result, rules[rule_id], by_rule.get(rule_id, []), lang, prefix)
        for rule_id in sorted(rules)
    ]
    return _Suite(name, cases, _where(result.data_dir, result.region))


def _where(data_dir: str, region: str) -> tuple[tuple[str, str], ...]:
    """The suite's properties: the repository as given on the command line, its region."""
    return (("repository", repository_path(data_dir)), ("region", region))


def _broken_suite(region: RegionAudit, label: tuple[str, str]) -> _Suite:
    """The suite of a region that could not be audited (broken or crashed)."""
    name, prefix = label
    message = region.message or region.status
    case = _Case("data-repository", prefix, error=(_one_line(message), message))
    return _Suite(name, [case], _where(region.data_dir, region.id))


def _case(
    result: Result, rule: RuleOutcome, findings: list[Finding], lang: str, prefix: str
) -> _Case:
    """The test case of one rule, with its failure, skip and output."""
    classname = f"{prefix}.{rule.section}" if rule.section else prefix
    case = _Case(f"{rule.id} {rule.name}", classname)
    failing = [f for f in findings if _fails(f, result.fail_on)]
    others = [f for f in findings if not _fails(f, result.fail_on)]
    if rule.status == "disabled":
        case.skipped = t("disabled.reason", lang, reason=_one_line(rule.reason))
    elif failing:
        text = "\n".join(_line(f, lang) for f in failing)
        case.failure = (tn("findings", len(failing), lang), text)
    elif findings and all(f.waived for f in findings):
        reasons = "; ".join(dict.fromkeys(_one_line(f.waiver_reason) for f in findings))
        case.skipped = t("waived.reason", lang, reason=reasons)
    out = [_line(f, lang) for f in others]
    if rule.status == "not_applicable" and rule.reason:
        out.insert(0, t("not_applicable.reason", lang, reason=rule.reason))
    case.stdout = "\n".join(out) or None
    return case


def _fails(finding: Finding, fail_on: Severity | None) -> bool:
    """Whether a finding fails its test case: as :attr:`Result.failing` decides."""
    return (
        fail_on is not None
        and not finding.waived
        and not finding.baselined
        and finding.severity >= fail_on
    )


def _line(finding: Finding, lang: str) -> str:
    """``subject: message (path:line, ...)``, marked when waived or in the baseline."""
    text = f"{finding.subject}: {finding.message}"
    if finding.locations:
        text += " (" + ", ".join(str(loc) for loc in finding.locations) + ")"
    if finding.waived:
        text += f" [{t('waived.reason', lang, reason=finding.waiver_reason or '-')}]"
    if finding.baselined:
        text += f" [{t('baselined', lang)}]"
    return text


def _one_line(reason: str | None) -> str:
    """A reason fit for a ``message`` attribute: whitespace collapsed to single spaces,
    so that what a CI shows in its one-line summary is the whole reason."""
    return " ".join((reason or "-").split())


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 cannot carry replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _unique(suites: Sequence[_Suite]) -> None:
    """Number a (classname, name) pair met again (``#2``...), whatever made it repeat."""
    seen: Counter[tuple[str, str]] = Counter()
    for suite in suites:
        for case in suite.cases:
            seen[(case.classname, case.name)] += 1
            count = seen[(case.classname, case.name)]
            if count > 1:
                case.name = f"{case.name} #{count}"


def to_xml(suites: Sequence[_Suite]) -> str:
    """The ``<testsuites>`` document: counts, suites, cases, tab-indented."""
    _unique(suites)
    root = ET.Element("testsuites")
    totals = Counter[str]()
    for suite in suites:
        counts = {
            "tests": len(suite.cases),
            "failures": sum(1 for c in suite.cases if c.failure),
            "errors": sum(1 for c in suite.cases if c.error),
            "skipped": sum(1 for c in suite.cases if c.skipped is not None),
        }
        totals.update(counts)
        element = ET.SubElement(root, "testsuite", name=xml_safe(suite.name))
        for key, value in counts.items():
            element.set(key, str(value))
        element.set("time", "0")
        if suite.properties:
            holder = ET.SubElement(element, "properties")
            for prop, text in suite.properties:
                ET.SubElement(holder, "property", name=prop, value=xml_safe(text))
        for case in suite.cases:
            _case_element(element, case)
    for key in ("tests", "failures", "errors"):
        root.set(key, str(totals[key]))
    root.set("time", "0")
    ET.indent(root, space="\t")
    return XML_DECLARATION + "\n" + ET.tostring(root, encoding="unicode") + "\n"


def _case_element(parent: ET.Element, case: _Case) -> None:
    element = ET.SubElement(
        parent, "testcase", name=xml_safe(case.name), classname=xml_safe(case.classname)
    )
    for tag, value in (("failure", case.failure), ("error", case.error)):
        if value is not None:
            message, text = value
            child = ET.SubElement(element, tag, type=tag, message=xml_safe(message))
            child.text = xml_safe(text)
    if case.skipped is not None:
        ET.SubElement(element, "skipped", type="skipped", message=xml_safe(case.skipped))
    if case.stdout:
        ET.SubElement(element, "system-out").text = xml_safe(case.stdout)


@hookimpl
def secretariat_reporters() -> list[Reporter]:
    """Provide the ``junit`` reporter."""
    return [JunitReporter()]
