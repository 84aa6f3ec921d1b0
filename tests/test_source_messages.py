"""The region plugin's source adapters speak the report's language (nb by default, en)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from secretariat_regions.sources import messages
from secretariat_regions.sources.einnsyn.mapping import LEFT_OUT
from secretariat_regions.sources.noark5.records import LEFT_OUT_MESSAGES
from secretariat_regions.sources.noark5.walk import REFUSED
from secretariat_rules.api import check
from secretariat_rules.exceptions import DataFileError
from secretariat_rules.i18n import catalog
from secretariat_rules.i18n.message import msg
from secretariat_rules.testing import BASE_MANIFEST, write_repo

NS = "http://www.arkivverket.no/standarder/noark5/arkivstruktur"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _manifest(source: str) -> dict[str, Any]:
    data = copy.deepcopy(BASE_MANIFEST)
    data["source"] = [source]
    return data


def _noark5_repo(tmp_path: Path) -> Path:
    extract = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<arkiv xmlns="{NS}" xmlns:xsi="{XSI}">\n'
        "<arkivdel><klassifikasjonssystem><klasse>\n"
        '<mappe xsi:type="saksmappe"><systemID>S1</systemID><tittel>Tom sak</tittel></mappe>\n'
        "</klasse></klassifikasjonssystem></arkivdel>\n</arkiv>\n"
    )
    return write_repo(tmp_path / "noark5", _manifest("noark5"), {"arkivstruktur.xml": extract})


def _einnsyn_repo(tmp_path: Path, title: str = "Brev") -> Path:
    page = {
        "items": [
            {
                "id": "jp_a",
                "entity": "Journalpost",
                "systemId": "JP-1",
                "offentligTittel": title,
                "journalposttype": "utgaaende_dokument",
                "dokumentetsDato": "2024-03-04",
                "korrespondansepart": [
                    {
                        "id": "kp_1",
                        "entity": "Korrespondansepart",
                        "korrespondanseparttype": "mottaker",
                        "korrespondansepartNavn": "Statens vegvesen Region vest",
                    }
                ],
            }
        ]
    }
    text = json.dumps(page, indent=2).replace("@", "\\ud800")
    files = {"einnsyn/journalpost-0001.json": text}
    return write_repo(tmp_path / "einnsyn", _manifest("einnsyn"), files)


def _message(root: Path, rule: str, lang: str | None = None) -> str:
    result = check(root, select=[rule]) if lang is None else check(root, select=[rule], lang=lang)
    [finding] = [f for f in result.findings if f.rule == rule]
    return finding.message


def test_a_noark5_dat006_reason_reads_in_nb_by_default_and_in_en(tmp_path: Path) -> None:
    root = _noark5_repo(tmp_path)
    assert "1 × mappe uten registrering: ingen post" in _message(root, "DAT006")
    assert "1 × mappe with no registrering: no record" in _message(root, "DAT006", "en")


def test_an_einnsyn_dat007_reason_reads_in_nb_by_default_and_in_en(tmp_path: Path) -> None:
    root = _einnsyn_repo(tmp_path)
    nb = _message(root, "DAT007")
    assert (
        "1 × mottakeren 'Statens vegvesen Region vest' er ingen part, men ligner på 'svv': "
        "legg navnet til i den partens 'aliases'"
    ) in nb
    assert (
        "1 × recipient 'Statens vegvesen Region vest' matches no party but resembles 'svv': "
        "add it to that party's aliases"
    ) in _message(root, "DAT007", "en")


def test_an_einnsyn_row_problem_reads_in_the_report_language(tmp_path: Path) -> None:
    root = _einnsyn_repo(tmp_path, title="Brev @ til")  # @: the JSON escape \\ud800
    assert "feltet 'title' inneholder et enslig surrogattegn" in _message(root, "DAT001")
    assert "field 'title' holds a lone surrogate" in _message(root, "DAT001", "en")


def test_a_file_problem_is_an_error_in_the_ui_language(monkeypatch: pytest.MonkeyPatch) -> None:
    error = DataFileError("oppfolging.xlsx", msg("source.excel.no_sheets", sheets="Møter"))
    assert str(error) == "oppfolging.xlsx: arbeidsboken har ingen av arkene Møter"
    monkeypatch.setenv("SECRETARIAT_RULES_LANG", "en")
    assert str(error) == "oppfolging.xlsx: the workbook has none of the sheets Møter"
    doctype = msg("source.noark5.doctype")
    assert doctype.render("en").startswith(REFUSED)
    assert doctype.render("nb") == "DTD-er og entiteter avvises (en DOCTYPE-deklarasjon)"


def test_the_catalogue_has_every_key_in_both_languages_and_registered() -> None:
    assert set(messages.MESSAGES["nb"]) == set(messages.MESSAGES["en"])
    for lang in catalog.LANGUAGES:
        for key, template in messages.MESSAGES[lang].items():
            assert catalog.MESSAGES[lang][key] == template


def test_the_left_out_keys_are_the_english_texts() -> None:
    """The inventory's ``left_out`` keys (JSON report data) are what ``en`` says."""
    en = messages.MESSAGES["en"]
    for reason, key in LEFT_OUT_MESSAGES.items():
        assert en[key] == reason
    for kind, reason in LEFT_OUT.items():
        assert en[f"source.einnsyn.left_out.{kind}"] == reason
