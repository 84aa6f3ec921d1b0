"""The eInnsyn terms :mod:`.mapping` reads: entity names, type codes and the kinds they
map to, the reasons an object is counted with instead of becoming a record, the columns
of each collection; and the readers of one value (an id, a cell text, a date, a case).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo

from ..noark5.records import (  # the same columns as a Noark 5 extract fills
    DECISION_COLUMNS,
    DISTRIBUTION_COLUMNS,
    DOCUMENT_COLUMNS,
    MEETING_COLUMNS,
)

__all__ = [
    "COLUMNS",
    "DECISION_COLUMNS",
    "DISTRIBUTION_COLUMNS",
    "DOCUMENT_COLUMNS",
    "JOURNALPOST_KINDS",
    "LEFT_OUT",
    "MAX_LOCATIONS",
    "MEETING_COLUMNS",
    "MEETING_DOCUMENT_KINDS",
    "MERGED",
    "NOTICE_TYPES",
    "ORIENTERING",
    "OSLO",
    "PART_MERGED",
    "PART_NO_PARTY",
    "PART_RESEMBLES",
    "PART_SAME_PARTY",
    "PART_SCREENED",
    "PART_SENDER",
    "RECIPIENT_TYPES",
    "RECORD_ENTITIES",
    "SCREENED",
    "SENDER_TYPES",
    "SUBJECT",
    "SUPPORT_ENTITIES",
    "SURROGATE",
    "case_number",
    "listed",
    "oslo_date",
    "record_id",
    "text",
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

SCREENED = re.compile(r"^[\s*]*\*[\s*]*$")
SURROGATE = re.compile("[\ud800-\udfff]")

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


def listed(obj: dict[str, Any], key: str) -> list[Any]:
    """``obj[key]`` if it is a list, else no items."""
    value = obj.get(key)
    return value if isinstance(value, list) else []


def case_number(obj: dict[str, Any]) -> str | None:
    """``moetesakssekvensnummer/YY`` (``2/24``), as the steering group numbers its cases."""
    seq, year = text(obj.get("moetesakssekvensnummer")), text(obj.get("moetesaksaar"))
    if seq and year and year.isdigit():
        return f"{seq}/{int(year) % 100:02d}"
    return None
