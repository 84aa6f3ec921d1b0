"""Records that take part: their ids and locations, duplicate ids, resolved references.

Two records with one id (DAT002), references that name no record that takes part
(DAT003), and the pruning that follows; :func:`locations_of` and :func:`subject_ids` read
the provenance columns.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

import polars as pl

from .findings import Location, RawFinding, Subject
from .i18n.message import Msg, msg
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


def resolve_references(
    name: str,
    frame: pl.DataFrame,
    specs: tuple[FieldSpec, ...],
    known: dict[str, set[str]],
    kept: dict[str, pl.Series],
    guess: Callable[[str, str], str | None] | None = None,
) -> tuple[pl.DataFrame, list[RawFinding]]:
    """A DAT003 finding per reference to nothing; then :func:`prune` the frame against ``kept``.

    ``guess(collection, value)`` names the id a dangling value probably means (``party
    'Askøy' names no record of parties; did you mean 'askoy'?``).
    """
    refs = [s for s in specs if s.ref and s.name in frame.columns]
    if not refs or frame.height == 0:
        return frame, []
    # each reference column against the ids of its target, as an anti-join: the rows left
    # are the dangling ones (membership needs no order; sorting millions of ids was slow)
    columns = [f"__dangling_{i}" for i in range(len(refs))]
    targets: dict[str, pl.DataFrame] = {}
    bad_index = pl.DataFrame(schema={"__i": pl.UInt32})
    dangling = []
    for spec, column in zip(refs, columns, strict=True):
        assert spec.ref is not None
        if spec.ref not in targets:
            ids = pl.Series("__id", list(known.get(spec.ref, ())), dtype=pl.Utf8)
            targets[spec.ref] = ids.to_frame()
        values = frame.select(
            pl.int_range(pl.len(), dtype=pl.UInt32).alias("__i"),
            pl.col(spec.name).cast(pl.Utf8).alias(column),
        ).filter(pl.col(column).is_not_null())
        missing = values.join(targets[spec.ref], left_on=column, right_on="__id", how="anti")
        dangling.append(missing)
        bad_index = pl.concat([bad_index, missing.select("__i")])
    bad_index = bad_index.unique().sort("__i")
    for missing in dangling:
        bad_index = bad_index.join(missing, on="__i", how="left", maintain_order="left")
    bad = frame[bad_index.get_column("__i")].with_columns(bad_index.get_column(c) for c in columns)
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
    return prune(frame, specs, kept), findings


def prune(
    frame: pl.DataFrame, specs: tuple[FieldSpec, ...], kept: dict[str, pl.Series]
) -> pl.DataFrame:
    """Leave out records whose required reference names no kept record; null the others.

    A *required* reference to a record that takes no part (it does not exist, failed
    DAT001, or does not exist yet as of ``as_of``) leaves the record out, like a DAT001
    record; an *optional* one counts as absent.
    """
    refs = [s for s in specs if s.ref and s.name in frame.columns]
    if not refs or frame.height == 0:
        return frame

    def kept_ids(spec: FieldSpec) -> pl.Expr:
        assert spec.ref is not None
        ids = kept.get(spec.ref, pl.Series([], dtype=pl.Utf8))
        return pl.col(spec.name).is_in(ids.implode())

    required = [kept_ids(s) | pl.col(s.name).is_null() for s in refs if s.required]
    if required:
        frame = frame.filter(pl.all_horizontal(required))
    optional = [s for s in refs if not s.required]
    return frame.with_columns(
        pl.when(kept_ids(s)).then(pl.col(s.name)).otherwise(None).alias(s.name) for s in optional
    )


def prune_all(
    frames: dict[str, pl.DataFrame], fields: dict[str, tuple[FieldSpec, ...]], names: list[str]
) -> dict[str, pl.DataFrame]:
    """:func:`prune` the named frames until no record is left out any more.

    Leaving a record out can leave out those that require it (a follow-up of a decision
    that takes no part), so this repeats until nothing changes.
    """
    frames = dict(frames)
    while True:
        kept = {n: f.get_column("id") for n, f in frames.items() if "id" in f.columns}
        changed = False
        for name in names:
            before = frames[name].height
            frames[name] = prune(frames[name], fields[name], kept)
            changed = changed or frames[name].height != before
        if not changed:
            return frames
