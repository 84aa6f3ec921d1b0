"""What ``explain`` shows about a rule, as data: computed here, rendered by the reporters.

:func:`explanation` gathers a rule's attributes, the layer that set each parameter, its
history of changes and an example finding, JSON-ready;
:mod:`secretariat_rules.reporters.reference_text` renders it as text. :func:`find_rule`
finds the rule by id or name.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ..exceptions import UsageError
from ..i18n.message import msg
from ..sources.values import printable
from .conditions import Text
from .ruleset import ResolvedRule, Ruleset, fix_text
from .templates import render

__all__ = [
    "EXAMPLE_IDS",
    "EXAMPLE_VARIABLES",
    "example_message",
    "example_subject",
    "explanation",
    "find_rule",
    "param_origins",
    "subject_collection",
]


def _reason_text(reason: Text | None, lang: str) -> str | None:
    return None if reason is None else reason.get(lang)


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
        "disabled_reason": _reason_text(rule.disabled_reason, lang),
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
                "reason": _reason_text(c.reason, lang),
            }
            for c in rule.changes
        ],
        "example": {
            "subject": f"{collection}/{ident}",
            "message": example_message(rule, lang, ruleset.name),
        },
    }
