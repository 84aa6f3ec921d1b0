"""A resolved ruleset: its rules after every layer, and where each attribute came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..exceptions import RulesetError
from ..findings import Severity
from ..i18n.message import Msg, msg
from ..yamlio import LineIndex
from .conditions import Text
from .templates import render

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
    files: tuple[Path, ...] = ()
    """Every file of the chain, base first (what :mod:`secretariat_rules.ruleset_cache` hashes)."""

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
