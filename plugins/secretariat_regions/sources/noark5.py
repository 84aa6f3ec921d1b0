"""Source adapter ``noark5``: documents and distributions from a Noark 5 archive extract.

Reads ``arkivstruktur.xml`` (or ``content/arkivstruktur.xml``, the layout of a packaged
extract) in the data repository's root, namespace
``http://www.arkivverket.no/standarder/noark5/arkivstruktur`` (elements are matched by
local name, so an extract without the namespace reads the same). The structure is
arkiv → arkivdel → klassifikasjonssystem → klasse → mappe (``saksmappe``) → registrering
(``journalpost``) → dokumentbeskrivelse → dokumentobjekt; a registrering directly under
an arkivdel or klasse is read too.

**documents**: one per journalpost (a ``registrering`` of ``xsi:type="journalpost"``, or
without a type but with ``journalposttype``/``journalpostnummer``):

==============  ==========================================================================
field           from
==============  ==========================================================================
id              ``systemID``; without one, the ``archive_ref``
title           the journalpost's ``tittel``
kind            the main document's (``tilknyttetRegistreringSom`` Hoveddokument, else the
                first) ``dokumenttype``, else the ``journalposttype``; see :data:`KINDS`
date            ``dokumentetsDato``
meeting         ``virksomhetsspesifikkeMetadata/moete`` of the journalpost, else of its mappe
archive_ref     ``saksaar/sakssekvensnummer-journalpostnummer`` of the saksmappe, e.g.
                ``2024/201-2`` (leading zeros dropped); else ``mappeID-journalpostnummer``;
                else the ``registreringsID``
archived        ``journaldato``
==============  ==========================================================================

``saksaar``/``sakssekvensnummer`` follow a saksmappe's registreringer, so journalposts
are buffered per mappe and written when the mappe ends.

**distributions**: for each outgoing journalpost (``journalposttype`` ``U`` / *Utgående
dokument*), each ``korrespondansepart`` that is a recipient (any type except a sender:
``Avsender``/``EA``/``IA``) and names a party of the manifest: by organisation number (an
``organisasjonsnummer`` element anywhere in it, spaces ignored), else by name
(``korrespondansepartNavn`` or ``navn``, equal to a party's name or id, case- and
space-insensitively). ``sent`` is the journalpost's ``sendtDato`` (a bare date means
00:00 Europe/Oslo; without one, the distribution has no ``sent`` and is a DAT001 at its
``korrespondansepart``). A recipient that is no party (a contractor, the press) is
skipped; the document itself is kept, and each distribution points at its own
``korrespondansepart`` element.

Provenance: ``_line`` is the element's line (the ``registrering`` for a document, the
``korrespondansepart`` for a distribution), ``_pointer`` its path, e.g.
``/arkiv/arkivdel[1]/klassifikasjonssystem[1]/klasse[2]/mappe[3]/registrering[2]``.

Security: the file is parsed streaming with lxml (``iterparse``, elements cleared as
they are read) and never resolves entities, loads a DTD or touches the network. Any
``DOCTYPE``/``ENTITY`` is refused: the prolog is scanned before parsing, and the parser's
own record of a DOCTYPE is checked at the root element. A refused or malformed file is
one DAT004 finding on ``files/documents`` (with the line where known); the run goes on.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from secretariat_rules import hookimpl
from secretariat_rules.exceptions import DataFileError
from secretariat_rules.schema.manifest import Manifest, Party
from secretariat_rules.sources.base import FileProblem, SourceAdapter, SourceOutput
from secretariat_rules.sources.confine import MAX_XML_DEPTH, is_present
from secretariat_rules.sources.readers import (
    RawTable,
    RowCollector,
    read_bytes,
    read_data_file,
    relative_path,
)

from .vocabulary import normalize

__all__ = ["FILE_NAMES", "KINDS", "NAMESPACE", "Noark5Adapter"]

NAMESPACE = "http://www.arkivverket.no/standarder/noark5/arkivstruktur"
FILE_NAMES = ("arkivstruktur.xml", "content/arkivstruktur.xml")
"""Where the extract is looked for, relative to the data repository (first found)."""

_XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
_STRUCTURE = frozenset({"arkiv", "arkivdel", "klassifikasjonssystem", "klasse", "mappe"})
_HEAD_BYTES = 65536
REFUSED = "DTDs and entities are refused"

DOCUMENT_COLUMNS = ("id", "title", "kind", "date", "meeting", "archive_ref", "archived")
DISTRIBUTION_COLUMNS = ("document", "party", "sent")

KINDS: dict[str, str] = {
    "saksframlegg": "saksdokument",
    "saksdokument": "saksdokument",
    "saksliste": "saksdokument",
    "sakskart": "saksdokument",
    "innkalling": "saksdokument",
    "møteinnkalling": "saksdokument",
    "møtereferat": "referat",
    "referat": "referat",
    "møteprotokoll": "referat",
    "protokoll": "referat",
    "rapport": "rapport",
    "notat": "notat",
    "arkivnotat": "notat",
    "brev": "brev",
}
"""``dokumenttype`` (case-insensitive) → document kind; checked first."""

JOURNALPOST_KINDS: dict[str, str] = {"S": "saksdokument", "N": "notat", "X": "notat"}
"""``journalposttype`` code → document kind when ``dokumenttype`` says nothing known;
incoming and outgoing mail (``I``, ``U``) is ``brev``; anything else ``annet``."""

_JOURNALPOST_TYPES = {
    "i": "I",
    "inngående dokument": "I",
    "u": "U",
    "utgående dokument": "U",
    "n": "N",
    "organinternt dokument for oppfølging": "N",
    "x": "X",
    "organinternt dokument uten oppfølging": "X",
    "s": "S",
    "saksframlegg": "S",
}
_SENDERS = frozenset({"avsender", "ea", "ia", "intern avsender"})


class Noark5Adapter:
    """Documents and distributions from a Noark 5 ``arkivstruktur.xml``."""

    name = "noark5"
    description = (
        "Noark 5 archive extract arkivstruktur.xml: journalposts as documents, "
        "outgoing journalposts' recipients as distributions"
    )

    def read(self, root: Path, manifest: Manifest) -> SourceOutput:
        out = SourceOutput()
        path = next((root / n for n in FILE_NAMES if is_present(root / n)), None)
        if path is None:
            return out
        out.claimed.add(path.relative_to(root).parts[0])
        rel = relative_path(path, root)
        try:
            data = read_data_file(path, root)
            out.tables.extend(read_extract(path, rel, manifest.parties, data))
        except DataFileError as exc:
            out.problems.append(FileProblem("documents", exc.path, exc.message, exc.line))
        return out


# --------------------------------------------------------------------------- parsing


@dataclass
class _Recipient:
    party: str
    line: int
    pointer: str


@dataclass
class _Journalpost:
    values: dict[str, str | None]
    journalpostnummer: str | None
    registrerings_id: str | None
    line: int
    pointer: str
    outgoing: bool
    sent: str | None
    recipients: list[_Recipient]


@dataclass
class _Mappe:
    fields: dict[str, str | None] = field(default_factory=dict)
    pending: list[_Journalpost] = field(default_factory=list)


@dataclass
class _Frame:
    name: str
    pointer: str
    counts: dict[str, int] = field(default_factory=dict)
    mappe: _Mappe | None = None


class _Extract:
    """Streaming state: the open elements, and the rows written so far."""

    def __init__(self, rel: str, parties: list[Party]) -> None:
        self.rel = rel
        self.matcher = _PartyMatcher(parties)
        self.stack: list[_Frame] = []
        self.documents = RowCollector(DOCUMENT_COLUMNS)
        self.distributions = RowCollector(DISTRIBUTION_COLUMNS)

    def start(self, elem: Any) -> None:
        name = _local(elem)
        if len(self.stack) >= MAX_XML_DEPTH:
            raise DataFileError(
                self.rel, f"elements nested deeper than {MAX_XML_DEPTH} levels", elem.sourceline
            )
        if not self.stack:
            _refuse_doctype(elem, self.rel)
            if name != "arkiv":
                raise DataFileError(
                    self.rel,
                    f"expected a Noark 5 arkivstruktur (root element 'arkiv'), found {name!r}",
                    elem.sourceline,
                )
            self.stack.append(_Frame(name, f"/{name}"))
            return
        parent = self.stack[-1]
        index = parent.counts[name] = parent.counts.get(name, 0) + 1
        mappe = _Mappe() if name == "mappe" else None
        self.stack.append(_Frame(name, f"{parent.pointer}/{name}[{index}]", mappe=mappe))

    def end(self, elem: Any) -> None:
        frame = self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        if parent is not None and parent.name not in _STRUCTURE:
            return  # inside a record or a metadata group: read with its ancestor
        if frame.name == "registrering":
            self._registrering(elem, frame)
        elif frame.name == "mappe" and frame.mappe is not None:
            self._close_mappe(frame.mappe)
        elif parent is not None and parent.mappe is not None:
            _mappe_field(parent.mappe, frame.name, elem)
        elem.clear()
        if parent is not None:
            while elem.getprevious() is not None:
                del elem.getparent()[0]

    def _registrering(self, elem: Any, frame: _Frame) -> None:
        if not _is_journalpost(elem):
            return
        record = _journalpost(elem, frame, self.matcher)
        mappe = next((f.mappe for f in reversed(self.stack) if f.mappe is not None), None)
        if mappe is None:
            self._write(record, _Mappe())
        else:
            mappe.pending.append(record)

    def _close_mappe(self, mappe: _Mappe) -> None:
        for record in mappe.pending:
            self._write(record, mappe)
        mappe.pending.clear()

    def _write(self, record: _Journalpost, mappe: _Mappe) -> None:
        values = dict(record.values)
        values["archive_ref"] = _archive_ref(record, mappe.fields)
        values["meeting"] = values["meeting"] or mappe.fields.get("meeting")
        values["id"] = values["id"] or values["archive_ref"]
        self.documents.add(record.line, values, [], record.pointer)
        if not record.outgoing:
            return
        for recipient in record.recipients:
            row = {"document": values["id"], "party": recipient.party, "sent": record.sent}
            self.distributions.add(recipient.line, row, [], recipient.pointer)


def read_extract(
    path: Path, rel: str, parties: list[Party], data: bytes | None = None
) -> list[RawTable]:
    """The documents and distributions tables of one ``arkivstruktur.xml``.

    ``data`` is the file's bytes as the trust boundary read them (the file is then not
    opened again); without it the file at ``path`` is read.

    :raises DataFileError: the file is unreadable, malformed, not an arkivstruktur, or
        declares a DOCTYPE or entities.
    """
    if data is None:
        data = read_bytes(path, rel)
    _refuse_dtd_in_prolog(data, rel)
    extract = _Extract(rel, parties)
    try:
        for event, elem in _events(data):
            if event == "start":
                extract.start(elem)
            else:
                extract.end(elem)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno and exc.lineno > 0 else None
        raise DataFileError(rel, f"malformed XML: {exc.msg}", line) from exc
    except etree.LxmlError as exc:  # pragma: no cover - lxml's other parse failures
        raise DataFileError(rel, f"cannot parse the XML: {exc}") from exc
    except OSError as exc:
        raise DataFileError(rel, f"cannot read the file: {exc.strerror or exc}") from exc
    if extract.stack:  # pragma: no cover - the parser reports unclosed elements
        raise DataFileError(rel, "malformed XML: the document ends inside an element")
    return [
        extract.documents.table("documents", rel, None),
        extract.distributions.table("distributions", rel, None),
    ]


def _events(data: bytes) -> Iterator[tuple[str, Any]]:
    return iter(
        etree.iterparse(
            io.BytesIO(data),
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
        )
    )


# --------------------------------------------------------------------------- security

_PROLOG_ITEM = re.compile(rb"\s+|<\?.*?\?>|<!--.*?-->", re.DOTALL)


def _refuse_dtd_in_prolog(data: bytes, rel: str) -> None:
    """Refuse a DOCTYPE (or an ENTITY) in the prolog, before any parser sees the file."""
    head = data[:_HEAD_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="replace").encode("utf-8")
    elif head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    offset = 0
    while match := _PROLOG_ITEM.match(head, offset):
        offset = match.end()
    rest = head[offset : offset + 9].upper()
    if rest.startswith((b"<!DOCTYPE", b"<!ENTITY")):
        line = head.count(b"\n", 0, offset) + 1
        raise DataFileError(rel, f"{REFUSED} (a DOCTYPE declaration)", line)


def _refuse_doctype(root: Any, rel: str) -> None:
    """The parser's own record: a DOCTYPE the prolog scan could not see is refused too."""
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise DataFileError(rel, f"{REFUSED} (a DOCTYPE declaration)")


# --------------------------------------------------------------------------- records


def _local(elem: Any) -> str:
    tag = elem.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(elem: Any) -> str | None:
    text = (elem.text or "").strip()
    return text or None


def _children(elem: Any) -> Iterator[tuple[str, Any]]:
    for child in elem:
        name = _local(child)
        if name:
            yield name, child


def _first_texts(elem: Any) -> dict[str, str | None]:
    """Text of the first child of each name."""
    texts: dict[str, str | None] = {}
    for name, child in _children(elem):
        texts.setdefault(name, _text(child))
    return texts


def _is_journalpost(elem: Any) -> bool:
    kind = elem.get(_XSI_TYPE)
    if kind is not None:
        return kind.rsplit(":", 1)[-1] == "journalpost"
    names = {name for name, _ in _children(elem)}
    return bool(names & {"journalposttype", "journalpostnummer"})


def _meeting(metadata: Any) -> str | None:
    for child in metadata.iter():
        if _local(child) == "moete" and _text(child):
            return _text(child)
    return None


def _mappe_field(mappe: _Mappe, name: str, elem: Any) -> None:
    if name in ("saksaar", "sakssekvensnummer", "mappeID"):
        mappe.fields[name] = _text(elem)
    elif name == "virksomhetsspesifikkeMetadata":
        mappe.fields["meeting"] = _meeting(elem)


def _journalpost(elem: Any, frame: _Frame, matcher: _PartyMatcher) -> _Journalpost:
    texts = _first_texts(elem)
    meeting = None
    descriptions: list[dict[str, str | None]] = []
    recipients: list[_Recipient] = []
    seen: set[str] = set()
    parts = 0
    for name, child in _children(elem):
        if name == "virksomhetsspesifikkeMetadata":
            meeting = meeting or _meeting(child)
        elif name == "dokumentbeskrivelse":
            descriptions.append(_first_texts(child))
        elif name == "korrespondansepart":
            parts += 1
            party = matcher.recipient(child)
            if party is not None and party not in seen:
                seen.add(party)
                pointer = f"{frame.pointer}/korrespondansepart[{parts}]"
                recipients.append(_Recipient(party, child.sourceline, pointer))
    code = _JOURNALPOST_TYPES.get(normalize(texts.get("journalposttype") or ""))
    values: dict[str, str | None] = {
        "id": texts.get("systemID"),
        "title": texts.get("tittel"),
        "kind": _kind(_main_document_type(descriptions), code),
        "date": texts.get("dokumentetsDato"),
        "meeting": meeting,
        "archived": texts.get("journaldato"),
    }
    return _Journalpost(
        values=values,
        journalpostnummer=texts.get("journalpostnummer"),
        registrerings_id=texts.get("registreringsID"),
        line=elem.sourceline,
        pointer=frame.pointer,
        outgoing=code == "U",
        sent=texts.get("sendtDato"),
        recipients=recipients,
    )


def _main_document_type(descriptions: list[dict[str, str | None]]) -> str | None:
    """``dokumenttype`` of the main document (Hoveddokument), else of the first."""
    for texts in descriptions:
        if normalize(texts.get("tilknyttetRegistreringSom") or "") in ("hoveddokument", "h"):
            return texts.get("dokumenttype")
    return descriptions[0].get("dokumenttype") if descriptions else None


def _kind(document_type: str | None, code: str | None) -> str:
    if document_type and (kind := KINDS.get(normalize(document_type))):
        return kind
    if code in ("I", "U"):
        return "brev"
    return JOURNALPOST_KINDS.get(code or "", "annet")


def _number(text: str | None) -> str | None:
    """Digits without leading zeros (``013`` → ``13``); other text as given."""
    if text is None:
        return None
    return str(int(text)) if text.isdigit() else text


def _archive_ref(record: _Journalpost, mappe: dict[str, str | None]) -> str | None:
    number = _number(record.journalpostnummer)
    year, sequence = mappe.get("saksaar"), _number(mappe.get("sakssekvensnummer"))
    if year and sequence and number:
        return f"{year}/{sequence}-{number}"
    if mappe.get("mappeID") and number:
        return f"{mappe['mappeID']}-{number}"
    return record.registrerings_id


class _PartyMatcher:
    """Finds the manifest party a korrespondansepart names."""

    def __init__(self, parties: list[Party]) -> None:
        self.by_org = {p.org_number: p.id for p in parties if p.org_number}
        self.by_name: dict[str, str] = {}
        for party in parties:
            self.by_name.setdefault(normalize(party.id), party.id)
        for party in parties:
            self.by_name[normalize(party.name)] = party.id

    def recipient(self, part: Any) -> str | None:
        """The party id of a recipient; None for a sender or a non-party."""
        texts = _first_texts(part)
        if normalize(texts.get("korrespondanseparttype") or "") in _SENDERS:
            return None
        for elem in part.iter():
            if _local(elem) == "organisasjonsnummer" and _text(elem):
                digits = re.sub(r"\s", "", _text(elem) or "")
                if digits in self.by_org:
                    return self.by_org[digits]
        name = texts.get("korrespondansepartNavn") or texts.get("navn")
        return self.by_name.get(normalize(name)) if name else None


@hookimpl
def secretariat_source_adapters() -> list[SourceAdapter]:
    return [Noark5Adapter()]
