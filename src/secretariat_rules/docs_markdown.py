"""Docstrings and configuration models as Markdown, for the generated references.

The project's reST docstrings become Markdown (:func:`docstring_markdown`), a check
kind's configuration model a fields table (:func:`check_kind_section`); ``docs/hooks.md``
is :func:`hooks_reference`. :mod:`.docs` assembles ``docs/rules.md`` from these.
"""

from __future__ import annotations

import inspect
import re
import sys
import textwrap
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, get_args

from pydantic import BaseModel, TypeAdapter

from .engine import conditions

CONDITION_MODELS: tuple[type[BaseModel], ...] = (
    conditions.Requirement,
    conditions.Compare,
    conditions.Ref,
)
"""Models of the condition language whose fields are listed (shared by the check kinds)."""

_CONDITION_REFS = frozenset(
    item["$ref"].rsplit("/", 1)[-1]
    for item in TypeAdapter(conditions.Condition).json_schema()["oneOf"]
)
"""Definitions that together make up one condition, shown as ``condition``."""


# --------------------------------------------------------------------------- docstrings


def hooks_reference() -> str:
    """``docs/hooks.md``: every hook of :mod:`secretariat_rules.hookspecs`, from its docstring."""
    from . import hookspecs

    lines = [
        "# Hook reference",
        "",
        "<!-- Generated from src/secretariat_rules/hookspecs.py by `make docs`; do not edit. -->",
        "",
        *docstring_markdown(hookspecs.__doc__ or ""),
        "",
    ]
    for name in sorted(n for n in vars(hookspecs) if n.startswith("secretariat_")):
        function = getattr(hookspecs, name)
        lines += [f"## `{name}()`", "", *docstring_markdown(function.__doc__ or ""), ""]
    return "\n".join(squeeze(lines)) + "\n"


def inline(text: str) -> str:
    """reST inline markup to Markdown: ``code``, :role:`~a.b` → `b`."""
    text = re.sub(r":[a-z]+:`~?([^`<]*?)(?: <[^>]*>)?`", lambda m: f"`{_last(m.group(1))}`", text)
    return text.replace("``", "`")


def _last(path: str) -> str:
    return path.rsplit(".", 1)[-1] if path.startswith(("secretariat_rules", "~")) else path


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip())


def _is_term(lines: Sequence[str], i: int) -> bool:
    """A definition-list term: a short unindented line over an indented paragraph."""
    line = lines[i]
    return (
        bool(line.strip())
        and not line[0].isspace()
        and not line.startswith(("-", "*"))
        and len(line) <= 40
        and not line.rstrip().endswith((".", ",", ":", ";"))
        and i + 1 < len(lines)
        and lines[i + 1].startswith(" ")
        and bool(lines[i + 1].strip())
    )


def docstring_markdown(doc: str) -> list[str]:
    """A docstring in the project's reST style as Markdown lines.

    Handles definition-list headings (``What it does`` / ``Why``), literal blocks after
    ``::`` (as fenced YAML) and inline markup; the rest passes through.
    """
    lines = inspect.cleandoc(doc).splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.rstrip().endswith("::"):
            lead = line.strip()[:-1]
            if lead != ":":
                out.append(inline(lead))
            indent = _indent_of(line)
            i += 1
            block: list[str] = []
            while i < len(lines) and (not lines[i].strip() or _indent_of(lines[i]) > indent):
                block.append(lines[i])
                i += 1
            body = textwrap.dedent("\n".join(block)).strip("\n")
            out += ["", "```yaml", *body.splitlines(), "```", ""]
            continue
        if _is_term(lines, i):
            out += [f"**{inline(line.strip())}**", ""]
            i += 1
            block = []
            while i < len(lines) and (not lines[i].strip() or lines[i][0].isspace()):
                block.append(lines[i])
                i += 1
            out += docstring_markdown(textwrap.dedent("\n".join(block)))
            out.append("")
            continue
        out.append(inline(line.rstrip()))
        i += 1
    return squeeze(out)


def squeeze(lines: list[str]) -> list[str]:
    """No leading, trailing or repeated blank lines."""
    out: list[str] = []
    for line in lines:
        if not line.strip() and (not out or not out[-1].strip()):
            continue
        out.append(line)
    while out and not out[-1].strip():
        out.pop()
    return out


# --------------------------------------------------------------------------- config models


def schema_type(node: Mapping[str, Any]) -> str:
    """A short type for a JSON Schema node: ``list of condition``, ``text | null``."""
    if "$ref" in node:
        name = str(node["$ref"]).rsplit("/", 1)[-1]
        return "text {nb, en}" if name == "Text" else f"`{name}`"
    for key in ("anyOf", "oneOf"):
        if key in node:
            refs = {str(n.get("$ref", "")).rsplit("/", 1)[-1] for n in node[key]}
            if refs == _CONDITION_REFS:
                return "condition"
            parts = [schema_type(n) for n in node[key]]
            return " \\| ".join(dict.fromkeys(parts))
    if "const" in node:
        return f"`{node['const']}`"
    if "enum" in node:
        return " \\| ".join(f"`{value}`" for value in node["enum"])
    kind = node.get("type")
    if kind == "array":
        items = schema_type(node.get("items", {}))
        return f"list of ({items})" if "\\|" in items else f"list of {items}"
    if kind == "object":
        extra = node.get("additionalProperties")
        return f"mapping to {schema_type(extra)}" if isinstance(extra, Mapping) else "mapping"
    if kind == "string" and "format" in node:
        return str(node["format"])
    return str(kind or "any")


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in get_args(annotation):
        yield from _models_in(arg)


def config_models(model: type[BaseModel]) -> list[type[BaseModel]]:
    """The model and the models its fields use that are defined next to it (same module)."""
    found = [model]
    for current in found:
        for info in current.model_fields.values():
            for sub in _models_in(info.annotation):
                if sub.__module__ == model.__module__ and sub not in found:
                    found.append(sub)
    return found


def _default(info: Any) -> str:
    if info.is_required():
        return "*required*"
    value = info.get_default(call_default_factory=True)
    if value is None:
        return "—"
    if isinstance(value, str):
        return f"`{value}`"
    return f"`{value!r}`".replace("'", '"')


def fields_table(model: type[BaseModel]) -> list[str]:
    """A Markdown table of a model's fields: name, type, default, description."""
    schema = model.model_json_schema(ref_template="#/$defs/{model}")
    if "$ref" in schema:  # a recursive model is itself a definition
        schema = schema["$defs"][str(schema["$ref"]).rsplit("/", 1)[-1]]
    properties = schema.get("properties", {})
    lines = ["| Field | Type | Default | Description |", "|---|---|---|---|"]
    for name, info in model.model_fields.items():
        key = info.alias or name
        node = properties.get(key, {})
        description = (info.description or "").replace("|", "\\|")
        lines.append(f"| `{key}` | {schema_type(node)} | {_default(info)} | {description} |")
    if len(lines) == 2:
        lines = ["No options."]
    return lines


def check_kind_section(name: str, kind: Any) -> list[str]:
    """The section of one check kind: its documentation and its configuration fields."""
    cls_doc = inspect.getdoc(type(kind)) or ""
    module_doc = inspect.getdoc(sys.modules[type(kind).__module__]) or ""
    doc = cls_doc if "\n\n" in cls_doc or not module_doc else module_doc
    lines = [f"### `{name}`", "", *docstring_markdown(doc), ""]
    for model in config_models(kind.config_model):
        title = "Configuration" if model is kind.config_model else f"`{model.__name__}`"
        summary = inspect.getdoc(model) or ""
        lines += [f"#### {title}", ""]
        if summary:
            lines += [inline(summary.splitlines()[0]), ""]
        lines += [*fields_table(model), ""]
    return lines
