"""Typing one raw table into its collection's frame, finding DAT001, DAT002, DAT005.

The columns a file has that the schema does not know, the required ones it lacks, and
each value that is not valid for its field (:mod:`.sources.values`), with provenance.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import polars as pl

from .dataset_links import ID_SERIES, PROVENANCE, dedupe, id_series, locations_of, subject_ids
from .findings import DataRuleId, Location, RawFinding, Subject
from .i18n.message import Msg, Text, msg
from .schema.collections import COLLECTION_FIELDS, COLLECTION_MODELS
from .schema.fields import FieldSpec
from .sources.chunks import in_parts, slices
from .sources.readers import RawTable, row_problems
from .sources.values import (
    expected_text,
    fast_parse_stages,
    normalized_raw,
    parse_expr,
    printable_expr,
)


@functools.lru_cache(maxsize=64)
def _empty_raw(specs: tuple[FieldSpec, ...]) -> pl.LazyFrame:
    """No rows, every column: the first part of each concat (a file may lack columns)."""
    cols = {s.name: pl.Series(s.name, [], pl.Utf8) for s in specs}
    cols.update(
        _line=pl.Series([], dtype=pl.Int64),
        _pointer=pl.Series([], dtype=pl.Utf8),
        _problems=pl.Series([], dtype=pl.Utf8),
        _file=pl.Series([], dtype=pl.Utf8),
        _row=pl.Series([], dtype=pl.Int64),
    )
    return pl.DataFrame(cols).lazy()


def _prepare(table: RawTable, names: set[str]) -> pl.LazyFrame:
    """A table's known columns and provenance (``_file``, ``_row``), as a lazy plan."""
    frame = table.frame.lazy()
    missing = [c for c in ("_pointer", "_problems") if c not in table.frame.columns]
    columns = [c for c in (*table.frame.columns, *missing) if c not in ("_file", "_row")]
    keep = [c for c in columns if c in names or c.startswith("_")]
    return frame.select(
        *(pl.col(c) if c not in missing else pl.lit(None, pl.Utf8).alias(c) for c in keep),
        pl.lit(table.path).alias("_file"),
        pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias("_row"),
    )


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


def _condition(i: int) -> str:
    return f"__check_{i}"


@dataclass(frozen=True, eq=False)
class _Check:
    """One possible DAT001 problem of a row (its ``__check_N`` column) and its message.

    ``expected`` says what a valid value looks like (an invalid value, which the message
    quotes: :attr:`echo`), or is None (a missing one).
    """

    field: str
    expected: Msg | None = None

    @property
    def echo(self) -> pl.Expr:
        """The value the message quotes (the normalized text, escaped); ``''`` if missing.

        Built only for rows with a problem (a ``printable_expr`` is not free to build).
        """
        if self.expected is None:
            return pl.lit("")
        return printable_expr(pl.col(self.field))  # already normalized (_typed_works)

    def message(self, echoed: str) -> Msg:
        if self.expected is None:
            return msg("data.missing_field", field=self.field)
        return msg("data.invalid_value", field=self.field, value=echoed, expected=self.expected)


@functools.lru_cache(maxsize=64)
def _problem_checks(specs: tuple[FieldSpec, ...]) -> tuple[_Check, ...]:
    """Every possible problem of a row besides the reader's own, in the order of the
    ``__check_N`` columns :func:`_typed_works` makes: per field, missing (if required),
    invalid. Built once per schema.
    """
    checks = []
    for spec in specs:
        if spec.required:
            checks.append(_Check(spec.name))
        checks.append(_Check(spec.name, expected_text(spec)))
    return tuple(checks)


ENGINE: Literal["in-memory", "streaming"] = "in-memory"
"""Polars' engine for these plans. Its default (2.x: the streaming one) costs a few
milliseconds per collect, more than a small repository's whole typing; the in-memory
engine runs element-wise work over a column's chunks in parallel (:func:`_chunked`)."""

_FLAGS = pl.QueryOptFlags(comm_subexpr_elim=False)
"""The plans share their sub-plans (``collect_all``); looking for common expressions
inside them costs more than it saves here."""

SPLIT_ROWS = 50_000
"""A column of this many rows or more is parsed as at least :data:`SPLIT_PARTS` chunks."""

SPLIT_PARTS = 4
"""Polars runs an element-wise expression over a column's chunks in parallel; a reader
may hand over one chunk, so a long column is cut into this many (no copy) first."""


def _chunked(column: pl.Series) -> pl.Series:
    """``column`` as :data:`SPLIT_PARTS` chunks or more, if it has :data:`SPLIT_ROWS` rows."""
    if column.len() < SPLIT_ROWS or column.n_chunks() >= SPLIT_PARTS:
        return column
    return in_parts(column, SPLIT_PARTS)


def _stacked(columns: list[pl.Series]) -> pl.Series:
    """The columns one after another, as one ``v`` column: their chunks, not copied, if
    long (:func:`_chunked`); else copied into one chunk (many tiny chunks cost more)."""
    if not columns:
        return pl.Series("v", [], pl.Utf8)
    stacked = pl.concat([c.alias("v") for c in columns], rechunk=False)
    return stacked.rechunk() if stacked.len() < SPLIT_ROWS else _chunked(stacked)


def _parser_key(spec: FieldSpec) -> FieldSpec:
    """What :func:`parse_expr` reads of ``spec``: fields with one key parse as one column."""
    return dataclasses.replace(
        spec,
        name="v",
        required=False,
        ref="ref" if spec.ref is not None else None,
        default=None,
        description="",
    )


def _first_stage(text: pl.Series, spec: FieldSpec) -> pl.LazyFrame:
    """The plan of ``text``'s first parse (``t``) and checks (``absent``, ``invalid``).

    ``text`` is a normalized ``v`` column. A kind with a fast path (:func:`fast_parse_stages`)
    takes its first stage here; :func:`_parsed` finishes the rows it leaves invalid.
    """
    stages = fast_parse_stages("v", spec, normalized=True)
    first = parse_expr("v", spec, normalized=True) if stages is None else stages[0]
    v = pl.col("v")
    return (
        text.to_frame()
        .lazy()
        .with_columns(first.alias("t"))
        .select(
            "t",
            v.is_null().alias("absent"),
            (v.is_not_null() & pl.col("t").is_null()).alias("invalid"),
        )
    )


def _parsed(text: pl.Series, spec: FieldSpec, first: pl.DataFrame) -> tuple[pl.Series, pl.Series]:
    """:func:`parse_expr`'s values of ``text`` and where they are invalid, from the first
    stage's frame (:func:`_first_stage`).

    Kinds with a fast path parse in stages (one common shape each): the first stage over
    every row, each next one only over the rows the ones before left null (but not
    empty), and the full parser last, over the rows left.
    """
    typed, invalid = first.get_column("t"), first.get_column("invalid")
    stages = fast_parse_stages("v", spec, normalized=True)
    if stages is None or not invalid.any():
        return typed, invalid
    missed = invalid.arg_true()
    full = parse_expr("v", spec, normalized=True)
    # a few rows go straight to the full parser (each stage costs its fixed cost)
    later = (*stages[1:], full) if missed.len() > FEW_MISSED else (full,)
    for expr in later:
        found = text.gather(missed).to_frame().select(expr).to_series()
        typed = typed.scatter(missed, found)
        missed = missed.filter(found.is_null())
        if missed.len() == 0:
            break
    return typed, text.is_not_null() & typed.is_null()


FEW_MISSED = 1_000
"""Rows the first fast stage left invalid, up to which :func:`_parsed` gives them to the
full parser at once rather than through the other fast stages one by one: a stage's
fixed cost (a gather and a plan, ~3 ms) is more than the full parser's work on so few."""


@dataclass
class _Raw:
    """One collection's raw rows (every table whose header is complete), before typing."""

    collection: str
    specs: tuple[FieldSpec, ...]
    frame: pl.LazyFrame
    rows: int
    issues: list[tuple[DataRuleId, RawFinding]]
    left_out: list[pl.LazyFrame]
    messages: dict[str, Msg]


def _raw(collection: str, tables: list[RawTable]) -> _Raw:
    """The tables of a collection as one raw plan, with the DAT001/DAT005 of their headers."""
    specs = COLLECTION_FIELDS[collection]
    names = {s.name for s in specs}
    issues: list[tuple[DataRuleId, RawFinding]] = []
    parts: list[pl.LazyFrame] = []
    left_out: list[pl.LazyFrame] = []
    rows = 0
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
        rows += table.frame.height
    frame = pl.concat([_empty_raw(specs), *parts], how="diagonal_relaxed")
    messages = {text: m for table in tables for text, m in table.messages.items()}
    return _Raw(collection, specs, frame, rows, issues, left_out, messages)


def _typed_works(
    raws: list[pl.DataFrame], schemas: list[tuple[FieldSpec, ...]]
) -> list[pl.DataFrame]:
    """Each raw frame with its fields normalized, typed and checked, all frames together.

    Each field's column is replaced by its :func:`normalized_raw` text (stripped once,
    for the parsers and for the DAT001 checks alike) and gets a typed column
    (:func:`_parsed`) and a column per :func:`_problem_checks` condition. The work is
    done column-wise over every frame at once: one normalization of all the fields'
    texts one after another, one parse per :func:`_parser_key`, in one collect (a plan's
    fixed cost per expression is most of a small repository's typing).
    """
    fields = [(i, spec) for i, specs in enumerate(schemas) for spec in specs]
    lengths = [raws[i].height for i, _ in fields]
    texts = [raws[i].get_column(spec.name).cast(pl.Utf8) for i, spec in fields]
    normalized = _stacked(texts).to_frame().select(normalized_raw("v")).to_series()
    norm = dict(zip(fields, slices(normalized, lengths), strict=True))
    groups: dict[FieldSpec, list[tuple[int, FieldSpec]]] = {}
    for field in fields:
        groups.setdefault(_parser_key(field[1]), []).append(field)
    stacked = {key: _stacked([norm[m] for m in members]) for key, members in groups.items()}
    plans = [_first_stage(stacked[key], key) for key in groups]
    firsts = pl.collect_all(plans, engine=ENGINE, optimizations=_FLAGS)
    typed: dict[tuple[int, FieldSpec], pl.Series] = {}
    missing: dict[tuple[int, FieldSpec], pl.Series] = {}
    invalid: dict[tuple[int, FieldSpec], pl.Series] = {}
    for (key, members), first in zip(groups.items(), firsts, strict=True):
        values, wrong = _parsed(stacked[key], key, first)
        sizes = [norm[m].len() for m in members]
        typed.update(zip(members, slices(values, sizes), strict=True))
        missing.update(zip(members, slices(first.get_column("absent"), sizes), strict=True))
        invalid.update(zip(members, slices(wrong, sizes), strict=True))
    works = []
    for i, (raw, specs) in enumerate(zip(raws, schemas, strict=True)):
        columns = {c: raw.get_column(c) for c in raw.columns}
        checks = 0
        for spec in specs:
            field = (i, spec)
            columns[spec.name] = norm[field].alias(spec.name)
            columns[_typed(spec.name)] = typed[field].alias(_typed(spec.name))
            if spec.required:
                columns[_condition(checks)] = missing[field].alias(_condition(checks))
                checks += 1
            columns[_condition(checks)] = invalid[field].alias(_condition(checks))
            checks += 1
        works.append(pl.DataFrame(list(columns.values())))
    return works


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


def _echoes(bad: pl.DataFrame, checks: tuple[_Check, ...]) -> pl.DataFrame:
    """Per row with a problem: ``_problems`` and each check's echo (None where it passed).

    Only for the (few) rows with a problem: echoing values for all is the slow part.
    """
    return bad.select(
        pl.col("_problems"),
        *[
            pl.when(pl.col(_condition(i))).then(c.echo).alias(f"__{i}")
            for i, c in enumerate(checks)
        ],
    )


Typed = tuple[pl.DataFrame, pl.Series, list[tuple[DataRuleId, RawFinding]]]
"""What typing a collection gives: see :func:`type_collection`."""


def _outputs(raw: _Raw, work: pl.LazyFrame) -> list[pl.LazyFrame]:
    """The plans of a typed work frame: rows with a problem, the clean frame, ids, duplicates."""
    specs = raw.specs
    checks = _problem_checks(specs)
    conditions = [pl.col("_problems").is_not_null()]
    conditions.extend(pl.col(_condition(i)) for i in range(len(checks)))
    work = work.with_columns(pl.any_horizontal(conditions).alias("__bad"))
    has_id = any(s.name == "id" for s in specs)
    bad = work.filter(pl.col("__bad")).select(
        *([pl.col(_typed("id"))] if has_id else []),
        *[pl.col(c) for c in PROVENANCE],
        pl.col("_problems"),
        *[pl.col(s.name) for s in specs],
        *[pl.col(_condition(i)) for i in range(len(checks))],
    )
    # of two records with one id (valid or not) only the first may take part (dedupe)
    ident = pl.col(_typed("id"))
    first = (ident.is_null() | ident.is_first_distinct()) if has_id else pl.lit(True)
    good = (
        work.filter(~pl.col("__bad") & first)
        .select(
            *[pl.col(_typed(s.name)).alias(s.name) for s in specs],
            *[pl.col(c) for c in PROVENANCE],
        )
        .with_columns(
            *[pl.col(s.name).fill_null(s.default) for s in specs if s.default is not None],
            *[e for s in specs if s.kind == "period" for e in _period_bounds(s.name)],
        )
    )
    if not has_id:
        return [bad, good]
    duplicated = ident.is_not_null() & ident.is_duplicated()
    return [
        bad,
        good,
        work.select(ident.drop_nulls()),
        work.filter(duplicated).select(ident, *PROVENANCE, "__bad"),
    ]


def _result(raw: _Raw, frames: list[pl.DataFrame]) -> Typed:
    """The typed frame, the ids used and the findings, from :func:`_outputs`' frames."""
    collection = raw.collection
    checks = _problem_checks(raw.specs)
    bad, good, *id_frames = frames
    issues = list(raw.issues)
    used = [id_series(frozenset())]
    if id_frames:
        used.append(id_frames[0].to_series())
        # the rows of a file whose header lacks a required column take no part, but
        # their ids exist: a reference to one of them is not dangling
        for frame in raw.left_out:
            if "id" not in frame.collect_schema():
                continue
            ids = frame.select(normalized_raw("id").alias("id")).collect(engine=ENGINE)
            used.append(ids.to_series().drop_nulls())
    # as a Series (references are tested against it in polars): no Python set of them
    used_ids = pl.concat([u.cast(pl.Utf8).alias(ID_SERIES) for u in used])
    used_ids = used_ids.unique(maintain_order=True)
    found = _echoes(bad, checks).rows() if bad.height else []
    subjects = bad.select(pl.col(_typed("id")).alias("id"), "_row") if id_frames else bad
    for subject_id, loc, (problems, *echoes) in zip(
        subject_ids(collection, subjects), locations_of(bad), found, strict=True
    ):
        reasons = [*row_problems(problems, raw.messages)] if problems is not None else []
        reasons.extend(c.message(e) for c, e in zip(checks, echoes, strict=True) if e is not None)
        finding = RawFinding(Subject(collection, subject_id), tuple(reasons), (loc,))
        issues.append((DataRuleId.DAT001, finding))
    if id_frames and id_frames[1].height:
        _, dup_findings = dedupe(collection, id_frames[1], _typed("id"))
        issues.extend((DataRuleId.DAT002, f) for f in dup_findings)
    return good, used_ids, issues


def outputs_engine(rows: int) -> Literal["in-memory", "streaming"]:
    """The engine for :func:`_outputs`' plans of ``rows`` records: streaming from
    :data:`BATCH_ROWS` on. Filtering the clean frame out of a long work frame, the
    in-memory engine took 0.36 s and 140 MB more than it holds at 1M distributions (1.2 GB
    at 10M), the streaming one 0.01 s and 8 MB, with the same frames; below, the
    streaming engine's few milliseconds per collect are more than the work."""
    return "streaming" if rows >= BATCH_ROWS else ENGINE


def _type_raws(raws: list[_Raw]) -> list[Typed]:
    """Type collections together: one collect of the raw frames, the fields' columns
    normalized and parsed together (:func:`_typed_works`), one collect of the outputs."""
    frames = pl.collect_all([r.frame for r in raws], engine=ENGINE, optimizations=_FLAGS)
    works = _typed_works(frames, [r.specs for r in raws])
    plans = [_outputs(r, w.lazy()) for r, w in zip(raws, works, strict=True)]
    engine = outputs_engine(sum(r.rows for r in raws))
    flat = pl.collect_all([p for ps in plans for p in ps], engine=engine, optimizations=_FLAGS)
    results = []
    for raw, ps in zip(raws, plans, strict=True):
        results.append(_result(raw, flat[: len(ps)]))
        flat = flat[len(ps) :]
    return results


def type_collection(collection: str, tables: list[RawTable]) -> Typed:
    """Type one collection's raw tables.

    :returns: the valid typed frame (the first record of each id; before reference
        checks), the ids that any record used (valid or not; a Series, each once, in
        record order), and the DAT001,
        DAT002 and DAT005 findings.
    """
    return _type_raws([_raw(collection, tables)])[0]


BATCH_ROWS = 100_000
"""Collections with fewer rows than this are typed together (:func:`type_collections`)."""


def type_collections(tables: dict[str, list[RawTable]]) -> Iterator[tuple[str, Typed]]:
    """:func:`type_collection` of every collection, in :data:`COLLECTION_MODELS` order.

    The small collections (fewer than :data:`BATCH_ROWS` rows) are typed together, first:
    a plan's fixed cost per expression, not the rows, is most of their typing; each
    larger one alone, in its turn. ``tables`` is consumed: a collection's raw tables are
    dropped from it when typed, so that its raw frames can be freed.
    """
    small = [
        c for c in COLLECTION_MODELS if sum(t.frame.height for t in tables.get(c, ())) < BATCH_ROWS
    ]
    batch = _type_raws([_raw(c, tables.pop(c, [])) for c in small])
    typed = dict(zip(small, batch, strict=True))
    del batch
    for collection in COLLECTION_MODELS:
        if collection in typed:
            yield collection, typed.pop(collection)
        else:
            yield collection, type_collection(collection, tables.pop(collection, []))
