"""Rules A: meetings, decisions, follow-ups, deviations, representations, the secretariat
and documents (SEK001-005, SEK007, SEK010-012, SEK026, SEK027).

Each rule has a passing case and a failing case asserting the exact findings (rule,
subject, locations), plus the boundary cases the spec calls out: a due date exactly on
``as_of`` is checked, one day later it is not; "≤" and "within" include the boundary.
The base manifest's period is 2024 and its ``as_of`` 2025-06-30.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from secretariat_rules.engine.ruleset import load_ruleset
from secretariat_rules.plugins import load_registry
from secretariat_rules.testing import BASE_MANIFEST, Repo

RepoFactory = Callable[..., Repo]
GUIDELINES = Path("/work/shared/guidelines")


def manifest(bodies: list[dict[str, str]] | None = None, **secretariat: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE_MANIFEST)
    data["secretariat"].update(secretariat)
    if bodies is not None:
        data["bodies"] = [*data["bodies"], *bodies]
    return data


def manifest_line(repo: Repo, key: str) -> str:
    """``secretariat.yaml:N`` where ``key:`` is written in the test's manifest."""
    lines = (repo.path / "secretariat.yaml").read_text(encoding="utf-8").splitlines()
    numbers = [n for n, text in enumerate(lines, 1) if text.strip().startswith(f"{key}:")]
    assert len(numbers) == 1, key
    return f"secretariat.yaml:{numbers[0]}"


def meeting(ident: str, date: str, body: str = "sg", **extra: Any) -> dict[str, Any]:
    return {"id": ident, "body": body, "date": date, **extra}


def prepared(ident: str, date: str, notice: str, body: str = "sg") -> dict[str, Any]:
    return meeting(ident, date, body, notice_sent=notice, secretariat_present="ja")


def decision(ident: str, meeting_id: str, kind: str = "vedtak", **extra: Any) -> dict[str, Any]:
    return {"id": ident, "meeting": meeting_id, "kind": kind, **extra}


def doc(ident: str, kind: str, date: str, **extra: Any) -> dict[str, Any]:
    return {"id": ident, "title": f"Dokument {ident}", "kind": kind, "date": date, **extra}


def followup(ident: str, deadline: str, completed: str | None = None) -> dict[str, Any]:
    return {
        "id": ident,
        "decision": "V1",
        "responsible_party": "bergen",
        "deadline": deadline,
        "completed": completed,
    }


def deviation(ident: str, kind: str = "followup", **extra: Any) -> dict[str, Any]:
    return {"id": ident, "kind": kind, **extra}


def representation(ident: str, date: str, stance: str, **extra: Any) -> dict[str, Any]:
    return {"id": ident, "date": date, "forum": "Byvekstkonferansen", "stance": stance, **extra}


def messages(run: Any) -> list[str]:
    return [f["message"] for f in run.findings]


# The decision every follow-up hangs on.
BASE_DECISIONS = {"meetings": [meeting("M0", "2023-11-01")], "decisions": [decision("V1", "M0")]}


# --------------------------------------------------------------------------- SEK001


def test_sek001_passes_with_notice_exactly_seven_days_before(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(
        meetings=[
            prepared("M1", "2024-03-10", notice="2024-03-03"),  # exactly 7 days: passes
            meeting("M2", "2024-03-10", body="ag"),  # a working group: not in scope
            meeting("M3", "2023-12-10"),  # before the period
        ]
    )
    run = repo.check("--select", "SEK001")
    assert run.exit_code == 0
    assert run.triples() == []


def test_sek001_fails_with_a_reason_for_each_problem(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        meetings=[
            meeting("M1", "2024-03-10", secretariat_present="ja"),  # no notice
            meeting("M2", "2024-03-10", notice_sent="2024-03-04", secretariat_present="ja"),
            meeting("M3", "2024-03-10", notice_sent="2024-03-01", secretariat_present="nei"),
            meeting("M4", "2024-03-10", notice_sent="2024-03-01"),  # presence not recorded
            meeting("M5", "2024-03-10"),
        ]
    )
    run = repo.check("--select", "SEK001", "--lang", "en")
    assert run.exit_code == 1
    assert run.triples() == [
        ("SEK001", "meetings/M1", ("meetings.csv:2",)),
        ("SEK001", "meetings/M2", ("meetings.csv:3",)),
        ("SEK001", "meetings/M3", ("meetings.csv:4",)),
        ("SEK001", "meetings/M4", ("meetings.csv:5",)),
        ("SEK001", "meetings/M5", ("meetings.csv:6",)),
    ]
    m1, m2, m3, m4, m5 = messages(run)
    assert "no notice" in m1 and "not recorded as present" not in m1
    assert "notice sent 2024-03-04, less than 7 days before the meeting on 2024-03-10" in m2
    assert "not recorded as present (secretariat_present: no)" in m3
    assert "not recorded as present (secretariat_present: (missing))" in m4
    assert "no notice" in m5 and "not recorded as present" in m5


def test_sek001_applies_to_every_steering_group(secretariat_repo: RepoFactory) -> None:
    """Miljøløftet 1f: Bypakke Bergen's steering group is served on the same terms."""
    bypakke = {"id": "bb", "name": "Styringsgruppen for Bypakke Bergen", "kind": "steering_group"}
    repo = secretariat_repo(
        manifest=manifest(bodies=[bypakke]),
        meetings=[
            prepared("M1", "2024-03-10", notice="2024-03-01"),
            prepared("BB1", "2024-03-12", notice="2024-03-10", body="bb"),
        ],
    )
    for ruleset in ("national", "miljoloftet"):
        run = repo.check("--select", "SEK001", "--ruleset", ruleset)
        assert run.triples() == [("SEK001", "meetings/BB1", ("meetings.csv:3",))]
        assert run.findings[0]["clause"] == "1b"


# --------------------------------------------------------------------------- SEK002


def test_sek002_passes_with_minutes_exactly_14_days_after(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        meetings=[
            meeting("M1", "2024-03-10", minutes="R1"),
            meeting("M2", "2024-04-10"),  # no decisions: nothing to record
            meeting("M3", "2024-05-10", body="ag"),  # a working group
        ],
        decisions=[decision("V1", "M1"), decision("O1", "M1", "orientering"), decision("V3", "M3")],
        documents=[doc("R1", "referat", "2024-03-24")],
    )
    run = repo.check("--select", "SEK002")
    assert run.exit_code == 0
    assert run.triples() == []


def test_sek002_fails_for_missing_wrong_and_late_minutes(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        meetings=[
            meeting("M1", "2024-03-10"),
            meeting("M2", "2024-04-10", minutes="S2"),
            meeting("M3", "2024-05-10", minutes="R3"),
        ],
        decisions=[decision("V1", "M1"), decision("O2", "M2", "orientering"), decision("V3", "M3")],
        documents=[doc("S2", "saksdokument", "2024-04-11"), doc("R3", "referat", "2024-05-25")],
    )
    run = repo.check("--select", "SEK002", "--lang", "en")
    assert run.triples() == [
        ("SEK002", "meetings/M1", ("meetings.csv:2",)),
        ("SEK002", "meetings/M2", ("meetings.csv:3",)),
        ("SEK002", "meetings/M3", ("meetings.csv:4",)),
    ]
    m1, m2, m3 = messages(run)
    assert m1.endswith("no minutes recorded")
    assert m2.endswith("minutes names S2, of kind saksdokument, not a referat")
    assert "the minutes R3 are dated 2024-05-25, more than 14 days after" in m3


@pytest.mark.parametrize(("as_of", "checked"), [("2024-12-31", True), ("2024-12-30", False)])
def test_sek002_is_due_at_meeting_plus_14_days(
    secretariat_repo: RepoFactory, as_of: str, checked: bool
) -> None:
    repo = secretariat_repo(
        meetings=[meeting("M1", "2024-12-17")], decisions=[decision("V1", "M1")]
    )
    run = repo.check("--select", "SEK002", "--as-of", as_of)
    expected = [("SEK002", "meetings/M1", ("meetings.csv:2",))] if checked else []
    assert run.triples() == expected


# --------------------------------------------------------------------------- SEK003


def test_sek003_passes_when_communicated_exactly_14_days_after(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(
        meetings=[meeting("M1", "2024-03-10"), meeting("M0", "2023-12-01")],
        decisions=[
            decision("V1", "M1", responsible_party="svv", communicated="2024-03-24"),
            decision("O1", "M1", "orientering"),  # for information only: not in scope
            decision("V0", "M0"),  # dated (by its meeting) before the period
        ],
    )
    run = repo.check("--select", "SEK003")
    assert run.exit_code == 0
    assert run.triples() == []


def test_sek003_fails_without_party_or_timely_communication(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(
        meetings=[meeting("M1", "2024-03-10")],
        decisions=[
            decision("V1", "M1", communicated="2024-03-11"),
            decision("V2", "M1", responsible_party="bergen", communicated="2024-03-25"),
            decision("V3", "M1", responsible_party="bergen"),
        ],
    )
    run = repo.check("--select", "SEK003", "--lang", "en")
    assert run.triples() == [
        ("SEK003", "decisions/V1", ("decisions.csv:2",)),
        ("SEK003", "decisions/V2", ("decisions.csv:3",)),
        ("SEK003", "decisions/V3", ("decisions.csv:4",)),
    ]
    v1, v2, v3 = messages(run)
    assert v1.endswith("no responsible party given")
    assert v2.endswith("communicated 2024-03-25, more than 14 days after the meeting on 2024-03-10")
    assert v3.endswith("not recorded as communicated to the responsible party")


@pytest.mark.parametrize(("as_of", "checked"), [("2024-03-24", True), ("2024-03-23", False)])
def test_sek003_is_due_at_meeting_plus_14_days(
    secretariat_repo: RepoFactory, as_of: str, checked: bool
) -> None:
    repo = secretariat_repo(
        meetings=[meeting("M1", "2024-03-10")],
        decisions=[decision("V1", "M1", responsible_party="svv")],
    )
    run = repo.check("--select", "SEK003", "--as-of", as_of)
    expected = [("SEK003", "decisions/V1", ("decisions.csv:2",))] if checked else []
    assert run.triples() == expected


def test_sek003_decision_of_an_unknown_meeting_is_dangling_not_a_crash(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(
        meetings=[meeting("M1", "2024-03-10")],
        decisions=[decision("V1", "M9", responsible_party="svv")],
    )
    run = repo.check("--select", "SEK003,DAT003", "--lang", "en")
    assert run.exit_code == 1
    # The decision has no date (its meeting counts as absent): SEK003 cannot place it.
    assert run.triples() == [("DAT003", "decisions/V1", ("decisions.csv:2",))]
    assert "meeting 'M9' names no record of meetings" in run.findings[0]["message"]


# --------------------------------------------------------------------------- SEK004


def test_sek004_passes_with_deviation_reports(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        **BASE_DECISIONS,
        followups=[
            followup("F1", "2024-05-01"),  # open, new deadline exactly as_of
            followup("F2", "2024-05-01", completed="2024-06-01"),  # late, reported that day
            followup("F3", "2024-05-01", completed="2024-05-01"),  # on time
            followup("F4", "2023-12-01"),  # deadline before the period
        ],
        deviations=[
            deviation("A1", followup="F1", reported="2024-05-02", new_deadline="2025-06-30"),
            deviation("A2", followup="F2", reported="2024-06-01", new_deadline="2024-06-15"),
        ],
    )
    run = repo.check("--select", "SEK004")
    assert run.exit_code == 0
    assert run.triples() == []


def test_sek004_fails_without_a_fitting_deviation_report(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        **BASE_DECISIONS,
        followups=[
            followup("F1", "2024-05-01"),  # open, no deviation
            followup("F2", "2024-05-01"),  # open, new deadline already passed
            followup("F3", "2024-05-01", completed="2024-06-01"),  # reported after completion
            followup("F4", "2024-05-01", completed="2024-06-01"),  # no deviation at all
        ],
        deviations=[
            deviation("A2", followup="F2", reported="2024-05-02", new_deadline="2025-06-29"),
            deviation("A3", followup="F3", reported="2024-06-02", new_deadline="2024-06-15"),
        ],
    )
    run = repo.check("--select", "SEK004", "--lang", "en")
    assert run.triples() == [
        ("SEK004", "followups/F1", ("followups.csv:2",)),
        ("SEK004", "followups/F2", ("followups.csv:3",)),
        ("SEK004", "followups/F3", ("followups.csv:4",)),
        ("SEK004", "followups/F4", ("followups.csv:5",)),
    ]
    f1, f2, f3, f4 = messages(run)
    assert f1.endswith(
        "not completed by the deadline 2024-05-01, and no deviation report sets a new deadline"
        " on or after 2025-06-30"
    )
    assert f2 == f1.replace("F1", "F2")
    assert f3.endswith(
        "completed 2024-06-01, after the deadline 2024-05-01, with no deviation report by then"
    )
    assert f4 == f3.replace("F3", "F4")


def test_sek004_deadline_on_as_of_is_not_yet_in_scope(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        **BASE_DECISIONS,
        followups=[followup("F1", "2024-06-01"), followup("F2", "2024-05-31")],
    )
    run = repo.check("--select", "SEK004", "--as-of", "2024-06-01")
    assert run.triples() == [("SEK004", "followups/F2", ("followups.csv:3",))]


# --------------------------------------------------------------------------- SEK005


def test_sek005_passes_with_a_later_new_deadline(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        deviations=[
            deviation("A1", reported="2024-05-02", new_deadline="2024-05-03"),
            deviation("A2", "project", reported="2024-05-02"),  # a project deviation
            deviation("A3", reported="2023-12-20"),  # reported before the period
        ]
    )
    run = repo.check("--select", "SEK005")
    assert run.exit_code == 0
    assert run.triples() == []


def test_sek005_fails_without_a_later_new_deadline(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        deviations=[
            deviation("A1", reported="2024-05-02"),
            deviation("A2", reported="2024-05-02", new_deadline="2024-05-02"),
        ]
    )
    run = repo.check("--select", "SEK005", "--lang", "en")
    assert run.triples() == [
        ("SEK005", "deviations/A1", ("deviations.csv:2",)),
        ("SEK005", "deviations/A2", ("deviations.csv:3",)),
    ]
    a1, a2 = messages(run)
    assert a1.endswith("no new deadline")
    assert a2.endswith("new deadline 2024-05-02 is not after the report date 2024-05-02")


# --------------------------------------------------------------------------- SEK007


def test_sek007_passes_when_reported_to_the_steering_group_within_30_days(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(
        deviations=[
            deviation(
                "P1", "project", detected="2024-05-01", reported="2024-05-31", reported_to="sg"
            ),
            deviation("A1", detected="2024-05-01"),  # a follow-up's deviation: not in scope
            deviation("P2", "project", detected="2023-12-01"),  # detected before the period
        ]
    )
    run = repo.check("--select", "SEK007", "--ruleset", "bymiljopakken")
    assert run.exit_code == 0
    assert run.triples() == []


def test_sek007_fails_when_late_unreported_or_to_another_body(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(
        deviations=[
            deviation(
                "P1", "project", detected="2024-05-01", reported="2024-06-01", reported_to="sg"
            ),
            deviation(
                "P2", "project", detected="2024-05-01", reported="2024-05-10", reported_to="ag"
            ),
            deviation("P3", "project", detected="2024-05-01"),
        ]
    )
    run = repo.check("--select", "SEK007", "--ruleset", "bymiljopakken", "--lang", "en")
    assert run.triples() == [
        ("SEK007", "deviations/P1", ("deviations.csv:2",)),
        ("SEK007", "deviations/P2", ("deviations.csv:3",)),
        ("SEK007", "deviations/P3", ("deviations.csv:4",)),
    ]
    p1, p2, p3 = messages(run)
    assert p1.endswith("reported 2024-06-01, more than 30 days after it was detected on 2024-05-01")
    assert p2.endswith("not reported to a steering group (reported_to: ag)")
    assert p3.endswith("not reported")
    assert run.findings[0]["clause"] == "1e"


@pytest.mark.parametrize(("as_of", "checked"), [("2024-12-31", True), ("2024-12-30", False)])
def test_sek007_is_due_at_detected_plus_30_days(
    secretariat_repo: RepoFactory, as_of: str, checked: bool
) -> None:
    repo = secretariat_repo(deviations=[deviation("P1", "project", detected="2024-12-01")])
    run = repo.check("--select", "SEK007", "--ruleset", "bymiljopakken", "--as-of", as_of)
    expected = [("SEK007", "deviations/P1", ("deviations.csv:2",))] if checked else []
    assert run.triples() == expected


def test_sek007_is_bymiljopakken_only(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo()
    for ruleset in ("national", "miljoloftet"):
        assert repo.check("--select", "SEK007", "--ruleset", ruleset).exit_code == 2


# --------------------------------------------------------------------------- SEK010


def test_sek010_passes_with_a_steering_group_vedtak(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        manifest=manifest(leader_appointment_decision="V-2020-031"),
        meetings=[meeting("M1", "2020-06-01")],
        decisions=[decision("V-2020-031", "M1")],
    )
    run = repo.check("--select", "SEK010")
    assert run.exit_code == 0
    assert run.triples() == []


def test_sek010_fails_without_an_appointment_decision(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(manifest=manifest(leader_appointment_decision=None))
    run = repo.check("--select", "SEK010", "--lang", "en")
    where = manifest_line(repo, "leader_appointment_decision")
    assert run.triples() == [("SEK010", "secretariat/testregion", (where,))]
    assert run.findings[0]["message"].endswith(
        "leader_appointment_decision is not given or names no record in decisions"
    )


def test_sek010_fails_for_an_orientering_of_a_working_group(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(
        manifest=manifest(leader_appointment_decision="O1"),
        meetings=[meeting("M1", "2020-06-01", body="ag")],
        decisions=[decision("O1", "M1", "orientering")],
    )
    run = repo.check("--select", "SEK010", "--ruleset", "bymiljopakken", "--lang", "en")
    where = manifest_line(repo, "leader_appointment_decision")
    assert run.triples() == [("SEK010", "secretariat/testregion", (where,))]
    message = run.findings[0]["message"]
    assert "O1 is an orientering, not a vedtak" in message
    assert "O1 was not made in a steering group meeting" in message
    assert run.findings[0]["clause"] == "2c"  # Bymiljøpakken's numbering


def test_sek010_dangling_decision_gives_dat003_and_a_finding(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(manifest=manifest(leader_appointment_decision="V-9"))
    run = repo.check("--select", "SEK010,DAT003")
    where = manifest_line(repo, "leader_appointment_decision")
    rules = [(rule, subject) for rule, subject, _ in run.triples()]
    assert rules == [("DAT003", "secretariat/testregion"), ("SEK010", "secretariat/testregion")]
    assert run.triples()[1][2] == (where,)


# --------------------------------------------------------------------------- SEK011


def test_sek011_passes_with_mandate_or_earlier_escalation(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        meetings=[meeting("M1", "2024-03-10")],
        decisions=[decision("V1", "M1")],
        representations=[
            representation("R1", "2024-02-01", "common_view", mandate="Mandat 12/21"),
            representation("R2", "2024-03-10", "common_view", escalated_decision="V1"),  # same day
            representation("R3", "2023-12-01", "common_view"),  # before the period
        ],
    )
    run = repo.check("--select", "SEK011")
    assert run.exit_code == 0
    assert run.triples() == []


def test_sek011_fails_without_mandate_or_with_a_later_decision(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(
        meetings=[meeting("M1", "2024-03-10")],
        decisions=[decision("V1", "M1")],
        representations=[
            representation("R1", "2024-02-01", "common_view"),
            representation("R2", "2024-03-09", "common_view", escalated_decision="V1"),
        ],
    )
    run = repo.check("--select", "SEK011", "--lang", "en")
    assert run.triples() == [
        ("SEK011", "representations/R1", ("representations.csv:2",)),
        ("SEK011", "representations/R2", ("representations.csv:3",)),
    ]
    r1, r2 = messages(run)
    assert r1.endswith("no mandate, and the matter was not escalated to the steering group")
    assert r2.endswith(
        "no mandate, and V1 is dated 2024-03-10, not on or before the representation on 2024-03-09"
    )


# --------------------------------------------------------------------------- SEK012


def test_sek012_passes_for_neutral_stances(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        representations=[
            representation("R1", "2024-02-01", "common_view", disputed="nei"),
            representation("R2", "2024-02-01", "neutral_description", disputed="ja"),
            representation("R3", "2024-02-01", "referred_to_parties", disputed="ja"),
            representation("R4", "2023-12-01", "party_position"),  # before the period
        ]
    )
    run = repo.check("--select", "SEK012")
    assert run.exit_code == 0
    assert run.triples() == []


def test_sek012_fails_for_a_party_position_or_a_disputed_common_view(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo(
        representations=[
            representation("R1", "2024-02-01", "party_position"),
            representation("R2", "2024-02-01", "common_view", disputed="ja"),
            representation("R3", "2024-02-01", "party_position", disputed="ja"),
        ]
    )
    run = repo.check("--select", "SEK012", "--lang", "en")
    assert run.triples() == [
        ("SEK012", "representations/R1", ("representations.csv:2",)),
        ("SEK012", "representations/R2", ("representations.csv:3",)),
        ("SEK012", "representations/R3", ("representations.csv:4",)),
    ]
    r1, r2, r3 = messages(run)
    assert r1.endswith("the secretariat presented a party's position")
    assert r2.endswith(
        "the parties disagreed, but the secretariat presented a common view (common_view)"
    )
    assert r3 == r1.replace("R1", "R3")


# --------------------------------------------------------------------------- SEK026


def test_sek026_passes_when_every_party_got_it(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        meetings=[meeting("M1", "2024-03-10"), meeting("M0", "2023-12-10")],
        documents=[
            doc("D1", "saksdokument", "2024-03-01", meeting="M1"),
            doc("D2", "rapport", "2024-03-01", meeting="M1"),  # not a case document
            doc("D3", "saksdokument", "2024-03-01"),  # not linked to a meeting
            doc("D4", "referat", "2024-03-01", meeting="M0"),  # meeting before the period
        ],
        distributions=[
            {"document": "D1", "party": "bergen", "sent": "2024-03-01 10:00"},
            {"document": "D1", "party": "vlfk", "sent": "2024-03-01 10:00"},
            {"document": "D1", "party": "svv", "sent": "2024-05-01 10:00"},  # late, but sent
        ],
    )
    run = repo.check("--select", "SEK026")
    assert run.exit_code == 0
    assert run.triples() == []


def test_sek026_fails_and_lists_the_missing_parties(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(
        meetings=[meeting("M1", "2024-03-10", body="ag")],
        documents=[
            doc("D1", "saksdokument", "2024-03-01", meeting="M1"),
            doc("D2", "referat", "2024-03-20", meeting="M1"),
        ],
        distributions=[{"document": "D1", "party": "bergen", "sent": "2024-03-01 10:00"}],
    )
    run = repo.check("--select", "SEK026", "--lang", "en")
    assert run.triples() == [
        ("SEK026", "documents/D1", ("documents.csv:2",)),
        ("SEK026", "documents/D2", ("documents.csv:3",)),
    ]
    d1, d2 = messages(run)
    assert d1.endswith("not sent to svv, vlfk")
    assert d2.endswith("not sent to bergen, svv, vlfk")


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2024-03-10", [("SEK026", "documents/D1", ("documents.csv:2",))]),  # due that day
        ("2024-03-09", []),  # the meeting is tomorrow: not due
    ],
)
def test_sek026_is_due_at_the_meeting_and_counts_sendings_until_as_of(
    secretariat_repo: RepoFactory, as_of: str, expected: list[Any]
) -> None:
    repo = secretariat_repo(
        meetings=[meeting("M1", "2024-03-10")],
        documents=[doc("D1", "saksdokument", "2024-03-01", meeting="M1")],
        distributions=[
            {"document": "D1", "party": "bergen", "sent": "2024-03-01 10:00"},
            {"document": "D1", "party": "vlfk", "sent": "2024-03-01 10:00"},
            {"document": "D1", "party": "svv", "sent": "2024-03-11 09:00"},  # after as_of
        ],
    )
    run = repo.check("--select", "SEK026", "--as-of", as_of, "--lang", "en")
    assert run.triples() == expected
    if expected:
        assert run.findings[0]["message"].endswith("not sent to svv")


# --------------------------------------------------------------------------- SEK027


def test_sek027_passes_with_a_mandate(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(manifest=manifest(mandate="Mandat vedtatt i sak 12/21"))
    run = repo.check("--select", "SEK027", "--ruleset", "miljoloftet")
    assert run.exit_code == 0
    assert run.triples() == []


def test_sek027_fails_without_a_mandate(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(manifest=manifest(mandate=None))
    run = repo.check("--select", "SEK027", "--ruleset", "miljoloftet")
    assert run.exit_code == 1
    assert run.triples() == [
        ("SEK027", "secretariat/testregion", (manifest_line(repo, "mandate"),))
    ]
    assert run.findings[0]["clause"] == "1g"


def test_sek027_is_miljoloftet_only(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(manifest=manifest(mandate=None))
    for ruleset in ("national", "bymiljopakken"):
        assert repo.check("--select", "SEK027", "--ruleset", ruleset).exit_code == 2


# --------------------------------------------------------------------------- guideline texts

RULES_A = ("SEK001", "SEK002", "SEK003", "SEK004", "SEK005", "SEK010", "SEK011", "SEK012", "SEK026")


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.skipif(not GUIDELINES.is_dir(), reason="guideline texts not available")
@pytest.mark.parametrize(
    ("ruleset", "source", "extra"),
    [
        ("national", "miljoloftet-retningslinjer-2020-09-04.txt", ()),
        ("miljoloftet", "miljoloftet-retningslinjer-2020-09-04.txt", ("SEK027",)),
        ("bymiljopakken", "bymiljopakken-retningslinjer-2020-11-04.txt", ("SEK007",)),
    ],
)
def test_guideline_texts_are_quoted_verbatim(
    ruleset: str, source: str, extra: tuple[str, ...]
) -> None:
    registry = load_registry()
    rules = load_ruleset(ruleset, registry.rulesets, registry.check_kinds)
    text = _words((GUIDELINES / source).read_text(encoding="utf-8"))
    for rule_id in (*RULES_A, *extra):
        assert _words(rules.rule(rule_id).guideline) in text, rule_id


def test_clause_numbers_per_region() -> None:
    registry = load_registry()
    clauses = {
        name: {
            rid: rule.clause
            for rid, rule in load_ruleset(
                name, registry.rulesets, registry.check_kinds
            ).rules.items()
        }
        for name in ("national", "miljoloftet", "bymiljopakken")
    }
    national = {
        "SEK001": "1b",
        "SEK002": "1c",
        "SEK003": "1c",
        "SEK004": "1d",
        "SEK005": "1d",
        "SEK010": "2b",
        "SEK011": "3c",
        "SEK012": "3d",
        "SEK026": "7b",
    }
    for rid, clause in national.items():
        assert clauses["national"][rid] == clause
        assert clauses["miljoloftet"][rid] == clause
        assert clauses["bymiljopakken"][rid] == ("2c" if rid == "SEK010" else clause)
    assert clauses["miljoloftet"]["SEK027"] == "1g"
    assert clauses["bymiljopakken"]["SEK007"] == "1e"
