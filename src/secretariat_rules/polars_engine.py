"""Which polars engine collects a plan: in-memory for small inputs, polars' choice else.

Polars 2.x's default engine (``auto``, which streams where it can) costs about a
millisecond a collect more than the in-memory one however small the input: at the size
of a secretariat's own repository that is more than the work, a few dozen times a check
(``fixtures/miljoloftet``: the check's rules 0.146 s against 0.125 s). On long inputs
the streaming group-bys and joins are the faster and leaner ones, so those keep it.
"""

from __future__ import annotations

from typing import Literal

SMALL_ROWS = 100_000
"""Inputs with fewer rows than this are collected by the in-memory engine."""


def engine_for(rows: int) -> Literal["in-memory", "auto"]:
    """The engine for a plan whose largest input has ``rows`` rows."""
    return "in-memory" if rows < SMALL_ROWS else "auto"
