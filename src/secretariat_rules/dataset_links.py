"""Records that take part: their ids and locations, duplicate ids, resolved references.

Two records with one id (DAT002), references that name no record that takes part
(DAT003), and the pruning that follows; :func:`locations_of` and :func:`subject_ids` read
the provenance columns.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet

import polars as pl

from .findings import Location, RawFinding, Subject
from .i18n.message import Msg, msg
from .polars_engine import engine_for
from .schema.fields import FieldSpec

PROVENANCE = ("_file", "_line", "_pointer", "_row")


def locations_of(frame: pl.DataFrame) -> list[Location]:
    """The locations of every row of a frame, from its provenance columns."""
    files = frame.get_column("_file").to_list()
    lines = frame.get_column("_line").to_list()
    pointers = (
        frame.get_column("_pointer").to_list()
        if "_pointer" in frame.columns
        else [None] * len(files)
    )
    return [Location(f, ln, p) for f, ln, p in zip(files, lines, pointers, strict=True)]


def subject_ids(collection: str, frame: pl.DataFrame) -> list[str]:
    """Subject ids of rows: the record id, or ``row-N`` for records without one."""
    rows = frame.get_column("_row").to_list()
    if "id" not in frame.columns:
        return [f"row-{n}" for n in rows]
    ids = frame.get_column("id").to_list()
    return [i if i is not None else f"row-{n}" for i, n in zip(ids, rows, strict=True)]


def dedupe(
    collection: str, frame: pl.DataFrame, column: str = "id"
) -> tuple[pl.DataFrame, list[RawFinding]]:
    """Keep the first record of each id (in file order); DAT002 for each duplicated id.

    Every record's id counts, valid or not (``frame`` holds every typed row, ``__bad``
    marking those that failed DAT001): the first in file order is kept and the later ones
    are dropped, so when the first is invalid no record with that id takes part.
    """
    if column not in frame.columns:
        return frame, []
    ident = pl.col(column)
    dups = frame.filter(ident.is_not_null() & ident.is_duplicated())
    findings = []
    if dups.height:
        by_id: dict[str, list[Location]] = defaultdict(list)
        first_bad: dict[str, bool] = {}
        bad = (
            dups.get_column("__bad").to_list() if "__bad" in dups.columns else [False] * dups.height
        )
        for key, loc, is_bad in zip(
            dups.get_column(column).to_list(), locations_of(dups), bad, strict=True
        ):
            by_id[key].append(loc)
            first_bad.setdefault(key, bool(is_bad))
        for key, locs in by_id.items():
            where = ", ".join(str(loc) for loc in locs)
            kept = msg(
                "data.duplicate.first_invalid" if first_bad[key] else "data.duplicate.first_used"
            )
            reason = msg("data.duplicate_id", id=repr(key), count=len(locs), where=where, kept=kept)
            findings.append(RawFinding(Subject(collection, key), (reason,), tuple(locs)))
        frame = frame.filter(ident.is_null() | ident.is_first_distinct())
    return frame, findings


IdSets = Mapping[str, AbstractSet[str] | pl.Series]
"""Ids per collection: a set, or a Series (membership is all that is asked of them)."""


ID_SERIES = "__id"
"""The name of a Series of ids (:func:`id_series`)."""


def id_series(ids: AbstractSet[str] | pl.Series) -> pl.Series:
    """``ids`` as a Utf8 Series (a Series as it is)."""
    if isinstance(ids, pl.Series):
        return ids
    return pl.Series(ID_SERIES, list(ids), dtype=pl.Utf8)


def dangling_references(
    name: str,
    frame: pl.DataFrame,
    specs: tuple[FieldSpec, ...],
    known: IdSets,
    guess: Callable[[str, str], str | None] | None = None,
) -> list[RawFinding]:
    """A DAT003 finding per record with a reference that names no id of ``known``.

    Each reference column is tested against its target's ids in one pass over the frame
    (polars' hashed membership, a semi-join: no Python objects per row); only the few
    records with a dangling value are gathered. ``guess(collection, value)`` names the id
    a dangling value probably means (``party 'Askøy' names no record of parties; did you
    mean 'askoy'?``); it is asked in record order, then reference order.
    """
    return find_dangling(name, frame, specs, known, guess)[0]


def find_dangling(
    name: str,
    frame: pl.DataFrame,
    specs: tuple[FieldSpec, ...],
    known: IdSets,
    guess: Callable[[str, str], str | None] | None = None,
) -> tuple[list[RawFinding], frozenset[str]]:
    """:func:`dangling_references`, and the names of the reference columns that hold a
    dangling value (every value of the others is null or an id of ``known``)."""
    refs = [s for s in specs if s.ref and s.name in frame.columns]
    if not refs or frame.height == 0:
        return [], frozenset()
    targets: dict[str, pl.Series] = {}
    for spec in refs:
        assert spec.ref is not None
        if spec.ref not in targets:
            targets[spec.ref] = id_series(known.get(spec.ref, frozenset()))
    columns = [f"__dangling_{i}" for i in range(len(refs))]
    value = [pl.col(s.name).cast(pl.Utf8) for s in refs]
    flags = [
        (v.is_not_null() & ~v.is_in(targets[s.ref].implode())).alias(c)  # type: ignore[index]
        for s, v, c in zip(refs, value, columns, strict=True)
    ]
    found = (
        frame.lazy()
        .select(pl.int_range(pl.len(), dtype=pl.UInt32).alias("__i"), *flags)
        .filter(pl.any_horizontal(columns))
        .collect(engine=engine_for(frame.height))
    )
    if found.height == 0:
        return [], frozenset()
    dangling = frozenset(
        s.name for s, c in zip(refs, columns, strict=True) if found.get_column(c).any()
    )
    bad = frame[found.get_column("__i")]
    bad = bad.with_columns(
        pl.when(found.get_column(c)).then(v).alias(c) for v, c in zip(value, columns, strict=True)
    )
    hints: dict[tuple[str, str], str | None] = {}

    def reason(spec: FieldSpec, value: str) -> Msg:
        assert spec.ref is not None
        if guess is not None and (spec.ref, value) not in hints:
            hints[(spec.ref, value)] = guess(spec.ref, value)
        near = hints.get((spec.ref, value))
        if near:
            return msg(
                "data.dangling_near", field=spec.name, value=value, ref=spec.ref, near=repr(near)
            )
        return msg("data.dangling", field=spec.name, value=value, ref=spec.ref)

    findings = [
        RawFinding(
            Subject(name, sid),
            tuple(reason(s, v) for s, v in zip(refs, values, strict=True) if v is not None),
            (loc,),
        )
        for sid, loc, values in zip(
            subject_ids(name, bad), locations_of(bad), bad.select(columns).rows(), strict=True
        )
    ]
    return findings, dangling


def resolve_references(
    name: str,
    frame: pl.DataFrame,
    specs: tuple[FieldSpec, ...],
    known: IdSets,
    kept: dict[str, pl.Series],
    guess: Callable[[str, str], str | None] | None = None,
) -> tuple[pl.DataFrame, list[RawFinding]]:
    """:func:`dangling_references`, then :func:`prune` the frame against ``kept``."""
    return prune(frame, specs, kept), dangling_references(name, frame, specs, known, guess)


def prune(
    frame: pl.DataFrame,
    specs: tuple[FieldSpec, ...],
    kept: Mapping[str, pl.Series],
    settled: AbstractSet[str] = frozenset(),
) -> pl.DataFrame:
    """Leave out records whose required reference names no kept record; null the others.

    A *required* reference to a record that takes no part (it does not exist, failed
    DAT001, or does not exist yet as of ``as_of``) leaves the record out, like a DAT001
    record; an *optional* one counts as absent. A frame with nothing to leave out or null
    is returned as it is (no copy: it keeps its chunks). The reference columns named in
    ``settled`` are not tested: the caller knows each of their values is null or kept.
    """
    refs = [s for s in specs if s.ref and s.name in frame.columns and s.name not in settled]
    if not refs or frame.height == 0:
        return frame

    def kept_ids(spec: FieldSpec) -> pl.Expr:
        assert spec.ref is not None
        ids = kept.get(spec.ref, pl.Series([], dtype=pl.Utf8))
        return pl.col(spec.name).is_in(ids.implode())

    required = [kept_ids(s) | pl.col(s.name).is_null() for s in refs if s.required]
    if required:
        keep = frame.select(pl.all_horizontal(required)).to_series()
        if not keep.all():
            frame = frame.filter(keep)
    optional = [s for s in refs if not s.required]
    if not optional or frame.height == 0:
        return frame
    outside = frame.select(
        (pl.col(s.name).is_not_null() & ~kept_ids(s)).any().alias(s.name) for s in optional
    ).row(0)
    nulled = [s for s, out in zip(optional, outside, strict=True) if out]
    if not nulled:
        return frame
    return frame.with_columns(
        pl.when(kept_ids(s)).then(pl.col(s.name)).otherwise(None).alias(s.name) for s in nulled
    )


def prune_all(
    frames: dict[str, pl.DataFrame],
    fields: dict[str, tuple[FieldSpec, ...]],
    names: list[str],
    *,
    settled: Mapping[str, AbstractSet[str]] | None = None,
    changed: AbstractSet[str] | None = None,
) -> dict[str, pl.DataFrame]:
    """:func:`prune` the named frames until no record is left out any more.

    Leaving a record out can leave out those that require it (a follow-up of a decision
    that takes no part), so this repeats until nothing changes. Each round prunes against
    the ids at its start; after the first, only the frames that refer to a frame that
    lost records in the round before (pruning again against unchanged ids changes
    nothing).

    ``settled``: per frame, reference columns the first round need not test (each value
    null or an id of its target's frame: :func:`find_dangling` found none dangling, and
    the target keeps every id it knows). ``changed``: the frames were pruned before and
    only these lost records since, so the first round prunes only the frames that refer
    to them.
    """
    frames = dict(frames)
    targets = {
        name: {s.ref for s in fields[name] if s.ref and s.name in frames[name].columns}
        for name in names
    }
    pending = list(names) if changed is None else [n for n in names if targets[n] & changed]
    first = settled or {}
    while pending:
        kept = {n: f.get_column("id") for n, f in frames.items() if "id" in f.columns}
        lost = set()
        for name in pending:
            before = frames[name].height
            frames[name] = prune(frames[name], fields[name], kept, first.get(name, frozenset()))
            if frames[name].height != before:
                lost.add(name)
        first = {}
        pending = [name for name in names if targets[name] & lost]
    return frames
