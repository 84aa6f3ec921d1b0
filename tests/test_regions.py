"""Region plugins: discovery through entry points, profiles as manifests, facts, failures."""

from __future__ import annotations

import importlib.metadata
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from secretariat_regions import messages
from secretariat_regions.orgnr import check_digit, is_valid
from secretariat_regions.parties import region_profile, slug
from secretariat_regions.profiles import REGIONS_DIR, load_profile, load_profiles
from secretariat_rules import __version__
from secretariat_rules.exceptions import ManifestError, PluginError
from secretariat_rules.i18n import catalog
from secretariat_rules.i18n.message import render_text
from secretariat_rules.plugins import (
    DEFAULT_PLUGINS,
    ENTRY_POINT_GROUP,
    Registry,
    get_plugin_manager,
    load_registry,
)
from secretariat_rules.regions import RegionProfile
from secretariat_rules.schema.manifest import Manifest
from secretariat_rules.sources.manifest import build_manifest
from secretariat_rules.testing import Repo, run_cli
from secretariat_rules.yamlio import LineIndex

REGION_IDS = (
    "oslo",
    "miljoloftet",
    "bymiljopakken",
    "miljopakken",
    "kristiansand",
    "buskerudbyen",
    "grenland",
    "nedre-glomma",
    "tromso",
)

REGIONS_MD_ORG_NUMBERS = {
    "Statens vegvesen": ("971032081", ["vegvesen.no"]),
    "Jernbanedirektoratet": ("916810962", ["jernbanedirektoratet.no"]),
    "Samferdselsdepartementet": ("972417904", ["regjeringen.no", "sd.dep.no"]),
    "Kommunal- og distriktsdepartementet": ("972417858", ["regjeringen.no"]),
    "Oslo kommune": ("958935420", ["oslo.kommune.no"]),
    "Bergen kommune": ("964338531", ["bergen.kommune.no"]),
    "Trondheim kommune": ("942110464", ["trondheim.kommune.no"]),
    "Stavanger kommune": ("964965226", ["stavanger.kommune.no"]),
    "Vestland fylkeskommune": ("821311632", ["vlfk.no"]),
    "Rogaland fylkeskommune": ("971045698", ["rogfk.no"]),
    "Agder fylkeskommune": ("921707134", ["agderfk.no"]),
    "Trøndelag fylkeskommune": ("817920632", ["trondelagfylke.no"]),
    "Troms fylkeskommune": ("930068128", ["tromsfylke.no"]),
}
"""The table of REGIONS.md: the only org numbers and non-municipal domains a profile may hold."""

REGION_PLUGIN = ("regions", "secretariat_regions.profiles")
"""The one plugin (entry point name, module) that registers the nine region profiles."""

PERIOD = {"period": {"start": "2024-01-01", "end": "2024-12-31"}, "as_of": "2025-06-30"}


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


@pytest.fixture(scope="module")
def profiles(registry: Registry) -> dict[str, RegionProfile]:
    return registry.region_profiles


def manifest_of(data: dict[str, Any], profiles: dict[str, RegionProfile]) -> Manifest:
    return build_manifest(data, LineIndex("secretariat.yaml"), profiles)


def all_parties(profiles: dict[str, RegionProfile]) -> Iterator[tuple[str, dict[str, Any]]]:
    for region, profile in sorted(profiles.items()):
        for party in profile.parties:
            yield region, party


# --------------------------------------------------------------------------- discovery


def test_plugins_command_lists_the_nine_regions_and_the_builtins() -> None:
    run = run_cli("plugins")
    assert run.exit_code == 0, run.stderr
    lines = run.output.splitlines()
    for module in DEFAULT_PLUGINS:
        assert any(line.startswith(f"{module}: ") and line.endswith("[built-in]") for line in lines)
    name, module = REGION_PLUGIN
    regions = ", ".join(f"region {region}" for region in sorted(REGION_IDS))
    assert f"{name}: {regions} [secretariat-rules {__version__}; {module}]" in lines


def test_plugins_json_gives_origin_version_and_contributions() -> None:
    run = run_cli("plugins", "--format", "json")
    assert run.exit_code == 0, run.stderr
    by_name = {entry["name"]: entry for entry in run.report}
    assert [e["name"] for e in run.report][: len(DEFAULT_PLUGINS)] == list(DEFAULT_PLUGINS)
    assert by_name["secretariat_rules.reporters.junit"]["version"] == "built-in"
    assert by_name["secretariat_rules.reporters.junit"]["provides"]["reporters"] == ["junit"]
    regions = [e for e in run.report if e["provides"]["region_profiles"]]
    assert [(e["name"], e["module"], e["origin"]) for e in regions] == [
        (*REGION_PLUGIN, "entry point")
    ]
    (entry,) = regions
    assert entry["provides"]["region_profiles"] == sorted(REGION_IDS)
    assert entry["distribution"] == "secretariat-rules"
    assert entry["version"] == __version__


def test_the_region_plugin_is_the_distributions_entry_point_and_a_file_per_region() -> None:
    declared = {
        ep.name: ep.value
        for ep in importlib.metadata.distribution("secretariat-rules").entry_points
        if ep.group == ENTRY_POINT_GROUP and not ep.name.startswith("source-")
    }
    assert declared == dict([REGION_PLUGIN])
    assert sorted(p.stem for p in REGIONS_DIR.glob("*.yaml")) == sorted(REGION_IDS)


def test_no_plugin_autoload_leaves_the_regions_out() -> None:
    assert load_registry(load_entry_points=False).region_profiles == {}
    run = run_cli("--no-plugin-autoload", "plugins")
    assert f"{REGION_PLUGIN[0]}: " not in run.output and "region " not in run.output


def test_each_region_comes_from_the_region_plugin(registry: Registry) -> None:
    assert sorted(registry.region_profiles) == sorted(REGION_IDS)
    for region in REGION_IDS:
        assert registry.providers[("region", region)] == REGION_PLUGIN[0]


# --------------------------------------------------------------------------- profiles


@pytest.mark.parametrize("region", REGION_IDS)
def test_profile_validates_as_a_manifest(region: str, profiles: dict[str, RegionProfile]) -> None:
    profile = profiles[region]
    manifest = manifest_of({"region": region, **PERIOD}, profiles)
    assert manifest.name == profile.name
    assert [p.id for p in manifest.parties] == [p["id"] for p in profile.parties]
    assert any(b.kind == "steering_group" for b in manifest.bodies)
    assert profile.description
    assert manifest.ruleset == {"miljoloftet": "miljoloftet", "bymiljopakken": "bymiljopakken"}.get(
        region, "national"
    )


def test_default_rulesets_exist(registry: Registry) -> None:
    for profile in registry.region_profiles.values():
        assert profile.ruleset in registry.rulesets


def test_only_the_region_gives_everything_to_check(secretariat_repo: Callable[..., Repo]) -> None:
    repo = secretariat_repo(manifest={"region": "bymiljopakken", **PERIOD})
    run = repo.check("--select", "DAT")
    assert run.exit_code == 0, run.stderr
    assert run.report["region"] == "bymiljopakken"
    assert run.report["ruleset"] == "bymiljopakken"


def test_profile_supplies_what_the_manifest_leaves_out(profiles: dict[str, RegionProfile]) -> None:
    manifest = manifest_of({"region": "bymiljopakken", **PERIOD}, profiles)
    assert manifest.name == "Bymiljøpakken"
    assert manifest.ruleset == "bymiljopakken"
    assert manifest.source == "canonical"
    assert [p.id for p in manifest.parties] == [
        "stavanger",
        "sandnes",
        "sola",
        "randaberg",
        "rogfk",
        "svv",
        "jbd",
    ]
    assert [(b.id, b.kind) for b in manifest.bodies] == [("sg", "steering_group")]
    assert [(c.kind, c.address) for c in manifest.channels] == [
        ("web", "https://www.bymiljopakken.no")
    ]
    toll = manifest.secretariat.toll_funding
    assert toll is not None and not toll.allowed and toll.basis == "Prop. 47 S (2016–2017)"


def test_manifest_values_replace_the_profiles_wholesale(
    profiles: dict[str, RegionProfile],
) -> None:
    own_party = {"id": "stavanger", "name": "Stavanger kommune", "kind": "kommune"}
    manifest = manifest_of(
        {
            "region": "bymiljopakken",
            **PERIOD,
            "name": "Bymiljøpakken (test)",
            "ruleset": "national",
            "parties": [own_party],
            "secretariat": {"delegated_authority_nok": 250000},
        },
        profiles,
    )
    assert manifest.name == "Bymiljøpakken (test)"
    assert manifest.ruleset == "national"
    assert [p.id for p in manifest.parties] == ["stavanger"]  # the whole list, not merged
    assert manifest.parties[0].org_number is None and manifest.parties[0].domains == []
    assert manifest.secretariat.delegated_authority_nok == 250000
    assert manifest.secretariat.toll_funding is None  # the profile's secretariat is replaced
    assert [b.id for b in manifest.bodies] == ["sg"]  # what the manifest leaves out still comes


@pytest.mark.usefixtures("english")
def test_a_region_without_a_plugin_needs_its_own_facts(
    profiles: dict[str, RegionProfile],
) -> None:
    with pytest.raises(ManifestError, match="must list its parties") as raised:
        manifest_of({"region": "atlantis", **PERIOD}, profiles)
    assert "unknown region 'atlantis'" in str(raised.value)
    party = {"id": "a", "name": "Atlantis kommune", "kind": "kommune"}
    manifest = manifest_of({"region": "atlantis", **PERIOD, "parties": [party]}, profiles)
    assert [p.id for p in manifest.parties] == ["a"] and manifest.ruleset is None


def test_profile_errors_are_manifest_errors(profiles: dict[str, RegionProfile]) -> None:
    with pytest.raises(ManifestError):
        manifest_of({"region": "bymiljopakken", **PERIOD, "parties": [{"id": "x"}]}, profiles)


# --------------------------------------------------------------------------- facts


def test_regions_md_org_numbers_pass_mod_11() -> None:
    for number, _ in REGIONS_MD_ORG_NUMBERS.values():
        assert is_valid(number), number


@pytest.mark.parametrize(
    "number",
    ["971032082", "97103208", "9710320810", "97103208a", "９７１０３２０８１", "", "123456789"],
)
def test_bad_org_numbers_fail(number: str) -> None:
    assert not is_valid(number)


def test_check_digit_edge_cases() -> None:
    assert check_digit("10000009") == 1  # 3·1 + 2·9 = 21; 21 mod 11 = 10; 11 − 10 = 1
    zero = next(f"{n:08d}" for n in range(10**7, 10**8) if check_digit(f"{n:08d}") == 0)
    assert is_valid(zero + "0") and not is_valid(zero + "1")
    no_digit = next(f"{n:08d}" for n in range(10**7, 10**8) if check_digit(f"{n:08d}") is None)
    assert not any(is_valid(no_digit + str(d)) for d in range(10))


def test_every_profile_org_number_passes_mod_11_and_is_in_regions_md(
    profiles: dict[str, RegionProfile],
) -> None:
    seen = set()
    for region, party in all_parties(profiles):
        number = party.get("org_number")
        if number is None:
            assert party["name"] not in REGIONS_MD_ORG_NUMBERS, (region, party["name"])
            continue
        assert is_valid(number), (region, party)
        assert REGIONS_MD_ORG_NUMBERS[party["name"]][0] == number, (region, party)
        seen.add(party["name"])
    assert seen == set(REGIONS_MD_ORG_NUMBERS)  # every confirmed number is used somewhere


def test_domain_conventions(profiles: dict[str, RegionProfile]) -> None:
    for region, party in all_parties(profiles):
        domains = party["domains"]
        assert all(re.fullmatch(r"[a-z0-9.-]+", d) for d in domains), (region, party)
        if party["kind"] == "kommune":
            name = party["name"].removesuffix(" kommune")
            assert party["id"] == slug(name)
            assert domains == [f"{slug(name)}.kommune.no"], (region, party)
        elif party["name"] in REGIONS_MD_ORG_NUMBERS:
            assert domains == REGIONS_MD_ORG_NUMBERS[party["name"]][1], (region, party)
        else:
            assert domains == [], (region, party)  # not in REGIONS.md: left out
    assert slug("Øvre Eiker") == "ovre-eiker" and slug("Bærum") == "baerum"
    assert slug("Bjørnafjorden") == "bjornafjorden" and slug("Tromsø") == "tromso"


def test_region_facts(profiles: dict[str, RegionProfile]) -> None:
    def toll(region: str) -> Any:
        return profiles[region].secretariat.get("toll_funding")

    assert toll("miljoloftet") == {
        "allowed": False,
        "annual_cap_nok": None,
        "basis": "Prop. 11 S (2017–2018)",
    }
    assert toll("grenland")["basis"] == "Prop. 134 S (2014–2015)"
    assert toll("tromso")["basis"] == "Prop. 99 S (2020–2021)"
    assert toll("buskerudbyen") == {"allowed": False, "annual_cap_nok": None, "basis": None}
    assert toll("oslo") is None and toll("miljopakken") is None
    assert [b["id"] for b in profiles["miljoloftet"].bodies] == ["sg", "sg-bypakke"]
    # Oslopakke 3's web pages live under vegvesen.no: kept, for SEK013 to flag.
    assert profiles["oslo"].channels == [{"kind": "web", "address": "https://www.vegvesen.no"}]
    assert profiles["kristiansand"].channels == []
    assert [p["id"] for p in profiles["oslo"].parties if p["kind"] == "stat"] == [
        "sd",
        "kdd",
        "svv",
        "jbd",
    ]


def test_profiles_do_not_share_mutable_state() -> None:
    first = load_registry().region_profiles["miljoloftet"]
    first.parties[0]["name"] = "changed"
    assert load_registry().region_profiles["miljoloftet"].parties[0]["name"] == "Bergen kommune"


@pytest.mark.usefixtures("english")
def test_bad_org_number_at_profile_construction_names_the_plugin() -> None:
    bad = {"id": "x", "name": "X kommune", "kind": "kommune", "org_number": "971032082"}
    with pytest.raises(PluginError, match=r"region plugin some\.module \(r\).*'x'.*mod-11"):
        region_profile("some.module", id="r", name="R", parties=[bad])


# --------------------------------------------------------------------------- failures


@pytest.fixture
def plugin_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


BAD_ORG_PLUGIN = """
from secretariat_rules import hookimpl
from secretariat_regions.parties import region_profile


@hookimpl
def secretariat_region_profiles():
    party = {"id": "x", "name": "X kommune", "kind": "kommune", "org_number": "971032082"}
    return [region_profile(__name__, id="atlantis", name="Atlantis", parties=[party])]
"""


@pytest.mark.parametrize(
    ("name", "source", "message"),
    [
        ("sr_test_raises", "raise RuntimeError('boom')\n", "cannot be imported: boom"),
        ("sr_test_syntax", "def broken(:\n", "cannot be imported"),
        (
            "sr_test_misspelt",
            "from secretariat_rules import hookimpl\n\n\n"
            "@hookimpl\ndef secretariat_region_profile():\n    return []\n",
            "unknown hook 'secretariat_region_profile'",
        ),
        ("sr_test_bad_org", BAD_ORG_PLUGIN, "failed in secretariat_region_profiles"),
    ],
)
@pytest.mark.usefixtures("english")
def test_bad_plugin_module_exits_2_naming_it(
    plugin_dir: Path, name: str, source: str, message: str
) -> None:
    (plugin_dir / f"{name}.py").write_text(source, encoding="utf-8")
    run = run_cli("-p", name, "plugins")
    assert run.exit_code == 2
    assert f"'{name}'" in run.stderr
    assert message in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.usefixtures("english")
def test_missing_plugin_module_exits_2() -> None:
    run = run_cli("-p", "no_such_plugin_module_xyz", "plugins")
    assert run.exit_code == 2
    assert "plugin module 'no_such_plugin_module_xyz' cannot be imported" in run.stderr


def test_a_plugin_given_with_p_is_listed(plugin_dir: Path) -> None:
    (plugin_dir / "sr_test_good.py").write_text(
        "from secretariat_rules import hookimpl\n"
        "from secretariat_rules.regions import RegionProfile\n\n\n"
        "@hookimpl\ndef secretariat_region_profiles():\n"
        "    return [RegionProfile(id='atlantis', name='Atlantis')]\n",
        encoding="utf-8",
    )
    run = run_cli("-p", "sr_test_good", "plugins")
    assert run.exit_code == 0, run.stderr
    assert "sr_test_good: region atlantis [-p]" in run.output.splitlines()


def fake_entry_points(
    monkeypatch: pytest.MonkeyPatch, *extra: importlib.metadata.EntryPoint
) -> None:
    real = importlib.metadata.entry_points

    def entry_points(**params: Any) -> Any:
        found: list[Any] = list(real(**params))
        if params.get("group") == ENTRY_POINT_GROUP:
            found.extend(extra)
        return found

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)


@pytest.mark.usefixtures("english")
def test_a_failing_entry_point_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = importlib.metadata.EntryPoint("region-x", "no_such_region_xyz", ENTRY_POINT_GROUP)
    fake_entry_points(monkeypatch, broken)
    with pytest.raises(PluginError, match=r"plugin 'region-x' \(no_such_region_xyz\) failed"):
        get_plugin_manager()
    run = run_cli("plugins")
    assert run.exit_code == 2
    assert "plugin 'region-x' (no_such_region_xyz) failed to load: " in run.stderr
    assert run_cli("--no-plugin-autoload", "plugins").exit_code == 0


@pytest.mark.usefixtures("english")
def test_one_entry_point_name_twice_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    twin = importlib.metadata.EntryPoint(
        REGION_PLUGIN[0], "secretariat_regions.sources.einnsyn", ENTRY_POINT_GROUP
    )
    fake_entry_points(monkeypatch, twin)
    with pytest.raises(PluginError, match=f"the name '{REGION_PLUGIN[0]}' is taken"):
        get_plugin_manager()


def test_a_module_given_with_p_and_as_entry_point_loads_once() -> None:
    registry = load_registry([REGION_PLUGIN[1]])
    assert registry.providers[("region", "oslo")] == REGION_PLUGIN[1]
    assert REGION_PLUGIN[0] not in registry.plugin_names


# --------------------------------------------------------------------------- profile files


def test_the_plugin_returns_every_file_of_the_directory(registry: Registry) -> None:
    loaded = load_profiles()
    assert [p.id for p in loaded] == sorted(p.stem for p in REGIONS_DIR.glob("*.yaml"))
    assert {p.id: p for p in loaded} == registry.region_profiles


def test_a_party_in_several_profiles_is_the_same_in_each(
    profiles: dict[str, RegionProfile],
) -> None:
    """The files spell shared parties out; they must not drift apart."""
    seen: dict[str, tuple[str, dict[str, Any]]] = {}
    for region, party in all_parties(profiles):
        if party["kind"] == "kommune" or party["id"] == "sfv":
            continue  # one region each; the county governor's office differs by region
        first, other = seen.setdefault(party["id"], (region, party))
        assert party == other, (party["id"], first, region)
    assert {"svv", "jbd"} <= set(seen)


def test_a_profile_file_from_a_third_party_loads(tmp_path: Path) -> None:
    path = tmp_path / "fjellby.yaml"
    path.write_text(
        "id: fjellby\nname: Fjellby\nruleset: national\n"
        "parties:\n  - {id: fjellby, name: Fjellby kommune, kind: kommune}\n"
        "bodies:\n  - {id: sg, name: Styringsgruppen, kind: steering_group}\n",
        encoding="utf-8",
    )
    profile = load_profile(path)
    assert profile == RegionProfile(
        id="fjellby",
        name="Fjellby",
        ruleset="national",
        parties=[{"id": "fjellby", "name": "Fjellby kommune", "kind": "kommune"}],
        bodies=[{"id": "sg", "name": "Styringsgruppen", "kind": "steering_group"}],
    )
    manifest = manifest_of({"region": "fjellby", **PERIOD}, {"fjellby": profile})
    assert [p.id for p in manifest.parties] == ["fjellby"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "id: r\nname: R\nparties:\n  - id: x\n    name: X kommune\n    kind: kommune\n"
            "    org_number: '971032082'\n",
            r"r\.yaml:7: parties\.0\.org_number: .*mod-11",
        ),
        ("id: r\nname: R\nbodies:\n  - {id: sg, kind: board}\n", r"r\.yaml:4: bodies\.0\."),
        ("id: r\nname: R\nchannel: []\n", r"r\.yaml:3: channel: Extra inputs"),
        ("id: other\nname: R\n", r"r\.yaml:1: region id 'other' is not the file's name 'r'"),
        ("id: r\nname: [R\n", r"r\.yaml:3: invalid YAML in region profile"),
        ("- r\n", r"r\.yaml:1: a region profile must be a mapping"),
    ],
)
@pytest.mark.usefixtures("english")
def test_a_broken_profile_file_names_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PluginError, match=message):
        load_profile(path)


@pytest.mark.usefixtures("english")
def test_a_broken_packaged_profile_fails_the_registry_naming_the_plugin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from secretariat_regions import profiles as module

    (tmp_path / "r.yaml").write_text("id: r\n", encoding="utf-8")
    monkeypatch.setattr(module, "REGIONS_DIR", tmp_path)
    with pytest.raises(PluginError, match="'regions'") as raised:
        load_registry()
    assert "r.yaml: invalid region profile" in str(raised.value)
    assert "name: Field required" in str(raised.value)


def test_region_profile_messages_in_nb_and_en(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("id: other\nname: R\n", encoding="utf-8")
    with pytest.raises(PluginError) as raised:
        load_profile(path)
    message = raised.value.args[0]
    assert render_text(message, "nb") == (
        f"{path}:1: region-id-en 'other' er ikke filnavnet 'r'; de må være like"
    )
    assert render_text(message, "en") == (
        f"{path}:1: region id 'other' is not the file's name 'r'; they must be the same"
    )
    bad = {"id": "x", "name": "X kommune", "kind": "kommune", "org_number": "971032082"}
    with pytest.raises(PluginError) as raised:
        region_profile("some.module", id="r", name="R", parties=[bad])
    assert render_text(raised.value.args[0], "nb") == (
        "regionprogramtillegget some.module (r): parten 'x' har organisasjonsnummeret "
        "'971032082', som har feil kontrollsiffer (mod 11)"
    )
    for lang in ("nb", "en"):
        assert set(messages.MESSAGES[lang]) <= set(catalog.MESSAGES[lang])
