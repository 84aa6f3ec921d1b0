"""The source inventory in the reports: what each records-system adapter read.

A records-system adapter (Noark 5, eInnsyn...) reports per data repository the files it
read, the elements it saw, the records it produced per collection and the elements it
left out, with why (:class:`~secretariat_rules.findings.SourceSummary`). The canonical
layout reports none, so a canonical repository's reports are unchanged. This module
holds the wording shared by the text and Markdown reports and the HTML table (kept here,
apart from the page layout of :mod:`.html`). Counts are listed in name order; at most
:data:`FILES_SHOWN` file names are listed.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..findings import Counts, SourceSummary
from ..i18n.catalog import t
from ..i18n.message import render_text

FILES_SHOWN = 10
"""File names listed per source; the rest are counted (``og 190 til``)."""


def counts_text(counts: Counts, lang: str) -> str:
    """``journalpost 12, moetemappe 2``, or ``ingen`` / ``none``."""
    if not counts:
        return t("sources.none", lang)
    return ", ".join(f"{name} {count}" for name, count in counts)


def files_text(files: Sequence[str], lang: str) -> str:
    """``2 (a.xml, b.xml)``; past :data:`FILES_SHOWN` names, ``og N til`` / ``and N more``."""
    if not files:
        return "0"
    shown = ", ".join(files[:FILES_SHOWN])
    rest = len(files) - FILES_SHOWN
    if rest > 0:
        shown += ", " + t("sources.more", lang, count=rest)
    return f"{len(files)} ({shown})"


def left_out_total(source: SourceSummary) -> int:
    """Elements left out, over every reason."""
    return sum(count for _, count in source.left_out)


def left_out_items(source: SourceSummary, lang: str) -> list[tuple[int, str]]:
    """``(count, text)`` per left-out reason, in reason order: the reason's label in
    ``lang`` (:attr:`~secretariat_rules.findings.SourceSummary.left_out_labels`), else the
    reason itself, on one line."""
    return [
        (count, " ".join(render_text(source.label(reason), lang).split()))
        for reason, count in source.left_out
    ]


def text_lines(sources: Sequence[SourceSummary], lang: str) -> list[str]:
    """The plain-text block: a line per fact, then one per left-out reason.

    ``Utelatt: 3`` is followed by ``      2  <reason>`` lines, so a long reason stays
    readable; nothing at all for no sources.
    """
    if not sources:
        return []
    lines = [t("sources.heading", lang)]
    for source in sources:
        total = left_out_total(source)
        lines += [
            f"  {source.source}",
            f"    {t('sources.files', lang)}: {files_text(source.files, lang)}",
            f"    {t('sources.elements', lang)}: {counts_text(source.elements, lang)}",
            f"    {t('sources.records', lang)}: {counts_text(source.records, lang)}",
            f"    {t('sources.left_out', lang)}: {total or t('sources.none', lang)}",
        ]
        lines += [f"      {count}  {text}" for count, text in left_out_items(source, lang)]
    return lines


def sources_html(sources: Sequence[SourceSummary], lang: str, level: int = 3) -> list[str]:
    """The ``Kilder`` / ``Sources`` section: one table, a row per source; [] for none.

    Every cell has a ``data-label`` naming its column (the page reflows rows into
    labelled cards on a narrow screen).

    :param level: the heading level (one below the repository's heading).
    """
    from .html_page import esc  # the page's own escaping helper (html_page imports this module)

    if not sources:
        return []
    heading = esc(t("sources.heading", lang))
    keys = ("source", "files", "elements", "records", "left_out")
    label = {key: esc(t(f"sources.{key}", lang)) for key in keys}
    head = "".join(f'<th scope="col">{label[key]}</th>' for key in keys)
    rows = []
    for source in sources:
        left_out = "<br>".join(
            f"{count} – {esc(text)}" for count, text in left_out_items(source, lang)
        )
        cells = {
            "files": esc(files_text(source.files, lang)),
            "elements": esc(counts_text(source.elements, lang)),
            "records": esc(counts_text(source.records, lang)),
            "left_out": left_out or esc(t("sources.none", lang)),
        }
        rows.append(
            f'<tr><th scope="row" data-label="{label["source"]}">'
            f"<code>{esc(source.source)}</code></th>"
            + "".join(f'<td data-label="{label[key]}">{cells[key]}</td>' for key in keys[1:])
            + "</tr>"
        )
    return [
        f'<section class="sources"><h{level}>{heading}</h{level}>'
        f'<div class="scroll"><table class="sources"><caption>{heading}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        "</section>"
    ]
