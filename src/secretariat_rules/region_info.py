"""What ``regions [ID]`` shows, and ``init``'s cheat sheet: a region's ids, from its profile.

A data repository names parties and bodies by id (``distributions.csv`` ``party``,
``meetings.csv`` ``body`` …); these views list the ids a region plugin provides, with
names, kinds, organisation numbers, domains and aliases, as text, JSON or Markdown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .i18n.catalog import t
from .regions import RegionProfile
from .reporters.base import text_table
from .schema.collections import COLLECTION_FIELDS

__all__ = [
    "references_to",
    "region_detail",
    "region_list",
    "region_list_text",
    "region_markdown",
    "region_text",
]

DEFAULT_RULESET = "national"


def references_to(collection: str) -> list[str]:
    """Every ``file.field`` that names a record of ``collection`` (``parties``, ``bodies``)."""
    return [
        f"{name}.csv {spec.name}"
        for name, specs in COLLECTION_FIELDS.items()
        for spec in specs
        if spec.ref == collection
    ]


def region_list(profiles: Mapping[str, RegionProfile]) -> list[dict[str, Any]]:
    """Each region: id, name and ruleset (national when the profile names none), by id."""
    return [
        {"id": p.id, "name": p.name, "ruleset": p.ruleset or DEFAULT_RULESET}
        for _, p in sorted(profiles.items())
    ]


def _texts(values: Any) -> list[str]:
    return [str(v) for v in values] if isinstance(values, list) else []


def region_detail(profile: RegionProfile) -> dict[str, Any]:
    """A region's parties, bodies and channels with their ids, JSON-ready."""
    return {
        "id": profile.id,
        "name": profile.name,
        "ruleset": profile.ruleset or DEFAULT_RULESET,
        "description": profile.description,
        "parties": [
            {
                "id": str(p.get("id")),
                "name": str(p.get("name")),
                "kind": str(p.get("kind")),
                "org_number": p.get("org_number"),
                "domains": _texts(p.get("domains")),
                "aliases": _texts(p.get("aliases")),
            }
            for p in profile.parties
        ],
        "bodies": [
            {
                "id": str(b.get("id")),
                "name": str(b.get("name")),
                "kind": str(b.get("kind")),
                "aliases": _texts(b.get("aliases")),
            }
            for b in profile.bodies
        ],
        "channels": [
            {"kind": str(c.get("kind")), "address": str(c.get("address"))} for c in profile.channels
        ],
        "references": {"parties": references_to("parties"), "bodies": references_to("bodies")},
    }


def _kind(kind: str, lang: str) -> str:
    try:
        return t(f"regions.kind.{kind}", lang)
    except KeyError:
        return kind


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """Columns padded to their widest cell, two spaces apart, trailing blanks cut."""
    return text_table([list(header), *(list(r) for r in rows)])


def _columns(kind: str, lang: str) -> list[str]:
    keys = {
        "parties": ("id", "name", "kind", "org_number", "domains", "aliases"),
        "bodies": ("id", "name", "kind", "aliases"),
        "channels": ("kind", "address"),
    }[kind]
    return [t(f"regions.column.{key}", lang) for key in keys]


def _cells(kind: str, item: Mapping[str, Any], lang: str) -> list[str]:
    if kind == "channels":
        return [_kind(item["kind"], lang), item["address"]]
    cells = [item["id"], item["name"], _kind(item["kind"], lang)]
    if kind == "parties":
        cells += [item["org_number"] or "", ", ".join(item["domains"])]
    return [*cells, ", ".join(item["aliases"])]


def region_list_text(regions: list[dict[str, Any]], lang: str) -> str:
    """``regions``: one line per region, then how to see one."""
    header = [t(f"regions.column.{k}", lang) for k in ("id", "name", "ruleset")]
    rows = [[r["id"], r["name"], r["ruleset"]] for r in regions]
    lines = [t("regions.heading", lang, count=len(regions)), *_table(header, rows)]
    return "\n".join([*lines, "", t("regions.hint", lang)]) + "\n"


def region_text(detail: Mapping[str, Any], lang: str) -> str:
    """``regions ID``: the region's parties, bodies and channels, each with its ids."""
    lines = [
        f"{detail['name']} ({detail['id']})",
        t("header.ruleset", lang, ruleset=detail["ruleset"]),
    ]
    if detail["description"]:
        lines.append(detail["description"])
    for kind in ("parties", "bodies", "channels"):
        items = detail[kind]
        lines += ["", t(f"regions.{kind}", lang, count=len(items))]
        if kind in detail["references"]:
            where = ", ".join(detail["references"][kind])
            lines.append("  " + t("regions.used_in", lang, fields=where))
        if not items:
            lines.append("  " + t("regions.none", lang))
            continue
        lines += _table(_columns(kind, lang), (_cells(kind, i, lang) for i in items))
    return "\n".join(lines) + "\n"


def _md(cell: str) -> str:
    return cell.replace("|", "\\|")


def region_markdown(detail: Mapping[str, Any], lang: str, level: int = 2) -> str:
    """The parties and bodies of a region as Markdown tables (``init``'s README)."""
    lines: list[str] = []
    for kind in ("parties", "bodies"):
        items = detail[kind]
        lines += [f"{'#' * level} {t(f'regions.{kind}', lang, count=len(items))}", ""]
        where = ", ".join(f"`{f}`" for f in detail["references"][kind])
        lines += [t("regions.used_in", lang, fields=where), ""]
        header = _columns(kind, lang)
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "---|" * len(header))
        for item in items:
            cells = _cells(kind, item, lang)
            cells[0] = f"`{cells[0]}`"
            lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
        lines.append("")
    return "\n".join(lines)
