"""eInnsyn objects → documents, distributions, meetings and decisions (see the package).

Every Journalpost, Moetemappe, Moetesak, Moetedokument and Korrespondansepart seen is
either a record, merged into one (a Moetedokument registering a journalpost's own
document), or counted with a reason: in the inventory, and for objects of the journal
(not correspondents) in one DAT006 notice per reason.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from secretariat_rules.findings import DataRuleId
from secretariat_rules.i18n.message import Msg, Text, msg
from secretariat_rules.schema.manifest import Manifest
from secretariat_rules.sources.base import SourceInventory, SourceNotice
from secretariat_rules.sources.matching import BodyMatcher, PartyMatcher
from secretariat_rules.sources.readers import RawTable, RowCollector

from ..noark5.codes import KIND_BY_TEXT, code
from ..vocabulary import normalize
from . import terms
from .pages import Found, Page, SavedObjects
from .recipients import Recipients
from .terms import *  # noqa: F403 (the terms, re-exported)
from .terms import (
    COLUMNS,
    JOURNALPOST_KINDS,
    LEFT_OUT,
    MAX_LOCATIONS,
    MEETING_DOCUMENT_KINDS,
    MERGED,
    NOTICE_TYPES,
    ORIENTERING,
    RECORD_ENTITIES,
    SUBJECT,
    SUPPORT_ENTITIES,
    SURROGATE,
    case_number,
    listed,
    oslo_date,
    record_id,
    text,
)

__all__ = ["Capture"]
__all__ += terms.__all__


@dataclass
class _Notices:
    counts: Counter[str] = field(default_factory=Counter)
    locations: dict[str, list[tuple[str, int | None, str | None]]] = field(default_factory=dict)
    texts: dict[str, Msg] = field(default_factory=dict)

    def add(self, reason: str, text: Msg, where: tuple[str, int | None, str | None]) -> None:
        self.counts[reason] += 1
        self.texts.setdefault(reason, text)
        self.locations.setdefault(reason, [])
        if len(self.locations[reason]) < MAX_LOCATIONS:
            self.locations[reason].append(where)


@dataclass
class _Document:
    values: dict[str, str | None]
    found: Found
    notice: bool


class Capture:
    """All saved pages of one repository, mapped to raw tables (one pass per entity)."""

    def __init__(self, pages: list[Page], manifest: Manifest) -> None:
        self.pages = pages
        self.saved = SavedObjects(pages)
        self.bodies = BodyMatcher(manifest.bodies)
        self.inventory = SourceInventory(source="einnsyn", files=[p.path for p in pages])
        self.left = _Notices()
        self.rows: dict[tuple[str, str], RowCollector] = {}
        self.meeting_of_description: dict[str, str] = {}
        self.meeting_ids: dict[str, str] = {}  # eInnsyn id → meeting record id
        self.parent_meeting: dict[str, str] = {}  # child's eInnsyn id → its Moetemappe's
        self.journal_descriptions: set[str] = set()
        self.documents: dict[str, list[_Document]] = {}
        self.recipients = Recipients(
            self.saved,
            self.inventory,
            PartyMatcher(manifest.parties),
            self._leave_at,
            self._add_at,
        )

    # ------------------------------------------------------------------ driver

    def tables(self) -> list[RawTable]:
        objects = self._record_objects()
        self._count_items()
        for found in objects["Moetemappe"]:
            self._meeting_index(found)
        for found in objects["Moetesak"]:
            self._case_index(found)
        for found in objects["Journalpost"]:
            self._journalpost(found)
        for found in objects["Moetedokument"]:
            self._meeting_document(found)
        for found in objects["Moetemappe"]:
            self._meeting(found)
        for found in objects["Moetesak"]:
            self._decision(found)
        self.recipients.left(objects["Korrespondansepart"])
        out = []
        for (collection, path), rows in sorted(self.rows.items()):
            table = rows.table(collection, path, None)
            self.inventory.records[collection] += table.frame.height
            out.append(table)
        for collection in COLUMNS:
            self.inventory.records.setdefault(collection, 0)
        return out

    def notices(self) -> list[SourceNotice]:
        out: list[SourceNotice] = []
        for reason in sorted(self.left.counts):
            count = self.left.counts[reason]
            text = msg("source.left_out", count=count, reason=self.left.texts[reason])
            out.append(
                SourceNotice(
                    DataRuleId.DAT006, SUBJECT, (text,), tuple(self.left.locations[reason])
                )
            )
        resembling = self.recipients.notice()
        if resembling is not None:
            out.append(resembling)
        return out

    # ------------------------------------------------------------------ objects

    def _record_objects(self) -> dict[str, list[Found]]:
        """Distinct objects per entity (by id, see ``SavedObjects``), in file and document
        order of their first occurrence."""
        out: dict[str, list[Found]] = {e: [] for e in (*RECORD_ENTITIES, "Korrespondansepart")}
        for found in self.saved.by_id.values():
            entity = found.obj["entity"]
            if entity in out:
                self.inventory.elements[entity] += 1
                if found.obj.get("deleted") is True:
                    self._leave("deleted", found, entity=entity)
                else:
                    out[entity].append(found)
        return out

    def _count_items(self) -> None:
        """List items that are no record-bearing object: counted, never dropped silently."""
        for page in self.pages:
            for item, line, pointer in page.items:
                where = (page.path, line, pointer)
                if isinstance(item, str):
                    if item not in self.saved.by_id:
                        self.inventory.elements["reference"] += 1
                        self._leave_at("unsaved_reference", where)
                    continue
                entity = item.get("entity") if isinstance(item, dict) else None
                if not isinstance(item, dict) or not isinstance(entity, str):
                    self.inventory.elements["unknown"] += 1
                    self._leave_at("not_an_object", where)
                elif not isinstance(item.get("id"), str):
                    self.inventory.elements[entity] += 1
                    self._leave_at("no_id", where, entity=entity)
                elif entity not in (*RECORD_ENTITIES, "Korrespondansepart", *SUPPORT_ENTITIES):
                    self.inventory.elements[entity] += 1
                    self._leave_at("entity_not_read", where, entity=entity)

    def _leave(self, kind: str, found: Found, **values: str) -> None:
        self._leave_at(kind, found.location, **values)

    def _leave_at(
        self, kind: str, where: tuple[str, int | None, str | None], **values: str
    ) -> None:
        """Left out for ``LEFT_OUT[kind]``: counted in the inventory and a DAT006 reason."""
        reason = LEFT_OUT[kind].format(**values)
        label = msg(f"source.einnsyn.left_out.{kind}", **values)
        self.inventory.leave_out(reason, label)
        self.left.add(reason, label, where)

    def _description_ids(self, obj: dict[str, Any]) -> list[str]:
        ids = []
        for item in listed(obj, "dokumentbeskrivelse"):
            ref = item.get("id") if isinstance(item, dict) else item
            if isinstance(ref, str):
                ids.append(ref)
        return ids

    # ------------------------------------------------------------------ meetings

    def _meeting_index(self, found: Found) -> None:
        obj = found.obj
        mid = record_id(obj)
        if self._body(obj) is None:
            return
        self.meeting_ids[obj["id"]] = mid
        for item in listed(obj, "moetedokument") + listed(obj, "moetesak"):
            child = self.saved.resolve(item)
            if child is not None:
                if isinstance(child.get("id"), str):
                    self.parent_meeting.setdefault(child["id"], obj["id"])
                for ref in self._description_ids(child):
                    self.meeting_of_description.setdefault(ref, mid)

    def _case_index(self, found: Found) -> None:
        meeting = self._meeting_of(found.obj)
        if meeting is not None:
            for ref in self._description_ids(found.obj):
                self.meeting_of_description.setdefault(ref, meeting)

    def _meeting_of(self, obj: dict[str, Any]) -> str | None:
        """The meeting record of a Moetesak/Moetedokument: its ``moetemappe``, else the
        Moetemappe that lists it."""
        parent = obj.get("moetemappe")
        ref = parent.get("id") if isinstance(parent, dict) else parent
        own = obj.get("id")
        if not isinstance(ref, str) and isinstance(own, str):
            ref = self.parent_meeting.get(own)
        return self.meeting_ids.get(ref) if isinstance(ref, str) else None

    def _body(self, obj: dict[str, Any]) -> str | None:
        unit = self.saved.resolve(obj.get("utvalgObjekt")) or {}
        for name in (unit.get("navn"), obj.get("utvalg"), unit.get("enhetskode")):
            if isinstance(name, str) and (body := self.bodies.match(name)):
                return body
        return None

    def _meeting(self, found: Found) -> None:
        obj = found.obj
        body = self._body(obj)
        if body is None:
            self._leave("no_body", found)
            return
        mid = record_id(obj)
        linked = self.documents.get(mid, [])
        minutes = sorted(
            (d for d in linked if d.values["kind"] == "referat"),
            key=lambda d: (d.values["date"] or "", d.values["id"] or ""),
        )
        notices = sorted(d.values["date"] or "" for d in linked if d.notice and d.values["date"])
        row = {
            "id": mid,
            "body": body,
            "date": oslo_date(obj.get("moetedato")),
            "notice_sent": notices[0] if notices else None,
            "secretariat_present": None,
            "minutes": minutes[0].values["id"] if minutes else None,
        }
        self._add("meetings", row, found)

    def _decision(self, found: Found) -> None:
        obj = found.obj
        meeting = self._meeting_of(obj)
        if meeting is None:
            self._leave("case_no_meeting", found)
            return
        kind = normalize(text(obj.get("moetesakstype")) or "")
        row = {
            "id": record_id(obj),
            "meeting": meeting,
            "case": case_number(obj),
            "title": text(obj.get("offentligTittel")),
            "kind": "orientering" if kind in ORIENTERING else "vedtak",
            "responsible_party": None,
            "communicated": None,
        }
        self._add("decisions", row, found)

    # ------------------------------------------------------------------ documents

    def _journalpost(self, found: Found) -> None:
        obj = found.obj
        jtype = normalize(text(obj.get("journalposttype")) or "")
        descriptions = self._description_ids(obj)
        self.journal_descriptions.update(descriptions)
        meeting = next(
            (
                self.meeting_of_description[d]
                for d in descriptions
                if d in self.meeting_of_description
            ),
            None,
        )
        date = text(obj.get("dokumentetsDato")) or text(obj.get("journaldato"))
        kind = self._kind(obj, JOURNALPOST_KINDS.get(jtype, "annet"))
        archived = (self._archive_ref(obj), text(obj.get("journaldato")))
        self._document(found, kind, date, meeting, archived, jtype in NOTICE_TYPES)

    def _meeting_document(self, found: Found) -> None:
        obj = found.obj
        if any(d in self.journal_descriptions for d in self._description_ids(obj)):
            self.inventory.leave_out(MERGED, msg("source.einnsyn.left_out.merged"))
            self.recipients.merged(obj)
            return  # the same document as a journalpost, which holds the journal's facts
        meeting = self._meeting_of(obj)
        if meeting is None:
            self._leave("document_no_meeting", found)
            self.recipients.merged(obj)
            return
        mtype = normalize(text(obj.get("moetedokumenttype")) or "")
        parent = self.saved.resolve(obj.get("moetemappe")) or {}
        date = oslo_date(obj.get("publisertDato")) or oslo_date(parent.get("moetedato"))
        kind = self._kind(obj, MEETING_DOCUMENT_KINDS.get(mtype, "annet"))
        self._document(found, kind, date, meeting, (None, None), mtype in NOTICE_TYPES)

    def _document(
        self,
        found: Found,
        kind: str,
        date: str | None,
        meeting: str | None,
        archived: tuple[str | None, str | None],
        notice: bool,
    ) -> None:
        """A document row (``archived``: its archive reference and date), and its recipients."""
        obj = found.obj
        row = {
            "id": record_id(obj),
            "title": text(obj.get("offentligTittel")),
            "kind": kind,
            "date": date,
            "meeting": meeting,
            "archive_ref": archived[0],
            "archived": archived[1],
        }
        self._add("documents", row, found)
        if meeting:
            self.documents.setdefault(meeting, []).append(_Document(row, found, notice))
        self.recipients.add(obj, row["id"], date, found)

    def _kind(self, obj: dict[str, Any], fallback: str) -> str:
        """The main document's (Hoveddokument, else the first) ``dokumenttype``, mapped."""
        described = [self.saved.resolve(d) for d in listed(obj, "dokumentbeskrivelse")]
        kinds = [d for d in described if d is not None]
        main = next(
            (d for d in kinds if normalize(text(d.get("tilknyttetRegistreringSom")) or "")
             in ("hoveddokument", "h")),
            kinds[0] if kinds else None,
        )  # fmt: skip
        doc_type = code(text(main.get("dokumenttype"))) if main else ""
        return KIND_BY_TEXT.get(doc_type) or fallback

    def _archive_ref(self, obj: dict[str, Any]) -> str | None:
        case = self.saved.resolve(obj.get("saksmappe")) or {}
        year, seq = text(case.get("saksaar")), text(case.get("sakssekvensnummer"))
        number = text(obj.get("journalpostnummer"))
        if year and seq and number:
            return f"{year}/{seq}-{number}"
        number_text = text(case.get("saksnummer"))
        if number_text and number:
            return f"{number_text}-{number}"
        year, seq = text(obj.get("journalaar")), text(obj.get("journalsekvensnummer"))
        return f"{year}/{seq}" if year and seq else None

    # ------------------------------------------------------------------ rows

    def _add(self, collection: str, row: dict[str, str | None], found: Found) -> None:
        self._add_at(collection, row, found.location)

    def _add_at(
        self,
        collection: str,
        row: dict[str, str | None],
        where: tuple[str, int | None, str | None],
    ) -> None:
        problems: list[Text] = []
        for key, value in row.items():
            if value is not None and SURROGATE.search(value):
                problems.append(msg("source.einnsyn.lone_surrogate", field=repr(key)))
                row[key] = None
        path, line, pointer = where
        rows = self.rows.get((collection, path))
        if rows is None:
            rows = self.rows[(collection, path)] = RowCollector(COLUMNS[collection])
        rows.add(line or 1, row, problems, pointer)
