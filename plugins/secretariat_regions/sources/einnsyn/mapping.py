"""eInnsyn objects → documents, distributions, meetings and decisions (see the package).

Every Journalpost, Moetemappe, Moetesak, Moetedokument and Korrespondansepart seen is
either a record, merged into one (a Moetedokument registering a journalpost's own
document), or counted with a reason: in the inventory, and for objects of the journal
(not correspondents) in one DAT006 notice per reason.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from secretariat_rules.findings import DataRuleId
from secretariat_rules.i18n.message import Msg, Text, msg
from secretariat_rules.schema.manifest import Manifest
from secretariat_rules.sources.base import SourceInventory, SourceNotice
from secretariat_rules.sources.matching import BodyMatcher, PartyMatcher
from secretariat_rules.sources.readers import RawTable, RowCollector

from ..noark5.codes import KIND_BY_TEXT, code
from ..vocabulary import normalize
from .pages import Found, Page, SavedObjects

__all__ = [
    "JOURNALPOST_KINDS",
    "LEFT_OUT",
    "MEETING_DOCUMENT_KINDS",
    "RECIPIENT_TYPES",
    "SENDER_TYPES",
    "SUBJECT",
    "Capture",
]

SUBJECT = "files/einnsyn"
OSLO = ZoneInfo("Europe/Oslo")
MAX_LOCATIONS = 5
"""Locations listed per DAT006/DAT007 finding (the counts cover all)."""

RECORD_ENTITIES = ("Journalpost", "Moetemappe", "Moetesak", "Moetedokument")
SUPPORT_ENTITIES = frozenset(
    {
        "Arkiv", "Arkivdel", "Behandlingsprotokoll", "Dokumentbeskrivelse", "Dokumentobjekt",
        "Enhet", "Identifikator", "Klasse", "Klassifikasjonssystem", "Moetedeltaker",
        "Moetesaksbeskrivelse", "Saksmappe", "Skjerming", "Utredning", "Vedtak", "Votering",
    }
)  # fmt: skip
"""Entities read only as attributes of a record (a Saksmappe's case number...)."""

JOURNALPOST_KINDS: dict[str, str] = {
    "inngaaende_dokument": "brev",
    "utgaaende_dokument": "brev",
    "organinternt_dokument_uten_oppfoelging": "notat",
    "organinternt_dokument_for_oppfoelging": "notat",
    "saksframlegg": "saksdokument",
    "sakskart": "saksdokument",
    "moeteprotokoll": "referat",
    "moetebok": "referat",
}
"""``journalposttype`` → document kind when ``dokumenttype`` says nothing known (else
``annet``, e.g. ``ukjent``)."""

MEETING_DOCUMENT_KINDS: dict[str, str] = {
    "innkalling": "saksdokument",
    "moteinnkalling": "saksdokument",
    "møteinnkalling": "saksdokument",
    "saksliste": "saksdokument",
    "sakskart": "saksdokument",
    "saksframlegg": "saksdokument",
    "protokoll": "referat",
    "møteprotokoll": "referat",
    "moteprotokoll": "referat",
    "moeteprotokoll": "referat",
    "referat": "referat",
    "møtebok": "referat",
    "moetebok": "referat",
}
"""``moetedokumenttype`` (case-insensitive) → document kind (else ``annet``)."""

NOTICE_TYPES = frozenset({"sakskart", "innkalling", "moteinnkalling", "møteinnkalling"})
"""A journalposttype/moetedokumenttype that makes a document the meeting's notice."""

RECIPIENT_TYPES = frozenset(
    {"mottaker", "kopimottaker", "gruppemottaker", "em", "ek", "gm",
     "intern_mottaker", "intern_kopimottaker", "im", "ik"}
)  # fmt: skip
SENDER_TYPES = frozenset({"avsender", "medavsender", "intern_avsender", "ea", "ia"})
ORIENTERING = frozenset({"orientering", "referat"})
"""``moetesakstype`` values that make a decision an ``orientering`` (else ``vedtak``)."""

MERGED = "Moetedokument: the same document as a journalpost (merged into its record)"
"""Inventory reason of a meeting document registered as a journalpost: no DAT006, since
nothing is lost (the journalpost's record carries the meeting)."""

PART_MERGED = "Korrespondansepart: of a merged Moetedokument"
PART_SENDER = "Korrespondansepart: sender, not a recipient"
PART_SCREENED = "Korrespondansepart: screened name"
PART_SAME_PARTY = "Korrespondansepart: the same party again"
PART_NO_PARTY = "Korrespondansepart: recipient is not a party"
PART_RESEMBLES = "Korrespondansepart: recipient resembles a party (DAT007)"
"""Inventory reasons of correspondents counted only (no DAT006); each reads as the
catalogue's ``source.einnsyn.left_out.part_*`` (whose ``en`` text is the key)."""

LEFT_OUT: dict[str, str] = {
    "deleted": "{entity}: deleted in eInnsyn",
    "unsaved_reference": "list item is an id whose object was not saved",
    "not_an_object": "list item is not an eInnsyn object",
    "no_id": "{entity}: no id",
    "entity_not_read": "{entity}: entity not read",
    "no_body": "Moetemappe: utvalg names no body of the manifest",
    "case_no_meeting": "Moetesak: its Moetemappe was not saved or is not read",
    "document_no_meeting": "Moetedokument: its Moetemappe was not saved or is not read",
    "part_not_saved": "Korrespondansepart: referenced by id, not saved",
    "part_unknown_type": "Korrespondansepart: unknown korrespondanseparttype",
    "part_orphan": "Korrespondansepart: of no saved journalpost",
}
"""What a DAT006 reason names, by kind: the inventory's ``left_out`` key (a stable
English key of the JSON report, filled in with the entity); the finding says it with
the catalogue's ``source.einnsyn.left_out.KIND`` (whose ``en`` text is the key)."""

_SCREENED = re.compile(r"^[\s*]*\*[\s*]*$")
_SURROGATE = re.compile("[\ud800-\udfff]")

DOCUMENT_COLUMNS = ("id", "title", "kind", "date", "meeting", "archive_ref", "archived")
DISTRIBUTION_COLUMNS = ("document", "party", "sent")
MEETING_COLUMNS = ("id", "body", "date", "notice_sent", "secretariat_present", "minutes")
DECISION_COLUMNS = ("id", "meeting", "case", "title", "kind", "responsible_party", "communicated")
COLUMNS = {
    "documents": DOCUMENT_COLUMNS,
    "distributions": DISTRIBUTION_COLUMNS,
    "meetings": MEETING_COLUMNS,
    "decisions": DECISION_COLUMNS,
}


def record_id(obj: dict[str, Any]) -> str:
    """``systemId`` (the records system's own id), else ``externalId``, else the eInnsyn id."""
    for key in ("systemId", "externalId", "id"):
        if isinstance(obj.get(key), str) and obj[key].strip():
            return str(obj[key]).strip()
    return str(obj.get("id"))


def text(value: Any) -> str | None:
    """A scalar as cell text (numbers as written); None for null, lists and objects."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | str):
        return str(value).strip() or None
    return None


def oslo_date(value: Any) -> str | None:
    """A ``utcDateTime`` (``2024-02-08T08:00:00Z``) as its Europe/Oslo date; a date as is."""
    raw = text(value)
    if raw is None or "T" not in raw:
        return raw
    try:
        moment = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return raw  # the dataset reports it (DAT001)
    if moment.tzinfo is None:
        return moment.date().isoformat()
    return moment.astimezone(OSLO).date().isoformat()


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
        self.parties = PartyMatcher(manifest.parties)
        self.bodies = BodyMatcher(manifest.bodies)
        self.inventory = SourceInventory(source="einnsyn", files=[p.path for p in pages])
        self.left = _Notices()
        self.resembling: dict[tuple[str, str], int] = {}
        self.matched: dict[tuple[str | None, str | None], str | None] = {}
        self.resembles: dict[str | None, str | None] = {}
        self.resembling_at: list[tuple[str, int | None, str | None]] = []
        self.rows: dict[tuple[str, str], RowCollector] = {}
        self.meeting_of_description: dict[str, str] = {}
        self.meeting_ids: dict[str, str] = {}  # eInnsyn id → meeting record id
        self.parent_meeting: dict[str, str] = {}  # child's eInnsyn id → its Moetemappe's
        self.journal_descriptions: set[str] = set()
        self.used_parts: set[str] = set()
        self.documents: dict[str, list[_Document]] = {}

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
        self._parts_left(objects["Korrespondansepart"])
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
        if self.resembling:
            reasons = tuple(
                msg("source.einnsyn.resembles", count=count, name=repr(name), party=repr(party))
                for (name, party), count in sorted(self.resembling.items())
            )
            out.append(SourceNotice(DataRuleId.DAT007, SUBJECT, reasons, tuple(self.resembling_at)))
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

    def _list(self, obj: dict[str, Any], key: str) -> list[Any]:
        value = obj.get(key)
        return value if isinstance(value, list) else []

    def _description_ids(self, obj: dict[str, Any]) -> list[str]:
        ids = []
        for item in self._list(obj, "dokumentbeskrivelse"):
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
        for item in self._list(obj, "moetedokument") + self._list(obj, "moetesak"):
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
            "case": _case(obj),
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
        row = {
            "id": record_id(obj),
            "title": text(obj.get("offentligTittel")),
            "kind": self._kind(obj, JOURNALPOST_KINDS.get(jtype, "annet")),
            "date": date,
            "meeting": meeting,
            "archive_ref": self._archive_ref(obj),
            "archived": text(obj.get("journaldato")),
        }
        self._document(row, found, jtype in NOTICE_TYPES)
        self._recipients(obj, row["id"], date, found)

    def _meeting_document(self, found: Found) -> None:
        obj = found.obj
        if any(d in self.journal_descriptions for d in self._description_ids(obj)):
            self.inventory.leave_out(MERGED, msg("source.einnsyn.left_out.merged"))
            self._mark_parts(obj)
            return  # the same document as a journalpost, which holds the journal's facts
        meeting = self._meeting_of(obj)
        if meeting is None:
            self._leave("document_no_meeting", found)
            self._mark_parts(obj)
            return
        mtype = normalize(text(obj.get("moetedokumenttype")) or "")
        parent = self.saved.resolve(obj.get("moetemappe")) or {}
        date = oslo_date(obj.get("publisertDato")) or oslo_date(parent.get("moetedato"))
        row = {
            "id": record_id(obj),
            "title": text(obj.get("offentligTittel")),
            "kind": self._kind(obj, MEETING_DOCUMENT_KINDS.get(mtype, "annet")),
            "date": date,
            "meeting": meeting,
            "archive_ref": None,
            "archived": None,
        }
        self._document(row, found, mtype in NOTICE_TYPES)
        self._recipients(obj, row["id"], date, found)

    def _document(self, row: dict[str, str | None], found: Found, notice: bool) -> None:
        self._add("documents", row, found)
        if row["meeting"]:
            self.documents.setdefault(row["meeting"], []).append(_Document(row, found, notice))

    def _kind(self, obj: dict[str, Any], fallback: str) -> str:
        """The main document's (Hoveddokument, else the first) ``dokumenttype``, mapped."""
        described = [self.saved.resolve(d) for d in self._list(obj, "dokumentbeskrivelse")]
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

    # ------------------------------------------------------------------ recipients

    def _mark_parts(self, obj: dict[str, Any]) -> None:
        for item in self._list(obj, "korrespondansepart"):
            found = self.saved.find(item)
            if found is not None:
                self.used_parts.add(found.obj["id"])
                self.inventory.leave_out(PART_MERGED, msg("source.einnsyn.left_out.part_merged"))

    def _recipients(
        self, obj: dict[str, Any], document: str | None, sent: str | None, owner: Found
    ) -> None:
        seen: set[str] = set()
        where: tuple[str, int | None, str | None]
        for index, item in enumerate(self._list(obj, "korrespondansepart")):
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
            if name is not None and _SCREENED.match(name):
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

    def _parts_left(self, parts: list[Found]) -> None:
        for found in parts:
            if found.obj["id"] not in self.used_parts and found.obj.get("deleted") is not True:
                self._leave("part_orphan", found)

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
            if value is not None and _SURROGATE.search(value):
                problems.append(msg("source.einnsyn.lone_surrogate", field=repr(key)))
                row[key] = None
        path, line, pointer = where
        rows = self.rows.get((collection, path))
        if rows is None:
            rows = self.rows[(collection, path)] = RowCollector(COLUMNS[collection])
        rows.add(line or 1, row, problems, pointer)


def _case(obj: dict[str, Any]) -> str | None:
    """``moetesakssekvensnummer/YY`` (``2/24``), as the steering group numbers its cases."""
    seq, year = text(obj.get("moetesakssekvensnummer")), text(obj.get("moetesaksaar"))
    if seq and year and year.isdigit():
        return f"{seq}/{int(year) % 100:02d}"
    return None
