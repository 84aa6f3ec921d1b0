"""The reference views as Markdown: a rule listing and a tailoring register."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n.catalog import severity_label
from .reference import chain, describe_tailoring, label, reason_text, status

if TYPE_CHECKING:
    from ..engine.ruleset import Ruleset
    from ..engine.tailoring import TailoringRegister


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def listing_markdown(ruleset: Ruleset, lang: str) -> str:
    """The rules of a ruleset as a Markdown table."""
    lines = [
        f"# {label('ruleset', lang)} `{ruleset.name}`",
        "",
        f"{label('layers', lang).capitalize()}: {chain(ruleset.layers)}",
        "",
        f"| ID | {label('name', lang)} | {label('clause', lang)} | {label('severity', lang)} "
        f"| {label('status', lang)} | {label('title', lang)} |",
        "|---|---|---|---|---|---|",
    ]
    for r in ruleset.rules.values():
        lines.append(
            f"| {r.id} | `{r.name}` | {_cell(r.clause)} | {severity_label(r.severity.label, lang)} "
            f"| {_cell(status(r, lang))} | {_cell(r.title.get(lang))} |"
        )
    return "\n".join(lines) + "\n"


def tailoring_markdown(register: TailoringRegister, lang: str) -> str:
    """The tailoring between two rulesets as a Markdown table."""
    title = label(
        "tailoring", lang, ruleset=f"`{register.ruleset}`", baseline=f"`{register.baseline}`"
    )
    lines = [f"# {title}", ""]
    items = register.items
    if not items:
        return "\n".join([*lines, label("no_tailoring", lang)]) + "\n"
    lines += [
        f"| ID | {label('name', lang)} | {label('change', lang)} "
        f"| {label('reason_heading', lang)} |",
        "|---|---|---|---|",
    ]
    for item in items:
        lines.append(
            f"| {item.rule} | `{item.name}` | {_cell(describe_tailoring(item, lang))} "
            f"| {_cell(reason_text(item.reason, lang) or '')} |"
        )
    return "\n".join(lines) + "\n"
