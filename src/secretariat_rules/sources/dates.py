"""Dates and date-times (SPEC §2.3) as polars expressions: ISO 8601 or Norwegian.

``2024-03-01`` or ``1.3.2024``; a date-time without a zone is Europe/Oslo time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import polars as pl

TIME_ZONE = "Europe/Oslo"


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


def _date(text: pl.Expr) -> pl.Expr:
    """``2024-03-01`` or ``01.03.2024`` / ``1.3.2024``; real calendar dates only."""
    date = (
        pl.when(text.str.contains(_ISO_DATE))
        .then(text.str.strptime(pl.Date, "%Y-%m-%d", strict=False))
        .when(text.str.contains(_NO_DATE))
        .then(text.str.strptime(pl.Date, "%d.%m.%Y", strict=False))
    )
    return _date_from_year_one(date)


def _from_year_one(value: pl.Expr) -> pl.Expr:
    """Null before 0001-01-01: year 0 does not exist (and no Python date can hold it)."""
    return pl.when(value.dt.year() >= 1).then(value)


def _date_from_year_one(value: pl.Expr) -> pl.Expr:
    """:func:`_from_year_one` of a date: one comparison, no calendar arithmetic."""
    return pl.when(value >= dt.date(1, 1, 1)).then(value)


def kept(value: pl.Expr, keep: Callable[[pl.Expr], pl.Expr]) -> pl.Expr:
    """``value`` where ``keep(value)`` holds, else null, with ``value`` computed once.

    ``pl.when(keep(value)).then(value)`` would compute ``value`` twice (the fast paths'
    plans skip common-subexpression elimination: its planning costs more than it saves).
    """
    field = pl.field("_kept")
    keeping = pl.when(keep(field)).then(field).alias("_kept")
    return pl.struct(value.alias("_kept")).struct.with_fields(keeping).struct.field("_kept")


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


_D = "[0-9]"
_ISO_DAY = f"{_D}{{4}}-{_D}{{2}}-{_D}{{2}}"
_MINUTES = f"{_D}{{2}}:[0-5]{_D}"
_SECONDS = f"{_MINUTES}:[0-5]{_D}"


def _fast_shapes() -> tuple[tuple[str, str, int], ...]:
    """(guard, exact format, width of the stamp) of the common date-time stamps."""
    shapes = []
    for sep in ("T", " "):
        shapes.append((f"{_ISO_DAY}{sep}{_SECONDS}", f"%Y-%m-%d{sep}%H:%M:%S", 19))
        shapes.append((f"{_ISO_DAY}{sep}{_MINUTES}", f"%Y-%m-%d{sep}%H:%M", 16))
    return tuple(shapes)


_FAST_STAMPS = _fast_shapes()
"""The common ISO stamps (guard, exact format, width) that ``strptime`` reads as :func:`_datetime`.

The guards admit exactly the fixed-width digits the full pattern admits, so ``strptime``
(lenient about signs and widths on its own) sees only text it reads the same way.
"""

_FAST_NAIVE = (
    *((f"^{guard}$", fmt, width) for guard, fmt, width in _FAST_STAMPS),
    (rf"^{_D}{{2}}\.{_D}{{2}}\.{_D}{{4}} {_MINUTES}$", "%d.%m.%Y %H:%M", 16),
)
"""Naive shapes: the ISO stamps and Norwegian ``dd.mm.yyyy HH:MM``."""

_FAST_ZONED = tuple(
    (f"^{guard}(?:Z|[+-]{_D}{{2}}:{_D}{{2}})$", fmt, width) for guard, fmt, width in _FAST_STAMPS
)
"""The ISO stamps with ``Z`` or a ``±HH:MM`` offset."""

_FAST_DATES = (
    (_ISO_DATE, "%Y-%m-%d"),
    (rf"^{_D}{{2}}\.{_D}{{2}}\.{_D}{{4}}$", "%d.%m.%Y"),
)
"""Dates: ISO ``YYYY-MM-DD`` and Norwegian ``dd.mm.yyyy`` (two-digit day and month)."""


def _fast_stamp(text: pl.Expr, guard: str, fmt: str, width: int | None) -> pl.Expr:
    """``strptime`` of the text the guard admits; of its first ``width`` characters if
    given (a zone follows), else of the whole text (the guard admits the stamp only).

    Without polars' cache of parsed texts: stamps are mostly distinct, and hashing them
    cost more than the parse (1M: 49 -> 28 ms CPU).
    """
    guarded = pl.when(text.str.contains(guard))
    stamp = guarded.then(text if width is None else text.str.slice(0, width))
    return stamp.str.strptime(pl.Datetime("us"), fmt, strict=False, cache=False)


def fast_datetime(text: pl.Expr) -> pl.Expr:
    """:func:`_datetime` for the common shapes only; null for every other text.

    Naive times become Europe/Oslo exactly as in :func:`_datetime` (``earliest`` in the
    autumn overlap, null in the spring gap); ``Z`` and ``±HH:MM`` offsets are taken off
    as there (an offset out of range gives null). Callers parse the rows this leaves null
    (but not empty) with :func:`_datetime`, which gives them their final value.
    """
    return pl.coalesce(fast_datetime_stages(text))


def fast_datetime_stages(text: pl.Expr) -> tuple[pl.Expr, ...]:
    """:func:`fast_datetime` as stages, one shape each (the zoned shapes last, together).

    The shapes' guards exclude each other, so any order gives the same values, and a
    caller may run each stage only on the rows the stages before it left null: one
    ``strptime`` over the column instead of one per shape.
    """
    naive = [_local(_fast_stamp(text, guard, fmt, None)) for guard, fmt, _ in _FAST_NAIVE]
    return (*naive, _fast_zoned(text))


def _fast_zoned(text: pl.Expr) -> pl.Expr:
    """The zoned stage: the stamp of whichever :data:`_FAST_ZONED` shape the text has,
    less its offset (``Z`` or the text's last six characters, ``±HH:MM``), each computed
    once (inside a struct: a small frame's cost is the plan's expressions, not its rows)."""
    stamps = [_fast_stamp(text, guard, fmt, width) for guard, fmt, width in _FAST_ZONED]
    zone = pl.when(text.str.ends_with("Z")).then(pl.lit("Z")).otherwise(text.str.slice(-6))
    offset = _offset_minutes(pl.field("_zone"))
    utc = pl.field("_naive") - pl.duration(minutes=pl.field("_offset"))
    utc = utc.dt.replace_time_zone("UTC").dt.convert_time_zone(TIME_ZONE)
    stamp = pl.struct(
        pl.coalesce(stamps).alias("_naive"),
        zone.str.replace(":", "", literal=True).alias("_zone"),
    )
    shifted = (
        stamp.struct.with_fields(offset.alias("_offset"))
        .struct.with_fields(utc.alias("_utc"))
        .struct.field("_utc")
    )
    return kept(shifted, lambda value: value.dt.year() >= 1)


def _local(naive: pl.Expr) -> pl.Expr:
    """A naive stamp as Europe/Oslo; null before year one (checked on the wall time, which
    is the local time's: cheaper than on the zoned value)."""
    return kept(naive, lambda value: value >= dt.datetime(1, 1, 1)).dt.replace_time_zone(
        TIME_ZONE, ambiguous="earliest", non_existent="null"
    )


def fast_date(text: pl.Expr) -> pl.Expr:
    """:func:`_date` for ``YYYY-MM-DD`` and ``dd.mm.yyyy`` only; null for every other text."""
    return pl.coalesce(fast_date_stages(text))


def fast_date_stages(text: pl.Expr) -> tuple[pl.Expr, ...]:
    """:func:`fast_date` as stages, one shape each (see :func:`fast_datetime_stages`)."""
    return tuple(
        kept(
            pl.when(text.str.contains(guard))
            .then(text)
            .str.strptime(pl.Date, fmt, strict=False, cache=False),
            lambda value: value >= dt.date(1, 1, 1),
        )
        for guard, fmt in _FAST_DATES
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
