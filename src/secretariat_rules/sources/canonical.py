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
from .readers import READERS, read_table


class CanonicalAdapter:
    """``NAME.csv`` / ``.yaml`` / ``.yml`` / ``.json`` / ``.xlsx`` per collection."""

    name = "canonical"
    description = "one file per collection: NAME.csv, NAME.yaml/.yml, NAME.json or NAME.xlsx"

    def read(self, root: Path, manifest: Manifest) -> SourceOutput:
        out = SourceOutput()
        for collection in COLLECTION_MODELS:
            # every entry named like a collection file counts: a directory, a FIFO or a
            # symlink named meetings.csv is DAT004, never silently an empty collection
            files = sorted(
                p for suffix in READERS if is_present(p := root / f"{collection}{suffix}")
            )
            out.claimed.update(p.name for p in files)
            if len(files) > 1:
                names = ", ".join(p.name for p in files)
                for path in files:
                    out.problems.append(
                        FileProblem(
                            collection,
                            path.relative_to(root).as_posix(),
                            msg("data.file.two_files", collection=repr(collection), names=names),
                        )
                    )
                continue
            for path in files:
                try:
                    out.tables.append(read_table(path, root, collection))
                except DataFileError as exc:
                    out.problems.append(FileProblem(collection, exc.path, exc.message, exc.line))
        return out


@hookimpl
def secretariat_source_adapters() -> list[SourceAdapter]:
    return [CanonicalAdapter()]
