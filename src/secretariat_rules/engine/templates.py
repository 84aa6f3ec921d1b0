"""Message templates: ``{path}`` placeholders filled with record values, never code."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any

from ..i18n.catalog import MESSAGES, t

PLACEHOLDER = re.compile(r"\{(\^*[A-Za-z_][A-Za-z0-9_.]*)\}")


def placeholders(template: str) -> list[str]:
    """The names a template refers to."""
    return PLACEHOLDER.findall(template)


def format_value(value: Any, lang: str) -> str:
    """A value as a reader expects it: ISO dates, grouped amounts, lists joined."""
    if type(value) is str:  # the common case, first
        return value
    if value is None:
        return t("value.missing", lang if lang in MESSAGES else "en")
    if isinstance(value, bool):
        return t("value.yes" if value else "value.no", lang if lang in MESSAGES else "en")
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        if value.is_integer():
            value = int(value)
        else:
            text = f"{value:,.2f}"
            return text.replace(",", " ").replace(".", ",") if lang == "nb" else text
    if isinstance(value, int):
        text = f"{value:,}"
        return text.replace(",", " ") if lang == "nb" else text
    if isinstance(value, list | tuple):
        return ", ".join(format_value(v, lang) for v in value)
    return str(value)


def render(template: str, values: Mapping[str, Any], lang: str) -> str:
    """Fill a template's placeholders; an unknown name is left as written."""
    parts = _parts(template)
    if len(parts) == 1:
        return template
    out = list(parts)
    for i in range(1, len(parts), 2):
        name = parts[i]
        if name in values:
            out[i] = format_value(values[name], lang)
        elif "^" + name in values:
            out[i] = format_value(values["^" + name], lang)
        else:
            out[i] = "{" + name + "}"
    return "".join(out)


def subject_renderer(template: str, lang: str) -> Callable[[object, str], str]:
    """``render(template, {"id": ident, "subject": text}, lang)`` as a function of
    ``(ident, text)``: a finding's lead, the template split once for all of a rule's
    findings. An ``id`` that is text is used as it is (what :func:`format_value` gives)."""
    parts = _parts(template)
    out = list(parts)
    slots: list[tuple[int, bool]] = []  # (index in out, whether it is the id)
    for i in range(1, len(parts), 2):
        name = parts[i]
        if name in ("id", "subject"):
            slots.append((i, name == "id"))
        else:
            out[i] = "{" + name + "}"
    if not slots:
        fixed = "".join(out)
        return lambda ident, text: fixed

    def value(ident: object) -> str:
        return ident if isinstance(ident, str) else format_value(ident, lang)

    if len(slots) == 1:
        index, is_id = slots[0]
        head, tail = "".join(out[:index]), "".join(out[index + 1 :])
        if is_id:
            return lambda ident, text: head + value(ident) + tail
        return lambda ident, text: head + text + tail

    def fill(ident: object, text: str) -> str:
        filled = out.copy()
        for index, is_id in slots:
            filled[index] = value(ident) if is_id else text
        return "".join(filled)

    return fill


@lru_cache(maxsize=1024)
def _parts(template: str) -> tuple[str, ...]:
    """A template split once: text, placeholder name, text, ... (names at odd indices)."""
    return tuple(PLACEHOLDER.split(template))


def all_placeholders(templates: Iterable[str]) -> list[str]:
    """Every distinct placeholder of several templates, in order."""
    return list(dict.fromkeys(name for t in templates for name in placeholders(t)))
