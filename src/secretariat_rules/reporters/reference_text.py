"""The reference views as plain text: a rule listing, a tailoring register, ``explain``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..i18n.catalog import severity_label
from .reference import action_label, chain, describe_tailoring, dump_yaml, label, short, status

if TYPE_CHECKING:
    from ..engine.ruleset import Ruleset
    from ..engine.tailoring import TailoringRegister


def listing_text(ruleset: Ruleset, lang: str) -> str:
    """The rules of a ruleset as an aligned table; a disabled rule's reason below it."""
    rules = list(ruleset.rules.values())
    disabled = sum(not r.enabled for r in rules)
    head = (
        f"{label('ruleset', lang)} {ruleset.name} ({label('layers', lang)}: "
        f"{chain(ruleset.layers)}): "
        f"{len(rules)} {label('rules', lang)}, {disabled} {label('disabled', lang)}"
    )
    header = ["ID", label("name", lang), label("clause", lang), label("severity", lang)]
    header += [label("status", lang), label("title", lang)]
    rows = [
        [
            r.id,
            r.name,
            r.clause,
            severity_label(r.severity.label, lang),
            label("enabled" if r.enabled else "disabled", lang),
            r.title.get(lang),
        ]
        for r in rules
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    lines = [head, ""]
    for row, rule in zip([header, *rows], [None, *rules], strict=True):
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
        if rule is not None and not rule.enabled:
            lines.append(f"{' ' * (widths[0] + 2)}{status(rule, lang)}")
    return "\n".join(lines) + "\n"


def tailoring_text(register: TailoringRegister, lang: str) -> str:
    """The tailoring between two rulesets, one block per rule."""
    items = register.items
    lines = [
        label("tailoring", lang, ruleset=register.ruleset, baseline=register.baseline),
        f"{label('layers', lang)}: {chain(register.layers)}; {label('baseline', lang)}: "
        f"{chain(register.baseline_layers)}",
        "",
    ]
    if not items:
        lines.append(label("no_tailoring", lang))
    current = None
    for item in items:
        if item.rule != current:
            lines.append(f"{item.rule} {item.name}")
            current = item.rule
        lines.append(f"    {describe_tailoring(item, lang)}")
        if item.reason:
            reason = item.reason.get(lang)
            lines.append(f"        {label('reason', lang)}: {' '.join(reason.split())}")
    unchanged = register.unchanged
    if unchanged:
        lines += ["", f"{label('unchanged', lang)} ({len(unchanged)}): {', '.join(unchanged)}"]
    return "\n".join(lines) + "\n"


def _indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line if line.strip() else line for line in text.splitlines())


def explain_text(info: Mapping[str, Any], lang: str) -> str:
    """The ``explain`` view of a rule (from
    :func:`secretariat_rules.engine.explanation.explanation`)."""
    origin = info["origin"]
    lines = [
        f"{info['id']} {info['name']} — {info['title'].get(lang)}",
        f"{label('ruleset', lang)}: {info['ruleset']} ({label('layers', lang)}: "
        f"{' → '.join(info['layers'])})",
        f"{label('clause', lang)}: {info['clause']} ({label('set_by', lang)} {origin['clause']})",
        f"{label('severity', lang)}: {severity_label(info['severity'], lang)} "
        f"({label('modal', lang)}: {info['modal']})",
        f"{label('status', lang)}: "
        + (
            label("enabled", lang)
            if info["enabled"]
            else f"{label('disabled', lang)}: {info['disabled_reason']}"
        ),
    ]
    if info["effective_from"] is not None:
        lines.append(f"{label('effective_from', lang)}: {short(info['effective_from'], lang)}")
    lines += ["", f"{label('guideline', lang)}:", _indent(info["guideline"])]
    if info["semantics"] is not None:
        lines += ["", f"{label('semantics', lang)}:", _indent(info["semantics"].get(lang))]
    if info["fix"]:
        lines += ["", f"{label('fix', lang)}:", _indent(info["fix"])]
    lines += ["", f"{label('params', lang)}:"]
    if not info["params"]:
        lines.append(f"    ({label('no_params', lang)})")
    for param in info["params"]:
        lines.append(
            f"    {param['name']} = {short(param['value'], lang)}"
            f"  ({label('set_by', lang)} {param['layer']})"
        )
    kinds = ", ".join(str(c.get("kind")) for c in info["check"])
    lines += ["", f"{label('check', lang)}: {kinds} ({label('set_by', lang)} {origin['check']})"]
    dumped = dump_yaml(info["check"][0] if len(info["check"]) == 1 else info["check"])
    lines.append(_indent(dumped.rstrip("\n")))
    lines += [
        "",
        f"{label('example', lang)}:",
        f"    {info['example']['subject']}: {info['example']['message']}",
        "",
        f"{label('history', lang)}:",
    ]
    for change in info["changes"]:
        action = action_label(change["action"], lang)
        attributes = f" ({', '.join(change['attributes'])})" if change["attributes"] else ""
        reason = f": {' '.join(change['reason'].split())}" if change["reason"] else ""
        lines.append(f"    {change['layer']}: {action}{attributes}{reason}")
    return "\n".join(lines) + "\n"
