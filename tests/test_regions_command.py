"""``regions [ID]`` (a region's ids from its profile) and ``explain`` across rulesets."""

from __future__ import annotations

from secretariat_rules.testing import run_cli

KNOWN = (
    "known: buskerudbyen, bymiljopakken, grenland, kristiansand, miljoloftet, miljopakken, "
    "nedre-glomma, oslo, tromso"
)
PARTY_FIELDS = (
    "decisions.csv responsible_party, followups.csv responsible_party, distributions.csv "
    "party, projects.csv owner_party, adoptions.csv party, indicators.csv owner_party, "
    "analyses.csv procurement_party"
)
SVV_ALIASES = ", ".join(
    f"Statens vegvesen Region {r}" for r in ("øst", "sør", "vest", "midt", "nord")
)


def test_regions_lists_every_region_in_nb() -> None:
    run = run_cli("regions")
    assert run.exit_code == 0, run.stderr
    assert run.output == (
        "Regioner (9)\n"
        "  Id             Navn                   Regelsett\n"
        "  buskerudbyen   Buskerudbyen           national\n"
        "  bymiljopakken  Bymiljøpakken          bymiljopakken\n"
        "  grenland       Bypakke Grenland       national\n"
        "  kristiansand   Kristiansandsregionen  national\n"
        "  miljoloftet    Miljøløftet            miljoloftet\n"
        "  miljopakken    Miljøpakken            national\n"
        "  nedre-glomma   Bypakke Nedre Glomma   national\n"
        "  oslo           Oslopakke 3            national\n"
        "  tromso         Tenk Tromsø            national\n"
        "\n"
        "secretariat-rules regions ID viser partene, organene og kanalene til en region.\n"
    )


def test_regions_json_list() -> None:
    run = run_cli("regions", "--format", "json")
    assert run.exit_code == 0
    assert run.report[4] == {"id": "miljoloftet", "name": "Miljøløftet", "ruleset": "miljoloftet"}
    assert [r["id"] for r in run.report][:2] == ["buskerudbyen", "bymiljopakken"]


def test_region_detail_in_english() -> None:
    run = run_cli("regions", "bymiljopakken", "--lang", "en")
    assert run.exit_code == 0, run.stderr
    lines = run.output.splitlines()
    assert lines[:2] == ["Bymiljøpakken (bymiljopakken)", "Ruleset: bymiljopakken"]
    assert lines[3:] == [
        "",
        "Parties (7)",
        f"  The id is written in {PARTY_FIELDS}",
        "  Id         Name                    Kind              Org. no.   Domains"
        "                  Also called",
        "  stavanger  Stavanger kommune       municipality      964965226  stavanger.kommune.no",
        "  sandnes    Sandnes kommune         municipality                 sandnes.kommune.no",
        "  sola       Sola kommune            municipality                 sola.kommune.no",
        "  randaberg  Randaberg kommune       municipality                 randaberg.kommune.no",
        "  rogfk      Rogaland fylkeskommune  county authority  971045698  rogfk.no",
        "  svv        Statens vegvesen        state             971032081  vegvesen.no"
        f"              {SVV_ALIASES}",
        "  jbd        Jernbanedirektoratet    state             916810962  jernbanedirektoratet.no",
        "",
        "Bodies (1)",
        "  The id is written in meetings.csv body, deviations.csv reported_to, reports.csv to_body",
        "  Id  Name                               Kind            Also called",
        "  sg  Styringsgruppen for Bymiljøpakken  steering group",
        "",
        "Channels (1)",
        "  Kind     Address",
        "  website  https://www.bymiljopakken.no",
    ]


def test_region_detail_in_nb_names_kinds_in_nb() -> None:
    run = run_cli("regions", "miljoloftet")
    assert run.exit_code == 0
    assert (
        "  Id-en skrives i meetings.csv body, deviations.csv reported_to, reports.csv to_body"
        in (run.output.splitlines())
    )
    assert (
        "  askoy          Askøy kommune                kommune                   askoy.kommune.no"
        in run.output.splitlines()
    )
    assert "  nettsted  https://www.miljoloftet.no" in run.output.splitlines()


def test_region_detail_json() -> None:
    run = run_cli("regions", "miljoloftet", "-f", "json")
    assert run.exit_code == 0
    assert sorted(run.report) == [
        "bodies",
        "channels",
        "description",
        "id",
        "name",
        "parties",
        "references",
        "ruleset",
    ]
    assert run.report["parties"][1] == {
        "id": "askoy",
        "name": "Askøy kommune",
        "kind": "kommune",
        "org_number": None,
        "domains": ["askoy.kommune.no"],
        "aliases": [],
    }
    assert run.report["bodies"][0] == {
        "id": "sg",
        "name": "Styringsgruppen for Miljøløftet",
        "kind": "steering_group",
        "aliases": [],
    }
    assert run.report["channels"] == [{"kind": "web", "address": "https://www.miljoloftet.no"}]
    assert run.report["references"]["bodies"] == [
        "meetings.csv body",
        "deviations.csv reported_to",
        "reports.csv to_body",
    ]


def test_unknown_region_exits_2_with_the_closest(english: None) -> None:
    run = run_cli("regions", "Miljoløftet")
    assert run.exit_code == 2
    assert run.output == ""
    assert run.stderr == (
        f"secretariat-rules: error: unknown region 'Miljoløftet'; {KNOWN}; did you mean "
        "'miljoloftet'?\n"
    )
    run = run_cli("regions", "stavanger")
    assert run.exit_code == 2
    assert run.stderr.endswith("did you mean 'bymiljopakken' (its party Stavanger kommune)?\n")


# --------------------------------------------------------------------------- explain


def test_explain_finds_a_regional_rule_without_ruleset() -> None:
    """SEK027 is only in the miljoloftet ruleset: explained from it, no other named."""
    run = run_cli("explain", "SEK027", "--lang", "en")
    assert run.exit_code == 0, run.stderr
    lines = run.output.splitlines()
    assert lines[0].startswith("SEK027 mandate-formalised — ")
    assert lines[1] == "Ruleset: miljoloftet (layers: national → miljoloftet)"
    assert "The rule is in the rulesets" not in run.output


def test_explain_names_the_other_rulesets_with_the_rule() -> None:
    run = run_cli("explain", "SEK008", "--lang", "en")
    assert run.exit_code == 0, run.stderr
    assert run.output.splitlines()[1] == "Ruleset: national (layers: national)"
    assert run.output.endswith(
        "\n\nThe rule is in the rulesets: national, bymiljopakken, miljoloftet; showing national "
        "(--ruleset NAME for another)\n"
    )
    run = run_cli("explain", "SEK008")
    assert run.output.endswith(
        "\n\nRegelen finnes i regelsettene: national, bymiljopakken, miljoloftet; viser national "
        "(--ruleset NAVN for et annet)\n"
    )


def test_explain_with_ruleset_shows_that_one() -> None:
    run = run_cli("explain", "SEK027", "--ruleset", "miljoloftet", "-f", "json")
    assert run.exit_code == 0
    assert run.report["ruleset"] == "miljoloftet"
    assert run.report["found_in"] == ["miljoloftet"]


def test_explain_json_names_every_ruleset_with_the_rule() -> None:
    run = run_cli("explain", "SEK008", "-f", "json")
    assert run.report["ruleset"] == "national"
    assert run.report["found_in"] == ["national", "bymiljopakken", "miljoloftet"]


def test_explain_unknown_rule_names_the_closest_of_any_ruleset(english: None) -> None:
    run = run_cli("explain", "sek027")
    assert run.exit_code == 2
    assert run.stderr == (
        "secretariat-rules: error: the rulesets national, bymiljopakken, miljoloftet have no "
        "rule 'sek027'; did you mean 'SEK027'?\n"
    )
    run = run_cli("explain", "SEK999")
    assert run.exit_code == 2
    assert "have no rule 'SEK999'; did you mean: " in run.stderr
