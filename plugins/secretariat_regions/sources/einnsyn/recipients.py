"""Korrespondansepart → distributions: which correspondents of a document are parties.

A recipient whose name or e-mail matches a party of the manifest is one distribution row;
senders, screened names, the same party again and non-parties are counted with a reason
(no DAT006); a name that resembles a party is a DAT007 notice with counts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from secretariat_rules.findings import DataRuleId
from secretariat_rules.i18n.message import msg
from secretariat_rules.sources.base import SourceInventory, SourceNotice
from secretariat_rules.sources.matching import PartyMatcher

from ..vocabulary import normalize
from .pages import Found, SavedObjects
from .terms import (
    MAX_LOCATIONS,
    PART_MERGED,
    PART_NO_PARTY,
    PART_RESEMBLES,
    PART_SAME_PARTY,
    PART_SCREENED,
    PART_SENDER,
    RECIPIENT_TYPES,
    SCREENED,
    SENDER_TYPES,
    SUBJECT,
    listed,
    text,
)

Where = tuple[str, int | None, str | None]


class Recipients:
    """The correspondents of one capture: each saved Korrespondansepart is used once."""

    def __init__(
        self,
        saved: SavedObjects,
        inventory: SourceInventory,
        parties: PartyMatcher,
        leave_at: Callable[[str, Where], None],
        add_at: Callable[[str, dict[str, str | None], Where], None],
    ) -> None:
        self.saved = saved
        self.inventory = inventory
        self.parties = parties
        self._leave_at = leave_at
        self._add_at = add_at
        self.resembling: dict[tuple[str, str], int] = {}
        self.matched: dict[tuple[str | None, str | None], str | None] = {}
        self.resembles: dict[str | None, str | None] = {}
        self.resembling_at: list[Where] = []
        self.used_parts: set[str] = set()

    def notice(self) -> SourceNotice | None:
        """One DAT007 notice for the recipients that resemble a party, with counts."""
        if not self.resembling:
            return None
        reasons = tuple(
            msg("source.einnsyn.resembles", count=count, name=repr(name), party=repr(party))
            for (name, party), count in sorted(self.resembling.items())
        )
        return SourceNotice(DataRuleId.DAT007, SUBJECT, reasons, tuple(self.resembling_at))

    def merged(self, obj: dict[str, Any]) -> None:
        for item in listed(obj, "korrespondansepart"):
            found = self.saved.find(item)
            if found is not None:
                self.used_parts.add(found.obj["id"])
                self.inventory.leave_out(PART_MERGED, msg("source.einnsyn.left_out.part_merged"))

    def add(
        self, obj: dict[str, Any], document: str | None, sent: str | None, owner: Found
    ) -> None:
        seen: set[str] = set()
        where: tuple[str, int | None, str | None]
        for index, item in enumerate(listed(obj, "korrespondansepart")):
            found = self.saved.find(item)
            part = self.saved.resolve(item)
            if part is None:
                where = (owner.path, owner.line, f"{owner.pointer}/korrespondansepart/{index}")
                self._leave_at("part_not_saved", where)
                continue
            if found is not None:
                if found.obj["id"] in self.used_parts:
                    continue
                self.used_parts.add(found.obj["id"])
            where = found.location if found is not None else owner.location
            ptype = normalize(text(part.get("korrespondanseparttype")) or "").rsplit("/", 1)[-1]
            ptype = ptype.replace(" ", "_")
            if ptype in SENDER_TYPES:
                self.inventory.leave_out(PART_SENDER, msg("source.einnsyn.left_out.part_sender"))
                continue
            if ptype not in RECIPIENT_TYPES:
                self._leave_at("part_unknown_type", where)
                continue
            name = text(part.get("korrespondansepartNavn"))
            if name is not None and SCREENED.match(name):
                self.inventory.leave_out(
                    PART_SCREENED, msg("source.einnsyn.left_out.part_screened")
                )
                continue
            party = self._party(name, text(part.get("epostadresse")))
            if party is None:
                self._unmatched(name, where)
                continue
            if party in seen:
                self.inventory.leave_out(
                    PART_SAME_PARTY, msg("source.einnsyn.left_out.part_same_party")
                )
                continue
            seen.add(party)
            row = {"document": document, "party": party, "sent": sent}
            self._add_at("distributions", row, where)

    def _party(self, name: str | None, email: str | None) -> str | None:
        """``PartyMatcher.match``, once per distinct (name, e-mail)."""
        key = (name, email)
        if key not in self.matched:
            self.matched[key] = self.parties.match(name=name, email=email)
        return self.matched[key]

    def _unmatched(self, name: str | None, where: tuple[str, int | None, str | None]) -> None:
        if name not in self.resembles:
            self.resembles[name] = self.parties.resembles(name)
        like = self.resembles[name]
        if like is None or name is None:
            self.inventory.leave_out(PART_NO_PARTY, msg("source.einnsyn.left_out.part_no_party"))
            return
        self.inventory.leave_out(PART_RESEMBLES, msg("source.einnsyn.left_out.part_resembles"))
        key = (name, like)
        self.resembling[key] = self.resembling.get(key, 0) + 1
        if len(self.resembling_at) < MAX_LOCATIONS:
            self.resembling_at.append(where)

    def left(self, parts: list[Found]) -> None:
        for found in parts:
            if found.obj["id"] not in self.used_parts and found.obj.get("deleted") is not True:
                self._leave_at("part_orphan", found.location)

    # ------------------------------------------------------------------ rows
