"""Built-in plugin: the canonical layout, one file per collection (SPEC §2)."""

from __future__ import annotations

from pathlib import Path

from ..exceptions import DataFileError
from ..i18n.message import msg
from ..markers import hookimpl
from ..schema.collections import COLLECTION_MODELS
from ..schema.manifest import Manifest
from .base import FileProblem, SourceAdapter, SourceOutput
from .confine import is_present
from .readers import READERS, read_tables


class CanonicalAdapter:
    """``NAME.csv`` / ``.yaml`` / ``.yml`` / ``.json`` / ``.xlsx`` per collection."""

    name = "canonical"
    description = "one file per collection: NAME.csv, NAME.yaml/.yml, NAME.json or NAME.xlsx"

    def read(self, root: Path, manifest: Manifest) -> SourceOutput:
        out = SourceOutput()
        # per collection: its one file, or the problems of its several (two files for one
        # collection are DAT004 each); the files read together, reported in this order
        found: list[tuple[str, Path | list[FileProblem]]] = []
        for collection in COLLECTION_MODELS:
            # every entry named like a collection file counts: a directory, a FIFO or a
            # symlink named meetings.csv is DAT004, never silently an empty collection
            files = sorted(
                p for suffix in READERS if is_present(p := root / f"{collection}{suffix}")
            )
            out.claimed.update(p.name for p in files)
            if len(files) > 1:
                names = ", ".join(p.name for p in files)
                text = msg("data.file.two_files", collection=repr(collection), names=names)
                problems = [
                    FileProblem(collection, path.relative_to(root).as_posix(), text)
                    for path in files
                ]
                found.append((collection, problems))
            elif files:
                found.append((collection, files[0]))
        wanted = [(item, collection) for collection, item in found if isinstance(item, Path)]
        reads = iter(read_tables(wanted, root))
        for collection, item in found:
            if not isinstance(item, Path):
                out.problems.extend(item)
                continue
            read = next(reads)
            if isinstance(read, DataFileError):
                out.problems.append(FileProblem(collection, read.path, read.message, read.line))
            else:
                out.tables.append(read)
        return out


@hookimpl
def secretariat_source_adapters() -> list[SourceAdapter]:
    return [CanonicalAdapter()]
