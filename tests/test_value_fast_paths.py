"""The fast value paths (issue 13) give exactly the full parser's values.

:func:`fast_parse_expr` plus the full parser for the rows it leaves null (what
``dataset_typing`` does) must equal :func:`parse_expr` for every shape: each form the
full parser accepts, invalid ones, and the Europe/Oslo DST gap and overlap.
"""

from __future__ import annotations

import polars as pl
import pytest

from secretariat_rules import dataset_typing
from secretariat_rules.dataset_typing import _typed_works
from secretariat_rules.schema.fields import FieldSpec
from secretariat_rules.sources.values import (
    fast_parse_expr,
    fast_parse_stages,
    normalized_raw,
    parse_expr,
)

DATETIMES = [
    "2024-03-01T14:30:05",
    "2024-03-01 14:30:05",
    " 2024-03-01T14:30:05 ",
    "2024-03-01t14:30:05",
    "2024-03-01T14:30",
    "2024-03-01 14:30",
    "2024-03-01T24:00",
    "2024-03-01T10:60",
    "2024-02-29T10:00",
    "2023-02-29T10:00",
    "2024-03-01T14:30Z",
    "2024-03-01 14:30Z",
    "2024-03-01 14:30:05Z",
    "2024-03-01T14:30+01:00",
    "2024-03-01 14:30:05+01:00",
    "2024-03-01T14:30-05:30",
    "2024-03-01T14:30:05-23:59",
    "2024-03-01T14:30:05+23:59",
    "2024-03-01T14:30+24:00",
    "2024-03-01T14:30+01:60",
    "2024-03-01T14:30+01:00:00",
    "2024-03-01T14:30+1:00",
    "2024-03-01T14:30z",
    "2024-12-31T23:30:00-01:00",
    "0001-01-01T00:30:00+01:00",
    "0001-01-01T00:30Z",
    "2024-03-01",
    "2024-03-01T14:30:05.123",
    "2024-03-01T14:30:05,5",
    "2024-03-01T14:30:05Z",
    "2024-03-01T14:30:05z",
    "2024-03-01T14:30:05+01:00",
    "2024-03-01T14:30:05-0230",
    "2024-03-01T14:30:05+02",
    "2024-03-01T14:30:05+24:00",
    "01.03.2024 14:30",
    "31.12.2024 23:59",
    "30.02.2024 10:00",
    "01.13.2024 10:00",
    "01.03.2024 24:00",
    "01.03.2024 10:60",
    "01.03.2024  14:30",
    "01.03.2024T14:30",
    "1.3.2024 9:05",
    "1.3.2024  9:05:07",
    "01.03.2024",
    # DST: spring gap (02:00-03:00 does not exist), autumn overlap (02:00-03:00 twice)
    "2024-03-31T02:30",
    "2024-10-27T02:30",
    "31.03.2024 02:30",
    "27.10.2024 02:30",
    "2024-03-31T02:30:00+01:00",
    "2024-03-31T00:30:00Z",
    "2024-10-27T00:30:00Z",
    "2024-10-27T01:30:00Z",
    "2024-10-27T02:30:00+02:00",
    "2024-03-31T01:59:59",
    "2024-03-31T02:00:00",
    "2024-03-31T02:30:00",
    "2024-03-31T03:00:00",
    "2024-10-27T01:59:59",
    "2024-10-27T02:00:00",
    "2024-10-27T02:30:00",
    "2024-10-27T03:00:00",
    "2024-10-27 02:30:00",
    # invalid
    "2024-02-30T10:00:00",
    "2024-13-01T10:00:00",
    "2024-03-01T24:00:00",
    "2024-03-01T10:60:00",
    "2024-03-01T10:00:60",
    "0000-01-01T10:00:00",
    "0001-01-01T00:00:00",
    "0001-01-01T00:00",
    "0001-01-01 00:00:00",
    "01.01.0001 00:00",
    "01.01.0000 10:00",
    "0000-12-31T23:59:59",
    "0000-12-31T23:59:59Z",
    "0001-01-01T00:00:00-01:00",
    "9999-12-31T23:59:59",
    "+2024-03-01T10:00:00",
    "2024-3-01T10:00:00",
    "２０２４-03-01T10:00:00",
    "2024-03-01T10:00:00 ",
    "2024-03-01X10:00:00",
    "yesterday",
    "",
    "   ",
    None,
]

DATES = [
    "2024-03-01",
    " 2024-03-01 ",
    "01.03.2024",
    "31.12.1999",
    "1.3.2024",
    "01.3.2024",
    "2024-02-29",
    "2023-02-29",
    "29.02.2023",
    "2024-13-01",
    "13.13.2024",
    "00.01.2024",
    "2024-00-10",
    "0000-01-01",
    "01.01.0000",
    "0001-01-01",
    "01.01.0001",
    "9999-12-31",
    "+2024-03-01",
    "2024-3-01",
    "2024/03/01",
    "01.03.24",
    "01-03-2024",
    "2024-03-01T10:00",
    "２０２４-03-01",
    "yesterday",
    "",
    None,
]

AMOUNTS = [
    "825000",
    "0",
    "007",
    "1" * 400,
    "825 000",
    "825.000",
    "825 000,50",
    "825 000,-",
    "kr 825 000",
    "NOK -1 000",
    "-5",
    "−5",
    "+5",
    "1e5",
    "1.5",
    "٣",
    "abc",
    "",
    None,
]


@pytest.mark.parametrize(
    ("kind", "values"), [("datetime", DATETIMES), ("date", DATES), ("amount", AMOUNTS)]
)
@pytest.mark.parametrize("few", [0, 1_000], ids=["staged", "few-to-full-parser"])
def test_fast_path_and_fallback_equal_the_full_parser(
    kind: str, values: list[str | None], few: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both ways the rows the first stage misses are parsed: through the other stages one
    by one, or (no more than ``FEW_MISSED`` of them) by the full parser at once."""
    monkeypatch.setattr(dataset_typing, "FEW_MISSED", few)
    spec = FieldSpec(name="v", kind=kind, required=False)  # type: ignore[arg-type]
    raw = pl.DataFrame({"v": values}, schema={"v": pl.Utf8})
    full = raw.select(parse_expr("v", spec)).to_series()
    typed = _typed_works([raw], [(spec,)])[0].get_column("__typed_v")
    assert typed.to_list() == full.to_list()
    assert typed.dtype == full.dtype
    # where the fast path has a value it is the full parser's; elsewhere it is null
    fast_expr = fast_parse_expr("v", spec)
    assert fast_expr is not None
    fast = raw.select(fast_expr).to_series()
    for value, quick, exact in zip(values, fast.to_list(), full.to_list(), strict=True):
        assert quick is None or quick == exact, value
    # the common shapes do take the fast path
    assert fast.null_count() < len(values)


def test_common_shapes_take_the_fast_path() -> None:
    spec = FieldSpec(name="v", kind="datetime", required=False)
    fast_expr = fast_parse_expr("v", spec)
    assert fast_expr is not None
    common = [
        "2024-03-01T14:30:05",
        "2024-10-27 02:30:00",
        "2024-03-01T14:30",
        "2024-03-01 14:30",
        "2024-03-01T14:30:05Z",
        "2024-03-01T14:30+01:00",
        "2024-03-01 14:30:05-02:00",
        "01.03.2024 14:30",
    ]
    raw = pl.DataFrame({"v": common})
    assert raw.select(fast_expr).to_series().null_count() == 0
    assert raw.select(normalized_raw("v")).to_series().null_count() == 0
    dates = fast_parse_expr("v", FieldSpec(name="v", kind="date", required=False))
    assert dates is not None
    raw = pl.DataFrame({"v": ["2024-03-01", "01.03.2024"]})
    assert raw.select(dates).to_series().null_count() == 0


def test_kinds_without_a_fast_path() -> None:
    for kind in ("bool", "int", "str", "id", "enum"):
        spec = FieldSpec(name="v", kind=kind, required=False, enum=("a",) if kind == "enum" else ())  # type: ignore[arg-type]
        assert fast_parse_expr("v", spec) is None


@pytest.mark.parametrize(
    ("kind", "values"), [("datetime", DATETIMES), ("date", DATES), ("amount", AMOUNTS)]
)
def test_fast_stages_exclude_each_other(kind: str, values: list[str | None]) -> None:
    """Each value is read by one stage at most, so running a stage only on the rows the
    ones before it missed gives what the coalesced fast path gives."""
    spec = FieldSpec(name="v", kind=kind, required=False)  # type: ignore[arg-type]
    stages = fast_parse_stages("v", spec)
    assert stages is not None
    raw = pl.DataFrame({"v": values}, schema={"v": pl.Utf8})
    hits = raw.select(
        pl.sum_horizontal(s.is_not_null().cast(pl.Int32) for s in stages).alias("n")
    ).get_column("n")
    assert hits.max() in (0, 1)
    fast_expr = fast_parse_expr("v", spec)
    assert fast_expr is not None
    assert raw.select(pl.coalesce(stages)).to_series().to_list() == (
        raw.select(fast_expr).to_series().to_list()
    )
