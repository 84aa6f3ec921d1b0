"""Message templates: ``{path}`` placeholders filled with record values, never code."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from ..i18n.catalog import MESSAGES, t

PLACEHOLDER = re.compile(r"\{(\^*[A-Za-z_][A-Za-z0-9_.]*)\}")


def placeholders(template: str) -> list[str]:
    """The names a template refers to."""
    return PLACEHOLDER.findall(template)


def format_value(value: Any, lang: str) -> str:
    """A value as a reader expects it: ISO dates, grouped amounts, lists joined."""
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


@lru_cache(maxsize=1024)
def _parts(template: str) -> tuple[str, ...]:
    """A template split once: text, placeholder name, text, ... (names at odd indices)."""
    return tuple(PLACEHOLDER.split(template))


def all_placeholders(templates: Iterable[str]) -> list[str]:
    """Every distinct placeholder of several templates, in order."""
    return list(dict.fromkeys(name for t in templates for name in placeholders(t)))
