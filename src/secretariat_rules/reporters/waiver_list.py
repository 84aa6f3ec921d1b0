"""The waivers listing (``secretariat-rules waivers``) as text, JSON, Markdown or HTML.

Each waiver with its statuses (:mod:`~secretariat_rules.waiver_status`), rule, subject
pattern, reason, approver, case, owner, expiry, location and the findings it waives.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from ..findings import WaiverRecord
from ..i18n.catalog import t
from ..waiver_status import WaiverEntry, WaiverListing
from .base import repository_path
from .html_page import esc, page, table_head
from .markdown import code, escape
from .terminal import terminal_line
from .waiver_detail import waiver_fields

FORMATS = ("text", "json", "markdown", "html")


def statuses_text(entry: WaiverEntry, lang: str) -> str:
    return ", ".join(t(f"waivers.status.{s}", lang) for s in entry.statuses)


def _summary(listing: WaiverListing, lang: str) -> str:
    counts = listing.counts
    return t(
        "waivers.summary", lang, total=len(listing.entries), days=listing.expiring_within, **counts
    )


def _title(listing: WaiverListing, lang: str) -> str:
    return t("waivers.title", lang, where=repository_path(listing.data_dir), as_of=listing.as_of)


def _meta(listing: WaiverListing, lang: str) -> str:
    return t("waivers.meta", lang, region=listing.region, ruleset=listing.ruleset)


def _where(entry: WaiverEntry) -> str:
    return f"{entry.location.path}:{entry.location.line}"


def _details(entry: WaiverEntry, lang: str) -> list[tuple[str, str]]:
    record = WaiverRecord(entry.reason, entry.approved_by, entry.expires, entry.case, entry.owner)
    return waiver_fields(record, lang)


def render_text(listing: WaiverListing, lang: str) -> str:
    lines = [_title(listing, lang), _meta(listing, lang), ""]
    for entry in listing.entries:
        lines.append(f"{entry.rule} {entry.subject} [{statuses_text(entry, lang)}]")
        lines += [f"  {label}: {value}" for label, value in _details(entry, lang)]
        waived = ", ".join(entry.waived) or t("waivers.waived_none", lang)
        lines.append(f"  {t('waivers.field.findings', lang)} ({len(entry.waived)}): {waived}")
        lines.append(f"  {t('waivers.field.location', lang)}: {_where(entry)}")
        lines.append("")
    lines.append(_summary(listing, lang) if listing.entries else t("waivers.none", lang))
    return "\n".join(terminal_line(line) for line in lines) + "\n"  # a reason's line feed too


def listing_to_dict(listing: WaiverListing) -> dict[str, object]:
    """The JSON form: repository, as_of, the window, counts per status and the waivers."""
    return {
        "data_dir": repository_path(listing.data_dir),
        "region": listing.region,
        "ruleset": listing.ruleset,
        "as_of": listing.as_of,
        "expiring_within": listing.expiring_within,
        "counts": listing.counts,
        "waivers": [
            {
                "rule": e.rule,
                "subject": e.subject,
                "statuses": list(e.statuses),
                "reason": e.reason,
                "approved_by": e.approved_by,
                "case": e.case,
                "owner": e.owner,
                "expires": e.expires,
                "days_left": e.days_left,
                "location": {"path": e.location.path, "line": e.location.line},
                "findings": {"count": len(e.waived), "subjects": list(e.waived)},
            }
            for e in listing.entries
        ],
    }


def render_json(listing: WaiverListing, lang: str) -> str:
    return json.dumps(listing_to_dict(listing), ensure_ascii=False, indent=2) + "\n"


_COLUMNS = ("status", "rule", "subject", "reason", "approved_by", "case", "owner", "expires")


def _cells(entry: WaiverEntry, lang: str) -> list[str]:
    values = [entry.rule, entry.subject, entry.reason, entry.approved_by]
    return [statuses_text(entry, lang), *values, entry.case or "", entry.owner or "", entry.expires]


def render_markdown(listing: WaiverListing, lang: str) -> str:
    lines = [f"## {escape(_title(listing, lang))}", "", escape(_meta(listing, lang)), ""]
    if not listing.entries:
        return "\n".join([*lines, escape(t("waivers.none", lang)), ""])
    heads = [t(f"waivers.field.{c}", lang) for c in (*_COLUMNS, "findings", "location")]
    lines.append("| " + " | ".join(escape(h) for h in heads) + " |")
    lines.append("|" + "---|" * len(heads))
    for entry in listing.entries:
        cells = [escape(c) for c in _cells(entry, lang)]
        waived = ", ".join(code(s) for s in entry.waived) or escape(t("waivers.waived_none", lang))
        cells += [f"{len(entry.waived)}: {waived}", code(_where(entry))]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join([*lines, "", escape(_summary(listing, lang)), ""])


def render_html(listing: WaiverListing, lang: str) -> str:
    title = _title(listing, lang)
    body = [f"<p>{esc(_meta(listing, lang))}</p>", f"<p>{esc(_summary(listing, lang))}</p>"]
    if listing.entries:
        heads = [t(f"waivers.field.{c}", lang) for c in (*_COLUMNS, "findings", "location")]
        body += ["<table>", table_head(heads), "<tbody>"]
        for entry in listing.entries:
            status = " ".join(f"status-{s}" for s in entry.statuses)
            cells = "".join(f"<td>{esc(c)}</td>" for c in _cells(entry, lang))
            waived = ", ".join(f"<code>{esc(s)}</code>" for s in entry.waived)
            waived = waived or esc(t("waivers.waived_none", lang))
            cells += f"<td>{len(entry.waived)}: {waived}</td>"
            cells += f"<td><code>{esc(_where(entry))}</code></td>"
            body.append(f'<tr class="{status}">{cells}</tr>')
        body += ["</tbody>", "</table>"]
    header = [f"<h1>{esc(title)}</h1>"]
    return page(title, lang, header, [], body)


RENDERERS: dict[str, Callable[[WaiverListing, str], str]] = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
    "html": render_html,
}
"""The listing's renderer of each format of :data:`FORMATS`."""
