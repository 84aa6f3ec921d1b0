"""The Dataset: every collection of a data repository as a typed polars frame.

Raw tables (strings plus provenance) from the source adapters are typed here, column by
column, with the vectorised parsers of :mod:`.sources.values`; the data integrity rules
DAT001–DAT005 are found on the way. What the guideline rules see is clean: a record that
failed DAT001 is left out, of two records with one id (valid or not) only the first may
take part, a record whose required reference names no record that takes part is left
out, an optional such reference is null, and the rows of a file whose header lacks a
required column are left out. (The engine then sees these frames as of ``as_of``:
:mod:`.engine.as_of`.)

Besides the 16 collections, the manifest's facts become frames too (``parties``,
``party_domains``, ``bodies``, ``channels``, ``secretariat``), so rules treat them alike.
Every frame carries provenance columns ``_file``, ``_line``, ``_pointer`` and ``_row``.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import polars as pl

from .exceptions import ConditionError
from .findings import DataRuleId, Location, RawFinding, Subject
from .i18n.message import Msg, Text, msg
from .schema.attestations import Attestations
from .schema.collections import COLLECTION_FIELDS, COLLECTION_MODELS
from .schema.fields import FieldSpec
from .schema.manifest import Manifest
from .sources.base import FileProblem, SourceInventory, SourceNotice
from .sources.confine import UnrecognisedFile
from .sources.manifest import MANIFEST_NAME
from .sources.readers import RawTable, row_problems
from .sources.values import expected_text, normalized_raw, parse_expr, printable_expr
from .suggest import reference_guesser
from .yamlio import LineIndex

PROVENANCE = ("_file", "_line", "_pointer", "_row")


def _spec(name: str, kind: str = "str", ref: str | None = None) -> FieldSpec:
    return FieldSpec(name=name, kind=kind, required=False, ref=ref)  # type: ignore[arg-type]


MANIFEST_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "parties": (_spec("id", "id"), _spec("name"), _spec("kind"), _spec("org_number")),
    "party_domains": (_spec("party", ref="parties"), _spec("domain")),
    "bodies": (_spec("id", "id"), _spec("name"), _spec("kind")),
    "channels": (_spec("id", "id"), _spec("kind"), _spec("address"), _spec("host")),
    "secretariat": (
        _spec("id", "id"),
        _spec("leader_appointment_decision", ref="decisions"),
        _spec("employer_waiver_agreement"),
        _spec("mandate"),
        _spec("delegated_authority_nok", "amount"),
        _spec("toll_allowed", "bool"),
        _spec("toll_annual_cap_nok", "amount"),
        _spec("toll_basis"),
    ),
}
"""Frames made from the manifest, described like collections so rules can join them."""


@dataclass
class Dataset:
    """A data repository loaded for checking."""

    root: Path
    manifest: Manifest
    manifest_lines: LineIndex
    frames: dict[str, pl.DataFrame]
    fields: dict[str, tuple[FieldSpec, ...]]
    issues: list[tuple[DataRuleId, RawFinding]] = field(default_factory=list)
    """Data integrity findings: (rule id, finding)."""
    memo: dict[str, Any] = field(default_factory=dict)
    """Work that check kinds share across rules, derived from the frames, by key (an
    input such as :attr:`attestations` is not work: it is loaded at the boundary)."""
    inventory: list[SourceInventory] = field(default_factory=list)
    """Per source adapter that read something: files, elements seen, records, left out."""
    attestations: Attestations = field(default_factory=Attestations)
    """``attestations.yaml``, validated, loaded at the boundary when an ``attested`` rule
    runs (:func:`secretariat_rules.api.check_dataset`); by default no file."""

    def frame(self, name: str) -> pl.DataFrame:
        """The clean frame of a collection or manifest table."""
        try:
            return self.frames[name]
        except KeyError:
            known = ", ".join(sorted(self.frames))
            raise ConditionError(f"unknown collection {name!r} (known: {known})") from None

    def manifest_location(self, *key: str | int) -> Location:
        """Where a manifest key is written (``secretariat.yaml:LINE``)."""
        return Location(MANIFEST_NAME, self.manifest_lines.line(key))

    @property
    def record_count(self) -> int:
        return sum(self.frames[name].height for name in COLLECTION_MODELS)


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


# --------------------------------------------------------------------------- typing


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
        raw = normalized_raw(spec.name)
        if spec.required:
            checks.append(_Check(raw.is_null(), spec.name))
        invalid = raw.is_not_null() & pl.col(_typed(spec.name)).is_null()
        checks.append(_Check(invalid, spec.name, printable_expr(raw), expected_text(spec)))
    return checks


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
    checks = _problem_checks(specs)
    work = raw.with_columns(parse_expr(s.name, s).alias(_typed(s.name)) for s in specs)
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
        reasons = [*row_problems(problems)] if problems is not None else []
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
    dangling_exprs = []
    for spec in refs:
        assert spec.ref is not None
        value = pl.col(spec.name)
        known_ids = pl.Series(sorted(known.get(spec.ref, set())), dtype=pl.Utf8)
        is_dangling = value.is_not_null() & ~value.is_in(known_ids.implode())
        dangling_exprs.append(pl.when(is_dangling).then(value))
    columns = [f"__dangling_{i}" for i in range(len(refs))]
    with_values = frame.with_columns(
        e.alias(c) for e, c in zip(dangling_exprs, columns, strict=True)
    )
    bad = with_values.filter(pl.any_horizontal(pl.col(c).is_not_null() for c in columns))
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


# --------------------------------------------------------------------------- manifest frames


def host_of(kind: str, address: str) -> str:
    """The host of a channel: an e-mail address's domain, a URL's host name."""
    address = address.strip()
    if kind == "email":
        host = address.rsplit("@", 1)[-1]
    else:
        host = urlsplit(address if "://" in address else f"//{address}").hostname or ""
    return host.lower().rstrip(".")


def manifest_frames(manifest: Manifest, index: LineIndex) -> dict[str, pl.DataFrame]:
    """The manifest's facts as frames with provenance (``secretariat.yaml:LINE``)."""

    def frame(rows: list[dict[str, Any]], name: str) -> pl.DataFrame:
        schema: dict[str, pl.DataType] = {s.name: s.dtype for s in MANIFEST_FIELDS[name]}
        schema.update(_file=pl.Utf8(), _line=pl.Int64(), _pointer=pl.Utf8(), _row=pl.Int64())
        for i, row in enumerate(rows, start=1):
            row.setdefault("_file", MANIFEST_NAME)
            row.setdefault("_pointer", None)
            row["_row"] = i
        return pl.DataFrame(rows, schema=schema)

    parties = [
        {
            "id": p.id,
            "name": p.name,
            "kind": p.kind,
            "org_number": p.org_number,
            "_line": index.line(("parties", i)),
        }
        for i, p in enumerate(manifest.parties)
    ]
    domains = [
        {"party": p.id, "domain": d, "_line": index.line(("parties", i, "domains", j))}
        for i, p in enumerate(manifest.parties)
        for j, d in enumerate(p.domains)
    ]
    bodies = [
        {"id": b.id, "name": b.name, "kind": b.kind, "_line": index.line(("bodies", i))}
        for i, b in enumerate(manifest.bodies)
    ]
    channels = [
        {
            "id": c.address,
            "kind": c.kind,
            "address": c.address,
            "host": host_of(c.kind, c.address),
            "_line": index.line(("channels", i)),
        }
        for i, c in enumerate(manifest.channels)
    ]
    facts = manifest.secretariat
    toll = facts.toll_funding
    secretariat = [
        {
            "id": manifest.region,
            "leader_appointment_decision": facts.leader_appointment_decision,
            "employer_waiver_agreement": facts.employer_waiver_agreement,
            "mandate": facts.mandate,
            "delegated_authority_nok": facts.delegated_authority_nok,
            "toll_allowed": toll.allowed if toll else None,
            "toll_annual_cap_nok": toll.annual_cap_nok if toll else None,
            "toll_basis": toll.basis if toll else None,
            "_line": index.line(("secretariat",)),
        }
    ]
    return {
        "parties": frame(parties, "parties"),
        "party_domains": frame(domains, "party_domains"),
        "bodies": frame(bodies, "bodies"),
        "channels": frame(channels, "channels"),
        "secretariat": frame(secretariat, "secretariat"),
    }


# --------------------------------------------------------------------------- assembly


def file_problem_findings(problems: Iterable[FileProblem]) -> list[tuple[DataRuleId, RawFinding]]:
    """One DAT004 finding per collection whose file(s) could not be used."""
    by_collection: dict[str, list[FileProblem]] = defaultdict(list)
    for problem in problems:
        by_collection[problem.collection].append(problem)
    out = []
    for collection, items in by_collection.items():
        reasons = tuple(
            dict.fromkeys(msg("data.at_path", path=p.path, message=p.message) for p in items)
        )
        locs = tuple(Location(p.path, p.line) for p in items)
        out.append((DataRuleId.DAT004, RawFinding(Subject("files", collection), reasons, locs)))
    return out


def notice_findings(notices: Iterable[SourceNotice]) -> list[tuple[DataRuleId, RawFinding]]:
    """Source adapters' DAT006–DAT008 notices as findings: one per rule and subject.

    An adapter may give one notice per reason (``3 × arkivnotat ...``, ``1 × ...``); the
    notices of one rule on one file are one finding with every reason and location, in
    the order given, so each finding keeps a fingerprint of its own (rule + subject).
    """
    merged: dict[tuple[DataRuleId, str], tuple[dict[Text, None], dict[Location, None]]] = {}
    for notice in notices:
        reasons, locations = merged.setdefault((notice.rule, notice.subject), ({}, {}))
        reasons.update(dict.fromkeys(notice.reasons))
        locations.update(dict.fromkeys(Location(*where) for where in notice.locations))
    return [
        (rule, RawFinding(Subject.parse(subject), tuple(reasons), tuple(locations)))
        for (rule, subject), (reasons, locations) in merged.items()
    ]


def build_dataset(
    root: Path,
    manifest: Manifest,
    index: LineIndex,
    tables: list[RawTable],
    problems: list[FileProblem],
    unrecognised: Iterable[UnrecognisedFile] = (),
    notices: Iterable[SourceNotice] = (),
    inventory: Iterable[SourceInventory] = (),
) -> Dataset:
    """Type, validate, de-duplicate and link the raw tables into a :class:`Dataset`.

    A file problem (DAT004) affects that file only: the tables other files or other
    source adapters read for the same collection are still typed and checked. Each file
    in ``unrecognised`` is one DAT005 warning on ``files/NAME``; source notices are
    DAT006–DAT008 findings, one per rule and subject (:func:`notice_findings`).
    """
    issues = file_problem_findings(problems)
    for item in unrecognised:
        finding = RawFinding(Subject("files", item.name), (item.message,), (Location(item.name),))
        issues.append((DataRuleId.DAT005, finding))
    issues.extend(notice_findings(notices))
    by_collection: dict[str, list[RawTable]] = defaultdict(list)
    for table in tables:
        by_collection[table.collection].append(table)

    frames = manifest_frames(manifest, index)
    fields: dict[str, tuple[FieldSpec, ...]] = dict(MANIFEST_FIELDS)
    known: dict[str, set[str]] = {
        "parties": {p.id for p in manifest.parties},
        "bodies": {b.id for b in manifest.bodies},
    }
    for collection in COLLECTION_MODELS:
        typed, used_ids, typing_issues = type_collection(collection, by_collection[collection])
        issues.extend(typing_issues)
        frames[collection] = typed
        fields[collection] = COLLECTION_FIELDS[collection]
        known[collection] = used_ids

    guess = reference_guesser(manifest.parties, manifest.bodies, known)
    kept = {name: frame.get_column("id") for name, frame in frames.items() if "id" in frame.columns}
    linked = [*COLLECTION_MODELS, "secretariat"]
    # a reference into a collection with an unreadable file (DAT004) may name a record of
    # that file: not DAT003 (one finding naming the file, not one per reference); the
    # reference still takes no part in the guideline rules (prune_all)
    unreadable = {p.collection for p in problems}
    for name in linked:
        checked = tuple(s for s in fields[name] if s.ref not in unreadable)
        frames[name], dangling = resolve_references(name, frames[name], checked, known, kept, guess)
        issues.extend((DataRuleId.DAT003, f) for f in dangling)
    frames = prune_all(frames, fields, linked)
    return Dataset(root, manifest, index, frames, fields, issues, inventory=list(inventory))


def empty_dataset() -> Dataset:
    """A dataset with every frame and no records (for validating rulesets by a dry run)."""
    from .schema.manifest import Manifest

    manifest = Manifest(region="dry-run")
    return build_dataset(Path("/nonexistent/dry-run"), manifest, LineIndex(MANIFEST_NAME), [], [])
