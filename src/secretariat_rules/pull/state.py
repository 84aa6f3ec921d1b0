"""Resumable downloads: the state file, and pages written atomically.

The state is ``DATA_DIR/einnsyn/pull-state`` (JSON, not ``*.json``, so the adapter does
not read it as a page)::

    {"version": 1, "query": {...the options of the pull...},
     "entities": {"Journalpost": {"next": URL or null, "pages": 3, "done": false}, ...}}

It is rewritten after each saved page, and each page before it, both atomically (a
temporary file beside the target, then ``os.replace``): an interrupted pull leaves
complete pages and a state naming the next page to fetch. A page saved whose state
update was lost is fetched again into the same file name.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..exceptions import cannot_write as cannot_write_text
from ..i18n.message import msg
from .client import PullError

__all__ = ["STATE_NAME", "EntityState", "PullState", "cannot_write", "write_atomic"]

STATE_NAME = "pull-state"
VERSION = 1


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a reader sees the old or the new file, never half.

    :raises PullError: the file cannot be written (no permission, a full disk): exit 2,
        the pages saved before it and the state stay.
    """
    try:
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise cannot_write(path, exc) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise cannot_write(path, exc) from None
        raise


def cannot_write(path: Path, exc: OSError) -> PullError:
    """The error of a file or directory of the download that cannot be written."""
    return PullError(cannot_write_text(path, exc))


@dataclass
class EntityState:
    """Where the download of one entity stands."""

    next: str | None
    pages: int = 0
    done: bool = False


@dataclass
class PullState:
    """The saved query and each entity's progress."""

    query: dict[str, Any]
    entities: dict[str, EntityState] = field(default_factory=dict)

    @classmethod
    def load(cls, directory: Path) -> PullState | None:
        """The state saved in ``directory``, or None when there is none.

        :raises PullError: the file is not a state this version wrote.
        """
        path = directory / STATE_NAME
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entities = {
                name: EntityState(
                    next=item["next"], pages=int(item["pages"]), done=bool(item["done"])
                )
                for name, item in data["entities"].items()
            }
            if data["version"] != VERSION or not isinstance(data["query"], dict):
                raise ValueError("unknown version")
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise PullError(
                msg("error.pull.bad_state", path=str(path), kind=type(exc).__name__)
            ) from None
        return cls(data["query"], entities)

    def save(self, directory: Path) -> None:
        data = {
            "version": VERSION,
            "query": self.query,
            "entities": {
                name: {"next": s.next, "pages": s.pages, "done": s.done}
                for name, s in self.entities.items()
            },
        }
        text = json.dumps(data, indent=2, sort_keys=True) + "\n"
        write_atomic(directory / STATE_NAME, text.encode())
