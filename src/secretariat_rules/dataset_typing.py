"""Typing one raw table into its collection's frame, finding DAT001, DAT002, DAT005.

The columns a file has that the schema does not know, the required ones it lacks, and
each value that is not valid for its field (:mod:`.sources.values`), with provenance.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import polars as pl

from .dataset_links import PROVENANCE, dedupe, locations_of, subject_ids
from .findings import DataRuleId, Location, RawFinding, Subject
from .i18n.message import Msg, Text, msg
from .schema.collections import COLLECTION_FIELDS
from .schema.fields import FieldSpec
from .sources.readers import RawTable, row_problems
from .sources.values import (
    expected_text,
    fast_parse_stages,
    normalized_raw,
    parse_expr,
    printable_expr,
)


def _empty_raw(specs: tuple[FieldSpec, ...]) -> pl.DataFrame:
    cols = {s.name: pl.Series(s.name, [], pl.Utf8) for s in specs}
    cols.update(
        _line=pl.Series([], dtype=pl.Int64),
        _pointer=pl.Series([], dtype=pl.Utf8),
        _problems=pl.Series([], dtype=pl.Utf8),
        _file=pl.Series([], dtype=pl.Utf8),
        _row=pl.Series([], dtype=pl.Int64),
    )
    return pl.DataFrame(cols)


def _prepare(table: RawTable, names: set[str]) -> pl.DataFrame:
    frame = table.frame
    for col, dtype in (("_pointer", pl.Utf8), ("_problems", pl.Utf8)):
        if col not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype).alias(col))
    frame = frame.with_columns(
        pl.lit(table.path).alias("_file"),
        pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias("_row"),
    )
    keep = [c for c in frame.columns if c in names or c.startswith("_")]
    return frame.select(keep)


MAX_LISTED_COLUMNS = 20
"""Unknown columns named one by one in a finding; the rest are counted."""


def _with_suggestion(name: str, names: set[str]) -> Text:
    """``'archvied' (did you mean 'archived'?)``, when a known field is close."""
    close = difflib.get_close_matches(name, sorted(names), n=1, cutoff=0.75)
    if close:
        return msg("data.field.did_you_mean", name=repr(name), near=repr(close[0]))
    return repr(name)


def _listed_unknown(columns: list[str], names: set[str]) -> Text | tuple[Text, ...]:
    """The first ``MAX_LISTED_COLUMNS`` unknown columns with suggestions, then a count.

    A message value: a tuple of texts renders joined with ``, `` in the message's language.
    """
    items = tuple(_with_suggestion(c, names) for c in columns[:MAX_LISTED_COLUMNS])
    listed: Text | tuple[Text, ...] = (
        items if any(isinstance(i, Msg) for i in items) else ", ".join(map(str, items))
    )
    rest = len(columns) - MAX_LISTED_COLUMNS
    return msg("data.list.and_more", listed=listed, rest=rest) if rest > 0 else listed


def _unknown_columns(collection: str, table: RawTable, names: set[str]) -> RawFinding | None:
    unknown = [c for c in table.columns if c not in names]
    if not unknown:
        return None
    line = table.header_line
    if line is None:
        lines = [
            table.frame.filter(pl.col(c).is_not_null()).get_column("_line").min() for c in unknown
        ]
        present = [int(v) for v in lines if isinstance(v, int)]
        line = min(present) if present else None
    listed = _listed_unknown(unknown, names)
    known = ", ".join(sorted(names))
    return RawFinding(
        Subject("files", collection),
        (
            msg(
                "data.unknown_fields",
                listed=listed,
                path=table.path,
                collection=collection,
                known=known,
            ),
        ),
        (Location(table.path, line),),
    )


def _missing_columns(
    collection: str, table: RawTable, specs: tuple[FieldSpec, ...], names: set[str]
) -> RawFinding | None:
    """One DAT001 on ``files/COLLECTION`` when a table's header lacks a required column.

    Only tables with a header (CSV, spreadsheets) have one; a record of a YAML or JSON
    list that lacks a required key is a DAT001 of its own. The finding also names the
    file's unknown columns, so the file gets no DAT005 besides.
    """
    if table.header_line is None:
        return None
    present = set(table.columns)
    missing = [s.name for s in specs if s.required and s.name not in present]
    if not missing:
        return None
    unknown = [c for c in table.columns if c not in names]
    reasons: list[Text] = []
    named: set[str] = set()
    for name in missing:
        close = difflib.get_close_matches(name, unknown, n=1, cutoff=0.6)
        named.update(close)
        if close:
            reason = msg(
                "data.header.missing_column_near",
                path=table.path,
                name=repr(name),
                near=repr(close[0]),
            )
        else:
            reason = msg("data.header.missing_column", path=table.path, name=repr(name))
        reasons.append(reason)
    others = [c for c in unknown if c not in named]
    if others:
        reasons.append(msg("data.unknown_columns", listed=_listed_unknown(others, names)))
    reasons.append(msg("data.rows_left_out", count=table.frame.height, path=table.path))
    return RawFinding(
        Subject("files", collection), tuple(reasons), (Location(table.path, table.header_line),)
    )


def _typed(name: str) -> str:
    return f"__typed_{name}"


@dataclass(frozen=True, eq=False)
class _Check:
    """One possible DAT001 problem of a row: when it applies, and its message.

    ``echo`` is the value the message quotes (an invalid value), or None (a missing one).
    """

    condition: pl.Expr
    field: str
    echo: pl.Expr | None = None
    expected: Msg | None = None

    def message(self, echoed: str) -> Msg:
        if self.expected is None:
            return msg("data.missing_field", field=self.field)
        return msg("data.invalid_value", field=self.field, value=echoed, expected=self.expected)


def _problem_checks(specs: tuple[FieldSpec, ...]) -> list[_Check]:
    """Every possible problem of a row besides the reader's own; typed columns must exist."""
    checks = []
    for spec in specs:
        raw = pl.col(spec.name)  # already normalized (_typed_columns)
        if spec.required:
            checks.append(_Check(raw.is_null(), spec.name))
        invalid = raw.is_not_null() & pl.col(_typed(spec.name)).is_null()
        checks.append(_Check(invalid, spec.name, printable_expr(raw), expected_text(spec)))
    return checks


def _typed_columns(raw: pl.DataFrame, specs: tuple[FieldSpec, ...]) -> pl.DataFrame:
    """``raw`` with a typed column per field: :func:`parse_expr`'s values.

    Kinds with a fast path parse in stages (:func:`fast_parse_stages`, one common shape
    each): the first stage over every row, each next one only over the rows the ones
    before left null (but not empty), and the full parser last, over the rows left. Each
    field's column is replaced by its :func:`normalized_raw` text first: stripped once,
    for the parsers and for the DAT001 checks alike.
    """
    raw = raw.with_columns(normalized_raw(s.name).alias(s.name) for s in specs)
    stages = {s.name: fast_parse_stages(s.name, s, normalized=True) for s in specs}
    work = raw.with_columns(
        (staged[0] if staged else parse_expr(s.name, s, normalized=True)).alias(_typed(s.name))
        for s in specs
        for staged in [stages[s.name]]
    )
    for spec in specs:
        staged = stages[spec.name]
        if staged is None:
            continue
        missed = work.select(
            pl.arg_where(pl.col(spec.name).is_not_null() & pl.col(_typed(spec.name)).is_null())
        ).to_series()
        for expr in (*staged[1:], parse_expr(spec.name, spec, normalized=True)):
            if missed.len() == 0:
                break
            texts = work.get_column(spec.name).gather(missed).to_frame()
            typed = texts.select(expr).to_series()
            column = work.get_column(_typed(spec.name)).clone().scatter(missed, typed)
            work = work.with_columns(column.alias(_typed(spec.name)))
            missed = missed.filter(typed.is_null())
    return work


def _period_bounds(column: str) -> list[pl.Expr]:
    """``P__start``/``P__end`` dates of a period text (``2024``, ``2024-T2``, ``2024-2027``)."""
    text = pl.col(column)
    first = text.str.slice(0, 4).cast(pl.Int32, strict=False)
    tertial = text.str.extract(r"^\d{4}-T([123])$", 1).cast(pl.Int32, strict=False)
    last = pl.coalesce(text.str.extract(r"^\d{4}-(\d{4})$", 1).cast(pl.Int32, strict=False), first)
    start_month = pl.when(tertial.is_not_null()).then((tertial - 1) * 4 + 1).otherwise(1)
    end = (
        pl.when(tertial.is_not_null())
        .then(pl.date(first, tertial * 4, 1).dt.month_end())
        .otherwise(pl.date(last, 12, 31))
    )
    return [
        pl.date(first, start_month, 1).alias(f"{column}__start"),
        end.alias(f"{column}__end"),
    ]


def type_collection(
    collection: str, tables: list[RawTable]
) -> tuple[pl.DataFrame, set[str], list[tuple[DataRuleId, RawFinding]]]:
    """Type one collection's raw tables.

    :returns: the valid typed frame (the first record of each id; before reference
        checks), the set of ids that any record used (valid or not), and the DAT001,
        DAT002 and DAT005 findings.
    """
    specs = COLLECTION_FIELDS[collection]
    names = {s.name for s in specs}
    issues: list[tuple[DataRuleId, RawFinding]] = []
    parts = []
    left_out: list[pl.DataFrame] = []
    for table in tables:
        missing = _missing_columns(collection, table, specs, names)
        if missing is not None:
            # one finding for one mistake: the DAT001 names the unknown columns too
            issues.append((DataRuleId.DAT001, missing))
            left_out.append(_prepare(table, names))
            continue
        unknown = _unknown_columns(collection, table, names)
        if unknown:
            issues.append((DataRuleId.DAT005, unknown))
        parts.append(_prepare(table, names))
    raw = pl.concat([_empty_raw(specs), *parts], how="diagonal_relaxed")
    messages = {text: m for table in tables for text, m in table.messages.items()}
    checks = _problem_checks(specs)
    work = _typed_columns(raw, specs)
    conditions = [pl.col("_problems").is_not_null(), *(c.condition for c in checks)]
    work = work.with_columns(pl.any_horizontal(conditions).alias("__bad"))
    used_ids: set[str] = set()
    if "id" in names:
        used_ids = set(work.get_column(_typed("id")).drop_nulls().to_list())
        # the rows of a file whose header lacks a required column take no part, but
        # their ids exist: a reference to one of them is not dangling
        for frame in left_out:
            if "id" in frame.columns:
                ids = frame.select(normalized_raw("id").alias("id")).get_column("id")
                used_ids.update(ids.drop_nulls().to_list())
    # messages only for the (few) rows with a problem: echoing values for all is the slow part
    bad = work.filter(pl.col("__bad")).select(
        pl.col(_typed("id")).alias("id") if "id" in names else pl.lit(None).alias("id"),
        *[pl.col(c) for c in PROVENANCE],
        pl.col("_problems"),
        *[
            pl.when(c.condition).then(c.echo if c.echo is not None else pl.lit("")).alias(f"__{i}")
            for i, c in enumerate(checks)
        ],
    )
    if "id" not in names:
        bad = bad.drop("id")
    found = bad.select("_problems", *[f"__{i}" for i in range(len(checks))]).rows()
    for subject_id, loc, (problems, *echoes) in zip(
        subject_ids(collection, bad), locations_of(bad), found, strict=True
    ):
        reasons = [*row_problems(problems, messages)] if problems is not None else []
        reasons.extend(c.message(e) for c, e in zip(checks, echoes, strict=True) if e is not None)
        finding = RawFinding(Subject(collection, subject_id), tuple(reasons), (loc,))
        issues.append((DataRuleId.DAT001, finding))
    if "id" in names:
        work, dup_findings = dedupe(collection, work, _typed("id"))
        issues.extend((DataRuleId.DAT002, f) for f in dup_findings)
    good = work.filter(~pl.col("__bad")).select(
        *[pl.col(_typed(s.name)).alias(s.name) for s in specs],
        *[pl.col(c) for c in PROVENANCE],
    )
    defaults = [pl.col(s.name).fill_null(s.default) for s in specs if s.default is not None]
    periods = [e for s in specs if s.kind == "period" for e in _period_bounds(s.name)]
    good = good.with_columns(*defaults, *periods)
    return good, used_ids, issues
