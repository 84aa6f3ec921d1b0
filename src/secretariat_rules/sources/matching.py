"""Who a record names: a manifest party or body, from what an archive writes about it.

Records systems and the public journal name a correspondent by organisation number
(seldom), by a name as a clerk typed it, or by an e-mail address; a meeting's body by
its committee name or code. :class:`PartyMatcher` and :class:`BodyMatcher` turn those
into manifest ids, in one documented order, so every source adapter matches alike:

parties
    1. organisation number (spaces, dots, hyphens, a leading ``NO`` and a trailing
       ``MVA`` ignored: ``NO 971 032 081 MVA`` is ``971032081``);
    2. name: the party's ``name``, then its ``aliases``, then its ``id``, compared by
       :func:`name_key` (case, spacing, punctuation and accents ignored; æ → ae, ø → o,
       å → a);
    3. the domain of an e-mail address, when exactly one party has that domain (or a
       parent of it): ``post@vegvesen.no`` and ``x@region.vegvesen.no`` → ``svv``;
       ``regjeringen.no``, shared by two ministries, matches neither (nor does a
       subdomain of it, whatever its parents).

bodies
    ``name``, then ``aliases``, then ``id``, by :func:`name_key`.

A name or organisation number that two parties (or bodies) claim at the same step (two
parties with one alias) is ambiguous and matches neither: a wrong party is worse than
none.

A name that matches nothing may still *resemble* a party (:meth:`PartyMatcher.resembles`):
it contains a party's name or alias as whole words ("Statens vegvesen Region vest" ≈
``svv``; the longest such name decides), is itself a whole-word part of exactly one
party's name or alias ("Vegvesen" ≈ ``svv``), or is a near spelling of one (difflib
ratio ≥ 0.85). Names shorter than :data:`MIN_RESEMBLING` characters resemble nothing, and
a tie between two parties is no resemblance. Adapters list resemblances in one DAT007
finding, so the user can add an alias; a resemblance is never taken as a match.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence

from ..schema.manifest import Body, Party

__all__ = ["BodyMatcher", "PartyMatcher", "email_domain", "name_key", "org_key"]

_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ß": "ss"})
_NOT_WORD = re.compile(r"[^\w]+")
_ORG_NOISE = re.compile(r"[\s.\-]+")
SIMILARITY = 0.85
"""Lowest difflib ratio at which an unmatched name is said to resemble a party."""
MIN_RESEMBLING = 4
"""Shortest name key (in characters) that can resemble a party: ``AS`` or ``SD`` cannot."""


def name_key(text: str) -> str:
    """A name as compared: ``Statens  Vegvesen,`` → ``statens vegvesen``; ``Øygarden`` →
    ``oygarden``; ``Bærum`` → ``baerum``; ``Tromsø`` = ``Tromso``; ``Sámi`` → ``sami``."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", text).replace("_", " ").split())


def email_domain(address: str | None) -> str | None:
    """The lower-case domain of an e-mail address (``Post@Vegvesen.no`` → ``vegvesen.no``)."""
    if not address or "@" not in address:
        return None
    domain = address.strip().rsplit("@", 1)[1].strip().strip(">").lower().rstrip(".")
    return domain or None


def org_key(text: str | None) -> str | None:
    """An organisation number's digits (``NO 971 032 081 MVA`` → ``971032081``), or None."""
    if not text:
        return None
    digits = _ORG_NOISE.sub("", text).upper()
    digits = digits.removeprefix("NO").removesuffix("MVA")
    return digits if digits.isdigit() else None


class _Names:
    """Name keys → id, in steps (name, then alias, then id); a key that two ids claim at
    one step is ambiguous (``None``) and stops the look-up."""

    def __init__(self, steps: Iterable[Iterable[tuple[str, str]]]) -> None:
        self.steps: list[dict[str, str | None]] = []
        for pairs in steps:
            step: dict[str, str | None] = {}
            for text, ident in pairs:
                key = name_key(text)
                if key:
                    step[key] = ident if step.get(key, ident) == ident else None
            self.steps.append(step)

    def get(self, text: str | None) -> str | None:
        if not text:
            return None
        key = name_key(text)
        for step in self.steps:
            if key in step:
                return step[key]
        return None


class PartyMatcher:
    """Finds the manifest party a correspondent names (see the module docstring)."""

    def __init__(self, parties: Iterable[Party]) -> None:
        self.parties = list(parties)
        orgs: dict[str, set[str]] = {}
        for party in self.parties:
            if org := org_key(party.org_number):
                orgs.setdefault(org, set()).add(party.id)
        self.by_org = {org: next(iter(ids)) for org, ids in orgs.items() if len(ids) == 1}
        self.by_name = _Names(
            [
                [(p.name, p.id) for p in self.parties],
                [(alias, p.id) for p in self.parties for alias in p.aliases],
                [(p.id, p.id) for p in self.parties],
            ]
        )
        owners: dict[str, set[str]] = {}
        for party in self.parties:
            for domain in party.domains:
                owners.setdefault(domain, set()).add(party.id)
        self.by_domain = {d: next(iter(ids)) for d, ids in owners.items() if len(ids) == 1}
        self.shared_domains = {d for d, ids in owners.items() if len(ids) > 1}
        self._names = sorted(
            {
                (key, p.id)
                for p in self.parties
                for n in (p.name, *p.aliases)
                if (key := name_key(n))
            }
        )

    def match(
        self,
        *,
        org_number: str | None = None,
        name: str | None = None,
        email: str | None = None,
    ) -> str | None:
        """The party id, by org number, then name or alias, then e-mail domain; else None."""
        org = org_key(org_number)
        if org and org in self.by_org:
            return self.by_org[org]
        if found := self.by_name.get(name):
            return found
        domain = email_domain(email)
        while domain and "." in domain and domain not in self.shared_domains:
            if domain in self.by_domain:
                return self.by_domain[domain]
            domain = domain.partition(".")[2]
        return None

    def resembles(self, name: str | None) -> str | None:
        """The party an unmatched name looks like (never a match by itself), or None."""
        key = name_key(name) if name else ""
        if len(key) < MIN_RESEMBLING:
            return None
        padded = f" {key} "
        inside = [
            (len(k), p) for k, p in self._names if len(k) >= MIN_RESEMBLING and f" {k} " in padded
        ]
        if inside:
            return _unique_best(inside)
        around = {p for k, p in self._names if f" {key} " in f" {k} "}
        if len(around) == 1:
            return around.pop()
        near = [(difflib.SequenceMatcher(None, key, k).ratio(), p) for k, p in self._names]
        return _unique_best([(ratio, p) for ratio, p in near if ratio >= SIMILARITY])


def _unique_best(scored: Sequence[tuple[float, str]]) -> str | None:
    """The party with the highest score, unless another party scores as high."""
    if not scored:
        return None
    top = max(score for score, _ in scored)
    best = {party for score, party in scored if score == top}
    return best.pop() if len(best) == 1 else None


class BodyMatcher:
    """Finds the manifest body a committee (``utvalg``) names: by name, alias or id."""

    def __init__(self, bodies: Iterable[Body]) -> None:
        bodies = list(bodies)
        self.by_name = _Names(
            [
                [(b.name, b.id) for b in bodies],
                [(alias, b.id) for b in bodies for alias in b.aliases],
                [(b.id, b.id) for b in bodies],
            ]
        )

    def match(self, name: str | None) -> str | None:
        """The body id the text names, or None."""
        return self.by_name.get(name)
