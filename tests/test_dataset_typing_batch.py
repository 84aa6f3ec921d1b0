"""Typing collections together (issue 13) gives what typing each alone gives.

:func:`type_collections` normalizes and parses every collection's fields as shared
columns; a long column is cut into chunks first. Neither may change a frame, an id or a
finding: each is compared here with :func:`type_collection` on the same tables.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from secretariat_rules import api
from secretariat_rules import dataset_typing as typing_
from secretariat_rules.dataset_typing import Typed, type_collection, type_collections
from secretariat_rules.schema.collections import COLLECTION_MODELS
from secretariat_rules.sources.dates import kept
from secretariat_rules.sources.readers import RawTable

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _tables(repo: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, list[RawTable]]:
    """The raw tables the readers hand over for ``repo``, by collection."""
    captured: list[RawTable] = []
    build = api.build_dataset

    def capture(*args: Any) -> Any:
        captured.extend(args[3])  # the tables (build_dataset consumes them)
        return build(*args)

    monkeypatch.setattr(api, "build_dataset", capture)
    api.load_dataset(repo)
    monkeypatch.undo()
    by: dict[str, list[RawTable]] = {c: [] for c in COLLECTION_MODELS}
    for table in captured:
        by[table.collection].append(table)
    return by


def _same(a: Typed, b: Typed) -> None:
    assert a[0].schema == b[0].schema
    assert a[0].equals(b[0])
    assert a[1].to_list() == b[1].to_list()
    assert [(r, f.subject, f.reasons, f.locations) for r, f in a[2]] == [
        (r, f.subject, f.reasons, f.locations) for r, f in b[2]
    ]


@pytest.mark.parametrize("repo", ["miljoloftet", "national/oslo", "bymiljopakken-csv"])
def test_typed_together_equals_typed_alone(repo: str, monkeypatch: pytest.MonkeyPatch) -> None:
    by = _tables(FIXTURES / repo, monkeypatch)
    # and rows with problems: invalid, missing and duplicated values
    bad: dict[str, list[str | None]] = {
        "id": ["M1", "M1", None],
        "body": ["sg", None, "sg"],
        "date": ["1.13.2024", "", "x"],
    }
    by["meetings"].append(_table("meetings", bad, "more/meetings.csv"))
    alone = {c: type_collection(c, list(by[c])) for c in COLLECTION_MODELS}
    together = dict(type_collections({c: list(t) for c, t in by.items()}))
    assert list(together) == list(COLLECTION_MODELS)
    assert {r.value for r, _ in alone["meetings"][2]} >= {"DAT001", "DAT002"}
    for collection in COLLECTION_MODELS:
        _same(together[collection], alone[collection])


@pytest.mark.parametrize("repo", ["miljoloftet", "national/oslo", "bymiljopakken-csv"])
def test_outputs_streamed_equal_outputs_in_memory(
    repo: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long collection's outputs are collected by the streaming engine: the same clean
    frames, ids and findings (row order, the first of duplicated ids) as in memory."""
    by = _tables(FIXTURES / repo, monkeypatch)
    bad: dict[str, list[str | None]] = {
        "id": ["M1", "M1", None, "M2", "M1"],
        "body": ["sg", None, "sg", "sg", "sg"],
        "date": ["1.13.2024", "", "x", "2024-02-01", "2024-03-01"],
    }
    by["meetings"].append(_table("meetings", bad, "more/meetings.csv"))
    in_memory = {c: type_collection(c, list(by[c])) for c in COLLECTION_MODELS}
    monkeypatch.setattr(typing_, "outputs_engine", lambda rows: "streaming")
    streamed = {c: type_collection(c, list(by[c])) for c in COLLECTION_MODELS}
    assert {r.value for r, _ in streamed["meetings"][2]} >= {"DAT001", "DAT002"}
    for collection in COLLECTION_MODELS:
        _same(streamed[collection], in_memory[collection])


def test_outputs_engine_streams_from_the_batch_size() -> None:
    assert typing_.outputs_engine(typing_.BATCH_ROWS - 1) == typing_.ENGINE
    assert typing_.outputs_engine(typing_.BATCH_ROWS) == "streaming"


def test_type_collections_consumes_its_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    by = _tables(FIXTURES / "miljoloftet", monkeypatch)
    monkeypatch.setattr(typing_, "BATCH_ROWS", 50)  # distributions (291 rows) alone
    results = type_collections(by)
    assert next(results)[0] == next(iter(COLLECTION_MODELS))
    assert "distributions" in by and "meetings" not in by
    rest = dict(results)
    assert not by
    assert rest["distributions"][0].height > 0


def _table(collection: str, rows: Mapping[str, Sequence[str | None]], path: str = "") -> RawTable:
    height = len(next(iter(rows.values())))
    frame = pl.DataFrame(rows, schema=dict.fromkeys(rows, pl.Utf8)).with_columns(
        pl.int_range(2, height + 2, dtype=pl.Int64).alias("_line"),
        pl.lit(None, pl.Utf8).alias("_problems"),
    )
    return RawTable(collection, path or f"{collection}.csv", frame, 1, tuple(rows))


def test_chunked_columns_equal_one_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    sent = ["2024-03-01T10:00:00", "01.03.2024 10:00", "2024-03-01T10:00+01:00", "x", ""] * 40
    table = _table(
        "distributions",
        {"document": ["D1", " D2", "", "D\x00", "D5"] * 40, "party": ["p"] * 200, "sent": sent},
    )
    alone = type_collection("distributions", [table])
    monkeypatch.setattr(typing_, "SPLIT_ROWS", 10)
    column = pl.Series("v", sent)
    assert typing_._chunked(column).n_chunks() == typing_.SPLIT_PARTS
    assert typing_._chunked(column).equals(column)
    _same(type_collection("distributions", [table]), alone)


def test_one_parse_per_key_serves_fields_of_several_collections() -> None:
    meetings = _table(
        "meetings",
        {"id": ["M1", "M2"], "body": ["sg", "sg"], "date": ["2024-03-01", "1.3.2024"]},
    )
    documents = _table(
        "documents",
        {
            "id": ["D1", "D1", "D3"],
            "title": ["a", "b", "c"],
            "kind": ["notat", "notat", "x"],
            "date": ["0000-01-01", "01.03.2024", "2024-02-30"],
        },
    )
    tables = {"meetings": [meetings], "documents": [documents]}
    alone = {c: type_collection(c, list(t)) for c, t in tables.items()}
    together = dict(type_collections(tables))
    for collection in ("meetings", "documents"):
        _same(together[collection], alone[collection])
    assert together["meetings"][0].get_column("date").null_count() == 0
    assert {r.value for r, _ in together["documents"][2]} >= {"DAT001", "DAT002"}


def test_kept_computes_once_and_keeps_nulls() -> None:
    frame = pl.DataFrame({"v": [1.0, float("inf"), None, -2.0]})
    out = frame.select(kept(pl.col("v") * 2, lambda value: value.is_finite()))
    assert out.to_series().to_list() == [2.0, None, None, -4.0]
