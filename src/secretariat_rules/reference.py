"""Reference views of rulesets: rule listings, tailoring between rulesets, explanations.

Used by the ``rules`` and ``explain`` commands and by :mod:`.docs`. Every view
is computed from resolved rulesets and the registered check kinds, never hand-copied.

Tailoring compares two resolved rulesets rule by rule (not the overlay files), so it
works for any pair: a region against the national baseline, or two regions against each
other. Each difference is attributed to the layer that set the differing value, using
:attr:`ResolvedRule.origin <secretariat_rules.engine.ruleset.ResolvedRule>`, and carries
that layer's reason.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import BaseModel

from .engine.conditions import Text
from .engine.ruleset import ResolvedRule, Ruleset, fix_text
from .engine.templates import render
from .exceptions import UsageError
from .findings import Severity
from .i18n.catalog import MESSAGES, severity_label, t
from .i18n.message import msg, ui_lang
from .sources.values import printable

ACTIONS = ("added", "removed", "disabled", "enabled", "reworded", "reparameterised", "changed")
"""Kinds of tailoring, in the order they are listed for one rule."""

_WORDING = ("clause", "title", "message", "fix", "guideline", "semantics")
_OTHER = ("modal", "severity", "effective_from", "check")


def label(key: str, lang: str, **values: object) -> str:
    """A label of the reference views (catalogue key ``reference.KEY``) in ``lang``."""
    return t(f"reference.{key}", _lang(lang), **values)


def action_label(action: str, lang: str) -> str:
    """A kind of tailoring or of a layer's change (``reworded``...) in ``lang``; an unknown
    one as written."""
    key = f"reference.action.{action}"
    return t(key, _lang(lang)) if key in MESSAGES["en"] else action


def _lang(lang: str) -> str:
    """``lang`` if the catalogue has it, else English."""
    return lang if lang in MESSAGES else "en"


def to_plain(value: Any) -> Any:
    """A JSON-ready copy: texts as ``{nb, en}``, severities as labels, dates as ISO text."""
    if isinstance(value, BaseModel):
        return to_plain(value.model_dump(mode="json", by_alias=True))
    if isinstance(value, Severity):
        return value.label
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_plain(v) for v in value]
    return value


def dump_json(data: Any) -> str:
    """Deterministic JSON (sorted keys, two-space indent, UTF-8 kept), ending in a newline."""
    return json.dumps(to_plain(data), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def reason_text(reason: Text | None, lang: str | None = None) -> str | None:
    """A layer's reason in ``lang`` (default :func:`ui_lang`); ``None`` for none."""
    return None if reason is None else reason.get(lang or ui_lang())


def _joined(reasons: list[Text]) -> Text | None:
    """Several reasons as one, each language joined by ``; `` (repeats once)."""
    unique = list(dict.fromkeys((r.nb, r.en) for r in reasons))
    if not unique:
        return None
    return Text(nb="; ".join(nb for nb, _ in unique), en="; ".join(en for _, en in unique))


def short(value: Any, lang: str) -> str:
    """A value as one short piece of text."""
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, Severity):
        return value.label
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# --------------------------------------------------------------------------- rule listing


def status(rule: ResolvedRule, lang: str) -> str:
    """``enabled``, or ``disabled: REASON``."""
    if rule.enabled:
        return label("enabled", lang)
    reason = reason_text(rule.disabled_reason, lang) or ""
    return f"{label('disabled', lang)}: {reason}".rstrip(": ")


def rule_entry(rule: ResolvedRule, lang: str | None = None) -> dict[str, Any]:
    """One rule of a listing, JSON-ready; the disabled reason in ``lang``."""
    return {
        "id": rule.id,
        "name": rule.name,
        "clause": rule.clause,
        "section": rule.section,
        "modal": rule.modal,
        "severity": rule.severity.label,
        "enabled": rule.enabled,
        "disabled_reason": reason_text(rule.disabled_reason, lang),
        "effective_from": rule.effective_from,
        "title": rule.title,
        "check": [c.get("kind") for c in rule.check],
        "origin": dict(sorted(rule.origin.items())),
    }


def listing(ruleset: Ruleset, lang: str | None = None) -> dict[str, Any]:
    """A resolved ruleset's rules in id order, JSON-ready (reasons in ``lang``, default
    :func:`ui_lang`; titles in both languages)."""
    return {
        "ruleset": ruleset.name,
        "title": ruleset.title,
        "layers": list(ruleset.layers),
        "rules": [rule_entry(rule, lang) for rule in ruleset.rules.values()],
    }


# --------------------------------------------------------------------------- tailoring


@dataclass(frozen=True)
class Difference:
    """One attribute (or one parameter, ``params.NAME``) that differs."""

    attribute: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Tailoring:
    """How one rule of a ruleset differs from the baseline, and which layer did it."""

    rule: str
    name: str
    action: str
    layer: str | None
    reason: Text | None
    differences: tuple[Difference, ...] = ()

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """JSON-ready; the reason as one string in ``lang`` (default :func:`ui_lang`)."""
        return {
            "rule": self.rule,
            "name": self.name,
            "action": self.action,
            "layer": self.layer,
            "reason": reason_text(self.reason, lang),
            "differences": [
                {"attribute": d.attribute, "old": d.old, "new": d.new} for d in self.differences
            ],
        }


def _reason(rule: ResolvedRule, layer: str, attribute: str) -> Text | None:
    """The reason the layer gave when it set the attribute (several joined by ``; ``)."""
    if attribute == "enabled" and not rule.enabled and rule.origin.get("enabled") == layer:
        return rule.disabled_reason
    reasons = [
        c.reason
        for c in rule.changes
        if c.layer == layer and c.reason and (attribute in c.attributes or c.action == "added")
    ]
    return _joined([r for r in reasons if r])


def _action_of(attribute: str, new_value: Any) -> str:
    if attribute == "enabled":
        return "enabled" if new_value else "disabled"
    if attribute in _WORDING:
        return "reworded"
    if attribute == "params":
        return "reparameterised"
    return "changed"


def _differences(old: ResolvedRule, new: ResolvedRule) -> Iterator[tuple[str, Difference]]:
    """(attribute, difference) for every attribute whose resolved value differs."""
    for attribute in ("enabled", *_WORDING, "params", *_OTHER):
        before, after = getattr(old, attribute), getattr(new, attribute)
        if attribute == "params":
            for key in sorted(set(before) | set(after)):
                if before.get(key) != after.get(key) or (key in before) != (key in after):
                    yield attribute, Difference(f"params.{key}", before.get(key), after.get(key))
        elif before != after:
            yield attribute, Difference(attribute, before, after)


def tailoring(ruleset: Ruleset, baseline: Ruleset) -> list[Tailoring]:
    """Every rule added, dropped, disabled, re-worded, re-parameterised or changed.

    A difference is attributed to the layer of ``ruleset`` that set the value, unless
    that layer is shared with the baseline; then to the baseline's own layer.
    """
    out: list[Tailoring] = []
    for rule_id in sorted(set(ruleset.rules) | set(baseline.rules)):
        new, old = ruleset.rules.get(rule_id), baseline.rules.get(rule_id)
        if old is None and new is not None:
            added = new.changes[0]
            out.append(Tailoring(rule_id, new.name, "added", added.layer, added.reason))
            if not new.enabled:
                layer = new.origin.get("enabled", added.layer)
                out.append(Tailoring(rule_id, new.name, "disabled", layer, new.disabled_reason))
            continue
        if new is None and old is not None:
            out.append(Tailoring(rule_id, old.name, "removed", old.changes[0].layer, None))
            continue
        assert new is not None and old is not None
        groups: dict[tuple[str, str], list[Difference]] = {}
        reasons: dict[tuple[str, str], list[Text]] = {}
        for attribute, difference in _differences(old, new):
            layer = new.origin.get(attribute, "")
            source = new
            if layer in baseline.layers:
                layer, source = old.origin.get(attribute, layer), old
            key = (_action_of(attribute, new.enabled), layer)
            groups.setdefault(key, []).append(difference)
            reason = _reason(source, layer, attribute)
            if reason and reason not in reasons.setdefault(key, []):
                reasons[key].append(reason)
        for (action, layer), differences in sorted(
            groups.items(), key=lambda item: (ACTIONS.index(item[0][0]), item[0][1])
        ):
            reason = _joined(reasons.get((action, layer), []))
            out.append(
                Tailoring(rule_id, new.name, action, layer or None, reason, tuple(differences))
            )
    return out


SHORT_ATTRIBUTES = {"clause", "title", "message", "modal", "severity", "effective_from", "enabled"}
"""Attributes whose old and new values are short enough to show inline."""


def attribute_label(attribute: str, lang: str) -> str:
    """An attribute of a rule as the tailoring names it: ``punkt``/``clause``,
    ``parameteren valid_days``/``params.valid_days``."""
    if attribute.startswith("params."):
        return label("attribute.params", lang, name=attribute.removeprefix("params."))
    key = f"reference.attribute.{attribute}"
    return t(key, _lang(lang)) if key in MESSAGES["en"] else attribute


def _difference_value(value: Any, lang: str) -> str:
    """An old or new value of a difference: severities and yes/no in ``lang``."""
    if isinstance(value, Severity):
        return severity_label(value.label, _lang(lang))
    if isinstance(value, bool):
        return t("value.yes" if value else "value.no", _lang(lang))
    return short(value, lang)


def describe_difference(difference: Difference, lang: str) -> str:
    """``clause 1e → 1f``; long texts (guideline, semantics, check) by name only."""
    name = difference.attribute
    shown = attribute_label(name, lang)
    if name in SHORT_ATTRIBUTES or name.startswith("params."):
        if name.startswith("params."):
            old, new = short(difference.old, lang), short(difference.new, lang)
        else:
            old, new = (
                _difference_value(difference.old, lang),
                _difference_value(difference.new, lang),
            )
        if name in ("title", "message"):
            return f"{shown} «{old}» → «{new}»"
        return f"{shown} {old} → {new}"
    return shown


def describe_tailoring(item: Tailoring, lang: str, *, with_layer: bool = True) -> str:
    """One line: ``re-worded by bymiljopakken: clause 1e → 1f``."""
    head = action_label(item.action, lang)
    if item.action == "removed" and item.layer:
        head += f" ({action_label('added', lang)} {label('by', lang)} {item.layer})"
    elif item.layer and with_layer:
        head += f" {label('by', lang)} {item.layer}"
    details = ", ".join(describe_difference(d, lang) for d in item.differences)
    return f"{head}: {details}" if details else head


def tailoring_report(
    ruleset: Ruleset, baseline: Ruleset, lang: str | None = None
) -> dict[str, Any]:
    """The tailoring between two rulesets, JSON-ready (reasons in ``lang``, default
    :func:`ui_lang`)."""
    items = tailoring(ruleset, baseline)
    touched = {item.rule for item in items}
    return {
        "ruleset": ruleset.name,
        "layers": list(ruleset.layers),
        "baseline": baseline.name,
        "baseline_layers": list(baseline.layers),
        "tailoring": [item.to_dict(lang) for item in items],
        "unchanged": sorted(set(ruleset.rules) - touched),
    }


# --------------------------------------------------------------------------- explain


def find_rule(ruleset: Ruleset, query: str) -> ResolvedRule:
    """A rule by id or by name, matched as written (SPEC §2.3).

    :raises UsageError: no such rule; a near miss (``sek008``) names the rule meant, else
        the message lists close matches.
    """
    wanted = query.strip()
    for rule in ruleset.rules.values():
        if wanted in (rule.id, rule.name):
            return rule
    for rule in ruleset.rules.values():
        if wanted.upper() == rule.id or wanted.lower() == rule.name:
            meant = rule.id if wanted.upper() == rule.id else rule.name
            raise UsageError(
                msg(
                    "reference.no_rule.meant",
                    ruleset=ruleset.name,
                    query=printable(query),
                    meant=meant,
                )
            )
    scored = []
    for rule in ruleset.rules.values():
        ratio = max(
            difflib.SequenceMatcher(None, wanted.upper(), rule.id).ratio(),
            difflib.SequenceMatcher(None, wanted.lower(), rule.name).ratio(),
        )
        if ratio >= 0.6:
            scored.append((-ratio, rule.id, rule.name))
    names = [f"{rid} {name}" for _, rid, name in sorted(scored)[:5]]
    key = "reference.no_rule.close" if names else "reference.no_rule"
    raise UsageError(msg(key, ruleset=ruleset.name, query=printable(query), names=", ".join(names)))


def param_origins(
    rule: ResolvedRule, ruleset: Ruleset, load: Callable[[str], Ruleset | None]
) -> dict[str, str]:
    """The layer that set each parameter's value in effect.

    ``origin`` is kept per attribute, so each earlier layer is resolved on its own (via
    ``load``, which returns ``None`` for a layer it cannot load) to see which set a key.
    """
    added_by = rule.changes[0].layer
    origins = {key: added_by for key in rule.params}
    if not any("params" in c.attributes for c in rule.changes):
        return origins
    previous: Mapping[str, Any] = {}
    for layer in ruleset.layers:
        if layer == ruleset.layers[-1]:
            current: Mapping[str, Any] = rule.params
        else:
            resolved = load(layer)
            if resolved is None or rule.id not in resolved.rules:
                continue
            current = resolved.rules[rule.id].params
        for key, value in current.items():
            if key not in previous or previous[key] != value:
                origins[key] = layer
        previous = current
    return {key: origins[key] for key in rule.params}


def _collect_texts(node: Any, keys: tuple[str, ...]) -> Iterator[Text]:
    """Every ``{nb, en}`` text under one of ``keys`` in a check configuration, in order."""
    if isinstance(node, Mapping):
        for key, value in node.items():
            if key in keys and isinstance(value, Mapping) and {"nb", "en"} <= set(value):
                yield Text(nb=str(value["nb"]), en=str(value["en"]))
            else:
                yield from _collect_texts(value, keys)
    elif isinstance(node, list):
        for item in node:
            yield from _collect_texts(item, keys)


EXAMPLE_IDS: dict[str, str] = {
    "channels": "sekretariat@vegvesen.no",
    "periods": "2024",
}
"""Example subject ids where ``<initial>1`` would not look like a real one."""

EXAMPLE_VARIABLES: dict[str, Any] = {
    "as_of": dt.date(2025, 6, 30),
    "period_start": dt.date(2024, 1, 1),
    "period_end": dt.date(2024, 12, 31),
}
"""The run's variables in an example finding (a rule's ``example`` gives record values)."""


def subject_collection(check: Mapping[str, Any]) -> str | None:
    """The collection a check's findings are about (``periods`` for units), if it says."""
    if check.get("kind") == "attested":
        return "attestations"
    for key in ("per", "collection"):
        if isinstance(check.get(key), str):
            return str(check[key])
    return "periods" if check.get("unit") else None


def example_subject(rule: ResolvedRule, region: str) -> tuple[str, str]:
    """A plausible subject ``(collection, id)`` for an example finding of the rule."""
    check = rule.check[0] if rule.check else {}
    collection = subject_collection(check) or rule.name
    if collection == "attestations":
        return collection, rule.id
    if check.get("unit") and not check.get("per"):
        return "periods", "2024-T2" if check.get("unit") == "tertial" else "2024"
    if collection == "secretariat":
        return collection, region
    return collection, EXAMPLE_IDS.get(collection, f"{collection[:1].upper()}1")


def example_message(rule: ResolvedRule, lang: str, region: str) -> str:
    """The rule's message for an example subject, with the first reason it can give.

    Record values come from the rule's ``example`` (``{missing}``, ``{amount_nok}``...);
    one it does not give stays as written.
    """
    collection, ident = example_subject(rule, region)
    values: dict[str, Any] = {
        **EXAMPLE_VARIABLES,
        **rule.params,
        **(rule.example or {}),
        "id": ident,
        "subject": f"{collection}/{ident}",
    }
    unit = rule.check[0].get("unit") if rule.check else None
    if unit:
        values["unit"] = "2024-T2" if unit == "tertial" else "2024"
    lead = render(rule.message.get(lang), values, lang)
    texts = list(_collect_texts(rule.check, ("missing", "reason")))
    reason = render(texts[0].get(lang), values, lang) if texts else ""
    if "{reasons}" in lead:
        return lead.replace("{reasons}", reason)
    return f"{lead}: {reason}" if reason else lead


def explanation(
    rule: ResolvedRule, ruleset: Ruleset, lang: str, load: Callable[[str], Ruleset | None]
) -> dict[str, Any]:
    """Everything ``explain`` shows about a rule, JSON-ready."""
    collection, ident = example_subject(rule, ruleset.name)
    origins = param_origins(rule, ruleset, load)
    return {
        "ruleset": ruleset.name,
        "layers": list(ruleset.layers),
        "id": rule.id,
        "name": rule.name,
        "title": rule.title,
        "clause": rule.clause,
        "modal": rule.modal,
        "severity": rule.severity.label,
        "effective_from": rule.effective_from,
        "enabled": rule.enabled,
        "disabled_reason": reason_text(rule.disabled_reason, lang),
        "guideline": rule.guideline,
        "semantics": rule.semantics,
        "fix": fix_text(rule, lang) or None,
        "params": [
            {"name": key, "value": value, "layer": origins[key]}
            for key, value in rule.params.items()
        ],
        "check": rule.check,
        "origin": dict(sorted(rule.origin.items())),
        "changes": [
            {
                "layer": c.layer,
                "action": c.action,
                "attributes": list(c.attributes),
                "reason": reason_text(c.reason, lang),
            }
            for c in rule.changes
        ],
        "example": {
            "subject": f"{collection}/{ident}",
            "message": example_message(rule, lang, ruleset.name),
        },
    }


# --------------------------------------------------------------------------- rendering


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def _chain(ruleset: Ruleset) -> str:
    return " → ".join(ruleset.layers)


def listing_text(ruleset: Ruleset, lang: str) -> str:
    """The rules of a ruleset as an aligned table; a disabled rule's reason below it."""
    rules = list(ruleset.rules.values())
    disabled = sum(not r.enabled for r in rules)
    head = (
        f"{label('ruleset', lang)} {ruleset.name} ({label('layers', lang)}: {_chain(ruleset)}): "
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


def listing_markdown(ruleset: Ruleset, lang: str) -> str:
    """The rules of a ruleset as a Markdown table."""
    lines = [
        f"# {label('ruleset', lang)} `{ruleset.name}`",
        "",
        f"{label('layers', lang).capitalize()}: {_chain(ruleset)}",
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


def tailoring_text(ruleset: Ruleset, baseline: Ruleset, lang: str) -> str:
    """The tailoring between two rulesets, one block per rule."""
    items = tailoring(ruleset, baseline)
    lines = [
        label("tailoring", lang, ruleset=ruleset.name, baseline=baseline.name),
        f"{label('layers', lang)}: {_chain(ruleset)}; {label('baseline', lang)}: "
        f"{_chain(baseline)}",
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
    unchanged = sorted(set(ruleset.rules) - {item.rule for item in items})
    if unchanged:
        lines += ["", f"{label('unchanged', lang)} ({len(unchanged)}): {', '.join(unchanged)}"]
    return "\n".join(lines) + "\n"


def tailoring_markdown(ruleset: Ruleset, baseline: Ruleset, lang: str) -> str:
    """The tailoring between two rulesets as a Markdown table."""
    title = label("tailoring", lang, ruleset=f"`{ruleset.name}`", baseline=f"`{baseline.name}`")
    lines = [f"# {title}", ""]
    items = tailoring(ruleset, baseline)
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


class _PlainDumper(yaml.SafeDumper):
    """A YAML dumper that writes shared values out instead of as anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_yaml(data: Any) -> str:
    """Readable block-style YAML of a check configuration, keys in their given order."""
    return yaml.dump(data, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=96)


def _indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line if line.strip() else line for line in text.splitlines())


def explain_text(info: Mapping[str, Any], lang: str) -> str:
    """The ``explain`` view of a rule (from :func:`explanation`)."""
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
