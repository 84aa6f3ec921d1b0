"""The parts of a Noark 5 extract a :class:`~.records.Records` reads: its pending
registreringer and mapper, and the readers of one element (kinds, numbers, cases,
the main document, the secretariat among a meeting's participants)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import codes
from .walk import XSI_TYPE, children, local, text

TYPED = frozenset({"journalpost", "arkivnotat", "moeteregistrering", "basisregistrering"})
CASE = re.compile(r"[0-9]{1,5}/[0-9]{2}")


@dataclass
class Recipient:
    party: str
    line: int
    pointer: str


@dataclass
class Registrering:
    values: dict[str, str | None]
    own_meeting: str | None
    number: str | None
    registrerings_id: str | None
    line: int
    pointer: str
    sent: str | None
    sent_date: str | None
    role: str | None
    recipients: list[Recipient]
    decision: dict[str, str | None] | None
    case: tuple[str, str] | None = None
    mappe_id: str | None = None
    case_id: str | None = None
    meeting: str | None = None
    mappe_meeting: str | None = None

    def archive_ref(self) -> str | None:
        number = plain_number(self.number)
        if self.case and number:
            return f"{self.case[0]}/{plain_number(self.case[1])}-{number}"
        mappe_id = self.case_id or self.mappe_id
        if mappe_id and number:
            return f"{mappe_id}-{number}"
        return self.registrerings_id

    def document_id(self) -> str | None:
        return self.values["id"] or self.archive_ref()


@dataclass
class Mappe:
    kind: str
    line: int
    pointer: str
    fields: dict[str, str | None] = field(default_factory=dict)
    meeting_ref: str | None = None
    participants: list[tuple[str | None, str | None]] = field(default_factory=list)
    pending: list[Registrering] = field(default_factory=list)
    holds: int = 0


def first_texts(elem: Any) -> dict[str, str | None]:
    """Text of the first child of each name."""
    texts: dict[str, str | None] = {}
    for name, child in children(elem):
        texts.setdefault(name, text(child))
    return texts


def first_of(texts: dict[str, str | None], names: tuple[str, ...]) -> str | None:
    return next((texts[n] for n in names if texts.get(n)), None)


def type_name(elem: Any) -> str | None:
    declared = elem.get(XSI_TYPE)
    return declared.rsplit(":", 1)[-1].strip() if declared else None


def declared_kind(elem: Any) -> str:
    name = local(elem)
    if name in ("saksmappe", "moetemappe"):
        return name
    declared = type_name(elem)
    return declared if declared in ("saksmappe", "moetemappe") else "mappe"


def resolved_kind(mappe: Mappe) -> str:
    if mappe.kind != "mappe":
        return mappe.kind
    if has_case(mappe.fields):
        return "saksmappe"
    if mappe.fields.get("utvalg") or mappe.fields.get("moetedato"):
        return "moetemappe"
    return "mappe"


def has_case(fields: dict[str, str | None]) -> bool:
    return bool(fields.get("saksaar") and fields.get("sakssekvensnummer"))


def registrering_kind(elem: Any) -> str:
    name = local(elem)
    if name in TYPED:
        return name
    declared = type_name(elem)
    if declared is not None:
        return declared if declared in TYPED else "registrering"
    names = {n for n, _ in children(elem)}
    if names & {"journalposttype", "journalpostnummer"}:
        return "journalpost"
    if names & {"moeteregistreringstype", "moetesakstype"}:
        return "moeteregistrering"
    return "registrering"


def meeting_ref_of(metadata: Any) -> str | None:
    for child in metadata.iter():
        if local(child) == "moete" and text(child):
            return text(child)
    return None


def main_description(descriptions: list[dict[str, str | None]]) -> dict[str, str | None]:
    """The main document's (``Hoveddokument``/``H``) description, else the first."""
    for texts in descriptions:
        if codes.code(texts.get("tilknyttetRegistreringSom")) in ("hoveddokument", "h"):
            return texts
    return descriptions[0] if descriptions else {}


def document_kind(
    kind: str, document_type: str | None, meeting_type: str | None, journalpost: str | None
) -> str:
    for candidate in (document_type, meeting_type):
        if found := codes.KIND_BY_CODE.get(codes.code(candidate)):
            return found
    if journalpost is not None:
        return codes.JOURNALPOST_KINDS[journalpost]
    return "notat" if kind == "arkivnotat" else "annet"


def plain_number(value: str | None) -> str | None:
    """Digits without leading zeros (``013`` → ``13``); other text as given."""
    if value is None:
        return None
    return str(int(value)) if value.isascii() and value.isdigit() else value


def org_number(part: Any) -> str | None:
    for elem in part.iter():
        if local(elem) == "organisasjonsnummer" and text(elem):
            return text(elem)
    return None


def decision_case(elem: Any, texts: dict[str, str | None]) -> str | None:
    """``moetesakssekvensnummer/YY`` (``49/20``), else a registreringsID that is one."""
    found: dict[str, str] = {}
    for child in elem.iter():
        name = local(child)
        if name in ("moetesaksaar", "moetesakssekvensnummer") and text(child):
            found.setdefault(name, text(child) or "")
    year, number = found.get("moetesaksaar"), found.get("moetesakssekvensnummer")
    if year and number and year.isdigit() and number.isdigit():
        return f"{int(number)}/{year[-2:]}"
    ident = texts.get("registreringsID")
    return ident if ident and CASE.fullmatch(ident) else None


def is_case_paper(role: str | None, meeting_type: str | None) -> bool:
    """A møtesak's own registrering (saksframlegg, vedtak, saksprotokoll; v3.1 gives every
    moeteregistrering a moetesakstype): not the notice, minutes or an attachment."""
    return role is None and codes.code(meeting_type) not in codes.ATTACHMENTS


def secretariat_present_of(participants: list[tuple[str | None, str | None]]) -> str | None:
    """``true`` when a participant's function (or name) is the secretariat, ``false``
    when participants are listed but none is; empty when none are listed."""
    if not participants:
        return None
    for name, function in participants:
        if any(codes.SECRETARIAT.search(t or "") for t in (function, name)):
            return "true"
    return "false"
