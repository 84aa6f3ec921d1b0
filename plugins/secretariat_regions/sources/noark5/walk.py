"""Streaming, refusing walk over an ``arkivstruktur.xml``: mapper and registreringer.

The file is parsed with lxml's ``iterparse`` (elements cleared as they are read), never
resolving entities, loading a DTD or touching the network. Any ``DOCTYPE``/``ENTITY`` is
refused: the prolog is scanned before parsing, and the parser's own record of a DOCTYPE
is checked at the root element. Elements are matched by local name, so an extract
without the namespace reads the same.

The walk tells a :class:`Handler` about the archive's structure: a mappe (``mappe`` of
any ``xsi:type``, or an element named ``saksmappe``/``moetemappe``) opening, each of its
own fields (a direct child that is no mappe or registrering) and its end; each
registrering (``registrering`` of any ``xsi:type``, or an element named ``journalpost``,
``arkivnotat``, ``moeteregistrering``, ``basisregistrering``) as a whole element. Only a
registrering is held in memory whole; everything else is cleared once read.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from secretariat_rules.exceptions import DataFileError
from secretariat_rules.i18n.message import msg
from secretariat_rules.sources.confine import MAX_XML_DEPTH

__all__ = ["MAPPER", "REFUSED", "REGISTRERINGER", "Handler", "children", "local", "text", "walk"]

REFUSED = "DTDs and entities are refused"
"""The start of the refusal's English text (``source.noark5.doctype``)."""
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
MAPPER = frozenset({"mappe", "saksmappe", "moetemappe"})
REGISTRERINGER = frozenset(
    {"registrering", "journalpost", "arkivnotat", "moeteregistrering", "basisregistrering"}
)
_STRUCTURE = frozenset({"arkiv", "arkivdel", "klassifikasjonssystem", "klasse"}) | MAPPER
_HEAD_BYTES = 65536


class Handler(Protocol):
    """What the walk reports, in document order."""

    def mappe_start(self, elem: Any, pointer: str) -> None: ...

    def mappe_field(self, name: str, elem: Any) -> None: ...

    def mappe_end(self, elem: Any) -> None: ...

    def registrering(self, elem: Any, pointer: str) -> None: ...


@dataclass
class _Frame:
    name: str
    pointer: str
    live: bool = True
    """A direct child of a structure element whose ancestors are all live: reported."""
    counts: dict[str, int] = field(default_factory=dict)


_LOCAL: dict[str, str] = {}
_LOCAL_MAX = 4096


def local(elem: Any) -> str:
    """An element's name without its namespace ('' for a comment or PI)."""
    tag = elem.tag
    if not isinstance(tag, str):
        return ""
    name = _LOCAL.get(tag)
    if name is None:
        name = tag.rsplit("}", 1)[-1]
        if len(_LOCAL) < _LOCAL_MAX:  # an extract has few distinct names; bound the rest
            _LOCAL[tag] = name
    return name


def text(elem: Any) -> str | None:
    """An element's own text, stripped; None when empty."""
    value = (elem.text or "").strip()
    return value or None


def children(elem: Any) -> Iterator[tuple[str, Any]]:
    """The element children with their local names."""
    for child in elem:
        name = local(child)
        if name:
            yield name, child


def walk(data: bytes, rel: str, handler: Handler) -> None:
    """Walk the extract, reporting to ``handler``.

    :raises DataFileError: the file is malformed, not an arkivstruktur, nested deeper
        than ``MAX_XML_DEPTH``, or declares a DOCTYPE or entities.
    """
    from lxml import etree  # deferred: lxml for a Noark 5 extract only, not every start-up

    _refuse_dtd_in_prolog(data, rel)
    stack: list[_Frame] = []
    try:
        for event, elem in _events(data):
            if event == "start":
                _start(stack, elem, rel, handler)
            else:
                _end(stack, elem, handler)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno and exc.lineno > 0 else None
        raise DataFileError(rel, msg("source.noark5.malformed", detail=exc.msg), line) from exc
    except etree.LxmlError as exc:  # pragma: no cover - lxml's other parse failures
        raise DataFileError(rel, msg("source.noark5.unparsable", detail=str(exc))) from exc
    except OSError as exc:  # pragma: no cover - only from a file-like source
        detail = str(exc.strerror or exc)
        raise DataFileError(rel, msg("source.noark5.unreadable", detail=detail)) from exc
    if stack:  # pragma: no cover - the parser reports unclosed elements
        raise DataFileError(rel, msg("source.noark5.unclosed"))


def _start(stack: list[_Frame], elem: Any, rel: str, handler: Handler) -> None:
    name = local(elem)
    if len(stack) >= MAX_XML_DEPTH:
        raise DataFileError(
            rel, msg("source.noark5.too_deep", depth=MAX_XML_DEPTH), elem.sourceline
        )
    if not stack:
        _refuse_doctype(elem, rel)
        if name != "arkiv":
            raise DataFileError(
                rel,
                msg("source.noark5.not_arkivstruktur", found=repr(name)),
                elem.sourceline,
            )
        stack.append(_Frame(name, f"/{name}"))
        return
    parent = stack[-1]
    index = parent.counts[name] = parent.counts.get(name, 0) + 1
    live = parent.live and parent.name in _STRUCTURE
    frame = _Frame(name, f"{parent.pointer}/{name}[{index}]", live)
    stack.append(frame)
    if live and name in MAPPER:
        handler.mappe_start(elem, frame.pointer)


def _end(stack: list[_Frame], elem: Any, handler: Handler) -> None:
    frame = stack.pop()
    parent = stack[-1] if stack else None
    if not frame.live:
        return  # inside a registrering or a metadata group: read with its ancestor
    if frame.name in REGISTRERINGER:
        handler.registrering(elem, frame.pointer)
    elif frame.name in MAPPER:
        handler.mappe_end(elem)
    elif parent is not None and parent.name in MAPPER:
        handler.mappe_field(frame.name, elem)
    elem.clear()
    if parent is not None:
        while elem.getprevious() is not None:
            del elem.getparent()[0]


def _events(data: bytes) -> Iterator[tuple[str, Any]]:
    from lxml import etree  # deferred (see walk)

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
        raise DataFileError(rel, msg("source.noark5.doctype"), line)


def _refuse_doctype(root: Any, rel: str) -> None:
    """The parser's own record: a DOCTYPE the prolog scan could not see is refused too."""
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise DataFileError(rel, msg("source.noark5.doctype"))
