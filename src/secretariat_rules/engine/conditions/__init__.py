"""Conditions as data: a small structured language compiled to polars expressions.

Rulesets never contain code. A condition is a YAML mapping:

- comparison: ``{field: PATH, OP: OPERAND}`` with OP one of ``eq ne lt le gt ge``,
  ``in``/``not_in`` (a list), ``present`` (true/false), ``in_period`` (true: the value
  lies in the manifest's period), ``is_date`` (true: the text is a valid date),
  ``under_domain_of_party`` (true: a host equals or is a subdomain of a party's domain).
  Instead of ``field`` the left side may be ``var`` (``as_of``, ``period_start``,
  ``period_end``, ``secretariat.FIELD``), ``param`` (a rule parameter: a ruleset's switch,
  e.g. ``{param: toll_money_forbidden, eq: false}``) or an aggregate
  ``sum``/``count``/``min``/``max`` over related records (``{sum: {collection, field,
  match, where, as: NAME}}``; ``as`` names the value for message templates).
- logic: ``{all: [...]}``, ``{any: [...]}``, ``{not: COND}``.
- ``{exists: {collection, match: {THEIR_FIELD: OUR_PATH}, where: [...]}}``: some related
  record matches.
- ``{covers: {collection, key, member, universe: {collection, field, where}, where,
  time, within_hours}}``: related records name every member of a universe (and, with
  ``within_hours``, each member's first ``time`` is within that many hours of the first
  of all).

A PATH follows references with dots: on decisions, ``meeting.body.kind`` joins meetings
and bodies. Inside a correlated condition (``exists``, ``covers``, aggregates) a name
that is not a field of the inner collection resolves to the outer record's, and
``{outer: PATH}`` says so explicitly. An OPERAND is a literal, ``{field: PATH}``,
``{outer: PATH}``, ``{var: NAME}`` or ``{param: NAME}``, with optional ``plus_days``,
``minus_days``, ``plus_months`` or ``plus_hours`` (a number or a parameter name).

Null semantics: a comparison with a missing value is unknown; unknown counts as false
wherever a decision is made (a scope excludes the record, a requirement fails).
"""

# The package splits the work in four: :mod:`.model` (the language as pydantic models),
# :mod:`.frame` (what a condition is evaluated against, and the one path lookup),
# :mod:`.plan` (from conditions, the joins and computed columns a frame needs — plain
# data) with :mod:`.apply` (making them: a new frame), and :mod:`.compile` (condition and
# planned frame → polars expression, changing nothing). A check kind prepares its frame,
# then compiles::
#
#     frame = prepare(compiler, frame, conditions)
#     holds = compiler.all_of(frame, conditions)

from ...exceptions import ConditionError
from .apply import apply, correlate, prepare, related
from .compile import Compiler, NotPlannedError, derived_name
from .frame import Frame, Join, Scope, resolve_path
from .model import (
    OPS,
    AggSpec,
    All,
    Any_,
    Compare,
    Condition,
    Covers,
    CoversSpec,
    Exists,
    ExistsSpec,
    Literal_,
    Not,
    Offset,
    Operand,
    Ref,
    Requirement,
    Text,
    Universe,
    rule_cannot_evaluate,
)
from .plan import Derive, Plan, plan

__all__ = [
    "OPS",
    "AggSpec",
    "All",
    "Any_",
    "Compare",
    "Compiler",
    "Condition",
    "ConditionError",
    "Covers",
    "CoversSpec",
    "Derive",
    "Exists",
    "ExistsSpec",
    "Frame",
    "Join",
    "Literal_",
    "Not",
    "NotPlannedError",
    "Offset",
    "Operand",
    "Plan",
    "Ref",
    "Requirement",
    "Scope",
    "Text",
    "Universe",
    "apply",
    "correlate",
    "derived_name",
    "plan",
    "prepare",
    "related",
    "resolve_path",
    "rule_cannot_evaluate",
]
