"""Templates filled column by column (``checks.rendering``) give, row by row, exactly
what ``templates.render`` gives for ``{**common, **row}``: every dtype, nulls, outer
(``^``) names, common values and names that resolve to nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl
import pytest

from secretariat_rules.checks.rendering import render_columns
from secretariat_rules.engine.templates import render

OSLO = "Europe/Oslo"

ROWS = pl.DataFrame(
    {
        "id": ["A", None, "C", "D"],
        "date": [dt.date(2024, 3, 1), None, dt.date(999, 1, 2), dt.date(2024, 12, 31)],
        "sent": pl.Series(
            [
                dt.datetime(2024, 3, 4, 9, 0),
                None,
                dt.datetime(2024, 10, 27, 0, 30),
                dt.datetime(2025, 6, 30, 21, 30),
            ],
            dtype=pl.Datetime("us", "UTC"),
        ).dt.convert_time_zone(OSLO),
        "naive": [dt.datetime(2024, 1, 1, 23, 59), None, None, dt.datetime(2024, 2, 1)],
        "flag": [True, False, None, True],
        "missing": [["svv", "bergen"], None, [], ["x", None]],
        "amount": [825000.5, None, 1e6, 12.0],
        "count": [1234567, None, 0, -5],
        "^title": ["Sak", "Ytre", None, "T"],
        "late_locations": [
            [{"path": "d.csv", "line": 2, "pointer": None}],
            None,
            [],
            [{"path": "d.csv", "line": None, "pointer": "S!3"}],
        ],
    }
)

TEMPLATES = [
    "no placeholders at all",
    "{id}",
    "{id} dated {date}, sent {sent} ({naive})",
    "flag {flag}; not sent to {missing}",
    "NOK {amount} and {count} rows",
    "outer {title}, unknown {nothing}, {^title}",
    "common {tolerance_hours} h, {as_of}, overridden {id}, {late_locations}",
    "{secretariat.delegated_authority_nok} kr",
]

COMMON: dict[str, Any] = {
    "tolerance_hours": 24,
    "as_of": dt.date(2024, 12, 31),
    "id": "common id (a row's id wins)",
    "secretariat.delegated_authority_nok": 500000.0,
    "title": "common title (wins over ^title, as in render)",
}


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("template", TEMPLATES)
def test_columns_render_as_rows_do(template: str, lang: str) -> None:
    got = ROWS.with_columns(render_columns(template, ROWS, COMMON, lang).alias("t"))
    expected = [render(template, {**COMMON, **row}, lang) for row in ROWS.to_dicts()]
    assert got.get_column("t").to_list() == expected


def test_an_outer_name_without_a_common_value() -> None:
    template = "outer {title}"
    got = ROWS.with_columns(render_columns(template, ROWS, {}, "nb").alias("t"))
    expected = [render(template, row, "nb") for row in ROWS.to_dicts()]
    assert got.get_column("t").to_list() == expected


def test_no_rows() -> None:
    empty = ROWS.clear()
    got = empty.select(render_columns("{id} {sent} {amount}", empty, COMMON, "nb").alias("t"))
    assert got.height == 0


def test_a_datetime_before_year_1000_as_python_writes_it() -> None:
    rows = pl.DataFrame({"sent": [dt.datetime(999, 5, 6, 7, 8), dt.datetime(2024, 1, 1)]})
    got = rows.with_columns(render_columns("at {sent}", rows, {}, "en").alias("t"))
    expected = [render("at {sent}", row, "en") for row in rows.to_dicts()]
    assert got.get_column("t").to_list() == expected
