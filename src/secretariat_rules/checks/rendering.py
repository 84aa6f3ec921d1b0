"""Message templates filled for many rows at once: column by column, the same text as
:func:`~secretariat_rules.engine.templates.render` gives row by row.

A placeholder names a column of the rows or a value common to all of them (a parameter
or variable), looked up as ``render`` looks it up in ``{**common, **row}``: the name,
then ``^name``, else it stays as written. A column of text, dates, datetimes, booleans or
lists of text is formatted by polars; any other column value by value with
:func:`~secretariat_rules.engine.templates.format_value` (each distinct value once).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import polars as pl

from ..engine.templates import PLACEHOLDER, format_value


def render_columns(
    template: str, rows: pl.DataFrame, common: Mapping[str, Any], lang: str
) -> pl.Expr:
    """``template`` filled for each row of ``rows``, as an expression over ``rows`` (a
    literal, broadcast where it is used, when no placeholder names a column)."""
    parts = PLACEHOLDER.split(template)
    if len(parts) == 1:
        return pl.lit(template, pl.Utf8)
    pieces: list[pl.Expr] = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            if part:
                pieces.append(pl.lit(part, pl.Utf8))
            continue
        pieces.append(_placeholder(part, rows, common, lang))
    return pl.concat_str(pieces)


def _placeholder(name: str, rows: pl.DataFrame, common: Mapping[str, Any], lang: str) -> pl.Expr:
    for key in (name, "^" + name):
        if key in rows.columns:
            return formatted(rows, key, lang)
        if key in common:
            return pl.lit(format_value(common[key], lang), pl.Utf8)
    return pl.lit("{" + name + "}", pl.Utf8)


def formatted(rows: pl.DataFrame, column: str, lang: str) -> pl.Expr:
    """The column's values as :func:`format_value` writes them (never null)."""
    dtype = rows.schema[column]
    col = pl.col(column)
    missing = pl.lit(format_value(None, lang), pl.Utf8)
    if dtype == pl.Utf8:
        return col.fill_null(missing)
    if dtype == pl.Boolean:
        yes, no = format_value(True, lang), format_value(False, lang)
        word = pl.when(col).then(pl.lit(yes)).otherwise(pl.lit(no))
        return pl.when(col.is_null()).then(missing).otherwise(word)
    if dtype == pl.Date:
        return col.dt.strftime("%Y-%m-%d").fill_null(missing)
    if isinstance(dtype, pl.Datetime) and _four_digit_years(rows, column):
        return col.dt.strftime("%Y-%m-%d %H:%M").fill_null(missing)
    if dtype == pl.List(pl.Utf8):
        joined = col.list.eval(pl.element().fill_null(missing)).list.join(", ")
        return pl.when(col.is_null()).then(missing).otherwise(joined)
    return pl.lit(_in_python(rows.get_column(column), lang))


def _four_digit_years(rows: pl.DataFrame, column: str) -> bool:
    """Whether every year has four digits (Python's ``strftime`` does not pad ``%Y``)."""
    years = rows.get_column(column).dt.year().drop_nulls()
    return years.is_empty() or bool(years.is_between(1000, 9999).all())


def _in_python(values: pl.Series, lang: str) -> pl.Series:
    """Each value formatted by :func:`format_value` (a hashable value once)."""
    done: dict[Any, str] = {}
    out = []
    for value in values.to_list():
        try:
            text = done.get(value)
            if text is None:
                text = done[value] = format_value(value, lang)
        except TypeError:  # unhashable: a list, a struct
            text = format_value(value, lang)
        out.append(text)
    return pl.Series(values.name, out, pl.Utf8)
