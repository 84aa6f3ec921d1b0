"""Planning what a frame needs before conditions are compiled over it.

:func:`plan` reads conditions (and operands, and template paths) and says, as plain data
(:class:`Plan`), which reference joins (:class:`~.frame.Join`) and which computed columns
(:class:`Derive`: ``exists``, aggregates, ``covers``, ``is_date`` probes,
``under_domain_of_party``) the frame needs, in the order they depend on each other. It
reads only the frame's schema and the dataset's; :mod:`.apply` makes the plan, and
compiling (:mod:`.compile`) then only reads the frame.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from ...schema.fields import FieldSpec
from .compile import AGGREGATES, derived_name
from .frame import Frame, Join, joined_columns, resolve_path
from .model import (
    AggSpec,
    All,
    Any_,
    Compare,
    Condition,
    Covers,
    CoversSpec,
    Exists,
    ExistsSpec,
    Not,
    Ref,
)

DeriveKind = Literal["exists", "sum", "count", "min", "max", "covers", "probe", "domain"]


@dataclass(frozen=True)
class Derive:
    """A column computed from related records (or a probe of a value) for a condition."""

    name: str
    kind: DeriveKind
    spec: ExistsSpec | AggSpec | CoversSpec | Compare


Step = Join | Derive


@dataclass(frozen=True)
class Plan:
    """What a frame needs, in order: reference joins and computed columns."""

    steps: tuple[Step, ...] = ()

    @property
    def joins(self) -> tuple[Join, ...]:
        return tuple(s for s in self.steps if isinstance(s, Join))

    @property
    def derived(self) -> tuple[Derive, ...]:
        return tuple(s for s in self.steps if isinstance(s, Derive))


def plan(
    frame: Frame,
    conditions: Iterable[Condition] = (),
    refs: Iterable[Ref | None] = (),
    paths: Iterable[str] = (),
) -> Plan:
    """The joins and columns ``frame`` needs for ``conditions``, ``refs`` and ``paths``."""
    planner = _Planner(frame)
    for cond in conditions:
        planner.condition(cond)
    for ref in refs:
        if ref is not None:
            planner.ref(ref)
    for path in paths:
        planner.path(path)
    return Plan(tuple(planner.steps))


@dataclass
class _Planner:
    """Walks conditions depth-first over a simulated schema of the frame."""

    frame: Frame
    steps: list[Step] = field(default_factory=list)
    columns: list[str] = field(init=False)
    specs: dict[str, FieldSpec] = field(init=False)

    def __post_init__(self) -> None:
        self.columns = list(self.frame.df.columns)
        self.specs = dict(self.frame.specs)

    def path(self, path: str, outer: bool = False) -> None:
        _, joins = resolve_path(self.frame.ds, self.columns, self.specs, path, outer)
        for join in joins:
            self.steps.append(join)
            added = joined_columns(self.frame.ds, join.target)
            self.columns += [f"{join.column}.{c}" for c in added]
            target = {s.name: s for s in self.frame.ds.fields[join.target]}
            self.specs.update({f"{join.column}.{c}": target[c] for c in added if c in target})

    def ref(self, ref: Ref) -> None:
        if ref.field is not None:
            self.path(ref.field)
        elif ref.outer is not None:
            self.path(ref.outer, outer=True)

    def derive(self, kind: DeriveKind, spec: ExistsSpec | AggSpec | CoversSpec | Compare) -> None:
        name = derived_name(kind, spec)
        if name in self.columns:
            return
        self.steps.append(Derive(name, kind, spec))
        self.columns += [name, *_exposed(kind, spec)]

    def condition(self, cond: Condition) -> None:
        if isinstance(cond, All | Any_):
            for c in cond.all if isinstance(cond, All) else cond.any:
                self.condition(c)
        elif isinstance(cond, Not):
            self.condition(cond.not_)
        elif isinstance(cond, Exists):
            for path in cond.exists.match.values():
                self.path(path)
            self.derive("exists", cond.exists)
        elif isinstance(cond, Covers):
            self.path(cond.covers.outer_key)
            self.derive("covers", cond.covers)
        else:
            self.compare(cond)

    def compare(self, cond: Compare) -> None:
        aggregate = next((how for how in AGGREGATES if getattr(cond, how) is not None), None)
        if aggregate is not None:
            spec: AggSpec = getattr(cond, aggregate)
            for path in spec.match.values():
                self.path(path)
            self.derive(aggregate, spec)
        elif cond.field is not None:
            self.path(cond.field)
        elif cond.outer is not None:
            self.path(cond.outer, outer=True)
        if cond.op == "is_date":
            self.derive("probe", cond)
        elif cond.op == "under_domain_of_party":
            self.derive("domain", cond)
        operand = getattr(cond, cond.op)
        if isinstance(operand, Ref):
            self.ref(operand)


def _exposed(kind: str, spec: ExistsSpec | AggSpec | CoversSpec | Compare) -> list[str]:
    """Columns a computed column also exposes to message templates."""
    if isinstance(spec, AggSpec):
        return [spec.as_] if spec.as_ else []
    if isinstance(spec, CoversSpec):
        timed = spec.time and spec.within_hours is not None
        late = ["late_sent", "late_locations"] if timed else []
        return [derived_name("missing", spec), derived_name("late", spec), "missing", "late", *late]
    return ["domain_parties"] if kind == "domain" else []
