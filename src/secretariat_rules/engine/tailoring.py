"""The tailoring register: how the rules of a ruleset differ from those of a baseline.

Tailoring compares two resolved rulesets rule by rule (not the overlay files), so it
works for any pair: a region against the national baseline, or two regions against each
other. Each difference is attributed to the layer that set the differing value, using
:attr:`ResolvedRule.origin <secretariat_rules.engine.ruleset.ResolvedRule>`, and carries
that layer's reason.

Plain data only (frozen dataclasses); :mod:`secretariat_rules.reporters.reference` and
its siblings render it as text, Markdown and JSON.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .conditions import Text
from .ruleset import ResolvedRule, Ruleset

__all__ = [
    "ACTIONS",
    "Difference",
    "Tailoring",
    "TailoringRegister",
    "tailoring",
    "tailoring_register",
]

ACTIONS = ("added", "removed", "disabled", "enabled", "reworded", "reparameterised", "changed")
"""Kinds of tailoring, in the order they are listed for one rule."""

_WORDING = ("clause", "title", "message", "fix", "guideline", "semantics")
_OTHER = ("modal", "severity", "effective_from", "check")


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


@dataclass(frozen=True)
class TailoringRegister:
    """The tailoring of a ruleset against a baseline, and the rules it left as they were."""

    ruleset: str
    layers: tuple[str, ...]
    baseline: str
    baseline_layers: tuple[str, ...]
    items: tuple[Tailoring, ...]
    unchanged: tuple[str, ...]
    """Ids of the ruleset's rules that no item touches, sorted."""


def _joined(reasons: list[Text]) -> Text | None:
    """Several reasons as one, each language joined by ``; `` (repeats once)."""
    unique = list(dict.fromkeys((r.nb, r.en) for r in reasons))
    if not unique:
        return None
    return Text(nb="; ".join(nb for nb, _ in unique), en="; ".join(en for _, en in unique))


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


def tailoring_register(ruleset: Ruleset, baseline: Ruleset) -> TailoringRegister:
    """The tailoring of ``ruleset`` against ``baseline``, with the untouched rules."""
    items = tuple(tailoring(ruleset, baseline))
    touched = {item.rule for item in items}
    return TailoringRegister(
        ruleset=ruleset.name,
        layers=tuple(ruleset.layers),
        baseline=baseline.name,
        baseline_layers=tuple(baseline.layers),
        items=items,
        unchanged=tuple(sorted(set(ruleset.rules) - touched)),
    )
