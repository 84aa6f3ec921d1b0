"""A zoned datetime compared with a date as instants (``compile.on_day``) gives what
comparing its date in Europe/Oslo gives: every operator, days around midnight and the
daylight-saving changes, other zones and time units, nulls."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from secretariat_rules.engine.conditions.compile import _as_date, on_day

UTC_TIMES = [
    dt.datetime(2024, 3, 30, 22, 59, 59),  # 23:59:59 in Oslo (winter time)
    dt.datetime(2024, 3, 30, 23, 0),  # midnight in Oslo
    dt.datetime(2024, 3, 31, 0, 59),
    dt.datetime(2024, 3, 31, 1, 0),  # 03:00 summer time: the clocks went forward
    dt.datetime(2024, 3, 31, 21, 59, 59),  # 23:59:59 summer time
    dt.datetime(2024, 3, 31, 22, 0),
    dt.datetime(2024, 10, 26, 22, 0),  # midnight before the clocks go back
    dt.datetime(2024, 10, 27, 0, 30),  # 02:30, first time
    dt.datetime(2024, 10, 27, 1, 30),  # 02:30, second time
    dt.datetime(2024, 10, 27, 22, 59, 59),
    dt.datetime(2024, 10, 27, 23, 0),
    dt.datetime(2025, 6, 30, 21, 30),  # 23:30 in Oslo on 2025-06-30
    None,
]

DAYS = [
    dt.date(2024, 3, 30),
    dt.date(2024, 3, 31),
    dt.date(2024, 4, 1),
    dt.date(2024, 10, 26),
    dt.date(2024, 10, 27),
    dt.date(2025, 6, 30),
    dt.date(2025, 7, 1),
]

OPS = {
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "lt": lambda a, b: a < b,
    "le": lambda a, b: a <= b,
    "gt": lambda a, b: a > b,
    "ge": lambda a, b: a >= b,
}


@pytest.mark.parametrize("zone", ["Europe/Oslo", "UTC", "America/New_York"])
@pytest.mark.parametrize("unit", ["ms", "us", "ns"])
@pytest.mark.parametrize("op", sorted(OPS))
def test_instants_compare_as_dates_in_oslo(zone: str, unit: str, op: str) -> None:
    time_unit = {"ms": "ms", "us": "us", "ns": "ns"}[unit]
    dtype = pl.Datetime(time_unit, zone)  # type: ignore[arg-type]
    times = pl.Series("t", UTC_TIMES, pl.Datetime(time_unit)).dt.replace_time_zone("UTC")  # type: ignore[arg-type]
    df = pl.DataFrame([times.dt.convert_time_zone(zone)])
    for day in DAYS:
        fast = on_day(pl.col("t"), dtype, op, day)
        assert fast is not None
        slow = OPS[op](_as_date(pl.col("t"), dtype), pl.lit(day))
        got = df.select(fast.alias("fast"), slow.alias("slow"))
        assert got.get_column("fast").to_list() == got.get_column("slow").to_list(), (op, day)


def test_not_for_dates_naive_datetimes_or_datetimes_as_the_day() -> None:
    day = dt.date(2024, 1, 1)
    assert on_day(pl.col("t"), pl.Date(), "le", day) is None
    assert on_day(pl.col("t"), pl.Datetime("us"), "le", day) is None
    zoned = pl.Datetime("us", "Europe/Oslo")
    assert on_day(pl.col("t"), zoned, "le", dt.datetime(2024, 1, 1)) is None
    assert on_day(pl.col("t"), zoned, "le", dt.date.max) is None
    assert on_day(pl.col("t"), zoned, "in_", day) is None
