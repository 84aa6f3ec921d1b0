"""Source adapter ``norwegian-csv``: one CSV per collection with Norwegian names (Bymiljøpakken).

What Excel writes when a Norwegian user saves a sheet as "CSV (semikolondelt)":
Windows-1252 (UTF-8, with or without BOM, is read too), ``;`` (``,`` is detected),
dates ``01.03.2024``, amounts ``825 000,50``. Decoding, delimiter detection and exact line
numbers are the canonical CSV reader's; this adapter only maps names:

* the file name gives the collection, case-insensitively and with or without æ/ø/å:
  ``møter.csv``/``moter.csv`` → meetings, ``vedtak.csv`` → decisions,
  ``oppfølging.csv`` → followups, ``avvik.csv`` → deviations, ``dokumenter.csv`` →
  documents, ``utsendelser.csv`` → distributions, ``prosjekter.csv``, ``rapporter.csv``,
  ``rapportprosjekter.csv``, ``lokale_vedtak.csv`` (adoptions), ``utgifter.csv``,
  ``bompengebruk.csv``, ``representasjon.csv``, ``indikatorer.csv``,
  ``indikatorrapportering.csv``, ``analyser.csv`` (every alias:
  :data:`~.vocabulary.FILE_NAMES`); other CSV files are not this adapter's;
* headers and values are mapped by :func:`~.vocabulary.canonical_table` (``Dato``,
  ``Frist``, ``Ansvarlig part``…; ``Tertialrapport`` → ``tertial``; a party's name →
  its id).

Two files for one collection (``møter.csv`` and ``moter.csv``) are an error (DAT004), as
in the canonical layout.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from pathlib import Path

from secretariat_rules import hookimpl
from secretariat_rules.exceptions import DataFileError
from secretariat_rules.i18n.message import msg
from secretariat_rules.schema.manifest import Manifest
from secretariat_rules.sources.base import FileProblem, SourceAdapter, SourceOutput
from secretariat_rules.sources.readers import (
    decode_text,
    parse_csv,
    read_data_file,
    relative_path,
)

from .vocabulary import FILE_NAMES, canonical_table, fold

__all__ = ["NorwegianCsvAdapter", "collection_of"]


def collection_of(path: Path) -> str | None:
    """The collection a CSV file holds, by its Norwegian name; None if not one of them."""
    if path.suffix.lower() != ".csv":
        return None
    stem = fold(unicodedata.normalize("NFC", path.stem)).replace(" ", "_").replace("-", "_")
    return FILE_NAMES.get(stem)


class NorwegianCsvAdapter:
    """Semicolon CSV in Windows-1252 with Norwegian file names and headers."""

    name = "norwegian-csv"
    description = (
        "one CSV per collection with Norwegian file names and headers "
        "(møter.csv: Id;Organ;Dato…), Windows-1252 and ';' as Excel exports them"
    )

    def read(self, root: Path, manifest: Manifest) -> SourceOutput:
        out = SourceOutput()
        files: dict[str, list[Path]] = defaultdict(list)
        try:
            entries = sorted(root.iterdir())
        except OSError:
            return out
        for path in entries:
            collection = collection_of(path)
            if collection is not None:  # a FIFO or a link named like one is DAT004
                files[collection].append(path)
                out.claimed.add(path.name)
        for collection, paths in files.items():
            if len(paths) > 1:
                names = ", ".join(p.name for p in paths)
                for path in paths:
                    message = msg("source.csv.two_files", collection=repr(collection), names=names)
                    out.problems.append(FileProblem(collection, relative_path(path, root), message))
                continue
            path = paths[0]
            rel = relative_path(path, root)
            try:
                table = parse_csv(decode_text(read_data_file(path, root), rel), rel, collection)
                out.tables.append(canonical_table(table, manifest))
            except DataFileError as exc:
                out.problems.append(FileProblem(collection, exc.path, exc.message, exc.line))
        return out


@hookimpl
def secretariat_source_adapters() -> list[SourceAdapter]:
    return [NorwegianCsvAdapter()]
