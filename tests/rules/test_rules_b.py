"""Rules B: reports, expenditures, toll money, indicators and analyses (SEK014-SEK018,
SEK020-SEK024; SEK019's limit boundary too).

Each rule has a passing case and a failing case asserting the exact findings (rule,
subject, locations), plus the boundary cases the spec calls out: a due date exactly on
``as_of`` is checked, one day later it is not; an action programme for ``2024-2027``
covers 2024; spending exactly at a limit or cap is within it. The base manifest's period
is 2024 and its ``as_of`` 2025-06-30; a finding on ``periods/2024`` without a record to
point at is located at the manifest's ``period`` line.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from secretariat_rules.testing import BASE_MANIFEST, Repo

RepoFactory = Callable[..., Repo]
PERIOD_LINE = "secretariat.yaml:4"  # where BASE_MANIFEST's ``period`` is written


def manifest(**secretariat: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE_MANIFEST)
    data["secretariat"].update(secretariat)
    return data


def toll(allowed: bool, cap: int | None = None) -> dict[str, Any]:
    return {"allowed": allowed, "annual_cap_nok": cap, "basis": "Prop. 11 S (2017–2018)"}


def report(ident: str, kind: str, period: str, submitted: str, **extra: Any) -> dict[str, Any]:
    return {"id": ident, "kind": kind, "period": period, "submitted": submitted, **extra}


def message(run: Any, index: int = 0) -> str:
    text: str = run.findings[index]["message"]
    return text


# --------------------------------------------------------------------------- SEK014

PROGRAMME_MEETINGS = [
    {"id": "M1", "body": "sg", "date": "2023-11-24"},
    {"id": "M2", "body": "ag", "date": "2023-11-24"},
]
PROGRAMME_DECISIONS = [
    {"id": "V1", "meeting": "M1", "kind": "vedtak"},
    {"id": "O1", "meeting": "M1", "kind": "orientering"},
    {"id": "V2", "meeting": "M2", "kind": "vedtak"},
]


def adoption(party: str, date: str = "2023-12-14", programme: str = "HP") -> dict[str, str]:
    return {"report": programme, "party": party, "date": date}


def programme_repo(
    secretariat_repo: RepoFactory,
    period: str = "2024-2027",
    decision: str = "V1",
    adoptions: list[dict[str, str]] | None = None,
) -> Repo:
    return secretariat_repo(
        meetings=PROGRAMME_MEETINGS,
        decisions=PROGRAMME_DECISIONS,
        reports=[report("HP", "action_programme", period, "2023-11-10", decision=decision)],
        adoptions=adoptions if adoptions is not None else [adoption("bergen"), adoption("vlfk")],
    )


@pytest.mark.parametrize("period", ["2024-2027", "2021-2024", "2024"])
def test_sek014_passes_for_a_programme_covering_the_year(
    secretariat_repo: RepoFactory, period: str
) -> None:
    # the state party (svv) does not adopt it locally, and need not
    run = programme_repo(secretariat_repo, period).check("--select", "SEK014")
    assert run.exit_code == 0
    assert run.triples() == []


def test_sek014_fails_without_a_programme_covering_the_year(secretariat_repo: RepoFactory) -> None:
    run = programme_repo(secretariat_repo, "2025-2028").check("--select", "SEK014", "--lang", "en")
    assert run.exit_code == 1
    assert run.triples() == [("SEK014", "periods/2024", (PERIOD_LINE,))]
    assert "no action programme covering 2024" in message(run)


def test_sek014_fails_on_decision_and_adoptions(secretariat_repo: RepoFactory) -> None:
    repo = programme_repo(
        secretariat_repo,
        decision="V2",  # a vedtak, but of the working group
        adoptions=[adoption("bergen"), adoption("vlfk", "2025-07-01")],  # after as_of
    )
    run = repo.check("--select", "SEK014", "--lang", "en")
    assert run.triples() == [("SEK014", "periods/2024", ("reports.csv:2",))]
    text = message(run)
    assert "V2 was not made by a steering group" in text
    assert "not adopted locally by vlfk" in text
    assert "not a vedtak" not in text


def test_sek014_an_orientering_is_not_a_decision(secretariat_repo: RepoFactory) -> None:
    run = programme_repo(secretariat_repo, decision="O1").check(
        "--select", "SEK014", "--lang", "en"
    )
    assert run.triples() == [("SEK014", "periods/2024", ("reports.csv:2",))]
    assert "O1 is an orientering, not a vedtak" in message(run)


def test_sek014_without_any_decision(secretariat_repo: RepoFactory) -> None:
    run = programme_repo(secretariat_repo, decision="").check("--select", "SEK014", "--lang", "en")
    assert run.triples() == [("SEK014", "periods/2024", ("reports.csv:2",))]
    assert "not handled in any decision" in message(run)


def test_sek014_one_satisfying_programme_is_enough(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        meetings=PROGRAMME_MEETINGS,
        decisions=PROGRAMME_DECISIONS,
        reports=[
            report("HP-OLD", "action_programme", "2022-2025", "2021-11-10", decision="O1"),
            report("HP", "action_programme", "2024-2027", "2023-11-10", decision="V1"),
        ],
        adoptions=[adoption("bergen"), adoption("vlfk")],
    )
    assert repo.check("--select", "SEK014").triples() == []


@pytest.mark.parametrize(("as_of", "checked"), [("2024-03-31", True), ("2024-03-30", False)])
def test_sek014_due_90_days_into_the_year(
    secretariat_repo: RepoFactory, as_of: str, checked: bool
) -> None:
    run = secretariat_repo().check("--select", "SEK014", "--as-of", as_of)
    assert run.subjects() == (["periods/2024"] if checked else [])
    status = {r["id"]: r["status"] for r in run.report["rules"]}["SEK014"]
    assert status == ("failed" if checked else "not_applicable")


# --------------------------------------------------------------------------- SEK015


def test_sek015_passes_with_budget_and_report(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        reports=[
            report("B", "annual_budget", "2024", "2023-11-10"),
            report("AR", "annual_report", "2024", "2025-06-30"),  # submitted on as_of
        ]
    )
    run = repo.check("--select", "SEK015")
    assert run.exit_code == 0
    assert run.triples() == []


def test_sek015_fails_without_budget_and_report(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        reports=[
            report("B23", "annual_budget", "2023", "2022-11-10"),  # another year
            report("AR", "annual_report", "2024", "2025-07-01"),  # after as_of: not yet
        ]
    )
    run = repo.check("--select", "SEK015", "--lang", "en")
    assert run.triples() == [("SEK015", "periods/2024", (PERIOD_LINE,))]
    assert "no annual budget for 2024; no annual report for 2024" in message(run)


def test_sek015_a_late_budget_is_not_a_breach(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        reports=[
            report("B", "annual_budget", "2024", "2024-03-01"),
            report("AR", "annual_report", "2024", "2025-06-01"),
        ]
    )
    assert repo.check("--select", "SEK015").triples() == []


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2024-01-31", ["no annual budget for 2024"]),  # Y-01-31
        ("2024-01-30", []),
        ("2025-06-30", ["no annual budget for 2024", "no annual report for 2024"]),
        ("2025-06-29", ["no annual budget for 2024"]),  # (Y+1)-06-30
    ],
)
def test_sek015_due_dates(secretariat_repo: RepoFactory, as_of: str, expected: list[str]) -> None:
    run = secretariat_repo().check("--select", "SEK015", "--as-of", as_of, "--lang", "en")
    if not expected:
        assert run.triples() == []
        return
    assert run.triples() == [("SEK015", "periods/2024", (PERIOD_LINE,))]
    assert message(run).endswith(": " + "; ".join(expected))


# --------------------------------------------------------------------------- SEK016


def test_sek016_passes_with_budget_and_accounts(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        reports=[
            report("SB", "secretariat_budget", "2024", "2023-11-10"),
            report("SA", "secretariat_accounts", "2024", "2025-04-15"),
        ]
    )
    assert repo.check("--select", "SEK016").triples() == []


def test_sek016_fails_without_accounts(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        reports=[
            report("SB", "secretariat_budget", "2024", "2023-11-10"),
            report("AB", "annual_budget", "2024", "2023-11-10"),  # not the secretariat's
        ]
    )
    run = repo.check("--select", "SEK016", "--lang", "en")
    assert run.triples() == [("SEK016", "periods/2024", (PERIOD_LINE,))]
    assert message(run).endswith(": no secretariat accounts for 2024")


@pytest.mark.parametrize(("as_of", "checked"), [("2025-04-30", True), ("2025-04-29", False)])
def test_sek016_accounts_due_at_the_end_of_april(
    secretariat_repo: RepoFactory, as_of: str, checked: bool
) -> None:
    repo = secretariat_repo(reports=[report("SB", "secretariat_budget", "2024", "2023-11-10")])
    run = repo.check("--select", "SEK016", "--as-of", as_of)
    assert run.subjects() == (["periods/2024"] if checked else [])


# --------------------------------------------------------------------------- SEK017

PROJECTS = [
    {"id": "P1", "name": "Bybanen", "owner_party": "vlfk", "in_portfolio": "true"},
    {"id": "P2", "name": "Sotrasambandet", "owner_party": "svv", "in_portfolio": "false"},
]


def usage(ident: str, period: str, project: str) -> dict[str, str]:
    return {"id": ident, "period": period, "project": project, "amount_nok": "1 000 000"}


def test_sek017_passes_with_statement_and_portfolio_projects(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        projects=PROJECTS,
        reports=[report("BS", "toll_usage_statement", "2024", "2025-04-30")],
        toll_usage=[
            usage("BP1", "2024", "P1"),
            usage("BP2", "2024-T2", "P1"),
        ],
    )
    assert repo.check("--select", "SEK017").triples() == []


def test_sek017_checks_every_toll_usage_row_not_only_those_in_period(
    secretariat_repo: RepoFactory,
) -> None:
    # SPEC: "Each toll_usage row names a project with in_portfolio true" (no period filter)
    repo = secretariat_repo(
        projects=PROJECTS,
        reports=[report("BS", "toll_usage_statement", "2024", "2025-04-30")],
        toll_usage=[usage("BP0", "2023", "P2")],
    )
    assert repo.check("--select", "SEK017").triples() == [
        ("SEK017", "toll_usage/BP0", ("toll_usage.csv:2",))
    ]


def test_sek017_fails_per_year_and_per_row(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        projects=PROJECTS,
        reports=[report("BS", "toll_usage_statement", "2023", "2024-04-30")],
        toll_usage=[usage("BP1", "2024", "P1"), usage("BP2", "2024-T3", "P2")],
    )
    run = repo.check("--select", "SEK017", "--lang", "en")
    assert run.triples() == [
        ("SEK017", "periods/2024", (PERIOD_LINE,)),
        ("SEK017", "toll_usage/BP2", ("toll_usage.csv:3",)),
    ]
    assert message(run, 0) == (
        "Insight into the use of toll money is not in order: no toll usage statement for 2024"
    )
    assert message(run, 1) == (
        "Insight into the use of toll money is not in order: the toll usage BP2 "
        "(NOK 1,000,000 in 2024-T3) is for project P2, which is not in the portfolio"
    )


@pytest.mark.parametrize(("as_of", "checked"), [("2025-04-30", True), ("2025-04-29", False)])
def test_sek017_statement_due_at_the_end_of_april(
    secretariat_repo: RepoFactory, as_of: str, checked: bool
) -> None:
    run = secretariat_repo().check("--select", "SEK017", "--as-of", as_of)
    assert run.subjects() == (["periods/2024"] if checked else [])


# --------------------------------------------------------------------------- SEK018


def outlay(
    ident: str, amount: str, category: str = "sekretariat", date: str = "2024-03-01"
) -> dict[str, str]:
    return {
        "id": ident,
        "date": date,
        "amount_nok": amount,
        "funding": "bompenger",
        "category": category,
    }


def test_sek018_passes_when_toll_money_goes_to_projects_only(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        expenditures=[
            outlay("E1", "45 000 000", "prosjekt"),
            outlay("E2", "50 000", "sekretariat", "2023-12-31"),  # before the period
        ]
    )
    assert repo.check("--select", "SEK018").triples() == []


def test_sek018_each_expenditure_is_a_finding_when_not_allowed(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(
        expenditures=[
            outlay("E1", "120 000"),
            outlay("E2", "30 000", "kommunikasjon"),
            outlay("E3", "1 000 000", "analyse"),
            {**outlay("E4", "80 000"), "funding": "statlige_midler"},
        ]
    )
    run = repo.check("--select", "SEK018", "--lang", "en")
    assert run.triples() == [
        ("SEK018", "expenditures/E1", ("expenditures.csv:2",)),
        ("SEK018", "expenditures/E2", ("expenditures.csv:3",)),
    ]
    assert message(run) == (
        "Toll money is used on the secretariat beyond what is allowed: the expenditure E1 on "
        "2024-03-01: NOK 120,000 of toll money spent on sekretariat, but the manifest does not "
        "allow toll money for the secretariat (toll_funding.allowed: no; basis: Prop. 11 S "
        "(2017–2018))"
    )


def test_sek018_sum_exactly_at_the_cap_passes(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        manifest=manifest(toll_funding=toll(True, 100_000)),
        expenditures=[
            outlay("E1", "60 000"),
            outlay("E2", "40 000", "kommunikasjon", "2024-12-31"),
            outlay("E3", "5 000 000", "prosjekt"),
        ],
    )
    run = repo.check("--select", "SEK018")
    assert run.exit_code == 0
    assert run.triples() == []


def test_sek018_sum_above_the_cap_is_a_finding_on_the_year(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        manifest=manifest(toll_funding=toll(True, 100_000)),
        expenditures=[
            outlay("E1", "60 000"),
            outlay("E2", "40 001", "kommunikasjon", "2024-12-31"),
            outlay("E3", "90 000", "sekretariat", "2025-01-02"),  # after the period
        ],
    )
    run = repo.check("--select", "SEK018", "--lang", "en")
    assert run.triples() == [("SEK018", "periods/2024", (PERIOD_LINE,))]
    assert "NOK 100,001 of toll money" in message(run)
    assert "above the cap of NOK 100,000" in message(run)


def test_sek018_no_cap_means_no_limit(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        manifest=manifest(toll_funding=toll(True)),
        expenditures=[outlay("E1", "9 000 000")],
    )
    assert repo.check("--select", "SEK018").triples() == []


def test_sek018_miljoloftet_forbids_toll_money_whatever_the_manifest(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(
        manifest=manifest(toll_funding=toll(True, 100_000)),
        expenditures=[outlay("E1", "10 000"), outlay("E2", "10 000", "prosjekt")],
    )
    assert repo.check("--select", "SEK018").triples() == []  # national: within the cap
    run = repo.check("--select", "SEK018", "--ruleset", "miljoloftet", "--lang", "en")
    assert run.triples() == [("SEK018", "expenditures/E1", ("expenditures.csv:2",))]
    assert "the ruleset does not allow toll money" in message(run)


# --------------------------------------------------------------------------- SEK019


@pytest.mark.parametrize(("amount", "flagged"), [("500 000", False), ("500 000,01", True)])
def test_sek019_an_expenditure_exactly_at_the_limit_is_within_it(
    secretariat_repo: RepoFactory, amount: str, flagged: bool
) -> None:
    spent = {
        "id": "E1",
        "date": "2024-03-01",
        "amount_nok": amount,
        "funding": "statlige_midler",
        "category": "sekretariat",
    }
    run = secretariat_repo(expenditures=[spent]).check("--select", "SEK019")
    expected = [("SEK019", "expenditures/E1", ("expenditures.csv:2",))] if flagged else []
    assert run.triples() == expected


# --------------------------------------------------------------------------- SEK020

INDICATORS = [
    {"id": "I1", "name": "Byindeks", "owner_party": "svv"},
    {"id": "I2", "name": "Reisevaner", "owner_party": ""},
    {"id": "I3", "name": "Sykkeltelling", "owner_party": "bergen"},
]


def delivery(ident: str, indicator: str, year: int, delivered: str = "", **extra: Any) -> dict:
    return {"id": ident, "indicator": indicator, "year": year, "delivered": delivered, **extra}


def test_sek020_passes_when_owned_and_delivered(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        indicators=[INDICATORS[0]],
        indicator_reports=[
            delivery("IR0", "I1", 2023),  # another year: no matter
            delivery("IR1", "I1", 2024, "2025-04-15"),  # late, but delivered
        ],
    )
    assert repo.check("--select", "SEK020").triples() == []


def test_sek020_fails_on_owner_and_delivery(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        indicators=INDICATORS,
        indicator_reports=[
            delivery("IR1", "I1", 2023, "2024-02-01"),  # not 2024
            delivery("IR2", "I2", 2024, "2025-02-01"),
            delivery("IR3", "I3", 2024),  # not delivered
        ],
    )
    run = repo.check("--select", "SEK020", "--lang", "en")
    assert run.triples() == [
        ("SEK020", "indicators/I1", ("indicators.csv:2",)),
        ("SEK020", "indicators/I2", ("indicators.csv:3",)),
        ("SEK020", "indicators/I3", ("indicator_reports.csv:4",)),
    ]
    assert message(run, 0).endswith(": no indicator report for 2024")
    assert "has no owner" in message(run, 1)
    assert "IR3: the report for 2024 is not delivered" in message(run, 2)


@pytest.mark.parametrize(("as_of", "checked"), [("2025-03-31", True), ("2025-03-30", False)])
def test_sek020_due_at_the_end_of_march(
    secretariat_repo: RepoFactory, as_of: str, checked: bool
) -> None:
    repo = secretariat_repo(indicators=[INDICATORS[0]])
    run = repo.check("--select", "SEK020", "--as-of", as_of)
    assert run.subjects() == (["indicators/I1"] if checked else [])


# --------------------------------------------------------------------------- SEK021


def test_sek021_passes_when_every_indicator_is_in_the_annual_report(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(
        indicators=[INDICATORS[0], INDICATORS[2]],
        reports=[
            report("AR23", "annual_report", "2023", "2024-06-01"),  # before the period
            report("AR24", "annual_report", "2024", "2025-06-01"),
        ],
        indicator_reports=[
            delivery("IR1", "I1", 2024, "2025-02-01", annual_report="AR24"),
            delivery("IR3", "I3", 2024, "2025-02-01", annual_report="AR24"),
        ],
    )
    assert repo.check("--select", "SEK021").triples() == []


def test_sek021_fails_for_an_indicator_missing_from_the_annual_report(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(
        indicators=[INDICATORS[0], INDICATORS[2]],
        reports=[
            report("AR23", "annual_report", "2023", "2024-06-01"),
            report("AR24", "annual_report", "2024", "2025-06-01"),
        ],
        indicator_reports=[
            delivery("IR1", "I1", 2024, "2025-02-01", annual_report="AR24"),
            delivery("IR3", "I3", 2024, "2025-02-01", annual_report="AR23"),  # wrong report
            delivery("IR4", "I3", 2023, "2024-02-01", annual_report="AR24"),  # wrong year
        ],
    )
    run = repo.check("--select", "SEK021", "--lang", "en")
    assert run.triples() == [("SEK021", "reports/AR24", ("reports.csv:3",))]
    assert "indicators I3 are not reported for 2024" in message(run)


def test_sek021_an_annual_report_after_as_of_is_not_checked(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(
        indicators=[INDICATORS[0]],
        reports=[report("AR24", "annual_report", "2024", "2025-07-01")],
    )
    assert repo.check("--select", "SEK021").triples() == []


# --------------------------------------------------------------------------- SEK022-SEK024

ANALYSIS_MEETINGS = [{"id": "M1", "body": "sg", "date": "2024-03-11"}]
ANALYSIS_DECISIONS = [{"id": "V1", "meeting": "M1", "kind": "vedtak"}]


def analysis(ident: str, ordered: str = "2024-03-11", **extra: Any) -> dict[str, Any]:
    base = {
        "id": ident,
        "title": f"Analyse {ident}",
        "ordered": ordered,
        "ordered_by_decision": "V1",
        "procurement_party": "svv",
    }
    return {**base, **extra}


def test_sek022_passes_with_the_indicator_owner(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        meetings=ANALYSIS_MEETINGS,
        decisions=ANALYSIS_DECISIONS,
        indicators=[INDICATORS[0]],
        analyses=[
            analysis("A1", indicator="I1", indicator_owner_involved="ja"),
            analysis("A2"),  # no indicator
            analysis("A3", "2023-12-31", indicator="I1"),  # before the period
        ],
    )
    assert repo.check("--select", "SEK022").triples() == []


def test_sek022_fails_without_the_indicator_owner(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        meetings=ANALYSIS_MEETINGS,
        decisions=ANALYSIS_DECISIONS,
        indicators=[INDICATORS[0]],
        analyses=[
            analysis("A1", indicator="I1", indicator_owner_involved="nei"),
            analysis("A2", indicator="I1"),  # defaults to false
        ],
    )
    run = repo.check("--select", "SEK022", "--lang", "en")
    assert run.triples() == [
        ("SEK022", "analyses/A1", ("analyses.csv:2",)),
        ("SEK022", "analyses/A2", ("analyses.csv:3",)),
    ]
    assert "the owner of indicator I1 (svv) was not involved" in message(run)


def test_sek023_passes_with_a_prior_decision_or_a_delegation(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        meetings=ANALYSIS_MEETINGS,
        decisions=ANALYSIS_DECISIONS,
        analyses=[
            analysis("A1"),  # decided the same day: ≤ includes it
            analysis("A2", "2024-03-10", ordered_by_decision="", delegation="AKG, sak 65/23"),
            analysis("A3", "2024-03-10", delegation="AKG, sak 65/23"),  # later decision too
        ],
    )
    assert repo.check("--select", "SEK023").triples() == []


def test_sek023_fails_without_an_order(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        meetings=ANALYSIS_MEETINGS,
        decisions=ANALYSIS_DECISIONS,
        analyses=[
            analysis("A1", ordered_by_decision=""),
            analysis("A2", "2024-03-10"),  # the decision came a day later
        ],
    )
    run = repo.check("--select", "SEK023", "--lang", "en")
    assert run.triples() == [
        ("SEK023", "analyses/A1", ("analyses.csv:2",)),
        ("SEK023", "analyses/A2", ("analyses.csv:3",)),
    ]
    assert "neither ordered by a decision" in message(run, 0)
    assert "V1 is dated 2024-03-11, after the order on 2024-03-10" in message(run, 1)
    assert {f["severity"] for f in run.findings} == {"error"}


def test_sek024_passes_with_a_party(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        meetings=ANALYSIS_MEETINGS,
        decisions=ANALYSIS_DECISIONS,
        analyses=[analysis("A1"), analysis("A2", "2023-05-01", procurement_party="")],
    )
    assert repo.check("--select", "SEK024").triples() == []


def test_sek024_fails_without_a_party(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        meetings=ANALYSIS_MEETINGS,
        decisions=ANALYSIS_DECISIONS,
        analyses=[
            analysis("A1", procurement_party=""),
            analysis("A2", procurement_party="ferde"),  # not a party: DAT003, absent here
        ],
    )
    run = repo.check("--select", "SEK024,DAT003")
    assert run.triples() == [
        ("DAT003", "analyses/A2", ("analyses.csv:3",)),
        ("SEK024", "analyses/A1", ("analyses.csv:2",)),
        ("SEK024", "analyses/A2", ("analyses.csv:3",)),
    ]
