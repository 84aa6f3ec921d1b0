"""Validation errors of the user's files in the catalogue's words (nb and en).

A validator of a schema model raises :class:`SchemaValueError`: a ``ValueError`` that
carries its :class:`~secretariat_rules.i18n.message.Msg` as ``.msg``. Where pydantic's
errors become :class:`~secretariat_rules.exceptions.Problem` (:func:`pydantic_message`),
each common error ``type`` is the catalogue entry ``error.pydantic.<type>`` filled with
the error's ``ctx`` values; a ``value_error`` shows the validator's own ``.msg`` (any
``ValueError`` with a ``.msg``, e.g. of the value-form parsers), else its text.

A type not in :data:`PYDANTIC_TYPES`, or one whose ``ctx`` lacks a value its entry
needs, falls back to pydantic's own (English) message: it is correct, only not
translated.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..i18n.message import Msg, Text, msg

__all__ = ["PYDANTIC_TYPES", "SchemaValueError", "pydantic_message"]


class SchemaValueError(ValueError):
    """A validator's ``ValueError`` whose text is a catalogue message (``.msg``).

    ``str(error)`` renders in :func:`~secretariat_rules.i18n.message.ui_lang`; a
    :class:`~secretariat_rules.exceptions.Problem` made of it keeps the :class:`Msg`.
    """

    def __init__(self, key: str, **values: object) -> None:
        self.msg: Msg = msg(key, **values)
        super().__init__(key)

    def __str__(self) -> str:
        return str(self.msg)


PYDANTIC_TYPES: dict[str, tuple[str, ...]] = {
    "missing": (),
    "extra_forbidden": (),
    "literal_error": ("expected",),
    "string_type": (),
    "string_pattern_mismatch": ("pattern",),
    "string_too_short": ("min_length",),
    "string_too_long": ("max_length",),
    "int_type": (),
    "int_parsing": (),
    "int_from_float": (),
    "float_type": (),
    "float_parsing": (),
    "bool_type": (),
    "bool_parsing": (),
    "list_type": (),
    "dict_type": (),
    "model_type": ("class_name",),
    "model_attributes_type": (),
    "date_type": (),
    "date_parsing": ("error",),
    "date_from_datetime_parsing": ("error",),
    "date_from_datetime_inexact": (),
    "datetime_type": (),
    "datetime_parsing": ("error",),
    "datetime_from_date_parsing": ("error",),
    "timezone_aware": (),
    "greater_than_equal": ("ge",),
    "less_than_equal": ("le",),
    "greater_than": ("gt",),
    "less_than": ("lt",),
    "finite_number": (),
    "too_short": ("field_type", "min_length", "actual_length"),
    "too_long": ("field_type", "max_length", "actual_length"),
    "none_required": (),
}
"""The pydantic error types in the catalogue, with the ``ctx`` values each entry uses."""

_COUNTED = {
    "string_too_short": "min_length",
    "string_too_long": "max_length",
    "too_short": "min_length",
    "too_long": "max_length",
}
"""Types whose entry has ``.one``/``.other`` forms, and the ``ctx`` value that counts."""


def _plain(value: object) -> object:
    """A ``ctx`` value as a :class:`Msg` value: numbers and text as they are."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return str(value)
    return value


def _choices(expected: str) -> Text:
    """pydantic's ``'a', 'b' or 'c'`` with the last ``or`` in the catalogue's words."""
    first, sep, last = expected.rpartition(" or ")
    if not sep:
        return expected
    return msg("error.pydantic.choices", first=first, last=last)


def _value_error(err: Mapping[str, Any]) -> Text:
    """A validator's message: its ``.msg`` if it has one, else its text."""
    error = err.get("ctx", {}).get("error")
    if error is None:
        return str(err["msg"])
    detail = getattr(error, "msg", None)
    if not isinstance(detail, Msg | str):
        detail = str(error)
    return msg(f"error.pydantic.{err['type']}", error=detail)


def pydantic_message(err: Mapping[str, Any]) -> Text:
    """The message of one pydantic error (an item of ``ValidationError.errors()``).

    Types in :data:`PYDANTIC_TYPES` come from the catalogue (``error.pydantic.<type>``);
    any other falls back to pydantic's English ``msg``.
    """
    kind = str(err.get("type", ""))
    if kind in ("value_error", "assertion_error"):
        return _value_error(err)
    needed = PYDANTIC_TYPES.get(kind)
    ctx = err.get("ctx") or {}
    if needed is None or any(name not in ctx for name in needed):
        return str(err["msg"])
    values: dict[str, object] = {name: _plain(ctx[name]) for name in needed}
    if kind == "literal_error":
        values["expected"] = _choices(str(ctx["expected"]))
    if kind in _COUNTED:
        values["count"] = values.pop(_COUNTED[kind])
    return msg(f"error.pydantic.{kind}", **values)
