"""The HTML reporter: one self-contained page to read, filter and print.

The page has no external assets: the CSS and a small vanilla script are inline
(:mod:`.html_assets`), so it works offline, from a file or an e-mail attachment. Without
the script everything is still shown; the script adds the filters (severity, guideline
section, region: each row carries ``data-severity``, ``data-section`` and
``data-region``), opens the ``<details>`` a link points into, and opens every
``<details>`` before printing. ``@media print`` hides the filters and keeps the colours.

The page is built for every screen and every reader (WCAG 2.1 AA): ``<html lang>`` as
``--lang``, a banner ``<header>``, a ``<nav>`` with a skip link when there is more than
one block, one ``<main>``; headings without gaps (h1 page, h2 repository or audit part,
h3 guideline section, h4 inside an audit region's drill-down); every table has a
``<caption>`` and ``<th scope>``, and its cells a ``data-label`` naming their column, so
on a phone the rows reflow into labelled cards.

* ``check`` (:meth:`HtmlReporter.render`): per repository a block headed by the region's
  name, id and the repository as given (numbered ``#2`` when given twice), summary
  counts, the findings grouped by guideline section, each with a drill-down (message,
  subject, locations, the guideline text and clause), and the disabled rules.
* ``audit`` (:meth:`HtmlReporter.render_audit`): the regions, the region × rule matrix
  against the national baseline and against each region's own ruleset (cells coloured
  by status, the number of findings for a failed rule, a ``title`` with the reason),
  compliance per rule and per region, the tailoring register, and each region's
  findings, which the matrix cells link to.

Every text from the data is escaped (:func:`html.escape`). No timestamps: equal input
gives a byte-identical page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..findings import Result
from ..i18n.catalog import t, tn
from ..markers import hookimpl
from .base import (
    Reporter,
    ReportOptions,
    cell_symbol,
    compliance_text,
    repository_path,
)
from .html_page import (
    breakable,
    esc,
    filters,
    page,
    region_title,
    repository_labels,
    result_block,
    table_head,
)
from .reference import describe_tailoring

if TYPE_CHECKING:
    from ..audit_results import Audit, Cell, Matrix, RegionAudit, RuleColumn


class HtmlReporter:
    """A self-contained HTML page."""

    name = "html"
    suffix = ".html"

    def render(self, results: Sequence[Result], options: ReportOptions) -> str:
        """Return one page with a block per data repository."""
        lang = options.lang
        names = ", ".join(dict.fromkeys(r.region_name or r.region for r in results))
        title = t("html.title.check", lang)
        findings = [f for r in results for f in r.findings]
        labels = repository_labels([r.data_dir for r in results])
        links = [
            (f"repo-{index}", f"{region_title(result)} · {label}")
            for index, (result, label) in enumerate(zip(results, labels, strict=True), start=1)
        ]
        main = [filters(findings, [(r.region, r.region_name) for r in results], lang)]
        for index, (result, label) in enumerate(zip(results, labels, strict=True), start=1):
            main.append(
                f'<section class="region-block" id="repo-{index}" '
                f'data-region="{esc(result.region)}" aria-labelledby="repo-{index}-title">'
            )
            main.append(
                f'<h2 id="repo-{index}-title">{esc(region_title(result))} '
                f"<code>{esc(label)}</code></h2>"
            )
            main += result_block(result, f"repo-{index}", lang, level=3)
            main.append("</section>")
        header = [f"<h1>{esc(title)}</h1>", f"<p class=lead>{esc(names)}</p>"]
        nav = links if len(results) > 1 else []
        return page(f"{title}: {names}", lang, header, nav, main)

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
        header = [
            f"<h1>{esc(title)}</h1>",
            f"<p class=lead>{esc(_audit_summary(audit, lang))}</p>",
            f"<p>{esc(t('audit.baseline', lang, baseline=audit.baseline))} · "
            + (
                esc(t("header.as_of", lang, as_of=audit.as_of))
                if audit.as_of
                else esc(t("audit.as_of.manifest", lang))
            )
            + "</p>",
        ]
        labels = repository_labels([region.data_dir for region in audit.regions])
        main = [
            filters(findings, [(r.id, r.name) for r in audit.regions], lang),
            *_regions_table(audit, lang),
        ]
        nav = [("regions", t("audit.regions", lang))]
        for matrix in audit.matrices:
            main += _matrix(matrix, audit, lang)
            nav.append((f"matrix-{matrix.key}-heading", _matrix_heading(matrix.key, audit, lang)))
        main += _register(audit, labels, lang)
        main.append(f"<h2 id=findings>{esc(t('audit.findings', lang))}</h2>")
        for index, (region, label) in enumerate(zip(audit.regions, labels, strict=True), start=1):
            main += _region_findings(region, index, label, audit.baseline, lang)
        nav += [
            ("tailoring", t("audit.tailoring", lang, baseline=audit.baseline)),
            ("findings", t("audit.findings", lang)),
        ]
        # The matrix has a column per rule: print the audit in landscape.
        landscape = "@page{size:A4 landscape;margin:12mm}\n"
        summary = _audit_summary(audit, lang)
        return page(f"{title}: {summary}", lang, header, nav, main, landscape)


# --------------------------------------------------------------------------- audit


def _audit_summary(audit: Audit, lang: str) -> str:
    return t(
        "audit.summary",
        lang,
        regions=len(audit.region_ids),
        repositories=len(audit.regions),
        ok=sum(1 for r in audit.regions if r.ok),
        broken=len(audit.broken),
        crashed=len(audit.crashed),
        failing=len(audit.failing),
    )


def _regions_table(audit: Audit, lang: str) -> list[str]:
    labels = [
        t(key, lang, baseline=audit.baseline)
        for key in (
            "audit.region",
            "audit.name",
            "audit.data_dir",
            "audit.ruleset",
            "audit.status",
            "audit.compliance.national",
            "audit.compliance.own",
        )
    ]
    _, name, data_dir, ruleset, status_label, national_label, own_label = map(esc, labels)
    out = [
        f"<h2 id=regions>{esc(t('audit.regions', lang))}</h2>",
        f'<table class="regions cards"><caption class=vh>{esc(t("audit.regions", lang))}'
        f"</caption>{table_head(labels)}<tbody>",
    ]
    for index, (region, national, own) in enumerate(
        zip(audit.regions, audit.national.rows, audit.own.rows, strict=True), start=1
    ):
        status = esc(t(f"audit.status.{region.status}", lang))
        if region.message:
            status += "<pre class=message>" + esc(region.message) + "</pre>"
        out.append(
            f'<tr data-region="{esc(region.id)}" class="status-{esc(region.status)}">'
            f'<th scope="row"><a href="#region-{index}">{esc(region.id)}</a></th>'
            f'<td data-label="{name}">{esc(region.name)}</td>'
            f'<td data-label="{data_dir}"><code>{esc(repository_path(region.data_dir))}</code></td>'
            f'<td data-label="{ruleset}">{esc(region.ruleset or "–")}</td>'
            f'<td data-label="{status_label}">{status}</td>'
            f'<td class=num data-label="{national_label}">'
            f"{esc(compliance_text(national.compliance))}</td>"
            f'<td class=num data-label="{own_label}">{esc(compliance_text(own.compliance))}</td>'
            "</tr>"
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


def _matrix_heading(key: str, audit: Audit, lang: str) -> str:
    return t(f"audit.matrix.{key}", lang, baseline=audit.baseline)


def _matrix(matrix: Matrix, audit: Audit, lang: str) -> list[str]:
    """The region × rule matrix: wide, it fits; narrower, it scrolls in its own box."""
    heading = _matrix_heading(matrix.key, audit, lang)
    heading_id = f"matrix-{matrix.key}-heading"
    compliance = esc(t("audit.compliance", lang))
    out = [f'<h2 id="{heading_id}">{esc(heading)}</h2>']
    out.append(f"<p class=legend>{esc(t('audit.legend', lang))}</p>")
    out.append(
        f'<div class="scroll matrix-box" tabindex="0" role="region" '
        f'aria-labelledby="{heading_id}">'
        f'<table class="matrix cards" id="matrix-{matrix.key}" data-ruleset="{matrix.key}">'
        f"<caption class=vh>{esc(heading)}</caption><thead><tr>"
        f'<th scope="col" class="corner">{esc(t("audit.region", lang))}</th>'
    )
    for rule in matrix.rules:
        tip = f"{rule.id} {rule.name}: {rule.title}"
        out.append(
            f'<th scope="col" class="rule" data-section="{esc(rule.section)}" '
            f'title="{esc(tip)}"><span>{esc(rule.id)}</span></th>'
        )
    out.append(f'<th scope="col">{compliance}</th></tr></thead><tbody>')
    for index, (region, row) in enumerate(zip(audit.regions, matrix.rows, strict=True), start=1):
        out.append(
            f'<tr data-region="{esc(region.id)}" class="status-{esc(region.status)}">'
            f'<th scope="row"><a href="#region-{index}">{esc(region.name)}</a>'
            f"<small class=dir>{breakable(repository_path(region.data_dir))}</small></th>"
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
        out.append(
            f'<td class="num compliance" data-label="{compliance}">'
            f"{esc(compliance_text(row.compliance))}</td></tr>"
        )
    out.append(f'</tbody><tfoot><tr><th scope="row">{compliance} (%)</th>')
    for rule, by_rule in zip(matrix.rules, matrix.by_rule, strict=True):
        share = by_rule.percent().removesuffix(" %")
        out.append(
            f'<td class="num share" data-rule="{esc(rule.id)}" data-section="{esc(rule.section)}" '
            f'title="{esc(rule.id)}: {esc(compliance_text(by_rule))}">{esc(share)}</td>'
        )
    out.append("<td></td></tr></tfoot></table></div>")
    out.append(
        f"<p class=note>{esc(t('audit.compliance.rule', lang))}. "
        f"{esc(t('audit.compliance.note', lang))}</p>"
    )
    return out


def _register(audit: Audit, labels: Sequence[str], lang: str) -> list[str]:
    out = [f"<h2 id=tailoring>{esc(t('audit.tailoring', lang, baseline=audit.baseline))}</h2>"]
    columns = [
        t(key, lang) for key in ("audit.rule", "audit.change", "audit.layer", "audit.reason")
    ]
    _, change_label, layer_label, reason_label = map(esc, columns)
    for region, positions in audit.tailoring_groups():  # once per region and ruleset
        label = ", ".join(labels[i] for i in positions)
        heading = t(
            "audit.tailoring.region",
            lang,
            region=region.name,
            ruleset=region.ruleset,
            layers=" → ".join(region.layers),
        )
        out.append(f'<section class="tailoring" data-region="{esc(region.id)}">')
        out.append(f"<h3>{esc(heading)} <code>{esc(label)}</code></h3>")
        if not region.tailoring:
            out.append(f"<p>{esc(t('audit.tailoring.none', lang, baseline=audit.baseline))}</p>")
            out.append("</section>")
            continue
        out.append(
            f'<table class="register cards"><caption class=vh>{esc(heading)} {esc(label)}'
            f"</caption>{table_head(columns)}<tbody>"
        )
        items = list(region.tailoring)
        for position, item in enumerate(items):
            previous = items[position - 1] if position else None
            span = sum(1 for other in items if other.rule == item.rule)
            rule_cell = ""
            if previous is None or previous.rule != item.rule:
                rule_cell = (
                    f'<th scope="row" rowspan="{span}"><code>{esc(item.rule)}</code> '
                    f"{esc(item.name)}</th>"
                )
            repeated = (
                previous is not None
                and previous.rule == item.rule
                and previous.reason == item.reason
            )
            reason = "" if repeated or item.reason is None else item.reason.get(lang)
            change = describe_tailoring(item, lang, with_layer=False)
            reason_cell = (
                f'<td data-label="{reason_label}">{esc(reason)}</td>' if reason else "<td></td>"
            )
            out.append(
                f'<tr class="action-{esc(item.action)}{"" if rule_cell else " same-rule"}" '
                f'data-rule="{esc(item.rule)}">{rule_cell}'
                f'<td data-label="{change_label}">{esc(change)}</td>'
                f'<td data-label="{layer_label}">{esc(item.layer or "–")}</td>{reason_cell}</tr>'
            )
        out.append("</tbody></table></section>")
    return out


def _region_findings(
    region: RegionAudit, index: int, label: str, baseline: str, lang: str
) -> list[str]:
    out = [
        f'<section class="region-block" id="region-{index}" data-region="{esc(region.id)}" '
        f'aria-labelledby="region-{index}-title">',
        f'<h3 id="region-{index}-title">{esc(region.name)} ({esc(region.id)}) '
        f"<code>{esc(label)}</code></h3>",
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
        out += result_block(result, f"region-{index}-{key}", lang, level=4)
        out.append("</details>")
    out.append("</section>")
    return out


@hookimpl
def secretariat_reporters() -> list[Reporter]:
    """Provide the ``html`` reporter."""
    return [HtmlReporter()]
