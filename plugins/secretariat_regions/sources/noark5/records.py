"""Noark 5 mapper and registreringer as records: documents, distributions, meetings, decisions.

A :class:`Records` is the :class:`~.walk.Handler` of one extract. Each registrering is
read when its element ends; what it needs from its mapper (the case number of the
nearest saksmappe, the meeting of the nearest moetemappe, a mappeID) is only known when
those end (v5.x writes ``saksaar`` after the registreringer), so registreringer wait in
their outermost mappe and are written when it ends. A moetemappe is written as a
meeting when it ends. The mapping, field by field, is in ``docs/plugins.md``.

At about 400 lines this module stays whole: it is one handler whose methods share the
pending-mappe state; the element readers it needs live in :mod:`.elements`.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from secretariat_rules.findings import DataRuleId
from secretariat_rules.i18n.message import Msg, msg
from secretariat_rules.schema.manifest import Manifest
from secretariat_rules.sources.base import SourceInventory, SourceNotice
from secretariat_rules.sources.matching import BodyMatcher, PartyMatcher
from secretariat_rules.sources.readers import RawTable, RowCollector
from secretariat_rules.sources.values import printable

from . import codes
from .dates import as_date, as_datetime, date_of
from .elements import (
    Mappe,
    Recipient,
    Registrering,
    decision_case,
    declared_kind,
    document_kind,
    first_of,
    first_texts,
    is_case_paper,
    main_description,
    meeting_ref_of,
    org_number,
    registrering_kind,
    resolved_kind,
    secretariat_present_of,
)
from .walk import children, text

__all__ = [
    "DECISION_COLUMNS",
    "DISTRIBUTION_COLUMNS",
    "DOCUMENT_COLUMNS",
    "LEFT_OUT_MESSAGES",
    "MEETING_COLUMNS",
    "NOTICE_LOCATIONS",
    "Records",
    "left_out_message",
]

DOCUMENT_COLUMNS = ("id", "title", "kind", "date", "meeting", "archive_ref", "archived")
DISTRIBUTION_COLUMNS = ("document", "party", "sent")
MEETING_COLUMNS = ("id", "body", "date", "notice_sent", "secretariat_present", "minutes")
DECISION_COLUMNS = ("id", "meeting", "case", "title", "kind", "responsible_party", "communicated")

NOTICE_LOCATIONS = 5
"""Elements a DAT006/DAT007 finding points at (the first ones); its text gives the count."""

DATE_ORDER = ("dokumentetsDato", "mottattDato", "sendtDato", "journaldato", "opprettetDato")
"""Where a document's ``date`` comes from: the first of these the registrering has."""

SENT_ORDER = ("sendtDato", "journaldato", "dokumentetsDato")
"""Where a distribution's ``sent`` comes from: the first of these the registrering has,
else the document's ``date``."""

_MAPPE_FIELDS = frozenset(
    {"systemID", "mappeID", "tittel", "saksaar", "sakssekvensnummer", "utvalg", "moetedato"}
)
_MEMO = 10_000
"""Distinct correspondents whose match is remembered (then forgotten, to bound memory)."""

# inventory left_out reasons for korrespondanseparter (no finding: see docs/plugins.md)
SENDER = "korrespondansepart: a sender, not a recipient"
NO_TYPE = "korrespondansepart: neither sender nor recipient (korrespondanseparttype)"
INCOMING = "korrespondansepart: recipient of an incoming journalpost"
NO_PARTY = "korrespondansepart: recipient that is no party"
RESEMBLES = "korrespondansepart: recipient that resembles a party (DAT007)"
SAME_PARTY = "korrespondansepart: the same party again on one registrering"
EMPTY_MAPPE = "mappe with no registrering: no record"
NO_MEETING = "moeteregistrering: a møtesak in no moetemappe (no meeting): no decision"
SAME_CASE = "moeteregistrering: a further registrering of a case already a decision"

LEFT_OUT_MESSAGES: dict[str, str] = {
    SENDER: "source.noark5.left_out.sender",
    NO_TYPE: "source.noark5.left_out.no_type",
    INCOMING: "source.noark5.left_out.incoming",
    NO_PARTY: "source.noark5.left_out.no_party",
    RESEMBLES: "source.noark5.left_out.resembles",
    SAME_PARTY: "source.noark5.left_out.same_party",
    EMPTY_MAPPE: "source.noark5.left_out.empty_mappe",
    NO_MEETING: "source.noark5.left_out.no_meeting",
    SAME_CASE: "source.noark5.left_out.same_case",
}
"""Inventory reason (a stable English key of the JSON report) → its catalogue text, as
a DAT006 finding says it (the ``en`` text is the key itself)."""


def left_out_message(reason: str, count: int) -> Msg:
    """A DAT006 reason: ``3 × mappe with no registrering: no record``, in the report's language."""
    return msg("source.left_out", count=count, reason=msg(LEFT_OUT_MESSAGES[reason]))


class Records:
    """The records of one extract, and what was seen and left out (see the module doc)."""

    def __init__(self, rel: str, manifest: Manifest) -> None:
        self.rel = rel
        self.parties = PartyMatcher(manifest.parties)
        self.bodies = BodyMatcher(manifest.bodies)
        self.open: list[Mappe] = []
        self.documents = RowCollector(DOCUMENT_COLUMNS)
        self.distributions = RowCollector(DISTRIBUTION_COLUMNS)
        self.meetings = RowCollector(MEETING_COLUMNS)
        self.decisions = RowCollector(DECISION_COLUMNS)
        self.elements: Counter[str] = Counter()
        self.left_out: Counter[str] = Counter()
        self.dropped: dict[str, list[tuple[str, int | None, str | None]]] = {}
        self.unmatched: dict[str, tuple[str, list[tuple[str, int | None, str | None]]]] = {}
        self.unmatched_count: Counter[str] = Counter()
        self.cases: set[tuple[str | None, str | None]] = set()
        self.matched: dict[tuple[str | None, str | None, str | None], str | None] = {}
        self.resembling: dict[str | None, str | None] = {}

    # ------------------------------------------------------------------ walk events

    def mappe_start(self, elem: Any, pointer: str) -> None:
        self.open.append(Mappe(declared_kind(elem), elem.sourceline, pointer))

    def mappe_field(self, name: str, elem: Any) -> None:
        mappe = self.open[-1]
        if name in _MAPPE_FIELDS:
            mappe.fields.setdefault(name, text(elem))
        elif name == "virksomhetsspesifikkeMetadata":
            mappe.meeting_ref = mappe.meeting_ref or meeting_ref_of(elem)
        elif name == "moetedeltaker":
            self.elements["moetedeltaker"] += 1
            texts = first_texts(elem)
            mappe.participants.append(
                (texts.get("moetedeltakerNavn"), texts.get("moetedeltakerFunksjon"))
            )

    def mappe_end(self, elem: Any) -> None:
        mappe = self.open.pop()
        kind = resolved_kind(mappe)
        self.elements[kind] += 1
        fields = mappe.fields
        year, sequence = fields.get("saksaar"), fields.get("sakssekvensnummer")
        case = (year, sequence) if year and sequence else None
        meeting_id = fields.get("mappeID") or fields.get("systemID")
        for record in mappe.pending:
            if record.case is None and case is not None:
                record.case = case
            record.mappe_id = record.mappe_id or fields.get("mappeID")
            if kind == "saksmappe":
                record.case_id = record.case_id or fields.get("mappeID")
            # a v3.1 registrering has no tittel of its own: its mappe's describes it
            record.values["title"] = record.values["title"] or fields.get("tittel")
            record.mappe_meeting = record.mappe_meeting or mappe.meeting_ref
            if kind == "moetemappe" and record.meeting is None:
                record.meeting = meeting_id
        if kind == "moetemappe":
            self._meeting(mappe, meeting_id)
        elif mappe.holds == 0:
            self._drop(EMPTY_MAPPE, mappe.line, mappe.pointer)
        if self.open:
            self.open[-1].pending.extend(mappe.pending)
            self.open[-1].holds += mappe.holds
        else:
            for record in mappe.pending:
                self._write(record)

    def registrering(self, elem: Any, pointer: str) -> None:
        record = self._registrering(elem, pointer)
        if self.open:
            self.open[-1].pending.append(record)
            self.open[-1].holds += 1
        else:
            self._write(record)

    # ------------------------------------------------------------------ results

    def tables(self) -> list[RawTable]:
        """The records read, one table per collection (meetings/decisions when any)."""
        out = [
            self.documents.table("documents", self.rel, None),
            self.distributions.table("distributions", self.rel, None),
        ]
        if self.meetings.cells:
            out.append(self.meetings.table("meetings", self.rel, None))
        if self.decisions.cells:
            out.append(self.decisions.table("decisions", self.rel, None))
        return out

    def inventory(self) -> SourceInventory:
        records: Counter[str] = Counter()
        for name, rows in (
            ("documents", self.documents),
            ("distributions", self.distributions),
            ("meetings", self.meetings),
            ("decisions", self.decisions),
        ):
            if rows.cells:
                records[name] = len(rows.cells)
        return SourceInventory(
            source="noark5",
            files=[self.rel],
            elements=Counter(self.elements),
            records=records,
            left_out=Counter(self.left_out),
            labels={
                reason: msg(LEFT_OUT_MESSAGES[reason])
                for reason in self.left_out
                if reason in LEFT_OUT_MESSAGES
            },
        )

    def notices(self) -> list[SourceNotice]:
        """One DAT006 per reason a registrering or mappe became no record; one DAT007."""
        subject = f"files/{self.rel}"
        out = []
        for reason, dropped in sorted(self.dropped.items()):
            count = self.left_out[reason]
            text = left_out_message(reason, count)
            out.append(SourceNotice(DataRuleId.DAT006, subject, (text,), tuple(dropped)))
        if self.unmatched:
            reasons: list[Msg] = []
            locations: list[tuple[str, int | None, str | None]] = []
            for name in sorted(self.unmatched, key=lambda n: (-self.unmatched_count[n], n)):
                party, where = self.unmatched[name]
                count = self.unmatched_count[name]
                reasons.append(
                    msg("source.noark5.resembles", name=printable(name), count=count, party=party)
                )
                locations.extend(where[:1])
            out.append(
                SourceNotice(
                    DataRuleId.DAT007, subject, tuple(reasons), tuple(locations[:NOTICE_LOCATIONS])
                )
            )
        return out

    # ------------------------------------------------------------------ mapping

    def _drop(self, reason: str, line: int | None, pointer: str | None) -> None:
        self.left_out[reason] += 1
        where = self.dropped.setdefault(reason, [])
        if len(where) < NOTICE_LOCATIONS:
            where.append((self.rel, line, pointer))

    def _registrering(self, elem: Any, pointer: str) -> Registrering:
        kind = registrering_kind(elem)
        self.elements[kind] += 1
        texts = first_texts(elem)
        descriptions = []
        own_meeting = None
        for name, child in children(elem):
            if name == "dokumentbeskrivelse":
                self.elements["dokumentbeskrivelse"] += 1
                descriptions.append(first_texts(child))
            elif name == "virksomhetsspesifikkeMetadata":
                own_meeting = own_meeting or meeting_ref_of(child)
        main = main_description(descriptions)
        journalpost = codes.journalpost_code(texts.get("journalposttype"))
        meeting_type = texts.get("moeteregistreringstype")
        document_type = main.get("dokumenttype")
        values: dict[str, str | None] = {
            "id": texts.get("systemID"),
            "title": texts.get("tittel") or texts.get("offentligTittel") or main.get("tittel"),
            "kind": document_kind(kind, document_type, meeting_type, journalpost),
            "date": as_date(first_of(texts, DATE_ORDER)),
            "meeting": None,
            "archived": as_date(texts.get("journaldato") or texts.get("arkivertDato")),
        }
        roles = {codes.code(document_type), codes.code(meeting_type)}
        role = "minutes" if roles & codes.MINUTES else "notice" if roles & codes.NOTICES else None
        sent_text = first_of(texts, SENT_ORDER)
        sent = as_datetime(sent_text) if texts.get("sendtDato") else as_date(sent_text)
        sent = sent or values["date"]
        sent_day = date_of(texts.get("sendtDato"))
        recipients = self._recipients(elem, pointer, journalpost)
        decision = None
        if texts.get("moetesakstype") is not None and is_case_paper(role, meeting_type):
            decision = {
                "case": decision_case(elem, texts),
                "title": values["title"],
                "kind": codes.DECISION_KINDS.get(codes.code(texts["moetesakstype"]), "vedtak"),
                "responsible_party": recipients[0].party if recipients else None,
                "communicated": None,
            }
        return Registrering(
            values=values,
            own_meeting=own_meeting,
            number=texts.get("journalpostnummer"),
            registrerings_id=texts.get("registreringsID"),
            line=elem.sourceline,
            pointer=pointer,
            sent=sent,
            sent_date=sent_day.isoformat() if sent_day else None,
            role=role,
            recipients=recipients,
            decision=decision,
        )

    def _recipients(self, elem: Any, pointer: str, journalpost: str | None) -> list[Recipient]:
        """The parties a registrering's recipients name (an untyped korrespondansepart of
        an outgoing journalpost is a recipient too)."""
        incoming, outgoing = journalpost == "I", journalpost == "U"
        found: list[Recipient] = []
        index = 0
        for name, part in children(elem):
            if name != "korrespondansepart":
                continue
            index += 1
            self.elements["korrespondansepart"] += 1
            where = f"{pointer}/korrespondansepart[{index}]"
            texts = first_texts(part)
            kind = codes.code(texts.get("korrespondanseparttype"))
            if kind in codes.SENDERS:
                self.left_out[SENDER] += 1
                continue
            if kind not in codes.RECIPIENTS and not (outgoing and not kind):
                self.left_out[NO_TYPE] += 1
                continue
            if incoming:
                self.left_out[INCOMING] += 1
                continue
            party_name = texts.get("korrespondansepartNavn") or texts.get("navn")
            party = self._match(org_number(part), party_name, texts.get("epostadresse"))
            if party is None:
                self._unmatched(party_name, part.sourceline, where)
            elif any(r.party == party for r in found):
                self.left_out[SAME_PARTY] += 1
            else:
                found.append(Recipient(party, part.sourceline, where))
        return found

    def _match(self, org: str | None, name: str | None, email: str | None) -> str | None:
        """``PartyMatcher.match``, remembered: an archive names the same parties again."""
        key = (org, name, email)
        if key not in self.matched:
            if len(self.matched) >= _MEMO:
                self.matched.clear()
            self.matched[key] = self.parties.match(org_number=org, name=name, email=email)
        return self.matched[key]

    def _unmatched(self, name: str | None, line: int, pointer: str) -> None:
        if name not in self.resembling:
            if len(self.resembling) >= _MEMO:
                self.resembling.clear()
            self.resembling[name] = self.parties.resembles(name)
        like = self.resembling[name]
        if name is None or like is None:
            self.left_out[NO_PARTY] += 1
            return
        self.left_out[RESEMBLES] += 1
        self.unmatched_count[name] += 1
        _, where = self.unmatched.setdefault(name, (like, []))
        if len(where) < NOTICE_LOCATIONS:
            where.append((self.rel, line, pointer))

    def _meeting(self, mappe: Mappe, meeting_id: str | None) -> None:
        fields = mappe.fields
        own = [r for r in mappe.pending if r.meeting == meeting_id]
        notices = sorted(r.sent_date for r in own if r.role == "notice" and r.sent_date)
        minutes = next((r.document_id() for r in own if r.role == "minutes"), None)
        utvalg = fields.get("utvalg")
        row = {
            "id": meeting_id,
            "body": self.bodies.match(utvalg) or utvalg,
            "date": as_date(fields.get("moetedato")),
            "notice_sent": notices[0] if notices else None,
            "secretariat_present": secretariat_present_of(mappe.participants),
            "minutes": minutes,
        }
        self.meetings.add(mappe.line, row, [], mappe.pointer)

    def _write(self, record: Registrering) -> None:
        values = dict(record.values)
        values["archive_ref"] = record.archive_ref()
        values["meeting"] = record.own_meeting or record.meeting or record.mappe_meeting
        values["id"] = record.document_id()
        self.documents.add(record.line, values, [], record.pointer)
        for recipient in record.recipients:
            row = {"document": values["id"], "party": recipient.party, "sent": record.sent}
            self.distributions.add(recipient.line, row, [], recipient.pointer)
        if record.decision is None:
            return
        if values["meeting"] is None:
            self.left_out[NO_MEETING] += 1
            return
        case = record.decision["case"]
        if case is not None and (values["meeting"], case) in self.cases:
            self.left_out[SAME_CASE] += 1  # the case's saksframlegg, vedtak and protokoll
            return
        self.cases.add((values["meeting"], case))
        decision = {"id": values["id"], "meeting": values["meeting"], **record.decision}
        decision["id"] = record.values["id"] or case or values["id"]
        self.decisions.add(record.line, decision, [], record.pointer)
