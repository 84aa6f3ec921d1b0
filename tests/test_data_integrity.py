"""DAT001–DAT005 with exact subjects and locations, and value formats end to end."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from secretariat_rules.testing import Repo

RepoFactory = Callable[..., Repo]

MEETING = {"id": "M1", "body": "sg", "date": "2024-03-01", "notice_sent": "2024-02-20"}


def test_invalid_record_is_one_finding_and_left_out(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        meetings=[MEETING, {"id": "M2", "body": "sg", "date": "31.02.2024"}],
        decisions=[{"id": "V1", "meeting": "M2", "kind": "vedtak"}],
    )
    run = repo.check("--lang", "en", "--select", "DAT")
    assert run.triples() == [("DAT001", "meetings/M2", ("meetings.csv:3",))]
    message = run.findings[0]["message"]
    assert "date: invalid value '31.02.2024'" in message
    # the decision refers to the record left out: no second finding (no DAT003)


def test_missing_required_field_without_id_uses_row_number(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        distributions=[
            {"document": "D1", "party": "bergen", "sent": "2024-03-01 10:00"},
            {"document": "D1", "party": "", "sent": "2024-03-01 10:00"},
        ],
        documents=[{"id": "D1", "title": "Notat", "kind": "notat", "date": "2024-03-01"}],
    )
    run = repo.check("--lang", "en", "--select", "DAT")
    assert run.triples() == [("DAT001", "distributions/row-2", ("distributions.csv:3",))]
    assert "missing required field 'party'" in run.findings[0]["message"]


def test_wrong_enum_and_amount(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        expenditures=[
            {
                "id": "E1",
                "date": "2024-01-05",
                "amount_nok": "825.50",
                "funding": "annet",
                "category": "analyse",
            },
            {
                "id": "E2",
                "date": "2024-01-05",
                "amount_nok": "kr 825 000",
                "funding": "lotto",
                "category": "analyse",
            },
            {
                "id": "E3",
                "date": "2024-01-05",
                "amount_nok": "825 000,50",
                "funding": "annet",
                "category": "analyse",
            },
        ]
    )
    run = repo.check("--lang", "en", "--select", "DAT")
    assert run.triples() == [
        ("DAT001", "expenditures/E1", ("expenditures.csv:2",)),
        ("DAT001", "expenditures/E2", ("expenditures.csv:3",)),
    ]
    assert "amount_nok: invalid value '825.50'" in run.findings[0]["message"]
    assert "funding: invalid value 'lotto'" in run.findings[1]["message"]


def test_duplicate_id_keeps_first_and_lists_both(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        meetings=[MEETING, {**MEETING, "date": "2024-04-01"}],
    )
    run = repo.check("--select", "DAT")
    assert run.triples() == [("DAT002", "meetings/M1", ("meetings.csv:2", "meetings.csv:3"))]


def test_dangling_reference_is_dat003_and_counts_as_absent(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        documents=[
            {"id": "D1", "title": "Saksliste", "kind": "saksdokument", "date": "2024-03-01"}
        ],
        distributions=[
            {"document": "D1", "party": "bergen", "sent": "2024-03-01 10:00"},
            {"document": "D1", "party": "oslo", "sent": "2024-03-01 10:00"},
            {"document": "D1", "party": "vlfk", "sent": "2024-03-01 10:00"},
        ],
    )
    run = repo.check("--lang", "en", "--select", "DAT003,SEK008")
    assert run.triples() == [
        ("DAT003", "distributions/row-2", ("distributions.csv:3",)),
        ("SEK008", "documents/D1", ("documents.csv:2",)),
    ]
    assert "party 'oslo' names no record of parties" in run.findings[0]["message"]
    assert "svv" in run.findings[1]["message"]


def test_unreadable_file_is_dat004_and_the_run_goes_on(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        files={"meetings.yaml": "- id: M1\n  body: [unclosed\n"},
        documents=[
            {"id": "D1", "title": "Notat", "kind": "notat", "date": "2024-03-01", "bad": "x"}
        ],
    )
    run = repo.check("--select", "DAT")
    assert [t[:2] for t in run.triples()] == [
        ("DAT004", "files/meetings"),
        ("DAT005", "files/documents"),
    ]
    assert run.triples()[0][2][0].startswith("meetings.yaml:")


def test_two_files_for_one_collection(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        files={"meetings.json": "[]"},
        meetings=[MEETING],
    )
    run = repo.check("--select", "DAT004")
    assert run.triples() == [
        ("DAT004", "files/meetings", ("meetings.csv:None", "meetings.json:None"))
    ]


def test_unknown_column_is_a_warning(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        documents=[
            {
                "id": "D1",
                "title": "Notat",
                "kind": "notat",
                "date": "2024-03-01",
                "archvied": "2024-03-02",
            }
        ]
    )
    run = repo.check("--lang", "en", "--select", "DAT")
    assert run.triples() == [("DAT005", "files/documents", ("documents.csv:1",))]
    assert "'archvied' (did you mean 'archived'?)" in run.findings[0]["message"]
    assert run.findings[0]["severity"] == "warning"
    assert run.exit_code == 0


def test_norwegian_formats_load_without_findings(secretariat_repo: RepoFactory) -> None:
    cp1252 = (
        "id;date;amount_nok;funding;category;description\n"
        "E1;01.03.2024;kr 825 000;annet;analyse;Bjørnafjorden\n"
        "E2;2024-03-01;825.000,50;annet;analyse;Årsmøte\n"
        "E3;2024-03-01;NOK 825000;annet;analyse;x\n"
    ).encode("cp1252")
    utf8_bom = (
        "\ufeffid,date,amount_nok,funding,category\n"
        "A1,2024-05-01,−1\u202f000,annet,analyse\n"
        "A2,2024-05-01,825\u00a0000,annet,analyse\n"
    )
    repo = secretariat_repo(
        files={"expenditures.csv": cp1252, "toll_usage.csv": "id,period,project,amount_nok\n"}
    )
    assert repo.check("--select", "DAT").triples() == []
    repo = secretariat_repo(files={"expenditures.csv": utf8_bom})
    assert repo.check("--select", "DAT").triples() == []


def test_multiline_cell_keeps_exact_lines(secretariat_repo: RepoFactory) -> None:
    text = (
        "id,title,kind,date\n"
        'D1,"Saksliste\nmed to linjer",notat,2024-03-01\n'
        "D2,Notat,notat,not-a-date\n"
    )
    repo = secretariat_repo(files={"documents.csv": text})
    run = repo.check("--select", "DAT")
    assert run.triples() == [("DAT001", "documents/D2", ("documents.csv:4",))]


def test_data_findings_use_json_paths_relative_to_repo(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(meetings=[{"id": "M1", "body": "nope", "date": "2024-03-01"}])
    run = repo.check("--select", "DAT")
    finding: dict[str, Any] = run.findings[0]
    assert finding["locations"] == [{"path": "meetings.csv", "line": 2}]
    assert finding["subject"] == {"collection": "meetings", "id": "M1"}
