"""Saved eInnsyn API responses: bounded JSON, objects indexed by id, with line provenance.

A page is what a list endpoint returns, ``{"items": [...], "next": URL}`` (``items``
being objects or bare eInnsyn ids); a single object (``{"entity": "Journalpost", ...}``)
is read as a page of one. Every object with an ``id`` and an ``entity``, at any depth
(expanded fields included), is indexed by id across all files, first occurrence first,
so a reference written as an id string resolves wherever the object was saved (the
fullest occurrence of an id is kept).

Bounds are the JSON reader's (:mod:`secretariat_rules.sources.readers`): the file is
read through the trust boundary (``read_data_file``), nesting deeper than
``MAX_JSON_DEPTH`` is refused before the decoder runs, ``NaN``/``Infinity`` are not
JSON, long numbers stay text. A file that breaks them is a ``DataFileError`` (one
DAT004); the other files are still read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from secretariat_rules.exceptions import DataFileError
from secretariat_rules.i18n.message import msg
from secretariat_rules.sources.readers import (
    decode_text,
    parse_json_value,
    read_data_file,
    relative_path,
)

__all__ = ["Found", "Page", "SavedObjects", "json_object_lines", "read_page"]

_TOKENS = re.compile(r'"(?:[^"\\]++|\\.)*+"|[\[\]{},:]')


@dataclass(frozen=True)
class Found:
    """One saved object and where it is: file, line of its ``{``, JSON pointer."""

    obj: dict[str, Any]
    path: str
    line: int | None
    pointer: str

    @property
    def location(self) -> tuple[str, int | None, str | None]:
        return (self.path, self.line, self.pointer)


@dataclass
class Page:
    """One saved file: its list items (objects or ids) with their provenance."""

    path: str
    items: list[tuple[Any, int | None, str]] = field(default_factory=list)
    objects: list[Found] = field(default_factory=list)
    """Every object with an id and an entity, at any depth, in document order."""


def json_object_lines(text: str) -> dict[str, int]:
    """Line of every JSON object, array and string in an array, keyed by JSON pointer
    (``/items/3``).

    One linear pass over the string and bracket tokens; the text must be valid JSON
    (it is decoded first).
    """
    lines: dict[str, int] = {}
    stack: list[list[Any]] = []  # [kind, pointer, key or index, expecting a key]
    line, offset = 1, 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        top = stack[-1] if stack else None
        if token in "{[":
            line += text.count("\n", offset, match.start())
            offset = match.start()
            pointer = _child(top)
            lines[pointer] = line
            stack.append(["o", pointer, None, True] if token == "{" else ["a", pointer, 0, False])
        elif token in "]}":
            stack.pop()
        elif top is None:
            continue
        elif token == ",":
            if top[0] == "a":
                top[2] += 1
            else:
                top[3] = True
        elif token == ":":
            top[3] = False
        elif top[0] == "o" and top[3]:
            top[2] = json.loads(token) if "\\" in token else token[1:-1]
        elif top[0] == "a":  # a string in an array: an id reference, located too
            line += text.count("\n", offset, match.start())
            offset = match.start()
            lines[_child(top)] = line
    return lines


def _child(top: list[Any] | None) -> str:
    if top is None:
        return ""
    key = str(top[2]).replace("~", "~0").replace("/", "~1")
    return f"{top[1]}/{key}"


def read_page(path: Path, root: Path) -> Page:
    """One saved response.

    :raises DataFileError: unreadable, not JSON, too deep, or neither a list page nor
        an eInnsyn object.
    """
    rel = relative_path(path, root)
    text = decode_text(read_data_file(path, root), rel)
    value = parse_json_value(text, rel)
    lines = json_object_lines(text)
    page = Page(rel)
    if isinstance(value, dict) and isinstance(value.get("items"), list):
        for index, item in enumerate(value["items"]):
            pointer = f"/items/{index}"
            page.items.append((item, lines.get(pointer, lines.get("/items")), pointer))
    elif isinstance(value, dict) and "entity" in value:
        page.items.append((value, lines.get(""), ""))
    else:
        raise DataFileError(rel, msg("source.einnsyn.not_a_response"), 1)
    page.objects = list(_objects(value, rel, lines))
    return page


def _objects(value: Any, rel: str, lines: dict[str, int]) -> Iterator[Found]:
    """Every object with a string ``id`` and ``entity``, depth first, document order."""
    todo: list[tuple[Any, str]] = [(value, "")]
    while todo:
        node, pointer = todo.pop()
        if isinstance(node, dict):
            if isinstance(node.get("id"), str) and isinstance(node.get("entity"), str):
                yield Found(node, rel, lines.get(pointer), pointer)
            children = [(v, f"{pointer}/{_escape(k)}") for k, v in node.items()]
        elif isinstance(node, list):
            children = [(v, f"{pointer}/{i}") for i, v in enumerate(node)]
        else:
            continue
        todo.extend(reversed([c for c in children if isinstance(c[0], dict | list)]))


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


class SavedObjects:
    """Every saved object by id, to resolve expandable fields.

    Of several occurrences of one id (the object expanded in several places, or saved
    twice) the one with the most fields is kept, the first of equals: its file and line
    are the record's provenance.
    """

    def __init__(self, pages: list[Page]) -> None:
        self.by_id: dict[str, Found] = {}
        for page in pages:
            for found in page.objects:
                known = self.by_id.get(found.obj["id"])
                if known is None or len(found.obj) > len(known.obj):
                    self.by_id[found.obj["id"]] = found

    def resolve(self, value: Any) -> dict[str, Any] | None:
        """An expandable field's object: itself when expanded, else the saved one by id."""
        if isinstance(value, dict):
            ref = value.get("id")
            saved = self.by_id.get(ref) if isinstance(ref, str) else None
            return saved.obj if saved is not None and len(saved.obj) > len(value) else value
        if isinstance(value, str) and value in self.by_id:
            return self.by_id[value].obj
        return None

    def find(self, value: Any) -> Found | None:
        """The saved occurrence of an expandable field's object (id or expanded)."""
        ref = value.get("id") if isinstance(value, dict) else value
        return self.by_id.get(ref) if isinstance(ref, str) else None
