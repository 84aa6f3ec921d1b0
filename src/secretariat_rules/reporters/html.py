"""The HTML reporter: one self-contained page to read, filter and print.

The page has no external assets: the CSS and a small vanilla script are inline, so it
works offline, from a file or an e-mail attachment. Without the script everything is
still shown; the script adds the filters (severity, guideline section, region: each
row carries ``data-severity``, ``data-section`` and ``data-region``), opens the
``<details>`` a link points into, and opens every ``<details>`` before printing.
``@media print`` hides the filters and keeps the status colours.

* ``check`` (:meth:`HtmlReporter.render`): per repository a header, summary counts, the
  findings grouped by guideline section, each with a drill-down (message, subject,
  locations, the guideline text and clause), and the disabled rules with their reasons.
* ``audit`` (:meth:`HtmlReporter.render_audit`): the regions, the region × rule matrix
  against the national baseline and against each region's own ruleset (cells coloured
  by status, the number of findings for a failed rule, a ``title`` with the reason),
  compliance per rule and per region, the tailoring register, and each region's
  findings, which the matrix cells link to.

Every text from the data is escaped (:func:`html.escape`). No timestamps: equal input
gives a byte-identical page.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .. import hookimpl
from ..findings import Finding, Result, Severity
from ..i18n.catalog import section_title, severity_label, t, tn
from ..reference import describe_tailoring
from .base import Reporter, ReportOptions, repository_path
from .inventory import sources_html
from .text import _by_section, cell_symbol, compliance_text, section_order

if TYPE_CHECKING:
    from ..audit import Audit, Cell, Matrix, RegionAudit, RuleColumn

SEVERITIES = ("error", "warning", "info")


def esc(value: object) -> str:
    """Text (or ``None``, as empty) escaped for element content and attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


class HtmlReporter:
    """A self-contained HTML page."""

    name = "html"
    suffix = ".html"

    def render(self, results: Sequence[Result], options: ReportOptions) -> str:
        """Return one page with a block per data repository."""
        lang = options.lang
        names = ", ".join(r.region_name or r.region for r in results)
        title = t("html.title.check", lang)
        findings = [f for r in results for f in r.findings]
        body = [
            f"<header><h1>{esc(title)}</h1><p class=lead>{esc(names)}</p></header>",
            _filters(findings, [(r.region, r.region_name) for r in results], lang),
        ]
        for index, result in enumerate(results, start=1):
            body.append(
                f'<section class="region-block" id="repo-{index}" '
                f'data-region="{esc(result.region)}">'
            )
            body.append(f"<h2>{esc(_region_title(result))}</h2>")
            body += _result_block(result, f"repo-{index}", lang)
            body.append("</section>")
        return _page(f"{title}: {names}", lang, body)

    def render_audit(self, audit: Audit, options: ReportOptions) -> str:
        """Return the audit page: regions, both matrices, tailoring register, findings."""
        lang = options.lang
        title = t("audit.title", lang)
        findings = [
            f
            for region in audit.regions
            for result in (region.own, region.national)
            if result
            for f in result.findings
        ]
        body = [
            f"<header><h1>{esc(title)}</h1>",
            f"<p class=lead>{esc(_audit_summary(audit, lang))}</p>",
            f"<p>{esc(t('audit.baseline', lang, baseline=audit.baseline))} · "
            + (
                esc(t("header.as_of", lang, as_of=audit.as_of))
                if audit.as_of
                else esc(t("audit.as_of.manifest", lang))
            )
            + "</p></header>",
            _filters(findings, [(r.id, r.name) for r in audit.regions], lang),
            *_regions_table(audit, lang),
        ]
        for matrix in audit.matrices:
            body += _matrix(matrix, audit, lang)
        body += _register(audit, lang)
        body.append(f"<h2 id=findings>{esc(t('audit.findings', lang))}</h2>")
        for index, region in enumerate(audit.regions, start=1):
            body += _region_findings(region, index, audit.baseline, lang)
        # The matrix has a column per rule: print the audit in landscape.
        landscape = "@page{size:A4 landscape;margin:12mm}\n"
        return _page(f"{title}: {_audit_summary(audit, lang)}", lang, body, landscape)


# --------------------------------------------------------------------------- page


def _page(title: str, lang: str, body: Iterable[str], css: str = "") -> str:
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
            *body,
            f"<script>{SCRIPT}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )


def _region_title(result: Result) -> str:
    return f"{result.region_name} ({result.region})" if result.region_name else result.region


def _filters(findings: Sequence[Finding], regions: Sequence[tuple[str, str]], lang: str) -> str:
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


def _result_block(result: Result, prefix: str, lang: str) -> list[str]:
    """Header facts, summary counts, findings by section, disabled rules."""
    period = t("header.period", lang, start=result.period_start, end=result.period_end)
    repository = esc(repository_path(result.data_dir))
    out = [
        "<dl class=facts>",
        f"<dt>{esc(t('audit.ruleset', lang))}</dt><dd>{esc(result.ruleset)}</dd>",
        f"<dt>{esc(t('audit.data_dir', lang))}</dt><dd><code>{repository}</code></dd>",
        f"<dd class=full>{esc(period)} · {esc(t('header.as_of', lang, as_of=result.as_of))}</dd>",
        "</dl>",
        _summary(result, lang),
        *sources_html(result.sources, lang),
    ]
    groups = _by_section(result.findings)
    if not groups:
        out.append(f"<p class=none>{esc(t('no_findings', lang))}</p>")
    anchored: set[str] = set()
    for section, findings in groups:
        out.append(f'<section class="section-group" data-section="{esc(section)}">')
        out.append(f"<h4>{esc(section_title(section, lang))}</h4>")
        out.append('<table class="findings"><thead><tr>')
        out.append(
            f"<th>{esc(t('html.severity', lang))}</th><th>{esc(t('audit.rule', lang))}</th>"
            f"<th>{esc(t('html.subject', lang))}</th><th>{esc(t('html.message', lang))}</th>"
        )
        out.append("</tr></thead><tbody>")
        for finding in findings:
            anchor = None
            if finding.rule not in anchored:
                anchored.add(finding.rule)
                anchor = f"{prefix}-{finding.rule}"
            out.append(_finding_row(finding, result, anchor, lang))
        out.append("</tbody></table></section>")
    disabled = sorted((r for r in result.rules if r.status == "disabled"), key=lambda r: r.id)
    if disabled:
        out.append(f"<h4>{esc(t('disabled.heading', lang))}</h4><ul class=disabled>")
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
    return f'<ul class="summary" aria-label="{heading}">{counts}<li>{rules}</li></ul>'


def _finding_row(finding: Finding, result: Result, anchor: str | None, lang: str) -> str:
    """A row with data-attributes for the filters and a ``<details>`` drill-down."""
    sev = finding.severity.label
    classes = f"finding sev-{sev}" + (" waived" if finding.waived else "")
    badge = esc(severity_label(sev, lang))
    if finding.waived:
        badge += f" ({esc(t('waived', lang))})"
    texts = result.rule_texts.get(finding.rule, {})
    message_lines = finding.message.splitlines() or [""]
    details = [
        f"<dt>{esc(t('html.message', lang))}</dt>",
        "<dd>" + "<br>".join(esc(line) for line in message_lines) + "</dd>",
        f"<dt>{esc(t('html.subject', lang))}</dt><dd><code>{esc(finding.subject)}</code></dd>",
        f"<dt>{esc(t('html.locations', lang))}</dt><dd>",
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
    clause = texts.get("clause") or finding.clause
    guideline = texts.get("guideline")
    if guideline or clause:
        heading = esc(t("html.guideline", lang))
        if clause:
            heading += f" ({esc(t('clause', lang, clause=clause))})"
        details.append(f"<dt>{heading}</dt><dd>")
        if texts.get("title"):
            details.append(f"<strong>{esc(texts['title'])}</strong>")
        if guideline:
            details.append(f'<blockquote lang="nb">{esc(guideline)}</blockquote>')
        details.append("</dd>")
    if finding.waived:
        reason = esc(t("waived.reason", lang, reason=finding.waiver_reason or "-"))
        details.append(f"<dt>{esc(t('waived', lang))}</dt><dd>{reason}</dd>")
    details.append(f"<dt>{esc(t('html.fingerprint', lang))}</dt>")
    details.append(f"<dd><code>{esc(finding.fingerprint)}</code></dd>")
    id_attr = f' id="{esc(anchor)}"' if anchor else ""
    return (
        f'<tr class="{classes}"{id_attr} data-severity="{sev}" '
        f'data-section="{esc(finding.section)}" data-region="{esc(result.region)}" '
        f'data-rule="{esc(finding.rule)}">'
        f'<td><span class="badge sev-{sev}">{badge}</span></td>'
        f"<td><code>{esc(finding.rule)}</code> {esc(finding.name)}</td>"
        f"<td><code>{esc(finding.subject)}</code></td>"
        f"<td><details><summary>{esc(message_lines[0])}</summary>"
        f"<dl class=evidence>{''.join(details)}</dl></details></td></tr>"
    )


# --------------------------------------------------------------------------- audit


def _audit_summary(audit: Audit, lang: str) -> str:
    return t(
        "audit.summary",
        lang,
        regions=len(audit.regions),
        ok=sum(1 for r in audit.regions if r.ok),
        broken=len(audit.broken),
        crashed=len(audit.crashed),
        failing=len(audit.failing),
    )


def _regions_table(audit: Audit, lang: str) -> list[str]:
    out = [
        f"<h2 id=regions>{esc(t('audit.regions', lang))}</h2>",
        '<table class="regions"><thead><tr>',
        "".join(
            f"<th>{esc(t(key, lang, baseline=audit.baseline))}</th>"
            for key in (
                "audit.region",
                "audit.name",
                "audit.data_dir",
                "audit.ruleset",
                "audit.status",
                "audit.compliance.national",
                "audit.compliance.own",
            )
        ),
        "</tr></thead><tbody>",
    ]
    for index, (region, national, own) in enumerate(
        zip(audit.regions, audit.national.rows, audit.own.rows, strict=True), start=1
    ):
        status = esc(t(f"audit.status.{region.status}", lang))
        if region.message:
            status += "<pre class=message>" + esc(region.message) + "</pre>"
        out.append(
            f'<tr data-region="{esc(region.id)}" class="status-{esc(region.status)}">'
            f'<td><a href="#region-{index}">{esc(region.id)}</a></td>'
            f"<td>{esc(region.name)}</td>"
            f"<td><code>{esc(repository_path(region.data_dir))}</code></td>"
            f"<td>{esc(region.ruleset or '–')}</td><td>{status}</td>"
            f"<td class=num>{esc(compliance_text(national.compliance))}</td>"
            f"<td class=num>{esc(compliance_text(own.compliance))}</td></tr>"
        )
    out.append("</tbody></table>")
    out.append(f"<p class=note>{esc(t('audit.compliance.region', lang))}</p>")
    return out


def _cell_title(rule: RuleColumn, cell: Cell, lang: str) -> str:
    text = f"{rule.id} {rule.name}: {t(f'status.{cell.status}', lang)}"
    if cell.status == "failed":
        text += f", {tn('findings', cell.count, lang)}"
    if cell.reason:
        text += f": {cell.reason}"
    return text


def _matrix(matrix: Matrix, audit: Audit, lang: str) -> list[str]:
    heading = t(f"audit.matrix.{matrix.key}", lang, baseline=audit.baseline)
    out = [f'<h2 id="matrix-{matrix.key}-heading">{esc(heading)}</h2>']
    out.append(f"<p class=legend>{esc(t('audit.legend', lang))}</p>")
    out.append(
        f'<div class="scroll"><table class="matrix" id="matrix-{matrix.key}" '
        f'data-ruleset="{matrix.key}"><thead><tr>'
        f'<th scope="col" class="corner">{esc(t("audit.region", lang))}</th>'
    )
    for rule in matrix.rules:
        tip = f"{rule.id} {rule.name}: {rule.title}"
        out.append(
            f'<th scope="col" class="rule" data-section="{esc(rule.section)}" '
            f'title="{esc(tip)}"><span>{esc(rule.id)}</span></th>'
        )
    out.append(f'<th scope="col">{esc(t("audit.compliance", lang))}</th></tr></thead><tbody>')
    for index, (region, row) in enumerate(zip(audit.regions, matrix.rows, strict=True), start=1):
        out.append(
            f'<tr data-region="{esc(region.id)}" class="status-{esc(region.status)}">'
            f'<th scope="row"><a href="#region-{index}">{esc(region.name)}</a>'
            f"<small class=dir>{esc(repository_path(region.data_dir))}</small></th>"
        )
        if row.cells is None:
            message = (region.message or "").splitlines()[:1]
            out.append(
                f'<td class="cell broken" colspan="{len(matrix.rules)}" '
                f'title="{esc(region.message)}">'
                f"{esc(t(f'audit.status.{region.status}', lang))}: {esc(' '.join(message))}</td>"
            )
        else:
            for rule, cell in zip(matrix.rules, row.cells, strict=True):
                symbol = esc(cell_symbol(cell, lang))
                if cell.status == "failed":
                    symbol = f'<a href="#region-{index}-{matrix.key}-{esc(rule.id)}">{symbol}</a>'
                out.append(
                    f'<td class="cell {cell.status}" data-rule="{esc(rule.id)}" '
                    f'data-status="{cell.status}" data-section="{esc(rule.section)}" '
                    f'title="{esc(_cell_title(rule, cell, lang))}">{symbol}</td>'
                )
        out.append(f"<td class=num>{esc(compliance_text(row.compliance))}</td></tr>")
    out.append(f'</tbody><tfoot><tr><th scope="row">{esc(t("audit.compliance", lang))} (%)</th>')
    for rule, compliance in zip(matrix.rules, matrix.by_rule, strict=True):
        share = compliance.percent().removesuffix(" %")
        out.append(
            f'<td class="num share" data-section="{esc(rule.section)}" '
            f'title="{esc(rule.id)}: {esc(compliance_text(compliance))}">{esc(share)}</td>'
        )
    out.append("<td></td></tr></tfoot></table></div>")
    out.append(
        f"<p class=note>{esc(t('audit.compliance.rule', lang))}. "
        f"{esc(t('audit.compliance.note', lang))}</p>"
    )
    return out


def _register(audit: Audit, lang: str) -> list[str]:
    out = [f"<h2 id=tailoring>{esc(t('audit.tailoring', lang, baseline=audit.baseline))}</h2>"]
    for region in audit.regions:
        if not region.ok:
            continue
        heading = t(
            "audit.tailoring.region",
            lang,
            region=region.name,
            ruleset=region.ruleset,
            layers=" → ".join(region.layers),
        )
        out.append(f'<section class="tailoring" data-region="{esc(region.id)}">')
        out.append(f"<h3>{esc(heading)}</h3>")
        if not region.tailoring:
            out.append(f"<p>{esc(t('audit.tailoring.none', lang, baseline=audit.baseline))}</p>")
            out.append("</section>")
            continue
        out.append(
            "<table class=register><thead><tr>"
            f"<th>{esc(t('audit.rule', lang))}</th><th>{esc(t('audit.change', lang))}</th>"
            f"<th>{esc(t('audit.layer', lang))}</th><th>{esc(t('audit.reason', lang))}</th>"
            "</tr></thead><tbody>"
        )
        items = list(region.tailoring)
        for position, item in enumerate(items):
            previous = items[position - 1] if position else None
            span = sum(1 for other in items if other.rule == item.rule)
            rule_cell = ""
            if previous is None or previous.rule != item.rule:
                rule_cell = (
                    f'<td rowspan="{span}"><code>{esc(item.rule)}</code> {esc(item.name)}</td>'
                )
            repeated = (
                previous is not None
                and previous.rule == item.rule
                and previous.reason == item.reason
            )
            reason = "" if repeated else item.reason
            change = describe_tailoring(item, lang, with_layer=False)
            out.append(
                f'<tr class="action-{esc(item.action)}" data-rule="{esc(item.rule)}">{rule_cell}'
                f"<td>{esc(change)}</td><td>{esc(item.layer or '–')}</td>"
                f"<td>{esc(reason or '')}</td></tr>"
            )
        out.append("</tbody></table></section>")
    return out


def _region_findings(region: RegionAudit, index: int, baseline: str, lang: str) -> list[str]:
    out = [
        f'<section class="region-block" id="region-{index}" data-region="{esc(region.id)}">',
        f"<h3>{esc(region.name)} ({esc(region.id)})</h3>",
    ]
    if not region.ok:
        out.append(
            f"<p class=broken>{esc(t(f'audit.status.{region.status}', lang))}</p>"
            f"<pre class=message>{esc(region.message)}</pre></section>"
        )
        return out
    for key, result in (("own", region.own), ("national", region.national)):
        if result is None:
            continue
        summary = t(f"audit.findings.{key}", lang, ruleset=result.ruleset, baseline=baseline)
        count = tn("findings", len(result.findings), lang)
        is_open = " open" if key == "own" else ""
        out.append(
            f'<details class="result" data-ruleset="{key}"{is_open}>'
            f"<summary>{esc(summary)}: {esc(count)}</summary>"
        )
        out += _result_block(result, f"region-{index}-{key}", lang)
        out.append("</details>")
    out.append("</section>")
    return out


# --------------------------------------------------------------------------- assets

CSS = """
:root{--fg:#1b1b1b;--muted:#5c5c5c;--line:#d0d0d0;--error:#b00020;--warning:#8a5a00;
--info:#0b5cad;--pass:#d6efd6;--fail:#f6cccc;--waived:#fbe7b5;--off:#e3e3e3;--na:#f3f3f3}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--fg);
margin:0 auto;padding:1rem 1.5rem;max-width:1400px;background:#fff}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.3rem;margin-top:2rem;
border-bottom:2px solid var(--line)}h3{font-size:1.1rem}h4{margin:1rem 0 .3rem}
.lead{font-size:1.05rem;color:var(--muted)}.note,.legend{color:var(--muted);font-size:.85rem}
code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:.9em}
[hidden]{display:none!important}
table{border-collapse:collapse;margin:.4rem 0}
th,td{border:1px solid var(--line);padding:.25rem .45rem;text-align:left;vertical-align:top}
thead th{background:#f5f5f5}.num{text-align:right;white-space:nowrap}
.filters{position:sticky;top:0;z-index:2;background:#fafafa;border:1px solid var(--line);
padding:.4rem .7rem;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:center}
.filters fieldset{border:0;margin:0;padding:0;display:flex;gap:.6rem;align-items:center}
.filters legend{float:left;margin-right:.4rem;font-weight:600}
.badge{display:inline-block;border-radius:3px;padding:0 .35rem;font-size:.8rem;font-weight:600;
color:#fff;white-space:nowrap}
.badge.sev-error{background:var(--error)}.badge.sev-warning{background:var(--warning)}
.badge.sev-info{background:var(--info)}
tr.waived td{opacity:.65}
.summary{list-style:none;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;padding:0}
.summary .sev-error strong{color:var(--error)}.summary .sev-warning strong{color:var(--warning)}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:0 .8rem;margin:.3rem 0}
.facts dt{font-weight:600}.facts dd{margin:0}.facts .full{grid-column:1/3;color:var(--muted)}
table.findings{width:100%}table.findings td:nth-child(1){width:7rem}
table.findings td:nth-child(2){width:18rem}table.findings td:nth-child(3){width:16rem}
details>summary{cursor:pointer}
dl.evidence{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;margin:.4rem 0}
dl.evidence dt{font-weight:600}dl.evidence dd{margin:0}dl.evidence ul{margin:0;padding-left:1rem}
blockquote{margin:.2rem 0;padding-left:.6rem;border-left:3px solid var(--line);font-style:italic}
.scroll{overflow-x:auto;max-width:100%}
table.matrix{font-size:.85rem}
table.matrix th.rule{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;
padding:.4rem .15rem;font-weight:600}
table.matrix td.cell{text-align:center;min-width:1.7rem;padding:.15rem .2rem}
table.matrix tbody th{white-space:nowrap}
td.cell.passed{background:var(--pass)}td.cell.failed{background:var(--fail);font-weight:700}
td.cell.waived{background:var(--waived)}td.cell.disabled{background:var(--off);color:var(--muted)}
td.cell.not_applicable{background:var(--na);color:var(--muted)}
td.cell.absent{background:repeating-linear-gradient(45deg,#fff,#fff 3px,#f0f0f0 3px,#f0f0f0 6px)}
td.cell.broken{background:var(--fail);text-align:left}
td.cell a{color:inherit;text-decoration:none;display:block}
tr.status-broken th,tr.status-crashed th{color:var(--error)}
pre.message{white-space:pre-wrap;margin:.2rem 0;font-size:.85rem}
.region-block{margin-top:1.2rem;border-top:1px solid var(--line)}
details.result>summary{font-weight:600;margin:.4rem 0}
table.register{width:100%}table.register td:last-child{color:var(--muted);font-size:.9rem}
table.register td[rowspan]{width:17rem}
table.matrix tbody th small.dir{display:block;font-weight:400;color:var(--muted);font-size:.75rem}
table.matrix td.share{font-size:.75rem;padding:.15rem .1rem;text-align:center}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-size:10pt;max-width:none;padding:0}
.filters{display:none}
.scroll{overflow:visible}
a{color:inherit;text-decoration:none}
h2,h3,h4{break-after:avoid}
tr{break-inside:avoid}
table.matrix{font-size:7pt}
table.matrix td.cell{min-width:0;padding:0 .1rem}table.matrix th.rule{padding:.2rem 0}
table.matrix tbody th small.dir{font-size:6pt}table.matrix td.share{font-size:5.5pt;padding:0}
details>summary{list-style:none}
}
"""
"""The page's style sheet, inline (no external assets)."""

SCRIPT = """
(function () {
  "use strict";
  var form = document.getElementById("filters");
  function apply() {
    if (!form) { return; }
    var severities = {};
    form.querySelectorAll("input[name=severity]").forEach(function (box) {
      severities[box.value] = box.checked;
    });
    var section = form.elements.section.value;
    var region = form.elements.region.value;
    var shown = 0, total = 0;
    document.querySelectorAll("tr.finding").forEach(function (row) {
      total += 1;
      var visible = severities[row.dataset.severity] !== false &&
        (!section || row.dataset.section === section) &&
        (!region || row.dataset.region === region);
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    document.querySelectorAll(".section-group").forEach(function (group) {
      group.hidden = !group.querySelector("tr.finding:not([hidden])");
    });
    document.querySelectorAll(".region-block, table.matrix tbody tr, table.regions tbody tr, " +
        "section.tailoring").forEach(function (el) {
      el.hidden = Boolean(region) && el.dataset.region !== region;
    });
    document.querySelectorAll("table.matrix [data-section]").forEach(function (el) {
      el.hidden = Boolean(section) && el.dataset.section !== section;
    });
    var out = document.getElementById("shown");
    if (out) {
      out.textContent = out.dataset.template.replace("{shown}", shown).replace("{total}", total);
    }
  }
  if (form) {
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    for (var el = target; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") { el.open = true; }
    }
    if (target) { target.scrollIntoView(); }
  }
  window.addEventListener("hashchange", reveal);
  reveal();
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
"""
"""The page's script, inline: filters, opening linked and printed drill-downs."""


@hookimpl
def secretariat_reporters() -> list[Reporter]:
    """Provide the ``html`` reporter."""
    return [HtmlReporter()]
