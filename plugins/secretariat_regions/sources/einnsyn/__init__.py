"""Source adapter ``einnsyn``: the public journal (eInnsyn REST API responses, saved).

Layout: the directory ``einnsyn/`` in the data repository holds the responses of the
eInnsyn API as saved (``secretariat-rules pull einnsyn`` writes exactly this):
``journalpost-0001.json``, ``moetemappe-0001.json``, ``moetesak-0001.json``… one list
page each (``{"items": [...], "next": URL}``), read in sorted file-name order; every
``*.json`` there is read, whatever its name. ``pull-state`` (the resume state of
``pull``) is not read. Models: ``felleslosninger/einnsyn-api-spec``
(``typespec/einnsyn.arkiv.models.tsp``). Expandable fields (an id string or the object)
are resolved across all saved files by id.

**documents** — one per ``Journalpost``:

=============  ==========================================================================
field          from
=============  ==========================================================================
id             ``systemId`` (the records system's id), else ``externalId``, else ``id``
title          ``offentligTittel`` (the public, possibly redacted title)
kind           the main ``dokumentbeskrivelse``'s (``tilknyttetRegistreringSom``
               Hoveddokument, else the first) ``dokumenttype`` as the Noark 5 adapter maps
               it, else ``journalposttype``: ``saksframlegg``/``sakskart`` → saksdokument,
               ``moeteprotokoll``/``moetebok`` → referat, ``inngaaende_``/``utgaaende_
               dokument`` → brev, ``organinternt_…`` → notat, else annet
date           ``dokumentetsDato``, else ``journaldato``
meeting        the ``Moetemappe`` one of whose ``moetedokument`` or ``moetesak`` registers
               the same ``dokumentbeskrivelse`` (by id): a journalpost has no meeting field
archive_ref    the ``saksmappe``'s ``saksaar/sakssekvensnummer`` + ``-journalpostnummer``
               (``2024/140-2``), else ``saksnummer-journalpostnummer``, else
               ``journalaar/journalsekvensnummer``
archived       ``journaldato``
=============  ==========================================================================

A ``Moetedokument`` that registers a journalpost's document (a shared
``dokumentbeskrivelse``) is that journalpost's record; any other becomes a document of
its own: ``kind`` from ``moetedokumenttype`` (``innkalling``/``saksliste`` →
saksdokument, ``protokoll`` → referat), ``meeting`` its ``moetemappe``, ``date`` its
``publisertDato`` (Oslo date) else the meeting's date, no ``archive_ref``/``archived``
(a meeting document has no journal date).

**distributions** — each ``korrespondansepart`` of a document whose
``korrespondanseparttype`` is a recipient (``mottaker``, ``kopimottaker``,
``gruppemottaker`` and their ``intern_`` forms; never ``avsender``/``medavsender``),
matched to a party with :class:`~secretariat_rules.sources.matching.PartyMatcher`
(``korrespondansepartNavn``, then ``epostadresse``'s domain; the public journal has no
organisation numbers). ``sent`` is the document's ``date`` (``dokumentetsDato``, else
``journaldato``) as a bare date, i.e. 00:00 Europe/Oslo: **the public journal records no
sending time**, so SEK008's ``tolerance_hours`` is judged by date (two parties sent a
document on consecutive days are 24 h apart, the same day 0 h).

**meetings** — one per ``Moetemappe`` whose committee is a manifest body
(:class:`~secretariat_rules.sources.matching.BodyMatcher` on ``utvalgObjekt``'s ``navn``,
then ``utvalg``, then ``utvalgObjekt``'s ``enhetskode``): ``id`` as for documents,
``date`` = ``moetedato``'s Oslo date, ``notice_sent`` = the date of its notice (a linked
document of ``journalposttype`` ``sakskart`` or ``moetedokumenttype`` ``innkalling``),
``minutes`` = its earliest linked ``referat``; ``secretariat_present`` stays empty.

**decisions** — one per ``Moetesak`` of a read meeting: ``id`` as above, ``meeting`` its
``moetemappe``, ``case`` ``moetesakssekvensnummer/YY`` (``2/24``), ``title``
``offentligTittel``, ``kind`` ``orientering`` for ``moetesakstype`` ``orientering`` or
``referat``, else ``vedtak``; ``responsible_party`` and ``communicated`` stay empty.

What the public journal cannot tell: a sending time (dates only); whether the secretariat
attended a meeting; who is responsible for following a decision up, and when it was
communicated; the organisation number of a correspondent; screened content (titles with
``*****``, screened correspondent names — kept as records where the object is there,
counted otherwise); anything not published (``accessibleAfter``, deleted objects).

Nothing is dropped silently: every Journalpost, Moetemappe, Moetesak, Moetedokument and
Korrespondansepart is a record, merged into one, or counted in the inventory with its
reason. Objects of the journal left out (deleted, of no manifest body, a list item whose
object was not saved, an entity not read, a correspondent of unknown type…) are one
DAT006 notice per reason on ``files/einnsyn`` with the count and up to five locations
(file, line of the object's ``{``, JSON pointer ``/items/3``); the dataset makes them one
DAT006 finding listing every reason. Recipients that match no
party but resemble one are one DAT007 warning listing each name, its count and the party;
other non-party recipients (a contractor, the press), senders and screened names are
counted in the inventory only. Supporting entities (Saksmappe, Enhet,
Dokumentbeskrivelse, Skjerming, Vedtak…) are read as attributes of a record.

A file that cannot be read (not JSON, nested deeper than the JSON bound, neither a list
page nor an object, a symlink…) is one DAT004 on ``files/documents`` (``journalpost*``
and other files), ``files/meetings`` (``moetemappe*``) or ``files/decisions``
(``moetesak*``); the other files are still read.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from secretariat_rules import hookimpl
from secretariat_rules.exceptions import DataFileError
from secretariat_rules.i18n.message import msg
from secretariat_rules.sources.base import FileProblem, SourceOutput
from secretariat_rules.sources.confine import is_present

if TYPE_CHECKING:
    from secretariat_rules.schema.manifest import Manifest
    from secretariat_rules.sources.base import SourceAdapter

    from .pages import Page

__all__ = ["DIRECTORY", "EinnsynAdapter", "page_files"]

DIRECTORY = "einnsyn"
_COLLECTION_OF_PREFIX = {"moetemappe": "meetings", "moetesak": "decisions"}


def page_files(root: Path) -> list[Path]:
    """The saved pages under ``root/einnsyn``, sorted by name (entries not checked yet)."""
    directory = root / DIRECTORY
    try:
        return sorted(p for p in directory.iterdir() if p.name.lower().endswith(".json"))
    except OSError:
        return []


class EinnsynAdapter:
    """Documents, distributions, meetings and decisions from saved eInnsyn responses."""

    name = "einnsyn"
    description = (
        "eInnsyn public journal responses under einnsyn/: Journalpost, Moetemappe, "
        "Moetesak as documents, distributions, meetings and decisions"
    )

    def read(self, root: Path, manifest: Manifest) -> SourceOutput:
        out = SourceOutput()
        directory = root / DIRECTORY
        if not is_present(directory):
            return out
        out.claimed.add(DIRECTORY)
        if directory.is_symlink() or not directory.is_dir():
            problem = FileProblem("documents", DIRECTORY, msg("source.einnsyn.not_a_directory"))
            out.problems.append(problem)
            return out
        # the reading modules are imported when the directory is there (issue 13)
        from .mapping import Capture
        from .pages import read_page

        pages: list[Page] = []
        for path in page_files(root):
            try:
                pages.append(read_page(path, root))
            except DataFileError as exc:
                collection = _COLLECTION_OF_PREFIX.get(
                    path.name.lower().split("-", 1)[0], "documents"
                )
                out.problems.append(FileProblem(collection, exc.path, exc.message, exc.line))
        capture = Capture(pages, manifest)
        out.tables.extend(capture.tables())
        out.notices.extend(capture.notices())
        out.inventory = capture.inventory
        return out


@hookimpl
def secretariat_source_adapters() -> list[SourceAdapter]:
    return [EinnsynAdapter()]
