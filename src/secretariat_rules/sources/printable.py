"""Values in messages: the invalid-value error, and values echoed with controls escaped.

:func:`printable` for one value, :func:`printable_expr` its vectorised twin; both escape
the characters of :data:`INVISIBLE_RANGES`, which are never valid in an id.
:class:`ValueProblem` is the error an invalid value raises.
"""

from __future__ import annotations

import functools
import unicodedata

import polars as pl

from ..i18n.message import Msg


class ValueProblem(ValueError):
    """An invalid value; ``msg`` says why, ``str()`` renders it in :func:`ui_lang`.

    A ``ValueError`` still, so ``except ValueError`` (pydantic validators, the CLI) keeps
    working; whoever builds a finding from it passes ``msg`` on, not ``str(e)``.
    """

    def __init__(self, message: Msg) -> None:
        super().__init__(message)
        self.msg = message

    def __str__(self) -> str:
        return str(self.msg)


MAX_ECHO = 80
"""Longest echo of a value in a message, in characters (longer ones end in ``…``)."""

INVISIBLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x00, 0x1F),  # C0 controls (NUL, TAB, LF...)
    (0x7F, 0x9F),  # DEL and C1 controls
    (0xAD, 0xAD),  # soft hyphen
    (0x061C, 0x061C),  # Arabic letter mark
    (0x180E, 0x180E),  # Mongolian vowel separator
    (0x200B, 0x200F),  # zero-width space/non-joiner/joiner, LRM, RLM
    (0x2028, 0x202E),  # line/paragraph separators, bidi embeddings and overrides
    (0x2060, 0x2064),  # word joiner, invisible operators
    (0x2066, 0x206F),  # bidi isolates, deprecated format characters
    (0xFEFF, 0xFEFF),  # BOM / zero-width no-break space
    (0xFFF9, 0xFFFB),  # interlinear annotation
    (0xE0001, 0xE0001),  # language tag
    (0xE0020, 0xE007F),  # tag characters
)
"""Control and invisible characters: never valid in an id, escaped when echoed."""

_INVISIBLE_CLASS = "[" + "".join(f"\\x{{{a:x}}}-\\x{{{b:x}}}" for a, b in INVISIBLE_RANGES) + "]"
"""The ranges as a (Rust) regex class."""

_INVISIBLE_CHARS = tuple(chr(c) for a, b in INVISIBLE_RANGES for c in range(a, b + 1))
_INVISIBLE_SET = frozenset(_INVISIBLE_CHARS)
_ESCAPES = tuple(repr(c)[1:-1] for c in _INVISIBLE_CHARS)


def has_invisible(text: str) -> bool:
    """Whether ``text`` holds a control or invisible character (:data:`INVISIBLE_RANGES`)."""
    return any(char in _INVISIBLE_SET for char in text)


def printable(value: object, limit: int = MAX_ECHO) -> str:
    """``value`` quoted for a message: controls escaped as ``repr`` does, cut at ``limit``.

    ``'a\\x00b'``; a longer text keeps its first ``limit - 1`` characters and ends in ``…``.
    Every message that echoes a value written by a person goes through this (or
    :func:`printable_expr`, its vectorised twin).
    """
    text = value if isinstance(value, str) else str(value)
    escaped = "".join(_escaped(c) for c in text)
    if len(escaped) > limit:
        escaped = escaped[: limit - 1] + "…"
    return f"'{escaped}'"


def _escaped(char: str) -> str:
    """A character as ``repr`` writes it if it is a control, invisible or unassigned one."""
    visible = char.isprintable() or unicodedata.category(char) == "Zs"
    return repr(char)[1:-1] if char in _INVISIBLE_SET or not visible else char


@functools.cache
def _escapes() -> tuple[pl.Expr, pl.Expr]:
    """The invisible characters and their escapes as list literals, made once (slow).

    Each is one list value (``lit(Series).implode()``): polars 2.2 takes only a scalar
    for ``replace_many``'s patterns and refuses the literal of an imploded Series that
    2.1 and older took.
    """
    old, new = pl.Series(_INVISIBLE_CHARS, dtype=pl.Utf8), pl.Series(_ESCAPES, dtype=pl.Utf8)
    return pl.lit(old).implode(), pl.lit(new).implode()


def printable_expr(text: pl.Expr, limit: int = MAX_ECHO) -> pl.Expr:
    """:func:`printable` of each value of a ``Utf8`` expression (quoted, escaped, cut)."""
    escaped = text.str.replace_many(*_escapes())
    cut = (
        pl.when(escaped.str.len_chars() > limit)
        .then(pl.concat_str(escaped.str.slice(0, limit - 1), pl.lit("…")))
        .otherwise(escaped)
    )
    return pl.concat_str(pl.lit("'"), cut, pl.lit("'"))
