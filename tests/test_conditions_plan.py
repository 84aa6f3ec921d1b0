"""The condition compiler split: a join plan (plain data) from a condition, then a pure
compile over the planned frame that changes nothing it is given."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from pydantic import TypeAdapter

from secretariat_rules.api import load_dataset
from secretariat_rules.dataset import Dataset
from secretariat_rules.engine.conditions import (
    Compiler,
    Condition,
    ConditionError,
    Derive,
    Frame,
    Join,
    NotPlannedError,
    Scope,
    correlate,
    derived_name,
    plan,
    prepare,
)
from secretariat_rules.testing import write_repo

CONDITION: TypeAdapter[Any] = TypeAdapter(Condition)


def cond(data: dict[str, Any]) -> Any:
    return CONDITION.validate_python(data)


@pytest.fixture(scope="module")
def ds(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    root = write_repo(
        Path(tmp_path_factory.mktemp("conditions")) / "repo",
        meetings=[
            {"id": "M1", "body": "sg", "date": "2024-03-01"},
            {"id": "M2", "body": "sg", "date": "2024-05-02"},
        ],
        decisions=[
            {"id": "V1", "meeting": "M1", "kind": "vedtak", "communicated": "2024-03-05"},
            {"id": "V2", "meeting": "M2", "kind": "vedtak", "communicated": "2024-04-01"},
        ],
        followups=[
            {
                "id": "F1",
                "decision": "V1",
                "responsible_party": "bergen",
                "deadline": "2024-04-01",
            }
        ],
    )
    return load_dataset(root)


def compiler() -> Compiler:
    variables = {"as_of": dt.date(2024, 12, 31)}
    variables |= {"period_start": dt.date(2024, 1, 1), "period_end": dt.date(2024, 12, 31)}
    return Compiler(Scope({"days": 10}, variables))


COMMUNICATED_AFTER_MEETING = {"field": "communicated", "ge": {"field": "meeting.date"}}
HAS_FOLLOWUP = {"exists": {"collection": "followups", "match": {"decision": "id"}}}


def test_the_join_plan_of_a_condition_with_a_reference(ds: Dataset) -> None:
    frame = Frame.of(ds, "decisions")
    followup = cond(HAS_FOLLOWUP)
    body_kind = cond({"field": "meeting.body.kind", "eq": "steering_group"})
    planned = plan(frame, [cond(COMMUNICATED_AFTER_MEETING), followup, body_kind])
    assert planned.steps == (
        Join("meeting", "meetings"),
        Derive(derived_name("exists", followup.exists), "exists", followup.exists),
        Join("meeting.body", "bodies"),
    )
    assert planned.joins == (Join("meeting", "meetings"), Join("meeting.body", "bodies"))
    # a frame that has the joins needs none again
    assert plan(prepare(compiler(), frame, [body_kind]), [body_kind]).steps == ()


def test_the_join_plan_of_an_outer_reference(ds: Dataset) -> None:
    inner = correlate(compiler(), Frame.of(ds, "decisions"), "followups", {"decision": "id"})
    assert "^meeting" in inner.df.columns
    for outer in (
        {"field": "deadline", "ge": {"field": "^meeting.date"}},
        {"field": "deadline", "ge": {"outer": "meeting.date"}},
        {"outer": "meeting.date", "le": {"field": "deadline"}},
    ):
        assert plan(inner, [cond(outer)]).steps == (Join("^meeting", "meetings"),)
    # an inner field of that name wins over the outer record's
    assert plan(inner, [cond({"field": "responsible_party", "eq": "bergen"})]).steps == ()


def test_an_unknown_path_fails_when_planned(ds: Dataset) -> None:
    frame = Frame.of(ds, "decisions")
    with pytest.raises(ConditionError):
        plan(frame, [cond({"field": "meeting.nowhere", "present": True})])
    with pytest.raises(ConditionError):
        plan(frame, [cond({"field": "kind.date", "present": True})])  # not a reference


def test_compiling_does_not_change_the_frame_it_is_given(ds: Dataset) -> None:
    c = compiler()
    conditions = [
        cond(COMMUNICATED_AFTER_MEETING),
        cond(HAS_FOLLOWUP),
        cond({"count": {"collection": "followups", "match": {"decision": "id"}}, "ge": 1}),
        cond({"field": "communicated", "is_date": True}),
        cond({"not": {"field": "meeting.date", "in_period": True}}),
    ]
    given = Frame.of(ds, "decisions")
    before = (given.df.clone(), dict(given.specs))
    frame = prepare(c, given, conditions)
    # planning returns a new frame; the one given is as it was
    assert given.df.equals(before[0]) and dict(given.specs) == before[1]
    assert "meeting.date" in frame.df.columns and "meeting.date" not in given.df.columns
    schema, specs, rows = frame.df.schema, dict(frame.specs), frame.df.clone()
    exprs = [c.condition(frame, x) for x in conditions] + [c.all_of(frame, conditions)]
    assert frame.df.schema == schema and dict(frame.specs) == specs
    assert frame.df.equals(rows)
    got = frame.df.select(pl.col("id"), *[e.alias(f"c{i}") for i, e in enumerate(exprs)])
    assert got.rows() == [
        ("V1", True, True, True, True, False, False),  # not in the period: all_of fails
        ("V2", False, False, False, True, False, False),
    ]


def test_compiling_an_unplanned_frame_joins_nothing(ds: Dataset) -> None:
    c = compiler()
    frame = Frame.of(ds, "decisions")
    columns = list(frame.df.columns)
    with pytest.raises(ConditionError):
        c.condition(frame, cond(COMMUNICATED_AFTER_MEETING))
    with pytest.raises(NotPlannedError):
        c.condition(frame, cond(HAS_FOLLOWUP))
    assert frame.df.columns == columns
