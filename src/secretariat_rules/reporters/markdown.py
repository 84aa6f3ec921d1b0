"""The Markdown reporter, for a pull-request comment or an annex to a report.

Per data repository: a ``##`` heading, the ruleset and period, a summary line of counts,
a table of what each records-system source read (when one reported it), a table of the
failed rules (rule, clause, title, unwaived findings), then the findings
grouped by guideline section (data integrity first) as list items with severity, rule,
subject, message and ``path:line`` locations. A waived finding is struck through and
followed by its waiver's reason; a finding the baseline holds is marked. Labels in nb or
en (:attr:`ReportOptions.lang`), from the i18n catalogue.

Text from the data (messages, subjects, reasons, titles) is escaped so it cannot break
the layout: Markdown punctuation is backslash-escaped, ``&``, ``<`` and ``>`` become
entities (no raw HTML reaches the page), ``|`` cannot end a table cell, and a message
line cannot start a list, a heading or a setext underline. GitHub-flavoured Markdown
(tables, ``~~strike~~``, backslash hard line breaks).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..findings import Finding, Result, Severity
from ..i18n.catalog import section_title, severity_label, t
from ..markers import hookimpl
from .base import Reporter, ReportOptions, by_section
from .inventory import counts_text, files_text, left_out_items
from .summary import baseline_line, fixed_findings, is_new, left_out, not_selected_line
from .waiver_detail import finding_waiver

_PUNCTUATION = re.compile(r"([\\`*_\[\]|~#])")
"""Characters that are Markdown syntax anywhere in a line (``#`` also ends a heading)."""
_SPECIAL = re.compile(r"[\\`*_\[\]|~#&<>]")
"""Any character :func:`escape` changes (besides whitespace)."""
_BLOCK_START = re.compile(r"^(?:[-+=]|\d+(?=[.)]))")
"""What would open a list, a setext underline or an ordered list at the start of a line."""


def escape(text: str) -> str:
    """``text`` as literal inline Markdown: punctuation escaped, HTML as entities.

    Whitespace (newlines included) collapses to single spaces, so the result is safe in
    a table cell or a heading.
    """
    if _SPECIAL.search(text) is None:  # most messages: nothing to escape
        return " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(_PUNCTUATION.sub(r"\\\1", text).split())


def escape_line(line: str) -> str:
    """One line of a block (a message line): :func:`escape`, and no block marker first."""
    text = escape(line)
    match = _BLOCK_START.match(text)
    if match is None:
        return text
    if match.group().isdigit():  # "1." or "1)": escape the delimiter after the number
        return f"{text[: match.end()]}\\{text[match.end() :]}"
    return f"\\{text}"


def code(text: str) -> str:
    """``text`` as a code span, fenced with more backticks than it contains."""
    text = " ".join(text.split())
    runs = [len(m) for m in re.findall(r"`+", text)] if "`" in text else []
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


class MarkdownReporter:
    """GitHub-flavoured Markdown, one section per data repository."""

    name = "markdown"
    suffix = ".md"

    def render(self, results: Sequence[Result], options: ReportOptions) -> str:
        """Return every result's section, separated by a blank line."""
        return "\n".join(_Section(result, options.lang).render() for result in results)


class _Section:
    """Renders one result; holds the language so helpers stay short."""

    def __init__(self, result: Result, lang: str) -> None:
        self.result = result
        self.lang = lang
        self._heads: dict[tuple[str, str, str, str], str] = {}
        """A finding's escaped ``**severity** RULE name (clause)``, once per rule."""

    def render(self) -> str:
        blocks = [self.header(), self.summary(), self.sources(), self.failed_rules()]
        blocks += self.findings()
        blocks.append(self.disabled())
        return "\n\n".join(block for block in blocks if block) + "\n"

    def header(self) -> str:
        r = self.result
        title = f"{r.region_name} ({r.region})" if r.region_name else r.region
        facts = [
            t("header.ruleset", self.lang, ruleset=r.ruleset),
            t("header.period", self.lang, start=r.period_start, end=r.period_end),
            t("header.as_of", self.lang, as_of=r.as_of),
        ]
        return f"## {escape(title)}\n\n" + " · ".join(escape(fact) for fact in facts)

    def summary(self) -> str:
        r = self.result
        counts = t(
            "summary.findings",
            self.lang,
            error=r.count(Severity.ERROR),
            warning=r.count(Severity.WARNING),
            info=r.count(Severity.INFO),
            waived=r.waived_count,
        )
        checked = r.rules_checked
        failed = r.rules_failed
        rules = t("summary.rules", self.lang, checked=checked, failed=failed)
        line = f"**{escape(counts)}** · {escape(rules)}"
        baseline = baseline_line(r, self.lang)
        if baseline is not None:
            line += f" · {escape(baseline)}"
        fixed = fixed_findings(r)
        if fixed:
            line += f"\n\n{escape(t('baseline.fixed', self.lang))}: "
            line += ", ".join(code(item) for item in fixed)
        return line

    def sources(self) -> str:
        """What each records-system source read (:mod:`.inventory`); "" for none."""
        if not self.result.sources:
            return ""
        keys = ("source", "files", "elements", "records", "left_out")
        lines = [
            f"### {escape(t('sources.heading', self.lang))}",
            "",
            "| " + " | ".join(escape(t(f"sources.{key}", self.lang)) for key in keys) + " |",
            "| --- | --- | --- | --- | --- |",
        ]
        for source in self.result.sources:
            left_out = "; ".join(
                f"{count} – {text}" for count, text in left_out_items(source, self.lang)
            )
            cells = [
                code(source.source),
                escape(files_text(source.files, self.lang)),
                escape(counts_text(source.elements, self.lang)),
                escape(counts_text(source.records, self.lang)),
                escape(left_out or t("sources.none", self.lang)),
            ]
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines)

    def failed_rules(self) -> str:
        """The table of rules with unwaived findings: rule, clause, title, count."""
        counts: dict[str, int] = {}
        for finding in self.result.findings:
            if not finding.waived:
                counts[finding.rule] = counts.get(finding.rule, 0) + 1
        if not counts:
            return ""
        outcomes = {rule.id: rule for rule in self.result.rules}
        names = {f.rule: f for f in self.result.findings}
        header = [t(f"column.{c}", self.lang) for c in ("rule", "clause", "title", "count")]
        lines = [
            f"### {escape(t('failed_rules.heading', self.lang))}",
            "",
            "| " + " | ".join(escape(h) for h in header) + " |",
            "| --- | --- | --- | ---: |",
        ]
        for rule_id in sorted(counts):
            outcome = outcomes.get(rule_id)
            texts = self.result.rule_texts.get(rule_id, {})
            clause = (outcome.clause if outcome else "") or names[rule_id].clause
            title = (outcome.title if outcome else "") or texts.get("title") or names[rule_id].name
            cells = [escape(rule_id), escape(clause), escape(title), str(counts[rule_id])]
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines)

    def findings(self) -> list[str]:
        """A block per guideline section: its heading, then a list item per finding."""
        if not self.result.findings:
            return [escape(t("no_findings", self.lang))]
        blocks = []
        for section, findings in by_section(
            self.result.findings, key=lambda f: (f.sort_key, f.fingerprint)
        ):
            items = "\n".join(
                self.finding(f)
                + (
                    self.fix(f.rule)
                    if i + 1 == len(findings) or findings[i + 1].rule != f.rule
                    else ""
                )
                for i, f in enumerate(findings)
            )
            blocks.append(f"### {escape(section_title(section, self.lang))}\n\n{items}")
        return blocks

    def fix(self, rule_id: str) -> str:
        """What to do, a list item after the rule's findings (not per finding)."""
        text = self.result.rule_texts.get(rule_id, {}).get("fix")
        if not text:
            return ""
        label = escape(f"{t('fix', self.lang)} ({rule_id}):")
        return f"\n- **{label}** {escape_line(text)}"

    def finding(self, f: Finding) -> str:
        """``- **severity** RULE name (clause) · `subject``` then message and locations."""
        key = (f.severity.label, f.rule, f.name, f.clause)
        rule_part = self._heads.get(key)
        if rule_part is None:
            label = f"**{escape(severity_label(f.severity.label, self.lang))}**"
            clause = f" ({escape(t('clause', self.lang, clause=f.clause))})" if f.clause else ""
            rule_part = self._heads[key] = f"{label} {escape(f.rule)} {escape(f.name)}{clause}"
        head = f"{rule_part} · {code(str(f.subject))}"
        if f.waived:
            reason = t("waived.reason", self.lang, reason=f.waiver_reason or "-")
            head = f"~~{head}~~ — *{escape(reason)}*"
        if f.baselined:
            head += f" *({escape(t('baselined', self.lang))})*"
        elif is_new(f, self.result) and not f.waived:
            head += f" **({escape(t('baseline.new', self.lang))})**"
        lines = [head, *(escape_line(line) for line in f.message.splitlines() if line.strip())]
        if f.waived:
            fields = finding_waiver(f, self.lang)
            lines.append(" · ".join(f"{escape(label)}: {escape(value)}" for label, value in fields))
        if f.locations:
            lines.append(", ".join(code(str(loc)) for loc in f.locations))
        return "- " + "\\\n  ".join(lines)

    def disabled(self) -> str:
        """Disabled rules with the ruleset's reason (SPEC §3: shown in reports)."""
        rules = sorted(
            (r for r in self.result.rules if r.status == "disabled" and not left_out(r)),
            key=lambda r: r.id,
        )
        left = not_selected_line(self.result, self.lang)
        if not rules and not left:
            return ""
        lines = [f"### {escape(t('disabled.heading', self.lang))}", ""]
        lines += [f"- {escape(r.id)} {escape(r.name)}: {escape(r.reason or '-')}" for r in rules]
        if left:
            lines.append(f"- {escape(left)}")
        return "\n".join(lines)


@hookimpl
def secretariat_reporters() -> list[Reporter]:
    """Provide the ``markdown`` reporter."""
    return [MarkdownReporter()]
