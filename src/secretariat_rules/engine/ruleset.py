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

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..exceptions import Problem, RulesetError
from ..i18n.message import Msg, msg
from ..sources.values import printable
from ..suggest import did_you_mean
from ..yamlio import LineIndex, read_config, validation_problems
from .conditions import ConditionError, Text
from .ruleset_format import (
    MAX_PARAM_MAGNITUDE,
    RULE_ID,
    RULE_NAME,
    ParamValue,
    Reason,
    RuleChange,
    RuleDef,
    RulesetHeader,
)
from .ruleset_layers import apply_rule, validate_checks
from .ruleset_model import ATTRIBUTES, Change, ResolvedRule, Ruleset, fix_text, ruleset_invalid

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
            apply_rule(raw, layer, index, ("rules", i), rules, problems)
    ruleset = Ruleset(
        name=layers[-1] if layers else name,
        title=title,
        layers=layers,
        rules=dict(sorted(rules.items())),
        path=chain[-1][0],
        files=tuple(p for p, _, _ in chain),
    )
    try:
        validate_checks(ruleset, check_kinds)
    except RulesetError as exc:  # reported together with the structural problems
        problems.extend(exc.problems)
    if problems:
        problems.sort(key=lambda p: (p.path, p.line or 0))
        raise RulesetError(ruleset_invalid(name), problems)
    return ruleset


__all__ = [
    "ATTRIBUTES",
    "MAX_PARAM_MAGNITUDE",
    "RULE_ID",
    "RULE_NAME",
    "Change",
    "ConditionError",
    "ParamValue",
    "Reason",
    "ResolvedRule",
    "RuleChange",
    "RuleDef",
    "Ruleset",
    "RulesetHeader",
    "Text",
    "fix_text",
    "load_ruleset",
    "locate_ruleset",
    "ruleset_invalid",
    "validate_checks",
]
