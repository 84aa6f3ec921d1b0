"""Norwegian value formats (SPEC §2.3), parsed as vectorised polars expressions.

Every reader hands over raw text; this module turns a raw ``Utf8`` column into the typed
column of its :class:`~secretariat_rules.schema.fields.FieldSpec` and says which cells are
invalid. The accepted forms are listed per kind below; anything else is an invalid value,
never a guess. :func:`parse_scalar` applies the very same expressions to one value.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal

import polars as pl

from ..i18n.message import Msg, msg
from ..schema.fields import FieldKind, FieldSpec

__all__ = [
    "INVISIBLE_RANGES",
    "MAX_ECHO",
    "ValueProblem",
    "closest",
    "decimal_text",
    "did_you_mean",
    "expected_text",
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

TIME_ZONE = "Europe/Oslo"

_SPACE = "[ \u00a0\u202f]"
"""Thousands separators: space, no-break space, narrow no-break space."""

_ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_NO_DATE = r"^[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}$"

_DATETIME = (
    r"^(?:(?P<y>[0-9]{4})-(?P<mo>[0-9]{2})-(?P<d>[0-9]{2})"
    r"(?:[Tt ](?P<h>[0-9]{2}):(?P<mi>[0-5][0-9])(?::(?P<s>[0-5][0-9])(?:[.,](?P<f>[0-9]{1,9}))?)?"
    r"(?P<z>[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?)?"
    r"|(?P<nd>[0-9]{1,2})\.(?P<nmo>[0-9]{1,2})\.(?P<ny>[0-9]{4})"
    r"(?: +(?P<nh>[0-9]{1,2}):(?P<nmi>[0-5][0-9])(?::(?P<ns>[0-5][0-9]))?)?)$"
)
"""ISO 8601 (groups ``y``...``z``) or Norwegian ``d.m.yyyy[ h:mm[:ss]]`` (groups ``n*``)."""

_CURRENCY = r"(?i:kr\.?|nok)"
_NUMBER = (
    r"[-−]?(?:[0-9]+"
    rf"|[1-9][0-9]{{0,2}}(?:{_SPACE}[0-9]{{3}})+"
    r"|[1-9][0-9]{0,2}(?:\.[0-9]{3})+"
    r")(?:,[0-9]+|,-)?"
)
_AMOUNT = rf"^(?:{_CURRENCY}{_SPACE}*{_NUMBER}|{_NUMBER}(?:{_SPACE}*{_CURRENCY})?)$"

_INT = r"^[-+−]?[0-9]+$"

MAX_ECHO = 80
"""Longest echo of a value in a message, in characters (longer ones end in ``…``)."""

INVISIBLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x00, 0x1F),  # C0 controls (NUL, TAB, LF...)
    (0x7F, 0x9F),  # DEL and C1 controls
    (0xAD, 0xAD),  # soft hyphen
    (0x061C, 0x061C),  # Arabic letter mark
    (0x180E, 0x180E),  # Mongolian vowel separator
    (0x200B, 0x200F),  # zero-width space/non-joiner/joiner, LRM, RLM
    (0x2028, 0x202E),  # line/paragraph separators, bidi embeddings and overrides
    (0x2060, 0x2064),  # word joiner, invisible operators
    (0x2066, 0x206F),  # bidi isolates, deprecated format characters
    (0xFEFF, 0xFEFF),  # BOM / zero-width no-break space
    (0xFFF9, 0xFFFB),  # interlinear annotation
    (0xE0001, 0xE0001),  # language tag
    (0xE0020, 0xE007F),  # tag characters
)
"""Control and invisible characters: never valid in an id, escaped when echoed."""

_INVISIBLE_CLASS = "[" + "".join(f"\\x{{{a:x}}}-\\x{{{b:x}}}" for a, b in INVISIBLE_RANGES) + "]"
"""The ranges as a (Rust) regex class."""

_INVISIBLE_CHARS = tuple(chr(c) for a, b in INVISIBLE_RANGES for c in range(a, b + 1))
_INVISIBLE_SET = frozenset(_INVISIBLE_CHARS)
_ESCAPES = tuple(repr(c)[1:-1] for c in _INVISIBLE_CHARS)
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


class ValueProblem(ValueError):
    """An invalid value; ``msg`` says why, ``str()`` renders it in :func:`ui_lang`.

    A ``ValueError`` still, so ``except ValueError`` (pydantic validators, the CLI) keeps
    working; whoever builds a finding from it passes ``msg`` on, not ``str(e)``.
    """

    def __init__(self, message: Msg) -> None:
        super().__init__(message)
        self.msg = message

    def __str__(self) -> str:
        return str(self.msg)


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


def has_invisible(text: str) -> bool:
    """Whether ``text`` holds a control or invisible character (:data:`INVISIBLE_RANGES`)."""
    return any(char in _INVISIBLE_SET for char in text)


def printable(value: object, limit: int = MAX_ECHO) -> str:
    """``value`` quoted for a message: controls escaped as ``repr`` does, cut at ``limit``.

    ``'a\\x00b'``; a longer text keeps its first ``limit - 1`` characters and ends in ``…``.
    Every message that echoes a value written by a person goes through this (or
    :func:`printable_expr`, its vectorised twin).
    """
    text = value if isinstance(value, str) else str(value)
    escaped = "".join(_escaped(c) for c in text)
    if len(escaped) > limit:
        escaped = escaped[: limit - 1] + "…"
    return f"'{escaped}'"


def _escaped(char: str) -> str:
    """A character as ``repr`` writes it if it is a control, invisible or unassigned one."""
    visible = char.isprintable() or unicodedata.category(char) == "Zs"
    return repr(char)[1:-1] if char in _INVISIBLE_SET or not visible else char


def printable_expr(text: pl.Expr, limit: int = MAX_ECHO) -> pl.Expr:
    """:func:`printable` of each value of a ``Utf8`` expression (quoted, escaped, cut)."""
    escaped = text.str.replace_many(list(_INVISIBLE_CHARS), list(_ESCAPES))
    cut = (
        pl.when(escaped.str.len_chars() > limit)
        .then(pl.concat_str(escaped.str.slice(0, limit - 1), pl.lit("…")))
        .otherwise(escaped)
    )
    return pl.concat_str(pl.lit("'"), cut, pl.lit("'"))


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


def _date(text: pl.Expr) -> pl.Expr:
    """``2024-03-01`` or ``01.03.2024`` / ``1.3.2024``; real calendar dates only."""
    date = (
        pl.when(text.str.contains(_ISO_DATE))
        .then(text.str.strptime(pl.Date, "%Y-%m-%d", strict=False))
        .when(text.str.contains(_NO_DATE))
        .then(text.str.strptime(pl.Date, "%d.%m.%Y", strict=False))
    )
    return _from_year_one(date)


def _from_year_one(value: pl.Expr) -> pl.Expr:
    """Null before 0001-01-01: year 0 does not exist (and no Python date can hold it)."""
    return pl.when(value.dt.year() >= 1).then(value)


def _datetime(text: pl.Expr) -> pl.Expr:
    """ISO 8601 or ``01.03.2024 14:30[:ss]``; naive means Europe/Oslo.

    Works inside the struct of regex groups, in stages, so that every intermediate
    (the groups, the naive stamp) is computed once.
    """
    stamp = pl.concat_str(
        pl.coalesce(_group("y"), _group("ny")),
        pl.lit("-"),
        _padded("mo", "nmo", None),
        pl.lit("-"),
        _padded("d", "nd", None),
        pl.lit(" "),
        _padded("h", "nh"),
        pl.lit(":"),
        _padded("mi", "nmi"),
        pl.lit(":"),
        _padded("s", "ns"),
    )
    micros = _group("f").str.pad_end(6, "0").str.slice(0, 6).cast(pl.Int64, strict=False)
    zone = _group("z").str.to_uppercase().str.replace(":", "", literal=True)
    naive = pl.field("_stamp").str.strptime(pl.Datetime("us"), "%Y-%m-%d %H:%M:%S", strict=False)
    naive = naive + pl.duration(microseconds=pl.field("_us").fill_null(0))
    local = pl.field("_naive").dt.replace_time_zone(
        TIME_ZONE, ambiguous="earliest", non_existent="null"
    )
    utc = pl.field("_naive") - pl.duration(minutes=_offset_minutes(pl.field("_zone")))
    aware = utc.dt.replace_time_zone("UTC").dt.convert_time_zone(TIME_ZONE)
    return (
        text.str.extract_groups(_DATETIME)
        .struct.with_fields(stamp.alias("_stamp"), micros.alias("_us"), zone.alias("_zone"))
        .struct.with_fields(naive.alias("_naive"))
        .struct.with_fields(
            pl.when(pl.field("_zone").is_null()).then(local).otherwise(aware).alias("_value")
        )
        .struct.field("_value")
        .pipe(_from_year_one)
    )


def _group(name: str) -> pl.Expr:
    """A regex group inside the groups struct; null where it did not take part."""
    return pl.when(pl.field(name) != "").then(pl.field(name))


def _padded(iso: str, norwegian: str, default: str | None = "00") -> pl.Expr:
    """The ISO group, else the Norwegian one zero-padded to two digits, else ``default``."""
    return pl.coalesce(_group(iso), _group(norwegian).str.zfill(2), pl.lit(default, pl.Utf8))


def _offset_minutes(zone: pl.Expr) -> pl.Expr:
    """Minutes east of UTC of ``Z``, ``+01`` or ``+0100``; null if out of range."""
    hours = zone.str.slice(1, 2).cast(pl.Int64, strict=False)
    minutes = zone.str.slice(3, 2).cast(pl.Int64, strict=False).fill_null(0)
    sign = pl.when(zone.str.starts_with("-")).then(-1).otherwise(1)
    valid = (hours <= 23) & (minutes <= 59)
    return pl.when(zone == "Z").then(0).when(valid).then(sign * (hours * 60 + minutes))


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


# --------------------------------------------------------------------------- ids


_FOLDS = str.maketrans({"ø": "o", "æ": "ae", "å": "a", "_": "-"})


def _fold(name: str) -> str:
    """``Miljøløftet`` -> ``miljoloftet``: case, Norwegian letters and accents folded."""
    folded = unicodedata.normalize("NFKD", name.strip().casefold().translate(_FOLDS))
    return "".join(c for c in folded if not unicodedata.combining(c))


def closest(name: str, known: Iterable[str]) -> str | None:
    """The known id that ``name`` is a near miss of, or None.

    Ids are matched as written; this only names what was probably meant: the id equal
    to ``name`` after folding case and ``ø``/``æ``/``å``/accents, else the most similar
    one (difflib ratio at least 0.75 on the folded forms).
    """
    by_fold: dict[str, str] = {}
    for item in sorted(set(known)):
        by_fold.setdefault(_fold(item), item)
    wanted = _fold(name)
    if wanted in by_fold:
        return by_fold[wanted]
    match = difflib.get_close_matches(wanted, list(by_fold), n=1, cutoff=0.75)
    return by_fold[match[0]] if match else None


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """``; did you mean 'miljoloftet'?`` for a near miss, else the empty string."""
    near = closest(name, known)
    return f"; did you mean {near!r}?" if near is not None and near != name else ""


# --------------------------------------------------------------------------- org numbers


_ORG_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def org_number_check_digit(first_eight: str) -> int | None:
    """The mod-11 check digit of a Norwegian organisation number's first eight digits.

    11 minus the remainder of the weighted sum (weights 3, 2, 7, 6, 5, 4, 3, 2) divided by
    11; remainder 0 gives 0, remainder 1 means no valid number has these digits (None).
    """
    if len(first_eight) != 8 or not first_eight.isascii() or not first_eight.isdigit():
        raise ValueProblem(msg("data.value.eight_digits", value=printable(first_eight)))
    remainder = sum(w * int(d) for w, d in zip(_ORG_WEIGHTS, first_eight, strict=True)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def is_valid_org_number(number: str) -> bool:
    """Whether ``number`` is nine ASCII digits whose last is the mod-11 check digit."""
    if len(number) != 9 or not number.isascii() or not number.isdigit():
        return False
    return org_number_check_digit(number[:8]) == int(number[8])
