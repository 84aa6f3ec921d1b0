"""``--schema-check``: an extract validated against the official XSD of its Noark 5 version.

Arkivverket's schemas for v3.1, v4.0, v5.0 and v5.5 (``arkivstruktur.xsd`` with its
``metadatakatalog.xsd``) are bundled in ``xsd/``; only those files are loaded, never
the network. The version is the ``Noark 5`` type's ``version`` property in the
extract's ``arkivuttrekk.xml`` (3.0/3.1 → v3.1, 4.0 → v4.0, 5.0–5.4 → v5.0, 5.5 and
later → v5.5), else a version named in the root's ``xsi:schemaLocation``, else v5.5.
Each schema error is a DAT008 notice with its line; at most :data:`MAX_ERRORS` are
listed, the finding says how many more. The check parses the whole file into memory
(the records themselves are read streaming), with the same parser settings: no
entities, no DTD, no network.
"""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path
from typing import Any

from secretariat_rules.findings import DataRuleId
from secretariat_rules.i18n.message import Text, msg
from secretariat_rules.sources.base import SourceNotice
from secretariat_rules.sources.values import printable

from .walk import local

__all__ = ["MAX_ERRORS", "VERSIONS", "check", "detect_version", "schema"]

XSD = Path(__file__).resolve().parent / "xsd"
VERSIONS = ("v3.1", "v4.0", "v5.0", "v5.5")
MAX_ERRORS = 10
"""Schema errors listed in the DAT008 finding (the rest are counted)."""
MAX_MESSAGE = 240
"""Longest schema error message quoted, in characters."""

_SCHEMA_LOCATION = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"
_NUMBER = re.compile(r"(?<![0-9.])v?([345])[._]([0-9])")


def _parser() -> Any:
    from lxml import etree  # deferred: lxml for a Noark 5 extract only, not every start-up

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@cache
def schema(version: str) -> Any:
    """The compiled ``arkivstruktur.xsd`` of a bundled version (imports resolved locally)."""
    from lxml import etree  # deferred (see _parser)

    path = XSD / version / "arkivstruktur.xsd"
    return etree.XMLSchema(etree.parse(str(path), _parser()))


def _version_of(number: str) -> str | None:
    match = _NUMBER.search(number)
    if match is None:
        return None
    major, minor = int(match[1]), int(match[2])
    if major == 3:
        return "v3.1"
    if major == 4:
        return "v4.0"
    return "v5.5" if minor >= 5 else "v5.0"


def _addml_version(data: bytes) -> str | None:
    """The ``Noark 5`` type's ``version`` property of an ``arkivuttrekk.xml``."""
    from lxml import etree  # deferred (see _parser)

    try:
        root = etree.parse(io.BytesIO(data), _parser()).getroot()
    except etree.XMLSyntaxError:
        return None
    for prop in root.iter():
        if local(prop) != "property" or prop.get("name") != "type":
            continue
        values = [c for c in prop if local(c) == "value"]
        if not values or "noark" not in (values[0].text or "").casefold():
            continue
        for inner in prop.iter():
            if local(inner) == "property" and inner.get("name") == "version":
                found = [c.text or "" for c in inner if local(c) == "value"]
                return _version_of(found[0]) if found else None
    return None


def detect_version(data: bytes, arkivuttrekk: bytes | None) -> str:
    """The bundled schema version to validate ``data`` against (see the module doc)."""
    if arkivuttrekk is not None and (found := _addml_version(arkivuttrekk)):
        return found
    head = data[:4096].decode("utf-8", errors="replace")
    match = re.search(r'schemaLocation\s*=\s*"([^"]*)"', head)
    if match and (found := _version_of(match[1])):
        return found
    return "v5.5"


def check(data: bytes, rel: str, version: str) -> list[SourceNotice]:
    """One DAT008 notice listing the schema errors of ``data`` (none when it is valid)."""
    from lxml import etree  # deferred (see _parser)

    xsd = schema(version)
    tree = etree.parse(io.BytesIO(data), _parser())
    if xsd.validate(tree):
        return []
    errors = list(xsd.error_log)
    shown = errors[:MAX_ERRORS]
    reasons: list[Text] = [msg("source.noark5.schema.invalid", version=version)]
    reasons += [
        msg("source.noark5.schema.error", line=e.line, detail=_message(e.message)) for e in shown
    ]
    if len(errors) > MAX_ERRORS:
        reasons.append(msg("source.noark5.schema.more", count=len(errors) - MAX_ERRORS))
    locations = tuple((rel, e.line or None, None) for e in shown)
    return [SourceNotice(DataRuleId.DAT008, f"files/{rel}", tuple(reasons), locations)]


def _message(message: str) -> str:
    """libxml2's message without the namespace in every element name; a value it quotes
    is escaped and the message cut as every echo of data is (``values.printable``)."""
    short = re.sub(r"\{http://www\.arkivverket\.no/standarder/noark5/[a-z]+\}", "", message)
    return printable(short.strip(), MAX_MESSAGE)[1:-1]
