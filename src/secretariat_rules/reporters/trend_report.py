"""The trend document (:func:`~secretariat_rules.history.trend`) in text, JSON and HTML.

The HTML page holds one small inline SVG line chart per region (compliance over the
runs, 0–100 %), drawn from the numbers alone: no script, no external asset. The same
document gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..i18n.catalog import t
from .base import text_table
from .html_page import data_table, esc, page

__all__ = ["TREND_FORMATS", "chart_svg", "percent", "render_trend"]

WIDTH, HEIGHT, PAD = 360, 150, 40
"""The chart's size and the room left for its axis labels (SVG user units)."""

CHART_CSS = (
    "div.charts{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}"
    "figure.trend{margin:0}figure.trend figcaption{font-weight:600}"
    "svg.trend{display:block;max-width:100%;height:auto;margin:.2rem 0 .8rem}"
    "svg.trend .axis{stroke:#888;stroke-width:1}"
    "svg.trend .grid{stroke:#ddd;stroke-width:1}"
    "svg.trend .line{fill:none;stroke:#1a5fb4;stroke-width:2.5}"
    "svg.trend circle{fill:#1a5fb4}"
    "svg.trend text{font-size:11px;fill:#333}"
)


def percent(compliance: Mapping[str, Any] | None) -> str:
    """``83 %`` (rounded down), or ``–`` when nothing was assessed (or no run)."""
    if not compliance or not compliance.get("assessed"):
        return "–"
    return f"{compliance['passing'] * 100 // compliance['assessed']} %"


def _share(compliance: Mapping[str, Any] | None) -> float | None:
    if not compliance or not compliance.get("assessed"):
        return None
    return float(compliance["passing"]) / float(compliance["assessed"])


def _runs_line(doc: Mapping[str, Any], lang: str) -> str:
    runs = doc["runs"]
    first, last = (runs[0], runs[-1]) if runs else ("–", "–")
    return t("trend.runs", lang, count=len(runs), first=first, last=last)


def _change_items(change: Mapping[str, Any], key: str) -> str:
    return ", ".join(f"{item['region']} {item['rule']}" for item in change[key])


# --------------------------------------------------------------------------- text


def render_text(doc: Mapping[str, Any], lang: str) -> str:
    """The trend for a terminal: a table per region and per rule, then the changes."""
    lines = [t("trend.title", lang), _runs_line(doc, lang)]
    for key, column in (("regions", "region"), ("rules", "rule")):
        lines += ["", t(f"trend.heading.{key}", lang)]
        head = [t(f"trend.column.{column}", lang), *doc["runs"]]
        rows = [[entry[column], *(percent(c) for c in entry["compliance"])] for entry in doc[key]]
        lines += text_table([head, *rows])
    lines += ["", t("trend.heading.changes", lang)]
    for change in doc["changes"]:
        lines.append(f"  {t('trend.change', lang, before=change['from'], after=change['to'])}")
        if not change["broken"] and not change["fixed"]:
            lines.append(f"    {t('trend.no_changes', lang)}")
        for key, label in (("broken", "trend.broken"), ("fixed", "trend.fixed")):
            if change[key]:
                lines.append(f"    {t(label, lang)}: {_change_items(change, key)}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- JSON


def render_json(doc: Mapping[str, Any], lang: str) -> str:
    """The trend document as JSON (the same in every language)."""
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- HTML


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def chart_svg(entry: Mapping[str, Any], runs: Sequence[str], lang: str) -> str:
    """One region's compliance over the runs as an inline SVG line chart."""
    label = t("trend.chart", lang, region=entry["name"])
    left, right, top, bottom = PAD + 6, WIDTH - PAD - 6, 24, HEIGHT - 26
    span = max(len(runs) - 1, 1)

    def x(i: int) -> float:
        return left + (right - left) * (i / span if len(runs) > 1 else 0.5)

    def y(share: float) -> float:
        return bottom - (bottom - top) * share

    parts = [
        f'<svg class="trend" role="img" aria-label="{esc(label)}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{esc(label)}</title>",
    ]
    for tick in (0.0, 0.5, 1.0):
        css = "axis" if tick == 0.0 else "grid"
        parts.append(
            f'<line class="{css}" x1="{left}" y1="{_num(y(tick))}" '
            f'x2="{right}" y2="{_num(y(tick))}"/>'
        )
        parts.append(
            f'<text x="{left - 6}" y="{_num(y(tick) + 4)}" text-anchor="end">'
            f"{int(tick * 100)} %</text>"
        )
    points = [
        (x(i), y(share), c)
        for i, c in enumerate(entry["compliance"])
        if (share := _share(c)) is not None
    ]
    if len(points) > 1:
        path = " ".join(f"{_num(px)},{_num(py)}" for px, py, _ in points)
        parts.append(f'<polyline class="line" points="{path}"/>')
    for px, py, compliance in points:
        parts.append(f'<circle cx="{_num(px)}" cy="{_num(py)}" r="4"/>')
        parts.append(
            f'<text x="{_num(px)}" y="{_num(py - 8)}" text-anchor="middle">'
            f"{esc(percent(compliance))}</text>"
        )
    for i, run in enumerate(runs):
        parts.append(
            f'<text x="{_num(x(i))}" y="{HEIGHT - 8}" text-anchor="middle">{esc(run)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def render_html(doc: Mapping[str, Any], lang: str) -> str:
    """A self-contained page: a chart and a row per region, the rules, the changes."""
    title = t("trend.title", lang)
    runs = doc["runs"]
    header = [f"<h1>{esc(title)}</h1>", f"<p class=lead>{esc(_runs_line(doc, lang))}</p>"]
    main = [f'<section id="regions"><h2>{esc(t("trend.heading.regions", lang))}</h2>']
    main.append('<div class="charts">')
    for entry in doc["regions"]:
        caption = f"{esc(entry['name'])} <code>{esc(entry['region'])}</code>"
        main.append(
            f'<figure class="trend"><figcaption>{caption}</figcaption>'
            f"{chart_svg(entry, runs, lang)}</figure>"
        )
    main.append("</div>")
    head = [t("trend.column.region", lang), *runs]
    rows = [[e["region"], *(percent(c) for c in e["compliance"])] for e in doc["regions"]]
    main += [data_table(head, rows, "regions"), "</section>"]
    main.append(f'<section id="rules"><h2>{esc(t("trend.heading.rules", lang))}</h2>')
    head = [t("trend.column.rule", lang), *runs]
    rows = [[e["rule"], *(percent(c) for c in e["compliance"])] for e in doc["rules"]]
    main += [data_table(head, rows, "regions"), "</section>"]
    main.append(f'<section id="changes"><h2>{esc(t("trend.heading.changes", lang))}</h2>')
    for change in doc["changes"]:
        main.append(
            f"<h3>{esc(t('trend.change', lang, before=change['from'], after=change['to']))}</h3>"
        )
        items = [
            f"<li>{esc(t(label, lang))}: {esc(_change_items(change, key))}</li>"
            for key, label in (("broken", "trend.broken"), ("fixed", "trend.fixed"))
            if change[key]
        ]
        main.append(
            f"<ul>{''.join(items)}</ul>" if items else f"<p>{esc(t('trend.no_changes', lang))}</p>"
        )
    main.append("</section>")
    nav = [
        ("regions", t("trend.heading.regions", lang)),
        ("rules", t("trend.heading.rules", lang)),
        ("changes", t("trend.heading.changes", lang)),
    ]
    return page(f"{title}: {_runs_line(doc, lang)}", lang, header, nav, main, CHART_CSS)


TREND_FORMATS: dict[str, Callable[[Mapping[str, Any], str], str]] = {
    "text": render_text,
    "json": render_json,
    "html": render_html,
}
"""The trend's formats."""


def render_trend(doc: Mapping[str, Any], fmt: str, lang: str) -> str:
    """The trend document in format ``fmt`` (a key of :data:`TREND_FORMATS`)."""
    return TREND_FORMATS[fmt](doc, lang)
