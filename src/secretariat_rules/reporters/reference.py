"""Shared pieces of the reference views (``rules``, tailoring, ``explain``, the docs).

Labels from the catalogue (``reference.KEY``), one-line descriptions of a tailoring, and
the JSON-ready forms of a rule listing and a tailoring register. The data comes from the
engine (:mod:`secretariat_rules.engine.tailoring`, :mod:`~secretariat_rules.engine.
explanation`) and the resolved rulesets; this module only renders it.
:mod:`.reference_text` and :mod:`.reference_markdown` build the views on these.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import yaml

from ..findings import Severity
from ..i18n.catalog import MESSAGES, severity_label, t
from ..i18n.message import ui_lang

if TYPE_CHECKING:
    from ..engine.ruleset import ResolvedRule, Ruleset
    from ..engine.tailoring import Difference, Tailoring, TailoringRegister


@runtime_checkable
class Bilingual(Protocol):
    """A text in both languages (a ruleset's ``{nb, en}``)."""

    @property
    def nb(self) -> str: ...

    @property
    def en(self) -> str: ...

    def get(self, lang: str) -> str: ...


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


def reason_text(reason: Bilingual | None, lang: str | None = None) -> str | None:
    """A layer's reason in ``lang`` (default :func:`ui_lang`); ``None`` for none."""
    return None if reason is None else reason.get(lang or ui_lang())


def short(value: Any, lang: str) -> str:
    """A value as one short piece of text."""
    if isinstance(value, Bilingual):
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


def chain(layers: tuple[str, ...] | list[str]) -> str:
    """Layers as ``national → bymiljopakken → oslo``."""
    return " → ".join(layers)


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


def tailoring_entry(item: Tailoring, lang: str | None = None) -> dict[str, Any]:
    """One tailoring item, JSON-ready; the reason as one string in ``lang`` (default
    :func:`ui_lang`)."""
    return {
        "rule": item.rule,
        "name": item.name,
        "action": item.action,
        "layer": item.layer,
        "reason": reason_text(item.reason, lang),
        "differences": [
            {"attribute": d.attribute, "old": d.old, "new": d.new} for d in item.differences
        ],
    }


def tailoring_report(register: TailoringRegister, lang: str | None = None) -> dict[str, Any]:
    """The tailoring between two rulesets, JSON-ready (reasons in ``lang``, default
    :func:`ui_lang`)."""
    return {
        "ruleset": register.ruleset,
        "layers": list(register.layers),
        "baseline": register.baseline,
        "baseline_layers": list(register.baseline_layers),
        "tailoring": [tailoring_entry(item, lang) for item in register.items],
        "unchanged": list(register.unchanged),
    }


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


# --------------------------------------------------------------------------- YAML


class _PlainDumper(yaml.SafeDumper):
    """A YAML dumper that writes shared values out instead of as anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_yaml(data: Any) -> str:
    """Readable block-style YAML of a check configuration, keys in their given order."""
    return yaml.dump(data, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=96)
