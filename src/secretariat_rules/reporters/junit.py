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

Deterministic: no timestamps, no host names, no durations (junit-xml writes ``time="0"``).
The output validates against the Jenkins xUnit plugin's ``junit-10.xsd`` as junit-xml
writes it, so no post-processing is needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from junit_xml import TestCase, TestSuite, to_xml_report_string

from .. import hookimpl
from ..findings import Finding, Result, RuleOutcome, Severity
from ..i18n.catalog import t, tn
from .base import Reporter, ReportOptions

if TYPE_CHECKING:
    from ..audit import Audit, RegionAudit


class JunitReporter:
    """JUnit XML: rules as test cases, findings as their failures."""

    name = "junit"
    suffix = ".xml"

    def render(self, results: Sequence[Result], options: ReportOptions) -> str:
        """Return one ``<testsuites>`` document with a suite per result."""
        suites = [_suite(result, options.lang) for result in results]
        return str(to_xml_report_string(suites, prettyprint=True, encoding="utf-8"))

    def render_audit(self, audit: Audit, options: ReportOptions) -> str:
        """Return a suite per region, a test case per rule of its own ruleset.

        A region's suite is exactly what ``check`` writes for it; a broken region gets
        one test case, ``data-repository``, with an ``<error>`` giving the message.
        """
        suites = [
            _suite(region.own, options.lang) if region.own else _broken_suite(region)
            for region in audit.regions
        ]
        return str(to_xml_report_string(suites, prettyprint=True, encoding="utf-8"))


def _suite(result: Result, lang: str) -> TestSuite:
    """The suite of one result: a test case per rule, in rule id order."""
    by_rule: dict[str, list[Finding]] = {}
    for finding in sorted(result.findings, key=lambda f: f.sort_key):
        by_rule.setdefault(finding.rule, []).append(finding)
    rules = {rule.id: rule for rule in result.rules}
    for rule_id, findings in by_rule.items():  # a finding of a rule the outcomes omit
        rules.setdefault(rule_id, RuleOutcome.of_finding(findings[0]))
    cases = [
        _case(result, rules[rule_id], by_rule.get(rule_id, []), lang) for rule_id in sorted(rules)
    ]
    return TestSuite(result.region, cases)


def _broken_suite(region: RegionAudit) -> TestSuite:
    """The suite of a region that could not be audited."""
    case = TestCase("data-repository", classname=region.id)
    case.add_error_info(message=_one_line(region.message), output=region.message)
    return TestSuite(region.id, [case])


def _case(result: Result, rule: RuleOutcome, findings: list[Finding], lang: str) -> TestCase:
    """The test case of one rule, with its failure, skip and output."""
    classname = f"{result.region}.{rule.section}" if rule.section else result.region
    case = TestCase(f"{rule.id} {rule.name}", classname=classname)
    failing = [f for f in findings if _fails(f, result.fail_on)]
    others = [f for f in findings if not _fails(f, result.fail_on)]
    if rule.status == "disabled":
        case.add_skipped_info(message=t("disabled.reason", lang, reason=_one_line(rule.reason)))
    elif failing:
        text = "\n".join(_line(f, lang) for f in failing)
        case.add_failure_info(message=tn("findings", len(failing), lang), output=text)
    elif findings and all(f.waived for f in findings):
        reasons = "; ".join(dict.fromkeys(_one_line(f.waiver_reason) for f in findings))
        case.add_skipped_info(message=t("waived.reason", lang, reason=reasons))
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
    """A reason fit for a ``message`` attribute.

    junit-xml pretty-prints through minidom, which writes a newline in an attribute
    literally; XML parsers then read it as a space. Collapsing whitespace here makes
    what we write what a CI reads.
    """
    return " ".join((reason or "-").split())


@hookimpl
def secretariat_reporters() -> list[Reporter]:
    """Provide the ``junit`` reporter."""
    return [JunitReporter()]
