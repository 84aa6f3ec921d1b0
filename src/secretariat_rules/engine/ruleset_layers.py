"""Resolving a ruleset's layers: each layer adds, changes or disables rules; then every
rule's check configuration is validated against its kind."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any, Literal

from pydantic import ValidationError

from ..exceptions import Problem, RulesetError
from ..findings import MODAL_SEVERITY, Severity
from ..i18n.message import Msg, msg
from ..i18n.message import Text as Shown
from ..yamlio import LineIndex, validation_problems
from .ruleset_format import RuleChange, RuleDef
from .ruleset_model import ATTRIBUTES, Change, ResolvedRule, Ruleset, ruleset_invalid


def apply_rule(
    raw: Mapping[str, Any],
    layer: str,
    index: LineIndex,
    where: tuple[str | int, ...],
    rules: dict[str, ResolvedRule],
    problems: list[Problem],
) -> None:
    """Apply one rule entry of a layer: a new rule, or a change to one of the base."""
    rule_id = raw.get("id") if isinstance(raw, Mapping) else None
    if isinstance(rule_id, str) and rule_id in rules:
        try:
            change = RuleChange.model_validate(raw)
        except ValidationError as exc:
            problems.extend(validation_problems(exc, index, where))
            return
        _change(rules[rule_id], change, layer, index, where)
        return
    try:
        rule = RuleDef.model_validate(raw)
    except ValidationError as exc:
        if isinstance(rule_id, str) and "name" not in raw and "reason" in raw:
            problems.append(
                Problem(
                    index.path,
                    index.line(where),
                    msg("error.ruleset.new_rule", rule=rule_id),
                )
            )
        problems.extend(validation_problems(exc, index, where))
        return
    if not rule.enabled and not rule.reason:
        problems.append(
            Problem(
                index.path,
                index.line((*where, "enabled")),
                msg("error.ruleset.disabled_no_reason", rule=rule.id),
            )
        )
    severity = Severity.parse(rule.severity) if rule.severity else MODAL_SEVERITY[rule.modal]
    rules[rule.id] = ResolvedRule(
        id=rule.id,
        name=rule.name,
        clause=rule.clause,
        modal=rule.modal,
        severity=severity,
        title=rule.title,
        message=rule.message,
        fix=rule.fix,
        guideline=rule.guideline,
        semantics=rule.semantics,
        params=dict(rule.params),
        example=rule.example,
        effective_from=rule.effective_from,
        check=rule.check if isinstance(rule.check, list) else [rule.check],
        enabled=rule.enabled,
        disabled_reason=None if rule.enabled else rule.reason,
        origin={attr: layer for attr in ATTRIBUTES},
        changes=[Change(layer, "added", (), rule.reason)],
        check_site=(index, (*where, "check")),
    )


def _change(
    rule: ResolvedRule,
    change: RuleChange,
    layer: str,
    index: LineIndex,
    where: tuple[str | int, ...],
) -> None:
    given = [a for a in ATTRIBUTES if getattr(change, a) is not None]
    for attr in given:
        value = getattr(change, attr)
        if attr == "params":
            rule.params = {**rule.params, **value}
        elif attr == "check":
            rule.check = value if isinstance(value, list) else [value]
            rule.check_site = (index, (*where, "check"))
        else:
            setattr(rule, attr, value)
        rule.origin[attr] = layer
    if (
        change.modal is not None
        and change.severity is None
        and rule.origin.get("severity") != layer
    ):
        rule.severity = MODAL_SEVERITY[change.modal]
    if change.severity is not None:
        rule.severity = Severity.parse(change.severity)
    if change.enabled is not None:
        rule.disabled_reason = None if change.enabled else change.reason
    rule.changes.append(Change(layer, _action(change, given), tuple(given), change.reason))


def _action(
    change: RuleChange, given: list[str]
) -> Literal["added", "disabled", "enabled", "reparameterised", "reworded", "changed"]:
    if change.enabled is False:
        return "disabled"
    if change.enabled is True:
        return "enabled"
    if set(given) == {"params"}:
        return "reparameterised"
    if set(given) <= {"clause", "title", "message", "fix", "guideline", "semantics", "example"}:
        return "reworded"
    return "changed"


def validate_checks(ruleset: Ruleset, check_kinds: Mapping[str, Any]) -> None:
    """Validate every rule's check configuration against its kind's model.

    Also compiles nothing yet, but refuses parameter names the rule does not define.
    """
    problems: list[Problem] = []
    for rule in ruleset.rules.values():
        assert rule.check_site is not None
        index, where = rule.check_site
        rule.configs = []
        for n, check in enumerate(rule.check):
            site = (*where, n) if len(rule.check) > 1 else where
            kind_name = str(check.get("kind"))
            if kind_name not in check_kinds:
                known = ", ".join(sorted(check_kinds))
                problems.append(
                    Problem(
                        index.path,
                        index.line((*site, "kind")),
                        msg(
                            "error.ruleset.unknown_kind", rule=rule.id, kind=kind_name, known=known
                        ),
                    )
                )
                continue
            kind = check_kinds[kind_name]
            body = {k: v for k, v in check.items() if k != "kind"}
            try:
                config = kind.config_model.model_validate(body)
            except ValidationError as exc:
                say = partial(_check_problem, rule.id)
                problems.extend(validation_problems(exc, index, at=site, top="", say=say))
                continue
            for param in sorted(_param_names(body)):
                if param not in rule.params:
                    problems.append(
                        Problem(
                            index.path,
                            index.line(site),
                            msg("error.ruleset.undefined_param", rule=rule.id, param=param),
                        )
                    )
            rule.configs.append((kind, config))
    if problems:
        raise RulesetError(ruleset_invalid(ruleset.name), problems)


def _check_problem(rule_id: str, where: Shown, error: Shown) -> Msg:
    """``rule ID: check.WHERE: ERROR``, a problem of a rule's check configuration."""
    return msg("error.ruleset.check", rule=rule_id, where=where, error=error)


_OFFSET_KEYS = {"plus_days", "minus_days", "plus_months", "plus_hours", "within_hours"}


def _param_names(node: Any) -> set[str]:
    """Parameter names a check configuration refers to."""
    found: set[str] = set()
    if isinstance(node, Mapping):
        for key, value in node.items():
            if isinstance(value, str) and (key == "param" or key in _OFFSET_KEYS):
                found.add(value)
            else:
                found |= _param_names(value)
    elif isinstance(node, list):
        for item in node:
            found |= _param_names(item)
    return found
