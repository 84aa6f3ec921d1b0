"""SPEC 1.1 as-of semantics (issue 9 points 1-6): the checker sees the records as they
stood at the end of ``as_of`` (Europe/Oslo), SEK001/SEK008 due dates, DAT002 over every
id, required dangling references and missing required columns.

Every test asserts exact findings: (rule, subject, locations as ``path:line``).
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from secretariat_rules.api import load_dataset
from secretariat_rules.engine.as_of import as_of_view
from secretariat_rules.testing import BASE_MANIFEST, Repo, write_repo

RepoFactory = Callable[..., Repo]
PARTIES = ("bergen", "vlfk", "svv")
NOT_TO_SVV = "Document D1 was not given equally to every party: not sent to svv"


def manifest_2025(as_of: str = "2025-06-30") -> dict[str, Any]:
    data = copy.deepcopy(BASE_MANIFEST)
    data["period"] = {"start": "2025-01-01", "end": "2025-12-31"}
    data["as_of"] = as_of
    return data


def doc(ident: str, date: str, meeting: str | None = None) -> dict[str, Any]:
    return {
        "id": ident,
        "title": f"Dokument {ident}",
        "kind": "referat",
        "date": date,
        "meeting": meeting,
    }


def sent(document: str, party: str, when: str) -> dict[str, str]:
    return {"document": document, "party": party, "sent": when}


def messages(run: Any) -> list[str]:
    return [f["message"] for f in run.findings]


# --------------------------------------------------------------------------- 1. as of


@pytest.mark.parametrize(
    ("as_of", "last_sent", "exists"),
    [
        # winter (+01:00)
        ("2025-01-15", "2025-01-15T23:30:00+01:00", True),
        ("2025-01-15", "2025-01-16T00:30:00+01:00", False),
        ("2025-01-15", "2025-01-15T22:30:00Z", True),  # 23:30 in Oslo
        ("2025-01-15", "2025-01-15T23:30:00Z", False),  # 00:30 the next day in Oslo
        # summer (+02:00)
        ("2025-06-30", "2025-06-30T23:30:00+02:00", True),
        ("2025-06-30", "2025-07-01T00:30:00+02:00", False),
        ("2025-06-30", "2025-06-30T21:30:00Z", True),  # 23:30 in Oslo
        ("2025-06-30", "2025-06-30T22:30:00Z", False),  # 00:30 the next day in Oslo
        # naive means Europe/Oslo
        ("2025-06-30", "30.06.2025 23:30", True),
        ("2025-06-30", "2025-07-01T00:30", False),
    ],
)
def test_a_distribution_exists_from_its_sent_in_oslo_time(
    secretariat_repo: RepoFactory, as_of: str, last_sent: str, exists: bool
) -> None:
    """SEK026: svv's only sending counts only when it was sent by the end of as_of."""
    repo = secretariat_repo(
        manifest=manifest_2025(as_of),
        meetings=[{"id": "M1", "body": "sg", "date": "2025-01-10"}],
        documents=[doc("D1", "2025-01-10", "M1")],
        distributions=[
            sent("D1", "bergen", "2025-01-09T09:00"),
            sent("D1", "vlfk", "2025-01-09T09:00"),
            sent("D1", "svv", last_sent),
        ],
    )
    run = repo.check("--select", "SEK026")
    expected = [] if exists else [("SEK026", "documents/D1", ("documents.csv:2",))]
    assert run.triples() == expected


def test_an_earlier_as_of_reproduces_the_run_on_that_day(secretariat_repo: RepoFactory) -> None:
    """Sendings in August 2024 do not count in a run --as-of 2024-06-30."""
    repo = secretariat_repo(
        meetings=[{"id": "M1", "body": "sg", "date": "2024-06-01"}],
        documents=[doc("D1", "2024-06-01", "M1")],
        distributions=[
            sent("D1", "bergen", "2024-05-25T09:00"),
            sent("D1", "vlfk", "2024-05-25T09:00"),
            sent("D1", "svv", "2024-08-15T09:00"),
        ],
    )
    june = repo.check("--select", "SEK026", "--as-of", "2024-06-30")
    assert june.triples() == [("SEK026", "documents/D1", ("documents.csv:2",))]
    september = repo.check("--select", "SEK026", "--as-of", "2024-09-30")
    assert september.triples() == []


def followup_repo(secretariat_repo: RepoFactory) -> Repo:
    return secretariat_repo(
        meetings=[{"id": "M1", "body": "sg", "date": "2024-02-01"}],
        decisions=[{"id": "V1", "meeting": "M1", "kind": "vedtak"}],
        followups=[
            {
                "id": "F1",
                "decision": "V1",
                "responsible_party": "bergen",
                "deadline": "2024-05-01",
                "completed": "2024-08-01",
            }
        ],
        deviations=[
            {
                "id": "A1",
                "kind": "followup",
                "followup": "F1",
                "reported": "2024-04-20",
                "new_deadline": "2024-06-30",
            }
        ],
    )


def test_a_followup_completed_after_as_of_counts_as_not_completed(
    secretariat_repo: RepoFactory,
) -> None:
    """SEK004: completed 2024-08-01; in a run as of 2024-07-15 it is not completed (and
    the deviation's new deadline has passed); as of 2024-08-01 it is completed late with a
    deviation reported before."""
    repo = followup_repo(secretariat_repo)
    july = repo.check("--select", "SEK004", "--as-of", "2024-07-15")
    assert july.triples() == [("SEK004", "followups/F1", ("followups.csv:2",))]
    august = repo.check("--select", "SEK004", "--as-of", "2024-08-01")
    assert august.triples() == []


def loaded(tmp_path: Path, **collections: Any) -> Any:
    root = write_repo(tmp_path / "repo", manifest_2025(), **collections)
    return load_dataset(root)


def test_the_view_nulls_event_fields_and_drops_future_events(tmp_path: Path) -> None:
    """As of 2025-06-30: future event fields are null, future distributions, adoptions and
    decisions (by their meeting's date) are gone, with what requires them; plans stay."""
    ds = loaded(
        tmp_path,
        meetings=[
            {"id": "M1", "body": "sg", "date": "2025-06-30", "notice_sent": "2025-06-20"},
            {"id": "M2", "body": "sg", "date": "2025-09-01", "notice_sent": "2025-07-01"},
        ],
        decisions=[
            {"id": "V1", "meeting": "M1", "kind": "vedtak", "communicated": "2025-07-01"},
            {"id": "V2", "meeting": "M2", "kind": "vedtak"},
        ],
        followups=[
            {"id": "F1", "decision": "V1", "responsible_party": "bergen", "deadline": "2025-09-01"},
            {"id": "F2", "decision": "V2", "responsible_party": "bergen", "deadline": "2025-03-01"},
        ],
        deviations=[
            {"id": "A1", "kind": "followup", "followup": "F2", "reported": "2025-06-01"},
            {"id": "A2", "kind": "followup", "followup": "F1", "reported": "2025-07-01"},
        ],
        expenditures=[
            {
                "id": "U1",
                "date": "2025-05-01",
                "amount_nok": "1000",
                "funding": "annet",
                "category": "analyse",
                "decision": "V2",
            }
        ],
        documents=[doc("D1", "2025-06-01") | {"archived": "2025-07-01"}],
        distributions=[
            sent("D1", "bergen", "2025-06-30T21:30:00Z"),
            sent("D1", "vlfk", "2025-06-30T22:30:00Z"),
        ],
        reports=[
            {"id": "R1", "kind": "action_programme", "period": "2025", "submitted": "2025-06-30"},
            {"id": "R2", "kind": "annual_report", "period": "2025", "submitted": "2025-07-01"},
        ],
        adoptions=[
            {"report": "R1", "party": "bergen", "date": "2025-06-30"},
            {"report": "R1", "party": "vlfk", "date": "2025-07-01"},
        ],
        indicator_reports=[
            {"id": "I1", "indicator": "K1", "year": "2024", "delivered": "2025-07-01"}
        ],
        indicators=[{"id": "K1", "name": "Trafikkarbeid", "owner_party": "svv"}],
    )
    view = as_of_view(ds, dt.date(2025, 6, 30))

    def rows(name: str, *cols: str) -> list[tuple[Any, ...]]:
        return list(view.frame(name).select(cols).iter_rows())

    assert rows("meetings", "id", "notice_sent") == [
        ("M1", dt.date(2025, 6, 20)),
        ("M2", None),  # a plan stays; its notice of 2025-07-01 has not been sent yet
    ]
    assert rows("decisions", "id", "communicated") == [("V1", None)]
    assert rows("followups", "id") == [("F1",)]  # F2 follows a decision not made yet
    assert rows("deviations", "id", "followup", "reported") == [
        ("A1", None, dt.date(2025, 6, 1)),
        ("A2", "F1", None),
    ]
    assert rows("expenditures", "id", "decision") == [("U1", None)]
    assert rows("documents", "id", "archived") == [("D1", None)]
    assert rows("distributions", "party") == [("bergen",)]
    assert rows("reports", "id", "submitted") == [
        ("R1", dt.date(2025, 6, 30)),
        ("R2", None),
    ]
    assert rows("adoptions", "party") == [("bergen",)]
    assert rows("indicator_reports", "id", "delivered") == [("I1", None)]
    # the loaded dataset itself is unchanged: the data rules saw every record
    assert ds.frame("distributions").height == 2
    assert ds.frame("decisions").height == 2


def test_the_view_copies_no_frame_it_leaves_every_record_of(tmp_path: Path) -> None:
    """Nothing dated after as_of: the view's record frames are the loaded ones (no
    filtered copies of large collections), with the same rows."""
    ds = loaded(
        tmp_path,
        meetings=[{"id": "M1", "body": "sg", "date": "2025-06-30"}],
        decisions=[{"id": "V1", "meeting": "M1", "kind": "vedtak"}],
        documents=[doc("D1", "2025-06-01")],
        distributions=[sent("D1", "bergen", "2025-06-30T21:30:00Z")],  # 23:30 in Oslo
    )
    view = as_of_view(ds, dt.date(2025, 6, 30))
    for name in ("distributions", "adoptions", "expenditures", "projects"):
        assert view.frame(name) is ds.frame(name), name
    assert view.frame("distributions").height == view.frame("decisions").height == 1


def test_data_rules_see_records_after_as_of(secretariat_repo: RepoFactory) -> None:
    """A distribution after as_of to an unknown party is still a DAT003."""
    repo = secretariat_repo(
        documents=[doc("D1", "2024-06-01")],
        distributions=[sent("D1", "bergn", "2025-08-01T09:00")],
    )
    run = repo.check("--select", "DAT")
    assert run.triples() == [("DAT003", "distributions/row-1", ("distributions.csv:2",))]


# --------------------------------------------------------------------------- 2. SEK001


@pytest.mark.parametrize(
    ("date", "due"),
    [
        ("2025-07-05", True),  # notice due 2025-06-28
        ("2025-07-07", True),  # notice due 2025-06-30 = as_of
        ("2025-07-08", False),  # notice due 2025-07-01
        ("2025-10-01", False),
    ],
)
def test_sek001_planned_meeting_is_checked_for_the_notice_once_due(
    secretariat_repo: RepoFactory, date: str, due: bool
) -> None:
    repo = secretariat_repo(
        manifest=manifest_2025(),
        meetings=[{"id": "M1", "body": "sg", "date": date}],
    )
    run = repo.check("--select", "SEK001", "--lang", "en")
    if not due:
        assert run.triples() == []
        assert [r["status"] for r in run.report["rules"] if r["id"] == "SEK001"] == [
            "not_applicable"
        ]
        return
    assert run.triples() == [("SEK001", "meetings/M1", ("meetings.csv:2",))]
    # the notice alone: presence is due at the meeting's date
    assert messages(run) == [
        "Meeting M1 was not prepared or attended by the secretariat: "
        "no notice (agenda and case documents) recorded as sent"
    ]


def test_sek001_notice_sent_after_as_of_counts_as_not_sent(
    secretariat_repo: RepoFactory,
) -> None:
    """Meeting 2025-07-10, notice sent 2025-07-02: as of 2025-07-03 (notice due) the notice
    was sent; as of 2025-07-01 it is not due; a run as of 2025-07-03 with the notice dated
    2025-07-04 says not sent."""
    meeting = {"id": "M1", "body": "sg", "date": "2025-07-10", "notice_sent": "2025-07-03"}
    repo = secretariat_repo(manifest=manifest_2025(), meetings=[meeting])
    assert repo.check("--select", "SEK001", "--as-of", "2025-07-03").triples() == []
    later = secretariat_repo(
        manifest=manifest_2025(), meetings=[meeting | {"notice_sent": "2025-07-04"}]
    )
    run = later.check("--select", "SEK001", "--as-of", "2025-07-03", "--lang", "en")
    assert run.triples() == [("SEK001", "meetings/M1", ("meetings.csv:2",))]
    assert messages(run) == [
        "Meeting M1 was not prepared or attended by the secretariat: "
        "no notice (agenda and case documents) recorded as sent"
    ]
    # once the meeting is held (as of its date) the late notice and the absence both count
    held = later.check("--select", "SEK001", "--as-of", "2025-07-10", "--lang", "en")
    assert messages(held) == [
        "Meeting M1 was not prepared or attended by the secretariat: "
        "notice sent 2025-07-04, less than 7 days before the meeting on 2025-07-10; "
        "the secretariat is not recorded as present (secretariat_present: (missing))"
    ]


# --------------------------------------------------------------------------- 3. SEK008


@pytest.mark.parametrize(
    ("first", "due"),
    [
        ("2025-06-29T10:00:00+02:00", True),  # due 2025-06-30 10:00
        ("2025-06-29T23:00:00+02:00", True),  # due 23:00, an hour before the end of as_of
        ("2025-06-29T21:00:00Z", True),  # 23:00 Oslo summer time
        ("2025-06-30T01:00:00+02:00", False),  # due 2025-07-01 01:00, an hour after
        ("2025-06-29T23:00:00Z", False),  # 01:00 Oslo on 2025-06-30
    ],
)
def test_sek008_due_at_first_sent_plus_tolerance(
    secretariat_repo: RepoFactory, first: str, due: bool
) -> None:
    repo = secretariat_repo(
        manifest=manifest_2025(),
        documents=[doc("D1", "2025-06-29")],
        distributions=[sent("D1", "bergen", first), sent("D1", "vlfk", first)],
    )
    run = repo.check("--select", "SEK008", "--lang", "en")
    if due:
        assert run.triples() == [("SEK008", "documents/D1", ("documents.csv:2",))]
        assert messages(run) == [
            "Document D1 was not given equally to every party: not sent to svv"
        ]
    else:
        assert run.triples() == []


def test_sek008_a_distribution_to_an_unknown_party_is_not_the_first_sending(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(
        documents=[doc("D1", "2024-03-01")],
        distributions=[
            sent("D1", "bergn", "2024-03-01T09:00"),  # typo: DAT003, left out
            *(sent("D1", p, "2024-03-03T09:00") for p in PARTIES),
        ],
    )
    run = repo.check("--select", "SEK008,DAT")
    assert run.triples() == [("DAT003", "distributions/row-1", ("distributions.csv:2",))]


def test_sek008_a_sending_after_as_of_is_not_the_first_or_any(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(
        manifest=manifest_2025(),
        documents=[doc("D1", "2025-06-01")],
        distributions=[
            *(sent("D1", p, "2025-06-01T09:00") for p in ("bergen", "vlfk")),
            sent("D1", "svv", "2025-07-01T09:00"),
        ],
    )
    run = repo.check("--select", "SEK008", "--lang", "en")
    assert messages(run) == [NOT_TO_SVV]
    later = repo.check("--select", "SEK008", "--lang", "en", "--as-of", "2025-07-01")
    assert later.triples() == [
        ("SEK008", "documents/D1", ("documents.csv:2", "distributions.csv:4"))
    ]
    assert messages(later) == [
        "Document D1 was not given equally to every party: first sent on 2025-06-01 09:00; "
        "sent more than 24 hours later to svv 2025-07-01 09:00"
    ]


# --------------------------------------------------------------------------- 4. DAT002


def test_dat002_over_invalid_records_keeps_the_first_and_none_takes_part(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(
        meetings=[{"id": "M1", "body": "sg", "date": "2024-03-01"}],
        decisions=[
            {"id": "V-1", "meeting": "M1", "kind": "vedtk"},
            {"id": "V-1", "meeting": "M1", "kind": "vedtak"},
        ],
    )
    run = repo.check("--select", "DAT,SEK003", "--lang", "en")
    assert run.triples() == [
        ("DAT001", "decisions/V-1", ("decisions.csv:2",)),
        ("DAT002", "decisions/V-1", ("decisions.csv:2", "decisions.csv:3")),
    ]
    assert "the first is invalid, so none is used" in messages(run)[1]
    assert [r["status"] for r in run.report["rules"] if r["id"] == "SEK003"] == ["not_applicable"]


def test_dat002_first_valid_is_kept(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        meetings=[{"id": "M1", "body": "sg", "date": "2024-03-01"}],
        decisions=[
            {"id": "V-1", "meeting": "M1", "kind": "vedtak"},
            {"id": "V-1", "meeting": "M1", "kind": "vedtk"},
        ],
    )
    run = repo.check("--select", "DAT,SEK003", "--lang", "en")
    assert run.triples() == [
        ("DAT001", "decisions/V-1", ("decisions.csv:3",)),
        ("DAT002", "decisions/V-1", ("decisions.csv:2", "decisions.csv:3")),
        ("SEK003", "decisions/V-1", ("decisions.csv:2",)),
    ]
    assert "the first is used" in messages(run)[1]


# --------------------------------------------------------------------------- 5. DAT003


def test_required_dangling_reference_leaves_the_record_out(
    secretariat_repo: RepoFactory,
) -> None:
    """A follow-up of an unknown decision, overdue and not completed: DAT003 only."""
    repo = secretariat_repo(
        followups=[
            {
                "id": "F1",
                "decision": "V-404",
                "responsible_party": "bergen",
                "deadline": "2024-05-01",
            }
        ],
    )
    run = repo.check("--select", "DAT,SEK004")
    assert run.triples() == [("DAT003", "followups/F1", ("followups.csv:2",))]


def test_optional_dangling_reference_counts_as_absent(secretariat_repo: RepoFactory) -> None:
    """An expenditure above the authority whose decision names nothing breaks SEK019."""
    repo = secretariat_repo(
        expenditures=[
            {
                "id": "U1",
                "date": "2024-05-01",
                "amount_nok": "900 000",
                "funding": "annet",
                "category": "analyse",
                "decision": "V-404",
            }
        ],
    )
    run = repo.check("--select", "DAT,SEK019")
    assert run.triples() == [
        ("DAT003", "expenditures/U1", ("expenditures.csv:2",)),
        ("SEK019", "expenditures/U1", ("expenditures.csv:2",)),
    ]


# --------------------------------------------------------------------------- 6. header


def test_missing_required_column_is_one_dat001_on_the_file(
    secretariat_repo: RepoFactory,
) -> None:
    rows = [
        {
            "id": f"U{i}",
            "date": "2024-05-01",
            "amout_nok": "900 000",
            "funding": "annet",
            "category": "analyse",
        }
        for i in range(1, 6)
    ]
    repo = secretariat_repo(expenditures=rows)
    run = repo.check("--select", "DAT,SEK019", "--lang", "en")
    assert run.triples() == [("DAT001", "files/expenditures", ("expenditures.csv:1",))]
    assert messages(run) == [
        "expenditures.csv: the header has no required column 'amount_nok' "
        "(the unknown column 'amout_nok' is the closest); "
        "the 5 row(s) of expenditures.csv are left out"
    ]


def test_references_to_rows_of_a_left_out_file_are_not_dangling(
    secretariat_repo: RepoFactory,
) -> None:
    """decisions.csv lacks `kind`: its rows take no part, but followups naming V1 are not
    DAT003 (V1 exists); they are left out with it."""
    repo = secretariat_repo(
        meetings=[{"id": "M1", "body": "sg", "date": "2024-03-01"}],
        decisions=[{"id": "V1", "meeting": "M1", "knd": "vedtak"}],
        followups=[
            {"id": "F1", "decision": "V1", "responsible_party": "bergen", "deadline": "2024-05-01"}
        ],
    )
    run = repo.check("--select", "DAT,SEK004", "--lang", "en")
    assert run.triples() == [("DAT001", "files/decisions", ("decisions.csv:1",))]
    assert messages(run) == [
        "decisions.csv: the header has no required column 'kind' "
        "(the unknown column 'knd' is the closest); "
        "the 1 row(s) of decisions.csv are left out"
    ]


def test_missing_column_names_the_other_unknown_columns(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        documents=[{"id": "D1", "title": "T", "kind": "referat", "dato": "2024-01-01", "x": 1}],
    )
    run = repo.check("--select", "DAT", "--lang", "en")
    assert run.triples() == [("DAT001", "files/documents", ("documents.csv:1",))]
    assert messages(run) == [
        "documents.csv: the header has no required column 'date' "
        "(the unknown column 'dato' is the closest); "
        "unknown column(s) 'x'; the 1 row(s) of documents.csv are left out"
    ]
