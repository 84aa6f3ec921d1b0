"""Norwegian value formats (SPEC §2.3): every accepted form, and what is refused."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import polars as pl
import pytest

from secretariat_rules.i18n.message import render_text
from secretariat_rules.schema.collections import COLLECTION_FIELDS
from secretariat_rules.schema.fields import FieldKind, FieldSpec
from secretariat_rules.sources.values import (
    ValueProblem,
    decimal_text,
    expected_text,
    invalid_expr,
    normalized_raw,
    parse_expr,
    parse_scalar,
    plain_date,
)

OSLO = ZoneInfo("Europe/Oslo")


def _spec(kind: FieldKind, **kwargs: Any) -> FieldSpec:
    return FieldSpec(name="v", kind=kind, required=False, **kwargs)


def _collection_spec(collection: str, name: str) -> FieldSpec:
    return next(s for s in COLLECTION_FIELDS[collection] if s.name == name)


def _run(spec: FieldSpec, raw: list[str | None]) -> tuple[list[Any], list[bool]]:
    frame = pl.DataFrame({spec.name: raw}, schema={spec.name: pl.Utf8})
    out = frame.select(
        parse_expr(spec.name, spec).alias("value"), invalid_expr(spec.name, spec).alias("bad")
    )
    assert out.schema["value"] == spec.dtype
    return out["value"].to_list(), out["bad"].to_list()


def _valid(spec: FieldSpec, raw: str, expected: object) -> None:
    values, bad = _run(spec, [raw])
    assert (values, bad) == ([expected], [False])


def _invalid(spec: FieldSpec, raw: str) -> None:
    values, bad = _run(spec, [raw])
    assert (values, bad) == ([None], [True])


# --------------------------------------------------------------------------- empty


@pytest.mark.parametrize("kind", ["str", "id", "date", "datetime", "bool", "amount", "int"])
@pytest.mark.parametrize("raw", [None, "", "   ", "\u00a0", "\u202f\t"])
def test_empty_is_null_and_not_invalid(kind: FieldKind, raw: str | None) -> None:
    assert _run(_spec(kind), [raw]) == ([None], [False])


def test_normalized_raw_strips_all_whitespace() -> None:
    frame = pl.DataFrame({"v": [" a\u00a0", "\u202fb c\n", "", None]})
    assert frame.select(normalized_raw("v"))["v"].to_list() == ["a", "b c", None, None]


# --------------------------------------------------------------------------- date


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-03-01", dt.date(2024, 3, 1)),
        ("01.03.2024", dt.date(2024, 3, 1)),
        ("1.3.2024", dt.date(2024, 3, 1)),
        (" 29.02.2024\u00a0", dt.date(2024, 2, 29)),
        ("2023-12-31", dt.date(2023, 12, 31)),
    ],
)
def test_date_valid(raw: str, expected: dt.date) -> None:
    _valid(_spec("date"), raw, expected)


@pytest.mark.parametrize(
    "raw",
    [
        "2024-02-30",
        "31.02.2024",
        "29.02.2023",
        "2024-13-01",
        "2024-3-1",
        "01.03.24",
        "2024-03-01T00:00:00",
        "1/3/2024",
        "xx.xx.xx",
        "2024.03.01",
        "01.03.2024 14:30",
    ],
)
def test_date_invalid(raw: str) -> None:
    _invalid(_spec("date"), raw)


# --------------------------------------------------------------------------- datetime


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-03-01T14:30", dt.datetime(2024, 3, 1, 14, 30)),
        ("2024-03-01 14:30", dt.datetime(2024, 3, 1, 14, 30)),
        ("2024-03-01T14:30:15", dt.datetime(2024, 3, 1, 14, 30, 15)),
        ("2024-03-01T14:30:15.25", dt.datetime(2024, 3, 1, 14, 30, 15, 250000)),
        ("2024-03-01T14:30:15,123456789", dt.datetime(2024, 3, 1, 14, 30, 15, 123456)),
        ("2024-03-01T13:30:00Z", dt.datetime(2024, 3, 1, 14, 30)),
        ("2024-03-01T14:30:00+01:00", dt.datetime(2024, 3, 1, 14, 30)),
        ("2024-03-01T15:30+0200", dt.datetime(2024, 3, 1, 14, 30)),
        ("2024-03-01T08:30-05", dt.datetime(2024, 3, 1, 14, 30)),
        ("2024-06-01T10:00:00Z", dt.datetime(2024, 6, 1, 12, 0)),
        ("01.03.2024 14:30", dt.datetime(2024, 3, 1, 14, 30)),
        ("1.3.2024 9:05:07", dt.datetime(2024, 3, 1, 9, 5, 7)),
        ("2024-03-01", dt.datetime(2024, 3, 1)),
        ("01.03.2024", dt.datetime(2024, 3, 1)),
    ],
)
def test_datetime_valid(raw: str, expected: dt.datetime) -> None:
    _valid(_spec("datetime"), raw, expected.replace(tzinfo=OSLO))


def test_datetime_ambiguous_takes_earliest() -> None:
    (value,), _ = _run(_spec("datetime"), ["2024-10-27T02:30"])
    assert value.utcoffset() == dt.timedelta(hours=2)
    assert value.astimezone(dt.UTC) == dt.datetime(2024, 10, 27, 0, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    "raw",
    [
        "2024-03-31T02:30",  # does not exist: clocks go from 02:00 to 03:00
        "2024-03-01T24:00",
        "2024-03-01T14",
        "2024-03-01T14:30:60",
        "2024-03-01T14:30+24:00",
        "2024-03-01T14:30+01:60",
        "2024-03-01T+01:00",
        "2024-02-30T10:00",
        "01.03.2024 14.30",
        "01.03.2024T14:30",
        "2024-03-01T14:30:00 CET",
        "yesterday",
    ],
)
def test_datetime_invalid(raw: str) -> None:
    _invalid(_spec("datetime"), raw)


# --------------------------------------------------------------------------- amount


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("825000", 825000.0),
        ("825 000", 825000.0),
        ("825\u00a0000", 825000.0),
        ("825\u202f000", 825000.0),
        ("825 000,50", 825000.5),
        ("825.000,50", 825000.5),
        ("825.000", 825000.0),
        ("1.000.000", 1000000.0),
        ("1 000 000,05", 1000000.05),
        ("kr 825 000", 825000.0),
        ("Kr. 825 000", 825000.0),
        ("kr825000", 825000.0),
        ("NOK 825000", 825000.0),
        ("825 000 kr", 825000.0),
        ("825 000 NOK", 825000.0),
        ("-825 000", -825000.0),
        ("kr -1 000", -1000.0),
        ("−1 000,50", -1000.5),
        ("825000,5", 825000.5),
        ("0,75", 0.75),
        ("0", 0.0),
    ],
)
def test_amount_valid(raw: str, expected: float) -> None:
    _valid(_spec("amount"), raw, expected)


@pytest.mark.parametrize(
    "raw",
    [
        "825.50",  # dot decimal or thousands? ambiguous, never a guess
        "825.5",
        "825000.5",
        "825,000.50",
        "825 00",
        "8 25 000",
        "0 500",
        "1.000 000",
        "825,",
        ",50",
        "kr 825 000 kr",
        "- 825",
        "-kr 825",
        "+825",
        "825 000,--",
        "825 000,-50",
        ",-",
        "9" * 400,  # overflows a float: invalid, never inf
        "€ 825",
        "1e3",
        "12abc",
        "--5",
    ],
)
def test_amount_invalid(raw: str) -> None:
    _invalid(_spec("amount"), raw)


# --------------------------------------------------------------------------- bool


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("true", True),
        ("FALSE", False),
        ("Ja", True),
        ("nei", False),
        ("yes", True),
        ("No", False),
        ("1", True),
        ("0", False),
        ("x", True),
        (" X ", True),
    ],
)
def test_bool_valid(raw: str, expected: bool) -> None:
    _valid(_spec("bool"), raw, expected)


@pytest.mark.parametrize("raw", ["maybe", "2", "sant", "y", "n", "on", "xx"])
def test_bool_invalid(raw: str) -> None:
    _invalid(_spec("bool"), raw)


# --------------------------------------------------------------------------- int


@pytest.mark.parametrize(
    ("raw", "expected"), [("2024", 2024), ("-5", -5), ("+7", 7), ("−3", -3), ("007", 7)]
)
def test_int_valid(raw: str, expected: int) -> None:
    _valid(_spec("int"), raw, expected)


@pytest.mark.parametrize(
    "raw", ["2024,0", "2024.0", "2 024", "1e3", "99999999999999999999", "٢٠٢٤", "twenty"]
)
def test_int_invalid(raw: str) -> None:
    _invalid(_spec("int"), raw)


# --------------------------------------------------------------------------- enum


def test_enum_normalised_to_its_spelling() -> None:
    spec = _collection_spec("decisions", "kind")
    values, bad = _run(spec, ["vedtak", " Orientering ", "VEDTAK", "vedtak2", "vedtak orientering"])
    assert values == ["vedtak", "orientering", "vedtak", None, None]
    assert bad == [False, False, False, True, True]


# --------------------------------------------------------------------------- period


@pytest.mark.parametrize("raw", ["2024", "2024-T1", "2024-T3", "2024-2027", "2024-2024"])
def test_period_valid(raw: str) -> None:
    _valid(_collection_spec("reports", "period"), raw, raw)


@pytest.mark.parametrize("raw", ["2027-2024", "2024-T4", "2024-t2", "24", "٢٠٢٤", "2024-27"])
def test_period_invalid(raw: str) -> None:
    _invalid(_collection_spec("reports", "period"), raw)


def test_year_or_tertial_refuses_ranges() -> None:
    spec = _collection_spec("toll_usage", "period")
    assert _run(spec, ["2024-T2", "2024-2025"]) == (["2024-T2", None], [False, True])


# --------------------------------------------------------------------------- str / id


def test_str_and_id_are_stripped_text() -> None:
    assert _run(_spec("str"), [" Bjørnafjorden ", "a  b"]) == (
        ["Bjørnafjorden", "a  b"],
        [False] * 2,
    )
    assert _run(_spec("id"), ["\u00a0M-1 "]) == (["M-1"], [False])


def test_str_pattern_is_a_full_ascii_match() -> None:
    spec = _spec("id", pattern=r"[A-Z]-\d+")
    values, bad = _run(spec, ["A-12", "xA-12", "A-12x", "A-١٢"])
    assert values == ["A-12", None, None, None]
    assert bad == [False, True, True, True]


def test_pattern_digit_class_inside_brackets() -> None:
    spec = _spec("str", pattern=r"^[\dX]{3}$")
    assert _run(spec, ["12X", "١٢X"]) == (["12X", None], [False, True])


# --------------------------------------------------------------------------- dtypes


@pytest.mark.parametrize(
    ("kind", "dtype"),
    [
        ("date", pl.Date()),
        ("datetime", pl.Datetime("us", "Europe/Oslo")),
        ("bool", pl.Boolean()),
        ("amount", pl.Float64()),
        ("int", pl.Int64()),
        ("str", pl.Utf8()),
        ("id", pl.Utf8()),
        ("period", pl.Utf8()),
    ],
)
def test_output_dtype_even_when_all_null(kind: FieldKind, dtype: pl.DataType) -> None:
    frame = pl.DataFrame({"v": [None, None]})
    out = frame.select(parse_expr("v", _spec(kind)), invalid_expr("v", _spec(kind)).alias("bad"))
    assert out.schema["v"] == dtype
    assert out.schema["bad"] == pl.Boolean()


# --------------------------------------------------------------------------- expected_text


def _expected(spec: FieldSpec) -> str:
    return render_text(expected_text(spec), "en")


def test_expected_text() -> None:
    assert _expected(_spec("date")) == "a date such as 2024-03-01 or 01.03.2024"
    assert _expected(_collection_spec("decisions", "kind")) == "one of: vedtak, orientering"
    assert _expected(_collection_spec("reports", "period")) == (
        "a period such as 2024, 2024-T2 or 2024-2027"
    )
    assert _expected(_collection_spec("toll_usage", "period")) == (
        "a period such as 2024 or 2024-T2"
    )
    assert _expected(_spec("id", pattern="^[A-Z]+$")) == (
        "text matching ^[A-Z]+$ without control or invisible characters"
    )
    assert "825 000,50" in _expected(_spec("amount"))
    assert "01.03.2024 14:30" in _expected(_spec("datetime"))
    assert "ja/nei" in _expected(_spec("bool"))
    assert _expected(_spec("int")) == "a whole number such as 2024"


def test_expected_text_in_bokmal() -> None:
    assert render_text(expected_text(_spec("date")), "nb") == (
        "en dato som 2024-03-01 eller 01.03.2024"
    )
    assert render_text(expected_text(_spec("int")), "nb") == "et heltall som 2024"


# --------------------------------------------------------------------------- parse_scalar


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        ("01.03.2024", "date", dt.date(2024, 3, 1)),
        (dt.date(2021, 2, 1), "date", dt.date(2021, 2, 1)),
        (dt.date(2024, 3, 1), "datetime", dt.datetime(2024, 3, 1, tzinfo=OSLO)),
        (dt.datetime(2024, 3, 1, 14, 30), "datetime", dt.datetime(2024, 3, 1, 14, 30, tzinfo=OSLO)),
        (
            dt.datetime(2024, 3, 1, 13, 30, tzinfo=dt.UTC),
            "datetime",
            dt.datetime(2024, 3, 1, 14, 30, tzinfo=OSLO),
        ),
        (500000, "amount", 500000.0),
        (500000.5, "amount", 500000.5),
        ("kr 500 000", "amount", 500000.0),
        (True, "bool", True),
        ("nei", "bool", False),
        (2024, "int", 2024),
        (2024, "period", "2024"),
        ("964338531", "str", "964338531"),
        (" vedtak ", "enum", "vedtak"),
        ("", "date", None),
        ("  ", "amount", None),
        (None, "int", None),
    ],
)
def test_parse_scalar(value: object, kind: FieldKind, expected: object) -> None:
    assert parse_scalar(value, kind) == expected


PLAIN_DATES_TAKEN = [
    "2024-03-01",
    "0001-01-01",
    "9999-12-31",
    "2024-02-29",
    dt.date(1, 1, 1),
    dt.date(2025, 6, 30),
]
"""Values the shortcut takes; the others below are left to the parser."""

PLAIN_DATES = [
    *PLAIN_DATES_TAKEN,
    "2023-02-29",
    "2025-02-30",
    "2025-13-01",
    "2025-00-10",
    "2025-01-00",
    "0000-01-01",
    "2024-3-01",
    " 2024-03-01",
    "2024-03-01 ",
    "2024-03-01\u00a0",
    "٢٠٢٤-03-01",
    "2024-03-01T00:00",
    "+024-03-01",
    "2024-03-01\n",
]


@pytest.mark.parametrize("value", PLAIN_DATES)
def test_plain_dates_are_the_parsers_dates(value: object) -> None:
    """parse_scalar's shortcut for dates gives what the polars parser gives, or steps aside."""
    raw = value.isoformat() if isinstance(value, dt.date) else value
    frame = pl.DataFrame({"v": [raw]}, schema={"v": pl.Utf8})
    parsed = frame.select(parse_expr("v", _spec("date"))).item()
    plain = plain_date(value)
    if value in PLAIN_DATES_TAKEN:
        assert plain is not None and plain == parsed
    else:  # the parser decides: an invalid value, or another form of a date
        assert plain is None


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("xx.xx.xx", "date"),
        (dt.datetime(2024, 3, 1), "date"),
        ("825.50", "amount"),
        (float("nan"), "amount"),
        (True, "amount"),
        (False, "str"),
        ([1, 2], "str"),
        ({"a": 1}, "int"),
        ("maybe", "bool"),
        (2024.5, "int"),
    ],
)
@pytest.mark.usefixtures("english")
def test_parse_scalar_invalid(value: object, kind: FieldKind) -> None:
    with pytest.raises(ValueError, match="expected"):
        parse_scalar(value, kind)


@pytest.mark.usefixtures("english")
def test_parse_scalar_message_names_value_and_expectation() -> None:
    with pytest.raises(ValueError) as info:
        parse_scalar("xx.xx.xx", "date")
    assert str(info.value) == (
        "invalid value 'xx.xx.xx': expected a date such as 2024-03-01 or 01.03.2024"
    )


def test_parse_scalar_error_is_a_message_in_either_language() -> None:
    with pytest.raises(ValueProblem) as info:
        parse_scalar("xx.xx.xx", "date")
    assert str(info.value) == (
        "ugyldig verdi 'xx.xx.xx': forventet en dato som 2024-03-01 eller 01.03.2024"
    )
    assert info.value.msg.render("en") == (
        "invalid value 'xx.xx.xx': expected a date such as 2024-03-01 or 01.03.2024"
    )


# --------------------------------------------------------------------------- decimal_text


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (825000.5, "825000,5"),
        (825000.0, "825000"),
        (1e20, "100000000000000000000"),
        (1.5e-7, "0,00000015"),
        (-0.25, "-0,25"),
        (Decimal("825000.50"), "825000,5"),
        (Decimal("1E+3"), "1000"),
    ],
)
def test_decimal_text(number: float | Decimal, text: str) -> None:
    assert decimal_text(number) == text


def test_decimal_text_round_trips_through_the_amount_parser() -> None:
    for number in (0.1, 123456.789, -42.5, 1e-3):
        _valid(_spec("amount"), decimal_text(number), number)


@pytest.mark.parametrize("number", [float("inf"), float("nan"), Decimal("NaN")])
def test_decimal_text_refuses_non_finite(number: float | Decimal) -> None:
    with pytest.raises(ValueError):
        decimal_text(number)
