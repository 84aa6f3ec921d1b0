"""``covers`` computed once per key (universe and related records independent of the
outer row) and per outer row (correlated): the same columns; and ``correlate`` carrying
only the outer columns the inner conditions read."""

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
    Frame,
    Scope,
    derived_name,
    prepare,
)
from secretariat_rules.engine.conditions.apply import outer_reads, related
from secretariat_rules.testing import write_repo

CONDITION: TypeAdapter[Any] = TypeAdapter(Condition)


def cond(data: dict[str, Any]) -> Any:
    return CONDITION.validate_python(data)


def doc(id_: str) -> dict[str, str]:
    return {"id": id_, "title": "Sak", "kind": "saksdokument", "date": "2024-03-01"}


def sent(document: str, party: str, when: str) -> dict[str, str]:
    return {"document": document, "party": party, "sent": when}


@pytest.fixture(scope="module")
def ds(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    root = write_repo(
        Path(tmp_path_factory.mktemp("covers")) / "repo",
        documents=[doc("D1"), doc("D2"), doc("D3"), doc("D4")],
        distributions=[
            sent("D1", "svv", "2024-03-05 14:00"),  # late (line 2)
            sent("D1", "bergen", "2024-03-01 10:00"),
            sent("D1", "svv", "2024-03-06 09:00"),  # a second sending: not the first
            sent("D1", "vlfk", "2024-03-01 12:00"),
            sent("D2", "bergen", "2024-03-01 10:00"),
            sent("D2", "svv", "2024-03-01 10:00"),
            sent("D3", "bergen", "2024-03-01 10:00"),
            sent("D3", "vlfk", "2024-03-01 11:00"),
            sent("D3", "svv", "2024-03-01 12:00"),
        ],
    )
    return load_dataset(root)


def compiler() -> Compiler:
    variables = {"as_of": dt.date(2024, 12, 31)}
    variables |= {"period_start": dt.date(2024, 1, 1), "period_end": dt.date(2024, 12, 31)}
    return Compiler(Scope({"hours": 24}, variables))


def covers(universe_where: list[dict[str, Any]]) -> Any:
    return cond(
        {
            "covers": {
                "collection": "distributions",
                "key": "document",
                "member": "party",
                "universe": {"collection": "parties", "where": universe_where},
                "time": "sent",
                "within_hours": "hours",
            }
        }
    )


COLUMNS = ["id", "missing", "late", "late_sent", "late_locations"]

EXPECTED = [
    {
        "id": "D1",
        "missing": None,
        "late": ["svv"],
        "late_sent": ["svv 2024-03-05 14:00"],
        "late_locations": [{"path": "distributions.csv", "line": 2, "pointer": None}],
    },
    {"id": "D2", "missing": ["vlfk"], "late": None, "late_sent": None, "late_locations": None},
    {"id": "D3", "missing": None, "late": None, "late_sent": None, "late_locations": None},
    {
        "id": "D4",
        "missing": ["bergen", "svv", "vlfk"],
        "late": None,
        "late_sent": None,
        "late_locations": None,
    },
]


def covered(ds: Dataset, condition: Any) -> list[dict[str, Any]]:
    c = compiler()
    frame = prepare(c, Frame.of(ds, "documents"), [condition])
    holds = c.condition(frame, condition)
    df = frame.df.with_columns(holds.alias("__holds"))
    assert df.get_column("__holds").to_list() == [False, False, True, False]
    return df.sort("id").select(COLUMNS).to_dicts()


def test_covers_by_key_when_the_universe_is_every_party(ds: Dataset) -> None:
    assert covered(ds, covers([])) == EXPECTED


def test_covers_per_row_when_the_universe_reads_the_outer_row(ds: Dataset) -> None:
    # true for every document, but it names the outer record: computed per document
    assert covered(ds, covers([{"outer": "id", "present": True}])) == EXPECTED


def test_covers_of_no_rows(ds: Dataset) -> None:
    c = compiler()
    condition = covers([])
    frame = Frame.of(ds, "documents")
    frame = prepare(c, frame.filter(pl.col("id") == "none"), [condition])
    name = derived_name("missing", condition.covers)
    assert frame.df.height == 0
    assert frame.df.schema[name] == pl.List(pl.Utf8)


def test_outer_reads_names_only_what_the_inner_conditions_read(ds: Dataset) -> None:
    c = compiler()
    frame = Frame.of(ds, "documents")
    on_the_date = cond({"field": "sent", "ge": {"outer": "date"}})
    assert outer_reads(c, frame, "distributions", [on_the_date]) == {"date"}
    assert outer_reads(c, frame, "distributions", []) == set()
    # a name the inner collection lacks resolves to the outer record's
    assert outer_reads(c, frame, "distributions", [], ["title"]) == {"title"}
    nested = cond({"exists": {"collection": "parties", "match": {"id": "party"}}})
    assert outer_reads(c, frame, "distributions", [nested]) is None


def test_related_carries_only_the_outer_columns_read(ds: Dataset) -> None:
    c = compiler()
    frame = Frame.of(ds, "documents")
    on_the_date = cond({"field": "sent", "ge": {"outer": "date"}})
    inner = related(c, frame, "distributions", {"document": "id"}, [on_the_date])
    outer = sorted(col for col in inner.df.columns if col.startswith("^"))
    assert outer == ["^_rid", "^date", "^id"]
    assert inner.df.height == 9


@pytest.mark.parametrize(
    ("how", "expected"),
    [
        ("count", [4, 2, 3, 0]),
        ("min", ["2024-03-01 10:00", "2024-03-01 10:00", "2024-03-01 10:00", None]),
    ],
)
def test_an_aggregate_by_key_and_per_row_agree(ds: Dataset, how: str, expected: list[Any]) -> None:
    c = compiler()
    spec: dict[str, Any] = {"collection": "distributions", "match": {"document": "id"}}
    if how != "count":
        spec["field"] = "sent"
    by_key = cond({how: spec, "present": True})
    # true of every distribution, but it names the outer record: computed per row
    per_row = cond({how: spec | {"where": [{"outer": "id", "present": True}]}, "present": True})
    got = []
    for condition in (by_key, per_row):
        frame = prepare(c, Frame.of(ds, "documents"), [condition])
        name = derived_name(how, getattr(condition, how))
        values = frame.df.sort("id").get_column(name)
        if how == "min":
            values = values.dt.strftime("%Y-%m-%d %H:%M")
        got.append(values.to_list())
    assert got == [expected, expected]


@pytest.fixture(scope="module")
def ties(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """A late member sent twice at its first time, a member outside the universe first,
    a document whose only sending is to a member outside the universe."""
    root = write_repo(
        Path(tmp_path_factory.mktemp("ties")) / "repo",
        documents=[doc("D1"), doc("D2"), doc("D3")],
        distributions=[
            sent("D1", "bergen", "2024-03-01 10:00"),
            sent("D1", "svv", "2024-03-04 09:00"),  # line 3: the first of two at 09:00
            sent("D1", "svv", "2024-03-04 09:00"),
            sent("D1", "vlfk", "2024-03-03 09:00"),
            sent("D2", "svv", "2024-03-01 08:00"),
            sent("D2", "bergen", "2024-03-02 09:00"),
            sent("D3", "svv", "2024-03-09 09:00"),
        ],
    )
    return load_dataset(root)


def test_covers_by_key_and_per_row_agree_on_ties_and_universe(ties: Dataset) -> None:
    c = compiler()
    got = []
    not_svv: dict[str, Any] = {"field": "id", "ne": "svv"}
    wheres: list[list[dict[str, Any]]] = [[not_svv], [not_svv, {"outer": "id", "present": True}]]
    for universe_where in wheres:
        condition = covers(universe_where)
        frame = prepare(c, Frame.of(ties, "documents"), [condition])
        got.append(frame.df.sort("id").select(COLUMNS).to_dicts())
    by_key, per_row = got
    assert by_key == per_row
    # the universe of the first excludes svv: D2 and D3 are judged without it
    assert by_key[0]["late"] == ["vlfk"]
    assert by_key[1]["late"] == ["bergen"]
    assert by_key[2]["missing"] == ["bergen", "vlfk"]
    everyone = covered_rows(ties, covers([]))
    assert everyone[0]["late_locations"] == [
        {"path": "distributions.csv", "line": 3, "pointer": None},
        {"path": "distributions.csv", "line": 5, "pointer": None},
    ]
    assert everyone == covered_rows(ties, covers([{"outer": "id", "present": True}]))


def covered_rows(ds: Dataset, condition: Any) -> list[dict[str, Any]]:
    frame = prepare(compiler(), Frame.of(ds, "documents"), [condition])
    return frame.df.sort("id").select(COLUMNS).to_dicts()


def test_two_coverages_of_one_frame_name_their_columns_as_joins_do(ds: Dataset) -> None:
    c = compiler()
    got = []
    for universe_where in ([], [{"outer": "id", "present": True}]):
        first = covers(universe_where)
        spec = first.covers.model_dump(by_alias=True, exclude_none=True)
        second = cond({"covers": {**spec, "within_hours": 1}})
        frame = prepare(c, Frame.of(ds, "documents"), [first, second])
        df = frame.df.sort("id").drop("_rid")
        # the computed columns are named after their specs, which differ: by position
        got.append(df.rename({c: f"__{i}" for i, c in enumerate(df.columns) if c[:2] == "__"}))
    by_key, per_row = got
    assert "late_sent_right" in by_key.columns
    assert by_key.columns == per_row.columns
    assert by_key.to_dicts() == per_row.to_dicts()


@pytest.mark.parametrize(
    "where",
    [
        [{"field": "sent", "le": dt.date(2024, 3, 3)}],  # no join: a mask in the lazy plan
        [{"field": "party.kind", "ne": "stat"}],  # a join: only the rows' records prepared
    ],
)
def test_covers_by_key_and_per_row_agree_with_conditions_on_the_records(
    ties: Dataset, where: list[dict[str, Any]]
) -> None:
    spec = covers([]).covers.model_dump(by_alias=True, exclude_none=True)
    got = []
    for inner in (where, [*where, {"outer": "id", "present": True}]):
        frame = prepare(
            compiler(), Frame.of(ties, "documents"), [cond({"covers": {**spec, "where": inner}})]
        )
        got.append(frame.df.sort("id").select(COLUMNS).to_dicts())
    by_key, per_row = got
    assert by_key == per_row
    # D1's svv (sent 03-04, after the 3rd's end) and D3's (03-09) are left out by the first;
    # svv, a state body, by the second: either way svv is missing from D1
    assert "svv" in by_key[0]["missing"]
    assert by_key[0]["late"] == ["vlfk"]
