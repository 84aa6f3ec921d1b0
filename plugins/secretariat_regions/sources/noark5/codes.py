"""Noark 5 code lists as every version spells them, and what they mean here.

v3.1 and v4.0 write a code list's text (``Utgående dokument``, ``Kopimottaker``); v5.x
leaves the value free (``minLength 1``) and systems write either the text or the
metadatakatalog's code (``U``, ``EK``). Both are read, case- and space-insensitively, and
the nynorsk spellings (``Mottakar``) too.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "ATTACHMENTS",
    "DECISION_KINDS",
    "JOURNALPOST_KINDS",
    "KINDS",
    "KIND_BY_TEXT",
    "MINUTES",
    "NOTICES",
    "RECIPIENTS",
    "SECRETARIAT",
    "SENDERS",
    "code",
    "journalpost_code",
]


def code(text: str | None) -> str:
    """A code list value as compared: case-folded, without spaces, hyphens or dots."""
    if not text:
        return ""
    return re.sub(r"[\s\-._]+", "", unicodedata.normalize("NFC", text).casefold())


KINDS: dict[str, str] = {
    "saksframlegg": "saksdokument",
    "saksdokument": "saksdokument",
    "saksliste": "saksdokument",
    "sakskart": "saksdokument",
    "innkalling": "saksdokument",
    "møteinnkalling": "saksdokument",
    "tilleggsinnkalling": "saksdokument",
    "vedlegg til møtesak": "saksdokument",
    "vedtak i møtesak": "saksdokument",
    "vedtak": "saksdokument",
    "møtereferat": "referat",
    "referat": "referat",
    "møteprotokoll": "referat",
    "protokoll": "referat",
    "møtebok": "referat",
    "saksprotokoll": "referat",
    "rapport": "rapport",
    "notat": "notat",
    "notat til politisk utvalg": "notat",
    "arkivnotat": "notat",
    "brev": "brev",
}
"""``dokumenttype`` or ``moeteregistreringstype`` (text) → document kind."""

_MEETING_CODES: dict[str, str] = {
    "sf": "saksframlegg",
    "sl": "saksliste",
    "mi": "møteinnkalling",
    "d": "vedtak i møtesak",
    "vl": "vedlegg til møtesak",
    "m": "møtereferat",
    "b": "møtebok",
    "mp": "møteprotokoll",
    "sp": "saksprotokoll",
    "n": "notat til politisk utvalg",
}
"""``moeteregistreringstype`` codes (M085) → their text."""

KIND_BY_TEXT = {code(text): kind for text, kind in KINDS.items()}
"""Document kind by a type's text, as compared by :func:`code` (eInnsyn uses it too)."""

KIND_BY_CODE = KIND_BY_TEXT | {c: KINDS[text] for c, text in _MEETING_CODES.items()}

NOTICES = frozenset(
    code(t) for t in ("møteinnkalling", "innkalling", "tilleggsinnkalling", "saksliste", "sakskart")
) | {"mi", "sl"}
"""A meeting's notice: its send date is the meeting's ``notice_sent``."""

MINUTES = frozenset(
    code(t) for t in ("møteprotokoll", "protokoll", "møtereferat", "referat", "møtebok")
) | {"mp", "m", "b"}
"""A meeting's minutes: the document is the meeting's ``minutes``."""

JOURNALPOST_KINDS: dict[str, str] = {
    "I": "brev",
    "U": "brev",
    "S": "saksdokument",
    "N": "notat",
    "X": "notat",
}
"""``journalposttype`` code → document kind, when the document type says nothing known."""

_JOURNALPOST_TYPES = {
    "i": "I",
    "inngåendedokument": "I",
    "inngåande dokument": "I",
    "u": "U",
    "utgåendedokument": "U",
    "utgåande dokument": "U",
    "n": "N",
    "organinterntdokumentforoppfølging": "N",
    "x": "X",
    "organinterntdokumentutenoppfølging": "X",
    "s": "S",
    "saksframlegg": "S",
}
_JOURNALPOST_CODES = {code(k): v for k, v in _JOURNALPOST_TYPES.items()}


def journalpost_code(text: str | None) -> str | None:
    """The M082 code (``I``, ``U``, ``N``, ``X``, ``S``) of a ``journalposttype``."""
    return _JOURNALPOST_CODES.get(code(text))


RECIPIENTS = frozenset(
    code(t)
    for t in (
        "Mottaker",
        "Kopimottaker",
        "Gruppemottaker",
        "Intern mottaker",
        "Intern kopimottaker",
        "Mottakar",
        "Kopimottakar",
        "Gruppemottakar",
        "Intern mottakar",
        "Intern kopimottakar",
        "EM",
        "EK",
        "GM",
        "IM",
        "IK",
    )
)
"""``korrespondanseparttype`` values (M087) of a recipient: a distribution."""

SENDERS = frozenset(
    code(t)
    for t in ("Avsender", "Medavsender", "Intern avsender", "Avsendar", "Medavsendar", "EA", "IA")
)
"""``korrespondanseparttype`` values of a sender: never a distribution."""

ATTACHMENTS = frozenset({"vl", code("Vedlegg til møtesak"), code("Vedlegg"), "o"})
"""``moeteregistreringstype`` values of a meeting's attachments and participant lists."""

DECISION_KINDS: dict[str, str] = {
    code(t): "orientering"
    for t in ("Referatsak", "RS", "Orienteringssak", "Orientering", "OS", "O")
}
"""``moetesakstype`` (M088) → decision kind; every other møtesak is a ``vedtak``."""

SECRETARIAT = re.compile(r"sekret(?:ær|ar|eriat|ariat)", re.IGNORECASE)
"""A ``moetedeltakerFunksjon`` (or name) saying the participant is the secretariat."""
