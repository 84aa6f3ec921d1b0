"""Norwegian names for collections, fields and values, shared by the Norwegian adapters.

A secretariat's own spreadsheets say ``Møter``, ``Ansvarlig part`` and ``Oppfølging``
where the canonical layout says ``meetings``, ``responsible_party`` and ``followup``.
This module holds that vocabulary once, and :func:`canonical_table` turns a raw table
with Norwegian headers into one with canonical columns:

* headers are matched case-, space- and punctuation-insensitively, with or without
  æ/ø/å (``Møte`` = ``MØTE`` = ``Mote`` = ``møte:``); the canonical field name itself is
  accepted too;
* free-text columns kept for people (``Kommentar``, ``Merknad``) are dropped on purpose;
  any other unknown header is kept under its own name, so DAT005 reports it;
* Norwegian enumeration values are translated (``Prosjekt`` → ``project``,
  ``Tertialrapport`` → ``tertial``); anything else is left for the normal parser (which
  matches enumerations case-insensitively, so ``Vedtak`` is ``vedtak``);
* a party or body written by its manifest name or one of its ``aliases`` (``Bergen
  kommune``, ``Statens vegvesen Region vest``, ``Styringsgruppen for Miljøløftet``)
  becomes its id, matched as :class:`~secretariat_rules.sources.matching.PartyMatcher`
  and ``BodyMatcher`` do (case, punctuation and æ/ø/å ignored); an id is kept as
  written, and an unknown or ambiguous name too (DAT003).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping

import polars as pl

from secretariat_rules.exceptions import DataFileError
from secretariat_rules.i18n.message import msg
from secretariat_rules.schema.collections import COLLECTION_FIELDS
from secretariat_rules.schema.manifest import Manifest
from secretariat_rules.sources.matching import BodyMatcher, PartyMatcher
from secretariat_rules.sources.readers import RawTable

__all__ = [
    "FILE_NAMES",
    "HEADERS",
    "IGNORED_HEADERS",
    "VALUES",
    "canonical_table",
    "field_for",
    "fold",
    "is_ignored",
    "normalize",
]

_SPACES = re.compile(r"\s+")
_EDGE_PUNCTUATION = " :*.\u00a0\u202f"
_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o"})


def normalize(text: str) -> str:
    """Case-folded text with one space between words and no trailing ``:``/``*``."""
    text = unicodedata.normalize("NFC", text).casefold()
    return _SPACES.sub(" ", text).strip(_EDGE_PUNCTUATION)


def fold(text: str) -> str:
    """:func:`normalize` with æ/ø/å spelt in ASCII (``Møter`` → ``moter``)."""
    return normalize(text).translate(_FOLD)


FILE_NAMES: dict[str, str] = {
    "moter": "meetings",
    "vedtak": "decisions",
    "oppfolging": "followups",
    "oppfolginger": "followups",
    "avvik": "deviations",
    "dokumenter": "documents",
    "utsendelser": "distributions",
    "utsending": "distributions",
    "distribusjon": "distributions",
    "prosjekter": "projects",
    "rapporter": "reports",
    "rapportprosjekter": "report_projects",
    "rapport_prosjekter": "report_projects",
    "lokale_vedtak": "adoptions",
    "vedtak_i_partene": "adoptions",
    "utgifter": "expenditures",
    "bompengebruk": "toll_usage",
    "bruk_av_bompenger": "toll_usage",
    "representasjon": "representations",
    "representasjoner": "representations",
    "indikatorer": "indicators",
    "indikatorrapportering": "indicator_reports",
    "indikatorrapporter": "indicator_reports",
    "analyser": "analyses",
}
"""Folded file stem (spaces and hyphens as ``_``) → collection."""

HEADERS: dict[str, dict[str, str]] = {
    "meetings": {
        "id": "id",
        "møte-id": "id",
        "organ": "body",
        "utvalg": "body",
        "dato": "date",
        "møtedato": "date",
        "innkalling sendt": "notice_sent",
        "innkalling": "notice_sent",
        "sekretariatet til stede": "secretariat_present",
        "sekretariat til stede": "secretariat_present",
        "referat": "minutes",
    },
    "decisions": {
        "id": "id",
        "vedtak-id": "id",
        "møte": "meeting",
        "sak": "case",
        "saksnr": "case",
        "saksnummer": "case",
        "tittel": "title",
        "sakstittel": "title",
        "type": "kind",
        "sakstype": "kind",
        "ansvarlig part": "responsible_party",
        "ansvarlig": "responsible_party",
        "formidlet": "communicated",
        "formidlet dato": "communicated",
    },
    "followups": {
        "id": "id",
        "vedtak": "decision",
        "ansvarlig part": "responsible_party",
        "ansvarlig": "responsible_party",
        "frist": "deadline",
        "fullført": "completed",
        "utført": "completed",
    },
    "deviations": {
        "id": "id",
        "type": "kind",
        "avvikstype": "kind",
        "oppfølging": "followup",
        "prosjekt": "project",
        "oppdaget": "detected",
        "rapportert": "reported",
        "rapportert til": "reported_to",
        "ny frist": "new_deadline",
    },
    "documents": {
        "id": "id",
        "tittel": "title",
        "type": "kind",
        "dokumenttype": "kind",
        "dato": "date",
        "dokumentdato": "date",
        "møte": "meeting",
        "arkivreferanse": "archive_ref",
        "arkivref": "archive_ref",
        "journalpost": "archive_ref",
        "arkivert": "archived",
        "journalført": "archived",
    },
    "distributions": {
        "dokument": "document",
        "part": "party",
        "mottaker": "party",
        "sendt": "sent",
    },
    "projects": {
        "id": "id",
        "navn": "name",
        "prosjekt": "name",
        "eier": "owner_party",
        "prosjekteier": "owner_party",
        "start": "start",
        "oppstart": "start",
        "slutt": "end",
        "i porteføljen": "in_portfolio",
        "i portefølje": "in_portfolio",
    },
    "reports": {
        "id": "id",
        "type": "kind",
        "rapporttype": "kind",
        "periode": "period",
        "levert": "submitted",
        "innsendt": "submitted",
        "til organ": "to_body",
        "til": "to_body",
        "vedtak": "decision",
        "behandlet i vedtak": "decision",
    },
    "report_projects": {"rapport": "report", "prosjekt": "project"},
    "adoptions": {"rapport": "report", "part": "party", "dato": "date", "vedtatt": "date"},
    "expenditures": {
        "id": "id",
        "dato": "date",
        "beskrivelse": "description",
        "beløp": "amount_nok",
        "beløp (nok)": "amount_nok",
        "beløp eks. mva": "amount_nok",
        "beløp eks mva": "amount_nok",
        "finansiering": "funding",
        "kategori": "category",
        "prosjekt": "project",
        "vedtak": "decision",
    },
    "toll_usage": {
        "id": "id",
        "periode": "period",
        "prosjekt": "project",
        "beløp": "amount_nok",
        "beløp (nok)": "amount_nok",
    },
    "representations": {
        "id": "id",
        "dato": "date",
        "forum": "forum",
        "tema": "topic",
        "mandat": "mandate",
        "eskalert vedtak": "escalated_decision",
        "eskalert til vedtak": "escalated_decision",
        "omstridt": "disputed",
        "standpunkt": "stance",
    },
    "indicators": {
        "id": "id",
        "navn": "name",
        "indikator": "name",
        "eier": "owner_party",
        "indikatoreier": "owner_party",
    },
    "indicator_reports": {
        "id": "id",
        "indikator": "indicator",
        "år": "year",
        "levert": "delivered",
        "årsrapport": "annual_report",
    },
    "analyses": {
        "id": "id",
        "tittel": "title",
        "bestilt": "ordered",
        "bestilt i vedtak": "ordered_by_decision",
        "delegering": "delegation",
        "indikator": "indicator",
        "indikatoreier involvert": "indicator_owner_involved",
        "innkjøpspart": "procurement_party",
        "innkjøpende part": "procurement_party",
        "beløp": "amount_nok",
    },
}
"""Header (normalized) → canonical field, per collection."""

IGNORED_HEADERS = frozenset({"kommentar", "kommentarer", "merknad", "merknader"})
"""Free-text columns people keep next to the facts; dropped on purpose, not reported."""

VALUES: dict[tuple[str, str], dict[str, str]] = {
    ("decisions", "kind"): {"vedtakssak": "vedtak", "orienteringssak": "orientering"},
    ("deviations", "kind"): {"oppfølging": "followup", "prosjekt": "project"},
    ("reports", "kind"): {
        "tertialrapport": "tertial",
        "årsrapport": "annual_report",
        "handlingsprogram": "action_programme",
        "årsbudsjett": "annual_budget",
        "sekretariatsbudsjett": "secretariat_budget",
        "budsjett for sekretariatet": "secretariat_budget",
        "sekretariatsregnskap": "secretariat_accounts",
        "regnskap for sekretariatet": "secretariat_accounts",
        "redegjørelse for bruk av bompenger": "toll_usage_statement",
        "bompengeredegjørelse": "toll_usage_statement",
    },
    ("expenditures", "funding"): {
        "statlige midler": "statlige_midler",
        "fylkeskommunale midler": "fylkeskommunale_midler",
        "kommunale midler": "kommunale_midler",
        "belønningsmidler": "belonningsmidler",
    },
    ("representations", "stance"): {
        "felles syn": "common_view",
        "nøytral beskrivelse": "neutral_description",
        "henvist til partene": "referred_to_parties",
        "partsstandpunkt": "party_position",
        "partens standpunkt": "party_position",
    },
}
"""Norwegian enumeration value (normalized) → canonical value, per (collection, field)."""


def _keyed(mapping: Mapping[str, str]) -> dict[str, str]:
    """``mapping`` keyed by both the normalized and the folded spelling."""
    out: dict[str, str] = {}
    for key, value in mapping.items():
        out[normalize(key)] = value
        out.setdefault(fold(key), value)
    return out


_HEADER_KEYS: dict[str, dict[str, str]] = {
    collection: _keyed({**{s.name: s.name for s in COLLECTION_FIELDS[collection]}, **names})
    for collection, names in HEADERS.items()
}
_IGNORED_KEYS = frozenset(_keyed(dict.fromkeys(IGNORED_HEADERS, "")))
_VALUE_KEYS = {key: _keyed(mapping) for key, mapping in VALUES.items()}


def field_for(collection: str, header: str) -> str | None:
    """The canonical field a header names in ``collection``, or None."""
    keys = _HEADER_KEYS[collection]
    return keys.get(normalize(header)) or keys.get(fold(header))


def is_ignored(header: str) -> bool:
    """Whether a header is a free-text column dropped on purpose (``Kommentar``)."""
    return normalize(header) in _IGNORED_KEYS or fold(header) in _IGNORED_KEYS


def canonical_table(table: RawTable, manifest: Manifest) -> RawTable:
    """``table`` with canonical column names and values (see the module docstring).

    :raises DataFileError: two headers name the same field.
    """
    rename: dict[str, str] = {}
    drop: list[str] = []
    seen: dict[str, str] = {}
    for column in table.columns:
        target = field_for(table.collection, column)
        if target is None:
            if is_ignored(column):
                drop.append(column)
            continue
        if target in seen:
            raise DataFileError(
                table.path,
                msg(
                    "source.vocabulary.same_field",
                    first=repr(seen[target]),
                    second=repr(column),
                    field=repr(target),
                ),
                table.header_line,
            )
        seen[target] = column
        if target != column:
            rename[column] = target
    frame = table.frame.drop(drop).rename(rename)
    frame = frame.with_columns(_translations(table.collection, frame, manifest))
    columns = tuple(rename.get(c, c) for c in table.columns if c not in drop)
    return RawTable(table.collection, table.path, frame, table.header_line, columns, table.messages)


def _translations(collection: str, frame: pl.DataFrame, manifest: Manifest) -> list[pl.Expr]:
    """Enumeration values translated; party and body names (or aliases) made ids."""
    parties = PartyMatcher(manifest.parties)
    bodies = BodyMatcher(manifest.bodies)
    exprs = []
    for spec in COLLECTION_FIELDS[collection]:
        if spec.name not in frame.columns:
            continue
        if spec.ref == "parties":
            party_ids = {p.id for p in manifest.parties}
            exprs.append(
                _referenced(frame, spec.name, party_ids, lambda text: parties.match(name=text))
            )
        elif spec.ref == "bodies":
            body_ids = {b.id for b in manifest.bodies}
            exprs.append(_referenced(frame, spec.name, body_ids, bodies.match))
        elif mapping := _VALUE_KEYS.get((collection, spec.name), {}):
            exprs.append(_translated(spec.name, mapping))
    return exprs


def _referenced(
    frame: pl.DataFrame, column: str, ids: set[str], match: Callable[[str], str | None]
) -> pl.Expr:
    """Cells naming a party or body by name or alias replaced by its id; an id as written
    (or a name that matches nothing, DAT003) unchanged."""
    mapping = {}
    for value in frame.get_column(column).drop_nulls().unique().sort().to_list():
        if not isinstance(value, str) or value.strip() in ids:
            continue
        if (found := match(value)) is not None:
            mapping[value] = found
    return pl.col(column).replace(mapping) if mapping else pl.col(column)


def _translated(column: str, mapping: dict[str, str]) -> pl.Expr:
    """Cells whose normalized text is a key of ``mapping`` replaced; others unchanged."""
    key = pl.col(column).str.to_lowercase().str.replace_all(r"\s+", " ").str.strip_chars()
    folded = key
    for letter, ascii_ in (("æ", "ae"), ("ø", "o"), ("å", "a")):
        folded = folded.str.replace_all(letter, ascii_, literal=True)
    keys = pl.Series(list(mapping), dtype=pl.Utf8)
    return (
        pl.when(key.is_in(keys.implode()))
        .then(key.replace_strict(mapping, default=None, return_dtype=pl.Utf8))
        .when(folded.is_in(keys.implode()))
        .then(folded.replace_strict(mapping, default=None, return_dtype=pl.Utf8))
        .otherwise(pl.col(column))
        .alias(column)
    )
