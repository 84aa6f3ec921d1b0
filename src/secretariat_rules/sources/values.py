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

from ..i18n.message import Msg, msg
from ..schema.fields import FieldKind, FieldSpec
from .dates import (
    _ISO_DATE,
    TIME_ZONE,
    _date,
    _datetime,
    fast_date_stages,
    fast_datetime_stages,
    kept,
)
from .ids import closest, did_you_mean, is_valid_org_number, org_number_check_digit
from .printable import (
    _INVISIBLE_CLASS,
    INVISIBLE_RANGES,
    MAX_ECHO,
    ValueProblem,
    has_invisible,
    printable,
    printable_expr,
)

__all__ = [
    "INVISIBLE_RANGES",
    "MAX_ECHO",
    "TIME_ZONE",
    "ValueProblem",
    "closest",
    "decimal_text",
    "did_you_mean",
    "expected_text",
    "fast_parse_expr",
    "fast_parse_stages",
    "has_invisible",
    "invalid_expr",
    "is_valid_org_number",
    "normalized_raw",
    "org_number_check_digit",
    "parse_expr",
    "parse_scalar",
    "printable",
    "printable_expr",
]


_SPACE = "[ \u00a0\u202f]"
"""Thousands separators: space, no-break space, narrow no-break space."""


_CURRENCY = r"(?i:kr\.?|nok)"
_NUMBER = (
    r"[-−]?(?:[0-9]+"
    rf"|[1-9][0-9]{{0,2}}(?:{_SPACE}[0-9]{{3}})+"
    r"|[1-9][0-9]{0,2}(?:\.[0-9]{3})+"
    r")(?:,[0-9]+|,-)?"
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
    return pl.col(column).cast(pl.Utf8).str.strip_chars().replace("", None)


def parse_expr(column: str, spec: FieldSpec, *, normalized: bool = False) -> pl.Expr:
    """Typed value of the raw ``Utf8`` column per ``spec.kind``; null where empty or invalid.

    ``normalized``: the column already holds :func:`normalized_raw`'s text (stripped, empty
    as null), so it is not stripped again.
    """
    text = pl.col(column) if normalized else normalized_raw(column)
    parsers = {
        "date": _date,
        "datetime": _datetime,
        "amount": _amount,
        "bool": _bool,
        "int": _int,
    }
    if spec.kind in parsers:
        typed = parsers[spec.kind](text)
        if spec.kind == "int":
            typed = _bounded(typed, spec.minimum, spec.maximum)
    elif spec.kind == "enum":
        typed = _enum(text, spec.enum)
    elif spec.kind == "period":
        typed = _period(text, spec.pattern)
    else:
        typed = _matching(text, spec.pattern)
    if spec.kind == "id" or spec.ref is not None:
        typed = pl.when(text.str.contains(_INVISIBLE_CLASS).not_()).then(typed)
    return typed.cast(spec.dtype).alias(column)


def fast_parse_expr(column: str, spec: FieldSpec, *, normalized: bool = False) -> pl.Expr | None:
    """:func:`parse_expr` for the common shapes of ``spec``'s kind, or None if it has none.

    Gives the very value :func:`parse_expr` gives wherever it is not null; where it is null
    but the raw text is not empty, the caller must apply :func:`parse_expr` (to those rows
    only: that is the point). Kinds: ``datetime`` (ISO to the minute or
    second, naive or with ``Z``/``±HH:MM``, and ``dd.mm.yyyy HH:MM``, see
    :func:`~.dates.fast_datetime`), ``date`` (``YYYY-MM-DD``, ``dd.mm.yyyy``, see
    :func:`~.dates.fast_date`) and ``amount`` (plain digits). ``normalized`` as in
    :func:`parse_expr`.
    """
    stages = fast_parse_stages(column, spec, normalized=normalized)
    return None if stages is None else pl.coalesce(stages).alias(column)


def fast_parse_stages(
    column: str, spec: FieldSpec, *, normalized: bool = False
) -> tuple[pl.Expr, ...] | None:
    """:func:`fast_parse_expr` as stages of one shape each, or None without a fast path.

    The stages' shapes exclude each other: a caller may run each stage only on the rows
    the ones before it left null (but not empty), and then :func:`parse_expr` on the rows
    all of them left so, with the same values as :func:`fast_parse_expr` plus the full
    parser.
    """
    if spec.ref is not None or spec.kind not in ("datetime", "date", "amount"):
        return None
    text = pl.col(column) if normalized else normalized_raw(column)
    if spec.kind == "datetime":
        stages = fast_datetime_stages(text)
    elif spec.kind == "date":
        stages = fast_date_stages(text)
    else:
        stages = (_fast_amount(text),)
    return tuple(stage.cast(spec.dtype).alias(column) for stage in stages)


def invalid_expr(column: str, spec: FieldSpec) -> pl.Expr:
    """Whether the raw value is non-empty but not a valid value of ``spec``."""
    present = normalized_raw(column).is_not_null()
    return (present & parse_expr(column, spec).is_null()).alias(column)


def expected_text(spec: FieldSpec) -> Msg:
    """What a valid value of ``spec`` looks like, in words (for DAT001 messages)."""
    if spec.kind == "enum":
        return msg("data.expected.one_of", values=", ".join(spec.enum))
    if spec.kind == "period":
        return _period_expected(spec.pattern)
    if spec.kind == "int" and spec.minimum is not None and spec.maximum is not None:
        return msg("data.expected.int_range", minimum=spec.minimum, maximum=spec.maximum)
    if spec.kind in ("str", "id"):
        visible = spec.kind == "id" or spec.ref is not None
        if spec.pattern:
            key = (
                "data.expected.text_matching_visible" if visible else "data.expected.text_matching"
            )
            return msg(key, pattern=spec.pattern)
        return msg("data.expected.text_visible" if visible else "data.expected.text")
    return msg(f"data.expected.{spec.kind}")


def parse_scalar(text: object, kind: FieldKind) -> object | None:
    """One value parsed by the same rules as :func:`parse_expr` (for manifest facts).

    Accepts text and the native values a YAML loader produces (``date``, ``datetime``,
    ``int``, ``float``, ``bool`` where the kind is ``bool``). Returns the typed value, None
    for an empty value; raises :class:`ValueProblem` (a ``ValueError``) for an invalid
    one. Kind ``enum`` has no values to check against here: it returns the stripped text.
    """
    if kind == "date":
        plain = plain_date(text)
        if plain is not None:
            return plain
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
        raise ValueProblem(
            msg("data.value.invalid", value=printable(raw), expected=expected_text(spec))
        )
    return typed


_PLAIN_ISO_DATE = re.compile(_ISO_DATE)  # the date parser's own guard of the ISO form


def plain_date(value: object) -> dt.date | None:
    """What :func:`parse_scalar` gives a native date or a plain ``YYYY-MM-DD`` text of
    a real day, without a polars plan (a millisecond each: manifests, waivers and
    attestations have a few dozen); None for anything else, which the polars parser decides.

    Exact: a native date's text is its ISO form, which the date parser reads back as it;
    ``YYYY-MM-DD`` of ASCII digits with nothing around it is a date there exactly when
    it is a real day from year one on (``tests/test_values.py`` compares the two).
    """
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _PLAIN_ISO_DATE.fullmatch(value):
        try:
            return dt.date(int(value[:4]), int(value[5:7]), int(value[8:]))
        except ValueError:  # not a real day (2025-02-30, year 0): the parser says so
            return None
    return None


def decimal_text(value: float | Decimal) -> str:
    """A number as plain Norwegian text: ``825000.5`` -> ``825000,5``, ``1e3`` -> ``1000``.

    Readers use it for typed numbers (YAML/JSON floats, Excel cells) so that the amount
    parser never sees a dot decimal. Raises :class:`ValueProblem` for NaN and infinities.
    """
    number = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    if not number.is_finite():
        raise ValueProblem(msg("data.value.not_finite", value=repr(value)))
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
            raise _invalid_native(value, kind)
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _invalid_native(value, kind)
        return decimal_text(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    raise _invalid_native(value, kind)


def _invalid_native(value: object, kind: FieldKind) -> ValueProblem:
    expected = expected_text(FieldSpec(name="value", kind=kind, required=False))
    return ValueProblem(msg("data.value.invalid", value=printable(value), expected=expected))


def _amount(text: pl.Expr) -> pl.Expr:
    """Norwegian amounts: ``kr 825 000,50``, ``825.000``, ``NOK -1 000``, ``825 000,-``...

    An amount too large for a float (hundreds of digits) is invalid, never ``inf``.
    """
    number = (
        text.str.replace_all("[^0-9,−-]", "")
        .str.replace("−", "-", literal=True)
        .str.replace(",-", "", literal=True)
        .str.replace(",", ".", literal=True)
        .cast(pl.Float64, strict=False)
    )
    return pl.when(text.str.contains(_AMOUNT) & number.is_finite()).then(number)


def _fast_amount(text: pl.Expr) -> pl.Expr:
    """:func:`_amount` of plain digits (``825000``); null for every other text."""
    number = pl.when(text.str.contains("^[0-9]+$")).then(text).cast(pl.Float64, strict=False)
    return kept(number, lambda value: value.is_finite())


def _bool(text: pl.Expr) -> pl.Expr:
    """``true/false``, ``ja/nei``, ``yes/no``, ``1/0``, ``x`` (case-insensitive)."""
    return text.str.to_lowercase().replace_strict(_BOOLS, default=None, return_dtype=pl.Boolean)


def _int(text: pl.Expr) -> pl.Expr:
    """Optional sign and digits; out-of-range is invalid."""
    digits = text.str.replace("−", "-", literal=True).str.strip_prefix("+")
    return pl.when(text.str.contains(_INT)).then(digits.cast(pl.Int64, strict=False))


def _bounded(value: pl.Expr, minimum: int | None, maximum: int | None) -> pl.Expr:
    """``value`` where it lies within the field's bounds (inclusive)."""
    if minimum is not None:
        value = pl.when(value >= minimum).then(value)
    if maximum is not None:
        value = pl.when(value <= maximum).then(value)
    return value


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


def _period_expected(pattern: str | None) -> Msg:
    """``a period such as 2024 or 2024-T2``: the examples the pattern accepts."""
    regex = re.compile(full_pattern(pattern)) if pattern else None
    examples = [e for e in _PERIOD_EXAMPLES if regex is None or regex.fullmatch(e)]
    if not examples:
        return msg("data.expected.period_matching", pattern=pattern)
    if len(examples) == 1:
        return msg("data.expected.period_such_as", example=examples[0])
    return msg(
        "data.expected.period_such_as_or", examples=", ".join(examples[:-1]), last=examples[-1]
    )
