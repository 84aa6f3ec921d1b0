"""The ``diff`` document (:func:`~secretariat_rules.report_diff.diff_reports`) in text,
JSON, Markdown (a pull-request comment) and HTML (self-contained, the HTML report's CSS).

Each renderer takes the plain document and a language, and writes in the document's
order (already sorted), so the same document gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..i18n.catalog import severity_label, t
from .base import text_table
from .html_page import data_table, esc, page
from .markdown import code, escape
from .terminal import terminal_line

__all__ = ["DIFF_FORMATS", "render_diff"]

MARKDOWN_LIMIT = 50
"""New findings listed in the Markdown comment; the rest are counted."""

_COUNTS = ("new", "fixed", "unchanged")


def _side(doc: Mapping[str, Any], side: str, lang: str) -> str:
    report = doc[side]
    when = f" ({t('diff.as_of', lang, as_of=report['as_of'])})" if report["as_of"] else ""
    return f"{report['report']}{when}"


def _counts_line(doc: Mapping[str, Any], lang: str) -> str:
    return t("diff.counts", lang, **doc["summary"])


def _columns(first: str, lang: str) -> list[str]:
    return [t(f"diff.column.{first}", lang), *(t(f"diff.column.{c}", lang) for c in _COUNTS)]


def _finding_cells(finding: Mapping[str, Any], lang: str) -> list[str]:
    severity = severity_label(finding["severity"], lang)
    if finding["waived"]:
        severity = f"{severity} ({t('diff.waived', lang)})"
    return [severity, finding["region"], finding["rule"], finding["subject"], finding["message"]]


def _finding_columns(lang: str) -> list[str]:
    keys = ("severity", "region", "rule", "subject", "message")
    return [t(f"diff.column.{key}", lang) for key in keys]


# --------------------------------------------------------------------------- text


def render_text(doc: Mapping[str, Any], lang: str) -> str:
    """The diff for a terminal: both reports, the counts, new and fixed findings, tables."""
    lines = [
        t("diff.title", lang),
        f"{t('diff.old', lang)}: {_side(doc, 'old', lang)}",
        f"{t('diff.new', lang)}: {_side(doc, 'new', lang)}",
        _counts_line(doc, lang),
    ]
    for key, heading in (
        ("new_findings", "diff.heading.new"),
        ("fixed_findings", "diff.heading.fixed"),
    ):
        lines += ["", t(heading, lang)]
        found = doc[key]
        if not found:
            lines.append(f"  {t('diff.none', lang)}")
            continue
        # escaped before the columns are aligned: a message or subject is the data's
        lines += text_table([[terminal_line(c) for c in _finding_cells(f, lang)] for f in found])
    for key, first in (("by_rule", "rule"), ("by_region", "region")):
        lines += ["", t(f"diff.heading.{key}", lang)]
        rows = [[r[first], *(str(r[c]) for c in _COUNTS)] for r in doc[key]]
        lines += (
            text_table([_columns(first, lang), *rows]) if rows else [f"  {t('diff.none', lang)}"]
        )
    return "\n".join(terminal_line(line) for line in lines) + "\n"


# --------------------------------------------------------------------------- JSON


def render_json(doc: Mapping[str, Any], lang: str) -> str:
    """The diff document as JSON (the same in every language)."""
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- Markdown


def _md_table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A Markdown table of cells that are Markdown already (:func:`_md_cells`)."""
    return [
        "| " + " | ".join(escape(h) for h in head) + " |",
        "|" + "|".join("---" for _ in head) + "|",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def _md_cells(values: Sequence[object]) -> list[str]:
    """Texts as literal Markdown cells: a finding's message, subject and region come from
    the data repository, and the comment is published (no link, image, HTML or table
    syntax of theirs takes effect)."""
    return [escape(str(value)) for value in values]


def render_markdown(doc: Mapping[str, Any], lang: str) -> str:
    """A pull-request comment: the counts, a table per rule that changed, the new findings
    (at most :data:`MARKDOWN_LIMIT`), the fixed ones folded."""
    lines = [
        f"### {t('diff.title', lang)}",
        "",
        f"{t('diff.old', lang)}: {code(_side(doc, 'old', lang))}  ",
        f"{t('diff.new', lang)}: {code(_side(doc, 'new', lang))}",
        "",
        f"**{_counts_line(doc, lang)}**",
        "",
    ]
    changed = [r for r in doc["by_rule"] if r["new"] or r["fixed"]]
    if changed:
        rows = [[code(r["rule"]), *_md_cells([r[c] for c in _COUNTS])] for r in changed]
        lines += [*_md_table(_columns("rule", lang), rows), ""]
    new = doc["new_findings"]
    lines += [f"#### {t('diff.heading.new', lang)} ({len(new)})", ""]
    if new:
        shown = [_md_cells(_finding_cells(f, lang)) for f in new[:MARKDOWN_LIMIT]]
        lines += _md_table(_finding_columns(lang), shown)
        if len(new) > MARKDOWN_LIMIT:
            lines += ["", t("diff.more", lang, count=len(new) - MARKDOWN_LIMIT)]
    else:
        lines.append(t("diff.none", lang))
    fixed = doc["fixed_findings"]
    if fixed:
        summary = f"{t('diff.heading.fixed', lang)} ({len(fixed)})"
        rows = [_md_cells(_finding_cells(f, lang)) for f in fixed[:MARKDOWN_LIMIT]]
        lines += ["", f"<details><summary>{esc(summary)}</summary>", ""]
        lines += _md_table(_finding_columns(lang), rows)
        if len(fixed) > MARKDOWN_LIMIT:
            lines += ["", t("diff.more", lang, count=len(fixed) - MARKDOWN_LIMIT)]
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- HTML


def render_html(doc: Mapping[str, Any], lang: str) -> str:
    """A self-contained page: the counts, new and fixed findings, the tables per rule and
    region; the HTML report's style sheet, no external asset."""
    title = t("diff.title", lang)
    header = [
        f"<h1>{esc(title)}</h1>",
        f"<p class=lead>{esc(t('diff.old', lang))}: {esc(_side(doc, 'old', lang))}<br>"
        f"{esc(t('diff.new', lang))}: {esc(_side(doc, 'new', lang))}</p>",
        f"<p><strong>{esc(_counts_line(doc, lang))}</strong></p>",
    ]
    main: list[str] = []
    nav: list[tuple[str, str]] = []
    for key, heading in (
        ("new_findings", "diff.heading.new"),
        ("fixed_findings", "diff.heading.fixed"),
    ):
        anchor = key.replace("_", "-")
        nav.append((anchor, t(heading, lang)))
        main.append(f'<section id="{anchor}"><h2>{esc(t(heading, lang))}</h2>')
        rows = [_finding_cells(f, lang) for f in doc[key]]
        main.append(
            data_table(_finding_columns(lang), rows, "findings")
            if rows
            else f"<p>{esc(t('diff.none', lang))}</p>"
        )
        main.append("</section>")
    for key, first in (("by_rule", "rule"), ("by_region", "region")):
        anchor = key.replace("_", "-")
        nav.append((anchor, t(f"diff.heading.{key}", lang)))
        rows = [[r[first], *(r[c] for c in _COUNTS)] for r in doc[key]]
        main.append(f'<section id="{anchor}"><h2>{esc(t(f"diff.heading.{key}", lang))}</h2>')
        main.append(data_table(_columns(first, lang), rows, "regions"))
        main.append("</section>")
    return page(f"{title}: {_counts_line(doc, lang)}", lang, header, nav, main)


DIFF_FORMATS: dict[str, Callable[[Mapping[str, Any], str], str]] = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
    "html": render_html,
}
"""The ``diff`` command's formats."""


def render_diff(doc: Mapping[str, Any], fmt: str, lang: str) -> str:
    """The diff document in format ``fmt`` (a key of :data:`DIFF_FORMATS`)."""
    return DIFF_FORMATS[fmt](doc, lang)
