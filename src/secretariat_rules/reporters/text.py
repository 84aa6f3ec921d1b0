"""The text reporter: findings grouped by guideline section, for people at a terminal.

Data integrity findings come first (they often explain the others), then the guideline
sections in numeric order; within a section, findings are sorted by rule and subject.
With :attr:`ReportOptions.inventory` (``validate``), what each records-system source read
comes before them (:mod:`.inventory`).
ANSI colour only when :attr:`ReportOptions.color` is set; no character of the data
controls the terminal (:mod:`.terminal`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from ..findings import Finding, Result, Severity
from ..i18n.catalog import section_title, severity_label, t
from ..markers import hookimpl
from .base import (
    Reporter,
    ReportOptions,
    by_section,
    cell_symbol,
    compliance_text,
    repository_path,
)
from .inventory import text_lines
from .reference import describe_tailoring
from .summary import (
    baseline_line,
    fixed_findings,
    is_new,
    left_out,
    not_selected_line,
    summary_line,
)
from .terminal import terminal_line

if TYPE_CHECKING:
    from ..audit_results import Audit, Matrix

INDENT = "    "
_SEVERITY_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


class TextReporter:
    """Plain or coloured text, one block per data repository."""

    name = "text"
    suffix = ".txt"

    def render(self, results: Sequence[Result], options: ReportOptions) -> str:
        """Return every result's block, separated by a blank line."""
        return "\n".join(_Block(result, options).render() for result in results)

    def render_audit(self, audit: Audit, options: ReportOptions) -> str:
        """Return the audit: regions, both matrices as aligned tables, tailoring register.

        The matrix is printed with rules as rows and regions as numbered columns (the
        numbers of the region list), so nine regions still fit a terminal.
        """
        return _AuditBlock(audit, options).render()


class _Styler:
    """Holds the options so rendering helpers stay short."""

    def __init__(self, options: ReportOptions) -> None:
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

    def joined(self, lines: Sequence[str]) -> str:
        """The lines as the report's text, each safe for a terminal (:mod:`.terminal`):
        what came from the data cannot control it, the report's own colours stay."""
        return "\n".join(terminal_line(line, colour=self.color) for line in lines)


class _Block(_Styler):
    """Renders one result."""

    def __init__(self, result: Result, options: ReportOptions) -> None:
        super().__init__(options)
        self.result = result
        self.inventory = options.inventory

    def render(self) -> str:
        lines = [*self.header(), ""]
        lines += self.sources()
        lines += self.body() or [t("no_findings", self.lang), ""]
        lines += self.disabled()
        lines += self.baseline()
        lines.append(self.style(summary_line(self.result, self.lang), bold=True))
        return self.joined(lines) + "\n"

    def header(self) -> list[str]:
        r = self.result
        title = f"{r.region_name} ({r.region})" if r.region_name else r.region
        return [
            self.style(title, bold=True),
            t("header.repository", self.lang, path=repository_path(r.data_dir)),
            t("header.ruleset", self.lang, ruleset=r.ruleset),
            t("header.period", self.lang, start=r.period_start, end=r.period_end),
            t("header.as_of", self.lang, as_of=r.as_of),
        ]

    def sources(self) -> list[str]:
        """What each source read, when asked (``validate``) and some source reported it."""
        if not self.inventory or not self.result.sources:
            return []
        heading, *rest = text_lines(self.result.sources, self.lang)
        return [self.style(heading, bold=True, underline=True), *rest, ""]

    def body(self) -> list[str]:
        lines: list[str] = []
        for section, findings in by_section(self.result.findings):
            lines.append(self.style(section_title(section, self.lang), bold=True, underline=True))
            for i, finding in enumerate(findings):
                lines += self.finding(finding)
                if i + 1 == len(findings) or findings[i + 1].rule != finding.rule:
                    lines += self.fix(finding.rule)
            lines.append("")
        return lines

    def fix(self, rule_id: str) -> list[str]:
        """What to do, once after a rule's findings (not per finding)."""
        text = self.result.rule_texts.get(rule_id, {}).get("fix")
        if not text:
            return []
        label = self.style(f"{t('fix', self.lang)} ({rule_id}):", fg="green", bold=True)
        return [f"  {label} {text}"]

    def finding(self, f: Finding) -> list[str]:
        label = severity_label(f.severity.label, self.lang)
        if f.waived:
            label = self.style(f"{label} ({t('waived', self.lang)})", dim=True)
        elif is_new(f, self.result):
            label = f"{label} ({t('baseline.new', self.lang)})"
            label = self.style(label, fg=_SEVERITY_COLORS[f.severity], bold=True)
        else:
            label = self.style(label, fg=_SEVERITY_COLORS[f.severity], bold=True)
        clause = f" ({t('clause', self.lang, clause=f.clause)})" if f.clause else ""
        head = f"  {label}  {self.style(f.rule, bold=True)} {f.name}{clause}  {f.subject}"
        # one line: a line feed in a message came from the data (a file name, a value)
        lines = [head, INDENT + f.message]
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
        """Rules disabled by the ruleset, with its reason (SPEC §3: shown in reports); the
        rules the selection left out as one line."""
        rules = sorted(
            (r for r in self.result.rules if r.status == "disabled" and not left_out(r)),
            key=lambda r: r.id,
        )
        lines = []
        if rules:
            lines = [self.style(t("disabled.heading", self.lang), bold=True)]
            lines += [f"  {r.id} {r.name}: {r.reason or '-'}" for r in rules]
        left = not_selected_line(self.result, self.lang, validate=self.inventory)
        if left:
            lines.append(left)
        return [*lines, ""] if lines else []

    def baseline(self) -> list[str]:
        """With a baseline: new and fixed counts, then the fixed findings by rule and subject."""
        line = baseline_line(self.result, self.lang)
        if line is None:
            return []
        fixed = fixed_findings(self.result)
        if not fixed:
            return [line]
        return [line, t("baseline.fixed", self.lang) + ":", *(f"  {item}" for item in fixed)]


# --------------------------------------------------------------------------- audit


_CELL_COLORS = {"passed": "green", "failed": "red", "waived": "yellow"}

Styled = tuple[str, str | None]
"""A table cell's text and its colour (or ``None``)."""


class _AuditBlock(_Styler):
    """Renders an audit with the same styling helpers as a result block."""

    def __init__(self, audit: Audit, options: ReportOptions) -> None:
        super().__init__(options)
        self.audit = audit

    def render(self) -> str:
        lines = [*self.audit_header(), "", *self.regions(), ""]
        for matrix in self.audit.matrices:
            lines += [*self.matrix(matrix), ""]
        lines += self.register()
        return self.joined(lines).rstrip("\n") + "\n"

    def table(self, rows: Sequence[Sequence[Styled]], right: Sequence[bool]) -> list[str]:
        """Aligned columns, two spaces apart; colour is applied after padding."""
        widths = [max(len(row[i][0]) for row in rows) for i in range(len(rows[0]))]
        lines = []
        for row in rows:
            cells = []
            for (text, fg), width, is_right in zip(row, widths, right, strict=True):
                padded = text.rjust(width) if is_right else text.ljust(width)
                cells.append(self.style(padded, fg) if fg else padded)
            lines.append(("  " + "  ".join(cells)).rstrip())
        return lines

    def audit_header(self) -> list[str]:
        a = self.audit
        ok = sum(1 for r in a.regions if r.ok)
        lines = [
            self.style(t("audit.title", self.lang), bold=True),
            t(
                "audit.summary",
                self.lang,
                regions=len(a.region_ids),
                repositories=len(a.regions),
                ok=ok,
                broken=len(a.broken),
                crashed=len(a.crashed),
                failing=len(a.failing),
            ),
            t("audit.baseline", self.lang, baseline=a.baseline),
        ]
        if a.as_of:
            lines.append(t("header.as_of", self.lang, as_of=a.as_of))
        else:
            lines.append(t("audit.as_of.manifest", self.lang))
        return lines

    def regions(self) -> list[str]:
        a, lang = self.audit, self.lang
        head: list[Styled] = [
            ("#", None),
            (t("audit.region", lang), None),
            (t("audit.name", lang), None),
            (t("audit.data_dir", lang), None),
            (t("audit.ruleset", lang), None),
            (t("audit.status", lang), None),
            (t("audit.compliance.national", lang, baseline=a.baseline), None),
            (t("audit.compliance.own", lang), None),
        ]
        rows = [head]
        for number, (region, national, own) in enumerate(
            zip(a.regions, a.national.rows, a.own.rows, strict=True), start=1
        ):
            status = t(f"audit.status.{region.status}", lang)
            rows.append(
                [
                    (str(number), None),
                    (region.id, None),
                    (region.name, None),
                    (repository_path(region.data_dir), None),
                    (region.ruleset or "–", None),
                    (status, None if region.ok else "red"),
                    (compliance_text(national.compliance), None),
                    (compliance_text(own.compliance), None),
                ]
            )
        lines = [self.style(t("audit.regions", lang), bold=True, underline=True)]
        lines += self.table(rows, [True, False, False, False, False, False, True, True])
        for number, region in enumerate(a.regions, start=1):
            if region.message:
                lines.append(self.style(f"  {number} {region.id}:", fg="red"))
                lines += [INDENT + line for line in region.message.splitlines()]
        lines.append(t("audit.compliance.region", lang))
        return lines

    def matrix(self, matrix: Matrix) -> list[str]:
        lang = self.lang
        heading = t(f"audit.matrix.{matrix.key}", lang, baseline=self.audit.baseline)
        lines = [self.style(heading, bold=True, underline=True)]
        if not matrix.rules:
            return [*lines, t("no_findings", lang)]
        numbers = [str(i) for i in range(1, len(matrix.rows) + 1)]
        head: list[Styled] = [(t("audit.rule", lang), None), ("", None)]
        head += [(n, None) for n in numbers]
        head.append((t("audit.compliance", lang), None))
        rows = [head]
        for index, rule in enumerate(matrix.rules):
            row: list[Styled] = [(rule.id, None), (rule.name, None)]
            for region_row in matrix.rows:
                if region_row.cells is None:
                    row.append(("!", "red"))
                    continue
                cell = region_row.cells[index]
                row.append((cell_symbol(cell, lang), _CELL_COLORS.get(cell.status)))
            row.append((compliance_text(matrix.by_rule[index]), None))
            rows.append(row)
        right = [False, False, *([True] * len(numbers)), True]
        lines += self.table(rows, right)
        lines += [t("audit.legend", lang), t("audit.compliance.rule", lang)]
        lines.append(t("audit.compliance.note", lang))
        disabled = [
            (rule.id, region_row.region, region_row.cells[i].reason)
            for i, rule in enumerate(matrix.rules)
            for region_row in matrix.rows
            if region_row.cells is not None and region_row.cells[i].status == "disabled"
        ]
        if disabled:
            lines.append(self.style(t("audit.disabled", lang), bold=True))
            lines += [f"  {rule} {region}: {reason or '-'}" for rule, region, reason in disabled]
        return lines

    def register(self) -> list[str]:
        a, lang = self.audit, self.lang
        heading = t("audit.tailoring", lang, baseline=a.baseline)
        lines = [self.style(heading, bold=True, underline=True)]
        shared = {group[0]: group for _, group in a.tailoring_groups()}
        for position, region in enumerate(a.regions):
            if not region.ok:
                lines.append(f"{region.id}: {t('audit.tailoring.broken', lang)}")
                continue
            if position not in shared:
                continue  # another repository of this region and ruleset: shown once
            layers = " → ".join(region.layers)
            lines.append(
                self.style(
                    t(
                        "audit.tailoring.region",
                        lang,
                        region=region.id,
                        ruleset=region.ruleset,
                        layers=layers,
                    ),
                    bold=True,
                )
            )
            if len(shared[position]) > 1:
                paths = ", ".join(repository_path(a.regions[i].data_dir) for i in shared[position])
                lines.append("  " + t("audit.tailoring.repositories", lang, paths=paths))
            if not region.tailoring:
                lines.append("  " + t("audit.tailoring.none", lang, baseline=a.baseline))
            current = None
            for item in region.tailoring:
                if item.rule != current:
                    lines.append(f"  {item.rule} {item.name}")
                    current = item.rule
                lines.append(f"      {describe_tailoring(item, lang)}")
                if item.reason:
                    reason = " ".join(item.reason.get(lang).split())
                    lines.append(f"          {t('audit.reason', lang)}: {reason}")
            lines.append("")
        return lines


@hookimpl
def secretariat_reporters() -> list[Reporter]:
    """Provide the ``text`` reporter."""
    return [TextReporter()]
