"""The known id an unknown one probably means: regions, rule ids, and the ids records refer to.

Ids are matched as written (SPEC §2.3); these functions only *name* a likely meaning in an
error or a DAT003 message, never take it as a match.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from .i18n.message import Msg, msg
from .regions import RegionProfile
from .schema.manifest import Body, Party
from .sources.matching import BodyMatcher, PartyMatcher, name_key
from .sources.values import closest

__all__ = [
    "RegionGuess",
    "closest_rule_id",
    "did_you_mean",
    "guess_region",
    "reference_guesser",
]

MAX_SIMILAR = 500
"""Most ids compared by spelling (difflib); a larger collection is compared by folded key."""
MAX_COSTLY = 200
"""Distinct dangling values that get a resemblance or spelling guess (in order met); the
others get only the exact matches by name, alias or org number, so a table of a million
dangling references stays fast."""

_PARTY_SUFFIXES = (" fylkeskommune", " kommune")


@dataclass(frozen=True)
class RegionGuess:
    """A region id that an unknown one probably means, and why (a party's name, or None)."""

    id: str
    party: str | None = None


def guess_region(region: str, profiles: Mapping[str, RegionProfile]) -> RegionGuess | None:
    """The closest region: by id, then by name, then by a party it is the only one to have.

    ``miljøløftet`` and ``Miljøløftet`` → ``miljoloftet`` (id, name); ``bergen`` →
    ``miljoloftet`` because ``Bergen kommune`` (id ``bergen``) is one of its parties and
    no other region's.
    """
    if near := closest(region, profiles):
        return RegionGuess(near)
    by_name = {p.name: p.id for p in profiles.values()}
    if (near := closest(region, by_name)) is not None:
        return RegionGuess(by_name[near])
    wanted = name_key(region)
    owners: dict[str, str] = {}
    for profile in sorted(profiles.values(), key=lambda p: p.id):
        for party in profile.parties:
            if wanted in _party_keys(party):
                owners.setdefault(profile.id, str(party.get("name", party.get("id"))))
    if len(owners) == 1:
        ((region_id, party_name),) = owners.items()
        return RegionGuess(region_id, party_name)
    return None


def _party_keys(party: Mapping[str, object]) -> set[str]:
    names = [str(party.get("id", "")), str(party.get("name", ""))]
    aliases = party.get("aliases")
    if isinstance(aliases, list):
        names.extend(str(a) for a in aliases)
    keys = {name_key(n) for n in names}
    for key in list(keys):
        for suffix in _PARTY_SUFFIXES:
            if key.endswith(suffix):
                keys.add(key.removesuffix(suffix))
    return keys - {""}


def reference_guesser(
    parties: Iterable[Party], bodies: Iterable[Body], known: Mapping[str, AbstractSet[str]]
) -> Callable[[str, str], str | None]:
    """``guess(collection, value)``: the known id of ``collection`` that ``value`` means.

    A party by its org number, name or alias (:class:`PartyMatcher`: ``Askøy`` and
    ``Askøy kommune`` → ``askoy``), then by resemblance; a body by name or alias; then any
    collection by the closest id.
    """
    party_matcher = PartyMatcher(parties)
    body_matcher = BodyMatcher(bodies)
    folded: dict[str, dict[str, str]] = {}

    def by_id(collection: str, value: str) -> str | None:
        ids = known.get(collection, frozenset())
        if len(ids) <= MAX_SIMILAR:
            return closest(value, ids)
        if collection not in folded:
            keys: dict[str, str] = {}
            for ident in sorted(ids):
                keys.setdefault(name_key(ident), ident)
            folded[collection] = keys
        return folded[collection].get(name_key(value))

    cache: dict[tuple[str, str], str | None] = {}

    def costly(collection: str, value: str) -> str | None:
        if collection == "parties" and (found := party_matcher.resembles(value)):
            return found
        return by_id(collection, value)

    def guess(collection: str, value: str) -> str | None:
        key = (collection, value)
        if key in cache:
            return cache[key]
        found: str | None = None
        if collection == "parties":
            found = party_matcher.match(name=value, org_number=value)
        elif collection == "bodies":
            found = body_matcher.match(value)
        if found is None and len(cache) < MAX_COSTLY:
            found = costly(collection, value)
        cache[key] = found if found != value else None
        return cache[key]

    return guess


def closest_rule_id(value: str, known: Iterable[str]) -> str | None:
    """The most similar rule id (difflib ratio ≥ 0.75, case ignored; a tie goes to the
    lowest id): ``SK008`` → ``SEK008``, ``SEK08`` → ``SEK008``."""
    wanted = value.upper()
    scored = sorted((-difflib.SequenceMatcher(None, wanted, k).ratio(), k) for k in set(known))
    return scored[0][1] if scored and -scored[0][0] >= 0.75 else None


def did_you_mean(name: str, known: Iterable[str]) -> str | Msg:
    """``; did you mean 'miljoloftet'?`` for a near miss, else the empty string."""
    near = closest(name, known)
    return msg("suggest.did_you_mean", name=near) if near is not None and near != name else ""
