"""The building blocks of the HTML pages (:mod:`.html`): the page frame, escaping, the
filters, and one repository's block of findings (summary, sections, drill-downs).

Shared by the ``check`` page and the ``audit`` page; see :mod:`.html` for what a page
holds and the accessibility it keeps.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..findings import Finding, Result, Severity
from ..i18n.catalog import section_title, severity_label, t
from .base import by_section, repository_path, section_order
from .html_assets import CSS, SCRIPT
from .inventory import sources_html
from .summary import baseline_line, fixed_findings, is_new
from .waiver_detail import finding_waiver

SEVERITIES = ("error", "warning", "info")


def esc(value: object) -> str:
    """Text (or ``None``, as empty) escaped for element content and attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


def repository_labels(data_dirs: Sequence[str]) -> list[str]:
    """Each repository as given (normalised); one given again is numbered ``#2``, ``#3``..."""
    seen: dict[str, int] = {}
    labels = []
    for data_dir in data_dirs:
        path = repository_path(data_dir)
        seen[path] = seen.get(path, 0) + 1
        labels.append(path if seen[path] == 1 else f"{path} #{seen[path]}")
    return labels


# --------------------------------------------------------------------------- page


def page(
    title: str,
    lang: str,
    header: Sequence[str],
    nav: Sequence[tuple[str, str]],
    main: Iterable[str],
    css: str = "",
) -> str:
    """The document: banner header, navigation (with a skip link) if any, one main."""
    chrome = [f"<header>{''.join(header)}</header>"]
    if nav:
        items = "".join(
            f'<li><a href="#{esc(anchor)}">{esc(text)}</a></li>' for anchor, text in nav
        )
        chrome.insert(0, f'<a class="skip" href="#main">{esc(t("html.skip", lang))}</a>')
        chrome.append(
            f'<nav class="toc" aria-label="{esc(t("html.contents", lang))}"><ul>{items}</ul></nav>'
        )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{esc(lang)}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="secretariat-rules">',
            f"<title>{esc(title)}</title>",
            f"<style>{CSS}{css}</style>",
            "</head>",
            "<body>",
            *chrome,
            '<main id="main" tabindex="-1">',
            *main,
            "</main>",
            f"<script>{SCRIPT}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )


def breakable(path: str) -> str:
    """A path escaped, with a line-break opportunity after each ``/`` (for narrow cells)."""
    return esc(path).replace("/", "/<wbr>")


def region_title(result: Result) -> str:
    return f"{result.region_name} ({result.region})" if result.region_name else result.region


def table_head(labels: Iterable[str]) -> str:
    """A ``<thead>`` row of column headers."""
    cells = "".join(f'<th scope="col">{esc(label)}</th>' for label in labels)
    return f"<thead><tr>{cells}</tr></thead>"


def data_table(head: Sequence[str], rows: Iterable[Sequence[object]], css: str) -> str:
    """A ``<table class=CSS>`` of text cells, each labelled with its column (for phones)."""
    body = "".join(
        "<tr>"
        + "".join(
            f'<td data-label="{esc(h)}">{esc(c)}</td>' for h, c in zip(head, row, strict=True)
        )
        + "</tr>"
        for row in rows
    )
    return f'<table class="{css}">{table_head(head)}<tbody>{body}</tbody></table>'


def filters(findings: Sequence[Finding], regions: Sequence[tuple[str, str]], lang: str) -> str:
    """The filter form: severity checkboxes, a section and a region select."""
    boxes = "".join(
        f'<label><input type="checkbox" name="severity" value="{sev}" checked> '
        f'<span class="badge sev-{sev}">{esc(severity_label(sev, lang))}</span></label>'
        for sev in SEVERITIES
    )
    sections = sorted({f.section for f in findings}, key=section_order)
    section_options = "".join(
        f'<option value="{esc(s)}">{esc(section_title(s, lang))}</option>' for s in sections
    )
    seen: dict[str, str] = {}
    for region_id, name in regions:
        seen.setdefault(region_id, name)
    region_options = "".join(
        f'<option value="{esc(rid)}">{esc(name or rid)} ({esc(rid)})</option>'
        for rid, name in seen.items()
    )
    all_label = esc(t("html.all", lang))
    template = esc(t("html.shown", lang, shown="{shown}", total="{total}"))
    return (
        f'<form class="filters" id="filters" aria-label="{esc(t("html.filters", lang))}">'
        f"<fieldset><legend>{esc(t('html.severity', lang))}</legend>{boxes}</fieldset>"
        f"<label>{esc(t('html.section', lang))} <select name=section>"
        f'<option value="">{all_label}</option>{section_options}</select></label>'
        f"<label>{esc(t('audit.region', lang))} <select name=region>"
        f'<option value="">{all_label}</option>{region_options}</select></label>'
        f'<output id="shown" data-template="{template}"></output>'
        "</form>"
    )


# --------------------------------------------------------------------------- findings


def result_block(result: Result, prefix: str, lang: str, level: int) -> list[str]:
    """Header facts, summary counts, findings by section, disabled rules.

    :param level: the heading level of the guideline sections (one below the block's).
    """
    period = t("header.period", lang, start=result.period_start, end=result.period_end)
    repository = esc(repository_path(result.data_dir))
    out = [
        "<dl class=facts>",
        f"<dt>{esc(t('audit.ruleset', lang))}</dt><dd>{esc(result.ruleset)}</dd>",
        f"<dt>{esc(t('audit.data_dir', lang))}</dt><dd><code>{repository}</code></dd>",
        f"<dd class=full>{esc(period)} · {esc(t('header.as_of', lang, as_of=result.as_of))}</dd>",
        "</dl>",
        _summary(result, lang),
        *sources_html(result.sources, lang, level),
    ]
    groups = by_section(result.findings)
    if not groups:
        out.append(f"<p class=none>{esc(t('no_findings', lang))}</p>")
    labels = {
        key: t(key, lang) for key in ("html.severity", "audit.rule", "html.subject", "html.message")
    }
    anchored: set[str] = set()
    rules: dict[tuple[str, str, str, str], _RuleParts] = {}
    for section, findings in groups:
        title = section_title(section, lang)
        out.append(f'<section class="section-group" data-section="{esc(section)}">')
        out.append(f"<h{level}>{esc(title)}</h{level}>")
        out.append(
            '<table class="findings cards">'
            f"<caption class=vh>{esc(t('html.findings.caption', lang, section=title))}</caption>"
            "<colgroup><col class=severity><col class=rule><col class=subject><col></colgroup>"
            + table_head(labels.values())
            + "<tbody>"
        )
        for finding in findings:
            anchor = None
            if finding.rule not in anchored:
                anchored.add(finding.rule)
                anchor = f"{prefix}-{finding.rule}"
            out.append(_finding_row(finding, result, anchor, labels, lang, rules))
        out.append("</tbody></table></section>")
    disabled = sorted((r for r in result.rules if r.status == "disabled"), key=lambda r: r.id)
    if disabled:
        out.append(f"<h{level}>{esc(t('disabled.heading', lang))}</h{level}><ul class=disabled>")
        out += [
            f"<li><code>{esc(r.id)}</code> {esc(r.name)}: {esc(r.reason or '-')}</li>"
            for r in disabled
        ]
        out.append("</ul>")
    return out


def _summary(result: Result, lang: str) -> str:
    counts = "".join(
        f'<li class="count sev-{sev.label}"><strong>{result.count(sev)}</strong> '
        f"{esc(severity_label(sev.label, lang))}</li>"
        for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    counts += (
        f'<li class="count waived"><strong>{result.waived_count}</strong> '
        f"{esc(t('waived', lang))}</li>"
    )
    checked = result.rules_checked
    failed = result.rules_failed
    rules = esc(t("summary.rules", lang, checked=checked, failed=failed))
    heading = esc(t("html.summary", lang))
    baseline = baseline_line(result, lang)
    if baseline is not None:
        fixed = ", ".join(f"<code>{esc(item)}</code>" for item in fixed_findings(result))
        fixed = f" ({esc(t('baseline.fixed', lang))}: {fixed})" if fixed else ""
        rules += f"</li><li class=baseline>{esc(baseline)}{fixed}"
    return f'<ul class="summary" aria-label="{heading}">{counts}<li>{rules}</li></ul>'


class _RuleParts(NamedTuple):
    """The escaped parts of a finding's row that depend on its rule only (built once)."""

    attrs: str
    """``data-section``, ``data-region`` and ``data-rule`` attributes."""
    th: str
    dt_message: str
    dt_subject: str
    dt_locations: str
    guideline: str
    """The guideline, its clause and title, and the fix: ``<dt>``/``<dd>`` pairs."""
    dt_fingerprint: str


def _rule_parts(finding: Finding, result: Result, lang: str) -> _RuleParts:
    texts = result.rule_texts.get(finding.rule, {})
    guide: list[str] = []
    clause = texts.get("clause") or finding.clause
    guideline = texts.get("guideline")
    if guideline or clause:
        heading = esc(t("html.guideline", lang))
        if clause:
            heading += f" ({esc(t('clause', lang, clause=clause))})"
        guide.append(f"<dt>{heading}</dt><dd>")
        if texts.get("title"):
            guide.append(f"<strong>{esc(texts['title'])}</strong>")
        if guideline:
            guide.append(f'<blockquote lang="nb">{esc(guideline)}</blockquote>')
        guide.append("</dd>")
    if texts.get("fix"):
        guide.append(f"<dt>{esc(t('fix', lang))}</dt><dd>{esc(texts['fix'])}</dd>")
    return _RuleParts(
        attrs=(
            f'data-section="{esc(finding.section)}" data-region="{esc(result.region)}" '
            f'data-rule="{esc(finding.rule)}"'
        ),
        th=f'<th scope="row"><code>{esc(finding.rule)}</code> {esc(finding.name)}</th>',
        dt_message=f"<dt>{esc(t('html.message', lang))}</dt>",
        dt_subject=f"<dt>{esc(t('html.subject', lang))}</dt>",
        dt_locations=f"<dt>{esc(t('html.locations', lang))}</dt><dd>",
        guideline="".join(guide),
        dt_fingerprint=f"<dt>{esc(t('html.fingerprint', lang))}</dt>",
    )


def _finding_row(
    finding: Finding,
    result: Result,
    anchor: str | None,
    labels: dict[str, str],
    lang: str,
    rules: dict[tuple[str, str, str, str], _RuleParts] | None = None,
) -> str:
    """A row with data-attributes for the filters and a ``<details>`` drill-down.

    ``rules``: the parts of each rule's rows built so far in this result (see
    :class:`_RuleParts`); None builds them for this row only.
    """
    key = (finding.rule, finding.name, finding.clause, finding.section)
    parts = rules.get(key) if rules is not None else None
    if parts is None:
        parts = _rule_parts(finding, result, lang)
        if rules is not None:
            rules[key] = parts
    sev = finding.severity.label
    classes = f"finding sev-{sev}" + (" waived" if finding.waived else "")
    badge = esc(severity_label(sev, lang))
    if finding.waived:
        badge += f" ({esc(t('waived', lang))})"
    new = ""
    if is_new(finding, result) and not finding.waived:
        new = f' <span class="badge new">{esc(t("baseline.new", lang))}</span>'
    message_lines = finding.message.splitlines() or [""]
    subject = esc(finding.subject)
    details = [
        parts.dt_message,
        "<dd>" + "<br>".join(esc(line) for line in message_lines) + "</dd>",
        f"{parts.dt_subject}<dd><code>{subject}</code></dd>",
        parts.dt_locations,
    ]
    if finding.locations:
        details.append(
            "<ul>"
            + "".join(f"<li><code>{esc(loc)}</code></li>" for loc in finding.locations)
            + "</ul>"
        )
    else:
        details.append("–")
    details.append("</dd>")
    details.append(parts.guideline)
    if finding.waived:
        reason = esc(t("waived.reason", lang, reason=finding.waiver_reason or "-"))
        details.append(f"<dt>{esc(t('waived', lang))}</dt><dd>{reason}")
        fields = "".join(
            f"<li>{esc(label)}: {esc(value)}</li>" for label, value in finding_waiver(finding, lang)
        )
        details.append(f'<ul class="waiver">{fields}</ul></dd>')
    details.append(parts.dt_fingerprint)
    details.append(f"<dd><code>{esc(finding.fingerprint)}</code></dd>")
    id_attr = f' id="{esc(anchor)}"' if anchor else ""
    return (
        f'<tr class="{classes}"{id_attr} data-severity="{sev}" {parts.attrs}>'
        f'<td><span class="badge sev-{sev}">{badge}</span>{new}</td>'
        f"{parts.th}"
        f'<td data-label="{esc(labels["html.subject"])}"><code>{subject}</code></td>'
        f'<td data-label="{esc(labels["html.message"])}">'
        f"<details><summary>{esc(message_lines[0])}</summary>"
        f"<dl class=evidence>{''.join(details)}</dl></details></td></tr>"
    )
