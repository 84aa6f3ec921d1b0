"""``explain RULE`` without ``--ruleset``: the rule in every registered ruleset.

The national ruleset is looked in first, then the others by name; the rule is explained
from the first that has it, and every ruleset that has it is named. A rule no ruleset has
is an error naming the closest rule id or name of any of them.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .engine.ruleset import ResolvedRule, Ruleset
from .exceptions import ConfigurationError, UsageError
from .i18n.message import Msg, msg
from .sources.values import printable

__all__ = ["Lookup", "find_in_rulesets", "lookup_order"]

NATIONAL = "national"


@dataclass(frozen=True)
class Lookup:
    """The ruleset and rule to explain, and every ruleset that has the rule (in order)."""

    ruleset: Ruleset
    rule: ResolvedRule
    found_in: tuple[str, ...]


def lookup_order(names: Iterable[str]) -> list[str]:
    """``national`` first, then the others by name."""
    unique = sorted(set(names))
    return [NATIONAL, *(n for n in unique if n != NATIONAL)] if NATIONAL in unique else unique


def _matches(rule: ResolvedRule, wanted: str) -> bool:
    return wanted in (rule.id, rule.name)


def find_in_rulesets(query: str, names: Iterable[str], load: Callable[[str], Ruleset]) -> Lookup:
    """The rule ``query`` (an id or a name, as written) in the rulesets ``names``.

    A ruleset that cannot be loaded is passed over; if no other has the rule, its error
    is raised.

    :raises UsageError: no ruleset has the rule (naming the closest one).
    """
    order = lookup_order(names)
    wanted = query.strip()
    loaded: list[Ruleset] = []
    broken: ConfigurationError | None = None
    for name in order:
        try:
            loaded.append(load(name))
        except ConfigurationError as exc:
            broken = broken or exc
    holders = [(rs, rule) for rs in loaded for rule in rs.rules.values() if _matches(rule, wanted)]
    if holders:
        ruleset, rule = holders[0]
        return Lookup(ruleset, rule, tuple(rs.name for rs, _ in holders))
    if broken is not None:
        raise broken
    raise UsageError(_not_found(query, wanted, order, loaded))


def _not_found(query: str, wanted: str, order: list[str], loaded: list[Ruleset]) -> Msg:
    rules = {rule.id: rule.name for rs in loaded for rule in rs.rules.values()}
    where = msg("suggest.rule.none", rulesets=", ".join(order), query=printable(query))
    for rule_id, name in sorted(rules.items()):
        if wanted.upper() == rule_id or wanted.lower() == name:
            meant = rule_id if wanted.upper() == rule_id else name
            return msg("suggest.rule.meant", where=where, meant=meant)
    scored = []
    for rule_id, name in rules.items():
        ratio = max(
            difflib.SequenceMatcher(None, wanted.upper(), rule_id).ratio(),
            difflib.SequenceMatcher(None, wanted.lower(), name).ratio(),
        )
        if ratio >= 0.6:
            scored.append((-ratio, rule_id, name))
    close = [f"{rule_id} {name}" for _, rule_id, name in sorted(scored)[:5]]
    return msg("suggest.rule.close", where=where, close=", ".join(close)) if close else where
