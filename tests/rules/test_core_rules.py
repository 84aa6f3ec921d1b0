"""The six rules of the core: SEK006, SEK008, SEK009, SEK013, SEK019, SEK025.

Each rule has a passing and a failing case asserting the exact findings (rule, subject,
locations), plus the boundary cases the spec calls out.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from secretariat_rules.testing import BASE_MANIFEST, Repo

RepoFactory = Callable[..., Repo]
PARTIES = ("bergen", "vlfk", "svv")


def manifest(**secretariat: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE_MANIFEST)
    data["secretariat"].update(secretariat)
    return data


def doc(ident: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "title": f"Dokument {ident}",
        "kind": "notat",
        "date": "2024-03-01",
        **extra,
    }


def sent(document: str, party: str, when: str) -> dict[str, str]:
    return {"document": document, "party": party, "sent": when}


# --------------------------------------------------------------------------- SEK008


def test_sek008_passes_when_all_parties_get_it_within_24_hours(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(
        documents=[doc("D1")],
        distributions=[
            sent("D1", "bergen", "2024-03-01 10:00"),
            sent("D1", "vlfk", "2024-03-02T10:00:00+01:00"),  # exactly 24 h later: included
            sent("D1", "svv", "01.03.2024 12:00"),
        ],
    )
    assert repo.check("--select", "SEK008").triples() == []


def test_sek008_fails_for_a_missing_and_a_late_party(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        documents=[doc("D1"), doc("D2")],
        distributions=[
            sent("D1", "bergen", "2024-03-01 10:00"),
            sent("D1", "vlfk", "2024-03-02 10:01"),  # 24 h and a minute
            sent("D1", "svv", "2024-03-01 10:00"),
            sent("D2", "bergen", "2024-03-01 10:00"),
            sent("D2", "svv", "2024-03-01 10:00"),
        ],
    )
    run = repo.check("--select", "SEK008", "--lang", "en")
    # the late one is located at the document and its late distribution row, the missing
    # one at the document
    assert run.triples() == [
        ("SEK008", "documents/D1", ("documents.csv:2", "distributions.csv:3")),
        ("SEK008", "documents/D2", ("documents.csv:3",)),
    ]
    assert [f["message"] for f in run.findings] == [
        "Document D1 was not given equally to every party: first sent on 2024-03-01 10:00; "
        "sent more than 24 hours later to vlfk 2024-03-02 10:01",
        "Document D2 was not given equally to every party: not sent to vlfk",
    ]
    nb = repo.check("--select", "SEK008").findings[0]["message"]
    assert nb == (
        "Dokumentet D1 ble ikke gitt likt til alle parter: første utsending var "
        "2024-03-01 10:00; sendt mer enn 24 timer senere til vlfk 2024-03-02 10:01"
    )


def test_sek008_late_and_missing_is_located_at_the_document_and_the_late_rows(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(
        documents=[doc("D1")],
        distributions=[
            sent("D1", "svv", "2024-03-05 14:00"),  # late, listed first
            sent("D1", "bergen", "2024-03-01 10:00"),
            sent("D1", "svv", "2024-03-06 09:00"),  # a second sending: not the first
        ],
    )
    run = repo.check("--select", "SEK008", "--lang", "en")
    assert run.triples() == [("SEK008", "documents/D1", ("documents.csv:2", "distributions.csv:2"))]
    assert run.findings[0]["message"] == (
        "Document D1 was not given equally to every party: not sent to vlfk; first sent on "
        "2024-03-01 10:00; sent more than 24 hours later to svv 2024-03-05 14:00"
    )


def test_sek008_time_zone_decides_the_period(secretariat_repo: RepoFactory) -> None:
    # 2023-12-31T23:30Z is 2024-01-01 00:30 in Oslo: first distribution in period
    repo = secretariat_repo(
        documents=[doc("D1")],
        distributions=[sent("D1", "bergen", "2023-12-31T23:30:00Z")],
    )
    assert repo.check("--select", "SEK008").subjects() == ["documents/D1"]
    # 2023-12-31T22:30Z is 23:30 in Oslo: before the period, not checked
    repo = secretariat_repo(
        documents=[doc("D1")],
        distributions=[sent("D1", "bergen", "2023-12-31T22:30:00Z")],
    )
    assert repo.check("--select", "SEK008").subjects() == []


# --------------------------------------------------------------------------- SEK009


def test_sek009_passes_with_a_date(secretariat_repo: RepoFactory) -> None:
    assert (
        secretariat_repo(manifest=manifest(employer_waiver_agreement="01.02.2021"))
        .check("--select", "SEK009")
        .triples()
        == []
    )


def test_sek009_fails_on_a_placeholder_and_on_null(secretariat_repo: RepoFactory) -> None:
    for value in ("xx.xx.xx", None):
        run = secretariat_repo(manifest=manifest(employer_waiver_agreement=value)).check(
            "--select", "SEK009"
        )
        assert [t[:2] for t in run.triples()] == [("SEK009", "secretariat/testregion")]
        assert run.triples()[0][2][0].startswith("secretariat.yaml:")


# --------------------------------------------------------------------------- SEK013


def test_sek013_passes_for_neutral_channels(secretariat_repo: RepoFactory) -> None:
    assert secretariat_repo().check("--select", "SEK013").triples() == []


def test_sek013_flags_party_domains_and_subdomains(secretariat_repo: RepoFactory) -> None:
    data = copy.deepcopy(BASE_MANIFEST)
    data["channels"] = [
        {"kind": "email", "address": "miljoloftet@vegvesen.no"},
        {"kind": "web", "address": "https://www.bergen.kommune.no/miljoloftet"},
        {"kind": "web", "address": "https://notvegvesen.no"},
    ]
    run = secretariat_repo(manifest=data).check("--select", "SEK013")
    assert [t[:2] for t in run.triples()] == [
        ("SEK013", "channels/https://www.bergen.kommune.no/miljoloftet"),
        ("SEK013", "channels/miljoloftet@vegvesen.no"),
    ]
    assert all(f["severity"] == "warning" for f in run.findings)
    assert run.exit_code == 0


# --------------------------------------------------------------------------- SEK019

MEETINGS = [
    {"id": "M1", "body": "sg", "date": "2024-02-01"},
    {"id": "M2", "body": "ag", "date": "2024-02-01"},
    {"id": "M3", "body": "sg", "date": "2024-06-01"},
]
DECISIONS = [
    {"id": "V1", "meeting": "M1", "kind": "vedtak"},
    {"id": "V2", "meeting": "M2", "kind": "vedtak"},
    {"id": "O1", "meeting": "M3", "kind": "orientering"},
    {"id": "V3", "meeting": "M3", "kind": "vedtak"},
]


def spend(ident: str, amount: str, decision: str = "", category: str = "analyse") -> dict[str, str]:
    return {
        "id": ident,
        "date": "2024-03-01",
        "amount_nok": amount,
        "funding": "statlige_midler",
        "category": category,
        "decision": decision,
    }


def test_sek019_passes_within_authority_or_with_prior_vedtak(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        meetings=MEETINGS,
        decisions=DECISIONS,
        expenditures=[
            spend("E1", "500 000"),  # exactly at the limit
            spend("E2", "825 000", "V1"),
            spend("E3", "2 000 000", category="prosjekt"),
        ],
    )
    assert repo.check("--select", "SEK019").triples() == []


def test_sek019_fails_without_proper_authority(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        meetings=MEETINGS,
        decisions=DECISIONS,
        expenditures=[
            spend("E1", "500 001"),
            spend("E2", "kr 825 000", "O1"),  # information only, and after the fact
            spend("E3", "825 000", "V2"),  # not a steering group
            spend("E4", "825 000", "V3"),  # a vedtak after the expenditure
            spend("E5", "825 000", "V9"),  # dangling: DAT003 and absent here
        ],
    )
    run = repo.check("--select", "SEK019,DAT003", "--lang", "en")
    assert run.triples() == [
        ("DAT003", "expenditures/E5", ("expenditures.csv:6",)),
        ("SEK019", "expenditures/E1", ("expenditures.csv:2",)),
        ("SEK019", "expenditures/E2", ("expenditures.csv:3",)),
        ("SEK019", "expenditures/E3", ("expenditures.csv:4",)),
        ("SEK019", "expenditures/E4", ("expenditures.csv:5",)),
        ("SEK019", "expenditures/E5", ("expenditures.csv:6",)),
    ]
    lead = "Not within the secretariat's delegated authority: "
    assert [f["message"] for f in run.findings[1:5]] == [
        lead + "the expenditure E1 of NOK 500,001 on 2024-03-01 is above the authority of "
        "NOK 500,000, and no decision covers it",
        lead + "the expenditure E2 of NOK 825,000 refers to O1, which is an orientering, "
        "not a vedtak; O1 dates from 2024-06-01, after the expenditure on 2024-03-01",
        lead + "the decision V2 was not made by a steering group",
        lead + "V3 dates from 2024-06-01, after the expenditure on 2024-03-01",
    ]
    nb = repo.check("--select", "SEK019").findings[0]["message"]
    assert nb == (
        "Ikke innenfor sekretariatets fullmakt: utgiften E1 på 500 001 kr den 2024-03-01 "
        "er over fullmakten på 500 000 kr, og ingen vedtak dekker den"
    )


def test_sek019_missing_authority_is_one_finding_on_the_secretariat(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(
        manifest=manifest(delegated_authority_nok=None),
        expenditures=[spend("E1", "900 000")],
    )
    run = repo.check("--select", "SEK019")
    assert [t[:2] for t in run.triples()] == [("SEK019", "secretariat/testregion")]


# --------------------------------------------------------------------------- SEK025


def case(
    ident: str, date: str, archived: str | None, ref: str | None = "2024/1-1"
) -> dict[str, Any]:
    return doc(ident, kind="saksdokument", date=date, archive_ref=ref, archived=archived)


def test_sek025_passes_within_five_days(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        documents=[case("D1", "2024-03-01", "2024-03-06"), doc("N1", archived=None)]
    )
    assert repo.check("--select", "SEK025").triples() == []


def test_sek025_fails_late_unarchived_and_without_reference(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        documents=[
            case("D1", "2024-03-01", "2024-03-07"),
            case("D2", "2024-03-01", None),
            case("D3", "2024-03-01", "2024-03-02", ref=None),
        ]
    )
    assert repo.check("--select", "SEK025").triples() == [
        ("SEK025", "documents/D1", ("documents.csv:2",)),
        ("SEK025", "documents/D2", ("documents.csv:3",)),
        ("SEK025", "documents/D3", ("documents.csv:4",)),
    ]


def test_sek025_due_exactly_on_as_of_is_checked(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(documents=[case("D1", "2024-12-26", None)])
    assert repo.check("--select", "SEK025", "--as-of", "2024-12-31").subjects() == ["documents/D1"]
    assert repo.check("--select", "SEK025", "--as-of", "2024-12-30").subjects() == []


# --------------------------------------------------------------------------- SEK006


def bymiljopakken() -> dict[str, Any]:
    data = copy.deepcopy(BASE_MANIFEST)
    data["ruleset"] = "bymiljopakken"
    return data


PROJECTS = [
    {"id": "P1", "name": "Bussvei", "owner_party": "vlfk", "start": "2020-01-01"},
    {"id": "P2", "name": "Sykkelstamvei", "owner_party": "svv", "start": "2024-05-15"},
    {
        "id": "P3",
        "name": "Avsluttet",
        "owner_party": "bergen",
        "start": "2019-01-01",
        "end": "2023-12-31",
    },
    {"id": "P4", "name": "Utenfor", "owner_party": "bergen", "in_portfolio": "nei"},
]


def tertial(ident: str, period: str, submitted: str, to_body: str = "sg") -> dict[str, str]:
    return {
        "id": ident,
        "kind": "tertial",
        "period": period,
        "submitted": submitted,
        "to_body": to_body,
    }


def test_sek006_passes_with_every_tertial_covering_active_projects(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(
        manifest=bymiljopakken(),
        projects=PROJECTS,
        reports=[
            tertial("T1", "2024-T1", "2024-06-14"),  # exactly end + 45 days
            tertial("T2", "2024-T2", "2024-10-01"),
            tertial("T3", "2024-T3", "2025-02-01"),
        ],
        report_projects=[
            {"report": "T1", "project": "P1"},
            {"report": "T2", "project": "P1"},
            {"report": "T2", "project": "P2"},
            {"report": "T3", "project": "P1"},
            {"report": "T3", "project": "P2"},
        ],
    )
    assert repo.check("--select", "SEK006").triples() == []


def test_sek006_fails_for_missing_late_and_incomplete_reports(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(
        manifest=bymiljopakken(),
        projects=PROJECTS,
        reports=[
            tertial("T1", "2024-T1", "2024-05-20"),
            tertial("T3", "2024-T3", "2025-02-20", to_body="ag"),
        ],
        report_projects=[
            {"report": "T3", "project": "P1"},
            {"report": "T3", "project": "P2"},
        ],
    )
    run = repo.check("--select", "SEK006", "--lang", "en")
    assert run.triples() == [
        ("SEK006", "periods/2024-T1", ("reports.csv:2",)),
        ("SEK006", "periods/2024-T2", ("secretariat.yaml:4",)),
        ("SEK006", "periods/2024-T3", ("reports.csv:3",)),
    ]
    messages = [f["message"] for f in run.findings]
    assert "T1: does not cover the projects P1" in messages[0]
    assert "no tertial report for 2024-T2" in messages[1]
    assert "not submitted to a steering group" in messages[2]
    assert "more than 45 days" in messages[2]


def test_sek006_tertial_ending_after_as_of_is_not_checked(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(manifest=bymiljopakken(), projects=PROJECTS)
    # T2 ends 2024-08-31 and is due 45 days later, on 2024-10-15
    run = repo.check("--select", "SEK006", "--as-of", "2024-10-15")
    assert run.subjects() == ["periods/2024-T1", "periods/2024-T2"]
    run = repo.check("--select", "SEK006", "--as-of", "2024-10-14")
    assert run.subjects() == ["periods/2024-T1"]


def test_sek006_is_not_in_the_national_ruleset(secretariat_repo: RepoFactory) -> None:
    run = secretariat_repo().check()
    assert "SEK006" not in {r["id"] for r in run.report["rules"]}
