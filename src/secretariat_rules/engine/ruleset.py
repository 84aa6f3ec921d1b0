"""Rulesets: the YAML format, overlay resolution, and validation before anything runs.

A ruleset file::

    ruleset: miljoloftet          # its name (defaults to the file name)
    title: {nb: ..., en: ...}
    extends: national             # optional: a ruleset name or a relative path
    rules:
      - id: SEK027                # a new rule: every field
        name: mandate-formalised
        clause: 1g
        modal: skal               # skal → error, bør → warning, kan → info
        title: {nb: ..., en: ...}
        message: {nb: ..., en: ...}
        fix: {nb: ..., en: ...}   # what to do to resolve a finding (optional)
        guideline: "Sekretariatets ansvar er formalisert i vedlagte mandat."
        params: {}
        check: {kind: record, ...}
      - id: SEK001                # a rule of the base: change what is given, say why
        reason:                   # {nb, en}, or one plain string for both languages
          nb: "Miljøløftet 1f: også styringsgruppen for Bypakke Bergen"
          en: "Miljøløftet 1f: also Bypakke Bergen's steering group"
        params: {notice_days: 7}
      - id: SEK006
        enabled: false
        reason: "..."

Every problem is collected with its file and line and raised at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import PydanticCustomError

from ..exceptions import Problem, RulesetError
from ..findings import MODAL_SEVERITY, Severity
from ..i18n.message import Msg, msg
from ..i18n.message import Text as Shown
from ..sources.values import printable
from ..suggest import did_you_mean
from ..yamlio import LineIndex, read_config, validation_problems
from .conditions import ConditionError, Text
from .templates import render

RULE_ID = r"^[A-Z]{3}\d{3}$"
RULE_NAME = r"^[a-z0-9]+(-[a-z0-9]+)*$"
MAX_PARAM_MAGNITUDE = 10**15
"""Largest absolute value of a numeric rule parameter (days, hours, amounts in NOK)."""
_BoundedInt = Annotated[int, Field(ge=-MAX_PARAM_MAGNITUDE, le=MAX_PARAM_MAGNITUDE)]
_FiniteFloat = Annotated[
    float, Field(allow_inf_nan=False, ge=-MAX_PARAM_MAGNITUDE, le=MAX_PARAM_MAGNITUDE)
]
ParamValue = bool | _BoundedInt | _FiniteFloat | str | dt.date | None
"""A rule parameter: numbers are finite and bounded (``.nan`` would switch a rule off)."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ReasonText(Text):
    """A ``reason:`` in both languages, neither empty."""

    nb: str = Field(min_length=1)
    en: str = Field(min_length=1)


def _both_languages(value: object) -> object:
    """A plain-string reason reads the same in both languages."""
    if isinstance(value, str):
        if not value:
            raise PydanticCustomError(
                "string_too_short",
                "String should have at least {min_length} character",
                {"min_length": 1},
            )
        return {"nb": value, "en": value}
    return value


_NONEMPTY = {"type": "string", "minLength": 1}
Reason = Annotated[
    ReasonText,
    BeforeValidator(_both_languages),
    AfterValidator(lambda value: Text(nb=value.nb, en=value.en)),
    WithJsonSchema(
        {
            "anyOf": [
                {
                    "type": "object",
                    "properties": {"nb": _NONEMPTY, "en": _NONEMPTY},
                    "required": ["nb", "en"],
                    "additionalProperties": False,
                },
                _NONEMPTY,
            ],
            "description": "why: {nb, en}, or one plain string for both languages",
        }
    ),
]
"""The ``reason:`` of a rule added, changed or disabled by a layer, as a :class:`Text`:
``{nb, en}``, or one plain string for both languages (as rulesets wrote it before)."""


class RuleDef(_Model):
    """A complete rule, as first defined."""

    id: str = Field(pattern=RULE_ID)
    name: str = Field(pattern=RULE_NAME)
    clause: str
    modal: Literal["skal", "bør", "kan"]
    severity: Literal["error", "warning", "info"] | None = None
    title: Text
    message: Text
    fix: Text | None = Field(None, description="what to do to resolve a finding, concretely")
    guideline: str = Field(min_length=1, description="the guideline text it encodes, verbatim (nb)")
    semantics: Text | None = None
    params: dict[str, ParamValue] = Field(default_factory=dict)
    example: dict[str, ParamValue | list[str]] | None = Field(
        None, description="values of record placeholders for explain's example finding"
    )
    effective_from: dt.date | None = None
    check: dict[str, Any] | list[dict[str, Any]]
    enabled: bool = True
    reason: Reason | None = None


class RuleChange(_Model):
    """A change to a rule of the base ruleset; ``reason`` is mandatory."""

    id: str = Field(pattern=RULE_ID)
    reason: Reason
    enabled: bool | None = None
    clause: str | None = None
    modal: Literal["skal", "bør", "kan"] | None = None
    severity: Literal["error", "warning", "info"] | None = None
    title: Text | None = None
    message: Text | None = None
    fix: Text | None = None
    guideline: str | None = None
    semantics: Text | None = None
    params: dict[str, ParamValue] | None = None
    example: dict[str, ParamValue | list[str]] | None = None
    effective_from: dt.date | None = None
    check: dict[str, Any] | list[dict[str, Any]] | None = None


class RulesetHeader(_Model):
    """The top of a ruleset file (its rules are validated one by one)."""

    ruleset: str | None = None
    title: Text | None = None
    description: str | None = None
    extends: str | None = None
    rules: list[dict[str, Any]] = Field(default_factory=list)

    @field_validator("rules", mode="before")
    @classmethod
    def _empty_rules(cls, value: object) -> object:
        """``rules:`` with nothing under it (only comments) means no rules."""
        return [] if value is None else value


ATTRIBUTES = (
    "enabled",
    "clause",
    "modal",
    "severity",
    "title",
    "message",
    "fix",
    "guideline",
    "semantics",
    "params",
    "example",
    "effective_from",
    "check",
)
"""Rule attributes whose origin the resolved ruleset remembers."""


@dataclass(frozen=True)
class Change:
    """One tailoring step: a layer added, changed or disabled a rule, and why."""

    layer: str
    action: Literal["added", "disabled", "enabled", "reparameterised", "reworded", "changed"]
    attributes: tuple[str, ...]
    reason: Text | None


@dataclass
class ResolvedRule:
    """A rule after every layer applied, remembering which layer set each attribute."""

    id: str
    name: str
    clause: str
    modal: str
    severity: Severity
    title: Text
    message: Text
    fix: Text | None
    guideline: str
    semantics: Text | None
    params: dict[str, Any]
    example: dict[str, Any] | None
    effective_from: dt.date | None
    check: list[dict[str, Any]]
    enabled: bool
    disabled_reason: Text | None
    origin: dict[str, str] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    configs: list[Any] = field(default_factory=list)
    check_site: tuple[LineIndex, tuple[str | int, ...]] | None = None

    @property
    def section(self) -> str:
        """The guideline section: the leading number of the clause (``1e`` → ``1``)."""
        digits = ""
        for ch in self.clause:
            if not ch.isdigit():
                break
            digits += ch
        return digits or "data"


@dataclass
class Ruleset:
    """A resolved ruleset: its rules in id order, and its chain of layers."""

    name: str
    title: Text | None
    layers: list[str]
    rules: dict[str, ResolvedRule]
    path: Path | None = None

    def rule(self, rule_id: str) -> ResolvedRule:
        try:
            return self.rules[rule_id]
        except KeyError:
            raise RulesetError(
                msg("error.ruleset.no_rule", ruleset=self.name, rule=rule_id)
            ) from None


def ruleset_invalid(name: str) -> Msg:
    """``ruleset 'NAME' is invalid``: the head of a RulesetError that lists problems."""
    return msg("error.ruleset.invalid", name=name)


def fix_text(rule: ResolvedRule, lang: str) -> str:
    """What to do to resolve the rule's findings: ``{id}`` and ``{param}`` filled in."""
    if rule.fix is None:
        return ""
    return render(" ".join(rule.fix.get(lang).split()), {**rule.params, "id": rule.id}, lang)


# --------------------------------------------------------------------------- loading


def _read(path: Path) -> tuple[dict[str, Any], LineIndex]:
    display = str(path)
    data, index = read_config(path, display, RulesetError, "ruleset")
    if not isinstance(data, dict):
        raise RulesetError(msg("error.ruleset.not_mapping", path=display))
    return data, index


def locate_ruleset(
    name: str, available: Mapping[str, Path], relative_to: Path | None = None
) -> Path:
    """A ruleset by name (a packaged or plugin ruleset) or by path."""
    candidate = Path(name)
    if relative_to is not None and not candidate.is_absolute():
        near = relative_to.parent / candidate
        if near.suffix in (".yaml", ".yml") and near.is_file():
            return near
    if candidate.suffix in (".yaml", ".yml") or "/" in name:
        if candidate.is_file():
            return candidate
        raise RulesetError(msg("error.ruleset.no_file", name=name))
    if name in available:
        return available[name]
    known: str | Msg = ", ".join(sorted(available)) or msg("error.ruleset.none")
    raise RulesetError(
        msg(
            "error.ruleset.unknown",
            name=printable(name),
            hint=did_you_mean(name, available),
            known=known,
        )
    )


def load_ruleset(
    name: str,
    available: Mapping[str, Path],
    check_kinds: Mapping[str, Any],
    confine_to: Path | None = None,
) -> Ruleset:
    """Load, resolve and validate a ruleset and everything it extends.

    :param confine_to: a data repository whose manifest named this ruleset by path: every
        ruleset file of the chain that is not a packaged or plugin ruleset must resolve
        inside it (an ``extends: ../../x.yaml`` is refused, quoting nothing of the file).
    :raises RulesetError: with every problem found, each with file:line.
    """
    chain: list[tuple[Path, dict[str, Any], LineIndex]] = []
    path = locate_ruleset(name, available)
    seen: set[Path] = set()
    packaged = {p.resolve() for p in available.values()}
    while True:
        resolved = path.resolve()
        if (
            confine_to is not None
            and resolved not in packaged
            and not resolved.is_relative_to(confine_to.resolve())
        ):
            raise RulesetError(msg("error.ruleset.outside", name=path.name))
        if resolved in seen:
            raise RulesetError(msg("error.ruleset.cycle", path=str(path), name=resolved.name))
        seen.add(resolved)
        data, index = _read(path)
        chain.append((path, data, index))
        parent = data.get("extends")
        if not parent:
            break
        if not isinstance(parent, str):
            raise RulesetError(
                msg("error.ruleset.extends", path=str(path), line=index.line(("extends",)))
            )
        path = locate_ruleset(parent, available, relative_to=path)
    chain.reverse()

    problems: list[Problem] = []
    rules: dict[str, ResolvedRule] = {}
    layers: list[str] = []
    title: Text | None = None
    for path, data, index in chain:
        try:
            header = RulesetHeader.model_validate(data)
        except ValidationError as exc:
            problems.extend(validation_problems(exc, index))
            continue
        layer = header.ruleset or path.stem
        layers.append(layer)
        title = header.title or title
        for i, raw in enumerate(header.rules):
            _apply(raw, layer, index, ("rules", i), rules, problems)
    ruleset = Ruleset(
        name=layers[-1] if layers else name,
        title=title,
        layers=layers,
        rules=dict(sorted(rules.items())),
        path=chain[-1][0],
    )
    try:
        validate_checks(ruleset, check_kinds)
    except RulesetError as exc:  # reported together with the structural problems
        problems.extend(exc.problems)
    if problems:
        problems.sort(key=lambda p: (p.path, p.line or 0))
        raise RulesetError(ruleset_invalid(name), problems)
    return ruleset


def _apply(
    raw: Mapping[str, Any],
    layer: str,
    index: LineIndex,
    where: tuple[str | int, ...],
    rules: dict[str, ResolvedRule],
    problems: list[Problem],
) -> None:
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


__all__ = [
    "ConditionError",
    "ResolvedRule",
    "Ruleset",
    "fix_text",
    "load_ruleset",
    "locate_ruleset",
    "ruleset_invalid",
]
