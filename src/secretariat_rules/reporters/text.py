"""The text reporter: findings grouped by guideline section, for people at a terminal.

Data integrity findings come first (they often explain the others), then the guideline
sections in numeric order; within a section, findings are sorted by rule and subject.
ANSI colour only when :attr:`ReportOptions.color` is set.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import groupby

import click

from .. import hookimpl
from ..findings import Finding, Result, Severity
from ..i18n.catalog import section_title, severity_label, t
from .base import Reporter, ReportOptions

INDENT = "    "
_SEVERITY_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def section_order(section: str) -> tuple[int, int, str]:
    """Sort key: ``data`` first, then numeric sections by number, then any other name."""
    if section == "data":
        return (0, 0, "")
    if section.isdigit():
        return (1, int(section), section)
    return (2, 0, section)


class TextReporter:
    """Plain or coloured text, one block per data repository."""

    name = "text"
    suffix = ".txt"

    def render(self, results: Sequence[Result], options: ReportOptions) -> str:
        """Return every result's block, separated by a blank line."""
        return "\n".join(_Block(result, options).render() for result in results)


class _Block:
    """Renders one result; holds the options so helpers stay short."""

    def __init__(self, result: Result, options: ReportOptions) -> None:
        self.result = result
        self.lang = options.lang
        self.color = options.color

    def style(
        self,
        text: str,
        fg: str | None = None,
        *,
        bold: bool | None = None,
        dim: bool | None = None,
        underline: bool | None = None,
    ) -> str:
        """``text`` in ANSI style when colour is on, else unchanged."""
        if not self.color:
            return text
        return click.style(text, fg=fg, bold=bold, dim=dim, underline=underline)

    def render(self) -> str:
        lines = [*self.header(), ""]
        lines += self.body() or [t("no_findings", self.lang), ""]
        lines += self.disabled()
        lines += self.summary()
        return "\n".join(lines) + "\n"

    def header(self) -> list[str]:
        r = self.result
        title = f"{r.region_name} ({r.region})" if r.region_name else r.region
        return [
            self.style(title, bold=True),
            t("header.ruleset", self.lang, ruleset=r.ruleset),
            t("header.period", self.lang, start=r.period_start, end=r.period_end),
            t("header.as_of", self.lang, as_of=r.as_of),
        ]

    def body(self) -> list[str]:
        lines: list[str] = []
        for section, findings in _by_section(self.result.findings):
            lines.append(self.style(section_title(section, self.lang), bold=True, underline=True))
            for finding in findings:
                lines += self.finding(finding)
            lines.append("")
        return lines

    def finding(self, f: Finding) -> list[str]:
        label = severity_label(f.severity.label, self.lang)
        if f.waived:
            label = self.style(f"{label} ({t('waived', self.lang)})", dim=True)
        else:
            label = self.style(label, fg=_SEVERITY_COLORS[f.severity], bold=True)
        clause = f" ({t('clause', self.lang, clause=f.clause)})" if f.clause else ""
        head = f"  {label}  {self.style(f.rule, bold=True)} {f.name}{clause}  {f.subject}"
        lines = [head, *(INDENT + line for line in f.message.splitlines())]
        if f.locations:
            where = ", ".join(str(loc) for loc in f.locations)
            lines.append(INDENT + self.style(where, fg="cyan"))
        if f.waived:
            reason = f.waiver_reason or "-"
            lines.append(
                INDENT + self.style(t("waived.reason", self.lang, reason=reason), dim=True)
            )
        return lines

    def disabled(self) -> list[str]:
        """Disabled rules with the ruleset's reason (SPEC §3: shown in reports)."""
        rules = sorted((r for r in self.result.rules if r.status == "disabled"), key=lambda r: r.id)
        if not rules:
            return []
        lines = [self.style(t("disabled.heading", self.lang), bold=True)]
        lines += [f"  {r.id} {r.name}: {r.reason or '-'}" for r in rules]
        return [*lines, ""]

    def summary(self) -> list[str]:
        r = self.result
        checked = sum(1 for rule in r.rules if rule.status != "disabled")
        failed = sum(1 for rule in r.rules if rule.status == "failed")
        counts = t(
            "summary.findings",
            self.lang,
            error=r.count(Severity.ERROR),
            warning=r.count(Severity.WARNING),
            info=r.count(Severity.INFO),
            waived=r.waived_count,
        )
        lines = [
            self.style(counts, bold=True),
            t("summary.rules", self.lang, checked=checked, failed=failed),
        ]
        if r.baseline_fixed is not None:
            new = sum(1 for f in r.findings if not f.baselined)
            fixed = len(r.baseline_fixed)
            lines.append(t("summary.baseline", self.lang, new=new, fixed=fixed))
        return lines


def _by_section(findings: Iterable[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by section (in :func:`section_order`), sorted by rule and subject."""
    ordered = sorted(findings, key=lambda f: (section_order(f.section), f.sort_key))
    return [(section, list(group)) for section, group in groupby(ordered, key=lambda f: f.section)]


@hookimpl
def secretariat_reporters() -> list[Reporter]:
    """Provide the ``text`` reporter."""
    return [TextReporter()]
