"""PartyMatcher and BodyMatcher: who a record names, in the one documented order."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from secretariat_rules.api import load_dataset
from secretariat_rules.dataset import Dataset
from secretariat_rules.i18n.message import render_text
from secretariat_rules.plugins import load_registry
from secretariat_rules.schema.manifest import Body, Party
from secretariat_rules.sources.matching import (
    BodyMatcher,
    PartyMatcher,
    email_domain,
    name_key,
    org_key,
)
from secretariat_rules.testing import BASE_MANIFEST, run_cli, write_repo

PARTIES = [
    Party(
        id="svv",
        name="Statens vegvesen",
        kind="stat",
        org_number="971032081",
        domains=["vegvesen.no"],
        aliases=["Statens vegvesen Region vest"],
    ),
    Party(id="baerum", name="Bærum kommune", kind="kommune", domains=["baerum.kommune.no"]),
    Party(id="oygarden", name="Øygarden kommune", kind="kommune"),
    Party(id="sd", name="Samferdselsdepartementet", kind="stat", domains=["regjeringen.no"]),
    Party(
        id="kdd",
        name="Kommunal- og distriktsdepartementet",
        kind="stat",
        domains=["regjeringen.no"],
    ),
    Party(id="vlfk", name="Vestland fylkeskommune", kind="fylkeskommune", org_number="821311632"),
]


@pytest.fixture
def matcher() -> PartyMatcher:
    return PartyMatcher(PARTIES)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Statens  Vegvesen,", "statens vegvesen"),
        ("Øygarden", "oygarden"),
        ("BÆRUM KOMMUNE", "baerum kommune"),
        ("Tromsø", "tromso"),
        ("Sámi", "sami"),
        ("Kommunal- og distriktsdepartementet", "kommunal og distriktsdepartementet"),
        ("under_score", "under score"),
        ("...", ""),
    ],
)
def test_name_key_folds_case_punctuation_and_letters(text: str, key: str) -> None:
    assert name_key(text) == key


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("971032081", "971032081"),
        ("971 032 081", "971032081"),
        ("971.032.081", "971032081"),
        ("NO 971 032 081 MVA", "971032081"),
        ("no971032081mva", "971032081"),
        ("97103208X", None),
        ("", None),
        (None, None),
    ],
)
def test_org_key(text: str | None, digits: str | None) -> None:
    assert org_key(text) == digits


@pytest.mark.parametrize(
    ("address", "domain"),
    [
        ("Post@Vegvesen.no", "vegvesen.no"),
        ("Statens vegvesen <firmapost@vegvesen.no>", "vegvesen.no"),
        ("post@vegvesen.no.", "vegvesen.no"),
        ("no address", None),
        (None, None),
    ],
)
def test_email_domain(address: str | None, domain: str | None) -> None:
    assert email_domain(address) == domain


@pytest.mark.parametrize(
    ("kwargs", "party"),
    [
        ({"org_number": "971 032 081"}, "svv"),
        ({"org_number": "NO 821 311 632 MVA"}, "vlfk"),
        ({"name": "STATENS VEGVESEN"}, "svv"),
        ({"name": "Statens vegvesen, Region Vest"}, "svv"),  # alias, punctuation ignored
        ({"name": "statens vegvesen region vest"}, "svv"),
        ({"name": "Baerum kommune"}, "baerum"),  # æ written ae
        ({"name": "Oygarden Kommune"}, "oygarden"),  # ø written o
        ({"name": "Kommunal og distriktsdepartementet"}, "kdd"),
        ({"name": "SVV"}, "svv"),  # the id
        ({"email": "post@vegvesen.no"}, "svv"),
        ({"email": "Ola.Nordmann@region.vegvesen.no"}, "svv"),  # a subdomain
        ({"email": "postmottak@baerum.kommune.no"}, "baerum"),
        ({"email": "postmottak@regjeringen.no"}, None),  # shared by sd and kdd
        ({"email": "x@sd.regjeringen.no"}, None),  # under the shared domain
        ({"email": "post@kommune.no"}, None),  # a parent of a party's domain is not it
        ({"name": "Statens vegvesen Region øst"}, None),  # not an alias
        ({"name": "Region vest"}, None),
        ({}, None),
    ],
)
def test_party_match(matcher: PartyMatcher, kwargs: dict[str, str], party: str | None) -> None:
    assert matcher.match(**kwargs) == party


def test_precedence_is_org_number_then_name_then_email(matcher: PartyMatcher) -> None:
    # each clue names another party: the earlier step wins
    assert matcher.match(org_number="821311632", name="Statens vegvesen") == "vlfk"
    assert matcher.match(name="Statens vegvesen", email="post@baerum.kommune.no") == "svv"
    # an unknown org number or name falls through to the next step
    assert matcher.match(org_number="964338531", name="Bærum kommune") == "baerum"
    assert matcher.match(name="Ukjent etat", email="post@vegvesen.no") == "svv"


def test_a_party_name_beats_another_party_alias_and_id() -> None:
    parties = [
        Party(id="a", name="Alfa", kind="stat", aliases=["Beta etat"]),
        Party(id="beta-etat", name="Beta etat", kind="stat"),
        Party(id="c", name="Gamma", kind="stat", aliases=["a"]),
    ]
    matcher = PartyMatcher(parties)
    assert matcher.match(name="Beta etat") == "beta-etat"  # name before alias
    assert matcher.match(name="A") == "c"  # alias before id


def test_a_name_two_parties_claim_matches_neither() -> None:
    parties = [
        Party(id="akershusfk", name="Akershus fylkeskommune", kind="fylkeskommune",
              aliases=["Viken fylkeskommune"]),
        Party(id="buskerudfk", name="Buskerud fylkeskommune", kind="fylkeskommune",
              aliases=["Viken fylkeskommune"], domains=["bfk.no"]),
    ]  # fmt: skip
    matcher = PartyMatcher(parties)
    assert matcher.match(name="Viken fylkeskommune") is None
    twins = [
        Party(id="x", name="X", kind="stat", org_number="971032081"),
        Party(id="y", name="Y", kind="stat", org_number="971032081"),
    ]
    assert PartyMatcher(twins).match(org_number="971032081", name="Y") == "y"
    # ... but another clue still can
    assert matcher.match(name="Viken fylkeskommune", email="post@bfk.no") == "buskerudfk"
    assert matcher.resembles("Viken fylkeskommune") is None


@pytest.mark.parametrize(
    ("name", "party"),
    [
        ("Statens vegvesen Region øst", "svv"),  # begins with a party's name
        ("Avdeling Statens vegvesen Bergen", "svv"),  # contains it as whole words
        ("Statens vegvesen Region vest, seksjon Bergen", "svv"),  # contains an alias
        ("Vegvesen", "svv"),  # a whole-word part of one party's name
        ("Samferdseldepartementet", "sd"),  # a near spelling
        ("Vestland fylkeskomune", "vlfk"),
        ("Statens vegvesenet", "svv"),  # not whole words, but near
        ("Statens innkrevingssentral", None),  # shares a word, not a name
        ("Bærum", "baerum"),
        ("kommune", None),  # part of two parties' names
        ("SVV", None),  # too short to resemble anything
        ("Fjellinjen AS", None),
        ("", None),
        (None, None),
    ],
)
def test_resembles(matcher: PartyMatcher, name: str | None, party: str | None) -> None:
    assert matcher.resembles(name) == party


def test_resembles_prefers_the_longest_contained_name() -> None:
    parties = [
        Party(id="vlfk", name="Vestland fylkeskommune", kind="fylkeskommune"),
        Party(id="sfv", name="Statsforvaltaren i Vestland", kind="stat", aliases=["Vestland"]),
    ]
    matcher = PartyMatcher(parties)
    assert matcher.resembles("Vestland fylkeskommune, samferdsel") == "vlfk"
    assert matcher.resembles("Fylkesmannen i Vestland") == "sfv"


def test_body_match_by_name_alias_or_id() -> None:
    bodies = [
        Body(id="sg", name="Styringsgruppen for Miljøløftet", kind="steering_group",
             aliases=["Styringsgruppa", "SG-ML"]),
        Body(id="ag", name="Administrativ arbeidsgruppe", kind="working_group"),
    ]  # fmt: skip
    matcher = BodyMatcher(bodies)
    assert matcher.match("styringsgruppen for miljoloftet") == "sg"
    assert matcher.match("Styringsgruppa") == "sg"
    assert matcher.match("sg-ml") == "sg"
    assert matcher.match("AG") == "ag"
    assert matcher.match("Administrativ  arbeidsgruppe.") == "ag"
    assert matcher.match("Bystyret") is None
    assert matcher.match(None) is None
    assert matcher.match("") is None


# --------------------------------------------------------------------------- Norwegian adapters

ADAPTERS = (
    "secretariat_regions.sources.norwegian_csv",
    "secretariat_regions.sources.excel_followup",
)


def _aliased_manifest() -> dict[str, object]:
    manifest = copy.deepcopy(BASE_MANIFEST)
    manifest["source"] = "norwegian-csv"
    parties = manifest["parties"]
    assert isinstance(parties, list)
    parties[2]["aliases"] = ["Statens vegvesen Region vest"]
    parties.append({"id": "oygarden", "name": "Øygarden kommune", "kind": "kommune"})
    bodies = manifest["bodies"]
    assert isinstance(bodies, list)
    bodies[0]["aliases"] = ["Styringsgruppa"]
    return manifest


def test_norwegian_csv_translates_names_and_aliases_into_ids(tmp_path: Path) -> None:
    vedtak = (
        "Id;Møte;Type;Ansvarlig part;Formidlet\n"
        "V1;M1;Vedtak;Statens vegvesen, Region Vest;20.02.2024\n"  # alias
        "V2;M1;Vedtak;OYGARDEN KOMMUNE;20.02.2024\n"  # name, ø written o
        "V3;M1;Vedtak;svv;20.02.2024\n"  # the id as written
        "V4;M1;Vedtak;Statens vegvesen Region øst;20.02.2024\n"  # no alias: DAT003
    )
    moter = "Id;Organ;Møtedato\nM1;Styringsgruppa;16.02.2024\n"
    files: dict[str, str | bytes] = {"vedtak.csv": vedtak, "møter.csv": moter}
    root = write_repo(tmp_path / "repo", _aliased_manifest(), files)
    dataset = load_dataset(root, registry=load_registry(ADAPTERS, load_entry_points=False))
    decisions = dataset.frame("decisions").sort("id")
    assert decisions.select("id", "responsible_party").rows() == [
        ("V1", "svv"),
        ("V2", "oygarden"),
        ("V3", "svv"),
        ("V4", None),
    ]
    assert dataset.frame("meetings").select("id", "body").rows() == [("M1", "sg")]
    dangling = [(rule, str(f.subject), f.reasons) for rule, f in dataset.issues]
    assert [(rule, subject) for rule, subject, _ in dangling] == [("DAT003", "decisions/V4")]
    assert "Statens vegvesen Region øst" in render_text(dangling[0][2][0], "en")


def test_excel_followup_translates_aliases_into_ids(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Møter"
    sheet.append(["Id", "Organ", "Møtedato"])
    sheet.append(["M1", "styringsgruppa", "16.02.2024"])
    sheet.append(["M2", "Arbeidsgruppen", "17.02.2024"])
    manifest = {**_aliased_manifest(), "source": "excel-followup"}
    root = write_repo(tmp_path / "repo", manifest)
    book.save(root / "oppfolging.xlsx")
    dataset = load_dataset(root, registry=load_registry(ADAPTERS, load_entry_points=False))
    assert dataset.frame("meetings").sort("id").select("id", "body").rows() == [
        ("M1", "sg"),
        ("M2", "ag"),
    ]
    assert dataset.issues == []


# --------------------------------------------------------------------------- region profiles

PROFILES = ("secretariat_regions.profiles",)


def _region_manifest(region: str, **values: object) -> dict[str, object]:
    manifest = {k: v for k, v in BASE_MANIFEST.items() if k not in ("parties", "bodies", "name")}
    return {**manifest, "region": region, "ruleset": "national", **values}


def _load(tmp_path: Path, manifest: dict[str, object]) -> Dataset:
    root = write_repo(tmp_path / "repo", manifest)
    return load_dataset(root, registry=load_registry(PROFILES, load_entry_points=False))


def test_a_region_profile_brings_its_parties_aliases(tmp_path: Path) -> None:
    manifest = _load(tmp_path, _region_manifest("buskerudbyen")).manifest
    aliases = {p.id: p.aliases for p in manifest.parties}
    assert aliases["svv"] == [
        "Statens vegvesen Region øst",
        "Statens vegvesen Region sør",
        "Statens vegvesen Region vest",
        "Statens vegvesen Region midt",
        "Statens vegvesen Region nord",
    ]
    assert aliases["buskerudfk"] == ["Viken fylkeskommune"]
    assert aliases["sfv"] == ["Statsforvalteren i Oslo og Viken", "Fylkesmannen i Oslo og Viken"]
    assert aliases["drammen"] == []  # a municipality's name did not change
    matcher = PartyMatcher(manifest.parties)
    assert matcher.match(name="Statens vegvesen Region øst") == "svv"
    assert matcher.match(name="VIKEN FYLKESKOMMUNE") == "buskerudfk"
    assert matcher.match(name="Fylkesmannen i Oslo og Viken") == "sfv"


def test_manifest_parties_replace_the_profile_s_wholesale(tmp_path: Path) -> None:
    """SPEC §2.1: lists are not merged, so a manifest listing its parties gives their
    aliases itself; the profile's parties (and their aliases) are gone."""
    parties = [
        {"id": "svv", "name": "Statens vegvesen", "kind": "stat", "aliases": ["Vegvesenet"]},
        {"id": "akershusfk", "name": "Akershus fylkeskommune", "kind": "fylkeskommune"},
    ]
    manifest = _load(tmp_path, _region_manifest("oslo", parties=parties)).manifest
    assert [(p.id, p.aliases) for p in manifest.parties] == [
        ("svv", ["Vegvesenet"]),
        ("akershusfk", []),
    ]
    matcher = PartyMatcher(manifest.parties)
    assert matcher.match(name="Vegvesenet") == "svv"
    assert matcher.match(name="Statens vegvesen Region øst") is None
    assert matcher.resembles("Statens vegvesen Region øst") == "svv"  # so DAT007 says so


def test_manifest_bodies_take_aliases(tmp_path: Path) -> None:
    bodies = [{"id": "sg", "name": "Styringsgruppen", "kind": "steering_group",
               "aliases": ["  SG Oslopakke 3 "]}]  # fmt: skip
    manifest = _load(tmp_path, _region_manifest("oslo", bodies=bodies)).manifest
    assert manifest.bodies[0].aliases == ["SG Oslopakke 3"]
    assert BodyMatcher(manifest.bodies).match("sg oslopakke 3") == "sg"


def test_the_manifest_json_schema_shows_aliases() -> None:
    run = run_cli("--no-plugin-autoload", "schema", "manifest")
    definitions = json.loads(run.output)["$defs"]
    for model in ("Party", "Body"):
        aliases = definitions[model]["properties"]["aliases"]
        assert aliases["type"] == "array" and aliases["items"] == {"type": "string"}
        assert "aliases" not in definitions[model].get("required", [])
