"""Who a record names: a manifest party or body, from what an archive writes about it.

Records systems and the public journal name a correspondent by organisation number
(seldom), by a name as a clerk typed it, or by an e-mail address; a meeting's body by
its committee name or code. :class:`PartyMatcher` and :class:`BodyMatcher` turn those
into manifest ids, in one documented order, so every source adapter matches alike:

parties
    1. organisation number (spaces ignored);
    2. name: the party's ``name``, ``id`` or one of its ``aliases``, compared by
       :func:`name_key` (case, spacing, punctuation and accents of æ/ø/å ignored);
    3. the domain of an e-mail address, when exactly one party has that domain (or a
       parent of it): ``post@vegvesen.no`` → ``svv``; ``regjeringen.no``, shared by two
       ministries, matches neither.

bodies
    ``id``, ``name`` or one of its ``aliases``, by :func:`name_key`.

A name that matches nothing may still *resemble* a party (:meth:`PartyMatcher.resembles`):
it begins with, or contains, a party's name or alias as whole words ("Statens vegvesen
Region vest" ≈ ``svv``), or is a near spelling of one (difflib ratio ≥ 0.85). Adapters
list those in one DAT007 finding, so the user can add an alias; a resemblance is never
taken as a match.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

from ..schema.manifest import Body, Party

__all__ = ["BodyMatcher", "PartyMatcher", "email_domain", "name_key"]

_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "é": "e"})
_NOT_WORD = re.compile(r"[^\w]+")
SIMILARITY = 0.85
"""Lowest difflib ratio at which an unmatched name is said to resemble a party."""


def name_key(text: str) -> str:
    """A name as compared: ``Statens  Vegvesen,`` → ``statens vegvesen``; ``Øygarden`` →
    ``oygarden``."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)
    return " ".join(_NOT_WORD.sub(" ", text).replace("_", " ").split())


def email_domain(address: str | None) -> str | None:
    """The lower-case domain of an e-mail address (``Post@Vegvesen.no`` → ``vegvesen.no``)."""
    if not address or "@" not in address:
        return None
    domain = address.strip().rsplit("@", 1)[1].strip().strip(">").lower().rstrip(".")
    return domain or None


def _org(text: str | None) -> str | None:
    if not text:
        return None
    digits = "".join(text.split())
    return digits if digits.isdigit() else None


class PartyMatcher:
    """Finds the manifest party a correspondent names (see the module docstring)."""

    def __init__(self, parties: Iterable[Party]) -> None:
        self.parties = list(parties)
        self.by_org = {p.org_number: p.id for p in self.parties if p.org_number}
        self.by_name: dict[str, str] = {}
        # ids first, then aliases, then names: a party's own name wins a clash
        for party in self.parties:
            self.by_name.setdefault(name_key(party.id), party.id)
        for party in self.parties:
            for alias in party.aliases:
                self.by_name[name_key(alias)] = party.id
        for party in self.parties:
            self.by_name[name_key(party.name)] = party.id
        owners: dict[str, set[str]] = {}
        for party in self.parties:
            for domain in party.domains:
                owners.setdefault(domain, set()).add(party.id)
        self.by_domain = {d: next(iter(ids)) for d, ids in owners.items() if len(ids) == 1}
        self._names = sorted(
            {(name_key(n), p.id) for p in self.parties for n in (p.name, *p.aliases)},
            key=lambda item: (-len(item[0]), item),
        )

    def match(
        self,
        *,
        org_number: str | None = None,
        name: str | None = None,
        email: str | None = None,
    ) -> str | None:
        """The party id, by org number, then name or alias, then e-mail domain; else None."""
        org = _org(org_number)
        if org and org in self.by_org:
            return self.by_org[org]
        if name and (found := self.by_name.get(name_key(name))):
            return found
        domain = email_domain(email)
        while domain:
            if domain in self.by_domain:
                return self.by_domain[domain]
            _, _, domain = domain.partition(".")
            if "." not in domain:
                break
        return None

    def resembles(self, name: str | None) -> str | None:
        """The party an unmatched name looks like (never a match by itself), or None."""
        if not name:
            return None
        key = name_key(name)
        if not key:
            return None
        padded = f" {key} "
        for known, party in self._names:
            if len(known) >= 4 and f" {known} " in padded:
                return party
        best: tuple[float, str] | None = None
        for known, party in self._names:
            ratio = difflib.SequenceMatcher(None, key, known).ratio()
            if ratio >= SIMILARITY and (best is None or ratio > best[0]):
                best = (ratio, party)
        return best[1] if best else None


class BodyMatcher:
    """Finds the manifest body a committee (``utvalg``) names: by id, name or alias."""

    def __init__(self, bodies: Iterable[Body]) -> None:
        self.by_name: dict[str, str] = {}
        bodies = list(bodies)
        for body in bodies:
            self.by_name.setdefault(name_key(body.id), body.id)
        for body in bodies:
            for alias in body.aliases:
                self.by_name[name_key(alias)] = body.id
        for body in bodies:
            self.by_name[name_key(body.name)] = body.id

    def match(self, name: str | None) -> str | None:
        """The body id the text names, or None."""
        return self.by_name.get(name_key(name)) if name else None
