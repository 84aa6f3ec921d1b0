"""Source adapter ``noark5``: a Noark 5 archive extract (v3.1, v4.0, v5.0, v5.5).

Reads ``arkivstruktur.xml`` (or ``content/arkivstruktur.xml``, a packaged extract's
layout) in the data repository's root, namespace
``http://www.arkivverket.no/standarder/noark5/arkivstruktur`` or none. The structure is
arkiv → arkivdel → klassifikasjonssystem → klasse → mappe (``saksmappe``,
``moetemappe``, nested mapper at any depth) → registrering (``journalpost``,
``arkivnotat``, ``moeteregistrering``, ``basisregistrering``, untyped); elements named
after their type (``<journalpost>``, ``<saksmappe>``) read the same.

* **documents**: every registrering (:mod:`.records`): ``id`` systemID, ``title``
  tittel/offentligTittel, ``kind`` from dokumenttype/moeteregistreringstype/
  journalposttype, ``date`` the first of :data:`~.records.DATE_ORDER`, ``archive_ref``
  ``saksaar/sakssekvensnummer-journalpostnummer`` of the nearest saksmappe
  (``2018/1-2``), ``archived`` journaldato, ``meeting`` the enclosing moetemappe.
* **distributions**: each recipient korrespondansepart (Mottaker, Kopimottaker,
  Gruppemottaker, Intern (kopi)mottaker; by text or code) of a registrering that is no
  incoming journalpost, matched to a party by organisation number, name or alias, or
  e-mail domain; ``sent`` the first of :data:`~.records.SENT_ORDER`.
* **meetings**: every moetemappe (utvalg → body, moetedato, notice_sent, minutes,
  secretariat_present); **decisions**: a møtesak's own moeteregistrering (with a
  moetesakstype; not its notice, minutes or attachments), one per case.

Dates in every form the schemas allow are read in Europe/Oslo (:mod:`.dates`). Nothing
is dropped silently: a mappe that holds no registrering is a DAT006 notice, recipients
that resemble a party one DAT007 notice; the inventory counts every element kind seen,
the records made and what was left out (senders, non-parties...). With
``ReadOptions.schema_check`` the file is validated against its version's bundled XSD
(:mod:`.schema`, DAT008). ``docs/plugins.md`` gives the mapping field by field.

Provenance: ``_line`` is the element's line (the registrering, moetemappe or
korrespondansepart), ``_pointer`` its path, e.g.
``/arkiv/arkivdel[1]/klassifikasjonssystem[1]/klasse[2]/mappe[3]/registrering[2]``.
Security (:mod:`.walk`): streaming lxml, no entities, DTD or network; any DOCTYPE is
refused. A refused or malformed file is one DAT004 on ``files/documents``; the run goes on.

Registering the adapter imports this module only: the reading modules (:mod:`.records`,
:mod:`.walk`, :mod:`.schema`; lxml) are imported when an extract is read (issue 13).
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from secretariat_rules import hookimpl
from secretariat_rules.exceptions import DataFileError
from secretariat_rules.sources.base import FileProblem, SourceOutput
from secretariat_rules.sources.confine import is_present
from secretariat_rules.sources.readers import RawTable, read_bytes, read_data_file, relative_path

if TYPE_CHECKING:
    from secretariat_rules.schema.manifest import Manifest
    from secretariat_rules.sources.base import ReadOptions, SourceAdapter, SourceNotice

__all__ = ["COMPANIONS", "FILE_NAMES", "KINDS", "NAMESPACE", "REFUSED", "Noark5Adapter"]

_LAZY = {"KINDS": ".codes", "REFUSED": ".walk"}
"""Names re-exported from the reading modules, imported on first use (PEP 562)."""


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(module, __name__), name)


NAMESPACE = "http://www.arkivverket.no/standarder/noark5/arkivstruktur"
FILE_NAMES = ("arkivstruktur.xml", "content/arkivstruktur.xml")
"""Where the extract is looked for, relative to the data repository (first found)."""
COMPANIONS = (
    "arkivuttrekk.xml",
    "arkivstruktur.xsd",
    "metadatakatalog.xsd",
    "addml.xsd",
    "endringslogg.xml",
    "endringslogg.xsd",
    "loependeJournal.xml",
    "loependeJournal.xsd",
    "offentligJournal.xml",
    "offentligJournal.xsd",
)
"""Files an extract ships beside ``arkivstruktur.xml``: claimed (no DAT005), not read as
records; ``arkivuttrekk.xml`` names the Noark 5 version for the schema check."""


class Noark5Adapter:
    """Documents, distributions, meetings and decisions from a Noark 5 extract."""

    name = "noark5"
    description = (
        "Noark 5 archive extract arkivstruktur.xml (v3.1-v5.5): registreringer as "
        "documents, recipients as distributions, moetemapper as meetings"
    )

    def read(
        self, root: Path, manifest: Manifest, options: ReadOptions | None = None
    ) -> SourceOutput:
        out = SourceOutput()
        path = next((root / n for n in FILE_NAMES if is_present(root / n)), None)
        if path is None:
            return out
        out.claimed.add(path.relative_to(root).parts[0])
        for name in COMPANIONS:
            if path.parent == root and is_present(root / name):
                out.claimed.add(name)
        from .records import Records
        from .walk import walk

        rel = relative_path(path, root)
        try:
            data = read_data_file(path, root)
            records = Records(rel, manifest)
            walk(data, rel, records)
            out.tables.extend(records.tables())
        except DataFileError as exc:
            out.problems.append(FileProblem("documents", exc.path, exc.message, exc.line))
            return out
        out.notices.extend(records.notices())
        out.inventory = records.inventory()
        if options is not None and options.schema_check:
            out.notices.extend(_schema_notices(path, root, rel, data))
        return out


def _schema_notices(path: Path, root: Path, rel: str, data: bytes) -> list[SourceNotice]:
    from . import schema

    companion = path.parent / "arkivuttrekk.xml"
    arkivuttrekk = None
    if is_present(companion):
        try:
            arkivuttrekk = read_data_file(companion, root)
        except DataFileError:
            arkivuttrekk = None
    version = schema.detect_version(data, arkivuttrekk)
    return schema.check(data, rel, version)


def read_extract(
    path: Path, rel: str, manifest: Manifest, data: bytes | None = None
) -> list[RawTable]:
    """The tables of one ``arkivstruktur.xml`` (``data``: its bytes, if already read).

    :raises DataFileError: the file is unreadable, malformed, not an arkivstruktur, or
        declares a DOCTYPE or entities.
    """
    from .records import Records
    from .walk import walk

    if data is None:
        data = read_bytes(path, rel)
    records = Records(rel, manifest)
    walk(data, rel, records)
    return records.tables()


@hookimpl
def secretariat_source_adapters() -> list[SourceAdapter]:
    return [Noark5Adapter()]
