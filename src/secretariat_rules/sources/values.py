"""Norwegian value formats (SPEC §2.3), parsed as vectorised polars expressions.

Every reader hands over raw text; this module turns a raw ``Utf8`` column into the typed
column of its :class:`~secretariat_rules.schema.fields.FieldSpec` and says which cells are
invalid. The accepted forms are listed per kind below; anything else is an invalid value,
never a guess. :func:`parse_scalar` applies the very same expressions to one value.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal

import polars as pl

from ..schema.fields import FieldKind, FieldSpec

__all__ = [
    "decimal_text",
    "expected_text",
    "invalid_expr",
    "normalized_raw",
    "parse_expr",
    "parse_scalar",
]

TIME_ZONE = "Europe/Oslo"

_SPACE = "[ \u00a0\u202f]"
"""Thousands separators: space, no-break space, narrow no-break space."""

_ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_NO_DATE = r"^[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}$"

_ISO_DATETIME = (
    r"^([0-9]{4}-[0-9]{2}-[0-9]{2})"
    r"(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]{1,9}))?)?"
    r"([Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?)?$"
)
_NO_DATETIME = (
    r"^([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})"
    r"(?: +([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)?$"
)
_OFFSET = r"^([+-])([0-9]{2}):?([0-9]{2})?$"

_CURRENCY = r"(?i:kr\.?|nok)"
_NUMBER = (
    r"[-−]?(?:[0-9]+"
    rf"|[1-9][0-9]{{0,2}}(?:{_SPACE}[0-9]{{3}})+"
    r"|[1-9][0-9]{0,2}(?:\.[0-9]{3})+"
    r")(?:,[0-9]+)?"
)
_AMOUNT = rf"^(?:{_CURRENCY}{_SPACE}*{_NUMBER}|{_NUMBER}(?:{_SPACE}*{_CURRENCY})?)$"

_INT = r"^[-+−]?[0-9]+$"
_YEAR_RANGE = r"^([0-9]{4})-([0-9]{4})$"

_BOOLS: dict[str, bool] = {
    "true": True,
    "false": False,
    "ja": True,
    "nei": False,
    "yes": True,
    "no": False,
    "1": True,
    "0": False,
    "x": True,
}

_PERIOD_EXAMPLES = ("2024", "2024-T2", "2024-2027")


def normalized_raw(column: str) -> pl.Expr:
    """Raw text of ``column`` stripped of whitespace (incl. no-break spaces); empty -> null."""
    text = pl.col(column).cast(pl.Utf8).str.strip_chars()
    return pl.when(text != "").then(text)


def parse_expr(column: str, spec: FieldSpec) -> pl.Expr:
    """Typed value of the raw ``Utf8`` column per ``spec.kind``; null where empty or invalid."""
    text = normalized_raw(column)
    parsers = {
        "date": _date,
        "datetime": _datetime,
        "amount": _amount,
        "bool": _bool,
        "int": _int,
    }
    if spec.kind in parsers:
        typed = parsers[spec.kind](text)
    elif spec.kind == "enum":
        typed = _enum(text, spec.enum)
    elif spec.kind == "period":
        typed = _period(text, spec.pattern)
    else:
        typed = _matching(text, spec.pattern)
    return typed.cast(spec.dtype).alias(column)


def invalid_expr(column: str, spec: FieldSpec) -> pl.Expr:
    """Whether the raw value is non-empty but not a valid value of ``spec``."""
    present = normalized_raw(column).is_not_null()
    return (present & parse_expr(column, spec).is_null()).alias(column)


def expected_text(spec: FieldSpec) -> str:
    """What a valid value of ``spec`` looks like, in words (for DAT001 messages)."""
    if spec.kind == "enum":
        return "one of: " + ", ".join(spec.enum)
    if spec.kind == "period":
        return _period_expected(spec.pattern)
    if spec.kind in ("str", "id"):
        return f"text matching {spec.pattern}" if spec.pattern else "text"
    return _EXPECTED[spec.kind]


_EXPECTED: dict[str, str] = {
    "date": "a date such as 2024-03-01 or 01.03.2024",
    "datetime": "a date and time such as 2024-03-01T14:30, 2024-03-01T14:30:00+01:00 "
    "or 01.03.2024 14:30",
    "amount": "an amount in NOK such as 825000, 825 000,50, 825.000,50 or kr 825 000",
    "bool": "yes or no (true/false, ja/nei, yes/no, 1/0, x or empty)",
    "int": "a whole number such as 2024",
}


def parse_scalar(text: object, kind: FieldKind) -> object | None:
    """One value parsed by the same rules as :func:`parse_expr` (for manifest facts).

    Accepts text and the native values a YAML loader produces (``date``, ``datetime``,
    ``int``, ``float``, ``bool`` where the kind is ``bool``). Returns the typed value, None
    for an empty value; raises ``ValueError`` for an invalid one. Kind ``enum`` has no
    values to check against here: it returns the stripped text.
    """
    raw = _scalar_text(text, kind)
    if raw is None:
        return None
    spec = FieldSpec(name="value", kind="str" if kind == "enum" else kind, required=False)
    frame = pl.DataFrame({"value": [raw]}, schema={"value": pl.Utf8})
    row = frame.select(
        parse_expr("value", spec).alias("typed"),
        normalized_raw("value").is_null().alias("empty"),
    ).row(0)
    if row[1]:
        return None
    typed: object = row[0]
    if typed is None:
        raise ValueError(f"invalid value {raw!r}: expected {expected_text(spec)}")
    return typed


def decimal_text(value: float | Decimal) -> str:
    """A number as plain Norwegian text: ``825000.5`` -> ``825000,5``, ``1e3`` -> ``1000``.

    Readers use it for typed numbers (YAML/JSON floats, Excel cells) so that the amount
    parser never sees a dot decimal. Raises ``ValueError`` for NaN and infinities.
    """
    number = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    if not number.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _scalar_text(value: object, kind: FieldKind) -> str | None:
    """Native value -> the text a reader would have produced; None for None."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        if kind != "bool":
            raise ValueError(f"invalid value {value!r}: expected {_kind_words(kind)}")
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"invalid value {value!r}: expected {_kind_words(kind)}")
        return decimal_text(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    raise ValueError(f"invalid value {value!r}: expected {_kind_words(kind)}")


def _kind_words(kind: FieldKind) -> str:
    return expected_text(FieldSpec(name="value", kind=kind, required=False))


def _date(text: pl.Expr) -> pl.Expr:
    """``2024-03-01`` or ``01.03.2024`` / ``1.3.2024``; real calendar dates only."""
    return (
        pl.when(text.str.contains(_ISO_DATE))
        .then(text.str.strptime(pl.Date, "%Y-%m-%d", strict=False))
        .when(text.str.contains(_NO_DATE))
        .then(text.str.strptime(pl.Date, "%d.%m.%Y", strict=False))
    )


def _datetime(text: pl.Expr) -> pl.Expr:
    """ISO 8601 or ``01.03.2024 14:30[:ss]``; naive means Europe/Oslo."""
    iso = text.str.extract_groups(_ISO_DATETIME)
    nor = text.str.extract_groups(_NO_DATETIME)
    nor_date = pl.concat_str(
        nor.struct[2], nor.struct[1].str.zfill(2), nor.struct[0].str.zfill(2), separator="-"
    )
    day = pl.coalesce(iso.struct[0], nor_date)
    hour = pl.coalesce(iso.struct[1], nor.struct[3].str.zfill(2), pl.lit("00"))
    minute = pl.coalesce(iso.struct[2], nor.struct[4], pl.lit("00"))
    second = pl.coalesce(iso.struct[3], nor.struct[5], pl.lit("00"))
    stamp = pl.concat_str(day, pl.lit(" "), hour, pl.lit(":"), minute, pl.lit(":"), second)
    micros = iso.struct[4].str.pad_end(6, "0").str.slice(0, 6).cast(pl.Int64).fill_null(0)
    naive = stamp.str.strptime(pl.Datetime("us"), "%Y-%m-%d %H:%M:%S", strict=False)
    naive = naive + pl.duration(microseconds=micros)
    offset = iso.struct[5]
    local = naive.dt.replace_time_zone(TIME_ZONE, ambiguous="earliest", non_existent="null")
    shifted = naive - pl.duration(minutes=_offset_minutes(offset))
    aware = shifted.dt.replace_time_zone("UTC").dt.convert_time_zone(TIME_ZONE)
    return pl.when(offset.is_null()).then(local).otherwise(aware)


def _offset_minutes(offset: pl.Expr) -> pl.Expr:
    """Minutes east of UTC of ``Z``, ``+01``, ``+0100`` or ``+01:00``; null if out of range."""
    parts = offset.str.to_uppercase().str.extract_groups(_OFFSET)
    hours = parts.struct[1].cast(pl.Int64)
    minutes = parts.struct[2].cast(pl.Int64).fill_null(0)
    sign = pl.when(parts.struct[0] == "-").then(-1).otherwise(1)
    total = sign * (hours * 60 + minutes)
    valid = (hours <= 23) & (minutes <= 59)
    return pl.when(offset.str.to_uppercase() == "Z").then(0).when(valid).then(total)


def _amount(text: pl.Expr) -> pl.Expr:
    """Norwegian amounts: ``kr 825 000,50``, ``825.000``, ``NOK -1 000``..."""
    number = (
        text.str.replace_all("[^0-9,−-]", "")
        .str.replace("−", "-", literal=True)
        .str.replace(",", ".", literal=True)
        .cast(pl.Float64, strict=False)
    )
    return pl.when(text.str.contains(_AMOUNT)).then(number)


def _bool(text: pl.Expr) -> pl.Expr:
    """``true/false``, ``ja/nei``, ``yes/no``, ``1/0``, ``x`` (case-insensitive)."""
    return text.str.to_lowercase().replace_strict(_BOOLS, default=None, return_dtype=pl.Boolean)


def _int(text: pl.Expr) -> pl.Expr:
    """Optional sign and digits; out-of-range is invalid."""
    digits = text.str.replace("−", "-", literal=True).str.strip_prefix("+")
    return pl.when(text.str.contains(_INT)).then(digits.cast(pl.Int64, strict=False))


def _enum(text: pl.Expr, values: tuple[str, ...]) -> pl.Expr:
    """Case-insensitive member of ``values``, spelled as in ``values``."""
    mapping = {value.lower(): value for value in values}
    return text.str.to_lowercase().replace_strict(mapping, default=None, return_dtype=pl.Utf8)


def _period(text: pl.Expr, pattern: str | None) -> pl.Expr:
    """Text matching ``pattern``; a year range ``YYYY-YYYY`` must not run backwards."""
    bounds = text.str.extract_groups(_YEAR_RANGE)
    backwards = bounds.struct[0].cast(pl.Int64) > bounds.struct[1].cast(pl.Int64)
    return pl.when(backwards.fill_null(False).not_()).then(_matching(text, pattern))


def _matching(text: pl.Expr, pattern: str | None) -> pl.Expr:
    """``text`` where it fully matches ``pattern`` (any text without a pattern)."""
    if pattern is None:
        return text
    return pl.when(text.str.contains(full_pattern(pattern))).then(text)


def full_pattern(pattern: str) -> str:
    """``pattern`` anchored at both ends, with ``\\d`` meaning ASCII digits only."""
    return f"^(?:{_ascii_digits(pattern)})$"


def _ascii_digits(pattern: str) -> str:
    """Replace ``\\d`` by ``[0-9]`` (``0-9`` inside a class): Rust's ``\\d`` is Unicode."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            escape = pattern[i : i + 2]
            out.append(("0-9" if in_class else "[0-9]") if escape == r"\d" else escape)
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)


def _period_expected(pattern: str | None) -> str:
    """``a period such as 2024 or 2024-T2``: the examples the pattern accepts."""
    regex = re.compile(full_pattern(pattern)) if pattern else None
    examples = [e for e in _PERIOD_EXAMPLES if regex is None or regex.fullmatch(e)]
    if not examples:
        return f"a period matching {pattern}"
    if len(examples) == 1:
        return f"a period such as {examples[0]}"
    return f"a period such as {', '.join(examples[:-1])} or {examples[-1]}"
