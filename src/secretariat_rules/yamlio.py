"""Safe YAML loading that remembers the line of every key and list item.

Only ``yaml.SafeLoader`` is used: a YAML file can never construct Python objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from pydantic import ValidationError

    from .exceptions import ConfigurationError, Problem

PathKey = tuple[str | int, ...]


@dataclass
class LineIndex:
    """Maps a path into a YAML document (keys and list indices) to its 1-based line."""

    path: str
    lines: dict[PathKey, int] = field(default_factory=dict)

    def line(self, key: Sequence[str | int]) -> int | None:
        """The line of ``key``, or of its nearest ancestor that has one."""
        parts = tuple(key)
        while parts:
            if parts in self.lines:
                return self.lines[parts]
            parts = parts[:-1]
        return self.lines.get((), None)


def _index(node: yaml.Node, prefix: PathKey, out: dict[PathKey, int]) -> None:
    """Record the line of ``node`` at ``prefix`` (a key's own line wins), then recurse."""
    out.setdefault(prefix, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            out[(*prefix, key)] = key_node.start_mark.line + 1
            _index(value_node, (*prefix, key), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, (*prefix, i), out)


class _SafeLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` that keeps an impossible date (``2025-02-30``) as its text.

    PyYAML's own timestamp constructor raises a bare ``ValueError`` there, with no line;
    as text, the value reaches the schema, which rejects it with its file and line.
    """


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except ValueError:
        return loader.construct_scalar(node)  # type: ignore[arg-type]


_SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def load_yaml(text: str, path: str) -> tuple[Any, LineIndex]:
    """Parse one YAML document safely; return the data and its line index.

    :raises yaml.YAMLError: on a syntax error (callers map it to their own error).
    """
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    index = LineIndex(path)
    if node is not None:
        _index(node, (), index.lines)
    return data, index


def yaml_error_line(exc: yaml.YAMLError) -> int | None:
    """The 1-based line a YAML error points at, if it says."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 if mark is not None else None


def read_yaml_file(path: Path, display: str) -> tuple[Any, LineIndex]:
    """Read and parse a YAML file (UTF-8, BOM allowed)."""
    return load_yaml(path.read_text(encoding="utf-8-sig"), display)


def validation_problems(
    exc: ValidationError, index: LineIndex, prefix: PathKey = ()
) -> list[Problem]:
    """Map pydantic errors to problems with the file and line each points at."""
    from .exceptions import Problem
    from .sources.values import printable

    problems = []
    for err in exc.errors():
        loc = (*prefix, *(p for p in err["loc"] if isinstance(p, str | int)))
        # keys are written by people too: escaped and cut like any echoed value
        where = ".".join(str(p) if isinstance(p, int) else printable(p)[1:-1] for p in loc)
        where = where or "(top level)"
        problems.append(Problem(index.path, index.line(loc), f"{where}: {err['msg']}"))
    return problems


def read_config(
    path: Path, display: str, error: type[ConfigurationError], what: str
) -> tuple[Any, LineIndex]:
    """Read a YAML configuration file, mapping every failure to ``error`` with file:line.

    :param what: what the file is, for messages ("ruleset", "waivers"...).
    """
    try:
        return load_yaml(path.read_text(encoding="utf-8-sig"), display)
    except OSError as exc:
        raise error(f"{display}: cannot read {what}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise error(f"{display}: {what} is not UTF-8 text ({exc.reason})") from exc
    except yaml.YAMLError as exc:
        line = yaml_error_line(exc)
        raise error(f"{display}:{line or '?'}: invalid YAML in {what}: {exc}") from exc
